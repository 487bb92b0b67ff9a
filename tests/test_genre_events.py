"""Festivals, ceremonies, contests, fairs, forums and trainings of county papers and government sites:
constructions of the genre on invented sentences, one case each, and the invented articles of
tests/fixtures/genre_events (thirty-six homes in twenty-one provinces, gold written by hand before the
extractor saw them) scored with the project's evaluator. Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite
from kg.extract import Sentence, mention_sentence
from kg.graph.rdf import label_of

FIXTURES = Path(__file__).parent / "fixtures" / "genre_events"
HOME = ("云岭县", "青川市", "湖南省")


def facts_of(body: str, home=HOME, headline: str = ""):
    return invented.facts_of((f"{headline}\n\n" if headline else "") + body, home)


def events_of(out) -> set:
    return {label_of(t, k) for t, k in out.entities if t == "Event"}


def event_names(s: str) -> set:
    x = mention_sentence(Sentence.of(s, 0, 0), frozenset(), HOME)
    return {m.text for m in x.all() if m.type == "Event"}


# ---------------------------------------------------------------- names of festivals, ceremonies, contests

@pytest.mark.parametrize("sentence, name", [
    ("9月22日，云岭县第二届农民丰收节在梅林镇开幕。", "云岭县第二届农民丰收节"),
    # a ceremony closing the contest it crowns: one name
    ("11月3日，云岭县第四届“梅乡工匠杯”技能大赛颁奖典礼在县文化中心举行。",
     "云岭县第四届“梅乡工匠杯”技能大赛颁奖典礼"),
    ("8月9日，2025年云岭县“美丽乡村”篮球邀请赛总决赛在石桥村举行。",
     "2025年云岭县“美丽乡村”篮球邀请赛总决赛"),
    ("7月2日，云岭县2025年农村电商培训班结业式在县委党校举行。", "云岭县2025年农村电商培训班结业式"),
    ("4月9日，云岭县2025年“理论进万家”百场宣讲会在柳湾镇启动。", "云岭县2025年“理论进万家”百场宣讲会"),
    # a quoted campaign before 暨 opens the fair's name: a fair held for both campaigns, one event
    ("2月8日，2025年云岭县“春风行动”暨就业援助月专场招聘会在县人力资源市场举行。",
     "2025年云岭县“春风行动”暨就业援助月专场招聘会"),
])
def test_event_names_of_the_genre(sentence, name):
    assert name in event_names(sentence)


def test_an_events_own_ceremony_after_its_name_is_one_name():
    """丰收节 + 庆祝活动, 大赛 + 颁奖典礼: a ceremony word right after the event's name closes it."""
    assert "2024年云岭县农民丰收节庆祝活动" in event_names("10月21日，2024年云岭县农民丰收节庆祝活动在石桥村举行。")
    # (but a verb between them parts them: …丰收节举行活动 names no 举行活动)
    assert "“乡村旅游大讲堂”专题培训" in event_names("会前，县委宣传部组织开展了“乡村旅游大讲堂”专题培训。")


def test_a_bare_ceremony_word_is_no_event():
    # (the article's ceremony spoken of by its kind: 出席典礼, 颁奖典礼上)
    assert event_names("县领导出席典礼并为获奖教师颁奖。") == set()
    assert event_names("全县共有32支球队参加邀请赛。") == set()


def test_a_programme_carried_on_for_months_is_no_event():
    """持续开展“…”活动: a campaign run for months (its one-off launch is the event, not it)."""
    assert event_names("今年3月以来，我县持续开展“文化惠民百村行”活动，已巡回演出86场。") == set()
    assert event_names("近年来，云岭县常态化开展“体育+乡村”系列活动。") == set()
    # (the campaign launched on one day stays an event)
    assert "2025年云岭县“文化惠民百村行”活动" in event_names("3月2日，2025年云岭县“文化惠民百村行”活动在石桥村启动。")


def test_words_that_name_no_event():
    # a quote opening a speech is no name's start (说：“通过比赛，…)
    assert event_names("章小龙说：“通过比赛，我找到了差距。”") == set()
    # 各类 / 各项 before an activity word: a kind, no one event
    assert event_names("全县将举办各类招聘活动30余场。") == set()
    # a …提升年 campaign quoted is a campaign all the same
    assert event_names("据悉，“营商环境优化提升年”活动将贯穿全年。") == set()
    # (a quoted campaign closing its own quote stays: 开展“敲门行动”)
    assert event_names("5月6日，凤鸣社区开展“敲门行动”。") == {"“敲门行动”"}


