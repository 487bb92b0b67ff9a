"""Where things are: locatedIn from the way the genre names places (川店镇云南村), lists,
framing (在X，…), projects and schools named with their place, and 位于/落户 X."""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import mentions as M
from kg.text.lexicon import cues
from kg.extract.rules.visits import tour_of

_C = cues()
_FRAME = re.compile(r"^在([^，,]{2,16})[，,]")
_SETTLING = re.compile(_C.alternation("settle"))
_LOCATING = re.compile(_C.alternation("locate", "built_at"))


class Links(NamedTuple):
    """How one sentence names its places, projects and bodies (``ms``, in order)."""
    ms: list
    adjacent: list   # [(m, container)]: m named right after a larger place (川店镇云南村)
    listed: list     # [(m, container)]: m listed after such a name (城关镇曹家畈村、小丰山村)
    alone: list      # the others, in order: named on their own
    heads: list      # of those, the ones no place is named right before


def located_in_adjacent(doc):
    """川店镇云南村: a place, project or enterprise named right after a larger place is in it
    (荆州区“数字食堂”建设工程 too: the finder leaves the district out of the project's name)."""
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        if links is not None:
            for m, prev in links.adjacent:
                doc.fact(doc.ref(m), "locatedIn", doc.ref(prev), sm)


def located_in_list(doc):
    """城关镇曹家畈村、小丰山村: a list going on after such a name is in the same place."""
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        if links is not None:
            for m, prev in links.listed:
                doc.fact(doc.ref(m), "locatedIn", doc.ref(prev), sm)


def located_in_inner_place(doc):
    """金山村蔬菜基地项目, 弥市镇中学: a project is in the (innermost) place its name holds; a
    school or enterprise only in a village, town or district so named (not the province or city
    of a brand)."""
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        if links is None:
            continue
        for m in links.alone:
            if m.type in ("Project", "Organization") and not _is_body(m):
                # (a village the finder read only inside the name: 沿河村 of 沿河村希望小学)
                inner = [p for p in sm.places + sm.inner_places
                         if p.type == "Place" and m.start <= p.start and p.end < m.end]
                if inner:
                    last = max(inner, key=lambda p: p.end)
                    if m.type == "Project" or last.get("level", 9) <= 3:
                        doc.fact(doc.ref(m), "locatedIn", doc.ref(last), sm)


def located_in_frame(doc):
    """在纪南镇，…A村…B村: a sentence opening 在X， frames the smaller places its paragraph
    names on their own (after X) as X's; a town's frame holds the enterprises and projects
    named in it too (在X镇，先后到A村、B村，察看了C合作社: C is the town's)."""
    frame = None
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        s = sm.sent.text
        if frame and sm.sent.para != frame[1]:
            frame = None
        fm = _FRAME.match(s) if s.startswith("在") else None
        if fm:
            f = next((p for p in sm.places if p.start == 1 and p.end == fm.end(1)), None) or \
                _chain_end(sm.places, fm.end(1)) or _named_elsewhere(doc, fm.group(1)) or \
                _after_home(doc, sm.places, s, fm.end(1))
            frame = (f, sm.sent.para) if f else None
        if links is None or not frame or frame[0] is None:
            continue
        f = frame[0]
        level = f.get("level", 0)
        # a village's frame goes on to the stops a later sentence visits when it names no place
        # and places nothing itself (在X村，…。随后，甲来到A家庭农场和B合作社)
        visited = [] if fm or level != 2 or sm.places or _LOCATING.search(s) else \
            [m for m, at in (doc.memo(tour_of) or ((), ()))[1] if at is sm and
             m.type in ("Project", "Organization") and not _is_body(m) and
             not any(m.start <= p.start and p.end <= m.end for p in sm.inner_places)]
        for m in visited:
            doc.fact(doc.ref(m), "locatedIn", doc.ref(f), sm)
        for m in links.heads:
            if m.text == f.text or m.start <= (fm.end(1) if fm else -1):
                continue
            if m.type == "Place" and any(q.start <= m.start and m.end < q.end for q in sm.projects):
                continue      # (在石坪村，桃溪河防洪治理工程…: the river names the works; the works are framed)
            if m.type == "Place" and _home_area(doc, m):
                continue      # (在深圳，…项目落地荆州高新区: the home and its zone are where they are, in no frame)
            if (m.type == "Place" and (m.get("level", 0) < level or _contains(f, m))) or \
                    (m.type in ("Project", "Organization") and not _is_body(m) and
                     ((2 < level <= 3 and f.subtype != "Park") or (level == 2 and fm) or
                      (f.subtype == "Park" and fm))):
                # (a zone's frame holds the companies its own sentence visits)
                # (a village's frame only holds what its own sentence visits: the paragraph goes on
                # to other villages)
                doc.fact(doc.ref(m), "locatedIn", doc.ref(f), sm)


