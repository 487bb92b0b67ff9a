"""Facts to RDF: deterministic IRIs, entity labels, direct triples, reified evidence, articles.

Triples are pyoxigraph terms and are serialised by pyoxigraph: it writes Turtle and N-Triples
10-50x faster than rdflib and in constant memory per triple, which is what lets a 100k-article
build stay linear (issue 5). Output is sorted, so the same input gives the same bytes.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.vocab import DCTERMS, GOV, PREFIXES, RDF, RDFS, RES_IRI, SCHEMA, SKOS, XSD, ontology_terms

_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


RESOURCE_KINDS = ("person", "post", "organization", "place", "event", "project", "document", "article",
                  "evidence", "holding")


def iri_segment(name: str) -> str:
    """A name as one IRI path segment: CJK stays readable, ASCII outside the unreserved set
    and anything an IRI may not hold is percent-encoded."""
    out = []
    for ch in name:
        if ch in _SAFE or (ord(ch) > 0x7F and not ch.isspace() and ord(ch) not in (0xFEFF,)):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def digest(*parts: str, n: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def entity_iri(type_: str, key: str) -> str:
    return f"{RES_IRI}{type_.lower()}/{iri_segment(key)}"


def article_iri(article_id: str) -> str:
    return f"{RES_IRI}article/{article_id}"


def article_id(body: str) -> str:
    """Content-addressed: the same article text is the same article, whichever file it came from."""
    return digest(body)


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _zh(s: str) -> ox.Literal:
    return ox.Literal(s, language="zh")


def _date(d: str) -> ox.Literal:
    if d.startswith("--"):
        return ox.Literal(d, datatype=_n(XSD.gMonthDay))
    return ox.Literal(d, datatype=_n(XSD.date))


def _int(i: int) -> ox.Literal:
    return ox.Literal(str(i), datatype=_n(XSD.integer))


_TERMS = None


def _classes(type_: str, subtype: str) -> list[str]:
    global _TERMS
    if _TERMS is None:
        _TERMS = set(ontology_terms())
    out = [type_]
    if subtype and subtype in _TERMS and subtype != type_:
        out.append(subtype)
    return out


class _Terms:
    """NamedNodes of the vocabulary, made once: a page makes thousands of triples with them."""

    def __init__(self):
        self.type, self.label, self.alt = _n(RDF.type), _n(RDFS.label), _n(SKOS.altLabel)
        self.subject, self.predicate, self.object = _n(RDF.subject), _n(RDF.predicate), _n(RDF.object)
        self.headline, self.date = _n(SCHEMA.headline), _n(DCTERMS.date)
        self.gov = {t: _n(GOV[t]) for t in ontology_terms()}


_T = None


def _terms() -> _Terms:
    global _T
    if _T is None:
        _T = _Terms()
    return _T


def page_triples(articles, facts) -> list[ox.Triple]:
    """Triples for one page's articles and facts (entities, relations, evidence, articles)."""
    V = _terms()
    G = V.gov
    T = []
    add = T.append
    for a, aid in articles:
        s = _n(article_iri(aid))
        add(ox.Triple(s, V.type, G["Article"]))
        if a.headline:
            add(ox.Triple(s, V.headline, _zh(a.headline)))
        if a.date:
            add(ox.Triple(s, V.date, _date(a.date)))
        add(ox.Triple(s, G["articleKind"], ox.Literal(a.kind)))
        add(ox.Triple(s, G["sourceFile"], ox.Literal(a.source)))
        add(ox.Triple(s, G["startOffset"], _int(a.start)))
        add(ox.Triple(s, G["endOffset"], _int(a.end)))
        add(ox.Triple(s, G["contentHash"], ox.Literal(aid)))
        for p, names in (("reporter", a.reporters), ("photographer", a.photographers)):
            for n in names:
                add(ox.Triple(s, G[p], _n(entity_iri("Person", n))))
    nodes = {}
    for e in facts.entities.values():
        s = nodes[(e.type, e.key)] = _n(entity_iri(e.type, e.key))
        for c in _classes(e.type, e.subtype):
            add(ox.Triple(s, V.type, G[c]))
        add(ox.Triple(s, V.label, _zh(e.key)))
        for n in sorted(e.names - {e.key}):
            add(ox.Triple(s, V.alt, _zh(n)))
        for aid in sorted(e.articles):
            add(ox.Triple(s, G["mentionedIn"], _n(article_iri(aid))))
    seen = set()
    for f in facts.facts:
        s = nodes.get((f.s.type, f.s.key)) or _n(entity_iri(f.s.type, f.s.key))
        o = nodes.get((f.o.type, f.o.key)) or _n(entity_iri(f.o.type, f.o.key))
        p = G[f.p]
        add(ox.Triple(s, p, o))
        ev_key = (f.s, f.p, f.o, f.article, f.start, f.sentence if f.start < 0 else "")
        if ev_key in seen:
            continue
        seen.add(ev_key)
        ev = _n(f"{RES_IRI}evidence/{digest(s.value, p.value, o.value, f.article, str(f.start), f.sentence)}")
        add(ox.Triple(ev, V.type, G["Evidence"]))
        add(ox.Triple(ev, V.subject, s))
        add(ox.Triple(ev, V.predicate, p))
        add(ox.Triple(ev, V.object, o))
        add(ox.Triple(ev, G["article"], _n(article_iri(f.article))))
        add(ox.Triple(ev, G["sentence"], _zh(f.sentence)))
        if f.start >= 0:
            add(ox.Triple(ev, G["startOffset"], _int(f.start)))
            add(ox.Triple(ev, G["endOffset"], _int(f.end)))
    return T


