"""kg.views.graphdata: reading the MODEL.md shape into the entity graph, and the cuts the views use."""
from pathlib import Path

import pytest

from kg.views import graphdata as gd
from kg.errors import KgError

FIX = Path(__file__).parent / "fixtures" / "graphs"
P = "https://w3id.org/govkg/resource/person/"


@pytest.fixture(scope="module")
def small():
    return gd.read_graph(FIX / "small.ttl")


def test_entities_classes_labels_aliases(small):
    assert len(small.nodes) == 17  # articles, evidence and holdings are not entities
    meeting = small.nodes["https://w3id.org/govkg/resource/event/区委常委会会议"]
    assert (meeting.cls, meeting.subclasses, meeting.aliases, meeting.date) == \
        ("Event", ("Meeting",), ("常委会会议",), "2022-08-23")
    assert small.nodes["https://w3id.org/govkg/resource/place/紫荆村"].subclasses == ("Village",)
    assert small.class_counts() == {"Person": 4, "Post": 3, "Organization": 3, "Place": 3, "Event": 2,
                                    "Project": 1, "Document": 1}


def test_relations_carry_their_evidence(small):
    assert len(small.edges) == 23
    e = next(e for e in small.edges if e.s == P + "张明远" and e.p == "inspected" and e.o.endswith("紫荆村"))
    assert [ev.sentence for ev in e.evidence] == ["9月2日，张明远到川店镇紫荆村调研乡村振兴工作。"]
    art = small.articles[e.evidence[0].article]
    assert (art.headline, art.date) == ("张明远到川店镇调研乡村振兴工作", "2022-09-02")
    assert {(h.post.rsplit("/", 1)[1], h.first) for h in small.holdings if h.holder == P + "王建国"} == {("副区长", "2022-09-02")}


def test_hosts_is_read_as_located_in(tmp_path):
    g = tmp_path / "h.ttl"
    g.write_text("""@prefix gov: <https://w3id.org/govkg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/govkg/resource/place/甲村> a gov:Place ; rdfs:label "甲村"@zh ;
    gov:hosts <https://w3id.org/govkg/resource/organization/乙公司> .
<https://w3id.org/govkg/resource/organization/乙公司> a gov:Organization ; rdfs:label "乙公司"@zh .
""", encoding="utf-8")
    d = gd.read_graph(g)
    assert [(e.s.rsplit("/", 1)[1], e.p, e.o.rsplit("/", 1)[1]) for e in d.edges] == [("乙公司", "locatedIn", "甲村")]


def test_find_entity_by_label_alias_or_unique_part(small):
    assert gd.find_entity(small, "张明远") == P + "张明远"
    assert gd.find_entity(small, "区委书记").endswith("post/荆州区委书记")  # an alias
    assert gd.find_entity(small, "农机").endswith("紫荆村智能农机产业园项目")  # unique partial
    with pytest.raises(KgError, match="no entity named"):
        gd.find_entity(small, "不存在的人")
    with pytest.raises(KgError, match="names 2 entities"):
        gd.find_entity(small, "晓")  # 李晓华 and 陈晓岚


def test_neighbourhood_depth(small):
    one = gd.neighbourhood(small, P + "李晓华", 1)
    assert {small.nodes[i].label for i in one} == {"李晓华", "区长", "荆州区政府", "区委常委会会议", "全区项目建设推进会"}
    assert gd.neighbourhood(small, P + "李晓华", 0) == {P + "李晓华"}
    assert one < gd.neighbourhood(small, P + "李晓华", 2)


def test_restrict_and_most_connected(small):
    r = gd.restrict(small, {"Person", "Meeting"}, {"attended"})
    assert {n.cls for n in r.nodes.values()} == {"Person", "Event"}
    assert {e.p for e in r.edges} == {"attended"}
    cut, omitted = gd.most_connected(small, 5)
    assert len(cut.nodes) == 5 and omitted.nodes == 12
    deg = small.degrees()
    assert min(deg[i] for i in cut.nodes) >= max(deg[i] for i in small.nodes if i not in cut.nodes)
    assert sum(k for _, k in omitted.by_class) == 12
    assert omitted.edges == len(small.edges) - len(cut.edges)


def test_coattendance_counts_shared_events(small):
    co = gd.coattendance(small)
    assert {small.nodes[i].label for i in co.nodes} == {"张明远", "李晓华", "王建国"}
    assert sorted(e.weight for e in co.edges) == [2, 2, 2]
    assert all(len(e.events) == 2 for e in co.edges)


def test_parse_names_is_case_insensitive_and_strict():
    assert gd.parse_names(["person,meeting", "Village"], gd.all_classes(), "type") == {"Person", "Meeting", "Village"}
    with pytest.raises(KgError, match="unknown type 'Persn'"):
        gd.parse_names(["Persn"], gd.all_classes(), "type")


def test_synthetic_graph_is_deterministic_and_readable(tmp_path):
    a = gd.synthetic_graph(300, seed=3)
    assert a == gd.synthetic_graph(300, seed=3) and a != gd.synthetic_graph(300, seed=4)
    (tmp_path / "g.nt").write_text(a, encoding="utf-8")
    d = gd.read_graph(tmp_path / "g.nt")
    assert 280 <= len(d.nodes) <= 320
    assert all(e.evidence for e in d.edges)


def test_write_atomic_leaves_no_temp_files(tmp_path):
    gd.write_atomic(tmp_path / "sub" / "x.txt", "一二三")
    assert (tmp_path / "sub" / "x.txt").read_text(encoding="utf-8") == "一二三"
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["x.txt"]
