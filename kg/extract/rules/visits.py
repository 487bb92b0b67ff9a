"""Visits: the party of a tour (the leader, those listed with and joining them) inspected every
stop (先后到A、B、C等地; 考察了X镇Y村、Z村)."""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import mentions as M
from kg.text.lexicon import cues, lexicon, list_heads
from kg.extract.segment import inside_word, is_common_word

_C = cues()
# whether an article holds a word of visit or travel: one scan of its text, not one ``in`` per
# word (half the articles hold none, and each of 28 words was looked for over all its text)
_TOUR_WORD = re.compile(_C.alternation("visit", "travel"))
_VISITING = re.compile(_C.alternation("visit", "tour_cue"))
_TRIGGER_RE = re.compile(_C.alternation("tour_trigger"))
_TRAVEL_AFTER = "".join(_C.travel_after_char)
_PARTY_JOIN_END = re.compile("参加({})?(?=[。；，,]|$)".format(
    "|".join(re.escape(v[2:]) for v in _C.party_join if v.startswith("参加") and len(v) > 2)))
_STOP_END = re.compile(_C.alternation("stop_end"))
# a sentence about a meeting's sitting: a bare 参加 in it attends the meeting, it joins no tour
# (市委书记甲出席并讲话，市长乙主持会议，市领导丙、丁参加)
_AT_MEETING = re.compile("出席|列席|主持|会议")
_JOIN = frozenset(w for w in _C.conj if w != "、")
_HEADS = list_heads()
_LEVEL = {"Town": 3, "Park": 3, "Village": 2, "Community": 2, "Compound": 1, "Site": 1}
_BESIDE = re.compile(_C.alternation("near", "facing"))


class Tour(NamedTuple):
    party: list      # names of the visiting party, in order of mention
    stops: list      # [(mention, SentMentions)]: each stop with the sentence that names it


def inspected(doc):
    """The visiting party × every stop of the tour: inspected."""
    tour = doc.memo(tour_of)
    if tour is None or not tour.party:
        return
    for m, sm in tour.stops:
        was = m.get("was")
        if was is not None:       # a park listed 等项目: the finder's place is the project
            doc.merge(doc.ref(was), doc.ref(m))
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
            # 当天，…走进江平镇，开展“…”采风活动: a stop of a sentence that holds an event of its own
            # after it is where that event is, not the article's
            own = next((r for e, r in doc.events(sm) if e.start >= m.end), None)
            doc.fact(own or main.ref, "heldAt", doc.ref(m), sm)


# ---------------------------------------------------------------- the tour of an article

def tour_of(doc) -> Tour | None:
    """The visiting party and the stops of the article's tour; None when the article names no
    visit or travel at all. Read by several rules: made once (Doc.memo)."""
    sms = doc.sents
    text_all = "".join([sm.sent.text for sm in sms])
    if _TOUR_WORD.search(text_all) is None:
        return None
    party, stops = [], []
    last_firm = None
    for k, sm in enumerate(sms):
        s = sm.sent.text
        has_visit = sm.persons and _VISITING.search(s)
        for p in (sm.persons if has_visit else ()):
            if s.startswith(_C.leading, p.end):
                party += [q.text for q in _listed_before(sm, p)] + [p.text]
                if s.startswith(("带领", "率"), p.end):
                    # 甲带领镇党委副书记乙等镇村干部深入…: those led, named before the verb of travel, go too
                    # (each led named with a title: 带领区党政代表团 names a delegation, no one in it)
                    stop = _LED_UNTIL.search(s, p.end + 2)
                    party += [c.person.text for c in sm.chains if p.end < c.person.start and
                              (stop is None or c.person.end <= stop.start()) and not s.startswith(_C.escort, c.person.end)]
        if "一行" in s and sm.persons and _VISITING.search(s):
            # 甲,市政协副主席乙及市民政局相关人员一行到…: everyone named before 一行 travels
            at = s.index("一行")
            party += [p.text for p in sm.persons if p.end <= at and not s.startswith(_C.escort, p.end)]
        for v in (_C.party_join if "参加" in s else ()):    # all of them say 参加
            i = s.find(v)
            if i >= 0 and (v != "参加" or (_PARTY_JOIN_END.match(s, i) and not _AT_MEETING.search(s))):
                party += [p.text for p in sm.persons if p.end <= i and not s.startswith(_C.escort, p.end)]
                break
        for m in (_TOGETHER.finditer(s) if "一同" in s or "一起" in s else ()):
            # 乙、丙等市领导一同观摩: those named before go along too, after the first joined
            party += [p.text for p in sm.persons if p.end <= m.start() and not s.startswith(_C.escort, p.end)]
        found = _stops(sm) + _declared_stops(sm)
        if not found and s.startswith("在") and k + 1 < len(sms) and sms[k + 1].sent.para == sm.sent.para:
            found = [(m, sm) for m in _scene_then_visitor(sm, sms[k + 1])]
        if last_firm is not None and sm.sent.para == last_firm[1].sent.para and _BACK_TO_FIRM.search(s):
            found.append(last_firm)      # 位于X的A公司，是…企业。甲一行走进公司车间: A is the stop
        stops += found
        firms = [o for o in sm.orgs if o.subtype in ("Enterprise", "Cooperative")]
        if firms:
            last_firm = (firms[-1], sm)
    party = [p for p in dict.fromkeys(party)]
    # hosts: the first word of going along after the name is 陪同 (甲,乙陪同: both host;
    # 甲参加，乙陪同: 甲 is of the party)
    hosts = {p.text for sm in sms for p in sm.persons if _escorts(sm.sent.text, p.end)}
    party = [p for p in party if p not in hosts]
    return Tour(party, stops)


