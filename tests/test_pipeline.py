"""The build's plumbing: external line sort, canonical N-Triples, batching, engines, holdings."""
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph import rdf
from kg.build.engines import BATCH_CHARS, BATCH_PAGES, LocalEngine, make_batches, run_batches
from kg.build.pipeline import add_holdings, build, run_extraction, summarise_holdings
from kg.build.work import PageResult, extract_batch, extract_source
from kg.samples import paths
from kg.graph.shards import LineSorter, serialize, sorted_unique, write_graph


def _nt(s, p, o):
    return f"<http://e/{s}> <http://e/{p}> <http://e/{o}> .\n".encode()


def test_line_sorter_spills_runs_and_merges_sorted_unique(tmp_path):
    sorter = LineSorter(tmpdir=tmp_path, run_bytes=300)  # tiny runs: every few pages spill to disk
    expected = set()
    for i in range(60):
        chunk = b"".join(_nt(f"s{(i * 7 + j) % 23}", "p", f"o{j}") for j in range(3))
        expected |= set(chunk.splitlines(keepends=True))
        sorter.add(chunk)
    assert len(sorter.runs) > 3
    out = list(sorter.lines())
    assert out == sorted(expected)
    assert not list(tmp_path.glob("kg-run-*"))  # runs are removed after the merge


def test_sorted_unique_adds_missing_final_newline():
    assert sorted_unique(_nt("b", "p", "o") + _nt("a", "p", "o").rstrip(b"\n") + b"\n" + _nt("b", "p", "o")) == \
        _nt("a", "p", "o") + _nt("b", "p", "o")


def test_line_order_is_the_old_subject_predicate_object_order(tmp_path):
    """Sorting canonical N-Triples lines by bytes gives the (str(s), str(p), str(o)) order used before."""
    r = extract_source("sample_01.txt", paths()[0].read_text(encoding="utf-8"))
    triples = [q.triple for q in ox.parse(r.nt, format=ox.RdfFormat.N_TRIPLES)]
    triples += [ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")),
                ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x", language="zh")),
                ox.Triple(ox.NamedNode("http://e/ab"), ox.NamedNode("http://e/p"), ox.Literal("万"))]
    by_terms = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    sorter = LineSorter()
    sorter.add(rdf.nt_bytes(reversed(triples)))
    out = tmp_path / "g.ttl"
    n = write_graph(sorter.lines(), out)
    assert n == len(by_terms)
    assert out.read_bytes() == ox.serialize(by_terms, format=ox.RdfFormat.TURTLE, prefixes=rdf.turtle_prefixes())


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".trig", ".nq", ".jsonld"])
def test_every_output_format_reads_back_as_the_same_triples(tmp_path, ext):
    r = extract_source("sample_02.txt", paths()[1].read_text(encoding="utf-8"))
    want = {q.triple for q in ox.parse(r.nt, format=ox.RdfFormat.N_TRIPLES)}
    out = tmp_path / f"g{ext}"
    assert serialize(want, out) == len(want)
    got = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(out), format=rdf.output_format(out))}
    assert got == want


def test_serialize_matches_a_build_of_the_same_triples(tmp_path):
    out = tmp_path / "a.ttl"
    build([str(p) for p in paths()], out, use_cache=False)
    triples = {q.triple for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)}
    again = tmp_path / "b.ttl"
    serialize(triples, again)
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("taper", [0, 3])
def test_batches_keep_input_order_and_bound_their_size(taper):
    items = [(f"p{i}", "字" * (1000 * (i % 5)), str(i)) for i in range(100)]
    batches = list(make_batches(items, taper))
    assert [i for i, _ in batches] == list(range(len(batches)))
    assert [it for _, b in batches for it in b] == items
    assert all(len(b) <= BATCH_PAGES for _, b in batches)
    if taper:
        # the same batches as without, until the last `taper` batches' worth: those a page each
        whole = [b for _, b in make_batches(items)]
        singles = [b for _, b in batches if len(b) == 1]
        assert [b for _, b in batches[:len(batches) - len(singles)]] == whole[:len(batches) - len(singles)]
        assert sum(len(b[0][1]) for b in singles) >= taper * BATCH_CHARS or len(singles) >= taper * BATCH_PAGES
        assert all(len(b) == 1 for _, b in batches[len(batches) - len(singles):])


class _CountingEngine:
    """Inline engine that records how many batches are in flight when each is submitted."""

    inflight = 3

    def __init__(self):
        self.live, self.peak, self.closed = 0, 0, False

    def submit(self, index, batch):
        self.live += 1
        self.peak = max(self.peak, self.live)
        eng = self

        class H:
            def ready(self):
                return False

            def get(self):
                eng.live -= 1
                return [PageResult(name, 1, b"", (), len(text), key) for name, text, key, _ in batch]
        return H()

    def close(self):
        self.closed = True

    def abort(self):
        pass


def test_run_batches_bounds_work_in_flight():
    eng = _CountingEngine()
    pulled = []

    def batches():
        for i in range(20):
            pulled.append(i)
            yield i, [(f"p{i}", "x", "", "")]

    out = list(run_batches(eng, batches()))
    assert [b[0].source for b in out] == [f"p{i}" for i in range(20)]
    assert eng.peak <= eng.inflight and eng.closed


