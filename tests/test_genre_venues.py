"""Where events are held and where things are, on invented sentences, and the invented articles of
tests/fixtures/genre_venues (gold written and committed before the extractor read them): rooms,
halls, squares and village halls as venues, 于X开幕, 主会场设在X, a video meeting with no venue, two
events at two venues; 坐落于/地处/位于, X镇的Y, 村里的/镇上的, 所在的, park enterprises; and 在…领导下,
在会上, 在全县 naming none. Every person, venue, enterprise and village in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite

FIXTURES = Path(__file__).parent / "fixtures" / "genre_venues"
YONGAN = ("永安县", "三明市", "福建省")

# first read of v01-v10 (score_suite, each article built alone with its home): entity F1 0.944,
# relation F1 0.899 (heldAt 0.500, locatedIn 0.800, attended 0.826, inspected 0.947); by the
# reference scorer over one graph of all ten 0.914 / 0.899 (its pooling matches a bare 县委 of one
# home to another's). v11-v13, written after the first fixes, read first at 0.980 / 0.948; v14-v16,
# written after the second, at 0.933 / 0.928 (heldAt 0.571, locatedIn 0.800). After the fixes, all
# sixteen: 0.998 / 0.996 (left: a town whose name opens with a numeral, 六祖镇, missed after 在, and a
# co-op named later without its county, 果香农产品专业合作社, whose brand is a common word). A change
# may move them freely above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.985, 0.985


@pytest.fixture(scope="module")
def venue_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("venues"))


def test_the_invented_articles_score_above_their_floors(venue_scores):
    assert venue_scores["entities"] >= ENTITY_FLOOR, venue_scores
    assert venue_scores["relations"] >= RELATION_FLOOR, venue_scores


def facts(body: str, home=YONGAN):
    return invented.facts_of(body, home)


def held(body: str, home=YONGAN) -> set:
    return {o for s, p, o in facts(body, home)[1] if p == "heldAt"}


# ---------------------------------------------------------------- rooms and halls

@pytest.mark.parametrize("room", ["三楼会议室", "会议室", "三楼报告厅", "多功能厅", "5楼会议厅"])
def test_a_room_of_no_number_is_where_in_the_bodys_building_it_sat(room):
    """在县行政中心三楼报告厅举行: the body is the venue; the room is no place and no body."""
    out, got = facts(f"当天下午，永安县茶产业招商推介会在县行政中心{room}举行。")
    held_at = {o for s, p, o in got if p == "heldAt"}
    assert held_at == {"永安县行政中心"}, held_at
    assert not any(room in k for _, k in out.entities), out.entities


@pytest.mark.parametrize("room", ["第二会议室", "3号会议室"])
def test_a_numbered_room_is_a_site_of_its_own(room):
    got = held(f"6月10日，永安县农技培训班结业式在县政府{room}举行。")
    assert got == {f"永安县政府{room}"}, got


def test_a_body_before_a_hall_word_is_still_the_body():
    """县委党校多功能厅: 厅 after 功能 is a room, no provincial department."""
    out, got = facts("此前，永安县政协第十届委员会第四次会议预备会议在县委党校多功能厅召开。")
    assert ("Organization", "永安县委党校") in out.entities, out.entities
    assert ("永安县政协第十届委员会第四次会议预备会议", "heldAt", "永安县委党校") in got, got


# ---------------------------------------------------------------- how the venue is written

@pytest.mark.parametrize("verb", ["隆重开幕", "召开", "举行"])
def test_yu_before_the_place_is_zai(verb):
    """于县会议中心隆重开幕: 于 stands for 在."""
    got = held(f"1月8日上午，政协永安县第十届委员会第四次会议于县会议中心{verb}。")
    assert got == {"永安县会议中心"}, got


def test_yu_closing_a_word_is_no_venue():
    got = held("4月2日，永安县春季植树活动举行，活动地点位于燕江村后山，由县林业局举办。")
    assert "永安县林业局" not in got, got


def test_the_main_venue_set_in_a_clause_is_where_the_meeting_sat():
    """…，主会场设在X，各镇设分会场: the clause, not the sentence, opens with the site word."""
    got = held("2月17日，永安县优化营商环境大会召开。大会采取“主会场+分会场”形式，主会场设在县政务服务中心，"
               "各乡镇设分会场。")
    assert got == {"永安县政务服务中心"}, got


@pytest.mark.parametrize("hall", ["党群服务中心", "新时代文明实践站", "便民服务中心"])
def test_the_hall_of_a_community_a_meeting_sits_in_is_a_site_of_it(hall):
    """在燕西街道东关社区党群服务中心召开: the hall (a building, no body) is the venue, in the community."""
    _, got = facts(f"当天下午，永安县“邻里守望”社区议事会在燕西街道东关社区{hall}召开。")
    site = f"东关社区{hall}"
    assert {o for s, p, o in got if p == "heldAt"} == {site}, got
    assert (site, "locatedIn", "东关社区") in got and ("东关社区", "locatedIn", "燕西街道") in got, got


def test_a_hall_visited_is_no_site():
    """来到龙凤村党群服务中心，了解…: nothing is held there; the village is the place named."""
    out, _ = facts("县长杨文博来到龙凤村党群服务中心，了解便民服务情况。")
    assert not any(k.endswith("服务中心") for _, k in out.entities), out.entities


# ---------------------------------------------------------------- which event a bare word means

def rel(body: str, pred: str, home=YONGAN) -> set:
    return {(s, o) for s, p, o in facts(body, home)[1] if p == pred}


TWO = ("4月18日上午，永安县第五届茶文化节在燕江镇茶山广场拉开帷幕。副县长郭丽芳出席开幕式。"
       "当天下午，2025年永安县茶产业招商推介会在县行政中心举行。")


@pytest.mark.parametrize("verb", ["出席推介会并致辞", "参加推介会", "出席了推介会。"])
def test_a_bare_kind_after_attending_is_the_last_event_of_that_kind(verb):
    got = rel(TWO + f"县委常委、常务副县长何立民{verb}。", "attended")
    assert ("何立民", "2025年永安县茶产业招商推介会") in got, got
    assert ("何立民", "永安县第五届茶文化节") not in got, got


def test_a_bare_kind_the_main_event_is_of_stays_with_it():
    """出席会议: the article's meeting ends with 会议; the word names nothing else."""
    body = ("3月3日，永安县森林防火工作会议召开。会后，永安县2025年防火宣传月活动在燕江镇启动。"
            "县委副书记、县长林建国出席会议并讲话。")
    assert ("林建国", "永安县森林防火工作会议") in rel(body, "attended")


