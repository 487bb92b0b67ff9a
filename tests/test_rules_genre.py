"""Patterns of the genre read on other districts' pages (issue 14), one case each, on invented
sentences: where a tour stop, a container, an organizer, a venue, an attendee or a reviewed
document is written away from the name it belongs to. Every name is invented; the home is
荆州区 unless a case says otherwise.
"""
from __future__ import annotations

import pytest

import invented
from kg.graph.rdf import label_of


def facts_of(body: str, headline: str = "", home=("荆州区", "荆州市", "湖北省")):
    return invented.facts_of((f"{headline}\n\n" if headline else "") + f"本报讯（通讯员林晓）{body}", home)


# ---------------------------------------------------------------- tours

def test_a_stop_the_sentence_opens_in_before_travel():
    """在X，调研组分别到…: X is a stop of the tour (the party is the article's)."""
    _, got = facts_of("区委书记郑远航一行到柳湾镇走访慰问。在柳湾镇石桥村，慰问组分别到宿舍、食堂察看。")
    assert ("郑远航", "inspected", "石桥村") in got


def test_a_stop_written_as_where_the_survey_was():
    """在X实地调研时，甲…: X is a stop."""
    _, got = facts_of("区长郑远航先后到柳湾镇、枫林镇调研。在枫林镇青山村实地调研时，郑远航详细了解了产业发展情况。")
    assert ("郑远航", "inspected", "青山村") in got


def test_a_frame_without_travel_is_no_stop():
    """在X，… opens many sentences that are no visit: no travel verb after it, no stop."""
    _, got = facts_of("区长郑远航先后到柳湾镇、枫林镇调研。在枫林镇青山村，村民们正忙着采摘柑橘。")
    assert ("郑远航", "inspected", "青山村") not in got


def test_the_place_an_inspection_is_addressed_to():
    """甲率督查组对X…工作进行督查: X is inspected."""
    _, got = facts_of("区应急管理局局长郑远航率督查组对柳湾镇汛期安全生产工作进行督查。")
    assert ("郑远航", "inspected", "柳湾镇") in got


def test_what_is_looked_at_after_liaojie():
    """察看了解A、B: the stops follow 了解 (not a name 解A)."""
    out, got = facts_of("区长郑远航先后到柳湾镇、枫林镇，实地察看了解青禾农业公司、石桥村蔬菜基地等经营情况。")
    assert ("郑远航", "inspected", "青禾农业公司") in got
    assert not any(k.startswith("解") for _, k in out.entities)


def test_a_park_in_a_list_of_projects_is_a_project():
    """先后到A园区、B等项目现场: the park is the project there, one node, inspected."""
    out, got = facts_of("区委书记郑远航一行先后到青禾物流园区、柳湾新材料产业园等项目现场调研。")
    assert ("郑远航", "inspected", "青禾物流园区") in got
    assert ("Project", "青禾物流园区") in out.entities
    assert ("Place", "青禾物流园区") not in out.entities


def test_a_park_in_a_list_of_places_stays_a_place():
    out, got = facts_of("区委书记郑远航一行先后到青禾物流园区、柳湾镇石桥村等地调研。")
    assert ("Place", "青禾物流园区") in out.entities


# ---------------------------------------------------------------- locatedIn

def test_a_school_named_with_its_village():
    """桃园村希望小学: the village the finder reads only inside the school's name holds it."""
    _, got = facts_of("区长郑远航先后到桃园村希望小学、青禾农业公司调研。")
    assert ("桃园村希望小学", "locatedIn", "桃园村") in got


def test_a_town_frame_holds_the_enterprises_named_in_it():
    """在X镇，…察看了C合作社: C is the town's, as the villages are."""
    _, got = facts_of("区长郑远航到柳湾镇、枫林镇调研。在柳湾镇，郑远航先后到石桥村、青山村，"
                      "实地察看了青禾养殖专业合作社的经营情况。")
    assert ("石桥村", "locatedIn", "柳湾镇") in got
    assert ("青禾养殖专业合作社", "locatedIn", "柳湾镇") in got


def test_places_inside_a_name_are_not_placed():
    """中国共产党荆州市荆州区第十二次代表大会: the district is not placed in the city by the party's
    formal name; a village in a festival's name is placed."""
    _, got = facts_of("中国共产党荆州市荆州区第十二次代表大会在区文化中心开幕。"
                      "大会听取了中国共产党荆州市荆州区第十一届委员会的报告。")
    assert ("荆州区", "locatedIn", "荆州市") not in got
    _, got = facts_of("荆州市荆州区柳湾镇举办首届柑橘节。")
    assert ("柳湾镇", "locatedIn", "荆州区") in got


# ---------------------------------------------------------------- events

def _events(got):
    return {x for x in got if x[1] not in ("holdsPost", "memberOf")}


def test_organizer_and_venue_in_a_sentence_of_their_own():
    """会议由X组织，在Y召开: the article's event, organized by X, held at Y."""
    _, got = facts_of("全区乡村振兴工作推进会召开。会议由区委办公室组织，在区行政中心召开。")
    assert {("全区乡村振兴工作推进会", "organizedBy", "荆州区委办公室"),
            ("全区乡村振兴工作推进会", "heldAt", "荆州区行政中心")} <= got


def test_this_activity_was_held_at():
    _, got = facts_of("2024年全区乡村歌手大赛开幕。本次活动在柳湾镇文化中心举行。")
    assert ("2024年全区乡村歌手大赛", "heldAt", "柳湾镇文化中心") in got or \
        ("2024年全区乡村歌手大赛", "heldAt", "文化中心") in got


