"""Exports: the entity graph for Gephi (GraphML, GEXF) and Neo4j (CSV), the RDF for everyone else.

Graph formats carry the projection of kg.views.graphdata (entities, the nine relations with
evidence counts); RDF formats carry every triple, sorted, so the same graph always gives
the same bytes.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import open_store
from kg.graph.vocab import PREFIXES
from kg.views.graphdata import check_output, GraphData, read_store, to_networkx, write_atomic

GRAPH_FORMATS = (".graphml", ".gexf", ".csv")
RDF_FORMATS = (".nt", ".jsonld", ".trig", ".ttl")
FORMATS = GRAPH_FORMATS + RDF_FORMATS


def output_paths(out) -> list[Path]:
    """The files an export to OUT writes (CSV is a node file and a relationship file)."""
    out = Path(str(out))
    if out.suffix.lower() == ".csv":
        stem = out.with_suffix("")
        return [stem.with_name(stem.name + "-nodes.csv"), stem.with_name(stem.name + "-relationships.csv")]
    return [out]


# What XML 1.0 cannot hold, not even as a character reference: C0 controls but tab, newline and
# CR, and U+FFFE/FFFF. networkx writes strings as they are (GraphML) or as references (GEXF), so
# one such character from a PDF's text in a label or a sentence made the whole file unreadable.
# They are dropped from every string of a GraphML or GEXF file (the RDF keeps the text exactly).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return text if _NOT_XML.search(text) is None else _NOT_XML.sub("", text)


def _xml_graph(gd: GraphData):
    """kg.views.graphdata.to_networkx, every string in it fit for XML (node ids are IRIs: they are)."""
    g = to_networkx(gd)
    for attrs in [d for _, d in g.nodes(data=True)] + [d for _, _, d in g.edges(data=True)]:
        for k, v in attrs.items():
            if isinstance(v, str):
                attrs[k] = xml_safe(v)
    return g


def graphml(gd: GraphData) -> bytes:
    import networkx as nx   # (deferred: kg/__init__.py says why)

    buf = io.BytesIO()
    nx.write_graphml(_xml_graph(gd), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf(gd: GraphData) -> bytes:
    import networkx as nx   # (deferred: kg/__init__.py says why)

    g = _xml_graph(gd)
    for iri in g.nodes:  # Gephi shows the 'label' attribute; GEXF keeps it as the node label
        g.nodes[iri]["label"] = xml_safe(gd.nodes[iri].label)
    text = "\n".join(nx.generate_gexf(g, encoding="utf-8", prettyprint=True, version="1.2draft"))
    # networkx stamps today's date into <meta>; drop it so the same graph gives the same bytes
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text)
    return (text + "\n").encode("utf-8")


def neo4j_csv(gd: GraphData) -> tuple[bytes, bytes]:
    """Node and relationship files in `neo4j-admin database import` header format.

    Labels are the scored class and its subclasses (`Person`, `Event;Meeting`); aliases are
    a string[] (';'-separated, the importer's default array delimiter).
    """
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["iri:ID", "name", "aliases:string[]", "date", ":LABEL"])
    for iri, n in gd.nodes.items():
        w.writerow([iri, n.label, ";".join(a.replace(";", ",") for a in n.aliases), n.date or "",
                    ";".join((n.cls,) + n.subclasses)])
    rels = io.StringIO()
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE", "evidence:int", "sentence", "headline", "date"])
    for e in gd.edges:
        first = e.evidence[0] if e.evidence else None
        art = gd.articles.get(first.article) if first and first.article else None
        w.writerow([e.s, e.o, e.p, len(e.evidence), first.sentence if first else "",
                    (art.headline or "") if art else "", (art.date or "") if art else ""])
    return nodes.getvalue().encode("utf-8"), rels.getvalue().encode("utf-8")


def rdf(store, suffix: str) -> bytes:
    """Every triple of STORE, sorted, in the format of SUFFIX (pyoxigraph serialisers)."""
    fmt = {".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".trig": ox.RdfFormat.TRIG,
           ".ttl": ox.RdfFormat.TURTLE}[suffix]
    quads = sorted(store, key=lambda q: (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)))
    if suffix in (".nt", ".ttl", ".jsonld"):
        items = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    else:
        items = quads
    kwargs = {}
    if suffix in (".ttl", ".trig"):
        kwargs["prefixes"] = dict(sorted(PREFIXES.items()))
    try:
        return ox.serialize(items, format=fmt, **kwargs)
    except (ValueError, OSError) as e:
        raise KgError(f"cannot write {suffix} ({e})") from None


def export(graph, out) -> list[Path]:
    """Convert GRAPH to the format OUT's extension names; the written paths."""
    suffix = Path(str(out)).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(suffix)
    paths = [check_output(p, graph) for p in output_paths(out)]
    store = open_store(graph)
    if suffix in RDF_FORMATS:
        write_atomic(paths[0], rdf(store, suffix))
        return paths
    gd = read_store(store, source=str(graph))
    if suffix == ".graphml":
        write_atomic(paths[0], graphml(gd))
    elif suffix == ".gexf":
        write_atomic(paths[0], gexf(gd))
    else:
        nodes, rels = neo4j_csv(gd)
        write_atomic(paths[0], nodes)
        write_atomic(paths[1], rels)
    return paths