def test_a_headline_names_the_event_with_words_left_out():
    """The headline's 弥勒…“欢乐彝乡”文艺汇演 and the body's 弥勒…2025年“欢乐彝乡”庆祝建州周年文艺汇演: one event."""
    out, got = facts_of("5月16日晚，云岭县2025年“欢乐梅乡”庆祝建县周年文艺汇演在柳湾镇石桥村上演。"
                        "副县长普红霞与村民一起观看了演出。", headline="云岭县“欢乐梅乡”文艺汇演走进柳湾镇")
    assert events_of(out) == {"云岭县2025年欢乐梅乡庆祝建县周年文艺汇演"}   # (labels are read without quotes)
    assert ("普红霞", "attended", "云岭县2025年欢乐梅乡庆祝建县周年文艺汇演") in got


def test_a_piece_performed_at_a_show_is_no_document():
    from kg.extract.mentions import find_documents
    assert find_documents("典礼在诗朗诵《师者如光》中落下帷幕。") == []
    assert find_documents("演出在舞蹈《阿细跳月》中拉开序幕。") == []
    # (a text is a document whatever stands before it)
    assert [d.text for d in find_documents("会上宣读了《云岭县文艺节目管理办法》。")] == ["云岭县文艺节目管理办法"]


def test_words_that_end_like_a_township_or_village_and_name_none():
    """侨胞回乡, “文化惠民百村行”, 全旗各苏木镇: going home, counting villages, the banner's townships."""
    for s in ("要搭建侨胞回乡投资兴业平台。", "我县持续开展“文化惠民百村行”活动。",
              "来自全旗各苏木镇、旗直单位的42支代表队参赛。", "全旗各苏木乡镇积极参与。"):
        out, _ = facts_of(s, home=("阿荣旗", "呼伦贝尔市", "内蒙古自治区"))
        assert not [k for t, k in out.entities if t == "Place" and k != "阿荣旗"], s


def test_announcing_the_start_is_no_part_of_a_project():
    """县委书记甲宣布项目开工: 宣布 stops the project's name (项目 alone names none)."""
    out, _ = facts_of("6月28日，云岭县重大项目集中开工仪式举行。县委书记冯国华宣布项目开工。")
    assert not [k for t, k in out.entities if t == "Project"]


# ---------------------------------------------------------------- where, and who was there

def test_a_festival_opens_at_its_venue():
    """…在X拉开帷幕 / 在X上演: X is where the festival or show was held."""
    _, got = facts_of("9月9日，2025年云岭县农民丰收节在柳湾镇石桥村拉开帷幕。")
    assert ("2025年云岭县农民丰收节", "heldAt", "石桥村") in got
    _, got = facts_of("5月6日晚，云岭县2025年“欢乐梅乡”文艺汇演在柳湾镇石桥村上演。")
    assert ("云岭县2025年欢乐梅乡文艺汇演", "heldAt", "石桥村") in got


def test_a_common_word_site_keeps_the_town_written_with_it():
    """加义镇文化广场: 文化广场 names a square of every town; the town is a part of its name, and the
    square is in the town."""
    _, got = facts_of("10月18日，2025年云岭县第五届油茶文化节在柳湾镇文化广场隆重开幕。")
    assert ("2025年云岭县第五届油茶文化节", "heldAt", "柳湾镇文化广场") in got
    assert ("柳湾镇文化广场", "locatedIn", "柳湾镇") in got
    # (a site named by a proper name keeps its own name: 青山工业园 after 龙潭镇, see the tours)
    out, _ = facts_of("县长杨文博到柳湾镇现代农业产业园调研。")
    assert ("Place", "柳湾镇现代农业产业园") not in set(out.entities)