_TOGETHER = re.compile("(?:一同|一起)(?:" + _C.alternation("visit") + "|观摩)")
_OWN_SUBJECT = re.compile("(?:负责人|负责同志|相关人员|工作人员|领导|干部)(?:等)?$")
_OWN_VERB = re.compile(_C.alternation("visit", "travel") + "|到|赴|深入|来到|前往|走进")
_GOING_ALONG = re.compile(_C.alternation("escort", "party_join") + "|一同|一行|带队|率队|[。；]")


def _escorts(s: str, i: int) -> bool:
    """The first word of going along after position i (within a few words) is 陪同."""
    m = _GOING_ALONG.search(s, i, i + 24)
    if m is None or m.group() not in _C.escort:
        return False
    # 甲走访调研…，县工信局负责人陪同: the clause before 陪同 has a subject of its own (people of a
    # body), who host; 甲 does not
    k = s.rfind("，", i, m.start())
    if k >= 0 and (_OWN_SUBJECT.search(s, k + 1, m.start()) or _OWN_VERB.search(s, i, k)):
        return False      # (甲到X调研，乙陪同: 甲 has a verb of his own, 乙 hosts him)
    return True


def _stops(sm):
    """The stops of a tour a sentence lists after a travel or visit verb (先后到A、B、C等地;
    考察了X县Y镇Z村、W村; 走进A、B等企业): each item of the list, from the verb to where the list ends
    (等, the next verb or clause), is a stop: the mention that fills it (of a place chain only the
    innermost: 红安县城关镇曹家畈村 is 曹家畈村), or, where no finder names the item, a new name of the
    kind the list says it holds (等企业, 等项目现场, 等村委会) or its named neighbours are (华翔能源、
    艾华集团: companies)."""
    s = sm.sent.text
    triggers = list(_TRIGGER_RE.finditer(s))
    if not triggers and not (s.startswith("在") or "对" in s):
        return []         # (most sentences: no travel or visit verb)
    ms = sorted([m for m in sm.places + sm.projects + sm.orgs], key=lambda m: (m.start, -m.end))
    # a mention inside a longer one (a place in a project name) is not a stop of its own
    ms = [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                   (o.end - o.start) > (m.end - m.start) for o in ms)]
    others = [(p.start, p.end) for p in sm.persons + sm.events]
    picked = _framed(s, ms, triggers, sm.persons) + _addressed(s, ms)
    for t in triggers:
        if t.group() in _C.bare_travel and t.start() > 0 and s[t.start() - 1] not in _TRAVEL_AFTER and \
                not s[:t.start()].endswith(_C.travel_lead):
            if not any(s[:t.start()].endswith(p.text) for p in sm.persons):
                continue  # 得到, 做到, 达到: not travel
        # (察看了镇上的X公司: the bare town word refers back, the enterprise is the stop)
        bare = _BARE_KIND.match(s, t.end())
        stops = _list_stops(s, bare.end() if bare else t.end(), ms, others, sm)
        if not stops or inside_word(s, t.end()):
            continue      # 考察|团, 走访|户: the verb is part of a longer word
        for m in stops:
            if not any(m.start == p.start and m.end == p.end for p in picked):
                picked.append(m)
    out = []
    for m in picked:
        if m.type == "Organization" and m.subtype in ("GovernmentBody", "PartyBody") and not m.get("listed") \
                and m.text.endswith(_ORGANS):
            continue      # a body named in passing (到区委…) is no stop; one in a list of stops is, and so is
            # a public service's centre or station (来到位于X镇的Y县养老服务中心)
        if m.type == "Place" and s.startswith(_QUALIFIERS, m.end):
            continue      # 调研我县部分民营企业: the area qualifies the things visited, it is no stop
        out.append((m, sm))
    return out


