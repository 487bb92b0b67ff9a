"""A page's home (kg build --home, --manifest, or inferred): what a bare 县委 or 我县 means, and
how the graph records it. Every article here is invented; the places are real public geography."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli, main
from kg.views.stats import compute_stats

GOV = "https://w3id.org/govkg/ontology#"
RES = "https://w3id.org/govkg/resource/"

# A web article of a county site: it never names its own county in full.
COUNTY_PAGE = """县委召开全县项目建设推进会

3月2日，县委书记赵文博主持召开全县项目建设推进会。县委副书记、县长孙立群，县委常委、常务副县长
周晓峰参加会议。会议指出，我县要抓住机遇，推动县政府各部门形成合力。
"""
# The same kind of page that names its county, so the home can be inferred.
NAMED_PAGE = """宿松县召开招商工作会议

3月9日，宿松县召开招商工作会议。县委书记钱立新出席会议并讲话。
"""


def run(*args):
    return CliRunner().invoke(cli, list(args))


def graph(path):
    return {q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}


def labels(g, type_):
    return {str(t.subject.value)[len(RES) + len(type_) + 1:] for t in g
            if str(t.subject.value).startswith(f"{RES}{type_}/")}


def homes(g):
    return {(str(t.object.value)) for t in g if t.predicate.value == GOV + "home"}, \
        {t.object.value for t in g if t.predicate.value == GOV + "homeSource"}


def test_home_given_for_all_inputs_expands_bare_county_bodies(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(COUNTY_PAGE, encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = run("build", str(page), "-o", str(out), "--home", "宿松县,安庆市,安徽省", "-q")
    assert r.exit_code == 0, r.output
    g = graph(out)
    orgs = labels(g, "organization")
    assert {"宿松县委", "宿松县政府"} <= orgs and not {"县委", "县政府"} & orgs
    assert "宿松县" in labels(g, "place")                     # 我县 is the home
    assert homes(g) == ({RES + "place/宿松县"}, {"given"})


def test_home_by_its_name_alone_is_completed_from_the_gazetteer(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(COUNTY_PAGE, encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert run("build", str(page), "-o", str(out), "--home", "宿松县", "-q").exit_code == 0
    assert "宿松县委" in labels(graph(out), "organization")


def test_ambiguous_home_is_one_line_asking_for_the_city(tmp_path, capsys):
    page = tmp_path / "a.txt"
    page.write_text(COUNTY_PAGE, encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["build", str(page), "-o", str(tmp_path / "g.ttl"), "--home", "朝阳区"])
    err = capsys.readouterr().err
    assert ex.value.code == 1 and len(err.strip().splitlines()) == 1
    assert "朝阳区" in err and "北京" in err


def test_manifest_gives_each_file_its_home_and_date(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "a.txt").write_text(COUNTY_PAGE, encoding="utf-8")
    (d / "b.txt").write_text(COUNTY_PAGE.replace("3月2日", "12月30日"), encoding="utf-8")
    (d / "manifest.json").write_text(json.dumps([
        {"file": "a.txt", "district": "宿松县", "city": "安庆市", "province": "安徽省", "date": "2024-03-03"},
        {"file": "b.txt", "district": "平江县", "city": "岳阳市", "province": "湖南省", "date": "2024-01-04"},
    ], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = run("build", str(d), "--manifest", str(d / "manifest.json"), "-o", str(out), "-q")
    assert r.exit_code == 0, r.output
    g = graph(out)
    assert {"宿松县委", "平江县委"} <= labels(g, "organization")   # the same words, two homes
    dates = {t.object.value for t in g if t.predicate.value == "http://purl.org/dc/terms/date"}
    # the year comes from the publication date; a day after it belongs to the year before
    assert {"2024-03-02", "2023-12-30"} <= dates


@pytest.mark.parametrize("manifest, problem", [
    ("{}", "JSON list"),
    ('[{"district": "宿松县"}]', 'no "file"'),
    ('[{"file": "a.txt", "date": "3月2日"}]', "YYYY-MM-DD"),
    ("not json", "not a JSON manifest"),
])
def test_a_bad_manifest_is_one_line_naming_it(tmp_path, capsys, manifest, problem):
    (tmp_path / "a.txt").write_text(COUNTY_PAGE, encoding="utf-8")
    m = tmp_path / "m.json"
    m.write_text(manifest, encoding="utf-8")
    with pytest.raises(SystemExit) as ex:
        main(["build", str(tmp_path / "a.txt"), "--manifest", str(m), "-o", str(tmp_path / "g.ttl")])
    err = capsys.readouterr().err.strip()
    assert ex.value.code == 1 and len(err.splitlines()) == 1 and "m.json" in err and problem in err
    assert not (tmp_path / "g.ttl").exists()


def test_home_is_inferred_when_not_given_and_counted_by_stats(tmp_path):
    (tmp_path / "a.txt").write_text(NAMED_PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("无名文章\n\n近日，县里开展了志愿服务活动。\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert run("build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), "-q").exit_code == 0
    g = graph(out)
    assert "宿松县委" in labels(g, "organization")
    st = ox.Store()
    st.load(path=str(out), format=ox.RdfFormat.TURTLE)
    got = {(h["home"], h["how"]): h["articles"] for h in compute_stats(st)["articles"]["homes"]}
    assert got == {("宿松县", "inferred"): 1, ("", "none"): 1}


def test_the_same_page_under_another_home_is_extracted_again(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(COUNTY_PAGE, encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert run("build", str(page), "-o", str(out), "--home", "宿松县", "-q").exit_code == 0
    r = run("build", str(page), "-o", str(out), "--home", "平江县")
    assert "1 extracted" in r.output
    assert "平江县委" in labels(graph(out), "organization")
