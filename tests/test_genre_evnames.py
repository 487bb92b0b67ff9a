"""Campaign and programme names beside one-off events (ANNOTATION.md: an Event is a named meeting or a
named one-off activity; a 专项行动 or a 创建 campaign run for months is none), on invented sentences,
and the invented articles of tests/fixtures/genre_evnames (gold written before the extractor read
them). Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite
from kg.graph.rdf import label_of

FIXTURES = Path(__file__).parent / "fixtures" / "genre_evnames"
HANYIN = ("汉阴县", "安康市", "陕西省")


def events_of(body: str, home=HANYIN) -> set:
    out, _ = invented.facts_of(body, home)
    return {label_of(t, k) for t, k in out.entities if t == "Event"}


@pytest.mark.parametrize("verb", ["创建", "争创"])
def test_a_campaign_verb_opens_the_name_of_its_works_meeting(verb):
    """召开创建国家卫生县城工作推进会: the meeting is of the campaign's work; the verb is of its name."""
    got = events_of(f"3月18日，汉阴县召开{verb}省级文明县城工作推进会。县长王立军出席会议并讲话。")
    assert f"汉阴县{verb}省级文明县城工作推进会" in got or f"{verb}省级文明县城工作推进会" in got, got


def test_a_verb_before_a_meeting_without_work_still_goes():
    got = events_of("3月18日，县长王立军主持召开全县安全生产工作会议。")
    assert not any(e.startswith("主持") for e in got), got


@pytest.mark.parametrize("tail", ["开展情况", "推进情况", "落实情况"])
def test_a_campaign_whose_progress_is_checked_is_no_event(tail):
    """督导…“百日攻坚”专项行动开展情况: the campaign runs on; a supervision of it is a tour, no event."""
    got = events_of(f"副县长刘国栋带领督导组，督导燃气安全“百日攻坚”专项行动{tail}。")
    assert not got, got


def test_a_campaign_launched_at_a_ceremony_gives_the_ceremony():
    got = events_of("5月8日，汉阴县“清风护航”安全生产专项行动启动仪式在县体育中心举行。")
    assert any(e.endswith("专项行动启动仪式") for e in got), got


# first read: entity F1 0.900, relation F1 0.816 (Event by the evaluator: 9 found right, 2 false,
# 1 missed); after this round's fixes 0.936 / 0.909 (Event 10 / 0 / 0). A change may move them freely
# above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.93, 0.90


@pytest.fixture(scope="module")
def evname_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("evnames"))


def test_the_invented_campaign_articles_score_above_their_floors(evname_scores):
    assert evname_scores["entities"] >= ENTITY_FLOOR, evname_scores
    assert evname_scores["relations"] >= RELATION_FLOOR, evname_scores


def test_a_theme_in_quotes_names_the_activity_it_is_the_theme_of():
    """开展以“…”为主题的主题党日活动: the quoted theme and the activity's kind are its name."""
    got = events_of("7月1日，县委组织部机关党支部开展以“赓续红色血脉”为主题的主题党日活动。县委常委林振华参加活动。")
    assert {e.replace("“", "").replace("”", "") for e in got} == {"赓续红色血脉主题党日活动"}, got


def test_a_theme_of_a_meeting_is_no_event():
    assert not events_of("会议以“实干争先”为主题，部署下半年工作。")


def test_the_items_of_a_list_of_kinds_are_no_events():
    """将开展读书分享会、亲子共读等20余场活动: kinds of activity planned, none held by name."""
    assert not events_of("活动为期一个月，将陆续开展读书分享会、亲子共读、好书漂流等20余场活动。")
    assert not events_of("全县组织读书分享会等活动。")


def test_the_close_of_a_list_does_not_swallow_a_quoted_activity():
    """开展“…”宣传活动等系列活动: the quoted activity is one; 等系列活动 adds nothing to its name."""
    got = events_of("县妇联开展“清廉家风”宣传活动等系列活动。")
    assert {e.replace("“", "").replace("”", "") for e in got} == {"清廉家风宣传活动"}, got


def test_a_home_whose_name_opens_with_a_function_word_convenes():
    """会同县召开…会议: 会同 reads as a verb, yet the home written in full is the place that convenes."""
    out, got = invented.facts_of("8月5日，会同县召开防汛抗旱工作会议，研究部署防汛工作。", ("会同县", "怀化市", "湖南省"))
    assert ("Place", "会同县") in out.entities
    assert ("防汛抗旱工作会议", "organizedBy", "会同县") in got


