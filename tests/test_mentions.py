"""Mention finders (kg/extract/mentions.py through kg.extract.mention_sentence), one rule per test.

Every sentence here is invented in the paper's style (officials, villages and companies that do
not exist); none is taken from the corpus. Each test states what a careful reader marks per
shared/spec/ANNOTATION.md: exact name boundaries, the titles of a chain, and the generic words
that are not entities at all.
"""
from __future__ import annotations

import pytest

from kg.extract import mentions as M
from kg.extract import Sentence, mention_sentence

CTX = ("荆州高新区", "荆州区", "荆州市", "湖北省")


def sm(s: str, known: frozenset = frozenset()):
    return mention_sentence(Sentence.of(s, 0, 0), known, CTX)


def found(s: str, known: frozenset = frozenset()) -> set[tuple[str, str]]:
    """(type, text) of every mention in the sentence, documents included."""
    x = sm(s, known)
    return {(m.type, m.text) for m in x.all() + x.docs}


def persons(s: str, known: frozenset = frozenset()) -> list[str]:
    return [m.text for m in sm(s, known).persons]


def chains(s: str) -> dict[str, list[str]]:
    return {c.person.text: [p.text for p in c.posts] for c in sm(s).chains}


def of_type(s: str, t: str) -> set[str]:
    return {text for typ, text in found(s) if typ == t}


# ------------------------------------------------------------------ title chains

def test_chain_of_three_titles_gives_three_posts():
    assert chains("区委常委、常务副区长、区政府党组成员韩立群参加会议。") == {
        "韩立群": ["区委常委", "常务副区长", "区政府党组成员"]}


def test_chain_runs_across_a_comma_to_the_titles_of_another_body():
    assert chains("区委副书记、区长，荆州高新区党工委书记蒋承志主持会议。") == {
        "蒋承志": ["区委副书记", "区长", "荆州高新区党工委书记"]}


def test_chain_keeps_the_body_in_the_title_item():
    # 湖北荆达建材有限公司党委副书记 is one item: body + title; 总经理 has no body of its own
    assert chains("湖北荆达建材有限公司党委副书记、总经理许文强介绍了生产情况。") == {
        "许文强": ["湖北荆达建材有限公司党委副书记", "总经理"]}


def test_a_list_of_names_after_a_chain_shares_its_titles():
    c = sm("区政府党组成员钱立新、孙雅文参加调研。").chains
    assert [(x.person.text, [p.text for p in x.posts]) for x in c] == [
        ("钱立新", ["区政府党组成员"]), ("孙雅文", ["区政府党组成员"])]


def test_each_chain_of_a_sentence_keeps_its_own_person():
    assert chains("区政协主席郝文渊，副主席金丽华、鲁振东参加会议。") == {
        "郝文渊": ["区政协主席"], "金丽华": ["副主席"], "鲁振东": ["副主席"]}


def test_another_districts_title_is_read_with_its_district():
    assert chains("秦淮区副区长卢志刚一行来荆考察。") == {"卢志刚": ["秦淮区副区长"]}


def test_title_after_the_name():
    assert chains("习近平总书记强调，要久久为功。") == {"习近平": ["总书记"]}


def test_group_word_is_not_a_title():
    # 区领导 introduces names but gives no post
    assert sm("区领导柯文、宁思远参加调研。").chains == []


# ------------------------------------------------------------------ name boundaries

@pytest.mark.parametrize("sentence, name", [
    ("区委书记钟启航主持会议。", "钟启航"),
    ("区长卫东出席会议并讲话。", "卫东"),
    ("周岚强调，要压实各方责任。", "周岚"),
    ("副区长龚铭指出，要守牢底线。", "龚铭"),
    ("吴克一行先后到云溪村调研。", "吴克"),
    ("区委书记汪海涛同志指出，要抓好落实。", "汪海涛"),
    ("副区长闵瑶参加调研。", "闵瑶"),
    ("宁思远一行先后到柳溪村调研。", "宁思远"),
    ("高志远强调，要压实责任。", "高志远"),
    ("宁思远参加调研。", "宁思远"),
    ("曾凡出席。", "曾凡"),
    ("区委常委、副区长司马明远主持会议。", "司马明远"),
    ("区长高峰主持会议。", "高峰"),          # a name that is also a word, fixed by its title
    # a two-character name before a verb of arriving: not 郑凯来|到 (到 follows three-character names too)
    ("区委书记郑凯来到云溪村调研。", "郑凯"),
    ("区长闵瑶走进柳溪村农户家中。", "闵瑶"),
    ("副区长宁思远专程来到云溪村。", "宁思远"),
    ("区委书记郑凯冒雨来到防汛一线。", "郑凯"),
    ("区长闵瑶莅临活动现场。", "闵瑶"),
    ("副区长高志远实地察看施工进度。", "高志远"),
    ("区委书记郑凯赶赴事故现场。", "郑凯"),
])
def test_name_ends_before_the_verb(sentence, name):
    assert persons(sentence) == [name]


@pytest.mark.parametrize("sentence, name", [
    ("青禾食品有限公司总经理吴俊说：“企业最缺的是技术工人。”", "吴俊"),
    ("村党支部书记柯海说，冷库建成后收入增加。", "柯海"),
    ("村党支部书记刘海军说，冷库建成后收入增加。", "刘海军"),
])
def test_a_name_ends_before_shuo_and_its_colon(sentence, name):
    assert persons(sentence) == [name]


