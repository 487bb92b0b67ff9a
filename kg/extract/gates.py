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

import ahocorasick

from kg.extract import mentions as M

PLACES, ORGS, EVENTS, PROJECTS, LISTED, SUBJECTS, TITLES = 1, 2, 4, 8, 16, 32, 64
ALL = PLACES | ORGS | EVENTS | PROJECTS | LISTED | SUBJECTS | TITLES

# The sentences are joined by a character no trigger holds, so that no trigger match runs from one
# sentence into the next, and a pattern's end-of-text test ($, a non-CJK look-ahead) still holds
# where the sentence ends.
_SEP = "\n"


# Every party congress PARTY_CONGRESS names (党的十九大, 第三次党代会, 十九届四中全会, 全国两会) holds one of
# these; unlike PARTY_CONGRESS, each branch opens with a fixed character, so a scan skips ahead fast.
_CONGRESS_TRIGGER = r"党的[一二三四五六七八九十]+大|次党代会|届[一二三四五六七八九十]+次全|两会"


@lru_cache(maxsize=None)
def _words() -> dict:
    """trigger word -> the bits of the finders one of whose mentions may hold it."""
    L = M.lexicon()
    table = (
        # find_places: suffixed names and gazetteer names (abbreviation runs: _patterns; the
        # page's home words, which vary per page, are tested per sentence: see ``home_named``)
        (PLACES, tuple(L.place_suffixes) + tuple(L.gazetteer)),
        # find_orgs: suffixed bodies and the bodies named whole
        (ORGS, tuple(L.org_suffixes) + tuple(L.bodies)),
        # find_events: the meeting and activity suffixes, 届 of a festival's edition (party
        # congresses: _patterns)
        (EVENTS, M.MEETING_SUFFIXES + M.ACTIVITY_SUFFIXES + ("届",)),
        # find_projects: every project ends in one of its suffixes
        (PROJECTS, M.PROJECT_SUFFIXES),
        # find_listed_names: names after a group word or a role word, and runs of names before 等
        (LISTED, M.GROUP_WORDS + M.ROLE_WORDS + ("等",)),
        # find_subject_names: a name before a lead verb (同志, one of them, for find_comrades)
        (SUBJECTS, M.LEAD_VERBS),
        # title_matches (read by find_chains and find_title_after): the lexicon's titles
        (TITLES, tuple(L.titles)),
    )
    words: dict = {}
    for bit, ws in table:
        for w in ws:
            words[w] = words.get(w, 0) | bit
    return words


# 会议 opening its sentence (会议强调/指出/要求…, the commonest sentence of a meeting's report) is the
# article's meeting referred to, never a name: find_events wants four characters or more ending at
# the suffix, and nothing stands before it. Its match there sets no EVENTS bit (elsewhere it does).
_OPENING = 1 << 8
_OPENING_WORDS = {"会议": EVENTS}


@lru_cache(maxsize=None)
def _patterns() -> tuple:
    """(bit, pattern): the triggers that are patterns, not words."""
    return ((PLACES, M._abbreviations_re()), (EVENTS, re.compile(_CONGRESS_TRIGGER)))


@lru_cache(maxsize=None)
def _automaton():
    """Every trigger word in one Aho-Corasick automaton over UTF-8 bytes spelled as Latin-1
    characters, the value of a word its bits: one scan finds the words of all finders, overlapping
    ones included. Over bytes no node has more than 256 children, and pyahocorasick looks a child
    up among its node's one by one: over UTF-8 the root, where the scan of Chinese text mostly
    stands, has a handful (a CJK character's first byte is one of E3-E9), where over UTF-16 it had
    the ~80 high bytes of the CJK block (the scan took 0.092 s on tp3000, now 0.059 s). A match
    starts and ends on a character boundary: no lead byte is ever a continuation byte."""
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for w, bits in _covering(_words()).items():
        if w in _OPENING_WORDS and bits == _OPENING_WORDS[w]:
            bits |= _OPENING
        auto.add_word(_utf8(w), bits)
    auto.make_automaton()
    return auto