def test_chairing_a_bare_preparatory_sitting_is_that_sitting():
    """…第四次会议预备会议: a sitting of its own (not merged into the session its name holds), and
    主持预备会议 chairs it, not the session."""
    body = ("1月8日，政协永安县第十届委员会第四次会议于县会议中心隆重开幕。县政协主席许丽文主持开幕会。"
            "此前，1月7日下午，政协永安县第十届委员会第四次会议预备会议在县委党校召开，县政协副主席方国平主持预备会议。")
    out, got = facts(body)
    events = {k for t, k in out.entities if t == "Event"}
    assert events == {"政协永安县第十届委员会第四次会议", "政协永安县第十届委员会第四次会议预备会议"}, events
    assert ("方国平", "chaired", "政协永安县第十届委员会第四次会议预备会议") in got, got
    assert ("方国平", "chaired", "政协永安县第十届委员会第四次会议") not in got, got


@pytest.mark.parametrize("how", ["以视频形式召开", "以视频会议形式召开", "以电视电话会议形式召开"])
def test_a_meeting_called_over_video_is_the_articles_event(how):
    """…视频会议以视频形式召开 is convened: it, not an activity launched after it, is what 主持会议
    and 出席会议 speak of; it has no venue."""
    body = (f"3月3日，永安县森林防灭火工作视频会议{how}。副县长姚丽文主持会议。"
            "会后，永安县2025年“护林防火”宣传月活动在燕江镇仙潭村文化礼堂启动。县林业局局长陆文杰参加活动。")
    _, got = facts(body)
    assert ("姚丽文", "chaired", "永安县森林防灭火工作视频会议") in got, got
    assert ("陆文杰", "attended", "永安县2025年护林防火宣传月活动") in got, got
    assert not any(s == "永安县森林防灭火工作视频会议" and p == "heldAt" for s, p, _ in got), got


