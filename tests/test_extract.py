"""Relation rules of kg/extract.py on small invented pages, one rule per test.

Pages are written in the paper's layout (headline line, "本报讯（通讯员某某）" + body), cut by
kg.text.articles.split_page and extracted by kg.extract.extract_page, as `kg build` does. Every name
is invented. Assertions are what a careful reader annotates per shared/spec/ANNOTATION.md, on
entity keys (type, key) and facts (subject key, predicate, object key). Where the extractor gets
a case wrong the test still asserts the right answer and is marked xfail(strict=True) with the
reason, so fixing the rule turns it into a failure to un-mark.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.text.articles import split_page
from kg.extract.resolve import Context
from kg.extract import extract_page, sentences
from kg.graph.rdf import article_id, label_of

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


# ------------------------------------------------------------------ helpers

def layout(*articles: tuple[str, str]) -> str:
    """Raw page text: each article as its headline line, then 本报讯（通讯员林晓）+ body."""
    return "\n\n".join(f"{h}\n\n本报讯（通讯员林晓）{b}" if h else f"本报讯（通讯员林晓）{b}"
                       for h, b in articles)


def extract_raw(raw: str, source: str = "invented.txt"):
    page = split_page(source, raw)
    home = Context.of("荆州区", "荆州市", "湖北省", text=page.text)   # the invented pages are 荆州区's
    return page, extract_page(page, [article_id(a.body) for a in page.articles], home)


def run(body: str, headline: str = ""):
    """Facts of a one-article page."""
    return extract_raw(layout((headline, body)))[1]


def name(ref) -> str:
    """An entity as a reader names it: its key, a person's without the area (kg.extract.identity)."""
    return label_of(ref.type, ref.key)


def rels(facts, p: str | None = None) -> set:
    return {(name(f.s), f.p, name(f.o)) for f in facts.facts if p is None or f.p == p}


def pairs(facts, p: str) -> set:
    return {(name(f.s), name(f.o)) for f in facts.facts if f.p == p}


def keys(facts, t: str) -> set:
    return {label_of(tt, k) for (tt, k) in facts.entities if tt == t}


# ------------------------------------------------------------------ sentences

def test_sentences_cut_at_full_stops_and_keep_page_offsets():
    body = "会议指出，要抓好落实。\n会议要求，要压实责任！会后，大家参观展厅"
    ss = sentences(body, 100)
    assert [s.text for s in ss] == ["会议指出，要抓好落实。", "会议要求，要压实责任！", "会后，大家参观展厅"]
    assert [s.para for s in ss] == [0, 1, 1]
    assert all(body[s.start - 100:s.start - 100 + len(s.raw)] == s.raw for s in ss)


def test_sentence_reads_full_width_punctuation_but_quotes_the_cleaned_text():
    (s,) = sentences("区委书记钟启航,主持会议;", 0)
    assert s.text == "区委书记钟启航，主持会议；" and s.raw == "区委书记钟启航,主持会议;"


# ------------------------------------------------------------------ title chains → posts and bodies

def test_chain_of_titles_gives_each_post_and_the_body_each_implies():
    f = run("3月2日，区委常委、常务副区长贺明轩出席会议。")
    assert {("贺明轩", "区委常委"), ("贺明轩", "常务副区长")} == pairs(f, "holdsPost")
    # 区委常委 names its body; 常务副区长 → 荆州区政府 by the fixed map
    assert {("贺明轩", "荆州区委"), ("贺明轩", "荆州区政府")} == pairs(f, "memberOf")


def test_party_group_member_is_member_of_the_party_group():
    f = run("3月2日，区政府党组成员钱立新参加活动。")
    assert pairs(f, "memberOf") == {("钱立新", "荆州区政府党组")}


def test_post_key_is_the_written_title_not_the_body_doubled():
    # the implied party body (荆州区政府党组, 川店镇党委) must not be glued before the title again
    f = run("3月2日，区委常委、常务副区长贺明轩，区政府党组成员钱立新，川店镇党委书记万俊杰参加活动。")
    assert {("钱立新", "区政府党组成员"), ("万俊杰", "川店镇党委书记")} <= pairs(f, "holdsPost")
    assert ("万俊杰", "川店镇党委") in pairs(f, "memberOf")


def test_party_body_from_a_chain_does_not_take_the_bare_body_name():
    f = run("3月2日，区政府党组成员钱立新，川店镇党委书记万俊杰参加活动。")
    assert "区政府" not in f.entities[("Organization", "荆州区政府党组")].names
    assert "川店镇" not in f.entities[("Organization", "川店镇党委")].names


