"""The build: sources → pages → facts → N-Triples → one sorted RDF file and/or an on-disk store.

Extraction is a pure function of one page (kg.build.work), so pages go to an engine
(kg.build.engines: a fork pool, or a dask cluster) in any order and their triples merge by union. The parent never holds
the graph as Python objects: each page comes back as N-Triples bytes, lines go through an
external sort (kg.graph.shards), and the sorted stream is written out and bulk-loaded. Memory is
bounded by the sort run size and the pages in flight, not by the corpus.

Unchanged pages are not extracted again: results are cached by content hash (kg.build.cache), next to
the output (``out/.kgcache``) or, for ``--store DIR``, in the store's own manifest.
"""
from __future__ import annotations

import gc
import itertools
import os
import shutil
import sqlite3
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import write_atomic
from kg.build.cache import KnownNames, PageCache, build_digest, fingerprint, page_key
from kg.build.engines import Engine, LocalEngine
from kg.build.work import PageResult
from kg.errors import KgError
from kg.graph import rdf
from kg.graph.shards import LineSorter, sorted_unique, write_graph, write_sorted_nt
from kg.graph.store import MANIFEST  # inside a store directory: page keys, per-page triples, holdings (and stats)
from kg.graph.store import is_store_dir, writing
from kg.tempfiles import exchange, places, remove_unless_read, store_temp, sweep
from kg.text.readers import iter_sources, readable_twice
from kg.views.stats import forget_kept, keep, kept_is_current


@dataclass
class BuildReport:
    pages: int = 0
    articles: int = 0
    triples: int = 0
    chars: int = 0
    extracted: int = 0           # pages extracted in this run (the rest came from the cache)
    cached: int = 0
    up_to_date: bool = False     # nothing to do: the output/store already reflects these pages
    shards: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    spans: dict = field(default_factory=dict, repr=False)   # (person, post) -> (first, last)


def add_holdings(spans: dict, holdings) -> None:
    """Fold (person, post, date) tuples into (person, post) -> (first, last) full ISO dates."""
    for person, post, date in holdings:
        first, last = spans.get((person, post), ("", ""))
        if len(date) == 10 and not date.startswith("--"):
            first = min(first, date) if first else date
            last = max(last, date) if last else date
        spans[(person, post)] = (first, last)


def summarise_holdings(results) -> dict:
    """(person, post) -> (first, last) full ISO date seen, or ("", "") when only undated."""
    spans: dict = {}
    for r in results:
        add_holdings(spans, r.holdings)
    return spans


def run_extraction(sources, workers: int = 1, progress=None):
    """Yield PageResults for (name, text) pairs (no cache): the plain map, for callers and tests."""
    items = ((name, text, "", "") for name, text in sources)
    for results in LocalEngine(workers).run(items):
        for r in results:
            if progress:
                progress(r)
            yield r


# ---------------------------------------------------------------------------- the build

class _Inputs:
    """The input pages, readable twice: once to hash (is anything new?), once to extract."""

    def __init__(self, inputs, homes=None):
        self.inputs = list(inputs)
        self.homes = homes
        self._mem = list(self._specced(iter_sources(self.inputs))) if not readable_twice(self.inputs) else None
        self._iter = iter_sources
        self._passes = 0   # warnings about the inputs are said on the first pass only

    def _specced(self, sources):
        if self.homes is None:
            return sources
        return (replace(s, spec=self.homes.spec(s)) for s in sources)

    def __iter__(self):
        if self._mem is not None:
            return iter(self._mem)
        self._passes += 1
        return self._specced(self._iter(self.inputs, warn=self._passes == 1))


@dataclass
class _Collect:
    """What the parent keeps while results stream in: counts, holding spans, the line sorter."""
    report: BuildReport
    sorter: object
    spans: dict = field(default_factory=dict)
    progress: object = None

    def add(self, r: PageResult, cached: bool) -> None:
        rep = self.report
        rep.pages += 1
        rep.articles += r.articles
        rep.chars += r.chars
        if cached:
            rep.cached += 1
        else:
            rep.extracted += 1
        if self.sorter is not None:
            self.sorter.add_blocks(r.blocks)
        add_holdings(self.spans, r.holdings)
        if self.progress:
            self.progress(r)


