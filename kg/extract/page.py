"""The page pass: the names known anywhere on the page, then for each article its sentences'
mentions, their entities, and the rules of ``kg.extract.rules`` in their declared order, each
reading one article document (:class:`Doc`). Input is a page already cleaned and cut into
articles (kg.articles); output is plain data (``PageFacts``) that kg.rdf turns into triples.
Pure: the same page gives the same facts, so pages can be extracted in any order, on any
worker, and merged by union.
"""
from __future__ import annotations

import re

from kg.extract import mentions as M
from kg.extract import rules
from kg.extract.identity import scope_persons
from kg.extract.model import EntityRef, Fact, MainEvent, PageFacts, Sentence, SentMentions, _new
from kg.extract.gates import homes_named, known_named, sentence_gates
from kg.extract.sentences import find_names, mention_sentence, sentences
from kg.text.lexicon import cues
from kg.extract.resolve import Context, Local, canonical_event, canonical_place, expand_body, infer_context, norm_key

_C = cues()
# what an event the article is about is written right after (any one, or it followed by 了), in
# one endswith instead of one per verb
_CONVENED = tuple(v + t for v in _C.organize + _C.main_lead for t in ("", "了"))
_CONVENED_AFTER = _C.event_then + ("在", "于")   # …座谈会召开 / …座谈会在X举行 / …会议于X开幕
_UNSET = object()


# a body written with its term (区十届人大, 县第九届政协): the term is no part of the body's name
_TERM_IN_BODY = re.compile("^(.*?[区市县旗省州])第?[一二三四五六七八九十百]+届(人大(?:常委会)?|人民代表大会(?:常务委员会)?|政协)$")

class Doc:
    """One article as the rules read it, and the calls by which they add to the page's facts.

    ``sents``: the mentions of each sentence (the headline's first, its start -1); ``aid``: the
    article id; ``ctx``: the page's home; ``local``: the town, subdistrict and village the
    article is set in (a bare 镇党委 is theirs); ``main``: the event the article is about
    (:class:`MainEvent`) or None; ``with_events``: the sentences naming events, each with its
    events' entities [(sm, [(mention, ref)])]. Entities of every mention exist before the first rule runs:
    ``ref(m)`` only finds them (a rule never needs to care which was first)."""
    __slots__ = ("sents", "aid", "ctx", "local", "locals", "main", "with_events", "_page", "_out", "_events",
                 "_memo", "_local_of")

    def __init__(self, page: "PageExtractor", sents: list[SentMentions], aid: str, local: Local,
                 locals_: list[Local] | None = None):
        self.sents = sents
        self.aid = aid
        self.ctx = page.ctx
        self.local = local
        # each sentence's own (``locals[k]``), and the mentions' (a mention's entity was made with it)
        self.locals = locals_ or [local] * len(sents)
        # (a lookup by identity: the mentions' order does not matter, sm.all() would sort them)
        self._local_of = {id(m): loc for sm, loc in zip(sents, self.locals) if loc is not local
                          for ms in sm[2:] for m in ms}
        self._page = page
        self._out = page.out
        # the sentences that name events, with the events' entities: [(sm, [(mention, ref)])]
        event_ref = page.event_ref
        self.with_events = [(sm, [(e, event_ref(e.text, e.subtype, aid)) for e in sm.events])
                            for sm in sents if sm.events]
        self._events = {id(sm): evs for sm, evs in self.with_events}
        self._memo = {}
        self.main = main_event(self)

    # -- entities
    def ref(self, m: M.Mention) -> EntityRef:
        """The entity a mention names."""
        return self._page.ref(m, self.aid, self._local_of.get(id(m), self.local) if self._local_of else self.local)

    def entity(self, type_: str, key: str, surface: str, subtype: str = "") -> EntityRef:
        """An entity by its key (one a rule derives: a post, the body a title implies)."""
        return self._out.add_entity(type_, key, surface, subtype, self.aid)

    def person(self, name: str, subtype: str = "") -> EntityRef:
        return self._out.add_entity("Person", name, name, subtype, self.aid)

    def firm(self, name: str) -> str:
        """The full name of a company the article writes short (蜀禾公司), else ``name``."""
        return self._page._brands.get(name, name)

    def add_name(self, ref: EntityRef, name: str) -> None:
        self._out.entities[(ref.type, ref.key)].names.add(name)

    def names(self, ref: EntityRef) -> frozenset:
        """Every name the page gave the entity so far."""
        return frozenset(self._out.entities[(ref.type, ref.key)].names)

    def named(self, type_: str, key: str) -> bool:
        """An entity of that key is on the page already (its mentions' entities exist before any rule runs)."""
        return (type_, key) in self._out.entities

    def has(self, ref: EntityRef) -> bool:
        """The entity is still on the page (not merged into another)."""
        return (ref.type, ref.key) in self._out.entities

    def event_key(self, name: str) -> str:
        return self._page.event_key(name)

    def events(self, sm: SentMentions) -> list:
        """The sentence's events with their entities, [(mention, ref)] (made once per article,
        see ``with_events``)."""
        return self._events.get(id(sm), ())

    # -- facts
    def fact(self, s: EntityRef | None, p: str, o: EntityRef | None, sm: SentMentions) -> None:
        """s p o, stated by the sentence of sm (nothing when either end is missing, or both are one)."""
        if s is None or o is None or s == o:
            return
        sent = sm.sent
        self._out.facts.append(_new(Fact, (s, p, o, self.aid, sent.raw, sent.start,
                                           sent.start + len(sent.raw) if sent.start >= 0 else -1)))

    def merge(self, src: EntityRef, dst: EntityRef) -> None:
        self._out.merge(src, dst)

    def memo(self, fn):
        """fn(doc), computed once per article: what several rules read (a tour's party and stops)."""
        r = self._memo.get(fn, _UNSET)
        if r is _UNSET:
            r = self._memo[fn] = fn(self)
        return r


