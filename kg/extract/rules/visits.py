"""Visits: the party of a tour (the leader, those listed with and joining them) inspected every
stop (先后到A、B、C等地; 考察了X镇Y村、Z村)."""
from __future__ import annotations

import re
from typing import NamedTuple

from kg import mentions as M
from kg.lexicon import cues

_C = cues()
_TOUR_WORDS = _C.visit + _C.travel
_VISITING = re.compile(_C.alternation("visit", "tour_cue"))
_TRIGGER_RE = re.compile(_C.alternation("tour_trigger"))
_TRAVEL_AFTER = "".join(_C.travel_after_char)
_PARTY_JOIN_END = re.compile("参加({})?[。；，]?$".format(
    "|".join(re.escape(v[2:]) for v in _C.party_join if v.startswith("参加") and len(v) > 2)))
_LIST_GAP = ("",) + _C.conj
_BESIDE = re.compile(_C.alternation("near", "facing"))
# an unnamed feature of the stop before the list goes on: 合兴村村部桥、太平桥村…
_FEATURE_GAP = re.compile(f"^(?:{_C.alternation('near')})?[\u4e00-\u9fff]{{1,6}}、$")
# 先后到A村、落户A村的B公司: a 的-phrase describing the next stop
_DESCRIBED_GAP = re.compile("^、[^，。；、]{1,14}的$")


class Tour(NamedTuple):
    party: list      # names of the visiting party, in order of mention
    stops: list      # [(mention, SentMentions)]: each stop with the sentence that names it


def inspected(doc):
    """The visiting party × every stop of the tour: inspected."""
    tour = doc.memo(tour_of)
    if tour is None or not tour.party:
        return
    for pname in tour.party:
        pref = doc.person(pname, "Official")
        for m, sm in tour.stops:
            doc.fact(pref, "inspected", doc.ref(m), sm)


def tour_held_at(doc):
    """人大代表先后前往A、B: a tour with no named party, of an article about an activity, is the
    activity held at each stop (place or body)."""
    main = doc.main
    if main is None or main.subtype != "Activity":
        return
    tour = doc.memo(tour_of)
    if tour is None or tour.party:
        return
    for m, sm in tour.stops:
        if m.type in ("Place", "Organization"):
            doc.fact(main.ref, "heldAt", doc.ref(m), sm)


# ---------------------------------------------------------------- the tour of an article

def tour_of(doc) -> Tour | None:
    """The visiting party and the stops of the article's tour; None when the article names no
    visit or travel at all. Read by several rules: made once (Doc.memo)."""
    sms = doc.sents
    text_all = "".join([sm.sent.text for sm in sms])
    if not any(v in text_all for v in _TOUR_WORDS):
        return None
    party, stops = [], []
    for sm in sms:
        s = sm.sent.text
        has_visit = sm.persons and _VISITING.search(s)
        for p in (sm.persons if has_visit else ()):
            if s.startswith(_C.leading, p.end):
                party += [q.text for q in _listed_before(sm, p)] + [p.text]
        for v in (_C.party_join if "参加" in s else ()):    # all of them say 参加
            i = s.find(v)
            if i >= 0 and (v != "参加" or _PARTY_JOIN_END.match(s, i)):
                party += [p.text for p in sm.persons if p.end <= i and not s.startswith(_C.escort, p.end)]
                break
        stops += _stops(sm)
    party = [p for p in dict.fromkeys(party)]
    hosts = {p.text for sm in sms for p in sm.persons if sm.sent.text.startswith(_C.escort, p.end)
             or any(w in sm.sent.text[p.end:p.end + 12] for w in _C.escort)}
    party = [p for p in party if p not in hosts]
    return Tour(party, stops)


def _stops(sm):
    """The list of places, projects and bodies right after a travel or visit verb
    (先后到A、B、C等地; 考察了X县Y镇Z村、W村, 全国…试点村V镇U村); of a chain only the innermost."""
    if not (sm.places or sm.projects or sm.orgs):
        return []
    s = sm.sent.text
    ms = sorted([m for m in sm.places + sm.projects + sm.orgs], key=lambda m: (m.start, -m.end))
    # a mention inside a longer one (a place in a project name) is not a stop of its own
    ms = [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                   (o.end - o.start) > (m.end - m.start) for o in ms)]
    picked = []
    for t in _TRIGGER_RE.finditer(s):
        if t.group() in _C.bare_travel and t.start() > 0 and s[t.start() - 1] not in _TRAVEL_AFTER and \
                not s[:t.start()].endswith(_C.travel_lead):
            if not any(s[:t.start()].endswith(p.text) for p in sm.persons):
                continue  # 得到, 做到, 达到: not travel
        j = t.end()
        nxt = [m for m in ms if m.start >= j]
        # the list may open with a stop no finder names (太湖港堤防、郢北村…)
        if not nxt or not (nxt[0].start == j or s[j:nxt[0].start] == "了" or
                           _FEATURE_GAP.match(s[j:nxt[0].start])):
            continue
        run = [nxt[0]]
        for m in nxt[1:]:
            if m.start < run[-1].end:
                continue
            gap = s[run[-1].end:m.start]
            if gap in _LIST_GAP or _FEATURE_GAP.match(gap) or _DESCRIBED_GAP.match(gap):
                run.append(m)
                continue
            if _DESCRIBED_GAP.match(s[run[-1].end:_next_de(s, m.end)] or ""):
                continue    # a place inside "、落户柳港村的…": it describes the next stop
            clause_end = re.search(r"[，。；,;]|$", s[m.end:]).start() + m.end
            tail = [x for x in nxt if run[-1].end < x.start < clause_end]
            if gap.startswith("，") and "，" not in gap[1:] and tail and \
                    (tail[-1].end == clause_end or s[tail[-1].end:].startswith("等")):
                run.append(m)
                continue
            break
        picked += [m for m in run if m not in picked]
    out = []
    for k, m in enumerate(picked):
        nxt = picked[k + 1] if k + 1 < len(picked) else None
        if nxt is not None and nxt.start == m.end and m.type == "Place" and \
                (nxt.type != "Place" or m.get("level", 0) > nxt.get("level", 0)):
            continue  # 红安县城关镇曹家畈村: only 曹家畈村 is visited
        if m.type == "Organization" and m.subtype in ("GovernmentBody", "PartyBody"):
            continue
        if m.type == "Organization" and _BESIDE.match(s, m.end):
            prev = next((p for p in picked + sm.inner_places if p.type == "Place" and
                         (p.end == m.start or p.start == m.start)), None)
            if prev is not None:
                out.append((prev, sm))   # 沿河村希望小学旁边桥梁: the stop is by the school, in the village
            continue
        out.append((m, sm))
    return out


def _next_de(s: str, i: int) -> int:
    j = s.find("的", i)
    return j + 1 if 0 <= j - i <= 3 else i


def _listed_before(sm, p) -> list:
    """The names listed with p before it, title chains between them allowed:
    区委常委、常务副区长贺明轩，区政府党组成员钱立新、孙雅文到…"""
    s = sm.sent.text
    posts = [(q.start, q.end) for c in sm.chains for q in c.posts]
    persons = sorted(sm.persons, key=M._start)
    out = []
    k = persons.index(p)
    while k > 0:
        prev = persons[k - 1]
        gap = [i for i in range(prev.end, persons[k].start)
               if s[i] not in "、，," and not any(a <= i < b for a, b in posts)]
        if gap or prev.end == persons[k].start:
            break
        out.insert(0, prev)
        k -= 1
    return out
