"""Each cleaning rule on invented sentences, the composed pipeline, and idempotence."""
from pathlib import Path

import pytest

from kg.text.clean import (clean, collapse_doubled, collapse_repeated_headline, headline_like,
                      join_broken_lines, nfkc, remove_cjk_spaces, units)
from kg.samples import paths as sample_paths

FIXTURES = Path(__file__).parent / "fixtures" / "text"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "jingzhou"


def test_nfkc_makes_punctuation_and_digits_ascii():
    assert nfkc("本报讯（通讯员赵一）２０２３年，好！") == "本报讯(通讯员赵一)2023年,好!"
    assert nfkc("甲\r\n乙\r丙\f丁") == "甲\n乙\n丙\n丁"
    assert nfkc("甲\u3000\u3000乙\t丙") == "甲 乙 丙"
    assert nfkc("零\u200b宽") == "零宽"


@pytest.mark.parametrize("raw, want", [
    ("东 湖 社 区召开议事会", "东湖社区召开议事会"),
    ("荆南街道 锦 绣 小 区", "荆南街道锦绣小区"),
    ("4月 2日", "4月2日"),
    ("到 2030 年基本建成", "到2030年基本建成"),
    ("COVID 19 疫情", "COVID 19疫情"),       # Latin and digits keep their space
    ("GDP 增长 6 %", "GDP 增长6 %"),
    ("春耕备耕 正当时", "春耕备耕 正当时"),     # phrase spacing in a headline stays
    ("(通讯员方若曦 白露)", "(通讯员方若曦 白露)"),
    ("(吕 洋 摄)", "(吕洋 摄)"),               # a letter-spaced name closes up, 摄 stays apart
    ("本报讯 近日,区里", "本报讯 近日,区里"),
    ("  甲乙   丙丁  ", "甲乙 丙丁"),
])
def test_remove_cjk_spaces(raw, want):
    assert remove_cjk_spaces(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("八岭山镇新湾村八岭山镇新湾村", "八岭山镇新湾村"),
    ("77 月月 1010 日日", "7月10日"),
    ("33 月月 1818 日日,青石村开展活动", "3月18日,青石村开展活动"),
    ("区长到青石村青石村调研", "区长到青石村调研"),
    ("锦绣小区锦绣小区 旧貌换新颜旧貌换新颜", "锦绣小区 旧貌换新颜"),
    ("八八岭岭山山镇镇新新湾湾村村", "八岭山镇新湾村"),
])
def test_collapse_doubled(raw, want):
    assert collapse_doubled(raw) == want


@pytest.mark.parametrize("word", ["谢谢", "常常", "天天", "人人", "看看", "研究研究", "高高兴兴",
                                  "认认真真踏踏实实", "谢谢 谢谢", "天天 看看", "他说谢谢大家,天天向上",
                                  "大家来研究研究这件事", "2020年和2021年"])
def test_collapse_doubled_leaves_reduplication(word):
    assert collapse_doubled(word) == word
    assert clean(word).strip() == remove_cjk_spaces(word)


def test_collapse_repeated_headline():
    assert collapse_repeated_headline("区政府召开常务会议 区政府召开常务会议") == "区政府召开常务会议"
    assert collapse_repeated_headline("春耕正当时 农机来帮忙春耕正当时 农机来帮忙") == "春耕正当时 农机来帮忙"
    assert collapse_repeated_headline("谢谢谢谢") == "谢谢谢谢"          # too short to be a headline
    assert collapse_repeated_headline("第一行\n甲乙丙丁甲乙丙丁") == "第一行\n甲乙丙丁"


def test_join_broken_lines_joins_inside_sentences():
    raw = "本报讯(通讯员甲乙)4\n\n月2日,区里召开会\n议,部署工作。\n\n会议要求,要抓\n\n好落实。\n"
    assert join_broken_lines(raw) == "本报讯(通讯员甲乙)4月2日,区里召开会议,部署工作。\n\n会议要求,要抓好落实。\n"


def test_join_broken_lines_keeps_headlines_apart():
    raw = ("部署工作。\n\n区文旅局召开安全会议\n\n聚焦假期安全\n确保游客平安\n\n"
           "本报讯(通讯员甲乙)近日,区文旅\n局召开会议。\n(丙丁 摄)\n")
    got = join_broken_lines(raw).split("\n\n")
    assert got == ["部署工作。", "区文旅局召开安全会议", "聚焦假期安全", "确保游客平安",
                   "本报讯(通讯员甲乙)近日,区文旅局召开会议。", "(丙丁 摄)\n"]