def _holding_nt(spans: dict) -> bytes:
    return rdf.nt_bytes(rdf.holding_triples(spans))


def _extract_into(pages, collect, cache, engine, key_of):
    """Feed cache hits straight to ``collect``; extract the rest on ``engine``; cache new results.
    Without a cache, pages are not hashed (``key_of`` is not called): nothing would read the keys."""
    def misses():
        for src in pages:
            if cache is None:
                yield src.name, src.text, "", src.spec
                continue
            key = key_of(src)
            hit = cache.get(key)
            if hit is not None:
                collect.add(replace(hit, source=src.name), cached=True)
            else:
                yield src.name, src.text, key, src.spec

    for results in engine.run(misses()):
        for r in results:
            if cache is not None:
                cache.put(r)
            collect.add(r, cached=False)
    if cache is not None:
        cache.commit()


def build(inputs, output=None, workers: int = 1, progress=None, *, store=None, cache_dir=None,
          use_cache: bool = True, engine: Engine | None = None, shards=None, homes=None) -> BuildReport:
    """Build the graph of ``inputs`` into ``output`` (an RDF file) and/or ``store`` (a directory).

    cache_dir: where page results are kept for plain file builds (default: OUTPUT's dir/.kgcache);
    use_cache=False extracts everything. engine: where pages are extracted (kg.build.engines.Engine;
    default: a LocalEngine with ``workers``); shards: directory the engine wrote per-batch N-Triples into,
    where the holding triples are added as holdings.nt so the shards alone are the whole graph.
    homes: each page's home and date (kg.extract.homes.Homes); None: every home is inferred from its page.
    """
    if output is None and store is None:
        raise KgError("nothing to write: give an output file (-o) or a store directory (--store)")
    shards_only = shards is not None and output is not None and Path(output) == Path(shards)
    if output is not None and not shards_only:
        rdf.output_format(output)
    # what killed runs left where this one writes (SIGKILL runs no clean-up: the next run does)
    sweep(*places(output is not None and Path(output).absolute().parent,
                  store is not None and Path(store).absolute().parent))
    engine = engine or LocalEngine(workers)
    pages = _Inputs(inputs, homes)
    if shards_only and store is None:
        report = _build_shards(pages, engine, progress)
    elif store is not None:
        with writing(store):
            report = _build_store(pages, Path(store), output, engine, progress, use_cache)
    else:
        report = _build_file(pages, Path(output), engine, progress, cache_dir, use_cache)
    if shards is not None:
        # the post holdings summarise every page, so the client writes them once, beside the parts
        write_atomic(Path(shards) / "holdings.nt", lambda f: f.write(sorted_unique(_holding_nt(report.spans))))
        report.shards = sorted(str(p) for p in Path(shards).glob("part-*.nt")) + [str(Path(shards) / "holdings.nt")]
    return report


def _build_shards(pages, engine, progress) -> BuildReport:
    """Only the engine's shards: no merged file, no cache (the cluster is the scaling path)."""
    report = BuildReport()
    collect = _Collect(report, None, progress=progress)
    _extract_into(pages, collect, None, engine, None)
    if report.pages == 0:
        raise _no_pages()
    report.spans = collect.spans
    return report


def _no_pages():
    return KgError("no input text: give files, directories of *.txt, or - for standard input")


