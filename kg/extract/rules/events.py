"""Events: who organized them, where they were held, who chaired, attended or spoke, what they
reviewed; and the names of one event within an article."""
from __future__ import annotations

import re

from kg.extract import mentions as M
from kg.extract.model import EntityRef
from kg.text.lexicon import cues
from kg.extract.resolve import norm_key

_C = cues()
_HOST_BASE = tuple(v for v in _C.host if not v.startswith("联合"))
_DATE_LEAD_TEXT = r"(?:近日|日前|近期|当天|当日|同日|次日|[\d月日上下午至—-]+|今年以来|\d+年\d+月\d+日)(?:上午|下午|晚上|晚间)?[，,]?"
_DATE_LEAD = re.compile(f"^{_DATE_LEAD_TEXT}")
_HOSTED_BY = re.compile(f"由([^，。；]{{2,40}}?)(联合)?({'|'.join(_HOST_BASE)})")
# 会议在县行政中心召开 / 本次活动在X举行: a sentence speaking of the article's event by a word for it
# (启动仪式后，活动分别在A、B开展: the part after the ceremony goes on at other places)
_ANAPHOR = re.compile(f"^(?:{_DATE_LEAD_TEXT})?(?:(?:{_C.alternation('event_word')})(?:结束)?后[，,])?"
                      f"(?:{_C.alternation('this_event')})?(?:{_C.alternation('event_word')})"
                      f"(?:开班式|结业式|开幕式|闭幕式)?(?:由[^，。；]{{2,30}}[，,])?(?:分别|随后|还|先后)?"
                      f"(?:(?:{_C.alternation('venue_site')})?(?P<set>{_C.alternation('venue_set')})|在)")
_HELD_BARE = re.compile("在([^，。；在]{2,30}?)(?:召开|举行|举办)了?"
                        f"({_C.alternation('event_word')}|推进会|调度会|观摩会|现场会|发布会)(?=[，。；,;]|$)")
# 活动现场设在X。 / 会议地点选在X，…: set there, no holding verb after the place
_SET_IN = re.compile("在([^，。；]{2,30}?)(?=[，,。；;]|$)")
# …，主会场设在X，各镇设分会场: a clause (not the sentence) opening with the word for the site
_SET_CLAUSE = re.compile(f"[，,](?:{_C.alternation('this_event')})?(?:{_C.alternation('event_word')})?"
                         f"(?:{_C.alternation('venue_site')})(?P<set>{_C.alternation('venue_set')})")
# (a clause of what came first, then) a bare kind of event and 在: 观摩结束后，推进会在…召开
_KIND_THEN_AT = re.compile(f"^(?:{_DATE_LEAD_TEXT})?(?:[^，。；]{{1,10}}后[，,])?"
                           f"(?P<kind>[\u4e00-\u9fff]{{1,4}}(?:会|会议|仪式|式))在")
_ANAPHOR_BY = re.compile(f"^(?:{_DATE_LEAD_TEXT})?(?:{_C.alternation('this_event')})?(?:{_C.alternation('event_word')})由")
# (开班式, 启动仪式: the verb is part of a noun there, and 在X…开班式 speaks of another event)
# (于X隆重开幕 as 在X: not 于 closing a word, 关于/由于/位于/对于…)
_HELD_IN = re.compile(f"(?:在|(?<![关由位对等属处基用力终至鉴便利易适])于)([^，。；]{{2,30}}?)({_C.alternation('held')})(?![式仪])")
# 在X(组织)召开EVENT: where the event was held, written before it
# (走进/深入X开展EVENT: the body goes to X to hold it, X is where)
_WHERE_BEFORE = re.compile(f"(?:在|走进|深入)([^，。；在]{{2,30}}?)(?:组织|主持)?(?:{_C.alternation('held')})了?$")
# 组织干部在X开展EVENT / 组织党员到X开展EVENT: the verb stripped, the place it goes to stands last
_AT_BEFORE = re.compile("(?:在|到|赴|走进|深入)([^，。；,;在到赴]{2,30}?)$")
_ATTEND_WORDS = re.compile(_C.alternation("attend"))
_ATTEND_AT = re.compile(f"({_C.alternation('join')})[^，。]{{0,20}}({_C.alternation('attend_object')})")
_JOIN = re.compile(f"({_C.alternation('join')})")
# A、B，C等出席。: a join word closing the sentence attends the article's event, named or not
_JOIN_END = re.compile(f"(?:{_C.alternation('join')})(?:并(?:讲话|致辞))?[。；;]?$")
# a speech named by what it does (作推介讲话, 就…作具体安排, 对…进行了推介, 介绍了…情况)
# (就《…实施意见》（讨论稿）作说明: a document's title is one unit, however long)
_SPEECH_KIND = re.compile("(?:就|对)(?:《[^》]{1,60}》)?[^，。；]{0,30}?(?:作|进行了?)[^，。；]{0,4}(?:安排|部署|推介|说明|解读|点评|总结)|"
                          "作[^，。；]{0,6}(?:讲话|发言|安排|部署|报告|说明|辅导|讲座|演讲|推介|宣讲)|介绍了|"
                          # (共同为基地揭牌, 为获奖选手颁奖, 为青年解读政策: what one does at the event)
                          "(?:共同)?为[^，。；]{1,24}?(?:揭牌|授牌|授旗|颁奖|颁发|解读|授课|讲授|宣讲)")
_VISIT_EVENT = ("视察活动", "调研活动", "考察活动", "观摩活动", "督查活动", "观摩会")
_PARTY = re.compile(f"带队|带领|率领|率队|{_C.alternation('tour_join')}")
_SPEAKER_AT = re.compile(f"(?:{_C.alternation('speaker_title')})?在")
_ORDINAL = re.compile("第[一二三四五六七八九十百零〇\\d]+次")
_LIST_GAP = ("",) + _C.conj                 # what stands between the items of a subject list
_HEAD_GAP = _LIST_GAP + ("由",)
_JOINTLY = ("联合", "会同", "协同")            # 甲联合乙开展EVENT: both convened it
_CHAIR_ALL = _C.chair_named + _C.chair      # (the chair words share their first characters)
# what makes a sentence's event its own sitting: convened or held before its name, or after it
_OWN_BEFORE = ("召开", "举行", "举办", "开展", "召开了", "举行了", "举办了", "开展了")
_OWN_AFTER = _C.event_then + ("在",)
_PAST_LEAD = ("此前", "会前", "之前", "在此之前", "日前", "此外")
# 彭卫东在会上表示 / 在座谈会上指出: a speaker at the sitting the sentences speak of
_ON_IT = re.compile(f"在(?:会|[^，。；]{{0,8}}?(?:会|式|仪式))上(?:{_C.alternation('speak')})")
# 推介会上，甲作…推介 / 座谈会上，…: a clause opening with the sitting's kind speaks of that sitting
_KIND_ON = re.compile("^([^，。；“”]{0,6}?(?:会|式|仪式))上[，,]")


