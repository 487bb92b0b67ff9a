"""The report site: an index of counts, rankings and charts, one page per official, the views.

Everything is static: charts are inline SVG drawn here, pages are Jinja2 templates with
autoescaping on (article text is data), a Content-Security-Policy forbids scripts and
network on the report pages. The graph views are the `kg view` pages, equally offline.
"""
from __future__ import annotations

import hashlib
import html
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kg.atomic import named
from kg.errors import KgError
from kg.graph.vocab import ENTITY_TYPES
from kg.views.graphdata import GraphData, OTHER, coattendance_ranking
from kg.views.view import build_view, CJK_FONTS, CLASS_STYLE, labels, predicate_zh, template_text

MARKER = ".govkg-report"   # a directory holding this file is ours to replace
ACTIVITY = ("attended", "chaired", "inspected")
CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


# ------------------------------------------------------------------ figures

def person_page(iri: str) -> str:
    """A stable, filesystem-safe page name for a person (names can hold any character)."""
    return "people/" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12] + ".html"


def edge_date(gd: GraphData, e) -> str:
    """The date a relation is reported: the event's own date, else its earliest article's."""
    obj = gd.nodes.get(e.o)
    if obj is not None and obj.date:
        return obj.date
    dates = sorted(gd.articles[ev.article].date for ev in e.evidence
                   if ev.article in gd.articles and gd.articles[ev.article].date)
    return dates[0] if dates else ""


def show_date(d) -> str:
    """A date as a reader reads it: a month-day without a year (--04-22) says so, never raw."""
    if not d:
        return ""
    if d.startswith("--") and len(d) >= 7:
        return f"{int(d[2:4])}月{int(d[5:7])}日 (year unknown)"
    return d[:10]


def graph_link(iri: str) -> str:
    """The graph view's deep link to an entity: it opens with the entity selected and drawn."""
    return "graph.html#" + quote(iri, safe="")


def text_width(s: str, px: float = 12.0) -> float:
    """Roughly how wide S is in a chart's font: CJK characters a full em, others about half."""
    return sum(px if ord(c) > 0x2e80 else px * 0.58 for c in str(s))


def date_key(d: str):
    return (not d, d.startswith("--"), d)  # dated first, year-less (--MM-DD) after, undated last


@dataclass(frozen=True)
class Official:
    iri: str
    label: str
    posts: tuple[str, ...]
    attended: int     # events attended or chaired
    chaired: int
    inspected: int

    @property
    def total(self) -> int:
        return self.attended + self.inspected


def officials(gd: GraphData) -> list[Official]:
    """People who hold a post or attended, chaired or inspected something, most active first."""
    events: dict[str, set[str]] = defaultdict(set)
    chaired: dict[str, set[str]] = defaultdict(set)
    visits: dict[str, set[str]] = defaultdict(set)
    posts: dict[str, set[str]] = defaultdict(set)
    for e in gd.edges:
        if e.p in ("attended", "chaired"):
            events[e.s].add(e.o)
        if e.p == "chaired":
            chaired[e.s].add(e.o)
        if e.p == "inspected":
            visits[e.s].add(e.o)
        if e.p == "holdsPost" and e.o in gd.nodes:
            posts[e.s].add(gd.nodes[e.o].label)
    for h in gd.holdings:
        if h.post in gd.nodes:
            posts[h.holder].add(gd.nodes[h.post].label)
    people = [iri for iri, n in gd.nodes.items() if n.cls == "Person" and (iri in events or iri in visits or iri in posts)]
    out = [Official(iri, gd.nodes[iri].label, tuple(sorted(posts[iri])), len(events[iri]), len(chaired[iri]),
                    len(visits[iri])) for iri in people]
    return sorted(out, key=lambda o: (-o.total, -o.chaired, o.label, o.iri))


