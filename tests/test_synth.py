"""kg synth: deterministic, genre-shaped, noisy pages whose planted facts are stated in the text."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.dev.synth import NOISE, PAGE_NAME, cn_number, double_bold, iter_pages, make_world, write_corpus
from kg.graph.vocab import ENTITY_TYPES, RELATIONS

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "jingzhou"


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_same_seed_same_pages_other_seed_other_pages():
    a = [(p.name, p.text) for p in iter_pages(40, seed=3)]
    b = [(p.name, p.text) for p in iter_pages(40, seed=3)]
    c = [(p.name, p.text) for p in iter_pages(40, seed=4)]
    assert a == b
    assert a != c


def test_articles_are_split_into_pages_of_k():
    pages = list(iter_pages(23, seed=1, per_page=5))
    assert [len(p.truth["articles"]) for p in pages] == [5, 5, 5, 5, 3]
    assert all(PAGE_NAME.match(p.name) for p in pages)
    assert [p.name[:6] for p in pages] == [f"{i:06d}" for i in range(5)]


@pytest.mark.parametrize("noise", sorted(NOISE))
def test_planted_facts_are_stated_in_the_page(noise):
    for page in iter_pages(60, seed=2, noise=noise):
        text = squash(page.text)
        ids = {e["id"]: e for e in page.truth["entities"]}
        # a body known only from a title (副区长 -> 荆州区政府, the annotation's fixed map) is not printed
        from_title = {r["o"] for r in page.truth["relations"] if r["p"] == "memberOf"}
        for e in ids.values():
            assert e["type"] in ENTITY_TYPES
            assert any(squash(a) in text for a in e["aliases"]) or e["id"] in from_title, (page.name, e)
        for r in page.truth["relations"]:
            assert r["p"] in RELATIONS
            assert r["s"] in ids and r["o"] in ids, r
            assert squash(r["evidence"]) in text, (page.name, r)
        for a in page.truth["articles"]:
            assert squash(a["starts_with"]) in text
            for name in a["reporters"] + a["photographers"]:
                assert name in text


def test_clean_pages_hold_every_alias_verbatim_and_no_noise():
    for page in iter_pages(30, seed=5, noise="none"):
        assert "  " not in page.text
        from_title = {r["o"] for r in page.truth["relations"] if r["p"] == "memberOf"}
        for e in page.truth["entities"]:
            assert any(a in page.text for a in e["aliases"]) or e["id"] in from_title


def test_heavy_noise_shows_the_pdf_damage():
    pages = list(iter_pages(400, seed=6, noise="heavy"))
    text = "".join(p.text for p in pages)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    short = sum(1 for ln in lines if len(ln) <= 21)
    assert short / len(lines) > 0.5  # narrow columns
    names = {e["id"] for p in pages for e in p.truth["entities"] if e["type"] == "Person" and len(e["id"]) == 3}
    assert any(" ".join(n) in text for n in names)  # spaces inside a name
    heads = [a["headline"] for p in pages for a in p.truth["articles"] if a["headline"]]
    assert any(h + h in text or double_bold(h) in text for h in heads)  # doubled bold headline


def test_the_genre_has_bylines_captions_meetings_inspections_and_documents():
    pages = list(iter_pages(200, seed=7))
    text = "".join(p.text for p in pages)
    for marker in ("本报讯", "摄）", "主持", "调研", "审议", "落地", "参加会议"):
        assert marker in text
    preds = {r["p"] for p in pages for r in p.truth["relations"]}
    assert preds == set(RELATIONS) - set()
    kinds = {a["kind"] for p in pages for a in p.truth["articles"]}
    assert kinds == {"news", "photo"}


def test_officials_are_a_fixed_cast_per_seed():
    w1, w2 = make_world(1), make_world(1)
    assert [o.name for o in w1.officials] == [o.name for o in w2.officials]
    assert len({o.name for o in w1.officials}) == len(w1.officials)


def test_cn_number_and_double_bold():
    assert [cn_number(n) for n in (1, 10, 12, 20, 35, 100, 105, 118)] == \
        ["一", "十", "十二", "二十", "三十五", "一百", "一百零五", "一百一十八"]
    assert double_bold("新湾村") == "新新湾湾村村"
    assert double_bold("7月10日") == "77 月月 1010 日日"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus absent")
def test_no_real_page_text_is_reproduced():
    # Title chains and stock formulas are the genre's shared vocabulary and run up to ~22
    # characters ("…调度会。荆州区委书记、荆州高新区党工委书记"); a copied sentence would be longer.
    k = 24
    real = squash("".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))))
    grams = {real[i:i + k] for i in range(len(real) - k + 1)}
    synth = squash("".join(p.text for p in iter_pages(2000, seed=8)))
    hits = {synth[i:i + k] for i in range(len(synth) - k + 1)} & grams
    assert not hits, sorted(hits)[:5]


def test_bad_arguments_are_kg_errors(tmp_path):
    with pytest.raises(KgError):
        list(iter_pages(5, per_page=0))
    with pytest.raises(KgError):
        list(iter_pages(5, noise="loud"))
    with pytest.raises(KgError):
        write_corpus(-1, tmp_path / "x")


def test_cli_writes_pages_and_truth(tmp_path):
    out, truth = tmp_path / "pages", tmp_path / "truth.jsonl"
    r = CliRunner().invoke(cli, ["synth", "25", "-o", str(out), "--per-page", "10", "--seed", "9",
                                 "--truth", str(truth)])
    assert r.exit_code == 0, r.output
    assert "25 articles on 3 pages" in r.output
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 3 and all(PAGE_NAME.match(f) for f in files)
    rows = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert [row["source"] for row in rows] == files
    assert sum(len(row["articles"]) for row in rows) == 25
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left behind
    again = tmp_path / "again"
    CliRunner().invoke(cli, ["synth", "25", "-o", str(again), "--per-page", "10", "--seed", "9"])
    assert [(out / f).read_bytes() for f in files] == [(again / f).read_bytes() for f in files]


def test_cli_refuses_a_non_empty_directory_and_force_replaces_only_synthetic_pages(tmp_path):
    out = tmp_path / "pages"
    out.mkdir()
    keep = out / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    r = CliRunner().invoke(cli, ["synth", "5", "-o", str(out)])
    assert r.exit_code != 0 and "not empty" in str(r.exception or r.output)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert CliRunner().invoke(cli, ["synth", "30", "-o", str(out), "--force"]).exit_code == 0
    assert CliRunner().invoke(cli, ["synth", "5", "-o", str(out), "--force", "--per-page", "5"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir() if p != keep).__len__() == 1
    assert keep.read_text(encoding="utf-8") == "mine"


def test_kg_main_reports_errors_in_one_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "synth", "3", "-o", str(tmp_path / "full")],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stderr.strip().startswith("kg: error:") and "full" in r.stderr and "Traceback" not in r.stderr


def _density(pages) -> tuple:
    """(facts, entities) the build extracts per KB of page text."""
    from kg.graph import rdf
    from kg.text.articles import split_page
    from kg.extract import extract_page

    kb = facts = ents = 0
    for name, text in pages:
        kb += len(text.encode("utf-8")) / 1000
        page = split_page(name, text)
        found = extract_page(page, [rdf.article_id(a.body) for a in page.articles])
        facts += len(found.facts)
        ents += len(found.entities)
    return facts / kb, ents / kb


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus absent")
def test_synthetic_pages_are_as_dense_in_facts_as_the_real_pages():
    # The bench times the build on synthetic text: text sparser in names and facts than the
    # paper's pages would flatter it, text much denser would wrong it.
    real = _density((p.name, p.read_text(encoding="utf-8")) for p in sorted(REAL.glob("*.txt")))
    synth = _density((f"{i}.txt", p.text) for i, p in enumerate(iter_pages(300, seed=2)))
    assert 1.0 <= synth[0] / real[0] <= 1.3, (synth, real)
    assert 0.9 <= synth[1] / real[1] <= 1.2, (synth, real)