# 在X，视察组走进…: the tour's team named right after the frame, then a verb of looking
_TEAM_AT = re.compile("(?:视察组|调研组|检查组|督导组|督查组|考察组|考察团|调研团|执法检查组)(?:一行)?(?:成员)?")
# where the party a leader leads ends: the verb of travel or visit after it, or a clause's end
_LED_UNTIL = re.compile("[，。；]|" + _C.alternation("visit", "travel"))
# the rooms and sheds of a firm a visitor walks into (the firm is the stop)
_FIRMS_ROOMS = ("车间", "大棚", "厂房", "展厅", "仓库")
def _kind_of_room(item: str) -> bool:
    """模组装配车间, 晾晒大棚: the words before the room's word are words of the dictionary and no
    proper name (塔林乳品加工车间, 义和达坝…车间 are named workshops, stops of their own)."""
    core = item[:-2]
    words = M.lcut(core) if core else []
    return bool(words) and all(len(w) > 1 and M.freq(w) and not (M.tag(w) or "").startswith(("nr", "ns", "nz", "nt"))
                               for w in words)


# the organs of party and government, which a visit goes to on business, not to look at
_ORGANS = ("委", "政府", "人大", "常委会", "政协", "局", "办", "部", "办公室", "委员会", "党组", "党委", "党工委", "管委会")
# 甲一行走进公司生产车间 / 来到该企业: a visit verb, then the word for the company the sentence
# before introduced (named no more)
_BACK_TO_FIRM = re.compile(f"(?:走进|来到|进入|深入|参观|察看|查看)了?(?:该)?(?:公司|企业|合作社)(?![{M.CJK}]{{0,2}}(?:负责人|等))")
# A、B等企业是此次调研的第一站: the subject of a sentence that says it is a stop of the tour
_DECLARED_STOP = re.compile("(?:等(?:企业|单位|项目|村|地))?(?:是|为|成为)(?:此次|本次|这次)?(?:调研|考察|视察|督导|检查|观摩)"
                            "(?:活动)?的?(?:第[一二三四五六七八九十]站|首站|最后一站|重要一站|一站)")


def _declared_stops(sm) -> list:
    """A、B等企业是此次调研的第一站: every body, project or place of the subject (a container
    qualifying them, X园区内的, excepted)."""
    s = sm.sent.text
    if "站" not in s:
        return []
    m = _DECLARED_STOP.search(s)
    if m is None or "，" in s[:m.start()] or "。" in s[:m.start()]:
        return []
    out = []
    for x in sorted(sm.places + sm.projects + sm.orgs, key=lambda x: x.start):
        if x.end <= m.start() and not s.startswith(("内的", "的", "里的"), x.end) and \
                not any(o is not x and o.start <= x.start and x.end <= o.end for o in sm.places + sm.projects + sm.orgs):
            out.append((x, sm))
    return out


# what makes a place right before it a qualifier of the things visited (我县部分企业, 全镇重点项目)
_BARE_KIND = re.compile("了?(?:镇|乡|村|社区|街道|园区|开发区)(?:上|里|内)的")
_QUALIFIERS = ("部分", "重点", "规上", "规模以上", "有关", "相关", "多家", "一批", "各类", "全部", "辖区")

# 在X调研时，甲… / 在X，调研组分别到…: the place the sentence opens in is a stop
_FRAMED = re.compile(f"^在([^，。；]{{2,32}}?)(?:[，,]|(?:实地)?(?:{_C.alternation('visit')})(?:时|期间))")
# 对X(…工作)进行督查: the place or body the inspection is addressed to
_ADDRESSED = re.compile(f"对([^，。；]{{2,30}}?)(?:{_C.alternation('inspect_done')})(?:{_C.alternation('visit')})")


