"""Posts and membership: title chains (区委常委、常务副区长X) and heads of bodies (X负责人Y)."""
from __future__ import annotations

import re

from kg.text.lexicon import cues, lexicon
from kg.extract.resolve import Local, canonical_post, contract_body, expand_body

_C = cues()
_HOME_BODY = _C.alternation("home_body")
_DISTRICT_BODY = re.compile(rf"([\u4e00-\u9fff]{{2,3}}区)(?={_HOME_BODY})")
_DISTRICT_BODY_AT = re.compile(rf"区(?={_HOME_BODY})")


def holds_post_by_title_chain(doc):
    """区委常委、常务副区长贺明轩: holdsPost for each title of the chain, memberOf the body each
    title names (区委) or implies (副区长: 区政府); a title naming no body is of the body before it."""
    titles = lexicon().titles
    ctx = doc.ctx
    leader = None          # (sentence index, body key, title) of the last title that named its body
    written_full = {}      # a body's key -> whether a chain last wrote it in full (荆州区委, not 区委)
    head = None            # the same of the last title that took its body from the title before it
    for k, sm in enumerate(doc.sents):
        if not sm.chains:
            continue
        s = sm.sent.text
        group = next((o for o in sm.orgs if s.startswith(_C.group, o.end)), None)
        if group is not None:        # 区政协领导甲、乙及秘书长丙: the body leads the sentence's titles
            leader = (k, doc.ref(group).key, "")
        for c in sm.chains:
            person = doc.person(c.person.text, "Official")
            prev_body_key = ""
            # 许某副主任一行: a title after the name recalls the person's post, it is no deputy's
            follows = c.person.get("how") != "title-after"
            # (江夏区委常委、常务副区长甲: a district the chain's first title names holds its bare titles too)
            district = _district_before(ctx, s, c.posts[0].end - 1) if c.posts else ""
            here = doc.locals[k]      # (the village of this sentence: 来到石桥村，与村党支部书记甲交流)
            loc = Local(here.town, here.subdistrict, here.village, district)
            prev_written = ""
            area = ""     # the area the chain's first body is named with (遵义市委常委、副市长: 遵义市)
            for p in c.posts:
                body, title = p.get("body"), p.get("title")
                unit = _INSTITUTION_UNIT.match(body) if body else None
                if unit:
                    # X学院家政系主任, X医院急诊科主任: the department's title, a member of the institution
                    doc.fact(person, "holdsPost", doc.entity("Post", unit.group(3) + title, p.text), sm)
                    inst = expand_body(unit.group(1), ctx, loc)
                    doc.fact(person, "memberOf", doc.entity("Organization", inst, unit.group(1),
                                                            lexicon().org_suffixes.get(unit.group(2), "")), sm)
                    continue
                if title in _AREA_CHIEFS and body and len(body) == 1 and body in _AREA_LEVELS:
                    # 县总河长: a post of the area written with its level word alone, in no body
                    doc.fact(person, "holdsPost", doc.entity("Post", p.text, p.text), sm)
                    continue
                # 市委常委、组织部部长: the department is the 市委's (the post stays as written)
                # (纪委, 监委 are the area's own organs, no department of its party committee)
                of_body = prev_written + body if body and prev_written.endswith("委") and len(body) <= 4 and \
                    (body.endswith("部") and not body.endswith("指挥部") or body in _COMMITTEE_OFFICES) and \
                    body[0] not in "省市区县镇乡旗州盟" else body     # (a campaign's 指挥部 is no department)
                prev_written = of_body or prev_written
                if body in _C.anaphor:
                    # 公司总经理甲 after 在鲁西纺织有限公司: the title is 总经理 of that company;
                    # a bare 公司 is never a body of its own
                    ante = _antecedent(doc, k, p.start, body)
                    post = doc.entity("Post", title, title)
                    doc.fact(person, "holdsPost", post, sm)
                    if ante is not None:
                        doc.fact(person, "memberOf", ante, sm)
                    continue
                if body:
                    sub = _SUBDISTRICT_BODY.match(body)
                    if sub and sub.group(1) != loc.subdistrict:
                        # 桂城街道党工委副书记、办事处主任: the chain's subdistrict holds its bare office
                        loc = Local(loc.town, sub.group(1), loc.village, loc.district)
                implied = titles.get(title, "")
                if body and not area:
                    m = _NAMED_AREA_BODY.match(body)
                    area = m.group(1) if m else "-"
                if implied and len(area) > 1 and implied[0] == area[-1]:
                    implied_key = area + implied[1:]     # (遵义市委常委、副市长: 遵义市政府, not the home's)
                else:
                    implied_key = expand_body(implied, ctx, loc) if implied else ""
                    if implied_key and implied[0] in "镇乡" and not body and not doc.named("Organization", implied_key):
                        # a bare 镇长 names a town, not a body: its government only where the page writes it
                        full = implied_key[:-2] + "人民政府"
                        implied_key = full if doc.named("Organization", full) else ""
                body_org = _post_body(ctx, of_body, title, loc)
                inherited = ""
                if body:
                    body_key = body_org
                elif implied_key:
                    body_key = implied_key
                elif prev_body_key:
                    # 区财政局党组书记、局长甲: the head's title after the party group's is the bureau's
                    body_key = prev_body_key[:-2] if prev_body_key.endswith("党组") and \
                        not any(w in title for w in ("书记", "党组", "委员")) else prev_body_key
                    if title in _COMMITTEE_RANKS and body_key.endswith("委"):
                        inherited = body_key    # 荆州区委委员、常委、书记: 常委 and 书记 are the 区委's
                    else:
                        # 县人大常委会党组书记、主任甲，副主任乙; 县财政局党组书记、局长甲…，副局长乙: the
                        # head's title after the party group's leads the deputies after it
                        head = (k, body_key, title)
                else:
                    # 区人大常委会主任甲，副主任乙、丙: a bare deputy's title right after its
                    # leader's (in this sentence or the one before) is of the leader's body
                    body_key = inherited = (_leaders_body(leader, k, title) or _leaders_body(head, k, title)) \
                        if follows else ""
                written_body = expand_body(body, ctx, loc) if body else ""
                if inherited:
                    # (荆州区委委员、常委、书记; 区人大常委会主任甲，副主任乙: as the chain wrote the body)
                    full = written_full.get(inherited, written_full.get(inherited + "党组", False))
                    post_key = canonical_post(p.text, inherited if full else contract_body(inherited, ctx),
                                              title, inherited, "", ctx)
                elif of_body != body:
                    post_key = body + title        # 县委常委、宣传部部长: the department's title as written
                elif title in _ACADEMIC_RANKS:
                    post_key = title               # X党校教授, X研究院研究员: a rank, the same in every body
                elif body.endswith(_FIRM_ENDS) and title in _FIRM_TITLES:
                    # 马山中学校长, X公司总经理: a title that names no body, its holder a member of the
                    # firm or school the chain names (ANNOTATION.md): the one bare title of every firm
                    post_key = title
                else:
                    post_key = canonical_post(p.text, body, title, written_body, implied_key, ctx)
                post = doc.entity("Post", post_key, p.text)
                if inherited:
                    doc.add_name(post, inherited + title)     # (its full form, if the page prints it)
                written_of = (expand_body(of_body, ctx, loc) if of_body != body else written_body) if body else ""
                if body:
                    doc.add_name(post, written_of + title)
                    leader = (k, body_org, title)
                doc.fact(person, "holdsPost", post, sm)
                if body_key and body and title in _TOWN_HEADS and body_key.endswith("政府") and \
                        not doc.named("Organization", body_key):
                    # 宾居镇镇长甲: the town's head, of its government only where the page names it
                    full = body_key[:-2] + "人民政府"
                    body_key = full if doc.named("Organization", full) else ""
                if body_key:
                    sub = "PartyBody" if body_key.endswith(_C.party_end) else "GovernmentBody"
                    written = written_body if body else body_key
                    # the surface form is the body as written plus what the title added (区政府 + 党组)
                    surface = body + body_key[len(written):] if body and body_key.startswith(written) else body_key
                    org = doc.entity("Organization", doc.firm(body_key), surface, sub)
                    doc.fact(person, "memberOf", org, sm)
                if body:
                    prev_body_key = body_key
                    written_full[body_key] = len(of_body) >= len(written_of)


