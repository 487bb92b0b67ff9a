"""Constructions the sixth round of blind articles showed (pages and sentences written for these
tests): a paper page that indents its paragraphs, a short item signed by bare names, and a web
article signed at its top and again, with more names, at its end."""
from __future__ import annotations

import invented
from kg.text.articles import split_page
from kg.text.clean import clean

# A county paper's page as extraction leaves it when the paper indents its paragraphs: the lines
# are broken mid-sentence, the second line of a headline ends no sentence, and a paragraph's
# first line opens with the indent (here four spaces and, lower, two ideographic spaces).
INDENTED_PAGE = """2025年5月8日 星期四      青岭新闻      第2版 乡镇

石门镇：茶园变成
“绿色银行”
    5月6日，石门镇召开茶产业发展
推进会。镇党委书记吴立新主持会议
并讲话。全镇今年新增茶园两千亩
。（周红梅 杨海军）

[图片]
　　5月7日，云峰村村民在茶园里采
摘春茶。（孙晓 摄）
"""


def test_an_indented_line_opens_a_paragraph_and_ends_the_headline_above_it():
    page = split_page("p.txt", INDENTED_PAGE, "2025-05-08")
    news = [a for a in page.articles if a.kind == "news"]
    assert [a.headline for a in news] == ["石门镇:茶园变成 “绿色银行”"]
    assert news[0].body.startswith("5月6日,石门镇召开茶产业发展推进会")
    assert news[0].reporters == ("周红梅", "杨海军")
    photos = [a for a in page.articles if a.kind == "photo"]
    assert [p.photographers for p in photos] == [("孙晓",)]
    assert photos[0].body.startswith("5月7日,云峰村村民")


def test_a_stray_blank_at_a_line_start_is_no_indent():
    # one blank left by a line broken at a space: the line goes on; two or more are an indent
    assert clean("区里召开防汛工作会议，部署\n 下一阶段工作。") == "区里召开防汛工作会议,部署下一阶段工作。\n"
    assert clean("区里召开防汛工作会议，部署\n    下一阶段工作。") == "区里召开防汛工作会议,部署\n\n下一阶段工作。\n"
    assert clean("区里召开防汛工作会议，部署\n\u3000\u3000下一阶段工作。") == "区里召开防汛工作会议,部署\n\n下一阶段工作。\n"


def test_a_paragraph_signed_by_bare_names_ends_there():
    text = ("思源镇：集体经济迈上新台阶\n\n"
            "本报讯 5月6日，思源镇召开村级集体经济推进会。目前全镇村集体收入均超过十万元。（黄雪峰 陆建军）\n"
            "\n"
            "5月7日，思源镇在光明村举办农民运动会。（蒙丽 摄）\n")
    page = split_page("p.txt", text, "2025-05-08")
    news = [a for a in page.articles if a.kind == "news"]
    assert news[0].reporters == ("黄雪峰", "陆建军")
    assert "农民运动会" not in news[0].body


WEB = """石门镇举办第三届采茶节
来源：青岭县融媒体中心  发布时间：2025-05-09  浏览次数：312

本网讯（通讯员 周红梅）5月8日，石门镇第三届采茶节在云峰村开幕。
活动吸引游客三千余人次。
（周红梅 杨海军）
【打印本页】【关闭窗口】
"""


def test_a_web_article_signed_at_its_top_and_its_end_credits_every_name():
    page = split_page("w.txt", WEB, "2025-05-09")
    assert page.articles[0].reporters == ("周红梅", "杨海军")


# The masthead block as a county paper's extraction prints it, one item to a line, no blank line
# before the first headline: the paper's name, the date, the page.
MASTHEAD = """青岭新闻
2025年11月20日 星期四
第2版 要闻
县委常委会召开2025年第二十次会议
本报讯（记者 李青 通讯员 王河）11月18日，县委书记张山主持召开县委常委会会议。
县长赵林出席会议。
石门镇举办采茶节
本报讯（记者 周红）11月15日，石门镇在云峰村举办采茶节。
"""


