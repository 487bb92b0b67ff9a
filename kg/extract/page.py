"""Entities and relations of one page: mentions per sentence, then the rules that relate them.

Input is a page already cleaned and cut into articles (kg.articles); output is plain data
(``PageFacts``) that kg.rdf turns into triples. Pure: the same page gives the same facts, so
pages can be extracted in any order, on any worker, and merged by union.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kg import mentions as M
from kg.lexicon import lexicon

_ORDINAL = re.compile("第[一二三四五六七八九十百零〇\\d]+次")
from kg.resolve import (Context, Local, canonical_event, canonical_place, canonical_post, expand_body,
                        infer_context, norm_key)


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


# ---------------------------------------------------------------- sentences

# r"[。！？；!?;]+[”’」]?|\n+", opening with one character set so that re skips to the next
# sentence end instead of trying a match at every position
_SENT_END = re.compile(r"[。！？；!?;\n](?:(?<=\n)\n*|[。！？；!?;]*[”’」]?)")


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


def sentences(body: str, offset: int) -> list[Sentence]:
    wide = widen(body)     # one character for one: the offsets of body hold in wide
    out, i, para = [], 0, 0
    for m in _SENT_END.finditer(body):
        e = m.end()
        seg = body[i:e]
        raw = seg.strip()
        if raw:
            # cleaned text rarely puts blanks around a sentence: its first character is then the segment's
            a = i if raw[0] == seg[0] else i + len(seg) - len(seg.lstrip())
            b = a + len(raw)
            out.append(_new(Sentence, (wide[a:b], offset + a, para, raw)))
        if body[e - 1] == "\n":    # the match is a run of line ends, or of punctuation
            para += 1
        i = e
    if body[i:].strip():
        seg = body[i:]
        lead = len(seg) - len(seg.lstrip())
        a, b = i + lead, i + len(seg.rstrip())
        out.append(_new(Sentence, (wide[a:b], offset + a, para, body[a:b])))
    return out


# ---------------------------------------------------------------- per sentence mentions

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


def _dedupe_persons(ms):
    if len(ms) < 2:
        return ms
    out, seen = [], []
    for m in sorted(ms, key=_longest_first):
        a, b = m.start, m.end
        for s, e in seen:
            if a < e and s < b:
                break
        else:
            seen.append((a, b))
            out.append(m)
    return out


def _longest_first(m):
    return m.start, m.start - m.end


class NameFinds(NamedTuple):
    """What the name finders read in a sentence: chains and names."""
    chains: list
    names: list


def find_names(s: str, known: frozenset = frozenset()) -> NameFinds:
    return _new(NameFinds, (M.find_chains(s, known) + M.find_title_after(s),
                            M.find_listed_names(s, known) + M.find_subject_names(s, known)))


def mention_sentence(sent: Sentence, known: frozenset, ctx_names: tuple = (),
                     first: NameFinds | None = None) -> SentMentions:
    """All mentions of one sentence. ``first`` is what the name finders read before the page's
    names were known; it still holds when every known name in the sentence is one it found."""
    s = sent.text
    occurrences = M.find_known_names(s, known)
    if first is not None and (not occurrences or _found_by(first, occurrences)):
        names = first
    else:
        names = find_names(s, known)
    chains = names.chains
    # most sentences name no one and no document: the guards skip building empty lists
    persons = _dedupe_persons(([c.person for c in chains] if chains else []) + names.names + occurrences)
    taken = [(p.start, p.end) for p in persons] if persons else []
    if chains:
        taken += [(p.start, p.end) for c in chains for p in c.posts]
    docs = M.find_documents(s)
    taken_docs = taken + [(d.start - 1, d.end + 1) for d in docs] if docs else taken
    events = M.find_events(s, taken_docs)
    if docs and events:
        # a suffix inside a title (《…三年行动计划》) names no event: the marks bound the title
        events = [e for e in events if not any(e.start < d.end and d.start < e.end for d in docs)]
    places0 = M.find_places(s, taken_docs, ctx_names)
    projects = M.find_projects(s, taken_docs, places0)
    if projects and events:
        projects = [p for p in projects if not any(e.start <= p.start and p.end <= e.end for e in events)]
    orgs = M.find_orgs(s, taken_docs, places0)
    if orgs:
        places, inner = _places_beside_bodies(s, places0, orgs, taken_docs, ctx_names)
    else:
        places, inner = list(places0), []
    # 荆州区、荆州高新区“招商大讲堂”系列培训活动: the districts hold the activity; they are not its name
    for k, e in enumerate(events):
        if e.subtype != "Activity":
            continue
        lead = next((p for p in places if p.start == e.start and p.end < e.end and p.get("level", 0) >= 4), None)
        if lead is not None and s[lead.end:lead.end + 1] == "“":
            events[k] = M.Mention("Event", s[lead.end:e.end], lead.end, e.end, e.subtype, e.info)
    return _new(SentMentions, (sent, chains, persons, orgs, places, events, projects, docs, inner))


def _found_by(first: NameFinds, occurrences) -> bool:
    """Every occurrence is a span the name finders found (one set of spans, not a list per occurrence)."""
    spans = {(c.person.start, c.person.end) for c in first.chains}
    spans.update([(p.start, p.end) for p in first.names])
    return all((o.start, o.end) in spans for o in occurrences)


def _places_beside_bodies(s, places0, orgs, taken_docs, ctx_names):
    """The places of a sentence once its bodies are known (``orgs`` may lose a body to a place),
    and the places named inside bodies."""
    # places are found again around the bodies only when a body cuts into one of them
    cut = [p for p in places0 if any(p.start < o.end and o.start < p.end and not (o.start <= p.start and p.end <= o.end)
                                     for o in orgs)]
    if cut:
        places = M.find_places(s, taken_docs + [(o.start, o.end) for o in orgs], ctx_names)
    else:
        places = [p for p in places0 if not any(o.start <= p.start and p.end <= o.end for o in orgs)]
    # a compound named after a body (荆州中心医院职工宿舍区) is one place, not body + place;
    # the body is still named there
    inner_orgs = []
    for p in list(places):
        o = next((o for o in orgs if o.end == p.start and p.subtype in ("Compound", "Site")), None)
        if o is not None:
            orgs.remove(o)
            inner_orgs.append(o)
            places[places.index(p)] = M.Mention("Place", s[o.start:p.end], o.start, p.end, p.subtype, p.info)
    # the place a body is named after is named too (弥市镇 in 弥市镇人大), but not the province
    # or city an enterprise puts in its brand (湖北荆瑞新材料有限公司)
    inner = [p for p in places0 if any(o.start == p.start and p.end < o.end and
                                       (o.subtype in ("GovernmentBody", "PartyBody") or p.get("level", 9) <= 3)
                                       for o in orgs)] + inner_orgs
    return places, inner


# ---------------------------------------------------------------- the page

VISIT_VERBS = ("调研", "考察", "视察", "督办", "暗访", "实地查看", "走访", "察看", "检查", "观摩")
# an unnamed feature of the stop before the list goes on: 合兴村村部桥、太平桥村…
_FEATURE_GAP = re.compile("^(?:旁边|附近|周边)?[\u4e00-\u9fff]{1,6}、$")
# 先后到A村、落户A村的B公司: a 的-phrase describing the next stop
_DESCRIBED_GAP = re.compile("^、[^，。；、]{1,14}的$")


def _next_de(s: str, i: int) -> int:
    j = s.find("的", i)
    return j + 1 if 0 <= j - i <= 3 else i
TRAVEL = ("先后到", "率队赴", "带队到", "一行", "先后前往", "前往")
_TRIGGER_RE = re.compile("先后来到|先后前往|先后深入|先后到|来到|前往|深入|走进|到访|考察了|调研了|走访了|实地考察|"
                         "考察|调研|视察|走访|察看|赴|到")
_VISITING = re.compile("|".join(VISIT_VERBS + ("先后到", "率队赴", "带队", "率队", "一行", "先后前往")))
# what follows the leader of a visit: 率队, 一行, 调研…
LEADING = ("率队", "带队", "一行", "调研", "考察", "视察", "暗访", "专题调研", "督办", "先后", "实地查看", "深入", "到",
           "赴", "来到", "前往", "走访")
PARTY_JOIN = ("参加调研", "参加考察", "参加视察", "参加暗访", "参加督办", "参加")
ORGANIZE_VERBS = ("主持召开", "组织召开", "组织开展", "联合开展", "集中开展", "召开", "举办", "举行", "开展", "组织",
                  "关于开展", "启动")
# what an event the article is about is written right after (any one, or it followed by 了), in
# one endswith instead of one per verb
_CONVENED = tuple(v + t for v in ORGANIZE_VERBS + ("主持", "的") for t in ("", "了"))
HOST_VERBS = ("联合主办", "联合承办", "主办", "承办", "协办")
REVIEW_VERBS = ("审议通过", "审议", "宣读", "表决通过")


_FRAME = re.compile(r"^在([^，,]{2,8})[，,]")
ATTEND_WORDS = ("参加会议", "出席会议", "参会", "列席会议", "参加协商会议", "出席并讲话", "到会")
_ATTEND_WORDS = re.compile("|".join(ATTEND_WORDS))
_ATTEND_AT = re.compile(r"(出席|参加)[^，。]{0,20}(会|活动|仪式|式)")
_JOIN = re.compile(r"(出席|参加)")
_HOSTED_BY = re.compile("由([^，。；]{2,40}?)(联合)?(主办|承办|协办)")
_SPEAKER_AT = re.compile(r"(?:总书记|同志)?在")
_SETTLING = re.compile("敲定|引进|落地|落户|建成|签约|入驻")
_LOCATING = re.compile("(?:位于|地处|落户|落地|坐落于|建在)")


# compiled once, not looked up in re's cache for each event, subject or person
_HELD_IN = re.compile(r"在([^，。；]{2,30}?)(举行|召开|举办|开幕|开展)")
_DATE_LEAD = re.compile(r"^(近日|日前|近期|当天|[\d月日上下午至—-]+|今年以来|\d+年\d+月\d+日)[，,]?")
_STUDYING = re.compile("(传达|学习|贯彻|落实|领会)$")
_DISTRICT_BODY = re.compile(r"([\u4e00-\u9fff]{2,3}区)(?=委|政府|人大|政协)")
_DISTRICT_BODY_AT = re.compile(r"区(?=委|政府|人大|政协)")


class PageExtractor:
    """Runs the rules over one page. State lives only for the duration of ``run``."""

    def __init__(self, page, article_ids, ctx: Context):
        self.page = page
        self.article_ids = article_ids
        self.ctx = ctx
        self.out = PageFacts()
        self._event_keys: dict = {}      # event name -> key (a pure function of the name and ctx)
        # the home's names, which win over words stuck before them ("清廉荆州区"); none without a home
        self.ctx_names = tuple(n for n in (ctx.zone, ctx.district, ctx.city, ctx.province, ctx.zone_short) if n)

    # -- helpers turning mentions into entities -------------------------------------------------
    def local(self, sms: list[SentMentions]) -> Local:
        town = sub = village = ""
        for sm in sms:
            # (most sentences name nothing inside another name: no list to filter for them)
            for p in sm.places + [q for q in sm.inner_places if q.type == "Place"] if sm.inner_places else sm.places:
                if p.subtype == "Town" and not town:
                    town = p.text
                elif p.subtype == "Subdistrict" and not sub:
                    sub = p.text
                elif p.subtype == "Village" and not village:
                    village = p.text
        return Local(town, sub, village)

    def org_ref(self, name, subtype, aid, local) -> EntityRef:
        key = expand_body(name, self.ctx, local)
        return self.out.add_entity("Organization", key, name, subtype, aid)

    def place_ref(self, m: M.Mention, aid) -> EntityRef:
        full = m.get("full", "")
        key = canonical_place(m.text, m.subtype, self.ctx, full)
        ref = self.out.add_entity("Place", key, m.text, m.subtype, aid)
        if full:  # 沪 → 上海: the written name and the abbreviation are both names of it
            self.out.entities[("Place", key)].names.add(full)
        return ref

    def ref(self, m: M.Mention, aid, local) -> EntityRef:
        if m.type == "Person":
            return self.out.add_entity("Person", m.text, m.text, m.subtype, aid)
        if m.type == "Organization":
            return self.org_ref(m.text, m.subtype, aid, local)
        if m.type == "Place":
            return self.place_ref(m, aid)
        if m.type == "Event":
            return self.event_ref(m.text, m.subtype, aid)
        if m.type == "Project":
            return self.out.add_entity("Project", norm_key(m.text), m.text, "", aid)
        if m.type == "Document":
            return self.out.add_entity("Document", norm_key(m.text), m.text, "", aid)
        raise ValueError(m.type)

    def event_key(self, name) -> str:
        key = self._event_keys.get(name)
        if key is None:
            key = self._event_keys[name] = norm_key(canonical_event(name, self.ctx))
        return key

    def event_ref(self, name, subtype, aid) -> EntityRef:
        return self.out.add_entity("Event", self.event_key(name), name, subtype, aid)

    def fact(self, s, p, o, aid, sent: Sentence):
        if s is None or o is None or s == o:
            return
        self.out.facts.append(_new(Fact, (s, p, o, aid, sent.raw, sent.start,
                                          sent.start + len(sent.raw) if sent.start >= 0 else -1)))

    # -- the page ---------------------------------------------------------------------------------
    def run(self) -> PageFacts:
        arts = self.page.articles
        # pass 1: names established by strong patterns anywhere on the page
        known = set()
        per_article = []
        for a in arts:
            sents = ([Sentence.of(a.headline, -1, -1)] if a.headline else []) + sentences(a.body, a.start)
            firsts = [find_names(st.text) for st in sents]
            per_article.append((sents, firsts))
            for f in firsts:
                if f.chains:
                    known.update(c.person.text for c in f.chains)
                if f.names:
                    known.update(p.text for p in f.names)
            known.update(a.reporters + a.photographers)
        known = frozenset(k for k in known if 2 <= len(k) <= 4)
        for a, aid, (sents, firsts) in zip(arts, self.article_ids, per_article):
            self.article(a, aid, sents, known, firsts)
        self.merge_suffix_aliases()
        return self.out

    def article(self, a, aid, sents, known, firsts=None):
        ctx_names = self.ctx_names
        sms = [mention_sentence(st, known, ctx_names, f) for st, f in zip(sents, firsts or [None] * len(sents))]
        local = self.local(sms)
        credited = a.reporters + a.photographers
        for n in credited:
            self.out.add_entity("Person", n, n, "Reporter", aid)
        for sm in sms:
            for m in sm.all():
                if m.type == "Person" and m.text in credited:
                    continue
                self.ref(m, aid, local)
            for p in sm.inner_places:
                self.ref(p, aid, local)
            for d in sm.docs:
                self.ref(d, aid, local)
        self.rule_chains(sms, aid, local)
        self.rule_heads(sms, aid, local)
        main = self.main_event(sms, aid)
        self.rule_events(sms, aid, local, main)
        self.rule_visits(a, sms, aid, local, main)
        self.rule_places(sms, aid, local)

    # -- rules ------------------------------------------------------------------------------------
    def rule_chains(self, sms, aid, local):
        """Title chains: holdsPost for each title, memberOf the body each title names or implies."""
        L = lexicon()
        for sm in sms:
            s = sm.sent.text
            for c in sm.chains:
                person = self.out.add_entity("Person", c.person.text, c.person.text, "Official", aid)
                prev_body_key = ""
                district = self._district_before(s, c.posts[0].start) if c.posts else ""
                loc = Local(local.town, local.subdistrict, local.village, district)
                for p in c.posts:
                    body, title = p.get("body"), p.get("title")
                    implied = L.titles.get(title, "")
                    implied_key = expand_body(implied, self.ctx, loc) if implied else ""
                    body_org = self._post_body(body, title, loc)
                    if body:
                        body_key = body_org
                    elif implied_key:
                        body_key = implied_key
                    else:
                        body_key = prev_body_key
                    written_body = expand_body(body, self.ctx, loc) if body else ""
                    post_key = canonical_post(p.text, body, title, written_body, implied_key)
                    post = self.out.add_entity("Post", post_key, p.text, "", aid)
                    if body:
                        self.out.entities[("Post", post_key)].names.add(written_body + title)
                    self.fact(person, "holdsPost", post, aid, sm.sent)
                    if body_key:
                        sub = "PartyBody" if body_key.endswith(("委", "党组", "党工委", "委员会")) else "GovernmentBody"
                        written = written_body if body else body_key
                        # the surface form is the body as written plus what the title added (区政府 + 党组)
                        surface = body + body_key[len(written):] if body and body_key.startswith(written) else body_key
                        org = self.out.add_entity("Organization", body_key, surface, sub, aid)
                        self.fact(person, "memberOf", org, aid, sm.sent)
                    if body:
                        prev_body_key = body_key

    def rule_heads(self, sms, aid, local):
        """"荆楚云帆公司负责人焦玉林": a member of the body, and no post (负责人 is not a title)."""
        for sm in sms:
            s = sm.sent.text
            for p in sm.persons:
                if s[:p.start].endswith(("负责人", "主要负责人")):
                    head = p.start - 3 - (2 if s[:p.start].endswith("主要负责人") else 0)
                    o = next((o for o in sm.orgs if o.end == head), None)
                    if o is not None:
                        self.fact(self.out.add_entity("Person", p.text, p.text, "", aid), "memberOf",
                                  self.ref(o, aid, local), aid, sm.sent)

    def _district_before(self, s, pos):
        """The nearest other district named before a chain ("江岸区委书记姚彬，副区长严松毅")."""
        m = None
        # most chains name no district body: the literal 区 lets re find that out with a fast scan
        if _DISTRICT_BODY_AT.search(s, 0, pos + 1):
            for m_ in _DISTRICT_BODY.finditer(s[:pos + 1]):
                m = m_
        if m and not m.group(1).endswith(("两区", "全区", "城区", "辖区")) and m.group(1) != self.ctx.district \
                and not (self.ctx.zone_short and m.group(1).endswith(self.ctx.zone_short)):
            return m.group(1)
        return ""

    def _post_body(self, body, title, loc):
        """The organization a chain item names: 荆州高新集团党委 → 荆州高新集团 (an enterprise's
        party committee is the enterprise's), 区政府党组 stays a body of its own."""
        if not body:
            return ""
        if title.startswith("党委") and re.search("(集团|公司|医院|学校|中学|小学|学院|大学)$", body):
            return expand_body(body, self.ctx, loc)
        if title.startswith(("党委", "党组", "党工委", "纪委", "纪工委", "党支部", "党总支")) and \
                not body.endswith(("委", "党组", "支部", "总支")):
            suffix = next(p for p in ("党工委", "纪工委", "党支部", "党总支", "党委", "党组", "纪委") if title.startswith(p))
            if (self.ctx.zone and (body.endswith(self.ctx.zone) or body in (self.ctx.zone, self.ctx.zone_short))) or \
                    re.search("(区|市|县|镇|乡|街道|村|社区|政府|局)$", body):
                return expand_body(body + suffix, self.ctx, loc)
        return expand_body(body, self.ctx, loc)

    def main_event(self, sms, aid):
        """The event the article is about: the first event of the body that is convened, held or
        chaired; the headline's event when the body names none."""
        body = [sm for sm in sms if sm.sent.start >= 0] + [sm for sm in sms if sm.sent.start < 0]
        for sm in body:
            for e in sm.events:
                before = sm.sent.text[:e.start]
                if sm.sent.start < 0 or before.endswith(_CONVENED) or \
                        sm.sent.text[e.end:].startswith(("召开", "举行", "开幕", "启动", "开班", "正式开班", "在")):
                    return self.event_ref(e.text, e.subtype, aid), e.subtype
        return None

    def rule_events(self, sms, aid, local, main):
        main_ref = main[0] if main else None
        headline_events = []
        for sm in sms:
            if not sm.events and main_ref is None:
                continue     # every rule below needs an event of the sentence or the article's
            s = sm.sent.text
            evs = [(e, self.event_ref(e.text, e.subtype, aid)) for e in sm.events] if sm.events else ()
            if sm.sent.start < 0:
                headline_events = [r for _, r in evs]
            # organizedBy: the subject list opening the sentence, before a convening verb
            for e, eref in evs:
                before = s[:e.start].rstrip("了")
                verb = next((v for v in ORGANIZE_VERBS if before.endswith(v)), None) \
                    if before.endswith(ORGANIZE_VERBS) else None
                orgs = self._subjects(sm, e.start - len(verb) if verb else e.start, e)
                if verb or s[e.end:].startswith(("召开", "举行", "开班", "正式开班", "启动", "开幕")):
                    for o in orgs:
                        self.fact(eref, "organizedBy", self.ref(o, aid, local), aid, sm.sent)
                # a meeting named after a body is organized by it
                for o in sm.orgs + sm.places:
                    if o.start == e.start and o.end < e.end and (o.type == "Organization" or
                                                                 (o.type == "Place" and o.get("level", 0) >= 4)):
                        self.fact(eref, "organizedBy", self.ref(o, aid, local), aid, sm.sent)
                if self.ctx.both and e.text.startswith(self.ctx.both) and e.subtype == "Meeting":
                    for pl in self.ctx.pair():
                        self.fact(eref, "organizedBy", self.out.add_entity("Place", pl, pl, "", aid), aid, sm.sent)
                # 由X主办，Y、Z承办，W协办的EVENT
                for o in sm.orgs:
                    if o.end <= e.start and any(s.startswith(v, o.end) or s.startswith(v, o.end + 2)
                                                for v in HOST_VERBS):
                        self.fact(eref, "organizedBy", self.ref(o, aid, local), aid, sm.sent)
                    elif o.end <= e.start and s[o.end:o.end + 1] == "、" and \
                            any(s[o.end:].startswith("、" + x.text) and any(s.startswith(v, x.end) or
                                s.startswith(v, x.end + 2) for v in HOST_VERBS) for x in sm.orgs):
                        self.fact(eref, "organizedBy", self.ref(o, aid, local), aid, sm.sent)
                # heldAt: 在X举行
                m = _HELD_IN.search(s[e.end:])
                if m:
                    inside = [x for x in sm.places + sm.orgs if e.end + m.start(1) <= x.start and x.end <= e.end + m.end(1)]
                    for x in inside:
                        if not any(y.start == x.end for y in inside):   # 马山镇青石村: the village
                            self.fact(eref, "heldAt", self.ref(x, aid, local), aid, sm.sent)
                # an activity named after a place where it happens ("铁路小区攻坚行动")
                for x in sm.places:
                    if x.start == e.start and x.end < e.end and x.get("level", 9) <= 2 and e.subtype == "Activity":
                        self.fact(eref, "heldAt", self.ref(x, aid, local), aid, sm.sent)
            # chaired / attended
            for p in (sm.persons if "主持" in s else ()):
                # every person of the article is an entity already (PageExtractor.article)
                pref = EntityRef("Person", p.text)
                after = s[p.end:]
                if after.startswith("主持召开") and evs:
                    ev = next((r for e, r in evs if e.start >= p.end), None)
                    if ev:
                        self.fact(pref, "chaired", ev, aid, sm.sent)
                        self.fact(pref, "attended", ev, aid, sm.sent)
                    continue
                if after.startswith(("主持会议", "主持")) and main_ref:
                    self.fact(pref, "chaired", main_ref, aid, sm.sent)
                    self.fact(pref, "attended", main_ref, aid, sm.sent)
            if main_ref or evs:
                ev = main_ref or evs[0][1]
                attend_at = None
                for v in (ATTEND_WORDS if _ATTEND_WORDS.search(s) else ()):
                    i = s.find(v)
                    if i >= 0:
                        attend_at = i
                        break
                if attend_at is None and ("出席" in s or "参加" in s) and _ATTEND_AT.search(s):
                    attend_at = _JOIN.search(s).start()
                if attend_at is None and s.startswith("会上") and main_ref:
                    attend_at = len(s)
                if attend_at is not None and not any(v in s for v in ("参加调研", "参加考察")):
                    for p in sm.persons:
                        if p.start < attend_at and not _referenced(s, p):
                            self.fact(self.out.add_entity("Person", p.text, p.text, p.subtype, aid), "attended",
                                      ev, aid, sm.sent)
                if main and main[1] == "Meeting":
                    for p in sm.persons:
                        if s.startswith(("强调", "指出", "要求", "出席会议", "讲话"), p.end):
                            self.fact(self.out.add_entity("Person", p.text, p.text, p.subtype, aid), "attended",
                                      main_ref, aid, sm.sent)
            # 本次竞赛由区人社局、区农业农村局联合主办: the article's event, named by anaphora
            hm = _HOSTED_BY.search(s) if main_ref and not evs and "由" in s else None
            if hm:
                for o in sm.orgs:
                    if hm.start(1) <= o.start and o.end <= hm.end(1):
                        self.fact(main_ref, "organizedBy", self.ref(o, aid, local), aid, sm.sent)
            # a speaker at a named event: 习近平总书记在…座谈会上的重要讲话
            for p in (sm.persons if evs else ()):
                m_ = _SPEAKER_AT.match(s, p.end)
                if m_:
                    at = m_.end()
                    e_ = next((r for e, r in evs if e.start == at and s[e.end:].startswith("上")), None)
                    if e_ is not None:
                        self.fact(self.out.add_entity("Person", p.text, p.text, p.subtype, aid), "attended",
                                  e_, aid, sm.sent)
            # reviewed: 审议《A》《B》
            if sm.docs and any(v in s for v in REVIEW_VERBS):
                ev = next((r for e, r in evs if e.end <= sm.docs[0].start), None) or main_ref
                if ev:
                    for d in sm.docs:
                        if any(v in s[:d.start] for v in REVIEW_VERBS):
                            self.fact(ev, "reviewed", self.ref(d, aid, local), aid, sm.sent)
        # the headline's event and the body's main event are one event; so are a short and a
        # long name of it in one article (业务培训会 / 迎国测业务培训会)
        if main_ref and headline_events:
            for h in headline_events:
                if h != main_ref and _similar(h.key, main_ref.key):
                    self._merge(h, main_ref)
        refs = sorted({EntityRef("Event", self.event_key(e.text)) for sm in sms for e in sm.events},
                      key=lambda r: (-len(r.key), r.key))
        for k, long_ in enumerate(refs):
            for short in refs[k + 1:]:
                if ("Event", short.key) in self.out.entities and ("Event", long_.key) in self.out.entities and \
                        norm_key(short.key) in norm_key(long_.key) and not _ORDINAL.search(long_.key):
                    self._merge(short, long_)

    def _subjects(self, sm, verb_at, e):
        """Who convened: the list of bodies or places standing right before the verb
        (省委、市委关于开展…), else the one that opens the sentence after a date phrase
        (荆州区消防救援大队组织…人员，到…开展…行动)."""
        s = sm.sent.text
        cands = [m for m in sorted(sm.orgs + sm.places, key=M._start) if m.end <= verb_at]
        near = []
        end = verb_at
        for m in reversed(cands):
            gap = s[m.end:end]
            if gap in ("", "、", "和", "与", "及") and (near or gap == ""):
                if near and m.end == near[0].start and m.type == "Place" and near[0].type == "Place":
                    end = m.start       # 西城街道通会桥社区: the innermost place convenes
                    continue
                near.insert(0, m)
                end = m.start
                continue
            break
        if near:
            return near
        out = []
        i = 0
        lead = _DATE_LEAD.match(s)
        if lead:
            i = lead.end()
        chain_end = None
        for m in cands:
            if m.start < i:
                continue
            gap = s[i:m.start]
            if gap in ("", "、", "和", "与", "及", "由") or (chain_end is not None and m.start == chain_end):
                if chain_end is not None and m.start == chain_end and out and out[-1].type == "Place":
                    out[-1] = m  # a place chain: the innermost place is the subject
                else:
                    out.append(m)
                i = m.end
                chain_end = m.end
                continue
            break
        # the subject list must run up to the verb (allowing a few words: 组织区、镇两级人大代表…)
        if out and verb_at - out[-1].end > 40:
            return []
        # an event named after places in the subject list (荆州区、荆州高新区“招商大讲堂”…) keeps them
        return out

    def rule_visits(self, a, sms, aid, local, main=None):
        """inspected: the visiting party (leader + those who 参加调研) × every stop of the tour.
        A tour with no named party that belongs to an activity (人大代表先后前往A、B) gives heldAt."""
        text_all = "".join([sm.sent.text for sm in sms])
        if not any(v in text_all for v in VISIT_VERBS + TRAVEL):
            return
        party, stops = [], []
        for sm in sms:
            s = sm.sent.text
            has_visit = sm.persons and _VISITING.search(s)
            for p in (sm.persons if has_visit else ()):
                if s.startswith(LEADING, p.end):
                    party += [q.text for q in _listed_before(sm, p)] + [p.text]
            for v in (PARTY_JOIN if "参加" in s else ()):    # all of them say 参加
                i = s.find(v)
                if i >= 0 and (v != "参加" or re.match(r"参加(调研|考察|视察|暗访|督办)?[。；，]?$", s[i:])):
                    party += [p.text for p in sm.persons if p.end <= i and not s[p.end:].startswith("陪同")]
                    break
            stops += self._stops(sm)
        party = [p for p in dict.fromkeys(party)]
        hosts = {p.text for sm in sms for p in sm.persons if sm.sent.text[p.end:].startswith("陪同")
                 or "陪同" in sm.sent.text[p.end:p.end + 12]}
        party = [p for p in party if p not in hosts]
        if not party:
            if main and main[1] == "Activity":
                for m, sm in stops:
                    if m.type in ("Place", "Organization"):
                        self.fact(main[0], "heldAt", self.ref(m, aid, local), aid, sm.sent)
            return
        for pname in party:
            pref = self.out.add_entity("Person", pname, pname, "Official", aid)
            for m, sm in stops:
                self.fact(pref, "inspected", self.ref(m, aid, local), aid, sm.sent)

    def _stops(self, sm):
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
            if t.group() in ("到", "赴") and t.start() > 0 and s[t.start() - 1] not in "，,、一行后队组团" and \
                    not s[:t.start()].endswith(("一行", "先后", "率队", "带队", "同时", "还", "随后", "又")):
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
                if gap in ("", "、", "和", "及", "与") or _FEATURE_GAP.match(gap) or _DESCRIBED_GAP.match(gap):
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
            if m.type == "Organization" and re.match("旁边|附近|周边|对面|门口|门前", s[m.end:]):
                prev = next((p for p in picked + sm.inner_places if p.type == "Place" and
                             (p.end == m.start or p.start == m.start)), None)
                if prev is not None:
                    out.append((prev, sm))   # 沿河村希望小学旁边桥梁: the stop is by the school, in the village
                continue
            out.append((m, sm))
        return out

    def rule_places(self, sms, aid, local):
        """locatedIn: adjacent naming (川店镇云南村), lists continuing a chain, 在X，… framing,
        and projects or schools named with their place."""
        frame = None
        for sm in sms:
            s = sm.sent.text
            if frame and sm.sent.para != frame[1]:
                frame = None
            fm = _FRAME.match(s) if s.startswith("在") else None
            if fm:
                f = next((p for p in sm.places if p.start == 1 and p.end == fm.end(1)), None)
                frame = (f, sm.sent.para) if f else None
            if not (sm.places or sm.projects or sm.orgs):
                continue         # nothing here to locate or to locate in
            ms = sorted(sm.places + sm.projects + sm.orgs, key=M._start)
            heads, chained = [], set()
            places = sorted(sm.places, key=M._start)
            for k, m in enumerate(ms):
                # the container named right before: 川店镇云南村 (a project spanning both does not intervene)
                prev = next((p for p in places if p.end == m.start), None)
                if prev is not None and prev.get("level", 0) > m.get("level", 0) and not self._is_body(m):
                    self.fact(self.ref(m, aid, local), "locatedIn", self.ref(prev, aid, local), aid, sm.sent)
                    chained.add(id(m))
                    # list continuation: 城关镇曹家畈村、小丰山村
                    j = ms.index(m) + 1
                    last = m
                    while j < len(ms) and s[last.end:ms[j].start] == "、" and ms[j].subtype == m.subtype and \
                            not any(p.start == ms[j].end for p in places):
                        self.fact(self.ref(ms[j], aid, local), "locatedIn", self.ref(prev, aid, local), aid, sm.sent)
                        chained.add(id(ms[j]))
                        last = ms[j]
                        j += 1
                    continue
                if prev is None and id(m) not in chained:
                    heads.append(m)
                # a project or school named with its place inside it
                if m.type in ("Project", "Organization") and not self._is_body(m):
                    inner = [p for p in sm.places if m.start <= p.start and p.end < m.end]
                    if inner:
                        last = max(inner, key=lambda p: p.end)
                        if m.type == "Project" or last.get("level", 9) <= 3:
                            self.fact(self.ref(m, aid, local), "locatedIn", self.ref(last, aid, local), aid, sm.sent)
                    elif m.type == "Project" and m.get("place"):
                        pl = next((p for p in sm.places if p.text == m.get("place") and p.end <= m.start), None)
                        if pl is not None:
                            self.fact(self.ref(m, aid, local), "locatedIn", self.ref(pl, aid, local), aid, sm.sent)
            heads = [m for m in heads if id(m) not in chained]
            if frame and frame[0] is not None:
                f = frame[0]
                for m in heads:
                    if m.type == "Place" and m is not f and m.text != f.text and m.get("level", 0) < f.get("level", 0) \
                            and m.start > (f.end if fm else -1):
                        self.fact(self.ref(m, aid, local), "locatedIn", self.ref(f, aid, local), aid, sm.sent)
            # a village's project: 云南村立足村情…最终敲定蛋糕生产加工项目
            opening = next((m for m in ms if m.type == "Place" and (m.start == 0 or s[m.start - 1] in "，,")), None)
            if opening is not None and opening.get("level", 9) <= 3:
                for m in ms[1:]:
                    if m.type == "Project" and not any(p.start >= m.start and p.end <= m.end for p in sm.places) \
                            and _SETTLING.search(s, 0, m.start):
                        self.fact(self.ref(m, aid, local), "locatedIn", self.ref(opening, aid, local), aid, sm.sent)
            if not _LOCATING.search(s):
                continue
            # 落户柳港村的湖北荆瑞新材料有限公司, 位于川店镇的…公司: X的Y
            for m_ in _LOCATING.finditer(s):
                pl = next((p for p in sm.places if p.start == m_.end()), None)
                while pl is not None and any(q.start == pl.end for q in sm.places):
                    pl = next(q for q in sm.places if q.start == pl.end)
                if pl is not None and s[pl.end:pl.end + 1] == "的":
                    y = next((x for x in sm.projects + sm.orgs if x.start == pl.end + 1), None)
                    if y is not None:
                        self.fact(self.ref(y, aid, local), "locatedIn", self.ref(pl, aid, local), aid, sm.sent)
            # 位于/落户/落地 X
            for v in ("位于", "地处", "落户", "落地", "坐落于"):
                i = s.find(v)
                if i > 0:
                    subj = [m for m in ms if m.end <= i]
                    obj = [p for p in sm.places if p.start >= i + len(v) and p.start <= i + len(v) + 1]
                    while obj and any(q.start == obj[-1].end for q in sm.places):   # 纪南镇纪城村: the village
                        obj.append(next(q for q in sm.places if q.start == obj[-1].end))
                    if subj and obj:
                        self.fact(self.ref(subj[-1], aid, local), "locatedIn", self.ref(obj[-1], aid, local),
                                  aid, sm.sent)

    @staticmethod
    def _is_body(m):
        return m.type == "Organization" and m.subtype in ("GovernmentBody", "PartyBody")

    # -- resolution within the page ---------------------------------------------------------------
    def _merge(self, src: EntityRef, dst: EntityRef):
        if src == dst or (src.type, src.key) not in self.out.entities:
            return
        e = self.out.entities.pop((src.type, src.key))
        d = self.out.entities[(dst.type, dst.key)]
        d.names |= e.names
        d.articles |= e.articles
        # only the facts that name src change (most do not: they are kept, not copied)
        self.out.facts = [f if f.s != src and f.o != src else
                          Fact(dst if f.s == src else f.s, f.p, dst if f.o == src else f.o, f.article,
                               f.sentence, f.start, f.end) for f in self.out.facts]

    def merge_suffix_aliases(self):
        """A short body name that ends exactly one longer body name of the page is that body:
        招商中心 is 两区招商中心, 全面依法治区委员会 is 荆州区委全面依法治区委员会."""
        orgs = [k for (t, k) in self.out.entities if t == "Organization"]
        for k in sorted(orgs, key=len):
            if len(k) < 3:
                continue
            if ("Organization", k) not in self.out.entities:
                continue
            # the string tests first: they fail for most pairs, and cost no tuple or lookup
            longer = [o for o in orgs if (o.endswith(k) or (len(k) >= 5 and o[:2] == k[:2] and o[-2:] == k[-2:] and
                                                             _subsequence(k, o)))
                      and o != k and ("Organization", o) in self.out.entities]
            if len(longer) == 1:
                self._merge(EntityRef("Organization", k), EntityRef("Organization", longer[0]))


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


def _subsequence(short: str, long_: str) -> bool:
    """荆州(武汉)科创中心 in 荆州(武汉)离岸科创中心: the short form drops characters, keeps order."""
    it = iter(long_)
    return all(c in it for c in short)


def _referenced(s: str, p) -> bool:
    """A leader named as the source of a speech being studied (传达学习习近平总书记…讲话) is not present."""
    return bool(_STUDYING.search(s[max(0, p.start - 4):p.start]))


def _similar(a: str, b: str) -> bool:
    a, b = norm_key(a), norm_key(b)
    if a in b or b in a:
        return True
    A = {a[i:i + 2] for i in range(len(a) - 1)}
    B = {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(A and B) and 2 * len(A & B) / (len(A) + len(B)) >= 0.6


def extract_page(page, article_ids, ctx: Context | None = None) -> PageFacts:
    """The facts of one page; without a home given, the home is inferred from the page itself."""
    return PageExtractor(page, article_ids, ctx if ctx is not None else infer_context(page.text)).run()