@pytest.mark.parametrize("sentence, name", [
    ("区长闵瑶与村党支部书记汪小雷交流发展思路。", "汪小雷"),
    ("村党支部书记柯海交流了经验。", "柯海"),
    ("区委书记郑凯主动对接企业。", "郑凯"),
    ("区政协委员、青禾学院教授张海峰建议，调整专业设置。", "张海峰"),    # 海峰 is a word, a rare one
])
def test_after_a_title_a_name_ends_where_a_common_word_starts(sentence, name):
    assert name in persons(sentence)


@pytest.mark.parametrize("sentence", [
    "医护人员在金湾镇长丰村为群众测量血压。",       # 金湾镇|长丰村: 镇长 is no title here
    "荆州市长林文化旅游有限公司开业。",             # 林文化: a given name that is a word
])
def test_no_name_is_read_into_a_village_or_a_word(sentence):
    assert persons(sentence) == []


def test_bare_name_before_tongzhi():
    assert persons("汪海涛同志指出，要抓好落实。") == ["汪海涛"]


@pytest.mark.parametrize("sentence, names", [
    ("区领导柯文、宁思远、欧阳晓峰参加调研。", ["柯文", "宁思远", "欧阳晓峰"]),
    ("两区领导姜涛、闵建军出席活动。", ["姜涛", "闵建军"]),
])
def test_names_listed_after_a_group_word(sentence, names):
    assert persons(sentence) == names


@pytest.mark.parametrize("sentence, name", [
    ("村民谭秀英说，如今出门就是水泥路。", "谭秀英"),
    ("学生马晓雨兴奋地说，这堂课很有意思。", "马晓雨"),
    ("种植户彭友才介绍，今年的西瓜卖得好。", "彭友才"),
])
def test_resident_named_by_a_role_word(sentence, name):
    x = sm(sentence)
    assert [(p.text, p.subtype) for p in x.persons] == [(name, "Other")]
    assert x.chains == []        # a role word is not a post


def test_a_known_name_is_found_again_in_running_text():
    assert persons("随后，钟启航来到田间地头。", frozenset({"钟启航"})) == ["钟启航"]


def test_common_words_are_not_names():
    # 高度, 全面, 同时 begin with surname characters but are words
    assert persons("高度重视，全面推进，同时要求各地抓好落实。") == []


def test_nickname_is_not_a_person():
    assert persons("李大妈笑着说，门前的路修好了。") == []


# ------------------------------------------------------------------ bodies and places

def test_bodies_with_level_heads():
    assert of_type("区人社局、区总工会、市科技局负责人参加会议。", "Organization") >= {
        "区人社局", "区总工会", "市科技局"}


def test_body_and_sub_body_are_one_name():
    assert of_type("区委全面深化改革委员会办公室牵头抓总。", "Organization") == {"区委全面深化改革委员会办公室"}


def test_enterprise_name():
    assert of_type("荆楚云帆智能装备有限公司正式投产。", "Organization") == {"荆楚云帆智能装备有限公司"}


def test_place_chain_is_three_places():
    assert [m.text for m in sm("考察组来到通山县南林镇石桥村。").places] == ["通山县", "南林镇", "石桥村"]


def test_places_in_a_list():
    assert of_type("先后到柳溪村、梅岭村、桂花社区走访。", "Place") == {"柳溪村", "梅岭村", "桂花社区"}


def test_high_tech_zone_is_a_place():
    assert ("Place", "荆州高新区") in found("考察团一行到荆州高新区参观。")


@pytest.mark.parametrize("sentence", [
    "全区上下要聚焦美丽乡村建设。",
    "辖区内各村要抓好人居环境整治。",
    "今年将推进老旧小区改造。",
    "相关负责人介绍了有关情况。",
    "某建材有限公司因违规排污被立案。",
    "乡村振兴离不开城乡融合。",
])
def test_generic_words_are_not_entities(sentence):
    assert found(sentence) == set()


def test_abbreviation_run_is_three_places():
    x = sm("考察团一行赴沪浙苏学习园区运营经验。")
    assert [(p.text, p.get("full")) for p in x.places] == [("沪", "上海"), ("浙", "浙江"), ("苏", "江苏")]


def test_abbreviation_outside_a_travel_run_is_no_place():
    # 苏 in a name or a word is not Jiangsu
    assert sm("苏醒的田野一片生机。").places == []


# ------------------------------------------------------------------ events, projects, documents

@pytest.mark.parametrize("sentence, event", [
    ("荆州区召开2023年防汛抗旱工作会议。", "2023年防汛抗旱工作会议"),
    ("区委全面深化改革委员会第五次会议召开。", "区委全面深化改革委员会第五次会议"),
    ("区政协召开“助力乡村产业振兴”专题协商会。", "“助力乡村产业振兴”专题协商会"),
    ("两区经济运行调度会在区行政中心召开。", "两区经济运行调度会"),
    ("柳溪村举行“共绘美好家园”主题宣传活动。", "“共绘美好家园”主题宣传活动"),
])
def test_named_events(sentence, event):
    assert of_type(sentence, "Event") == {event}


@pytest.mark.parametrize("sentence", [
    "会上，大家踊跃发言。",
    "随后召开座谈会，听取意见。",
    "要以实际行动践行初心。",
])
def test_unnamed_meetings_are_not_events(sentence):
    assert of_type(sentence, "Event") == set()


