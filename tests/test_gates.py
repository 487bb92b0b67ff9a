"""kg.extract.gates: a finder is skipped only in sentences where it could find nothing.

The gated and ungated readings of every sentence of the samples and of generated pages must be
the same mentions; a finder given a new source of mentions without its trigger in gates.py
fails here."""
from __future__ import annotations

import pytest

from kg.dev.synth import iter_pages
from kg.extract import gates as G
from kg.extract.model import Sentence
from kg.extract.sentences import mention_sentence, sentences
from kg.samples import paths
from kg.text.articles import split_page

CTX = ("荆州高新区", "荆州区", "荆州市", "湖北省")
HOME = (("我区", "荆州区"), ("荆州", "荆州市"))


def _article_sentences():
    pages = [(p.name, p.read_text("utf-8")) for p in paths()]
    pages += [(f"synth_{k}.txt", pg.text) for k, pg in enumerate(iter_pages(12, seed=5))]
    for name, text in pages:
        for a in split_page(name, text, "").articles:
            yield ([Sentence.of(a.headline, -1, -1)] if a.headline else []) + sentences(a.body, a.start)


ARTICLES = list(_article_sentences())


def test_the_joined_scan_gates_each_sentence_as_a_scan_of_it_alone():
    for sents in ARTICLES:
        texts = [s.text for s in sents]
        assert G.sentence_gates(texts) == [G._gate_of(t) for t in texts]


@pytest.mark.parametrize("home", [(), HOME])
def test_gated_sentences_read_as_ungated(home):
    skipped = 0
    for sents in ARTICLES:
        for st, g in zip(sents, G.sentence_gates([s.text for s in sents])):
            skipped += g != G.ALL
            assert mention_sentence(st, frozenset(), CTX, home_names=home, gate=g) == \
                mention_sentence(st, frozenset(), CTX, home_names=home), st.text
    assert skipped > 100      # (the gates skip finders at all)


def test_a_sentence_without_triggers_skips_the_finders():
    assert G.sentence_gates(["会上大家认真交流了心得。", "区委召开常务会议，部署青禾村项目建设。"]) == \
        [0, G.PLACES | G.ORGS | G.EVENTS | G.PROJECTS]
    assert G.sentence_gates(["党的二十大胜利闭幕"]) == [G.EVENTS]
    assert G.sentence_gates(["学生陶小雨说", "周远航强调，要抓好落实"]) == [G.LISTED, G.SUBJECTS]
    assert G.sentence_gates(["副镇长周远航说"]) == [G.TITLES | G.PLACES]
    # many sentences, most with several triggers, some with none: each keeps its own
    texts = ["区委召开常务会议", "好", "副镇长周远航说", "会上大家交流", "学生陶小雨说"] * 3
    assert G.sentence_gates(texts) == [G._gate_of(t) for t in texts]
    assert G.sentence_gates([]) == []


def test_characters_beyond_the_bmp_keep_the_offsets():
    # 𠀀 is two UTF-16 units: the words after it are still found in their own sentence
    assert G.sentence_gates(["𠀀𠀀𠀀好", "𠀀区委召开会议", "学生陶小雨说"]) == \
        [0, G.ORGS | G.EVENTS | G.PLACES, G.LISTED]


def test_the_home_word_alone_lets_the_place_finder_run():
    st = Sentence.of("我区持续优化营商环境", 0, 0)
    places = mention_sentence(st, frozenset(), CTX, home_names=HOME, gate=0).places
    assert [p.text for p in places] == ["我区"]


def test_home_named_finds_any_home_word_and_none_without_a_home():
    # invented sentences; home words as kg.extract.resolve builds them for a county page
    home = (("我县", "青川县"), ("青川", "青川县"), ("县经开区", "青川县经开区"), ("我市", "白水市"))
    assert G.home_named("我县今年新建村级服务站十二个。", home)
    assert G.home_named("县经开区新落户企业三家。", home)
    assert not G.home_named("镇政府组织干部走访农户。", home)
    assert not G.home_named("我县今年新建村级服务站十二个。", ())
    # a second tuple with the same words is looked up as itself, not mistaken for the first
    other = (("我区", "东湖区"),)
    assert G.home_named("我区召开会议。", other) and not G.home_named("我区召开会议。", home)


def test_the_article_scans_for_known_names_and_home_words_agree_with_each_sentence():
    from kg.extract import mentions as M
    home = (("我县", "青川县"), ("青川", "青川县"), ("县经开区", "青川县经开区"))
    texts = ["周远航在我县调研", "好", "青川的陶小雨说", "会上大家交流", "周远", "远航陶小雨"]
    known = frozenset({"周远航", "陶小雨", "远航"})
    assert G.known_named(texts, known) == [True, False, True, False, False, True]
    assert G.homes_named(texts, home) == [True, False, True, False, False, False]
    assert G.known_named(texts, frozenset()) == [False] * 6 and G.homes_named(texts, ()) == [False] * 6
    assert G.known_named([], known) == [] and G.homes_named([], home) == []
    for sents in ARTICLES:
        texts = [s.text for s in sents]
        known = frozenset(p.text for s in sents for p in mention_sentence(s, frozenset(), CTX).persons)
        # (the spans, not the mentions: a name inside a longer word is found, then dropped)
        assert G.known_named(texts, known) == [bool(known) and bool(M._known_spans(t, known)) for t in texts]
        assert G.homes_named(texts, HOME) == [G.home_named(t, HOME) for t in texts]


def test_meeting_word_opening_a_sentence_gates_no_event_finder():
    from kg.extract import mentions as M
    opening = ["会议强调，要把项目建设抓紧抓实。", "会议指出，今年以来全镇经济运行平稳。", "会议",
               "会议要求，各部门要压实责任。", "会议室里的讨论持续到深夜。"]
    gates = G.sentence_gates(opening)
    assert [g & G.EVENTS for g in gates] == [0] * len(opening)
    assert all(M.find_events(s, []) == [] for s in opening)
    # elsewhere in a sentence, or after words that name it, 会议 still gates the finder
    named = ["县政府召开第十次常务会议。", "会议结束后，召开了安全生产工作会议。", "镇党委召开会议"]
    assert all(g & G.EVENTS for g in G.sentence_gates(named))
    assert all(M.find_events(s, []) for s in named[:2])
