"""kg.graph.shards: the line sort every page and build goes through."""
import random

from kg.graph.shards import sorted_unique


def _reference(nt: bytes) -> bytes:
    """sorted_unique as first written: every line ends in \\n, lines sorted by bytes, no repeats."""
    lines = sorted({ln if ln.endswith(b"\n") else ln + b"\n" for ln in nt.splitlines(keepends=True)})
    return b"".join(lines)


def test_sorted_unique_on_random_bytes_with_every_kind_of_line_end():
    rng = random.Random(5)
    pieces = [b"<a>", b"<b>", b" ", b"\n", b"\r", b"\r\n", b"\x01", b"\xe4\xb8\x87", b'"x"@zh']
    for _ in range(5000):
        nt = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert sorted_unique(nt) == _reference(nt), nt


def test_sorted_unique_orders_a_line_before_its_longer_neighbour():
    nt = b'<a> <p> "x!" .\n<a> <p> "x" .\n<a> <p> "x" .\n<a> <p> "x\\t" .'
    assert sorted_unique(nt) == b'<a> <p> "x!" .\n<a> <p> "x" .\n<a> <p> "x\\t" .\n'


# ---------------------------------------------------------------- Turtle written in parallel

import pytest  # noqa: E402

from kg.graph import shards  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.graph.shards import serialize  # noqa: E402


def _build_nt(tmp_path) -> bytes:
    """The sorted N-Triples of the built-in samples: real subjects, evidence blocks, literals."""
    from kg.build.pipeline import build

    from kg.samples import paths

    build([str(p) for p in paths()], tmp_path / "g.nt", use_cache=False)
    return (tmp_path / "g.nt").read_bytes()


def test_subject_cuts_never_split_a_subject(tmp_path):
    data = _build_nt(tmp_path)
    for parts in (2, 3, 7):
        cuts = shards._subject_cuts(data, parts)
        assert cuts[0] == 0 and cuts[-1] == len(data) and cuts == sorted(set(cuts))
        for c in cuts[1:-1]:
            assert data[c - 1:c] == b"\n"
            before = data[data.rfind(b"\n", 0, c - 1) + 1:c].split(b" ")[0]
            after = data[c:data.index(b"\n", c)].split(b" ")[0]
            assert before != after and before < after
    assert shards._subject_cuts(b"<a> <p> <o> .\n", 2) == [0, 14]   # one subject: one part


@pytest.mark.parametrize("procs", [2, 3])
def test_parallel_turtle_is_the_same_bytes_as_one_writer(tmp_path, procs, monkeypatch):
    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PARALLEL_MIN", 0)
    one, many = tmp_path / "one.ttl", tmp_path / "many.ttl"
    assert shards.write_graph(data, one) == shards.write_graph(data, many, tmpdir=tmp_path, procs=procs)
    assert many.read_bytes() == one.read_bytes()
    assert not list(tmp_path.glob("kg-part-*")), "the parts are removed"


@pytest.mark.parametrize("where", ["forked", "here"])
def test_a_failing_turtle_writer_leaves_no_output(tmp_path, monkeypatch, where):
    """The first key range is written in the build's own process, the others in forked ones:
    a failure in either leaves no output and no parts."""
    import os

    import time

    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PARALLEL_MIN", 0)
    parent, real = os.getpid(), shards._turtle_part
    forked_took_one = tmp_path / "forked-took-one"

    def crash(*args):
        if os.getpid() != parent:
            forked_took_one.touch()
            if where == "forked":
                raise SystemExit(3)
        else:
            if where == "here":
                raise OSError("disk full")
            end = time.monotonic() + 60          # a forked writer gets a part to fail on
            while not forked_took_one.exists() and time.monotonic() < end:
                time.sleep(0.01)
        return real(*args)

    monkeypatch.setattr(shards, "_turtle_part", crash)
    out = tmp_path / "g.ttl"
    with pytest.raises(KgError if where == "forked" else OSError, match="Turtle writer process failed|disk full"):
        shards.write_graph(data, out, tmpdir=tmp_path, procs=2)
    assert not out.exists() and not list(tmp_path.glob("kg-part-*")) and not list(tmp_path.glob(".g.ttl.*"))