def test_documents_in_book_title_marks():
    assert of_type("会议审议了《荆州区2023年河湖长制工作要点》《荆州区城乡环卫一体化实施方案》。", "Document") == {
        "荆州区2023年河湖长制工作要点", "荆州区城乡环卫一体化实施方案"}


def test_quoted_project_name_led_by_places():
    x = sm("纪南镇枫林村“桃花源”民宿项目开工。")
    assert [m.text for m in x.projects] == ["纪南镇枫林村“桃花源”民宿项目"]
    assert [m.text for m in x.places] == ["纪南镇", "枫林村"]


def test_project_after_a_landing_phrase():
    assert of_type("落地枫林村的荆楚果蔬深加工项目已经投产。", "Project") == {"荆楚果蔬深加工项目"}


@pytest.mark.parametrize("s, want", [
    # the phase of a works names it wherever it stands
    ("要加快青禾食品产业园二期项目建设。", {"青禾食品产业园二期项目"}),
    ("会议研究了高新区标准化厂房3期工程推进中的问题。", {"高新区标准化厂房3期工程"}),
    # how a project is getting on, after a name that is not all common words
    ("会议研究了城北污水处理厂项目推进中的有关问题。", {"城北污水处理厂项目"}),
    ("会议听取了云溪大道改造项目建设情况汇报。", {"云溪大道改造项目"}),
    # …of common words, or a bare phase: no name
    ("会议听取了全区重点项目建设情况汇报。", set()),
    ("要加快推进二期项目建设。", set()),
])
def test_a_project_named_by_its_phase_or_its_progress(s, want):
    assert of_type(s, "Project") == want


@pytest.mark.parametrize("s, want", [
    # the merged bureaus of culture, radio, sport and tourism are named with 和 in many counties
    ("论坛由区文化和广电旅游体育局主办。", {"区文化和广电旅游体育局"}),
    ("活动由区文化广电体育和旅游局承办。", {"区文化广电体育和旅游局"}),
    ("联合区教育和体育局开展督查。", {"区教育和体育局"}),
    # 和 between a group word or a body and a body of its own level joins two, it is inside neither
    ("区领导和区文化和旅游局负责人参加。", {"区文化和旅游局"}),
    ("由区领导和区教育局牵头。", {"区教育局"}),
    ("由区卫健局和区教育局主办。", {"区卫健局", "区教育局"}),
])
def test_a_body_whose_name_holds_he(s, want):
    assert of_type(s, "Organization") == want


@pytest.mark.parametrize("s, venue", [
    ("论坛在区会展中心举行。", "区会展中心"),
    ("篮球赛在区全民健身中心开幕。", "区全民健身中心"),
    ("运动会在区体育馆开幕。", "区体育馆"),
])
def test_a_venue_whose_word_holds_a_bodys_suffix_is_a_site(s, venue):
    assert of_type(s, "Place") == {venue} and of_type(s, "Organization") == set()


def test_a_service_centre_stays_a_body():
    assert of_type("区政务服务中心为企业提供帮办服务。", "Organization") == {"区政务服务中心"}


def test_generic_project_words_are_not_projects():
    assert of_type("要抓好重大项目建设，推动更多优质项目落地。", "Project") == set()


# ------------------------------------------------------------------ finders used alone

def test_left_edge_stops_at_a_verb():
    s = "调研柳溪村"
    assert M.left_edge(s, len(s) - 1, 0, 10) == 2


def test_split_item_takes_the_longest_title():
    assert M.split_item("区政府常务副区长") == ("区政府", "常务副区长")
    assert M.split_item("荆州高新区党工委副书记") == ("荆州高新区", "党工委副书记")


# ------------------------------------------------------------------ cases found on invented pages

def test_deng_closes_a_list_and_is_not_part_of_the_name():
    assert "汪洋" in persons("区委常委、常务副区长汪洋等出席会议。")
    assert "汪洋等" not in persons("区委常委、常务副区长汪洋等出席会议。")


def test_plenary_named_by_session_keeps_only_its_body():
    events = of_type("会议传达学习省委十二届七次全会精神。", "Event")
    assert events == {"省委十二届七次全会"}


def test_department_of_a_party_committee():
    assert of_type("区委组织部、区委宣传部联合举办培训班。", "Organization") == {"区委组织部", "区委宣传部"}


def test_village_cadres_are_not_a_village():
    assert of_type("全区新任村干部培训班开班。", "Place") == set()


def test_known_names_are_scanned_leftmost_longest():
    # the page's known names: the longer one wins where both start, and scanning goes on after it
    from kg.extract.mentions import _known_spans

    known = frozenset({"王明", "王明华", "明华"})
    assert _known_spans("王明华和王明出席，明华讲话", known) == [(0, 3, "王明华"), (4, 6, "王明"), (9, 11, "明华")]


# ------------------------------------------------------------------ other districts' names

@pytest.mark.parametrize("sentence, place", [
    ("旗人大常委会副主任敖其尔先后到白音锡勒苏木调研。", "白音锡勒苏木"),
    ("调研组来到查干淖尔嘎查，察看牧民定居点。", "查干淖尔嘎查"),
    ("检查组查看了水务局家属院的管网改造。", "水务局家属院"),
    ("走访了翠湖花园的住户。", "翠湖花园"),
])
def test_banner_villages_townships_and_compounds_are_places(sentence, place):
    assert place in of_type(sentence, "Place")


