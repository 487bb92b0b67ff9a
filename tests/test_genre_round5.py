"""Constructions the fifth round of blind articles showed (sentences written for these tests):
a congress's standing committee and its sittings in full, elections at a sitting, a county's venue
named with the county, an autonomous county by its short name, a bare 镇长's government only where
the page writes it, and the sentence's adverb+verb before an activity's name."""
from __future__ import annotations

import invented
from kg.graph.rdf import label_of

QINGLING = ("青岭县", "江城市", "湖南省")
CHANGBAI = ("长白朝鲜族自治县", "白山市", "吉林省")


def facts_of(body: str, home=QINGLING):
    return invented.facts_of(body, home)


def labels(out, type_: str) -> set:
    return {label_of(t, k) for t, k in out.entities if t == type_}


def test_a_standing_committee_sitting_written_in_full_is_one_event_of_the_committee():
    out, got = facts_of("11月5日，青岭县第十九届人民代表大会常务委员会第十二次会议在县人民会堂举行。"
                        "县人大常委会主任高文山主持会议。")
    name = "青岭县第十九届人民代表大会常务委员会第十二次会议"
    assert labels(out, "Event") == {name}
    assert (name, "organizedBy", "青岭县人大常委会") in got
    assert ("高文山", "chaired", name) in got
    assert ("高文山", "memberOf", "青岭县人大常委会") in got
    assert "人民代表大会常务委员会" not in labels(out, "Organization")


def test_the_congress_sitting_itself_stays_the_congress_s():
    _, got = facts_of("12月28日，青岭县第十九届人民代表大会第五次会议在县人民会堂开幕。")
    assert ("青岭县第十九届人民代表大会第五次会议", "organizedBy", "青岭县人大") in got


def test_the_committee_written_in_full_and_short_is_one_body():
    out, got = facts_of("会议选举张伟为青岭县人民代表大会常务委员会副主任。县人大常委会主任高文山讲话。")
    assert ("张伟", "memberOf", "青岭县人大常委会") in got
    assert ("高文山", "memberOf", "青岭县人大常委会") in got
    assert not any(x.endswith("人民代表大会常务委员会") for x in labels(out, "Organization") - {"青岭县人大常委会"})


def test_elections_give_the_post():
    _, got = facts_of("大会选举李明当选为青岭县人民政府县长。经过投票，赵红当选县人大常委会副主任，"
                      "补选孙强为县人大常委会委员。会议通过了选举办法。")
    assert ("李明", "holdsPost", "青岭县人民政府县长") in got      # the title as written
    assert ("赵红", "holdsPost", "县人大常委会副主任") in got
    assert ("孙强", "holdsPost", "县人大常委会委员") in got
    assert not any(s.startswith("李明当") for s, _, _ in got)


def test_a_county_venue_is_named_with_the_county():
    out, got = facts_of("运动会在青岭县体育中心开幕。表彰会在青岭县人民会堂举行。")
    assert {"青岭县体育中心", "青岭县人民会堂"} <= labels(out, "Place")
    assert "青岭县体育中心" not in labels(out, "Organization")
    assert "人民会堂" not in labels(out, "Place")


def test_an_autonomous_county_by_its_short_name_is_the_home():
    out, _ = facts_of("县委书记金明哲在长白县调研。", CHANGBAI)
    assert "长白县" not in labels(out, "Place")
    assert "长白朝鲜族自治县" in labels(out, "Place")


def test_a_bare_town_head_has_the_town_government_only_where_it_is_written():
    _, got = facts_of("在石门镇，镇党委副书记、镇长刘强介绍了情况。")
    assert ("刘强", "holdsPost", "镇长") in got
    assert not any(s == "刘强" and p == "memberOf" and o.endswith("政府") for s, p, o in got)
    _, got = facts_of("石门镇人民政府召开会议，镇长刘强主持。")
    assert ("刘强", "memberOf", "石门镇人民政府") in got


def test_an_adverb_and_its_verb_open_no_activity_name():
    out, _ = facts_of("会议要求，要扎实推进“书香进万家”全民阅读活动，深入推进“文明实践”志愿服务活动。")
    assert not any(e.startswith(("扎实", "深入")) for e in labels(out, "Event"))