# 在X，甲详细了解…: a visitor named right after the frame, asking or looking, is at X
_INQUIRE = ("详细了解", "深入了解", "仔细了解", "了解", "察看", "查看", "详细询问", "询问", "听取")


# (an adverb may come first: 在X，甲仔细查看…; so may a step inside: 甲走进车间)
_LOOKS = re.compile("(?:仔细|详细|认真|实地|逐一|深入|先后)?(?:" + "|".join(_INQUIRE + ("走进", "来到", "检查", "察看了", "查看了")) + ")"
                    "|与[^，。；]{1,16}?(?:交谈|座谈|交流|拉家常)")   # (在X，甲与村民亲切交谈: he is there)
# what a frame may name after its stop: 在X项目现场，在X施工现场，
_FRAME_TAILS = ("施工现场", "建设现场", "项目现场", "生产现场", "现场")


# 在X，甲向企业负责人乙详细了解…: asking someone there
_ASKS_OF = re.compile(f"向[^，。；]{{1,14}}?(?:{'|'.join(_INQUIRE)})")
# 在入驻园区的X公司，…: a clause of no comma ending in 的 before the name qualifies it
_QUALIFIED = re.compile("[^，。；、,;]{2,16}的")


def _qualified_end(s: str, a: int, b: int) -> int:
    return b if _QUALIFIED.fullmatch(s, a, b) else a


# 在X，公司总经理甲介绍…: the host briefing the visitors at X (in a tour: X is a stop)
_HOST_BRIEFS = re.compile(f"(?:该)?(?:公司|企业|合作社|厂|基地|项目|医院|学校)?(?:主要)?"
                          f"(?:负责人|负责同志|总经理|董事长|厂长|经理|院长|校长)[{M.CJK}]{{0,4}}?(?:介绍|汇报)")


def _scene_then_visitor(sm, nxt) -> list:
    """在X村的Y基地，一排排大棚整齐排列…。甲走进大棚，…: a paragraph that opens on the scene of a stop,
    the visitor walking into it in the next sentence: X's Y is a stop."""
    p = next((p for p in nxt.persons if p.start == 0), None)
    if p is None or not _LOOKS.match(nxt.sent.text, p.end):
        return []
    ms = sorted(sm.places + sm.projects + sm.orgs, key=lambda m: (m.start, -m.end))
    return _framed(sm.sent.text, ms, [], (), scene=True)


def _framed(s: str, ms: list, triggers: list, persons: list = (), scene: bool = False) -> list:
    """在X，…分别到… / 在X调研时，… / 在X，甲详细了解…: X (of a chain, the innermost) is a stop of
    the tour (``scene``: the visitor is named in the next sentence)."""
    fm = _FRAMED.match(s) if s.startswith("在") else None
    if fm is None or not (scene or triggers and triggers[0].start() > fm.end() or s[fm.end() - 1] not in "，," or
                          any(p.start == fm.end() and (_LOOKS.match(s, p.end) or _ASKS_OF.match(s, p.end))
                              for p in persons) or
                          _HOST_BRIEFS.match(s, fm.end()) or s.startswith(_INQUIRE, fm.end()) or
                          (_TEAM_AT.match(s, fm.end()) and _LOOKS.match(s, _TEAM_AT.match(s, fm.end()).end()))):
        return []          # 在X， opens a sentence of travel only when a travel verb (or a visitor) follows
    end = fm.end(1)
    chain = [m for m in ms if fm.start(1) <= m.start and m.end <= end]
    if chain and chain[-1].end != end:
        # 在X项目现场，: the stop is X, the site of its works no name of its own
        tail = next((t for t in _FRAME_TAILS if s.endswith(t, fm.start(1), end) and
                     any(m.end == end - len(t) for m in chain)), "")
        end -= len(tail)
        chain = [m for m in chain if m.end <= end]
    # 在入驻园区的X公司，在位于Y村的X合作社，: X, qualified (the qualifier may name a place of its own)
    lead = next((m for m in chain if m.start > fm.start(1) and _QUALIFIED.fullmatch(s, fm.start(1), m.start)), None)
    if lead is not None:
        chain = [m for m in chain if m.start >= lead.start]
    if not chain or chain[0].start not in (fm.start(1), _qualified_end(s, fm.start(1), chain[0].start)) or \
            chain[-1].end != end or \
            any(a.end != b.start for a, b in zip(chain, chain[1:])):
        return []          # the frame is not one name (在调研中，在这里，…)
    return [chain[-1]]


