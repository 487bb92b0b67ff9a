"""Article segmentation: offsets, bylines, captions, detached headlines, dates, page year;
the sample corpus against its expected.json; the dev pages against gold when present."""
import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.text.articles import article_date, page_year, parse_names, split_page
from kg.samples import expected_path, paths as sample_paths

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)) if s else s


def test_parse_names():
    assert parse_names("通讯员高艳璇 吴申畅") == ("高艳璇", "吴申畅")
    assert parse_names("通讯吴申畅") == ("吴申畅",)               # the paper's typo
    assert parse_names("特约记者李文健") == ("李文健",)
    assert parse_names("记者 秦川 通讯员 白露") == ("秦川", "白露")
    assert parse_names("郑静怡 陈思思 摄") == ("郑静怡", "陈思思")


def test_page_year():
    assert page_year("落实2022年工作要点,2022年度任务,2021年以来成效") == 2022
    assert page_year("2025年招生,2025年方案,自2024年12月,到2035年基本实现,2022年以来") == 2025
    assert page_year("近日,区里召开会议。") is None


def test_article_date():
    assert article_date("8月24日,区里召开会议", 2022) == "2022-08-24"
    assert article_date("4月22日至25日,考察团", None) == "--04-22"
    assert article_date("2021年5月3日,活动", 2022) == "2021-05-03"
    assert article_date("近日,区里召开会议", 2022) is None
    assert article_date("每月1日、11日是赶集日", 2022) is None
    assert article_date("13月40日,错", 2022) is None


def test_fixture_page_segmentation():
    page = split_page("stacked.txt", (FIXTURES / "stacked.txt").read_text(encoding="utf-8"))
    assert page.year is None
    a, b, c = page.articles
    assert (a.kind, a.headline, a.reporters, a.date) == ("news", "区文旅局召开春季旅游安全工作会议", ("方若曦",), "--04-02")
    assert a.body.startswith("4月2日,区文旅局") and a.body.endswith("确保游客安全。")
    # Stacked headlines go to the article they match; the column label is dropped.
    assert (b.kind, b.headline, b.reporters, b.date) == ("news", "区政协委员视察老旧小区改造", ("秦川", "白露"), None)
    assert b.body.endswith("详细了解改造进度。")
    # A paragraph followed by a credit on its own line is a photo caption.
    assert (c.kind, c.headline, c.photographers) == ("photo", "“楼道亮了,路也平了”", ("吕洋",))
    assert c.body.startswith("“以前楼道黑") and c.body.endswith("笑着说。")


def test_offsets_are_exact_and_bodies_clean():
    raws = [(p.name, p.read_text(encoding="utf-8")) for p in sample_paths()]
    raws.append(("stacked.txt", (FIXTURES / "stacked.txt").read_text(encoding="utf-8")))
    for name, raw in raws:
        page = split_page(name, raw)
        last = -1
        for i, a in enumerate(page.articles, 1):
            assert a.n == i and a.source == name
            assert page.text[a.start:a.end] == a.body == a.text
            assert a.start > last
            last = a.end
            assert not a.body.startswith("本报讯") and "摄)" not in a.body
            assert a.body == a.body.strip()


def test_split_page_is_deterministic():
    raw = sample_paths()[0].read_text(encoding="utf-8")
    assert split_page("x", raw) == split_page("x", raw)


def test_empty_page():
    page = split_page("e.txt", "")
    assert page.articles == () and page.text == ""


def test_samples_match_expected():
    expected = json.loads(expected_path().read_text(encoding="utf-8"))
    assert sorted(expected) == [p.name for p in sample_paths()]
    total = 0
    for p in sample_paths():
        page = split_page(p.name, p.read_text(encoding="utf-8"))
        exp = expected[p.name]
        assert page.year == exp["year"]
        got = [dict(kind=a.kind, headline=a.headline, reporters=list(a.reporters),
                    photographers=list(a.photographers), date=a.date, starts_with=a.body[:15])
               for a in page.articles]
        want = [{k: v for k, v in e.items() if k != "n"} for e in exp["articles"]]
        assert got == want, p.name
        total += len(got)
    assert total >= 12