def test_a_bare_small_garden_is_no_compound():
    assert not of_type("社区新建了一个小花园。", "Place")


@pytest.mark.parametrize("sentence, org", [
    ("他实地察看了乌兰家庭牧场的生产情况。", "乌兰家庭牧场"),
    ("县领导来到青禾乳品加工车间。", "青禾乳品加工车间"),
    ("市安委会督查组到企业开展检查。", "市安委会督查组"),
    ("慰问组到东坡敬老院看望老人。", "东坡敬老院"),
])
def test_ranches_workshops_and_inspection_groups_are_bodies(sentence, org):
    assert org in of_type(sentence, "Organization")


def test_a_body_suffix_inside_a_word_names_nothing():
    # 作协 ends "工作协" but 协调 is the word there
    assert not of_type("全力推动各项工作协调推进。", "Organization")


def test_names_listed_before_deng_and_a_word_for_people():
    s = "韩立新、邵家强、秦文博等在家的县领导出席活动。"
    assert persons(s) == ["韩立新", "邵家强", "秦文博"]


def test_companies_listed_before_deng_are_not_people():
    assert persons("他先后到华丰科技、金达纺织、李家湾等企业调研。") == []


@pytest.mark.parametrize("sentence, name, title", [
    ("督查组查看了现场，韩立新副区长陪同督查。", "韩立新", "副区长"),
    ("邵家强副主任一行先后走进三家企业。", "邵家强", "副主任"),
])
def test_a_title_after_a_name_opening_a_clause(sentence, name, title):
    assert chains(sentence) == {name: [title]}


def test_a_body_then_a_title_is_no_name_and_title():
    assert chains("部分区政协委员参加会议。") == {}


def test_lv_after_a_name_ends_it():
    assert "邵家强" in persons("市安监局副局长邵家强率督查组到企业检查。")


@pytest.mark.parametrize("sentence", [
    "会议传达学习了国务院、省、市有关会议精神。",
    "全力开展营商环境提升年活动。",
    "圆满完成大会各项议程。",
])
def test_generic_meetings_and_campaigns_are_no_events(sentence):
    assert not of_type(sentence, "Event")


@pytest.mark.parametrize("sentence, event", [
    ("会议还听取区政协五届二次会议筹备情况汇报。", "区政协五届二次会议"),
    ("李某代表县委向大会作报告。", None),
    ("县文联第三次代表大会开幕。", "县文联第三次代表大会"),
])
def test_an_event_name_starts_after_the_verb_before_it(sentence, event):
    assert of_type(sentence, "Event") == ({event} if event else set())


def test_list_items_keep_characters_that_elsewhere_end_a_name():
    s = "调研组先后到乌兰哈达嘎查、塔如拉嘎查、阿日善都楞镇、西上柳树村，察看牧户。"
    assert {"乌兰哈达嘎查", "塔如拉嘎查", "阿日善都楞镇", "西上柳树村"} <= of_type(s, "Place")


def test_a_town_then_its_village_after_a_travel_verb():
    # 合营 is a verb to the dictionary; after 来 the whole run is the town's name
    s = "调研组一行先后来东合营镇北大坪村、柳树洼村，察看村容。"
    assert {"东合营镇", "北大坪村", "柳树洼村"} <= of_type(s, "Place")


@pytest.mark.parametrize("sentence", ["坚持工业强区战略不动摇。", "会议暨全市安全生产工作会议召开。"])
def test_slogans_and_conjunctions_are_no_places(sentence):
    assert not of_type(sentence, "Place")


def test_a_company_keeps_the_city_its_name_opens_with():
    assert "大连华信地产有限公司" in of_type("督查组到大连华信地产有限公司检查。", "Organization")


def test_a_stop_word_inside_a_department_name_is_part_of_it():
    # 组织 ends names elsewhere (组织召开…); in 组织部 it is the department's own word
    assert chains("区委常委、组织部部长韩立新出席会议。") == {"韩立新": ["区委常委", "组织部部长"]}


def test_banner_titles_and_bodies():
    assert chains("旗委副书记、旗长韩立新出席会议。") == {"韩立新": ["旗委副书记", "旗长"]}
    assert "旗委" in of_type("旗委召开常委会会议。", "Organization")
    assert "扎鲁特旗" in of_type("项目落户扎鲁特旗青石镇。", "Place")


def test_lie_xi_ends_a_name():
    assert persons("区长韩立新、副区长邵家强列席会议。") == ["韩立新", "邵家强"]


HOME = (("我县", "宿松县"), ("宿松", "宿松县"), ("我市", "安庆市"), ("我省", "安徽省"))


@pytest.mark.parametrize("sentence, found", [
    ("项目正式落户我县杨柳镇。", {("我县", "宿松县"), ("杨柳镇", "")}),
    ("宿松是产粮大县。", {("宿松", "宿松县")}),
    ("宿松工业园迎来新项目。", {("宿松工业园", "")}),      # the head of a longer name
    ("我市各县区积极响应。", {("我市", "安庆市")}),
])
def test_the_words_a_page_names_its_home_by(sentence, found):
    got = {(m.text, m.get("full", "")) for m in M.find_places(sentence, [], (), HOME)}
    assert got == found


# ------------------------------------------------------------------ named lists (short names with no suffix)