def _addressed(s: str, ms: list) -> list:
    """对西岗区…工作进行督查: the place the inspection is addressed to (named right after 对)."""
    out = []
    for am in (_ADDRESSED.finditer(s) if "对" in s else ()):
        chain = []
        for m in ms:
            if m.type == "Place" and m.start == (chain[-1].end if chain else am.start(1)):
                chain.append(m)
        if chain:
            out.append(chain[-1])
    return out


def _list_stops(s: str, j: int, ms: list, others: list, sm) -> list:
    """The stops of the list that starts at j (see _stops)."""
    if s.startswith("了解", j):      # 察看了解A、B: what is looked at follows 了解
        j += 2
    elif s.startswith("了", j):
        j += 1
    items, end = _items(s, j, ms)
    if not items:
        return []
    head = _head_after(s, end)
    found, unnamed = [], []
    for a, b in items:
        if any(a < y and x < b for x, y in others):
            return found           # a person or an event in the list: no list of stops
        stops = _filled(s, a, b, ms, sm)
        if stops is None:
            unnamed.append((a, b))
        else:
            found += [_as_project(m) if head == ("Project", "") else m for m in stops]
    kind = head or _kind_of(found)
    if unnamed:
        for a, b in unnamed:
            own = _suffix_kind(s[a:b])        # 中村: a village all the same
            if own and (M.facility_kind(s[a:b]) or s.startswith(M._FIRM_WORDS, a)):
                continue                      # 走进生产车间: the kind of place, no stop of its own (公司车间: the firm's)
            if s[a:b].endswith(_FIRMS_ROOMS) and any(m.type == "Organization" and m.end <= a for m in ms) and \
                    _kind_of_room(s[a:b]):
                continue                      # 在X公司，甲走进模组装配车间: the firm's own workshop, the firm the stop
            if (own or kind) and _plausible_item(s[a:b], strict=head is None and own is None):
                type_, sub = own or kind
                level = _LEVEL.get(sub, 2) if type_ == "Place" else 0
                found.append(M.Mention(type_, s[a:b], a, b, sub, (("level", level), ("listed", True)) if level
                                       else (("listed", True),)))
    # a list that goes on after a comma, of names the finders know (…小丰山村，全国…试点村七里坪镇柏林寺村)
    if s.startswith("，", end) and not head:
        nxt = _STOP_END.search(s, end + 1)
        stop_at = nxt.start() if nxt else len(s)
        tail = [m for m in ms if end < m.start and m.end <= stop_at]
        if tail and (tail[-1].end == stop_at and (nxt is None or nxt.group() in ("，", "。", "；", "等", "现场"))):
            for a, b in _items(s, end + 1, ms)[0]:
                found += _filled(s, a, b, ms, sm, whole=False) or []
    return sorted(found, key=M._start)


_LIST_GOES_ON = ("、", "和", "及", "以及")


def _items(s: str, j: int, ms: list) -> tuple[list, int]:
    """The items of the list at j, as spans, and where the list ends. Items are split at 、, and at
    和/及/与 where a named item ends (和平村 keeps its 和)."""
    m = _STOP_END.search(s, j)
    while m is not None and m.group() == "现场" and s.startswith(_LIST_GOES_ON, m.end()):
        m = _STOP_END.search(s, m.end())     # A项目现场、B工程: the site of one stop, the list goes on
    end = m.start() if m else len(s)
    ends = {x.end for x in ms}
    starts = {x.start for x in ms}
    items, a = [], j
    for k in range(j, end):
        if s[k] == "、" or (s[k] in _JOIN and (k in ends or k + 1 in starts)):
            if k > a:
                items.append((a, k))
            a = k + 1
    if end > a:
        items.append((a, end))
    return items, end


