"""jieba where it decides something: the left edge of a name, and whether a run is a common word.

Only short candidate spans are segmented (never whole articles), so jieba's cost stays a
fraction of one ``jieba.lcut`` pass over the text. Part-of-speech comes from jieba's own
dictionary table (a dict lookup), not from ``jieba.posseg``'s HMM, which is ~6x slower.
The dictionary comes from kg.dictcache (loaded per two-character prefix as spans need it), never from
``jieba.initialize()`` or ``import jieba.posseg``, which cost ~1 s of start-up.
"""
from __future__ import annotations

import re
from functools import lru_cache
from math import log

# Tags that cannot open a name: verbs, adverbs, prepositions, conjunctions, particles, pronouns,
# idioms, time and direction words, adjectives.
BREAK = frozenset("v vd vi vg ad d dg p c u uj ul uz ug uv ud r rr rz z y e o f t tg a ag an i l b k h".split())
# Events and projects may start with a verbal noun or a numeral ("新建", "2025"); bodies and places may not.
BREAK_EVENT = frozenset("v vd vi vg ad d dg p c u uj ul uz ug uv ud r rr rz z y e o".split())
# Places may not start with a verbal noun either ("宣传|荆州区").
BREAK_PLACE = BREAK | {"vn"}


def _import_jieba():
    """``import jieba``, without letting it import pkg_resources.

    jieba._compat imports setuptools' pkg_resources (45 ms, most of jieba's import time) only
    to open its own data files, and falls back to a plain ``open`` of the same path next to
    jieba's ``__file__`` when the import fails. pkg_resources is hidden for the duration of that
    one import unless something has already loaded it."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None          # makes ``import pkg_resources`` raise ImportError
    try:
        import jieba
    finally:
        if "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _dictionary():
    """(jieba Tokenizer reading our lazily filled prefix dict, the kg.dictcache.Dictionary behind it).

    A Tokenizer of our own, not ``jieba.dt``: its dictionary is complete only for the characters
    loaded so far, which is enough for the spans passed through ``lcut`` but not for anyone
    calling ``jieba.lcut`` directly."""
    import logging

    from kg.extract.dictcache import open_dictionary

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    d = open_dictionary(jieba)
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = d.FREQ, d.total, True
    return tk, d


def lcut(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=False)`` with the installed jieba dictionary.

    Identical to jieba's: segmenting ``text`` looks up only prefix-dict keys that are a character
    of ``text`` or start with one of its two-character prefixes, and those are loaded first."""
    return list(_lcut(text))


# A page segments the same spans again and again (two in five calls repeat one): what they cut
# into depends on the span alone (its entries are loaded before it is cut), so it is kept.
@lru_cache(maxsize=65536)
def _lcut(text: str) -> tuple:
    tk, d = _dictionary()
    if d.pending:
        d.load_span(text)
    if _ALL_HAN.fullmatch(text):
        return tuple(_cut_han(text, d.FREQ, _log_total(d.total)))
    return tuple(tk.lcut(text, HMM=False))


# The spans kg segments are nearly all ideographs only: one block of jieba's re_han, in which no
# word is a single ASCII character, so jieba's cut is its DAG and route alone. jieba runs those
# through generators, a dict per DAG and a max() over a generator per position (~3x the work).
_ALL_HAN = re.compile("[\u4e00-\u9fd5]+")     # (jieba's re_han_default, less its ASCII)


@lru_cache(maxsize=4)
def _log_total(total: int) -> float:
    return log(total)