def test_serialize_of_few_triples_stays_in_one_process(tmp_path):
    import pyoxigraph as ox

    t = ox.Triple(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("x"))
    assert serialize([t], tmp_path / "g.ttl") == 1


def _pages_of(data: bytes, n: int, seed: int) -> list:
    """The lines of ``data`` dealt at random to ``n`` pages, with repeats, each page sorted."""
    rng = random.Random(seed)
    lines = data.splitlines(keepends=True)
    pages = [[] for _ in range(n)]
    for ln in lines + rng.sample(lines, len(lines) // 5):
        pages[rng.randrange(n)].append(ln)
    return [b"".join(sorted(p)) for p in pages]


def test_a_sorter_of_several_parts_sorts_by_key_range(tmp_path, monkeypatch):
    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PIVOT_SAMPLE", 200)
    for parts in (2, 3):
        s = shards.LineSorter(parts=parts)
        for page in _pages_of(data, 40, parts):
            s.add(page)
        got = s.result()
        assert isinstance(got, shards.Parts) and len(got) == parts
        subjects = [{ln.split(b" ")[0] for ln in p} for p in got]
        assert all(max(a) < min(b) for a, b in zip(subjects, subjects[1:])), "ranges are disjoint, in order"
        assert b"".join(shards._sorted_part(list(p)) for p in got) == data


@pytest.mark.parametrize("parts", [2, 4, 5])
def test_parts_written_in_parallel_are_the_bytes_of_one_writer(tmp_path, monkeypatch, parts):
    """Two processes write the parts, taking them one at a time (more parts than processes)."""
    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PIVOT_SAMPLE", 200)
    monkeypatch.setattr(shards, "PARALLEL_MIN", 0)
    s = shards.LineSorter(parts=parts)
    for page in _pages_of(data, 30, 7):
        s.add(page)
    result = s.result()
    assert len(result) == parts
    one, many = tmp_path / "one.ttl", tmp_path / "many.ttl"
    assert shards.write_graph(result, many, tmpdir=tmp_path, procs=2) == shards.write_graph(data, one)
    assert many.read_bytes() == one.read_bytes()
    assert not list(tmp_path.glob("kg-part-*"))


def test_a_sorter_of_several_parts_that_spills_still_sorts_everything(tmp_path, monkeypatch):
    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PIVOT_SAMPLE", 200)
    s = shards.LineSorter(tmpdir=str(tmp_path), run_bytes=len(data) // 3, parts=2)
    for page in _pages_of(data, 25, 11):
        s.add(page)
    assert s.runs, "the budget forced spills"
    got = s.result()
    assert not isinstance(got, (bytes, shards.Parts))
    assert b"".join(got) == data and not list(tmp_path.glob("kg-run-*"))


def test_a_two_worker_build_through_key_ranges_is_the_one_worker_build(tmp_path, monkeypatch):
    """End to end: small thresholds send the samples' build through pivots, buckets and forked writers."""
    from kg.build.pipeline import build
    from kg.samples import paths

    monkeypatch.setattr(shards, "PIVOT_SAMPLE", 100)
    monkeypatch.setattr(shards, "PARALLEL_MIN", 0)
    calls = []
    real = shards._turtle_parallel
    monkeypatch.setattr(shards, "_turtle_parallel", lambda jobs, *a: calls.append((len(jobs), a[-1])) or real(jobs, *a))
    inputs = [str(p) for p in paths()]
    one, two = tmp_path / "one" / "g.ttl", tmp_path / "two" / "g.ttl"
    r1 = build(inputs, one, workers=1, use_cache=False)
    r2 = build(inputs, two, workers=2, use_cache=False)
    assert calls == [(4, 2)], "the 2-worker build wrote four key ranges in two processes, the 1-worker build none"
    assert r1.triples == r2.triples and two.read_bytes() == one.read_bytes()


# ---------------------------------------------------------------- pages sorted as subject blocks

def _blocks(page: bytes):
    """A sorted page cut where its subject changes: (the page, its block ends as add() takes them)."""
    from array import array

    ends, lines, at = [], page.splitlines(keepends=True), 0
    for i, ln in enumerate(lines):
        at += len(ln)
        if i + 1 == len(lines) or lines[i + 1].split(b" ")[0] != ln.split(b" ")[0]:
            ends.append(at)
    return page, array("I", ends).tobytes()


def _dealt(data: bytes, n: int, seed: int) -> list:
    """Pages that share subjects: lines dealt at random, a fifth repeated, each page sorted unique."""
    return [b"".join(sorted(set(p.splitlines(keepends=True)))) for p in _pages_of(data, n, seed)]


@pytest.mark.parametrize("parts,run_bytes", [(1, shards.RUN_BYTES), (2, shards.RUN_BYTES), (3, shards.RUN_BYTES),
                                             (1, 20_000), (2, 20_000)])
def test_pages_added_as_subject_blocks_sort_as_their_lines_do(tmp_path, monkeypatch, parts, run_bytes):
    data = _build_nt(tmp_path)
    monkeypatch.setattr(shards, "PIVOT_SAMPLE", 50)
    pages = _dealt(data, 30, parts)
    s = shards.LineSorter(tmpdir=str(tmp_path), run_bytes=run_bytes, parts=parts)
    for page in pages:
        s.add(*_blocks(page))
    assert s.blocks or s.runs
    got = s.result()
    if isinstance(got, shards.Parts):
        assert got.blocks and len(got) == parts
        got = b"".join(shards._sorted_part(list(p), got.blocks) for p in got)
    elif not isinstance(got, bytes):
        got = b"".join(got)
    assert got == data
    assert not list(tmp_path.glob("kg-run-*"))


def test_blocks_and_loose_lines_mixed_sort_as_lines_do(tmp_path):
    data = _build_nt(tmp_path)
    pages = _dealt(data, 20, 4)
    for loose_every in (2, 5):   # mostly loose, then mostly blocks
        s = shards.LineSorter()
        for i, page in enumerate(pages):
            s.add(page) if i % loose_every == 0 else s.add(*_blocks(page))
        assert s.joined() == data


def test_a_subjects_blocks_from_many_pages_merge_line_by_line():
    a1 = b'<a> <p> "1" .\n<a> <p> "3" .\n'
    a2 = b'<a> <p> "2" .\n<a> <p> "3" .\n'
    ab = b'<a-b> <p> "0" .\n'    # '-' sorts before '>': <a-b> comes first, not between <a>'s blocks
    s = shards.LineSorter()
    s.add(*_blocks(a1 + b'<b> <p> "x" .\n'))
    s.add(*_blocks(ab + a2))
    assert s.joined() == ab + b'<a> <p> "1" .\n<a> <p> "2" .\n<a> <p> "3" .\n<b> <p> "x" .\n'


def test_block_ends_that_do_not_fit_the_page_are_ignored():
    from array import array

    page = b'<a> <p> "1" .\n<b> <p> "2" .\n'
    swapped = array("I", [14, 28])
    swapped.byteswap()                     # the same ends written in the other byte order
    for cuts in (array("I", [14, 99]).tobytes(), b"\x01\x02\x03", swapped.tobytes()):
        s = shards.LineSorter()
        s.add(page, cuts)
        s.add(b'<a> <p> "0" .\n')
        assert s.joined() == b'<a> <p> "0" .\n<a> <p> "1" .\n<b> <p> "2" .\n'


def test_blocks_of_a_cached_page_without_usable_ends_are_its_subjects():
    from array import array

    page = b'<a> <p> "1" .\n<a> <q> "2" .\n<a-b> <p> "3" .\n<b> <p> "4" .\n'
    whole = [b'<a> <p> "1" .\n<a> <q> "2" .\n', b'<a-b> <p> "3" .\n', b'<b> <p> "4" .\n']
    assert shards.blocks_of(page, array("I", [28, 44, 58]).tobytes()) == whole
    for cuts in (b"", array("I", [28, 99]).tobytes(), b"\x01\x02"):   # none, misfit, torn
        assert shards.blocks_of(page, cuts) == whole
