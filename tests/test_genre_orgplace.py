"""Bodies and places of homes the project had read little: banners and leagues (旗, 盟, 苏木, 嘎查),
autonomous prefectures and counties, county-level cities whose bare 市委 is their own, Xinjiang, Tibet,
Qinghai, Ningxia, Guangxi, Yunnan, Guizhou, Heilongjiang and Jilin. Constructions of the genre on
invented sentences, one case each, and the invented articles of tests/fixtures/genre_orgplace (ten
homes, gold written by hand before the extractor saw them) scored with the project's evaluator.
Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite, labels

FIXTURES = Path(__file__).parent / "fixtures" / "genre_orgplace"
ABAGA = ("阿巴嘎旗", "锡林郭勒盟", "内蒙古自治区")
MENGHAI = ("勐海县", "西双版纳傣族自治州", "云南省")
HUZHU = ("互助土族自治县", "海东市", "青海省")


def facts_of(body: str, home=ABAGA):
    return invented.facts_of(body, home)


# ---------------------------------------------------------------- leagues, prefectures, banners

def test_a_league_member_and_deputy_head():
    """盟委委员、副盟长X: the league's committee and its 行政公署 (what a 盟长 heads)."""
    _, got = facts_of("盟委委员、副盟长朝鲁门出席会议。")
    assert {("朝鲁门", "holdsPost", "副盟长"), ("朝鲁门", "memberOf", "锡林郭勒盟委"),
            ("朝鲁门", "memberOf", "锡林郭勒盟行政公署")} <= got


def test_a_prefectures_deputy_head():
    """州委常委、州人民政府副州长X: the autonomous prefecture's government."""
    _, got = facts_of("州委常委、州人民政府副州长岩罕龙出席大会。", home=MENGHAI)
    assert ("岩罕龙", "memberOf", "西双版纳傣族自治州人民政府") in got
    assert ("岩罕龙", "memberOf", "西双版纳傣族自治州委") in got


@pytest.mark.parametrize("sentence,name", [("旗委副书记、旗长乌力吉木仁主持会议。", "乌力吉木仁"),
                                           ("旗委常委、宣传部部长其木格参加会议。", "其木格")])
def test_mongolian_names_the_dictionary_misreads(sentence, name):
    """乌力 reads as a word, 其 as a pronoun: after a title they open a name."""
    out, _ = facts_of(sentence)
    assert name in labels(out, "Person")


def test_bureaus_of_the_league_and_the_banner():
    """盟农牧局, 旗农牧和科技局: the league's level word opens a body; 和 inside the banner's bureau."""
    out, _ = facts_of("盟农牧局、旗农牧和科技局负责人参加会议。")
    assert {"锡林郭勒盟农牧局", "阿巴嘎旗农牧和科技局"} <= labels(out, "Organization")


def test_a_prefectures_bureaus():
    out, _ = facts_of("州农业农村局、州教育局负责人参加会议。", home=MENGHAI)
    assert {"西双版纳傣族自治州农业农村局", "西双版纳傣族自治州教育局"} <= labels(out, "Organization")


# ---------------------------------------------------------------- sub-units

@pytest.mark.parametrize("sentence,body", [("县委组织部干部科科长鲁明义表示，将严格考核。", "互助土族自治县委组织部干部科"),
                                           ("县白酒产业发展局局长周华参加会议。", "互助土族自治县白酒产业发展局"),
                                           ("县委组织部干部科副科长鲁明义表示，将严格考核。", "互助土族自治县委组织部干部科")])
def test_a_body_whose_suffix_follows_a_stop_word(sentence, body):
    """干部科科长, 发展局局长: the suffix alone is no body; 干部 and 发展 are the body's own words."""
    _, got = facts_of(sentence, home=HUZHU)
    assert any(p == "memberOf" and o == body for _, p, o in got), got


def test_a_dotted_name_after_a_congress_head():
    """市人大常委会主任买买提·艾买尔: 常委 inside the body is no title the dotted name follows."""
    out, got = facts_of("市人大常委会主任买买提·艾买尔参加会议。", home=("库车市", "阿克苏地区", "新疆维吾尔自治区"))
    assert labels(out, "Person") == {"买买提·艾买尔"}
    assert ("买买提·艾买尔", "memberOf", "库车市人大常委会") in got


def test_a_seconded_deputy_county_head():
    """挂职副县长X: 挂职 is no body; the post is the home's 县政府's."""
    _, got = facts_of("挂职副县长韩志远参加检查。", home=HUZHU)
    assert ("韩志远", "memberOf", "互助土族自治县政府") in got
    assert not any(o == "挂职" for _, _, o in got)


