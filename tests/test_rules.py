"""The relation rules of kg/extract/rules, one by one, on sentences written for them.

Every rule in ``RULES`` (and ``PAGE_RULES``) has a case here: a one-article page in the paper's
layout, and what the rule must give on it. ``test_rule_gives`` runs the whole pipeline;
``test_rule_is_needed`` runs it without that one rule and requires the expectation to fail, so
a rule that nothing tests, or that another rule silently covers, shows up here. Every name
(persons, villages, towns, companies) is invented; the home is 荆州区 as in test_extract.
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from kg.text.articles import split_page
from kg.extract import PageExtractor, rules
from kg.graph.rdf import article_id, label_of
from kg.extract.resolve import Context


class Case(NamedTuple):
    rule: object
    body: str
    facts: frozenset = frozenset()          # (subject key, predicate, object key) that must be there
    gone: frozenset = frozenset()           # (type, key) that must not be an entity (merged away)
    headline: str = ""
    absent: frozenset = frozenset()         # (subject key, predicate, object key) that must not be there


def case(rule, body, facts=(), gone=(), headline="", absent=()):
    return Case(rule, body, frozenset(facts), frozenset(gone), headline, frozenset(absent))


P, E, R, V = rules.posts, rules.events, rules.visits, rules.places
M = rules.merging

CASES = [
    case(P.holds_post_by_title_chain, "区委常委、常务副区长郑远航到柳湾镇调研。",
         {("郑远航", "holdsPost", "常务副区长"), ("郑远航", "holdsPost", "区委常委"),
          ("郑远航", "memberOf", "荆州区委"), ("郑远航", "memberOf", "荆州区政府")}),
    case(P.member_by_head_of_body, "青禾农业公司负责人陶子涵介绍了基地情况。",
         {("陶子涵", "memberOf", "青禾农业公司")}),
    case(P.member_by_leading_team, "副区长郑远航带领区安全生产第二督查组到柳湾镇督查。",
         {("郑远航", "memberOf", "荆州区安全生产第二督查组")}),
    case(P.member_by_group_of_body, "区政协领导郑远航、林清和出席活动。",
         {("郑远航", "memberOf", "荆州区政协"), ("林清和", "memberOf", "荆州区政协")}),
    case(E.organized_by_convener, "区委、区政府召开全区乡村振兴工作推进会。",
         {("全区乡村振兴工作推进会", "organizedBy", "荆州区委"),
          ("全区乡村振兴工作推进会", "organizedBy", "荆州区政府")}),
    case(E.organized_by_name, "柳湾镇人大第三次会议听取了工作报告。",
         {("柳湾镇人大第三次会议", "organizedBy", "柳湾镇人大")}),
    case(E.organized_by_party, "中国共产党荆州市荆州区第十二次代表大会在区文化中心开幕。",
         {("中国共产党荆州市荆州区第十二次代表大会", "organizedBy", "荆州区委")}),
    case(E.organized_by_home_pair, "两区联席会议在荆州高新区管委会召开。",
         {("两区联席会议", "organizedBy", "荆州区"), ("两区联席会议", "organizedBy", "荆州高新区")}),
    case(E.organized_by_host, "由区文旅局主办，区文化馆承办的第二届乡村歌手大赛在柳湾镇文化站举行。",
         {("第二届乡村歌手大赛", "organizedBy", "荆州区文旅局")}),
    case(E.held_at, "由区文旅局主办，区文化馆承办的第二届乡村歌手大赛在柳湾镇文化站举行。",
         {("第二届乡村歌手大赛", "heldAt", "柳湾镇")}),
    case(E.held_at_anaphora, "全区乡村振兴工作推进会召开。会议由区委办公室组织，在区行政中心召开。",
         {("全区乡村振兴工作推进会", "heldAt", "荆州区行政中心")}),
    case(E.held_at_venues, "全区防汛工作视频会议召开。会议以视频形式召开，在区应急指挥中心设主会场，柳湾镇、石桥镇设分会场。",
         {("全区防汛工作视频会议", "heldAt", "荆州区应急指挥中心"), ("全区防汛工作视频会议", "heldAt", "柳湾镇"),
          ("全区防汛工作视频会议", "heldAt", "石桥镇")}),
    case(E.held_at_named_place, "柳湾镇开展石桥村人居环境整治行动。",
         {("石桥村人居环境整治行动", "heldAt", "石桥村")}),
    case(E.chaired, "区长郑远航主持召开区政府常务会议。",
         {("郑远航", "chaired", "荆州区政府常务会议"), ("郑远航", "attended", "荆州区政府常务会议")}),
    case(E.attended, "区政府召开全区安全生产工作会议。区领导郑远航、林清和出席会议。",
         {("郑远航", "attended", "全区安全生产工作会议"), ("林清和", "attended", "全区安全生产工作会议")}),
    case(E.attended_by_speaking, "区政府召开全区安全生产工作会议。区长郑远航强调，要抓好落实。",
         {("郑远航", "attended", "全区安全生产工作会议")}),
    case(E.attended_by_leading_to_it, "7月1日，区司法局局长郑远航带领机关党员到石桥村开展“七一”主题党日活动。",
         {("郑远航", "attended", "七一主题党日活动")}),
    case(E.organized_by_anaphora, "区文旅局举办第二届乡村歌手大赛。本次大赛由区文旅局、区总工会联合主办。",
         {("第二届乡村歌手大赛", "organizedBy", "荆州区总工会")}),
    case(E.attended_as_speaker, "区长郑远航在全区安全生产工作会议上作了讲话。",
         {("郑远航", "attended", "全区安全生产工作会议")}),
    case(E.attended_at_bare_kind, "区文旅局召开全区文旅工作会议。当天下午，全区民宿经营培训会在区行政中心举行。"
                                   "区文旅局局长郑远航在培训会上作专题辅导。",
         {("郑远航", "attended", "全区民宿经营培训会")}),
    case(E.reviewed, "区人大常委会召开第十次会议。会议审议通过了《柳湾镇集体经济发展实施方案》。",
         {("第十次会议", "reviewed", "柳湾镇集体经济发展实施方案")}),
    case(E.merge_event_names, "区农业农村局召开2024年全区农业技术培训会。",
         {("2024年全区农业技术培训会", "organizedBy", "荆州区农业农村局")},
         gone={("Event", "农业技术培训会")}, headline="农业技术培训会举行"),
    case(R.inspected, "区委书记郑远航率队先后到柳湾镇石桥村、青禾农业公司调研。",
         {("郑远航", "inspected", "石桥村"), ("郑远航", "inspected", "青禾农业公司")}),
    case(R.tour_held_at, "区人大常委会组织开展“代表进基层”视察活动。代表们先后前往石桥村、枫林村。",
         {("代表进基层视察活动", "heldAt", "石桥村"), ("代表进基层视察活动", "heldAt", "枫林村")}),
    case(V.located_in_adjacent, "柳湾镇石桥村、枫林村大力发展特色产业。",
         {("石桥村", "locatedIn", "柳湾镇")}),
    case(V.located_in_list, "柳湾镇石桥村、枫林村大力发展特色产业。",
         {("枫林村", "locatedIn", "柳湾镇")}),
    case(V.located_in_inner_place, "石桥村蔬菜基地项目进展顺利。",
         {("石桥村蔬菜基地项目", "locatedIn", "石桥村")}),
    case(V.located_in_adjacent, "沙湖区“智慧停车”建设工程开工。",
         {("智慧停车建设工程", "locatedIn", "沙湖区")}),
    case(V.located_in_frame, "在柳湾镇，石桥村建起了蔬菜大棚。",
         {("石桥村", "locatedIn", "柳湾镇")}),
    case(V.located_in_settled_project, "石桥村立足资源优势，最终敲定“甜心”蛋糕生产加工项目。",
         {("甜心蛋糕生产加工项目", "locatedIn", "石桥村")}),
    case(V.located_in_described, "落户沙湖区的青禾食品公司今年新增就业岗位50个。",
         {("青禾食品公司", "locatedIn", "沙湖区")}),
    case(V.located_in_built_in, "青禾食品公司此前已在柳湾镇石桥村投资建设了蔬菜冷链物流项目。",
         {("蔬菜冷链物流项目", "locatedIn", "石桥村")}),
    case(V.located_in_bare_park, "青山工业园区规上企业产值增长一成。青禾食品公司坐落在园区东区。",
         {("青禾食品公司", "locatedIn", "青山工业园区")}),
    case(V.located_in_possessive, "调研组抽查了柳湾镇的青禾食品公司。",
         {("青禾食品公司", "locatedIn", "柳湾镇")}),
    case(V.located_in_bare_kind, "调研组来到柳湾镇石桥村，察看了村里的青禾食品公司。",
         {("青禾食品公司", "locatedIn", "石桥村")}),
    case(V.located_in_after_verb, "青禾食品公司位于柳湾镇石桥村。",
         {("青禾食品公司", "locatedIn", "石桥村")}),
    case(V.located_in_where_project_starts, "青禾食品加工项目在柳湾镇石桥村正式投产。",
         {("青禾食品加工项目", "locatedIn", "石桥村")}),
    case(M.merge_project_aliases, "柳湾镇青禾冷链物流项目开工。青禾冷链物流项目施工现场一片繁忙。",
         gone={("Project", "青禾冷链物流项目")}),
    case(M.merge_body_aliases, "湖北青禾食品有限公司投产。青禾食品有限公司负责人介绍了情况。",
         gone={("Organization", "青禾食品有限公司")}),
    case(M.merge_body_aliases, "青禾现代农业科技有限公司成立。青禾农业科技有限公司负责人介绍了情况。",
         gone={("Organization", "青禾农业科技有限公司")}),
    case(E.held_at_set_clause, "区委召开全区防汛工作会议，会场设在区应急指挥中心。",
         {("全区防汛工作会议", "heldAt", "荆州区应急指挥中心")}),
    case(M.merge_post_forms, "荆州区委书记郑远航到柳湾镇调研。区委书记郑远航察看了青禾农业开发有限公司。",
         {("郑远航", "holdsPost", "荆州区委书记")}, gone={("Post", "区委书记")}),
    case(M.nearest_container, "区委书记郑远航到柳湾镇调研。在柳湾镇，郑远航察看了青禾农业开发有限公司。"
                              "该公司地处柳湾镇石桥村，带动农户种植蔬菜。",
         {("青禾农业开发有限公司", "locatedIn", "石桥村"), ("石桥村", "locatedIn", "柳湾镇")},
         absent={("青禾农业开发有限公司", "locatedIn", "柳湾镇")}),
]


def extract(body: str, headline: str = "", rule_list=None, page_rules=None, monkeypatch=None):
    """Facts of a one-article page, with the rules given (default: the declared ones)."""
    raw = (f"{headline}\n\n" if headline else "") + f"本报讯（通讯员林晓）{body}"
    page = split_page("invented.txt", raw)
    home = Context.of("荆州区", "荆州市", "湖北省", text=page.text)
    if rule_list is not None:
        monkeypatch.setattr(rules, "RULES", tuple(rule_list))
    if page_rules is not None:
        monkeypatch.setattr(rules, "PAGE_RULES", tuple(page_rules))
    return PageExtractor(page, [article_id(a.body) for a in page.articles], home).run()


def holds(c: Case, out) -> bool:
    got = {(label_of(f.s.type, f.s.key), f.p, label_of(f.o.type, f.o.key)) for f in out.facts}
    # a merged entity's facts are the survivor's: the survivor must still be an entity
    return c.facts <= got and not (c.gone & set(out.entities)) and not (c.absent & got) and \
        all((f.s.type, f.s.key) in out.entities and (f.o.type, f.o.key) in out.entities
            for f in out.facts if (label_of(f.s.type, f.s.key), f.p, label_of(f.o.type, f.o.key)) in c.facts)


def _id(c: Case) -> str:
    return c.rule.__name__


@pytest.mark.parametrize("c", CASES, ids=_id)
def test_rule_gives(c):
    out = extract(c.body, c.headline)
    got = sorted({(label_of(f.s.type, f.s.key), f.p, label_of(f.o.type, f.o.key)) for f in out.facts})
    assert holds(c, out), (got, sorted(c.gone & set(out.entities)))


@pytest.mark.parametrize("c", CASES, ids=_id)
def test_rule_is_needed(c, monkeypatch):
    """Without the rule, its case fails: the case tests that rule and no other covers it."""
    if c.rule in rules.RULES:
        out = extract(c.body, c.headline, rule_list=[r for r in rules.RULES if r is not c.rule],
                      monkeypatch=monkeypatch)
    else:
        out = extract(c.body, c.headline, page_rules=[r for r in rules.PAGE_RULES if r is not c.rule],
                      monkeypatch=monkeypatch)
    assert not holds(c, out)


def test_every_rule_has_a_case():
    assert {c.rule for c in CASES} == set(rules.RULES) | set(rules.PAGE_RULES)
    assert len(set(rules.RULES)) == len(rules.RULES)     # declared once each


def test_the_page_pass_runs_exactly_the_declared_rules_in_order(monkeypatch):
    """RULES once per article, in order, then PAGE_RULES once: what runs is what is declared."""
    declared, page_declared = list(rules.RULES), list(rules.PAGE_RULES)
    calls = []

    def recording(rule, where):
        def run(x):
            calls.append((rule, x.aid if where == "article" else "page"))
            rule(x)
        return run

    monkeypatch.setattr(rules, "RULES", tuple(recording(r, "article") for r in declared))
    monkeypatch.setattr(rules, "PAGE_RULES", tuple(recording(r, "page") for r in page_declared))
    raw = ("柳湾镇召开乡村振兴推进会\n\n本报讯（通讯员林晓）柳湾镇召开乡村振兴推进会。\n\n"
           "石桥村建成蔬菜大棚\n\n本报讯（通讯员林晓）石桥村建成蔬菜大棚。")
    page = split_page("invented.txt", raw)
    ids = [article_id(a.body) for a in page.articles]
    assert len(ids) == 2
    PageExtractor(page, ids, Context.of("荆州区", "荆州市", "湖北省", text=page.text)).run()
    assert calls == [(r, ids[0]) for r in declared] + [(r, ids[1]) for r in declared] + \
        [(r, "page") for r in page_declared]


def test_no_rule_no_relation(monkeypatch):
    """The page pass adds no fact of its own: every relation comes from a declared rule."""
    c = CASES[0]
    out = extract(c.body, c.headline, rule_list=[], page_rules=[], monkeypatch=monkeypatch)
    assert out.facts == []
    assert ("Person", "郑远航#荆州区") in out.entities      # the mentions are still read


def test_cue_table_groups_are_exactly_the_rules_groups(monkeypatch):
    """A group missing from kg/data/cues.tsv, or one no rule knows (a typo), stops the load with
    the file named, rather than leaving a rule silently without words."""
    from kg.text import lexicon

    good = lexicon._rows("cues.tsv")
    c = lexicon.cues.__wrapped__()
    assert c.organize[0] == "主持召开" and "召开" in c.organize   # table order is kept
    monkeypatch.setattr(lexicon, "_rows", lambda name: [r for r in good if r[0] != "review"])
    with pytest.raises(ValueError, match=r"cues\.tsv: missing group 'review'"):
        lexicon.cues.__wrapped__()
    monkeypatch.setattr(lexicon, "_rows", lambda name: good + [["reveiw", "审定"]])
    with pytest.raises(ValueError, match=r"cues\.tsv: unknown group 'reveiw'"):
        lexicon.cues.__wrapped__()
