"""Synthetic pages in the genre of the district paper, for measuring scale at any size.

Everything is drawn from the project's own lexicons and templates (``kg/data/synth_*``):
invented people, towns, villages, companies, meetings, projects and documents; the text of
the real pages is never used. A page is K articles (meetings with chairs and attendee lists,
inspections with lists of stops, village enterprises, documents reviewed, activities, photo
captions) rendered with the noise of PDF extraction: lines broken every 14-20 characters,
spaces inside names, doubled bold headlines, headlines detached from their articles.

The mix is calibrated so a kilobyte costs a build what a kilobyte of the paper's pages costs
(measured on the three pages of ../shared, 56 KB, against 1.6 MB of seed 1): 61 articles per
100 KB (real 59), 5.0 entities per KB (5.0), 6.9 facts per KB (6.1), 48 characters per sentence
(60), and 10.5 M build instructions per KB under cachegrind (9.8 M): speeches are long and seldom
name their speaker, as on the paper's pages, where most of the text is what was said.

Generation is a pure function of (n, seed, per_page, noise): one ``random.Random(seed)``
drives every choice, so the same arguments give byte-identical pages. Optionally the facts
planted in each page are written as JSON lines in the shape of a gold file
(``../shared/spec/ANNOTATION.md``), so extraction recall on synthetic text can be checked.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from kg.atomic import named
from kg.errors import KgError

DISTRICT = "荆州区"
ZONE = "荆州高新区"
# Pages written by `kg synth` are named like the paper's: NNNNNN_<16 hex>.txt
PAGE_NAME = re.compile(r"^\d{6}_[0-9a-f]{16}\.txt$")


# ---------------------------------------------------------------- lexicons and templates

def _data_text(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def parse_sections(text: str) -> dict[str, tuple[str, ...]]:
    """``[name]`` headers, then items one per line; '#' lines are comments.

    Sections of single characters or short words may hold several items per line, separated by
    spaces, unless an item itself holds a space: lines with a ``{slot}`` are always one item.
    """
    out: dict[str, list[str]] = {}
    cur = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = out.setdefault(m.group(1), [])
            continue
        if cur is None:
            raise ValueError(f"item before any [section]: {line!r}")
        if "{" in line or "，" in line or "。" in line:
            cur.append(line)
        else:
            cur.extend(line.split())
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class PostRow:
    section: str
    title: str
    body: str  # memberOf target id, "" when none
    subclass: str


@dataclass(frozen=True)
class Lexicon:
    words: dict  # section -> tuple of items (names, places, templates merged)
    rows: tuple  # PostRow, from synth_orgs.tsv

    def rows_of(self, section: str) -> tuple:
        return tuple(r for r in self.rows if r.section == section)

    def __getitem__(self, section: str) -> tuple:
        return self.words[section]


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    words: dict[str, tuple[str, ...]] = {}
    for name in ("synth_names.txt", "synth_places.txt", "synth_templates.txt"):
        words.update(parse_sections(_data_text(name)))
    rows = []
    for line in _data_text("synth_orgs.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sec, title, body, sub = line.split("\t")
        rows.append(PostRow(sec, title, "" if body == "-" else body, "" if sub == "-" else sub))
    return Lexicon(words, tuple(rows))


# ---------------------------------------------------------------- noise profiles

@dataclass(frozen=True)
class Noise:
    """How much PDF-extraction damage a page gets; probabilities are per page or per item."""
    column_p: float        # page set in narrow columns (lines of 14-20 chars) instead of wide lines
    wide_break_p: float    # in wide layout: a paragraph split by a stray blank line
    blank_p: float         # in columns: a blank line inside a paragraph
    space_name_p: float    # an article prints one name with spaces between its characters
    double_p: float        # a headline printed in doubled bold
    detach_p: float        # a headline printed above the previous article
    glue_p: float          # a headline glued to the end of the previous paragraph
    ascii_p: float         # a page uses ASCII , ( ) : ; instead of full-width punctuation
    label_p: float         # a column label ("工作动态") between articles
    indent_p: float        # a line starting with a stray space


NOISE = {
    "none": Noise(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "light": Noise(0.3, 0.1, 0.01, 0.05, 0.02, 0.02, 0.01, 0.3, 0.05, 0.02),
    "normal": Noise(0.7, 0.3, 0.04, 0.15, 0.06, 0.06, 0.04, 0.3, 0.1, 0.05),
    "heavy": Noise(1.0, 0.5, 0.08, 0.4, 0.2, 0.15, 0.1, 0.5, 0.2, 0.1),
}

_ASCII = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})
_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..999 in Chinese numerals, as meeting names print them (第十二次)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = _CN_DIGITS[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _CN_DIGITS[rest]
    return head + (("一" + cn_number(rest)) if rest < 20 else cn_number(rest))


def double_bold(s: str) -> str:
    """Bold text as PDF extraction prints it: each character (or digit run) twice."""
    units = re.findall(r"\d+|\s|\S", s)
    if any(u.isdigit() for u in units):
        return " ".join(u * 2 for u in units if not u.isspace())
    return "".join(u * 2 for u in units)


# ---------------------------------------------------------------- the invented district

@dataclass
class Official:
    name: str
    posts: tuple  # PostRow, in the order of the printed title chain


@dataclass
class World:
    """The fixed cast of one seed: officials, reporters, places, companies."""
    officials: list
    reporters: list
    towns: list
    villages: dict        # village -> town
    town_villages: dict   # town -> [villages]
    companies: dict       # company -> village
    year: int
    counters: dict = field(default_factory=dict)  # committee -> meetings held so far


def make_name(rng: random.Random, lex: Lexicon) -> str:
    given = lex["given"]
    n = 1 if rng.random() < 0.3 else 2
    return rng.choice(lex["surnames"]) + "".join(rng.choice(given) for _ in range(n))


def make_world(seed: int) -> World:
    lex = lexicon()
    rng = random.Random(f"world:{seed}")
    used: set[str] = set()

    def fresh_name():
        while True:
            nm = make_name(rng, lex)
            if nm not in used and len(nm) >= 2:
                used.add(nm)
                return nm

    post = {r.title: r for r in lex.rows_of("post")}
    chains = [("区委书记", "荆州高新区党工委书记"), ("区委副书记", "区长"), ("区委副书记",),
              ("区委常委", "常务副区长"), ("区委常委", "区委组织部部长"), ("区委常委", "区委宣传部部长"),
              ("区委常委", "区委政法委书记"), ("区委常委", "区纪委书记"), ("副区长",), ("副区长",),
              ("副区长",), ("区人大常委会主任",), ("区人大常委会副主任",), ("区人大常委会副主任",),
              ("区政协主席",), ("区政协副主席",), ("区政协副主席",), ("荆州高新区党工委副书记",),
              ("荆州高新区管委会副主任",), ("荆州高新区管委会副主任",)]
    officials = [Official(fresh_name(), tuple(post[t] for t in c)) for c in chains]
    towns = list(lex["towns"])
    for town in towns:
        for r in lex.rows_of("town"):
            row = PostRow("town", r.title.format(town=town), r.body.format(town=town), r.subclass)
            officials.append(Official(fresh_name(), (row,)))
    for r in lex.rows_of("bureau"):
        officials.append(Official(fresh_name(), (PostRow("bureau", r.title + "局长", r.body, r.subclass),)))
    reporters = [fresh_name() for _ in range(80)]

    stems = list(lex["village_stems"])
    rng.shuffle(stems)
    per_town = max(1, len(stems) // len(towns))
    villages, town_villages = {}, {}
    for i, town in enumerate(towns):
        vs = [s + "村" for s in stems[i * per_town:(i + 1) * per_town]]
        town_villages[town] = vs
        for v in vs:
            villages[v] = town
    for i, sub in enumerate(lex["subdistricts"]):
        cs = [s + "社区" for s in lex["community_stems"][i::len(lex["subdistricts"])]]
        town_villages[sub] = cs
        for c in cs:
            villages[c] = sub
    companies = {}
    vlist = sorted(villages)
    cstems = [r.title for r in lex.rows_of("company_stem")]
    inds = [r.title for r in lex.rows_of("industry")]
    combos = [(s, i) for s in cstems for i in inds]
    rng.shuffle(combos)
    for s, ind in combos[:160]:
        prefix = rng.choice(("湖北", "荆州", "荆州市"))
        companies[f"{prefix}{s}{ind}有限公司"] = rng.choice(vlist)
    return World(officials, reporters, towns + list(lex["subdistricts"]), villages, town_villages,
                 companies, 2021 + seed % 5)


# ---------------------------------------------------------------- facts planted in a page

class Facts:
    """Entities and relations of one page, in the shape of a gold file."""

    def __init__(self):
        self.entities: dict[str, dict] = {}
        self.relations: list[dict] = []
        self._seen: set = set()

    def ent(self, eid: str, etype: str, subtype: str | None = None, alias: str | None = None) -> str:
        e = self.entities.get(eid)
        if e is None:
            e = {"id": eid, "type": etype, "aliases": [eid]}
            if subtype:
                e["subtype"] = subtype
            self.entities[eid] = e
        if alias and alias not in e["aliases"]:
            e["aliases"].append(alias)
        return eid

    def rel(self, s: str, p: str, o: str, evidence: str) -> None:
        key = (s, p, o)
        if key not in self._seen:
            self._seen.add(key)
            self.relations.append({"s": s, "p": p, "o": o, "evidence": evidence})


def _expand(title: str) -> str:
    """District context: a title or body printed as 区… is 荆州区…'s."""
    return DISTRICT + title[1:] if title.startswith("区") else title


