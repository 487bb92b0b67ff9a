"""The classic view, `kg view --renderer vis`: the page drawn by pyvis's Network.

pyvis builds the vis-network nodes, edges and options (Network.add_node / add_edge, its
options object); the page inlines the vis-network script pyvis ships instead of pyvis's own
HTML template, which loads Bootstrap and tom-select from CDNs and writes the data into an
inline script (no strict CSP possible). What pyvis built goes into the same escaped JSON block
as the canvas page, so the safety is the same: article text is data, written with
textContent, and the Content-Security-Policy allows the two inlined scripts (by hash) and
no network at all.

vis-network redraws every label and edge each frame, so this page suits small graphs (see
docs/VIEWS.md for the measured sizes); the default canvas page (kg/view.py, view.js) is the
one for thousands of nodes. pyvis's add_node and add_edge look ids up in lists (quadratic),
which costs little at the sizes this page is meant for.
"""
from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

from kg.errors import KgError

VIS_VERSION = "vis-9.1.2"
# above this many drawn nodes vis-network hides edges while dragging and zooming, and hover is off:
# a frame of every edge and label costs more than a drag can wait for
BIG = 800
# measured (docs/VIEWS.md): up to about this many drawn lines every vis-network frame stays under
# 50 ms; a page with more says so and points to the ways to draw less
RESPONSIVE_LINES = 2000


def vis_script() -> str:
    """vis-network as pyvis ships it (the file its own template inlines with cdn_resources='in_line')."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("pyvis is not installed: it draws the --renderer vis page (pip install pyvis)")
    path = Path(list(spec.submodule_search_locations)[0]) / "lib" / VIS_VERSION / "vis-network.min.js"
    if not path.is_file():
        raise KgError(f"{path}: vis-network script missing from the pyvis install")
    text = path.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", text, flags=re.I):  # would end the inline <script> early
        raise KgError(f"{path}: cannot be inlined safely")
    return text


def network(data: dict):
    """pyvis's Network for the drawn part of DATA (kg.views.view.page_data with every node drawn)."""
    from pyvis.network import Network

    style = {c["name"]: c for c in data["classes"]}
    pred = {p: v["zh"] for p, v in data["allPredicates"].items()}
    drawn = [n for n in data["nodes"] if "x" in n]
    big = len(drawn) > BIG
    net = Network(directed=True)
    for n in drawn:
        st = style.get(n["c"], {"color": "#8c8c8c", "shape": "dot", "zh": n["c"]})
        kind = st["zh"] + (" · " + ", ".join(n["s"]) if n["s"] else "")
        net.add_node(n["i"], label=n["l"], shape=st["shape"], x=n["x"], y=n["y"], size=n["z"],
                     color={"background": st["color"], "border": "#333333",
                            "highlight": {"background": st["color"], "border": "#000000"}},
                     title=f"{n['l']} ({kind}) · {n['g']} relations", cls=n["c"])
    for s, o, preds, weight in data["edges"]:
        label = " / ".join(pred.get(p, p) for p in preds)
        extra = {"arrows": ""} if preds == ["coattended"] else {}
        net.add_edge(s, o, label=label, title=label, preds=preds,
                     width=round(min(8.0, 1 + math.log(weight or 1) * 1.5), 2), **extra)
    # vis-network options through pyvis's options object: positions come from kg.views.view.layout,
    # so physics is off and the page opens without the browser simulating anything
    net.toggle_physics(False)
    net.toggle_stabilization(False)
    net.toggle_hide_edges_on_drag(big)
    net.inherit_edge_colors(False)
    opts = net.options
    opts.edges.smooth.enabled = False  # straight lines: a curve per edge per frame is vis's slowest part
    opts.edges.color.color, opts.edges.color.highlight, opts.edges.color.hover = "#a7b0b8", "#263238", "#263238"
    opts.edges.arrows = {"to": {"enabled": True, "scaleFactor": 0.45}}
    opts.edges.font = {"face": data["fonts"], "size": 10, "color": "#607d8b", "strokeWidth": 2, "align": "middle"}
    opts.nodes = {"borderWidth": 1, "font": {"face": data["fonts"], "size": 14, "strokeWidth": 3,
                                             "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}}
    opts.layout = {"improvedLayout": False}
    opts.interaction.hover = not big
    opts.interaction.hideEdgesOnZoom = big
    opts.interaction.tooltipDelay = 250
    opts.interaction.keyboard = False
    opts.interaction.dragNodes = True
    return net


def render_page(data: dict) -> str:
    """The page for DATA: what pyvis built, in the escaped JSON block, vis-network inlined."""
    from kg.views.htmlpage import CJK_FONTS, csp_hash, fill, json_for_script, template_text

    vis = vis_script()
    app = template_text("view_vis.js")
    nodes, edges, _heading, _h, _w, options = network(data).get_network_data()
    page = {k: data[k] for k in ("meta", "classes", "predicates", "allPredicates", "nodes", "rels", "articles",
                                 "holdings")}
    page["vis"] = {"nodes": nodes, "edges": edges, "options": json.loads(options), "responsiveLines": RESPONSIVE_LINES}
    csp = ("default-src 'none'; script-src " + csp_hash(vis) + " " + csp_hash(app) +
           "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return fill(template_text("view_vis.html"), {
        "CSP": html.escape(csp), "TITLE": html.escape(data["meta"]["title"]),
        "CSS": template_text("view_vis.css").replace("{{FONTS}}", CJK_FONTS),
        "VIS_JS": vis, "APP_JS": app, "DATA": json_for_script(page)})