@pytest.mark.parametrize("s, want", [
    # the word after 等 says what the items are
    ("座谈会上，青禾纺织、云岭石材、明川高中、朗讯捷科等企业负责人先后发言。",
     {"青禾纺织", "云岭石材", "明川高中", "朗讯捷科"}),
    # a count and a modifier may stand between 等 and the head
    ("会上，卓沃、金川润、正岳机械、领航电子等12名民营企业家代表发言。", {"卓沃", "金川润", "正岳机械", "领航电子"}),
    # one item is enough when the head counts them (等20位企业老总)
    ("县委常委出席会议，江北青禾纺织等30位企业老总参加了会议。", {"江北青禾纺织"}),
    # a tour's list: two or more items that end with a trade word are companies
    ("代表们走进甲乙科技、丙丁食品调研生产经营情况。", {"甲乙科技", "丙丁食品"}),
])
def test_list_items_named_by_their_head_are_enterprises(s, want):
    assert want <= of_type(s, "Organization")


@pytest.mark.parametrize("s, want", [
    # the head noun introduces the list (竣工项目两个，分别是…)
    ("其中，竣工项目两个，分别是青禾电气、云岭光电。", {"青禾电气", "云岭光电"}),
    ("新开工项目三个，分别是甲乙生物、丙丁材料和戊己药业，总投资5亿元。", {"甲乙生物", "丙丁材料", "戊己药业"}),
    # a park in a list of projects is a project, not a place
    ("他先后到云岭荷花商城、智慧冷链园区、青禾智造等项目现场查看进度。", {"云岭荷花商城", "智慧冷链园区", "青禾智造"}),
])
def test_list_items_named_by_their_head_are_projects(s, want):
    assert want <= of_type(s, "Project")
    assert not want & of_type(s, "Place")


@pytest.mark.parametrize("s", [
    "要加快发展新能源、新材料、生物医药等产业。",            # industries, not companies
    "全县上下要抓好现代农业、绿色食品、文化旅游等重点工作。",   # no head of companies, no tour
    "区委书记到白沙镇、石桥村调研。",                       # places stay places
    "刘一鸣、王二江等在家的县领导出席活动。",                # persons in the list: no company list
])
def test_lists_that_name_no_company(s):
    assert not of_type(s, "Organization") - {"区委"}
    assert not of_type(s, "Project")


@pytest.mark.parametrize("text, want", [
    ("鼎盛机械制造", True), ("丰收粮油", True), ("甲乙科技", True),
    ("生物医药", False),      # a trade before a trade: an industry
    ("科技", False),          # no brand
    ("加强科技", False),      # a verb of the genre is no brand
])
def test_brand_trade(text, want):
    assert M.brand_trade(text) is want


@pytest.mark.parametrize("s, want", [
    ("4月8日，鼎盛机械制造有限公司落户桂花镇。", "鼎盛机械制造有限公司"),     # brand 鼎盛 is an ordinary word
    ("4月8日，振兴农业发展有限公司正式投产。", "振兴农业发展有限公司"),       # 发展 ends the trade, not the name
    ("位于石桥村的丰收粮油有限公司新增就业岗位200个。", "丰收粮油有限公司"),
])
def test_word_brand_enterprise_keeps_its_brand(s, want):
    assert want in of_type(s, "Organization")


def test_a_bare_trade_with_a_suffix_is_no_company():
    assert not of_type("要支持农业发展有限公司做大做强。", "Organization")


@pytest.mark.parametrize("s, want", [
    ("会上传达了省委、临川市委有关会议精神。", {"省委", "临川市委"}),       # a city named by its suffix leads 委
    ("5月6日，临川市委统战部召开座谈会。", {"临川市委统战部"}),             # …and its departments
    ("集体学习了青山县委、白水县委有关文件。", {"青山县委", "白水县委"}),
])
def test_body_led_by_a_place_named_by_its_suffix(s, want):
    assert want <= of_type(s, "Organization")


def test_quoted_meeting_after_its_body_does_not_take_the_body_in():
    x = sm("会上集体学习了临川市委“学党史、办实事”专题工作会议精神。")
    assert [e.text for e in x.events] == ["“学党史、办实事”专题工作会议"]
    assert "临川市委" in {o.text for o in x.orgs}
    body = next(o for o in x.orgs if o.text == "临川市委")
    assert x.events[0].get("by") == (body.start,)


@pytest.mark.parametrize("s, want", [
    ("要把思想统一到县委县政府的部署上来。", {"县委", "县政府"}),       # two bodies side by side, not one
    ("镇党委镇政府联合印发通知。", {"镇党委", "镇政府"}),
])
def test_party_committee_and_government_written_together(s, want):
    assert of_type(s, "Organization") == want


def test_lu_leads_a_party_and_is_no_part_of_the_body():
    assert of_type("王建华率市安委会督查组到青石镇检查。", "Organization") == {"市安委会督查组"}


@pytest.mark.parametrize("s", [
    "工业经济的发展主要靠园区。",                                  # 靠 is a preposition, not a name
    "他指示，下一步集中区要做好规划。",                            # 一步 is a word: 步 opens no name
    "要从凝聚共识、优化园区环境、引进人才等方面探索。",              # 优化 takes 园区 as its object
    "对美丽庭院创建、农业产业园区建设情况进行调研。",                # a park named by its trade alone
    "今年3月，该县被列入省直管县试点。",                           # 列入 is a verb; 省直管县 a kind of county
])
def test_generic_parks_and_verb_led_places_are_no_places(s):
    assert not of_type(s, "Place")