def test_a_masthead_block_heads_no_article():
    page = split_page("p.txt", MASTHEAD, "2025-11-20")
    assert [a.headline for a in page.articles] == ["县委常委会召开2025年第二十次会议", "石门镇举办采茶节"]
    assert page.articles[0].reporters == ("李青", "王河")
    assert "青岭新闻" not in page.text


def test_a_masthead_on_the_date_line_and_a_page_number_below_it():
    text = "2025年11月20日 星期四 综合新闻\n 3\n\n" + MASTHEAD.split("\n", 3)[3]
    page = split_page("p.txt", text, "2025-11-20")
    assert [a.headline for a in page.articles] == ["县委常委会召开2025年第二十次会议", "石门镇举办采茶节"]


def test_top_lines_without_a_date_line_are_kept():
    # a web article's headline, then its text: no masthead to take away
    text = "青岭新闻：石门镇举办采茶节\n\n11月15日，石门镇在云峰村举办采茶节。\n"
    page = split_page("w.txt", text, "2025-11-20")
    assert page.articles[0].headline == "青岭新闻:石门镇举办采茶节"


def test_an_appointments_list_one_appointee_a_line():
    # a web article prints the decision's list one item a line under its lead (决定任命：)
    text = ("青岭县人大常委会举行第二十次会议\n\n"
            "9月26日，青岭县第十八届人民代表大会常务委员会第二十次会议举行。\n"
            "会议经表决，决定任命：\n"
            "戴志成为青岭县发展和改革委员会主任；\n"
            "倪晓慧为青岭县教育局局长。\n")
    page = split_page("w.txt", text, "2025-09-27")
    assert len(page.articles) == 1
    _, got = invented.facts_of(page.articles[0].body, ("青岭县", "江城市", "湖南省"))
    assert ("戴志成", "memberOf", "青岭县发展和改革委员会") in got
    assert ("倪晓慧", "memberOf", "青岭县教育局") in got
    assert ("倪晓慧", "holdsPost", "青岭县教育局局长") in got


def test_a_sentence_with_为_that_appoints_no_one():
    _, got = invented.facts_of("该项目总投资为5亿元。王明为此多方奔走。", ("青岭县", "江城市", "湖南省"))
    assert not any(p == "holdsPost" for _, p, _ in got)


QINGLING = ("青岭县", "江城市", "湖南省")


def orgs_of(body: str, home=QINGLING) -> set:
    return invented.labels(invented.facts_of(body, home)[0], "Organization")


def test_a_preposition_or_a_verb_before_a_body_is_no_part_of_its_name():
    assert "青岭县文化和旅游局" in orgs_of("5月8日，由青岭县文化和旅游局主办的采茶节开幕。")
    assert not any(o.startswith("由") for o in orgs_of("5月8日，由青岭县文化和旅游局主办的采茶节开幕。"))
    assert "青岭县政府" in orgs_of("受县人民政府委托，县财政局局长王明作报告。")
    assert "江城市委" in orgs_of("会议要求，要按照江城市委部署抓好落实。")
    assert not any(o.startswith(("照", "受", "共吸引")) for o in
                   orgs_of("受县人民政府委托，王明作报告。要按照江城市委部署抓好落实。招聘会共吸引青岭县绿源食品有限公司等企业参加。"))


def test_a_congress_committee_written_after_its_term_is_the_county_s():
    out, got = invented.facts_of("青岭县十九届人大常委会举行第二十次会议。", QINGLING)
    assert ("第二十次会议", "organizedBy", "青岭县人大常委会") in got
    assert not any(p == "organizedBy" and o == "青岭县" for _, p, o in got)


def test_the_party_s_name_before_a_district_s_committee_names_no_other_district():
    home = ("青岭区", "江城市", "湖南省")
    orgs = orgs_of("中共青岭区委书记王明，区委副书记、区长李华，区人大常委会主任赵强出席会议。", home)
    assert "青岭区人大常委会" in orgs and not any(o.startswith("共") for o in orgs)
    # another district written with the party's name still holds the bare titles after it
    assert "江岸区人大常委会" in orgs_of("中共江岸区委书记王明，区人大常委会主任赵强出席会议。", home)


