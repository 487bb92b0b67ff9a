"""The offline HTML view: one self-contained page, its own canvas renderer, layout done here.

Positions are computed in Python for every entity the page knows (the whole graph up to
INDEX_MAX), so the page draws at once and a node added by search or "expand" appears where
the layout put it. The page draws with its own canvas code (kg/templates/view.js), not
vis-network: vis redraws every label and edge each frame (2-5 s a frame zoomed into 5,000
nodes, measured), while the page culls to the viewport, batches strokes per class and
draws labels by level of detail, which keeps a frame under 50 ms. The classic page pyvis
draws with vis-network is still there for small graphs: `--renderer vis`, kg/views/view_vis.py.

Safety: article text reaches the page only inside a JSON block whose <, > and & are
\\u-escaped, and the page script writes it with textContent; a Content-Security-Policy
allows only the page's own script (by hash) and no network at all.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import KgError
from kg.graph.vocab import RELATIONS
from kg.views import focus as fm, graphdata as gdm
from kg.views.graphdata import COATTENDED, GraphData, Omitted, ontology_labels
from kg.views.htmlpage import CJK_FONTS, csp_hash, fill, json_for_script, template_text

# Colour and drawn shape per class: rules as data. Their names come from the ontology (labels()).
CLASS_STYLE = {
    "Person": ("#d9534f", "dot"),
    "Post": ("#f0932b", "diamond"),
    "Organization": ("#3c78b4", "square"),
    "Place": ("#3f9a4a", "triangle"),
    "Event": ("#9b59b6", "star"),
    "Project": ("#c9a227", "hexagon"),
    "Document": ("#2aa198", "triangleDown"),
    "Other": ("#8c8c8c", "dot"),
}
# Names the ontology cannot give: a relation derived here and the class of untyped nodes.
DERIVED_LABELS = {COATTENDED: {"zh": "共同参会", "en": "attended with"}, "Other": {"zh": "其他", "en": "other"}}
# The whole graph goes into the page (search, expand) up to this many entities, the most connected.
INDEX_MAX = 20000


def labels(name: str) -> dict[str, str]:
    """{"zh": ..., "en": ...} for a class or predicate local name: the ontology's rdfs:label."""
    got = DERIVED_LABELS.get(name) or ontology_labels().get(name) or {}
    return {"zh": got.get("zh", name), "en": got.get("en", name)}


def predicate_zh() -> dict[str, str]:
    """Relation predicates in the contract's order, with their Chinese names from the ontology."""
    return {p: labels(p)["zh"] for p in RELATIONS + (COATTENDED,)}


EDGE_LEN = 110.0


# ------------------------------------------------------------------ layout

def layout(ids: list[str], pairs: list[tuple[str, str]], edge_len: float = EDGE_LEN) -> dict[str, tuple[float, float]]:
    """Positions for every id: each connected component laid out on its own, then packed in rows.

    A component starts from a radial tree around its best-connected node (untangled, O(n)),
    then a Fruchterman-Reingold pass refines it with repulsion only between nearby nodes
    (a grid), so the cost stays near linear. Deterministic: no randomness, sorted orders.
    """
    index = {n: i for i, n in enumerate(ids)}
    adj: list[set[int]] = [set() for _ in ids]
    for a, b in pairs:
        ia, ib = index[a], index[b]
        if ia != ib:
            adj[ia].add(ib)
            adj[ib].add(ia)
    seen = [False] * len(ids)
    comps = []
    for start in range(len(ids)):
        if seen[start]:
            continue
        seen[start] = True
        comp, stack = [], [start]
        while stack:
            n = stack.pop()
            comp.append(n)
            for m in adj[n]:
                if not seen[m]:
                    seen[m] = True
                    stack.append(m)
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))
    budget = 120_000  # node-iterations of the force pass; _refine also caps the pair checks
    boxes = [_component_layout(c, adj, edge_len, budget) for c in comps]
    return {ids[i]: xy for i, xy in _pack(boxes, edge_len).items()}


