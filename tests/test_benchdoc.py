"""docs/PERFORMANCE.md's figures are what kg.dev.benchdoc renders from docs/bench*.json, never a
hand copy: a figure edited in the document, or a JSON from a new run not rendered, fails here."""
import json
import subprocess
import sys

import pytest

from kg.dev import benchdoc


def test_the_performance_figures_are_rendered_from_the_bench_json():
    doc = benchdoc.DOC.read_text(encoding="utf-8")
    assert benchdoc.splice(doc, benchdoc.render()) == doc, \
        "docs/PERFORMANCE.md differs from docs/bench*.json: run python -m kg.dev.benchdoc"
    main = json.loads(benchdoc.RUNS[0].read_text(encoding="utf-8"))
    # every figure of the run, with its provenance, is in the document
    assert main["date"] in doc and main["commit"] in doc
    for f in main["figures"]:
        assert f"| {benchdoc._cell(f['name'])} |" in doc, f["name"]


def test_a_hand_edited_figure_is_caught(tmp_path):
    doc = benchdoc.DOC.read_text(encoding="utf-8")
    block = doc.split(benchdoc.BEGIN)[1].split(benchdoc.END)[0]
    row = next(line for line in block.splitlines() if line.startswith("| jieba.lcut |"))
    edited = doc.replace(row, row.replace("| jieba.lcut | ", "| jieba.lcut | 9", 1))
    assert edited != doc and benchdoc.splice(edited, benchdoc.render()) != edited


def test_a_document_without_its_markers_is_one_clear_error():
    with pytest.raises(SystemExit, match="must hold the two marker lines"):
        benchdoc.splice("# Performance\n\nno markers\n", "block")


def test_check_mode_exits_zero_on_the_committed_document():
    r = subprocess.run([sys.executable, "-m", "kg.dev.benchdoc", "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
