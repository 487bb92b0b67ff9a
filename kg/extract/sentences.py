"""Sentences of an article and the mentions of each: the finders of kg.mentions run here, once
per sentence, and what they find is assembled into one ``SentMentions`` for the rules."""
from __future__ import annotations

import re

from kg.extract import mentions as M
from kg.extract.gates import ALL, EVENTS, LISTED, ORGS, PLACES, PROJECTS, SUBJECTS, TITLES, home_named
# (widen is model's: Sentence.of needs it, and model is the module below this one)
from kg.extract.model import NameFinds, Sentence, SentMentions, _new, widen
from kg.text.lexicon import lexicon


# r"[。！？；!?;]+[”’」]?|\n+", opening with one character set so that re skips to the next
# sentence end instead of trying a match at every position
_SENT_END = re.compile(r"[。！？；!?;\n](?:(?<=\n)\n*|[。！？；!?;]*[”’」]?)")


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


def find_names(s: str, known: frozenset = frozenset(), gate: int = ALL) -> NameFinds:
    titles = M.title_matches(s) if gate & TITLES else []
    # (a notice line, NAME，男，…现任CHAIN, is read whatever the gates: its own test is cheap)
    notice = M.find_notice_chains(s, known) if "男，" in s or "女，" in s else []
    if "同志任" in s or "同志担任" in s or "任命" in s or "选" in s or "增补" in s or (len(s) <= 48 and "为" in s):
        notice = notice + M.find_appointed_chains(s)     # (as cheap: read whatever the gates)
    listed = M.find_listed_names(s, known) if gate & LISTED else []
    if "免去" in s:
        listed = listed + M.find_removed_names(s)
    return _new(NameFinds, (notice + M.find_chains(s, known, titles) + M.find_title_after(s, titles) if titles else notice,
                            listed + M.find_subject_names(s, known) if gate & SUBJECTS else listed))


# 市领导来松调研 (松 for 松阳县): 来, 赴 and 到 are surnames too, but before the home's first character and a
# verb of visiting they are the coming, not a person
_VISIT_AFTER = ("调研", "考察", "视察", "检查", "督导", "指导", "调度", "慰问", "走访", "参观", "开展", "对接", "洽谈")


def _came_home(s: str, p, home_names) -> bool:
    return len(p.text) == 2 and p.text[0] in "来赴到" and s.startswith(_VISIT_AFTER, p.end) and \
        any(w.startswith(p.text[1]) and len(w) >= 2 and w[0] != "我" for w, _ in home_names)