def test_a_cadre_of_a_named_body():
    """海东市委组织部干部X: a member of the body, with no post (干部 is no title)."""
    out, got = facts_of("海东市委组织部干部韩志远参加检查。", home=HUZHU)
    assert ("韩志远", "memberOf", "海东市委组织部") in got
    assert not labels(out, "Post")



def test_sub_units_named_without_their_heads():
    """县纪委监委第三监督检查室联合县委组织部干部科: each sub-unit is a body of its own, not its parent."""
    out, _ = facts_of("近日，县纪委监委第三监督检查室联合县委组织部干部科开展专项监督。", home=HUZHU)
    assert labels(out, "Organization") == {"互助土族自治县纪委监委第三监督检查室", "互助土族自治县委组织部干部科"}


# ---------------------------------------------------------------- the prefecture above a county-level city

def test_the_prefectures_deputy_mayor_in_a_county_level_citys_article():
    """遵义市委常委、副市长X on a page of 仁怀市: the 副市长 is 遵义市's, as the chain's first body
    says; the bare 市委常委、常务副市长 after it stay the home's."""
    _, got = facts_of("遵义市委常委、副市长王立中到会指导。市委常委、常务副市长张永刚讲话。", home=("仁怀市", "遵义市", "贵州省"))
    assert ("王立中", "memberOf", "遵义市政府") in got
    assert ("王立中", "memberOf", "仁怀市政府") not in got
    assert ("张永刚", "memberOf", "仁怀市政府") in got


# ---------------------------------------------------------------- places

@pytest.mark.parametrize("sentence,village,town", [
    ("走进舟塔乡上桥村，枸杞红了。", "上桥村", "舟塔乡"),
    ("走进洪格尔高勒镇萨如拉图雅嘎查，牛羊成群。", "萨如拉图雅嘎查", "洪格尔高勒镇")])
def test_a_village_right_after_its_town_holds_a_character_that_stops_names(sentence, village, town):
    """上, 如 end a name elsewhere (镇上, 如何); right after the town they are the village's."""
    _, got = facts_of(sentence)
    assert (village, "locatedIn", town) in got


@pytest.mark.parametrize("sentence,town", [("签约项目落户舟塔乡、恩和镇的种植基地。", "恩和镇"),
                                           ("调研组走进永和乡，察看了小麦长势。", "永和乡")])
def test_a_town_of_one_character_and_he(sentence, town):
    """、恩和镇, 走进永和乡: one character before 和 is no list item of its own; 和 is the name's."""
    out, _ = facts_of(sentence)
    assert town in labels(out, "Place")


def test_he_still_joins_two_towns():
    out, _ = facts_of("调研组走进舟塔乡和鸣沙镇。")
    assert {"舟塔乡", "鸣沙镇"} <= labels(out, "Place")
    assert not any(p.startswith("和") or p.startswith("乡和") for p in labels(out, "Place"))


def test_a_subdistrict_named_after_a_works():
    """坛厂街道: 厂 before 街道 names the subdistrict, no factory."""
    out, _ = facts_of("茅台镇、坛厂街道成为产业集聚区。", home=("仁怀市", "遵义市", "贵州省"))
    assert {"茅台镇", "坛厂街道"} <= labels(out, "Place")
    assert not labels(out, "Organization")


def test_a_port_a_drum_tower_and_a_covered_bridge_are_sites():
    out, got = facts_of("在独峒镇高定村，他察看了高定鼓楼和高定风雨桥。赵立新来到抚远口岸。",
                        home=("三江侗族自治县", "柳州市", "广西壮族自治区"))
    assert {"高定鼓楼", "高定风雨桥", "抚远口岸"} <= labels(out, "Place")
    assert ("高定鼓楼", "locatedIn", "高定村") in got


def test_countries_a_product_is_sold_to():
    out, _ = facts_of("全县木耳远销韩国、日本、俄罗斯。", home=("汪清县", "延边朝鲜族自治州", "吉林省"))
    assert {"韩国", "日本", "俄罗斯"} <= labels(out, "Place")


# ---------------------------------------------------------------- co-ops

@pytest.mark.parametrize("name", ["雪域牦牛养殖专业合作社", "红枸杞种植专业合作社"])
def test_a_coop_named_by_a_word_before_its_product(name):
    """雪域, 红 before the product: one co-op, though every word of it is a dictionary word."""
    out, _ = facts_of(f"强嘎乡的{name}去年分红80万元。")
    assert name in labels(out, "Organization")