def test_samples_cover_every_type_and_predicate():
    expected = json.loads(expected_path().read_text(encoding="utf-8"))
    types = {e["type"] for d in expected.values() for e in d["entities"]}
    subtypes = {e.get("subtype") for d in expected.values() for e in d["entities"]}
    preds = {r["p"] for d in expected.values() for r in d["relations"]}
    assert types == {"Person", "Post", "Organization", "Place", "Event", "Project", "Document"}
    assert {"Meeting", "Activity"} <= subtypes
    assert preds == {"holdsPost", "memberOf", "attended", "chaired", "inspected", "locatedIn",
                     "heldAt", "organizedBy", "reviewed"}
    for name, d in expected.items():
        text = split_page(name, (sample_paths()[0].parent / name).read_text(encoding="utf-8")).text
        assert all(r["evidence"] in text for r in d["relations"])


# --------------------------------------------------------------------- the dev pages (gold)

GOLD = sorted((SHARED / "gold").glob("*.json")) if (SHARED / "gold").is_dir() else []


@pytest.mark.skipif(not GOLD, reason="../shared/gold not present")
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name)
def test_dev_page_against_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    src = SHARED / "corpus" / "jingzhou" / gold["source"]
    if not src.is_file():
        pytest.skip(f"{src} not present")
    page = split_page(gold["source"], src.read_text(encoding="utf-8"))
    got, want = page.articles, gold["articles"]
    rows = []
    for a, g in zip(got, want):
        rows.append(f"{a.n:>2} {norm(a.headline) == norm(g['headline'])!s:5} {a.headline!r} | gold {g['headline']!r}")
    print("\n".join(rows))                       # the per-page comparison (pytest -s)
    assert abs(len(got) - len(want)) <= 1
    names_gold = [(g["n"], x) for g in want for x in g["reporters"] + g["photographers"]]
    found = {(a.n, x) for a in got for x in a.reporters + a.photographers}
    assert sum(1 for x in names_gold if x in found) / len(names_gold) >= 0.95
    pairs = list(zip(got, want))
    assert sum(norm(a.headline) == norm(g["headline"]) for a, g in pairs) >= 0.8 * len(want)
    assert sum(norm(a.body[:15]) == norm(g["starts_with"]) for a, g in pairs) >= 0.8 * len(want)
    for a, g in pairs:
        # Without a year on the page, dates stay --MM-DD; compare month and day then.
        if g["date"] is None or a.date is None:
            assert a.date == g["date"], (a.n, a.date, g["date"])
        elif page.year is None:
            assert a.date == "--" + g["date"][5:]
        else:
            assert a.date == g["date"]


def test_draft_bigram_masks_are_the_headline_bigrams_of_each_draft():
    # Scores intersect headline bigrams with each draft's opening and body; the masks must
    # hold exactly the headline bigrams that occur there.
    from kg.text.articles import _bigrams, _headline_bits, _classify, _draft_bigrams, _segment
    from kg.text.clean import clean, units
    raws = [(FIXTURES / "stacked.txt").read_text(encoding="utf-8")]
    raws += [p.read_text(encoding="utf-8") for p in sample_paths()]
    checked = 0
    for raw in raws:
        text = clean(raw)
        spans = units(text)
        drafts, groups = _segment(text, spans, _classify([text[a:b] for a, b in spans]))
        line_bi = {i: _bigrams(text[slice(*spans[i])]) for g in groups for i in g.lines}
        bit, line_mask = _headline_bits(text, spans, list(line_bi))
        vocab = set(bit)
        assert vocab == set().union(*line_bi.values())
        assert sorted(bit.values()) == [1 << k for k in range(len(bit))]
        assert all(line_mask[i] == sum(bit[b] for b in bi) for i, bi in line_bi.items())
        _draft_bigrams(text, drafts, bit)
        for d in drafts:
            body = text[d.start:d.end]
            assert d.body_mask == sum(bit[b] for b in _bigrams(body) & vocab)
            assert d.open_mask == sum(bit[b] for b in _bigrams(body[:150]) & vocab)
            checked += d.body_mask != 0
    assert checked >= 10