# ---------------------------------------------------------------- where things are

def located(body: str, home=YONGAN) -> set:
    return rel(body, "locatedIn", home)


PARK = "7月8日，县委书记刘振文到燕江工业园调研企业发展情况。\n"


def test_the_company_said_to_be_in_a_part_of_the_bare_park_is_in_the_park():
    """该公司位于工业园东区: the east part of the park named before is no place; 该公司 is the one named."""
    out, got = facts(PARK + "刘振文首先来到湘闽新材料科技有限公司。该公司位于工业园东区，主要生产铝合金型材。")
    assert ("湘闽新材料科技有限公司", "locatedIn", "燕江工业园") in got, got
    assert not any("东区" in k for _, k in out.entities), out.entities


def test_a_company_inside_the_bare_park_after_going_in_is_in_the_park_of_a_paragraph_before():
    """走进园区内的X: 进 opens the bare park word as 到 does; the park is the article's, named before."""
    got = located(PARK + "随后，刘振文走进园区内的华闽电子有限公司，察看了生产车间。")
    assert ("华闽电子有限公司", "燕江工业园") in got, got


def test_a_frame_of_a_qualified_company_asked_in_is_a_stop():
    """在入驻园区的X，甲向企业负责人乙详细了解…: X is a stop (the qualifier before it and the person asked
    between the visitor and the verb)."""
    got = rel(PARK + "在入驻园区的福建锦程包装有限公司，刘振文向企业负责人周雪琴详细了解订单情况。", "inspected")
    assert ("刘振文", "福建锦程包装有限公司") in got, got


def test_the_bare_town_after_and_is_the_town_of_the_list():
    """来到燕江镇谢鲁村的A和镇上的B: 镇上的 after 和 is the town named before in the sentence."""
    got = located("与会人员先后来到燕江镇谢鲁村的桂兴生态养殖场和镇上的惠民饲料有限公司观摩。")
    assert {("桂兴生态养殖场", "谢鲁村"), ("惠民饲料有限公司", "燕江镇")} <= got, got


def test_a_farm_named_by_its_brand_is_an_enterprise_a_kind_of_farm_is_none():
    out, _ = facts("桂兴生态养殖场地处谢鲁村后山。全县现有规模养殖场320家，生猪养殖场50家。")
    orgs = {k for t, k in out.entities if t == "Organization"}
    assert orgs == {"桂兴生态养殖场"}, orgs


# ---------------------------------------------------------------- bodies and organizers

def test_a_numbered_sitting_of_a_body_is_organized_by_it():
    """第45次县政府常务会议: the body after the sitting's number convenes it."""
    got = rel("6月10日，县长黄志文主持召开第45次县政府常务会议，研究部署防汛工作。", "organizedBy")
    assert ("第45次县政府常务会议", "永安县政府") in got, got


def test_members_at_large_are_no_title_of_a_person():
    """广大政协委员要凝心聚力: no person 要凝心聚力, no post, no body 广大政协."""
    out, _ = facts("会议号召，全县各级政协组织和广大政协委员要凝心聚力、担当作为。")
    assert not any(t in ("Person", "Post", "Organization") for t, _ in out.entities), out.entities


def test_the_slogans_centre_is_no_body():
    """县政协围绕中心、服务大局: 中心 of the slogan ends no body's name."""
    out, _ = facts("过去一年，县政协围绕中心、服务大局，作出了积极贡献。")
    assert {k for t, k in out.entities if t == "Organization"} == {"永安县政协"}, out.entities


