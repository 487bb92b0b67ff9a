"""The figures issue 17 asks of the view, measured in the browser: first draw, frames while
zooming and panning, search+select, click -> panel. Shared by test_scale.py and measure_view.py."""
import time
from pathlib import Path

FRAME_TIMER = """() => { window.__gaps = []; let last = performance.now();
    window.__stop = false;
    const tick = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick); window.kgView.frames.length = 0; }"""


def first_draw(page, html: Path, hash_: str = "") -> float:
    """Seconds from navigation to the first frame drawn (body[data-ready])."""
    t0 = time.perf_counter()
    page.goto(html.as_uri() + hash_)
    page.wait_for_selector("body[data-ready='1']", timeout=60000)
    return time.perf_counter() - t0


def frames_while_moving(page) -> dict:
    """Zoom with the wheel from fit into the densest spot and far in, pan by dragging, zoom out:
    the time each frame took to draw (kgView.frames) and the gaps between animation frames."""
    page.evaluate("() => window.kgView.fit()")
    page.wait_for_timeout(50)
    hub = page.evaluate("""() => { const v = window.kgView; const n = v.data.nodes.filter(x => x.v).sort((a, b) => b.g - a.g)[0];
        return v.toScreen(n.i); }""")
    page.evaluate(FRAME_TIMER)
    page.mouse.move(*hub)
    for _ in range(24):  # fit (~0.2) to ~8x, through every level of detail
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(20)
    scales = [page.evaluate("() => window.kgView.cam.s")]
    for dx, dy in ((300, 0), (0, 200), (-300, -200)):
        page.mouse.down()
        for k in range(1, 11):
            page.mouse.move(hub[0] + dx * k / 10, hub[1] + dy * k / 10)
            page.wait_for_timeout(10)
        page.mouse.up()
        page.mouse.move(*hub)
    for _ in range(12):
        page.mouse.wheel(0, 120)
        page.wait_for_timeout(20)
        scales.append(page.evaluate("() => window.kgView.cam.s"))
    page.wait_for_timeout(100)
    got = page.evaluate("() => { window.__stop = true; return {draws: window.kgView.frames.slice(), gaps: window.__gaps.slice(1)}; }")
    draws, gaps = sorted(got["draws"]), sorted(got["gaps"])
    return {"frames": len(draws), "max_draw_ms": round(draws[-1], 1), "median_draw_ms": round(draws[len(draws) // 2], 1),
            "max_gap_ms": round(gaps[-1], 1), "p95_gap_ms": round(gaps[int(len(gaps) * 0.95)], 1),
            "max_scale": round(max(scales), 2)}


def search_and_select(page, name: str) -> float:
    """Seconds from typing NAME and Enter to its panel shown."""
    t0 = time.perf_counter()
    page.fill("#search", name)
    page.press("#search", "Enter")
    page.wait_for_function("(n) => { const h = document.querySelector('#panel h3'); return h && h.textContent === n; }", arg=name)
    return time.perf_counter() - t0


def click_to_panel(page, i: int) -> float:
    """Seconds from a click on node I (zoomed in on it) to its panel shown."""
    page.evaluate("(i) => { const v = window.kgView, n = v.data.nodes[i]; v.select([], false); v.moveTo(n.x, n.y, 1.5); v.draw(); }", i)
    x, y = page.evaluate("(i) => window.kgView.toScreen(i)", i)
    t0 = time.perf_counter()
    page.mouse.click(x, y)
    page.wait_for_function("(i) => document.getElementById('panel').getAttribute('data-id') === String(i)", arg=i)
    return time.perf_counter() - t0


def busiest(page, cls="Person") -> dict:
    return page.evaluate("""(cls) => window.kgView.data.nodes.filter(n => n.c === cls && n.v).sort((a, b) => b.g - a.g)[0]""", cls)


VIS_FRAME_TIMER = """() => { const v = window.kgView.network; window.__draws = []; let t0 = 0;
    if (!window.__timed) { window.__timed = true;
        v.on('beforeDrawing', () => { t0 = performance.now(); });
        v.on('afterDrawing', () => { window.__draws.push(performance.now() - t0); }); } }"""


def vis_frames_while_moving(page) -> dict:
    """The same moves as frames_while_moving on the --renderer vis page: the draw time of each
    vis-network frame, from its beforeDrawing to its afterDrawing event."""
    page.evaluate("() => window.kgView.network.fit({animation: false})")
    page.wait_for_timeout(50)
    hub = page.evaluate("""() => { const v = window.kgView, id = v.data.nodes.filter(n => n.x !== undefined)
            .sort((a, b) => b.g - a.g)[0].i, p = v.network.canvasToDOM(v.network.getPosition(id)),
            r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""")
    page.evaluate(VIS_FRAME_TIMER)
    page.mouse.move(*hub)
    for _ in range(24):
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(20)
    scale = page.evaluate("() => window.kgView.network.getScale()")
    for dx, dy in ((300, 0), (0, 200), (-300, -200)):
        page.mouse.down()
        for k in range(1, 11):
            page.mouse.move(hub[0] + dx * k / 10, hub[1] + dy * k / 10)
            page.wait_for_timeout(10)
        page.mouse.up()
        page.mouse.move(*hub)
    for _ in range(12):
        page.mouse.wheel(0, 120)
        page.wait_for_timeout(20)
    page.wait_for_timeout(300)
    draws = sorted(page.evaluate("() => window.__draws.slice()"))
    return {"frames": len(draws), "max_draw_ms": round(draws[-1], 1), "median_draw_ms": round(draws[len(draws) // 2], 1),
            "max_scale": round(scale, 2)}
