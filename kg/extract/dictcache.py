"""jieba's dictionary as kg needs it, from a cache file read lazily, one first character at a time.

jieba's own start-up costs ~1 s: ``jieba.initialize()`` marshal-loads 500k prefix-dict entries
(0.5 s, most of it ``marshal.load`` reading the file in small chunks) and ``jieba.posseg``
parses dict.txt again for the word→tag table (0.45 s). kg segments only short spans, and a
span's segmentation reads the prefix dict only at keys that start with one of the span's own
characters (jieba's DAG and route look up ``span[k:i]`` only). So the dictionary is stored as
one shard per first character (prefix-dict entries and tags of the words starting with it) and a
shard is loaded the first time a span or word needs it: a one-page build touches a few hundred
of the 11,772 shards.

A segmented span needs less still: jieba looks up ``span[k:i]`` only, so beyond the span's single
characters it reads only the keys that open with one of the span's two-character prefixes. Each
character's shard is therefore also stored cut by its second character; ``load_span`` and
``load_word`` read just those pieces (a few dozen entries where a character's shard holds hundreds:
loading whole shards cost a build ~5% of its instructions), ``load`` and ``load_all`` whole shards.

The cache file is built once from jieba's own installed dictionary, with jieba's own code
(``Tokenizer.gen_pfdict`` and ``jieba.posseg``'s table), and is keyed by jieba's version and the
dictionary file's path, size and mtime, so it can never disagree with jieba. It lives in
``$GOVKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/govkg``, else ``~/.cache/govkg``; it is written
atomically, and when it cannot be written the dictionary is built in memory (as slow as jieba).

Layout: 8-byte magic, 8-byte little-endian header length, header (marshal: key, total, data
length, {char: (offset, length) of its shard, (offset, length) of its directory}), then per
character: its shard and the pieces of it (marshal: ({word: freq}, {word: tag}); a piece holds the
words opening with one two-character prefix), then its directory (marshal: the character's own
frequency and tag or None, the second characters of the pieces in one string, and the pieces'
offsets and lengths as 32-bit unsigned integers in native byte order).
"""
from __future__ import annotations

import hashlib
import marshal
import mmap
import sys
import threading
from array import array
from pathlib import Path

from kg.atomic import write_cache_atomic
from kg.recache import cache_dir as kg_cache_dir

FORMAT = 3
MAGIC = b"govkgD\x03\n"
_LEN = 8


def cache_dir() -> Path:
    """Where the dictionary cache lives: $GOVKG_CACHE_DIR, $XDG_CACHE_HOME/govkg or ~/.cache/govkg
    (kg.recache's, whose file of compiled patterns lives there too)."""
    return kg_cache_dir()


def dict_path(jieba) -> Path:
    """jieba's default dictionary file (what ``Tokenizer.get_dict_file`` opens)."""
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def source_key(jieba) -> str:
    """Everything the cached content depends on: the format, Python's marshal, jieba and its dictionary file."""
    p = dict_path(jieba)
    st = p.stat()
    return (f"format {FORMAT} python {sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version} "
            f"{sys.byteorder} jieba {jieba.__version__} dict {p} {st.st_size} {st.st_mtime_ns}")


def cache_path(key: str, directory: Path | None = None) -> Path:
    # one file per key: two environments with different jiebas do not overwrite each other's cache
    return (directory or cache_dir()) / f"jieba-dict-{hashlib.sha1(key.encode()).hexdigest()[:16]}.bin"


def build_shards(jieba) -> tuple[int, dict[str, tuple[dict[str, int], dict[str, str]]]]:
    """(total, {first char: (prefix-dict entries, tags)}) from jieba's own loaders: slow (~1 s), run once."""
    import jieba.posseg

    freq, total = jieba.Tokenizer.gen_pfdict(jieba.dt.get_dict_file())
    shards: dict[str, tuple[dict[str, int], dict[str, str]]] = {}
    for w, f in freq.items():
        shards.setdefault(w[0], ({}, {}))[0][w] = f
    canon = {w: w for w in freq}
    for w, t in jieba.posseg.dt.word_tag_tab.items():
        # Keyed by the prefix dict's own string objects (every tagged word is a key there) and
        # with interned tags, marshal writes each word and tag once per shard and loads them as
        # shared objects: a quarter smaller and faster to load than two independent dicts.
        w = canon.get(w, w)
        shards.setdefault(w[0], ({}, {}))[1][w] = sys.intern(t)
    return total, shards