@dataclass
class Article:
    kind: str                  # news | photo
    headline: list             # headline lines (clean), [] when none
    byline: str                # "" when none; printed before the body or on its own line
    byline_own_line: bool
    paragraphs: list           # clean body paragraphs
    credit: str                # photo credit "（X 摄）", "" when none
    reporters: list
    photographers: list
    date: str | None           # --MM-DD
    names: list                # surface names that noise may print with spaces


# ---------------------------------------------------------------- article writers

class Writer:
    """Writes articles of one kind each, recording what they state in ``facts``."""

    def __init__(self, rng: random.Random, world: World, lex: Lexicon):
        self.rng, self.world, self.lex = rng, world, lex
        self.facts = Facts()
        self.month, self.day = 1, 1
        self.meeting_officials = world.officials[:20]

    # -- small helpers
    def pick(self, section: str) -> str:
        return self.rng.choice(self.lex[section])

    def fill(self, section: str, **slots) -> str:
        return self.pick(section).format_map(slots)

    def filler(self, k: int) -> dict:
        # distinct clauses: a sentence does not say the same thing twice
        return {f"f{i + 1}": f for i, f in enumerate(self.rng.sample(self.lex["filler"], k))}

    def date(self) -> tuple[str, str | None]:
        if self.rng.random() < 0.3:
            return "近日", None
        d = max(1, self.day - self.rng.randint(0, 3))
        return f"{self.month}月{d}日", f"--{self.month:02d}-{d:02d}"

    def byline(self) -> tuple[str, list, bool]:
        r1, r2 = self.rng.sample(self.world.reporters, 2)
        t = self.pick("byline")
        names = [r1, r2] if "{r2}" in t else [r1]
        return t.format(r1=r1, r2=r2), names, t.startswith("□")

    def person(self, name: str, subtype: str = "Other") -> str:
        return self.facts.ent(name, "Person", subtype)

    def official(self, o: Official, evidence_holder: list, full: bool = True) -> str:
        """Text for an official: the title chain and name (first mention) or the name alone."""
        self.person(o.name, "Official")
        if not full:
            return o.name
        titles = []
        for i, row in enumerate(o.posts):
            shown = row.title
            if i == 0 and shown.startswith("区") and self.rng.random() < 0.5:
                shown = DISTRICT + shown[1:]
            titles.append(shown)
            pid = self.facts.ent(_expand(row.title), "Post", alias=shown)
            evidence_holder.append((o.name, "holdsPost", pid))
            if row.body:
                bid = self.facts.ent(row.body, "Organization", row.subclass or None,
                                     alias=row.body.replace(DISTRICT, "区", 1) if row.body.startswith(DISTRICT) else None)
                evidence_holder.append((o.name, "memberOf", bid))
        return "、".join(titles) + o.name

    def place_chain(self, village: str, rels: list) -> str:
        """"{town}{village}", planting the village in its town."""
        town = self.world.villages[village]
        self.facts.ent(town, "Place", "Subdistrict" if town.endswith("街道") else "Town")
        self.facts.ent(village, "Place", "Community" if village.endswith("社区") else "Village")
        rels.append((village, "locatedIn", town))
        return town + village

    def commit(self, sentence: str, rels: list) -> str:
        for s, p, o in rels:
            self.facts.rel(s, p, o, sentence)
        rels.clear()
        return sentence

    def speech(self, speakers: list, n: int, meeting: bool = True) -> list:
        """Paragraphs of what was said: the bulk of the genre, and of the text to segment. A
        paragraph may open on its speaker's name; the sentences after it seldom name anyone."""
        named = [t for t in self.lex["speech"] if "{speaker}" in t]
        unnamed = [t for t in self.lex["speech"] if "{speaker}" not in t and (meeting or not t.startswith("会"))]
        paras = []
        for _ in range(n):
            k = self.rng.randint(2, 3)
            sents = [self.rng.choice(named if (i == 0 and (not meeting or self.rng.random() < 0.5))
                                     or self.rng.random() < 0.1 else unnamed)
                     .format(speaker=self.rng.choice(speakers), **self.filler(5))
                     for i in range(k)]
            paras.append("".join(sents))
        return paras

    def document(self) -> str:
        topic = self.pick("topic")
        name = self.pick("document_kind").format(topic=topic, year=self.world.year)
        return self.facts.ent(name, "Document")

    def project(self, village: str) -> str:
        stem = village[:-1] if village.endswith("村") else village[:-2]
        prod = self.rng.choice(self.lex.rows_of("product")).title
        name = self.pick("project_kind").format(stem=stem, product=prod)
        return self.facts.ent(name, "Project")

    def shorten(self, text: str, organizer: str, meeting: str) -> str:
        """"荆州区召开荆州区X会" is printed "荆州区召开X会"; the short name is an alias of the meeting."""
        if meeting.startswith(organizer) and organizer + "召开" + meeting in text:
            short = meeting[len(organizer):]
            self.facts.ent(meeting, "Event", "Meeting", alias=short)
            return text.replace(organizer + "召开" + meeting, organizer + "召开" + short)
        return text

    # -- article kinds
    def meeting(self) -> Article:
        rng, w = self.rng, self.world
        rels: list = []
        date, iso = self.date()
        chair_o = rng.choice(self.meeting_officials[:4])
        style = rng.random()
        if style < 0.6:
            topic = self.pick("topic")
            meeting = self.pick("meeting_kind").format(topic=topic)
            if meeting.startswith("两区"):
                organizer, orgs = "荆州区、荆州高新区", [DISTRICT, ZONE]
            else:
                organizer, orgs = DISTRICT, [DISTRICT]
            templates = self.lex["meeting_open"]
        else:
            committees = self.lex.rows_of("committee")
            if rng.random() < 0.3:
                body, bsub = "荆州区政府", "GovernmentBody"
                n = w.counters["gov"] = w.counters.get("gov", 0) + 1
                meeting = f"荆州区政府第{cn_number(n % 999 + 1)}次常务会议"
            else:
                c = rng.choice(committees)
                body, bsub = c.body, c.subclass
                n = w.counters[c.title] = w.counters.get(c.title, 0) + 1
                meeting = f"{body}第{cn_number(n % 999 + 1)}次会议"
            organizer, orgs = body, [body]
            self.facts.ent(body, "Organization", bsub)
            templates = [t for t in self.lex["meeting_open"] if "{organizer}" not in t]
        ev = self.facts.ent(meeting, "Event", "Meeting")
        for o in orgs:
            if o in (DISTRICT, ZONE):
                self.facts.ent(o, "Place", "District" if o == DISTRICT else "Park")
            rels.append((ev, "organizedBy", o))
        chair = self.official(chair_o, rels)
        rels += [(chair_o.name, "chaired", ev), (chair_o.name, "attended", ev)]
        t = rng.choice(templates)
        venue = ""
        if "{venue}" in t:
            if rng.random() < 0.6:
                village = rng.choice(list(w.villages))
                venue = self.place_chain(village, rels)
                rels.append((ev, "heldAt", village))
            else:
                venue = "区委党校"
                rels.append((ev, "heldAt", self.facts.ent("荆州区委党校", "Organization", "School", alias="区委党校")))
        first = self.commit(self.shorten(t.format(date=date, organizer=organizer, meeting=meeting, chair=chair,
                                                  purpose=self.pick("purpose"), venue=venue), organizer, meeting),
                            rels)
        paras = [first]
        if rng.random() < 0.4:
            docs = [self.document() for _ in range(rng.randint(1, 3))]
            for d in docs:
                rels.append((ev, "reviewed", d))
            paras.append(self.commit(self.fill("meeting_review", docs="".join(f"《{d}》" for d in docs)), rels))
        paras += self.speech([chair_o.name], rng.randint(2, 5))
        others = [o for o in rng.sample(w.officials[:20], rng.randint(2, 5)) if o is not chair_o]
        full = rng.random() < 0.4
        names = [self.official(o, rels, full=full) for o in others]
        for o in others:
            rels.append((o.name, "attended", ev))
        # a list of title chains reads "…参加会议" without a group word before it
        attend = self.lex["meeting_attend"][1] if full else self.pick("meeting_attend")
        paras.append(self.commit(attend.format(attendees="、".join(names)), rels))
        heads = self.lex["meeting_headline"] if organizer != meeting[:len(organizer)] or organizer == DISTRICT \
            else [h for h in self.lex["meeting_headline"] if "{organizer}" not in h]
        head = [self.shorten(rng.choice(heads).format(organizer=organizer, meeting=meeting, chair=chair_o.name),
                             organizer, meeting)]
        if rng.random() < 0.3:
            head.append(self.pick("filler"))
        by, reps, own = self.byline()
        for r in reps:
            self.person(r, "Reporter")
        return Article("news", head, by, own, paras, "", reps, [], iso,
                       [chair_o.name] + [o.name for o in others])

    def inspection(self) -> Article:
        rng, w = self.rng, self.world
        rels: list = []
        date, iso = self.date()
        leader = rng.choice(self.meeting_officials[:8])
        party = [o for o in rng.sample(w.officials[:20], rng.randint(1, 2)) if o is not leader]
        town = rng.choice(w.towns)
        topic = self.pick("topic")
        self.facts.ent(town, "Place", "Subdistrict" if town.endswith("街道") else "Town")
        t = self.pick("inspect_open")
        if "{party}" not in t:
            party = []
        members = [leader] + party
        lead_txt = self.official(leader, rels)
        party_txt = "、".join(self.official(o, rels) for o in party)
        for m in members:
            rels.append((m.name, "inspected", town))
        paras = [self.commit(t.format(date=date, leader=lead_txt, town=town, topic=topic, party=party_txt), rels)]
        vs = w.town_villages[town]
        stops, stop_ids = [], []
        for v in rng.sample(vs, min(len(vs), rng.randint(1, 3))):
            r = rng.random()
            self.facts.ent(v, "Place", "Community" if v.endswith("社区") else "Village")
            rels.append((v, "locatedIn", town))
            if r < 0.4:
                stops.append(v)
                stop_ids.append(v)
            elif r < 0.7:
                p = self.project(v)
                rels.append((p, "locatedIn", v))
                stops.append(v + p)
                stop_ids.append(p)
            else:
                cos = [c for c, cv in w.companies.items() if cv == v]
                if cos:
                    c = cos[0]
                    self.facts.ent(c, "Organization", "Enterprise")
                    rels.append((c, "locatedIn", v))
                    stops.append(v + c)
                    stop_ids.append(c)
                else:
                    stops.append(v)
                    stop_ids.append(v)
        for m in members:
            for s in stop_ids:
                rels.append((m.name, "inspected", s))
        paras.append(self.commit(self.fill("inspect_stops", leader=leader.name, stops="、".join(stops),
                                           look=self.pick("look")), rels))
        hosts = [o for o in w.officials if o.posts[0].section == "town" and o.posts[0].body.startswith(town)]
        if hosts and rng.random() < 0.6:
            paras.append(self.commit(self.fill("inspect_host", host=self.official(hosts[0], rels)), rels))
        paras += self.speech([leader.name], rng.randint(1, 3), meeting=False)
        head = [self.fill("inspect_headline", leader=leader.name, town=town, topic=topic)]
        by, reps, own = self.byline()
        for r in reps:
            self.person(r, "Reporter")
        return Article("news", head, by, own, paras, "", reps, [], iso, [leader.name, town])

    def enterprise(self) -> Article:
        rng, w = self.rng, self.world
        rels: list = []
        date, iso = self.date()
        company = rng.choice(list(w.companies))
        village = w.companies[company]
        town = w.villages[village]
        prod = rng.choice(self.lex.rows_of("product")).title
        t = self.pick("enterprise_open")
        self.place_chain(village, rels)
        project = ""
        if "{project}" in t:
            project = self.project(village)
            rels.append((project, "locatedIn", village))
        else:
            self.facts.ent(company, "Organization", "Enterprise")
            rels.append((company, "locatedIn", village))
        paras = [self.commit(t.format(date=date, town=town, village=village, company=company,
                                      product=prod, project=project), rels)]
        body = []
        for tb in rng.sample(self.lex["enterprise_body"], rng.randint(2, 4)):
            if "{company}" in tb:
                self.facts.ent(company, "Organization", "Enterprise")
            if "{boss}" in tb:
                boss = make_name(rng, self.lex)
                self.person(boss)
                rels.append((boss, "memberOf", company))
            else:
                boss = ""
            resident = ""
            if "{resident}" in tb:
                resident = make_name(rng, self.lex)
                self.person(resident)
            if "{project}" in tb and not project:
                project = self.project(village)
                rels.append((project, "locatedIn", village))
            body.append(self.commit(tb.format(company=company, boss=boss, resident=resident,
                                              quote=self.pick("quote"), project=project,
                                              money=rng.randint(5, 300) * 100, money2=rng.randint(10, 900) * 100,
                                              village=village, count=rng.randint(2, 9) * 10,
                                              **self.filler(2)), rels))
        paras.append("".join(body[:2]))
        if body[2:]:
            paras.append("".join(body[2:]))
        paras += self.speech([village], rng.randint(1, 3), meeting=False)
        head = [self.fill("enterprise_headline", town=town, village=village, product=prod)]
        by, reps, own = self.byline()
        for r in reps:
            self.person(r, "Reporter")
        return Article("news", head, by, own, paras, "", reps, [], iso, [village, town])

    def activity(self) -> Article:
        rng, w = self.rng, self.world
        rels: list = []
        date, iso = self.date()
        topic = self.pick("topic")
        act = f"{w.year}年{DISTRICT}" + self.pick("activity_kind").format(topic=topic)
        ev = self.facts.ent(act, "Event", "Activity")
        bureau = rng.choice(self.lex.rows_of("bureau"))
        org = self.facts.ent(bureau.body, "Organization", bureau.subclass, alias=bureau.title)
        rels.append((ev, "organizedBy", org))
        village = rng.choice(list(w.villages))
        venue = self.place_chain(village, rels)
        rels.append((ev, "heldAt", village))
        off = rng.choice(w.officials[8:20])
        off_txt = self.official(off, rels)
        rels.append((off.name, "attended", ev))
        paras = [self.commit(self.fill("activity_open", date=date, organizer=bureau.title, venue=venue,
                                       activity=act, official=off_txt), rels)]
        paras.append(self.fill("activity_body", count=rng.randint(2, 30) * 10, **self.filler(2)))
        paras += self.speech([off.name], rng.randint(1, 2), meeting=False)
        head = [act] if rng.random() < 0.5 else [f"{bureau.title}举办{act}"]
        by, reps, own = self.byline()
        for r in reps:
            self.person(r, "Reporter")
        return Article("news", head, by, own, paras, "", reps, [], iso, [off.name, village])

    def photo(self) -> Article:
        rng, w = self.rng, self.world
        rels: list = []
        date, iso = self.date()
        village = rng.choice(list(w.villages))
        place = self.place_chain(village, rels)
        cap = self.commit(self.fill("photo_caption", date=date, place=place), rels)
        r1, r2 = rng.sample(w.reporters, 2)
        credit = self.pick("photo_credit")
        phs = [r1, r2] if "{r2}" in credit else [r1]
        for p in phs:
            self.person(p, "Reporter")
        head = []
        if rng.random() < 0.6:
            head = [self.fill("photo_headline", short=self.pick("photo_short"), short2=self.pick("photo_short"))]
        return Article("photo", head, "", False, [cap], credit.format(r1=r1, r2=r2), [], phs, iso, [village])

    KINDS = (("meeting", 0.4), ("inspection", 0.25), ("enterprise", 0.15), ("activity", 0.1), ("photo", 0.1))

    def article(self) -> Article:
        r = self.rng.random()
        for kind, p in self.KINDS:
            if r < p:
                return getattr(self, kind)()
            r -= p
        return self.photo()