def _build_file(pages, output: Path, engine, progress, cache_dir, use_cache) -> BuildReport:
    report = BuildReport()
    cache = None
    if use_cache:
        fp = fingerprint()   # the hash of the files that decide extraction: only the cache's keys use it
        cache = PageCache(Path(cache_dir or output.parent / ".kgcache") / "pages.sqlite", prune=True)
    try:
        if cache is not None:
            keys = [page_key(fp, s.name, s.text, s.spec) for s in pages]
            if not keys:
                raise _no_pages()
            digest = build_digest(fp, keys, output.suffix.lower())
            summary = cache.output_current(output, digest) if output.exists() else None
            if summary is not None:
                return BuildReport(**summary, up_to_date=True)
        # the cores the workers used are free again at the end: the lines are sorted and written
        # as Turtle in key ranges by as many processes; twice as many ranges as processes, taken
        # one at a time, so that a core that runs slower (a busy host) writes fewer of them
        procs = engine.processes
        sorter = LineSorter(tmpdir=_tmpdir(output.parent), parts=procs * 2 if procs > 1 else 1)
        collect = _Collect(report, sorter, progress=progress)
        try:
            _extract_into(pages, collect, cache, engine, lambda s: page_key(fp, s.name, s.text, s.spec))
            if report.pages == 0:
                raise _no_pages()
            sorter.add(_holding_nt(collect.spans))
            report.spans = collect.spans
            report.triples = write_graph(sorter.result(), output, tmpdir=output.parent, procs=procs)
        finally:
            sorter.cleanup()
        if cache is not None:
            cache.record_output(output, digest, _summary(report))
        return report
    finally:
        if cache is not None:
            cache.close()


def _summary(report: BuildReport) -> dict:
    return {k: getattr(report, k) for k in ("pages", "articles", "triples", "chars")}


def _tmpdir(near: Path) -> str | None:
    """Sort runs go next to the output (same disk, and /tmp may be a small tmpfs), else to $TMPDIR."""
    near.mkdir(parents=True, exist_ok=True)
    return str(near) if os.access(near, os.W_OK) else None


# ---------------------------------------------------------------------------- the store

def _build_store(pages, store: Path, output, engine, progress, use_cache) -> BuildReport:
    """Add the input pages to an on-disk Oxigraph store, extracting only pages it lacks.

    New pages are bulk-loaded and the post holdings they touch are recomputed over every page in
    the manifest. A page whose name is known but whose text (or the extractor) changed cannot be
    subtracted from a union, so then the store is rebuilt from the manifest's per-page triples.

    Either way the work is done in a sibling directory (a hard-linked copy of the store and a copy
    of its manifest, or a new store), swapped in for the store when complete: a reader sees the
    old store or the new one, and an interrupted build leaves the old one as it was (and its
    sibling, which the next build removes). The live manifest gets only the extracted pages (a
    cache: which pages the store holds is its table of names) and, from a build that adds
    nothing, single transactions (which paths name which pages, the outputs written).
    """
    if store.exists() and not store.is_dir():
        raise KgError(f"{store}: exists and is not a directory; --store wants a directory")
    existing = is_store_dir(store)
    if store.is_dir() and not existing and not _unfinished(store):
        raise KgError(f"{store}: a non-empty directory that is not a govkg store; choose another --store")
    fp = fingerprint()
    live = store / MANIFEST
    report = BuildReport()
    stage = None
    manifest = None
    try:
        if existing:
            manifest = PageCache(live)
        else:
            stage = _stage(store, live if live.exists() else None, clone=False)
            manifest = PageCache(stage / MANIFEST)
        pages = KnownNames(pages, manifest)
        known = manifest.names() if existing else {}
        given = {}
        for s in pages:
            given[s.name] = page_key(fp, s.name, s.text, s.spec)
        if not given:
            raise _no_pages()
        fresh = {n: k for n, k in given.items() if known.get(n) != k}
        changed = sorted(n for n in fresh if n in known)
        after = {**known, **given}
        rebuild = bool(changed) or not existing
        new_pages = (s for s in pages if s.name in fresh)
        collect = _Collect(report, None, progress=progress)
        cache = manifest if use_cache else _NoHits(manifest)
        # into the live manifest of an existing store: its table of pages is a cache no reader
        # reads, and what an interrupted update extracted is not extracted again
        _extract_into(new_pages, collect, cache, engine, lambda s: given[s.name])
        if fresh and stage is None:
            manifest.close()
            manifest = None
            stage = _stage(store, live, clone=not rebuild)
            manifest = PageCache(stage / MANIFEST)
        report.pages, report.articles = len(after), _articles(manifest, after)
        if fresh:
            forget_kept(manifest.db)     # the kept figures of kg stats are the old store's
        if not fresh:
            report.up_to_date = True
            report.triples = _count(store)
        elif rebuild:
            report.triples = _load_store(stage, manifest, after)
        else:
            report.triples = _add_to_store(stage, manifest, after, list(fresh.values()))
        manifest.set_names(after)
        manifest.set_paths(pages.seen)
        _keep_stats(stage if stage is not None else store, manifest)
        add_holdings(report.spans, manifest.holdings_of(sorted(set(after.values()))))
        if stage is not None:
            manifest.close()
            manifest = None
            _swap_in(stage, store)
            stage = None
            manifest = PageCache(live)
        if output is not None:
            digest = build_digest(fp, after.values(), Path(output).suffix.lower())
            summary = manifest.output_current(output, digest) if Path(output).exists() else None
            if summary is None:
                _write_from_manifest(manifest, after, Path(output))
                manifest.record_output(output, digest, _summary(report))
        return report
    finally:
        if manifest is not None:
            manifest.close()
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