def test_bigrams():
    from kg.text.articles import _bigrams
    assert _bigrams("区长,到G20峰会 a") == {"区长", "到G", "G2", "20", "0峰", "峰会"}
    assert _bigrams("甲 乙") == set()


def test_a_paragraph_closing_with_its_own_byline_is_a_short_item():
    """简讯 items sign at their end, (通讯员 X): after a signed article the paragraph is not its
    continuation but an article of its own, credited to X."""
    raw = ("\n\n区林业局开展春季巡护\n\n本报讯(通讯员林雪舟)近日,区林业局组织巡护队员深入林区开展巡护。"
           "巡护队员逐一检查防火设施。\n\n"
           "近日,马山镇组织开展防溺水宣传活动,向学生发放宣传资料800余份。(通讯员 秦望川)\n")
    page = split_page("p.txt", raw)
    assert [a.reporters for a in page.articles] == [("林雪舟",), ("秦望川",)]
    assert page.articles[1].body.startswith("近日,马山镇")
    assert page.articles[1].body.endswith("800余份。")
    assert page.articles[1].headline is None


def test_a_headline_right_above_a_photo_caption_is_the_photos():
    """A photo's title shares no words with its caption; printed just above it, it is its headline."""
    raw = ("\n\n春耕正忙 田野添绿\n\n3月12日,川店镇一处农田里,农机手驾驶插秧机作业。\n\n(通讯员 程晚舟 摄)\n\n"
           "区科协召开年度工作会议\n\n本报讯(通讯员季远帆)近日,区科协召开年度工作会议,部署全年工作。\n")
    page = split_page("p.txt", raw)
    assert [(a.kind, a.headline) for a in page.articles] == [("photo", "春耕正忙 田野添绿"),
                                                              ("news", "区科协召开年度工作会议")]


def test_a_signed_short_item_ends_its_paragraph_before_a_headline():
    """…500余个。(通讯员 X) then a blank line and a headline: the headline is not glued to the item."""
    raw = ("\n\n7月2日,区人社局在马山镇举办专场招聘会,提供岗位300余个。(通讯员 简若水)\n\n"
           "网格连民心 服务零距离\n\n□ 通讯员 乔知秋\n\n走进西城街道柳岸社区,网格员正在入户走访。\n")
    page = split_page("p.txt", raw)
    assert [(a.headline, a.reporters) for a in page.articles] == [
        (None, ("简若水",)), ("网格连民心 服务零距离", ("乔知秋",))]


def test_a_headline_glued_to_the_paragraph_before_its_article():
    """…不断提升。区科协组织企业参加成果对接会 / 本报讯(…): the words after the last sentence end,
    with no end of their own, right before 本报讯, are the next article's headline."""
    raw = ("\n\n网格连民心\n\n本报讯(通讯员乔知秋)近日,柳岸社区网格员入户走访,居民满意度不断提升。"
           "区科协组织企业参加成果对接会\n\n本报讯(通讯员简若水)近日,区科协组织8家企业参加成果对接会。\n")
    page = split_page("p.txt", raw)
    assert [a.headline for a in page.articles] == ["网格连民心", "区科协组织企业参加成果对接会"]
    assert page.articles[0].body.endswith("不断提升。")


def test_a_short_items_signature_broken_over_two_lines_still_ends_it():
    """…颁奖。(通讯 / 员 童心): the signature closes the item even split by the column."""
    raw = ("\n\n近日,区文旅局在城南街道举办非遗展演,群众300余人观看。(通讯\n员 岑晓露)\n\n"
           "守护村民健康 服务温暖人心\n\n□ 通讯员 乔知秋\n\n清晨七点,川店镇卫生院门诊已有不少村民。\n")
    page = split_page("p.txt", raw)
    assert [(a.headline, a.reporters) for a in page.articles] == [
        (None, ("岑晓露",)), ("守护村民健康 服务温暖人心", ("乔知秋",))]


def test_a_feature_title_right_above_its_box_byline_heads_it():
    """标题 / □ 通讯员 X / body: the title heads the body under the byline though they share no words."""
    raw = ("\n\n区科协召开年度工作会议\n\n本报讯(通讯员季远帆)近日,区科协召开年度工作会议。\n\n"
           "乡村医生的一天\n\n□ 通讯员 乔知秋\n\n清晨七点,川店镇卫生院门诊已有不少村民。\n")
    page = split_page("p.txt", raw)
    assert [(a.headline, a.reporters) for a in page.articles] == [
        ("区科协召开年度工作会议", ("季远帆",)), ("乡村医生的一天", ("乔知秋",))]


