"""Open a graph written by ``kg build``: an RDF file (format from its extension)."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig"}


def rdf_format(path) -> str:
    """The rdflib format name for a graph file, from its extension (Turtle when unknown)."""
    return FORMATS.get(Path(str(path)).suffix.lower(), "turtle")


def load_graph(path):
    """Parse one graph file into an rdflib Graph; a clear KgError when it is missing or unreadable."""
    import rdflib

    p = Path(str(path))
    if not p.exists():
        raise KgError(f"{p}: no such file")
    if p.is_dir():
        raise KgError(f"{p}: is a directory, not a graph file")
    g = rdflib.Dataset() if rdf_format(p) == "trig" else rdflib.Graph()
    try:
        g.parse(str(p), format=rdf_format(p))
    except Exception as e:  # rdflib raises many types; the user needs the file and the reason
        raise KgError(f"{p}: not a readable {rdf_format(p)} graph ({type(e).__name__}: {e})") from None
    if isinstance(g, rdflib.Dataset):
        merged = rdflib.Graph()
        for t in g.quads():
            merged.add(t[:3])
        return merged
    return g