def mention_sentence(sent: Sentence, known: frozenset, ctx_names: tuple = (),
                     first: NameFinds | None = None, home_names: tuple = (), gate: int = ALL,
                     knows: bool = True, homed: bool | None = None) -> SentMentions:
    """All mentions of one sentence. ``first`` is what the name finders read before the page's
    names were known; it still holds when every known name in the sentence is one it found.
    ``gate``: the finders that may find something here (kg.extract.gates); the others are not called.
    ``knows``: False when no known name occurs in the sentence, ``homed``: whether a home word
    does (None: not read yet), as kg.extract.gates reads them for a whole article at once."""
    s = sent.text
    occurrences = M.find_known_names(s, known) if knows else []
    if first is not None and (not occurrences or _found_by(first, occurrences)):
        names = first
    else:
        names = find_names(s, known, gate)
    chains = names.chains
    # most sentences name no one and no document: the guards skip building empty lists
    persons = _dedupe_persons(([c.person for c in chains] if chains else []) + names.names + occurrences)
    if persons and home_names and any(p.text[0] in "来赴到" and len(p.text) == 2 for p in persons):
        persons = [p for p in persons if not _came_home(s, p, home_names)]
    taken = [(p.start, p.end) for p in persons] if persons else []
    if chains:
        taken += [(p.start, p.end) for c in chains for p in c.posts]
    docs = M.find_documents(s) if "《" in s else []    # (every document is a title in 《》)
    taken_docs = taken + [(d.start - 1, d.end + 1) for d in docs] if docs else taken
    events = M.find_events(s, taken_docs) if gate & EVENTS else []
    if docs and events:
        # a suffix inside a title (《…三年行动计划》) names no event: the marks bound the title
        events = [e for e in events if not any(e.start < d.end and d.start < e.end for d in docs)]
    # (the home words are tested once here: find_places looks for them only where they stand)
    home_here = home_names if home_names and (home_named(s, home_names) if homed is None else homed) else ()
    places0 = M.find_places(s, taken_docs, ctx_names, home_here) if gate & PLACES or home_here else []
    projects = M.find_projects(s, taken_docs, places0) if gate & PROJECTS else []
    if projects and events:
        projects = [p for p in projects if not any(e.start <= p.start and p.end <= e.end for e in events)]
    orgs = M.find_orgs(s, taken_docs, places0) if gate & ORGS else []
    if orgs and ("项目" in s or "工程" in s):
        # 楚都小学新建项目: a school's or company's works named after it is a project, even where the
        # project finder stopped inside the body's name (都 reads as "all")
        for o in orgs:
            w = _WORKS_NAMED.match(s, o.end) if o.subtype not in ("GovernmentBody", "PartyBody") else None
            if w and not any(p.start <= o.start and w.end() <= p.end for p in projects):
                projects = sorted([p for p in projects if not (o.start <= p.start < w.end())] +
                                  [M.Mention("Project", s[o.start:w.end()], o.start, w.end(), "", ())], key=M._start)
    if orgs:
        # 龙凤村党群服务中心: the village's service hall, a building, no body of its own
        orgs = [o for o in orgs if not o.text.endswith(_SERVICE_HALLS)] if any(
            o.text.endswith(_SERVICE_HALLS) for o in orgs) else orgs
    if orgs and projects:
        # a body named only inside a project's name is no entity of its own (ANNOTATION.md): a plant a
        # works is done on (城北污水处理厂提标改造项目), a school or company its works are named after
        # (楚都小学新建项目), a brand's company (湖北磷科新材料有限公司年产5万吨磷酸项目), a facility
        # word (七彩部落民宿集群项目); one opening with its town or village stays, its name says where
        # it is (郢城镇敬老院改造项目)
        kept = [o for o in orgs if not (any(p.start <= o.start and o.end < p.end for p in projects) and (
            o.text.endswith(_PLANTS) or not any(q.start == o.start and q.get("level", 9) <= 3 for q in places0)))]
        if len(kept) < len(orgs):
            # (湖北磷科…有限公司…项目: the province of the dropped company's brand goes with it)
            gone = [o for o in orgs if o not in kept]
            places0 = [p for p in places0 if p.get("level", 0) <= 3 or
                       not any(o.start <= p.start and p.end <= o.end for o in gone)]
            orgs = kept
    if orgs:
        places, inner = _places_beside_bodies(s, places0, orgs, taken_docs, ctx_names, home_here)
    else:
        places, inner = list(places0), []
    if places and ("服务中心" in s or "文明实践" in s):
        places, orgs = _halls_held_in(s, places, orgs)
    if events and places and ("“" in s or "政协" in s):
        # 举办“书香荆州区”阅读分享会 (a slogan), 政协荆州市荆州区第十届委员会第三次会议 (the sitting of
        # the district's CPPCC, which convenes it): a place there names no place of its own
        quotes = M.quoted_spans(s)
        places = [p for p in places if not any(
            e.start <= p.start and p.end <= e.end and (s.startswith("政协", e.start) or
                                                     any(qa < p.start and p.end < qb for qa, qb in quotes))
            for e in events)]
    listed, retyped = M.find_listed_items(s, taken_docs, orgs + places + projects + events) \
        if M._holds_any(s, M._LIST_MARKS) else ((), ())
    if listed:
        if retyped:
            places = [p for p in places if p not in retyped]
        orgs = sorted(orgs + [m for m in listed if m.type == "Organization"], key=M._start)
        projects = sorted(projects + [m for m in listed if m.type == "Project"], key=M._start)
    if "”" in s:
        # “竹海银行”碳汇示范基地, “青禾”蔬菜专业合作社: a quoted brand names the site or body after it;
        # what the suffix finders read inside it (a 银行 in the brand) is no name of its own
        quoted = [q for q in M.find_quoted_named(s, taken_docs)
                  if not any(x.start < q.end and q.start < x.end for x in events + projects)]
        if quoted:
            orgs = sorted([o for o in orgs if not any(o.start < q.end and q.start < o.end for q in quoted)] +
                          [q for q in quoted if q.type == "Organization"], key=M._start)
            places = sorted([p for p in places if not any(p.start < q.end and q.start < p.end for q in quoted)] +
                            [q for q in quoted if q.type == "Place"], key=M._start)
    # 荆州区、荆州高新区“招商大讲堂”系列培训活动: the listed districts hold the activity; they are not its name
    if orgs and "召开" in s:
        events = _sitting_of_body(s, orgs, events)
    if orgs and events and "集体学习" in s:
        events = _study_session_of_body(s, orgs, events)
    for k, e in enumerate(events):
        if orgs and e.text[1:2] == "委":
            # 传达…和盐城市委八届十一次全会精神: the plenary found from 市委 on is the named city's, whose
            # committee the body finder read whole; the name opens with that body
            body = next((o for o in orgs if o.start < e.start and o.end == e.start + 2), None)
            if body is not None:
                e = events[k] = M.Mention("Event", s[body.start:e.end], body.start, e.end, e.subtype, e.info)
        # 华蓥市委“不忘初心”主题教育工作会议: the body a quoted name follows holds the meeting
        body = next((o for o in orgs if o.start == e.start and o.end < e.end and s[o.end:o.end + 1] == "“"), None) \
            if orgs and "“" in s else None
        if body is not None:
            events[k] = M.Mention("Event", s[body.end:e.end], body.end, e.end, e.subtype,
                                  e.info + (("by", (body.start,)),))
            continue
        if e.subtype != "Activity":
            continue
        lead = next((p for p in places if p.start == e.start and p.end < e.end and p.get("level", 0) >= 4), None)
        # (a single county before the quote is a part of the name: 青川县“理论润乡村”百场宣讲活动)
        if lead is not None and s[lead.end:lead.end + 1] == "“" and s[e.start - 1:e.start] == "、":
            events[k] = M.Mention("Event", s[lead.end:e.end], lead.end, e.end, e.subtype, e.info)
    if projects and places and any(p.get("also") for p in places):
        places = _sites_in_projects(places, projects)
    return _new(SentMentions, (sent, chains, persons, orgs, places, events, projects, docs, inner))


