"""Meetings and activities written the ways county papers and sites of several provinces write
them, on invented sentences (every name invented): who attended, chaired, organized, where it
was held. The fixture suite at the end builds twenty-five invented articles (tests/fixtures/genre) and
scores them with the reference scorer against their expected entities and relations."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_rules_genre import facts_of

HOME = ("柳溪县", "赣州市", "江西省")


def got(body, headline=""):
    return facts_of(body, headline, home=HOME)[1]


# ---------------------------------------------------------------- names closed by a verb of the genre

def test_a_name_before_yingyao_is_read():
    """县委常委、统战部部长X应邀出席: 应邀 closes the name like 出席 does."""
    g = got("5月20日，县政协十届九次常委会议召开。县委常委、统战部部长闵晓燕应邀出席。")
    assert ("闵晓燕", "holdsPost", "县委常委") in g
    assert ("闵晓燕", "memberOf", "柳溪县委") in g


def test_who_announces_or_greets_at_an_activity_attended_it():
    """X宣布活动启动，Y致辞: both were at the article's activity."""
    g = got("6月7日，2024年柳溪县科普宣传周活动在县文化广场启动。县委常委、宣传部部长蔡丽萍宣布活动启动，"
            "副县长冯启航致辞。")
    ev = "2024年柳溪县科普宣传周活动"
    assert ("蔡丽萍", "attended", ev) in g
    assert ("冯启航", "attended", ev) in g
    assert ("冯启航", "holdsPost", "副县长") in g


def test_who_reports_at_a_meeting_attended_it():
    """X通报…情况 at the article's meeting: X was there."""
    g = got("3月12日，柳溪县安全生产工作会议召开。县委副书记、县长柯文彬通报全县安全生产形势。")
    assert ("柯文彬", "attended", "柳溪县安全生产工作会议") in g


# ---------------------------------------------------------------- organizers and venues

def test_bodies_that_jointly_hold_an_activity_written_apart():
    """活动由A、B联合举办，C、D协办: all four organized the article's activity."""
    g = got("6月1日，2024年柳溪县青少年普法宣传月活动在县青少年活动中心启动。"
            "活动由县妇联、县科协联合举办，县司法局、县教育局、县文明办协办。")
    ev = "2024年柳溪县青少年普法宣传月活动"
    for body in ("柳溪县妇联", "柳溪县科协", "柳溪县司法局", "柳溪县教育局", "柳溪县文明办"):
        assert (ev, "organizedBy", body) in g


def test_an_activity_launched_or_a_class_opened_in_a_place_is_held_there():
    """EVENT在X启动 / EVENT在X开班: X is where it was held."""
    g = got("6月1日，2024年柳溪县青少年普法宣传月活动在县青少年活动中心启动。")
    assert ("2024年柳溪县青少年普法宣传月活动", "heldAt", "柳溪县青少年活动中心") in g
    g = got("5月13日，柳溪县2024年度乡村振兴专题培训班在县行政中心开班。")
    assert ("柳溪县2024年度乡村振兴专题培训班", "heldAt", "柳溪县行政中心") in g


def test_an_opening_ceremony_named_in_a_speech_is_no_venue_of_a_meeting_studied():
    """学习…在X…培训班开班式…的讲话: 开班 is part of a noun there; the meetings before get no venue."""
    g = got("会议学习了全县安全生产工作会议精神和县长在县行政中心干部培训班开班式上的讲话。")
    assert not any(p == "heldAt" for _, p, _ in g)


# ---------------------------------------------------------------- constructions not reached yet

def test_body_then_name_then_title():
    """县政协提案委X主任、经济委Y主任、文史委Z副主任作专题发言: each post is the body plus the title
    (a later body without a level word hangs under the first one's parent, 县政协), memberOf that
    body, and every speaker of the list attended the meeting."""
    g = got("5月20日，县政协十届九次常委会议召开。县政协提案委韩立新主任、经济委苗志刚主任、"
            "文史委宁秀英副主任作专题发言。")
    assert ("韩立新", "holdsPost", "县政协提案委主任") in g
    assert ("韩立新", "memberOf", "柳溪县政协提案委") in g
    assert ("苗志刚", "holdsPost", "县政协经济委主任") in g
    assert ("苗志刚", "memberOf", "柳溪县政协经济委") in g
    assert ("宁秀英", "holdsPost", "县政协文史委副主任") in g
    for who in ("韩立新", "苗志刚", "宁秀英"):
        assert (who, "attended", "柳溪县政协十届九次常委会议") in g


