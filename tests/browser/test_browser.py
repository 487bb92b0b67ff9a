"""The view and the report as a person uses them: headless Chromium, network off."""
import csv
import io
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.cli import main

from .conftest import ROOT

# make test-slow (CI runs it): a headless Chromium drives the view (tens of seconds)
pytestmark = pytest.mark.slow

FIX = ROOT / "tests" / "fixtures" / "graphs"
OUT = ROOT / "out"


def kg(*args):
    try:
        main(list(args))
    except SystemExit as e:
        assert e.code in (0, None)


def open_view(page, html: Path, hash_: str = ""):
    page.goto(html.as_uri() + hash_)
    page.wait_for_selector("body[data-ready='1']", timeout=30000)


def inked_pixels(page) -> int:
    """Pixels of the graph canvas that are not blank: proof something was drawn."""
    return page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n;
    }""")


def visible_nodes(page) -> int:
    return page.evaluate("() => window.kgView.visibleNodes.length")


def label_of(page, i) -> str:
    return page.evaluate("(i) => window.kgView.data.nodes[i].l", i)


def selection(page) -> list[str]:
    return page.evaluate("() => window.kgView.selection.map(i => window.kgView.data.nodes[i].l)")


def search(page, text):
    page.fill("#search", text)
    page.wait_for_selector("#results li")
    page.press("#search", "Enter")
    page.wait_for_function("() => document.querySelector('#panel h3')")


def click_node(page, i):
    page.evaluate("(i) => { const v = window.kgView, n = v.data.nodes[i]; v.moveTo(n.x, n.y, 1.5); v.draw(); }", i)
    x, y = page.evaluate("(i) => window.kgView.toScreen(i)", i)
    page.mouse.click(x, y)


def hub(page, cls="Person"):
    return page.evaluate("""(cls) => window.kgView.data.nodes.filter(n => n.c === cls && n.v)
        .sort((a, b) => b.g - a.g)[0].i""", cls)


@pytest.fixture(scope="module")
def sample_view(sample_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "graph.html"
    kg("view", str(sample_graph), "-o", str(out))
    return out


@pytest.fixture(scope="module")
def small_view(tmp_path_factory):
    out = tmp_path_factory.mktemp("small") / "small.html"
    kg("view", str(FIX / "small.ttl"), "-o", str(out))
    return out


# ------------------------------------------------------------------ drawing and level of detail

def test_view_loads_offline_and_draws(page, sample_view):
    requests = []
    page.on("request", lambda r: r.url.startswith("file:") or requests.append(r.url))
    open_view(page, sample_view)
    assert page.problems == [] and requests == []
    assert inked_pixels(page) > 2000
    assert visible_nodes(page) > 5


def test_node_labels_by_level_of_detail_and_on_hover(page, sample_view):
    open_view(page, sample_view)
    page.evaluate("() => window.kgView.moveTo(0, 0, 0.05)")  # far out: every node a dot
    page.wait_for_timeout(50)
    assert page.evaluate("() => window.kgView.placedLabels.length") == 0
    target = hub(page)
    page.evaluate("(i) => { const v = window.kgView, n = v.data.nodes[i]; v.moveTo(n.x, n.y, 0.05); v.draw(); }", target)
    x, y = page.evaluate("(i) => window.kgView.toScreen(i)", target)
    page.mouse.move(x, y)
    page.wait_for_function("(i) => window.kgView.placedLabels.includes(i)", arg=target)
    assert label_of(page, target) in page.inner_text("#tip")
    page.mouse.move(5, 300)  # off every node: the tooltip goes
    page.mouse.move(x + 400, y + 300)
    page.wait_for_function("() => document.getElementById('tip').hidden")
    # zoomed to a readable size the labels are there, and none overlaps another
    page.evaluate("() => { const v = window.kgView; v.fit(); v.draw(); }")
    boxes = page.evaluate("() => window.kgView.placedLabels.length")
    assert boxes > 5


def test_edge_labels_only_for_the_selection_or_zoomed_in(page, sample_view):
    open_view(page, sample_view)
    assert page.evaluate("() => window.kgView.edgeLabels") == 0  # at fit, no edge label
    target = hub(page)
    click_node(page, target)
    page.wait_for_function("() => window.kgView.selection.length === 1")
    page.evaluate("() => { const v = window.kgView; v.moveTo(v.cam.x, v.cam.y, 0.6); v.draw(); }")
    degree = page.evaluate("(i) => window.kgView.data.nodes[i].g", target)
    assert 0 < page.evaluate("() => window.kgView.edgeLabels") <= degree
    page.evaluate("() => { const v = window.kgView; v.select([], false); v.moveTo(v.cam.x, v.cam.y, 2.5); v.draw(); }")
    assert page.evaluate("() => window.kgView.edgeLabels") > 0  # zoomed in: the lines in view say what they are


# ------------------------------------------------------------------ search

def test_search_knows_entities_not_drawn_and_draws_them(page, synth_view):
    open_view(page, synth_view)
    hidden = page.evaluate("""() => { const d = window.kgView.data;
        const label = {}; d.nodes.forEach(n => label[n.l] = (label[n.l] || 0) + 1);
        return d.nodes.filter(n => n.x !== undefined && !n.v && n.c === 'Person' && label[n.l] === 1)[0]; }""")
    assert hidden, "the default page should leave some people out"
    assert not page.evaluate("(i) => window.kgView.isShown(i)", hidden["i"])
    assert "Search finds every one" in page.inner_text("#notice")
    search(page, hidden["l"])
    assert selection(page) == [hidden["l"]]
    assert page.evaluate("(i) => window.kgView.isShown(i)", hidden["i"])
    neighbours = page.evaluate("""(i) => window.kgView.data.edges.filter(e => e[0] === i || e[1] === i)
        .map(e => e[0] === i ? e[1] : e[0])""", hidden["i"])
    assert neighbours and all(page.evaluate("(i) => window.kgView.isShown(i)", j) for j in neighbours)
    assert page.problems == []


def test_search_messages_and_keyboard(page, synth_view):
    open_view(page, synth_view)
    page.fill("#search", "没有这样的名字")
    assert "No match" in page.inner_text("#searchmsg")
    assert page.locator("#results li").count() == 0
    page.fill("#search", "镇")  # hundreds of places
    msg = page.inner_text("#searchmsg")
    m = re.search(r"(\d+) matches; showing 30, (\d+) more", msg)
    assert m and int(m.group(1)) == 30 + int(m.group(2))
    assert page.locator("#results li").count() == 30
    first = page.inner_text("#results li.active")
    page.press("#search", "ArrowDown")
    page.press("#search", "ArrowDown")
    assert page.locator("#results li").nth(2).get_attribute("class") == "active"
    page.press("#search", "ArrowUp")
    second = page.inner_text("#results li.active")
    assert second != first and page.locator("#results li").nth(1).get_attribute("class") == "active"
    page.press("#search", "Enter")
    page.wait_for_function("() => window.kgView.selection.length === 1")
    assert selection(page)[0] in second
    page.fill("#search", "镇")
    page.press("#search", "Escape")
    assert page.locator("#results li").count() == 0 and page.is_hidden("#searchmsg")


def test_deep_link_and_back(page, small_view):
    open_view(page, small_view, "#" + quote("张明远"))
    assert selection(page) == ["张明远"] and page.inner_text("#panel h3") == "张明远"
    search(page, "李晓华")
    assert selection(page) == ["李晓华"]
    assert page.evaluate("() => decodeURIComponent(location.hash)") == "#李晓华"
    page.go_back()
    page.wait_for_function("() => window.kgView.selection.length === 1")
    assert selection(page) == ["张明远"]
    iri = "https://w3id.org/govkg/resource/place/紫荆村"
    open_view(page, small_view, "#" + quote(iri, safe=""))
    assert selection(page) == ["紫荆村"]
    assert page.problems == []


# ------------------------------------------------------------------ the panel

def test_panel_reads_like_a_dossier(page, small_view):
    open_view(page, small_view)
    search(page, "张明远")
    groups = page.eval_on_selector_all("#panel details.group", "ds => ds.map(d => d.getAttribute('data-group'))")
    assert groups[0] == "posts" and "rel-chaired" in groups and "rel-inspected" in groups
    assert "2022-08-23" in page.inner_text("#panel details[data-group=posts]")  # the post's dated span
    # each sentence with its article once: a sentence backing two relations is shown once
    pairs = page.evaluate("""() => [...document.querySelectorAll('#panel blockquote')]
        .map(q => q.textContent + '|' + q.nextElementSibling.textContent)""")
    assert pairs and len(pairs) == len(set(pairs))
    src = " ".join(page.locator("#panel blockquote + .src").all_inner_texts())
    assert re.search(r"《.+》 2022-08-23 · \S+\.txt", src)  # headline, date, source file
    assert page.evaluate("() => getComputedStyle(document.querySelector('#panel .head')).position") == "sticky"
    page.click("#panel details[data-group=rel-inspected] summary")  # groups collapse
    assert not page.evaluate("() => document.querySelector('#panel details[data-group=rel-inspected]').open")
    # the month-day without a year reads as such, and sorts after the dated ones
    text = page.inner_text("#panel")
    assert "--11-05" not in text and "11月5日 (year unknown" in text
    dates = page.evaluate("""() => [...document.querySelectorAll('#panel details[data-group^=rel]')].map(g =>
        [...g.querySelectorAll('li.rel > div:first-child .src')].map(x => x.textContent))""")
    assert any("year unknown" in d for ds in dates for d in ds)
    for ds in dates:  # within a group: dated first, then the year-less, then undated
        ranks = [0 if re.search(r"\d{4}-", d) else 1 if "year unknown" in d else 2 for d in ds]
        assert ranks == sorted(ranks)


def test_panel_busiest_person_stays_short(page, synth_view):
    open_view(page, synth_view)
    t = hub(page)
    page.evaluate("(i) => window.kgView.goTo(i, true)", t)
    assert page.evaluate("() => document.getElementById('panel').scrollHeight") < 20000
    assert page.locator("#panel button.more").count() >= 1


def test_coattendance_page_lists_coattendance_first(page, small_view, tmp_path):
    out = tmp_path / "co.html"
    kg("view", str(FIX / "small.ttl"), "-o", str(out), "--coattendance")
    open_view(page, out, "#" + quote("张明远"))
    groups = page.eval_on_selector_all("#panel details.group", "ds => ds.map(d => d.getAttribute('data-group'))")
    assert groups[0] == "co"
    assert "×2" in page.inner_text("#panel details[data-group=co]")


def test_narrow_window_keeps_the_graph_wide(browser, small_view):
    ctx = browser.new_context(offline=True, viewport={"width": 700, "height": 800})
    pg = ctx.new_page()
    open_view(pg, small_view)
    assert pg.evaluate("() => document.getElementById('graph').clientWidth") == 700
    pg.evaluate("() => window.kgView.goTo(window.kgView.byName('张明远'), true)")
    assert pg.is_visible("#panel h3")  # the panel slides over the graph ...
    assert pg.evaluate("() => document.getElementById('graph').clientWidth") == 700  # ... which keeps its width
    pg.click("#sideclose")
    assert pg.is_hidden("#side")
    ctx.close()


# ------------------------------------------------------------------ neighbourhood, time, language, export

def test_expand_hide_only_reset(page, synth_view):
    open_view(page, synth_view)
    start = visible_nodes(page)
    person = page.evaluate("""() => window.kgView.data.nodes.filter(n => n.v && n.c === 'Person')
        .sort((a, b) => a.g - b.g).find(n => window.kgView.data.edges.some(e =>
            (e[0] === n.i && !window.kgView.data.nodes[e[1]].v) || (e[1] === n.i && !window.kgView.data.nodes[e[0]].v)))""")
    click_node(page, person["i"])
    page.wait_for_function("() => window.kgView.selection.length === 1")
    page.click("#expand")
    assert visible_nodes(page) > start
    page.click("#only")
    only = visible_nodes(page)
    assert only <= person["g"] + 1
    page.click("#hide")
    assert visible_nodes(page) == only - 1 and not page.evaluate("(i) => window.kgView.isShown(i)", person["i"])
    page.click("#reset")
    assert visible_nodes(page) == start


def test_time_range_filters_and_counts_undated(page, synth_view):
    open_view(page, synth_view)
    lines = page.evaluate("() => window.kgView.visibleLines")
    assert re.search(r"\d+ undated", page.inner_text("#time"))
    page.evaluate("""() => { const lo = document.getElementById('time-lo'), hi = document.getElementById('time-hi');
        hi.value = 2; hi.dispatchEvent(new Event('input')); }""")
    narrowed = page.evaluate("() => window.kgView.visibleLines")
    assert 0 < narrowed < lines
    page.uncheck("#time-undated")
    assert page.evaluate("() => window.kgView.visibleLines") < narrowed
    page.click("#reset")
    assert page.evaluate("() => window.kgView.visibleLines") == lines


def test_language_from_the_ontology(page, small_view):
    open_view(page, small_view)
    assert "担任" in page.inner_text("#preds") and "人物" in page.inner_text("#types")
    page.select_option("#lang", "en")
    assert "holds post" in page.inner_text("#preds") and "Person" in page.inner_text("#types")
    search(page, "张明远")
    assert "holds post" in page.inner_text("#panel") or "chaired" in page.inner_text("#panel")


def test_export_png_svg_csv(page, small_view, tmp_path):
    open_view(page, small_view)
    with page.expect_download() as d:
        page.click("#png")
    png = Path(d.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000
    with page.expect_download() as d:
        page.click("#svg")
    svg = Path(d.value.path()).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<circle") == visible_nodes(page)
    search(page, "张明远")
    with page.expect_download() as d:
        page.click("#csv")
    rows = list(csv.reader(io.StringIO(Path(d.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["subject", "predicate", "object", "sentence", "headline", "date", "source_file"]
    assert any(r[0] == "张明远" and r[1] == "chaired" for r in rows[1:])
    assert page.problems == []


def test_injection_page_shows_text_and_runs_nothing(page, tmp_path):
    out = tmp_path / "inj.html"
    kg("view", str(FIX / "injection.ttl"), "-o", str(out))
    open_view(page, out)
    search(page, "<script>")
    assert page.inner_text("#panel h3") == "<script>alert(1)</script>"
    panel = page.inner_text("#panel")
    assert "<img src=x onerror=alert(1)>出席<script>alert(1)</script>会议" in panel
    assert "</script><script>alert(2)</script>" in panel
    page.hover("#panel h3")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, #panel script').length") == 0
    with page.expect_download() as d:
        page.click("#svg")
    svg = Path(d.value.path()).read_text(encoding="utf-8")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert page.dialogs == [] and page.problems == []


# ------------------------------------------------------------------ the report

def test_report_pages_load_offline(page, sample_graph, tmp_path):
    out = tmp_path / "report"
    kg("report", str(sample_graph), "-o", str(out))
    page.goto((out / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator("svg.chart").count() >= 3
    # charts are as wide as what they hold: the title fits
    fits = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].map(s =>
        s.querySelector('text.t').getBBox().width <= s.width.baseVal.value)""")
    assert fits and all(fits)
    # every name is a link: to its person page, or to the graph view with the entity selected
    names = page.evaluate("() => [...document.querySelectorAll('table td:nth-child(2)')].filter(td => td.closest('table').querySelector('th').textContent === '#')"
                          ".map(td => !!td.querySelector('a'))")
    assert names and all(names)
    link = page.locator("a[href^='graph.html#']").first
    target = link.inner_text()
    link.click()
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("() => window.kgView.selection.length === 1")
    assert selection(page) == [target]
    page.go_back()
    page.wait_for_load_state("load")
    first = page.locator("#officials ~ div a, #officials ~ table a").first
    first.click()
    page.wait_for_load_state("load")
    assert page.locator("h2").count() >= 2
    open_view(page, out / "graph.html")
    open_view(page, out / "coattendance.html")
    assert page.problems == [] and page.dialogs == []


def test_report_says_undated(page, tmp_path):
    out = tmp_path / "r"
    kg("report", str(FIX / "small.ttl"), "-o", str(out))
    page.goto((out / "index.html").as_uri())
    assert "1 dated by month and day without a year" in page.inner_text("#undated")
    page.locator("#officials ~ div a").first.click()
    page.wait_for_load_state("load")
    body = page.inner_text("body")
    assert "--11-05" not in body and "11月5日 (year unknown)" in body


def test_injection_report_runs_nothing(page, tmp_path):
    out = tmp_path / "r"
    kg("report", str(FIX / "injection.ttl"), "-o", str(out))
    page.goto((out / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert "<script>alert(1)</script>" in page.inner_text("body")
    assert page.dialogs == [] and page.problems == []
