"""Sorted, de-duplicated N-Triples in bounded memory, and the graph files written from them.

A 100k-article build holds ~13 million triples; as Python objects they would need several GB.
Pages' N-Triples (lines, or blocks of one subject's lines) are sorted in runs of a fixed size,
spilled to temporary files and merged (an external merge sort), so the parent holds one run at
a time whatever the corpus size. The sorted stream is then written straight to .nt, or streamed
through pyoxigraph's serialiser for Turtle/TriG/JSON-LD, and optionally bulk-loaded into an
on-disk store.

pyoxigraph writes canonical N-Triples (one spelling per term), so equal triples are equal lines,
and sorting lines by bytes orders triples by (subject, predicate, object) exactly as before:
an IRI term ends at its ``>`` and UTF-8 byte order is code point order.
"""
from __future__ import annotations

import ctypes
import heapq
import multiprocessing as mp
import os
import shutil
from array import array
from bisect import bisect_left
from functools import partial
from itertools import chain, groupby, islice
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.atomic import write_atomic, write_bytes_atomic
from kg.errors import KgError
from kg.graph.rdf import DEFAULT_GRAPH, nt_bytes, output_format, turtle_prefixes
from kg.tempfiles import mkstemp

# Lines held before a run is sorted and spilled (≈ 1.5-2x this in RSS). A 10 MB text's ~1M lines
# fit in one run, which then goes to the serialiser from memory: no temporary file, no merge.
RUN_BYTES = 256 * 2**20


# items (lines or subject blocks) seen before a sorter of several parts chooses its key ranges
PIVOT_SAMPLE = 20_000


class Parts(list):
    """Lists of N-Triples items, each unsorted, holding disjoint key ranges in ascending order:
    sorting each and concatenating them sorts the whole. ``nbytes``: about their size;
    ``blocks``: whether the items are subject blocks (see :class:`LineSorter`) or lines."""

    nbytes = 0
    blocks = False


def _sorted_part(items: list, blocks: bool = False) -> bytes:
    """Items sorted and unique, as one N-Triples document. ``blocks``: items may be subject
    blocks (several lines of one subject), whose subjects can repeat across items."""
    return b"".join(_sorted_items(items, blocks))


def _sorted_items(items: list, blocks: bool = False):
    """:func:`_sorted_part` as an iterable of its pieces (the items themselves, mostly), so a
    spill or a merge need not hold a joined copy of the run beside the run."""
    items.sort()
    return _merge_subjects(items) if blocks else _unique(items)


def _merge_subjects(items: list) -> list:
    """Sorted subject blocks → blocks with one subject each, in order. All blocks of a subject
    sort next to each other (a subject term ends at its space, and no other subject's lines can
    fall between two that start with it), so only runs of equal subjects need merging line by line:
    a page's evidence and article nodes, most of a graph, never meet another page's."""
    out = []
    group = None
    subject = b"\0"   # starts no item
    for item in items:
        if item.startswith(subject):
            if group is None:
                group = [out.pop()]
            group.append(item)
            continue
        if group is not None:
            out.append(_merge_lines(group))
            group = None
        subject = item[:item.index(b" ") + 1]
        out.append(item)
    if group is not None:
        out.append(_merge_lines(group))
    return out


def _merge_lines(blocks: list) -> bytes:
    return _sorted_part(_split(blocks))


def _split(pieces: list) -> list:
    """Blocks (or lines) as lines."""
    return b"".join(pieces).splitlines(keepends=True)


def _blocks_of(nt: bytes, cuts: bytes) -> list | None:
    """A page's N-Triples cut at the block ends ``cuts`` (array('I') bytes) into its blocks; None
    when there are no ends or they do not fit the page (a cache written on a machine of another
    byte order)."""
    ends = array("I")
    if not cuts or len(cuts) % ends.itemsize or not nt.endswith(b"\n"):
        return None
    ends.frombytes(cuts)
    if ends[-1] != len(nt):
        return None
    return [nt[a:b] for a, b in zip((0, *ends), ends)]