def _cut_han(s: str, FREQ: dict, logtotal: float) -> list[str]:
    """jieba's ``__cut_DAG_NO_HMM`` of an all-ideograph ``s``: the same route, computed with the
    same float expression in the same order, so ties resolve alike (the larger end wins, as in
    jieba's max over (value, end) tuples)."""
    N = len(s)
    route = [(0.0, 0)] * (N + 1)
    for idx in range(N - 1, -1, -1):
        best = None
        i, frag = idx, s[idx]
        while i < N and frag in FREQ:
            f = FREQ[frag]
            if f:
                v = (log(f) - logtotal + route[i + 1][0], i)
                if best is None or v > best:
                    best = v
            i += 1
            frag = s[idx:i + 1]
        if best is None:          # no word starts here: the character alone
            best = (log(FREQ.get(s[idx]) or 1) - logtotal + route[idx + 1][0], idx)
        route[idx] = best
    words, x = [], 0
    while x < N:
        y = route[x][1] + 1
        words.append(s[x:y])
        x = y
    return words


# tag and freq are pure (a shard is loaded before it is read) and asked of the same few thousand
# words again and again (~3 calls a word): kept, a hit costs no dictionary look-up and no load test
@lru_cache(maxsize=65536)
def tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word (``jieba.posseg.dt.word_tag_tab``), None if not a word."""
    d = _dictionary()[1]
    t = d.tags.get(word)
    if t is None and word[:1] in d.pending:        # a word is only in its first character's shard
        d.load_word(word)
        t = d.tags.get(word)
    return t


@lru_cache(maxsize=65536)
def freq(word: str) -> int:
    """jieba's frequency of ``word`` (0 if it is not a dictionary word)."""
    d = _dictionary()[1]
    f = d.FREQ.get(word)
    if f is None and word[:1] in d.pending:
        d.load_word(word)
        f = d.FREQ.get(word)
    return f or 0


def open_dictionary_cache() -> None:
    """Open the dictionary cache now (building it if it is missing), loading no shard yet."""
    _dictionary()


@lru_cache(maxsize=65536)
def trim_left(text: str, keep: int, kind: str = "name") -> int:
    """Offset where the name really starts inside ``text``.

    Events, projects and bodies drop only leading verbs and adverbs ("认真落实", "严格确保"):
    their names contain verbs of their own (改造项目, 推进会, 希望小学). Places and bodies start after the
    last verb-like word of the run ("系统梳理|园区", "确保|法治荆州区"). Single characters
    are left to the caller's stop-character rules. The last ``keep`` characters (the suffix
    that triggered the candidate) are never dropped."""
    breakers = BREAK_EVENT if kind == "event" else BREAK_PLACE if kind == "place" else BREAK
    pos, cut = 0, 0
    words = lcut(text[: len(text) - keep])
    for k, w in enumerate(words):
        t = tag(w)
        # a leading verbal noun (宣传离岸科创中心) goes, unless it is the whole core (实验中学)
        breaks = len(w) >= 2 and t is not None and (t in breakers or (kind == "org" and t == "vn" and
                                                                      freq(w) > 2000 and k < len(words) - 1))
        if kind in ("event", "org"):
            if not breaks:
                break
            cut = pos + len(w)
        elif breaks:
            cut = pos + len(w)
        pos += len(w)
    return cut


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """A dictionary word that is not a proper name (乡村, 市场, 闭环): not an entity by itself."""
    t = tag(word)
    return t is not None and not t.startswith(("nr", "ns", "nt", "nz"))


@lru_cache(maxsize=65536)
def _cuts(window: str) -> frozenset:
    """Offsets where jieba's segmentation of ``window`` puts a word boundary."""
    cuts, pos = {0}, 0
    for w in lcut(window):
        pos += len(w)
        cuts.add(pos)
    return frozenset(cuts)


def inside_word(s: str, i: int, reach: int = 3) -> bool:
    """Position ``i`` of ``s`` falls inside a word of jieba's segmentation of the text around it
    (工作协|调 segments 工作|协调): a name may not start or end there. Only a few characters on each
    side are segmented, not the sentence."""
    if i <= 0 or i >= len(s):
        return False
    a = max(0, i - reach)
    return (i - a) not in _cuts(s[a:i + reach])