def test_a_credit_broken_over_two_lines_ends_its_caption_and_keeps_names_apart():
    # the "(" of the credit is on the caption's last line; the headline below is a unit of its own
    raw = "村民在田间收割稻谷。(张小\n 李大明 摄)\n\n东湖村秋收忙\n\n本报讯(通讯员甲乙)近日,区里召开会议。\n"
    got = clean(raw).split("\n\n")
    assert got == ["村民在田间收割稻谷。(张小 李大明 摄)", "东湖村秋收忙", "本报讯(通讯员甲乙)近日,区里召开会议。\n"]
    # a ")" that closes no credit still joins the line to the next
    assert join_broken_lines("他说(这是\n一件好事)然后\n走了。\n") == "他说(这是一件好事)然后走了。\n"


def test_paragraph_first_line_is_not_a_headline():
    # A short first line followed directly by its continuation is body text, not a headline.
    raw = "上文完。\n\n荆南社区居委会工作人员深入\n楼栋,逐户走访。\n"
    assert join_broken_lines(raw) == "上文完。\n\n荆南社区居委会工作人员深入楼栋,逐户走访。\n"


def test_headline_like():
    assert headline_like("区文旅局召开春季旅游安全工作会议")
    assert headline_like("助农直播:")
    assert not headline_like("会议要求,要加强景区客流监测")
    assert not headline_like("“以前一下雨楼下就积水,现在")   # open quote
    assert not headline_like("做好应急预案。")
    assert not headline_like("本报讯 近日")
    assert headline_like("“楼道亮了”,路也平了", allow_comma=True)


def test_clean_fixture_page():
    text = clean((FIXTURES / "stacked.txt").read_text(encoding="utf-8"))
    paras = text.rstrip("\n").split("\n\n")
    assert paras[:4] == ["区文旅局召开春季旅游安全工作会议", "区政协委员视察老旧小区改造", "建设清廉荆州区", "“楼道亮了,路也平了”"]
    assert paras[4].startswith("本报讯(通讯员方若曦)4月2日,区文旅局召开春季旅游安全工作会议")
    assert "城南街道荆南社区、东城街道锦绣小区实地察看" in text
    assert "秦川" in text and "白露" in text   # letter-spaced names close up
    assert paras[-1] == "(吕洋 摄)"


def _inputs():
    items = [p.read_text(encoding="utf-8") for p in sample_paths()]
    items.append((FIXTURES / "stacked.txt").read_text(encoding="utf-8"))
    if CORPUS.is_dir():
        items += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return items


def test_clean_is_idempotent():
    for raw in _inputs():
        once = clean(raw)
        assert clean(once) == once


def test_clean_output_shape():
    for raw in _inputs():
        text = clean(raw)
        assert text.endswith("\n") and "\n\n\n" not in text and " \n" not in text
        for a, b in units(text):
            assert "\n" not in text[a:b]


def test_clean_empty():
    assert clean("") == ""
    assert clean(" \n\n \u3000\n") == ""


def test_clean_is_deterministic():
    raw = (FIXTURES / "stacked.txt").read_text(encoding="utf-8")
    assert clean(raw) == clean(raw)


# --------------------------------------------------------------------- fast paths = the rules

def _reference_nfkc(text):
    """nfkc() as the rules state it: full normalisation, then the character clean-up."""
    import re
    import unicodedata
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return re.sub(r"[ \t\u00a0\u3000]+", " ", text)


@pytest.mark.parametrize("raw", [
    "本报讯（通讯员赵一）２０２３年，好！",
    "区长说：“好……”；ＡＢＣ　１２３",
    "cafe\u0301 和 e\u200b\u0301",             # a combining accent, and one cut off by a zero-width space
    "한국 \u1100\u1161 \uf900 ﬁ ㎡ ① ¼",       # Hangul jamo compose; compatibility forms
    "<\u0338 A\u030a \u0f73 甲\t\t乙\u00a0\u00a0丙",
    "",
])
def test_nfkc_fast_path_is_full_normalisation(raw):
    assert nfkc(raw) == _reference_nfkc(raw)