def _own_event(doc, sm, before: int | None = None):
    """The event the sentence itself convenes or holds (县安委办召开全县…座谈会 / …授牌仪式在X举行),
    when it is not the article's, named before ``before``: a bare 主持座谈会, 出席, 为基地授牌 or a
    speaker of that sentence (or of the next, see attended_by_speaking) is at that sitting."""
    main = doc.main
    s = sm.sent.text
    for e, r in doc.events(sm):
        if (main and r == main.ref) or (before is not None and e.start >= before):
            continue
        if s.endswith(_OWN_BEFORE, 0, e.start) or s.startswith(_OWN_AFTER, e.end):
            return r
    return None


def _convened_before(doc, k: int, sm):
    """The sitting convened (not the article's) by the nearest sentence before, in the same paragraph,
    that names an event, when this sentence names none: 当天下午，县委宣传部召开X部署会。甲出席会议…，
    会议宣读了《…》 speak of X."""
    if not k or doc.events(sm):
        return None
    # (the nearest sentence of the paragraph that names an event: …学习会在X举行。甲主持会议…。会上，…)
    j = k - 1
    while j > 0 and not doc.events(doc.sents[j]) and doc.sents[j - 1].sent.para == sm.sent.para:
        j -= 1
    prev = doc.sents[j]
    own = _own_event(doc, prev) if prev.sent.para == sm.sent.para else None
    # (only a sitting: 会后，X宣传月活动在燕江镇启动。甲出席会议 still speaks of the article's meeting)
    return own if own is not None and any(r == own and e.subtype == "Meeting" for e, r in doc.events(prev)) \
        else None


def _of_kind(doc, word: str, ev):
    """发布会上，…: the article's event of that kind (its name ends with the word), else ``ev``."""
    if len(word) < 3 or (ev is not None and ev.key.endswith(word)):
        return ev
    return next((r for _, evs in doc.with_events for _, r in evs if r.key.endswith(word)), ev)


# ---------------------------------------------------------------- organizedBy

def organized_by_convener(doc):
    """区委、区政府召开EVENT / 区消防救援大队组织…开展EVENT / EVENT在X召开: the subject list
    opening the sentence, or standing right before the convening verb, organized the event."""
    for sm, evs in doc.with_events:
        s = sm.sent.text
        for e, eref in evs:
            before = s[:e.start].rstrip("了")
            verb = next((v for v in _C.organize if before.endswith(v)), None) \
                if before.endswith(_C.organize) else None
            if verb or s[e.end:].startswith(_C.event_then):
                at = e.start - len(verb) if verb else e.start
                # (the verb is the held word itself: 榆川县在厦门举办EVENT, 厦门 is where, not who)
                m = _WHERE_BEFORE.search(s, 0, at) or _WHERE_BEFORE.search(s, 0, e.start) if verb else None
                if m is None and verb:
                    m = _place_before(sm, s, at)
                if m:
                    at = m.start()         # 甲、乙在工业园区组织召开EVENT: 在… stands between
                for o in _subjects(sm, at):
                    doc.fact(eref, "organizedBy", _meeting_body(doc, doc.ref(o), e.text), sm)


def _meeting_body(doc, ref, event: str):
    """The body a sitting its standing committee convenes is of: 县委常委会召开第28次会议 is the 县委's,
    as ANNOTATION.md's 区委常委会会议 is (a congress's 人大常委会 is a body of its own; the committee's
    own 民主生活会 is its own)."""
    if ref.key.endswith("委常委会") and not ref.key.endswith("人大常委会") and len(ref.key) > 4 and \
            _SITTING_END.search(event):
        return doc.entity("Organization", ref.key[:-3], ref.key[:-3], "PartyBody")
    return ref


_SITTING_END = re.compile("(?:第[0-9一二三四五六七八九十百]+次(?:全体)?|常委会|扩大)会议$")


def organized_by_name(doc):
    """区人大常委会第十次会议 / 荆州区2024年招商推介会 / 十五届县委常委会第8次会议: a meeting named
    after a body (or a district, city or province), after its term if it opens with one, is
    organized by it; so is one sitting by the body each of its names opens with (A暨B(C、D)), and
    one whose quoted name follows a body (区委“…”专题会议: the mention's ``by``)."""
    for sm, evs in doc.with_events:
        if not (sm.orgs or sm.places or "政协" in sm.sent.text):
            continue
        s = sm.sent.text
        for e, eref in evs:
            if _congress_sitting(doc, sm, e, eref) or _cppcc_sitting(doc, sm, e, eref):
                continue
            heads = {e.start + _term_length(s, e.start)} | set(e.get("also_at", ())) | set(e.get("by", ()))
            ym = _YEAR_LEAD.match(s, e.start)
            if ym:
                heads.add(ym.end())     # 2025年平江县第五届…旅游节: the county after the year names it too
            om = _ORDINAL_LEAD.match(s, e.start) if s.startswith("第", e.start) else None
            if om:
                heads.add(om.end())     # 第45次县政府常务会议: the body after the sitting's number
            for o in sm.orgs + sm.places:
                if o.start in heads and o.end < e.end and (o.type == "Organization" or
                                                           (o.type == "Place" and o.get("level", 0) >= 4)):
                    cm = _CONGRESS_OF.match(s, o.end) if o.type == "Place" else None
                    if cm and cm.end() < e.end:
                        # 荆州区第十届人民代表大会第五次会议: the district's congress sits, not the district
                        area = doc.ref(o).key
                        doc.fact(eref, "organizedBy",
                                 doc.entity("Organization", area + "人大", area + "人大", "GovernmentBody"), sm)
                        continue
                    # (区委常委会会议, 县委常委会第8次会议: the standing committee's sitting is the 县委's)
                    doc.fact(eref, "organizedBy", _meeting_body(doc, doc.ref(o), e.text), sm)
                    # 市文联、市作协第五次代表大会: the bodies listed before the one the name opens with
                    for b in _listed_before_head(s, o, sm.orgs):
                        doc.fact(eref, "organizedBy", doc.ref(b), sm)


