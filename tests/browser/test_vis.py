"""`kg view --renderer vis`, the classic pyvis page, as a person uses it: headless Chromium,
every request but the file itself refused, a hostile person name in a built graph."""
from pathlib import Path

import pytest

from kg.cli import main

HOSTILE = "<script>alert(1)</script>"


def kg(*args):
    try:
        main(list(args))
    except SystemExit as e:
        assert e.code in (0, None)


def hostile_built_graph(d: Path) -> Path:
    """The built-in sample through `kg build`, its busiest person renamed to a script tag."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace

    kg("build", "-q", "-o", str(d / "built.ttl"))
    gov = Namespace("https://w3id.org/govkg/ontology#")
    g = Graph().parse(d / "built.ttl")
    person = max(g.subjects(RDF.type, gov.Person), key=lambda p: (len(list(g.objects(p, gov.attended))), str(p)))
    g.set((person, RDFS.label, Literal(HOSTILE, lang="zh")))
    g.serialize(d / "hostile.ttl", format="turtle", encoding="utf-8")
    return d / "hostile.ttl"


@pytest.fixture(scope="module")
def vis_view(tmp_path_factory):
    d = tmp_path_factory.mktemp("vis")
    kg("view", str(hostile_built_graph(d)), "-o", str(d / "vis.html"), "--renderer", "vis")
    return d / "vis.html"


def blocked(page) -> list:
    """Refuse every request that is not the page file itself, and keep what was asked for."""
    asked = []

    def refuse(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()
    page.route("**/*", refuse)
    page.on("request", lambda r: r.url.startswith("file:") or asked.append(r.url))
    return asked


def inked_pixels(page) -> int:
    return page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n;
    }""")


def node_on_screen(page, node_id):
    return page.evaluate("""(id) => { const v = window.kgView.network, p = v.canvasToDOM(v.getPosition(id)),
        r = document.getElementById('graph').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""", node_id)


def test_vis_page_draws_offline_with_no_error(page, vis_view):
    asked = blocked(page)
    page.goto(vis_view.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30000)
    assert page.evaluate("() => window.kgView.renderer") == "vis"
    assert page.evaluate("() => typeof vis.Network") == "function"  # pyvis's vis-network ran under the CSP
    assert inked_pixels(page) > 2000
    drawn = page.evaluate("() => window.kgView.network.body.nodeIndices.length")
    assert drawn == page.evaluate("() => window.kgView.data.vis.nodes.length") > 20
    assert page.evaluate("() => document.querySelectorAll('#types input').length") >= 5  # the legend
    assert asked == [] and page.problems == [] and page.dialogs == []


def test_vis_page_search_panel_and_tooltip_show_the_hostile_name_as_text(page, vis_view):
    asked = blocked(page)
    page.goto(vis_view.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30000)
    page.fill("#search", "alert(1)")
    page.wait_for_selector("#results li")
    assert HOSTILE in page.inner_text("#results")
    page.press("#search", "Enter")
    page.wait_for_function("(n) => { const h = document.querySelector('#panel h3'); return h && h.textContent === n; }",
                           arg=HOSTILE)
    assert page.evaluate("() => document.querySelectorAll('#panel blockquote').length") > 0  # evidence listed
    assert page.evaluate("() => window.kgView.network.getSelectedNodes().length") == 1
    # a click on another node shows its panel; hovering the hostile node shows its name in vis's tooltip
    hostile = page.evaluate("(h) => window.kgView.data.vis.nodes.find(n => n.label === h).id", HOSTILE)
    other = page.evaluate("""(h) => { const v = window.kgView.network, r = document.getElementById('graph').getBoundingClientRect(),
        at = (id) => v.canvasToDOM(v.getPosition(id)), p = at(h);
        return v.getConnectedNodes(h).find(id => { const q = at(id);
            return q.x > 20 && q.y > 20 && q.x < r.width - 20 && q.y < r.height - 20 && Math.hypot(q.x - p.x, q.y - p.y) > 40; }); }""",
        hostile)
    page.mouse.click(*node_on_screen(page, other))
    page.wait_for_function("(i) => document.getElementById('panel').getAttribute('data-id') === String(i)", arg=other)
    x, y = node_on_screen(page, hostile)
    page.mouse.move(x - 6, y - 6)  # vis opens its tooltip on a pointer moving over the node
    page.mouse.move(x, y, steps=4)
    page.wait_for_function("(h) => { const t = document.querySelector('div.vis-tooltip'); "
                           "return t && t.style.visibility !== 'hidden' && t.textContent.startsWith(h); }", arg=HOSTILE)
    assert page.evaluate("() => document.querySelectorAll('#panel script, #results script, div.vis-tooltip *').length") == 0
    assert asked == [] and page.problems == [] and page.dialogs == []
