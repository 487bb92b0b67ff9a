"""Facts to RDF: deterministic IRIs, entity labels, direct triples, reified evidence, articles.

A page's triples are written straight as canonical N-Triples text, sorted (page_triples, see
"N-Triples as text" below); the few build-wide triples (post holdings) are pyoxigraph terms.
pyoxigraph writes the final Turtle: 10-50x faster than rdflib and in constant memory per triple,
which is what lets a 100k-article build stay linear (issue 5). Output is sorted, so the same
input gives the same bytes.
"""
from __future__ import annotations

import hashlib
import re
from array import array
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.vocab import GOV_IRI, PREFIXES, RES_IRI, ontology_terms


# IRIs as text (kg.graph.vocab's rdflib namespaces would cost an rdflib import at start-up)
def _iri(prefix: str, name: str) -> str:
    return PREFIXES[prefix] + name


def _gov(term: str) -> str:
    """gov:term, for a term the ontology declares (KeyError otherwise, as GOV.term would fail)."""
    if term not in ontology_terms():
        raise KeyError(f"{term} is not a term of the govkg ontology")
    return GOV_IRI + term

RESOURCE_KINDS = ("person", "post", "organization", "place", "event", "project", "document", "article",
                  "evidence", "holding")

# what iri_segment percent-encodes: ASCII outside the unreserved set A-Za-z0-9-._~, white space
# (re's \s is str.isspace), the BOM, and every code point an IRI may not hold (RFC 3987 ucschar
# leaves out C1 controls, private use, noncharacters, the specials U+FFF0-FFFF and the tags
# U+E0000-E0FFF): one private-use glyph in a PDF's text or a GBK user-defined character in a
# name made pyoxigraph refuse the IRI and abort the build. Every other non-ASCII character stays
# readable. The ASCII is listed rather than written as [^...\x80-\U0010FFFF]: re's compiler walks
# a character range one code point at a time, and that one was among the dearest to compile.
_NOT_UCSCHAR = (r"\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff"
                + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 14))
                + r"\U000e0000-\U000e0fff\U000efffe-\U0010ffff")
_IRI_ESCAPE = re.compile(rf"[\x00-\x2c/\x3a-\x40\x5b-\x5e\x60\x7b-\x7d\s\ufeff{_NOT_UCSCHAR}]")


def _percent(m: re.Match) -> str:
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8"))


def iri_segment(name: str) -> str:
    """A name as one IRI path segment: CJK stays readable, ASCII outside the unreserved set
    and anything an IRI may not hold is percent-encoded."""
    if _IRI_ESCAPE.search(name) is None:
        return name
    return _IRI_ESCAPE.sub(_percent, name)


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


def _date(d: str) -> ox.Literal:
    if d.startswith("--"):
        return ox.Literal(d, datatype=_n(_iri("xsd", "gMonthDay")))
    return ox.Literal(d, datatype=_n(_iri("xsd", "date")))


_TERMS = None


def _classes(type_: str, subtype: str) -> list[str]:
    global _TERMS
    if _TERMS is None:
        _TERMS = set(ontology_terms())
    out = [type_]
    if subtype and subtype in _TERMS and subtype != type_:
        out.append(subtype)
    return out


# ---------------------------------------------------------------------------- N-Triples as text
#
# A page makes ~1600 triples. Building a pyoxigraph term for every node and triple, serialising
# them and sorting the lines cost ~3 us a triple. page_triples writes the N-Triples bytes itself
# instead, already in line order, spelled exactly as pyoxigraph spells them: IRIs as <iri>,
# literals in double quotes with the escapes below, then @zh or ^^<datatype> (none for
# xsd:string). tests/test_rdf.py holds the old term-building code and checks that both give the
# same bytes, and the escapes against pyoxigraph for every code point.

_ESCAPES = {"\x08": "\\b", "\t": "\\t", "\n": "\\n", "\x0c": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
# pyoxigraph writes every other C0 control, DEL and the non-characters U+FFFE/U+FFFF as \uXXXX
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f\ufffe\uffff]')


def _escape_char(m: re.Match) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def nt_escape(s: str) -> str:
    """A literal's lexical form escaped as pyoxigraph writes it between N-Triples quotes."""
    if _NEEDS_ESCAPE.search(s) is None:
        return s
    return _NEEDS_ESCAPE.sub(_escape_char, s)


