"""`kg serve`: the graph behind a SPARQL 1.1 Protocol endpoint, served by the Oxigraph server.

The server is the ``oxigraph`` binary of the PyPI package of the same name (Rust, no runtime
download): it opens an on-disk store read-only, answers the SPARQL 1.1 Protocol at /query
(and /sparql), and serves the YASGUI query page from its own files at /. A graph file is first
loaded into a store cached beside it (``.NAME.serve/``), keyed by the file's content, so the
second ``kg serve`` of the same file starts at once and an edited file is loaded again.

Both the server and kg's pyoxigraph use Oxigraph's RocksDB layout, which is kept only within a
minor release, so the two must share major.minor -- checked before serving.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import click
import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import is_store_dir

DEFAULT_BIND = "127.0.0.1:7878"
CACHE_KEY = "govkg-serve.json"     # inside a cached store: what it was loaded from
LOADABLE = (".ttl", ".nt")


def parse_bind(bind: str) -> tuple[str, int]:
    """HOST:PORT (or [v6]:PORT) -> (host, port); KgError on anything else."""
    m = re.fullmatch(r"(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})", bind.strip())
    if not m or not 0 < int(m.group(2)) < 65536:
        raise KgError(f"--bind {bind}: expected HOST:PORT, e.g. 127.0.0.1:7878")
    return m.group(1), int(m.group(2))


def server_binary() -> str:
    """The oxigraph server of this interpreter's environment (or on PATH)."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise KgError(f"the Oxigraph server is not installed: pip install oxigraph=={_pyoxigraph_version()}")


def _pyoxigraph_version() -> str:
    return version("pyoxigraph")


def _minor(v: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", v)[:2])


def check_version(binary: str) -> str:
    """The server's version; KgError when it cannot read the stores pyoxigraph writes."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout
    except OSError as e:
        raise KgError(f"{binary}: cannot run the Oxigraph server ({e.strerror or e})") from None
    m = re.search(r"(\d+\.\d+\.\d+\S*)", out)
    ours = _pyoxigraph_version()
    if not m:
        raise KgError(f"{binary}: not an Oxigraph server (`--version` printed {out.strip()!r})")
    if _minor(m.group(1)) != _minor(ours):
        raise KgError(f"{binary}: Oxigraph server {m.group(1)} cannot read the stores of pyoxigraph {ours}: "
                      f"pip install oxigraph=={ours}")
    return m.group(1)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cached_store(graph: Path, echo=lambda s: None) -> Path:
    """The store directory a Turtle or N-Triples GRAPH is served from, loaded when missing or stale.

    Size and mtime say "unchanged" without reading the file; when they differ the content
    decides (a copy or a touch keeps the store), and a changed file is loaded into a new
    directory swapped in for the old one, so a server already running on it is not disturbed
    mid-load and an interrupted load leaves nothing half made.
    """
    if graph.suffix.lower() not in LOADABLE:
        raise KgError(f"{graph}: kg serve loads Turtle (.ttl) or N-Triples (.nt) files, or a store directory "
                      f"(kg build --store DIR); convert others with kg export")
    st = graph.stat()
    cache = graph.with_name(f".{graph.name}.serve")
    key_file = cache / CACHE_KEY
    quick = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "pyoxigraph": _pyoxigraph_version()}
    old = {}
    if is_store_dir(cache) and key_file.is_file():
        try:
            old = json.loads(key_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
    if old and all(old.get(k) == v for k, v in quick.items()):
        return cache
    digest = _digest(graph)
    if old.get("sha256") == digest and old.get("pyoxigraph") == quick["pyoxigraph"]:
        _write_key(key_file, {**quick, "sha256": digest})
        return cache
    echo(f"kg: loading {graph} into {cache} (once; reused while the file is unchanged)")
    tmp = graph.with_name(f".{graph.name}.serve.new-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        fmt = ox.RdfFormat.TURTLE if graph.suffix.lower() == ".ttl" else ox.RdfFormat.N_TRIPLES
        try:
            with open(graph, "rb") as f:
                store.bulk_load(f, format=fmt, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError) as e:
            raise KgError(f"{graph}: not a readable graph ({' '.join(str(e).split())})") from None
        store.flush()
        store.optimize()
        del store
        _write_key(tmp / CACHE_KEY, {**quick, "sha256": digest})
        if cache.exists():
            gone = graph.with_name(f".{graph.name}.serve.old-{os.getpid()}")
            os.replace(cache, gone)
            os.replace(tmp, cache)
            shutil.rmtree(gone, ignore_errors=True)
        else:
            os.replace(tmp, cache)
    except OSError as e:
        raise KgError(f"{cache}: cannot write the served store beside the graph ({e.strerror or e})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return cache


def _write_key(path: Path, key: dict) -> None:
    path.write_text(json.dumps(key, sort_keys=True), encoding="utf-8")


def store_for(graph) -> Path:
    """The store directory to serve for GRAPH (a store directory as is, a file through its cache)."""
    p = Path(str(graph))
    if not p.exists():
        raise KgError(f"{p}: no such file or store directory")
    if p.is_dir():
        if not is_store_dir(p):
            raise KgError(f"{p}: a directory that is not a govkg store (made by `kg build --store DIR`)")
        return p

    return cached_store(p, echo=lambda s: click.echo(s, err=True))


def _die_with_parent() -> None:
    """In the server's process: the kernel ends it when kg dies, even by SIGKILL (Linux prctl)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)     # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def serve(graph, bind: str = DEFAULT_BIND, *, ready=None, timeout_s: int | None = None) -> int:
    """Run the server on GRAPH until it stops or Ctrl-C; READY(url) once it listens.

    Returns the server's exit status. KeyboardInterrupt propagates after the server is stopped.
    """
    host, port = parse_bind(bind)
    binary = server_binary()
    check_version(binary)
    location = store_for(graph)
    cmd = [binary, "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
           # kg query reads the union of all graphs; the endpoint answers the same queries the same way
           "--union-default-graph"]
    if timeout_s:
        cmd += ["--timeout-s", str(timeout_s)]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace", preexec_fn=_die_with_parent)

    def _terminated(signum, frame):    # `kill PID` stops the server as Ctrl-C does, not leaving it behind
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        listening = False
        for line in proc.stderr:
            # the server's own greeting is replaced by ours; anything else it says is passed on
            if not listening and line.startswith("Listening for requests"):
                listening = True
                if ready is not None:
                    ready(f"http://{host}:{port}")
                continue
            if not listening:
                proc.wait()
                raise KgError(f"cannot serve {graph} on {host}:{port}: {' '.join(line.split())}")
            sys.stderr.write(line)
        return proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
