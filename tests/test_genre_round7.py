"""Constructions the seventh round of blind articles showed, each on sentences written for these
tests: posts as the page writes them, a standing committee's sittings named with their year, and
a government's numbered sitting."""
from __future__ import annotations

import invented
from kg.text import bylines
from kg.text.articles import split_page

HOME = ("青岭县", "江城市", "湖南省")
CITY_HOME = ("云溪市", "江城市", "湖南省")      # a county-level city


def test_a_post_written_with_its_area_is_keyed_so_and_its_bare_mentions_join_it():
    out, got = invented.facts_of("青岭县委书记吴立新到石门镇调研。县委书记吴立新强调，要抓好茶产业。", HOME)
    assert ("吴立新", "holdsPost", "青岭县委书记") in got
    assert "县委书记" not in invented.labels(out, "Post")


def test_a_post_written_bare_is_the_one_bare_title():
    out, got = invented.facts_of("县委书记吴立新到石门镇调研。", HOME)
    assert ("吴立新", "holdsPost", "县委书记") in got
    assert ("吴立新", "memberOf", "青岭县委") in got
    # a county-level city's bare 市委书记 too; its body is the city's own
    out, got = invented.facts_of("市委书记周海波到石门镇调研。", CITY_HOME)
    assert ("周海波", "holdsPost", "市委书记") in got
    assert ("周海波", "memberOf", "云溪市委") in got


def test_a_department_after_its_committees_title_is_the_title_as_written():
    out, got = invented.facts_of("县委常委、宣传部部长韦丽娟出席活动。", HOME)
    assert ("韦丽娟", "holdsPost", "宣传部部长") in got
    assert ("韦丽娟", "memberOf", "青岭县委宣传部") in got


def test_a_deputy_after_a_chain_written_in_full_is_written_in_full():
    out, got = invented.facts_of("青岭县人大常委会主任王永哲，副主任王爱君出席会议。", HOME)
    assert ("王爱君", "holdsPost", "青岭县人大常委会副主任") in got
    out, got = invented.facts_of("县人大常委会主任王永哲，副主任王爱君出席会议。", HOME)
    assert ("王爱君", "holdsPost", "县人大常委会副主任") in got


def test_a_standing_committees_sitting_named_with_its_year_is_the_committees():
    out, got = invented.facts_of("11月13日，县委书记周凌峰主持召开县委常委会2025年第28次会议。", HOME)
    assert ("青岭县委常委会2025年第28次会议", "organizedBy", "青岭县委") in got
    assert "青岭县委常委会" not in invented.labels(out, "Organization")


def test_a_standing_committee_that_convenes_its_sitting_is_its_committees():
    out, got = invented.facts_of("青岭县委常委会召开2025年第28次会议\n\n11月13日，县委书记周凌峰主持召开县委常委会"
                                 "2025年第28次会议。", HOME)
    assert {o for s, p, o in got if p == "organizedBy"} == {"青岭县委"}


def test_a_governments_numbered_sitting_named_in_full_is_the_governments():
    out, got = invented.facts_of("11月3日，县长李思远主持召开青岭县人民政府第42次常务会议。", HOME)
    assert ("青岭县人民政府第42次常务会议", "organizedBy", "青岭县人民政府") in got
    assert ("青岭县人民政府第42次常务会议", "organizedBy", "青岭县") not in got


def test_a_stops_site_then_more_stops_and_a_list_going_on_after_a_comma():
    out, got = invented.facts_of(
        "6月5日，县人大常委会主任顾长海带队视察高标准农田建设工作。视察组一行先后来到石门镇云峰村高标准农田建设项目"
        "现场、白沙镇柳塘村灌排泵站提升工程，以及位于青山镇的青岭县金穗粮食种植专业合作社，实地查看田块整治情况。", HOME)
    stops = {o for s, p, o in got if s == "顾长海" and p == "inspected"}
    assert stops == {"石门镇云峰村高标准农田建设项目", "白沙镇柳塘村灌排泵站提升工程", "青岭县金穗粮食种植专业合作社"}