_YEAR_LEAD = re.compile(r"(?:19|20)\d\d年?度?")
_ORDINAL_LEAD = re.compile("第[一二三四五六七八九十百0-9]+次")


# X县第十九届人民代表大会第四次会议: the sitting of a people's congress, which (not the county) convenes it
# (…人民代表大会常务委员会第十二次会议: its standing committee's, which convenes that)
_CONGRESS = re.compile("(第?[一二三四五六七八九十]+届)?人民代表大会(常务委员会)?第")


def _congress_sitting(doc, sm, e, eref) -> bool:
    m = _CONGRESS.search(e.text)
    area = next((p for p in sm.places if p.start == e.start and p.end - e.start == m.start() and
                 p.get("level", 0) >= 4), None) if m else None
    if area is None:
        return False
    # (one body whether a sitting names it in full or as 县十八届人大…: keyed as the short form)
    home = doc.ref(area).key
    standing = bool(m.group(2))
    body = doc.entity("Organization", home + ("人大常委会" if standing else "人大"), e.text[:m.end() - 1],
                      "GovernmentBody")
    doc.add_name(body, home + ("人民代表大会常务委员会" if standing else "人民代表大会"))
    doc.fact(eref, "organizedBy", body, sm)
    return True


# 政协荆州市荆州区第十届委员会第三次会议: the sitting of the area's CPPCC (its city may be written
# before the area), which convenes it
_CPPCC = re.compile(f"政协(?:[{M.CJK}]{{2,6}}?[省市州盟])?([{M.CJK}]{{2,6}}?[区县市旗])第?[一二三四五六七八九十百]+届委员会")


def _cppcc_sitting(doc, sm, e, eref) -> bool:
    m = _CPPCC.match(e.text)
    if m is None:
        return False
    body = doc.entity("Organization", m.group(1) + "政协", m.group(1) + "政协", "GovernmentBody")
    doc.fact(eref, "organizedBy", body, sm)
    return True


_TERM = re.compile("第?[一二三四五六七八九十百]+届|\\d{1,2}月\\d{1,2}日")
_CONGRESS_OF = re.compile("第?[一二三四五六七八九十百]+届(?:人民代表大会|人大)")


def _place_before(sm, s: str, at: int):
    """The 在X / 到X right before ``at`` when X is a place or body mention ending there."""
    m = _AT_BEFORE.search(s, max(0, at - 32), at)
    if m and any(x.end == at and x.start >= m.start(1) for x in sm.places + sm.orgs):
        return m
    return None


def _term_length(s: str, i: int) -> int:
    """Length of the term or date a meeting's name opens with (十五届县委常委会…, 2月25日中央政治局会议),
    0 if none."""
    m = _TERM.match(s, i)
    return m.end() - i if m else 0


def _listed_before_head(s: str, head, orgs) -> list:
    """The bodies listed right before ``head`` (A、B、head…), nearest last."""
    out, at = [], head.start
    while at > 0 and s[at - 1] == "、":
        b = next((o for o in orgs if o.end == at - 1), None)
        if b is None:
            break
        out.insert(0, b)
        at = b.start
    return out


def organized_by_party(doc):
    """中国共产党某某区第五次代表大会: a party congress is convened by that area's party committee."""
    for sm, evs in doc.with_events:
        for e, eref in evs:
            if not e.text.startswith(_C.party_name) or not sm.places:
                continue
            inside = [p for p in sm.places if e.start < p.start and p.end < e.end and p.get("level", 0) >= 4]
            if inside:
                area = doc.ref(inside[-1]).key
                doc.fact(eref, "organizedBy", doc.entity("Organization", area + "委", area + "委", "PartyBody"), sm)


def organized_by_home_pair(doc):
    """两区联席会议: a meeting named after the home and its zone together is organized by both."""
    both = doc.ctx.both
    if not both:
        return
    for sm, evs in doc.with_events:
        for e, eref in evs:
            if e.text.startswith(both) and e.subtype == "Meeting":
                for pl in doc.ctx.pair():
                    doc.fact(eref, "organizedBy", doc.entity("Place", pl, pl), sm)


def organized_by_host(doc):
    """由区人社局主办，区就业局、区农业农村局承办的EVENT: every host before the event."""
    for sm, evs in doc.with_events:
        if not sm.orgs:
            continue
        s = sm.sent.text
        for e, eref in evs:
            for o in sm.orgs:
                if o.end <= e.start and _hosts_at(s, o.end) and not _venue(s, o, sm):
                    doc.fact(eref, "organizedBy", doc.ref(o), sm)
                elif o.end <= e.start and s[o.end:o.end + 1] == "、" and \
                        any(s[o.end:].startswith("、" + x.text) and _hosts_at(s, x.end) for x in sm.orgs):
                    doc.fact(eref, "organizedBy", doc.ref(o), sm)


def organized_by_anaphora(doc):
    """本次竞赛由区人社局、区农业农村局联合主办: a sentence naming no event speaks of the
    article's event."""
    main = doc.main
    if main is None:
        return
    for sm in doc.sents:
        if not sm.orgs:
            continue
        s = sm.sent.text
        target = main.ref
        if sm.events:
            # 文化旅游节由A、B联合举办: the sentence opens with the event's short name, then 由
            evs = doc.events(sm)
            e0 = evs[0][0]
            if len(evs) > 1 or _DATE_LEAD.sub("", s[:e0.start]) or not s.startswith("由", e0.end):
                continue
            target = evs[0][1]
        hm = _HOSTED_BY.search(s) if "由" in s else None
        after = hm.end() if hm else None
        if hm:
            for o in sm.orgs:
                if hm.start(1) <= o.start and o.end <= hm.end(1) and not _nested(o, sm.orgs):
                    doc.fact(target, "organizedBy", doc.ref(o), sm)
        elif "由" in s and _ANAPHOR_BY.match(s):
            # 会议由县委办公室组织: the bodies listed after 由, when a convening word follows them
            for o in _listed_after(s, s.index("由") + 1, sm.orgs, _C.convene_after):
                doc.fact(target, "organizedBy", doc.ref(o), sm)
            after = s.index("由") + 1      # (本次竞赛由A指导，B、C协办: the clauses after go on)
        if after is not None:
            # …联合举办，C、D协办: the clauses after it list the other hosts before their verb
            hosting = set()           # starts of the bodies of a list that ends in a host verb
            # (towns too: …承办，A镇、B镇协办)
            for o in sorted((o for o in sm.orgs + sm.places if o.start >= after), key=M._start, reverse=True):
                if _hosts_at(s, o.end) or (s[o.end:o.end + 1] in _C.conj + ("、",) and o.end + 1 in hosting):
                    hosting.add(o.start)
                    doc.fact(target, "organizedBy", doc.ref(o), sm)


