"""Paraphrase suite: a fact must survive a change of names, places, connecting words and home.

Each TEMPLATE below is one sentence pattern of county/district government news, written for this
suite (no publisher text). Its slots are filled from small invented lists (people, villages, towns,
enterprises, connecting words) and from several homes of different kinds (区, 县, county-level 市,
旗), so a bare 区委/县委/市委/旗委 must expand to the page's own home (华蓥市's 市委 → 华蓥市委).
A case carries the facts a careful reader annotates per shared/spec/ANNOTATION.md, keyed as the
extractor keys them ((subject key, predicate, object key); bodies expanded with the home, a post
whose body its title implies keeps the bare title: 县长, 常务副区长).

Cases are a fixed-seed sample of each template's slot product, so the suite is deterministic and
fast. A template the extractor gets wrong is marked xfail(strict=True) for all its cases (or for
the home kind it breaks on) with what goes wrong, so a fix turns the suite red until unmarked.
Test ids are "<template>-<home>-<n>"; an assertion message names every slot value of the case.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import pytest

from kg.text.articles import split_page
from kg.extract import extract_page
from kg.graph.rdf import article_id, label_of
from kg.extract.resolve import Context

# ------------------------------------------------------------------ slot lists (all invented)

# (district, city, province): a 区 twice (two provinces), a 县, a county-level city, a banner
HOMES = [("荆州区", "荆州市", "湖北省"), ("八公山区", "淮南市", "安徽省"), ("宿松县", "安庆市", "安徽省"),
         ("华蓥市", "广安市", "四川省"), ("扎鲁特旗", "通辽市", "内蒙古自治区")]
PEOPLE = ["王建华", "李明远", "赵文杰", "孙丽", "周海", "张立群", "刘晓峰", "陈思远", "杨国栋", "黄丽娟",
          "吴志刚", "徐海波", "马骏", "胡文斌", "郭亮", "何春燕", "高振宇", "林静", "罗建新", "郑浩"]
TOWNS = ["青石镇", "白沙镇", "桂花镇", "云台镇", "碧水镇", "杨柳镇", "东岭乡"]
VILLAGES = ["柳溪村", "桃园村", "石桥村", "双河村", "清泉村", "白杨村", "荷塘村", "马家岭村", "金沙村"]
ENTERPRISES = ["华兴农业科技有限公司", "金穗米业有限公司", "瑞丰新材料股份有限公司", "绿源生态农业专业合作社",
               "恒达食品有限公司", "腾飞电子有限公司"]
# brands that are ordinary words (鼎盛 "flourishing", 丰收 "harvest"): common in the genre
WORD_BRANDS = ["鼎盛机械制造有限公司", "富民果蔬有限公司", "丰收粮油有限公司", "振兴农业发展有限公司", "宏远建材有限公司"]
DATES = ["3月12日", "4月8日", "6月3日", "10月21日"]
HEADLINES = ["凝心聚力抓发展", "扎实推进乡村振兴", "全力以赴抓落实"]

GO = ["先后到", "先后来到", "先后前往", "先后深入", "走进"]          # how a tour reaches its stops
LEAD = ["带队", "率队", "一行"]                                   # how the leader is marked
SURVEY = ["调研", "考察", "察看"]                                 # what the tour does there
NEAR = ["旁边", "边上", "附近"]                                   # an unnamed feature by a stop
FEATURES = ["电排渠", "排涝渠", "泵站", "堤段"]
ATTEND = ["参加", "出席"]
SETTLE = ["落户", "落地", "正式落户"]
REVIEW = ["审议", "审议通过"]
STUDY = ["传达学习", "集体学习"]
HOST = ["陪同", "陪同调研", "一同陪同"]


def level(home) -> str:
    """区, 县, 市 or 旗: how the home's own bodies are written bare."""
    return home[0][-1]


# ------------------------------------------------------------------ cases

