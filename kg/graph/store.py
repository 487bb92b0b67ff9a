"""Open a graph written by ``kg build``: the hub every reading command starts from.

A graph is either an RDF file (format from its extension: .ttl .nt .jsonld .trig) or an
on-disk Oxigraph store directory (``kg build --store DIR``). Reading commands query it with
SPARQL through pyoxigraph, which parses 10-50x faster than rdflib and answers from disk
without re-parsing; rdflib is used where its Python API is the point (eval, validate).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import click
import pyoxigraph as ox

from kg.atomic import not_a_directory
from kg.errors import KgError

MANIFEST = "govkg-pages.sqlite"      # inside a store directory: page keys, per-page triples and holdings
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads"}
QUADS = ("trig", "nquads")   # formats of named graphs: read as the union of their graphs


def rdf_format(path) -> str:
    """The rdflib format name for a graph file, from its extension (Turtle when unknown)."""
    return FORMATS.get(Path(str(path)).suffix.lower(), "turtle")


def _ox_format(path):
    return {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
            "json-ld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG,
            "nquads": ox.RdfFormat.N_QUADS}[rdf_format(path)]


def is_store_dir(path) -> bool:
    p = Path(str(path))
    return p.is_dir() and (p / "CURRENT").exists()


@contextmanager
def writing(store):
    """Held while a build writes STORE: a second build into it waits for the first, then finds its
    pages there (two at once saw the store half made and refused it, or fought over its files).

    The lock is on the directory that holds the store, not a file in it: a rebuilt store is a
    new directory swapped in, and a lock file would be one more thing to leave behind.
    """
    import fcntl   # (deferred: kg/__init__.py says why)


    parent = Path(str(store)).absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    except (FileExistsError, NotADirectoryError):
        raise KgError(f"{store}: cannot be made: {not_a_directory(store)} is not a directory") from None
    except OSError as e:
        raise KgError(f"{store}: cannot make the store here ({e.strerror or e})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            click.echo(f"kg: waiting for another kg build writing a store in {parent}", err=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)      # and with it the lock


# (device, inode) -> descriptor of each store directory this process reads, open (and locked)
# until it exits: one per version of a store it opened, not one per open
_HELD: dict = {}


def _pinned(p: Path) -> str:
    """A path to the store directory P that stays with the directory this call found, and a
    shared lock on it: a build that updates the store swaps another directory in under P's name
    and removes the old one only when no reader holds it (kg.build.pipeline._swap_in), so a reader
    reads one store whole, never files of two. Where there is no /proc, P itself."""
    import fcntl   # (deferred: kg/__init__.py says why)

    for _ in range(3):
        try:
            fd = os.open(p, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return str(p)
        fcntl.flock(fd, fcntl.LOCK_SH)
        pinned = f"/proc/self/fd/{fd}"
        if not os.path.exists(pinned):
            os.close(fd)
            return str(p)
        if os.path.exists(f"{pinned}/CURRENT"):
            st = os.fstat(fd)
            held = _HELD.setdefault((st.st_dev, st.st_ino), fd)
            if held != fd:
                os.close(fd)
            return f"/proc/self/fd/{held}"
        os.close(fd)      # an old store, removed between the open and the lock: the new one is there
    return str(p)


def open_store(path):
    """A pyoxigraph.Store for a graph file (loaded in memory) or a store directory (opened read-only)."""
    p = Path(str(path))
    if not p.exists():
        raise KgError(f"{p}: no such file or store directory")
    if p.is_dir():
        if not is_store_dir(p):
            raise KgError(f"{p}: a directory that is not a govkg store (made by `kg build --store DIR`)")
        try:
            return ox.Store.read_only(_pinned(p))
        except OSError as e:
            raise KgError(f"{p}: cannot open store ({e})") from None
    store = ox.Store()
    try:
        with open(p, "rb") as f:
            if rdf_format(p) in QUADS:
                store.load(f, format=_ox_format(p))
            else:
                store.load(f, format=_ox_format(p), to_graph=ox.DefaultGraph())
    except (SyntaxError, ValueError, OSError) as e:
        raise KgError(f"{p}: not a readable {rdf_format(p)} graph ({' '.join(str(e).split())})") from None
    return store


def select(store, sparql: str) -> list[dict]:
    """Run a SELECT; rows as dicts of variable name -> plain Python value (str/int/float) or None.

    Queries run over the union of all graphs, so TriG input reads like Turtle input.
    """
    out = []
    res = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    for sol in res:
        row = {}
        for n in names:
            t = sol[n]
            row[n] = None if t is None else _py(t)
        out.append(row)
    return out


def _py(term):
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith("#integer") or dt.endswith("#int") or dt.endswith("#long"):
            return int(term.value)
        if dt.endswith("#decimal") or dt.endswith("#double"):
            return float(term.value)
        return term.value
    return term.value


def load_graph(path):
    """Parse one graph file (or store directory) into an rdflib Graph; KgError when unusable."""
    import rdflib   # (deferred: kg/__init__.py says why)

    p = Path(str(path))
    if is_store_dir(p):
        data = open_store(p).dump(format=ox.RdfFormat.N_QUADS)
        g = rdflib.Graph()
        ds = rdflib.Dataset()
        ds.parse(data=data.decode("utf-8"), format="nquads")
        for t in ds.quads():
            g.add(t[:3])
        return g
    if not p.exists():
        raise KgError(f"{p}: no such file")
    if p.is_dir():
        raise KgError(f"{p}: is a directory, not a graph file")
    g = rdflib.Dataset() if rdf_format(p) in QUADS else rdflib.Graph()
    try:
        g.parse(str(p), format=rdf_format(p))
    except Exception as e:  # rdflib raises many types; the user needs the file and the reason
        # rdflib messages span lines; the CLI promises one line naming the file and the problem.
        reason = " ".join(f"{type(e).__name__}: {e}".split())
        raise KgError(f"{p}: not a readable {rdf_format(p)} graph ({reason})") from None
    if isinstance(g, rdflib.Dataset):
        merged = rdflib.Graph()
        for t in g.quads():
            merged.add(t[:3])
        return merged
    return g