BRIEFS_PAGE = """青禾新闻　　2025年10月9日　星期四　　　　综合　　3
区长宁思远调研秋播工作
本报讯（通讯员 柯雨）
　　10月8日，区长宁思远到柳溪镇调研秋播工
作，察看了云溪村油菜育苗基地。
青禾区举办秋季招聘会
本报讯（记者 唐糖）
　　10月8日，青禾区2025年秋季招聘会在区人才市场
举行，60家企业提供岗位1200个。
简　讯
　　10月7日，区政协召开十一届二十次主席会
议。区政协主席高志远主持会议。
　　10月6日，区人大常委会召开主任会议，研究
近期重点工作。
　　10月5日，柳溪镇居民在镇文化广场跳起广场舞。
（罗晓 摄）
"""


def test_each_item_of_a_briefs_column_is_an_article():
    """简　讯 on a line of its own, its first item right under it (no blank line): the label is no
    part of the item, and each dated item is an article of its own, not the end of the signed
    article before the column; the item over a photo credit is the photo's caption."""
    page = split_page("briefs.txt", BRIEFS_PAGE)
    kinds = [(a.kind, a.body[:6]) for a in page.articles]
    assert kinds == [("news", "10月8日,"), ("news", "10月8日,"), ("news", "10月7日,"), ("news", "10月6日,"),
                     ("photo", "10月5日,")], kinds
    assert "简" not in page.articles[1].body and "主席会议" in page.articles[2].body
    assert page.articles[1].reporters == ("唐糖",) and page.articles[2].reporters == ()


def test_an_editors_line_after_the_closing_credit_is_furniture():
    """（李明 王芳）then（编辑：赵敏）: the editor's line is the site's, no text and no byline; the
    credit before it still signs the article (it was joined to the editor's line and lost)."""
    page = split_page("w.txt", "青禾镇秋收忙\n\n11月3日，县委书记王强到青禾镇调研秋收工作。\n（李明 王芳）\n（编辑：赵敏）\n")
    [a] = page.articles
    assert a.reporters == ("李明", "王芳") and "赵敏" not in a.body and "编辑" not in a.body


def test_an_author_in_the_meta_line_under_the_headline_signs_a_web_article():
    """a 来源/作者/发布时间 line right under the headline, then the site's blank line: one article
    under that headline, by that author (a second blank line left by the cut made it no web file)."""
    raw = "青禾镇秋收忙\n来源：青禾县融媒体中心　作者：李明　发布时间：2025-11-04\n\n11月3日，县委书记王强到青禾镇调研。\n"
    [a] = split_page("w.txt", raw).articles
    assert a.headline == "青禾镇秋收忙" and a.reporters == ("李明",)


def test_an_editors_credit_after_the_closing_credit_on_its_line_is_no_byline():
    page = split_page("w.txt", "青禾镇秋收忙\n\n11月3日，县委书记王强到青禾镇调研秋收工作。（李明 王芳）（编辑：赵敏）\n")
    [a] = page.articles
    assert a.reporters == ("李明", "王芳") and "赵敏" not in a.body


@pytest.mark.parametrize("raw, reporters", [
    ("青禾秋收忙\n\n青禾讯（记者 何思源）11月13日，县长王明到青禾镇调研。\n", ("何思源",)),
    ("青禾秋收忙\n\n长河讯（记者 秦文博 通讯员 黄可）12月2日上午，县长王明到青禾镇调研。\n", ("秦文博", "黄可")),
])
def test_a_place_alone_before_xun_is_a_dateline(raw, reporters):
    """仁寿讯, 固始讯: a county's paper signs with its place; the credit after it names the reporters,
    and neither is text of the article."""
    [a] = split_page("w.txt", raw).articles
    assert a.reporters == reporters and a.body.startswith(("11月13日", "12月2日")), (a.reporters, a.body[:20])