def test_enterprise_party_secretary_is_member_of_the_enterprise():
    f = run("5月3日，湖北荆达建材有限公司党委副书记、总经理许文强介绍了生产情况。")
    assert pairs(f, "holdsPost") == {("许文强", "湖北荆达建材有限公司党委副书记"), ("许文强", "总经理")}
    assert pairs(f, "memberOf") == {("许文强", "湖北荆达建材有限公司")}


def test_zone_titles_across_a_comma():
    f = run("3月2日，区委副书记、区长，荆州高新区党工委书记蒋承志主持会议。")
    assert pairs(f, "holdsPost") == {("蒋承志", "区委副书记"), ("蒋承志", "区长"),
                                     ("蒋承志", "荆州高新区党工委书记")}
    assert pairs(f, "memberOf") == {("蒋承志", "荆州区委"), ("蒋承志", "荆州区政府"), ("蒋承志", "荆州高新区党工委")}


def test_another_districts_deputy_head_is_member_of_that_districts_government():
    f = run("4月6日，秦淮区委书记姚振华，副区长卢志刚一行到荆州区考察。")
    assert ("卢志刚", "秦淮区政府") in pairs(f, "memberOf")
    assert ("卢志刚", "荆州区政府") not in pairs(f, "memberOf")
    assert ("姚振华", "秦淮区委") in pairs(f, "memberOf")


def test_names_listed_after_a_chain_share_its_posts():
    f = run("3月9日，区委常委、副区长宁思远，副区长龚子铭、闵瑶参加会议。")
    assert pairs(f, "holdsPost") == {("宁思远", "区委常委"), ("宁思远", "副区长"),
                                     ("龚子铭", "副区长"), ("闵瑶", "副区长")}
    assert {("龚子铭", "荆州区政府"), ("闵瑶", "荆州区政府")} <= pairs(f, "memberOf")


def test_a_post_is_one_node_shared_by_its_holders():
    f = run("3月9日，副区长龚子铭、闵瑶参加会议。")
    assert keys(f, "Post") == {"副区长"}


def test_school_head_is_member_of_the_named_school():
    f = run("9月1日，柳林中学校长方雪梅介绍了新学期安排。")
    assert pairs(f, "memberOf") == {("方雪梅", "柳林中学")}


def test_bare_title_without_a_body_gives_no_membership():
    f = run("9月1日，总经理许文强介绍了生产情况。")
    assert pairs(f, "holdsPost") == {("许文强", "总经理")}
    assert pairs(f, "memberOf") == set()


def test_general_secretary_after_the_name():
    f = run("8月1日，区委召开常委会会议，传达学习习近平总书记在全国生态环境保护大会上的重要讲话精神。")
    assert ("习近平", "总书记") in pairs(f, "holdsPost")
    # he spoke at the meeting the page names; he did not attend the one that studies his speech
    assert ("习近平", "全国生态环境保护大会") in pairs(f, "attended")
    assert not any(p == "习近平" and e == "荆州区委常委会会议" for p, e in pairs(f, "attended"))


def test_group_word_gives_no_post():
    f = run("3月9日，区领导柯文、宁思远出席活动。")
    assert pairs(f, "holdsPost") == set() and {"柯文", "宁思远"} <= keys(f, "Person")


def test_head_of_a_body_named_by_fuzeren_is_its_member():
    f = run("5月3日，荆楚云帆公司负责人焦玉林介绍，今年订单同比增长三成。")
    assert pairs(f, "memberOf") == {("焦玉林", "荆楚云帆公司")}
    assert pairs(f, "holdsPost") == set()


def test_resident_named_by_role_is_a_person_and_member_of_nothing():
    f = run("5月3日，副区长龚子铭到柳溪村走访。村民谭秀英说，如今出门就是水泥路。")
    assert "谭秀英" in keys(f, "Person")
    assert not any(s == "谭秀英" for s, _ in pairs(f, "memberOf") | pairs(f, "holdsPost"))


# ------------------------------------------------------------------ meetings: chaired, attended, organizedBy

def test_chair_of_a_meeting_convened_by_chairing():
    f = run("3月9日，区委副书记、区长卫东主持召开区政府第九次常务会议。")
    assert ("卫东", "荆州区政府第九次常务会议") in pairs(f, "chaired")
    assert ("卫东", "荆州区政府第九次常务会议") in pairs(f, "attended")