def main_event(doc: Doc) -> MainEvent | None:
    """The event the article is about: the first event of the body that is convened, held or
    chaired; the headline's event when the body names none."""
    sms = doc.sents
    body = [sm for sm in sms if sm.sent.start >= 0] + [sm for sm in sms if sm.sent.start < 0]
    for sm in body:
        for e in sm.events:
            before = sm.sent.text[:e.start]
            # (甲组织企业参加EVENT: the article is about the party the body sends to it)
            if sm.sent.start < 0 or before.endswith(_CONVENED) or sm.sent.text[e.end:].startswith(_CONVENED_AFTER) \
                    or (before.endswith("参加") and "组织" in before):
                return _new(MainEvent, (doc._page.event_ref(e.text, e.subtype, doc.aid), e.subtype))
    return None


_AREA_KINDS = frozenset(("Town", "Subdistrict", "Village"))


def _areas(sm: SentMentions) -> list[tuple[str, str]]:
    """(subtype, name) of the towns, subdistricts and villages a sentence names, in order (those
    named inside other names too)."""
    ps = sm.places + [q for q in sm.inner_places if q.type == "Place"] if sm.inner_places else sm.places
    return [(p.subtype, p.text) for p in ps if p.subtype in _AREA_KINDS]


_SHORT_FIRM = re.compile("[\u4e00-\u9fff]{2,4}(?:公司|集团)")


def _brand_names(sms: list[SentMentions]) -> dict[str, str]:
    """The article's companies written short after their full name (蜀禾公司 for 四川蜀禾新材料科技有限
    公司): short name -> the one full name holding its brand."""
    firms = {o.text for sm in sms for o in sm.orgs if o.subtype == "Enterprise"}
    if not firms:
        return {}
    # (a short name is often read only as the body of a title: 蜀禾公司总经理甲)
    bodies = {p.get("body") or "" for sm in sms for c in sm.chains for p in c.posts}
    shorts = {f for f in firms | bodies if _SHORT_FIRM.fullmatch(f)}
    out = {}
    for short in shorts:
        brand = short[:-2]
        full = [f for f in firms if f != short and len(f) >= len(short) + 4 and brand in f]
        if len(full) == 1:
            out[short] = full[0]
    return out


def _home_towns(ctx: Context) -> tuple:
    """The home's towns the national gazetteer knows (none without a home)."""
    if not ctx.district:
        return ()
    from kg.extract.gazetteer import home_towns     # (loaded once per process; read only with a home)
    return home_towns(ctx.district, ctx.city, ctx.province)


