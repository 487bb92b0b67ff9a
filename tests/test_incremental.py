"""Incremental builds: the page cache for file builds and the manifest of a --store.

Work done is asserted through the build report's counters (pages extracted vs. served from the
cache), never through time.
"""
import shutil

import pyoxigraph as ox
import pytest

import kg.build.cache
import kg.build.pipeline
from kg.build.pipeline import MANIFEST, build
from kg.dev.synth import write_corpus

GOV = "https://w3id.org/govkg/ontology#"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """80 synthetic articles on 8 pages, split into a first and a second delivery."""
    root = tmp_path_factory.mktemp("inc")
    write_corpus(80, root / "all", seed=5)
    files = sorted((root / "all").glob("*.txt"))
    (root / "a").mkdir()
    (root / "b").mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, root / ("a" if i < 5 else "b") / f.name)
    return root


def triples(path):
    fmt = ox.RdfFormat.TURTLE if str(path).endswith(".ttl") else ox.RdfFormat.N_TRIPLES
    return {q.triple for q in ox.parse(path=str(path), format=fmt)}


def store_triples(path):
    st = ox.Store.read_only(str(path))
    try:
        return {q.triple for q in st}
    finally:
        del st


def test_unchanged_rebuild_extracts_nothing_and_gives_the_same_bytes(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    first = build([str(corpus / "all")], out)
    assert (first.extracted, first.cached) == (8, 0)
    data = out.read_bytes()
    again = build([str(corpus / "all")], out)
    assert again.up_to_date and again.extracted == 0
    assert again.triples == first.triples and out.read_bytes() == data
    out.unlink()  # the output is gone but every page is cached: nothing extracted, same bytes
    replay = build([str(corpus / "all")], out)
    assert (replay.extracted, replay.cached) == (0, 8)
    assert out.read_bytes() == data


def test_a_changed_page_alone_is_extracted(corpus, tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(corpus / "all", pages)
    out = tmp_path / "g.nt"
    build([str(pages)], out)
    victim = sorted(pages.glob("*.txt"))[3]
    victim.write_text(victim.read_text(encoding="utf-8") + "\n本报讯 区长张三到望江镇调研。\n", encoding="utf-8")
    r = build([str(pages)], out)
    assert (r.extracted, r.cached) == (1, 7)
    assert r.triples == len(triples(out))
    assert triples(out) == triples(_fresh(pages, tmp_path / "fresh.nt"))


def _fresh(pages, out):
    build([str(pages)], out, use_cache=False)
    return out


def test_a_new_extractor_invalidates_the_cache(corpus, tmp_path, monkeypatch):
    out = tmp_path / "g.nt"
    build([str(corpus / "a")], out)
    for module in (kg.build.cache, kg.build.pipeline):     # (the keys, and what the cache prunes)
        monkeypatch.setattr(module, "fingerprint", lambda: "another-extractor")
    r = build([str(corpus / "a")], out)
    assert (r.extracted, r.cached, r.up_to_date) == (5, 0, False)


def test_no_cache_writes_no_cache(corpus, tmp_path):
    r = build([str(corpus / "a")], tmp_path / "g.nt", use_cache=False)
    assert r.extracted == 5 and not (tmp_path / ".kgcache").exists()


def test_store_adds_only_new_pages_and_equals_a_full_build(corpus, tmp_path):
    st = tmp_path / "g.store"
    r1 = build([str(corpus / "a")], None, store=st)
    assert (r1.extracted, r1.pages) == (5, 5)
    assert (st / "CURRENT").exists() and (st / MANIFEST).exists()
    part = store_triples(st)
    r2 = build([str(corpus / "a"), str(corpus / "b")], None, store=st)
    assert (r2.extracted, r2.pages) == (3, 8)
    full = triples(_fresh(corpus / "all", tmp_path / "full.nt"))
    assert store_triples(st) == full
    assert r2.triples == len(full)
    # post holdings were recomputed over all pages, not frozen at the first delivery
    hold = {t for t in full if str(t.predicate) == f"<{GOV}lastSeen>"}
    assert hold and hold != {t for t in part if str(t.predicate) == f"<{GOV}lastSeen>"}
    r3 = build([str(corpus / "all")], None, store=st)
    assert r3.up_to_date and r3.extracted == 0 and store_triples(st) == full


def test_store_with_a_changed_page_is_rebuilt_from_the_manifest(corpus, tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(corpus / "all", pages)
    st = tmp_path / "g.store"
    build([str(pages)], None, store=st)
    victim = sorted(pages.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace("本报讯", "本报讯 ", 1) + "\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = build([str(pages)], out, store=st)
    assert r.extracted == 1
    want = triples(_fresh(pages, tmp_path / "fresh.nt"))
    assert store_triples(st) == want and triples(out) == want
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".g.store")]  # no swap leftovers


def test_store_only_writes_no_file(corpus, tmp_path):
    build([str(corpus / "a")], None, store=tmp_path / "s")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_cached_pages_keep_their_subject_blocks(corpus, tmp_path, monkeypatch):
    """A replay from the cache gives the sorter the same subject blocks as a fresh build, and so
    does a cache file from before the block ends were stored (its lines are grouped by subject)."""
    import sqlite3

    from kg.graph.shards import LineSorter

    seen = []
    real = LineSorter.add_blocks
    monkeypatch.setattr(LineSorter, "add_blocks", lambda self, blocks: seen.append(tuple(blocks)) or real(self, blocks))
    out = tmp_path / "g.ttl"
    build([str(corpus / "all")], out)
    data, fresh = out.read_bytes(), sorted(seen)
    assert len(fresh) == 8 and all(len(blocks) > 1 for blocks in fresh)
    for old_table in (False, True):
        if old_table:
            db = sqlite3.connect(str(tmp_path / ".kgcache" / "pages.sqlite"))   # the table as it was before
            db.executescript("CREATE TABLE old AS SELECT key, fingerprint, articles, chars, holdings, nt FROM pages;"
                             "DROP TABLE pages; ALTER TABLE old RENAME TO pages;")
            db.close()
        out.unlink()
        seen.clear()
        assert build([str(corpus / "all")], out).cached == 8
        assert out.read_bytes() == data and sorted(seen) == fresh


def test_pages_cached_with_zlib_are_still_served(corpus, tmp_path):
    """The cache compresses with zstd now; a cache file from before (zlib blobs) keeps working."""
    import sqlite3
    import zlib

    out = tmp_path / "g.ttl"
    build([str(corpus / "all")], out)
    data = out.read_bytes()
    db = sqlite3.connect(str(tmp_path / ".kgcache" / "pages.sqlite"))
    rows = db.execute("SELECT key, nt FROM pages").fetchall()
    assert rows and all(kg.build.cache.unpack(nt) and nt[:4] == b"\x28\xb5\x2f\xfd" for _, nt in rows)
    db.executemany("UPDATE pages SET nt = ? WHERE key = ?", [(zlib.compress(kg.build.cache.unpack(nt), 1), k) for k, nt in rows])
    db.commit()
    db.close()
    out.unlink()
    assert build([str(corpus / "all")], out).cached == len(rows)
    assert out.read_bytes() == data