def most_visited(gd: GraphData, classes=("Place", "Project")) -> list[tuple[str, int, int]]:
    """(iri, visits = distinct people who inspected it, articles reporting it), most visited first."""
    who: dict[str, set[str]] = defaultdict(set)
    arts: dict[str, set[str]] = defaultdict(set)
    for e in gd.edges:
        if e.p == "inspected" and e.o in gd.nodes and gd.nodes[e.o].cls in classes:
            who[e.o].add(e.s)
            arts[e.o].update(ev.article for ev in e.evidence if ev.article)
    return sorted(((o, len(w), len(arts[o])) for o, w in who.items()),
                  key=lambda r: (-r[1], -r[2], gd.nodes[r[0]].label))


def undated_articles(gd: GraphData) -> tuple[int, int]:
    """(articles with no date at all, articles with a month-day but no year): what a monthly chart leaves out."""
    none = sum(1 for a in gd.articles.values() if not a.date)
    yearless = sum(1 for a in gd.articles.values() if a.date and a.date.startswith("--"))
    return none, yearless


def activity_per_month(gd: GraphData) -> list[tuple[str, int, int]]:
    """(YYYY-MM, articles, relations reported) for every month with a dated article."""
    arts: Counter = Counter()
    rels: Counter = Counter()
    for a in gd.articles.values():
        if a.date and not a.date.startswith("--"):
            arts[a.date[:7]] += 1
    for e in gd.edges:
        for ev in e.evidence:
            a = gd.articles.get(ev.article) if ev.article else None
            if a and a.date and not a.date.startswith("--"):
                rels[a.date[:7]] += 1
    return [(m, arts[m], rels[m]) for m in sorted(set(arts) | set(rels))]


def class_table(gd: GraphData) -> list[tuple[str, int, str]]:
    counts = Counter(n.cls for n in gd.nodes.values())
    subs: dict[str, Counter] = defaultdict(Counter)
    for n in gd.nodes.values():
        for s in n.subclasses:
            subs[n.cls][s] += 1
    return [(c, counts[c], ", ".join(f"{s} {k}" for s, k in sorted(subs[c].items(), key=lambda kv: (-kv[1], kv[0]))))
            for c in (*ENTITY_TYPES, OTHER) if counts[c]]


def predicate_table(gd: GraphData) -> list[tuple[str, str, int, int]]:
    triples = Counter(e.p for e in gd.edges)
    evidence = Counter()
    for e in gd.edges:
        evidence[e.p] += len(e.evidence)
    zh = predicate_zh()
    return [(p, zh.get(p, ""), triples[p], evidence[p]) for p in zh if triples[p]]


# ------------------------------------------------------------------ charts (inline SVG, no script)

def _esc(s) -> str:
    return html.escape(str(s), quote=True)


