"""Sorted, de-duplicated N-Triples in bounded memory, and the graph files written from them.

A 100k-article build holds ~13 million triples; as Python objects they would need several GB.
Pages' N-Triples lines are sorted in runs of a fixed size, spilled to temporary files and merged
(an external merge sort), so the parent holds one run at a time whatever the corpus size. The
sorted stream is then written straight to .nt, or streamed through pyoxigraph's serialiser for
Turtle/TriG/JSON-LD, and optionally bulk-loaded into an on-disk store.

pyoxigraph writes canonical N-Triples (one spelling per term), so equal triples are equal lines,
and sorting lines by bytes orders triples by (subject, predicate, object) exactly as before:
an IRI term ends at its ``>`` and UTF-8 byte order is code point order.
"""
from __future__ import annotations

import heapq
import os
import shutil
import tempfile
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator

# Lines held before a run is sorted and spilled (≈ 1.5-2x this in RSS). A 10 MB text's ~1M lines
# fit in one run, which then goes to the serialiser from memory: no temporary file, no merge.
RUN_BYTES = 256 * 2**20


class LineSorter:
    """Collect N-Triples lines from many pages; iterate them sorted and unique.

    >>> s = LineSorter(); s.add(b'<b> <p> <o> .\\n<a> <p> <o> .\\n'); s.add(b'<a> <p> <o> .\\n')
    >>> list(s.lines())
    [b'<a> <p> <o> .\\n', b'<b> <p> <o> .\\n']
    """

    def __init__(self, tmpdir=None, run_bytes: int = RUN_BYTES):
        self.tmpdir = tmpdir
        self.run_bytes = run_bytes
        self.buf: list[bytes] = []
        self.size = 0
        self.runs: list[str] = []
        self.spilled = 0

    def add(self, nt: bytes) -> None:
        if not nt:
            return
        lines = nt.splitlines(keepends=True)
        if not lines[-1].endswith(b"\n"):
            lines[-1] += b"\n"
        self.buf.extend(lines)
        self.size += len(nt) + 49 * len(lines)   # object overhead counts against the budget too
        if self.size >= self.run_bytes:
            self._spill()

    def _spill(self) -> None:
        fd, path = tempfile.mkstemp(prefix="kg-run-", suffix=".nt", dir=self.tmpdir)
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            f.writelines(_unique(sorted(self.buf)))
        self.runs.append(path)
        self.spilled += len(self.buf)
        self.buf, self.size = [], 0

    def joined(self) -> bytes | None:
        """All lines sorted and unique as one N-Triples document, when none were spilled (else
        None: use :meth:`lines`). Memory stays within the run budget either way."""
        if self.runs:
            return None
        self.buf.sort()
        data = b"".join(_unique(self.buf))
        self.buf, self.size = [], 0
        return data

    def result(self) -> bytes | Iterator[bytes]:
        """What :func:`write_graph` takes: :meth:`joined` when nothing was spilled, else :meth:`lines`."""
        data = self.joined()
        return self.lines() if data is None else data

    def lines(self) -> Iterator[bytes]:
        """Sorted unique lines; temporary runs are removed when the iteration ends."""
        mem = sorted(self.buf)
        self.buf, self.size = [], 0
        files = [open(p, "rb", buffering=1 << 20) for p in self.runs]
        try:
            yield from _unique(heapq.merge(mem, *files) if files else mem)
        finally:
            for f in files:
                f.close()
            self.cleanup()

    def cleanup(self) -> None:
        for p in self.runs:
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
        self.runs = []


def _unique(sorted_lines: Iterable[bytes]) -> Iterator[bytes]:
    """One line per run of equal lines (groupby runs in C: no Python step per line)."""
    return map(itemgetter(0), groupby(sorted_lines))


def sorted_unique(nt: bytes) -> bytes:
    """One shard's N-Triples, sorted and de-duplicated (a shard file is then its own merge run).

    A page's N-Triples from ``rdf.nt_bytes`` are sorted and unique already (``rdf.SortedNT``).
    """
    from kg.rdf import SortedNT

    if isinstance(nt, SortedNT):
        return bytes(nt)
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
    from kg.atomic import write_atomic

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
    import pyoxigraph as ox

    from kg.atomic import write_atomic
    from kg.rdf import output_format, turtle_prefixes, DEFAULT_GRAPH

    fmt = output_format(output)
    # lenient: the lines are canonical N-Triples that pyoxigraph or kg.rdf (whose entity IRIs
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