def test_a_body_without_level_word_opening_a_list_is_not_guessed():
    """经济委X主任 alone: which 经济委, the sentence does not say; no body is made up."""
    g = got("经济委苗志刚主任作专题发言。")
    assert not any(p == "memberOf" for _, p, _ in g)


def test_youth_league_and_mass_bodies_of_the_county():
    """团县委 / 团区委 and 县妇联, 县总工会, 县工商联, 县残联, 县科协: bodies of the home."""
    out, g = facts_of("6月1日，柳溪县青少年普法宣传月活动启动。活动由团县委、县妇联、县总工会、县工商联、"
                      "县残联、县科协联合举办。", home=HOME)
    ev = "柳溪县青少年普法宣传月活动"
    for body in ("团柳溪县委", "柳溪县妇联", "柳溪县总工会", "柳溪县工商联", "柳溪县残联", "柳溪县科协"):
        assert (ev, "organizedBy", body) in g
    g = got("团县委书记汪小禾出席。")
    assert ("汪小禾", "holdsPost", "团县委书记") in g and ("汪小禾", "memberOf", "团柳溪县委") in g


def test_a_county_named_tuan_is_no_youth_league():
    """团风县委: a county whose name opens with 团 keeps its name and its own people."""
    out, _ = facts_of("团风县委书记汪小禾一行到柳溪县考察。", home=HOME)
    assert ("Organization", "团柳溪县委") not in out.entities


# ---------------------------------------------------------------- names that are no names

def test_events_joined_by_ji_inside_one_name():
    """“A”暨“B”集中示范活动: A names no event of its own, the whole is one activity."""
    out, _ = facts_of("6月7日，2024年柳溪县“送科技”暨“健康进万家”集中示范活动在县文化广场启动。", home=HOME)
    events = [k for t, k in out.entities if t == "Event"]
    assert events == ["2024年柳溪县送科技暨健康进万家集中示范活动"]
    out, _ = facts_of("3月2日，全县防汛抗旱暨地质灾害防治工作会议召开。", home=HOME)
    assert [k for t, k in out.entities if t == "Event"] == ["全县防汛抗旱暨地质灾害防治工作会议"]


def test_two_sittings_joined_by_ji_stay_one_event_with_aliases():
    out, _ = facts_of("县政府第十次常务会议暨县国有资产管理委员会会议召开。", home=HOME)
    assert len([k for t, k in out.entities if t == "Event"]) == 1


def test_changwu_before_a_deputy_title_belongs_to_the_title():
    """县委党校常务副校长X: the body is 县委党校, the post 县委党校常务副校长."""
    g = got("开班仪式由县委党校常务副校长温若飞主持。")
    assert ("温若飞", "memberOf", "柳溪县委党校") in g
    assert ("温若飞", "holdsPost", "县委党校常务副校长") in g


def test_niandu_closes_a_date_not_a_place():
    """2024年度乡村振兴: 年度 is the year's, 度乡村 is no village."""
    out, _ = facts_of("5月13日，柳溪县2024年度乡村振兴专题培训班在县行政中心开班。", home=HOME)
    assert not any(t == "Place" and k.startswith("度") for t, k in out.entities)


def test_a_quoted_slogan_treated_as_a_task_is_no_project():
    """作为“一把手”工程来抓: a priority, not a project; a quoted project after a visit stays."""
    out, _ = facts_of("会议要求，要把防汛工作作为“一把手”工程来抓，当作“民心”工程来办。", home=HOME)
    assert not any(t == "Project" for t, _ in out.entities)
    g = got("县长柯文彬到“青溪河”综合治理工程现场调研。")
    assert ("柯文彬", "inspected", "青溪河综合治理工程") in g