def _pieces(shard) -> dict[str, tuple[dict[str, int], dict[str, str]]]:
    """A character's shard cut by its words' second character (its one-character word left out)."""
    freqs, tags = shard
    pieces: dict[str, tuple[dict[str, int], dict[str, str]]] = {}
    for w, f in freqs.items():
        if len(w) > 1:
            pieces.setdefault(w[1], ({}, {}))[0][w] = f
    for w, t in tags.items():
        if len(w) > 1:
            pieces.setdefault(w[1], ({}, {}))[1][w] = t
    return pieces


def encode(key: str, total: int, shards) -> bytes:
    blobs, index, off = [], {}, 0

    def put(b: bytes) -> tuple[int, int]:
        nonlocal off
        blobs.append(b)
        off += len(b)
        return off - len(b), len(b)

    for ch in sorted(shards):
        whole = put(marshal.dumps(shards[ch]))
        pieces = _pieces(shards[ch])
        seconds = "".join(sorted(pieces))
        spans = array("I")
        for c in seconds:
            spans.extend(put(marshal.dumps(pieces[c])))
        freqs, tags = shards[ch]
        index[ch] = (*whole, *put(marshal.dumps((freqs.get(ch), tags.get(ch), seconds, spans.tobytes()))))
    header = marshal.dumps((key, total, off, index))
    return b"".join([MAGIC, len(header).to_bytes(_LEN, "little"), header, *blobs])


def write(path: Path, data: bytes) -> None:
    """Atomically (kg.atomic): a temp file in the same directory, then os.replace; older versions'
    files beyond a few are removed."""
    write_cache_atomic(path, data)