def _chain_end(places, end: int):
    """在集义乡南岗村，: the innermost place of a chain filling the frame (the village)."""
    last = next((p for p in places if p.end == end), None)
    p = last
    while p is not None and p.start > 1:
        p = next((q for q in places if q.end == p.start), None)
    return last if p is not None and p.start == 1 else None


def _after_home(doc, places, s: str, end: int):
    """在正定高新技术产业开发区，: a zone the finder names after the word of the home it opens with."""
    p = next((q for q in places if q.end == end and q.start > 1), None)
    if p is not None and any(w == s[1:p.start] for w, _ in doc._page.home_names):
        return p
    return None


def _named_elsewhere(doc, text: str):
    """The place of that name another sentence of the article names (the finder may miss it in
    the frame: 在X， before a name it reads as a person's)."""
    return next((p for sm in doc.sents for p in sm.places if p.text == text), None)


def located_in_settled_project(doc):
    """云南村立足村情…最终敲定蛋糕生产加工项目: a project settled (敲定, 引进, 落户…) in a
    sentence opening with a village or town is there."""
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        if links is None or not sm.projects:
            continue
        s, ms = sm.sent.text, links.ms
        opening = next((m for m in ms if m.type == "Place" and (m.start == 0 or s[m.start - 1] in "，,")), None)
        if opening is not None and opening.get("level", 9) <= 3:
            for m in ms[1:]:
                if m.type == "Project" and not any(p.start >= m.start and p.end <= m.end for p in sm.places) \
                        and _SETTLING.search(s, 0, m.start):
                    doc.fact(doc.ref(m), "locatedIn", doc.ref(opening), sm)


def located_in_described(doc):
    """落户柳港村的湖北荆瑞新材料有限公司, 位于川店镇的…公司: X的Y after a locating verb, Y in X
    (of a chain X, the innermost)."""
    for sm in doc.sents:
        if len(sm.places) < (1 if sm.projects or sm.orgs else 2):
            continue
        s = sm.sent.text
        for m_ in _LOCATING.finditer(s):
            # (位于库车经济技术开发区的…: the home's zone, whose mention starts after the home's name)
            pl = next((p for p in sm.places if p.start == m_.end() or
                       (p.subtype == "Park" and p.start > m_.end() and
                        any(w == s[m_.end():p.start] for w, _ in doc._page.home_names))), None)
            while pl is not None and any(q.start == pl.end for q in sm.places):
                pl = next(q for q in sm.places if q.start == pl.end)
            if pl is not None and s[pl.end:pl.end + 1] == "的":
                # (坐落在桃林乡的千佛岭景区: a site or park the town holds, too)
                y = next((x for x in sm.projects + sm.orgs + sm.places if x.start == pl.end + 1 and
                          (x.type != "Place" or _contains(pl, x))), None) or \
                    next((x for x in sm.places if x.end - len(x.text) == pl.end + 1 and x.start > pl.end + 1), None)
                # (位于城南庄镇的阜平县食用菌产业园: a site named with its county, its mention after the county's)
                for z in _and_listed(s, y, sm.projects + sm.orgs):
                    doc.fact(doc.ref(z), "locatedIn", doc.ref(pl), sm)