def test_a_bare_参加_of_a_meeting_joins_no_tour():
    out, got = invented.facts_of(
        "4月16日，全市茶产业现场推进会在石门镇召开。市委书记黄立诚出席并讲话，市长郑文澜主持会议，市领导吴淑萍、"
        "陈嘉楠参加。会前，黄立诚、郑文澜一行先后来到位于石门镇云峰村的青岭红源茶业有限公司、石门镇燕子窠生态茶园"
        "现场观摩。", CITY_HOME)
    party = {s for s, p, o in got if p == "inspected"}
    assert party == {"黄立诚", "郑文澜"}
    assert ("黄立诚", "inspected", "燕子窠生态茶园") in got
    assert ("黄立诚", "inspected", "石门镇") not in got


def test_a_tea_garden_named_is_a_site_and_one_of_a_kind_is_none():
    out, _ = invented.facts_of("副县长钟若岚来到云峰村燕子窠生态茶园察看春茶采摘。各乡镇要持续推进生态茶园建设。"
                               "游客来到大木山茶园景区游览。", HOME)
    places = invented.labels(out, "Place")
    assert {"燕子窠生态茶园", "大木山茶园景区"} <= places
    assert not {"生态茶园", "推进生态茶园", "大木山茶园"} & places


def test_names_after_a_title_or_role_that_the_closers_do_not_end():
    _, got = invented.facts_of("祁振东走进村党群服务中心，与石门村党支部书记鲁桂香拉家常。副县长严明出席活动。", HOME)
    assert ("鲁桂香", "holdsPost", "石门村党支部书记") in got
    assert ("严明", "holdsPost", "副县长") in got
    out, _ = invented.facts_of("白沙镇选手李翠兰分获一等奖。青岭陶业有限公司技术员唐立新精心构思。“学到不少东西。”市民周艳说。"
                               "青岭冷链物流有限公司总经理温博作为企业代表发言。", HOME)
    assert {"李翠兰", "唐立新", "周艳", "温博"} <= invented.labels(out, "Person")
    assert not {"周艳说", "温博作"} & invented.labels(out, "Person")
    # a company's name after 市长 is no person (市长|林文化|旅游有限公司 stays a company)
    out, _ = invented.facts_of("青岭市长林文化旅游有限公司开业。", HOME)
    assert "长林文化" not in invented.labels(out, "Person") and "林文化" not in invented.labels(out, "Person")


def test_bodies_named_for_their_work():
    out, _ = invented.facts_of("会上，青岭县冬春农田水利基本建设指挥部通报了进展情况。青岭县黑木耳产业发展工作专班要加强服务。"
                               "青岭县黑土地保护利用工程建设指挥部召开会议。", HOME)
    orgs = invented.labels(out, "Organization")
    assert {"青岭县冬春农田水利基本建设指挥部", "青岭县黑木耳产业发展工作专班", "青岭县黑土地保护利用工程建设指挥部"} <= orgs
    assert "青岭县黑土地保护利用工程" not in invented.labels(out, "Project")
    _, got = invented.facts_of("市委常委、副市长、指挥部副总指挥程雪莹出席会议。", CITY_HOME)
    assert ("程雪莹", "holdsPost", "指挥部副总指挥") in got


def test_a_paper_article_opening_with_its_credit_in_parentheses():
    text = ("2025年6月19日 星期四        第2版 要闻        青岭新闻\n\n"
            "刘峻岭督导检查防汛工作\n压紧压实责任 确保安全度汛\n"
            "（记者 彭雪 通讯员 桂志远）6月17日，县长刘峻岭\n深入石门镇督导检查防汛备汛工作。\n")
    page = split_page("p.txt", text, "2025-06-19")
    (a,) = page.articles
    assert a.headline == "刘峻岭督导检查防汛工作 压紧压实责任 确保安全度汛"
    assert a.reporters == ("彭雪", "桂志远")
    assert a.body.startswith("6月17日,县长刘峻岭")


