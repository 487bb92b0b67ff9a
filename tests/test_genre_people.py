"""People, posts and bodies (Person, Post, Organization; holdsPost, memberOf, attended) as county and
district pages of other provinces write them: constructions of the genre on invented sentences, one
case each, and the invented articles of tests/fixtures/genre_people (fifteen homes of every kind,
gold written by hand before the extractor saw them) scored pooled with the project's evaluator.
Every name in them is invented.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import invented
from kg.cli import cli
from kg.graph.rdf import label_of
from kg.views.evaluate import evaluate

FIXTURES = Path(__file__).parent / "fixtures" / "genre_people"
LONGHUI = ("隆回县", "邵阳市", "湖南省")
KEZUO = ("科尔沁左翼中旗", "通辽市", "内蒙古自治区")


def facts_of(body: str, home=LONGHUI):
    return invented.facts_of(body, home)


def persons(out) -> set:
    return {label_of(t, k) for t, k in out.entities if t == "Person"}


# ---------------------------------------------------------------- names of no surname of the table

@pytest.mark.parametrize("name", ["额尔敦巴雅尔", "敖特根其其格", "那仁满都拉", "萨其拉图"])
def test_a_long_mongolian_name_after_a_title(name):
    """旗委常委、副旗长那仁满都拉作交流发言: five or six characters, some of them function characters
    elsewhere (其, 都, 那), closed by what follows names."""
    out, got = facts_of(f"4月11日，旗委常委、副旗长{name}出席会议。", home=KEZUO)
    assert name in persons(out)
    assert (name, "holdsPost", "副旗长") in got


def test_a_four_character_name_before_a_travel_verb():
    """市委书记扎西平措到我县调研: a Tibetan name closed by 到."""
    out, got = facts_of("5月8日，市委书记扎西平措到我县调研乡村振兴工作。", home=("贡嘎县", "山南市", "西藏自治区"))
    assert ("扎西平措", "holdsPost", "市委书记") in got
    assert ("扎西平措", "memberOf", "山南市委") in got


def test_a_uyghur_name_with_a_six_character_part():
    out, got = facts_of("县委常委、副县长古丽米拉·阿不都热依木参加慰问。", home=("伽师县", "喀什地区", "新疆维吾尔自治区"))
    assert ("古丽米拉·阿不都热依木", "holdsPost", "副县长") in got


def test_a_dai_surname():
    """刀 opens Dai names (副主任白云生、刀玉兰)."""
    out, got = facts_of("县人大常委会主任李春华，副主任白云生、刀玉兰参加检查。")
    assert "刀玉兰" in persons(out)


def test_a_name_is_not_taken_from_a_common_run_after_a_title():
    out, _ = facts_of("县委书记罗建华要求，县委常委会要带头落实。")
    assert persons(out) == {"罗建华"}


# ---------------------------------------------------------------- chains

def test_titles_joined_by_jian_are_two_posts():
    """董事长兼总经理施国平: 兼 joins two titles of one holder, as 、 does."""
    _, got = facts_of("在湘禾农业开发有限公司，董事长兼总经理施国平介绍了企业研发布局。")
    assert ("施国平", "holdsPost", "董事长") in got
    assert ("施国平", "holdsPost", "总经理") in got


def test_a_title_printed_after_a_name_does_not_join_the_next_chain():
    """县人大常委会甲副主任，县政协乙副主席，县人民政府副县长丙: the items before are other persons'
    titles, not 丙's."""
    out, got = facts_of("县人大常委会韦达明副主任，县政协罗玉梅副主席，县人民政府副县长黄德坤、蒙丽娜等参加会议。")
    assert ("黄德坤", "holdsPost", "县人民政府副县长") in got
    assert not any(s in ("黄德坤", "蒙丽娜") and o.endswith(("副主任", "副主席")) for s, p, o in got)
    assert not any("罗玉梅" in label_of(t, k) for t, k in out.entities if t == "Organization")


@pytest.mark.parametrize("title", ["总裁", "护士长", "副司长"])
def test_titles_of_companies_wards_and_national_departments(title):
    out, got = facts_of(f"会上，辽宁鑫源集团{title}邵丽敏介绍了情况。")
    assert any(s == "邵丽敏" and p == "holdsPost" and o.endswith(title) for s, p, o in got)


def test_names_after_a_title_with_new_closing_words():
    """…主任甲所作的报告, 局长甲颁发, 副局长甲逐一回应."""
    out, _ = facts_of("会议听取了县人大常委会农业农村工委主任雷春生所作的报告。县长曾志刚为县教育局局长白玉洁颁发任命书。"
                      "县自然资源和规划局副局长王海波逐一作了回应。")
    assert {"雷春生", "白玉洁", "王海波"} <= persons(out)


def test_a_company_officer_listed_after_its_head():
    """X集团董事长甲、总裁乙: 总裁 written bare after the head is the same company's."""
    _, got = facts_of("市委书记孟凡超会见了辽宁鑫源集团董事长潘永刚、总裁邵丽敏一行。")
    assert ("邵丽敏", "memberOf", "辽宁鑫源集团") in got


def test_a_bare_officer_after_a_government_leader_is_not_a_companys():
    _, got = facts_of("县长曾志刚、总经理邵丽敏出席仪式。")
    assert not any(s == "邵丽敏" and p == "memberOf" for s, p, _ in got)