_AREA_LEVELS = frozenset("省市区县旗镇乡")
_TOWN_HEADS = frozenset(("镇长", "副镇长", "乡长", "副乡长"))
_SUBDISTRICT_BODY = re.compile("^([\u4e00-\u9fff]{2,8}?街道)(?:党工委|工委|办事处|纪工委)?$")
# the chiefs of an area's rivers and forests (县总河长): an area's post, of no body
_AREA_CHIEFS = frozenset(("总河长", "副总河长", "总林长", "副总林长"))
# a body named with its area: 遵义市委, 佳木斯市政府 (a bare 市委 names none)
_NAMED_AREA_BODY = re.compile("^([\u4e00-\u9fff]{2,12}?[市县区旗州盟])(?:委|党委|政府|人民政府)$")
# offices of a party committee a chain may write without it after a title of the committee
_COMMITTEE_OFFICES = ("政法委", "编委", "编办", "网信办")
# the officers of a company (董事长甲、总裁乙: a bare one after its head is the same company's)
_COMPANY_TITLES = ("董事长", "副董事长", "总经理", "副总经理", "总裁", "副总裁")
# the ranks of a party committee a chain may write bare after the committee's first title
_COMMITTEE_RANKS = ("常委", "委员", "书记", "副书记")


def _leaders_body(leader, k: int, title: str) -> str:
    """The body of the leader's title when ``title`` is its deputy's (主任 → 副主任, 常务副主任)
    or the body's secretary-general's, and the leader was named in sentence k or k - 1."""
    if leader is None or k - leader[0] > 1:
        return ""
    _, body_key, lead_title = leader
    core = lead_title[lead_title.index("副") + 1:] if "副" in lead_title else lead_title
    if (core and title in ("副" + core, "常务副" + core)) or title in _C.secretary:
        return body_key
    if title in _COMPANY_TITLES and lead_title in _COMPANY_TITLES:
        return body_key      # X集团董事长甲、总裁乙: the company's officers listed after its head
    return ""


