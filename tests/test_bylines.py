"""The web's bylines and datelines (kg.text.bylines, and kg.text.articles reading web article files).

Every article here is invented in the genre; the outlets (青山网, 红枫网清河站, 青山融媒) and
names are made up."""
import re

import pytest

from kg.text.articles import split_page
from kg.text.bylines import bare_names, closing, dateline, is_web_byline, opening, parse_byline
from kg.text.clean import clean
from kg.build.work import extract_source

HEAD = "青山区召开项目推进会"
BODY = "3月8日,青山区召开项目推进会。区长周涛主持会议。\n会议要求,要加快项目建设。\n"


def one(raw):
    """The single article of a web file, and the page."""
    page = split_page("w.txt", raw)
    assert len(page.articles) == 1, [a.body for a in page.articles]
    return page.articles[0]


def check(a, reporters=(), photographers=(), headline=HEAD):
    assert (a.reporters, a.photographers, a.headline) == (tuple(reporters), tuple(photographers), headline)
    assert a.body.startswith("3月8日,青山区召开"), a.body[:20]    # no dateline, no byline
    assert a.body.endswith("要加快项目建设。"), a.body[-20:]
    assert a.date == "--03-08"


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("opening_line, reporters", [
    ("本网讯 ", ()),
    ("青山网讯 ", ()),
    ("红枫网清河站讯", ()),
    ("青山融媒讯:", ()),
    ("青山网讯(记者 刘明 通讯员 陈红 孙丽)", ("刘明", "陈红", "孙丽")),
    ("青山网讯(记者刘明 通讯员陈红)", ("刘明", "陈红")),
    ("青山网讯（记者　刘明　通讯员　陈红）", ("刘明", "陈红")),    # full-width, ideographic spaces
    ("本网讯(青山网记者 刘明)", ("刘明",)),                         # the outlet is no name
    ("青山融媒讯(青山融媒记者 刘明 报道)", ("刘明",)),
    ("青山新闻3月9日讯(通讯员 刘明 陈红 孙丽)", ("刘明", "陈红", "孙丽")),   # filed on a date
    ("青山网江城3月9日电(记者 刘明)", ("刘明",)),                               # 电 after a place and date
    ("新华社江城3月9日电 ", ()),
    ("据青山网报道,", ()),
    ("据青山网记者刘明报道:", ("刘明",)),
    ("(记者 刘明 通讯员 陈红、孙丽)", ("刘明", "陈红", "孙丽")),
    ("记者 刘明 ", ("刘明",)),
    ("通讯员:刘明 ", ("刘明",)),
])
def test_dateline_and_byline_leave_the_body(opening_line, reporters):
    a = one(f"{HEAD}\n\n{opening_line}{BODY}")
    check(a, reporters)


def test_dateline_without_headline():
    a = one("青山网讯 " + BODY)
    check(a, headline=None)


def test_dateline_parts():
    s = clean("红枫网清河站讯（记者　刘明）3月8日，青山区").strip()
    end, credit = dateline(s)
    assert s[end:].startswith("3月8日") and credit.reporters == ("刘明",)
    assert dateline("3月8日,青山区召开会议") is None
    assert dateline("区里发来喜讯,青山区获奖") is None       # 讯 in a word, no outlet before it
    assert dateline("加强通讯网络建设") is None
    assert dateline("青山网络电视台开播") is None             # 电 in a word, no date before it
    assert dateline("3月9日电话会议召开") is None


def test_text_opening_like_a_byline_stays():
    # "记者从…获悉" is reporting, not a byline: nothing follows the "name" that ends a byline.
    s = "记者从青山区获悉,全区项目加快推进。"
    assert opening(s) == (0, opening(s)[1]) and not opening(s)[1]


# ---------------------------------------------------------------- byline lines

@pytest.mark.parametrize("line, reporters, photographers", [
    ("记者 刘明", ("刘明",), ()),
    ("通讯员:刘明", ("刘明",), ()),
    ("记者 刘明 通讯员 陈红 孙丽", ("刘明", "陈红", "孙丽"), ()),
    ("文/刘明", ("刘明",), ()),
    ("文/图 刘明", ("刘明",), ("刘明",)),
    ("文/刘明 图/陈红", ("刘明",), ("陈红",)),
    ("摄影 陈红", (), ("陈红",)),
    ("图/陈红", (), ("陈红",)),
])
def test_byline_line_before_the_body(line, reporters, photographers):
    a = one(f"{HEAD}\n\n{line}\n{BODY}")
    check(a, reporters, photographers)


@pytest.mark.parametrize("tail, reporters, photographers", [
    ("(刘明 陈红)", ("刘明", "陈红"), ()),
    ("（刘明　陈红）", ("刘明", "陈红"), ()),
    ("(刘明、陈红)", ("刘明", "陈红"), ()),
    ("(记者 刘明 通讯员 陈红)", ("刘明", "陈红"), ()),
    ("记者 刘明", ("刘明",), ()),
    ("摄影 陈红", (), ("陈红",)),
    ("(陈红 摄)", (), ("陈红",)),
    ("编辑:王芳", (), ()),
    ("责任编辑:王芳 审核:赵强", (), ()),
    ("编辑:王芳\n审核:赵强", (), ()),
    ("(青山区委宣传部)", (), ()),         # a body's credit: no name, and no headline either
])
def test_byline_closing_the_article(tail, reporters, photographers):
    a = one(f"{HEAD}\n\n{BODY}{tail}\n")
    check(a, reporters, photographers)


def test_closing_credit_on_the_last_line():
    a = one(f"{HEAD}\n\n{BODY.rstrip()}(刘明 陈红)\n")
    check(a, ("刘明", "陈红"))


