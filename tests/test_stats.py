"""kg stats on the hand-written fixture graph (tests/fixtures/graphs_stats/small.ttl)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli, main
from kg.views.stats import compute_stats, render_stats
from kg.graph.store import open_store

FIX = Path(__file__).resolve().parent / "fixtures" / "graphs_stats"
TTL, NT = FIX / "small.ttl", FIX / "small.nt"


@pytest.fixture(scope="module")
def st():
    return compute_stats(open_store(TTL), top=10)


def test_entities_per_class_and_subclass(st):
    counts = {t: c["count"] for t, c in st["classes"].items()}
    assert counts == {"Person": 6, "Post": 3, "Organization": 4, "Place": 5, "Event": 2,
                      "Project": 1, "Document": 1}
    assert st["entities"] == 22
    assert st["classes"]["Place"]["subclasses"] == {"District": 1, "Town": 2, "Village": 2}
    assert st["classes"]["Organization"]["subclasses"] == {"GovernmentBody": 2, "PartyBody": 2}
    assert st["triples"] == 336


def test_predicates_and_evidence(st):
    p = st["predicates"]
    assert list(p) == ["holdsPost", "memberOf", "attended", "chaired", "inspected", "locatedIn",
                       "heldAt", "organizedBy", "reviewed"]        # hosts only when present
    assert p["inspected"] == {"triples": 5, "evidence": 5}
    assert p["chaired"] == {"triples": 1, "evidence": 1}
    assert sum(v["triples"] for v in p.values()) == 22


def test_articles(st):
    assert st["articles"] == {"total": 4, "kinds": {"news": 3, "photo": 1}, "source_files": 2,
                              "with_headline": 3, "first_date": "2023-03-06", "last_date": "2023-03-12",
                              "homes": [{"home": "", "how": "unknown", "articles": 4}]}


def test_rankings(st):
    names = [o["name"] for o in st["officials"]]
    assert names == ["李华", "张明远", "赵刚", "陈静"]           # reporters never rank
    li = st["officials"][0]
    assert (li["meetings"], li["chaired"], li["inspected"], li["posts"]) == (1, 0, 3, ["区长"])
    assert st["officials"][1]["chaired"] == 1
    places = [(p["name"], p["class"], p["visitors"], p["events_held"]) for p in st["places"]]
    assert places == [("紫荆村", "Place", 2, 0), ("紫荆村光伏发电项目", "Project", 2, 0), ("龙泉村", "Place", 0, 1)]


def test_components(st):
    # 13 entities around the standing-committee page, 6 around the tree-planting, and the
    # two bylines plus 荆州区 with no relation at all.
    assert st["components"] == {"count": 5, "largest": 13, "isolated": 3, "sizes_top": [13, 6, 1, 1, 1]}


def test_top_limits_rankings():
    st = compute_stats(open_store(TTL), top=1)
    assert len(st["officials"]) == 1 and len(st["places"]) == 1
    assert st["components"]["sizes_top"] == [13]


def test_ntriples_and_store_directory_give_the_same_numbers(st, tmp_path):
    assert compute_stats(open_store(NT), top=10) == st
    import pyoxigraph as ox

    d = tmp_path / "store"
    s = ox.Store(str(d))
    with open(TTL, "rb") as f:
        s.load(f, format=ox.RdfFormat.TURTLE)
    s.flush()
    del s
    assert compute_stats(open_store(d), top=10) == st


def test_text_tables(st):
    text = render_stats(st, source="g.ttl")
    lines = text.splitlines()
    assert lines[1].startswith("336 triples, 22 entities, 4 articles (3 news, 1 photo) from 2 source files")
    assert "dated 2023-03-06 to 2023-03-12" in lines[1]
    assert any(ln.split() == ["Person", "6"] for ln in lines)
    assert any(ln.split() == ["Town", "2"] and ln.startswith("  Town") for ln in lines)
    li = next(ln for ln in lines if ln.startswith("李华"))
    assert li.split() == ["李华", "区长", "1", "0", "3", "2"]
    assert lines[-1] == "entity graph: 5 connected components, largest 13 entities, 3 isolated"


def test_cli_json_and_determinism():
    r1 = CliRunner().invoke(cli, ["stats", str(TTL), "--json"])
    r2 = CliRunner().invoke(cli, ["stats", str(TTL), "--json"])
    assert r1.exit_code == 0 and r1.output == r2.output
    d = json.loads(r1.output)
    assert d["graph"] == str(TTL) and d["classes"]["Person"]["count"] == 6
    t1 = CliRunner().invoke(cli, ["stats", str(TTL), "--top", "2"]).output
    assert t1 == CliRunner().invoke(cli, ["stats", str(TTL), "--top", "2"]).output
    assert "most active officials (top 2)" in t1


def test_stats_never_imports_jieba_or_pyvis():
    code = ("import sys\nfrom kg.cli import main\ntry:\n    main(['stats', %r])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'pyvis')))" % str(TTL))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("@prefix gov: <https://w3id.org/govkg/ontology#> .\ngov:x gov:y", "not a readable turtle graph"),
])
def test_bad_graph_is_one_line_error(tmp_path, capsys, content, message):
    p = tmp_path / "g.ttl"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["stats", str(p)])
    assert ex.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"kg: error: {p}: {message}") and len(err.splitlines()) == 1


def test_empty_graph(tmp_path):
    p = tmp_path / "empty.ttl"
    p.write_text("", encoding="utf-8")
    st = compute_stats(open_store(p))
    assert st["entities"] == 0 and st["components"]["count"] == 0 and st["articles"]["total"] == 0
    assert "0 triples, 0 entities, 0 articles" in render_stats(st)


def test_triples_counted_alike_in_default_and_named_graphs(st):
    # a store with no named graphs is counted by len(); one with named graphs by SPARQL
    import pyoxigraph as ox

    s = ox.Store()
    with open(TTL, "rb") as f:
        s.load(f, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g1"))
    assert next(iter(s.named_graphs()), None) is not None
    assert compute_stats(s, top=10) == st


def _pages(d: Path, texts: dict) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for name, t in texts.items():
        (d / name).write_text(t, encoding="utf-8")
    return d


_MORE = {  # invented pages in the genre, added by a second build
    "m1.txt": "区委书记主持召开专题会议\n\n本报讯 4月2日，区委书记甄晓岚主持召开专题会议，研究部署春季植树工作。区长曲明远出席会议。\n",
    "m2.txt": "区长调研乡村振兴项目\n\n本报讯 4月9日，区长曲明远到川店镇紫荆村调研乡村振兴示范项目建设情况。\n",
}


def test_kept_statistics_match_computed_ones_and_follow_later_builds(tmp_path, monkeypatch):
    import kg.views.stats
    from kg.samples import paths

    store = tmp_path / "store"
    runner = CliRunner()
    first = [str(p) for p in paths()][:3]
    assert runner.invoke(cli, ["build", *first, "--store", str(store), "-q"]).exit_code == 0
    later = [str(p) for p in paths()][3:] + [str(p) for p in sorted(_pages(tmp_path / "more", _MORE).iterdir())]
    for step in ("first build", "a later build adding pages"):
        for top in (3, 10):
            kept = kg.views.stats.read_kept(store, top)
            assert kept is not None, step
            assert kept == compute_stats(open_store(store), top=top), step
            out = runner.invoke(cli, ["stats", str(store), "--top", str(top)]).output
            computed = render_stats(compute_stats(open_store(store), top=top), source=str(store))
            assert out.strip() == computed.strip(), step
        assert runner.invoke(cli, ["build", *later, "--store", str(store), "-q"]).exit_code == 0
    # the kept figures are what kg stats reads (it computes nothing) ...
    monkeypatch.setattr(kg.views.stats, "compute_stats", lambda *a, **k: pytest.fail("computed again"))
    assert runner.invoke(cli, ["stats", str(store)]).exit_code == 0
    # ... but only while the store holds the pages they were counted on: a page the manifest
    # names that the figures were not computed with makes them stale
    import sqlite3

    db = sqlite3.connect(store / "govkg-pages.sqlite", isolation_level=None)
    db.execute("INSERT INTO names VALUES ('elsewhere.txt', 'not-a-key')")
    db.close()
    assert kg.views.stats.read_kept(store, 10) is None
    assert kg.views.stats.read_kept(store, kg.views.stats.KEEP_TOP + 1) is None


def test_stats_of_a_store_whose_kept_figures_are_stale_say_why_and_still_count(tmp_path):
    import sqlite3

    from kg.samples import paths

    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", *[str(p) for p in paths()][:2], "--store", str(store), "-q"]).exit_code == 0
    fresh = runner.invoke(cli, ["stats", str(store)])
    assert fresh.exit_code == 0 and fresh.stderr == ""
    db = sqlite3.connect(store / "govkg-pages.sqlite", isolation_level=None)
    db.execute("UPDATE stats SET key = 'kept by another version'")
    db.close()
    stale = runner.invoke(cli, ["stats", str(store)])
    assert stale.exit_code == 0 and stale.stdout == fresh.stdout
    assert "keeps no statistics of this version" in stale.stderr and stale.stderr.count("\n") == 1