class PageExtractor:
    """Runs the rules over one page. State lives only for the duration of ``run``."""

    def __init__(self, page, article_ids, ctx: Context):
        self.page = page
        self.article_ids = article_ids
        self.ctx = ctx
        self.out = PageFacts()
        self._event_keys: dict = {}      # event name -> key (a pure function of the name and ctx)
        # the home's names, which win over words stuck before them ("清廉荆州区"); none without a home
        self.ctx_names = tuple(n for n in (ctx.zone, ctx.district, ctx.city, ctx.province, ctx.zone_short) if n) + \
            _home_towns(ctx)     # (and its towns, which a stop character may open: 那吉镇, 和平镇)
        self.home_names = ctx.home_names()
        self._brands: dict[str, str] = {}     # the article's short company names -> the full ones

    # -- helpers turning mentions into entities -------------------------------------------------
    def local(self, sms: list[SentMentions]) -> Local:
        """The town, subdistrict and village the article is set in: the first of each it names."""
        town = sub = village = ""
        for sm in sms:
            for subtype, name in _areas(sm):
                if subtype == "Town" and not town:
                    town = name
                elif subtype == "Subdistrict" and not sub:
                    sub = name
                elif subtype == "Village" and not village:
                    village = name
        return Local(town, sub, village)

    def locals_at(self, sms: list[SentMentions], first: Local) -> list[Local]:
        """The town, subdistrict and village each sentence is set in: the last named up to it (来到石桥村，
        与村党支部书记甲交流: 石桥村's, though the article named 柳湾村 first), else the article's."""
        out, last = [], {}
        for sm in sms:
            last.update(_areas(sm))
            out.append(Local(last.get("Town") or first.town, last.get("Subdistrict") or first.subdistrict,
                             last.get("Village") or first.village) if last else first)
        return out

    def org_ref(self, name, subtype, aid, local) -> EntityRef:
        if "届" in name:         # 区十届人大: the congress of the district, whatever its term
            name = _TERM_IN_BODY.sub(r"\1\2", name)
        key = expand_body(name, self.ctx, local)
        if key.endswith("人民政府") and name.startswith(("区", "县", "市", "自治县", "自治旗")):
            key = key[:-4] + "政府"    # 区人民政府 and 区政府 are one body of the home (its short key)
        return self.out.add_entity("Organization", key, name, subtype, aid)

    def place_ref(self, m: M.Mention, aid) -> EntityRef:
        full = m.get("full", "")
        key = canonical_place(m.text, m.subtype, self.ctx, full)
        ref = self.out.add_entity("Place", key, m.text, m.subtype, aid)
        if full:  # 沪 → 上海: the written name and the abbreviation are both names of it
            self.out.entities[("Place", key)].names.add(full)
        for name in m.get("also", ()):   # 沙坝村中药材种植基地: the site as written with its village
            self.out.entities[("Place", key)].names.add(name)
        return ref

    def ref(self, m: M.Mention, aid, local) -> EntityRef:
        if m.type == "Person":
            return self.out.add_entity("Person", m.text, m.text, m.subtype, aid)
        if m.type == "Organization":
            full = self._brands.get(m.text) if self._brands else None
            ref = self.org_ref(full or m.text, m.subtype, aid, local)
            if full:                               # 蜀禾公司 after 四川蜀禾新材料科技有限公司: one company
                self.out.entities[("Organization", ref.key)].names.add(m.text)
            for name in m.get("also", ()):         # 中央党校（国家行政学院）: one body, two names
                self.out.entities[("Organization", ref.key)].names.add(name)
            return ref
        if m.type == "Place":
            return self.place_ref(m, aid)
        if m.type == "Event":
            ref = self.event_ref(m.text, m.subtype, aid)
            for name in m.get("also", ()):         # A暨B, A(B、C): one sitting, several names
                self.out.entities[("Event", ref.key)].names.add(name)
            return ref
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

    # -- the page ---------------------------------------------------------------------------------
    def run(self) -> PageFacts:
        arts = self.page.articles
        # pass 1: names established by strong patterns anywhere on the page
        known = set()
        long_known = set()      # names of five or six characters a title introduced (乌云其其格, 那仁满都拉)
        per_article = []
        for a in arts:
            sents = ([Sentence.of(a.headline, -1, -1)] if a.headline else []) + sentences(a.body, a.start)
            gates = sentence_gates([st.text for st in sents])
            firsts = [find_names(st.text, gate=g) for st, g in zip(sents, gates)]
            per_article.append((sents, firsts, gates))
            for f in firsts:
                if f.chains:
                    known.update(c.person.text for c in f.chains)
                    long_known.update(c.person.text for c in f.chains if 5 <= len(c.person.text) <= 6)
                if f.names:
                    known.update(p.text for p in f.names)
            known.update(a.reporters + a.photographers)
        known = frozenset([k for k in known if 2 <= len(k) <= 4] + list(long_known))
        for a, aid, (sents, firsts, gates) in zip(arts, self.article_ids, per_article):
            self.article(a, aid, sents, known, firsts, gates)
        # read at run time, not bound at import: what runs is what kg.extract.rules declares
        for rule in rules.PAGE_RULES:
            rule(self.out)
        scope_persons(self.out, self.ctx)
        return self.out

    def article(self, a, aid, sents, known, firsts=None, gates=None):
        ctx_names = self.ctx_names
        texts = [st.text for st in sents]
        if gates is None:
            gates = sentence_gates(texts)
        # (which sentences name a known name or a home word: one scan of the article for each)
        home_names = self.home_names
        sms = [mention_sentence(st, known, ctx_names, f, home_names, g, k, h)
               for st, f, g, k, h in zip(sents, firsts or [None] * len(sents), gates, known_named(texts, known),
                                         homes_named(texts, home_names))]
        self._brands = _brand_names(sms)
        local = self.local(sms)
        locs = self.locals_at(sms, local)
        credited = a.reporters + a.photographers
        for n in credited:
            self.out.add_entity("Person", n, n, "Reporter", aid)
        for sm, loc in zip(sms, locs):
            for m in sm.all():
                if m.type == "Person" and m.text in credited:
                    continue
                self.ref(m, aid, loc)
            for p in sm.inner_places:
                if not p.get("organ"):
                    self.ref(p, aid, loc)
            for d in sm.docs:
                self.ref(d, aid, loc)
        doc = Doc(self, sms, aid, local, locs)
        for rule in rules.RULES:
            rule(doc)


def extract_page(page, article_ids, ctx: Context | None = None) -> PageFacts:
    """The facts of one page; without a home given, the home is inferred from the page itself."""
    return PageExtractor(page, article_ids, ctx if ctx is not None else infer_context(page.text)).run()
