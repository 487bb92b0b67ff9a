"""Venues, organizers and containers written a sentence away from the event or thing they belong
to (活动现场设在…, 本次活动由…承办, 该合作社位于…, 园区内的…企业), on invented sentences, and the
invented articles of tests/fixtures/genre_across (gold written before the extractor read them).
Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite

FIXTURES = Path(__file__).parent / "fixtures" / "genre_across"
YONGAN = ("永安县", "三明市", "福建省")
HEAD = "4月12日，永安县2025年春季人才招聘会在县城举办。"


# first read: entity F1 0.910, relation F1 0.810 (heldAt 0.364, locatedIn 0.714, organizedBy 0.897);
# after this round's fixes 0.910 / 0.880 (heldAt 0.571, locatedIn 0.875, organizedBy 0.897). What is
# left is mostly venues the finders do not name or type as the gold does (平阳县人才市场, 滕州市墨子广场;
# 富顺县体育馆 and 滕州市会展中心 found as bodies). A change may move them freely above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.90, 0.87


@pytest.fixture(scope="module")
def across_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("across"))


def test_the_invented_articles_score_above_their_floors(across_scores):
    assert across_scores["entities"] >= ENTITY_FLOOR, across_scores
    assert across_scores["relations"] >= RELATION_FLOOR, across_scores


def held(body: str, home=YONGAN) -> set:
    _, facts = invented.facts_of(body, home)
    return {o for s, p, o in facts if p == "heldAt"}


@pytest.mark.parametrize("lead", ["活动现场设在", "招聘会现场安排在", "活动地点选在", "活动场地定在",
                                  "本次活动现场设在"])
def test_a_site_set_in_a_sentence_of_its_own_is_where_the_event_was(lead):
    """活动现场设在X: the article's event, by a word for it, is set at X; no holding verb follows."""
    got = held(HEAD + f"{lead}永安县政务服务中心，共有50家企业参会。")
    assert "永安县政务服务中心" in got, got


def test_a_set_verb_with_a_holding_verb_after_the_place_still_gives_it():
    got = held("5月18日，永安县“燕江之夏”文化旅游节开幕。开幕式选在永安县政务服务中心举行。")
    assert "永安县政务服务中心" in got, got


def test_a_site_whose_name_is_not_known_gives_no_county_for_it():
    """设在永安县人才市场 with only 永安县 known: the county holds the site; it is not the venue."""
    got = held(HEAD.replace("在县城举办", "举办") + "活动现场设在永安县人才驿站旁边的空地。")
    assert "永安县" not in got, got


def test_a_burden_set_on_someone_is_no_venue():
    """责任落在各镇: 落在 without an event word heading the sentence sets nothing."""
    got = held(HEAD + "防火责任落在永安县林业局。")
    assert "永安县林业局" not in got, got


def located(body: str, home=YONGAN) -> set:
    _, facts = invented.facts_of(body, home)
    return {(s, o) for s, p, o in facts if p == "locatedIn"}


def test_an_enterprise_of_the_bare_town_is_in_the_town_named_before():
    """来到贡川镇，察看了镇上的X公司: 镇上的 stands for the town the clause before named."""
    got = located("6月5日，县长汪志远来到贡川镇，察看了镇上的鑫源竹业有限公司。")
    assert ("鑫源竹业有限公司", "贡川镇") in got, got


def test_an_enterprise_of_the_bare_park_is_in_the_park_of_the_sentence_before():
    got = located("7月16日，县委书记罗文华到永安高新技术产业园区调研。园区内的闽盛新材料有限公司正在扩建厂房。")
    assert ("闽盛新材料有限公司", "永安高新技术产业园区") in got, got


def test_a_town_word_inside_a_longer_word_refers_to_no_town():
    """乡镇上的企业: 乡镇 is a word of its own, no town of the sentence before is meant."""
    got = located("县长汪志远来到贡川镇调研。他指出，乡镇上的鑫源竹业有限公司要加快转型。")
    assert ("鑫源竹业有限公司", "贡川镇") not in got, got