def test_chair_by_zhuchi_and_attendee_list():
    f = run("6月6日，区政协召开“助力乡村产业振兴”专题协商会。区政协主席郝文渊主持会议，"
            "区政协副主席金丽华、鲁振东，副区长龚子铭参加会议。")
    ev = "助力乡村产业振兴专题协商会"
    assert pairs(f, "chaired") == {("郝文渊", ev)}
    assert pairs(f, "attended") == {(p, ev) for p in ("郝文渊", "金丽华", "鲁振东", "龚子铭")}
    assert pairs(f, "organizedBy") == {(ev, "荆州区政协")}


def test_speakers_after_huishang_attend_the_meeting():
    f = run("7月3日，区委副书记、区长卫东主持召开区政府第十次常务会议。会上，卫东强调，要稳住经济基本盘。"
            "副区长宁思远指出，要抓好项目建设。")
    ev = "荆州区政府第十次常务会议"
    assert {("卫东", ev), ("宁思远", ev)} <= pairs(f, "attended")
    assert ("宁思远", ev) not in pairs(f, "chaired")


def test_convener_before_the_verb_organizes_the_meeting():
    f = run("3月2日，荆州区召开2023年防汛抗旱工作会议。")
    assert pairs(f, "organizedBy") == {("2023年防汛抗旱工作会议", "荆州区")}


def test_two_conveners_listed_before_the_verb():
    f = run("5月8日，区纪委监委、区妇联召开廉洁家风建设推进会。")
    assert pairs(f, "organizedBy") == {("廉洁家风建设推进会", "荆州区纪委监委"), ("廉洁家风建设推进会", "荆州区妇联")}


def test_meeting_named_after_a_body_is_organized_by_it_without_a_verb():
    f = run("4月20日，区委全面深化改革委员会第五次会议召开。区委书记钟启航主持会议。")
    ev = "荆州区委全面深化改革委员会第五次会议"
    assert (ev, "荆州区委全面深化改革委员会") in pairs(f, "organizedBy")
    assert ("钟启航", ev) in pairs(f, "chaired")


def test_two_districts_meeting_is_organized_by_both():
    f = run("7月5日，两区一季度招商工作推进会召开。区委书记钟启航出席会议并讲话。", "荆州区、荆州高新区抓招商")
    ev = "两区一季度招商工作推进会"
    assert {(ev, "荆州区"), (ev, "荆州高新区")} <= pairs(f, "organizedBy")
    assert ("钟启航", ev) in pairs(f, "attended")


def test_sponsor_organizer_and_co_organizer_all_organize():
    f = run("4月3日，由区人社局主办，荆楚人力资源有限公司承办，荆楚云帆科技有限公司协办的"
            "2023年“春风送岗”招聘活动在弥市镇柳溪村举行。")
    ev = "2023年春风送岗招聘活动"
    assert pairs(f, "organizedBy") == {(ev, "荆州区人社局"), (ev, "荆楚人力资源有限公司"),
                                       (ev, "荆楚云帆科技有限公司")}


def test_body_with_a_stop_character_in_its_name_organizes():
    f = run("4月3日，由区人社局主办，区就业服务中心承办的2023年“春风送岗”招聘活动在弥市镇柳溪村举行。")
    assert ("2023年春风送岗招聘活动", "荆州区就业服务中心") in pairs(f, "organizedBy")


def test_held_at_the_innermost_place():
    f = run("4月3日，2023年“春风送岗”招聘活动在弥市镇柳溪村举行。")
    assert pairs(f, "heldAt") == {("2023年春风送岗招聘活动", "柳溪村")}
    assert ("柳溪村", "locatedIn", "弥市镇") in rels(f)


def test_held_at_an_industrial_park():
    f = run("6月2日，荆州区2023年安全生产月启动仪式在荆州高新区楚天智谷产业园举行。")
    ev = "荆州区2023年安全生产月启动仪式"
    assert pairs(f, "heldAt") == {(ev, "楚天智谷产业园")}
    assert ("楚天智谷产业园", "荆州高新区") in pairs(f, "locatedIn")


def test_meeting_reviews_each_document():
    f = run("3月9日，区委副书记、区长卫东主持召开区政府第九次常务会议，审议《荆州区2023年河湖长制工作要点》"
            "《荆州区城乡环卫一体化实施方案》。")
    ev = "荆州区政府第九次常务会议"
    assert pairs(f, "reviewed") == {(ev, "荆州区2023年河湖长制工作要点"), (ev, "荆州区城乡环卫一体化实施方案")}
    assert keys(f, "Document") == {"荆州区2023年河湖长制工作要点", "荆州区城乡环卫一体化实施方案"}


