"""kg export: Gephi, Neo4j and RDF formats that other tools read back."""
import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main

FIX = Path(__file__).parent / "fixtures" / "graphs"
P = "https://w3id.org/govkg/resource/person/"


def export(tmp_path, name, src="small.ttl"):
    out = tmp_path / name
    try:
        main(["export", str(FIX / src), "-o", str(out)])
    except SystemExit as e:
        assert e.code in (0, None)
    return out


def test_graphml_reads_back_in_networkx(tmp_path):
    g = nx.read_graphml(export(tmp_path, "g.graphml"))
    assert g.number_of_nodes() == 17 and g.number_of_edges() == 23
    assert g.nodes[P + "张明远"]["label"] == "张明远" and g.nodes[P + "张明远"]["cls"] == "Person"
    preds = {d["predicate"] for _, _, d in g.edges(data=True)}
    assert preds == {"holdsPost", "memberOf", "attended", "chaired", "inspected", "locatedIn", "heldAt",
                     "organizedBy", "reviewed"}


def test_gexf_reads_back_and_is_byte_stable(tmp_path):
    a = export(tmp_path, "a.gexf")
    b = export(tmp_path, "b.gexf")
    assert a.read_bytes() == b.read_bytes() and b"lastmodifieddate" not in a.read_bytes()
    g = nx.read_gexf(a)
    assert g.number_of_nodes() == 17 and g.nodes[P + "王建国"]["label"] == "王建国"


def test_neo4j_csv_header_format(tmp_path):
    export(tmp_path, "neo.csv")
    with open(tmp_path / "neo-nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.reader(f))
    with open(tmp_path / "neo-relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.reader(f))
    assert nodes[0] == ["iri:ID", "name", "aliases:string[]", "date", ":LABEL"]
    assert rels[0][:4] == [":START_ID", ":END_ID", ":TYPE", "evidence:int"]
    ids = {r[0] for r in nodes[1:]}
    assert len(ids) == 17 and all(r[0] in ids and r[1] in ids for r in rels[1:])
    meeting = next(r for r in nodes if r[1] == "区委常委会会议")
    assert meeting[2:] == ["常委会会议", "2022-08-23", "Event;Meeting"]
    chaired = next(r for r in rels if r[2] == "chaired")
    assert chaired[3:] == ["1", "区委书记张明远主持召开区委常委会会议。", "区委常委会召开会议 研究部署秋季项目建设", "2022-08-23"]
    assert not (tmp_path / "neo.csv").exists()


@pytest.mark.parametrize("ext", [".nt", ".jsonld", ".trig", ".ttl"])
def test_rdf_formats_round_trip(tmp_path, ext):
    from kg.graph.store import open_store

    out = export(tmp_path, "g" + ext)
    assert len(open_store(out)) == len(open_store(FIX / "small.ttl")) == 326
    again = export(tmp_path, "h" + ext)
    assert out.read_bytes() == again.read_bytes()
    if ext == ".jsonld":
        assert isinstance(json.loads(out.read_text(encoding="utf-8")), (list, dict))
    if ext == ".nt":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) == 326


def test_usage_and_input_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["export", str(FIX / "small.ttl"), "-o", str(tmp_path / "g.pdf")])
    assert e.value.code == 2 and "unknown extension" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["export", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "g.nt")])
    assert e.value.code == 1 and "none.ttl: no such file" in capsys.readouterr().err
    src = tmp_path / "in.nt"
    src.write_bytes((FIX / "small.ttl").read_bytes())  # Turtle under an .nt name: unreadable as N-Triples
    with pytest.raises(SystemExit) as e:
        main(["export", str(src), "-o", str(src)])
    assert e.value.code == 1 and "refusing to overwrite" in capsys.readouterr().err
    assert src.read_bytes() == (FIX / "small.ttl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.nt"]