def test_a_citizens_square_is_not_cut_after_the_level_word():
    """在市民广场举行: 市 belongs to 市民; the square of a county-level city is the home's whole word's."""
    out, _ = invented.facts_of("4月20日，志愿服务月启动仪式在市民广场举行。", ("东兴市", "防城港市", "广西壮族自治区"))
    places = {label_of(t, k) for t, k in out.entities if t == "Place"}
    assert "东兴市市民广场" in places and "东兴市民广场" not in places, places


def test_a_stop_of_a_sentence_holding_its_own_event_is_that_events_venue():
    """启动仪式在X举行。当天，…走进江平镇，开展“…”采风活动: the town is where the field trip is, not the ceremony."""
    _, got = invented.facts_of("4月20日，东兴市志愿服务月启动仪式在市民广场举行。当天，市作家协会组织20余名作家走进江平镇，"
                               "开展“京岛风情”文学采风活动。", ("东兴市", "防城港市", "广西壮族自治区"))
    assert ("京岛风情文学采风活动", "heldAt", "江平镇") in {(s.replace("“", "").replace("”", ""), p, o) for s, p, o in got}
    assert not any(p == "heldAt" and o == "江平镇" and "启动仪式" in s for s, p, o in got)


def test_a_supervision_team_is_a_body_as_an_inspection_team_is():
    """带领县安全生产第三督导组: 督导组 names a team as 督查组 does; its leader is a member."""
    _, got = invented.facts_of("副县长刘国栋带领县安全生产第三督导组，督导燃气安全工作。", ("临朐县", "潍坊市", "山东省"))
    assert ("刘国栋", "memberOf", "临朐县安全生产第三督导组") in got


def test_a_campaign_carried_into_schools_names_no_school():
    """国防教育进机关、进学校、进社区活动: 进学校 is where a campaign goes, no body."""
    out, _ = invented.facts_of("谭志刚指出，要持续开展国防教育进机关、进学校、进社区活动。", ("岳塘区", "湘潭市", "湖南省"))
    assert not any(t == "Organization" for t, _ in out.entities), out.entities


def test_meetings_only_referred_to_in_a_list_of_their_spirits():
    """传达A会议精神和B会议精神: two meetings referred to; the second name opens after 精神和."""
    got = events_of("会议传达学习了全市经济工作会议精神和省委经济工作会议精神。")
    assert "全市经济工作会议" in got and not any(e.startswith("精神") for e in got), got


def test_the_organization_work_meeting_of_a_scope():
    """全市组织工作会议: 组织 of 组织工作 (personnel work) is no verb stopping the name."""
    assert events_of("会议传达了全市组织工作会议精神。") == {"全市组织工作会议"}
    assert events_of("县里组织工作人员开展业务培训。") == set()


def test_a_campaign_run_for_months_is_no_event():
    """开展“清源”行动，为期三个月: what runs for months is a programme; a month's reading activity
    launched on a day, or the launch ceremony of a half-year campaign, is one."""
    assert not events_of("全县开展“清源”行动，为期三个月。")
    assert events_of("6月1日，县“悦读一夏”全民阅读月活动正式启动，为期一个月。")
    assert any(e.endswith("启动仪式") for e in events_of("全县“护河”专项行动启动仪式举行，行动为期半年。"))


def test_a_county_campaign_framed_or_supervised_is_no_event():
    """在“百日攻坚”专项行动中 / 开展…专项行动督导检查: what is done during or to a campaign."""
    assert not events_of("在“百日攻坚”专项行动中，县应急管理局检查企业56家。")
    assert not events_of("县长王立军带队开展安全生产专项行动督导检查。")
    # a compound's own drive, named after where it is held, stays one
    assert events_of("在桂花小区攻坚行动中，社区党员带头入户宣传。") == {"桂花小区攻坚行动"}


def test_a_campaign_pursued_is_no_event_a_drive_held_is():
    assert not events_of("今年以来，县里深入开展“三抓三促”行动，取得明显成效。")
    assert events_of("5月1日，县里开展“清河”行动，300余名志愿者参加。") == {"清河行动"}


def test_a_speaker_after_an_activity_held_in_the_sentence_before_speaks_of_it():
    """启动仪式在X举行。当天，…开展“…”采风活动。甲表示…: 甲 is quoted at the field trip, not the launch."""
    _, got = invented.facts_of("4月20日，东兴市志愿服务月启动仪式在市民广场举行。当天，市作家协会组织作家走进江平镇，"
                               "开展“京岛风情”文学采风活动。市作家协会主席陆明远表示，将用文字记录边城变化。",
                               ("东兴市", "防城港市", "广西壮族自治区"))
    att = {(s, o.replace("“", "").replace("”", "")) for s, p, o in got if p == "attended"}
    assert ("陆明远", "京岛风情文学采风活动") in att, att
    assert not any(s == "陆明远" and o.endswith("启动仪式") for s, o in att)