def test_document_named_without_review_is_not_reviewed():
    f = run("5月8日，区委召开常委会会议，会议强调，要认真落实《荆州区乡村振兴促进办法》。")
    assert "荆州区乡村振兴促进办法" in keys(f, "Document")
    assert pairs(f, "reviewed") == set()


def test_an_event_word_inside_a_document_title_names_no_event():
    # 行动 ends 三年行动计划 inside the title: no activity "会议原则通过《…三年行动"
    f = run("3月9日，区委副书记、区长卫东主持召开区政府第九次常务会议。会议原则通过《荆州区耕地保护三年行动计划》。")
    assert keys(f, "Event") == {"荆州区政府第九次常务会议"}
    assert keys(f, "Document") == {"荆州区耕地保护三年行动计划"}


def test_headline_meeting_and_body_meeting_are_one_event():
    f = run("3月9日，区委副书记、区长卫东主持召开区政府第九次常务会议。", headline="区政府召开第九次常务会议")
    assert keys(f, "Event") == {"荆州区政府第九次常务会议"}
    assert "第九次常务会议" in f.entities[("Event", "荆州区政府第九次常务会议")].names


def test_meeting_name_ending_in_fenxi_huiyi_is_whole():
    f = run("4月12日，区政府召开一季度经济运行分析会议。")
    assert keys(f, "Event") == {"一季度经济运行分析会议"}


def test_official_who_comes_to_the_meeting_attends_it():
    f = run("6月6日，区政协召开“助力乡村产业振兴”专题协商会。副区长龚子铭到会听取意见。")
    assert ("龚子铭", "助力乡村产业振兴专题协商会") in pairs(f, "attended")


# ------------------------------------------------------------------ visits

VISIT = ("3月12日，区委常委、常务副区长贺明轩调研春耕生产工作。区农业农村局负责人焦玉林参加调研，"
         "川店镇党委书记万俊杰陪同。贺明轩先后到川店镇柳溪村、梅岭村，马山镇桂花村等地，实地查看高标准农田建设情况。")


def test_visit_party_inspects_every_stop():
    f = run(VISIT)
    stops = {"柳溪村", "梅岭村", "桂花村"}
    assert pairs(f, "inspected") == {(p, s) for p in ("贺明轩", "焦玉林") for s in stops}


def test_host_who_accompanies_does_not_inspect():
    f = run(VISIT)
    assert not any(p == "万俊杰" for p, _ in pairs(f, "inspected"))
    assert ("万俊杰", "川店镇党委") in pairs(f, "memberOf")


def test_visit_stops_are_placed_in_the_town_named_before_them():
    f = run(VISIT)
    assert {("柳溪村", "川店镇"), ("梅岭村", "川店镇"), ("桂花村", "马山镇")} <= pairs(f, "locatedIn")
    # the towns are named only as containers, not as stops
    assert not any(s in ("川店镇", "马山镇") for _, s in pairs(f, "inspected"))


def test_visits_are_not_events():
    assert keys(run(VISIT), "Event") == set()


def test_place_chain_visit_inspects_only_the_innermost_and_chains_locations():
    f = run("4月2日，副区长龚子铭率队赴通山县南林镇石桥村考察乡村振兴工作。")
    assert pairs(f, "inspected") == {("龚子铭", "石桥村")}
    assert {("石桥村", "南林镇"), ("南林镇", "通山县")} <= pairs(f, "locatedIn")
    assert ("石桥村", "通山县") not in pairs(f, "locatedIn")      # only the nearest container


def test_list_continuing_a_chain_is_in_the_same_town():
    f = run("4月2日，副区长龚子铭率队赴通山县南林镇石桥村、梅岭村考察。区委办副主任邹志成参加考察。")
    assert {("石桥村", "南林镇"), ("梅岭村", "南林镇")} <= pairs(f, "locatedIn")
    assert pairs(f, "inspected") == {(p, s) for p in ("龚子铭", "邹志成") for s in ("石桥村", "梅岭村")}


def test_visited_company_is_inspected():
    f = run("5月3日，副区长龚子铭到荆楚云帆公司调研。")
    assert pairs(f, "inspected") == {("龚子铭", "荆楚云帆公司")}


