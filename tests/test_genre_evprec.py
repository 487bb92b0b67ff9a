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


# First read of e01-e10 (gold committed before the extractor read them, d7a9a87): entities F1 0.917
# (P 0.888 R 0.949), relations 0.885 (P 0.901 R 0.869); Event P 0.697 R 0.920 F1 0.793; attended 0.818,
# chaired 0.750, heldAt 0.750, organizedBy 0.769, reviewed 0.857, memberOf 0.963, holdsPost 0.988
# (0.926 / 0.905 against the gold corrected in 951e487). First read of e11-e16, written after the first
# fixes: entities 0.975, relations 0.922, Event P 0.812 R 1.000, attended 0.773, organizedBy 0.769.
# All sixteen after this round: 0.992 / 0.993, Event 38 right, none false, none missed. A change may
# move them freely above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.98, 0.98


@pytest.fixture(scope="module")
def evprec_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("evprec"))


def test_the_invented_event_name_articles_score_above_their_floors(evprec_scores):
    assert evprec_scores["entities"] >= ENTITY_FLOOR, evprec_scores
    assert evprec_scores["relations"] >= RELATION_FLOOR, evprec_scores


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


# ---------------------------------------------------------------- what names no event

@pytest.mark.parametrize("body", ["推选了大会各次全体会议的执行主席。", "县委组织部已举办同类培训班两期。",
                                  "全县要从严控制历次会议的陪会人员。"])
def test_a_kind_of_sitting_counted_or_compared_is_no_event(body):
    assert not events_of(body), events_of(body)


def test_a_campaign_whose_length_is_written_before_its_name_is_no_event():
    """开展为期一百天的“百日攻坚”行动: the length before the name makes it a campaign; a five-day class stays one."""
    assert not events_of("4月起全县将开展为期一百天的重大项目“百日攻坚”行动。")
    assert not events_of("全县开展为期三个月的“清河”行动。")
    assert events_of("5月19日，桃源县第三期乡村振兴人才培训班在县委党校开班，为期5天。") == {"桃源县第三期乡村振兴人才培训班"}


def test_an_activity_going_on_since_a_month_is_a_campaign():
    """全县“万名干部大走访”活动自3月开展以来: what has gone on since is a programme, not a happening."""
    assert not events_of("全县“万名干部大走访”活动自3月开展以来，已走访群众2.3万户。")
    assert not events_of("“护河”专项行动开展以来，共清理河道垃圾300吨。")


def test_two_activities_joined_by_yu_are_two_names():
    """把A活动与“B”活动结合起来: the first name closes at its suffix; it does not swallow the second."""
    got = events_of("7月1日，县委组织部机关党支部开展“初心如磐”主题党日活动。"
                    "要把主题党日活动与“万名干部大走访”活动结合起来。", ("沂南县", "临沂市", "山东省"))
    assert not any("与" in e for e in got), got
    # what the day's activity is combined with runs on: no event of its own
    assert got == {"初心如磐主题党日活动"} or got == {"“初心如磐”主题党日活动"}, got
    assert not events_of("要把志愿服务与“文明家庭”创建活动有机结合。")


def test_the_campaigns_listed_as_a_months_content_are_no_events():
    """“安全生产月”期间，将集中开展A集中整治行动、B专项行动等系列活动: campaigns, not sittings."""
    assert not events_of("“安全生产月”期间，全县将集中开展城镇燃气安全集中整治行动、“打非治违”专项行动等系列活动。")
    assert not events_of("此前，该县已印发工作方案，整治行动将持续至年底。")
    # a quoted activity held among a series stays one (genre_evnames)
    assert events_of("县妇联开展“清廉家风”宣传活动等系列活动。")


@pytest.mark.parametrize("verb", ["广泛开展", "陆续开展"])
def test_an_activity_pursued_broadly_or_one_after_another_is_no_event(verb):
    """广泛开展全民健身活动 / 年内还将陆续开展“…”系列培训活动: a kind pursued, a series over the year."""
    assert not events_of(f"要{verb}全民健身活动，推动体育强县建设。")
    assert not events_of(f"年内还将{verb}“徽州先锋”系列培训活动。")


# ---------------------------------------------------------------- meetings referred to