def _filled(s, a, b, ms, sm, whole=True):
    """The stops mentions name in the item [a, b): of a place chain the innermost (a run of
    provinces, 赴沪浙苏, is each of them); a school or body followed by 旁边/门口 is the place it
    stands in. None: no mention fills the item; []: the item is something else (a feature after
    the stop is dropped with it)."""
    inside = [m for m in ms if a <= m.start and m.end <= b]
    if not inside:
        return None
    if len(inside) > 1 and inside[-1].end == b and \
            (inside[-1].type != "Place" or inside[-1].subtype in ("Park", "Site")) and \
            inside[0].start == a and inside[0].type == "Place" and \
            s.startswith(("的", "内的", "里的"), inside[-2].end) and inside[-2].type == "Place":
        return [inside[-1]]    # 磁灶镇的X公司, X镇的Y产业园: the company or park is visited, the town says where it is
    if inside[0].start != a:
        # the item opens with words no finder names: only a name that ends it is the stop
        last = inside[-1]
        # (县城的X医院: words of no name and 的 before it, the named stop)
        return [last] if last.end == b and (not whole or last.type == "Place" or s[last.start - 1:last.start] == "的") \
            else (None if whole else [])
    chain = [inside[0]]
    for m in inside[1:]:
        if m.start == chain[-1].end:
            chain.append(m)
    last = chain[-1]
    if last.type == "Organization" and _BESIDE.match(s, last.end):
        place = next((p for p in chain[:-1] + sm.inner_places if p.type == "Place" and
                      (p.end == last.start or p.start == last.start)), None)
        return [place] if place is not None else []     # 沿河村希望小学旁边桥梁: the village
    if len(chain) > 1 and all(m.type == "Place" and m.get("level", 0) == last.get("level", 0) for m in chain) \
            and (last.subtype != "Park" or chain[-2].subtype == "Park"):
        return chain      # 沪浙苏: places of one level side by side (竹园镇|茶叶产业园: the park is the town's)
    if len(chain) > 1 and last.type != "Place" and chain[-2].type == "Place" and \
            chain[-2].get("level", 0) <= last.get("level", 0):
        return [chain[-2]]
    if last.type == "Organization":
        last = M.Mention(*last[:5], last.info + (("listed", True),))
    return [last]


_ADDRESS = re.compile(r"\d+[号栋楼室弄幢]")


def _as_project(m):
    """A park or site in a list the word after 等 says is of projects (A园区、B等项目现场) is the
    project there, not a place; the place's entity is merged into it (``was``)."""
    if m.type != "Place" or m.subtype not in ("Park", "Site"):
        return m
    return M.Mention("Project", m.text, m.start, m.end, "", (("was", m),))


def _head_after(s: str, end: int):
    """(type, subtype) the word after 等 says the list's items are, or None."""
    if not s.startswith("等", end):
        return None
    for word, kind in _HEADS:
        if s.startswith(word, end + 1):
            return kind
    return None


def _suffix_kind(text: str):
    """(type, subtype) an item's own suffix gives it (…村, …公司), or None."""
    L = lexicon()
    for k in range(min(len(text) - 1, 5), 0, -1):
        suf = text[-k:]
        if suf in L.place_suffixes:
            return ("Place", L.place_suffixes[suf][0])
        if suf in L.org_suffixes and len(suf) > 1:
            return ("Organization", L.org_suffixes[suf])
    return None


def _kind_of(found: list):
    """The kind of the named items of a list when they are all companies or all projects."""
    kinds = {(m.type, m.subtype if m.type == "Organization" else "") for m in found}
    if len(kinds) == 1 and next(iter(kinds)) in (("Organization", "Enterprise"), ("Project", "")):
        return next(iter(kinds))
    return None


def _plausible_item(text: str, strict: bool) -> bool:
    """An item of a list no finder names reads as a name: short, no function word or verb
    phrase in it, and (unless the list says what its items are) not a common word."""
    if not (2 <= len(text) <= 14) or text[0] in M.STOP_CHARS or text in M.GENERIC or \
            any(c in text for c in "的某和与及") or M.area_kind(text):
        return False         # (某: an anonymised name; 和/与/及: two things no finder could part; 园区镇村: a kind)
    if any(not (M._is_cjk(c) or c.isalnum() or c == "·") for c in text) or _ADDRESS.search(text):
        return False         # a street address with a house number is no name (荆北路75号)
    if any(M._stopword_ending_at(text, i) for i in range(2, len(text) + 1)):
        return False
    return not (strict and is_common_word(text))


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