@pytest.mark.parametrize("s, want", [
    ("区委书记先后到解放社区、拍马工业园区调研。", {"解放社区", "拍马工业园区"}),
    ("他先后到现代农业产业园、白沙镇调研。", {"现代农业产业园", "白沙镇"}),
])
def test_named_parks_stay(s, want):
    assert want <= of_type(s, "Place")


def test_activities_launched_together_are_one_event():
    s = "7月7日，2024年青山县群众文化活动、志愿服务活动、文化科技卫生“三下乡”三项活动正式启动。"
    assert [e.text for e in sm(s).events] == ["2024年青山县群众文化活动、志愿服务活动、文化科技卫生“三下乡”三项活动"]
    s = "要全力完成好群众文化、志愿服务、送戏“进万家”集中活动的各项任务。"
    assert [e.text for e in sm(s).events] == ["群众文化、志愿服务、送戏“进万家”集中活动"]


def test_an_activity_followed_by_its_attribute_is_no_event():
    assert not sm("要开展委员工作室活动质量提升年活动。").events


def test_autonomous_region_party_committee_is_a_body():
    assert "自治区党委" in of_type("在党中央、自治区党委和市委的正确领导下，全区取得新成绩。", "Organization")


@pytest.mark.parametrize("s, want", [
    ("随后，王建华考察青禾智慧新城及云岭总部经济项目。", "云岭总部经济项目"),     # joined to a visit's other stop
    ("随后，王建华考察青禾新城及悦天下文旅项目。", "悦天下文旅项目"),           # 天下 is a word: 下 ends no name
])
def test_project_joined_to_a_visits_stop(s, want):
    assert of_type(s, "Project") == {want}


def test_a_list_of_works_names_no_project():
    assert not of_type("对村容整治、庭院创建、壮大村级经济项目、乡村建设情况进行调研。", "Project")


@pytest.mark.parametrize("s, want", [
    ("会议传达贯彻了陈一鸣同志在市文联代表大会上的讲话精神。", ["陈一鸣"]),   # a name before 同志, mid-clause
    ("周灵代表中共青山区第四届委员会向大会作报告。", ["周灵"]),                # a name that speaks for a body
    ("县领导和企业代表共同为新开工项目奠基培土。", []),                        # 和 joins groups: no surname
    ("这些同志表现突出。", []),
])
def test_names_before_comrade_and_representing(s, want):
    assert persons(s) == want


@pytest.mark.parametrize("s, want", [
    ("周灵代表中共青山区第四届委员会向大会作报告。", {"青山区"}),
    ("中国共产党白水市青山区第五次代表大会开幕。", {"白水市", "青山区"}),
    ("他来到党家村调研。", {"党家村"}),                                         # 党 the surname stays
])
def test_the_party_name_is_no_part_of_a_place(s, want):
    assert of_type(s, "Place") == want


def test_a_feature_beside_a_village_is_no_project_of_the_village():
    # 边上 ends in 上, like 天下 does, but it says where the pump station is: no name reaches past it
    assert "石桥村边上泵站" not in of_type("区委书记先后到石桥村边上泵站、白杨村察看防汛工作。", "Project")


def test_list_including_items_before_den_zai_nei():
    s = "区科技局甄选了包括青机厂、青机赛瓦、楚岭建科、与时塑业等在内的15家企业赴外地考察。"
    # 与 opens an inner item (、 on both sides) as a brand, not as a conjunction
    assert {"青机厂", "青机赛瓦", "楚岭建科", "与时塑业"} <= of_type(s, "Organization")


def test_the_items_of_a_contest_are_no_projects():
    assert not of_type("竞赛设置农机驾驶、果蔬嫁接等项目，种粮大户王建国获得一等奖。", "Project")


@pytest.mark.parametrize("s, want", [
    ("区督查办、区环委办通报了有关工作情况。", {"区督查办", "区环委办"}),     # 查 before 办, after a level word
    ("召开区乡村建设生态保护（河长制及治水）委员会第二次会议。",            # 建设 and an aside with 及 inside
     {"区乡村建设生态保护（河长制及治水）委员会"}),
])
def test_offices_and_committees_with_stop_words_inside(s, want):
    assert want <= of_type(s, "Organization")


def test_chaban_as_a_verb_is_no_office():
    assert not of_type("要严肃查办违纪案件。", "Organization")


def test_a_list_items_name_keeps_its_function_character():
    s = "实地察看了白嘎家庭牧场、义和青坝奶制品加工车间、萨拉手工艺车间。"
    assert "义和青坝奶制品加工车间" in of_type(s, "Organization")
    assert "青禾公司" in of_type("双方并和青禾公司签约。", "Organization")     # 并和: two function words


def test_a_body_in_brackets_after_a_body_is_its_other_name():
    x = sm("他到市委组织部（市公务员局）调研。")
    assert [(o.text, o.get("also")) for o in x.orgs] == [("市委组织部", ("市公务员局",))]


@pytest.mark.parametrize("s, want", [
    ("王建华在市委常委会第十二次集体学习时强调。", ["市委常委会第十二次集体学习"]),   # a numbered sitting
    ("党组开展集体学习。", []),                                                    # a habit, no event
    ("中心组举行第五次集体学习。", []),                                            # whose, the name does not say
])
def test_numbered_collective_study_is_an_event(s, want):
    assert [e.text for e in sm(s).events] == want