def _lit(s: str) -> bytes:
    return f'"{nt_escape(s)}"'.encode()


def _nt(iri) -> bytes:
    return f"<{iri}>".encode()


class _Vocab:
    """Pieces of N-Triples lines spelled once: a page writes thousands of lines with them.

    Names ending in ``_`` are a predicate between spaces (``b" <p> "``), to sit between a subject
    and an object; ``*_end`` pieces run from a subject's end to the end of the line.
    """

    def __init__(self):
        G = self.gov = {t: _nt(GOV_IRI + t) for t in ontology_terms()}
        self.gov_iri = {t: (GOV_IRI + t).encode() for t in ontology_terms()}
        self.gov_ = {t: b" %s " % g for t, g in G.items()}
        self.type_ = b" %s " % _nt(_iri("rdf", "type"))
        self.label_, self.alt_ = b" %s " % _nt(_iri("rdfs", "label")), b" %s " % _nt(_iri("skos", "altLabel"))
        self.headline_ = b" %s " % _nt(_iri("schema", "headline"))
        self.date_ = b" %s " % _nt(_iri("dcterms", "date"))
        self.xsd_date, self.xsd_gmonthday = _nt(_iri("xsd", "date")), _nt(_iri("xsd", "gMonthDay"))
        self.integer_end = b'"^^%s .\n' % _nt(_iri("xsd", "integer"))     # closes '"123' as an xsd:integer
        self.article = f"<{RES_IRI}article/".encode()
        self.evidence = f"<{RES_IRI}evidence/".encode()
        self.is_a_end = {t: b"%s%s .\n" % (self.type_, g) for t, g in G.items()}
        self._classes_end = {}
        # An evidence node's lines are written in this order instead of being sorted: each
        # predicate occurs once per node, so line order is predicate order.
        order = [_nt(_iri("rdf", "object")), _nt(_iri("rdf", "predicate")), _nt(_iri("rdf", "subject")),
                 _nt(_iri("rdf", "type")),
                 G["article"], G["endOffset"], G["sentence"], G["startOffset"]]
        if order != sorted(order):
            raise RuntimeError("evidence predicates are not in N-Triples line order; fix _fact_lines")
        self.ev_object_, self.ev_subject_ = b" %s " % order[0], b" %s " % order[2]
        self.ev_predicate_end = {t: b" %s %s .\n" % (order[1], g) for t, g in G.items()}
        self.ev_is_evidence_end = self.is_a_end["Evidence"]
        self.ev_article_ = self.gov_["article"] + self.article

    def classes_end(self, type_: str, subtype: str) -> tuple[bytes, ...]:
        """Ends of an entity's rdf:type lines."""
        got = self._classes_end.get((type_, subtype))
        if got is None:
            got = self._classes_end[(type_, subtype)] = tuple(self.is_a_end[c] for c in _classes(type_, subtype))
        return got


@lru_cache(maxsize=None)
def _vocab() -> _Vocab:
    return _Vocab()


@lru_cache(maxsize=1 << 14)
def _entity_ref(type_: str, key: str) -> tuple[bytes, ...]:
    """An entity's IRI and the N-Triples pieces made of it, as UTF-8: (IRI, <IRI>, label line end,
    "<IRI> .\n", evidence object line end, evidence subject line end).

    pyoxigraph still checks each new IRI once: iri_segment must have made every key a valid one.
    """
    iri = entity_iri(type_, key)
    ox.NamedNode(iri)
    V = _vocab()
    term = _nt(iri)
    return (iri.encode(), term, b"%s%s@zh .\n" % (V.label_, _lit(label_of(type_, key))), term + b" .\n",
            b"%s%s .\n" % (V.ev_object_, term), b"%s%s .\n" % (V.ev_subject_, term))


class NTLines(list):
    """A page's triples already written as N-Triples: chunks of whole lines (bytes), one
    subject's each, whose concatenation is sorted by line and free of repeated lines."""


def label_of(type_: str, key: str) -> str:
    """An entity's label: its key, but a person's without the area that scopes it (万玲玲#荆州区)."""
    return key.partition("#")[0] if type_ == "Person" else key