def test_a_body_word_before_a_title_is_no_name():
    """党组织书记: 党组织 is the body, no person."""
    out, _ = facts_of("全镇各村（社区）党组织书记，镇直各单位负责人参加会议。", home=HOME)
    assert not any(t == "Person" and k.startswith("党组织") for t, k in out.entities)


# ---------------------------------------------------------------- the invented articles, scored

FIX = Path(__file__).parent / "fixtures" / "genre"
SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SCORE.exists(), reason="../shared (the reference scorer) is absent")
def test_invented_articles_score(tmp_path):
    """The twenty-five invented articles (meetings, activities, a study session, a congress, an appointment notice,
    a city inspection, a signing ceremony, a 民主生活会, a 表彰大会, a video meeting with branch venues, an enterprise
    座谈会, a 政协常委会议, a 招商推介会 in another city, a 现场推进会 with 观摩, an 经济运行调度会, a 人大代表视察,
    a 团县委/妇联 志愿服务 activity), built with their homes and scored pooled: floors just under what the rules
    reach now (entities 0.921, relations 0.979 F1), so a regression of the genre shows."""
    out = tmp_path / "genre.ttl"
    subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(FIX), "--manifest", str(FIX / "manifest.json"),
                    "-o", str(out), "-q", "--no-cache"], check=True)
    golds = [a for f in sorted(FIX.glob("*.txt")) for a in ("--gold", str(f) + ".json")]
    res = json.loads(subprocess.run([sys.executable, str(SCORE), "--graph", str(out), "--ontology",
                                     str(Path(__file__).resolve().parents[1] / "ontology"), *golds, "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    assert res["entities"]["all"]["f1"] >= 0.915
    assert res["relations"]["all"]["f1"] >= 0.972


# ---------------------------------------------------------------- congresses, study sessions, notices

def test_a_congress_and_its_numbered_sitting_are_one_meeting():
    """县第N届人民代表大会第M次会议: 大会 ends the congress, the sitting's name runs on."""
    out, _ = facts_of("1月6日，柳溪县第九届人民代表大会第三次会议在县人民会堂开幕。", home=HOME)
    assert [k for t, k in out.entities if t == "Event"] == ["柳溪县第九届人民代表大会第三次会议"]


def test_changwu_and_zhixing_before_a_chair_belong_to_the_title():
    """大会主席团常务主席、执行主席X: posts 大会主席团常务主席 and 执行主席, member of 大会主席团."""
    g = got("大会主席团常务主席、执行主席邝永年主持开幕会。")
    assert ("邝永年", "holdsPost", "执行主席") in g
    assert ("邝永年", "memberOf", "大会主席团") in g
    assert not any(p == "memberOf" and o.endswith(("常务", "执行")) for _, p, o in g)


def test_xianren_opens_no_place_or_body():
    """现任溪口镇党委副书记: 现任 is the notice's word, not part of a town's or body's name."""
    out, _ = facts_of("苏雅琴，女，1987年5月生，现任青枫镇党委副书记、镇长，拟任青枫镇党委书记；", home=HOME)
    assert not any(k.startswith("现任") or "现任" in k for _, k in out.entities)


def test_who_joins_a_study_session_or_sits_on_the_rostrum_attended():
    g = got("9月3日，县委理论学习中心组举行2024年第六次集体学习。县人大常委会主任钟远山参加学习。")
    assert any(s == "钟远山" and p == "attended" for s, p, _ in g)
    g = got("1月6日，柳溪县第九届人民代表大会第三次会议开幕。县委书记范志远等在主席台就座。")
    assert ("范志远", "attended", "柳溪县第九届人民代表大会第三次会议") in g


# ---------------------------------------------------------------- speeches, closing 出席, branch venues

def test_a_list_closed_by_chuxi_attended_the_article_event():
    """…举行。县委书记X，县委副书记、县长Y出席。: 出席 ends the sentence, no object after it."""
    g = got("9月26日，柳溪县重大项目集中签约仪式在县行政中心举行。县委书记鲁明远，县委副书记、县长柯文彬出席。")
    ev = "柳溪县重大项目集中签约仪式"
    assert ("鲁明远", "attended", ev) in g and ("柯文彬", "attended", ev) in g


def test_speakers_named_by_the_kind_of_speech_attended():
    """A董事长X，B总经理Y等先后发言 / X代表…作表态发言 / 作对照检查 / 对会议进行点评."""
    g = got("4月16日，柳溪县重点企业座谈会召开。江西青禾食品有限公司董事长乔振宇，柳溪县城投公司总经理滕小梅等先后发言。"
            "青枫镇党委书记苏雅琴代表获奖单位作表态发言。市委督导组组长卜安然对会议进行点评。")
    ev = "柳溪县重点企业座谈会"
    for who in ("乔振宇", "滕小梅", "苏雅琴", "卜安然"):
        assert (who, "attended", ev) in g


def test_a_group_word_after_a_title_is_no_name():
    out, _ = facts_of("会上，县委书记鲁明远代表县委常委班子作对照检查。", home=HOME)
    assert not any(t == "Person" and k.startswith("班子") for t, k in out.entities)


def test_main_and_branch_venues_of_a_video_meeting():
    """会议在X设主会场，在A、B等各乡镇设分会场: each is where the meeting was held."""
    g = got("6月18日，柳溪县防汛抗旱工作视频调度会召开。会议在县应急指挥中心设主会场，在青枫镇、石桥镇等各乡镇设分会场。")
    ev = "柳溪县防汛抗旱工作视频调度会"
    for where in ("柳溪县应急指挥中心", "青枫镇", "石桥镇"):
        assert (ev, "heldAt", where) in g


def test_a_hall_is_where_a_meeting_is_held():
    """会堂 ends a place (the id keeps the page's 县 form for now: not expanded with the home)."""
    g = got("2月20日，柳溪县综合考评表彰大会在县人民会堂召开。")
    assert {("柳溪县综合考评表彰大会", "heldAt", w) for w in ("柳溪县人民会堂", "县人民会堂")} & g
    g = got("1月8日，柳溪县第十九届人民代表大会第四次会议在县人民会堂隆重开幕。")
    assert any(p == "heldAt" and o.endswith("县人民会堂") for _, p, o in g)


def test_the_study_group_a_session_is_named_after_organizes_it():
    """县委理论学习中心组(举行)…集体学习: the 中心组 is a body of the home and organized the session."""
    g = got("县委理论学习中心组2024年第三次集体学习召开。")
    assert ("柳溪县委理论学习中心组2024年第三次集体学习", "organizedBy", "柳溪县委理论学习中心组") in g
    g = got("9月3日，县委理论学习中心组举行2024年第六次集体学习。")
    assert any(p == "organizedBy" and o == "柳溪县委理论学习中心组" for _, p, o in g)
    assert not any(p == "organizedBy" and o == "柳溪县委" for _, p, o in g)


# ---------------------------------------------------------------- ceremonies, rooms, visits as events

def test_places_after_the_launch_ceremony_are_where_the_activity_went_on():
    """启动仪式后，活动分别在A、B开展: a bare 启动仪式 is part of the article's activity, no event of its
    own; A and B are where the activity was held (the home for a whole name, not the town it opens with)."""
    out, g = facts_of("3月5日，2024年柳溪县“学雷锋”志愿服务活动在县文化广场启动。县委常委、宣传部部长蔡丽萍出席启动仪式。"
                      "启动仪式后，活动分别在青枫镇桃源社区、石桥镇敬老院开展。", home=HOME)
    ev = "2024年柳溪县学雷锋志愿服务活动"
    assert [k for t, k in out.entities if t == "Event"] == [ev]
    assert ("蔡丽萍", "attended", ev) in g
    assert (ev, "heldAt", "桃源社区") in g and (ev, "heldAt", "石桥镇敬老院") in g
    assert (ev, "heldAt", "石桥镇") not in g


def test_a_numbered_room_of_a_body_is_where_a_meeting_sat():
    """在县政府第三会议室召开: the room is the venue, not the body whose room it is."""
    g = got("4月2日，柳溪县一季度经济运行分析会在县政府第三会议室召开。")
    ev = "柳溪县一季度经济运行分析会"
    # (the room of the home's body is named with the home, as its gold id is: 柳溪县政府第三会议室)
    assert (ev, "heldAt", "柳溪县政府第三会议室") in g
    assert (ev, "heldAt", "柳溪县政府") not in g


def test_held_in_another_city_is_where_not_who():
    """柳溪县在深圳举办EVENT: the county organized it, 深圳 is where it was held."""
    g = got("10月9日，柳溪县在深圳市举办2024年电子信息产业招商推介会。")
    ev = "2024年电子信息产业招商推介会"
    assert (ev, "organizedBy", "柳溪县") in g
    assert (ev, "organizedBy", "深圳市") not in g


def test_speeches_named_by_what_they_do_attend_the_meeting():
    """作推介讲话 / 就…作具体安排 / 对…进行了推介 / 介绍了: each speaker was at the article's meeting."""
    g = got("4月2日，柳溪县一季度经济运行分析会召开。县长柯文彬作总结讲话。常务副县长魏晨阳就二季度工作作具体安排。"
            "县发改委主任黎向东对重点项目进行了推介。副县长褚一鸣介绍了全县工业运行情况。")
    ev = "柳溪县一季度经济运行分析会"
    for who in ("柯文彬", "魏晨阳", "黎向东", "褚一鸣"):
        assert (who, "attended", ev) in g


def test_the_party_of_a_visit_named_as_the_event_attended_it():
    """县人大常委会开展…视察活动，X带队，Y参加视察: the visit is the event, its party attended it."""
    g = got("6月4日，县人大常委会开展2024年民生实事项目专题视察活动。县人大常委会主任钟远山带队，"
            "县人大常委会副主任葛明珠参加视察。")
    ev = "2024年民生实事项目专题视察活动"
    assert ("钟远山", "attended", ev) in g and ("葛明珠", "attended", ev) in g


def test_an_abbreviated_numbered_sitting_is_the_same_event():
    """县政协十届七次常委会议 (headline) / 政协柳溪县第十届委员会常务委员会第七次会议 (body): one sitting."""
    out, g = facts_of("6月3日，政协柳溪县第十届委员会常务委员会第七次会议召开。县政协主席邝永年主持会议。",
                      "县政协召开十届七次常委会议", home=HOME)
    assert [k for t, k in out.entities if t == "Event"] == ["政协柳溪县第十届委员会常务委员会第七次会议"]
    out, _ = facts_of("6月3日，政协柳溪县第十届委员会常务委员会第七次会议召开。", "县政协召开十届八次常委会议",
                      home=HOME)
    assert len([k for t, k in out.entities if t == "Event"]) == 2


def test_a_short_name_of_the_same_numbered_session_is_an_alias():
    """…中心组2024年第六次集体学习 and, later, 2024年第六次集体学习: one session; a tutor (作专题辅导) was there."""
    out, g = facts_of("9月3日，县委理论学习中心组2024年第六次集体学习召开。县委常委、县纪委书记谢雨桐作专题辅导。"
                      "县长柯文彬参加2024年第六次集体学习。", home=HOME)
    ev = "柳溪县委理论学习中心组2024年第六次集体学习"
    assert [k for t, k in out.entities if t == "Event"] == [ev]
    assert ("谢雨桐", "attended", ev) in g and ("柯文彬", "attended", ev) in g


def test_the_standing_committee_holds_its_democratic_life_meeting():
    """县委常委会召开 / 县委常委班子召开…民主生活会: the 县委常委会 (班子 is the same body as a group)
    organized it; a 县委常委会会议 stays named after the 县委."""
    for who in ("县委常委会", "县委常委班子"):
        g = got(f"1月22日，{who}召开2024年度民主生活会。")
        assert ("2024年度民主生活会", "organizedBy", "柳溪县委常委会") in g
        assert ("2024年度民主生活会", "organizedBy", "柳溪县委") not in g
    g = got("3月8日，县委书记鲁明远主持召开县委常委会第12次会议。")
    assert any(p == "organizedBy" and o == "柳溪县委" for _, p, o in g)
    assert not any(o == "柳溪县委常委会" for _, _, o in g)


def test_a_sitting_of_a_peoples_congress_is_convened_by_the_congress():
    """柳溪县第九届人民代表大会第三次会议: organized by 柳溪县人民代表大会, not by the county; keyed 柳溪县人大
    (the paper gold's id), the one body a 县九届人大…预备会议 of the same page is named after."""
    out, g = facts_of("1月6日，柳溪县第九届人民代表大会第三次会议在县人民会堂开幕。", "", home=HOME)
    ev = "柳溪县第九届人民代表大会第三次会议"
    assert (ev, "organizedBy", "柳溪县人大") in g
    assert "柳溪县人民代表大会" in out.entities[("Organization", "柳溪县人大")].names
    assert (ev, "organizedBy", "柳溪县") not in g


def test_the_name_opening_a_notice_line_holds_what_follows_xianren():
    """任前公示: NAME，男，汉族，1979年8月生，大学学历，现任CHAIN，拟任…: the titles after 现任 are held (what
    拟任 proposes is not); the name may follow 公示如下：."""
    out, g = facts_of("经县委常委会研究，现将拟任职干部情况公示如下：\n祁文涛，男，汉族，1979年8月生，大学学历，"
                      "现任县农业农村局副局长、县行政服务中心主任，拟任县林业局局长；\n"
                      "韦思琪，女，1988年2月生，现任桃源镇党委副书记，拟任桃源镇镇长。", home=HOME)
    assert ("祁文涛", "holdsPost", "县农业农村局副局长") in g
    assert ("祁文涛", "memberOf", "柳溪县农业农村局") in g
    assert ("祁文涛", "holdsPost", "县行政服务中心主任") in g
    assert ("韦思琪", "holdsPost", "桃源镇党委副书记") in g
    assert not any(p == "holdsPost" and o.endswith(("县林业局局长", "镇长")) for _, p, o in g)
    assert not any(k.startswith("经") for _, k in out.entities)


def test_a_line_naming_a_sex_after_no_name_is_no_notice():
    out, _ = facts_of("参加活动的志愿者，男，女，老，少，都很积极。", home=HOME)
    assert not any(t == "Person" and k.startswith("志愿") for t, k in out.entities)


def test_a_village_or_town_bounds_the_site_named_by_its_trade():
    """桃源镇蔬菜保供基地, 石桥镇青山村中药材种植基地, 青枫镇茶旅融合示范园: one site or park, located in
    the place written before it, which keeps the full form as a name."""
    out, g = facts_of("与会人员先后到桃源镇蔬菜保供基地、石桥镇青山村中药材种植基地、青枫镇茶旅融合示范园现场观摩。",
                      home=HOME)
    assert ("蔬菜保供基地", "locatedIn", "桃源镇") in g
    assert ("中药材种植基地", "locatedIn", "青山村") in g and ("青山村", "locatedIn", "石桥镇") in g
    assert ("茶旅融合示范园", "locatedIn", "青枫镇") in g
    assert "青山村中药材种植基地" in out.entities[("Place", "中药材种植基地")].names


def test_bodies_side_by_side_each_opening_with_a_level_word():
    """团县委县妇联联合开展… / 县妇联县科协: two bodies, the second no sub-body of the first; X镇和县Y局:
    the town, then the county's bureau."""
    from kg.extract.mentions import find_orgs
    assert [o.text for o in find_orgs("团县委县妇联联合开展志愿服务活动", [])] == ["团县委", "县妇联"]
    assert [o.text for o in find_orgs("县妇联县科协联合举办", [])] == ["县妇联", "县科协"]
    assert [o.text for o in find_orgs("区委办公室", [])] == ["区委办公室"]
    assert [o.text for o in find_orgs("龙潭镇、白水镇和县农业农村局主要负责人发言", [])] == ["县农业农村局"]


def test_the_youth_league_committee_is_not_the_party_committee():
    """团县委 and 县委常委 on one page: two bodies; the 县委常委 is a member of the 县委."""
    g = got("团县委书记汪小禾宣布活动启动。县委常委、宣传部部长蔡丽萍出席启动仪式。")
    assert ("蔡丽萍", "memberOf", "柳溪县委") in g
    assert ("蔡丽萍", "memberOf", "团柳溪县委") not in g


def test_projects_listed_before_signing_are_each_named():
    """A项目、B项目现场签约: every project of the list, a common-word name too; 冷链物流园项目 is a project of
    a kind of park, no park of its own."""
    out, _ = facts_of("签约仪式上，蔬菜精深加工项目、冷链物流园项目现场签约。", home=HOME)
    projects = sorted(k for t, k in out.entities if t == "Project")
    assert projects == ["冷链物流园项目", "蔬菜精深加工项目"]
    assert not any(t == "Place" and k == "冷链物流园" for t, k in out.entities)
    out, _ = facts_of("会议要求抓好技术改造项目、招商引资项目。", home=HOME)
    assert not any(t == "Project" for t, _ in out.entities)


def test_the_party_school_of_the_county_committee_is_a_body():
    """县委党校 (also right after 县委组织部): a school of the 县委, where a class opens and who runs it."""
    from kg.extract.mentions import find_orgs
    assert [o.text for o in find_orgs("由县委组织部县委党校承办", [])] == ["县委组织部", "县委党校"]
    g = got("5月13日，柳溪县2024年度乡村振兴专题培训班在县委党校开班。")
    assert ("柳溪县2024年度乡村振兴专题培训班", "heldAt", "柳溪县委党校") in g


def test_the_place_a_convening_body_is_named_with_does_not_convene():
    """X镇Y村妇联在Z组织开展EVENT: the 妇联 organized it, not the town it is written after."""
    g = got("3月8日，青枫镇桃源村妇联在青溪河畔组织开展“巾帼护河”志愿服务活动。")
    assert ("巾帼护河志愿服务活动", "organizedBy", "桃源村妇联") in g
    assert ("巾帼护河志愿服务活动", "organizedBy", "青枫镇") not in g


def test_who_a_closing_join_word_follows_attended_after_another_attendance_clause():
    """丙到会通报…，丁、戊出席。: the clause of one attendance word does not hide the names a later
    出席 closing the sentence follows."""
    g = got("11月11日，县政协召开“乡村振兴”专题协商会。副县长唐婧到会通报有关情况，县政协副主席何光辉、罗晓敏出席。")
    who = {s for s, p, o in g if p == "attended"}
    assert {"唐婧", "何光辉", "罗晓敏"} <= who, g


def test_who_chairs_at_a_place_written_before_the_chairing_chaired():
    g = got("11月20日，县长韩立军调研重点项目。调研结束后，韩立军在县政府主持召开全县重点项目建设推进座谈会。")
    assert {o for s, p, o in g if s == "韩立军" and p == "chaired"} == {"全县重点项目建设推进座谈会"}, g


def test_who_is_invited_to_sit_in_attended_and_an_assistant_to_the_head_is_a_title():
    g = got("11月19日，县长沈立群主持召开县政府第62次常务会议。县人大常委会副主任章秀英、县政协副主席俞海涛应邀列席。"
            "县政府党组成员、县长助理黄晨列席会议。")
    who = {s for s, p, o in g if p == "attended"}
    assert {"章秀英", "俞海涛", "黄晨"} <= who, g
    assert ("黄晨", "holdsPost", "县长助理") in g, g


def test_a_headline_numbering_the_sitting_in_words_names_the_bodys_sitting_in_digits():
    """县政府召开第六十二次常务会议 over …县政府第62次常务会议: one sitting, not two."""
    out, _ = facts_of("11月19日，县长沈立群主持召开县政府第62次常务会议，研究部署冬季安全生产等工作。",
                      "县政府召开第六十二次常务会议", home=HOME)
    events = {k for t, k in out.entities if t == "Event"}
    assert len(events) == 1, events