def test_project_stop_is_inspected_and_located_in_its_place():
    f = run("5月3日，副区长龚子铭先后到枫林村“桃花源”民宿项目、梅岭村调研。")
    assert pairs(f, "inspected") == {("龚子铭", "枫林村桃花源民宿项目"), ("龚子铭", "梅岭村")}
    assert ("枫林村桃花源民宿项目", "枫林村") in pairs(f, "locatedIn")


def test_two_character_name_before_dao():
    f = run("5月3日，副区长龚铭到荆楚云帆公司调研。")
    assert pairs(f, "holdsPost") == {("龚铭", "副区长")}
    assert pairs(f, "inspected") == {("龚铭", "荆楚云帆公司")}


def test_visit_by_xianhou_zoufang():
    f = run("5月3日，副区长龚子铭先后走访了柳溪村、梅岭村。")
    assert pairs(f, "inspected") == {("龚子铭", "柳溪村"), ("龚子铭", "梅岭村")}


def test_every_name_of_the_travelling_list_inspects():
    f = run("3月2日，区委常委、常务副区长贺明轩，区政府党组成员钱立新、孙雅文到弥市镇调研春耕生产。")
    assert pairs(f, "inspected") == {(p, "弥市镇") for p in ("贺明轩", "钱立新", "孙雅文")}


# ------------------------------------------------------------------ places and projects

def test_in_x_framing_places_the_listed_places():
    f = run("在弥市镇，龚子铭先后到柳溪村、梅岭村、桂花社区调研。")
    assert {("柳溪村", "弥市镇"), ("梅岭村", "弥市镇"), ("桂花社区", "弥市镇")} <= pairs(f, "locatedIn")


def test_adjacent_town_and_village():
    f = run("近日，纪南镇枫林村举行“共绘美好家园”主题宣传活动。")
    assert ("枫林村", "纪南镇") in pairs(f, "locatedIn")


def test_place_led_project_is_located_in_its_place():
    f = run("近日，纪南镇枫林村“桃花源”民宿项目正式开工。")
    assert keys(f, "Project") == {"纪南镇枫林村桃花源民宿项目"}
    assert ("纪南镇枫林村桃花源民宿项目", "枫林村") in pairs(f, "locatedIn")


def test_district_before_a_quoted_project_name_is_its_place_not_its_name():
    f = run("近日，荆州区“智慧养老”建设工程正式启动。")
    assert keys(f, "Project") == {"智慧养老建设工程"}
    assert pairs(f, "locatedIn") == {("智慧养老建设工程", "荆州区")}


def test_group_word_members_who_join_the_visit_inspect_every_stop():
    f = run("5月3日，区委书记钟启航先后到荆楚果蔬深加工项目、梅岭村等地调研。区领导柯文参加调研。")
    assert pairs(f, "inspected") == {(p, s) for p in ("钟启航", "柯文") for s in ("荆楚果蔬深加工项目", "梅岭村")}


def test_project_landed_in_a_village():
    f = run("近日，落地枫林村的荆楚果蔬深加工项目已经投产。")
    assert pairs(f, "locatedIn") == {("荆楚果蔬深加工项目", "枫林村")}


def test_company_settled_in_a_village():
    f = run("近日，位于梅岭村的荆楚云帆科技有限公司扩建厂房。")
    assert ("荆楚云帆科技有限公司", "梅岭村") in pairs(f, "locatedIn")


def test_body_named_after_its_area_is_not_located():
    f = run("5月6日，弥市镇纪委组织开展廉政教育。")
    assert "弥市镇纪委" in keys(f, "Organization")
    assert pairs(f, "locatedIn") == set()


def test_generic_places_and_anonymous_companies_are_not_entities():
    f = run("近日，全区各镇对辖区老旧小区开展排查，相关负责人介绍，某建材有限公司已完成整改，美丽乡村建设持续推进。")
    assert set(f.entities) == {("Person", "林晓#荆州区")}


def test_abbreviation_run_is_three_provinces_and_cities():
    f = run("5月10日至12日，区委书记钟启航一行赴沪浙苏学习考察园区运营经验。")
    assert {"上海", "浙江省", "江苏省"} <= keys(f, "Place")
    assert pairs(f, "inspected") >= {("钟启航", "上海"), ("钟启航", "浙江省"), ("钟启航", "江苏省")}
    assert "沪" in f.entities[("Place", "上海")].names


# ------------------------------------------------------------------ across articles of a page

@pytest.fixture(scope="module")
def two_articles():
    raw = (FIXTURES / "two_articles.txt").read_text(encoding="utf-8")
    return extract_raw(raw, "two_articles.txt")