def places_of(body: str, home) -> set:
    return invented.labels(invented.facts_of(body, home)[0], "Place")


def test_zhuang_villages_open_with_na():
    home = ("田东县", "百色市", "广西壮族自治区")
    got = places_of("李桂兰带领代表深入那王村、那恒村和坡塘村走访群众。朔良镇在那赖村开展义诊。", home)
    assert {"那王村", "那恒村", "那赖村", "坡塘村"} <= got
    got = places_of("那个村的道路修好了，那些村都通了水。", home)
    assert not any(p.startswith("那") for p in got)


def facts(body: str, home=QINGLING):
    return invented.facts_of(body, home)


def events_of(out) -> set:
    return invented.labels(out, "Event")


def test_a_meeting_in_a_body_s_own_room_is_held_at_the_body():
    out, got = facts("11月3日，青岭县政府第二十七次常务会议在县政府三楼常务会议室召开。")
    assert ("青岭县政府第二十七次常务会议", "heldAt", "青岭县政府") in got
    assert not any("会议室" in p for p in places_of("会议在县人大常委会机关会议室举行。", QINGLING))


def test_the_party_s_branches_inside_a_class_s_name():
    out, got = facts("10月13日，全县村（社区）党组织书记示范培训班在县委党校开班。")
    assert events_of(out) == {"全县村（社区）党组织书记示范培训班"}


def test_shows_and_drills_are_events_and_a_count_of_fairs_is_none():
    out, got = facts("由县文化和旅游局主办的第三届“花鼓戏进万家”文艺展演在石门镇文化广场举行。"
                     "县应急管理局在石门镇举办2025年地质灾害应急避险演练。今年全县已举办5场小型招聘会。")
    assert events_of(out) == {"第三届花鼓戏进万家文艺展演", "2025年地质灾害应急避险演练"}
    assert ("2025年地质灾害应急避险演练", "heldAt", "石门镇") in got


BRIEFS = """县内简讯

●3月15日，县市场监督管理局在县城人民广场开展宣传活动，现场发放资料3000余份。
（通讯员 郜明）
●近日，县妇联举办女性电商创业培训班，80名农村妇女参训。（通讯员 蔺晓）
"""


def test_a_short_item_closed_by_its_credit_on_a_line_of_its_own():
    page = split_page("p.txt", BRIEFS, "2025-03-18")
    assert [a.reporters for a in page.articles] == [("郜明",), ("蔺晓",)]
    assert all(a.headline is None for a in page.articles)


def test_a_writer_credited_with_the_unit_that_sent_the_item_in():
    text = ("青岭县举行招商引资项目集中签约仪式\n\n5月21日，青岭县举行招商引资项目集中签约仪式，8个项目现场签约。\n"
            "（青岭县招商服务中心 苗晓东）\n")
    assert split_page("w.txt", text, "2025-05-22").articles[0].reporters == ("苗晓东",)


def test_a_site_named_with_its_town_only_inside_a_project_s_name():
    home = ("留坝县", "汉中市", "陕西省")
    out, got = invented.facts_of("随后，调研组察看了马道镇高山冷水鱼养殖基地建设项目。", home)
    assert ("马道镇高山冷水鱼养殖基地建设项目", "locatedIn", "马道镇") in got
    assert places_of("随后，调研组察看了马道镇高山冷水鱼养殖基地建设项目。", home) == {"马道镇"}
    # a park of a proper name stays a place of its own, as does a site named on its own
    _, got = invented.facts_of("观摩团观摩了乌江镇乌江港物流园项目。", home)
    assert ("乌江镇乌江港物流园项目", "locatedIn", "乌江港物流园") in got
    assert "高山冷水鱼养殖基地" in places_of("在马道镇高山冷水鱼养殖基地，王明察看鱼苗。", home)


