"""The extractor's data: what a page's pass makes (entities, facts) and what it reads (sentences
and their mentions). Plain values, so that pages can be extracted on any worker and merged."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from kg.extract import mentions as M

# ---------------------------------------------------------------- output data
# Named tuples rather than frozen dataclasses: they are made by the hundred thousand per
# megabyte of text, and a tuple is several times cheaper to build.

# A named tuple's own __new__ is a Python function (a frame per tuple); the few built once per
# sentence or fact are built with _new(Class, (fields...)) instead, which is the same tuple.
_new = tuple.__new__


class EntityRef(NamedTuple):
    type: str
    key: str


@dataclass
class Entity:
    type: str
    key: str
    subtype: str = ""
    names: set = field(default_factory=set)
    articles: set = field(default_factory=set)   # article ids
    # what add_entity returns: an entity is added again and again (a name per sentence), and a
    # named tuple costs more to build than a field costs to read
    ref: EntityRef | None = field(default=None, repr=False, compare=False)


class Fact(NamedTuple):
    s: EntityRef
    p: str
    o: EntityRef
    article: str              # article id
    sentence: str
    start: int                # offsets of the sentence in the cleaned page text (-1: headline)
    end: int


@dataclass
class PageFacts:
    entities: dict = field(default_factory=dict)   # (type, key) -> Entity
    facts: list = field(default_factory=list)
    person_keys: dict = field(default_factory=dict)  # a person's name -> their key (kg.extract.identity)

    def add_entity(self, type_, key, surface, subtype, article_id) -> EntityRef:
        e = self.entities.get((type_, key))
        if e is None:
            # the key is a name too
            e = self.entities[(type_, key)] = Entity(type_, key, subtype, {key}, ref=_new(EntityRef, (type_, key)))
        elif subtype and not e.subtype:
            e.subtype = subtype
        e.names.add(surface)
        if article_id:
            e.articles.add(article_id)
        return e.ref or EntityRef(type_, key)

    def merge(self, src: EntityRef, dst: EntityRef):
        """src and dst are one entity: src's names and articles go to dst, facts naming src name dst."""
        if src == dst or (src.type, src.key) not in self.entities:
            return
        e = self.entities.pop((src.type, src.key))
        d = self.entities[(dst.type, dst.key)]
        d.names |= e.names
        d.articles |= e.articles
        # only the facts that name src change (most do not: they are kept, not copied)
        self.facts = [f if f.s != src and f.o != src else
                      Fact(dst if f.s == src else f.s, f.p, dst if f.o == src else f.o, f.article,
                           f.sentence, f.start, f.end) for f in self.facts]


# Cleaning applies NFKC, which turns full-width ，；：（） into ASCII. The rules are written
# for the page's own punctuation, so they read a copy mapped back one character for one
# (offsets unchanged); evidence quotes the cleaned text itself.
_WIDE = ((",", "，"), (";", "；"), (":", "："), ("!", "！"), ("?", "？"), ("(", "（"), (")", "）"))


def widen(text: str) -> str:
    # str.replace per pair: a fast scan each, where translate looks every character up
    for a, b in _WIDE:
        if a in text:
            text = text.replace(a, b)
    return text


class Sentence(NamedTuple):
    text: str        # the rules' reading copy (full-width punctuation)
    start: int       # offset in the page text (-1 for a headline)
    para: int        # paragraph number within the article
    raw: str = ""    # the cleaned page text of the sentence, quoted as evidence

    @classmethod
    def of(cls, raw: str, start: int, para: int) -> "Sentence":
        return cls(widen(raw), start, para, raw)


class SentMentions(NamedTuple):
    """One per sentence, never changed once made: a named tuple builds several times faster than
    a dataclass."""
    sent: Sentence
    chains: list
    persons: list
    orgs: list
    places: list
    events: list
    projects: list
    docs: list
    inner_places: list   # named inside another name (弥市镇 in 弥市镇人大)

    def all(self):
        return sorted(self.persons + self.orgs + self.places + self.events + self.projects, key=M._start)


class NameFinds(NamedTuple):
    """What the name finders read in a sentence: chains and names."""
    chains: list
    names: list


class MainEvent(NamedTuple):
    """The event an article is about (kg.extract.page.main_event)."""
    ref: EntityRef
    subtype: str