def test_fixture_page_has_two_news_articles_and_a_photo(two_articles):
    page, _ = two_articles
    assert [(a.kind, a.reporters, a.photographers) for a in page.articles] == [
        ("news", ("林晓", "何雨桐"), ()), ("news", ("邓一鸣",), ()), ("photo", (), ("邓一鸣",))]


def test_one_person_node_across_articles(two_articles):
    page, f = two_articles
    # one person of the home district (kg.extract.identity): keyed by name and area
    e = f.entities[("Person", "钟启航#荆州区")]
    assert e.articles == {article_id(a.body) for a in page.articles[:2]}
    assert [k for k in f.entities if k[0] == "Person" and "钟启航" in k[1]] == [("Person", "钟启航#荆州区")]


def test_short_and_full_body_merge_across_articles(two_articles):
    _, f = two_articles
    assert ("Organization", "区委") not in f.entities
    assert {"区委", "荆州区委"} <= f.entities[("Organization", "荆州区委")].names
    # 区委书记 (article 1) and 荆州区委书记 (article 2) are one post, keyed by its fullest form on the page
    assert [k for k in f.entities if k[0] == "Post" and k[1].endswith("区委书记")] == [("Post", "荆州区委书记")]
    assert "区委书记" in f.entities[("Post", "荆州区委书记")].names


def test_headline_meeting_with_doubled_bold_text_is_the_body_meeting(two_articles):
    _, f = two_articles
    assert keys(f, "Event") >= {"荆州区委常委会会议"}
    assert not keys(f, "Event") & {"区委常委会会议", "常委会会议"}
    assert ("荆州区委常委会会议", "荆州区2023年重点民生实事清单") in pairs(f, "reviewed")


def test_relations_of_the_noisy_page(two_articles):
    _, f = two_articles
    r = rels(f)
    ev = "荆州区委常委会会议"
    assert {("钟启航", "chaired", ev), ("卫东", "attended", ev), ("贺明轩", "attended", ev),
            ("柳溪村", "locatedIn", "弥市镇"), ("钟启航", "inspected", "柳溪村"),
            ("龚子铭", "inspected", "梅岭村"), ("枫林村", "locatedIn", "纪南镇")} <= r
    assert not any(s == "万俊杰" and p == "inspected" for s, p, _ in r)


def test_referenced_plenary_session_is_an_event(two_articles):
    _, f = two_articles
    assert any("十二届五次全会" in k for k in keys(f, "Event"))


def test_extraction_is_deterministic(two_articles):
    raw = (FIXTURES / "two_articles.txt").read_text(encoding="utf-8")
    _, again = extract_raw(raw, "two_articles.txt")
    _, f = two_articles
    assert [(x.s, x.p, x.o, x.sentence, x.start) for x in again.facts] == \
           [(x.s, x.p, x.o, x.sentence, x.start) for x in f.facts]
    assert {k: sorted(e.names) for k, e in again.entities.items()} == {k: sorted(e.names) for k, e in f.entities.items()}


# ------------------------------------------------------------------ cases found on invented pages

def test_letter_spaced_byline_of_two_names_gives_two_reporters():
    page, _ = extract_raw("本报讯（通讯员 王 丽 孙 强）6月10日，郢城镇召开防汛工作推进会。")
    assert page.articles[0].reporters == ("王丽", "孙强")


def test_enterprise_settling_in_a_village_chain_is_in_the_village():
    f = run("湖北楚晟食品有限公司落户纪南镇纪城村，项目总投资2亿元。")
    assert ("湖北楚晟食品有限公司", "locatedIn", "纪城村") in rels(f)
    assert ("湖北楚晟食品有限公司", "locatedIn", "纪南镇") not in rels(f)
    assert ("纪城村", "locatedIn", "纪南镇") in rels(f)


def test_tour_list_opening_with_an_unnamed_stop():
    # 等地: the list says its items are places, so the one no finder names (a site) is a stop too;
    # 郢北村泵站 is the village's pumping station: the village is the stop
    f = run("6月10日，镇党委书记张卫东一行先后来到太湖港堤防、郢北村泵站、荆北社区等地，实地查看防汛准备情况。")
    assert pairs(f, "inspected") == {("张卫东", "太湖港堤防"), ("张卫东", "郢北村"), ("张卫东", "荆北社区")}