def hbar_svg(rows: list[tuple[str, int]], title: str, color: str = "#3c78b4", width: int = 560) -> str:
    """Horizontal bars: one labelled row per item."""
    if not rows:
        return ""
    top = max(v for _, v in rows) or 1
    # sized to what it holds: the longest label, the bars, the largest value, and the title
    label_w, row_h, pad = min(260, int(max(text_width(lab) for lab, _ in rows)) + 14), 22, 28
    bar_w = 260
    width = max(label_w + bar_w + int(text_width(str(top))) + 12, int(text_width(title, 13)) + 8)
    bar_w = width - label_w - int(text_width(str(top))) - 12
    h = pad + row_h * len(rows) + 8
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
             f'viewBox="0 0 {width} {h}" role="img" aria-label="{_esc(title)}">',
             f'<text x="0" y="16" class="t">{_esc(title)}</text>']
    for i, (label, v) in enumerate(rows):
        y = pad + i * row_h
        w = max(1.0, bar_w * v / top)
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_esc(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{color}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{v}</text>')
    parts.append("</svg>")
    return "".join(parts)


def vbar_svg(rows: list[tuple[str, int, int]], title: str, width: int = 760) -> str:
    """Monthly columns: articles (dark) and relations reported (light) side by side."""
    if not rows:
        return ""
    top = max(max(a, r) for _, a, r in rows) or 1
    h, base, left = 240, 200, 36
    slot = min(60.0, max(14.0, (width - left - 10) / len(rows)))
    width = int(left + slot * len(rows) + 10)
    # never narrower than its title and legend: one month alone still reads
    width = max(width, int(text_width(title, 13)) + 8, left + 200)
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
             f'viewBox="0 0 {width} {h}" role="img" aria-label="{_esc(title)}">',
             f'<text x="0" y="16" class="t">{_esc(title)}</text>',
             f'<rect x="{left}" y="24" width="10" height="10" fill="#263238"/><text x="{left + 14}" y="33">articles</text>',
             f'<rect x="{left + 90}" y="24" width="10" height="10" fill="#90caf9"/><text x="{left + 104}" y="33">relations</text>',
             f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999"/>',
             f'<text x="{left - 4}" y="52" text-anchor="end">{top}</text>']
    step = max(1, len(rows) // 12)
    for i, (month, a, r) in enumerate(rows):
        x = left + i * slot
        bw = slot * 0.4
        ha, hr = 150 * a / top, 150 * r / top
        parts.append(f'<rect x="{x + 1:.1f}" y="{base - ha:.1f}" width="{bw:.1f}" height="{ha:.1f}" fill="#263238">'
                     f'<title>{_esc(month)}: {a} articles</title></rect>'
                     f'<rect x="{x + 1 + bw:.1f}" y="{base - hr:.1f}" width="{bw:.1f}" height="{hr:.1f}" fill="#90caf9">'
                     f'<title>{_esc(month)}: {r} relations</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x + 1:.1f}" y="{base + 16}" class="s">{_esc(month)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ------------------------------------------------------------------ pages

def _env():
    import jinja2   # (deferred: kg/__init__.py says why)

    env = jinja2.Environment(loader=jinja2.FunctionLoader(template_text), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["showdate"] = show_date
    env.tests["startingwith"] = lambda s, prefix: isinstance(s, str) and s.startswith(prefix)
    env.globals.update(graph_link=graph_link, CSP=CSP, CLASS_STYLE=CLASS_STYLE, PREDICATE_ZH=predicate_zh(),
                       CLASS_ZH={c: labels(c)["zh"] for c in (*ENTITY_TYPES, OTHER)})
    return env


def timeline(gd: GraphData, iri: str) -> list[dict]:
    """Meetings and visits of one person, oldest first, each with its evidence."""
    rows = []
    mine = [e for e in gd.edges if e.s == iri]
    chaired = {e.o for e in mine if e.p == "chaired"}
    for e in mine:
        if e.p in ACTIVITY and e.o in gd.nodes:
            if e.p == "attended" and e.o in chaired:
                continue  # the chair's attended is implied: one row, as chaired
            evidence = [{"sentence": ev.sentence,
                         "headline": gd.articles[ev.article].headline if ev.article in gd.articles else None,
                         "date": gd.articles[ev.article].date if ev.article in gd.articles else None}
                        for ev in e.evidence]
            rows.append({"date": edge_date(gd, e), "p": e.p, "zh": labels(e.p)["zh"], "what": gd.nodes[e.o],
                         "evidence": evidence})
    return sorted(rows, key=lambda r: (date_key(r["date"]), r["what"].label, r["p"]))


def render_site(gd: GraphData, top: int = 20) -> dict[str, str]:
    """Every page of the report as {relative path: HTML}, graph views included."""
    env = _env()
    offs = officials(gd)
    co = coattendance_ranking(gd, top)
    visited = most_visited(gd)
    months = activity_per_month(gd)
    classes = class_table(gd)
    name = Path(gd.source).name or "graph"
    pages: dict[str, str] = {}
    charts = {
        "months": vbar_svg(months, "Activity per month 每月报道与关系"),
        "classes": hbar_svg([(f"{c} {labels(c)['zh']}", k) for c, k, _ in classes], "Entities per class 各类实体",
                            "#607d8b"),
        "officials": hbar_svg([(o.label, o.total) for o in offs[:top]],
                              "Most active officials: meetings + visits 最活跃人物", "#d9534f"),
        "visited": hbar_svg([(gd.nodes[i].label, v) for i, v, _ in visited[:top]],
                            "Most visited places and projects 调研最多", "#3f9a4a"),
    }
    pages["index.html"] = env.get_template("report_index.html").render(
        name=name, source=gd.source, nodes=len(gd.nodes), edges=len(gd.edges), articles=len(gd.articles),
        evidence=sum(len(e.evidence) for e in gd.edges), classes=classes, predicates=predicate_table(gd),
        officials=offs[:top], officials_all=offs, n_officials=len(offs), visited=[(gd.nodes[i], v, a) for i, v, a in visited[:top]],
        coattendance=[(gd.nodes[a], gd.nodes[b], w, [gd.nodes[x] for x in evs]) for a, b, w, evs in co],
        months=months, charts=charts, page=person_page, root="", undated=undated_articles(gd),
        official_iris={o.iri for o in offs})
    person_t = env.get_template("report_person.html")
    co_all = coattendance_ranking(gd, top=10**9)
    official_set = {o.iri for o in offs}
    for o in offs:
        partners = [(gd.nodes[b if a == o.iri else a], w) for a, b, w, _ in co_all if o.iri in (a, b)][:15]
        holds = [(gd.nodes[h.post], h.first, h.last) for h in gd.holdings if h.holder == o.iri and h.post in gd.nodes]
        held = {p.iri for p, _, _ in holds}
        holds += [(gd.nodes[e.o], None, None) for e in gd.edges
                  if e.s == o.iri and e.p == "holdsPost" and e.o in gd.nodes and e.o not in held]
        members = sorted({gd.nodes[e.o] for e in gd.edges if e.s == o.iri and e.p == "memberOf" and e.o in gd.nodes},
                         key=lambda n: (n.label, n.iri))
        pages[person_page(o.iri)] = person_t.render(
            o=o, node=gd.nodes[o.iri], holds=sorted(holds, key=lambda h: (date_key(h[1] or ""), h[0].label)),
            members=members, timeline=timeline(gd, o.iri), official_iris=official_set, partners=partners, page=person_page, root="../",
            name=name)
    pages["graph.html"] = build_view(gd, title=f"{name} — govkg graph")
    pages["coattendance.html"] = build_view(gd, coattendance=True, title=f"{name} — co-attendance")
    pages["style.css"] = template_text("report.css").replace("{{FONTS}}", CJK_FONTS)
    pages[MARKER] = "Written by `kg report`; the whole directory is replaced on the next run.\n"
    return pages


def write_site(pages: dict[str, str], out, inputs=()) -> None:
    """Write the site into a fresh directory beside OUT, then swap it in: all pages or none.

    An existing OUT is replaced only when an earlier `kg report` wrote it (it holds MARKER)
    or it is empty; anything else is refused, so a typo cannot delete someone's directory.
    """
    out = Path(str(out))
    for i in inputs:
        ip = Path(str(i)).resolve()
        if out.exists() and (ip == out.resolve() or out.resolve() in ip.parents):
            raise KgError(f"{out}: holds the input graph; refusing to replace it")
    if out.exists():
        if not out.is_dir():
            raise KgError(f"{out}: exists and is not a directory")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise KgError(f"{out}: a non-empty directory not written by `kg report`; refusing to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for rel, text in sorted(pages.items()):
            p = tmp / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text, encoding="utf-8")
        os.chmod(tmp, 0o755)
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.replace(out, old / "site")
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, OSError):
            raise named(e, out)
        raise