def _sites_in_projects(places, projects):
    """马道镇高山冷水鱼养殖基地建设项目: a site or park named with its town only inside a project's name
    (its words say what the project builds) is no place of its own; the project is the town's."""
    return [p for p in places if not (p.get("also") and any(
        m.start <= q.start and q.end == p.start and p.end < m.end for m in projects for q in places)
        and _says_what_is_done(p.text))]


def _says_what_is_done(name: str) -> bool:
    """A site's name of common words, or holding a verb (养殖, 加工, 示范): what is done there. 乌江港物流园
    is named after its port, a park of its own."""
    words = M.lcut(name)
    return any((M.tag(w) or "")[:1] == "v" for w in words) or all(M.is_common_word(w) or len(w) == 1 for w in words)


# 在东关社区党群服务中心召开, 在宝塔社区新时代文明实践站举行: the hall of a village or community
# (a building, no body) where something is held is a site of it, named with it
_HALL_HELD = re.compile("(党群服务中心|便民服务中心|新时代文明实践(?:站|所|中心))"
                        "(?=(?:隆重|正式|顺利)?(?:召开|举行|举办|开展|启动|开幕))")


def _halls_held_in(s: str, places: list, orgs: list) -> tuple[list, list]:
    for m in _HALL_HELD.finditer(s):
        p = next((p for p in places if p.end == m.start() and p.get("level", 9) <= 2), None)
        if p is None:
            continue
        hall = M.Mention("Place", s[p.start:m.end()], p.end, m.end(), "Site", (("level", 1),))
        orgs = [o for o in orgs if not (o.start < m.end() and m.start() < o.end)]
        places = sorted([x for x in places if not (x.start < m.end() and m.start() < x.end)] + [hall], key=M._start)
    return places, orgs