def test_tour_list_items_no_finder_names_take_the_kind_the_list_says():
    f = run("5月9日，区委书记张卫东先后走进恒顺科技、金穗米业、华瑞新材等企业，了解生产经营情况。")
    assert pairs(f, "inspected") == {("张卫东", "恒顺科技"), ("张卫东", "金穗米业"), ("张卫东", "华瑞新材")}
    assert {"恒顺科技", "金穗米业", "华瑞新材"} <= keys(f, "Organization")


def test_tour_list_items_take_the_kind_of_their_named_neighbours():
    f = run("区委书记张卫东首先到恒顺科技、金穗米业、华瑞集团调研企业生产情况。")
    assert pairs(f, "inspected") == {("张卫东", "恒顺科技"), ("张卫东", "金穗米业"), ("张卫东", "华瑞集团")}


def test_a_village_named_with_one_character_before_its_suffix_is_a_stop_in_a_list():
    f = run("1月24日，区委常委张卫东一行分别到峨岭、石桥、中村等村委会，走访慰问困难群众。")
    assert pairs(f, "inspected") == {("张卫东", "峨岭"), ("张卫东", "石桥"), ("张卫东", "中村")}


def test_everyone_named_before_yixing_travels():
    f = run("区委常委张卫东，副区长李明华及区民政局相关人员一行到柳溪村开展走访慰问。")
    assert pairs(f, "inspected") == {("张卫东", "柳溪村"), ("李明华", "柳溪村")}


def test_canjia_followed_by_a_comma_joins_the_party():
    f = run("8月25日，区人大常委会视察全区城市更新工作。区人大常委会主任张卫东，副主任李明华参加，"
            "副区长赵立新陪同。视察组先后到柳溪村、金穗米业有限公司等地。")
    assert pairs(f, "inspected") == {("张卫东", "柳溪村"), ("张卫东", "金穗米业有限公司"),
                                     ("李明华", "柳溪村"), ("李明华", "金穗米业有限公司")}


def test_a_visit_word_inside_a_longer_word_opens_no_list():
    f = run("考察团首站到访上海某体育集团公司，张卫东介绍了体育产业资源。")
    assert pairs(f, "inspected") == set()


def test_project_named_where_it_settles():
    f = run("7月8日，本次共签约项目12个，其中楚天新能源电池项目落户荆州高新区。")
    assert ("楚天新能源电池项目", "locatedIn", "荆州高新区") in rels(f)


def test_a_bare_deputy_title_after_its_leader_is_of_the_leaders_body():
    f = run("区政协主席郑远航主持会议。副主席林清和、陶子涵，秘书长许文杰参加会议。")
    assert {("林清和", "区政协副主席"), ("陶子涵", "区政协副主席"), ("许文杰", "区政协秘书长")} <= \
        pairs(f, "holdsPost")
    assert {("林清和", "荆州区政协"), ("许文杰", "荆州区政协")} <= pairs(f, "memberOf")


def test_a_title_after_a_name_recalls_no_leaders_body():
    f = run("区人大常委会副主任郑远航一行到柳湾镇调研，园区管委会主任林清和陪同。郑远航副主任一行先后走进三家企业。")
    assert ("郑远航", "园区管委会副主任") not in pairs(f, "holdsPost")


def test_one_sitting_under_several_names_is_one_event_organized_by_each_body():
    f = run("3月2日，在区行政服务中心召开区政府全体（扩大）会议暨项目推进会（区安全生产委员会第四次会议、"
            "区食品安全委员会第三次全体会议）。区长郑远航主持会议。")
    events = keys(f, "Event")
    assert events == {"荆州区政府全体（扩大）会议"}
    names = f.entities[("Event", "荆州区政府全体（扩大）会议")].names
    assert {"项目推进会", "区安全生产委员会第四次会议", "区食品安全委员会第三次全体会议"} <= names
    ev = "荆州区政府全体（扩大）会议"
    assert {(ev, "荆州区政府"), (ev, "荆州区安全生产委员会"), (ev, "荆州区食品安全委员会")} <= pairs(f, "organizedBy")
    assert (ev, "荆州区行政服务中心") in pairs(f, "heldAt")


def test_a_meeting_named_after_a_body_after_its_term():
    f = run("县委书记郑远航主持召开十五届区委常委会第8次会议。")
    assert any(o == "荆州区委" for _, o in pairs(f, "organizedBy"))


def test_conveners_before_a_where_phrase():
    f = run("9月24日，区委统战部、区工商联在工业园区组织召开民营企业发展座谈会。")
    assert {o for _, o in pairs(f, "organizedBy")} >= {"荆州区委统战部", "荆州区工商联"}