def member_by_group_of_body(doc):
    """区政协领导甲、乙、丙: each listed is a member of the body named before 领导 (no post: 领导
    is no title)."""
    for sm in doc.sents:
        if not sm.persons or not sm.orgs:
            continue
        s = sm.sent.text
        for o in sm.orgs:
            w = next((w for w in _C.group if s.startswith(w, o.end)), None)
            if w is None:
                continue
            i = o.end + len(w)
            for p in sorted(sm.persons, key=lambda p: p.start):
                if p.start != i:
                    continue
                doc.fact(doc.person(p.text, "Official"), "memberOf", doc.ref(o), sm)
                i = p.end + 1 if s[p.end:p.end + 1] == "、" else -1


def member_by_head_of_body(doc):
    """荆楚云帆公司负责人焦玉林: a member of the body, and no post (负责人 is not a title)."""
    for k, sm in enumerate(doc.sents):
        if not sm.persons:
            continue
        s = sm.sent.text
        for p in sm.persons:
            before = s[:p.start]
            w = next((w for w in _C.head if before.endswith(w)), None) if before.endswith(_C.head) else None
            if w is not None:
                o = next((o for o in sm.orgs if o.end == p.start - len(w)), None)
                if o is not None:
                    doc.fact(doc.person(p.text), "memberOf", doc.ref(o), sm)
                    continue
                # 公司负责人甲: the company named last before
                a = p.start - len(w)
                kind = next((x for x in _C.anaphor if s.endswith(x, 0, a)), None)
                ante = _antecedent(doc, k, a - len(kind), kind) if kind else None
                if ante is not None:
                    doc.fact(doc.person(p.text), "memberOf", ante, sm)


def member_by_leading_team(doc):
    """甲率市安委会督查组, 甲带领区第二督导组: the leader is a member of the team (a named body)."""
    for sm in doc.sents:
        if not sm.persons or not sm.orgs:
            continue
        s = sm.sent.text
        for o in sm.orgs:
            if not o.text.endswith(_C.team_end):
                continue
            v = next((v for v in _C.team_lead if s.endswith(v, 0, o.start)), None)
            if v is None:
                continue
            p = next((p for p in sm.persons if p.end == o.start - len(v)), None)
            if p is not None:
                doc.fact(doc.person(p.text, "Official"), "memberOf", doc.ref(o), sm)


