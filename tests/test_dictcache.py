"""kg.extract.dictcache: jieba's dictionary from a cache file loaded per first character.

The promise is that nothing jieba decides changes: segmentation with only a span's shards loaded
equals jieba's own ``lcut(HMM=False)`` with its full dictionary, and the fully loaded tables equal
jieba's prefix dict and ``jieba.posseg``'s word-tag table. Spans are invented in the paper's style.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

jieba = pytest.importorskip("jieba")

from kg.extract import dictcache as DC  # noqa: E402
from kg.errors import KgError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

SPANS = [
    "区委副书记王某某主持召开推进会", "认真落实乡村振兴战略部署", "系统梳理园区企业用工需求",
    "确保法治荆州区建设取得实效", "宣传离岸科创中心政策", "实验中学", "希望小学改造项目",
    "荆州高新区管委会", "小丰山村", "美丽乡村示范点建设", "2025年度重点项目集中开工",
    "郢城镇纪南村党支部书记", "市城发集团名城公司", "AI+智慧农业示范基地", "一带一路",
    "中华人民共和国国务院新闻办公室", "关于进一步加强基层治理的若干意见", "了", "的",
    "湖北省荆州市荆州区川店镇", "研发试验中心", "全面依法治区委员会办公室",
]


@pytest.fixture(scope="module")
def shards():
    """What jieba's loaders give (~1 s to build): built once, then reused by every test that rebuilds."""
    return DC.build_shards(jieba)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory, shards):
    """A cache written once for the module by the real open_dictionary."""
    d = tmp_path_factory.mktemp("dictcache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(DC, "build_shards", lambda j: shards)
        DC.open_dictionary(jieba, d)
    return d


@pytest.fixture
def quick_build(monkeypatch, shards):
    """open_dictionary rebuilds from the module's shards instead of running jieba's loaders again."""
    calls = []
    monkeypatch.setattr(DC, "build_shards", lambda j: calls.append(1) or shards)
    return calls


def lazy_tokenizer(d: DC.Dictionary):
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = d.FREQ, d.total, True
    return tk


def test_cache_file_is_built_once_and_keyed(cache_dir):
    files = list(cache_dir.glob("jieba-dict-*.bin"))
    assert len(files) == 1
    key = DC.source_key(jieba)
    assert files[0] == DC.cache_path(key, cache_dir)
    assert f"jieba {jieba.__version__}" in key and str(DC.dict_path(jieba)) in key
    d = DC.open_dictionary(jieba, cache_dir)
    assert d.key == key and d.path == files[0]
    assert not d.FREQ and len(d.pending) > 10000          # nothing loaded until asked


def test_second_open_reads_the_file_without_rebuilding(cache_dir, monkeypatch):
    monkeypatch.setattr(DC, "build_shards", lambda j: pytest.fail("rebuilt a valid cache"))
    d = DC.open_dictionary(jieba, cache_dir)
    d.load("荆")
    assert d.FREQ["荆州"] > 0 and "荆" not in d.pending


def test_each_span_segments_as_jieba_does_with_only_its_own_shards(cache_dir, reference):
    ref, _ = reference
    for span in SPANS:
        d = DC.open_dictionary(jieba, cache_dir)
        d.load(set(span))
        assert d.pending and len(d.FREQ) < len(ref.FREQ)   # a partial dictionary ...
        assert lazy_tokenizer(d).lcut(span, HMM=False) == ref.lcut(span, HMM=False), span   # ... same words


def test_each_span_segments_as_jieba_does_with_only_its_pieces(cache_dir, reference):
    ref, _ = reference
    for span in SPANS:
        d = DC.open_dictionary(jieba, cache_dir)
        d.load_span(span)
        assert len(d.pending) > 10000 and len(d.FREQ) < 5000   # no whole shard ...
        assert lazy_tokenizer(d).lcut(span, HMM=False) == ref.lcut(span, HMM=False), span   # ... same words


def test_a_word_brings_its_own_piece(cache_dir, reference):
    ref, tags = reference
    d = DC.open_dictionary(jieba, cache_dir)
    for w in ("乡村", "乡村振兴", "乡", "荆州", "的", "了了"):
        d.load_word(w)
        assert d.tags.get(w) == tags.get(w)
        assert d.FREQ.get(w) == ref.FREQ.get(w)
    assert "乡镇" not in d.FREQ                       # another prefix's piece stays on disk
    d.load("乡")                                      # the whole shard on top of its pieces
    assert d.FREQ.get("乡镇") == ref.FREQ.get("乡镇") and "乡" not in d.pending


def test_full_load_equals_jiebas_tables(cache_dir, reference):
    ref, tags = reference
    d = DC.open_dictionary(jieba, cache_dir)
    d.load_all()
    assert not d.pending
    assert d.total == ref.total
    assert d.FREQ == ref.FREQ
    assert d.tags == tags


def test_tags_and_frequencies_of_one_shard(cache_dir, reference):
    ref, tags = reference
    d = DC.open_dictionary(jieba, cache_dir)
    d.load("乡")
    for w in ("乡村", "乡镇", "乡村振兴"):
        assert d.tags.get(w) == tags.get(w)
        assert d.FREQ.get(w) == ref.FREQ.get(w)
    assert "荆州" not in d.FREQ                       # another character's shard stays on disk


def test_a_cache_for_another_key_is_not_used(cache_dir, tmp_path, monkeypatch, quick_build):
    data = (next(cache_dir.glob("jieba-dict-*.bin"))).read_bytes()
    with pytest.raises(ValueError, match="another jieba"):
        DC.Dictionary.from_bytes(data, "format 2 jieba 0.0 dict elsewhere")
    # a new jieba version (or a touched dict.txt) means a new key, hence a new file built beside
    monkeypatch.setattr(DC, "source_key", lambda j: "format test: another jieba")
    d = DC.open_dictionary(jieba, tmp_path)
    assert quick_build == [1] and d.key == "format test: another jieba"
    assert DC.cache_path(d.key, tmp_path).is_file()


@pytest.mark.parametrize("damage", ["truncate", "magic", "empty"])
def test_a_damaged_or_truncated_file_is_rebuilt(cache_dir, tmp_path, damage, quick_build):
    src = next(cache_dir.glob("jieba-dict-*.bin"))
    bad = tmp_path / src.name
    data = src.read_bytes()
    bad.write_bytes({"truncate": data[: len(data) // 2], "magic": b"XXXXXXXX" + data[8:], "empty": b""}[damage])
    d = DC.open_dictionary(jieba, tmp_path)
    assert quick_build == [1]
    assert bad.read_bytes() == data                   # rewritten whole
    d.load("荆")
    assert d.FREQ["荆州"] > 0


def test_a_damaged_shard_is_a_clear_error_naming_the_file(cache_dir, tmp_path):
    src = next(cache_dir.glob("jieba-dict-*.bin"))
    d = DC.open_dictionary(jieba, cache_dir)
    o, m, _, _ = d._index["荆"]                   # its whole shard
    o += d._base
    data = bytearray(src.read_bytes())
    data[o:o + m] = b"\xff" * m
    bad = tmp_path / src.name
    bad.write_bytes(bytes(data))
    d = DC.open_dictionary(jieba, tmp_path)
    with pytest.raises(KgError, match="damaged jieba dictionary cache") as e:
        d.load("荆")
    assert str(bad) in str(e.value)


def test_unwritable_cache_dir_falls_back_to_memory(tmp_path, reference, quick_build):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    d = DC.open_dictionary(jieba, blocker / "cache")
    assert not d.pending and d.path is None           # everything in memory, nothing on disk
    assert lazy_tokenizer(d).lcut(SPANS[0], HMM=False) == reference[0].lcut(SPANS[0], HMM=False)
    assert not (blocker / "cache").exists()


def test_write_is_atomic_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "x.bin"
    DC.write(target, b"one")
    DC.write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["x.bin"]


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("GOVKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert DC.cache_dir() == tmp_path / "xdg" / "govkg"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")      # the XDG spec: relative paths are invalid
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert DC.cache_dir() == tmp_path / "home" / ".cache" / "govkg"
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "own"))
    assert DC.cache_dir() == tmp_path / "own"


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "GOVKG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_segment_never_imports_posseg_nor_pkg_resources(cache_dir, reference):
    ref, tags = reference
    out = _run("import sys\nfrom kg.extract import segment as S\n"
               "print(S.lcut('认真落实乡村振兴战略'), S.tag('乡村'), S.freq('乡村'),\n"
               "      'jieba.posseg' in sys.modules, 'pkg_resources' in sys.modules)", cache_dir)
    assert out == f"{ref.lcut('认真落实乡村振兴战略', HMM=False)} {tags['乡村']} {ref.FREQ['乡村']} False False"


def test_forked_workers_load_only_the_shards_their_text_needs(cache_dir, reference):
    """Nothing is loaded in the parent for the workers (a 2-worker build used to load all 11,772
    shards first, serially); a worker loads its text's shards and segments as jieba does."""
    ref, _ = reference
    text = "认真落实乡村振兴战略"
    out = _run("import multiprocessing as mp\nfrom kg.extract import segment as S\n"
               "from kg.build.pipeline import run_extraction\n"
               "def loaded():\n    d = S._dictionary()[1]\n    return len(d.pending), len(d.FREQ)\n"
               "def work(s):\n    return S.lcut(s), loaded()[1]\n"
               "S.lcut('荆州')\nbefore = loaded()\n"
               "with mp.get_context('fork').Pool(1) as p:\n"
               f"    words, entries = p.map(work, ['{text}'])[0]\n"
               "list(run_extraction([('a.txt', '本报讯 近日，区长张三调研。')], workers=2))\n"
               # (the build's own process is a worker too and may take the page: it then loads that
               # page's few shards, never the whole dictionary for the pool)
               "print(before[0] > 1000, loaded()[0] > before[0] - 50, entries > before[1], words)", cache_dir)
    assert out == f"True True True {ref.lcut(text, HMM=False)}"
