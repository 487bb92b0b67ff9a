"""Dev-set regression floors (issue 3): `kg build` over ../shared/corpus/jingzhou, scored against
every ../shared/gold/*.json by kg.views.evaluate and by the reference scorer ../shared/eval/score.py;
and the same two scorers on the 17 dev external pages (other homes), which must agree exactly.

The floors are the issue-3 targets, not the current scores: a change to the extractor may move
the numbers freely above them, and fails here only when it drops a target. Skipped cleanly when
../shared (corpus, gold or scorer) is absent. Gold files are read at run time, never copied.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views.evaluate import evaluate
from kg.graph.vocab import ontology_dir
from shared_scorer import SCORER, SHARED, load_scorer

CORPUS = SHARED / "corpus" / "jingzhou"
GOLD = sorted((SHARED / "gold").glob("*.json")) if (SHARED / "gold").is_dir() else []
EXTERNAL = SHARED / "corpus" / "external"
EXTERNAL_GOLD = SHARED / "gold" / "external"
# set aside for an unbiased estimate (docs/EVAL.md): never built, scored or read here
RESERVED = {"03", "07", "12", "17", "26", "40", "47", "48"}

ENTITY_FLOORS = {"all": 0.90, "Person": 0.90, "Post": 0.90, "Organization": 0.90, "Place": 0.90,
                 "Event": 0.75, "Project": 0.75, "Document": 0.75}
PREDICATES = ("holdsPost", "memberOf", "attended", "chaired", "inspected", "locatedIn", "heldAt",
              "organizedBy", "reviewed")
RELATION_FLOORS = {"all": 0.80, **{p: 0.65 for p in PREDICATES}}
BYLINE_RECALL_FLOOR = 0.95
# score.py claims gold entities greedily in the order of a Python set of classes, so its entity
# counts can move with the hash seed; the floors must hold whichever order it happens to take.
SEEDS = range(6)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    if not (CORPUS.is_dir() and GOLD):
        pytest.skip("../shared/corpus/jingzhou or ../shared/gold/*.json absent")
    out = tmp_path_factory.mktemp("dev") / "jz.ttl"
    res = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(out), "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    assert out.is_file() and out.stat().st_size > 0
    return out


@pytest.fixture(scope="module")
def ours(graph) -> dict:
    return evaluate(graph, GOLD, per_page=True)


def dev17_pages() -> list[Path]:
    if not EXTERNAL.is_dir():
        return []
    return [p for p in sorted(EXTERNAL.glob("*.txt")) if p.stem not in RESERVED]


@pytest.fixture(scope="module")
def dev17(tmp_path_factory) -> tuple[Path, list[Path]]:
    """The 17 dev external pages (seventeen homes) built together, and their gold files."""
    pages = dev17_pages()
    if not (pages and EXTERNAL_GOLD.is_dir()):
        pytest.skip("../shared/corpus/external or ../shared/gold/external absent")
    assert len(pages) == 17, [p.name for p in pages]
    root = tmp_path_factory.mktemp("dev17")
    corpus = root / "pages"
    corpus.mkdir()
    for p in pages:
        shutil.copy(p, corpus / p.name)
    out = root / "dev17.ttl"
    res = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    gold = [EXTERNAL_GOLD / f"{p.name}.json" for p in pages]
    assert all(g.is_file() for g in gold)
    return out, gold


def below_floors(res: dict) -> list[str]:
    """Every target the result misses, as 'section/key f1 < floor' (empty when all hold)."""
    out = []
    for sec, floors in (("entities", ENTITY_FLOORS), ("relations", RELATION_FLOORS)):
        for k, floor in floors.items():
            f1 = res[sec][k]["f1"]
            if f1 < floor:
                out.append(f"{sec}/{k} F1 {f1:.3f} < {floor}")
    a = res["articles"]
    if a["byline_recall"] is None or a["byline_recall"] < BYLINE_RECALL_FLOOR:
        out.append(f"byline recall {a['byline_recall']} < {BYLINE_RECALL_FLOOR}")
    return out


needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py absent")


# ------------------------------------------------------------------ kg.views.evaluate

def test_every_gold_page_is_scored(ours):
    assert len(ours["pages"]) == len(GOLD)
    assert ours["pooled"]["articles"]["gold"] == sum(p["articles"]["gold"] for p in ours["pages"])


@pytest.mark.parametrize("type_", list(ENTITY_FLOORS))
def test_entity_f1_floor(ours, type_):
    assert ours["pooled"]["entities"][type_]["f1"] >= ENTITY_FLOORS[type_], ours["pooled"]["entities"][type_]


@pytest.mark.parametrize("pred", list(RELATION_FLOORS))
def test_relation_f1_floor(ours, pred):
    assert ours["pooled"]["relations"][pred]["f1"] >= RELATION_FLOORS[pred], ours["pooled"]["relations"][pred]


def test_article_count_within_one_of_gold_on_every_page(ours):
    off = {Path(p["gold"]).name: (p["articles"]["found"], p["articles"]["gold"]) for p in ours["pages"]
           if abs(p["articles"]["found"] - p["articles"]["gold"]) > 1}
    assert off == {}


def test_byline_recall_floor(ours):
    assert ours["pooled"]["articles"]["byline_recall"] >= BYLINE_RECALL_FLOOR


# ------------------------------------------------------------------ the reference scorer

@needs_scorer
def test_reference_scorer_in_process_meets_the_floors(graph):
    mod = load_scorer()
    g, onto = mod.load_graph([str(graph)], [str(ontology_dir())])
    res = mod.score(g, onto, [str(p) for p in GOLD])
    assert below_floors(res) == []
    assert res["articles"]["found"] > 0


@pytest.mark.slow     # the reference scorer in processes of its own, under several hash seeds
@needs_scorer
def test_reference_scorer_meets_the_floors_under_every_hash_seed(graph):
    cmd = [sys.executable, str(SCORER), "--graph", str(graph), "--ontology", str(ontology_dir()), "--json"]
    for gp in GOLD:
        cmd += ["--gold", str(gp)]
    misses = {}
    for seed in SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        res = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout)
        if below_floors(res):
            misses[seed] = below_floors(res)
    assert misses == {}


def reference_under_seeds(graph: Path, gold: list[Path]) -> list[dict]:
    cmd = [sys.executable, str(SCORER), "--graph", str(graph), "--ontology", str(ontology_dir()), "--json"]
    for gp in gold:
        cmd += ["--gold", str(gp)]
    return [json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True,
                                      env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout)
            for seed in SEEDS]


def assert_same_scores(mine: dict, refs: list[dict]) -> None:
    """Every figure (entities per type, relations per predicate, the pooled rows, articles) is
    score.py's. Should score.py itself answer differently under two hash seeds (its claim order
    follows a Python set of classes), ours must be one of its answers."""
    if all(r == refs[0] for r in refs):
        for sec in ("entities", "relations"):
            for k, v in refs[0][sec].items():
                assert mine[sec][k] == v, f"{sec}/{k}: kg {mine[sec][k]} != score.py {v}"
        assert mine == refs[0]
    else:
        assert mine in refs


@pytest.mark.slow     # the reference scorer in processes of its own, under several hash seeds
@needs_scorer
def test_reference_scorer_agrees_on_jingzhou(graph, ours):
    assert_same_scores(ours["pooled"], reference_under_seeds(graph, GOLD))


@pytest.mark.slow     # the reference scorer in processes of its own, under several hash seeds
@needs_scorer
def test_reference_scorer_agrees_on_dev17(dev17):
    # seventeen homes in one build: bare 区委/县委/副县长 nodes hit gold entities of several homes,
    # which stay apart in the gold (they pool only by equal ids), so pooling and claims both show
    graph, gold = dev17
    mine = evaluate(graph, gold)
    assert mine["articles"]["gold"] == 17
    assert_same_scores(mine, reference_under_seeds(graph, gold))


def test_dev17_excludes_the_reserved_pages():
    assert not {p.stem for p in dev17_pages()} & RESERVED


def test_floor_check_catches_a_miss():
    # the helper the reference-scorer tests rely on must report a drop, not pass everything
    ok = {"f1": 1.0}
    res = {"entities": {k: dict(ok) for k in ENTITY_FLOORS}, "relations": {k: dict(ok) for k in RELATION_FLOORS},
           "articles": {"found": 3, "gold": 3, "byline_recall": 1.0}}
    assert below_floors(res) == []
    res["relations"]["heldAt"] = {"f1": 0.5}
    res["articles"]["byline_recall"] = None
    assert below_floors(res) == ["relations/heldAt F1 0.500 < 0.65", "byline recall None < 0.95"]