def _and_listed(s: str, y, items) -> list:
    """[y and the things of its kind joined to it: 位于X的A和B, 入驻园区的A、B及C]; [] for no y."""
    if y is None:
        return []
    out = [y]
    while s[out[-1].end:out[-1].end + 1] in ("和", "及", "与", "、") and out[-1].end < len(s):
        z = next((x for x in items if x.start == out[-1].end + 1 and x.type == y.type and not _is_body(x)), None)
        if z is None:
            break
        out.append(z)
    return out


# 已在浙江省安吉县投资建设了竹韵小镇项目: what is built in a place the sentence names is there
_BUILT_IN = re.compile("在([^，。；、在]{2,20}?)(?:投资)?(?:建设|新建|兴建|建成|打造)了")


def located_in_built_in(doc):
    """在A县投资建设了X项目: the project built after 在 + a place is in the place (of a chain, the
    innermost)."""
    for sm in doc.sents:
        if not sm.projects or not sm.places:
            continue
        s = sm.sent.text
        for m in _BUILT_IN.finditer(s):
            pl = next((p for p in sm.places if p.end == m.end(1) and p.start >= m.start(1)), None)
            y = next((x for x in sm.projects if x.start == m.end()), None)
            if pl is not None and y is not None:
                doc.fact(doc.ref(y), "locatedIn", doc.ref(pl), sm)


# 坐落在园区东区的X公司, X项目在园区开工, 已入驻园区: the bare 园区 is the park the article named before
_IN_PARK = re.compile("(?:在|入驻|落户|落地|坐落在|位于)(园区|开发区|高新区|工业园)(?:[东西南北中]区)?")


def located_in_bare_park(doc):
    """X项目在园区开工, 坐落在园区东区的Y公司: the enterprise or project in a sentence that says it is
    in 园区 (or 开发区…) with no name is in the last park the article named before."""
    parks = []
    for sm in doc.sents:
        s = sm.sent.text
        here = [p for p in sm.places if p.subtype == "Park" and p.get("level", 0) <= 4]
        if (parks or here) and any(w in s for w in _PARK_WORDS):
            for m in _IN_PARK.finditer(s):
                # (来到X开发区，观摩了入驻开发区的…: the park may be named earlier in the sentence)
                before = parks + [p for p in here if p.end <= m.start()]
                park = next((p for p in reversed(before) if m.group(1) == "园区" or p.text.endswith(m.group(1))), None)
                if park is None:
                    continue
                ys = []
                if s[m.end():m.end() + 1] == "的":     # 坐落在园区东区的Y公司 (和Z公司)
                    y = next((x for x in sm.projects + sm.orgs if x.start == m.end() + 1 and not _is_body(x)), None)
                    ys = _and_listed(s, y, sm.projects + sm.orgs)
                else:                                 # X项目在园区开工: the last one named before, in its clause
                    y = next((x for x in sorted(sm.projects + sm.orgs, key=lambda x: -x.end)
                              if x.end <= m.start() and not _is_body(x) and "，" not in s[x.end:m.start()]), None)
                if y is None and s[m.end():m.end() + 1] != "的":
                    # 该公司位于工业园东区: the kind word opening the clause stands for the thing
                    y = next(iter(_referred(doc, sm, s, m.start())), None)
                for z in ys or ([y] if y is not None else []):
                    doc.fact(doc.ref(z), "locatedIn", doc.ref(park), sm)
        parks += here


_PARK_WORDS = ("园区", "开发区", "高新区", "工业园")
# 察看了镇上的X公司, 园区内的Y公司正在扩建: a bare kind word (no name) + 的 + an enterprise, standing
# for the last town, village or park named before (after a clause break, 了 or a verb of going, so
# that 乡镇上的/农村里的 stay words of their own)
_BARE_OF = re.compile("(?:(?:^|(?<=[，,、；;了到在进和与及]))(镇|乡|村|社区|街道|园区|开发区|高新区|工业园)(?:上|里|内)的"
                      # (察看了该村的X: 该 points back to the village named before, as 村里的 does)
                      "|该(镇|乡|村|社区|街道|园区|开发区)的)")


