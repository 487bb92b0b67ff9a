"""Where things are: project groundbreakings and progress reports, rural revitalisation, park
enterprises, flood works on rivers, scenic sites and signed investments, written in other provinces'
styles. Constructions of the genre on invented sentences, one case each, and the invented articles of
tests/fixtures/genre_places (sixteen homes, gold written by hand before the extractor saw them) scored
with the project's evaluator. Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite, labels

FIXTURES = Path(__file__).parent / "fixtures" / "genre_places"
HUICHANG = ("会昌县", "赣州市", "江西省")


def facts_of(body: str, home=HUICHANG):
    return invented.facts_of(body, home)


# ---------------------------------------------------------------- rivers

def test_rivers_are_places():
    """桃溪河、清水江沿线: a river's name is a place (a site), in lists and before 沿线."""
    out, _ = facts_of("我县加快推进桃溪河、清水江沿线水利工程建设。")
    assert {"桃溪河", "清水江"} <= labels(out, "Place")


@pytest.mark.parametrize("sentence", ["要落实河长制，推进河道清淤，守护好母亲河。", "沿江一带江水清澈，江岸整洁，江面开阔。"])
def test_river_words_are_no_rivers(sentence):
    """河长制, 河道, 母亲河, 江南: the suffix running on into a word, or a river every county has."""
    out, _ = facts_of(sentence)
    assert not labels(out, "Place")


def test_a_river_before_a_longer_place_suffix_is_inside_that_name():
    """金沙河村, 黑龙江省, 都斯图河湿地: the river's suffix does not end the name."""
    out, _ = facts_of("考察团来到黑龙江省龙江县金沙河村，察看石门河湿地保护情况。")
    places = labels(out, "Place")
    assert {"黑龙江省", "金沙河村", "石门河湿地"} <= places
    assert not places & {"黑龙江", "金沙河", "石门河"}


@pytest.mark.parametrize("sentence,name", [("桃溪河流经双溪乡、白鹤镇等6个乡镇。", "双溪乡"),
                                           ("今年沿金沙河一带的6个村将推进农田建设。", "金沙河"),
                                           ("沱溪古镇依沱溪河而建，保存有吊脚楼200余栋。", "沱溪河")])
def test_a_verb_of_along_or_through_is_no_part_of_the_name(sentence, name):
    out, _ = facts_of(sentence)
    assert name in labels(out, "Place")
    assert not any(p.startswith(("流经", "沿", "依")) for p in labels(out, "Place"))


def test_a_short_name_after_along_keeps_it():
    """沿河村, 依法治区: a name left too short without the character keeps it (or is no name)."""
    out, _ = facts_of("县长王春江先后来到沿河村、桃源村调研，强调要坚持依法治县。")
    assert "沿河村" in labels(out, "Place")
    assert "法治县" not in labels(out, "Place")


# ---------------------------------------------------------------- where a project stands

def test_a_common_word_town_after_a_locating_verb():
    """选址于复兴镇随阳山村: after 位于/选址于 a town named by a common word (复兴) is still a town."""
    _, got = facts_of("七彩部落民宿集群项目选址于复兴镇随阳山村，总投资2亿元。")
    assert ("随阳山村", "locatedIn", "复兴镇") in got
    assert ("七彩部落民宿集群项目", "locatedIn", "随阳山村") in got


def test_a_project_at_whose_site_something_happens_is_named():
    """主会场设在X项目施工现场。该项目位于A镇B村: X is a project, and in B."""
    _, got = facts_of("主会场设在黔茗茶叶精深加工项目施工现场。该项目位于兴隆镇龙凤村，由贵州黔茗茶业有限公司投资建设。")
    assert ("黔茗茶叶精深加工项目", "locatedIn", "龙凤村") in got


def test_the_place_a_project_stands_in_named_after_the_project():
    """项目所在的X社区: the container after 所在的 holds the project named before."""
    _, got = facts_of("去年，南桥社区老旧小区改造项目启动。项目所在的东岭街道组织居民议事会12场。")
    assert ("南桥社区老旧小区改造项目", "locatedIn", "东岭街道") in got


def test_a_village_under_the_administration_of_a_township():
    """A嘎查隶属B苏木: the 嘎查 is the 苏木's."""
    _, got = facts_of("查汗淖尔嘎查隶属阿尔巴斯苏木，走出了一条牧旅融合的路子。", home=("鄂托克旗", "鄂尔多斯市", "内蒙古自治区"))
    assert ("查汗淖尔嘎查", "locatedIn", "阿尔巴斯苏木") in got


