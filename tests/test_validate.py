"""kg validate: ontology/shapes.ttl accepts the MODEL.md shape and catches each kind of breakage."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import DCTERMS, SKOS

from kg.cli import cli
from kg.views.validate import validate_graph as pyshacl_validate
from kg.views.validate import validate_store
from kg.graph.vocab import GOV, RES, ontology_dir

FIX = Path(__file__).resolve().parent / "fixtures" / "graphs_stats"
TTL = FIX / "small.ttl"

P = RES["person/李华"]
EV = RES["evidence/e010"]
ART = RES["article/a000000000000002"]
HOLD = RES["holding/h002"]
MEETING = RES["event/区委常委会2023年第5次会议"]


@pytest.fixture
def g():
    return rdflib.Graph().parse(TTL, format="turtle")


def ox_store(graph):
    import pyoxigraph as ox

    st = ox.Store()
    st.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
            to_graph=ox.DefaultGraph())
    return st


def validate_graph(graph):
    """Both engines, which must agree finding for finding: kg validate runs the SPARQL one and
    keeps pySHACL for shapes beyond its part of SHACL, so pySHACL is the reference here."""
    ref = pyshacl_validate(graph)
    rep = validate_store(ox_store(graph))
    assert rep.findings == ref.findings and rep.conforms == ref.conforms
    return rep


def messages(graph, severity="Violation"):
    return {f.message for f in validate_graph(graph).findings if f.severity == severity}


def test_fixture_conforms(g):
    rep = validate_graph(g)
    assert rep.conforms and rep.findings == []


def _two_labels(g):
    g.add((P, RDFS.label, Literal("李华同志", lang="zh")))


def _label_not_zh(g):
    g.set((P, RDFS.label, Literal("Li Hua", lang="en")))


def _label_missing(g):
    g.remove((P, RDFS.label, None))


def _alt_plain(g):
    g.add((P, SKOS.altLabel, Literal("华")))


def _holds_org(g):
    g.add((P, GOV.holdsPost, RES["organization/荆州区委"]))


def _post_holds(g):
    g.add((RES["post/区长"], GOV.holdsPost, RES["post/区长"]))


def _inspect_event(g):
    g.add((P, GOV.inspected, MEETING))


def _held_at_person(g):
    g.add((MEETING, GOV.heldAt, P))


def _organized_by_doc(g):
    g.add((MEETING, GOV.organizedBy, RES["document/荆州区2023年乡村振兴工作要点"]))


def _reviewed_place(g):
    g.add((MEETING, GOV.reviewed, RES["place/紫荆村"]))


def _located_in_event(g):
    g.add((RES["place/紫荆村"], GOV.locatedIn, MEETING))


def _ev_no_sentence(g):
    g.remove((EV, GOV.sentence, None))


def _ev_two_subjects(g):
    g.add((EV, RDF.subject, RES["person/陈静"]))


def _ev_bad_predicate(g):
    g.set((EV, RDF.predicate, GOV.mentionedIn))


def _ev_no_article(g):
    g.remove((EV, GOV.article, None))


def _article_no_source(g):
    g.remove((ART, GOV.sourceFile, None))


def _article_kind(g):
    g.set((ART, GOV.articleKind, Literal("video")))


def _date_string(g):
    g.set((ART, DCTERMS.date, Literal("2023年3月8日")))


def _date_invalid(g):
    g.set((ART, DCTERMS.date, Literal("2023-02-30", datatype=rdflib.namespace.XSD.date)))


def _holding_no_post(g):
    g.remove((HOLD, GOV.post, None))


def _holding_person_post(g):
    g.set((HOLD, GOV.post, RES["person/李华"]))


@pytest.mark.parametrize("break_it, message", [
    (_two_labels, "an entity needs exactly one rdfs:label, a @zh string"),
    (_label_not_zh, "an entity needs exactly one rdfs:label, a @zh string"),
    (_label_missing, "an entity needs exactly one rdfs:label, a @zh string"),
    (_alt_plain, "skos:altLabel values must be @zh strings"),
    (_holds_org, "the object of gov:holdsPost must be a gov:Post"),
    (_post_holds, "the subject of gov:holdsPost must be a gov:Person"),
    (_inspect_event, "the object of gov:inspected must be a gov:Place, gov:Project or gov:Organization"),
    (_held_at_person, "the object of gov:heldAt must be a gov:Place or gov:Organization"),
    (_organized_by_doc, "the object of gov:organizedBy must be a gov:Organization or gov:Place"),
    (_reviewed_place, "the object of gov:reviewed must be a gov:Document"),
    (_located_in_event, "the object of gov:locatedIn must be a gov:Place"),
    (_ev_no_sentence, "evidence needs exactly one gov:sentence, a language-tagged string"),
    (_ev_two_subjects, "evidence needs exactly one rdf:subject"),
    (_ev_bad_predicate, "evidence needs exactly one rdf:predicate, one of the nine relations"),
    (_ev_no_article, "evidence needs exactly one gov:article, a gov:Article"),
    (_article_no_source, "an article needs a gov:sourceFile string"),
    (_article_kind, 'gov:articleKind is "news" or "photo"'),
    (_date_string, "dcterms:date must be a valid xsd:date or xsd:gMonthDay"),
    (_date_invalid, "dcterms:date must be a valid xsd:date or xsd:gMonthDay"),
    (_holding_no_post, "a post holding needs exactly one gov:post, a gov:Post"),
    (_holding_person_post, "a post holding needs exactly one gov:post, a gov:Post"),
])
def test_each_breakage_is_caught(g, break_it, message):
    break_it(g)
    rep = validate_graph(g)
    assert not rep.conforms
    assert message in {f.message for f in rep.violations}


def test_allowed_variants_conform(g):
    # the three kinds of inspected object, a subclass-only event, a gMonthDay date
    g.add((P, GOV.inspected, RES["organization/荆州区委"]))
    m = RES["event/春耕座谈会"]
    g.add((m, RDF.type, GOV.Meeting))
    g.add((m, RDFS.label, Literal("春耕座谈会", lang="zh")))
    g.add((m, GOV.mentionedIn, ART))
    g.add((P, GOV.attended, m))
    g.add((m, GOV.heldAt, RES["organization/荆州区农业农村局"]))
    g.add((m, GOV.organizedBy, RES["place/川店镇"]))
    g.set((ART, DCTERMS.date, Literal("--03-08", datatype=rdflib.namespace.XSD.gMonthDay)))
    g.add((RES["place/川店镇"], GOV.hosts, RES["project/紫荆村光伏发电项目"]))
    assert validate_graph(g).conforms


def test_missing_mention_is_only_a_warning(g):
    g.remove((P, GOV.mentionedIn, None))
    rep = validate_graph(g)
    assert rep.conforms
    assert [f.focus for f in rep.warnings] == ["res:person/李华"]


def test_cli_summary_and_exit_status(g, tmp_path):
    ok = CliRunner().invoke(cli, ["validate", str(TTL)])
    assert ok.exit_code == 0 and ok.output.strip() == f"{TTL}: conforms to the govkg shapes"
    _holds_org(g)
    _article_no_source(g)
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    r = CliRunner().invoke(cli, ["validate", str(bad)])
    assert r.exit_code == 1
    assert r.output.startswith(f"{bad}: does NOT conform: 2 violations")
    row = next(ln for ln in r.output.splitlines() if "gov:holdsPost" in ln and "res:person/李华" in ln)
    assert "res:organization/荆州区委" in row
    js = json.loads(CliRunner().invoke(cli, ["validate", str(bad), "--json"]).output)
    assert js["conforms"] is False and len(js["violations"]) == 2
    assert {v["path"] for v in js["violations"]} == {"gov:holdsPost", "gov:sourceFile"}
    lim = CliRunner().invoke(cli, ["validate", str(bad), "--limit", "1"])
    assert "... and 1 more" in lim.output


def test_bad_input_is_one_line(tmp_path, capsys):
    from kg.cli import main

    p = tmp_path / "broken.ttl"
    p.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["validate", str(p)])
    assert ex.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"kg: error: {p}: not a readable turtle graph") and len(err.splitlines()) == 1


def test_shapes_do_not_change_scoring():
    """The scorer reads ontology/*.ttl as ontology: shapes.ttl must add no class hierarchy."""
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    assert not list(shapes.triples((None, RDFS.subClassOf, None)))
    assert not [s for s in shapes.subjects() if str(s).startswith(str(GOV))]


def test_article_printed_on_two_pages_conforms(tmp_path):
    # content-addressed articles: a reprint is one article with both printings' files and offsets
    text = ("区里开展植树活动\n\n本报讯（通讯员 甄晓岚）3月12日，区林业局组织干部职工在城东湿地公园开展"
            "义务植树活动，共栽下树苗三百余株。\n")
    (tmp_path / "p1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "p2.txt").write_text("另一版面的导语。\n\n" + text, encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert CliRunner().invoke(cli, ["build", str(tmp_path / "p1.txt"), str(tmp_path / "p2.txt"), "-o", str(out),
                                     "--no-cache", "-q"]).exit_code == 0
    g = rdflib.Graph().parse(out)
    arts = set(g.subjects(RDF.type, GOV.Article))
    files = {Path(str(f)).name for a in arts for f in g.objects(a, GOV.sourceFile)}
    assert files == {"p1.txt", "p2.txt"} and any(len(set(g.objects(a, GOV.sourceFile))) == 2 for a in arts)
    r = CliRunner().invoke(cli, ["validate", str(out)])
    assert r.exit_code == 0, r.output


# One tiny broken graph per shape of ontology/shapes.ttl, breaking every constraint of the shape.
_HEAD = """@prefix gov: <https://w3id.org/govkg/ontology#> . @prefix res: <https://w3id.org/govkg/resource/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
res:art a gov:Article ; gov:sourceFile "p.txt" .
res:org a gov:Organization ; rdfs:label "某局"@zh . res:ev a gov:Meeting ; rdfs:label "某会"@zh .
res:ev2 a gov:Event ; rdfs:label "另一会"@zh . res:per a gov:Person ; rdfs:label "某人"@zh .
res:pl a gov:Place ; rdfs:label "某村"@zh . res:doc a gov:Document ; rdfs:label "某文件"@zh .
res:org gov:mentionedIn res:art . res:ev gov:mentionedIn res:art . res:ev2 gov:mentionedIn res:art .
res:per gov:mentionedIn res:art . res:pl gov:mentionedIn res:art . res:doc gov:mentionedIn res:art .
"""
BROKEN = {
    "NamedEntity": """res:x a gov:Person ; rdfs:label "无语言" ; skos:altLabel "别名" ; gov:mentionedIn res:pl .
                      res:y a gov:Post ; rdfs:label "某职"@zh .""",
    "HoldsPostSubject": "res:org gov:holdsPost res:org .",
    "MemberOfSubject": "res:org gov:memberOf res:ev .",
    "AttendedSubject": "res:org gov:attended res:pl .",
    "ChairedSubject": "res:org gov:chaired res:pl .",
    "InspectedSubject": "res:org gov:inspected res:ev .",
    "LocatedInSubject": "res:ev gov:locatedIn res:ev2 .",
    "HostsSubject": "res:ev gov:hosts res:ev2 .",
    "HeldAtSubject": "res:per gov:heldAt res:doc .",
    "OrganizedBySubject": "res:per gov:organizedBy res:doc .",
    "ReviewedSubject": "res:per gov:reviewed res:pl .",
    "Evidence": """res:e1 a gov:Evidence ; rdf:subject "字面" ; rdf:predicate gov:mentionedIn ; rdf:object "字面" ;
                   gov:article res:pl ; gov:sentence "无语言" ; gov:startOffset "一" ; gov:endOffset 1 , 2 .
                   res:e2 a gov:Evidence .""",
    "Article": """res:a1 a gov:Article ; gov:articleKind "video" ; gov:homeSource "guess" ; gov:home "荆州" ;
                  gov:reporter res:org ; gov:photographer res:pl ; gov:startOffset "一" ; gov:endOffset "二" .""",
    "Dated": 'res:ev dcterms:date "2023年3月8日" .',
    "PostHolding": """res:h1 a gov:PostHolding ; gov:holder res:org ; gov:firstSeen "早" ; gov:lastSeen "晚" .
                      res:h2 a gov:PostHolding ; gov:post res:per .""",
}


def _shape_messages() -> dict:
    """node shape local name -> the messages of its constraints (its own and its property shapes')."""
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    out = {}
    for s in set(shapes.subjects(RDF.type, sh.NodeShape)):
        msgs = {str(m) for m in shapes.objects(s, sh.message)}
        for ps in shapes.objects(s, sh.property):
            msgs |= {str(m) for m in shapes.objects(ps, sh.message)}
        out[str(s).rsplit("#", 1)[-1]] = msgs
    return out


def test_every_shape_has_a_broken_example():
    assert set(_shape_messages()) == set(BROKEN)


@pytest.mark.parametrize("shape", sorted(BROKEN))
def test_every_shape_catches_its_own_broken_example(shape):
    g = rdflib.Graph().parse(data=_HEAD, format="turtle")
    assert validate_graph(g).findings == []       # the scenery alone is fine
    g = rdflib.Graph().parse(data=_HEAD + BROKEN[shape], format="turtle")
    rep = validate_graph(g)        # both engines, finding for finding
    found = {f.message for f in rep.findings}
    assert _shape_messages()[shape] <= found, _shape_messages()[shape] - found


def test_shapes_beyond_the_compiled_part_go_to_pyshacl(tmp_path):
    from kg.views.shacl_sparql import NotCompilable

    shapes = tmp_path / "pattern.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix gov: <https://w3id.org/govkg/ontology#> .
        @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass gov:Article ;
            sh:property [ sh:path gov:sourceFile ; sh:pattern "^/" ; sh:message "an absolute source file"@en ] .""",
                      encoding="utf-8")
    with pytest.raises(NotCompilable, match="sh:pattern"):
        validate_store(ox_store(rdflib.Graph().parse(TTL)), shapes)
    r = CliRunner().invoke(cli, ["validate", str(TTL), "--shapes", str(shapes), "--json"])
    js = json.loads(r.output)
    assert r.exit_code == 1 and {v["message"] for v in js["violations"]} == {"an absolute source file"}
