"""Inspection and research-tour reports (调研, 督导, 督查, 视察, 考察, 走访) written in other provinces'
styles: constructions of the genre on invented sentences, one case each, and the invented articles of
tests/fixtures/genre_tours (eighteen homes, gold written by hand before the extractor saw them) scored
with the project's evaluator. Every name in them is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import invented
from invented import score_suite
from kg.graph.rdf import label_of

FIXTURES = Path(__file__).parent / "fixtures" / "genre_tours"
QINGXU = ("清徐县", "太原市", "山西省")


def facts_of(body: str, home=QINGXU):
    return invented.facts_of(body, home)


# ---------------------------------------------------------------- the visiting party

@pytest.mark.parametrize("verb", ["督导", "督查", "检查"])
def test_those_who_join_a_supervision_tour_inspect(verb):
    """县领导甲、乙参加督导: the joiners are of the party, as with 参加调研."""
    _, got = facts_of(f"3月9日，县长杨文博带队{verb}重点项目建设。县领导周海涛、罗晓东参加{verb}。"
                      f"{verb}组一行先后深入柳湾镇石桥村、青禾纺织有限公司，实地查看工程进度。")
    for who in ("杨文博", "周海涛", "罗晓东"):
        assert (who, "inspected", "青禾纺织有限公司") in got, who


def test_a_host_who_accompanies_a_supervision_tour_does_not_inspect():
    _, got = facts_of("县长杨文博带队督导重点项目建设，副县长李春来陪同。督导组先后深入柳湾镇石桥村、青禾纺织有限公司。")
    assert ("杨文博", "inspected", "石桥村") in got
    assert not any(s == "李春来" and p == "inspected" for s, p, _ in got)


# ---------------------------------------------------------------- heads of a body named before

def test_a_bare_company_before_a_title_is_the_company_named_before():
    """在X有限公司，公司总经理甲介绍: 总经理 of X; no organization called 公司."""
    out, got = facts_of("副县长石晓峰走访了青禾纺织有限公司。在青禾纺织有限公司，公司总经理张宏伟介绍了生产情况。")
    assert ("张宏伟", "holdsPost", "总经理") in got
    assert ("张宏伟", "memberOf", "青禾纺织有限公司") in got
    assert ("Organization", "公司") not in {(t, label_of(t, k)) for t, k in out.entities}


def test_a_cooperative_head_after_the_cooperative():
    _, got = facts_of("调研组来到石桥村富民肉牛养殖专业合作社，察看棚圈建设情况。合作社理事长包青山介绍了带动农户增收的做法。")
    assert ("包青山", "holdsPost", "理事长") in got
    # (the node may carry the village it is named with: 石桥村富民…合作社)
    assert any(s == "包青山" and p == "memberOf" and o.endswith("富民肉牛养殖专业合作社") for s, p, o in got)


def test_a_company_head_refers_back_across_sentences():
    """X公司位于…。在企业生产车间，…公司负责人甲介绍: a member of X."""
    _, got = facts_of("县委书记欧阳志明调研了湘禾农业开发有限公司。湘禾农业开发有限公司位于柳湾镇。"
                      "在企业生产车间，欧阳志明听取了公司负责人蒋国庆的情况介绍。")
    assert ("蒋国庆", "memberOf", "湘禾农业开发有限公司") in got


def test_a_bare_company_with_no_company_before_is_no_body():
    out, got = facts_of("副县长石晓峰到柳湾镇石桥村调研。公司总经理张宏伟介绍了情况。")
    assert not any(p == "memberOf" and s == "张宏伟" for s, p, _ in got)
    assert ("Organization", "公司") not in {(t, label_of(t, k)) for t, k in out.entities}


def test_a_qualified_head_of_a_company():
    """X公司安全负责人甲: a member of X (安全 qualifies 负责人)."""
    _, got = facts_of("督查组检查了永固化工有限公司。永固化工有限公司安全负责人邹明介绍，企业每月开展一次应急演练。")
    assert ("邹明", "memberOf", "永固化工有限公司") in got


# ---------------------------------------------------------------- where the stops are

def test_a_park_named_after_its_town_is_in_the_town():
    """X公司位于龙潭镇青山工业园: the company in the park, the park in the town (a park and a town
    share a level, but a park written after a town is the town's)."""
    _, got = facts_of("湘禾农业开发有限公司位于龙潭镇青山工业园，主要从事茶叶加工。")
    assert ("湘禾农业开发有限公司", "locatedIn", "青山工业园") in got
    assert ("青山工业园", "locatedIn", "龙潭镇") in got


def test_a_town_is_not_placed_in_a_town_before_it():
    _, got = facts_of("县长杨文博先后到龙潭镇、清溪镇调研。")
    assert not any(p == "locatedIn" for _, p, _ in got)


def test_sits_in_is_a_locating_verb():
    _, got = facts_of("中原铝箔科技有限公司坐落在回郭镇金桥产业园，董事长黄立明介绍了新产品研发情况。")
    assert ("中原铝箔科技有限公司", "locatedIn", "金桥产业园") in got


def test_the_project_a_locating_sentence_refers_back_to():
    """…来到X项目现场。该项目位于A街道B社区: X is in B."""
    _, got = facts_of("县长杨文博来到凤栖里旧改项目现场，了解拆迁进度。该项目位于桂南街道新塘社区，总投资约18亿元。")
    assert ("凤栖里旧改项目", "locatedIn", "新塘社区") in got


def test_a_referring_word_with_nothing_of_its_kind_before_places_nothing():
    _, got = facts_of("县长杨文博到清溪镇石门村调研。该项目位于桂南街道新塘社区，总投资约18亿元。")
    assert not any(p == "locatedIn" and o == "新塘社区" and s != "新塘社区" for s, p, o in got)


def test_a_village_frame_holds_the_enterprise_visited_in_it():
    """在集义乡南岗村，视察组走访了X农场: X is the village's."""
    _, got = facts_of("视察组先后到孟封镇、集义乡南岗村调研。在集义乡南岗村，视察组走访了绿源家庭农场，了解废弃物利用情况。")
    assert ("绿源家庭农场", "locatedIn", "南岗村") in got


def test_a_scenic_site_named_after_its_town_is_the_stop():
    """西庄镇青龙古镇, 临安镇紫云山景区: an old town and a scenic area are sites below the town they are
    named after (古镇 is no town of the administration); the site is the stop and the town's."""
    _, got = facts_of("副县长许丽娟带队先后到柳林镇白鹤古镇、石门镇翠屏山景区、凤湖旅游度假区调研。")
    assert ("许丽娟", "inspected", "白鹤古镇") in got
    assert ("许丽娟", "inspected", "翠屏山景区") in got
    assert ("白鹤古镇", "locatedIn", "柳林镇") in got
    assert ("翠屏山景区", "locatedIn", "石门镇") in got
    assert not any(p == "inspected" and o in ("柳林镇", "石门镇") for _, p, o in got)


def test_a_kind_of_scenic_area_is_no_place():
    out, _ = facts_of("县长杨文博要求打造旅游景区，提升景区品质。")
    assert not any(t == "Place" for t, _ in out.entities)


def test_a_company_written_as_a_towns_is_the_stop_and_in_the_town():
    """抽查了A镇的X公司、B开发区内的Y公司: the companies are visited, the town and zone say where."""
    _, got = facts_of("副县长石晓峰带队随机抽查了柳湾镇的青禾纺织有限公司和县经济开发区内的永固化工有限公司。")
    assert ("石晓峰", "inspected", "青禾纺织有限公司") in got
    assert ("石晓峰", "inspected", "永固化工有限公司") in got
    assert ("青禾纺织有限公司", "locatedIn", "柳湾镇") in got
    assert ("永固化工有限公司", "locatedIn", "清徐县经济开发区") in got
    assert not any(p == "inspected" and o == "柳湾镇" for _, p, o in got)


def test_a_company_of_the_county_is_not_placed_in_it():
    """清徐县的企业: the home before 的 is the area of a statement, not where one company stands."""
    _, got = facts_of("清徐县的青禾纺织有限公司今年产值增长两成。")
    assert not any(p == "locatedIn" for _, p, _ in got)


def test_a_zone_frame_holds_the_companies_its_sentence_visits():
    """在清徐高新技术产业开发区，…走访了A、B: a zone written with the home's short name frames the
    companies visited in it."""
    _, got = facts_of("县长杨文博带队到清徐高新技术产业开发区考察。在清徐高新技术产业开发区，考察团先后走访了"
                      "青禾纺织有限公司、永固化工有限公司和鲁西纺织有限公司，详细了解情况。")
    for c in ("青禾纺织有限公司", "永固化工有限公司", "鲁西纺织有限公司"):
        assert (c, "locatedIn", "清徐高新技术产业开发区") in got, c


def test_a_park_frame_does_not_hold_a_later_sentences_project():
    _, got = facts_of("在青山工业园，杨文博察看了厂房建设。凤栖里旧改项目总投资5亿元，主要建设安置住房。")
    assert not any(p == "locatedIn" and s == "凤栖里旧改项目" for s, p, _ in got)


def test_a_village_frame_goes_on_to_the_stops_of_the_next_sentence():
    """在X村，…。随后，甲来到A家庭农场和B合作社: a sentence naming no place of its own visits in the village."""
    _, got = facts_of("县长杨文博带队到清溪镇石门村调研。在清溪镇石门村，杨文博察看了农田建设情况。"
                      "随后，杨文博来到绿源家庭农场和富民肉牛养殖专业合作社，察看种植情况。")
    assert ("绿源家庭农场", "locatedIn", "石门村") in got
    assert ("富民肉牛养殖专业合作社", "locatedIn", "石门村") in got


def test_a_village_frame_does_not_hold_a_stop_named_with_another_village():
    _, got = facts_of("县长杨文博带队到清溪镇石门村调研。在清溪镇石门村，杨文博察看了农田建设情况。"
                      "随后，杨文博来到湾头村富民肉牛养殖专业合作社，察看棚圈建设。")
    assert not any(p == "locatedIn" and o == "石门村" and "合作社" in s for s, p, o in got)


def test_a_second_town_in_a_list_under_a_county():
    """A县B镇C村、D镇E村: the list goes on under the county with the next chain's town."""
    _, got = facts_of("考察团先后来到阳朔县白沙镇遇龙村、兴坪镇石门村考察。")
    assert ("兴坪镇", "locatedIn", "阳朔县") in got
    assert ("石门村", "locatedIn", "兴坪镇") in got
    assert ("石门村", "locatedIn", "白沙镇") not in got


def test_a_village_list_after_a_chain_is_not_nested():
    """柳湾镇石桥村、枫林镇: a town after a village is no item of the village's list."""
    _, got = facts_of("县长杨文博先后到柳湾镇石桥村、枫林镇调研。")
    assert not any(s == "枫林镇" and p == "locatedIn" for s, p, _ in got)


# ---------------------------------------------------------------- names the finder cuts

def test_the_first_stop_after_the_travel_verb_keeps_a_function_character():
    """先后到东于镇西营村: 于 stands inside the town's name; the village does not take the town's 镇."""
    out, got = facts_of("视察组一行先后到东于镇西营村、孟封镇，实地查看村容村貌。")
    assert ("西营村", "locatedIn", "东于镇") in got
    assert ("Place", "镇西营村") not in out.entities


def test_located_after_yu_is_still_no_name():
    """位于龙潭镇: 于 of 位于 does not join the town's name."""
    out, _ = facts_of("湘禾农业开发有限公司位于龙潭镇，主要从事茶叶加工。")
    assert ("Place", "龙潭镇") in out.entities
    assert not any(k.startswith("于") for _, k in out.entities)


def test_a_referring_word_looks_back_past_a_framing_sentence():
    _, got = facts_of("梁启航先后来到龙岗社区、凤栖里旧改项目现场调研。在凤栖里旧改项目现场，梁启航了解拆迁进度。"
                      "在现场，梁启航听取了汇报。该项目位于桂南街道新塘社区。")
    assert ("凤栖里旧改项目", "locatedIn", "新塘社区") in got


def test_a_village_frame_does_not_hold_the_next_sentences_enterprise():
    _, got = facts_of("在清溪镇石门村，县长杨文博察看了农田建设情况。湘禾农业开发有限公司位于龙潭镇，主要从事茶叶加工。")
    assert ("湘禾农业开发有限公司", "locatedIn", "石门村") not in got


def test_a_body_named_with_its_village_after_a_town_is_in_the_village_only():
    """庄寨镇桐花村木制品加工车间: the nearest container is the village its name holds."""
    _, got = facts_of("副县长石晓峰先后走访了庄寨镇桐花村木制品加工车间。")
    assert ("桐花村木制品加工车间", "locatedIn", "桐花村") in got
    assert ("桐花村木制品加工车间", "locatedIn", "庄寨镇") not in got


def test_the_leader_of_a_supervision_team_is_its_member():
    _, got = facts_of("副县长蒋志远带领县安全生产第二督查组，先后到临江街道督查安全生产工作。")
    assert ("蒋志远", "memberOf", "清徐县安全生产第二督查组") in got


def test_tong_after_a_town_opens_the_next_name():
    """复兴镇同马大堤: 同, a function character elsewhere, opens a dike's name right after its town."""
    _, got = facts_of("副县长石晓峰带队先后来到柳林镇同安大堤、石门镇白沙水库检查防汛工作。")
    assert ("石晓峰", "inspected", "同安大堤") in got
    assert ("同安大堤", "locatedIn", "柳林镇") in got


def test_a_pumping_station_is_a_project_placed_in_its_town():
    """洲头乡新洲泵站: public works, as the contract's 李埠长江公铁大桥 is a Project; placed in its town."""
    out, got = facts_of("副县长石晓峰带队先后来到柳林镇白沙水库、石门乡江口泵站检查防汛工作。")
    assert any(t == "Project" and label_of(t, k).endswith("江口泵站") for t, k in out.entities)
    assert any(s == "石晓峰" and p == "inspected" and o.endswith("江口泵站") for s, p, o in got)
    out, _ = facts_of("副县长石晓峰先后到柳林镇、白沙灌区新建扩建工程江口泵站调研。")
    assert any(t == "Project" and label_of(t, k).endswith("江口泵站") for t, k in out.entities)


def test_one_character_before_xiangcun_is_no_village():
    """和美乡村示范村: 美乡村 is a cut word (和美 + 乡村), no village."""
    out, _ = facts_of("在清溪镇石门村，县长杨文博实地察看了和美乡村示范村建设。")
    assert not any(label_of(t, k).endswith("乡村") for t, k in out.entities)


def test_a_kind_of_workshop_or_hotel_is_no_body():
    """走进生产车间, 建设康养酒店: a facility word after common or trade words names a kind."""
    out, got = facts_of("副县长石晓峰先后来到青禾纺织有限公司、永固化工有限公司，走进生产车间察看。项目主要建设康养酒店、游客中心。")
    orgs = {label_of(t, k) for t, k in out.entities if t == "Organization"}
    assert "生产车间" not in orgs and "康养酒店" not in orgs
    assert ("石晓峰", "inspected", "永固化工有限公司") in got


def test_a_guesthouse_with_a_brand_is_a_body():
    """走访了云栖民宿: 民宿 after a brand names one guesthouse (an enterprise), in the village framed."""
    out, got = facts_of("县长杨文博带队到清溪镇石门村调研。在清溪镇石门村，杨文博察看了民宿集群建设，走访了翠竹民宿，"
                        "与民宿业主交流。")
    orgs = {label_of(t, k) for t, k in out.entities if t == "Organization"}
    assert orgs & {"翠竹民宿"} and not any(o.endswith("民宿") and o != "翠竹民宿" for o in orgs)
    assert ("杨文博", "inspected", "翠竹民宿") in got
    assert ("翠竹民宿", "locatedIn", "石门村") in got


def test_a_plant_a_works_is_done_on_is_no_body():
    """柳林镇城南污水处理厂提标改造项目: the plant is what the project works on; the project is the stop."""
    out, got = facts_of("督导组一行先后深入竹园镇、柳林镇城南污水处理厂提标改造项目调研。")
    assert not any(t == "Organization" for t, _ in out.entities if label_of(t, _).endswith("厂"))
    assert ("柳林镇城南污水处理厂提标改造项目", "locatedIn", "柳林镇") in got


def test_a_hospitals_new_campus_is_no_district():
    out, _ = facts_of("在县人民医院，院长张卫民汇报了新院区建设进展。")
    assert not any(t == "Place" for t, _ in out.entities)


# ---------------------------------------------------------------- who hosts

def test_a_leader_with_a_visit_of_his_own_is_no_host():
    """甲到X调研，乙陪同: 乙 hosts; 甲, who has the verb, inspects."""
    _, got = facts_of("县委书记欧阳志明到柳湾镇石桥村调研，副县长李春来陪同。")
    assert ("欧阳志明", "inspected", "石桥村") in got
    assert ("李春来", "inspected", "石桥村") not in got


def test_a_clause_with_its_own_hosts_leaves_the_visitor_in_the_party():
    """甲走访调研…，县工信局负责人陪同: the bureau's people host, 甲 visits."""
    _, got = facts_of("副县长石晓峰走访调研我县部分民营企业，县工信局负责人陪同。石晓峰一行先后走访了鲁西纺织有限公司。")
    assert ("石晓峰", "inspected", "鲁西纺织有限公司") in got


def test_hosts_named_before_the_visitors_still_host():
    """甲，乙陪同省调研组…: both named before 陪同 host."""
    _, got = facts_of("县委书记欧阳志明，副县长李春来陪同省调研组到柳湾镇石桥村调研。")
    assert not any(p == "inspected" and s in ("欧阳志明", "李春来") for s, p, _ in got)


def test_the_home_before_some_enterprises_is_no_stop():
    """走访调研我县部分民营企业: 我县 qualifies the enterprises."""
    _, got = facts_of("副县长石晓峰走访调研我县部分民营企业。石晓峰一行先后走访了鲁西纺织有限公司。")
    assert not any(p == "inspected" and o == "清徐县" for _, p, o in got)
    assert ("石晓峰", "inspected", "鲁西纺织有限公司") in got


def test_a_trade_park_named_with_its_town():
    """竹园镇茶叶精深加工产业园: a town before a park of one trade names one park, the stop."""
    _, got = facts_of("县长杨文博带队先后深入竹园镇茶叶精深加工产业园、鸭溪镇白酒产业园调研。")
    assert ("白酒产业园", "locatedIn", "鸭溪镇") in got
    assert ("茶叶精深加工产业园", "locatedIn", "竹园镇") in got
    assert not any(p == "inspected" and o == "竹园镇" for _, p, o in got)


def test_a_trade_park_with_no_town_is_a_kind_of_park():
    out, _ = facts_of("县长杨文博要求加快建设农业产业园。")
    assert not any(t == "Place" for t, _ in out.entities)


def test_a_qualified_trade_park_is_a_kind_unless_a_town_names_it():
    """现代农业产业园: 现代 qualifies the trade; the park is one only after its town."""
    out, _ = facts_of("县长杨文博要求加快建设现代农业产业园。")
    assert not any(t == "Place" for t, _ in out.entities)
    _, got = facts_of("县长杨文博到柳湾镇现代农业产业园调研。")
    assert ("现代农业产业园", "locatedIn", "柳湾镇") in got


def test_the_homes_development_zone_written_bare():
    """县经济开发区: the level word of the home and a zone suffix are the home's zone."""
    _, got = facts_of("曹州木业有限公司位于县经济开发区，主要生产实木家具。", home=("曹县", "菏泽市", "山东省"))
    assert ("曹州木业有限公司", "locatedIn", "曹县经济开发区") in got


def test_a_county_level_citys_zone_written_bare():
    _, got = facts_of("副市长许丽娟到市经济开发区的华晟化纤有限公司调研。", home=("晋江市", "泉州市", "福建省"))
    assert any(p == "inspected" or p == "locatedIn" for _, p, _ in got)
    out, _ = facts_of("副市长许丽娟到市经济开发区的华晟化纤有限公司调研。", home=("晋江市", "泉州市", "福建省"))
    assert ("Place", "晋江市经济开发区") in out.entities


# ---------------------------------------------------------------- the invented articles

# the pooled figures over eighteen articles (entity F1 0.978, relation F1 0.965; 0.961 and 0.886 before
# the sites, possessives, frames, nested lists and facility words of their last round; the four added last, t15-t18,
# scored 0.918 and 0.809 before their fixes): a change may move them freely above these floors
ENTITY_FLOOR, RELATION_FLOOR = 0.975, 0.962


@pytest.fixture(scope="module")
def tour_scores(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("tours")
    return score_suite(FIXTURES, root)



def test_the_invented_tour_articles_score_above_their_floors(tour_scores):
    assert tour_scores["entities"] >= ENTITY_FLOOR, tour_scores
    assert tour_scores["relations"] >= RELATION_FLOOR, tour_scores



def test_a_village_whose_name_is_a_common_word():
    """兴坪镇渔村 as an item of a list of stops: the town before it names the village (渔村 is a
    dictionary word, one character before 村)."""
    _, got = facts_of("考察团先后来到阳朔县白沙镇遇龙村、兴坪镇渔村考察。")
    assert ("渔村", "locatedIn", "兴坪镇") in got


def test_a_common_word_village_needs_its_town_in_a_list():
    out, _ = facts_of("县长杨文博强调，兴坪镇渔村经济要加快发展，建设富裕渔村。")
    assert ("Place", "渔村") not in {(t, label_of(t, k)) for t, k in out.entities}







# ---------------------------------------------------------------- bodies joined by 和, qualified titles

def test_a_bureau_whose_name_holds_he():
    """县文化和旅游局局长: 和 inside a bureau led by its level word does not cut the title's body."""
    _, got = facts_of("县文化和旅游局局长朱永平汇报了古镇保护利用规划编制情况。")
    assert ("朱永平", "memberOf", "清徐县文化和旅游局") in got


def test_two_bodies_joined_by_he_before_a_level_word():
    """淡村镇卫生院和县人民医院: the last two items of a list, not one body."""
    out, _ = facts_of("县长杨文博先后来到县职业教育中心、淡村镇卫生院和县人民医院调研。")
    orgs = {label_of(t, k) for t, k in out.entities if t == "Organization"}
    assert {"淡村镇卫生院", "清徐县人民医院"} <= orgs
    assert not any("和县" in o for o in orgs)


def test_a_qualifier_between_a_company_and_a_title():
    """永固化工有限公司安全总监: 安全 qualifies 总监; the company is the body."""
    out, got = facts_of("永固化工有限公司安全总监邹明介绍了隐患排查情况。")
    assert ("邹明", "memberOf", "永固化工有限公司") in got
    assert not any(t == "Organization" and label_of(t, k).endswith("安全") for t, k in out.entities)


def test_a_school_named_by_a_word_holding_a_function_character_after_its_town():
    """庄里镇育才小学: 才 of the word 育才 does not stop the school's name; the school is the stop."""
    _, got = facts_of("县长杨文博先后来到庄里镇育才小学、县职业教育中心调研。")
    assert ("杨文博", "inspected", "庄里镇育才小学") in got
    assert ("庄里镇育才小学", "locatedIn", "庄里镇") in got
    assert ("杨文博", "inspected", "庄里镇") not in got