def test_a_venue_sentence_must_speak_of_the_event():
    """在X举行 in a sentence about something else is not the article's event's venue."""
    _, got = facts_of("2024年全区乡村歌手大赛开幕。去年的比赛预选在柳湾镇文化中心举行。")
    assert not any(p == "heldAt" for _, p, _ in got)


def test_a_meeting_whose_spirit_is_studied_reviews_nothing():
    """座谈会上，学习了A会议精神和《B》: the article's meeting reviewed B, not A."""
    _, got = facts_of("区工商联召开民营企业座谈会。座谈会上，与会人员集体学习了全市民营经济工作会议精神"
                      "和《柳湾镇营商环境优化实施意见》。")
    assert ("民营企业座谈会", "reviewed", "柳湾镇营商环境优化实施意见") in got
    assert ("全市民营经济工作会议", "reviewed", "柳湾镇营商环境优化实施意见") not in got


def test_a_report_made_to_the_congress_is_reviewed():
    _, got = facts_of("中国共产党荆州市荆州区第十二次代表大会在区文化中心开幕。郑远航代表中国共产党荆州市荆州区"
                      "第十一届委员会向大会作题为《奋力谱写高质量发展新篇章》的报告。")
    assert ("中国共产党荆州市荆州区第十二次代表大会", "reviewed", "奋力谱写高质量发展新篇章") in got


def test_a_speech_given_at_a_list_of_events():
    """X在A、在B上的讲话: X was at A and at B."""
    _, got = facts_of("区委召开常委会会议。会议传达学习了区长郑远航在全市乡村振兴推进会、在全市招商引资大会上的讲话精神。")
    assert {("郑远航", "attended", "全市乡村振兴推进会"), ("郑远航", "attended", "全市招商引资大会")} <= got


def test_a_dated_meeting_is_organized_by_the_body_after_the_date():
    _, got = facts_of("区委召开常委会会议。会议传达学习了2月25日市委常委会会议精神。")
    assert ("2月25日市委常委会会议", "organizedBy", "荆州市委") in got


def test_a_meeting_of_two_bodies_named_together():
    """市文联、市作协第三次代表大会: both bodies organized it."""
    _, got = facts_of("区委召开常委会会议。会议传达了市文联、市作协第三次代表大会精神。")
    assert {("市作协第三次代表大会", "organizedBy", "荆州市作协"),
            ("市作协第三次代表大会", "organizedBy", "荆州市文联")} <= got


def test_a_report_given_at_an_activity_is_attendance():
    """副区长X通报了… in an article about an activity (开工活动): X was there."""
    _, got = facts_of("区政府举行2024年重大项目集中开工活动。副区长郑远航通报了项目建设情况。")
    assert ("郑远航", "attended", "2024年重大项目集中开工活动") in got


def test_places_inside_an_event_name_are_placed():
    _, got = facts_of("3月18日，柳湾镇石桥村第三届桃花文化节开幕。")
    assert ("石桥村", "locatedIn", "柳湾镇") in got


# ---------------------------------------------------------------- areas inside names

def test_an_area_named_only_by_its_own_organ_is_no_place():
    """天荒坪镇党委, 安陲乡人民政府: the organ is the area's (as 区委 is the district's); the area
    named nowhere else is no place of its own (ANNOTATION: a name only inside another name)."""
    out, _ = facts_of("青石镇党委组织党员干部开展主题党日活动。柳溪乡人民政府承办了这次活动。",
                      home=("安吉县", "湖州市", "浙江省"))
    places = {label_of(t, k) for t, k in out.entities if t == "Place"}
    orgs = {label_of(t, k) for t, k in out.entities if t == "Organization"}
    assert {"青石镇党委", "柳溪乡人民政府"} <= orgs
    assert not places & {"青石镇", "柳溪乡"}


def test_an_area_inside_a_facility_or_named_elsewhere_is_a_place():
    """城南社区养老服务中心 is a facility of the community, not its organ; a town named on its
    own too is found there."""
    out, _ = facts_of("调研组来到城南社区养老服务中心。青石镇党委书记江海峰介绍了青石镇的养老服务情况。",
                      home=("安吉县", "湖州市", "浙江省"))
    places = {label_of(t, k) for t, k in out.entities if t == "Place"}
    assert {"城南社区", "青石镇"} <= places


# ---------------------------------------------------------------- found in review

def test_a_village_named_after_its_hill_is_judged_on_its_own_name():
    """郢城镇凤凰山村 is a village (凤凰 + 山村); a generic 特色小镇 is no place because a 山村 stands
    later in the sentence."""
    out, got = facts_of("川店镇特色小镇建设推进会在柳湾镇凤凰山村召开。")
    places = {label_of(t, k) for t, k in out.entities if t == "Place"}
    assert "特色小镇" not in places and "凤凰山村" in places


def test_two_names_before_a_dotted_one_are_not_one_name():
    """区长宝音和艾力·买买提: 和 ends a name; no person 宝音和艾力·买买提."""
    out, _ = facts_of("区长宝音和艾力·买买提出席会议。")
    assert "宝音和艾力·买买提" not in {label_of(t, k) for t, k in out.entities if t == "Person"}


@pytest.mark.parametrize("lead", ["会议宣布", "市委决定", ""])
def test_an_appointment_announced_by_a_verb(lead):
    """会议宣布邹明川同志任…, 市委决定张伟同志担任…: the verb before the name is no part of it,
    and the district a bare 区委 names is the home."""
    _, got = facts_of(f"{lead}郑远航同志担任区委副书记。")
    assert ("郑远航", "holdsPost", "区委副书记") in got
    assert ("郑远航", "memberOf", "荆州区委") in got