def test_a_study_group_s_numbered_session_is_named_with_the_group():
    name = "青岭县委理论学习中心组2025年第四次集体学习会"
    for body in ("6月11日，青岭县委理论学习中心组2025年第四次集体学习会举行。县委书记郭振东主持。",
                 "6月11日，青岭县委理论学习中心组举行2025年第四次集体学习会。县委书记郭振东主持。"):
        out, got = facts(body)
        assert events_of(out) == {name}
        assert (name, "organizedBy", "青岭县委理论学习中心组") in got and ("郭振东", "chaired", name) in got


TOUR = ("3月11日，县委书记刘建华率队深入青岭高新区调研工业经济运行情况。副县长聂冬梅参加调研。\n"
        "青岭高新区内的湖南鑫晟新材料有限公司、青岭恒远精密机械有限公司等企业是此次调研的第一站。\n"
        "位于石门镇的青岭岭秀农业科技有限公司，是一家油茶加工龙头企业。刘建华一行走进公司精深加工车间，了解茶油压榨流程。\n")


def test_stops_declared_as_such_and_a_company_referred_back_to():
    out, got = facts(TOUR)
    for stop in ("湖南鑫晟新材料有限公司", "青岭恒远精密机械有限公司", "青岭岭秀农业科技有限公司"):
        assert ("刘建华", "inspected", stop) in got and ("聂冬梅", "inspected", stop) in got
    assert not any("车间" in o for o in orgs_of(TOUR))


def test_the_first_party_of_an_agreement_stays_a_body():
    orgs = orgs_of("近日，青岭县人民政府与江城茶韵油脂科技有限公司签订投资协议。")
    assert {"青岭县人民政府", "江城茶韵油脂科技有限公司"} <= orgs
    assert "青岭县人民政府" in orgs_of("据了解，今年青岭县人民政府共安排专项资金3000万元。")


def test_the_people_s_square_of_the_county_seat():
    assert "人民广场" in places_of("县消费者协会在县城人民广场开展宣传活动。", QINGLING)
    assert not any(p.endswith("县城人民广场") for p in places_of("县消费者协会在县城人民广场开展宣传活动。", QINGLING))


def test_a_title_s_body_runs_back_no_further_than_the_name_before_it():
    out, got = facts("9月15日，石门镇党委书记陆志强带领镇党委副书记梁海燕等镇村干部深入云峰村走访农户。")
    assert ("梁海燕", "holdsPost", "镇党委副书记") in got and ("梁海燕", "memberOf", "石门镇党委") in got
    assert orgs_of("9月15日，石门镇党委书记陆志强带领镇党委副书记梁海燕等镇村干部深入云峰村走访农户。") == {"石门镇党委"}
    out, got = facts("县委常委、常务副县长冯海，县委副书记尤志晓，副县长汤亮参加会议。")
    persons = invented.labels(out, "Person")
    assert persons == {"冯海", "尤志晓", "汤亮"}
    out, got = facts("县委常委、常务副县长冯海、县委副书记尤志晓、副县长汤亮参加会议。")
    assert invented.labels(out, "Person") == {"冯海", "尤志晓", "汤亮"}
    assert ("尤志晓", "holdsPost", "县委副书记") in got


def persons_of(body: str) -> set:
    return invented.labels(facts(body)[0], "Person")


def test_people_quoted_by_their_role_in_a_feature():
    assert persons_of("来自王安镇的求职者温晓辉当天与一家企业签订了就业协议。") == {"温晓辉"}
    assert persons_of("“我们愿意拿地入股。”村民黄大伟第一个发言。") == {"黄大伟"}
    assert persons_of("农场主黄春梅一边招呼工人装箱一边介绍。") == {"黄春梅"}
    assert persons_of("来自依汶镇的蜂农鲍宏宇说：“蜂蜜卖得很好。”") == {"鲍宏宇"}
    assert persons_of("群众向您反映问题。调研组走访了监测户卢阿三家。村民代表纷纷发言。引导市民文明出行。") == set()