def test_a_product_and_its_trade_name_a_kind_of_coop():
    out, _ = facts_of("全乡新发展牦牛养殖专业合作社12家。")
    assert not labels(out, "Organization")


def test_a_list_item_after_a_township_keeps_its_own_start():
    """格日朝鲁苏木、阿日昆都楞镇: a 、 between them is no part of the second name (都 stops it elsewhere)."""
    out, _ = facts_of("宝音先后到格日朝鲁苏木、阿日昆都楞镇调研。")
    assert "阿日昆都楞镇" in labels(out, "Place")
    assert not any(p.startswith("、") for p in labels(out, "Place"))


def test_a_clause_framed_by_a_village_with_a_name_stopping_character():
    """在萨如拉图雅嘎查，: 在 opens the frame; 如 inside the name does not cut it."""
    out, _ = facts_of("在萨如拉图雅嘎查，嘎查党支部书记巴特尔介绍了情况。")
    assert "萨如拉图雅嘎查" in labels(out, "Place")
    assert "拉图雅嘎查" not in labels(out, "Place")


# ---------------------------------------------------------------- where parks and farms are

def test_a_park_in_the_homes_zone():
    """位于库车经济技术开发区的苏库产业园: the zone the home's name opens holds the park."""
    _, got = facts_of("位于库车经济技术开发区的苏库产业园已入驻企业14家。", home=("库车市", "阿克苏地区", "新疆维吾尔自治区"))
    assert ("苏库产业园", "locatedIn", "库车经济技术开发区") in got


def test_a_towns_park():
    """天桥岭镇的长白山木耳产业园: X镇的Y for a park, as for a company."""
    _, got = facts_of("与会人员观摩了天桥岭镇的长白山木耳产业园。", home=("汪清县", "延边朝鲜族自治州", "吉林省"))
    assert ("长白山木耳产业园", "locatedIn", "天桥岭镇") in got


def test_a_county_before_de_places_no_park():
    _, got = facts_of("汪清县的长白山木耳产业园扩建完成。", home=("汪清县", "延边朝鲜族自治州", "吉林省"))
    assert not any(p == "locatedIn" for _, p, _ in got)


# ---------------------------------------------------------------- what names no body

def test_every_township_urged_names_no_body():
    """各乡镇要引导合作社: 各 before the run: every one of a kind."""
    out, _ = facts_of("各乡镇要引导合作社、家庭农场参与乡村旅游。", home=("三江侗族自治县", "柳州市", "广西壮族自治区"))
    assert not labels(out, "Organization")


def test_a_kind_of_distillery_and_a_named_one():
    out, _ = facts_of("检查组走访了青稞酒坊和德兴酒坊。", home=HUZHU)
    assert labels(out, "Organization") == {"德兴酒坊"}


def test_a_bureaus_forest_farm():
    """汪清县林业局天桥岭林场: one body, the bureau's farm."""
    out, _ = facts_of("与会人员观摩了汪清县林业局天桥岭林场。", home=("汪清县", "延边朝鲜族自治州", "吉林省"))
    assert "汪清县林业局天桥岭林场" in labels(out, "Organization")


# ---------------------------------------------------------------- an autonomous county's own words

def test_the_autonomous_countys_own_bodies_written_bare():
    """自治县党委副书记、县长X, 自治县人民政府副县长Y: the home's 县委 and 县政府, one node each."""
    out, got = facts_of("自治县党委副书记、县长杨光明带队调研。自治县人民政府副县长吴海英陪同。",
                        home=("三江侗族自治县", "柳州市", "广西壮族自治区"))
    assert ("杨光明", "memberOf", "三江侗族自治县委") in got
    govs = {o for _, p, o in got if p == "memberOf" and "政府" in o}
    assert len(govs) == 1 and ("吴海英", "memberOf", govs.pop()) in got


def test_a_long_bureau_name_joined_by_he():
    """县文化广电体育和旅游局: six characters before 和 inside the bureau's name."""
    out, _ = facts_of("县文化广电体育和旅游局、县农业农村局主要负责人陪同调研。",
                      home=("三江侗族自治县", "柳州市", "广西壮族自治区"))
    assert "三江侗族自治县文化广电体育和旅游局" in labels(out, "Organization")


def test_a_verb_with_hao_before_a_township():
    """保护好布朗山乡: 保护好 is the verb, not part of the township's name."""
    out, _ = facts_of("要保护好布朗山乡、西定乡等地的古茶园。", home=MENGHAI)
    assert {"布朗山乡", "西定乡"} <= labels(out, "Place")


