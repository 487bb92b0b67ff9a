"""kg.graph.rdf writes a page's N-Triples as text: the bytes must be exactly what pyoxigraph writes for
the same triples (sorted, unique), since every build and cache compares outputs byte for byte.

The oracle below is the term-building code page_triples replaced: pyoxigraph terms, serialised
by pyoxigraph, lines sorted. Inputs are the sample pages and invented pages full of the awkward
cases (quotes, control characters, names that sort differently quoted, keys IRIs must encode).
"""
from __future__ import annotations

import hashlib
import types

import pyoxigraph as ox
import pytest

from kg.graph import rdf
from kg.text.articles import Article, split_page
from kg.extract import Entity, EntityRef, Fact, PageFacts, extract_page
from kg.samples import paths
from kg.graph.shards import sorted_unique
from kg.graph import vocab as V   # the namespaces themselves stay out of the module: pytest would probe them

ALL_CODE_POINTS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


# ------------------------------------------------------------------ the oracle

def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _zh(s):
    return ox.Literal(s, language="zh")


def _int(i):
    return ox.Literal(str(i), datatype=_n(V.XSD.integer))


def _date(d):
    return ox.Literal(d, datatype=_n(V.XSD.gMonthDay if d.startswith("--") else V.XSD.date))


def oracle_nt(articles, facts, digest=rdf.digest) -> bytes:
    """The page's triples as pyoxigraph terms, serialised by pyoxigraph, sorted and unique."""
    T = []
    add = T.append
    for a, aid in articles:
        s = _n(rdf.article_iri(aid))
        add(ox.Triple(s, _n(V.RDF.type), _n(V.GOV.Article)))
        if a.headline:
            add(ox.Triple(s, _n(V.SCHEMA.headline), _zh(a.headline)))
        if a.date:
            add(ox.Triple(s, _n(V.DCTERMS.date), _date(a.date)))
        add(ox.Triple(s, _n(V.GOV.articleKind), ox.Literal(a.kind)))
        add(ox.Triple(s, _n(V.GOV.sourceFile), ox.Literal(a.source)))
        add(ox.Triple(s, _n(V.GOV.startOffset), _int(a.start)))
        add(ox.Triple(s, _n(V.GOV.endOffset), _int(a.end)))
        add(ox.Triple(s, _n(V.GOV.contentHash), ox.Literal(aid)))
        for p, names in (("reporter", a.reporters), ("photographer", a.photographers)):
            for n in names:
                add(ox.Triple(s, _n(V.GOV[p]), _n(rdf.entity_iri("Person", facts.person_keys.get(n, n)))))
    for e in facts.entities.values():
        s = _n(rdf.entity_iri(e.type, e.key))
        for c in rdf._classes(e.type, e.subtype):
            add(ox.Triple(s, _n(V.RDF.type), _n(V.GOV[c])))
        add(ox.Triple(s, _n(V.RDFS.label), _zh(rdf.label_of(e.type, e.key))))
        for n in sorted(e.names - {e.key, rdf.label_of(e.type, e.key)}):
            add(ox.Triple(s, _n(V.SKOS.altLabel), _zh(n)))
        for aid in sorted(e.articles):
            add(ox.Triple(s, _n(V.GOV.mentionedIn), _n(rdf.article_iri(aid))))
    seen = set()
    for f in facts.facts:
        s, p, o = _n(rdf.entity_iri(f.s.type, f.s.key)), _n(V.GOV[f.p]), _n(rdf.entity_iri(f.o.type, f.o.key))
        add(ox.Triple(s, p, o))
        ev_key = (f.s, f.p, f.o, f.article, f.start, f.sentence if f.start < 0 else "")
        if ev_key in seen:
            continue
        seen.add(ev_key)
        ev = _n(f"{V.RES_IRI}evidence/{digest(s.value, p.value, o.value, f.article, str(f.start), f.sentence)}")
        add(ox.Triple(ev, _n(V.RDF.type), _n(V.GOV.Evidence)))
        add(ox.Triple(ev, _n(V.RDF.subject), s))
        add(ox.Triple(ev, _n(V.RDF.predicate), p))
        add(ox.Triple(ev, _n(V.RDF.object), o))
        add(ox.Triple(ev, _n(V.GOV.article), _n(rdf.article_iri(f.article))))
        add(ox.Triple(ev, _n(V.GOV.sentence), _zh(f.sentence)))
        if f.start >= 0:
            add(ox.Triple(ev, _n(V.GOV.startOffset), _int(f.start)))
            add(ox.Triple(ev, _n(V.GOV.endOffset), _int(f.end)))
    return sorted_unique(ox.serialize(T, format=ox.RdfFormat.N_TRIPLES))