def located_in_bare_kind(doc):
    """察看了镇上的X公司 / 园区内的Y公司: the enterprise or project after a bare 镇上的, 村里的,
    园区内的… is in the last place of that kind named in the sentence before it or in the two
    sentences before, in the same paragraph."""
    for k, sm in enumerate(doc.sents):
        if not (sm.projects or sm.orgs or sm.places):
            continue
        s = sm.sent.text
        for m in _BARE_OF.finditer(s):
            y = next((x for x in sm.projects + sm.orgs + [p for p in sm.places if p.subtype in ("Site", "Park")]
                      if x.start == m.end() and not _is_body(x)), None)
            if y is None:
                continue
            kind, pl = m.group(1) or m.group(2), None
            for j in range(k, max(-1, k - 3), -1):
                prev = doc.sents[j]
                if prev.sent.para != sm.sent.para:
                    break
                found = [p for p in prev.places if (j < k or p.end <= m.start()) and
                         (p.subtype == "Park" if kind in _PARK_WORDS else p.text.endswith(kind))]
                if found:
                    pl = max(found, key=lambda p: p.end)
                    break
            if pl is None and kind in _PARK_WORDS:
                # (a park is the article's: 园区内的 speaks of the last one named, paragraphs before too)
                pl = next((p for j in range(k, -1, -1) for p in sorted(doc.sents[j].places, key=lambda p: -p.end)
                           if p.subtype == "Park" and (j < k or p.end <= m.start())), None)
            if pl is not None:
                doc.fact(doc.ref(y), "locatedIn", doc.ref(pl), sm)
_OF = ("的", "内的", "里的")


def located_in_possessive(doc):
    """抽查了磁灶镇的X公司, 开发区内的Y公司: an enterprise or project written as a town's, a park's
    or a village's (X的Y with no verb) is there; a county or city before 的 (荆州区的企业) is
    only the area of the home, not where the thing stands."""
    for sm in doc.sents:
        if not sm.places or not (sm.projects or sm.orgs or len(sm.places) > 1):
            continue
        s = sm.sent.text
        for pl in sm.places:
            if (pl.get("level", 9) > 3 and pl.subtype != "Park") or not s.startswith(_OF, pl.end):
                continue
            if any(q.start == pl.end for q in sm.places):
                continue          # (not the innermost of a chain)
            k = pl.end + (1 if s[pl.end] == "的" else 2)
            # (天桥岭镇的长白山木耳产业园: a park or site the town holds, too)
            while k < len(s):
                y = next((x for x in sm.projects + sm.orgs + sm.places if x.start == k and not _is_body(x) and
                          (x.type != "Place" or (x.subtype in ("Park", "Site") and _contains(pl, x)))), None)
                if y is None:
                    break
                doc.fact(doc.ref(y), "locatedIn", doc.ref(pl), sm)
                # (望松工业园区的精工钢管、华耀不锈钢等企业: every item of the list the possessive opens)
                k = y.end + 1 if s[y.end:y.end + 1] == "、" else len(s)