# ---------------------------------------------------------------- page rendering (the noise)

_NO_LINE_START = frozenset("，。、；：）”！？")


def _break_lines(para: str, widths: list, pos: list, noise: Noise, rng: random.Random, out: list) -> None:
    i, n = 0, len(para)
    while i < n:
        w = widths[pos[0] % len(widths)]
        pos[0] += 1
        if i + w < n and para[i + w] in _NO_LINE_START:  # typesetting keeps punctuation off a line start
            w += 1
        out.append(para[i:i + w])
        i += w
        if i < n and rng.random() < noise.blank_p:
            out.append("")


def render_page(articles: list, rng: random.Random, noise: Noise, lex: Lexicon) -> tuple[str, bool]:
    """The page text of a list of articles, with the page's noise; also whether it uses ASCII punctuation."""
    column = rng.random() < noise.column_p
    ascii_punct = rng.random() < noise.ascii_p
    base = rng.randint(14, 20)
    widths = [max(8, base + rng.randint(-2, 1)) for _ in range(61)]
    pos = [0]
    blocks: list[list[str]] = []  # one block of lines per article
    heads: list[list[str]] = []
    for a in articles:
        names = [nm for nm in a.names if len(nm) >= 2]
        paras = list(a.paragraphs)
        if names and rng.random() < noise.space_name_p:
            nm = rng.choice(names)
            for k, p in enumerate(paras):
                if nm in p:
                    paras[k] = p.replace(nm, " ".join(nm), 1)
                    break
        if a.byline and not a.byline_own_line:
            paras[0] = a.byline + paras[0]
        if a.credit:
            if rng.random() < 0.5:
                paras[-1] = paras[-1] + a.credit
            else:
                paras.append(a.credit)
        lines: list[str] = []
        if a.byline and a.byline_own_line:
            lines.append(a.byline)
        for p in paras:
            if column:
                _break_lines(p, widths, pos, noise, rng, lines)
                lines.append("")
            elif len(p) > 40 and rng.random() < noise.wide_break_p:
                cut = rng.randint(20, len(p) - 10)
                lines += [p[:cut], "", p[cut:], ""]
            else:
                lines += [p, ""]
        head = list(a.headline)
        if head and rng.random() < noise.double_p:
            head[0] = double_bold(head[0]) if rng.random() < 0.5 else head[0] + head[0]
        heads.append(head)
        blocks.append(lines)
    out: list[str] = [""]
    i = 0
    while i < len(articles):
        if i + 1 < len(articles) and heads[i + 1] and rng.random() < noise.detach_p:
            # the next article's headline lands above this one, its body stays below
            out += heads[i + 1] + [""] + heads[i] + [""] + blocks[i]
            out += blocks[i + 1]
            i += 2
            continue
        if heads[i] and i > 0 and rng.random() < noise.glue_p:
            last = len(out) - 1
            while last > 0 and out[last] == "":
                last -= 1
            out[last] = out[last] + " " + " ".join(heads[i])
            out += [""] + blocks[i]
        else:
            if rng.random() < noise.label_p:
                out += [rng.choice(lex["column"]), ""]
            lead = " " if rng.random() < noise.indent_p else ""
            out += [lead + h for h in heads[i]] + ([""] if heads[i] else []) + blocks[i]
        i += 1
    text = "\n".join(out).rstrip("\n") + "\n"
    if ascii_punct:
        text = text.translate(_ASCII)
    return text, ascii_punct