def written(articles, facts) -> bytes:
    """What the build does with a page: page_triples, nt_bytes, sorted_unique."""
    return sorted_unique(rdf.nt_bytes(rdf.page_triples(articles, facts)))


# ------------------------------------------------------------------ invented awkward pages

def _article(aid_text, **kw):
    fields = dict(source="p_01.txt", n=1, kind="news", headline=None, start=0, end=10, date=None,
                  reporters=(), photographers=(), body=aid_text)
    fields.update(kw)
    return Article(**fields), rdf.article_id(aid_text)


def _entity(type_, key, names=(), articles=(), subtype=""):
    return Entity(type=type_, key=key, subtype=subtype, names={key, *names}, articles=set(articles))


def awkward_page():
    """Two articles and facts whose text needs every kind of care N-Triples takes."""
    a1, id1 = _article("一", headline='标题"引号"\\反斜杠\t制表', date="2022-08-24", reporters=("林晓", "林晓", "周 敏"),
                       photographers=("王芸",), source='odd "name"\\.txt', start=3, end=120)
    a2, id2 = _article("二", kind="photo", date="--08-25", start=130, end=300)
    people = [_entity("Person", "林晓", names=("林晓!", "林晓\u2028", "林"), articles=(id1, id2)),
              _entity("Person", "周 敏", articles=(id1,)),
              _entity("Person", "a%b/c", names=("a", "a!", 'a"', "a\x7f", "a\ufffe", "a\x01"), articles=(id2,))]
    others = [_entity("Event", "荆州区委常委会会议", subtype="Meeting", articles=(id1,)),
              _entity("Organization", "荆州区委", subtype="PartyBody", names=("区委",), articles=(id1, id2)),
              _entity("Place", "川店镇", subtype="Place", articles=(id2,)),
              _entity("Post", "区长", subtype="NoSuchClass", articles=(id1,))]
    facts = PageFacts(entities={(e.type, e.key): e for e in people + others})
    lin, zhou, odd = (EntityRef(type=e.type, key=e.key) for e in people)
    meeting, org, town, post = (EntityRef(type=e.type, key=e.key) for e in others)
    unknown = EntityRef(type="Place", key="未登记的地方")   # a fact's entity missing from entities
    fact = [Fact(s=lin, p="attended", o=meeting, article=id1, sentence="林晓出席会议。", start=10, end=17),
            Fact(s=lin, p="attended", o=meeting, article=id1, sentence="林晓出席会议。", start=10, end=17),
            Fact(s=lin, p="attended", o=meeting, article=id1, sentence="林晓又出席会议。", start=40, end=48),
            Fact(s=lin, p="holdsPost", o=post, article=id1, sentence='标题"引号"\\反斜杠\t制表', start=-1, end=-1),
            Fact(s=lin, p="holdsPost", o=post, article=id1, sentence="另一个标题", start=-1, end=-1),
            Fact(s=zhou, p="inspected", o=town, article=id2, sentence="周敏\n调研\r川店镇\x00。", start=140, end=150),
            Fact(s=odd, p="memberOf", o=org, article=id2, sentence="a\u2028b\u0085c", start=0, end=5),
            Fact(s=meeting, p="heldAt", o=unknown, article=id1, sentence="会议在某地召开。", start=60, end=68),
            Fact(s=unknown, p="locatedIn", o=town, article=id2, sentence="某地在川店镇。", start=70, end=77)]
    facts.facts = fact
    return [(a1, id1), (a2, id2)], facts


# ------------------------------------------------------------------ tests

@pytest.mark.parametrize("path", paths(), ids=lambda p: p.name)
def test_sample_pages_are_the_bytes_pyoxigraph_writes(path):
    page = split_page(path.name, path.read_text(encoding="utf-8"))
    ids = [rdf.article_id(a.body) for a in page.articles]
    facts = extract_page(page, ids, None)
    articles = list(zip(page.articles, ids))
    assert facts.facts, "a sample page with no facts would test little"
    assert written(articles, facts) == oracle_nt(articles, facts)


