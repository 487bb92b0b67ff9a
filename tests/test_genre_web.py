"""Web articles as government sites and county media print them: the source and date line, the
font-size and share widgets, bylines in their many forms, datelines, captions, columns of short items
(简讯, 工作动态), Q&A interviews, a bureau's 工作动态 and a prefecture's site writing about the home.
Constructions on invented lines, one case each, and the invented articles of tests/fixtures/genre_web
(fifteen homes, gold written by hand before the extractor saw them) scored with the project's evaluator.
Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite, labels
from kg.text.articles import split_page

FIXTURES = Path(__file__).parent / "fixtures" / "genre_web"
HOME = ("青山县", "临江市", "江西省")


def facts_of(raw: str, home=HOME):
    return invented.facts_of(raw, home)


# ---------------------------------------------------------------- a site's furniture

BODY = "本网讯（记者 刘晓燕 通讯员 王建平）3月8日，县委书记陈立民主持召开县委常委会会议。\n会议要求，要抓好春耕生产。\n"


@pytest.mark.parametrize("furniture", [
    "来源：青山县融媒体中心　发布时间：2025-03-09 10:20　浏览次数：315",
    "发布时间：2025-03-09　来源：青山县人民政府网　字号：[大][中][小]",
    "2025-03-09 10:20　来源：青山县融媒体中心",
    "信息来源：县政府办公室　　发布日期：2025年03月09日　　点击数：89",
])
def test_a_source_and_date_line_below_the_headline_is_no_text(furniture):
    """The line between the headline and the body names the site (an outlet: no entity) and keeps
    the body's dateline and byline from opening the article."""
    page = split_page("w.txt", f"青山县召开县委常委会会议\n{furniture}\n【字体：大 中 小】\n{BODY}编辑：周晓雨　审核：何明\n分享到：\n")
    (a,) = page.articles
    assert a.headline == "青山县召开县委常委会会议"
    assert a.reporters == ("刘晓燕", "王建平")
    assert a.body.startswith("3月8日")
    assert a.date == "2025-03-08"           # the year from the date line
    out, _ = facts_of(f"青山县召开县委常委会会议\n{furniture}\n{BODY}")
    assert not any("融媒体" in o or "人民政府网" in o or "办公室" in o for o in labels(out, "Organization"))


def test_an_author_field_credits_the_article():
    (a,) = split_page("w.txt", "柳镇开展植树活动\n作者：林小雨　　来源：青山县融媒体中心　　时间：2025-03-12\n"
                               "3月11日，柳镇组织干部群众在石塘村植树。\n").articles
    assert a.reporters == ("林小雨",)
    assert a.body.startswith("3月11日")


@pytest.mark.parametrize("line, words", [
    ("来源：县财政局。会议强调，要加强预算管理。", "来源:县财政局"),   # a sentence end: text, not a field line
    ("时间紧、任务重，各单位要抓紧推进。", "时间紧"),
    ("作者与读者见面会在县图书馆举行。", "作者与读者"),
])
def test_a_sentence_that_opens_like_a_field_is_kept(line, words):
    page = split_page("w.txt", f"青山县召开推进会\n\n3月8日，县长张建国主持召开推进会。\n{line}\n")
    assert words in page.articles[0].body


def test_print_and_close_widgets_are_no_text():
    (a,) = split_page("w.txt", "青山县召开推进会\n\n3月8日，县长张建国主持召开推进会。\n【打印本页】【关闭窗口】\n").articles
    assert a.body.endswith("推进会。")


# ---------------------------------------------------------------- a headline with no blank line below

def test_a_headline_right_above_a_dateline_is_the_headline():
    """永胜：… on the first line, the outlet's dateline on the next: the headline is not glued to the
    dateline (no place 节丽江), and the dateline's byline credits the article."""
    out, _ = facts_of("石门：柳镇举办首届杨梅采摘节\n青山网石门3月2日电（通讯员 何晓丽）3月1日，柳镇首届杨梅采摘节在翠湖村开幕。\n")
    (a,) = split_page("w.txt", "石门：柳镇举办首届杨梅采摘节\n青山网石门3月2日电（通讯员 何晓丽）3月1日，柳镇首届杨梅采摘节在翠湖村开幕。\n").articles
    assert a.headline == "石门:柳镇举办首届杨梅采摘节" and a.reporters == ("何晓丽",)
    assert not any(p.startswith("节") for p in labels(out, "Place"))


def test_a_first_line_that_is_a_sentence_is_no_headline():
    (a,) = split_page("w.txt", "3月8日，县长张建国主持召开推进会。\n会议要求，要加快项目建设。\n").articles
    assert a.headline is None and a.body.startswith("3月8日")


# ---------------------------------------------------------------- columns of short items