def test_another_citys_plenary_in_a_list_of_spirits_is_that_citys():
    """传达学习了省委…全会和盐城市委…全会精神: the second plenary opens with the city's committee, which
    holds it; a bare 市委…全会 on a county-level city's page stays the home's."""
    got = facts("全会传达学习了省委十四届十次全会和盐城市委八届十一次全会精神。", ("东台市", "盐城市", "江苏省"))
    assert ("盐城市委八届十一次全会", "organizedBy", "盐城市委") in got, got
    assert not any(s.startswith("东台市委八届") for s, _, _ in got), got
    got = facts("会议传达学习了市委八届十次全会精神。", ("东台市", "盐城市", "江苏省"))
    assert ("东台市委八届十次全会", "organizedBy", "东台市委") in got, got


def test_the_meeting_that_studies_a_list_of_spirits_reviews_the_document_after_them():
    """全会传达了A全会和B全会精神，审议通过了《…》: neither meeting of the list reviewed the document."""
    got = facts("7月18日，中国共产党东台市第十四届委员会第九次全体会议召开。全会传达学习了省委十四届十次全会和"
                "盐城市委八届十一次全会精神，审议通过了《中共东台市委关于深入推进沿海高质量发展的实施意见》。",
                ("东台市", "盐城市", "江苏省"))
    rev = {s for s, p, _ in got if p == "reviewed"}
    assert rev == {"中国共产党东台市第十四届委员会第九次全体会议"}, got


def test_yan_written_with_its_older_character_is_a_surname():
    """阎 beside 闫: 县政协主席阎秀英 is a person holding the post."""
    got = facts("县委书记冯志刚，县政协主席阎秀英在主席台就座。", ("平遥县", "晋中市", "山西省"))
    assert ("阎秀英", "holdsPost", "县政协主席") in got or ("阎秀英", "holdsPost", "平遥县政协主席") in got, got


@pytest.mark.parametrize("chain,body", [("南平市副市长", "南平市政府"), ("建阳区副区长", "建阳区政府")])
def test_another_areas_deputy_head_is_of_that_areas_government(chain, body):
    """南平市副市长甲: the title names the city; the body it implies is the city's government."""
    out, got = invented.facts_of(f"{chain}林慧芳出席活动。", ("武夷山市", "南平市", "福建省"))
    assert ("林慧芳", "memberOf", body) in got, got
    assert not any(t == "Organization" and k == chain[:3] for t, k in out.entities), out.entities


@pytest.mark.parametrize("verb", ["选举产生", "选出", "当选为"])
def test_an_election_verb_opens_no_body(verb):
    out, _ = invented.facts_of(f"大会将于10日举行闭幕会，{verb}平遥县监察委员会主任。", ("平遥县", "晋中市", "山西省"))
    assert {k for t, k in out.entities if t == "Organization"} == {"平遥县监察委员会"}, out.entities


def test_an_enlarged_standing_committee_meeting_is_the_partys_committees():
    """县委常委会（扩大）会议: written with its aside, the 常委会 meets as the 县委, as without it."""
    out, got = invented.facts_of("8月25日，县委书记李振东主持召开县委常委会（扩大）会议。", ("城固县", "汉中市", "陕西省"))
    assert ("城固县委常委会（扩大）会议", "organizedBy", "城固县委") in got, got
    assert ("Organization", "城固县委常委会") not in out.entities, out.entities


def test_a_leading_group_is_a_body_that_holds_its_numbered_meeting():
    """…调度会（县重大项目建设领导小组第三次会议）: the second name is the group's sitting; the group holds it."""
    out, got = invented.facts_of("城固县召开三季度重点项目建设调度会（县重大项目建设领导小组第三次会议）。",
                                 ("城固县", "汉中市", "陕西省"))
    assert ("三季度重点项目建设调度会", "organizedBy", "城固县重大项目建设领导小组") in got, got
    # the office of a group is the body; the group inside its name is none of its own
    out, _ = invented.facts_of("县委农村工作领导小组办公室组织召开会议。", ("城固县", "汉中市", "陕西省"))
    assert ("Organization", "城固县委农村工作领导小组") not in out.entities, out.entities