def _antecedent(doc, k: int, pos: int, kind: str):
    """The body a bare kind word (公司, 合作社, 企业) at ``pos`` of sentence k stands for: the last one
    of that kind named before it, in this sentence or the two before; None when there is none."""
    ends = _C.enterprise_end + ("厂", "合作社", "农场", "牧场") if kind == "企业" else \
        _SCHOOL_ENDS if kind == "校" else (kind,)
    for j in range(k, max(-1, k - 3), -1):
        sm = doc.sents[j]
        found = [o for o in sm.orgs if o.text.endswith(ends) and o.text not in _C.anaphor
                 and (j < k or o.end <= pos)]
        if found:
            return doc.ref(max(found, key=lambda o: o.end))
    return None


# the officers of a firm, school or hospital, titles that name no body of their own
_FIRM_TITLES = _COMPANY_TITLES + ("经理", "校长", "副校长", "院长", "副院长", "理事长", "厂长", "主任", "副主任")
_FIRM_ENDS = _C.enterprise_end + ("合作社",)
_ACADEMIC_RANKS = ("教授", "副教授", "讲师", "研究员", "副研究员")
# an institution and a department of it a title is of (X职业技术学院 + 家政系, X人民医院 + 急诊科)
_INSTITUTION_UNIT = re.compile("^([\u4e00-\u9fff]{2,16}?(学院|大学|医院|卫生院|学校|中学|小学))"
                               "([\u4e00-\u9fff]{1,6}?(?:系|科|教研室|研究所|研究室))$")
_SCHOOL_ENDS = ("学校", "中学", "小学", "学院", "大学", "幼儿园", "校")


def _district_before(ctx, s, pos):
    """The nearest other district named before a chain ("江岸区委书记姚彬，副区长严松毅")."""
    m = None
    # most chains name no district body: the literal 区 lets re find that out with a fast scan
    if _DISTRICT_BODY_AT.search(s, 0, pos + 1):
        for m_ in _DISTRICT_BODY.finditer(s[:pos + 1]):
            m = m_
    name = m.group(1) if m else ""
    if name[:1] == "共" and s[m.start(1) - 1:m.start(1)] == "中":
        name = name[1:]      # 中共|青山区委: the party's name, then the district's
    cut = max((k for k, c in enumerate(name[:-1]) if c in _BEFORE_DISTRICT), default=-1)
    if cut >= 0:
        # 邹明川同志任荆州区委委员: 任 is the verb, the district is 荆州区; 张伟同志担任区委副书记:
        # what is left after the verb (区) names no district
        name = name[cut + 1:] if len(name) - cut - 1 >= 3 else ""
    if name and not name.endswith(_C.not_district) and name != ctx.district \
            and not (ctx.zone_short and name.endswith(ctx.zone_short)):
        return name
    return ""


# verbs and prepositions a district's name may follow with no break (任X区委书记, 在X区政府)
_BEFORE_DISTRICT = frozenset("任在到赴为和与及由向对是")


def _post_body(ctx, body, title, loc):
    """The organization a chain item names: 荆州高新集团党委 → 荆州高新集团 (an enterprise's
    party committee is the enterprise's), 区政府党组 stays a body of its own."""
    if not body:
        return ""
    if title.startswith("党委") and body.endswith(_C.enterprise_end):
        return expand_body(body, ctx, loc)
    if title.startswith(_C.party_title) and not body.endswith(_C.party_written_end):
        suffix = next(p for p in _C.party_title if title.startswith(p))
        if (ctx.zone and (body.endswith(ctx.zone) or body in (ctx.zone, ctx.zone_short))) or \
                body.endswith(_C.area_end):
            return expand_body(body + suffix, ctx, loc)
    implied = lexicon().titles.get(title, "")
    if implied[1:2] == "政" and body.endswith(implied[0]) and body.endswith(_C.area_end):
        # 南平市副市长: another city's deputy mayor is of that city's government, not of the city
        return expand_body(body + implied[1:], ctx, loc)
    return expand_body(body, ctx, loc)