def test_a_web_credit_with_its_outlet_and_a_name_spaced_out():
    text = ("青岭县举办志愿服务项目大赛\n\n　　12月5日，青岭县举办志愿服务项目大赛。\n　　活动吸引群众500余人次参与。\n"
            "（青岭县融媒体中心记者 黄思远 王 楠）\n\n【关闭窗口】\n")
    (a,) = split_page("w.txt", text, "2025-12-06").articles
    assert a.reporters == ("黄思远", "王楠")
    assert bylines.split_run("黄思远王楠") == ("黄思远", "王楠")
    assert bylines.split_run("王楠黄思远") == ("王楠", "黄思远")


def test_a_heads_government_is_the_one_the_page_names_in_full():
    # (a county of one character: 澧县政府 is too short to be read as a shortening of 澧县人民政府)
    _, got = invented.facts_of("县长戴云舟到石门镇调研。该公司2023年由澧县人民政府招商引进。", ("澧县", "常德市", "湖南省"))
    assert ("戴云舟", "memberOf", "澧县人民政府") in got
    assert ("戴云舟", "memberOf", "澧县政府") not in got


def test_the_staff_of_a_named_body_are_its_members():
    _, got = invented.facts_of("青岭陶业有限公司技术员唐立新精心构思。县人民医院医生王丽华参加义诊。", HOME)
    assert ("唐立新", "memberOf", "青岭陶业有限公司") in got
    assert ("王丽华", "memberOf", "青岭县人民医院") in got


def test_a_project_signed_for_opens_after_the_verb():
    out, got = invented.facts_of("6月18日，青岭县政府与武汉楚艾生物科技有限公司签订蕲艾精深加工产业园项目投资协议，"
                                 "项目落户石门镇。", HOME)
    assert "蕲艾精深加工产业园项目" in invented.labels(out, "Project")
    assert "武汉楚艾生物科技有限公司" in invented.labels(out, "Organization")


def test_a_town_whose_name_runs_into_长_of_the_next_name():
    out, got = invented.facts_of("副县长刘佳怡实地查看了大路镇长滩水库防汛值守情况。项目落户青禾镇长丰村。", HOME)
    places = invented.labels(out, "Place")
    assert {"大路镇", "长滩水库", "青禾镇", "长丰村"} <= places
    assert ("长滩水库", "locatedIn", "大路镇") in got and ("长丰村", "locatedIn", "青禾镇") in got


def test_a_long_name_a_title_introduced_is_known_on_the_page():
    _, got = invented.facts_of("7月2日，旗委常委、常务副旗长乌云其其格，副旗长刘佳怡参加会议。会后，乌云其其格、刘佳怡带队赴"
                               "薛家湾镇，实地查看了防汛值守情况。", ("准格尔旗", "鄂尔多斯市", "内蒙古自治区"))
    assert {s for s, p, o in got if p == "inspected"} == {"乌云其其格", "刘佳怡"}


def test_a_public_services_centre_after_a_travel_verb_is_a_stop():
    _, got = invented.facts_of("10月15日，县政协主席古德明率部分县政协委员视察乡村振兴项目。视察组先后来到石门镇云峰村，"
                               "察看红色研学基地建设项目；在白沙镇高标准农田建设项目现场，详细询问土地平整情况；随后来到位于"
                               "青山镇的青岭县康宁养老服务中心，走进食堂。", HOME)
    stops = {o for s, p, o in got if s == "古德明" and p == "inspected"}
    assert {"白沙镇高标准农田建设项目", "青岭县康宁养老服务中心"} <= stops
    # a body named in passing is still no stop
    _, got = invented.facts_of("县长甲乙丙来到县委汇报工作。副县长周立新来到县人大常委会对接工作。", HOME)
    assert not {o for s, p, o in got if p == "inspected"} & {"青岭县委", "青岭县人大常委会"}