def test_where_the_articles_meeting_is_convened_by_its_kind_alone():
    """…推进会暨…观摩会。与会人员…观摩…，随后在县行政中心召开推进会: the joint sitting was held there."""
    got = facts("3月26日，天台县召开重大项目建设推进会暨“千项万亿”工程现场观摩会。与会人员首先实地观摩了部分重点项目"
                "建设现场，随后在县行政中心召开推进会。", ("天台县", "台州市", "浙江省"))
    assert ("重大项目建设推进会", "heldAt", "天台县行政中心") in got, got
    # another kind than the article's is another sitting, not its venue
    got = facts("3月26日，天台县召开重大项目建设推进会。当天下午，在县行政中心召开座谈会。", ("天台县", "台州市", "浙江省"))
    assert not any(p == "heldAt" for _, p, _ in got), got


@pytest.mark.parametrize("body,kind,home", [("市委常委会", "扩大会议", ("东台市", "盐城市", "江苏省")),
                                            ("县政府", "常务会议", TAOYUAN), ("县政协", "主席会议", TAOYUAN)])
def test_a_body_convening_its_own_kind_of_sitting_names_it(body, kind, home):
    """市委常委会召开扩大会议 / 县政府召开常务会议: the sitting is the body's, named by body and kind."""
    out, got = invented.facts_of(f"6月5日，{body}召开{kind}，研究部署近期工作。", home)
    evs = {label_of(t, k) for t, k in out.entities if t == "Event"}
    assert len(evs) == 1 and next(iter(evs)).endswith(body + kind), evs
    assert any(p == "organizedBy" for _, p, _ in got), got


def test_a_kind_of_sitting_whose_spirit_is_studied_is_no_sitting_of_the_body():
    assert not events_of("会议传达了县政府召开常务会议精神。")


def test_a_session_and_its_preparatory_meeting_name_one_congress():
    """平遥县第十八届人民代表大会第四次会议 … 县十八届人大四次会议预备会议: one body holds both."""
    out, got = invented.facts_of("1月8日，平遥县第十八届人民代表大会第四次会议在县会议中心开幕。"
                                 "1月7日下午，县十八届人大四次会议预备会议举行。", ("平遥县", "晋中市", "山西省"))
    bodies = {o for _, p, o in got if p == "organizedBy"}
    assert bodies == {"平遥县人大"}, got


def test_a_sessions_presidium_holds_its_numbered_meeting_and_its_members_stay_local():
    out, got = invented.facts_of("预备会议选举产生了大会主席团和秘书长。随后召开了大会主席团第一次会议。"
                                 "大会主席团常务主席冉启明主持开幕会。", ("平遥县", "晋中市", "山西省"))
    assert ("大会主席团第一次会议", "organizedBy", "大会主席团") in got, got
    assert ("Person", "冉启明#平遥县") in out.entities, out.entities   # not a national organ's member


def test_a_fair_whose_series_an_activity_belongs_to_is_the_event():
    """本次活动是第十七届…博览会系列活动之一: the fair is named; 系列活动之一 adds no name to it."""
    assert events_of("据了解，本次活动是第十七届海峡两岸茶业博览会系列活动之一。") == {"第十七届海峡两岸茶业博览会"}


def test_the_county_inside_a_branch_of_its_own_organ_names_no_place():
    """沂南县委组织部机关党支部: a branch of the county's own organ; the county is named only inside it.
    A centre named after its community (城东社区养老服务中心) still names the community."""
    out, _ = invented.facts_of("7月1日，沂南县委组织部机关党支部开展活动。", ("沂南县", "临沂市", "山东省"))
    assert not any(t == "Place" for t, _ in out.entities), out.entities
    out, _ = invented.facts_of("7月1日，城东社区养老服务中心开展活动。", ("沂南县", "临沂市", "山东省"))
    assert ("Place", "城东社区") in out.entities, out.entities


# ---------------------------------------------------------------- after the first fixes (e11-e16)

def test_a_festival_joined_to_a_contest_is_one_sitting_and_the_articles_event():
    """A丰收节暨第三届“…”擂台赛在X开幕: 擂台赛 ends a name; the joint sitting is the one its speakers are at."""
    got = facts("9月23日，兴宁市2025年中国农民丰收节暨第三届“客家美食”擂台赛在叶塘镇河西村开幕。副市长曾志华宣布开幕。"
                "开幕式后，现场还举行了农特产品展销会。", ("兴宁市", "梅州市", "广东省"))
    assert ("曾志华", "attended", "兴宁市2025年中国农民丰收节") in got, got
    assert ("兴宁市2025年中国农民丰收节", "heldAt", "河西村") in got, got