def test_a_food_street_and_a_job_market_are_venues():
    _, got = facts_of("11月15日晚，第六届梅乡白茶美食节在桐山街道滨江美食街开幕。")
    assert any(p == "heldAt" and o.endswith("滨江美食街") for _, p, o in got)
    _, got = facts_of("2月8日，2025年云岭县“春风行动”暨就业援助月专场招聘会在县人力资源市场举行。")
    assert ("2025年云岭县春风行动暨就业援助月专场招聘会", "heldAt", "云岭县人力资源市场") in got


@pytest.mark.parametrize("body, who, event", [
    ("12月3日，2025云岭县梅乡文化论坛在县会展中心举行。县委副书记、县长黄振川出席论坛并致辞。",
     "黄振川", "2025云岭县梅乡文化论坛"),
    ("9月9日，云岭县2025年度“最美乡村医生”颁奖典礼在县文化中心举行。县委书记赵振东等县领导出席典礼。",
     "赵振东", "云岭县2025年度最美乡村医生颁奖典礼"),
    ("8月9日，2025年云岭县“美丽乡村”篮球邀请赛总决赛在石桥村举行。副县长岑晓丽出席总决赛并为获奖球队颁奖。",
     "岑晓丽", "2025年云岭县美丽乡村篮球邀请赛总决赛"),
    # the audience of a show
    ("5月6日晚，云岭县2025年“欢乐梅乡”文艺汇演在柳湾镇石桥村上演。副县长普红霞与村民一起观看了演出。",
     "普红霞", "云岭县2025年欢乐梅乡文艺汇演"),
    # a keynote speech at a forum
    ("12月3日，2025云岭县梅乡文化论坛在县会展中心举行。侨乡文化研究会会长李嘉华作主旨演讲。",
     "李嘉华", "2025云岭县梅乡文化论坛"),
])
def test_who_was_at_a_festival_ceremony_contest_or_show(body, who, event):
    _, got = facts_of(body)
    assert (who, "attended", event) in got


def test_branch_venues_listed_before_the_branch_word():
    """…在X主会场举行，A、B设分会场: A and B are venues too."""
    _, got = facts_of("6月28日上午，云岭县2025年第二季度重大项目集中开工仪式在柳湾镇青山工业园主会场举行，"
                      "石桥镇、梅林街道设分会场。")
    ev = "云岭县2025年第二季度重大项目集中开工仪式"
    assert {(ev, "heldAt", "青山工业园"), (ev, "heldAt", "石桥镇"), (ev, "heldAt", "梅林街道")} <= got


def test_the_close_of_the_articles_class_is_the_class():
    """培训班结业式在X举行: the close of the class named before; X is the class's venue, and whoever
    attends the close attends the class (no event 培训班结业式 of its own)."""
    home = ("隆德县", "固原市", "宁夏回族自治区")
    out, got = facts_of("近日，县人社局在沙塘镇新民村组织开展2025年度乡村工匠技能培训班。6月20日，培训班结业式在"
                        "县政府第二会议室举行，副县长田丽君出席结业式。县人社局局长苏建军表示，将为学员提供就业推荐。",
                        home=home)
    ev = "2025年度乡村工匠技能培训班"
    assert events_of(out) == {ev}
    assert {(ev, "heldAt", "新民村"), (ev, "heldAt", "隆德县政府第二会议室"), ("田丽君", "attended", ev),
            ("苏建军", "attended", ev)} <= got


def test_an_invited_teacher_is_not_of_a_body_called_invite():
    """邀请X学校副校长甲: 邀请 is the verb before the body, no part of its name."""
    _, got = facts_of("培训班为期10天，邀请县职业技术学校副校长马海燕等4名专业教师授课。",
                      home=("隆德县", "固原市", "宁夏回族自治区"))
    assert ("马海燕", "memberOf", "隆德县职业技术学校") in got


def test_those_who_lead_or_join_the_viewing_of_an_on_site_meeting_attended_it():
    """观摩会: 县长甲带领与会人员先后来到A、B…; 乙等参加观摩: both were at the meeting. (Whether the
    stops are its venues is left open: the meetings suite's gold says no, this suite's gold says yes.)"""
    _, got = facts_of("10月9日，云岭县2025年第三季度重点项目观摩会召开。县长郑春山带领与会人员先后来到柳湾镇大湾村和"
                      "云岭经济开发区，实地观摩了竹木精深加工项目。县人大常委会主任陈光亮等县领导参加观摩。")
    ev = "云岭县2025年第三季度重点项目观摩会"
    assert {("陈光亮", "attended", ev), ("郑春山", "attended", ev)} <= got