# ---------------------------------------------------------------- pages and truth

@dataclass
class Page:
    name: str
    text: str
    truth: dict


def iter_pages(n: int, seed: int = 1, per_page: int = 10, noise: str = "normal") -> Iterator[Page]:
    """The pages of ``n`` articles, ``per_page`` to a page (the last may hold fewer)."""
    if n < 0:
        raise KgError(f"article count must be >= 0, got {n}")
    if per_page < 1:
        raise KgError(f"--per-page must be >= 1, got {per_page}")
    if noise not in NOISE:
        raise KgError(f"unknown noise level {noise!r} (one of {', '.join(NOISE)})")
    lex = lexicon()
    world = make_world(seed)
    prof = NOISE[noise]
    rng = random.Random(f"pages:{seed}")
    month, day = 1, 1
    done = 0
    page_no = 0
    while done < n:
        k = min(per_page, n - done)
        day += 1
        if day > 28:
            day, month = 2, month % 12 + 1
        writer = Writer(rng, world, lex)
        writer.month, writer.day = month, day
        arts = [writer.article() for _ in range(k)]
        text, ascii_punct = render_page(arts, rng, prof, lex)
        name = f"{page_no:06d}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}.txt"
        yield Page(name, text, _truth(name, arts, writer.facts, ascii_punct))
        done += k
        page_no += 1