def _nested(o, orgs) -> bool:
    """A body named inside a longer one of the list (县委 in 县委农村工作领导小组办公室): not an item."""
    return any(x.start <= o.start and o.end <= x.end and x.end - x.start > o.end - o.start for x in orgs)


def _listed_after(s: str, i: int, orgs, then: tuple) -> list:
    """The bodies listed from i (A、B和C), when what follows the list starts with one of ``then``
    (after 联合/共同)."""
    out = []
    for o in sorted(orgs, key=M._start):
        if o.start == i:
            out.append(o)
            i = o.end
            if s.startswith(_C.conj, i) and any(x.start == i + 1 for x in orgs):
                i += 1
    if not out:
        return []
    if s.startswith(("联合", "共同"), i):
        i += 2
    return out if s.startswith(then, i) else []


# ---------------------------------------------------------------- heldAt

def held_at(doc):
    """EVENT在马山镇青石村举行 / 在区政务服务中心召开EVENT: the places and bodies between 在 and the
    verb (of a chain, the innermost)."""
    for sm, evs in doc.with_events:
        if not (sm.places or sm.orgs):
            continue
        s = sm.sent.text
        for e, eref in evs:
            m = _HELD_IN.search(s, e.end) or _WHERE_BEFORE.search(s, 0, e.start)
            if m is None:
                before = s[:e.start].rstrip("了")
                verb = next((v for v in _C.held if before.endswith(v)), None)
                if verb:
                    m = _place_before(sm, s, len(before) - len(verb))
            if m:
                inside = [x for x in sm.places + sm.orgs if m.start(1) <= x.start and x.end <= m.end(1)]
                for x in inside:
                    # (the innermost of a chain, and a whole name over a place it opens with: 滕州市会展中心)
                    if not any(y.start == x.end or (y.start == x.start and y.end > x.end) for y in inside):
                        doc.fact(eref, "heldAt", doc.ref(x), sm)
            _branch_venues(doc, sm, eref, e.end)


# the clauses that name where a sitting held in several places was held: 在X设主会场, 在X主会场举行;
# …，A、B(分别|同时|同步)设(立|置)分会场 (or 设主会场); 分会场设在A、B
_VENUE_CLAUSES = (
    re.compile("在([^，。；在]{2,30}?)(?:设立?|设置)?主会场"),
    re.compile("在([^，。；在]{2,30}?)(?:设立?|设置)分会场"),     # 我县在县政府六楼视频会议室设分会场
    re.compile("(?:^|[，,；;])(?:在)?([^，。；在]{2,40}?)(?:同步|同时|分别)?(?:设立?|设置)(?:分会场|主会场)"),
    re.compile("分会场(?:分别)?设在([^，。；]{2,40}?)(?=[，。；,;]|$)"),
)


def _branch_venues(doc, sm, eref, at: int):
    """…在X主会场举行，A、B设分会场 / 在X设主会场，A、B同步设立分会场: every place the venue clauses after
    ``at`` name is where the event was held."""
    s = sm.sent.text
    if "会场" not in s:
        return
    for clause in _VENUE_CLAUSES:
        for m in clause.finditer(s, at):
            for x in _innermost([x for x in sm.places + sm.orgs if m.start(1) <= x.start and x.end <= m.end(1)]):
                doc.fact(eref, "heldAt", doc.ref(x), sm)


def held_at_anaphora(doc):
    """会议由县委办公室组织，在县行政中心召开 / 本次活动在石桥村文化广场举行: a sentence naming no
    event but a word for the article's event is where that event was held."""
    main = doc.main
    if main is None:
        return
    for sm in doc.sents:
        if sm.events or not (sm.places or sm.orgs) or "在" not in sm.sent.text:
            continue
        s = sm.sent.text
        am = _ANAPHOR.match(s) or (_SET_CLAUSE.search(s) if "设在" in s or "选在" in s else None)
        if am is None:
            # 观摩结束后，推进会在侯镇召开: the article's event by the kind its name ends with
            kind = _KIND_THEN_AT.match(s)
            am = kind if kind and main.ref.key.endswith(kind.group("kind")) else None
        m = _HELD_IN.match(s, am.end() - 1) if am else None
        if am is None:
            # 与会人员…，随后在县行政中心召开推进会: the article's event by its kind after 在X召开
            bare = _HELD_BARE.search(s) if "召开" in s or "举行" in s or "举办" in s else None
            if bare and (bare.group(2) in ("会议", "活动") or main.ref.key.endswith(bare.group(2))):
                for x in sm.places + sm.orgs:
                    if bare.start(1) <= x.start and x.end <= bare.end(1):
                        doc.fact(main.ref, "heldAt", doc.ref(x), sm)
                continue
        if m is None and am and am.groupdict().get("set"):
            m = _SET_IN.match(s, am.end() - 1)
        while m:
            inside = [x for x in sm.places + sm.orgs if m.start(1) <= x.start and x.end <= m.end(1)]
            if am.groupdict().get("set"):   # (a match of _KIND_THEN_AT sets no site)
                # (设在平阳县人才市场 with only 平阳县 known: the county holds the site, is not it)
                inside = [x for x in inside if any(y.end == m.end(1) for y in inside)]
            for x in _innermost(inside):
                doc.fact(main.ref, "heldAt", doc.ref(x), sm)
            # 在X设主会场，在A、B设分会场: a clause opening with 在 goes on with the same event
            m = _HELD_IN.match(s, m.end() + 1) if s.startswith(("，在", ",在"), m.end()) else None