def test_what_one_does_at_a_ceremony_puts_one_there():
    """共同为基地揭牌 / 为获奖选手颁奖 / 为青年解读政策: the doer was at the article's event."""
    _, got = facts_of("4月12日，云岭县青年创业孵化基地揭牌仪式在柳湾街道举行。县委副书记周志平、副县长毛丽华共同为基地揭牌。")
    for who in ("周志平", "毛丽华"):
        assert (who, "attended", "云岭县青年创业孵化基地揭牌仪式") in got


def test_a_bare_ceremony_word_after_attend_is_the_ceremony_named_before():
    """推介会上举行了…签约仪式。…甲出席签约仪式: the ceremony, not the fair."""
    _, got = facts_of("9月26日，云岭县2025年预制菜产业招商推介会在县会展中心举行。推介会上举行了项目集中签约仪式，"
                      "12个项目现场签约。县委书记李国林出席签约仪式。")
    assert ("李国林", "attended", "项目集中签约仪式") in got
    assert ("李国林", "attended", "云岭县2025年预制菜产业招商推介会") not in got


def test_bodies_of_the_genre():
    """a design institute, a theatre; 首批已有 is no part of a company's name."""
    out, got = facts_of("12月20日晚，云岭县第十二届文化艺术节闭幕式在县大剧院举行。会前，邀请陇原旅游规划设计院院长吴立山授课。"
                        "首批已有浙西电商科技有限公司等16家企业入驻。")
    orgs = {k for t, k in out.entities if t == "Organization"}
    assert {"云岭县大剧院", "陇原旅游规划设计院", "浙西电商科技有限公司"} <= orgs
    assert ("吴立山", "memberOf", "陇原旅游规划设计院") in got


@pytest.mark.parametrize("sentence, name", [
    ("在焊工项目中，梅乡机械有限公司选手章小川获得第一名。", "章小川"),
    ("敬南镇队员黄文华说：“大家都很自豪。”", "黄文华"),
    ("现场，求职者王晓川与云岭恒泰新材料有限公司达成就业意向。", "王晓川"),
    ("结业式上，学员代表赵春燕展示了自己绣制的香包作品。", "赵春燕"),
])
def test_the_contestants_players_trainees_and_job_seekers_are_persons(sentence, name):
    x = mention_sentence(Sentence.of(sentence, 0, 0), frozenset(), HOME)
    assert name in {m.text for m in x.all() if m.type == "Person"}


def test_a_headline_for_the_whole_home_names_the_class_opened_in_the_body():
    """全市…培训班开班 over 新沂…培训班开班仪式: one event (the home written 全市, the opening after)."""
    out, _ = facts_of("5月8日，云岭县2025年家政服务技能培训班开班仪式在县职业技术培训中心举行。县妇联主席周晓云出席开班仪式并讲话。",
                      headline="全县家政服务技能培训班开班")
    assert len(events_of(out)) == 1


def test_the_headlines_event_named_in_full_by_the_body():
    """东乡区“理论进基层”百场宣讲会走进孝岗镇 / 东乡区2025年“理论进基层”百场宣讲会首场宣讲在…举行: one event,
    even where the headline's is the article's event."""
    out, _ = facts_of("3月12日，云岭县2025年“理论进基层”百场宣讲会首场宣讲在柳湾镇政府举行。宣讲会由县委宣传部主办。",
                      headline="云岭县“理论进基层”百场宣讲会走进柳湾镇")
    assert len(events_of(out)) == 1


def test_a_home_whose_name_opens_with_a_stop_word_is_found():
    """和静县2025年度…: 和 opens the home's name here, it joins nothing."""
    out, got = facts_of("12月5日，和静县2025年度安全生产知识竞赛颁奖典礼在县融媒体中心举行。",
                        home=("和静县", "巴音郭楞蒙古自治州", "新疆维吾尔自治区"))
    assert ("Place", "和静县") in set(out.entities)
    assert ("和静县2025年度安全生产知识竞赛颁奖典礼", "organizedBy", "和静县") in got


