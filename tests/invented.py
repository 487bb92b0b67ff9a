"""What the suites of invented articles (tests/fixtures/genre_*) share: the facts of one article
read under a home, and a suite built article by article with its homes (homes.json) and scored,
pooled, by the project's evaluator (the reference scorer's figures: tests/test_eval.py)."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.extract import PageExtractor
from kg.extract.resolve import Context
from kg.graph.rdf import article_id, label_of
from kg.text.articles import split_page
from kg.views.evaluate import evaluate


def facts_of(body: str, home: tuple):
    """(the page's extraction, its facts as (subject label, predicate, object label))."""
    page = split_page("invented.txt", body)
    out = PageExtractor(page, [article_id(a.body) for a in page.articles],
                        Context.of(*home, text=page.text)).run()
    return out, {(label_of(f.s.type, f.s.key), f.p, label_of(f.o.type, f.o.key)) for f in out.facts}


def labels(out, typ: str) -> set:
    """The labels of the entities of one type that facts_of's ``out`` holds."""
    return {label_of(t, k) for t, k in out.entities if t == typ}


def homes(fixtures: Path) -> dict:
    return json.loads((fixtures / "homes.json").read_text(encoding="utf-8"))


def score_suite(fixtures: Path, root: Path) -> dict:
    """Entity and relation F1 of the suite, its counts pooled over the articles, each built alone
    with its home into ``root``; with "articles" (found, in the gold) and "bylines" (names found,
    names in the gold) where the gold lists its articles."""
    sums = {"entities": [0, 0, 0], "relations": [0, 0, 0]}
    found = listed = hit = total = 0
    for name, home in sorted(homes(fixtures).items()):
        out = root / f"{name}.ttl"
        res = CliRunner().invoke(cli, ["build", str(fixtures / name), "--home", home, "-o", str(out),
                                       "--no-cache", "-q"])
        assert res.exit_code == 0, res.output
        r = evaluate(out, [fixtures / f"{name}.json"])
        for sec in sums:
            a = r[sec]["all"]
            sums[sec] = [sums[sec][0] + a["tp"], sums[sec][1] + a["fp"], sums[sec][2] + a["fn"]]
        found, listed = found + r["articles"]["found"], listed + r["articles"]["gold"]
        g = json.loads((fixtures / f"{name}.json").read_text(encoding="utf-8"))
        names = {n for a in g["articles"] for n in a["reporters"] + a["photographers"]}
        if names:
            hit, total = hit + round(r["articles"]["byline_recall"] * len(names)), total + len(names)
    f1 = {sec: 2 * tp / (2 * tp + fp + fn) for sec, (tp, fp, fn) in sums.items()}
    return {**f1, "articles": (found, listed), "bylines": (hit, total)}


def reference_scores(fixtures: Path, out: Path, manifest: Path | None = None) -> dict:
    """The reference scorer's figures (``--json``) for a folder of pages built as unseen pages are,
    by the ``kg`` command (homes inferred, or given by ``manifest``), scored against every page's gold."""
    import subprocess
    import sys

    from shared_scorer import SCORER

    root = Path(__file__).resolve().parents[1]
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(fixtures),
                    *(["--manifest", str(manifest)] if manifest else []), "-o", str(out), "-q", "--no-cache"],
                   check=True)
    golds = [a for f in sorted(fixtures.glob("*.txt")) for a in ("--gold", str(f) + ".json")]
    return json.loads(subprocess.run([sys.executable, str(SCORER), "--graph", str(out), "--ontology",
                                      str(root / "ontology"), *golds, "--json"],
                                     check=True, capture_output=True, text=True).stdout)


def pooled_scores(fixtures: Path, tmp: Path, names: list[str]) -> dict:
    """kg eval's scores of the articles ``names`` of a blind suite, built as one graph with the
    suite's manifest homes (pooled, as held-out articles are scored)."""
    src = tmp / "in"
    src.mkdir()
    manifest = [e for e in json.loads((fixtures / "manifest.json").read_text("utf-8")) if e["file"][:-4] in names]
    for n in names:
        (src / f"{n}.txt").write_bytes((fixtures / f"{n}.txt").read_bytes())
    (src / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    out = tmp / "blind.ttl"
    res = CliRunner().invoke(cli, ["build", str(src), "--manifest", str(src / "manifest.json"), "-o", str(out),
                                   "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    return evaluate(out, [fixtures / f"{n}.txt.json" for n in names])


def blind_suite(fixtures: Path, never_read: list[str], floors: tuple[float, float],
                never_floors: tuple[float, float], found: float, bylines: float) -> tuple:
    """The checks every blind suite makes, as module-scoped fixtures and tests for its module to
    bind: the whole suite and its never-read part built pooled once each; the articles found and
    signed; entity and relation F1 above the suite's floors, and above the never-read part's."""
    import pytest

    def f1(scores: dict) -> dict:
        return {sec: scores[sec]["all"]["f1"] for sec in ("entities", "relations")}

    @pytest.fixture(scope="module")
    def all_scores(tmp_path_factory) -> dict:
        return pooled_scores(fixtures, tmp_path_factory.mktemp(fixtures.name),
                             sorted(p.name[:-4] for p in fixtures.glob("*.txt")))

    @pytest.fixture(scope="module")
    def never_scores(tmp_path_factory) -> dict:
        return pooled_scores(fixtures, tmp_path_factory.mktemp(fixtures.name + "never"), never_read)

    def test_the_articles_are_found_and_signed(all_scores):
        arts = all_scores["articles"]
        assert arts["found"] >= found * arts["gold"] and arts["byline_recall"] >= bylines, arts

    def test_the_blind_articles_score_above_their_floors(all_scores):
        got = f1(all_scores)
        assert got["entities"] >= floors[0] and got["relations"] >= floors[1], got

    def test_the_never_read_part_scores_above_its_floors(never_scores):
        got = f1(never_scores)
        assert got["entities"] >= never_floors[0] and got["relations"] >= never_floors[1], got

    return (all_scores, never_scores, test_the_articles_are_found_and_signed,
            test_the_blind_articles_score_above_their_floors, test_the_never_read_part_scores_above_its_floors)