def test_bulleted_items_each_with_a_date_are_articles():
    """■ 6月3日… / ■ 6月4日… run together on a site's page: one article each, so that a tour of one
    item is not joined to the leader of another."""
    raw = ("【工作动态】\n■ 6月3日，县委书记陈立民主持召开县委常委会会议。（县委办）\n"
           "■ 6月4日，县长张建国到柳湾镇石塘村调研防汛工作。\n■ 6月5日，副县长李红到县经济开发区视察项目建设。\n")
    page = split_page("w.txt", raw)
    assert len(page.articles) == 3
    assert [a.date for a in page.articles] == ["--06-03", "--06-04", "--06-05"]
    _, got = facts_of(raw)
    assert ("张建国", "inspected", "石塘村") in got
    assert ("李红", "inspected", "石塘村") not in got


def test_a_column_label_and_a_units_credit_are_no_text():
    """【工作动态】 heads no item; (县委办) closing an item names the unit that sent it, no body of the
    item's facts (as a credit on a line of its own)."""
    raw = ("【工作动态】\n■ 6月3日，县委书记陈立民主持召开县委常委会会议。（县委办）\n"
           "■ 6月4日，县长张建国到柳湾镇石塘村调研防汛工作。（县应急管理局供稿）\n")
    page = split_page("w.txt", raw)
    assert [a.headline for a in page.articles] == [None, None]
    assert page.articles[0].body.endswith("会议。") and page.articles[1].body.endswith("工作。")
    out, _ = facts_of(raw)
    assert not ({"青山县委办", "青山县应急管理局"} & labels(out, "Organization"))


def test_a_parenthesis_that_is_a_sentence_part_stays():
    (a,) = split_page("w.txt", "青山县召开推进会\n\n3月8日，全县共有企业56家（其中规上企业12家）\n").articles
    assert a.body.endswith("12家)")


def test_a_bullet_before_a_sentence_with_no_date_joins_no_new_article():
    page = split_page("w.txt", "青山县召开推进会\n\n3月8日，县长张建国主持召开推进会。\n■ 会议要求，要加快项目建设。\n")
    assert len(page.articles) == 1


# ---------------------------------------------------------------- meetings of a site's news

@pytest.mark.parametrize("sessions", ["全国两会", "省两会"])
def test_the_sessions_a_meeting_studies_are_an_event(sessions):
    """传达学习全国两会精神: the sessions are a named event only referred to (like 党的二十大)."""
    out, got = facts_of(f"3月20日，县委召开常委会（扩大）会议，传达学习{sessions}精神。县委书记陈立民主持会议。")
    assert sessions in labels(out, "Event")
    assert not any(o == sessions and p == "attended" for _, p, o in got)


def test_a_bare_two_sessions_is_no_event():
    out, _ = facts_of("两会期间，县人大代表陈立民提交了关于乡村道路建设的建议。")
    assert not any("两会" in e for e in labels(out, "Event"))


def test_a_home_whose_name_reads_as_a_verb_organizes_its_meeting():
    """兴化市召开…: the home's own name is cut by nothing (兴化 also reads as a verb), so a county-level
    city's headline names the organizer of the 全市 meeting below it."""
    home = ("兴化市", "泰州市", "江苏省")
    out, got = facts_of("兴化市召开防汛抗旱工作会议\n\n6月12日，全市防汛抗旱工作会议召开。市长孙振宇出席会议并讲话。",
                        home=home)
    assert "兴化市" in labels(out, "Place")
    assert ("全市防汛抗旱工作会议", "organizedBy", "兴化市") in got


def test_the_villages_a_supervision_looks_at_are_inspected():
    """…带队深入A镇、B镇开展督查，实地查看了A镇X村、B镇Y村的整改情况: 查看 as 察看 lists stops."""
    _, got = facts_of("近日，县自然资源局局长杨志军带队深入柳湾镇、石门镇开展耕地保护专项督查，"
                      "实地查看了柳湾镇石塘村、石门镇青山村的违法用地整改情况。")
    assert {("杨志军", "inspected", "石塘村"), ("杨志军", "inspected", "青山村")} <= got
    assert ("石塘村", "locatedIn", "柳湾镇") in got


def test_looking_at_progress_names_no_stop():
    _, got = facts_of("县长杨志军带队督查重点项目，查看了项目进展情况和安全生产措施落实情况。")
    assert not any(p == "inspected" for _, p, _ in got)


# ---------------------------------------------------------------- names of the homes' peoples

def test_a_dotted_name_after_a_chain_of_titles_is_the_last_titles():
    """县委副书记、县长艾力·买买提: the dotted name starts after 县长, not at the 、 before it."""
    out, got = facts_of("2月13日，县委副书记、县长艾力·买买提主持会议并讲话。")
    assert labels(out, "Person") == {"艾力·买买提"}
    assert {("艾力·买买提", "holdsPost", "县委副书记"), ("艾力·买买提", "holdsPost", "县长")} <= got


@pytest.mark.parametrize("name", ["才让东主", "才让卓玛", "才旦多杰"])
def test_a_tibetan_name_opening_with_cai_after_a_title(name):
    """县委常委、副县长才让东主: 才 (elsewhere "only") opens the commonest Tibetan names."""
    out, got = facts_of(f"县委常委、副县长{name}出席开班仪式并讲话。")
    assert name in labels(out, "Person")
    assert (name, "holdsPost", "副县长") in got