def test_run_batches_hands_on_results_as_soon_as_they_are_ready():
    pulled = []

    def batches():
        for i in range(5):
            pulled.append(i)
            yield i, [(f"p{i}", "x", "", "")]

    out = run_batches(LocalEngine(1), batches())
    assert next(out)[0].source == "p0" and pulled == [0]
    assert [b[0].source for b in out] == [f"p{i}" for i in range(1, 5)]


def test_two_workers_give_the_same_results_as_one():
    sources = [(p.name, p.read_text(encoding="utf-8")) for p in paths()]
    one = list(run_extraction(sources, workers=1))
    two = list(run_extraction(sources, workers=2))
    assert [(r.source, r.nt, r.holdings) for r in one] == [(r.source, r.nt, r.holdings) for r in two]
    assert LocalEngine(2).inflight >= 2


def _kill_a_pool_process(monkeypatch, tmp_path):
    """The next build's pool process dies (exit 9) on the first batch it takes. The build's own
    process, a worker too, extracts as usual once that has happened, so that it cannot take
    back every batch before a pool process takes one. A batch a page."""
    import time

    import kg.build.engines

    started = tmp_path / "pool-took-a-batch"

    def die(batch, spool):
        started.touch()
        os._exit(9)

    def here(batch):
        end = time.monotonic() + 60
        while not started.exists() and time.monotonic() < end:
            time.sleep(0.01)
        return extract_batch(batch)

    monkeypatch.setattr(kg.build.engines, "BATCH_CHARS", 1)
    monkeypatch.setattr(kg.build.engines, "extract_batch_spooled", die)
    monkeypatch.setattr(kg.build.engines, "extract_batch", here)


def test_a_worker_that_dies_fails_the_build_with_a_clear_error(tmp_path, monkeypatch):
    """A killed worker (the OOM killer, a signal) must end the build, not leave it waiting forever."""
    from kg.errors import KgError

    _kill_a_pool_process(monkeypatch, tmp_path)
    out = tmp_path / "g.ttl"
    with pytest.raises(KgError, match="worker process died"):
        build([str(p) for p in paths()], out, workers=2, use_cache=False)
    assert not out.exists()


def test_pool_results_pass_through_a_spool_file_and_are_removed(tmp_path):
    from kg.build.work import extract_batch_spooled, unspool

    batch = [(p.name, p.read_text(encoding="utf-8"), "", "") for p in paths()[:2]]
    direct = extract_batch(batch)
    how, path = extract_batch_spooled(batch, str(tmp_path))
    assert how == "file" and Path(path).parent == tmp_path
    assert unspool((how, path)) == direct and not list(tmp_path.iterdir())
    # a spool that cannot take the file (missing, full): the results travel the usual way
    assert extract_batch_spooled(batch, str(tmp_path / "gone")) == ("inline", direct)


def test_a_pool_build_leaves_no_spool_behind(tmp_path, monkeypatch):
    import kg.build.workpool
    from kg.errors import KgError

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(kg.build.workpool, "_spool_root", lambda: str(spool))
    out = tmp_path / "g.ttl"
    build([str(p) for p in paths()], out, workers=2, use_cache=False)
    assert out.exists() and not list(spool.iterdir())
    _kill_a_pool_process(monkeypatch, tmp_path)    # an aborted build cleans up too
    with pytest.raises(KgError, match="worker process died"):
        build([str(p) for p in paths()], tmp_path / "h.ttl", workers=2, use_cache=False)
    assert not list(spool.iterdir())


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_leaves_the_collector_as_it_found_it(tmp_path, monkeypatch, workers):
    """Extraction freezes the heap and raises the collector's thresholds; the caller's settings
    come back afterwards, after a failed build too."""
    import gc

    import kg.build.engines

    before = gc.get_threshold(), gc.get_freeze_count()
    seen = []
    if workers == 1:    # (a pool pickles the function it runs: no spy there)
        real = kg.build.engines.extract_batch
        monkeypatch.setattr(kg.build.engines, "extract_batch", lambda b: seen.append(gc.get_threshold()) or real(b))
    build([str(p) for p in paths()], tmp_path / "g.ttl", workers=workers, use_cache=False)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    if workers == 1:
        assert seen and all(t[0] > before[0][0] for t in seen)   # extraction ran with its own setting
        monkeypatch.setattr(kg.build.engines, "extract_batch", _die_here)
        with pytest.raises(RuntimeError):
            build([str(p) for p in paths()], tmp_path / "h.ttl", use_cache=False)
        assert (gc.get_threshold(), gc.get_freeze_count()) == before


def _die_here(batch):
    raise RuntimeError("boom")


def test_holding_spans_take_full_dates_only():
    spans = {}
    add_holdings(spans, [("甲", "区长", "2022-03-01"), ("甲", "区长", "--05-01"), ("乙", "书记", "")])
    add_holdings(spans, [("甲", "区长", "2021-12-31"), ("甲", "区长", "2022-04-02")])
    assert spans == {("甲", "区长"): ("2021-12-31", "2022-04-02"), ("乙", "书记"): ("", "")}
    r = PageResult("x", 1, b"", (("丙", "主任", "2020-01-02"),))
    assert summarise_holdings([r]) == {("丙", "主任"): ("2020-01-02", "2020-01-02")}