def blocks_of(nt: bytes, cuts: bytes) -> list:
    """A page's sorted N-Triples as subject blocks for :meth:`LineSorter.add_blocks`: cut at
    ``cuts``, or, when those are missing or do not fit (a cache from before blocks, or from a
    machine of the other byte order), grouped by subject line by line."""
    blocks = _blocks_of(nt, cuts)
    if blocks is None:
        lines = nt.splitlines(keepends=True)
        blocks = [b"".join(g) for _, g in groupby(lines, key=lambda line: line[:line.find(b" ")])]
    return blocks


class LineSorter:
    """Collect N-Triples from many pages; iterate their lines sorted and unique.

    A page may come as its subject blocks (``rdf.page_triples`` writes a page subject by subject;
    :meth:`add_blocks`, or :meth:`add` with the blocks' ends). Then the sorter keeps and sorts
    blocks, ~8 times fewer items than lines, and splits only the blocks of subjects that several
    pages share (people, places, posts).

    >>> s = LineSorter(); s.add(b'<b> <p> <o> .\\n<a> <p> <o> .\\n'); s.add(b'<a> <p> <o> .\\n')
    >>> list(s.lines())
    [b'<a> <p> <o> .\\n', b'<b> <p> <o> .\\n']
    """

    def __init__(self, tmpdir=None, run_bytes: int = RUN_BYTES, parts: int = 1):
        self.tmpdir = tmpdir
        self.run_bytes = run_bytes
        self.parts = parts
        self.buf: list[bytes] = []
        self.pivots: list[bytes] = []
        self.buckets: list[list[bytes]] = []   # with pivots: the items of each key range, unsorted
        self.size = 0
        self.loose = 0         # items held that are single lines, and that are subject blocks
        self.blocks = 0
        self.runs: list[str] = []
        self.spilled = 0

    def add(self, nt: bytes, cuts: bytes = b"") -> None:
        """``nt``: N-Triples lines, in any order; ``cuts``: if given, the ends of its subject
        blocks (see :meth:`add_blocks`)."""
        if not nt:
            return
        blocks = _blocks_of(nt, cuts)
        if blocks is not None:
            self.add_blocks(blocks)
            return
        items = nt.splitlines(keepends=True)
        if not items[-1].endswith(b"\n"):
            items[-1] += b"\n"
        self.loose += len(items)
        self._take(items, False, len(nt), len(items))

    def add_blocks(self, blocks) -> None:
        """A page's subject blocks: each block one subject's lines, sorted and unique, and the
        blocks in subject order (as ``rdf.page_triples`` writes a page)."""
        if not blocks:
            return
        self.blocks += len(blocks)
        size = sum(map(len, blocks))
        # lines not counted (a pass over the bytes): ~a line per 128 bytes
        self._take(blocks, True, size, size >> 7)

    def _take(self, items, ordered: bool, nbytes: int, lines: int) -> None:
        if self.pivots:
            self._distribute(items, ordered)
        else:
            self.buf.extend(items)
            if self.parts > 1 and len(self.buf) >= PIVOT_SAMPLE:
                self._choose_pivots()
        # object overhead counts against the budget too, as if every line were held on its own:
        # blocks spill about where lines did (lines average ~170 bytes) and hold less (a block
        # is one object for ~8 lines), and a run sorted from memory can afford its joined copy
        self.size += nbytes + 49 * lines
        if self.size >= self.run_bytes:
            self._spill()

    def _choose_pivots(self) -> None:
        """Key ranges of about equal bytes, judged on the items so far; each pivot is a subject
        followed by a space, so all lines of one subject fall in one range. Any pivots give the
        same output: they only decide which process sorts and writes which subjects."""
        sample = sorted(self.buf[::max(1, len(self.buf) // 4096)])
        total = sum(map(len, sample))
        acc, k = 0, 1
        for item in sample:
            acc += len(item)
            if acc * self.parts < total * k:
                continue
            k += 1
            pivot = item[:item.find(b" ") + 1]
            if pivot.strip() and (not self.pivots or pivot > self.pivots[-1]):
                self.pivots.append(pivot)
            if k == self.parts:
                break
        if self.pivots:
            self.buckets = [[] for _ in range(len(self.pivots) + 1)]
            items, self.buf = self.buf, []
            self._distribute(items, False)

    def _distribute(self, items: list, ordered: bool) -> None:
        if ordered:    # a page's blocks come in order: each key range is a slice
            a = 0
            for pivot, bucket in zip(self.pivots, self.buckets):
                b = bisect_left(items, pivot, a)
                bucket.extend(items[a:b])
                a = b
            self.buckets[-1].extend(items[a:])
            return
        rest = items
        for pivot, bucket in zip(self.pivots, self.buckets):
            bucket.extend([x for x in rest if x < pivot])
            rest = [x for x in rest if x >= pivot]
        self.buckets[-1].extend(rest)

    def _by_blocks(self) -> bool:
        """Sort held items as blocks (mostly blocks held), else as lines: a few blocks are split
        into lines rather than many lines be merged subject by subject in Python."""
        return self.blocks > 0 and self.blocks >= self.loose

    def _held(self) -> tuple[list, bool]:
        """Every item held in memory, in one list (the buckets are emptied), and whether they are
        to be sorted as blocks. Sorted as lines, any blocks among them are split first."""
        held = self.buf
        for bucket in self.buckets:
            held.extend(bucket)
        blocks = self._by_blocks()
        if self.blocks and not blocks:
            held = _split(held)
        self._clear([[] for _ in self.buckets])
        return held, blocks

    def _clear(self, buckets: list) -> None:
        self.buf, self.buckets, self.size = [], buckets, 0
        self.loose = self.blocks = 0

    def _spill(self) -> None:
        fd, path = mkstemp("run", ".nt", self.tmpdir)
        self.runs.append(path)    # before it is written: an interrupted write is a run to clean up
        held, blocks = self._held()
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            f.writelines(_sorted_items(held, blocks))
        self.spilled += len(held)
        del held
        _trim_heap()

    def joined(self) -> bytes | None:
        """All lines sorted and unique as one N-Triples document, when none were spilled (else
        None: use :meth:`lines`). Memory stays within the run budget either way."""
        if self.runs:
            return None
        return _sorted_part(*self._held())

    def result(self):
        """What :func:`write_graph` takes: the key ranges still to be sorted (:class:`Parts`) when
        there are several and nothing was spilled, else :meth:`joined`, else :meth:`lines`."""
        if self.pivots and not self.runs:
            blocks = self._by_blocks()
            parts = Parts(b if blocks or not self.blocks else _split(b) for b in self.buckets if b)
            parts.nbytes, parts.blocks = self.size, blocks
            self._clear([])
            return parts
        data = self.joined()
        return self.lines() if data is None else data

    def lines(self) -> Iterator[bytes]:
        """Sorted unique lines; temporary runs are removed when the iteration ends."""
        mem = _lines_of(_sorted_items(*self._held()))
        files = [open(p, "rb", buffering=1 << 20) for p in self.runs]
        try:
            yield from _unique(heapq.merge(mem, *files)) if files else mem
        finally:
            for f in files:
                f.close()
            self.cleanup()
            del mem
            _trim_heap()

    def cleanup(self) -> None:
        for p in self.runs:
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
        self.runs = []


def _trim_heap() -> None:
    """Give the pages of a freed run back to the OS (glibc's malloc_trim). A run's blocks, ~1 KB
    each, live in malloc's heap rather than Python's arenas, and one live object above them keeps
    free() from trimming: a store build went on to its bulk load with ~250 MB of freed heap still
    resident. Elsewhere (no glibc) it does nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _lines_of(pieces) -> Iterator[bytes]:
    """The lines of sorted pieces (blocks or lines), one piece split at a time."""
    return chain.from_iterable(map(methodcaller("splitlines", True), pieces))


def _unique(sorted_lines: Iterable[bytes]) -> Iterator[bytes]:
    """One line per run of equal lines (groupby runs in C: no Python step per line)."""
    return map(itemgetter(0), groupby(sorted_lines))


def sorted_unique(nt: bytes) -> bytes:
    """One shard's N-Triples, sorted and de-duplicated (a shard file is then its own merge run)."""
    lines = nt.splitlines(keepends=True)
    if b"\r" in nt:   # splitlines also ends a line at a bare \r: each such line gets its \n
        lines = [ln if ln.endswith(b"\n") else ln + b"\n" for ln in lines]
    elif lines and not lines[-1].endswith(b"\n"):
        lines[-1] += b"\n"
    lines.sort()
    return b"".join(_unique(lines))


WRITE_LINES = 4096   # lines joined per write: one call per ~1 MB instead of one per line


class CountingWriter:
    """Write lines to a binary file, counting them."""

    def __init__(self, f):
        self.f, self.n = f, 0

    def write_lines(self, lines: Iterable[bytes]) -> None:
        it = iter(lines)
        while chunk := list(islice(it, WRITE_LINES)):
            self.f.write(b"".join(chunk))
            self.n += len(chunk)


def write_sorted_nt(lines: Iterable[bytes], path) -> int:
    """Sorted lines to an N-Triples file (atomically); the triple count."""
    counter = {}

    def write(f):
        w = CountingWriter(f)
        w.write_lines(lines)
        counter["n"] = w.n

    write_atomic(path, write)
    return counter["n"]


def convert_nt(nt_path, output) -> None:
    """A sorted N-Triples file to ``output`` in the format of its extension, streaming.

    pyoxigraph's serialisers take an iterator and write as they go, so memory stays flat; the
    Turtle writer groups consecutive triples of one subject, which sorted input makes maximal.
    """
    _serialize({"path": str(nt_path)}, output)


def _serialize(source: dict, output) -> None:
    """Parse sorted N-Triples (``source``: pyoxigraph's path= or input=) and write ``output``."""
    fmt = output_format(output)
    # lenient: the lines are canonical N-Triples that pyoxigraph or kg.graph.rdf (whose entity IRIs
    # pyoxigraph checked) wrote; skipping the IRI checks halves the parse
    triples = ox.parse(**source, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        g = ox.NamedNode(DEFAULT_GRAPH)
        items = (ox.Quad(t.subject, t.predicate, t.object, g) for t in triples)
    else:
        items = triples  # default-graph quads serialise as triples: no Python object per triple
    kw = {} if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS) else {"prefixes": turtle_prefixes()}
    write_atomic(output, lambda f: ox.serialize(items, f, fmt, **kw))


PARALLEL_MIN = 16 * 2**20   # N-Triples bytes below which one process writes the Turtle alone


def _subject_cuts(data: bytes, parts: int) -> list[int]:
    """Offsets splitting sorted N-Triples into ``parts`` pieces of about equal size, each cut at
    a line whose subject differs from the line before it (a subject's triples stay together)."""
    cuts = [0]
    for k in range(1, parts):
        i = data.find(b"\n", len(data) * k // parts) + 1
        if i <= 0:
            break
        prev = data.rfind(b"\n", 0, i - 1) + 1
        subject = data[prev:data.index(b" ", prev)] + b" "
        while i < len(data) and data.startswith(subject, i):
            i = data.index(b"\n", i) + 1
        if cuts[-1] < i < len(data):
            cuts.append(i)
    return cuts + [len(data)]


def _prefix_end(head: bytes) -> int:
    """Length of the ``@prefix`` lines that open a Turtle document."""
    i = 0
    while head.startswith(b"@prefix ", i):
        i = head.index(b"\n", i) + 1
    return i


def _turtle_part(job, path: str) -> None:
    """In a forked process: the sorted N-Triples ``job()`` gives, as Turtle to ``path`` (a .ttl
    name), and its line count to ``path.n``."""
    data = job()
    _serialize({"input": data}, path)
    with open(path + ".n", "w") as f:
        f.write(str(data.count(b"\n")))


def _take_jobs(jobs: list, paths: list, counter) -> None:
    """Write parts as Turtle, taking the next part not yet taken until none is left."""
    while True:
        with counter.get_lock():
            k = counter.value
            counter.value += 1
        if k >= len(jobs):
            return
        _turtle_part(jobs[k], paths[k])


def _turtle_parallel(jobs: list, output, tmpdir, procs: int = 2) -> int:
    """Turtle written by ``procs`` processes, this one and forked ones, each job giving the
    sorted N-Triples of a range of subjects, then joined under one set of prefixes; the triple
    count. The same bytes as one writer (pyoxigraph's writer carries nothing from one subject's
    block to the next), in a fraction of the time. The processes take the jobs one at a time, so
    with more jobs than processes a core that runs slower (a busy host) writes fewer. Should the
    parts ever open with different prefixes, one process writes the whole instead."""
    paths = []
    try:
        for _ in jobs:
            fd, path = mkstemp("part", ".ttl", tmpdir)
            os.close(fd)
            paths.append(path)
        ctx = mp.get_context("fork")
        counter = ctx.Value("i", 0)
        forked = min(procs, len(jobs)) - 1
        children = [ctx.Process(target=_take_jobs, args=(jobs, paths, counter)) for _ in range(forked)]
        for c in children:
            c.start()
        try:
            _take_jobs(jobs, paths, counter)
        finally:
            for c in children:
                c.join()
        failed = [c.exitcode for c in children if c.exitcode != 0]
        if failed:
            raise KgError(f"{output}: a Turtle writer process failed (exit status {failed[0]}); nothing was written")
        count, heads = 0, []
        for path in paths:
            with open(path + ".n") as f:
                count += int(f.read())
            with open(path, "rb") as src:
                heads.append(src.read(1 << 16))
        header = heads[0][:_prefix_end(heads[0])]
        if any(h[:_prefix_end(h)] != header for h in heads):
            _serialize({"input": b"".join(job() for job in jobs)}, output)
            return count

        def join(f):
            for k, path in enumerate(paths):
                with open(path, "rb") as src:
                    src.seek(0 if k == 0 else len(header))
                    shutil.copyfileobj(src, f, 1 << 20)

        write_atomic(output, join)
        return count
    finally:
        for path in paths:
            for p in (path, path + ".n"):
                try:
                    os.unlink(p)
                except FileNotFoundError:
                    pass


def _slice(data: bytes, a: int, b: int) -> bytes:
    return data[a:b]


def _can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def write_graph(lines: Iterable[bytes] | bytes, output, tmpdir=None, keep_nt=None, procs: int = 1) -> int:
    """Sorted unique N-Triples lines to ``output`` (any supported extension); the triple count.

    ``lines`` may also be the whole sorted document as bytes (:meth:`LineSorter.joined`): it is
    then serialised from memory, as Turtle by ``procs`` processes when that is more than one
    (the cores a ``--workers`` build already uses). ``keep_nt``: also leave the sorted N-Triples
    at this path (e.g. for a store bulk load).
    """
    fmt = output_format(output)
    parallel = fmt == ox.RdfFormat.TURTLE and procs > 1 and keep_nt is None and _can_fork()
    if isinstance(lines, Parts):
        if parallel and len(lines) > 1 and lines.nbytes >= PARALLEL_MIN:
            return _turtle_parallel([partial(_sorted_part, p, lines.blocks) for p in lines], output, tmpdir, procs)
        lines = b"".join(_sorted_part(p, lines.blocks) for p in lines)
    if isinstance(lines, (bytes, bytearray)):
        if keep_nt is not None:
            write_bytes_atomic(keep_nt, lines)
        if fmt == ox.RdfFormat.N_TRIPLES:
            write_bytes_atomic(output, lines)
        elif parallel and len(lines) >= PARALLEL_MIN:
            data = bytes(lines)
            cuts = _subject_cuts(data, procs)
            return _turtle_parallel([partial(_slice, data, a, b) for a, b in zip(cuts, cuts[1:])], output, tmpdir,
                                    procs)
        else:
            _serialize({"input": bytes(lines)}, output)
        return lines.count(b"\n")
    if fmt == ox.RdfFormat.N_TRIPLES and keep_nt is None:
        return write_sorted_nt(lines, output)
    if keep_nt:
        nt = Path(keep_nt)
    else:
        fd, name = mkstemp("sorted", ".nt", tmpdir)
        os.close(fd)     # (its descriptor was never closed: one leaked per build)
        nt = Path(name)
    try:
        n = write_sorted_nt(lines, nt)
        if fmt == ox.RdfFormat.N_TRIPLES:
            def copy(f):
                with open(nt, "rb") as src:
                    shutil.copyfileobj(src, f, 1 << 20)

            write_atomic(output, copy)
        else:
            convert_nt(nt, output)
        return n
    finally:
        if keep_nt is None:
            try:
                nt.unlink()
            except FileNotFoundError:
                pass


def serialize(triples, path, graph_name: str | None = None) -> int:
    """Write triples sorted and de-duplicated to ``path`` atomically; returns the triple count.

    Goes through the same bounded-memory line sort as ``kg build`` (this module), so a graph
    written here and one written by a build of the same triples are the same bytes.
    """
    output_format(path)
    sorter = LineSorter()
    sorter.add(nt_bytes(triples))
    return write_graph(sorter.result(), path)
