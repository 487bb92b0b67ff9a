"""jieba where it decides something: the left edge of a name, and whether a run is a common word.

Only short candidate spans are segmented (never whole articles), so jieba's cost stays a
fraction of one ``jieba.lcut`` pass over the text. Part-of-speech comes from jieba's own
dictionary table (a dict lookup), not from ``jieba.posseg``'s HMM, which is ~6x slower.
"""
from __future__ import annotations

from functools import lru_cache

# Tags that cannot open a name: verbs, adverbs, prepositions, conjunctions, particles, pronouns,
# idioms, time and direction words, adjectives.
BREAK = frozenset("v vd vi vg ad d dg p c u uj ul uz ug uv ud r rr rz z y e o f t tg a ag an i l b k h".split())
# Events and projects may start with a verbal noun or a numeral ("新建", "2025"); bodies and places may not.
BREAK_EVENT = frozenset("v vd vi vg ad d dg p c u uj ul uz ug uv ud r rr rz z y e o".split())


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


def tag(word: str) -> str | None:
    return _jieba()[1].get(word)


def freq(word: str) -> int:
    return _jieba()[0].dt.FREQ.get(word, 0) or 0


@lru_cache(maxsize=65536)
def trim_left(text: str, keep: int, kind: str = "name") -> int:
    """Offset where the name really starts inside ``text``.

    Events, projects and bodies drop only leading verbs and adverbs ("认真落实", "严格确保"):
    their names contain verbs of their own (改造项目, 推进会, 希望小学). Places and bodies start after the
    last verb-like word of the run ("系统梳理|园区", "确保|法治荆州区"). Single characters
    are left to the caller's stop-character rules. The last ``keep`` characters (the suffix
    that triggered the candidate) are never dropped."""
    jieba, tab = _jieba()
    breakers = BREAK_EVENT if kind == "event" else BREAK | {"vn"} if kind == "place" else BREAK
    pos, cut = 0, 0
    words = jieba.lcut(text[: len(text) - keep], HMM=False)
    for k, w in enumerate(words):
        t = tab.get(w)
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
