"""The genre's lexicons, read once from the data tables in ``kg/data``.

Rules live in the tables (titles and the body they imply, organ and place suffixes, a
gazetteer of provinces and cities, surnames); the extractor code only says how to use them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("kg") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    surnames1: frozenset[str]
    surnames2: frozenset[str]
    titles: dict[str, str]              # title -> implied body ("" if none)
    org_suffixes: dict[str, str]        # suffix -> subtype
    place_suffixes: dict[str, tuple[str, int]]  # suffix -> (subtype, level)
    place_core: dict[str, int]          # suffix -> the shortest name that may stand before it
    gazetteer: dict[str, str]           # name -> subtype
    abbreviations: dict[str, str]       # one-character abbreviation -> full name
    bodies: dict[str, str]              # organs named without a known suffix -> subtype
    home_organs: tuple                  # (organ written with no level word, what follows the home's name)
    short_forms: tuple                  # (a body's short ending, its full ending): 人社局, 人力资源和社会保障局

    def is_surname_start(self, s: str) -> bool:
        return s[:2] in self.surnames2 or s[:1] in self.surnames1


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    words = " ".join(" ".join(r) for r in _rows("surnames.txt")).split()
    titles = {r[0]: ("" if r[1].strip() == "-" else r[1].strip()) for r in _rows("titles.tsv")}
    orgs = {r[0]: r[1].strip() for r in _rows("org_suffixes.tsv")}
    place_rows = _rows("place_suffixes.tsv")
    places = {r[0]: (r[1], int(r[2])) for r in place_rows}
    core = {r[0]: int(r[3]) if len(r) > 3 and r[3].strip() else (2 if len(r[0]) == 1 else 1) for r in place_rows}
    gaz, abbr = {}, {}
    for r in _rows("gazetteer.tsv"):
        gaz[r[0]] = r[1].strip()
        for a in (r[2].split(",") if len(r) > 2 else []):
            if a.strip():
                abbr.setdefault(a.strip(), r[0])
    bodies = {r[0]: r[1].strip() for r in _rows("bodies.tsv")}
    organs = tuple(sorted(((r[0], r[1].strip()) for r in _rows("home_organs.tsv")), key=lambda r: -len(r[0])))
    shorts = tuple((r[0], r[1].strip()) for r in _rows("body_short_forms.tsv"))
    return Lexicon(frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2),
                   titles, orgs, places, core, gaz, abbr, bodies, organs, shorts)


@lru_cache(maxsize=None)
def byline_words() -> dict[str, tuple[str, bool]]:
    """The byline vocabulary (``bylines.tsv``): word -> (kind, whether a name may follow it
    with nothing between)."""
    return {r[0]: (r[1].strip(), len(r) > 2 and r[2].strip() == "y") for r in _rows("bylines.tsv")}


@dataclass(frozen=True)
class Cues:
    """The cue words of the relation rules (kg/data/cues.tsv), one tuple per group, in the
    table's order: where a rule tries words in turn (the first that ends the text before an
    event, an alternation with longer words first), the table's order is the rule's."""
    visit: tuple[str, ...]
    travel: tuple[str, ...]
    tour_cue: tuple[str, ...]
    tour_trigger: tuple[str, ...]
    bare_travel: tuple[str, ...]
    travel_after_char: tuple[str, ...]
    travel_lead: tuple[str, ...]
    leading: tuple[str, ...]
    party_join: tuple[str, ...]
    escort: tuple[str, ...]
    organize: tuple[str, ...]
    main_lead: tuple[str, ...]
    event_then: tuple[str, ...]
    host: tuple[str, ...]
    held: tuple[str, ...]
    chair_named: tuple[str, ...]
    chair: tuple[str, ...]
    attend: tuple[str, ...]
    join: tuple[str, ...]
    attend_object: tuple[str, ...]
    tour_join: tuple[str, ...]
    this_event: tuple[str, ...]
    event_word: tuple[str, ...]
    venue_set: tuple[str, ...]
    venue_site: tuple[str, ...]
    convene_after: tuple[str, ...]
    studied: tuple[str, ...]
    spoken_at: tuple[str, ...]
    inspect_done: tuple[str, ...]
    speak: tuple[str, ...]
    speaker_title: tuple[str, ...]
    study: tuple[str, ...]
    review: tuple[str, ...]
    head: tuple[str, ...]
    settle: tuple[str, ...]
    locate: tuple[str, ...]
    built_at: tuple[str, ...]
    conj: tuple[str, ...]
    near: tuple[str, ...]
    facing: tuple[str, ...]
    home_body: tuple[str, ...]
    not_district: tuple[str, ...]
    party_title: tuple[str, ...]
    party_end: tuple[str, ...]
    party_written_end: tuple[str, ...]
    enterprise_end: tuple[str, ...]
    area_end: tuple[str, ...]
    stop_end: tuple[str, ...]
    secretary: tuple[str, ...]
    group: tuple[str, ...]
    party_name: tuple[str, ...]
    anaphor: tuple[str, ...]
    team_lead: tuple[str, ...]
    team_end: tuple[str, ...]

    def alternation(self, *groups: str) -> str:
        """The words of the groups as a regex alternation, in table order (escaped)."""
        return "|".join(re.escape(w) for g in groups for w in getattr(self, g))


@lru_cache(maxsize=None)
def cues(name: str = "cues.tsv") -> Cues:
    groups: dict[str, list[str]] = {}
    for r in _rows(name):
        if len(r) < 2 or not r[1].strip():
            raise ValueError(f"kg/data/{name}: a row needs a group and a word: {r!r}")
        groups.setdefault(r[0].strip(), []).append(r[1].strip())
    wanted = {f.name for f in fields(Cues)}
    if set(groups) != wanted:
        problems = [f"unknown group {g!r}" for g in sorted(set(groups) - wanted)] + \
            [f"missing group {g!r}" for g in sorted(wanted - set(groups))]
        raise ValueError(f"kg/data/{name}: " + ", ".join(problems))
    return Cues(**{g: tuple(ws) for g, ws in groups.items()})


@lru_cache(maxsize=None)
def trade_words() -> frozenset:
    """Words an enterprise's short name ends with after its brand (kg/data/trades.txt)."""
    return frozenset(" ".join(" ".join(r) for r in _rows("trades.txt")).split())


@lru_cache(maxsize=None)
def list_heads() -> tuple:
    """What the word after 等 says a list's items are (kg/data/list_heads.tsv):
    ((word, (type, subtype)), ...), longest word first."""
    heads = [(r[0], (r[1].strip(), r[2].strip() if len(r) > 2 else "")) for r in _rows("list_heads.tsv")]
    return tuple(sorted(heads, key=lambda h: -len(h[0])))