def _truth(name: str, arts: list, facts: Facts, ascii_punct: bool) -> dict:
    tr = (lambda s: s.translate(_ASCII)) if ascii_punct else (lambda s: s)
    articles = []
    for i, a in enumerate(arts, 1):
        body = a.paragraphs[0]
        articles.append({"n": i, "kind": a.kind, "headline": " ".join(a.headline) or None,
                         "reporters": a.reporters, "photographers": a.photographers, "date": a.date,
                         "starts_with": tr(body[:15])})
    rels = [dict(r, evidence=tr(r["evidence"])) for r in facts.relations]
    return {"source": name, "year": None, "articles": articles,
            "entities": list(facts.entities.values()), "relations": rels}


@dataclass(frozen=True)
class Summary:
    pages: int
    articles: int
    bytes: int
    seconds: float

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else float("inf")


def write_corpus(n: int, out_dir, seed: int = 1, per_page: int = 10, noise: str = "normal",
                 truth_path=None, force: bool = False) -> Summary:
    """Write the pages into ``out_dir`` (and the truth as JSON lines); all or nothing.

    Pages are written into a temporary sibling directory and moved in at the end, so an
    interrupted run leaves no half-written corpus. ``out_dir`` must be empty or absent; with
    ``force`` earlier synthetic pages in it (names NNNNNN_<hex>.txt) are replaced and other
    files are left alone.
    """
    out = Path(str(out_dir))
    if out.exists() and not out.is_dir():
        raise KgError(f"{out}: exists and is not a directory")
    if out.is_dir():
        existing = [p for p in out.iterdir()]
        if existing and not force:
            raise KgError(f"{out}: directory is not empty (use --force to replace earlier synthetic pages)")
    truth = Path(str(truth_path)) if truth_path else None
    if truth is not None:
        if truth.is_dir():
            raise KgError(f"{truth}: is a directory, not a truth file")
        if out.resolve() in truth.resolve().parents:
            raise KgError(f"{truth}: the truth file must not be inside the page directory {out}")
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.synth-", dir=parent))
    truth_tmp = None
    pages = arts = nbytes = 0
    try:
        tf = None
        if truth is not None:
            truth.parent.mkdir(parents=True, exist_ok=True)
            fd, truth_tmp = tempfile.mkstemp(prefix=f".{truth.name}.", dir=truth.parent)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(truth_tmp, 0o666 & ~umask)  # mkstemp's 0600 is not what a plain open() gives
            tf = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        try:
            for page in iter_pages(n, seed, per_page, noise):
                data = page.text.encode("utf-8")
                (tmp / page.name).write_bytes(data)
                pages += 1
                arts += len(page.truth["articles"])
                nbytes += len(data)
                if tf is not None:
                    tf.write(json.dumps(page.truth, ensure_ascii=False) + "\n")
        finally:
            if tf is not None:
                tf.close()
        out.mkdir(exist_ok=True)
        if force:
            for old in out.iterdir():
                if PAGE_NAME.match(old.name):
                    old.unlink()
        for p in sorted(tmp.iterdir()):
            os.replace(p, out / p.name)
        if truth_tmp is not None:
            os.replace(truth_tmp, truth)
            truth_tmp = None
    except OSError as e:
        raise named(e, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if truth_tmp is not None and os.path.exists(truth_tmp):
            os.unlink(truth_tmp)
    return Summary(pages, arts, nbytes, time.perf_counter() - t0)
