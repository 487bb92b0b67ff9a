"""kg.extract.segment: jieba's words and tags for short spans, through the lazily loaded dictionary.

The reference is jieba itself (its default tokenizer and ``jieba.posseg``'s table) on invented
spans in the paper's style.
"""
from __future__ import annotations

import pytest

jieba = pytest.importorskip("jieba")

from kg.extract import segment as S  # noqa: E402


@pytest.mark.parametrize("span", ["认真落实乡村振兴战略部署", "系统梳理园区企业用工需求", "荆州高新区管委会",
                                  "小丰山村", "2025年度重点项目", "AI+智慧农业", "郢城镇纪南村", ""])
def test_lcut_is_jiebas_lcut_without_hmm(span, reference):
    assert S.lcut(span) == reference[0].lcut(span, HMM=False)


def test_lcut_fast_path_agrees_with_jieba_on_every_span(reference):
    # kg segments all-ideograph spans with its own route (segment._cut_han): every substring of
    # an invented paragraph, and runs of characters no dictionary word joins, must cut as jieba's
    text = ("区委常委常务副区长带队深入纪南镇纪城村调研乡村振兴工作并主持召开专题推进会议"
            "要求各部门认真落实安全生产责任制加快推进老旧小区改造项目建设鑫垚淼焱犇骉")
    tk = reference[0]
    spans = [text[a:b] for a in range(len(text)) for b in range(a + 1, min(len(text), a + 14) + 1)]
    bad = [sp for sp in spans if S.lcut(sp) != tk.lcut(sp, HMM=False)]
    assert not bad, bad[:5]


@pytest.mark.parametrize("word", ["乡村", "落实", "荆州", "管委会", "宣传", "中心", "不是词吗", "", "Q"])
def test_tag_and_freq_are_jiebas(word, reference):
    tk, tags = reference
    assert S.tag(word) == tags.get(word)
    assert S.freq(word) == (tk.FREQ.get(word, 0) or 0)


def test_common_words_and_proper_names():
    assert S.is_common_word("乡村") and S.is_common_word("市场")
    assert not S.is_common_word("荆州")          # ns: a place name
    assert not S.is_common_word("不是词吗")       # not a dictionary word at all


def test_trim_left_drops_leading_verbs():
    assert S.trim_left("严格确保安全生产月活动", 2, "event") == 2     # 严格 goes; 确保安全 (a verb) opens the event
    assert S.trim_left("系统梳理园区", 2, "place") == 4               # 系统|梳理|园区
    assert S.trim_left("确保法治荆州区", 1, "place") == 2             # 确保|法治荆州区
    assert S.trim_left("宣传荆州区", 1, "place") == 2                 # a verbal noun opens no place ...
    assert S.trim_left("宣传荆州区", 1, "name") == 0                  # ... but is not a verb elsewhere
    assert S.trim_left("宣传离岸科创中心", 2, "org") == 2             # a leading verbal noun goes ...
    assert S.trim_left("实验中学", 2, "org") == 0                     # ... unless it is the whole core


def test_inside_word_reads_the_segmentation_around_a_position():
    from kg.extract.segment import inside_word

    s = "各项工作协调推进"
    assert inside_word(s, s.index("调"))          # 协|调 would split the word 协调
    assert not inside_word(s, s.index("协"))      # 工作|协调 is a boundary
    assert not inside_word(s, 0) and not inside_word(s, len(s))