def _turtle_part(data: bytes, a: int, b: int, path: str) -> None:
    import pyoxigraph as ox

    from kg.rdf import turtle_prefixes

    triples = ox.parse(input=data[a:b], format=ox.RdfFormat.N_TRIPLES, lenient=True)
    with open(path, "wb", buffering=1 << 20) as f:
        ox.serialize(triples, f, ox.RdfFormat.TURTLE, prefixes=turtle_prefixes())


def _turtle_parallel(data: bytes, output, procs: int, tmpdir) -> None:
    """Turtle of sorted N-Triples written by ``procs`` forked processes, one slice of subjects
    each, then joined under one set of prefixes: the same bytes as one writer (pyoxigraph's
    writer carries nothing from one subject's block to the next), in a fraction of the time.
    Should the parts ever open with different prefixes, one process writes the whole instead."""
    import multiprocessing as mp

    from kg.atomic import write_atomic
    from kg.errors import KgError

    cuts = _subject_cuts(data, procs)
    paths = []
    try:
        for _ in cuts[1:]:
            fd, path = tempfile.mkstemp(prefix="kg-part-", suffix=".ttl", dir=tmpdir)
            os.close(fd)
            paths.append(path)
        ctx = mp.get_context("fork")
        children = [ctx.Process(target=_turtle_part, args=(data, a, b, path))
                    for a, b, path in zip(cuts, cuts[1:], paths)]
        for c in children:
            c.start()
        for c in children:
            c.join()
        failed = [c.exitcode for c in children if c.exitcode != 0]
        if failed:
            raise KgError(f"{output}: a Turtle writer process failed (exit status {failed[0]}); nothing was written")
        heads = []
        for path in paths:
            with open(path, "rb") as src:
                heads.append(src.read(1 << 16))
        header = heads[0][:_prefix_end(heads[0])]
        if any(h[:_prefix_end(h)] != header for h in heads):
            _serialize({"input": data}, output)
            return

        def join(f):
            for k, path in enumerate(paths):
                with open(path, "rb") as src:
                    src.seek(0 if k == 0 else len(header))
                    shutil.copyfileobj(src, f, 1 << 20)

        write_atomic(output, join)
    finally:
        for path in paths:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def write_graph(lines: Iterable[bytes] | bytes, output, tmpdir=None, keep_nt=None, procs: int = 1) -> int:
    """Sorted unique N-Triples lines to ``output`` (any supported extension); the triple count.

    ``lines`` may also be the whole sorted document as bytes (:meth:`LineSorter.joined`): it is
    then serialised from memory, as Turtle by ``procs`` processes when that is more than one
    (the cores a ``--workers`` build already uses). ``keep_nt``: also leave the sorted N-Triples
    at this path (e.g. for a store bulk load).
    """
    from kg.atomic import write_atomic, write_bytes_atomic
    from kg.rdf import output_format
    import pyoxigraph as ox

    fmt = output_format(output)
    if isinstance(lines, (bytes, bytearray)):
        if keep_nt is not None:
            write_bytes_atomic(keep_nt, lines)
        if fmt == ox.RdfFormat.N_TRIPLES:
            write_bytes_atomic(output, lines)
        elif fmt == ox.RdfFormat.TURTLE and procs > 1 and len(lines) >= PARALLEL_MIN and _can_fork():
            _turtle_parallel(bytes(lines), output, procs, tmpdir)
        else:
            _serialize({"input": bytes(lines)}, output)
        return lines.count(b"\n")
    if fmt == ox.RdfFormat.N_TRIPLES and keep_nt is None:
        return write_sorted_nt(lines, output)
    nt = Path(keep_nt) if keep_nt else Path(tempfile.mkstemp(prefix="kg-sorted-", suffix=".nt", dir=tmpdir)[1])
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