def page_triples(articles, facts, home=None) -> NTLines:
    """Triples for one page's articles and facts (entities, relations, evidence, articles), as
    sorted unique N-Triples for ``nt_bytes``.

    Lines are collected per subject and put in order per subject: sorting ~230 subjects and
    their few lines each is much cheaper than sorting ~1600 lines, and an evidence node's lines
    are written in order already. Sorting by subject, then by line within it, is sorting by line:
    a subject IRI holds no space or ``>``, so two lines first differ inside their subjects.
    """
    V = _vocab()
    by_subject: dict[bytes, list[bytes]] = {}   # subject -> its lines, or one block already in order
    _article_lines(V, articles, by_subject, home, getattr(facts, "person_keys", None) or {})
    nodes = _entity_lines(V, facts.entities, by_subject)
    _fact_lines(V, facts.facts, nodes, by_subject)
    out = NTLines()
    for s in sorted(by_subject):
        lines = by_subject[s]
        out.append(lines[0] if len(lines) == 1 else b"".join(sorted(set(lines))))
    return out


def _article_lines(V: _Vocab, articles, by_subject: dict, home=None, person_keys=None) -> None:
    G = V.gov_
    NL = b" .\n"
    # the page's home (kg.extract.resolve.Context): where it came from, and the area when there is one
    home_lines = []
    if home is not None:
        home_lines.append(b"".join((G["homeSource"], _lit(home.how), NL)))
        if home.district:
            home_lines.append(G["home"] + _entity_ref("Place", home.district)[3])
    for a, aid in articles:
        s = b"%s%s>" % (V.article, aid.encode())
        lines = [s + V.is_a_end["Article"],
                 b"".join((s, G["articleKind"], _lit(a.kind), NL)),
                 b"".join((s, G["sourceFile"], _lit(a.source), NL)),
                 b'%s%s"%d%s' % (s, G["startOffset"], a.start, V.integer_end),
                 b'%s%s"%d%s' % (s, G["endOffset"], a.end, V.integer_end),
                 b"".join((s, G["contentHash"], _lit(aid), NL))]
        if a.headline:
            lines.append(b"".join((s, V.headline_, _lit(a.headline), b"@zh .\n")))
        if a.date:
            dt = V.xsd_gmonthday if a.date.startswith("--") else V.xsd_date
            lines.append(b"".join((s, V.date_, _lit(a.date), b"^^", dt, NL)))
        for p, names in ((G["reporter"], a.reporters), (G["photographer"], a.photographers)):
            lines += [s + p + _entity_ref("Person", person_keys.get(n, n))[3] for n in names]
        lines += [s + h for h in home_lines]
        by_subject.setdefault(s, []).extend(lines)


def _entity_lines(V: _Vocab, entities: dict, by_subject: dict) -> dict:
    """Types, labels and articles of each entity; returns (type, key) -> _entity_ref."""
    alt_, classes_end = V.alt_, V.classes_end
    mentioned = V.gov_["mentionedIn"] + V.article
    mentioned_end = {}      # article id -> the end of a mentionedIn line, spelled once per page
    nodes = {}
    for e in entities.values():
        type_, key, names = e.type, e.key, e.names
        ref = nodes[(type_, key)] = _entity_ref(type_, key)
        s = ref[1]
        lines = by_subject.get(s)
        if lines is None:
            lines = by_subject[s] = []
        add = lines.append
        for end in classes_end(type_, e.subtype):
            add(s + end)
        add(s + ref[2])
        if len(names) > 1 or key not in names:   # (most entities have no other name)
            label = label_of(type_, key)
            for n in names:
                if n != key and n != label:
                    add(b"".join((s, alt_, _lit(n), b"@zh .\n")))
        for aid in e.articles:
            end = mentioned_end.get(aid)
            if end is None:
                end = mentioned_end[aid] = b"%s%s> .\n" % (mentioned, aid.encode())
            add(s + end)
    return nodes