def _covering(words: dict) -> dict:
    """The words no shorter word inside them stands for: a word holding another whose bits include
    its own (工业园区 holds 区, 人民政府 holds 政府) gates nothing the shorter one does not, and
    leaving it out spares the scan a match per occurrence."""
    def covered(w, bits):
        return any(w[i:j] in words and words[w[i:j]] | bits == words[w[i:j]]
                   for i in range(len(w)) for j in range(i + 1, len(w) + 1) if j - i < len(w))
    return {w: bits for w, bits in words.items() if not covered(w, bits)}


def _utf8(s: str) -> str:
    return s.encode("utf-8", "surrogatepass").decode("latin-1")


def sentence_gates(texts: list[str]) -> list[int]:
    """For each sentence text, the bits of the finders that may find something in it."""
    n = len(texts)
    if not n:
        return []
    joined = _SEP.join(texts)
    # where each sentence starts in the joined text, and in its UTF-8 (the automaton's offsets)
    starts, at, pos, byte = [], [], 0, 0
    for t in texts:
        starts.append(pos)
        at.append(byte)
        pos += len(t) + 1
        byte += len(t.encode("utf-8", "surrogatepass")) + 1
    at.append(byte)          # (past the last sentence: the bound of the last)
    gates = [0] * n
    # Matches come in the order of their ends: a sentence's are looked up once, not one by one.
    k, bound = 0, at[1]
    for end, bits in _automaton().iter(_utf8(joined)):
        if end >= bound:
            k = bisect_right(at, end, k + 1) - 1
            bound = at[k + 1]
        if bits & _OPENING:
            # (the opening words are two ideographs: six bytes)
            bits = 0 if end - 5 == at[k] else bits & ALL
        gates[k] |= bits
    for bit, rx in _patterns():
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
    """The gate of one sentence read alone (what sentence_gates gives it among others)."""
    return sentence_gates([text])[0]


def home_named(s: str, home_names: tuple) -> bool:
    """The sentence holds one of the words the page names its home by (我县, 宿松): find_places
    may find the home there."""
    if not home_names:
        return False     # (an empty alternation would match every sentence)
    got = _HOME_BY_ID.get(id(home_names))
    if got is None or got[0] is not home_names:
        if len(_HOME_BY_ID) > 256:
            _HOME_BY_ID.clear()
        got = _HOME_BY_ID[id(home_names)] = (home_names, _home_re(home_names))
    return got[1].search(s) is not None


# a page passes the same home_names tuple with every sentence: looked up by identity, it is not
# hashed (ten pairs of strings) once per sentence
_HOME_BY_ID: dict = {}


@lru_cache(maxsize=256)
def _home_re(home_names: tuple) -> re.Pattern:
    """One scan for all of a page's home words (asked of every sentence), not one ``in`` per word."""
    return re.compile("|".join(map(re.escape, sorted({w for w, _ in home_names}, key=lambda w: (-len(w), w)))))


# -- the page's own words: known names and home words, read per article ---------------------------
# Which words these are varies per page, so they are no part of the automaton above; but every
# sentence asks for them (find_known_names scans each with the page's automaton, home_named with a
# regex), and most sentences hold none. One scan of the article's joined sentences tells which do.

def _starts(texts: list[str]) -> list[int]:
    """Where each text starts in ``_SEP.join(texts)``."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return starts


def known_named(texts: list[str], known: frozenset) -> list[bool]:
    """For each sentence text, whether one of the page's known names occurs in it (what
    ``mentions.find_known_names`` looks for: where this is False it finds nothing). A name never
    holds the separator, so a match of the joined text lies inside one sentence."""
    n = len(texts)
    if not known or not n:
        return [False] * n
    starts = _starts(texts)
    out = [False] * n
    for end, w in M._known_automaton(known).iter(_SEP.join(texts)):
        out[bisect_right(starts, end) - 1] = True
    return out


def homes_named(texts: list[str], home_names: tuple) -> list[bool]:
    """``home_named`` of each sentence text, from one scan of them joined (the home words hold no
    separator, and their pattern no look-around: a match lies inside one sentence)."""
    n = len(texts)
    if not home_names or not n:
        return [False] * n
    starts = _starts(texts)
    out = [False] * n
    joined = _SEP.join(texts)
    search = _home_re(home_names).search
    m = search(joined)
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out[k] = True
        if k + 1 == n:
            break
        m = search(joined, starts[k + 1])
    return out
