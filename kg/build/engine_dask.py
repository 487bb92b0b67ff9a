"""``kg build --engine dask --scheduler ADDR``: extraction on a dask.distributed cluster.

Extraction is a pure function of one page and IRIs are deterministic, so the graph of a corpus
is the plain union of its pages' graphs. Each task takes a batch of pages, writes the batch's
triples as a sorted N-Triples shard (``part-000042.nt``) into the shard directory, and returns
the per-page results to the client, which merges them into the sorted output and/or the store
exactly as a local build does. The shards plus ``holdings.nt`` (written by the client) are the
whole graph, ready for any store's bulk loader (Oxigraph server, Jena TDB2 tdb2.tdbloader, QLever).

Workers need govkg installed (``pip install govkg[dist]``) and, for the shards to be useful to
the client, a shard directory on a filesystem they share with it.
"""
from __future__ import annotations

import re
import socket
from pathlib import Path

from kg.atomic import write_atomic
from kg.build.engines import Engine, Handle
from kg.build.work import extract_batch
from kg.errors import KgError
from kg.graph.shards import sorted_unique


def extract_shard(batch, path: str) -> list:
    """Run on a dask worker: extract a batch of pages and write its shard; return the results."""
    results = extract_batch(batch)
    data = sorted_unique(b"".join(b for r in results for b in r.blocks))
    write_atomic(path, lambda f: f.write(data))
    return results


class FutureHandle(Handle):
    """A batch submitted to the cluster: a dask future."""

    def __init__(self, future):
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def get(self):
        return self.future.result()


class DaskEngine(Engine):
    """kg.build.engines.Engine over a dask.distributed Client. No taper (a cluster takes many
    batches at once), and no core of this machine is its (processes = 1)."""

    def __init__(self, scheduler: str, shard_dir, timeout: float = 20):
        try:   # (an optional dependency, govkg[dist]: imported only when asked for)
            from distributed import Client
        except ImportError:
            raise KgError("--engine dask needs dask.distributed: pip install 'govkg[dist]'") from None
        self.shard_dir = Path(shard_dir)
        try:
            self.shard_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise KgError(f"{self.shard_dir}: cannot create the shard directory ({e.strerror or e})") from None
        for old in list(self.shard_dir.glob("part-*.nt")) + [self.shard_dir / "holdings.nt"]:
            old.unlink(missing_ok=True)  # shards of an earlier run would join this run's union
        refused = _refused(scheduler, timeout)
        if refused:
            raise KgError(f"{scheduler}: cannot reach the dask scheduler ({refused})")
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise KgError(f"{scheduler}: cannot reach the dask scheduler ({' '.join(str(e).split())})") from None
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.inflight = max(2, 3 * threads)
        self.futures = []

    def submit(self, index: int, batch):
        path = str(self.shard_dir / f"part-{index:06d}.nt")
        fut = self.client.submit(extract_shard, batch, path, pure=False, key=f"kg-extract-{index}-{id(self)}")
        self.futures.append(fut)
        return FutureHandle(fut)

    def close(self):
        self.futures = []
        self.client.close()

    def abort(self):
        for f in self.futures:
            f.cancel()
        self.close()


def _refused(scheduler: str, timeout: float) -> str:
    """Why nothing listens at a tcp:// scheduler address ("" if something may): a refused
    connection is said at once, where the client would retry it until its timeout (20 s)."""
    m = re.fullmatch(r"tcp://\[?([^\]/]+?)\]?:(\d+)/?", scheduler)
    if not m:
        return ""
    try:
        socket.create_connection((m.group(1), int(m.group(2))), timeout=timeout).close()
    except ConnectionRefusedError as e:
        return e.strerror or "connection refused"
    except (OSError, ValueError):      # a slow or unnamed host: the client says what went wrong
        return ""
    return ""


def shard_dir_for(output, store) -> Path:
    """Where shards go: -o DIR itself; beside -o FILE as FILE-stem.shards/; else beside the store."""
    if output is not None:
        p = Path(output)
        if is_dir_output(p):
            return p
        return p.with_name(p.stem + ".shards")
    s = Path(store)
    return s.with_name(s.name + ".shards")


def is_dir_output(p) -> bool:
    p = Path(str(p))
    return p.is_dir() or str(p).endswith(("/", "\\")) or not p.suffix