def held_at_set_clause(doc):
    """召开EVENT，会场设在X: a clause after a sentence's event that says where its site is set; the
    event just named was held at X."""
    for sm, evs in doc.with_events:
        s = sm.sent.text
        if "设在" not in s and "选在" not in s:
            continue
        cm = _SET_CLAUSE.search(s)
        if cm is None:
            continue
        before = [(e, r) for e, r in evs if e.end <= cm.start()]
        m = _SET_IN.match(s, cm.end() - 1)
        if not before or m is None:
            continue
        inside = [x for x in sm.places + sm.orgs if m.start(1) <= x.start and x.end <= m.end(1)]
        inside = [x for x in inside if any(y.end == m.end(1) for y in inside)]
        for x in _innermost(inside):
            doc.fact(before[-1][1], "heldAt", doc.ref(x), sm)


def held_at_venues(doc):
    """会议以视频形式召开，在县应急指挥中心设主会场，西城镇、洋中镇设分会场: a sentence naming no event
    whose venue clauses name a main site and branch sites: the article's event was held at each (the
    venue clauses of a sentence naming its event are read with it, ``held_at``)."""
    if doc.main is None:
        return
    for sm in doc.sents:
        if not sm.events and (sm.places or sm.orgs):
            _branch_venues(doc, sm, doc.main.ref, 0)


def _innermost(inside: list) -> list:
    """Of the mentions a venue's words hold, the innermost of a chain (川店镇张新场村: the village) and a
    whole name over a place it opens with (石门乡敬老院: the home, not 石门乡)."""
    return [x for x in inside if not any(y.start == x.end or (y.start == x.start and y.end > x.end) for y in inside)]


def held_at_named_place(doc):
    """铁路小区攻坚行动: an activity named after a small place (village, compound, site) happens there."""
    for sm, evs in doc.with_events:
        if not sm.places:
            continue
        for e, eref in evs:
            if e.subtype != "Activity":
                continue
            for x in sm.places:
                if x.start == e.start and x.end < e.end and x.get("level", 9) <= 2 and not x.text.endswith("中心"):
                    # (县行政中心干部培训班: the class of the centre's cadres, not one held in its building)
                    doc.fact(eref, "heldAt", doc.ref(x), sm)


# ---------------------------------------------------------------- people at events

_CHAIR_AT = re.compile("(?:在|于)[^，。；、“”]{1,14}?(?=主持)")


def chaired(doc):
    """X主持召开EVENT: X chaired (and attended) the event named after it; X主持(会议): the
    article's event."""
    main = doc.main
    for k, sm in enumerate(doc.sents):
        s = sm.sent.text
        if not sm.persons or "主持" not in s:
            continue
        evs = doc.events(sm)
        for p in sm.persons:
            at = p.end
            loc = _CHAIR_AT.match(s, at)
            if loc:
                at = loc.end()      # 甲在县政府主持召开…座谈会: where, between the name and 主持
            if not s.startswith(_CHAIR_ALL, at):
                t = M.title_re().match(s, at)       # 县政协覃丽华副主席主持会议: the title after the name
                if t is None or not s.startswith(_CHAIR_ALL, t.end()):
                    continue
                at = t.end()
            # every person of the article is an entity already (PageExtractor.article)
            pref = EntityRef("Person", p.text)
            if s.startswith(_C.chair_named, at) and evs:
                ev = next((r for e, r in evs if e.start >= at), None)
                if ev:
                    doc.fact(pref, "chaired", ev, sm)
                    doc.fact(pref, "attended", ev, sm)
                continue
            if s.startswith(_C.chair, at) and main:
                # (城固县召开…调度会，副县长甲主持会议: the sitting the sentence convenes; 主持预备会议: that sitting)
                # (…，我旗紧接着召开X会议，会场设在Y。甲主持会议: the sitting the sentence before convened)
                ev = _own_event(doc, sm, at) or _convened_before(doc, k, sm) or \
                    _ceremony_named(doc, s, at, main.ref, sm)
                doc.fact(pref, "chaired", ev, sm)
                doc.fact(pref, "attended", ev, sm)


def attended(doc):
    """A、B、C出席会议 / 参加…仪式 / 会上，X…: the persons before the attendance word attended the
    article's event (else the sentence's first)."""
    main = doc.main
    for k, sm in enumerate(doc.sents):
        if not sm.persons or not (main or sm.events):
            continue
        s = sm.sent.text
        ev = main.ref if main else doc.events(sm)[0][1]
        attend_at = None
        for v in (_C.attend if _ATTEND_WORDS.search(s) else ()):
            i = s.find(v)
            if i >= 0:
                attend_at = i
                break
        if attend_at is not None:
            # 甲出席会议并讲话，乙主持会议，丙到会通报…: an attendance word right after a later name
            # brings the names before it too
            ends = {p.end for p in sm.persons}
            for m in _ATTEND_WORDS.finditer(s, attend_at + 1):
                if m.start() in ends or m.group().startswith("一同"):
                    attend_at = m.start()   # (the word right after a name: that name's own clause; 乙、丙等县
                    # 领导一同观摩: those before it went along)
            je = _JOIN_END.search(s, attend_at + 1) if main else None
            if je and je.start() in ends:
                attend_at = je.start()      # 丙到会通报…，丁、戊出席。: a join word closing the sentence after a name
        if attend_at is None and _JOIN.search(s) and _ATTEND_AT.search(s):
            attend_at = _JOIN.search(s).start()
        if attend_at is None and main:
            je = _JOIN_END.search(s)
            if je:
                attend_at = je.start()
        # (结业式上，学员代表作了交流发言，甲对培训进行了总结: everyone the clause names was at it)
        kind_on = _KIND_ON.match(s) if main and s.find("上", 1, 11) > 0 else None
        if kind_on:
            attend_at = len(s)
            ev = _of_kind(doc, kind_on.group(1), ev)
        # 视察活动: the visit is the event, its party (带队, 参加视察) attended it
        if attend_at is None and main and main.ref.key.endswith(_VISIT_EVENT):
            ends = [m.end() if m.group().startswith("参加") else m.start() for m in _PARTY.finditer(s)]
            attend_at = max(ends) if ends else None
        elif attend_at is not None and any(v in s for v in _C.tour_join) and not (main and "观摩" in main.ref.key):
            attend_at = None    # (joining an on-site meeting's 观摩 is attending it: …现场观摩推进会)
        if attend_at is not None:
            ev = _own_event(doc, sm, attend_at) or _convened_before(doc, k, sm) or \
                _ceremony_named(doc, s, attend_at, ev, sm)
            for p in sm.persons:
                if p.start < attend_at and not _referenced(s, p):
                    doc.fact(doc.person(p.text, p.subtype), "attended", ev, sm)


