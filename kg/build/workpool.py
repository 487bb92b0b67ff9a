"""Pool processes for a local build whose own process is one of the workers.

A build on N workers extracts in its own process and in N-1 pool processes. Batches for the pool
wait in one shared queue until a pool process takes one, so when the build runs out of input its
own process takes back the batches still waiting instead of idling while a pool process works
through them. (concurrent.futures hands a queued batch to a process at once: the build then
waited, at the end, for the two or three batches each pool process held, ~0.3 s of an idle core
per 10 MB of text.)

Batches and their results pass through files in a spool directory (memory-backed /dev/shm where
there is one): a batch's text is ~150 KB and its results ~2 MB, more than a pipe holds, and a
process writing into a full pipe waits until the reader, busy extracting, drains it. Only small
messages go through the queue and the pipes.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import shutil
import signal
import sys
import tempfile
import traceback
from multiprocessing.connection import wait
from queue import Empty

from kg.errors import KgError
from kg.tempfiles import mkdtemp, spool_root

DIED = ("a worker process died (killed, or out of memory?); no output was written. "
        "Try fewer --workers")


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system has one (a container or
    taskset given two of sixty-four gets two), else the host's count."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, n or 1)


def _spool_root() -> str | None:
    return spool_root()


def dump(obj, spool: str) -> str:
    """``obj`` pickled into a new file in ``spool``; its path. OSError if it cannot be written."""
    fd, path = tempfile.mkstemp(prefix="batch-", suffix=".pickle", dir=spool)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        os.unlink(path)
        raise
    return path


def load(path: str):
    """What :func:`dump` wrote; the file is removed."""
    with open(path, "rb") as f:
        data = f.read()
    os.unlink(path)
    return pickle.loads(data)


def _serve(tasks, conn, func, spool: str, parent: int) -> None:
    """A pool process: take (index, batch file) from ``tasks`` until None; send back
    (index, func(batch, spool)), or (index, ("error", exception, traceback text))."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the build's to handle: it stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)   # and SIGTERM (the build's terminate) ends us at once
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except Empty:
            if os.getppid() != parent:              # the build was killed: nobody will send None,
                shutil.rmtree(spool, ignore_errors=True)    # nor remove the spool from /dev/shm
                return
            continue
        if task is None:
            return
        index, path = task
        try:
            value = func(load(path), spool)
        except BaseException as e:                  # noqa: BLE001 - re-raised in the build
            value = ("error", e, traceback.format_exc())
        try:
            conn.send((index, value))
        except Exception as e:                      # an exception that does not pickle
            conn.send((index, ("error", KgError(f"in a worker process: {value[1]!r} ({e})"), value[2])))


def raise_error(value) -> None:
    """Re-raise an ("error", exception, traceback) a pool process sent, its traceback noted."""
    exc = value[1]
    if hasattr(exc, "add_note"):     # Python 3.11+
        exc.add_note("in a worker process:\n" + value[2].rstrip())
    raise exc


class Pool:
    """``procs`` forked processes running ``func(batch, spool)`` on batches put here. The spool
    directory is the pool's: made here, removed when the pool closes or is terminated (with the
    files of batches never collected)."""

    def __init__(self, procs: int, func, root: str | None = None):
        ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context()
        # named with the build's pid: a killed build's spool is removed by the next (kg.tempfiles)
        self.spool = spool = mkdtemp("batches", root or _spool_root())
        self.tasks = ctx.Queue()
        self.done: dict = {}      # index -> value, received and not yet collected
        self.out = 0              # batches queued or being extracted in pool processes
        self.procs, self.conns = [], []
        for _ in range(procs):
            reader, writer = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_serve, args=(self.tasks, writer, func, spool, os.getpid()), daemon=True)
            p.start()
            writer.close()
            self.procs.append(p)
            self.conns.append(reader)

    def put(self, index: int, batch) -> None:
        self.tasks.put((index, dump(batch, self.spool)))
        self.out += 1

    def take_back(self):
        """(index, batch) of a batch no pool process has taken yet, or None."""
        try:
            index, path = self.tasks.get_nowait()
        except Empty:
            return None
        self.out -= 1
        return index, load(path)

    def poll(self, timeout: float | None = 0) -> None:
        """Receive the results that have arrived (waiting up to ``timeout`` s for one; None:
        until one does). A pool process that has exited is an error: they leave only at close."""
        sentinels = {p.sentinel: p for p in self.procs}
        ready = wait(self.conns + list(sentinels), timeout)
        for r in ready:
            if r in sentinels:
                continue
            try:
                index, value = r.recv()
            except EOFError:
                raise KgError(DIED) from None
            self.done[index] = value
            self.out -= 1
        if any(r in sentinels for r in ready) and not any(c.poll() for c in self.conns):
            raise KgError(DIED)

    def close(self) -> None:
        for _ in self.procs:
            self.tasks.put(None)
        for p in self.procs:
            p.join()
        self.tasks.close()
        self.tasks.join_thread()
        shutil.rmtree(self.spool, ignore_errors=True)

    def terminate(self) -> None:
        for p in self.procs:
            if p.is_alive():
                p.terminate()
        for p in self.procs:
            p.join()
        self.tasks.cancel_join_thread()
        self.tasks.close()
        shutil.rmtree(self.spool, ignore_errors=True)