def test_a_subdistrict_s_office_and_a_leading_group_in_a_chain():
    home = ("南海区", "佛山市", "广东省")
    _, got = invented.facts_of("桂城街道党工委副书记、办事处主任李明出席活动。", home)
    assert ("李明", "memberOf", "桂城街道办事处") in got and ("李明", "memberOf", "桂城街道党工委") in got
    _, got = facts("县委书记、县委农村工作领导小组组长张华主持会议，县委副书记、县委农村工作领导小组副组长李明出席。")
    assert ("张华", "holdsPost", "县委农村工作领导小组组长") in got
    assert ("李明", "memberOf", "青岭县委农村工作领导小组") in got
    assert not any(o.startswith("导") for o in orgs_of("县委农村工作领导小组副组长李明出席。"))


def test_a_bare_names_credit_broken_over_two_lines_closes_its_item():
    text = ("简讯\n"
            "11月17日，县人大常委会主任廖国庆带队视察县城污水处理厂提标改造项目。视察组要求，施工单位要加快\n"
            "施工进度，力争早日让群众受益。（潘文杰\n"
            "）\n"
            "11月18日，县政协召开十届二十次主席会议，县政协主席石美兰主持会议。（韦婷）\n")
    page = split_page("p.txt", text, "2025-11-20")
    assert [a.reporters for a in page.articles] == [("潘文杰",), ("韦婷",)]


def test_a_one_character_county_after_a_preposition():
    home = ("沛县", "徐州市", "江苏省")
    assert "沛县人力资源和社会保障局" in orgs_of("由沛县人力资源和社会保障局主办的招聘会在县体育馆举行。", home)


def test_a_kind_of_school_names_none():
    assert orgs_of("加快补齐乡村学校短板，统筹推进农村寄宿制学校建设。") == set()
    assert orgs_of("县实验学校举行开学典礼。") == {"青岭县实验学校"}


def test_a_masthead_line_with_the_date_after_the_page():
    text = "青岭新闻\n第2版 综合 2025年11月10日 星期一\n" + MASTHEAD.split("\n", 3)[3]
    page = split_page("p.txt", text, "2025-11-10")
    assert [a.headline for a in page.articles] == ["县委常委会召开2025年第二十次会议", "石门镇举办采茶节"]


def test_a_clause_s_verb_opens_no_event_name():
    out, _ = facts("罗仕林要求各责任单位按照会议部署抓好落实。她希望通过技能大赛提升自己。")
    assert events_of(out) == set()


def test_common_surnames_the_list_had_left_out_and_joining_a_round_of_visits():
    assert persons_of("副县长葛丽娜，县政府办公室主任傅建新参加调研。") == {"葛丽娜", "傅建新"}
    assert {"萧明", "赖清华", "洪建平", "鲜于航"} <= persons_of(
        "县委常委萧明，副县长赖清华，县生态环境局局长洪建平，区纪委书记鲜于航出席会议。")
    _, got = facts("5月20日，镇党委书记雷晓东带队深入梁家山村、车门村等地走访。镇党委副书记蓝秀英参加走访。")
    assert ("蓝秀英", "inspected", "车门村") in got


def test_a_city_s_venue_named_with_it_is_a_site():
    home = ("平果市", "百色市", "广西壮族自治区")
    out, got = invented.facts_of("12月2日，平果市冬季安全生产工作会议在平果市行政中心召开。", home)
    assert ("平果市冬季安全生产工作会议", "heldAt", "平果市行政中心") in got
    assert "平果市行政中心" in places_of("9月9日，全市教育工作会议在平果市行政中心召开。", home)
    assert "平果市会议中心" in places_of("9月9日，全市教育工作会议在平果市会议中心召开。", home)


def test_kinds_of_area_and_of_size_name_no_place():
    for body in ("聚焦小型水库除险加固。", "推动城区和山区乡村协调发展。", "刘建华深入园区镇村调研。",
                 "县医院与省人民医院签订紧密型专科联盟协议。"):
        assert places_of(body, QINGLING) == set(), body
    assert {"锡林郭勒盟", "红星村"} <= places_of("锡林郭勒盟苏尼特左旗召开会议。干部走进红星村调研。", QINGLING)