# 市委常委会召开扩大会议 / 区政府召开常务会议: the body's own kind of sitting, named by the body that sits
_BODY_SITTING = re.compile("召开了?(扩大会议|常务会议|全体会议|全体（扩大）会议|全体\\(扩大\\)会议|党组会议|主任会议|主席会议)"
                           "(?![^，。；]{0,2}精神)")


# 县委理论学习中心组举行|2025年第四次集体学习会: a study group's numbered session, held by the group
_STUDY_SESSION = re.compile("(?:20[0-9]{2}年)?第[一二三四五六七八九十0-9]+次集体学习会?")
_HOLDS = re.compile("(?:举行|召开|开展|进行)了?")


def _study_session_of_body(s: str, orgs: list, events: list) -> list:
    """A numbered study session the sentence says a body held (中心组举行2025年第四次集体学习会) is named
    body + session, as when the two are written together."""
    out = list(events)
    for k, e in enumerate(out):
        if not _STUDY_SESSION.fullmatch(e.text):
            continue
        body = next((o for o in orgs if o.end < e.start and _HOLDS.fullmatch(s, o.end, e.start)), None)
        if body is not None:
            out[k] = M.Mention("Event", body.text + e.text, e.start, e.end, e.subtype, e.info + (("by", (body.start,)),))
    return out


def _sitting_of_body(s: str, orgs: list, events: list) -> list:
    """A body + 召开 + its sitting's kind (常务会议, 扩大会议, 全体会议): an event named body + kind, the
    mention on the kind's words (its ``by`` the body, which holds it); 县委常委会召开会议 likewise."""
    out = list(events)
    for o in orgs:
        m = _BODY_SITTING.match(s, o.end)
        if m is None and o.text.endswith("常委会") and s.startswith(("召开会议", "召开了会议"), o.end):
            m = re.compile("召开了?(会议)").match(s, o.end)
        if m is None or any(e.start <= m.start(1) < e.end and (e.start, e.end) != m.span(1) for e in out):
            continue
        # (主席会议 found alone by the event finder: the same words, now named by their body)
        out = [e for e in out if (e.start, e.end) != m.span(1)]
        out.append(M.Mention("Event", o.text + m.group(1), m.start(1), m.end(1), "Meeting", (("by", (o.start,)),)))
    return sorted(out, key=M._start)


_WORKS_NAMED = re.compile("(?:新建|扩建|改扩建|迁建|改造提升|提质改造|改造|建设)(?:工程|项目)")
# what a works is done on (城北污水处理厂提标改造项目): such a plant is the project's object, no body
_PLANTS = ("厂", "站")
_SERVICE_HALLS = ("党群服务中心", "便民服务中心")
_COMPOUND_AFTER_BODY = re.compile("宿舍区|家属院|家属区|宿舍楼")


def _found_by(first: NameFinds, occurrences) -> bool:
    """Every occurrence is a span the name finders found (one set of spans, not a list per occurrence)."""
    spans = {(c.person.start, c.person.end) for c in first.chains}
    spans.update([(p.start, p.end) for p in first.names])
    return all((o.start, o.end) in spans for o in occurrences)