def test_a_paragraph_opening_on_a_stops_scene_before_its_visitor():
    _, got = invented.facts_of("5月22日，县长戴云舟深入石门镇调研农业产业发展工作。在石门镇牌楼村的湘北葡萄科技示范基地，"
                               "一排排避雨大棚整齐排列，阳光玫瑰长势喜人。戴云舟走进大棚，仔细察看葡萄挂果情况。", HOME)
    assert ("戴云舟", "inspected", "湘北葡萄科技示范基地") in got
    assert ("湘北葡萄科技示范基地", "locatedIn", "牌楼村") in got


def test_a_meeting_that_bodies_convene_together_by_由():
    _, got = invented.facts_of("4月16日，全市茶产业现场推进会在石门镇召开。会议由云溪市委、云溪市政府联合召开，市委书记黄立诚"
                               "出席并讲话。", CITY_HOME)
    assert {o for s, p, o in got if p == "organizedBy"} >= {"云溪市委", "云溪市政府"}


def test_a_campaigns_headquarters_in_a_chain_is_no_department_of_the_committee():
    _, got = invented.facts_of("会上，云溪市黑土地保护利用工程建设指挥部办公室通报了进展。市委常委、副市长、指挥部副总指挥"
                               "程雪莹出席会议。", CITY_HOME)
    assert ("程雪莹", "memberOf", "云溪市黑土地保护利用工程建设指挥部") in got
    assert ("程雪莹", "memberOf", "云溪市委指挥部") not in got


def test_one_body_written_three_ways_on_a_page_is_one():
    out, _ = invented.facts_of("青岭县黑土地保护工程建设指挥部召开会议。黑土地保护工程建设指挥部办公室通报情况。"
                               "县委副书记、县长、指挥部总指挥韩东旭主持会议。", HOME)
    assert [o for o in invented.labels(out, "Organization") if o.endswith("指挥部")] == ["青岭县黑土地保护工程建设指挥部"]


def test_words_that_name_no_place():
    out, _ = invented.facts_of("产品已进入长三角地区商超。举行志愿服务队授旗仪式。带动更多农村劳动力就业。"
                               "全县32个省市县重点项目均已复工。要压实县直部门责任。", HOME)
    places = invented.labels(out, "Place")
    assert "长三角地区" in places
    assert not {"入长三角地区", "志愿服务队授旗", "更多农村", "省市县", "要压实县"} & places


def test_a_school_referred_to_by_该校():
    _, got = invented.facts_of("随后，饶锦标来到叶塘镇中心小学，与该校校长刘慧芳交流。", HOME)
    assert ("刘慧芳", "holdsPost", "校长") in got
    assert ("刘慧芳", "memberOf", "叶塘镇中心小学") in got


def test_an_exhibition_and_a_tally_of_activities():
    out, got = invented.facts_of("6月15日，由青岭县委宣传部主办的“艾乡新韵”书画摄影作品展在青岭县文化馆开展。团县委开展"
                                 "“文明旅游劝导”“关爱一老一小”等三大类20余项志愿服务活动。", HOME)
    assert ("艾乡新韵书画摄影作品展", "heldAt", "青岭县文化馆") in got
    assert ("艾乡新韵书画摄影作品展", "organizedBy", "青岭县委宣传部") in got
    assert not [e for e in invented.labels(out, "Event") if "20余项" in e]


def test_a_firms_workshop_is_the_firm_and_a_named_workshop_a_stop():
    _, got = invented.facts_of("3月11日，县长沈嘉铭带队赴青岭经济技术开发区调研。在位于青岭经济技术开发区的浙江锂沣新能源"
                               "科技有限公司，沈嘉铭走进模组装配车间，详细了解企业订单情况。在石门村，沈嘉铭走进青岭县新胜黑木耳"
                               "种植专业合作社菌包生产车间和晾晒大棚，详细询问菌包产量。", HOME)
    stops = {o for s, p, o in got if s == "沈嘉铭" and p == "inspected"}
    assert {"浙江锂沣新能源科技有限公司", "青岭县新胜黑木耳种植专业合作社"} <= stops
    assert not {"模组装配车间", "晾晒大棚", "青岭县新胜黑木耳种植专业合作社菌包生产车间"} & stops
    _, got = invented.facts_of("在乌兰镇，县长巴特尔先后走进塔林乳品加工车间、乌兰奶食品有限公司。", HOME)
    assert ("巴特尔", "inspected", "塔林乳品加工车间") in got