def test_this_enterprise_placed_after_its_name_is_there():
    """这家企业位于X: 这家 refers back like 该 does."""
    got = located("随后，汪志远来到鑫源竹业有限公司。这家企业位于贡川镇龙大村，主要生产竹制品。")
    assert ("鑫源竹业有限公司", "龙大村") in got, got


def inspected(body: str, home=YONGAN) -> set:
    _, facts = invented.facts_of(body, home)
    return {o for s, p, o in facts if p == "inspected"}


@pytest.mark.parametrize("verb", ["察看了", "检查了"])
def test_the_enterprise_after_a_bare_town_word_is_the_stop(verb):
    """来到贡川镇，察看了镇上的X公司: the town word refers back; the enterprise is what was visited."""
    got = inspected(f"6月5日，县长汪志远来到贡川镇，{verb}镇上的鑫源竹业有限公司。")
    assert "鑫源竹业有限公司" in got, got


def test_an_enterprise_checked_after_going_to_a_place_is_a_stop():
    got = inspected("会前，县长汪志远到燕西街道检查了华顺天然气有限公司。")
    assert "华顺天然气有限公司" in got, got


def attended(body: str, home=YONGAN) -> set:
    _, facts = invented.facts_of(body, home)
    return {(s, o) for s, p, o in facts if p == "attended"}


def test_who_comes_to_the_site_of_the_event_was_at_it():
    got = attended(HEAD + "副县长郑立文到现场了解招聘情况。")
    assert any(s == "郑立文" for s, _ in got), got


def test_who_goes_to_a_project_site_is_not_at_the_event():
    """到项目现场察看: the site of a project, not of the article's event."""
    got = attended(HEAD + "当天下午，副县长郑立文到燕江大桥项目现场察看施工进度。")
    assert not any(s == "郑立文" for s, _ in got), got


PLAIN_HEAD = "4月12日，永安县2025年春季人才招聘会顺利举办。"


@pytest.mark.parametrize("verb", ["顺利举办", "成功举行", "隆重召开"])
def test_an_event_written_before_its_verb_and_an_adverb_is_the_articles(verb):
    """…招聘会顺利举办。会议在X举行: with an adverb before the verb the event is still convened."""
    got = held(f"4月12日，永安县2025年春季人才招聘会{verb}。会议在永安县政务服务中心举行。")
    assert "永安县政务服务中心" in got, got


def test_the_event_by_its_kind_after_gai_is_the_articles_event():
    """该招聘会由A、B联合主办: 该 + the kind refers back; no event of its own, its hosts the article's."""
    out, facts = invented.facts_of(PLAIN_HEAD + "该招聘会由永安县人力资源和社会保障局、永安县就业服务中心联合主办。",
                                   YONGAN)
    events = {k for t, k in out.entities if t == "Event"}
    assert events == {"永安县2025年春季人才招聘会"}, events
    assert ("永安县2025年春季人才招聘会", "organizedBy", "永安县就业服务中心") in facts, facts


def test_gai_huodong_held_somewhere_is_where_the_articles_event_was():
    assert "永安县政务服务中心" in held(PLAIN_HEAD + "该活动在永安县政务服务中心举行。")


def test_the_countys_job_market_is_a_site_where_fairs_are_held():
    """县人才市场 beside 县人力资源市场: the site a job fair is held in."""
    body = "4月12日，永安县2025年春季人才招聘会顺利举办。招聘会在县人才市场举行。"
    out, facts = invented.facts_of(body, YONGAN)
    assert ("Place", "永安县人才市场") in out.entities, out.entities
    assert ("永安县2025年春季人才招聘会", "heldAt", "永安县人才市场") in facts, facts


@pytest.mark.parametrize("thing", ["青禾蔬菜专业合作社", "“竹海”碳汇示范基地"])
def test_what_gai_cun_de_names_is_in_the_village_named_before(thing):
    """察看了该村的X: 该村 points back to the village the sentence named, as 村里的 does."""
    got = located(f"6月5日，县长汪志远来到贡川镇龙大村，察看了该村的{thing}。")
    assert (thing, "龙大村") in got, got