# 甲带领机关党员到X开展EVENT: who leads a group to hold an event was at it
_LEADS_TO_HOLD = re.compile(f"^(?:带领|率领)[^，。；]{{0,30}}?(?:开展|举办|举行|参加)$")


def attended_by_leading_to_it(doc):
    """区财政局局长甲带领机关党员到枫亭村开展EVENT: the leader attended it (the clause between
    the name and the event holds no comma)."""
    for sm, evs in doc.with_events:
        if not sm.persons:
            continue
        s = sm.sent.text
        for p in sm.persons:
            if not s.startswith(("带领", "率领"), p.end):
                continue
            for e, eref in evs:
                if e.start > p.end and _LEADS_TO_HOLD.match(s[p.end:e.start]):
                    doc.fact(doc.person(p.text, p.subtype), "attended", eref, sm)
                    break


_BARE_CEREMONY = re.compile("(?:出席|参加)(签约仪式|开工仪式|揭牌仪式|启动仪式|颁奖仪式|颁奖典礼)")


# 出席推介会并致辞, 参加议事会。, 主持预备会议: the bare kind of event after the verb
_BARE_KIND = re.compile("(?:出席|参加|主持)了?([\u4e00-\u9fff]{2,6}?)(?=并|[，。；、,;]|$)")


_ANY_SITTING = ("会议", "大会", "会")


def _ceremony_named(doc, s: str, at: int, ev, sm=None):
    """推介会上举行了重大项目集中签约仪式。…甲出席签约仪式: the ceremony the article named, not its
    main event, is the one a bare ceremony word after 出席 speaks of. Any other bare kind (出席推介会,
    参加议事会, 主持预备会议) that the main event's name does not end with is the last event of that
    kind named up to the sentence (当天下午，A推介会在X举行。…乙出席推介会并致辞)."""
    m = _BARE_CEREMONY.match(s, at)
    if m is None:
        k = _BARE_KIND.match(s, at) if sm is not None else None
        if k is None or ev.key.endswith(k.group(1)) or k.group(1) in _ANY_SITTING:
            return ev     # (主持会议 after a 推进会: every sitting is a 会议; the word picks none out)
        return _last_of_kind(doc, sm, k.group(1), ev)
    word = m.group(1)
    # (a name of its own before the word: 启启动仪式, a doubled character of a PDF line, names none)
    return next((r for _, evs in doc.with_events for _, r in evs
                 if r != ev and r.key.endswith(word) and len(r.key) >= len(word) + 4), ev)


def _last_of_kind(doc, sm, word: str, ev):
    """The last event whose name ends with ``word`` (推介会) named up to the sentence, other than ev;
    ev when none is."""
    named = [r for sm2, evs in doc.with_events if sm2.sent.start <= sm.sent.start for _, r in evs
             if r != ev and r.key.endswith(word) and len(r.key) >= len(word) + 2]
    return named[-1] if named else ev


# 甲在培训会上作专题辅导: a speaker at the event a bare kind word names
_AT_BARE = re.compile("在([\u4e00-\u9fff]{2,6}?)上(?:作|讲话|发言|致辞|辅导|解读|授课)")


def attended_at_bare_kind(doc):
    """X在培训会上作专题辅导 / 在推介会上致辞: X attended the event of that kind named up to the
    sentence (the article's when its name ends so)."""
    main = doc.main
    if main is None:
        return
    for sm in doc.sents:
        s = sm.sent.text
        if not sm.persons or "上" not in s or sm.events:
            continue
        for p in sm.persons:
            m = _AT_BARE.match(s, p.end)
            if m is None:
                continue
            word = m.group(1)
            ev = main.ref if main.ref.key.endswith(word) else _last_of_kind(doc, sm, word, None)
            if ev is not None:
                doc.fact(doc.person(p.text, p.subtype), "attended", ev, sm)


_ON_THE_SITTING = ("会上", "会议上")     # 会上，乙作专题辅导报告: at the sitting just held
_HOLDING_VERBS = ("开展", "举办", "举行", "开展了", "举办了", "举行了")


def attended_by_speaking(doc):
    """X强调/指出/讲话 in an article about a meeting: X was at the meeting."""
    main = doc.main
    if main is None:
        return
    held = held_kind = held_para = None   # the sitting a sentence before holds, when it is not the article's
    held_by = ()              # and the persons that sentence names there
    for sm in doc.sents:
        s = sm.sent.text
        evs = doc.events(sm)
        # 当天，…开展“…”采风活动。甲表示…: who speaks next speaks of that activity, not of the launch
        for p in sm.persons:
            on_it = _ON_IT.match(s, p.end)
            if s.startswith(_C.speak, p.end) or _listed_speaker(s, p.end) or _SPEECH_KIND.match(s, p.end) or on_it \
                    or _each_spoke(s, p.end):
                own = _own_event(doc, sm, p.start) if evs else None
                # (a meeting held just before is the one 甲在会上表示 speaks at, or its own chair's next
                # words; a bare 甲强调 after it speaks in the article's meeting, an activity's at the activity)
                # (…召开X部署会。甲出席会议并作部署: a sentence that attends a bare sitting attends that one)
                before = held if held is not None and (on_it or held_kind == "Activity" or p.text in held_by or
                                                       (held_kind == "Meeting" and (_ATTEND_WORDS.search(s) or
                                                                                    s.startswith(_ON_THE_SITTING)))) \
                    else main.ref
                doc.fact(doc.person(p.text, p.subtype), "attended", before if not evs else (own or main.ref), sm)
                if s.startswith("共同", p.end):
                    # 甲、副市长乙共同为基地揭牌: every name of the list before did it together
                    for q in sm.persons:
                        if q.end < p.start and s[q.end:q.end + 1] == "、" and \
                                not any(c in "，。；：,;:" for c in s[q.end:p.start]):
                            doc.fact(doc.person(q.text, q.subtype), "attended", main.ref, sm)
        # (…授牌仪式在X举行。 / 县安委办召开…座谈会。: the sitting the next sentence may speak of; one
        # written as past or as another's (此前，县政协召开…主席会议) is none)
        if evs or (held is not None and held_para != sm.sent.para):
            # (the sitting stays the one spoken of through its paragraph: …学习会在X举行。甲主持会议并讲话。
            # 会上，乙作专题辅导报告)
            held = _own_event(doc, sm) if evs and not s.startswith(_PAST_LEAD) else None
            held_kind = next((e.subtype for e, r in evs if r == held), None) if held is not None else None
            held_by = {q.text for q in sm.persons} if held is not None else ()
            held_para = sm.sent.para