class Dictionary:
    """jieba's prefix dict (``FREQ``, ``total``) and word→tag table, filled shard by shard.

    ``pending`` holds the first characters whose shard is not wholly loaded yet. ``FREQ`` and
    ``tags`` are complete for every key starting with a character not in ``pending`` and for every
    key starting with a two-character prefix in ``_pairs``; they hold a character's own entry
    once its directory is read (``_dirs``)."""

    def __init__(self, key: str, total: int, index: dict, data, path: Path | None = None, base: int = 0):
        self.key = key
        self.path = path
        self.total = total
        self.FREQ: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self._index = index
        self._data = data              # bytes-like holding the shards (an mmap of the cache file)
        self._base = base              # where the shards start in data: every offset counts from there
        self.pending: set[str] = set(index)
        self._dirs: dict = {}          # char -> (second chars, piece spans)
        self._pairs: set[str] = set()  # two-character prefixes whose piece is in
        self._lock = threading.Lock()  # dask workers segment in threads; loads are rare, so one lock

    @classmethod
    def from_shards(cls, key: str, total: int, shards) -> Dictionary:
        d = cls(key, total, {}, None)
        for f, t in shards.values():
            d.FREQ.update(f)
            d.tags.update(t)
        return d

    @classmethod
    def from_bytes(cls, data, key: str | None = None, path: Path | None = None) -> Dictionary:
        """Read the header of a cache file's contents; ValueError if it is not one (or not for ``key``)."""
        if bytes(data[:len(MAGIC)]) != MAGIC:
            raise ValueError("not a govkg dictionary cache")
        n = int.from_bytes(data[len(MAGIC):len(MAGIC) + _LEN], "little")
        start = len(MAGIC) + _LEN + n
        try:
            k, total, size, index = marshal.loads(data[len(MAGIC) + _LEN:start])
            if not isinstance(index, dict):
                raise TypeError("no index")
        except (EOFError, TypeError, ValueError) as e:
            raise ValueError(f"damaged header ({e})") from None
        if key is not None and k != key:
            raise ValueError("built for another jieba or dictionary")
        if len(data) != start + size:
            raise ValueError(f"truncated ({len(data)} bytes, header says {start + size})")
        return cls(k, total, index, data, path, start)

    def _blob(self, o: int, m: int) -> tuple:
        """The tuple marshalled at data[o:o + m]; a KgError naming the file if it is damaged."""
        try:
            got = marshal.loads(self._data[o:o + m])
            if not isinstance(got, tuple):
                raise TypeError(f"a {type(got).__name__}")
            return got
        except (EOFError, TypeError, ValueError) as e:
            from kg.errors import KgError

            raise KgError(f"{self.path}: damaged jieba dictionary cache ({e}); "
                          "delete it and run again") from None

    def _directory(self, ch: str):
        """ch's directory, read (and ch's own entry put in) the first time; None if ch has no shard."""
        got = self._dirs.get(ch)
        if got is None and ch in self.pending:
            _, _, o, m = self._index[ch]
            f, t, seconds, spans = self._blob(self._base + o, m)
            if f is not None:
                self.FREQ[ch] = f
            if t is not None:
                self.tags[ch] = t
            got = self._dirs[ch] = (seconds, memoryview(spans).cast("I"))
        return got

    def _load_pair(self, pair: str) -> None:
        """The piece of the words opening with ``pair`` (two characters), if not in yet."""
        if pair in self._pairs or pair[0] not in self.pending:
            return
        d = self._directory(pair[0])
        k = d[0].find(pair[1])
        if k >= 0:
            f, t = self._blob(self._base + d[1][2 * k], d[1][2 * k + 1])
            self.FREQ.update(f)
            self.tags.update(t)
        self._pairs.add(pair)

    def load_span(self, text: str) -> None:
        """What segmenting ``text`` reads: the entries of its characters and of its two-character prefixes."""
        with self._lock:
            # (what is in already is tested here: most characters and pairs of a span are, and a
            # call each to find it out cost more than the loads)
            pending, dirs, pairs, last = self.pending, self._dirs, self._pairs, len(text) - 1
            for i, ch in enumerate(text):
                if ch in pending:
                    if ch not in dirs:
                        self._directory(ch)
                    if i < last and text[i:i + 2] not in pairs:
                        self._load_pair(text[i:i + 2])

    def load_word(self, word: str) -> None:
        """What looking ``word`` up reads: its first character's entry, or the piece of its first two."""
        # most calls ask again for what is in already (a word that is none: its lookup misses
        # every time): no lock for them; the entries are in before the pair or directory is
        if (word[:2] in self._pairs) if len(word) > 1 else (word in self._dirs):
            return
        with self._lock:
            if word[:1] in self.pending:
                if len(word) == 1:
                    self._directory(word)
                else:
                    self._load_pair(word[:2])

    def load(self, chars) -> None:
        """Load the shards of ``chars`` (any iterable of characters; ones without a shard are ignored)."""
        with self._lock:
            for ch in list(chars):
                if ch not in self.pending:
                    continue
                o, m, _, _ = self._index[ch]
                f, t = self._blob(self._base + o, m)
                self.FREQ.update(f)
                self.tags.update(t)
                # discarded only once the entries are in: a reader that sees ch gone finds them
                self.pending.discard(ch)
                self._dirs.pop(ch, None)
            if not self.pending and self._data is not None:
                self._release()

    def load_all(self) -> None:
        """Everything, e.g. before forking workers so they share the pages instead of loading their own."""
        if self.pending:
            self.load(sorted(self.pending))

    def _release(self):
        data, self._data, self._index = self._data, None, {}
        self._pairs = set()
        if isinstance(data, mmap.mmap):
            data.close()


def _read(path: Path, key: str) -> Dictionary | None:
    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):      # absent, unreadable, or empty (mmap of 0 bytes)
        return None
    try:
        return Dictionary.from_bytes(data, key, path)
    except ValueError:
        data.close()
        return None


def open_dictionary(jieba, directory: Path | None = None) -> Dictionary:
    """The dictionary of the installed jieba: from the cache file in ``directory`` (default
    ``cache_dir()``), building it first when it is missing or stale. When the cache cannot be
    written, built in memory for this process."""
    try:
        key = source_key(jieba)
    except OSError:                    # no dict.txt on disk (e.g. a zipped install): nothing to key on
        return Dictionary.from_shards("", *build_shards(jieba))
    try:
        path = cache_path(key, directory)
    except (KeyError, RuntimeError):   # no home directory to put ~/.cache in
        return Dictionary.from_shards(key, *build_shards(jieba))
    d = _read(path, key)
    if d is not None:
        return d
    total, shards = build_shards(jieba)
    try:
        write(path, encode(key, total, shards))
    except OSError:
        return Dictionary.from_shards(key, total, shards)
    return _read(path, key) or Dictionary.from_shards(key, total, shards)
