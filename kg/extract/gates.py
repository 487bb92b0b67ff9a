"""Which finders can find anything in a sentence, read for all of an article's sentences at once.

A finder whose every mention holds one of its trigger words (a suffix of its table, a gazetteer
name, ...) finds nothing in a sentence that holds none of them; most sentences name no event, no
project, no body. Calling it there still costs its set-up and several scans of the sentence,
~4 us each, tens of thousands of times per megabyte. Here each finder's triggers are scanned once
over the article's sentences joined together, and ``mention_sentence`` calls a finder only in the
sentences where one of its triggers occurs. The finders themselves are unchanged.

A gate must be a superset of its finder: every trigger of every path by which the finder can
return a mention is listed with it below (tests/test_gates.py runs the finders gated and ungated
over the samples and over generated pages and asserts the same mentions). A finder given a new
source of mentions must list its triggers here too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from kg.extract import mentions as M

PLACES, ORGS, EVENTS, PROJECTS, LISTED, SUBJECTS = 1, 2, 4, 8, 16, 32
ALL = PLACES | ORGS | EVENTS | PROJECTS | LISTED | SUBJECTS

# The sentences are joined by a character no trigger holds, so that no trigger match runs from one
# sentence into the next, and a pattern's end-of-text test ($, a non-CJK look-ahead) still holds
# where the sentence ends.
_SEP = "\n"


# Every party congress PARTY_CONGRESS names (党的十九大, 第三次党代会, 十九届四中全会) holds one of
# these; unlike PARTY_CONGRESS, each branch opens with a fixed character, so a scan skips ahead fast.
_CONGRESS_TRIGGER = r"党的[一二三四五六七八九十]+大|次党代会|届[一二三四五六七八九十]+次全"


@lru_cache(maxsize=None)
def _triggers() -> tuple:
    """(bit, pattern) pairs: a sentence where the pattern finds no match is one where the finder of
    that bit returns no mention. (The words of one finder's tables are one alternation: a
    sentence holds one of them exactly when the alternation finds one there.)"""
    L = M.lexicon()
    return (
        # find_places: suffixed names and gazetteer names; abbreviation runs after a travel verb
        # (the page's home words, which vary per page, are tested per sentence: see ``home_named``)
        (PLACES, M.words_re(tuple(L.place_suffixes) + tuple(L.gazetteer))), (PLACES, M._abbreviations_re()),
        # find_orgs: suffixed bodies and the bodies named whole
        (ORGS, M.words_re(tuple(L.org_suffixes) + tuple(L.bodies))),
        # find_events: the meeting and activity suffixes, and the party congresses
        (EVENTS, re.compile(M._EVENT_RE.pattern + "|" + _CONGRESS_TRIGGER)),
        # find_projects: every project ends in one of its suffixes
        (PROJECTS, M._PROJECT_RE),
        # find_listed_names: names after a group word or a role word, and runs of names before 等
        (LISTED, M.words_re(M.GROUP_WORDS + M.ROLE_WORDS + ("等",))),
        # find_subject_names: a name before a lead verb (同志, one of them, for find_comrades)
        (SUBJECTS, M.words_re(M.LEAD_VERBS)),
    )


def sentence_gates(texts: list[str]) -> list[int]:
    """For each sentence text, the bits of the finders that may find something in it."""
    n = len(texts)
    if n < 2:
        return [_gate_of(t) for t in texts]
    joined = _SEP.join(texts)
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    gates = [0] * n
    for bit, rx in _triggers():
        # one match per sentence is enough: the scan goes on from the next sentence
        search = rx.search
        m = search(joined)
        while m is not None:
            k = bisect_right(starts, m.start()) - 1
            gates[k] |= bit
            if k + 1 == n:
                break
            m = search(joined, starts[k + 1])
    return gates


def _gate_of(text: str) -> int:
    g = 0
    for bit, rx in _triggers():
        if not g & bit and rx.search(text):
            g |= bit
    return g


def home_named(s: str, home_names: tuple) -> bool:
    """The sentence holds one of the words the page names its home by (我县, 宿松): find_places
    may find the home there."""
    for written, _ in home_names:
        if written in s:
            return True
    return False