def test_a_bureau_of_big_data_keeps_its_name():
    """市政务服务和大数据管理局: 据 of 数据 is no 据 of 据了解 that stops a name."""
    out, _ = facts("会上，县发展和改革局、县政务服务和大数据管理局作交流发言。据了解，根据安排，会议持续一天。")
    orgs = {k for t, k in out.entities if t == "Organization"}
    assert orgs == {"永安县发展和改革局", "永安县政务服务和大数据管理局"}, orgs


# ---------------------------------------------------------------- found on v11-v13 (the second read)

def test_a_town_named_by_an_adverb_after_a_locating_verb_is_a_town():
    """坐落于大同镇的X: 大同 reads as an adverb; after 坐落于/位于 two characters name the town."""
    got = located("开幕式上，坐落于大同镇的福建汀江食品有限公司展示了特色年货。")
    assert ("福建汀江食品有限公司", "大同镇") in got, got


def test_a_towns_square_named_by_kind_words_is_a_site_of_the_town():
    """茅台镇酱香文化广场: kind words (酱香, 文化) bounded by the town name its square; nothing
    bounds 生态公园 in a sentence of plans."""
    out, got = facts("当天下午，永安县酒类企业安全生产培训会在燕江镇酱香文化广场举办。要建设生态公园和文化广场。")
    assert {o for s, p, o in got if p == "heldAt"} == {"燕江镇酱香文化广场"}, got
    assert ("燕江镇酱香文化广场", "locatedIn", "燕江镇") in got, got
    assert not any(k in ("生态公园", "文化广场") for _, k in out.entities), out.entities


def test_a_speaker_at_a_bare_kind_attended_the_last_event_of_that_kind():
    body = ("3月12日，永安县安全生产工作会议在县行政中心召开。当天下午，永安县酒类企业安全生产培训会在燕江镇举办。"
            "县应急管理局局长周兴华在培训会上作专题辅导。")
    got = rel(body, "attended")
    assert ("周兴华", "永安县酒类企业安全生产培训会") in got and ("周兴华", "永安县安全生产工作会议") not in got, got


# ---------------------------------------------------------------- found on v14-v16 (the third read)

def test_every_company_of_a_list_after_a_locating_phrase_is_there():
    """入驻开发区的A和B / 位于X镇的A、B及C: the list goes on after the first item; the park may be named
    earlier in the same sentence."""
    got = located("会后，与会人员来到永安经济开发区，观摩了入驻开发区的冀安精密铸造有限公司和华泰新能源科技有限公司。"
                  "随后来到位于燕江镇的青禾食品有限公司、金穗米业有限公司及华丰纺织有限公司。")
    assert {("冀安精密铸造有限公司", "永安经济开发区"), ("华泰新能源科技有限公司", "永安经济开发区"),
            ("青禾食品有限公司", "燕江镇"), ("金穗米业有限公司", "燕江镇"), ("华丰纺织有限公司", "燕江镇")} <= got, got


def test_the_county_seat_before_a_named_square_is_no_part_of_its_name():
    """在县城金牛广场举办: the square is 金牛广场; 县城文化广场 (a kind word) keeps the seat."""
    assert held("11月6日，永安县柑橘产销对接会在县城金牛广场举办。") == {"金牛广场"}
    out, _ = facts("在县城文化广场举行文艺演出。")
    assert ("Place", "永安县城文化广场") in out.entities, out.entities


def test_words_of_a_kind_of_village_and_a_slogan_name_no_place():
    out, _ = facts("要坚持以城带乡、以工促农。会上还为10个典型村授牌。")
    assert not any(t == "Place" for t, _ in out.entities), out.entities


def test_a_bodys_room_is_no_place_even_where_the_body_is_not_found():
    """六祖镇政府会议室 (六 reads as a numeral, the town is missed): the room is still no place."""
    out, _ = facts("随后，推进会在六祖镇政府会议室召开。")
    assert not any(k.endswith("会议室") for _, k in out.entities), out.entities