def test_a_lake_and_a_maternal_hospital():
    out, got = invented.facts_of("随后，调研组来到泗安镇仙山湖，察看仙山湖游客服务中心改造提升项目。全面推行河长制湖长制，开展巡河"
                                 "巡湖行动。青岭县妇幼保健院开展义诊。", HOME)
    assert ("仙山湖", "locatedIn", "泗安镇") in got
    assert ("仙山湖游客服务中心改造提升项目", "locatedIn", "仙山湖") in got
    assert not [p for p in invented.labels(out, "Place") if "长制" in p or "巡" in p]
    assert "青岭县妇幼保健院" in invented.labels(out, "Organization")


def test_a_works_named_with_its_village_and_a_word_opening_with_a_stop_character():
    out, got = invented.facts_of("县长来到西三镇可邑村集中供水工程现场。祁振东一行先后来到石门镇云峰村和泼河水库城乡供水一体化"
                                 "工程现场。县长来到马山镇青石村集中育秧基地。", HOME)
    assert ("西三镇可邑村集中供水工程", "locatedIn", "可邑村") in got
    assert "泼河水库城乡供水一体化工程" in invented.labels(out, "Project")
    assert "青石村集中育秧基地" in invented.labels(out, "Place")
    out, _ = invented.facts_of("壮大村集体经济。", HOME)
    assert not invented.labels(out, "Place")


def test_a_bare_主持会议_after_a_sentence_convening_another_sitting():
    _, got = invented.facts_of("7月2日，全市安全生产视频会议召开。青岭县在县政府设分会场。市级会议结束后，我县紧接着召开全县"
                               "安全生产和防汛工作会议，会场设在县应急指挥中心。贺文斌主持会议并讲话。", HOME)
    assert ("贺文斌", "chaired", "全县安全生产和防汛工作会议") in got
    assert ("贺文斌", "chaired", "全市安全生产视频会议") not in got
    assert ("全县安全生产和防汛工作会议", "heldAt", "青岭县应急指挥中心") in got


def test_a_body_named_in_full_and_then_short_is_one():
    out, _ = invented.facts_of("青岭县人力资源和社会保障局举办招聘会。县人社局负责人介绍情况。青岭县市场监督管理局开展检查，"
                               "县市场监管局局长李明带队。共青团青岭县委员会主办活动。团县委书记韦小红致辞。", HOME)
    orgs = invented.labels(out, "Organization")
    assert {"青岭县人力资源和社会保障局", "青岭县市场监督管理局", "共青团青岭县委员会"} <= orgs
    assert not {"青岭县人社局", "青岭县市场监管局", "团青岭县委"} & orgs


def test_the_cppcc_named_formally_is_the_countys_cppcc():
    out, _ = invented.facts_of("9月15日，政协青岭县委员会召开协商会。县政协主席李明主持会议。", HOME)
    assert [o for o in invented.labels(out, "Organization") if "政协" in o] == ["青岭县政协"]


def test_a_firm_branded_with_a_river_after_its_county():
    out, _ = invented.facts_of("活动由青岭县青龙河文旅发展有限公司协办。", HOME)
    assert "青岭县青龙河文旅发展有限公司" in invented.labels(out, "Organization")


def test_a_firm_registered_in_a_county_after_the_village_it_stands_in():
    out, got = invented.facts_of("县长走进石门镇云峰村青岭县联兴油茶开发有限公司。8月3日，县长来到青岭县马道镇人民政府。", HOME)
    orgs = invented.labels(out, "Organization")
    assert "青岭县联兴油茶开发有限公司" in orgs
    gov = [(t, k) for t, k in out.entities if t == "Organization" and k.startswith("马道镇")]
    assert gov and "青岭县马道镇人民政府" in out.entities[gov[0]].names


