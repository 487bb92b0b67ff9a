"""Event name boundaries (find_events through kg.extract.mention_sentence).

Every sentence is invented (counties, towns and campaigns that do not exist). Each states the
Event name a careful reader marks per shared/spec/ANNOTATION.md: the whole name of a one-off event
(year, county and quoted campaign included), A暨B held as one sitting as one name, and a ceremony
word closing the name it belongs to.
"""
from __future__ import annotations

import pytest

from kg.extract import Sentence, mention_sentence

CTX = ("云岭县", "青川县", "湖北省")


def events(s: str) -> set[str]:
    x = mention_sentence(Sentence.of(s, 0, 0), frozenset(), CTX)
    return {m.text for m in x.all() if m.type == "Event"}


def test_campaign_title_stays_a_document_before_a_text_word():
    # a title that is a text (its head noun, or 精神 after it) is no event's name
    x = mention_sentence(Sentence.of("全县开展《云岭县文明行为促进条例》宣传活动。", 0, 0), frozenset(), CTX)
    assert "云岭县文明行为促进条例" in {d.text for d in x.docs}
    assert not any(m.type == "Event" and "《" in m.text for m in x.all())


@pytest.mark.parametrize("sentence, name", [
    # a one-off launch of a yearly campaign: year, county and quoted campaign are the name
    ("3月2日，2024年云岭县“书香满城”全民阅读活动启动仪式在县文化馆举行。",
     "2024年云岭县“书香满城”全民阅读活动启动仪式"),
    # “A”暨“B”…活动: one name, not the second half alone
    ("近日，2023年青川县“三下乡”暨“欢乐乡村”文化大集活动在柳湾镇开幕。",
     "2023年青川县“三下乡”暨“欢乐乡村”文化大集活动"),
    # the opening ceremony closes the festival's name
    ("9月20日，云岭县第三届稻香文化节开幕式在石门村举行。",
     "云岭县第三届稻香文化节开幕式"),
    # a 书名号 campaign opens the name of the demonstration held for it
    pytest.param("县文明办在东坡镇举办《文明新风进万家》集中示范活动。", "《文明新风进万家》集中示范活动",
                 ),
    # a branch's themed party day held on one date
    ("5月6日，县财政局党支部开展“追寻红色足迹”主题党日活动。",
     "“追寻红色足迹”主题党日活动"),
    # a lecture tour launched with its quoted theme
    ("4月18日，2024年青川县“理论润乡村”百场宣讲活动在梅林镇启动。",
     "2024年青川县“理论润乡村”百场宣讲活动"),
    # a single county before the quoted campaign is a part of its name (a list of districts is not)
    ("4月20日，青川县“法治进乡村”百场宣讲活动在梅林镇启动。",
     "青川县“法治进乡村”百场宣讲活动"),
    # the opening of a training class closes the class's name
    ("3月9日，云岭县2024年村干部能力提升培训班开班式在县委党校举行。",
     "云岭县2024年村干部能力提升培训班开班式"),
    # an inspection-and-learning visit organised by the county as one event
    ("6月12日，云岭县举行2024年第二季度重点项目观摩活动。",
     "2024年第二季度重点项目观摩活动"),
])
def test_one_off_event_names(sentence, name):
    assert name in events(sentence)


def test_county_meeting_held_with_a_training_session_is_one_event():
    # A暨B: one sitting, the first name is the event (the second is its alias, no event of its own)
    got = events("4月8日，全县安全生产工作推进会暨应急管理培训会召开。")
    assert got == {"全县安全生产工作推进会"}


def test_opening_of_a_congress_is_the_congress():
    # 在…大会开幕式上: the congress is the event; its opening is a part of it, no name of its own
    assert events("会议传达了县长在县文联第四次代表大会开幕式上的讲话精神。") == {"县文联第四次代表大会"}


# ---------------------------------------------------------------- where and by whom an activity is held

