"""Who a person is across pages: the key a Person's IRI is made of.

Extraction sees one page at a time, and pages of different districts are merged by plain union
of their triples, so a person's key must be decided from the page alone, the same way on every
page. The rule (docs/IDENTITY.md):

- a name is one person within the area that names them: the page's home district, or the city,
  province or nation of the highest body the page ties them to (a post of 荆州市委 makes them a
  person of 荆州市 on every page of every district of that city; 总书记 makes them one person
  everywhere);
- the key is the name, followed by ``#`` and that area unless the area is the nation or the page
  has no home (``万玲玲#荆州区``, ``习近平``); the label stays the name.

So one person across the pages of one district is one node, two people of one name in two
districts are two nodes, and a city's or the nation's officials are one node across them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.model import EntityRef
from kg.text.lexicon import lexicon

SEP = "#"      # between a person's name and the area that scopes it (the annotation contract's form)


def scope_persons(out, ctx) -> None:
    """Re-key the page's persons by the area that scopes them (see the module docstring)."""
    if not ctx.district:
        return                               # no home: a name is all we know
    national = _national_bodies()
    ties: dict = {}                          # person key -> the bodies and posts tying them
    for f in out.facts:
        if f.s.type == "Person" and f.p in ("memberOf", "holdsPost"):
            ties.setdefault(f.s.key, []).append((f.p, f.o.key))
    renames = {}
    for (type_, key), e in list(out.entities.items()):
        if type_ == "Person" and SEP not in key:
            area = _area(ties.get(key, ()), ctx, national)
            renames[key] = key + SEP + area if area else key
    moved = {}
    for name, key in renames.items():
        if key != name:
            e = out.entities.pop(("Person", name))
            e.key, e.ref = key, EntityRef("Person", key)
            out.entities[("Person", key)] = e
            moved[EntityRef("Person", name)] = e.ref
    if moved:        # one pass over the facts, not one per person
        get = moved.get
        out.facts = [f if f.s not in moved and f.o not in moved else
                     f._replace(s=get(f.s, f.s), o=get(f.o, f.o)) for f in out.facts]
    out.person_keys = renames


_AREA_HEAD = re.compile(r"^(.{2,8}?(?:自治县|自治旗|区|县|市|旗))")


def _area(ties, ctx, national) -> str:
    """The widest area the page ties a person to: "" for the nation, else its name."""
    rank, area = 0, ctx.district       # 0 the home, 1 another district, 2 the city, 3 the province
    for p, key in ties:
        if (p == "memberOf" and key in national) or (p == "holdsPost" and key in _NATIONAL_TITLES):
            return ""
        if p != "memberOf":
            continue
        for lead in ("共青团", "团"):     # 团桐源县委: the county's (团风县委 is 团风县's own)
            if key.startswith(lead) and key[len(lead):].startswith((ctx.district, ctx.city, ctx.province)):
                key = key[len(lead):]
                break
        if ctx.province != ctx.city and key.startswith(ctx.province):
            if rank < 3:
                rank, area = 3, ctx.province
        elif key.startswith(ctx.city) and not key.startswith(ctx.district):
            if rank < 2:
                rank, area = 2, ctx.city
        elif not key.startswith(ctx.district) and not (ctx.zone and key.startswith(ctx.zone)):
            m = _AREA_HEAD.match(key)      # 江岸区委书记: a person of 江岸区
            if m and rank < 1:
                rank, area = 1, m.group(1)
    return area


_NATIONAL_TITLES = ("总书记", "国家主席", "国务院总理")


@lru_cache(maxsize=1)
def _national_bodies() -> frozenset:
    """The national organs of the body table (kg/data/bodies.tsv): 党中央, 国务院, 全国人大 …"""
    # (大会主席团 is named whole too, but it is the page's own session's presidium: its members are local)
    return frozenset(b for b in lexicon().bodies if not b.startswith("大会"))