@dataclass
class Case:
    template: str
    home: tuple
    slots: dict
    text: str
    facts: set                                   # must all come out
    exact: tuple = ()                            # predicates whose facts must be exactly the expected
    absent: set = field(default_factory=set)     # must not come out
    entities: set = field(default_factory=set)   # (type, key) that must be nodes


def page_of(case: Case) -> str:
    """A web article file: a headline line, a blank line, the body."""
    return f"{case.slots['headline']}\n\n{case.text}\n"


def extract(case: Case):
    page = split_page("paraphrase.txt", page_of(case))
    ctx = Context.of(*case.home, text=page.text)
    return extract_page(page, [article_id(a.body) for a in page.articles], ctx)


# ------------------------------------------------------------------ templates
# Each template: (slot lists to vary, builder(home, slot values, rng) -> Case). People are drawn
# from PEOPLE by the case's own seeded rng, so names vary without multiplying the product.

def t_meeting_chaired(home, s, people):
    d, L = home[0], level(home)
    a, b, c = people
    meeting, organ = (L + x[1:] for x in s["meeting"])     # 区委常委会会议 → 县委常委会会议
    ev = d + meeting[1:]                        # 县委常委会会议 → 宿松县委常委会会议
    text = f"{s['date']}，{L}委书记{a}主持召开{meeting}。{L}委常委{b}、{c}{s['attend']}会议。"
    facts = {(a, "chaired", ev), (a, "attended", ev), (b, "attended", ev), (c, "attended", ev),
             (ev, "organizedBy", d + organ[1:])}
    return text, facts, ("chaired", "attended", "organizedBy"), set(), {("Event", ev)}


def t_meeting_convened(home, s, people):
    d, L = home[0], level(home)
    a, b = people
    organ = L + s["organ"]
    name = s["event"]
    text = f"{s['date']}，{organ}召开{name}。{L}委书记{a}{s['attend']}会议并讲话，{L}委常委{b}主持会议。"
    facts = {(name, "organizedBy", d + organ[1:]), (a, "attended", name), (b, "attended", name),
             (b, "chaired", name)}
    return text, facts, ("organizedBy", "attended", "chaired"), set(), {("Event", name)}


def t_meeting_reviewed(home, s, people):
    d, L = home[0], level(home)
    (a,) = people
    doc = s["doc"].format(d=d)
    ev = f"{d}委常委会会议"
    text = f"{s['date']}，{L}委书记{a}主持召开{L}委常委会会议，{s['review']}《{doc}》。"
    return text, {(ev, "reviewed", doc)}, ("reviewed",), set(), {("Document", doc), ("Event", ev)}


def t_event_held_at(home, s, people):
    town, village, ev = s["town"], s["village"], s["event"]
    text = f"{s['date']}，{ev}在{town}{village}举行。"
    return (text, {(ev, "heldAt", village), (village, "locatedIn", town)}, ("heldAt",), set(),
            {("Event", ev), ("Place", village), ("Place", town)})


def t_event_organized(home, s, people):
    d, L = home[0], level(home)
    org, ev = L + s["bureau"], s["event"]
    text = f"{s['date']}，由{org}主办的{ev}在{s['village']}举行。"
    return text, {(ev, "organizedBy", d + org[1:])}, ("organizedBy",), set(), {("Organization", d + org[1:])}


def t_tour_leader(home, s, people):
    L = level(home)
    (a,) = people
    town, v1, v2, ent = s["town"], s["village"], s["village2"], s["enterprise"]
    text = f"{s['date']}，{L}委书记{a}{s['lead']}{s['go']}{town}{v1}、{v2}、{ent}{s['survey']}乡村振兴工作。"
    facts = {(a, "inspected", x) for x in (v1, v2, ent)} | {(v1, "locatedIn", town)}
    return text, facts, ("inspected",), set(), {("Place", v1), ("Place", v2), ("Organization", ent)}


