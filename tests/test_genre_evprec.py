"""What an Event is and what its name is (ANNOTATION.md: one Event per sitting or one-off happening,
one Event under several names; campaigns run for months and generic 有关会议/相关活动 are none), on
invented sentences, and the invented articles of tests/fixtures/genre_evprec (gold written and
committed before the extractor read them). Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite
from kg.graph.rdf import label_of

FIXTURES = Path(__file__).parent / "fixtures" / "genre_evprec"
TAOYUAN = ("桃源县", "常德市", "湖南省")


def facts(body: str, home=TAOYUAN) -> set:
    return {(s.replace("“", "").replace("”", ""), p, o.replace("“", "").replace("”", ""))
            for s, p, o in invented.facts_of(body, home)[1]}


def events_of(body: str, home=TAOYUAN) -> set:
    out, _ = invented.facts_of(body, home)
    return {label_of(t, k) for t, k in out.entities if t == "Event"}


# ---------------------------------------------------------------- a second sitting of the article

def test_a_bare_chair_word_after_a_sitting_the_sentence_convenes_chairs_that_sitting():
    """…启动仪式举行。当天下午，县安委办召开…座谈会，甲主持座谈会: the sitting of the sentence, not the launch."""
    got = facts("6月3日，桃源县安全生产月活动启动仪式在县人民广场举行。副县长邓国华出席。"
                "当天下午，县安委办召开全县安全生产工作座谈会，县安委办主任刘志刚主持座谈会。")
    assert ("刘志刚", "chaired", "全县安全生产工作座谈会") in got, got
    assert not any(s == "刘志刚" and o.endswith("启动仪式") for s, _, o in got), got


def test_a_joint_name_in_brackets_convened_later_is_chaired_by_who_chairs_the_meeting():
    got = facts("8月25日，县委书记李振东主持召开县委常委会会议。同日下午，城固县召开三季度重点项目建设调度会"
                "（县重大项目建设领导小组第三次会议），副县长韩春梅主持会议并讲话。", ("城固县", "汉中市", "陕西省"))
    assert ("韩春梅", "chaired", "三季度重点项目建设调度会") in got, got
    assert not any(s == "韩春梅" and "常委会" in o for s, _, o in got), got


def test_a_speaker_at_the_meeting_the_sentence_before_convened():
    """…召开…座谈会。甲在会上表示: 在会上 is the sitting just convened."""
    got = facts("6月3日，桃源县安全生产月活动启动仪式在县人民广场举行。当天下午，县安委办召开全县安全生产工作座谈会。"
                "湖南桃花源酒业有限公司总经理彭卫东在会上表示，企业将严格落实主体责任。")
    assert ("彭卫东", "attended", "全县安全生产工作座谈会") in got, got


def test_who_presents_a_plaque_at_a_ceremony_held_in_the_sentence_is_at_it():
    """…授牌仪式在X举行，甲为基地授牌。乙表示…: both were at the ceremony, not at the article's activity."""
    got = facts("7月1日，县委组织部机关党支部开展“初心如磐”主题党日活动。县委常委高淑珍参加活动。"
                "当天下午，“红嫂精神传承基地”授牌仪式在常山庄村举行，高淑珍为基地授牌。"
                "常山庄村党支部书记王秀英表示，将讲好红嫂故事。", ("沂南县", "临沂市", "山东省"))
    assert {("高淑珍", "attended", "红嫂精神传承基地授牌仪式"),
            ("王秀英", "attended", "红嫂精神传承基地授牌仪式")} <= got, got
    assert ("王秀英", "attended", "初心如磐主题党日活动") not in got, got


@pytest.mark.parametrize("clause", ["为学员讲授了第一课", "为学员授课"])
def test_a_lecturer_of_a_class_attended_it(clause):
    got = facts(f"5月19日，桃源县第三期乡村振兴人才培训班在县委党校开班。开班仪式后，县农业农村局副局长吴德明{clause}。")
    assert ("吴德明", "attended", "桃源县第三期乡村振兴人才培训班") in got, got


def test_a_speech_on_a_long_document_title_is_a_speech_at_the_meeting():
    """就《…》（讨论稿）作说明: the title counts as one unit of the clause."""
    got = facts("7月18日，中国共产党东台市第十四届委员会第九次全体会议召开。市委副书记、市长顾晓梅就"
                "《中共东台市委关于深入推进沿海高质量发展的实施意见》（讨论稿）作说明。", ("东台市", "盐城市", "江苏省"))
    assert ("顾晓梅", "attended", "中国共产党东台市第十四届委员会第九次全体会议") in got, got


def test_a_clause_opening_with_the_sittings_kind_speaks_of_it():
    """发布会上，甲、乙推荐…: 发布会上 is the article's 发布会, not its main 推介会."""
    got = facts("10月16日，2025茶旅产业招商推介会在国际会展中心举行。当天还举行了“茶香世界”文旅新品发布会。"
                "发布会上，市文旅局局长王建军、副局长李红推荐了十条精品线路。", ("武夷山市", "南平市", "福建省"))
    assert ("王建军", "attended", "茶香世界文旅新品发布会") in got, got
    assert ("王建军", "attended", "2025茶旅产业招商推介会") not in got, got