def test_a_distance_word_before_a_bare_kind_names_nothing():
    """距古镇10公里, 全面实施沿江化工企业搬迁: a verb and a bare kind word (古镇, 江) are no name."""
    out, _ = facts_of("距古镇10公里的飞云洞景区推出了夜游项目。我县全面实施沿江化工企业搬迁。")
    assert labels(out, "Place") == {"飞云洞景区", "会昌县"}


# ---------------------------------------------------------------- names the suffix table cuts

def test_an_autonomous_county_before_its_township():
    """石柱土家族自治县云岭乡: the autonomous county's long name, and the township its."""
    _, got = facts_of("走进石柱土家族自治县云岭乡青冈村，黄精长势喜人。", home=("石柱土家族自治县", "重庆市", "重庆市"))
    assert ("云岭乡", "locatedIn", "石柱土家族自治县") in got
    assert ("青冈村", "locatedIn", "云岭乡") in got


def test_another_provinces_autonomous_county_in_a_chain():
    _, got = facts_of("不少游客来自贵州省铜仁市松桃苗族自治县，自驾一个多小时就能到达。")
    assert ("松桃苗族自治县", "locatedIn", "铜仁市") in got


def test_a_garden_compound_named_to_its_xiaoqu():
    """金鹏花园小区: one compound (花园 does not end the name before 小区)."""
    out, got = facts_of("走进东岭街道南桥社区金鹏花园小区，新铺的沥青路面平整宽阔。")
    assert ("金鹏花园小区", "locatedIn", "南桥社区") in got
    assert "金鹏花园" not in labels(out, "Place")


def test_a_named_demonstration_zone_and_a_kind_of_one():
    """灵州长枣现代农业示范区 is one zone, in the town framing it; 中药材产业示范区 is a kind."""
    _, got = facts_of("在沙坡镇，占地1.5万亩的灵州长枣现代农业示范区已成为核心区。")
    assert ("灵州长枣现代农业示范区", "locatedIn", "沙坡镇") in got
    out, _ = facts_of("今年，我县将规划建设中药材产业示范区。")
    assert labels(out, "Place") == {"会昌县"}


@pytest.mark.parametrize("sentence", ["公园利用原厂区的沉淀池改造成生态公园。", "嘎查建起了500亩饲草料基地，在各苏木镇新建标准化养殖基地15个。",
                                      "村文化广场上人头攒动，新建沿河步道3公里。"])
def test_a_kind_of_site_is_no_place(sentence):
    out, _ = facts_of(sentence)
    assert not labels(out, "Place")


def test_a_named_site_of_common_words_by_a_river_is_a_place():
    out, _ = facts_of("位于清泉乡的金沙湖湿地公园新建了观鸟栈道，湄江湿地公园也已开放。")
    assert {"金沙湖湿地公园", "湄江湿地公园"} <= labels(out, "Place")


# ---------------------------------------------------------------- projects

def test_a_count_of_projects_names_none():
    out, _ = facts_of("总投资46亿元8个项目签约落户我市。县委书记周德明在兴隆镇主会场宣布项目开工。")
    assert not labels(out, "Project")


@pytest.mark.parametrize("sentence,name", [
    ("在秀溪镇，城南污水处理厂扩建工程已完成土建施工的80%。", "城南污水处理厂扩建工程"),
    ("在下游的岗背村，新建的城东泵站即将投入使用。", "城东泵站"),
    ("该公司此前已在浙江省安吉县投资建设了竹韵小镇项目。", "竹韵小镇项目")])
def test_works_named_after_a_frame_or_a_building_verb(sentence, name):
    out, _ = facts_of(sentence)
    assert name in labels(out, "Project")


# ---------------------------------------------------------------- what a project's name holds

def test_a_park_of_trade_words_in_a_projects_name_is_a_kind():
    """电子信息产业园项目: trade words name a kind of park; the project is the only entity."""
    out, _ = facts_of("总投资6亿元的电子信息产业园项目正加紧建设。")
    assert "电子信息产业园项目" in labels(out, "Project")
    assert not labels(out, "Place")


def test_a_named_park_a_project_is_named_with_holds_it():
    """徽韵纸墨文化产业园项目, 乌江港物流园项目: the park a project is named with is a place, and holds it."""
    _, got = facts_of("6月6日，徽韵纸墨文化产业园项目开工建设。")
    assert ("徽韵纸墨文化产业园项目", "locatedIn", "徽韵纸墨文化产业园") in got