def test_a_name_before_a_one_character_closer_and_a_removed_officer():
    _, got = invented.facts_of("县自然资源局副局长孙婷就汛后地质灾害防治工作作具体部署。", HOME)
    assert ("孙婷", "holdsPost", "县自然资源局副局长") in got
    out, got = invented.facts_of("会议决定：任命龙海涛为青岭县教育局局长；免去刘仲平的青岭县农业农村局局长职务。", HOME)
    assert "刘仲平" in invented.labels(out, "Person")
    assert not [f for f in got if f[0] == "刘仲平" and f[1] == "holdsPost"]


def test_a_departments_title_in_an_institution():
    _, got = invented.facts_of("青岭职业技术学院家政系主任林美玲担任评委。青岭县人民医院急诊科主任龚文涛讲解急救知识。", HOME)
    assert {("林美玲", "holdsPost", "家政系主任"), ("林美玲", "memberOf", "青岭职业技术学院"),
            ("龚文涛", "holdsPost", "急诊科主任"), ("龚文涛", "memberOf", "青岭县人民医院")} <= got


def test_a_contest_and_its_event_written_on_are_one():
    out, got = invented.facts_of("9月10日，2025年青岭县“荣匠杯”职工职业技能竞赛陶艺制作比赛在安陶小镇举行，由县总工会主办。", HOME)
    assert invented.labels(out, "Event") == {"2025年青岭县荣匠杯职工职业技能竞赛陶艺制作比赛"}


def test_a_verb_of_inspection_before_a_body_is_no_part_of_it():
    out, _ = invented.facts_of("副县长李明到石门镇督查石门镇中心小学开学准备工作。县安全生产第二督查组到白沙镇检查。", HOME)
    orgs = invented.labels(out, "Organization")
    assert "石门镇中心小学" in orgs and "青岭县安全生产第二督查组" in orgs
    assert not [o for o in orgs if "督查石门镇" in o]


def test_each_of_a_list_who_spoke_in_turn_attended():
    _, got = invented.facts_of("9月5日，青岭县第十九届人大常委会第二十四次会议召开。受县政府委托，县财政局局长乔婉清、县审计局"
                               "局长满都拉分别作了说明。", HOME)
    attended = {s for s, p, o in got if p == "attended"}
    assert {"乔婉清", "满都拉"} <= attended


def test_those_a_leader_leads_and_a_team_after_the_frame():
    _, got = invented.facts_of("9月15日，石门镇党委书记陆志强带领镇党委副书记梁海燕等镇村干部深入东养村、坡塘村，走访种植大户。",
                               HOME)
    assert {("陆志强", "inspected", "东养村"), ("梁海燕", "inspected", "东养村"), ("梁海燕", "inspected", "坡塘村")} <= got
    _, got = invented.facts_of("9月3日，县政协主席邱国梁率部分县政协委员视察脐橙产业发展工作。县政协副主席朱红英参加视察。"
                               "在安西镇圳下村，视察组走进赣南脐橙标准化种植示范园，察看果园设施。", HOME)
    assert ("朱红英", "inspected", "圳下村") in got
    # a delegation a leader leads names no one in it
    _, got = invented.facts_of("9月3日，区委书记王明带领区党政代表团赴上海考察。", ("荆州区", "荆州市", "湖北省"))
    assert {s for s, p, o in got if p == "inspected"} <= {"王明"}


def test_a_scene_with_the_party_in_it_before_the_visitor_walks_in():
    _, got = invented.facts_of("5月22日，县长戴云舟到石门镇调研。在石门镇牌楼村的湘北葡萄科技示范基地，一排排大棚整齐排列，"
                               "戴云舟一行边走边看。戴云舟走进大棚，仔细察看葡萄挂果情况。", HOME)
    assert ("戴云舟", "inspected", "湘北葡萄科技示范基地") in got