def test_a_frame_at_a_project_s_site_and_a_qualified_frame_are_stops():
    """在X项目现场，甲仔细查看…; 在位于Y村的X合作社，甲走进…: X is a stop of the tour."""
    _, got = facts_of("12月3日，县长王建平到石门镇调研。在石门镇青山村300亩设施蔬菜大棚建设项目现场，王建平仔细查看"
                      "大棚建设情况。在位于白水村的青岭县丰源农牧专业合作社，王建平走进牛舍，询问存栏规模。")
    assert ("王建平", "inspected", "石门镇青山村300亩设施蔬菜大棚建设项目") in got
    assert ("王建平", "inspected", "青岭县丰源农牧专业合作社") in got
    assert ("青岭县丰源农牧专业合作社", "locatedIn", "白水村") in got
    assert ("王建平", "inspected", "白水村") not in got


def test_a_town_s_industrial_zone_keeps_the_town_in_its_names():
    out, got = facts_of("项目位于石门镇工业集中区。县长王明来到芦溪工业集中发展区，察看了年产5万吨包装材料项目。")
    names = {n for (t, k), e in out.entities.items() if t == "Place" for n in e.names}
    assert "石门镇工业集中区" in names
    assert ("王明", "inspected", "芦溪工业集中发展区") in got


def test_a_mongolian_name_ending_in_he_before_a_comma():
    """旗长巴图孟和，: 和 before a comma joins nothing, it ends the name; 李春和 stays a name as before."""
    out, got = facts_of("鄂托克旗委副书记、旗长巴图孟和，旗委常委、副旗长刘建军陪同调研。",
                        ("鄂托克旗", "鄂尔多斯市", "内蒙古自治区"))
    assert ("巴图孟和", "holdsPost", "旗长") in got
    assert "巴图孟" not in labels(out, "Person")
    out, _ = facts_of("副县长李春和，县委常委王强出席。")
    assert {"李春和", "王强"} <= labels(out, "Person")


def test_coming_to_the_home_is_no_person():
    """市领导来松调研 on a page of 松阳县: 来 (a surname too) is the coming."""
    out, _ = facts_of("丽水市政协副主席王林带领市领导来松调研传统村落保护利用工作。", ("松阳县", "丽水市", "浙江省"))
    assert labels(out, "Person") == {"王林"}


def test_a_common_noun_and_a_modal_are_no_name():
    out, _ = facts_of("廖世昌要求，各乡镇、各成员单位要对照会议部署，逐项抓好落实。")
    assert labels(out, "Person") == {"廖世昌"}


def test_a_chief_river_chief_is_a_post_of_no_body_and_a_chair_opens_no_event():
    """县委副书记、县总河长甲…，副县长乙主持会议: 县总河长 is a title of the chain (no body of it); 主持
    and the chair before it are no part of a meeting's name."""
    out, got = facts_of("3月7日，全县河长制湖长制工作会议召开。县委副书记、县总河长孔令辉出席会议并讲话，"
                        "副县长王明主持会议。")
    assert ("孔令辉", "holdsPost", "县总河长") in got
    assert ("孔令辉", "memberOf", "青岭县委") in got
    assert not any(p == "memberOf" and o == "青岭县" for _, p, o in got)
    assert labels(out, "Event") == {"全县河长制湖长制工作会议"}
    assert ("王明", "chaired", "全县河长制湖长制工作会议") in got


def test_what_a_possessive_list_and_a_locating_verb_place():
    """望松工业园区的精工钢管、华耀不锈钢等企业: each item is in the park; 位于该镇山下阳村的X: the village
    (named by words that elsewhere stop a name) is the frame's town's, X the village's; 位于X镇的Y县Z产业园:
    the county's park of one trade, named with the county, is in the town."""
    _, got = facts_of("在望松街道，周启航先后走进望松工业园区的精工钢管、华耀不锈钢等企业。")
    assert ("精工钢管", "locatedIn", "望松工业园区") in got and ("华耀不锈钢", "locatedIn", "望松工业园区") in got
    assert ("华耀不锈钢", "locatedIn", "望松街道") not in got
    _, got = facts_of("在古市镇，周启航察看了茶园。随后，他又走访了位于该镇山下阳村的松源家庭农场。")
    assert ("山下阳村", "locatedIn", "古市镇") in got and ("松源家庭农场", "locatedIn", "山下阳村") in got
    _, got = facts_of("随后，韩立钧一行来到位于城南庄镇的青岭县食用菌产业园，并走进园区内的裕华食品等企业。")
    assert ("青岭县食用菌产业园", "locatedIn", "城南庄镇") in got
    assert ("韩立钧", "inspected", "青岭县食用菌产业园") in got