@pytest.mark.parametrize("sentence, name", [
    ("副县长艾尔肯·买买提出席典礼并为获奖单位颁奖。", "艾尔肯·买买提"),
    ("县委书记阿不都·热合曼主持会议。", "阿不都·热合曼"),
])
def test_a_name_of_two_parts_joined_by_a_middle_dot_after_a_title(sentence, name):
    x = mention_sentence(Sentence.of(sentence, 0, 0), frozenset(), HOME)
    assert name in {m.text for m in x.all() if m.type == "Person"}


def test_more_people_and_places_of_the_genre():
    # a veteran at a job fair, a student athlete taking the oath, a 推介 given at a fair, a games' ground
    x = mention_sentence(Sentence.of("退役军人李国强与阿胶城物流有限公司签订了意向协议。", 0, 0), frozenset(), HOME)
    assert "李国强" in {m.text for m in x.all() if m.type == "Person"}
    _, got = facts_of("4月18日，云岭县第八届中小学生运动会在县体育场开幕。运动员代表、县第一中学学生蒙小花宣誓。"
                      "县委常委、宣传部部长胡晓云作推介。")
    ev = "云岭县第八届中小学生运动会"
    assert {(ev, "heldAt", "云岭县体育场"), ("蒙小花", "attended", ev), ("胡晓云", "attended", ev)} <= got
    from kg.extract.mentions import find_documents
    assert find_documents("刘二牛凭借一曲《黄河船夫谣》夺得一等奖。") == []


def test_what_the_fourth_batch_exposed():
    # a Mongolian festival named 那达慕; a title won after a contest's name (比赛冠军) names no event
    assert "巴林右旗大板镇第十届“赛罕乌拉”那达慕" in event_names("7月20日，巴林右旗大板镇第十届“赛罕乌拉”那达慕在镇草原文化广场开幕。")
    assert event_names("查干沐沦嘎查牧民巴图获得搏克比赛冠军。") == set()
    x = mention_sentence(Sentence.of("查干沐沦嘎查牧民巴图获得搏克比赛冠军。", 0, 0), frozenset(), HOME)
    assert "巴图" in {m.text for m in x.all() if m.type == "Person"}
    # a village hall, named with its village; a work's title is no document
    _, got = facts_of("10月26日，2025年云岭县“青瓷杯”摄影大赛颁奖仪式在宝溪乡溪头村文化礼堂举行。")
    assert ("溪头村文化礼堂", "locatedIn", "溪头村") in got
    from kg.extract.mentions import find_documents
    assert find_documents("摄影爱好者陈静以作品《窑火千年》获得金奖。") == []
    # a professor and a welcome speech
    _, got = facts_of("11月8日，第二届梅江港航物流发展论坛在县海滨大酒店举行。县委书记林志山致欢迎辞，"
                      "闽南航运学院教授郭建明作主题演讲。")
    ev = "第二届梅江港航物流发展论坛"
    assert {("林志山", "attended", ev), ("郭建明", "attended", ev), ("郭建明", "memberOf", "闽南航运学院")} <= got


def test_hosts_after_a_guiding_body_and_after_the_events_short_name():
    """本次竞赛由A指导，B、C协办: B and C co-organized it (A guided); 文化旅游节由A、B联合举办: the
    sentence opening with the event's short name speaks of the event."""
    _, got = facts_of("近日，县总工会组织开展2025年职工劳动技能竞赛。本次竞赛由市总工会指导，县人社局、县工信局协办。")
    ev = "2025年职工劳动技能竞赛"
    assert {(ev, "organizedBy", "云岭县人社局"), (ev, "organizedBy", "云岭县工信局")} <= got
    assert not any(o.endswith("市总工会") for s_, p, o in got if p == "organizedBy")
    _, got = facts_of("9月26日，云岭县第三届“玉雕之乡”文化旅游节在县会展中心开幕。文化旅游节由县委宣传部、县文旅局联合举办，石佛寺镇承办。")
    ev = "云岭县第三届玉雕之乡文化旅游节"
    assert {(ev, "organizedBy", "云岭县委宣传部"), (ev, "organizedBy", "云岭县文旅局"), (ev, "organizedBy", "石佛寺镇")} <= got


# ---------------------------------------------------------------- by whom