def holding_triples(holdings) -> list[ox.Triple]:
    """gov:PostHolding nodes: (person key, post key) -> (first date, last date) over full ISO dates."""
    T = []
    for (person, post), (first, last) in holdings.items():
        pi, po = entity_iri("Person", person), entity_iri("Post", post)
        h = _n(f"{RES_IRI}holding/{digest(pi, po)}")
        T.append(ox.Triple(h, _n(RDF.type), _n(GOV.PostHolding)))
        T.append(ox.Triple(h, _n(GOV.holder), _n(pi)))
        T.append(ox.Triple(h, _n(GOV.post), _n(po)))
        if first:
            T.append(ox.Triple(h, _n(GOV.firstSeen), _date(first)))
            T.append(ox.Triple(h, _n(GOV.lastSeen), _date(last)))
    return T


OX_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
              ".json": ox.RdfFormat.JSON_LD, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


def output_format(path) -> ox.RdfFormat:
    suffix = Path(str(path)).suffix.lower()
    if suffix not in OX_FORMATS:
        raise KgError(f"{path}: unknown output format {suffix or '(no extension)'}; "
                      f"use one of {', '.join(sorted(OX_FORMATS))}")
    return OX_FORMATS[suffix]


DEFAULT_GRAPH = f"{RES_IRI}graph/default"


def turtle_prefixes() -> dict:
    """gov:, rdfs:, ... and one prefix per resource kind, so Turtle reads person:万玲玲, not res:person\\/万玲玲."""
    prefixes = dict(PREFIXES)
    prefixes.update({k: f"{RES_IRI}{k}/" for k in RESOURCE_KINDS})
    return prefixes


def nt_bytes(triples) -> bytes:
    """Triples as canonical N-Triples: one spelling per term, so equal triples are equal lines."""
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def serialize(triples, path, graph_name: str | None = None) -> int:
    """Write triples sorted and de-duplicated to ``path`` atomically; returns the triple count.

    Goes through the same bounded-memory line sort as ``kg build`` (kg.shards), so a graph
    written here and one written by a build of the same triples are the same bytes.
    """
    from kg.shards import LineSorter, write_graph

    output_format(path)
    sorter = LineSorter()
    sorter.add(nt_bytes(triples))
    return write_graph(sorter.lines(), path)


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# read once at import: os.umask can only be read by setting it, which would race between the
# threads of a dask worker writing shards
_UMASK = _read_umask()


def write_atomic(path, write) -> None:
    """Write through a temporary file in the same directory, then rename: never a half-written output.

    The file gets the mode an ordinary ``open`` would give (0644 under the usual umask), not
    mkstemp's 0600, so a browser or a database server running as another user can read it.
    """
    p = Path(str(path))
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent or "."))
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
