"""Measure `kg view` the way issue 17 asks, and take the screenshots of docs/VIEWS.md.

A benchmark, not a test:
  .venv/bin/python -m tests.browser.measure_view            # figures on `kg synth 3000` and 5,000 nodes
  .venv/bin/python -m tests.browser.measure_view --shots docs   # docs/view.png, view-panel.png, report.png
  .venv/bin/python -m tests.browser.measure_view --vis          # the --renderer vis page by size
"""
import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.views.graphdata import synthetic_graph

from .conftest import ARGS, chromium_path
from .timing import busiest, click_to_panel, first_draw, frames_while_moving, search_and_select, vis_frames_while_moving

KG = Path(sys.executable).with_name("kg")


def run(*args):
    subprocess.run([str(KG), *map(str, args)], check=True, capture_output=True)


def pages(t: Path) -> dict:
    run("synth", 3000, "-o", t / "pages", "--quiet")
    run("build", "-q", t / "pages", "-o", t / "s.ttl")
    (t / "g.nt").write_text(synthetic_graph(5000), encoding="utf-8")
    out = {}
    for label, graph, extra in (("synth 3000, default page", t / "s.ttl", []),
                                ("synth 3000, all drawn", t / "s.ttl", ["--max-nodes", 5000]),
                                ("random 5000, all drawn", t / "g.nt", ["--max-nodes", 5000])):
        html = t / f"v{len(out)}.html"
        t0 = time.perf_counter()
        run("view", graph, "-o", html, *extra)
        out[label] = (html, time.perf_counter() - t0)
    return out


def figures(browser, t: Path):
    for label, (html, write) in pages(t).items():
        ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        pg = ctx.new_page()
        load = first_draw(pg, html)
        runs = [frames_while_moving(pg) for _ in range(3)]
        search = search_and_select(pg, busiest(pg)["l"])
        click = click_to_panel(pg, busiest(pg, "Event")["i"])
        print(f"{label}: write {write:.1f} s, {html.stat().st_size / 1e6:.1f} MB, "
              f"{pg.evaluate('() => window.kgView.visibleNodes.length')} drawn; first draw {load:.2f} s; "
              f"frames while zooming 0.2x-8x and panning: max draw {[r['max_draw_ms'] for r in runs]} ms "
              f"(median {runs[0]['median_draw_ms']}), max rAF gap {[r['max_gap_ms'] for r in runs]} ms; "
              f"search+select {search:.3f} s; click->panel {click:.3f} s")
        ctx.close()


def shots(browser, t: Path, docs: Path):
    docs.mkdir(parents=True, exist_ok=True)
    run("build", "-q", "-o", t / "sample.ttl")
    run("report", t / "sample.ttl", "-o", t / "report")
    ctx = browser.new_context(offline=True, viewport={"width": 1100, "height": 640})
    pg = ctx.new_page()
    first_draw(pg, t / "report" / "graph.html")
    pg.screenshot(path=str(docs / "view.png"))
    name = busiest(pg)["l"]
    search_and_select(pg, name)
    pg.screenshot(path=str(docs / "view-panel.png"))
    pg.goto((t / "report" / "index.html").as_uri())
    pg.screenshot(path=str(docs / "report.png"))
    ctx.close()


VIS_SIZES = (200, 300, 500, 800, 1000, 1500, 2500)


def vis_figures(browser, t: Path, sizes=VIS_SIZES):
    """The classic pyvis page on random graphs of growing size, all drawn, and on `kg synth 3000` built."""
    cases = []
    for n in sizes:
        (t / f"g{n}.nt").write_text(synthetic_graph(n), encoding="utf-8")
        cases.append((f"random {n}", t / f"g{n}.nt", ["--max-nodes", n]))
    run("synth", 3000, "-o", t / "pages", "--quiet")
    run("build", "-q", t / "pages", "-o", t / "s.ttl")
    for n in (300, 500, 1000):
        cases.append((f"synth 3000 built, --max-nodes {n}", t / "s.ttl", ["--max-nodes", n]))
    cases.append(("synth 3000 built, default --max-nodes", t / "s.ttl", []))
    for label, graph, extra in cases:
        html = t / "vis.html"
        t0 = time.perf_counter()
        run("view", graph, "-o", html, "--renderer", "vis", *extra)
        write = time.perf_counter() - t0
        ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        pg = ctx.new_page()
        load = first_draw(pg, html)
        runs = [vis_frames_while_moving(pg) for _ in range(3)]
        best = min(runs, key=lambda r: r["max_draw_ms"])
        edges = pg.evaluate("() => window.kgView.data.vis.edges.length")
        print(f"{label}: {pg.evaluate('() => window.kgView.data.vis.nodes.length')} nodes, {edges} lines; "
              f"write {write:.2f} s, {html.stat().st_size / 1e6:.1f} MB; first draw {load:.2f} s; "
              f"max draw per frame {[r['max_draw_ms'] for r in runs]} ms (median {best['median_draw_ms']}, "
              f"{best['frames']} frames, zoomed to {best['max_scale']}x)", flush=True)
        ctx.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shots", metavar="DIR", help="write the screenshots there instead of measuring")
    ap.add_argument("--vis", action="store_true", help="measure the --renderer vis page by size instead")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as t, sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        if a.shots:
            shots(b, Path(t), Path(a.shots))
        elif a.vis:
            vis_figures(b, Path(t))
        else:
            figures(b, Path(t))
        b.close()


if __name__ == "__main__":
    main()
