"""kg.dev.bench: a smoke test that one quick run prints every figure (no timing assertions)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.dev.bench import COMMANDS, KG, Figure, argv, run, verdicts

FIGURES = [
    "text for throughput", "read+decode", "regex pass", "aho-corasick 5000 words", "aho-corasick automaton build",
    "jieba.lcut", "jieba dictionary load", "jieba.lcut (real pages)",
    "build 1 worker", "build 2 workers", "validate", "build 1 worker / validate", "build 1 worker / jieba.lcut", "build 2 workers / 1 worker",
    "build as run (--workers auto) / jieba.lcut",
    "build 1 worker (real pages)", "build 1 worker / jieba.lcut (real pages)", "two jieba.lcut at once / one",
    "rebuild unchanged input", "rebuild, output deleted (all from cache)",
    "synth 20", "build 20 articles", "peak RSS build 20", "synth 40", "build 40 articles", "peak RSS build 40",
    "articles/s ratio (largest/smallest)", "peak RSS tree (largest build)",
    "kg stats (largest graph)", "kg query (largest graph)", "kg view --focus (largest graph)",
    "kg query attended_meetings.rq (largest graph)", "kg query posts_held.rq (largest graph)",
    "start-up kg --help", "start-up kg --help imports jieba/pyvis",
    "start-up kg stats small.ttl", "start-up kg stats small.ttl imports jieba/pyvis",
]


SAMPLES = Path(__file__).resolve().parent.parent / "kg" / "samples"


@pytest.mark.slow    # a whole benchmark run, ~35 s: make test-slow (CI runs it)
def test_quick_run_prints_every_figure_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    # the built-in samples stand in for the real pages, which a fresh clone may not have beside it
    r = subprocess.run([sys.executable, "-m", "kg.dev.bench", "--quick", "--sizes", "20,40", "--throughput-articles",
                        "10", "--rounds", "2", "--json", str(out), "--workdir", str(tmp_path / "work"),
                        "--real", str(SAMPLES)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    printed = [line.split("  ")[0].strip() for line in r.stdout.splitlines()]
    for name in FIGURES:
        assert name in printed, f"{name!r} missing from:\n{r.stdout}"
    assert "targets (issue 5):" in r.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    figs = {f["name"]: f for f in data["figures"]}
    assert set(FIGURES) <= set(figs)
    for f in figs.values():  # a figure is a number, or n/a with its reason
        assert isinstance(f["value"], (int, float)) or f["note"].startswith("n/a: "), f
    for name in ("read+decode", "regex pass", "aho-corasick 5000 words", "jieba.lcut", "start-up kg --help",
                 "build 1 worker", "build 1 worker (real pages)", "build 1 worker / jieba.lcut (real pages)",
                 "two jieba.lcut at once / one", "build 20 articles", "rebuild unchanged input", "kg stats (largest graph)"):
        assert figs[name]["value"] > 0, figs[name]  # kg build, --store and the readers now exist: no n/a
    assert figs["start-up kg --help imports jieba/pyvis"]["value"] is False
    # two interleaved rounds: each figure is the best one, and the notes show both
    assert "best of 2 (rounds " in figs["jieba.lcut"]["note"]
    assert "best of 2 (rounds " in figs["build 1 worker"]["note"]
    assert "best of 2 (" in figs["build 20 articles"]["note"]   # short scale builds are repeated too
    # a ratio is the median of the ratios within each round; its note lists them and best/best
    fig = figs["build 1 worker / jieba.lcut"]
    per_round = [float(x) for x in fig["note"].split("per round ")[1].split(")")[0].split(", ")]
    assert len(per_round) == 2 and abs(fig["value"] - sum(per_round) / 2) <= 0.011
    assert "best/best " in fig["note"]
    # the "real" pages are repeated to ~0.2 MB (--quick) and timed in the same rounds
    assert "copies of" in figs["build 1 worker (real pages)"]["note"]
    assert "per round " in figs["build 1 worker / jieba.lcut (real pages)"]["note"]
    # the largest scale build is compared with builds of the smallest size just before and after it
    fig = figs["articles/s ratio (largest/smallest)"]
    m = re.search(r"40 vs 20 articles: (\d+) against the last 20 round before it and a 20 build after it "
                  r"\((\d+), (\d+)\); against the best 20 round [\d.]+$", fig["note"])
    assert m, fig
    big, before, after = map(int, m.groups())
    assert 0.8 < fig["value"] * (before + after) / 2 / big < 1.25    # (the note rounds to whole articles/s)
    copies = list((tmp_path / "work").glob("real-x*"))
    assert len(copies) == 1 and len(list(copies[0].glob("*.txt"))) % len(list(SAMPLES.glob("*.txt"))) == 0


def test_commands_table_fills_slots():
    cmd = argv("build", pages="p", out="o.ttl", workers=2)
    assert cmd[:len(KG)] == list(KG)
    assert cmd[len(KG):] == ["build", "p", "-o", "o.ttl", "--workers", "2", "--no-cache", "--quiet"]
    assert set(COMMANDS) >= {"synth", "build", "build_store", "validate", "stats", "query", "view", "help"}


def test_run_reports_failure_and_peak_memory_of_a_child():
    ok = run([sys.executable, "-c", "x = bytearray(80 * 2**20); x[::4096] = b'1' * len(x[::4096])"], sample=True)
    assert ok.rc == 0 and ok.maxrss_mb >= 80 and ok.tree_mb >= ok.maxrss_mb
    bad = run([sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"])
    assert bad.rc == 3 and bad.reason() == "boom"
    missing = run(["/nonexistent/kg-command"])
    assert missing.rc != 0 and missing.reason()


def test_verdicts_compare_with_targets():
    lines = verdicts([Figure("build 2 workers / 1 worker", 1.9, "x"), Figure("start-up kg --help", 0.9, "s"),
                      Figure("articles/s ratio (largest/smallest)", 0.7, "x")])
    text = "\n".join(lines)
    assert "met   2 workers >= 1.7x 1 worker" in text
    assert "MISS  kg --help under 0.5 s" in text
    assert "MISS  articles/s at 10k and 100k within 20%" in text
    assert "n/a   100k articles under 1.5 GB" in text
    small = verdicts([Figure("peak RSS tree (largest build)", 400.0, "MB", "10000 articles")])
    assert "n/a   100k articles under 1.5 GB: the largest build had 10000 articles" in "\n".join(small)
    big = verdicts([Figure("peak RSS tree (largest build)", 400.0, "MB", "100000 articles")])
    assert "met   100k articles under 1.5 GB: 400.00" in "\n".join(big)