def test_deputies_after_a_head_whose_title_follows_a_party_groups():
    """县人大常委会党组书记、主任甲，副主任乙、丙: the deputies are the 人大常委会's."""
    _, got = facts_of("县人大常委会党组书记、主任李春华带队，副主任白云生、刀玉兰参加检查。")
    for who in ("白云生", "刀玉兰"):
        assert (who, "holdsPost", "县人大常委会副主任") in got, who
        assert (who, "memberOf", "隆回县人大常委会") in got, who


# ---------------------------------------------------------------- appointments

def test_an_appointment_decision_gives_the_post():
    """任命：甲为X局局长 (a standing committee's decision): 甲 holds the post."""
    _, got = facts_of("会议决定任命：楼建平为县发展和改革局局长。")
    assert ("楼建平", "holdsPost", "县发展和改革局局长") in got


def test_an_appointment_with_tongzhi():
    _, got = facts_of("会议任命皇甫丽君同志为县委办公室主任。")
    assert ("皇甫丽君", "holdsPost", "县委办公室主任") in got


def test_a_nomination_is_no_post_held():
    """提名甲同志为县政协副主席人选: a candidate, no holder."""
    _, got = facts_of("会议同意提名欧阳振华同志为县政协副主席人选。")
    assert not any(s == "欧阳振华" and p == "holdsPost" for s, p, _ in got)


# ---------------------------------------------------------------- bodies

def test_an_awards_list_opens_after_de_you():
    """获评…的有区人民医院护士长甲、唐昌镇村民乙: 有 opens the list, it is no part of the body."""
    out, got = facts_of("获评敬业奉献类的有区人民医院护士长文佳；获评孝老爱亲类的有唐昌镇村民李桂兰。",
                        home=("郫都区", "成都市", "四川省"))
    assert ("文佳", "memberOf", "郫都区人民医院") in got
    assert not any(label_of(t, k).startswith("有") for t, k in out.entities)


def test_a_named_citys_bureau_joined_by_he():
    """东阳市发展和改革局局长: 和 inside a bureau opened by a named city (not only by a level word)."""
    _, got = facts_of("东阳市发展和改革局局长楼建平出席会议。", home=("东阳市", "金华市", "浙江省"))
    assert ("楼建平", "memberOf", "东阳市发展和改革局") in got


def test_a_supermarket_is_a_business_not_a_city():
    """木城街道万家福超市: 超市 ends a business's name (福超市 is no city); 万家 after no number is no count."""
    out, got = facts_of("督查组先后深入木城街道万家福超市，查看消防设施配备情况。")
    assert not any(t == "Place" and label_of(t, k).endswith("超市") for t, k in out.entities)
    assert any(t == "Organization" and label_of(t, k).endswith("万家福超市") for t, k in out.entities)


# ---------------------------------------------------------------- who attends

def test_a_later_name_with_its_own_attendance_word_attended():
    """甲出席会议并讲话，乙副主席主持会议，丙到会通报…: all three were at the meeting."""
    _, got = facts_of("7月15日，县政协召开重点提案办理协商会。县政协主席覃世雄出席会议并讲话，"
                      "县政协覃丽华副主席主持会议，副县长田玉明到会通报办理情况。")
    for who in ("覃世雄", "覃丽华", "田玉明"):
        assert (who, "attended", "重点提案办理协商会") in got, who


def test_a_chair_whose_title_is_printed_after_the_name():
    _, got = facts_of("7月15日，县政协召开重点提案办理协商会。县政协覃丽华副主席主持会议。")
    assert ("覃丽华", "chaired", "重点提案办理协商会") in got


def test_a_study_session_of_a_theory_group_is_an_event():
    """旗委理论学习中心组2025年第三次专题学习会: 学习会 names a meeting; a bare 专题学习会 none."""
    out, got = facts_of("4月11日，旗委理论学习中心组2025年第三次专题学习会召开。旗委书记额尔敦巴雅尔主持会议并讲话。",
                        home=KEZUO)
    events = {label_of(t, k) for t, k in out.entities if t == "Event"}
    assert any(e.endswith("2025年第三次专题学习会") for e in events), events
    assert any(s == "额尔敦巴雅尔" and p == "chaired" for s, p, _ in got)
    out, _ = facts_of("各支部要定期召开专题学习会。", home=KEZUO)
    assert not any(t == "Event" for t, _ in out.entities)


# ---------------------------------------------------------------- the invented articles

HOMES = json.loads((FIXTURES / "homes.json").read_text(encoding="utf-8"))
# pooled over fifteen articles (entity F1 0.944, relation F1 0.957; first read, before this round's
# fixes, 0.863 and 0.822 against the same gold): a change may move them freely above these floors
ENTITY_FLOOR, RELATION_FLOOR = 0.940, 0.953


@pytest.fixture(scope="module")
def people_scores(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("people")
    pages = root / "pages"
    pages.mkdir()
    manifest = []
    for name, home in sorted(HOMES.items()):
        (pages / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
        d, c, p = home.split(",")
        manifest.append({"file": name, "district": d, "city": c, "province": p})
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    out = root / "people.ttl"
    res = CliRunner().invoke(cli, ["build", str(pages), "--manifest", str(root / "manifest.json"), "-o", str(out),
                                   "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    r = evaluate(out, [FIXTURES / f"{name}.json" for name in sorted(HOMES)])
    return {sec: r[sec]["all"]["f1"] for sec in ("entities", "relations")}


def test_every_gold_file_carries_its_home():
    for name, home in HOMES.items():
        g = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        assert ",".join(g["home"][k] for k in ("district", "city", "province")) == home, name


def test_the_invented_people_articles_score_above_their_floors(people_scores):
    assert people_scores["entities"] >= ENTITY_FLOOR, people_scores
    assert people_scores["relations"] >= RELATION_FLOOR, people_scores