def test_photo_credits_in_a_web_article_do_not_split_it():
    raw = f"{HEAD}\n\n(陈红 摄)\n3月8日,青山区召开项目推进会。图为会议现场。(孙丽 摄)\n会议要求,要加快项目建设。\n"
    a = one(raw)
    assert a.kind == "news" and set(a.photographers) == {"陈红", "孙丽"}
    assert a.body.startswith("3月8日") and a.body.endswith("要加快项目建设。")


def test_web_headline_with_a_comma_is_the_headline():
    head = "抓项目,促发展:青山区召开项目推进会"
    a = one(f"{head}\n\n{BODY}")
    check(a, headline=head)


# ---------------------------------------------------------------- names

def test_parse_byline_roles():
    assert parse_byline("记者 刘明 通讯员 陈红 孙丽").reporters == ("刘明", "陈红", "孙丽")
    assert parse_byline("通讯员高丽 吴涛").reporters == ("高丽", "吴涛")
    c = parse_byline("文/刘明 图/陈红")
    assert (c.reporters, c.photographers) == (("刘明",), ("陈红",))
    c = parse_byline("文/图 刘明")
    assert (c.reporters, c.photographers) == (("刘明",), ("刘明",))
    assert not parse_byline("编辑:王芳 审核:赵强")
    # outlets and title words are no names
    assert parse_byline("青山网记者 刘明").reporters == ("刘明",)
    assert parse_byline("青山融媒 记者 刘明 报道").reporters == ("刘明",)
    assert parse_byline("记者 主任 刘明").reporters == ("刘明",)


def test_bare_names():
    assert bare_names("刘明 陈红") == ("刘明", "陈红")
    assert bare_names("刘明、陈红") == ("刘明", "陈红")
    assert bare_names("欧阳晓明") == ("欧阳晓明",)
    assert bare_names("青山区委宣传部") == ()          # too long for a name
    assert bare_names("区委办") == ()                    # 区 is a surname, 办 ends a body
    assert bare_names("刘明 主任") == ()                 # a title: the whole credit is no byline
    assert bare_names("完") == ()


def test_is_web_byline():
    assert is_web_byline("文/图 刘明")
    assert is_web_byline("摄影:陈红")
    assert is_web_byline("编辑:王芳 审核:赵强")
    assert not is_web_byline("摄影展开幕")               # 摄影 needs a space or colon before names
    assert not is_web_byline("审核通过")
    assert not is_web_byline("摄影 大赛启动")            # no name opens with a surname
    assert not is_web_byline("记者从青山区获悉,项目加快推进")


def test_closing_parts():
    s = "会议要求,要加快项目建设。(刘明 陈红)"
    end, credit = closing(s)
    assert s[:end] == "会议要求,要加快项目建设。" and credit.reporters == ("刘明", "陈红")
    s = "会议审议了有关事项(草案)"              # a parenthesis closing a sentence's words
    assert closing(s)[0] == len(s)
    s = "会议要求,要加快项目建设。(完)"
    assert closing(s)[0] == len(s)


# ---------------------------------------------------------------- into the graph

def test_extractor_sees_no_dateline_and_credits_the_reporters():
    raw = f"{HEAD}\n\n青山网讯(青山网记者 刘明 通讯员 陈红){BODY}编辑:王芳\n"
    nt = extract_source("w.txt", raw).nt.decode()
    # a person's IRI is the name and, where the page has a home, its area (kg.extract.identity)
    person = "<https://w3id.org/govkg/resource/person/"
    assert re.search(f"<https://w3id.org/govkg/ontology#reporter> {person}刘明(%23[^>]*)?>", nt)
    assert re.search(f"<https://w3id.org/govkg/ontology#reporter> {person}陈红(%23[^>]*)?>", nt)
    assert re.search(f"{person}周涛(%23[^>]*)?> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", nt)
    # the outlet, its dateline and the editor are nowhere in the graph
    assert "青山网" not in nt and "网讯" not in nt and "王芳" not in nt


def test_paper_page_is_not_a_web_file():
    # A page of the paper: blank lines between units; two articles, the photo caption apart.
    raw = ("\n\n本报讯(通讯员刘明)3月8日,青山区召开项目推进会。\n\n会议要求,要加快项目建设。\n\n"
           "本报讯(通讯员陈红)近日,青山区开展植树活动。\n\n"
           "3月9日,志愿者在青山公园植树。\n\n(孙丽 摄)\n")
    page = split_page("p.txt", raw)
    assert [(a.kind, a.reporters, a.photographers) for a in page.articles] == [
        ("news", ("刘明",), ()), ("news", ("陈红",), ()), ("photo", (), ("孙丽",))]


@pytest.mark.parametrize("raw, reporters", [
    ("标题一二三\n\n本报讯 记者钱小明报道：3月2日，县委召开会议。", ("钱小明",)),
    ("标题一二三\n\n3月2日，县委召开会议。会议要求抓好落实。\n记者｜钱小明", ("钱小明",)),
])
def test_a_filler_after_a_name_and_a_bar_between_role_and_name(raw, reporters):
    assert split_page("x.txt", raw).articles[0].reporters == reporters


@pytest.mark.parametrize("raw, reporters", [
    ("标题一二三\n\n3月2日，县委召开会议。会议要求抓好落实。(钱小明 弓芳芳)", ("钱小明", "弓芳芳")),
    ("标题一二三\n\n3月2日，县委召开会议。会议要求抓好落实。(青山日报西城记者站 钱小明 )", ("钱小明",)),
])
def test_closing_credits_of_rarer_surnames_and_of_an_outlets_correspondent(raw, reporters):
    a = split_page("x.txt", raw).articles[0]
    assert a.reporters == reporters and a.body.endswith("抓好落实。")