def test_a_city_named_only_inside_its_bureaus_name_is_no_place():
    """ANNOTATION.md: a thing named only inside another's name is not annotated; a city's bureau
    (桂林市教育局) is the city's organ as 桂林市委 is."""
    from kg.extract import PageExtractor
    from kg.extract.resolve import Context
    from kg.graph.rdf import article_id
    from kg.text.articles import split_page

    page = split_page("p.txt", "6月3日，全县教师培训会在县第一中学召开，青阳市教育局、县教育局负责人出席。")
    ctx = Context.of("长河县", "青阳市", "湖南省", text=page.text)
    out = PageExtractor(page, [article_id(a.body) for a in page.articles], ctx).run()
    places = {k for t, k in out.entities if t == "Place"}
    assert "青阳市" not in places and ("Organization", "青阳市教育局") in out.entities, out.entities


def test_a_town_of_the_home_is_read_whole_where_a_stop_character_opens_it():
    """那吉镇 (a town of 阿荣旗 in the national data): 那 stops names elsewhere (那些), so the finder read
    吉镇; the home's own towns are known names and are read whole, in a list and before a village."""
    from kg.extract import PageExtractor
    from kg.extract.resolve import Context
    from kg.graph.rdf import article_id
    from kg.text.articles import split_page

    page = split_page("p.txt", "9月3日，亚东镇、那吉镇等地的大豆喜获丰收。那吉镇兴安村村民忙着晾晒大豆。")
    ctx = Context.of("阿荣旗", "呼伦贝尔市", "内蒙古自治区", text=page.text)
    out = PageExtractor(page, [article_id(a.body) for a in page.articles], ctx).run()
    places = {k for t, k in out.entities if t == "Place"}
    assert {"亚东镇", "那吉镇", "兴安村"} <= places and "吉镇" not in places, places


def _page_facts(body: str, home=("长河县", "青阳市", "湖南省")):
    from kg.extract import PageExtractor
    from kg.extract.resolve import Context
    from kg.graph.rdf import article_id
    from kg.text.articles import split_page

    page = split_page("p.txt", body)
    out = PageExtractor(page, [article_id(a.body) for a in page.articles], Context.of(*home, text=page.text)).run()
    return out, {(f.s.key, f.p, f.o.key) for f in out.facts}


TWO_VILLAGES = "9月3日，县长王明来到柳湾村，与柳湾村党支部书记刘海军交流。随后来到石桥村，与村党支部书记张强交流。"


def test_a_bare_village_organ_is_the_village_of_its_own_sentence():
    """随后来到石桥村，与村党支部书记张强交流: 石桥村's branch, not that of the village the article named first."""
    _, facts = _page_facts(TWO_VILLAGES)
    member = {(s.split("#")[0], o) for s, p, o in facts if p == "memberOf"}
    assert ("张强", "石桥村党支部") in member and ("张强", "柳湾村党支部") not in member, facts
    assert ("刘海军", "柳湾村党支部") in member, facts


def test_the_secretaries_of_two_villages_hold_one_post():
    """ANNOTATION.md: one Post per title as written, shared by all who hold it (org:Role); which
    village's branch each serves is their memberOf. A bare 村党支部书记 is that one title wherever it
    is held; 柳湾村党支部书记, written whole, is the title so written."""
    _, facts = _page_facts("9月3日，县长王明来到柳湾村，与村党支部书记刘海军交流。随后来到石桥村，与村党支部书记张强交流。"
                           "在青山村，县长王明与青山村党支部书记李平交谈。")
    posts = {s.split("#")[0]: o for s, p, o in facts if p == "holdsPost"}
    assert posts["刘海军"] == posts["张强"] == "村党支部书记" and posts["李平"] == "青山村党支部书记", facts


def test_a_company_written_short_after_its_full_name_is_that_company():
    """蜀禾公司总经理甲 after 四川蜀禾新材料科技有限公司: one company, which 甲 is a member of."""
    out, facts = _page_facts("代表们首先来到四川蜀禾新材料科技有限公司，参观了该公司年产5万吨环保涂料生产线项目。"
                             "蜀禾公司总经理唐建军介绍，项目达产后可新增就业岗位200余个。", ("仁寿县", "眉山市", "四川省"))
    orgs = {k for t, k in out.entities if t == "Organization"}
    assert orgs == {"四川蜀禾新材料科技有限公司"}, orgs
    assert ("唐建军", "四川蜀禾新材料科技有限公司") in {(s.split("#")[0], o) for s, p, o in facts if p == "memberOf"}