def test_cai_rang_in_a_sentence_is_no_name():
    out, _ = facts_of("会议要求，领导干部要真抓实干，县长才让群众满意。")
    assert not labels(out, "Person")


# ---------------------------------------------------------------- Q&A interviews

@pytest.mark.parametrize("marker", ["——访", "——专访"])
def test_the_interviewee_named_in_an_interview_headline(marker):
    """让…——访县文旅局局长X: 访 opens no body; the reporter's questions (记者:…) are no byline."""
    raw = (f"让非遗走进群众生活{marker}县文化旅游广电局局长麻小燕\n\n记者：今年有哪些举措？\n"
           "麻小燕：今年我们将举办第三届苗族银饰锻造技艺大赛。\n")
    out, got = facts_of(raw)
    assert ("麻小燕", "holdsPost", "县文化旅游广电局局长") in got
    assert ("麻小燕", "memberOf", "青山县文化旅游广电局") in got
    assert not any("访" in o for o in labels(out, "Organization") | labels(out, "Post"))
    assert split_page("w.txt", raw).articles[0].reporters == ()


def test_an_interviewee_names_a_craftsman_and_a_vocational_school():
    """我们联合县职业中专…，邀请国家级传承人X到校授课: 中专 ends a school's name; 传承人 is a role
    word before a name, as 选手 and 志愿者 are."""
    out, _ = facts_of("我们联合县职业中专开设了银饰锻造班，邀请国家级传承人龙玉英到校授课。")
    assert "青山县职业中专" in labels(out, "Organization")
    assert "龙玉英" in labels(out, "Person")


def test_no_school_and_no_person_in_words_of_the_kind():
    out, _ = facts_of("他中专毕业后回乡创业，非遗传承人制度不断完善。")
    assert not labels(out, "Organization") and not labels(out, "Person")


def test_a_petition_bureau_keeps_its_fang():
    _, got = facts_of("3月8日，县信访局局长张建国主持召开信访工作推进会。")
    assert ("张建国", "memberOf", "青山县信访局") in got


# ---------------------------------------------------------------- a bureau's 工作动态

@pytest.mark.parametrize("joined", ["联合", "与", "会同"])
def test_a_bureau_whose_name_holds_he_after_a_verb_of_joint_work(joined):
    """县市场监管局联合县教育和体育局: 和 inside the second bureau, opened by its level word after
    联合 (a bureau's own news names its partners so), is no list."""
    out, _ = facts_of(f"4月22日，县市场监管局{joined}县教育和体育局在县实验小学开展“食品安全进校园”宣传活动。")
    assert {"青山县市场监管局", "青山县教育和体育局"} <= labels(out, "Organization")


def test_a_deputy_after_the_bureau_heads_chain_is_the_bureaus():
    """县财政局党组书记、局长甲主持会议并讲话，副局长乙通报…: 副局长 is the deputy of the 局长 whose
    body the chain gave through its party group (a bureau's news writes its deputies bare)."""
    _, got = facts_of("4月16日，县财政局召开推进会。县财政局党组书记、局长程立新主持会议并讲话，副局长汪海燕通报了预算执行情况。")
    assert ("汪海燕", "memberOf", "青山县财政局") in got
    assert ("汪海燕", "holdsPost", "县财政局副局长") in got


def test_a_deputy_of_another_title_takes_no_body_from_the_head():
    _, got = facts_of("县财政局党组书记、局长程立新主持会议，副县长汪海燕出席。")
    assert ("汪海燕", "memberOf", "青山县财政局") not in got


def test_two_bureaus_joined_by_he_stay_two():
    out, _ = facts_of("县民政局和县卫生健康局联合开展义诊活动。")
    assert {"青山县民政局", "青山县卫生健康局"} <= labels(out, "Organization")


# ---------------------------------------------------------------- the invented articles

# First read of the fifteen articles (gold written before): entity F1 0.939, relation F1 0.951, 17 of 19
# articles, bylines 10 of 15; 0.971 and 0.957, all articles and bylines, once a site's furniture lines,
# a headline with no blank line below it and bulleted items were read. A change may move them freely
# above these floors. After the bodies, names and events of their last round: 0.995 and 0.975. Three
# more articles (w16-w18) read first at 0.980 and 0.945 pooled over eighteen; 0.996 and 0.974 after the
# names of the homes' peoples (dotted and Tibetan names after titles); 0.982 once a bureau's deputies
# follow its head.
ENTITY_FLOOR, RELATION_FLOOR = 0.995, 0.977


@pytest.fixture(scope="module")
def web_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("web"))


def test_the_invented_web_articles_score_above_their_floors(web_scores):
    assert web_scores["entities"] >= ENTITY_FLOOR, web_scores
    assert web_scores["relations"] >= RELATION_FLOOR, web_scores


def test_every_invented_web_article_and_byline_is_found(web_scores):
    assert web_scores["articles"][0] == web_scores["articles"][1], web_scores
    assert web_scores["bylines"][0] == web_scores["bylines"][1], web_scores
