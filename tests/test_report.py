"""kg report: a static site with the stats, rankings, per-official pages and the views."""
import re
from pathlib import Path

import pytest

from kg.views import graphdata as gd
from kg.views import report as rp
from kg.cli import main

FIX = Path(__file__).parent / "fixtures" / "graphs"
P = "https://w3id.org/govkg/resource/person/"


def ok(args):
    try:
        main(args)
    except SystemExit as e:
        assert e.code in (0, None)


@pytest.fixture(scope="module")
def small():
    return gd.read_graph(FIX / "small.ttl")


def test_officials_ranking(small):
    offs = rp.officials(small)
    assert [(o.label, o.attended, o.chaired, o.inspected) for o in offs] == [
        ("张明远", 2, 1, 2), ("王建国", 2, 0, 1), ("李晓华", 2, 0, 0)]
    assert offs[0].posts == ("荆州区委书记",)
    assert "陈晓岚" not in {o.label for o in offs}  # a reporter with no post or activity


def test_most_visited_and_months(small):
    assert [(small.nodes[i].label, v) for i, v, _ in rp.most_visited(small)] == [("紫荆村", 2), ("紫荆村智能农机产业园项目", 1)]
    months = rp.activity_per_month(small)
    assert [(m, a) for m, a, _ in months] == [("2022-08", 1), ("2022-09", 1), ("2022-10", 1)]  # --11-05 has no year
    assert sum(r for _, _, r in months) == 18  # evidence in dated articles (5 are in the year-less one)


def test_timeline_is_dated_and_merges_chair_with_attended(small):
    rows = rp.timeline(small, P + "张明远")
    assert [(r["date"], r["p"], r["what"].label) for r in rows] == [
        ("2022-08-23", "chaired", "区委常委会会议"), ("2022-09-02", "inspected", "紫荆村"),
        ("2022-09-02", "inspected", "紫荆村智能农机产业园项目"), ("--11-05", "attended", "全区项目建设推进会")]
    assert rows[1]["evidence"][0]["headline"] == "张明远到川店镇调研乡村振兴工作"


def test_site_pages_and_content(tmp_path, small):
    out = tmp_path / "report"
    ok(["report", str(FIX / "small.ttl"), "-o", str(out)])
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == sorted([".govkg-report", "coattendance.html", "graph.html", "index.html", "style.css"]
                           + [rp.person_page(P + n) for n in ("张明远", "李晓华", "王建国")])
    index = (out / "index.html").read_text(encoding="utf-8")
    for text in ("荆州区委书记", "紫荆村", "<svg", "Activity per month", "2022-08"):
        assert text in index
    for link in re.findall(r'href="([^"#]+)"', index):  # every link resolves inside the site
        assert (out / link).is_file(), link
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", index) and "<script" not in index
    person = (out / rp.person_page(P + "张明远")).read_text(encoding="utf-8")
    assert "2022-08-23" in person and "区委书记张明远主持召开区委常委会会议。" in person and "李晓华" in person


def test_report_escapes_article_text(tmp_path):
    out = tmp_path / "r"
    ok(["report", str(FIX / "injection.ttl"), "-o", str(out)])
    for page in [out / "index.html", *sorted((out / "people").glob("*.html"))]:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<svg onload" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "index.html").read_text(encoding="utf-8")


def test_rerun_replaces_only_its_own_directory(tmp_path, capsys):
    out = tmp_path / "r"
    ok(["report", str(FIX / "small.ttl"), "-o", str(out)])
    first = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "stale.html").write_text("old", encoding="utf-8")
    ok(["report", str(FIX / "small.ttl"), "-o", str(out)])
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == first  # deterministic, stale page gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temp dirs left
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["report", str(FIX / "small.ttl"), "-o", str(mine)])
    assert e.value.code == 1 and "refusing to replace" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_bad_graph_exits_1(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["report", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "r")])
    assert e.value.code == 1 and "missing.ttl: no such file" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_svg_charts_escape_labels():
    svg = rp.hbar_svg([("<b>甲</b>", 3), ("乙", 1)], "t&t")
    assert "<b>" not in svg and "&lt;b&gt;甲" in svg and "t&amp;t" in svg
    assert rp.hbar_svg([], "x") == ""


def test_dates_without_a_year_and_chart_widths():
    assert rp.show_date("--04-22") == "4月22日 (year unknown)" and rp.show_date("2024-03-05") == "2024-03-05"
    one = rp.vbar_svg([("2024-03", 1, 2)], "Activity per month 每月报道与关系")
    assert int(re.search(r'width="(\d+)"', one).group(1)) >= rp.text_width("Activity per month 每月报道与关系", 13)
    long = rp.hbar_svg([("荆州区全面深化改革委员会第五次会议", 3)], "t")
    wide = int(re.search(r'width="(\d+)"', long).group(1))
    assert wide >= rp.text_width("荆州区全面深化改革委员会第五次会议") + 200