def _component_layout(comp: list[int], adj, k: float, budget: int) -> dict[int, tuple[float, float]]:
    """Lay out the core (nodes with two or more links) by force, then hang leaves around their one neighbour.

    News graphs are full of leaves (a village visited once, a post held by one person);
    leaving them out of the force pass cuts its size, and a sunflower spiral around the
    parent keeps them readable.
    """
    if len(comp) == 1:
        return {comp[0]: (0.0, 0.0)}
    if len(comp) == 2:
        return {comp[0]: (0.0, 0.0), comp[1]: (k, 0.0)}
    core = [i for i in comp if len(adj[i]) > 1]
    core_set = set(core)
    leaves = [i for i in comp if i not in core_set]
    pos = _radial(core, adj, k, core_set)
    n = len(core)
    iters = max(25, min(120, budget // n))
    _refine(pos, adj, k, iters, core_set)
    by_parent: dict[int, list[int]] = {}
    for leaf in leaves:
        by_parent.setdefault(next(iter(adj[leaf])), []).append(leaf)
    golden = math.pi * (3 - math.sqrt(5))
    for parent, kids in sorted(by_parent.items()):
        px, py = pos[parent]
        # start the spiral on the side facing away from the parent's other neighbours
        ox = sum(pos[m][0] - px for m in adj[parent] if m in core_set)
        oy = sum(pos[m][1] - py for m in adj[parent] if m in core_set)
        base = math.atan2(-oy, -ox) if (ox or oy) else 0.0
        for j, leaf in enumerate(sorted(kids)):
            r = k * (0.75 + 0.32 * math.sqrt(j))
            a = base + j * golden
            pos[leaf] = (px + r * math.cos(a), py + r * math.sin(a))
    if leaves and len(comp) <= 3000:  # settle overlaps between neighbouring leaf clouds
        _refine(pos, adj, k, 3, set(comp), start_temp=k * 0.3)
    return pos


def _radial(comp, adj, k, within):
    root = min(comp, key=lambda i: (-len(adj[i]), i))
    parent = {root: None}
    order = [root]
    children: dict[int, list[int]] = {root: []}
    for n in order:  # BFS; `order` grows as we go
        for m in sorted((j for j in adj[n] if j in within), key=lambda j: (-len(adj[j]), j)):
            if m not in parent:
                parent[m] = n
                children[n].append(m)
                children[m] = []
                order.append(m)
    leaves = {}
    for n in reversed(order):
        leaves[n] = sum(leaves[c] for c in children[n]) or 1
    depth = {root: 0}
    for n in order[1:]:
        depth[n] = depth[parent[n]] + 1
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    # ring d encloses the area all nodes up to depth d need: a disk, not a thin wide circle,
    # so the force pass starts near its answer instead of pulling huge rings inwards
    radius = {0: 0.0}
    inside = per_ring[0]
    for d in range(1, max(per_ring) + 1):
        inside += per_ring[d]
        radius[d] = max(radius[d - 1] + k * 0.5, k * math.sqrt(inside / math.pi))
    pos = {root: (0.0, 0.0)}
    span = {root: (0.0, 2 * math.pi)}
    for n in order:
        lo, hi = span[n]
        total = leaves[n]
        at = lo
        for c in children[n]:
            width = (hi - lo) * leaves[c] / total
            span[c] = (at, at + width)
            theta = at + width / 2
            r = radius[depth[c]]
            pos[c] = (r * math.cos(theta), r * math.sin(theta))
            at += width
    return pos


def _refine(pos: dict[int, tuple[float, float]], adj, k: float, iters: int, within, start_temp=None,
            sample: int = 28) -> None:
    """Fruchterman-Reingold with repulsion cut off at 2k and found through a grid.

    A dense core packs its grid cells full; there each node feels an evenly spaced SAMPLE
    of its neighbours, scaled up to the whole, which keeps the cost near n * SAMPLE per
    iteration and the result deterministic.
    """
    nodes = sorted(pos)
    xs = {n: pos[n][0] for n in nodes}
    ys = {n: pos[n][1] for n in nodes}
    edges = [(a, b) for a in nodes for b in adj[a] if a < b and b in within]
    cell = 2 * k
    k2 = k * k
    extent = max(max(xs.values()) - min(xs.values()), max(ys.values()) - min(ys.values()))
    temp = start_temp or max(2 * k, extent / 5)
    cool = (k * 0.05 / temp) ** (1.0 / max(1, iters - 1)) if temp > k * 0.05 else 1.0
    for _ in range(iters):
        dx = dict.fromkeys(nodes, 0.0)
        dy = dict.fromkeys(nodes, 0.0)
        grid: dict[tuple[int, int], list[int]] = {}
        for n in nodes:
            grid.setdefault((int(xs[n] // cell), int(ys[n] // cell)), []).append(n)
        for (gx, gy), members in grid.items():
            near = []
            for ox in (-1, 0, 1):
                for oy in (-1, 0, 1):
                    near.extend(grid.get((gx + ox, gy + oy), ()))
            scale = 1.0
            if len(near) > sample:
                step = -(-len(near) // sample)
                scale = len(near) / len(near[::step])
                near = near[::step]
            for a in members:
                ax, ay = xs[a], ys[a]
                fx = fy = 0.0
                for b in near:
                    if b == a:
                        continue
                    ddx, ddy = ax - xs[b], ay - ys[b]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 < 0.01:  # coincident: push apart along a fixed, index-based direction
                        ddx, ddy, d2 = ((a - b) % 7 + 1) * 0.1, 0.1, 0.02
                    if d2 < 4 * k2:
                        f = k2 / d2 * scale
                        fx += ddx * f
                        fy += ddy * f
                dx[a] += fx
                dy[a] += fy
        for a, b in edges:
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 0.01
            f = d / k
            dx[a] -= ddx * f
            dy[a] -= ddy * f
            dx[b] += ddx * f
            dy[b] += ddy * f
        for n in nodes:
            d = math.sqrt(dx[n] * dx[n] + dy[n] * dy[n])
            if d > 0:
                step = min(d, temp)
                xs[n] += dx[n] / d * step
                ys[n] += dy[n] / d * step
        temp *= cool
    for n in nodes:
        pos[n] = (xs[n], ys[n])


def _pack(boxes: list[dict[int, tuple[float, float]]], k: float) -> dict[int, tuple[float, float]]:
    """Shelf-pack component layouts into rows about as wide as the whole is tall."""
    gap = k
    sized = []
    for pos in boxes:
        minx = min(x for x, _ in pos.values())
        miny = min(y for _, y in pos.values())
        w = max(x for x, _ in pos.values()) - minx
        h = max(y for _, y in pos.values()) - miny
        sized.append((pos, minx, miny, w, h))
    area = sum((w + gap) * (h + gap) for _, _, _, w, h in sized)
    row_width = max(math.sqrt(area) * 1.3, max((w for *_, w, _ in sized), default=0))
    out = {}
    x = y = row_h = 0.0
    for pos, minx, miny, w, h in sized:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(px - minx + x, 1), round(py - miny + y, 1))
        x += w + gap
        row_h = max(row_h, h)
    return out


# ------------------------------------------------------------------ page data

def node_size(degree: int) -> float:
    return round(min(42.0, 9.0 + 4.0 * math.sqrt(degree)), 1)


@dataclass(frozen=True)
class PageInfo:
    title: str
    source: str
    total_nodes: int
    total_edges: int
    omitted: Omitted = Omitted()
    note: str = ""


def page_data(base: GraphData, whole: GraphData, shown, info: PageInfo) -> dict:
    """The JSON the page script reads.

    WHOLE is every entity the page knows (searchable, laid out, each with its relations and
    evidence for the panel); SHOWN (a subset) is what the page draws at first. Nodes the
    panel names outside WHOLE (the far end of a relation) come without a position.
    """
    deg = whole.degrees()
    whole_ids = list(whole.nodes)
    pos = layout(whole_ids, [(e.s, e.o) for e in whole.edges], EDGE_LEN * (1.4 if len(whole_ids) < 200 else 1.0))
    rels = [e for e in base.edges if e.s in whole.nodes or e.o in whole.nodes]
    if any(e.p == COATTENDED for e in whole.edges):
        rels = [e for e in whole.edges if e.p == COATTENDED] + rels
    holdings = [h for h in base.holdings if h.holder in whole.nodes]
    wanted = set(whole_ids)
    for e in rels:
        wanted.update((e.s, e.o), e.events)
    wanted.update(h.post for h in holdings)
    all_nodes = {**base.nodes, **whole.nodes}
    order = sorted(wanted & set(all_nodes))
    idx = {iri: i for i, iri in enumerate(order)}
    arts = sorted({ev.article for e in rels for ev in e.evidence if ev.article in base.articles})
    aidx = {a: i for i, a in enumerate(arts)}
    shown = set(shown)
    nodes = []
    for iri in order:
        n = all_nodes[iri]
        row = {"i": idx[iri], "l": n.label, "c": n.cls, "s": list(n.subclasses), "a": list(n.aliases),
               "d": n.date, "u": iri}
        if iri in whole.nodes:
            row.update(x=pos[iri][0], y=pos[iri][1], z=node_size(deg.get(iri, 0)), g=deg.get(iri, 0),
                       v=1 if iri in shown else 0)
        nodes.append(row)
    edges = {}
    for e in whole.edges:  # one drawn line per node pair; the panel lists each relation
        key = (idx[e.s], idx[e.o])
        edges.setdefault(key, []).append(e)
    counts = {c: 0 for c in CLASS_STYLE}
    for iri in shown:
        counts[whole.nodes[iri].cls] = counts.get(whole.nodes[iri].cls, 0) + 1
    total = {c: 0 for c in CLASS_STYLE}
    for n in whole.nodes.values():
        total[n.cls] = total.get(n.cls, 0) + 1
    classes = [{"name": c, **labels(c), "color": col, "shape": shape, "count": counts[c], "total": total[c]}
               for c, (col, shape) in CLASS_STYLE.items()]
    order_p = list(RELATIONS) + [COATTENDED]
    preds = sorted({e.p for e in whole.edges}, key=lambda p: order_p.index(p) if p in order_p else 99)
    subs = sorted({s for n in all_nodes.values() if n.iri in idx for s in n.subclasses})
    return {
        "meta": {"title": info.title, "source": info.source, "note": info.note,
                 "shown": len(shown), "shownEdges": sum(1 for e in whole.edges if e.s in shown and e.o in shown),
                 "known": len(whole.nodes), "total": info.total_nodes, "totalEdges": info.total_edges,
                 "coattendance": any(e.p == COATTENDED for e in whole.edges),
                 "omitted": {"nodes": info.omitted.nodes, "edges": info.omitted.edges,
                             "byClass": [list(x) for x in info.omitted.by_class]}},
        "classes": [c for c in classes if c["total"]],
        "predicates": [{"name": p, **labels(p)} for p in preds],
        "allPredicates": {p: labels(p) for p in sorted({e.p for e in rels} | set(preds))},
        "subclasses": {s: labels(s) for s in subs},
        "nodes": nodes,
        "edges": [[s, o, sorted({e.p for e in es}, key=lambda p: order_p.index(p) if p in order_p else 99),
                   max(e.weight for e in es)] for (s, o), es in sorted(edges.items())],
        "rels": [[idx[e.s], e.p, idx[e.o], [[ev.sentence, aidx.get(ev.article, -1)] for ev in e.evidence],
                  e.weight, [idx[x] for x in e.events if x in idx]] for e in rels],
        "articles": [[base.articles[a].headline, base.articles[a].date, base.articles[a].kind,
                      base.articles[a].source] for a in arts],
        "holdings": [[idx[h.holder], idx[h.post], h.first, h.last] for h in holdings],
        "fonts": CJK_FONTS,
    }


# ------------------------------------------------------------------ page rendering

def render_page(data: dict) -> str:
    app = template_text("view.js")
    csp = ("default-src 'none'; script-src " + csp_hash(app) +
           "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return fill(template_text("view.html"), {
        "CSP": html.escape(csp), "TITLE": html.escape(data["meta"]["title"]),
        "CSS": template_text("view.css").replace("{{FONTS}}", CJK_FONTS),
        "APP_JS": app, "DATA": json_for_script(data)})


RENDERERS = ("canvas", "vis")


def _render(base: GraphData, whole: GraphData, drawn: GraphData, info: PageInfo, renderer: str) -> str:
    if renderer == "vis":  # the classic page drawn by pyvis; it draws all it knows
        from kg.views import view_vis

        return view_vis.render_page(page_data(base, drawn, drawn.nodes, info))
    if renderer != "canvas":
        raise KgError(f"unknown renderer {renderer!r}: one of {', '.join(RENDERERS)}")
    return render_page(page_data(base, whole, drawn.nodes, info))


def build_view(base: GraphData, *, focus: str | None = None, depth: int = 2, types=None, predicates=None,
               max_nodes: int = 1500, coattendance: bool = False, title: str | None = None,
               renderer: str = "canvas") -> str:
    """The whole HTML page for a graph, with the cuts `kg view` offers.

    RENDERER "canvas" is the page's own renderer (thousands of nodes); "vis" the classic page
    pyvis's Network draws (kg/view_vis.py), for small graphs.
    """
    whole, drawn, info = _cut(base, focus=focus, depth=depth, types=types, predicates=predicates,
                              max_nodes=max_nodes, coattendance=coattendance, title=title, renderer=renderer)
    return _render(base, whole, drawn, info, renderer)


def build_focus_view(store, source: str, *, focus: str, depth: int = 2, types=None, predicates=None,
                     max_nodes: int = 1500, title: str | None = None, renderer: str = "canvas",
                     max_neighbours: int | None = fm.MAX_NEIGHBOURS, say=None) -> str:
    """build_view(read_store(store), focus=FOCUS, ...) without reading the whole graph.

    kg.views.focus reads the neighbourhood and the relations around it; the evidence is read
    only for the relations the page lists (those of the drawn nodes), after the cuts.
    A hop past MAX_NEIGHBOURS new nodes keeps the most strongly linked (kg.views.focus.read_focus);
    the page's note and SAY (a function given one line, e.g. to print on stderr) tell how many
    were left out.
    """
    centre = fm.find_centre(store, focus, source)
    base, left_out, found = fm.read_focus(store, centre, depth, types=types, predicates=predicates, source=source,
                                          max_neighbours=max_neighbours)
    whole, drawn, info = _cut(base, focus=focus, depth=depth, types=types, predicates=predicates,
                              max_nodes=max_nodes, coattendance=False, title=title, renderer=renderer)
    if left_out:
        capped = (f"the {found - left_out:,} most strongly linked of {found:,} neighbours shown, {left_out:,} left "
                  f"out (--max-neighbours raises the {max_neighbours:,} a hop keeps)")
        info = replace(info, note=f"{info.note}; {capped}")
        if say:
            say(f"{source}: {capped}")
    listed = [e for e in base.edges if e.s in whole.nodes or e.o in whole.nodes]
    base, unread = fm.with_evidence(store, base, listed)
    if unread:
        info = replace(info, note=f"{info.note}; evidence sentences left out for {unread} of {len(listed)} "
                                  f"relations (over {fm.EVIDENCE_BUDGET} evidence nodes; see kg query)")
    return _render(base, whole, drawn, info, renderer)


def _cut(base: GraphData, *, focus, depth, types, predicates, max_nodes, coattendance, title,
         renderer="canvas"):
    """What the page draws and what it says about it."""
    drawn = gdm.coattendance(base) if coattendance else base
    notes = []
    if types or predicates:
        drawn = gdm.restrict(drawn, types, predicates)
        if types:
            notes.append("types: " + ", ".join(sorted(types)))
        if predicates:
            notes.append("predicates: " + ", ".join(sorted(predicates)))
    if focus:
        centre = gdm.find_entity(drawn if coattendance else base, focus)
        if centre not in drawn.nodes:
            raise KgError(f"{base.source}: {focus!r} is not among the nodes left by --types/--predicates")
        drawn = gdm.subgraph(drawn, gdm.neighbourhood(drawn, centre, depth))
        notes.append(f"within {depth} hops of {base.nodes[centre].label}")
    total_nodes, total_edges = len(drawn.nodes), len(drawn.edges)
    # the canvas page knows (searches, lays out) more than it draws; the vis page only what it draws
    whole, capped = gdm.most_connected(drawn, INDEX_MAX if renderer == "canvas" else max_nodes)
    if capped.nodes and renderer == "canvas":
        notes.append(f"search knows the {INDEX_MAX} most connected of {total_nodes} entities")
    drawn, omitted = gdm.most_connected(whole, max_nodes)
    if renderer != "canvas":  # its one cut was the first
        omitted = capped
    name = Path(base.source).name or "graph"
    kind = "co-attendance" if coattendance else "graph"
    info = PageInfo(title or f"{name} — govkg {kind}", base.source, total_nodes, total_edges, omitted,
                    "; ".join(notes))
    return whole, drawn, info