def _fact_lines(V: _Vocab, facts, nodes: dict, by_subject: dict) -> None:
    """The direct triple of each fact, and one evidence node per (fact, article, sentence)."""
    gov_, gov_iri, pred_end = V.gov_, V.gov_iri, V.ev_predicate_end
    is_ev, end_, sentence_, start_ = V.ev_is_evidence_end, gov_["endOffset"], gov_["sentence"], gov_["startOffset"]
    int_end, ev_article_, evidence = V.integer_end, V.ev_article_, V.evidence
    sha1, needs_escape = hashlib.sha1, _NEEDS_ESCAPE.search
    articles = {}   # article id -> (its UTF-8, evidence article line end)
    seen = set()
    # extract makes facts sentence by sentence: a sentence's facts come one after another, so
    # its encoding, escaping and offset lines serve the whole run of them
    last = None     # (sentence, start, end) of the previous evidence node
    for f in facts:
        fs, fo, fp, start, sentence = f.s, f.o, f.p, f.start, f.sentence
        # an EntityRef is a (type, key) tuple: it is its own key in nodes and in seen
        s_iri, s, _, _, _, s_ev = nodes.get(fs) or _entity_ref(fs.type, fs.key)
        o_iri, _, _, o_end, o_ev, _ = nodes.get(fo) or _entity_ref(fo.type, fo.key)
        by_subject.setdefault(s, []).append(b"".join((s, gov_[fp], o_end)))
        ev_key = (fs, fp, fo, f.article, start, sentence if start < 0 else "")
        if ev_key in seen:
            continue
        seen.add(ev_key)
        art = articles.get(f.article)
        if art is None:
            aid = f.article.encode()
            art = articles[f.article] = (aid, b"%s%s> .\n" % (ev_article_, aid))
        if last is None or sentence != last[0] or start != last[1] or f.end != last[2]:
            if last is None or sentence != last[0]:
                said = sentence.encode()
                text = said if needs_escape(sentence) is None else nt_escape(sentence).encode()
                said_end = b'%s"%s"@zh .\n' % (sentence_, text)
            last = (sentence, start, f.end)
            begin = b"%d" % start
            end_line, start_line = b'%s"%d%s' % (end_, f.end, int_end), b'%s"%s%s' % (start_, begin, int_end)
        # digest(s, p, o, article, start, sentence), over bytes: UTF-8 of a join is the join of UTF-8s
        h = sha1(b"\x1f".join((s_iri, gov_iri[fp], o_iri, art[0], begin, said))).hexdigest()
        ev = b"%s%s>" % (evidence, h[:16].encode())
        # every line starts with ev; in the order _Vocab checks:
        # object predicate subject type article [endOffset] sentence [startOffset]
        if start >= 0:
            block = ev.join((b"", o_ev, pred_end[fp], s_ev, is_ev, art[1], end_line, said_end, start_line))
        else:
            block = ev.join((b"", o_ev, pred_end[fp], s_ev, is_ev, art[1], said_end))
        known = by_subject.get(ev)
        if known is None:
            by_subject[ev] = [block]
        else:   # two nodes, one digest: merge them as plain lines
            by_subject[ev] = [ln for b in known + [block] for ln in b.splitlines(keepends=True)]


def holding_triples(holdings) -> list[ox.Triple]:
    """gov:PostHolding nodes: (person key, post key) -> (first date, last date) over full ISO dates."""
    T = []
    for (person, post), (first, last) in holdings.items():
        pi, po = entity_iri("Person", person), entity_iri("Post", post)
        h = _n(f"{RES_IRI}holding/{digest(pi, po)}")
        T.append(ox.Triple(h, _n(_iri("rdf", "type")), _n(_gov("PostHolding"))))
        T.append(ox.Triple(h, _n(_gov("holder")), _n(pi)))
        T.append(ox.Triple(h, _n(_gov("post")), _n(po)))
        if first:
            T.append(ox.Triple(h, _n(_gov("firstSeen")), _date(first)))
            T.append(ox.Triple(h, _n(_gov("lastSeen")), _date(last)))
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
    """Triples (pyoxigraph's, or a page's NTLines) as canonical N-Triples: one spelling per term,
    so equal triples are equal lines."""
    if isinstance(triples, NTLines):
        return b"".join(triples)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def block_ends(blocks: NTLines) -> bytes:
    """Where each subject block of a page's N-Triples ends (array('I') bytes): the sorter then
    sorts blocks instead of lines (kg.graph.shards.LineSorter.add)."""
    return array("I", accumulate(map(len, blocks))).tobytes()