from test_rules_genre import facts_of  # noqa: E402

_HOME = ("云岭县", "青川县", "湖北省")


@pytest.mark.parametrize("body, wanted", [
    # 由A主办、B承办: both bodies organized it; 在X举行 is its venue
    ("5月8日，云岭县“书香润乡村”读书分享活动在县图书馆举行。活动由县文明办主办、县图书馆承办。",
     {("云岭县书香润乡村读书分享活动", "heldAt", "云岭县图书馆"),
      ("云岭县书香润乡村读书分享活动", "organizedBy", "云岭县文明办"),
      ("云岭县书香润乡村读书分享活动", "organizedBy", "云岭县图书馆")}),
    # a games held in a county venue
    ("6月1日，云岭县第五届全民健身运动会在县体育馆举行。",
     {("云岭县第五届全民健身运动会", "heldAt", "云岭县体育馆")}),
    # 分别在A乡、B镇开展: each town is a venue
    ("近日，云岭县“送法下乡”普法宣传活动分别在东坡乡、柳湾镇开展。",
     {("云岭县送法下乡普法宣传活动", "heldAt", "东坡乡"), ("云岭县送法下乡普法宣传活动", "heldAt", "柳湾镇")}),
    # 甲组织医务人员在X村开展义诊: 甲 organized it, the village is where
    ("4月12日，县卫健委组织医务人员在石桥村开展义诊活动。",
     {("义诊活动", "heldAt", "石桥村"), ("义诊活动", "organizedBy", "云岭县卫健委")}),
    ("3月5日，团县委组织青年志愿者在梅林社区开展学雷锋志愿服务活动。",
     {("学雷锋志愿服务活动", "heldAt", "梅林社区")}),
    # 在X广场拉开帷幕: a festival is an activity, and the square its venue
    ("9月9日，2024年云岭县农民丰收节在人民广场拉开帷幕。",
     {("2024年云岭县农民丰收节", "heldAt", "人民广场")}),
])
def test_venue_and_organizer_of_an_activity(body, wanted):
    _, g = facts_of(body, home=_HOME)
    assert wanted <= g


def test_two_bodies_sittings_of_one_number_stay_two_events():
    """区十届人大五次会议 and 区政协十届五次会议 meet the same week with the same numbers: two
    sittings; the congress written short and in full is one (kg.extract.rules.events._similar)."""
    from kg.extract.rules.events import _similar
    assert _similar("区十届人大五次会议", "青川县第十届人民代表大会第五次会议")
    assert _similar("县政协十一届十二次常委会议", "政协青川县第十一届委员会常务委员会第十二次会议")
    assert not _similar("区十届人大五次会议", "区政协十届五次会议")


@pytest.mark.parametrize("sentence, wanted", [
    ("11月3日，云岭县第十二届芦笙节在县民族体育场开幕。", {"云岭县第十二届芦笙节"}),
    ("首届油菜花节在石桥村拉开帷幕。", {"首届油菜花节"}),
    # A节暨B: one sitting under two names, read from its end
    ("第三届桃花节暨乡村旅游推介会在桃源村举行。", {"第三届桃花节暨乡村旅游推介会"}),
    # a festival word without an edition names no event: a holiday, a word's tail
    ("春节期间，全县各地举办了丰富多彩的文艺演出。", set()),
    ("要抓好每个环节，做好节能降耗工作。", set()),
])
def test_a_festival_counted_by_its_editions_is_an_event(sentence, wanted):
    assert events(sentence) == wanted


def test_a_plenary_and_a_work_meeting_joined_by_ji_are_one_sitting():
    """县委十四届十一次全会暨县委经济工作会议: one sitting under two names; 暨 opens neither."""
    from kg.extract.mentions import find_events
    [e] = find_events("县委十四届十一次全会暨县委经济工作会议召开。", [])
    assert e.text == "县委十四届十一次全会" and e.get("also") == ("县委经济工作会议",), e