def _unfinished(store: Path) -> bool:
    """A directory holding only a manifest: a store whose first build an older kg did not finish
    (it made the directory first). Its manifest is a cache of the pages extracted so far."""
    return all(f.name.startswith(MANIFEST) for f in store.iterdir())


def _stage(store: Path, manifest, clone: bool) -> Path:
    """The sibling directory a store is made or updated in: with ``clone``, a copy of STORE
    (RocksDB's checkpoint: its immutable files hard-linked, so ~free); and a copy of MANIFEST
    (SQLite's online backup), or none (a new store)."""
    stage = store_temp(store, "new")
    shutil.rmtree(stage, ignore_errors=True)   # this pid's, from an earlier boot
    try:
        if clone:
            src = ox.Store.read_only(str(store))
            try:
                src.backup(str(stage))
            finally:
                del src
        else:
            stage.mkdir()
        if manifest is not None:
            src, dst = sqlite3.connect(str(manifest)), sqlite3.connect(str(stage / MANIFEST))
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
    except BaseException as e:
        shutil.rmtree(stage, ignore_errors=True)
        if isinstance(e, (OSError, sqlite3.Error)):
            raise KgError(f"{store}: cannot make its new version beside it ({e})") from None
        raise
    return stage


def _swap_in(stage: Path, store: Path) -> None:
    """STAGE takes the place of STORE in one step (a reader opening STORE gets either); the old
    store is removed, or left for a later run while a reader still has it open."""
    old = store_temp(store, "old")
    if not store.exists():
        os.replace(stage, store)
        return
    if exchange(stage, store):
        os.replace(stage, old)
    else:     # no renameat2: a moment with no store, and a killed run's old one is put back (kg.tempfiles)
        os.replace(store, old)
        os.replace(stage, store)
    remove_unless_read(old)     # else the next run's sweep removes it


def _keep_stats(store: Path, manifest) -> None:
    """The figures of kg stats, computed once here and kept in the manifest (kg.views.stats.keep)."""
    if kept_is_current(manifest.db):
        return
    try:
        st = ox.Store.read_only(str(store))
    except OSError as e:
        raise KgError(f"{store}: cannot open the store to count it ({e})") from None
    keep(manifest.db, st)
    del st


