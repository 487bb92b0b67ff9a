"""The local build's pool: its own process is a worker, and it takes back batches still queued."""
import os
import time

import pytest

import kg.build.work
from kg.build.engines import LocalEngine, PoolHandle, _Done, run_batches
from kg.build.work import extract_batch
from kg.samples import paths
from kg.build.workpool import Pool

_PARENT = os.getpid()


def _wait_for(path, seconds=30):
    end = time.monotonic() + seconds
    while not os.path.exists(path):
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.01)


def _taken_back(pool, seconds=10):
    """pool.take_back(), once the batch is in the queue: multiprocessing's queue hands a put item
    to its pipe from a feeder thread, so on a busy machine it may not be there at once."""
    end = time.monotonic() + seconds
    while True:
        got = pool.take_back()
        if got is not None or time.monotonic() > end:
            return got
        time.sleep(0.01)


def test_batches_queued_for_the_pool_can_be_taken_back(tmp_path):
    started, release = tmp_path / "started", tmp_path / "release"

    def slow(batch, spool):
        started.touch()
        _wait_for(release)
        return ("inline", [batch])

    pool = Pool(1, slow, str(tmp_path))
    try:
        for i in range(3):
            pool.put(i, f"batch {i}")
        _wait_for(started)                      # the pool process holds batch 0
        assert _taken_back(pool) == (1, "batch 1")
        assert _taken_back(pool) == (2, "batch 2")
        assert pool.take_back() is None and pool.out == 1
        release.touch()
        pool.poll(None)
        assert pool.done == {0: ("inline", ["batch 0"])} and pool.out == 0
    finally:
        pool.close()
    assert not list(tmp_path.glob("batch-*")), "the batch files are removed"


def _batches():
    sources = [(p.name, p.read_text(encoding="utf-8"), "", "") for p in paths()]
    return [(i, [src]) for i, src in enumerate(sources * 3)]


def test_two_workers_are_this_process_and_one_pool_process():
    batches = _batches()
    eng = LocalEngine(2)
    handles = [eng.submit(i, b) for i, b in batches]
    try:
        kinds = {type(h) for h in handles}
        assert kinds == {_Done, PoolHandle}, "some batches are extracted here, the others in the pool"
        assert len(eng.pool.procs) == 1
        got = [h.get() for h in handles]
    finally:
        eng.close()
    assert [[(r.source, r.nt, r.holdings) for r in rs] for rs in got] == \
           [[(r.source, r.nt, r.holdings) for r in extract_batch(b)] for _, b in batches]


def _fails_in_pool(batch):
    if os.getpid() != _PARENT:
        raise ValueError("bad page in a pool process")
    return extract_batch(batch)


def test_an_error_in_a_pool_process_reaches_the_build(monkeypatch):
    monkeypatch.setattr(kg.build.work, "extract_batch", _fails_in_pool)   # what a pool process runs
    with pytest.raises(ValueError, match="bad page in a pool process") as err:
        list(run_batches(LocalEngine(2), iter(_batches())))
    if hasattr(err.value, "__notes__"):
        assert "_fails_in_pool" in err.value.__notes__[0], "the worker's traceback comes along"


def test_a_pool_process_whose_build_is_gone_exits(tmp_path):
    """Killed with SIGKILL, the build sends no None: its pool processes must not wait forever."""
    import multiprocessing as mp

    from kg.build.workpool import _serve

    ctx = mp.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    spool = tmp_path / "spool"
    spool.mkdir()
    (spool / "batch-1.pickle").write_bytes(b"left over")
    p = ctx.Process(target=_serve, args=(ctx.Queue(), writer, None, str(spool), -1))
    p.start()
    p.join(timeout=30)
    assert p.exitcode == 0 and not spool.exists(), "it exits, and removes the spool"