def test_the_county_after_the_year_names_the_event():
    """2025年云岭县第五届…节: the county the name opens with after its year organized it."""
    _, got = facts_of("10月18日，2025年云岭县第五届油茶文化节在柳湾镇文化广场开幕。")
    assert ("2025年云岭县第五届油茶文化节", "organizedBy", "云岭县") in got


def test_a_body_inside_a_hosts_name_is_no_host():
    """由县委农村工作领导小组办公室、县农业农村局主办: the office hosts, not the 县委 its name opens with."""
    _, got = facts_of("9月23日，云岭县2025年“中国农民丰收节”庆祝活动在柳湾镇石桥村拉开帷幕。"
                      "活动由县委农村工作领导小组办公室、县农业农村局主办。")
    ev = "云岭县2025年中国农民丰收节庆祝活动"
    assert (ev, "organizedBy", "云岭县委农村工作领导小组办公室") in got
    assert (ev, "organizedBy", "云岭县委") not in got


def test_the_countys_lecturers_are_a_body():
    out, _ = facts_of("5月6日，云岭县民法典宣传活动在县人民广场举行。县普法讲师团成员为群众提供法律咨询。")
    assert ("Organization", "云岭县普法讲师团") in set(out.entities)


def test_a_resident_quoted_at_the_festival_was_there():
    _, got = facts_of("9月9日，2025年云岭县农民丰收节在柳湾镇石桥村拉开帷幕。"
                      "活动现场，石桥村村民刘满山高兴地说：“今年猕猴桃又是大丰收。”")
    assert ("刘满山", "attended", "2025年云岭县农民丰收节") in got


def test_towns_among_the_co_hosts():
    """…承办，A镇、B镇协办: the towns co-organized it, as the bodies before them did."""
    _, got = facts_of("5月20日，云岭县第十届全民运动会在县体育中心开幕。"
                      "运动会由县委、县政府主办，县教育体育局承办，柳湾镇、石桥镇协办。")
    ev = "云岭县第十届全民运动会"
    assert {(ev, "organizedBy", "柳湾镇"), (ev, "organizedBy", "石桥镇"),
            (ev, "organizedBy", "云岭县教育体育局")} <= got


def test_the_overseas_chinese_federation_is_a_body():
    _, got = facts_of("12月3日，2025梅乡侨乡文化论坛在县会展中心举行。论坛由县委统战部、县侨联主办。")
    assert ("2025梅乡侨乡文化论坛", "organizedBy", "云岭县侨联") in got


def test_a_researcher_of_an_institute_speaks_at_a_forum():
    _, got = facts_of("12月3日，2025梅乡侨乡文化论坛在县会展中心举行。华南侨务研究院研究员冯启文作主旨演讲。")
    assert any(s == "冯启文" and p == "holdsPost" and o.endswith("研究员") for s, p, o in got)
    assert ("冯启文", "memberOf", "华南侨务研究院") in got
    assert ("冯启文", "attended", "2025梅乡侨乡文化论坛") in got


def test_a_ceremony_held_during_a_fair_is_named_after_held():
    """推介会上举行了…签约仪式: 了 after the verb does not hide the ceremony's name."""
    assert "重大项目集中签约仪式" in event_names("推介会上举行了重大项目集中签约仪式，7个项目现场签约。")
    # (a ceremony word alone after 举行了 stays the article's, no event of its own)
    assert event_names("推介会上举行了签约仪式。") == set()


# ---------------------------------------------------------------- the invented articles

# the pooled figures over thirty-six articles (entity F1 0.962, relation F1 0.930). First reads, before
# the fixes they exposed: e01-e18 0.922 / 0.843 (Event 0.625, heldAt 0.537, organizedBy 0.777, attended
# 0.686); e19-e24, written after the first fixes, 0.902 / 0.880 (heldAt 0.353); e25-e30, written after
# the second, 0.895 / 0.775; e31-e36, after the third, 0.911 / 0.783. A change may move them freely
# above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.955, 0.92


@pytest.fixture(scope="module")
def event_scores(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("events")
    return score_suite(FIXTURES, root)



def test_the_invented_event_articles_score_above_their_floors(event_scores):
    assert event_scores["entities"] >= ENTITY_FLOOR, event_scores
    assert event_scores["relations"] >= RELATION_FLOOR, event_scores