def test_a_town_before_a_village_opening_with_zhang():
    """落户青禾镇长丰村: 镇长 is no town head here; the town, then its village."""
    _, got = facts_of("湖北楚源物流有限公司正式落户青禾镇长丰村，服装生产线开始试运行。")
    assert ("长丰村", "locatedIn", "青禾镇") in got
    assert ("湖北楚源物流有限公司", "locatedIn", "长丰村") in got


def test_the_care_of_rivers_is_no_river():
    out, _ = facts_of("要常态化开展巡河护河，推动河长制落实。")
    assert not labels(out, "Place")


def test_a_company_and_its_province_inside_a_projects_name():
    """湖北磷科新材料有限公司年产5万吨电子级磷酸项目: no body, no province of its own (named only inside)."""
    out, got = facts_of("今年3月，总投资20亿元的湖北磷科新材料有限公司年产5万吨电子级磷酸项目在园区开工。")
    assert "湖北磷科新材料有限公司年产5万吨电子级磷酸项目" in labels(out, "Project")
    assert not labels(out, "Organization") and not labels(out, "Place")


def test_a_river_in_a_works_name_is_not_framed():
    """在双溪乡石坪村，桃溪河防洪治理工程…: the works are the village's, the river is the works'."""
    _, got = facts_of("在双溪乡石坪村，桃溪河防洪治理工程施工现场一片繁忙。")
    assert ("桃溪河防洪治理工程", "locatedIn", "石坪村") in got
    assert ("桃溪河防洪治理工程", "locatedIn", "桃溪河") in got
    assert ("桃溪河", "locatedIn", "石坪村") not in got


# ---------------------------------------------------------------- locating sentences

def test_a_site_described_by_its_township():
    """坐落在桃林乡的千佛岭景区, 位于别斯托别乡的阔克苏草原景区: X的Y after a locating verb, for sites too."""
    _, got = facts_of("坐落在桃林乡的千佛岭景区新建了玻璃栈道。位于清泉乡的金沙湖湿地公园新建了观鸟栈道。")
    assert ("千佛岭景区", "locatedIn", "桃林乡") in got
    assert ("金沙湖湿地公园", "locatedIn", "清泉乡") in got


def test_a_town_described_by_a_county_is_not_reversed():
    _, got = facts_of("位于会昌县的白鹤镇今年新建了泵站。")
    assert ("会昌县", "locatedIn", "白鹤镇") not in got


def test_a_companys_headquarters():
    """X有限公司总部位于A省B市C区: the company is in the district (公司|总部, not 总|部位)."""
    _, got = facts_of("浙江华拓新能源科技有限公司总部位于浙江省宁波市北仑区，是锂电材料领域的骨干企业。")
    assert ("浙江华拓新能源科技有限公司", "locatedIn", "北仑区") in got
    assert ("北仑区", "locatedIn", "宁波市") in got
    assert not any(s == "浙江省" and p == "locatedIn" for s, p, _ in got)


def test_the_builder_in_a_you_phrase_does_not_settle():
    """X项目由Y公司投资建设，将落户Z: X settles in Z, not Y."""
    _, got = facts_of("总投资15亿元的新能源电池材料项目由浙江华拓新能源科技有限公司投资建设，将落户邳州经济开发区。",
                      home=("邳州市", "徐州市", "江苏省"))
    assert ("新能源电池材料项目", "locatedIn", "邳州经济开发区") in got
    assert ("浙江华拓新能源科技有限公司", "locatedIn", "邳州经济开发区") not in got


def test_the_town_an_old_town_stands_in():
    """沱溪古镇…。古镇所在的青溪坪镇…: 古镇 refers back to the old town named before."""
    _, got = facts_of("位于县城西南的沱溪古镇接待游客8.6万人次。近年来，古镇所在的青溪坪镇实施了风光带提升工程。")
    assert ("沱溪古镇", "locatedIn", "青溪坪镇") in got


def test_a_paragraph_opening_with_the_project_refers_to_the_one_before():
    """…X项目开工建设。¶项目选址于A镇B村: the project of the paragraph before is in B."""
    _, got = facts_of("徽韵纸墨文化产业园项目开工\n\n6月6日，徽韵纸墨文化产业园项目开工建设，副县长汪建华出席。\n"
                      "项目选址于桃源镇古坝村，规划用地260亩。", home=("泾县", "宣城市", "安徽省"))
    assert ("徽韵纸墨文化产业园项目", "locatedIn", "古坝村") in got