def test_nfkc_stable_characters_are_inert():
    # The fast path relies on these never changing and never combining with a neighbour.
    import re
    import unicodedata
    from kg.text.clean import NFKC_STABLE
    second = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<") and len(d.split()) == 2:
            second.add(chr(int(d.split()[1], 16)))
    stable = re.compile(f"[{NFKC_STABLE}]")
    chars = [chr(cp) for cp in range(0x10000) if stable.match(chr(cp))]
    assert len(chars) > 27000                   # ASCII, the ideographs, the usual punctuation
    for ch in chars:
        assert unicodedata.normalize("NFKD", ch) == ch and unicodedata.combining(ch) == 0, hex(ord(ch))
        assert ch not in second and not "\u1100" <= ch <= "\u11ff", hex(ord(ch))


def test_doubled_token_pattern_agrees_with_half():
    from itertools import product
    from kg.text.clean import _DOUBLED_TOKEN, _half
    for n in range(1, 9):
        for t in map("".join, product("ab1", repeat=n)):
            assert (_DOUBLED_TOKEN.fullmatch(t) is not None) == (_half(t) is not None), t


def test_line_flags_agree_with_the_line_predicates():
    from kg.text.clean import (ends_sentence, headline_flags, is_article_start, is_byline_line,
                          is_credit_line, line_flags)
    lines = ["区文旅局召开安全会议", "本报讯(通讯员甲乙)近日,区里开会。", "□ 通讯员 冯小威",
             "(王芸 摄)", "照片说明文字(张三 摄)", "“好!”", "会议要求,要抓", "好落实...", "", "  记者 秦川 "]
    f = line_flags(lines)
    assert f.start == [is_article_start(s) for s in lines] == [False, True] + [False] * 8
    assert f.byline == [is_byline_line(s) for s in lines]
    assert f.byline[2] and f.byline[9]
    assert f.credit == [is_credit_line(s) for s in lines] == [False] * 3 + [True] + [False] * 6
    assert f.hard == [a or b or c for a, b, c in zip(f.start, f.byline, f.credit)]
    assert f.break_after == [ends_sentence(s) or b or c for s, b, c in zip(lines, f.byline, f.credit)]
    assert f.break_after[4] and f.break_after[5] and f.break_after[7] and not f.break_after[6]
    assert f.head == headline_flags(lines)
    assert f.head == [True, False, False, False, True] + [False] * 5   # line 4 follows a credit


def test_headline_flags_follow_breaks_and_subtitles():
    from kg.text.clean import headline_flags
    # A headline and its subtitle with no blank line between, then the article.
    lines = ["上文完。", "区文旅局召开安全会议", "聚焦假期安全", "本报讯(通讯员甲乙)近日,区里开会。"]
    assert headline_flags(lines, [True, False, False, True]) == [False, True, True, False]
    # Not after a break: the line continues the sentence above.
    assert headline_flags(["会议要求,要抓", "区文旅局召开安全会议"], [False, True]) == [False, False]
    # Nothing in the way of the next line being a headline once this one is.
    assert headline_flags(["甲乙丙丁", "丙丁戊己", "本报讯 近日,开会。"], [False, False, True]) == [True, True, False]


@pytest.mark.parametrize("raw", [
    "上文完。\n\n区文旅局召开安全会议\n\n本报讯(通讯员甲乙)近日,区文旅\n局召开会议。\n",
    "上文完。\n\n区区文文旅旅局局召召开开安安全全会会议议\n\n本报讯(通讯员甲乙)近日,开会。\n",   # doubled headline
    "本报讯(通讯员甲乙)近日,区长到青石村\n青石村调研。\n",              # a repeat only joining makes
    "上文完。\n\n青石村开展活动青石村开展活动\n\n本报讯 近日,开会。\n",       # a repeat inside a line
    "本报讯 77 月月 1010 日日,区里开会。\n",                                # doubled tokens
    "区长说:\n“好\n好。”\n(甲乙 摄)\n",
])
def test_clean_is_the_composition_of_its_rules(raw):
    # clean() takes a shortcut when the first doubled-bold pass has nothing to do; the result
    # must be the rules applied one after the other.
    text = collapse_repeated_headline(nfkc(raw))
    text = remove_cjk_spaces(join_broken_lines(collapse_doubled(text)))
    assert clean(raw) == collapse_doubled(text)


def test_units_and_texts():
    from kg.text.clean import units_and_texts
    for text in ["甲乙。\n\n丙丁\n\n\n戊\n", "\n\n甲\n乙\n\n", "", "甲"]:
        spans, texts = units_and_texts(text)
        assert spans == units(text)
        assert texts == [text[a:b] for a, b in spans]
    assert units_and_texts("甲乙。\n\n丙丁\n") == ([(0, 3), (5, 7)], ["甲乙。", "丙丁"])
