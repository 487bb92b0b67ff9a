"""Pages of the 荆州区 paper as PDF extraction leaves them, on invented text (every person, village,
community and enterprise invented; towns and streets are the district's real geography): three
layouts (long lines, narrow columns, lines opened by a space), meetings, tours, photos, a party-day
activity, features and short items. Built the way unseen pages are (no home given: it is inferred)
and scored with the reference scorer; unit tests of the constructions they exposed are beside the
modules they test (test_articles, test_mentions, test_rules_genre)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures" / "paper"
ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared (the reference scorer) is absent")
def test_invented_paper_pages_score(tmp_path):
    """Floors just under what the pipeline reaches now, so a regression on unseen pages shows;
    every article is found and every byline read."""
    out = tmp_path / "paper.ttl"
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(FIX), "-o", str(out), "-q", "--no-cache"],
                   check=True)
    golds = [a for f in sorted(FIX.glob("*.txt")) for a in ("--gold", str(f) + ".json")]
    res = json.loads(subprocess.run([sys.executable, str(SCORE), "--graph", str(out), "--ontology",
                                     str(ROOT / "ontology"), *golds, "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    assert res["articles"]["found"] == res["articles"]["gold"]
    assert res["articles"]["byline_recall"] == 1.0
    assert res["entities"]["all"]["f1"] >= 0.93
    assert res["relations"]["all"]["f1"] >= 0.86