# ---------------------------------------------------------------- bureaus named with 发展, 建设, 城乡

@pytest.mark.parametrize("sentence,body", [
    ("县发展改革委主任刘海军介绍，今年全县共安排重点项目86个。", "会昌县发展改革委"),
    ("县住房和城乡建设局局长吴振东表示，将坚持一区一策。", "会昌县住房和城乡建设局"),
    ("县畜牧兽医发展中心主任王建新表示，将推广牧旅融合模式。", "会昌县畜牧兽医发展中心")])
def test_a_bureau_whose_name_holds_a_stop_word(sentence, body):
    """发展, 建设, 城乡 stop a name elsewhere; inside these bureaus' names they do not cut the title's body."""
    _, got = facts_of(sentence)
    assert any(p == "memberOf" and o == body for _, p, o in got), got


@pytest.mark.parametrize("sentence", ["在县城西部的城西片区，电子信息产业园项目正加紧建设。",
                                      "坐落在园区东区的四川蜀锂新材料有限公司满负荷运转。",
                                      "同日开工的还有县城东部片区路网建设项目。"])
def test_a_part_of_town_named_by_its_direction_is_no_place(sentence):
    out, _ = facts_of(sentence)
    assert not labels(out, "Place")


def test_a_district_named_by_its_direction_stays():
    """城东区, 城西街道: a district's or subdistrict's name may be a direction."""
    out, _ = facts_of("考察团先后来到城东区、城西街道调研。")
    assert {"城东区", "城西街道"} <= labels(out, "Place")


def test_a_city_after_come_from_keeps_a_common_word_name():
    """来自包头市的中学生: 包头 is a common word, 来自 introduces a place."""
    out, _ = facts_of("在嘎查的研学营地，来自包头市的中学生正在体验挤奶。")
    assert "包头市" in labels(out, "Place")


def test_a_villages_service_hall_is_no_body():
    """龙凤村党群服务中心: a building of the village, not an organization; the village is still named."""
    out, _ = facts_of("县长杨文博来到龙凤村党群服务中心，了解便民服务情况。")
    assert not any(o.endswith("服务中心") for o in labels(out, "Organization"))
    assert "龙凤村" in labels(out, "Place")


def test_a_town_village_and_rural_project_name():
    """枫香镇花茂村乡村旅游提升项目: 乡村 does not stop a project's name; the village holds the project."""
    _, got = facts_of("枫香镇花茂村乡村旅游提升项目已完工。")
    assert ("枫香镇花茂村乡村旅游提升项目", "locatedIn", "花茂村") in got
    assert ("花茂村", "locatedIn", "枫香镇") in got


def test_a_companys_phase_project():
    """落户X产业园的Y公司一期项目: 一期 does not stop the name; the project is the park's, the company
    (named only inside it) no body of its own."""
    out, got = facts_of("落户灵州新材料产业园的宁夏聚晶光伏科技有限公司一期项目已建成投产。",
                        home=("灵武市", "银川市", "宁夏回族自治区"))
    assert ("宁夏聚晶光伏科技有限公司一期项目", "locatedIn", "灵州新材料产业园") in got
    assert not labels(out, "Organization")


def test_a_project_built_in_another_provinces_county():
    """此前已在浙江省安吉县投资建设了竹韵小镇项目: built there, so there."""
    _, got = facts_of("该公司此前已在浙江省安吉县投资建设了竹韵小镇项目。")
    assert ("竹韵小镇项目", "locatedIn", "安吉县") in got
    assert ("安吉县", "locatedIn", "浙江省") in got


def test_a_bodys_staff_compound():
    """供电局宿舍区: one compound named after the body (as 荆州中心医院职工宿舍区)."""
    out, _ = facts_of("对金鹏花园小区和供电局宿舍区进行整体改造。")
    assert {"金鹏花园小区", "供电局宿舍区"} <= labels(out, "Place")


