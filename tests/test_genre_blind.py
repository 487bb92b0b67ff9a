"""Twelve invented articles kept blind (tests/fixtures/genre_blind): a meeting of a county
government, a delegation received, a congress inspection, a party day, a festival, a flood check
(b01-b06), a consultation, a banner's work meeting, a park tour, an on-site review, a groundbreaking
and a congress sitting (c01-c06), in twelve homes of as many provinces. Their gold was written before
the extractor read them; b01-b06 were read once for error classes (two fixes followed, each with its
own test elsewhere), c01-c06 never, so their figure is a measure of how new writing is read
(docs/EVAL.md). They are scored pooled, as held-out articles are: one graph, each page with its home.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views.evaluate import evaluate

FIXTURES = Path(__file__).parent / "fixtures" / "genre_blind"
# pooled figures when the suite was added: entities 0.941, relations 0.937 (c01-c06 alone at their
# first read, before any change of this round: 0.942 / 0.915); a change may move them freely above
ENTITY_FLOOR, RELATION_FLOOR = 0.925, 0.92


@pytest.fixture(scope="module")
def blind_scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("blind") / "blind.ttl"
    res = CliRunner().invoke(cli, ["build", str(FIXTURES), "--manifest", str(FIXTURES / "manifest.json"),
                                   "-o", str(out), "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    return evaluate(out, sorted(FIXTURES.glob("*.txt.json")))


def test_every_page_is_read_with_its_home(blind_scores):
    assert blind_scores["articles"]["found"] == 12


def test_the_blind_articles_score_above_their_floors(blind_scores):
    f1 = {sec: blind_scores[sec]["all"]["f1"] for sec in ("entities", "relations")}
    assert f1["entities"] >= ENTITY_FLOOR, f1
    assert f1["relations"] >= RELATION_FLOOR, f1