def test_a_verb_that_grows_a_company_is_no_part_of_its_name():
    assert not of_type("下一步园区要重点做强平台公司。", "Organization")
    assert of_type("要做大做强青禾科技有限公司。", "Organization") == {"青禾科技有限公司"}


def test_a_community_followed_by_a_project_named_after_it_stays():
    s = "他先后来到望月社区、安居社区安居老旧小区改造项目察看管护情况。"
    assert "安居社区" in of_type(s, "Place")


def test_a_list_of_place_led_projects_is_no_list_of_works():
    s = "他先后来到沙河村沙河光伏发电项目、团结村团结光伏发电项目察看运行情况。"
    assert "团结村团结光伏发电项目" in of_type(s, "Project")


def test_a_county_cultural_centre_is_a_body():
    assert of_type("活动由县委宣传部主办，县文化馆承办。", "Organization") == {"县委宣传部", "县文化馆"}


def test_companies_whose_heads_speak():
    assert of_type("座谈会上，青禾纺织、云岭石材负责人先后发言。", "Organization") == {"青禾纺织", "云岭石材"}
    assert not of_type("王建华、李明远负责人发言。", "Organization")


@pytest.mark.parametrize("s, want", [
    ("记者走进鼎盛有限公司调研。", {"鼎盛有限公司"}),            # a brand and the legal form, no trade word
    ("4月8日，丰收集团正式投产。", {"丰收集团"}),
    ("他先后来到振兴公司、宏远公司调研。", {"振兴公司", "宏远公司"}),
    ("下一步园区要重点做强平台公司。", set()),                   # a kind of company
    ("要提升平台公司治理水平。", set()),
    ("他来到物流公司了解情况。", set()),
    ("在杭州某电子科技有限公司，他指出。", set()),                # anonymised: no name
    ("区属国有公司改革持续推进。", {"区属国有公司"}),             # (a level word opens it: the district's own)
])
def test_bare_brand_companies(s, want):
    assert of_type(s, "Organization") == want


def test_a_body_runs_over_a_stop_word_back_to_its_level_word():
    assert "县发展改革委" in of_type("会议听取了县发展改革委关于重点项目的汇报。", "Organization")
    assert of_type("区委书记到青禾农业公司调研。", "Organization") == {"区委", "青禾农业公司"}   # 到 still stops


def test_parks_of_the_genre():
    s = "他先后到县经开区、青禾新材料产业园、云岭物流园等地调研。"
    assert {"县经开区", "青禾新材料产业园", "云岭物流园"} <= of_type(s, "Place")
    assert not of_type("要加快推动智能物流园建设。", "Place")       # a park named by its trade alone


def test_the_whole_county_ends_no_place_name():
    assert of_type("3月5日，青山县召开2024年度全县经济工作会议。", "Place") == {"青山县"}


def test_a_project_named_after_its_park():
    assert "云岭生物医药产业园项目" in of_type("总投资5亿元的云岭生物医药产业园项目签约落户白沙镇。", "Project")


def test_a_companys_workshop_is_no_body_of_its_own():
    s = "王建华一行先后来到青禾电子科技有限公司、云岭食品有限公司生产车间。"
    assert of_type(s, "Organization") == {"青禾电子科技有限公司", "云岭食品有限公司"}


def test_a_level_word_before_a_verb_ending_in_ban_is_no_office():
    assert not of_type("县里举办了第三届农民运动会。", "Organization")


def test_a_village_before_a_city_led_company_is_where_it_is():
    s = "王建华先后来到五里村荆州青禾粮油有限公司、丹桂社区湖北云岭新材料有限公司调研。"
    assert of_type(s, "Organization") == {"荆州青禾粮油有限公司", "湖北云岭新材料有限公司"}
    assert {"五里村", "丹桂社区"} <= of_type(s, "Place")


@pytest.mark.parametrize("s, want", [
    ("他来到胜利村调研。", {"胜利村"}),                    # a dictionary word, and a village one goes to
    ("他来到联合村调研。", {"联合村"}),                    # 联合 elsewhere stops a name
    ("他来到共和村调研。", {"共和村"}),                    # 和 ends the proper word 共和
    ("他来到余家村调研。", {"余家村"}),                    # 余 + 家 is a name here, not a count
    ("王建华先后来到和谐社区、太和村调研。", {"和谐社区", "太和村"}),
])
def test_villages_named_with_common_words(s, want):
    assert of_type(s, "Place") == want


@pytest.mark.parametrize("s", ["要建设新农村。", "他来到度假村。", "全县30余家企业参加。", "要整顿软弱涣散村党组织。"])
def test_generic_villages_and_counts_are_no_places(s):
    assert not of_type(s, "Place")


@pytest.mark.parametrize("s", ["会上，王建华、李明远等企业老总发言。", "活动邀请了张立群、孙丽等企业负责人。"])
def test_a_list_of_bosses_names_names_no_company(s):
    assert not of_type(s, "Organization")


def test_bosses_listed_before_deng_are_persons():
    assert persons("会上，王建华、李明远等企业老总发言。") == ["王建华", "李明远"]