def test_an_enlarged_study_session_is_one_name():
    """2025年第五次集体学习（扩大）会议: the aside joins the session and its sitting word."""
    got = events_of("5月20日，县委理论学习中心组举行2025年第五次集体学习（扩大）会议。", ("鹿邑县", "周口市", "河南省"))
    assert len(got) == 1 and next(iter(got)).endswith("2025年第五次集体学习（扩大）会议"), got


@pytest.mark.parametrize("body", ["本期培训班为期5天，共有150名村干部参加。", "本届运动会由县委、县政府主办。"])
def test_this_editions_class_or_games_is_the_article_s_event_referred_back(body):
    assert not events_of(body), events_of(body)


def test_a_campaign_in_its_stages_is_no_event():
    """“百日攻坚”行动已进入决战阶段: what runs in stages is a campaign."""
    assert not events_of("王振宇强调，“百日攻坚”行动已进入决战阶段。")
    assert not events_of("全县“清源”行动正式进入集中整治阶段。")


def test_a_past_sitting_of_the_same_body_is_not_where_the_next_speaker_speaks():
    """此前，县政协召开…主席会议，…。熊立军要求…: the chair speaks at the article's 常委会议."""
    got = facts("6月26日，县政协召开十届十二次常委会议，县政协主席熊立军主持会议。此前，县政协召开十届二十一次主席会议，"
                "对本次常委会议各项议程进行了研究。熊立军要求，全体常委要围绕中心工作建言资政。", ("谷城县", "襄阳市", "湖北省"))
    assert not any(s == "熊立军" and "主席会议" in o for s, _, o in got), got


def test_a_speaker_at_a_closing_ceremony_after_others_spoke_attended():
    """结业式上，学员代表作了交流发言，甲对本期培训进行了总结: the clause's every named person was there."""
    got = facts("6月13日，思南县2025年第二期村干部能力提升培训班在县委党校举行结业式。结业式上，5名优秀学员代表作了"
                "交流发言，县委党校常务副校长冉光明对本期培训进行了总结。", ("思南县", "铜仁市", "贵州省"))
    assert ("冉光明", "attended", "思南县2025年第二期村干部能力提升培训班") in got, got


def test_a_document_issued_after_a_clause_of_study_is_not_reviewed():
    """会议传达学习了A精神，印发了《B》: B was issued; nothing reviewed it."""
    got = facts("8月12日，秦安县召开县安委会2025年第三次全体会议。会议还传达学习了全省安全生产电视电话会议精神，"
                "印发了《秦安县城镇燃气安全专项整治实施方案》。", ("秦安县", "天水市", "甘肃省"))
    assert not any(p == "reviewed" for _, p, _ in got), got
    got = facts("8月12日，秦安县召开县安委会2025年第三次全体会议。会议审议通过了《秦安县城镇燃气安全专项整治实施方案》。",
                ("秦安县", "天水市", "甘肃省"))
    assert any(p == "reviewed" for _, p, _ in got), got


def test_an_editions_ordinal_opens_no_village():
    """第二期村（社区）干部…培训班: 第二期 counts the class; 村 begins what the class is for."""
    out, _ = invented.facts_of("6月13日，思南县2025年第二期村（社区）干部能力提升培训班在县委党校举行结业式。",
                               ("思南县", "铜仁市", "贵州省"))
    assert not any(t == "Place" and k.startswith("第") for t, k in out.entities), out.entities


def test_the_chair_of_a_second_sitting_speaks_at_it_in_the_next_sentence():
    """…召开…调度会，副县长甲主持会议并讲话。甲要求…: the chair's next words are the sitting's."""
    got = facts("8月25日，县委书记李振东主持召开县委常委会会议。同日下午，城固县召开三季度重点项目建设调度会，"
                "副县长韩春梅主持会议并讲话。韩春梅要求，各责任单位要倒排工期。", ("城固县", "汉中市", "陕西省"))
    assert not any(s == "韩春梅" and "常委会" in o for s, _, o in got), got