_SPEAK_RE = re.compile(_C.alternation("speak"))
# 甲、乙分别作了说明 / 先后发言: each of a list spoke in turn
_EACH_SPEAK = re.compile("(?:分别|先后|依次|相继)(?:" + _C.alternation("speak") + "|作)")


def _each_spoke(s: str, at: int) -> bool:
    """The name at ``at`` is in a list (titles between allowed) that closes with 分别/先后 and a speech verb."""
    m = _EACH_SPEAK.search(s, at, at + 40) if ("分别" in s or "先后" in s or "依次" in s or "相继" in s) else None
    return m is not None and not any(c in "，。；：,;:" for c in s[at:m.start()])


def _listed_speaker(s: str, at: int) -> bool:
    """A韩主任、B经济委苗主任、C副主任作专题发言: the speech verb closes a list whose every item
    ends with a title; each named in it spoke (and so attended)."""
    m = _SPEAK_RE.search(s, at, at + 60)
    if m is None:
        return False
    items = s[at:m.start()].split("、")
    titles = M.lexicon().titles
    return items[0] in titles and all(it.endswith(M._titles()) for it in items[1:]) and \
        not any(c in "，。；：,;:" for it in items for c in it)


def attended_as_speaker(doc):
    """X(总书记)在EVENT上的重要讲话: the speaker attended the event named."""
    for sm, evs in doc.with_events:
        if not sm.persons:
            continue
        s = sm.sent.text
        for p in sm.persons:
            m_ = _SPEAKER_AT.match(s, p.end)
            if m_:
                for e_ in _events_spoken_at(s, m_.end(), evs):
                    doc.fact(doc.person(p.text, p.subtype), "attended", e_, sm)


_SPEECH_END = re.compile(f"(?:{_C.alternation('spoken_at')})(?:的|作了?|发表了?)?(?:重要)?讲话")


def _events_spoken_at(s: str, at: int, evs) -> list:
    """在A上的讲话 / 在A、在B时的重要讲话: the events of the list at ``at`` (each the first name
    after its 在) up to where the speech is named (上的讲话, 时的重要讲话)."""
    end = _SPEECH_END.search(s, at)
    if end is None or any(c in s[at:end.start()] for c in "，。；"):
        return []
    return [r for e, r in evs if at <= e.start and e.end <= end.start() and
            (e.start == at or s[e.start - 1] == "在") and s[e.end] in "、上时开和及"]


# ---------------------------------------------------------------- reviewed

# …传达学习了A精神，印发了《B》: a document issued after a clause of study is issued, not reviewed
_ISSUED = re.compile("(?:印发|下发|出台|发布|制定)了?《?$")


def reviewed(doc):
    """会议审议《A》《B》: the event before the documents (else the article's) reviewed each
    document written after a review verb."""
    main = doc.main
    for k, sm in enumerate(doc.sents):
        if not sm.docs:
            continue
        s = sm.sent.text
        if not any(v in s for v in _C.review):
            continue
        # an event whose 精神 is studied (学习了…会议精神和《A》) is referred to, not the one studying;
        # so is each of a list whose last item's 精神 is (传达了A全会和B全会精神，审议通过了《…》)
        evs = doc.events(sm)
        studied, nxt = set(), None
        for e, r in reversed(evs):
            if s.startswith(_C.studied, e.end) or (nxt is not None and nxt.start == e.end + 1 and
                                                   s[e.end] in "和、及与" and id(nxt) in studied):
                studied.add(id(e))
            nxt = e
        ev = next((r for e, r in evs if e.end <= sm.docs[0].start and id(e) not in studied), None) or \
            _convened_before(doc, k, sm) or (main.ref if main else None)
        if ev:
            for d in sm.docs:
                if any(v in s[:d.start] for v in _C.review) and not _ISSUED.search(s, max(0, d.start - 6), d.start):
                    doc.fact(ev, "reviewed", doc.ref(d), sm)


# ---------------------------------------------------------------- one event, several names

def merge_event_names(doc):
    """The headline's event and the body's main event are one event (when their names are
    alike); so are a short and a long name of one event in one article (业务培训会 /
    迎国测业务培训会), unless the long one is numbered (第三次…)."""
    main = doc.main
    if main is not None:
        headline = [r for sm, evs in doc.with_events if sm.sent.start < 0 for _, r in evs]
        first_body = next((r for sm, evs in doc.with_events if sm.sent.start >= 0 for _, r in evs), None)
        # (every name of the body's event: a sitting under two names, A暨B, may be headlined by B)
        for h in headline:
            if h != main.ref and any(_similar(h.key, k) or _abridged(h.key, k) for k in _keys_of(doc, main.ref)):
                doc.merge(h, main.ref)
            elif h == main.ref and first_body is not None and first_body != h and \
                    (_abridged(h.key, first_body.key) or
                     any(_similar(h.key, k) for k in _keys_of(doc, first_body) if k != first_body.key)):
                doc.merge(h, first_body)    # (the headline's event is the article's: the body names it in full)
    refs = sorted({EntityRef("Event", doc.event_key(e.text)) for sm, _ in doc.with_events for e in sm.events},
                  key=lambda r: (-len(r.key), r.key))
    for k, long_ in enumerate(refs):
        for short in refs[k + 1:]:
            if doc.has(short) and doc.has(long_) and \
                    norm_key(short.key) in norm_key(long_.key) and \
                    norm_key(short.key) + "精神" not in norm_key(long_.key) and \
                    (not _ORDINAL.search(long_.key) or _ORDINAL.search(short.key)) and \
                    not long_.key.endswith(_SITTINGS_BEFORE):
                # (…第四次会议预备会议: the preparatory sitting before the session, a meeting of its own;
                # 学习贯彻党的二十大精神宣讲会 studies the congress, it is not the congress)
                # (2024年第六次集体学习 inside …中心组2024年第六次集体学习: the same numbered sitting)
                doc.merge(short, long_)
    # 全市安全生产暨森林防灭火工作视频会议 (a line above the body) and 信阳市安委会全体（扩大）会议暨全市森林防灭火
    # 工作视频会议: an event written like the second name of a sitting under two names is that sitting
    joint = [r for r in refs if doc.has(r) and len(doc.names(r)) > 1]
    for r in refs:
        if doc.has(r) and r not in joint and len(doc.names(r)) == 1:
            into = [j for j in joint if doc.has(j) and any(_similar(r.key, k) for k in _keys_of(doc, j)[1:])]
            if len(into) == 1:
                doc.merge(r, into[0])