def test_a_dike_works_named_with_its_river():
    """乌兰河堤防加固工程: 河|堤防, not 河堤; the works are the river's. 工程所在的X嘎查 holds them."""
    _, got = facts_of("在乌兰河堤防加固工程现场，副局长额尔德木图介绍了进度。工程所在的查干诺尔嘎查隶属敖包图苏木。",
                      home=("阿鲁科尔沁旗", "赤峰市", "内蒙古自治区"))
    assert ("乌兰河堤防加固工程", "locatedIn", "乌兰河") in got
    assert ("乌兰河堤防加固工程", "locatedIn", "查干诺尔嘎查") in got


def test_a_stream_and_a_park_on_its_bank():
    """位于龙门溪东岸: a stream is a place; a park on its bank is not in it."""
    out, got = facts_of("金星工业园区位于龙门溪东岸，是我县重点打造的装备制造集聚区。")
    assert "龙门溪" in labels(out, "Place")
    assert not any(p == "locatedIn" and o == "龙门溪" for _, p, o in got)


def test_the_homes_level_word_and_a_modifier_name_no_project():
    out, _ = facts_of("我县重大产业项目签约落地")
    assert not labels(out, "Project")


def test_a_square_by_the_river_and_the_homes_square():
    """县滨江广场, 县文化广场: the river's word inside a square's name; the home's square is a site (a
    village's 村文化广场 is not)."""
    out, _ = facts_of("活动在县滨江广场启动，文艺汇演在县文化广场举行。")
    places = labels(out, "Place")
    assert len([p for p in places if p.endswith("滨江广场")]) == 1 and not any(p.endswith("滨江") for p in places)
    assert any(p.endswith("县文化广场") for p in places)


def test_a_locating_verb_opening_a_list_item_describes_what_follows():
    """…A村X项目、位于B镇的Y公司: 位于B镇 belongs to Y, not to the project before the comma."""
    _, got = facts_of("县长杨文博先后到白鹤镇石坪村高标准农田建设项目、位于双溪乡的绿源农业科技有限公司实地查看。")
    assert ("绿源农业科技有限公司", "locatedIn", "双溪乡") in got
    assert not any(s.endswith("项目") and o == "双溪乡" for s, p, o in got if p == "locatedIn")


# ---------------------------------------------------------------- the invented articles

# pooled over eighteen articles: entity F1 0.944, relation F1 0.922 (locatedIn 0.91) after this round's
# fixes. First reads: p01-p16 0.791 and 0.677 (Place precision 0.764, locatedIn F1 0.602); p17-p18,
# written after the first fixes, 0.906 and 0.714 before theirs (0.889 and 0.667 with none of them).
# A change may move them freely above these floors.
ENTITY_FLOOR, RELATION_FLOOR = 0.93, 0.91


@pytest.fixture(scope="module")
def place_scores(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("places")
    return score_suite(FIXTURES, root)



def test_the_invented_place_articles_score_above_their_floors(place_scores):
    assert place_scores["entities"] >= ENTITY_FLOOR, place_scores
    assert place_scores["relations"] >= RELATION_FLOOR, place_scores


def test_the_bare_park_is_the_park_named_before():
    """坐落在园区东区的X公司, Y项目在园区开工: 园区 is the park the article named before."""
    _, got = facts_of("一季度，龙桥工业园区实现产值46亿元。坐落在园区东区的四川蜀锂新材料有限公司满负荷运转。"
                      "总投资20亿元的磷酸铁锂项目在园区开工。")
    assert ("四川蜀锂新材料有限公司", "locatedIn", "龙桥工业园区") in got
    assert ("磷酸铁锂项目", "locatedIn", "龙桥工业园区") in got


def test_a_bare_park_with_no_park_before_places_nothing():
    _, got = facts_of("坐落在园区东区的四川蜀锂新材料有限公司满负荷运转。")
    assert not any(p == "locatedIn" for _, p, _ in got)


def test_a_person_acting_in_a_town_places_nothing():
    _, got = facts_of("县长杨文博在龙潭镇、石桥村调研。")
    assert not any(p == "locatedIn" for _, p, _ in got)


def test_a_project_named_with_and_without_its_place_is_one():
    """敖包图苏木乌兰河堤防加固工程 … 在乌兰河堤防加固工程现场: one works, not two."""
    out, _ = facts_of("检查组先后来到塔林花镇哈达图水库、敖包图苏木乌兰河堤防加固工程。在乌兰河堤防加固工程现场，"
                      "副局长额尔德木图介绍了进度。", home=("阿鲁科尔沁旗", "赤峰市", "内蒙古自治区"))
    assert len([p for p in labels(out, "Project") if p.endswith("乌兰河堤防加固工程")]) == 1