def test_a_branded_village_workshop_is_a_stop():
    """绿谷茶坊帮扶车间: a brand of ordinary words before the workshop's kind names one; 在X，甲与村民交谈:
    the visitor is at X."""
    out, got = facts_of("县委书记韩立钧到石门镇调研。在顾家台村的禾丰帮扶车间，韩立钧与正在加工的村民亲切交谈。"
                        "随后，韩立钧来到上安村的绿谷茶坊帮扶车间，察看秋茶加工情况。")
    assert ("韩立钧", "inspected", "禾丰帮扶车间") in got
    assert ("韩立钧", "inspected", "绿谷茶坊帮扶车间") in got
    assert ("绿谷茶坊帮扶车间", "locatedIn", "上安村") in got
    out, _ = facts_of("全县已建成就业帮扶车间32家，吸纳务工群众1200人。")
    assert not labels(out, "Organization")     # (a kind, no brand before it)


def test_names_that_a_word_across_their_edge_or_inside_them_decided_wrong():
    """对照|市政府 (no 照市政府), 县委常委出席 (members, no body), 职业中等专业学校 (等 ends 中等, a word
    of the name), 政法委员 (a town committee member's charge, no 政法 body)."""
    out, _ = facts_of("县委常委出席会议。要对照市政府常务会议确定的重点任务逐项落实。")
    assert labels(out, "Organization") == {"江城市政府"}
    out, _ = facts_of("决赛在青岭县职业中等专业学校举行。")
    assert "青岭县职业中等专业学校" in labels(out, "Organization")
    out, got = facts_of("石门镇党委副书记、政法委员曹志明主持培训会。")
    assert ("曹志明", "holdsPost", "政法委员") in got and "政法" not in labels(out, "Organization")


def test_a_cadre_of_a_bureau_and_an_autonomous_county_s_short_name_before_a_body():
    """驻村第一书记 is one title (no body 驻村); 互助县市场监督管理局干部甲: 互助县 (the home's short name,
    互助 a verb elsewhere) opens the bureau, and its cadre is a member of it (干部 is no title)."""
    home = ("互助土族自治县", "海东市", "青海省")
    out, got = facts_of("驻村第一书记张宏伟介绍了情况。", home)
    assert ("张宏伟", "holdsPost", "驻村第一书记") in got and "驻村" not in labels(out, "Organization")
    out, got = facts_of("驻村第一书记、互助县市场监督管理局干部秦海波介绍了情况。", home)
    assert ("秦海波", "memberOf", "互助县市场监督管理局") in got


def test_seated_on_the_rostrum_in_any_row_is_attendance():
    _, got = facts_of("12月28日，青岭县第十九届人民代表大会第五次会议在县人民会堂开幕。"
                      "大会执行主席赵立伟、崔英姬在主席台前排就座。")
    assert ("赵立伟", "attended", "青岭县第十九届人民代表大会第五次会议") in got
    assert ("崔英姬", "attended", "青岭县第十九届人民代表大会第五次会议") in got


def test_a_clause_s_verb_or_a_second_party_is_no_part_of_a_body_s_name():
    """县政协委员视察|松阳县人民医院; 县政府与|江苏X有限公司; 代表队获得|小学组一等奖 names no school; a
    team named after its visit (市人大调研组) is no clause."""
    out, _ = facts_of("县政协委员视察松阳县人民医院。会议由青岭县政府与江苏云擎数字科技有限公司共同主办。"
                      "青岭县南湖实验学校代表队获得小学组一等奖。")
    orgs = labels(out, "Organization")
    assert {"松阳县人民医院", "江苏云擎数字科技有限公司"} <= orgs
    assert not any("视察" in o or "与" in o or "获得" in o for o in orgs)


def test_a_company_whose_brand_holds_a_stop_character_after_its_province():
    """辽宁镁都新材料有限公司: 都 ("all") stopped the name at 新材料有限公司, a kind; the brand after the
    province the company is registered in is its name's."""
    out, _ = facts_of("支持辽宁镁都新材料有限公司等龙头企业延链补链。")
    assert "辽宁镁都新材料有限公司" in labels(out, "Organization")
    assert "辽宁省" not in labels(out, "Place")