# ---------------------------------------------------------------- helpers

def _keys_of(doc, ref) -> list:
    """The event's key and the keys of its other names."""
    return [ref.key] + sorted({doc.event_key(n) for n in doc.names(ref)} - {ref.key})


_SITTINGS_BEFORE = ("预备会议", "预备会", "主席团会议")

def _venue(s: str, o, sm) -> bool:
    """在X举办 / 到X举办: X (or the place chain ending in it) is where, not who."""
    at = o.start
    while True:
        if s.endswith(("在", "到", "走进", "深入"), 0, at):
            return True
        prev = next((p for p in sm.places if p.end == at), None)
        if prev is None:
            return False
        at = prev.start


def _hosts_at(s: str, i: int) -> bool:
    """A host verb at i, or after two characters (联合, 共同) at i."""
    return any(s.startswith(v, i) or s.startswith(v, i + 2) for v in _C.host)


def _subjects(sm, verb_at):
    """Who convened: the list of bodies or places standing right before the verb
    (省委、市委关于开展…), else the one that opens the sentence after a date phrase
    (荆州区消防救援大队组织…人员，到…开展…行动)."""
    s = sm.sent.text
    cands = [m for m in sorted(sm.orgs + sm.places, key=M._start) if m.end <= verb_at]
    near = []
    end = verb_at
    for m in reversed(cands):
        gap = s[m.end:end]
        if (gap in _LIST_GAP or (gap in _JOINTLY and near)) and (near or gap == ""):
            if near and m.end == near[0].start and m.type == "Place":
                end = m.start       # 西城街道通会桥社区, 纪南镇桃园村妇联: the innermost place, or the body, convenes
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
        if gap in _HEAD_GAP or (chain_end is not None and m.start == chain_end):
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
    return out


def _referenced(s: str, p) -> bool:
    """A leader named as the source of a speech being studied (传达学习习近平总书记…讲话) is not present."""
    return s[max(0, p.start - 4):p.start].endswith(_C.study)


_TERM_NO = re.compile("([一二三四五六七八九十百]+)届")
_SITTING_NO = re.compile("([一二三四五六七八九十百0-9]+)次")


def _sitting(name: str):
    """A numbered sitting's term, number, kind and body, the same however it is abbreviated (县政协十一届十二次
    常委会议 / 政协X县第十一届委员会常务委员会第十二次会议); None for a name without both numbers."""
    t, n = _TERM_NO.search(name), _SITTING_NO.search(name)
    if not (t and n):
        return None
    k = name.replace("常务委员会", "常委")
    # whose sitting ("" when the name leaves it out): 区十届人大五次会议 and 区政协十届五次会议 are two
    # sittings of one week
    body = "政协" if "政协" in k else "人大" if "人大" in k or "人民代表大会" in k else ""
    return t.group(1), n.group(1), "常委" in k, "全体" in k or "全会" in k, body


_HOME_LEAD = ("全县", "全区", "全市", "全旗", "我县", "我区", "我市", "我旗")
_OPENING_WORDS = ("开班仪式", "开班式", "开幕式", "启动仪式", "开幕仪式")


def _abridged(short: str, long_: str) -> bool:
    """A headline's name written from the body's with words left out (弥勒市“欢乐彝乡”文艺汇演 for
    弥勒市2025年“欢乐彝乡”庆祝建州周年文艺汇演; 全市…培训班 for 新沂市2025年…培训班开班仪式): its
    characters in order in the long name (the home written 全市/我县 before, an opening after), the
    same suffix closing both."""
    a, b = norm_key(short), norm_key(long_)
    if a.startswith(_HOME_LEAD):
        a = a[2:]
    for w in _OPENING_WORDS:
        if b.endswith(w) and not a.endswith(w):
            b = b[:-len(w)]
            break
    if len(a) < 6 or len(a) >= len(b) or a[-2:] != b[-2:]:
        return False
    it = iter(b)
    return all(c in it for c in a)


_CN_ORDINAL = re.compile("第([零〇一二两三四五六七八九十百]+)(?=[次届期])")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def _cn_number(w: str) -> int:
    """六十二 → 62, 十五 → 15, 一百零三 → 103 (the ordinals meetings are numbered by)."""
    total, cur = 0, 0
    for c in w:
        if c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = _CN_DIGIT[c]
    return total + cur


def _arabic(name: str) -> str:
    """A name with its ordinal in digits: 第六十二次常务会议 and 第62次常务会议 compare equal."""
    return _CN_ORDINAL.sub(lambda m: f"第{_cn_number(m.group(1))}", name) if "第" in name else name


def _similar(a: str, b: str) -> bool:
    a, b = norm_key(a), norm_key(b)
    da, db = _arabic(a), _arabic(b)
    if da in db or db in da:
        return True
    sa, sb = _sitting(a), _sitting(b)
    # a name that leaves out its body (十一届十二次常委会议 after 县政协召开) may be either's
    if sa is not None and sb is not None and sa[:4] == sb[:4] and (sa[4] == sb[4] or not sa[4] or not sb[4]):
        return True
    A = {a[i:i + 2] for i in range(len(a) - 1)}
    B = {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(A and B) and 2 * len(A & B) / (len(A) + len(B)) >= 0.6