def located_in_after_verb(doc):
    """该项目位于纪南镇纪城村: the last thing named before 位于/地处/落户… is in the place after
    it (of a chain, the innermost)."""
    for sm, links in zip(doc.sents, doc.memo(links_of)):
        if links is None or not sm.places:
            continue
        s, ms = sm.sent.text, links.ms
        for v in _C.locate:
            i = s.find(v)
            if i > 0 and s.endswith(_KINDS_BEFORE, 0, i) and not any(m.end == i for m in ms):
                continue      # 就储能电池等项目落地荆州高新区: kinds of project, no one named, are the subject
            if i > 0:
                subj = [m for m in ms if m.end <= i and not _agent(s, m, i)]
                if subj:
                    # (浙江华拓…有限公司总部位于: the company, not the province inside its name)
                    subj = [max(subj, key=lambda m: (m.end, m.end - m.start))]
                if not subj:
                    subj = _referred(doc, sm, s, i)
                # (落户邳州经济开发区: the zone's mention starts after the home's short name)
                obj = [p for p in sm.places if p.start >= i + len(v) and
                       (p.start <= i + len(v) + 1 or _home_word(doc, s[i + len(v):p.start]))]
                if obj and obj[0].text.endswith(_WATERS) and s.startswith(_BANKS, obj[0].end):
                    obj = []          # 位于龙门溪东岸: by the river, not in it
                while obj and any(q.start == obj[-1].end for q in sm.places):   # 纪南镇纪城村: the village
                    obj.append(next(q for q in sm.places if q.start == obj[-1].end))
                if obj and (s[obj[-1].end:obj[-1].end + 1] == "的" or s[i - 1:i] == "、"):
                    continue          # 、位于川店镇的X公司: the place describes what follows (located_in_described)
                if subj and obj:
                    doc.fact(doc.ref(subj[-1]), "locatedIn", doc.ref(obj[-1]), sm)


_KINDS_BEFORE = ("等项目", "等企业", "等产业")
# 项目在X正式投产: what is done to a project where it stands
_STARTED_AT = re.compile("(?:正式|顺利|集中|全面|开始)?(?:开工|投产|竣工|开建|建成|动工|落地)")


def located_in_where_project_starts(doc):
    """X项目在李埠镇荆江村正式投产 / 开工 / 竣工: the project is in the place (of a chain, the
    innermost) between 在 and the verb."""
    for sm in doc.sents:
        if not (sm.projects and sm.places):
            continue
        s = sm.sent.text
        for pr in sm.projects:
            if s[pr.end:pr.end + 1] != "在":
                continue
            chain, at = [], pr.end + 1
            while True:
                q = next((q for q in sm.places if q.start == at), None)
                if q is None:
                    break
                chain.append(q)
                at = q.end
            if chain and _STARTED_AT.match(s, at):
                doc.fact(doc.ref(pr), "locatedIn", doc.ref(chain[-1]), sm)


# ---------------------------------------------------------------- helpers

_WATERS = ("河", "江", "溪")
_BANKS = ("东岸", "西岸", "南岸", "北岸", "畔", "沿岸", "岸边", "两岸", "上游", "下游", "之滨", "边")


def _home_word(doc, text: str) -> bool:
    return any(w == text for w, _ in doc._page.home_names)


def _home_area(doc, m) -> bool:
    """The place is the home or the home's development zone (however the page writes it)."""
    return _home_word(doc, m.text) or doc.ref(m).key in (doc.ctx.district, doc.ctx.zone)


def _agent(s: str, m, i: int) -> bool:
    """X项目由Y公司投资建设，将落户Z: the builder named after 由 is not what settles."""
    return s[m.start - 1:m.start] == "由"


# 该项目位于…, 企业坐落在…: a kind word standing for what the sentences before named
_REFERRING = re.compile(r"(?:^|[，,])(?:该|这家|这个|此|这一)?(项目|工程|企业|公司|基地|园区|合作社|古镇|景区)$")
_KIND_OF = {"项目": ("Project",), "工程": ("Project",), "企业": ("Organization",), "公司": ("Organization",),
            "合作社": ("Organization",), "基地": ("Place", "Project"), "园区": ("Place", "Project"),
            "古镇": ("Place",), "景区": ("Place",)}


