"""The figures of docs/PERFORMANCE.md, rendered from the JSON ``make bench`` writes.

``python -m kg.dev.benchdoc`` replaces what stands between the markers of docs/PERFORMANCE.md
with a table per run file (docs/bench.json, and docs/bench-scale.json when present), each under a
line that says when, on which commit, with which options and on how many cores it was measured.
``--check`` only compares, and fails when the document differs from what the files give: the
figures are never edited by hand (tests/test_benchdoc.py runs the check).

``make bench-doc`` runs the bench with ``--json docs/bench.json`` and then this.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.atomic import write_bytes_atomic
from kg.dev.bench import Figure, format_value, verdicts

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "PERFORMANCE.md"
# the main run (throughput, ratios, the builds at its sizes) and, when one was made, a run of
# the largest sizes alone (--sizes 100000 --throughput-articles small): it takes long enough to
# be run apart, and its own header gives its date
RUNS = (ROOT / "docs" / "bench.json", ROOT / "docs" / "bench-scale.json")
BEGIN = "<!-- bench figures: rendered by python -m kg.dev.benchdoc from docs/bench*.json; do not edit -->"
END = "<!-- end of bench figures -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_run(data: dict, name: str) -> str:
    """One run as markdown: its provenance line, the figures table and the targets."""
    figures = [Figure(**f) for f in data["figures"]]
    how = f"`python -m kg.dev.bench {data['options']}`" if data.get("options") else "`python -m kg.dev.bench`"
    head = (f"`{name}`: a run that finished {data.get('date', 'on an unrecorded date')}"
            f"{', commit ' + data['commit'] if data.get('commit') else ''}, {data.get('cores', '?')} cores, "
            f"Python {data.get('python', '?')}, by {how}: builds of {', '.join(f'{s:,}' for s in data['sizes'])} "
            f"articles, throughput text of {data['throughput_articles']:,} articles"
            f"{', ' + str(data['rounds']) + ' rounds' if data.get('rounds') else ''}.")
    rows = ["| figure | value | unit | note |", "|---|---:|---|---|"]
    rows += [f"| {_cell(f.name)} | {format_value(f.value)} | {_cell(f.unit)} | {_cell(f.note)} |" for f in figures]
    targets = [f"- {line.strip()}" for line in verdicts(figures)]
    return "\n".join([head, "", *rows, "", "Targets (information, not a test):", "", *targets])


def render(runs=RUNS) -> str:
    """The block between the markers: every run file present, in the order of RUNS."""
    parts = [render_run(json.loads(p.read_text(encoding="utf-8")), f"docs/{p.name}") for p in runs if p.is_file()]
    if not parts:
        raise SystemExit(f"benchdoc: none of {', '.join(str(p) for p in runs)} exists: run make bench-doc")
    return "\n\n".join(parts)


def splice(doc: str, block: str, where: str = "docs/PERFORMANCE.md") -> str:
    """DOC with what stands between its markers replaced by BLOCK."""
    if doc.count(BEGIN) != 1 or doc.count(END) != 1 or doc.index(BEGIN) > doc.index(END):
        raise SystemExit(f"benchdoc: {where} must hold the two marker lines once each, in order:\n{BEGIN}\n{END}")
    before, rest = doc.split(BEGIN)
    _, after = rest.split(END)
    return f"{before}{BEGIN}\n{block}\n{END}{after}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.dev.benchdoc", description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 when the document is stale")
    a = ap.parse_args(argv)
    doc = DOC.read_text(encoding="utf-8")
    new = splice(doc, render())
    if a.check:
        if new != doc:
            print(f"{DOC}: the bench figures differ from docs/bench*.json; run python -m kg.dev.benchdoc",
                  file=sys.stderr)
            return 1
        return 0
    if new != doc:
        write_bytes_atomic(DOC, new.encode("utf-8"))
        print(f"{DOC}: bench figures rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