class _NoHits:
    """A cache that stores but never serves (--no-cache with --store: re-extract the new pages)."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, key):
        return None

    def put(self, r):
        self.cache.put(r)

    def commit(self):
        self.cache.commit()


def _articles(manifest, after: dict) -> int:
    keys = set(after.values())
    return sum(n for k, n in manifest.db.execute("SELECT key, articles FROM pages") if k in keys)


def _sorted_lines(manifest, after: dict, tmpdir):
    """All pages of the manifest plus their holdings, as one sorted unique line stream."""
    sorter = LineSorter(tmpdir=tmpdir)
    spans: dict = {}
    for key in sorted(set(after.values())):
        sorter.add(*manifest.nt_of(key))
    add_holdings(spans, manifest.holdings_of(sorted(set(after.values()))))
    sorter.add(_holding_nt(spans))
    return sorter


def _write_from_manifest(manifest, after: dict, output: Path) -> int:
    sorter = _sorted_lines(manifest, after, _tmpdir(output.parent))
    try:
        return write_graph(sorter.result(), output, tmpdir=output.parent)
    finally:
        sorter.cleanup()


def _open_store(path: Path):
    try:
        return ox.Store(str(path))
    except OSError as e:
        raise KgError(f"{path}: cannot open the store for writing ({e}); is another kg build using it?") from None


def _count(path: Path) -> int:
    try:
        st = ox.Store.read_only(str(path))
    except OSError as e:
        raise KgError(f"{path}: cannot open the store ({e})") from None
    try:
        return len(st)
    finally:
        del st


def _load_store(stage: Path, manifest, after: dict) -> int:
    """A fresh store in STAGE from every page in the manifest (which is there too)."""
    nt = stage / "load.nt"
    sorter = _sorted_lines(manifest, after, str(stage.parent))
    try:
        n = write_sorted_nt(sorter.lines(), nt)
        st = _open_store(stage)
        try:
            _bulk_load(st, nt)
        except BaseException as e:
            _release(e)
            raise
        finally:
            del st
            gc.collect()
        nt.unlink()
        return n
    finally:
        sorter.cleanup()


def _release(e: BaseException) -> None:
    """Let go of the store an interrupted load held: the frames of E's traceback keep it open,
    and with it RocksDB's lock, which a build run again in this process (a test, a server)
    would find held by itself."""
    traceback.clear_frames(e.__traceback__)


LOAD_LINES = 200_000   # per bulk_load call: oxigraph's loader buffers a whole call (~1 GB per 1.3M triples)


def _bulk_load(st, nt_path: Path) -> None:
    """Sorted N-Triples into the store in slices, so the loader's memory stays flat at any size.

    lenient: the lines are pyoxigraph's own canonical N-Triples, already validated once.
    """
    with open(nt_path, "rb") as f:
        while True:
            chunk = b"".join(itertools.islice(f, LOAD_LINES))
            if not chunk:
                break
            st.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    st.flush()
    # compacting once after loading makes later per-row lookups (kg view --focus, evidence) ~4x faster
    st.optimize()


def _add_to_store(stage: Path, manifest, after: dict, new_keys: list) -> int:
    """Union the new pages into the store copied to STAGE and recompute the holdings they touch."""
    sorter = LineSorter(tmpdir=str(stage.parent))
    touched = set()
    for key in sorted(set(new_keys)):
        sorter.add(*manifest.nt_of(key))
        touched |= {(p, q) for p, q, _ in manifest.holdings_of([key])}
    nt = stage / "add.nt"     # removed with STAGE if this is interrupted
    st = _open_store(stage)
    try:
        write_sorted_nt(sorter.lines(), nt)
        _bulk_load(st, nt)
        spans: dict = {}
        add_holdings(spans, [h for h in manifest.holdings_of(sorted(set(after.values()))) if h[:2] in touched])
        new = rdf.holding_triples(spans)
        for s in {t.subject for t in new}:
            for q in list(st.quads_for_pattern(s, None, None, ox.DefaultGraph())):
                st.remove(q)
        st.extend([ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in new])
        st.flush()
        return len(st)
    except BaseException as e:
        _release(e)
        raise
    finally:
        del st
        gc.collect()
        sorter.cleanup()
        nt.unlink(missing_ok=True)