_ROOM_WORDS = re.compile("会议室|报告厅|会议厅|多功能厅")
# what follows an area's name in the name of its own organ (天荒坪镇|党委, 安陲乡|人民政府): the
# home-organ table's forms and the organs of towns, villages and zones
_ORGAN = re.compile("|".join(sorted({full for _, full in lexicon().home_organs} |
                                    {"党委", "委", "人大", "党工委", "管委会", "办事处", "党支部", "党总支",
                                     "村委会", "居委会", "党群服务中心"}, key=lambda w: (-len(w), w))))
_ROOM = re.compile(f"(?:第?[一二三四五六七八九十0-9]+(?:号|楼|层)?)?(?:{M.ROOM_USES})?(?:会议室|报告厅|会议厅|多功能厅)")
# a room named by its number (第二会议室, 3号会议室) is a site of its own; one on a floor (三楼报告厅)
# or of no number (会议室, 多功能厅) is only where in the body's building it sat: the body is the venue
_NUMBERED_ROOM = re.compile("第[一二三四五六七八九十0-9]+|[一二三四五六七八九十0-9]+号")


def _places_beside_bodies(s, places0, orgs, taken_docs, ctx_names, home_names=()):
    """The places of a sentence once its bodies are known (``orgs`` may lose a body to a place),
    and the places named inside bodies."""
    # places are found again around the bodies only when a body cuts into one of them
    cut = [p for p in places0 if any(p.start < o.end and o.start < p.end and not (o.start <= p.start and p.end <= o.end)
                                     for o in orgs)]
    if cut:
        places = M.find_places(s, taken_docs + [(o.start, o.end) for o in orgs], ctx_names, home_names)
    else:
        places = [p for p in places0 if not any(o.start <= p.start and p.end <= o.end for o in orgs)]
    inner_orgs = []
    # a room of a body named by its number (县政府第一会议室), or a compound word right after a body
    # (供电局宿舍区): one site or compound of the body, the body named there too (the suffix finder
    # wants a name before the suffix, a number is none); a room of no number is no place (above)
    for words, after, subtype in ((_ROOM_WORDS, _ROOM, "Site"), (_COMPOUND_AFTER_BODY, _COMPOUND_AFTER_BODY, "Compound")):
        for o in (list(orgs) if words.search(s) else ()):
            m = after.match(s, o.end)
            if m and subtype == "Site" and not _NUMBERED_ROOM.match(s, o.end):
                places = [p for p in places if not (p.start < m.end() and o.start < p.end)]
                continue
            if m and not any(p.start < m.end() and o.start < p.end for p in places):
                orgs.remove(o)
                inner_orgs.append(o)
                places.append(M.Mention("Place", s[o.start:m.end()], o.start, m.end(), subtype, (("level", 1),)))
    # a compound named after a body (荆州中心医院职工宿舍区) is one place, not body + place;
    # the body is still named there
    places.sort(key=M._start)
    for p in list(places):
        o = next((o for o in orgs if o.end == p.start and p.subtype in ("Compound", "Site")), None)
        if o is not None:
            orgs.remove(o)
            inner_orgs.append(o)
            places[places.index(p)] = M.Mention("Place", s[o.start:p.end], o.start, p.end, p.subtype, p.info)
    # the place a body is named after is named too (城东社区 in 城东社区养老服务中心), but not the
    # province or city an enterprise puts in its brand (湖北荆瑞新材料有限公司); the area whose own
    # organ the body is (天荒坪镇 in 天荒坪镇党委: the organ is the area's, as 区委 is the district's)
    # is kept as the article's town for the bare organs after it (镇司法所) but is no entity unless
    # it is named elsewhere too
    inner = []
    for p in places0:
        o = next((o for o in orgs if o.start == p.start and p.end < o.end and
                  (o.subtype in ("GovernmentBody", "PartyBody") or p.get("level", 9) <= 3)), None)
        if o is not None:
            inner.append(p._replace(info=p.info + (("organ", True),)) if _ORGAN.match(s, p.end, o.end) or (
                o.subtype in ("GovernmentBody", "PartyBody") and p.get("level", 0) >= 4) else p)
    return places, inner + inner_orgs