def test_two_bureaus_joined_by_he_stay_two():
    out, _ = facts_of("该活动由县农业农村局和县体育局联合主办。", home=MENGHAI)
    assert {"勐海县农业农村局", "勐海县体育局"} <= labels(out, "Organization")


# ---------------------------------------------------------------- found by o11-o12 (written after the fixes above)

def test_a_zone_named_after_a_proper_place_closing_on_a_verb():
    """契丹草原生态修复示范区: 修复 is a verb, but a zone opening with a proper name keeps its name."""
    _, got = facts_of("与会人员观摩了哈拉哈达镇的契丹草原生态修复示范区。", home=("巴林左旗", "赤峰市", "内蒙古自治区"))
    assert ("契丹草原生态修复示范区", "locatedIn", "哈拉哈达镇") in got


def test_a_verb_and_a_park_still_cut():
    out, _ = facts_of("要系统梳理园区企业，推进乡村振兴示范区建设。")
    assert not labels(out, "Place")


@pytest.mark.parametrize("sentence", ["陈立新先后来到爱新舍里镇依拉齐牛录村调研。", "在依拉齐牛录村，陈立新走访了农户。"])
def test_yi_opening_a_village_after_its_town_or_zai(sentence):
    """依 (along) is no verb right after the village's town or after 在 opening a frame."""
    out, _ = facts_of(sentence, home=("察布查尔锡伯自治县", "伊犁哈萨克自治州", "新疆维吾尔自治区"))
    assert "依拉齐牛录村" in labels(out, "Place")


def test_the_stops_written_as_a_towns_park_and_the_county_towns_hospital():
    """来到A镇的B产业园、县城的C医院: B and C are the stops, A and 县城 say where they are."""
    _, got = facts_of("陈立新一行先后来到孙扎齐牛录镇的锡伯大米产业园和县城的察布查尔锡伯自治县人民医院，详细了解情况。",
                      home=("察布查尔锡伯自治县", "伊犁哈萨克自治州", "新疆维吾尔自治区"))
    visited = {o for s, p, o in got if s == "陈立新" and p == "inspected"}
    assert visited == {"锡伯大米产业园", "察布查尔锡伯自治县人民医院"}



# ---------------------------------------------------------------- found by o13-o14 (written after the second round)

def test_a_provincial_departments_deputy_head():
    """省农业农村厅副厅长X: 副厅长 is a title; the department is the province's."""
    _, got = facts_of("省农业农村厅副厅长符明华出席开幕式。", home=("琼中黎族苗族自治县", "琼中黎族苗族自治县", "海南省"))
    assert ("符明华", "memberOf", "海南省农业农村厅") in got


def test_a_coop_whose_transliterated_brand_holds_nei():
    """湾岭镇的奔格内绿橙种植专业合作社: 内 inside a brand after 的 is the name's."""
    _, got = facts_of("一行来到湾岭镇的奔格内绿橙种植专业合作社。", home=("琼中黎族苗族自治县", "琼中黎族苗族自治县", "海南省"))
    assert ("奔格内绿橙种植专业合作社", "locatedIn", "湾岭镇") in got


def test_a_company_inside_a_park_keeps_its_own_start():
    out, _ = facts_of("园区的园区内有限公司很多，产业园区内企业合作社发展快。")
    assert not any(o.startswith("园区") for o in labels(out, "Organization"))


# ---------------------------------------------------------------- the invented articles

# pooled over fourteen articles after this round's fixes: entity F1 0.989, relation F1 0.978 (Organization
# 0.982, Place 0.984, Post 0.995; inspected 0.947, locatedIn 0.951). First read of o01-o10: 0.891 and 0.853
# (Person 0.942, Post 0.903, Organization 0.860 (P 0.881), Place 0.885 (P 0.935), Event 0.923; holdsPost
# 0.907, memberOf 0.865, attended 0.899, inspected 0.739, locatedIn 0.800). o11-o12, written after the
# first fixes, read first at 0.976 and 0.876 (inspected 0.600, locatedIn 0.615); o13-o14, after the second,
# at 0.971 and 0.947 (副厅长 no title, a co-op's brand holding 内); each pair 1.000 and 1.000 after its fixes.
# A change may move them freely above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.979, 0.968


@pytest.fixture(scope="module")
def orgplace_scores(tmp_path_factory) -> dict:
    return score_suite(FIXTURES, tmp_path_factory.mktemp("orgplace"))


def test_the_invented_orgplace_articles_score_above_their_floors(orgplace_scores):
    assert orgplace_scores["entities"] >= ENTITY_FLOOR, orgplace_scores
    assert orgplace_scores["relations"] >= RELATION_FLOOR, orgplace_scores