def test_awkward_page_is_the_bytes_pyoxigraph_writes():
    articles, facts = awkward_page()
    got = written(articles, facts)
    assert got == oracle_nt(articles, facts)
    twice = articles + articles[:1]   # one article text twice on a page: one article node
    assert written(twice, facts) == oracle_nt(twice, facts) == got
    assert "林晓\\u2028".encode() not in got and "林晓\u2028".encode() in got   # U+2028 is not escaped
    assert b'\\"' in got and b"\\t" in got and b"\\u0000" in got and b"\\uFFFE" in got


def test_page_lines_come_out_sorted_and_unique_already():
    articles, facts = awkward_page()
    blocks = rdf.page_triples(articles, facts)
    nt = rdf.nt_bytes(blocks)
    lines = nt.splitlines(keepends=True)
    assert lines == sorted(set(lines)) and sorted_unique(nt) == nt
    subjects = [b[:b.index(b" ")] for b in blocks]    # and each block holds one subject, once
    assert len(set(subjects)) == len(blocks) and all(
        line.startswith(s + b" ") for s, b in zip(subjects, blocks) for line in b.splitlines())


def test_sorted_unique_still_sorts_plain_bytes_and_sums_of_pages():
    articles, facts = awkward_page()
    nt = rdf.nt_bytes(rdf.page_triples(articles, facts))
    shuffled = b"".join(reversed(nt.splitlines(keepends=True)))
    assert sorted_unique(shuffled) == nt
    assert sorted_unique(nt + nt) == nt   # a sum is plain bytes: sorted and de-duplicated again


def test_evidence_nodes_sharing_one_digest_are_merged_as_plain_lines(monkeypatch):
    """A 64-bit digest collision cannot be made for real, so every evidence digest is made equal."""
    class Same:
        def __init__(self, data):
            pass

        def hexdigest(self):
            return "0" * 40

    monkeypatch.setattr(rdf, "hashlib", types.SimpleNamespace(sha1=Same))
    articles, facts = awkward_page()
    got = written(articles, facts)
    assert got == oracle_nt(articles, facts, digest=lambda *parts: "0" * 16)
    assert got.count(f"<{V.RES_IRI}evidence/{'0' * 16}> <{V.RDF.type}>".encode()) == 1


def test_a_key_the_iri_grammar_rejects_is_percent_encoded_and_its_label_kept():
    articles, facts = awkward_page()
    facts.entities[("Person", "私\ue000")] = _entity("Person", "私\ue000")
    got = written(articles, facts)
    assert got == oracle_nt(articles, facts)
    assert f"<{V.RES_IRI}person/私%EE%80%80> <{V.RDFS.label}> \"私\ue000\"@zh .".encode() in got


def test_every_code_point_makes_an_iri_pyoxigraph_accepts():
    for c in ALL_CODE_POINTS:
        ox.NamedNode(rdf.entity_iri("Person", "私" + c))   # raises on the first it rejects


def test_literal_escapes_match_pyoxigraph_for_every_code_point():
    s, p = ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p")
    line = ox.serialize([ox.Triple(s, p, ox.Literal(ALL_CODE_POINTS))], format=ox.RdfFormat.N_TRIPLES)
    assert line == f'<http://e/s> <http://e/p> "{rdf.nt_escape(ALL_CODE_POINTS)}" .\n'.encode()


def _old_iri_segment(name: str) -> str:
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    out = []
    for ch in name:
        if ch in safe or (ord(ch) > 0x7F and not ch.isspace() and ord(ch) != 0xFEFF):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def _iri_char(c: str) -> bool:
    try:
        ox.NamedNode("http://e/" + c)
        return True
    except ValueError:
        return False


def test_iri_segment_encodes_every_iri_character_as_before():
    # the IRIs of every name that built before are unchanged: same graph, same cache keys' output
    kept = "".join(c for c in ALL_CODE_POINTS if c < "\x80" or _iri_char(c))
    assert rdf.iri_segment(kept) == _old_iri_segment(kept)
    assert rdf.iri_segment("荆州区委") == "荆州区委"
    assert rdf.iri_segment("周 敏%/") == "周%20敏%25%2F"


def test_digest_over_bytes_is_the_digest_over_text():
    parts = ("https://w3id.org/govkg/resource/person/林晓", str(V.GOV.attended), "x", "0123456789abcdef", "-1", "句子。")
    joined = b"\x1f".join(p.encode() for p in parts)
    assert hashlib.sha1(joined).hexdigest()[:16] == rdf.digest(*parts)