def _referred(doc, sm, s: str, i: int) -> list:
    """[the thing] a kind word right before position i of the sentence refers to: the last one of
    that kind named in the three sentences before, in the same paragraph; [] when none is."""
    r = _REFERRING.search(s, 0, i)
    if r is None:
        return []
    kind = r.group(1)
    types = _KIND_OF[kind]
    k = next(j for j, x in enumerate(doc.sents) if x is sm)
    opens = k == 0 or doc.sents[k - 1].sent.para != sm.sent.para
    for j in range(k - 1, max(-1, k - 4), -1):
        prev = doc.sents[j]
        if prev.sent.para != sm.sent.para and not (opens and prev.sent.para == doc.sents[k - 1].sent.para):
            break     # (项目选址于… opening a paragraph: the project of the paragraph before)
        found = [m for m in prev.places + prev.projects + prev.orgs if m.type in types and
                 not _is_body(m) and (m.type != "Place" or m.text.endswith(kind))]
        if kind == "公司":
            found = [m for m in found if m.text.endswith("公司")]
        if found:
            return [max(found, key=lambda m: m.end)]
    return []


def links_of(doc) -> list:
    """Per sentence, its :class:`Links` (None when it names no place, project or body). Read by
    several rules: made once per article (Doc.memo)."""
    out = []
    for sm in doc.sents:
        if not (sm.places or sm.projects or sm.orgs):
            out.append(None)
            continue
        s = sm.sent.text
        ms = sorted(sm.places + sm.projects + sm.orgs, key=M._start)
        places = sorted(sm.places, key=M._start)
        adjacent, listed, alone, heads, chained = [], [], [], [], set()
        names = _names_around(s, sm)
        inner = [p for p in sm.places + sm.inner_places if p.type == "Place"] if sm.inner_places else None
        for m in ms:
            # the container named right before (a project spanning both does not intervene)
            prev = next((p for p in places if p.end == m.start), None)
            if prev is not None and any(a <= prev.start and m.end <= b for a, b in names):
                prev = None         # 中国共产党来宾市兴宾区第五次代表大会: places inside a name are not placed
            if prev is not None and m.type in ("Project", "Organization") and inner is not None and \
                    any(m.start <= p.start and p.end < m.end for p in inner):
                prev = None         # 庄寨镇桐花村木制品车间: the village its name holds is the nearest
            if prev is not None and _contains(prev, m) and not _is_body(m):
                adjacent.append((m, prev))
                chained.add(id(m))
                j = ms.index(m) + 1
                last = m
                # A县B镇C村、D镇E村: when the item heads a chain of its own, the list goes on with
                # items of its kind that head chains too (D镇 is the county's, as B镇 is)
                nested = m.type == "Place" and any(p.start == m.end for p in places)
                while j < len(ms):
                    while nested and j < len(ms) and ms[j].start == last.end and ms[j].type == "Place":
                        last = ms[j]
                        j += 1
                    if not (j < len(ms) and s[last.end:ms[j].start] == "、" and ms[j].subtype == m.subtype and
                            (nested or not any(p.start == ms[j].end for p in places))):
                        break
                    listed.append((ms[j], prev))
                    chained.add(id(ms[j]))
                    last = ms[j]
                    j += 1
                continue
            if prev is None and id(m) not in chained:
                heads.append(m)
            alone.append(m)
        out.append(Links(ms, adjacent, listed, alone, [m for m in heads if id(m) not in chained]))
    return out


_PARTY_NAME = re.compile(f"(?:{_C.alternation('party_name')})[^，。；、]{{2,30}}?(?:委员会|代表大会)")


def _names_around(s: str, sm) -> list:
    """The spans of the party's full names (中国共产党来宾市兴宾区第四届委员会, …第五次代表大会): the
    city there is part of the formal name, not a statement of where the district is (the places
    inside other event names are: 八岭山镇新湾村桃花节)."""
    return [m.span() for m in _PARTY_NAME.finditer(s)] if "中国共产党" in s else []


def _contains(prev, m) -> bool:
    """Whether a place named right before m holds it: a larger one, or a town or subdistrict
    before a park of its level (龙潭镇青山工业园: the town's park)."""
    lp, lm = prev.get("level", 0), m.get("level", 0)
    return lp > lm or (lp == lm and m.subtype == "Park" and prev.subtype in ("Town", "Subdistrict"))


def _is_body(m) -> bool:
    return m.type == "Organization" and m.subtype in ("GovernmentBody", "PartyBody")