def t_tour_party(home, s, people):
    L = level(home)
    a, b, c = people
    v1, ent = s["village"], s["enterprise"]
    join = s["join"]
    text = (f"{s['date']}，{L}委书记{a}带队到{v1}、{ent}{s['survey']}产业发展情况。"
            f"{L}委常委{b}、{L}政协副主席{c}{join}。")
    facts = {(p, "inspected", x) for p in (a, b, c) for x in (v1, ent)}
    return text, facts, ("inspected",), set(), set()


def t_tour_hosts(home, s, people):
    L = level(home)
    a, h = people
    town, v1, ent = s["town"], s["village"], s["enterprise"]
    text = (f"{s['date']}，{L}委书记{a}到{town}{v1}、{ent}{s['survey']}防汛备汛工作。"
            f"{town}党委书记{h}{s['host']}。")
    facts = {(a, "inspected", v1), (a, "inspected", ent)}
    absent = {(h, "inspected", x) for x in (town, v1, ent)}
    return text, facts, ("inspected",), absent, {("Person", h)}


def t_tour_feature_near(home, s, people):
    L = level(home)
    (a,) = people
    v1, v2, ent = s["village"], s["village2"], s["enterprise"]
    text = (f"{s['date']}，{L}委书记{a}先后到{v1}{s['near']}{s['feature']}、{v2}、{ent}"
            f"{s['survey']}防汛工作。")
    return text, {(a, "inspected", x) for x in (v1, v2, ent)}, ("inspected",), set(), set()


def _title_chain(chain):
    """A template of one title chain: the posts and bodies it gives, with the home filled in."""
    def build(home, s, people):
        d, L = home[0], level(home)
        (a,) = people
        surface, posts, bodies = chain
        text = f"{s['date']}，{surface.format(L=L)}{a}到{s['village']}走访慰问困难群众。"
        # a post is keyed as the page writes it (ANNOTATION.md): a bare 县委常委 or, on a county-level
        # city's page, 市委常委 is the one bare title; its body is the home's (华蓥市委)
        facts = ({(a, "holdsPost", p.format(d=d, L=L)) for p in posts} |
                 {(a, "memberOf", b.format(d=d, L=L)) for b in bodies})
        return text, facts, ("holdsPost", "memberOf"), set(), {("Person", a)}
    return build


def t_village_in_town(home, s, people):
    (a,) = people
    town, v = s["town"], s["village"]
    text = f"{s['date']}，在{town}{v}的果园里，村民{a}正忙着采摘脐橙。"
    return text, {(v, "locatedIn", town)}, ("locatedIn",), set(), {("Place", town), ("Place", v)}


def t_town_in_home(home, s, people):
    d = home[0]
    (a,) = people
    town, v = s["town"], s["village"]
    text = f"{s['date']}，{d}{town}{v}村民{a}家的蔬菜大棚迎来丰收。"
    return (text, {(v, "locatedIn", town), (town, "locatedIn", d)}, ("locatedIn",), set(),
            {("Place", town), ("Place", v), ("Place", d)})


def t_enterprise_settles(home, s, people):
    town, v, ent = s["town"], s["village"], s["enterprise"]
    text = f"{s['date']}，{ent}{s['settle']}{town}{v}，项目总投资3亿元。"
    return (text, {(ent, "locatedIn", v), (v, "locatedIn", town)}, ("locatedIn",), set(),
            {("Organization", ent), ("Place", v)})


def t_enterprise_located_at(home, s, people):
    v, ent = s["village"], s["enterprise"]
    text = f"{s['date']}，位于{v}的{ent}今年新增就业岗位200个。"
    return text, {(ent, "locatedIn", v)}, ("locatedIn",), set(), {("Organization", ent), ("Place", v)}


def t_enterprise_in_our_home(home, s, people):
    d, L = home[0], level(home)
    town, ent = s["town"], s["enterprise"]
    text = f"{s['date']}，{ent}{s['settle']}我{L}{town}，项目总投资3亿元。"
    return (text, {(ent, "locatedIn", town), (town, "locatedIn", d)}, ("locatedIn",), set(),
            {("Organization", ent), ("Place", d)})