@pytest.mark.parametrize("s, want", [
    ("他察看了青禾电子二期项目建设进度。", {"青禾电子二期项目"}),      # a named project a visit reaches
    ("他察看了项目建设进度。", set()),
    ("今年重点推进青禾新材料、云岭光电等5个项目建设。", {"青禾新材料", "云岭光电"}),
])
def test_projects_a_visit_or_a_count_names(s, want):
    assert of_type(s, "Project") == want


def test_a_slogan_of_the_business_climate_names_no_company():
    assert not of_type("打造企业有感、市场有序、执法有度的营商环境。", "Organization")


def test_every_park_word_ending_in_yuan_has_its_yuanqu_form():
    """Suffixes are matched longest first at each position, so a table with 物流园 but not
    物流园区 reads 青禾物流园区 as 青禾物流园 and a stray 区."""
    from kg.text.lexicon import lexicon
    suffixes = lexicon().place_suffixes
    missing = [s for s, (kind, _) in suffixes.items() if kind == "Park" and s.endswith("园") and s + "区" not in suffixes]
    assert not missing, missing


def test_a_logistics_park_keeps_its_district_character():
    from kg.extract.mentions import find_places
    assert [p.text for p in find_places("区委书记到青禾物流园区调研。", [])] == ["青禾物流园区"]


@pytest.mark.parametrize("s, want", [
    ("察看了该村的“竹海银行”碳汇示范基地。", {("Place", "“竹海银行”碳汇示范基地")}),
    ("走访了“稻香人家”家庭农场。", {("Organization", "“稻香人家”家庭农场")}),
    ("成立了“青禾”蔬菜专业合作社。", {("Organization", "“青禾”蔬菜专业合作社")}),
])
def test_a_quoted_brand_names_the_site_or_body_after_it(s, want):
    """the brand, its trade words and the suffix are one name; a suffix inside the brand (银行)
    names nothing of its own"""
    assert {(t, x) for t, x in found(s) if t in ("Place", "Organization")} == want


def test_a_quoted_slogan_before_a_meeting_is_no_site():
    assert of_type("召开“清廉村居”建设推进会。", "Place") == set()


def test_each_appointee_of_one_decision_holds_the_title_written_after_their_name():
    """任命甲为A，乙为B；…任命丙为X人民法院审判员: each appointee of the decision, the court's posts too."""
    x = sm("会议决定任命孙立新为区财政局局长，黄雅琴为区民政局局长；会议还任命刘伟为区人民法院审判员。")
    got = {(c.person.text, p.text) for c in x.chains for p in c.posts}
    assert got == {("孙立新", "区财政局局长"), ("黄雅琴", "区民政局局长"), ("刘伟", "区人民法院审判员")}, got


@pytest.mark.parametrize("s, want", [
    ("区长来到前川街道翠湖安置房三期项目现场。", {"前川街道翠湖安置房三期项目"}),
    ("据了解，和平村稻虾共作基地项目总投资1亿元。", {"和平村稻虾共作基地项目"}),
])
def test_a_project_opens_with_the_place_read_whole_before_it(s, want):
    """前 and 和 stop names elsewhere; where the place finder read 前川街道 or 和平村 whole, a project
    (or body) named after it opens with it, not inside it (川街道翠湖…)."""
    assert of_type(s, "Project") == want


@pytest.mark.parametrize("s", ["坚持产业兴村、强村富民，壮大村级集体经济。", "把大豆产业作为富民强旗的主导产业。",
                               "深入实施工业强县战略。"])
def test_a_slogan_of_making_an_area_strong_is_no_place(s):
    assert of_type(s, "Place") == set()


def test_a_name_and_yu_before_a_village_organ_are_no_body_of_a_level():
    """县长王明与青山村党支部书记: 与 joins the mayor and the secretary; 县长王明 is no county body 'with' a
    village's branch (a title's 长 or 记 never stands inside a bureau's name before 和/与)."""
    x = sm("在青山村，区长王明与青山村党支部书记李平交谈。")
    got = {(c.person.text, p.text) for c in x.chains for p in c.posts}
    assert ("李平", "青山村党支部书记") in got, got


def test_a_working_committee_of_the_congress_is_the_body_of_its_head():
    x = sm("区人大常委会委员、区人大常委会经济工作委员会主任苏晓琳参加视察。")
    got = [p.text for c in x.chains for p in c.posts]
    assert got == ["区人大常委会委员", "区人大常委会经济工作委员会主任"], got


@pytest.mark.parametrize("s, want", [
    ("代表们参观了该公司年产5万吨环保涂料生产线项目。", {"年产5万吨环保涂料生产线项目"}),
    ("察看该公司新建的年产1万吨休闲食品项目。", {"年产1万吨休闲食品项目"}),
    ("要推动年产量提升项目建设。", set()),
])
def test_a_yearly_capacity_names_a_project(s, want):
    assert of_type(s, "Project") == want


@pytest.mark.parametrize("sentence, person, post", [
    ("参加视察的区人大代表、石岗镇高桥村党支部书记冯丽萍说：“好。”", "冯丽萍", "区人大代表"),
    ("宝龙走访联系市级人大代表乌日娜。", "乌日娜", "市级人大代表"),
])
def test_a_deputy_to_a_congress_holds_the_title_written(sentence, person, post):
    """县人大代表, 市级人大代表: a title (the congress of that level and 代表); a verb before the level
    word (联系) is no part of it."""
    x = sm(sentence)
    got = {(c.person.text, p.text) for c in x.chains for p in c.posts}
    assert (person, post) in got, got
