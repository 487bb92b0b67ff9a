"""Engines: where a build's pages are extracted. The build sees only :class:`Engine` (its
``run``, and the three figures it declares); how the work is spread over processes or machines,
and the speed tricks that go with it, stay behind it.

- :class:`LocalEngine`: this process and N-1 forked pool processes (kg.build.workpool).
- ``kg.build.engine_dask.DaskEngine``: a dask.distributed cluster.
"""
from __future__ import annotations

import gc
from abc import ABC, abstractmethod
from collections import deque

from kg.build.work import extract_batch, extract_batch_spooled, unspool
from kg.build.workpool import Pool, raise_error
from kg.extract import gazetteer
from kg.extract.segment import open_dictionary_cache

BATCH_CHARS = 48_000                 # pages per task: enough text that IPC is noise (~0.3 s of work)
BATCH_PAGES = 16
TAPER_BATCHES = 3  # the last batches' worth of pages that go to workers a page at a time
POOL_QUEUE = 3     # batches given to each pool process: it never waits while this one extracts


class Handle(ABC):
    """A submitted batch: ``ready()`` says whether its results are there, ``get()`` waits for them."""

    @abstractmethod
    def ready(self) -> bool: ...

    @abstractmethod
    def get(self) -> list: ...


class Engine(ABC):
    """Where pages are extracted: the build gives it (index, batch) pairs and takes each batch's
    [PageResult] back in submission order (:meth:`run`).

    An engine declares:
      ``inflight``   batches submitted and not yet taken back, at most (bounds the pages in memory);
      ``taper``      the input's last ``taper`` batches' worth go out a page a batch (see
                     :func:`make_batches`), so that parallel workers finish together; 0: no taper;
      ``processes``  the cores of this machine its work used: free again once extraction ends,
                     the build writes its Turtle with as many processes.
    """
    inflight: int = 2
    taper: int = 0
    processes: int = 1

    def run(self, items):
        """(name, text, key, spec) items → each batch's results, in input order; the engine is
        closed at the end (aborted on an error or an interrupt)."""
        return run_batches(self, make_batches(items, self.taper))

    @abstractmethod
    def submit(self, index: int, batch) -> Handle:
        """Start extracting ``batch`` (a list of items); must not wait for it."""

    @abstractmethod
    def close(self) -> None:
        """Every batch was taken back: release the workers."""

    @abstractmethod
    def abort(self) -> None:
        """Stop at once: batches in progress are not waited for."""


class _Done(Handle):
    """A batch extracted already (in this process)."""

    def __init__(self, value):
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self):
        return self.value


class LocalEngine(Engine):
    """Batches in this process, and with N workers in N-1 forked pool processes too (kg.build.workpool).

    This process is a worker: the batches it extracts need no pickling, no copy and no page
    faults to reach the sorter, and on two cores it does not sit between two busy workers taking
    a slice of the cores to receive. Each pool process is kept POOL_QUEUE batches ahead; the
    batches it has not taken when the input ends come back here.

    Each worker loads the dictionary entries its pages need, as one worker does (a 10 MB build
    needs a small part of them), so the parent does not load the whole dictionary before the
    fork to share its pages: that cost the build 0.35-0.5 s of serial start-up and saved no
    memory (refcount writes copy the pages)."""

    def __init__(self, workers: int = 1):
        self.workers = workers
        self.pool = None
        # results held in order behind a pool batch not yet done: room for this process to go
        # on extracting meanwhile
        self.inflight = max(2, workers * 4 + 4)
        self.gc = None            # the collector's thresholds before the first batch, to restore
        self.taper = TAPER_BATCHES if workers > 1 else 0     # see make_batches
        self.processes = workers

    def _start(self):
        """Before the first batch (extraction's modules are imported already, with kg.build.work:
        forked workers share them and their compiled patterns rather than each building them):
        set the collector for extraction, which makes millions of short-lived objects and few
        cycles. What is loaded by then is frozen, so full collections skip it and a worker does
        not copy its pages by writing their GC headers; young objects are collected every
        10,000 allocations instead of 700. ~1% of a build's instructions."""
        if self.workers > 1:
            # pages whose home is inferred read the gazetteer: loaded once here, the workers share it
            gazetteer.preload()
        self.gc = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)

    def _finish(self):
        if self.gc is not None:
            gc.set_threshold(*self.gc)
            gc.unfreeze()
            self.gc = None

    def submit(self, index: int, batch):
        if self.gc is None:
            self._start()
        if self.workers > 1:
            if self.pool is None:
                self._open_pool()
            self.pool.poll()
            if self.pool.out < POOL_QUEUE * (self.workers - 1):
                try:
                    self.pool.put(index, batch)
                except OSError:       # the spool is full: this process extracts it
                    return _Done(extract_batch(batch))
                return PoolHandle(self, index)
        return _Done(extract_batch(batch))

    def _open_pool(self):
        # built here on a first run, not once per worker; the workers load what they need
        open_dictionary_cache()
        self.pool = Pool(self.workers - 1, extract_batch_spooled)

    def result(self, index: int):
        """The results of batch ``index``, given to the pool. While they are not there, this
        process extracts batches the pool has not taken yet rather than wait."""
        pool = self.pool
        while index not in pool.done:
            job = pool.take_back()
            if job is not None:
                pool.done[job[0]] = ("inline", extract_batch(job[1]))
            else:
                pool.poll(None)
        value = pool.done.pop(index)
        if value[0] == "error":
            raise_error(value)
        return unspool(value)

    def close(self):
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        self._finish()

    def abort(self):
        if self.pool is not None:
            self.pool.terminate()      # a batch in progress is not waited for
            self.pool = None
        self._finish()


class PoolHandle(Handle):
    """A batch given to a LocalEngine's pool."""

    def __init__(self, engine: LocalEngine, index: int):
        self.engine, self.index = engine, index

    def ready(self) -> bool:
        pool = self.engine.pool
        pool.poll()
        return self.index in pool.done

    def get(self):
        return self.engine.result(self.index)


def run_batches(engine, batches):
    """Submit (index, batch) pairs with a bounded number in flight; yield each batch's results
    in submission order, as soon as they are ready. The input is consumed lazily in this thread,
    so memory holds only the pages in flight."""
    q = deque()
    try:
        for index, batch in batches:
            q.append(engine.submit(index, batch))
            while q and (len(q) >= engine.inflight or q[0].ready()):
                yield q.popleft().get()
        while q:
            yield q.popleft().get()
        engine.close()
    except BaseException:
        engine.abort()
        raise


def make_batches(items, taper: int = 0):
    """(name, text, key) items → numbered batches of about BATCH_CHARS characters, in input order.

    ``taper``: the input's last ``taper`` batches' worth of pages go out a page a batch, so that
    parallel workers finish within a page of each other, not within a batch (a batch is ~0.1 s
    of work: a core idles that long at the end). The input is read that far ahead to see its end.
    """
    held, size, index = deque(), 0, 0
    for item in items:
        held.append(item)
        size += len(item[1])
        if size >= (taper + 1) * BATCH_CHARS or len(held) >= (taper + 1) * BATCH_PAGES:
            batch, chars = [], 0
            while chars < BATCH_CHARS and len(batch) < BATCH_PAGES:
                batch.append(held.popleft())
                chars += len(batch[-1][1])
            size -= chars
            yield index, batch
            index += 1
    if not taper and held:
        yield index, list(held)
        return
    for item in held:
        yield index, [item]
        index += 1