# Title chains as the paper writes them; posts and bodies as the extractor keys them
CHAINS = {
    "title_standing_deputy_head": ("{L}委常委、常务副{L}长", ["{L}委常委", "常务副{L}长"], ["{d}委", "{d}政府"]),
    "title_deputy_secretary_head": ("{L}委副书记、{L}长", ["{L}委副书记", "{L}长"], ["{d}委", "{d}政府"]),
    "title_congress_vice_chair": ("{L}人大常委会副主任", ["{L}人大常委会副主任"], ["{d}人大常委会"]),
    "title_cppcc_vice_chair": ("{L}政协副主席", ["{L}政协副主席"], ["{d}政协"]),
    "title_publicity_head": ("{L}委常委、宣传部部长", ["{L}委常委", "宣传部部长"], ["{d}委", "{d}委宣传部"]),
    "title_organization_head": ("{L}委常委、组织部部长", ["{L}委常委", "组织部部长"], ["{d}委", "{d}委组织部"]),
    "title_vice_head": ("副{L}长", ["副{L}长"], ["{d}政府"]),
}

TOUR = dict(date=DATES, village=VILLAGES, enterprise=ENTERPRISES, survey=SURVEY)

# name: (slot lists, number of people, builder, cases wanted)
TEMPLATES = {
    "meeting_chaired_standing_committee": (dict(date=DATES, attend=ATTEND, meeting=[("区委常委会会议", "区委")]),
                                           3, t_meeting_chaired, 10),
    "meeting_chaired_committee": (dict(date=DATES, attend=ATTEND, meeting=[
        ("区委财经委员会第三次会议", "区委财经委员会"),
        ("区委全面深化改革委员会第二次会议", "区委全面深化改革委员会")]), 3, t_meeting_chaired, 10),
    "meeting_chaired_government": (dict(date=DATES, attend=ATTEND, meeting=[
        ("区政府第十二次常务会议", "区政府"), ("区政府常务会议", "区政府")]), 3, t_meeting_chaired, 10),
    "meeting_sat_in": (dict(date=DATES, attend=["列席"], meeting=[
        ("区委常委会会议", "区委"), ("区政府第十二次常务会议", "区政府")]), 3, t_meeting_chaired, 10),
    "meeting_convened": (dict(date=DATES, attend=["出席", "参加"],
                              organ=["委", "政府", "政协", "人大常委会"],
                              event=["防汛抗旱工作会议", "一季度经济运行分析会", "乡村振兴工作推进会",
                                     "安全生产工作调度会"]), 2, t_meeting_convened, 15),
    "meeting_reviewed": (dict(date=DATES, review=REVIEW, doc=[
        "{d}2024年河湖长制工作要点", "{d}耕地保护三年行动计划", "关于加强村级集体经济发展的实施意见"]),
        1, t_meeting_reviewed, 15),
    "meeting_studied": (dict(date=DATES, review=STUDY, doc=[
        "{d}2024年河湖长制工作要点", "关于加强村级集体经济发展的实施意见"]), 1, t_meeting_reviewed, 10),
    "event_held_at": (dict(date=DATES, town=TOWNS, village=VILLAGES, event=[
        "2024年农民丰收节庆祝活动", "第三届乡村旅游文化节", "春季植树活动启动仪式"]),
        0, t_event_held_at, 10),
    "event_organized": (dict(date=DATES, village=VILLAGES,
                             bureau=["文化和旅游局", "人社局", "妇联", "农业农村局"],
                             event=["2024年农民丰收节庆祝活动", "春风行动专场招聘会", "全民健身运动会"]),
                        0, t_event_organized, 10),
    "tour_leader": (dict(TOUR, town=TOWNS, village2=VILLAGES, lead=LEAD, go=GO), 1, t_tour_leader, 20),
    "tour_party": (dict(TOUR, join=["参加调研", "一同参加", "参加"]), 3, t_tour_party, 15),
    "tour_hosts": (dict(TOUR, town=TOWNS, host=HOST), 2, t_tour_hosts, 15),
    "tour_feature_near": (dict(TOUR, village2=VILLAGES, near=NEAR, feature=FEATURES), 1,
                          t_tour_feature_near, 15),
    **{name: (dict(date=DATES, village=VILLAGES), 1, _title_chain(chain), 10) for name, chain in CHAINS.items()},
    "village_in_town": (dict(date=DATES, town=TOWNS, village=VILLAGES), 1, t_village_in_town, 10),
    "town_in_home": (dict(date=DATES, town=TOWNS, village=VILLAGES), 1, t_town_in_home, 10),
    "enterprise_settles": (dict(date=DATES, town=TOWNS, village=VILLAGES, enterprise=ENTERPRISES,
                                settle=SETTLE), 0, t_enterprise_settles, 10),
    "enterprise_word_brand": (dict(date=DATES, town=TOWNS, village=VILLAGES, enterprise=WORD_BRANDS,
                                   settle=SETTLE), 0, t_enterprise_settles, 10),
    "enterprise_located_at": (dict(date=DATES, village=VILLAGES, enterprise=ENTERPRISES), 0,
                              t_enterprise_located_at, 10),
    "enterprise_in_our_home": (dict(date=DATES, town=TOWNS, enterprise=ENTERPRISES, settle=SETTLE), 0,
                               t_enterprise_in_our_home, 10),
}

