"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright cannot download its own browser here, so it drives the system one. The tests
skip cleanly when either is missing; .ci/run installs chromium and fonts-noto-cjk.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path():
    for name in ("chromium", "chromium-browser"):
        p = shutil.which(name)
        if p:
            return p
    return None


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        # a fresh profile per session: launch_persistent_context would reuse one
        b = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """An offline page that records console errors, page errors and dialogs (alert = injected script ran)."""
    ctx = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(10000)
    pg.problems = []
    pg.dialogs = []
    pg.on("console", lambda m: m.type in ("error", "warning") and pg.problems.append(f"console {m.type}: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()
    pg.on("dialog", on_dialog)
    yield pg
    ctx.close()


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory):
    """The built-in sample corpus through `kg build`, or the hand-written fixture if build is unavailable."""
    out = tmp_path_factory.mktemp("sample") / "graph.ttl"
    kg = Path(sys.executable).with_name("kg")
    try:
        subprocess.run([str(kg), "build", "-q", "-o", str(out)], check=True, capture_output=True, timeout=300)
        return out
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return ROOT / "tests" / "fixtures" / "graphs" / "small.ttl"


@pytest.fixture(scope="session")
def synth_graph(tmp_path_factory):
    """One year of one paper, invented: `kg synth 3000` built (about 2,800 entities)."""
    d = tmp_path_factory.mktemp("synth")
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([str(kg), "synth", "3000", "-o", str(d / "pages"), "--quiet"], check=True, timeout=300)
    subprocess.run([str(kg), "build", "-q", str(d / "pages"), "-o", str(d / "graph.ttl")], check=True,
                   capture_output=True, timeout=600)
    return d / "graph.ttl"


@pytest.fixture(scope="session")
def synth_view(synth_graph):
    out = synth_graph.with_name("view.html")
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([str(kg), "view", str(synth_graph), "-o", str(out)], check=True, capture_output=True, timeout=300)
    return out
