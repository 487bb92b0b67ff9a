"""The view and the report as a person uses them: headless Chromium, network off."""
from pathlib import Path

import pytest

from kg.cli import main

from .conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "graphs"
OUT = ROOT / "out"


def kg(*args):
    try:
        main(list(args))
    except SystemExit as e:
        assert e.code in (0, None)


def open_view(page, html: Path):
    page.goto(html.as_uri())
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
    return page.evaluate("() => window.kgView.nodesView.length")


def search(page, text):
    page.fill("#search", text)
    page.wait_for_selector("#results li")
    page.press("#search", "Enter")
    page.wait_for_timeout(500)  # the focus animation


@pytest.fixture(scope="module")
def sample_view(sample_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "graph.html"
    kg("view", str(sample_graph), "-o", str(out))
    return out


def test_view_loads_offline_and_draws(page, sample_view):
    open_view(page, sample_view)
    assert page.problems == []
    assert inked_pixels(page) > 2000
    assert visible_nodes(page) > 5
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "view.png"))


def test_search_focuses_a_node_and_shows_its_panel(page, sample_view):
    open_view(page, sample_view)
    person = page.evaluate("""() => { const d = window.kgView.data;
        const deg = d.nodes.filter(n => n.c === 'Person' && n.x !== undefined).sort((a, b) => b.g - a.g);
        return deg[0].l; }""")
    search(page, person)
    selected = page.evaluate("() => window.kgView.network.getSelectedNodes().map(id => window.kgView.data.nodes[id].l)")
    assert selected == [person]
    assert page.inner_text("#panel h3") == person
    # focused: the node is near the middle of the canvas
    pos = page.evaluate("""() => { const n = window.kgView.network; const id = n.getSelectedNodes()[0];
        const p = n.canvasToDOM(n.getPosition(id)); const c = document.getElementById('graph');
        return [p.x / c.clientWidth, p.y / c.clientHeight]; }""")
    assert 0.3 < pos[0] < 0.7 and 0.3 < pos[1] < 0.7
    assert page.problems == []


def test_type_filter_hides_nodes(page, sample_view):
    open_view(page, sample_view)
    before = visible_nodes(page)
    people = page.evaluate("() => window.kgView.data.classes.find(c => c.name === 'Person').count")
    page.click("#types input[data-key='Person']")
    assert visible_nodes(page) == before - people
    page.click("#types input[data-key='Person']")
    assert visible_nodes(page) == before


def test_clicking_a_node_shows_its_evidence(page, sample_view):
    open_view(page, sample_view)
    target = page.evaluate("""() => { const d = window.kgView.data;
        const withEv = new Set(d.rels.filter(r => r[3].length).flatMap(r => [r[0], r[2]]));
        const n = d.nodes.filter(n => n.x !== undefined && withEv.has(n.i)).sort((a, b) => b.g - a.g)[0];
        window.kgView.network.focus(n.i, {scale: 1.5, animation: false});
        return n; }""")
    page.wait_for_timeout(100)
    xy = page.evaluate("""(id) => { const n = window.kgView.network; const p = n.canvasToDOM(n.getPosition(id));
        const r = document.querySelector('#graph canvas').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""",
                       target["i"])
    page.mouse.click(xy[0], xy[1])
    page.wait_for_selector("#panel blockquote")
    assert page.inner_text("#panel h3") == target["l"]
    quotes = page.locator("#panel blockquote").all_inner_texts()
    assert quotes and all(q.strip() for q in quotes)
    assert "《" in page.inner_text("#panel li.rel .src")  # the article headline beside the sentence


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
    assert page.dialogs == [] and page.problems == []


def test_report_pages_load_offline(page, sample_graph, tmp_path):
    out = tmp_path / "report"
    kg("report", str(sample_graph), "-o", str(out))
    page.goto((out / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator("svg.chart").count() >= 3
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "report-index.png"), full_page=True)
    first = page.locator("#officials ~ div a, #officials ~ table a").first
    first.click()
    page.wait_for_load_state("load")
    assert page.locator("h2").count() >= 2
    open_view(page, out / "graph.html")
    open_view(page, out / "coattendance.html")
    assert page.problems == [] and page.dialogs == []


def test_injection_report_runs_nothing(page, tmp_path):
    out = tmp_path / "r"
    kg("report", str(FIX / "injection.ttl"), "-o", str(out))
    page.goto((out / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert "<script>alert(1)</script>" in page.inner_text("body")
    assert page.dialogs == [] and page.problems == []
