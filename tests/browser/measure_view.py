"""Measure `kg view` on a random 5,000-entity graph: page write time and browser load time.

A benchmark, not a test: run `.venv/bin/python -m tests.browser.measure_view [N]`.
"""
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.graphdata import synthetic_graph

from .conftest import ARGS, chromium_path


def main(n=5000):
    from playwright.sync_api import sync_playwright

    kg = Path(sys.executable).with_name("kg")
    with tempfile.TemporaryDirectory() as t:
        g = Path(t) / "g.nt"
        g.write_text(synthetic_graph(n), encoding="utf-8")
        pages = {}
        for label, extra in ((f"all {n}", ["--max-nodes", str(n)]), ("default cap 1500", [])):
            out = Path(t) / f"v{len(pages)}.html"
            t0 = time.perf_counter()
            subprocess.run([str(kg), "view", str(g), "-o", str(out), *extra], check=True, capture_output=True)
            pages[label] = (out, time.perf_counter() - t0)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
            for label, (out, write) in pages.items():
                ctx = b.new_context(offline=True, viewport={"width": 1400, "height": 900})
                pg = ctx.new_page()
                t0 = time.perf_counter()
                pg.goto(out.as_uri())
                pg.wait_for_selector("body[data-ready='1']", timeout=120000)
                load = time.perf_counter() - t0
                print(f"{label:>18}: write {write:.2f} s (incl. interpreter start), "
                      f"{out.stat().st_size / 1e6:.1f} MB, browser load to first draw {load:.2f} s")
                ctx.close()
            b.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
