"""The cache directory stays bounded: each version of kg or of its data writes cache files under a
key of its own (kg.atomic.write_cache_atomic keeps a few of each kind, the newest)."""
from __future__ import annotations

import os

from kg.atomic import write_cache_atomic


def test_a_new_cache_file_removes_all_but_the_newest_few_of_its_kind(tmp_path):
    for i in range(6):
        f = tmp_path / f"gazetteer-{i:016x}.bin"
        f.write_bytes(b"old")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    other = tmp_path / "jieba-dict-00000000000000aa.bin"
    other.write_bytes(b"another kind")
    os.utime(other, (1, 1))
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("kept")
    write_cache_atomic(tmp_path / "gazetteer-ffffffffffffffff.bin", b"new", keep=2)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["gazetteer-0000000000000004.bin", "gazetteer-0000000000000005.bin",
                    "gazetteer-ffffffffffffffff.bin", "jieba-dict-00000000000000aa.bin", "notes.txt"]
    assert (tmp_path / "gazetteer-ffffffffffffffff.bin").read_bytes() == b"new"


def test_a_kind_is_the_name_before_its_key(tmp_path):
    """jieba-dict-KEY is of the kind jieba-dict, not of the kind jieba."""
    (tmp_path / "jieba-other-0000000000000001.bin").write_bytes(b"x")
    write_cache_atomic(tmp_path / "jieba-dict-0000000000000002.bin", b"y", keep=0)
    assert (tmp_path / "jieba-other-0000000000000001.bin").exists()