# What the extractor gets wrong today, by template (home kind None: on every home; else only on
# homes of that kind). strict: a fix makes the case XPASS, which fails until the mark is removed.
XFAIL: dict = {
}


def _pick(values, rng, k):
    return rng.sample(values, k) if k else []


def generate() -> list:
    out = []
    for name, (slots, n_people, build, wanted) in TEMPLATES.items():
        keys = list(slots)
        combos = [dict(zip(keys, vals)) for vals in itertools.product(*(slots[k] for k in keys))]
        rng = random.Random(f"paraphrase:{name}")
        # every home gets its share, so each template is run on each kind of home
        per_home = max(1, wanted // len(HOMES))
        for home in HOMES:
            for n, s in enumerate(rng.sample(combos, min(per_home, len(combos)))):
                people = _pick(PEOPLE, rng, n_people)
                if "village2" in s and s["village2"] == s["village"]:
                    s = dict(s, village2=VILLAGES[(VILLAGES.index(s["village"]) + 1) % len(VILLAGES)])
                s = dict(s, headline=rng.choice(HEADLINES))
                text, facts, exact, absent, entities = build(home, s, people)
                case = Case(name, home, dict(s, people=people), text, facts, exact, absent, entities)
                marks = []
                reason = XFAIL.get((name, None)) or XFAIL.get((name, level(home)))
                if reason:
                    marks.append(pytest.mark.xfail(strict=True, reason=reason))
                out.append(pytest.param(case, id=f"{name}-{home[0]}-{n}", marks=marks))
    return out


CASES = generate()


def test_suite_covers_every_template_on_every_kind_of_home():
    seen = {(p.values[0].template, level(p.values[0].home)) for p in CASES}
    assert seen == {(t, level(h)) for t in TEMPLATES for h in HOMES}
    assert 150 <= len(CASES) <= 300


@pytest.mark.parametrize("case", CASES)
def test_fact_survives_paraphrase(case: Case):
    f = extract(case)
    got = {(label_of(x.s.type, x.s.key), x.p, label_of(x.o.type, x.o.key)) for x in f.facts}
    where = f"{case.template} on {case.home[0]} with {case.slots}\n  text: {case.text}"
    missing = case.facts - got
    extra = {t for t in got - case.facts if t[1] in case.exact}
    wrong = case.absent & got
    lost = case.entities - {(t, label_of(t, k)) for t, k in f.entities}
    assert not (missing or extra or wrong or lost), (
        f"{where}\n  missing: {sorted(missing)}\n  extra: {sorted(extra)}\n  must not: {sorted(wrong)}"
        f"\n  entities missing: {sorted(lost)}")
