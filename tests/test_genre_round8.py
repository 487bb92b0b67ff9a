"""Constructions the eighth round of blind articles showed, each on sentences written for these
tests: meetings under two names and meetings the article convenes second, the plenaries a year of
meetings studies, officials addressed by surname and title, and visits written with 来."""
from __future__ import annotations

import invented

HOME = ("青岭县", "江城市", "湖南省")
PREFECTURE_HOME = ("花垣县", "湘西土家族苗族自治州", "湖南省")


def _events(out):
    return invented.labels(out, "Event")


def test_an_enlarged_sitting_under_a_second_name_is_one_event():
    out, got = invented.facts_of("11月12日上午，青岭县委理论学习中心组2025年第九次集体学习（扩大）暨全县领导干部学习"
                                 "贯彻党的二十届四中全会精神专题读书班开班式举行。县委书记何立群主持并讲话。", HOME)
    assert ("何立群", "chaired", "青岭县委理论学习中心组2025年第九次集体学习") in got
    assert not any(p == "chaired" and o.endswith("开班式") for s, p, o in got)


def test_a_headline_naming_the_second_name_of_a_sitting_is_that_sitting():
    out, got = invented.facts_of("县政府召开第五十一次常务会议\n\n11月6日下午，青岭县政府党组2025年第十二次（扩大）会议"
                                 "暨县政府第五十一次常务会议召开。县长周汉文主持会议。", HOME)
    assert len(_events(out)) == 1


def test_a_meeting_the_article_convenes_second_is_the_one_its_next_sentence_speaks_of():
    text = ("11月12日上午，县委召开全县经济工作会议。县委书记何立群主持并讲话。\n\n"
            "当天下午，县委宣传部召开全县理论宣讲工作部署会。县委常委、宣传部部长吴丹出席会议并作部署，"
            "会议宣读了《青岭县理论宣讲工作实施方案》。")
    out, got = invented.facts_of(text, HOME)
    assert ("全县理论宣讲工作部署会", "organizedBy", "青岭县委宣传部") in got
    assert ("吴丹", "attended", "全县理论宣讲工作部署会") in got
    assert ("吴丹", "attended", "全县经济工作会议") not in got
    assert ("全县理论宣讲工作部署会", "reviewed", "青岭县理论宣讲工作实施方案") in got


def test_a_bare_meeting_word_after_a_studied_meeting_is_the_articles_sitting():
    text = ("11月20日，县委、县政府召开全县安全生产工作推进会，传达学习全省安全生产电视电话会议精神。"
            "县委常委、常务副县长戴秋萍主持会议，副县长韩卫东出席会议。")
    out, got = invented.facts_of(text, HOME)
    assert ("戴秋萍", "chaired", "全县安全生产工作推进会") in got
    assert ("韩卫东", "attended", "全县安全生产工作推进会") in got
    assert not any(o == "全省安全生产电视电话会议" for s, p, o in got if p in ("chaired", "attended"))


def test_the_central_committees_plenary_is_an_event_and_a_sitting_studying_it_another():
    out, got = invented.facts_of("会议传达学习了党的二十届四中全会精神和省委十二届九次全会精神。", HOME)
    assert {"党的二十届四中全会", "湖南省委十二届九次全会"} <= _events(out)
    out, got = invented.facts_of("11月5日，县委宣传部召开全县学习贯彻党的二十届四中全会精神宣讲报告会。"
                                 "与会人员表示，要学习好党的二十届四中全会精神。", HOME)
    names = _events(out)
    assert "党的二十届四中全会" in names
    assert any(n.endswith("精神宣讲报告会") and "党的二十届四中全会" in n for n in names)


def test_a_plenary_before_and_closes_the_name_of_the_next_meeting():
    out, got = invented.facts_of("会议传达学习了中共青岭县委十五届九次全会和全市稳增长工作推进会精神。", HOME)
    assert "全市稳增长工作推进会" in _events(out)
    assert not any(n.startswith("和") for n in _events(out))


def test_an_official_addressed_by_surname_and_title_is_no_new_person():
    out, got = invented.facts_of("县委书记古立新主持会议。古书记要求，各级干部要带头学。李主席指出，要当好宣传员。"
                                 "胡县长强调，要抓好落实。", HOME)
    persons = invented.labels(out, "Person")
    assert persons == {"古立新"}


def test_a_civil_service_rank_is_a_title():
    out, got = invented.facts_of("9月17日，湖南省文化和旅游厅二级巡视员周海涛一行来我县调研石雕保护工作。", HOME)
    assert ("周海涛", "holdsPost", "湖南省文化和旅游厅二级巡视员") in got
    assert ("周海涛", "memberOf", "湖南省文化和旅游厅") in got


def test_a_provincial_bureau_holding_and_keeps_its_province():
    out, got = invented.facts_of("湖南省住房和城乡建设厅副厅长王明远出席活动。", HOME)
    assert ("王明远", "memberOf", "湖南省住房和城乡建设厅") in got


def test_a_visit_written_with_lai_is_a_visit():
    out, got = invented.facts_of("6月11日，州委常委、州委秘书长田志远率队来花垣县调研乡村振兴工作。", PREFECTURE_HOME)
    assert ("田志远", "inspected", "花垣县") in got
    out, got = invented.facts_of("6月11日，州委常委田志远来花垣县调研乡村振兴工作。", PREFECTURE_HOME)
    assert ("田志远", "inspected", "花垣县") in got
    out, got = invented.facts_of("今年以来，县长石永明多次到边城镇调研。副县长田志远带来了边城镇的好消息。",
                                 PREFECTURE_HOME)
    assert not any(s == "田志远" and p == "inspected" for s, p, o in got)


def test_an_autonomous_prefecture_written_short_is_its_committee():
    out, got = invented.facts_of("湘西州委常委、州委秘书长田志远，州委副秘书长龙建国到花垣县调研。", PREFECTURE_HOME)
    orgs = invented.labels(out, "Organization")
    assert len([o for o in orgs if o.endswith("州委")]) == 1


def test_a_science_town_is_a_place():
    out, got = invented.facts_of("种业创新中心二期项目位于崖州湾科技城，建成后将新增科研用房4万平方米。",
                                 ("崖州区", "三亚市", "海南省"))
    assert "崖州湾科技城" in invented.labels(out, "Place")


def test_an_adverb_or_yiji_after_a_short_name_is_no_part_of_it():
    out, got = invented.facts_of("活动现场，家长代表刘芳也表示，这样的课实实在在。", HOME)
    assert invented.labels(out, "Person") == {"刘芳"}
    out, got = invented.facts_of("石门中学校长尹红以及800余名师生参加活动。", HOME)
    assert "尹红" in invented.labels(out, "Person")
    out, got = invented.facts_of("每到一处，观摩团成员都认真听取介绍。", HOME)
    assert invented.labels(out, "Person") == set()


def test_a_subtitles_dash_opens_no_event_name():
    out, got = invented.facts_of("“开学第一课”上好安全这一课\n——我县2025年秋季“开学第一课”暨校园安全宣传教育活动举行\n"
                                 "来源：青岭县教育局　　发布时间：2025-09-02\n\n青岭融媒讯　9月1日上午，青岭县2025年"
                                 "秋季“开学第一课”暨校园安全宣传教育活动在石门中学举行。", HOME)
    assert not any("——" in e or e.startswith("一课") for e in _events(out))


def test_a_school_written_with_its_county_and_its_subdistrict_is_one_school():
    text = ("9月1日上午，青岭县开学第一课活动在玉阳街道锦屏实验学校举行。活动由青岭县教育局主办，青岭县锦屏实验学校承办。"
            "锦屏实验学校校长尹红致辞。")
    out, got = invented.facts_of(text, HOME)
    orgs = {o for o in invented.labels(out, "Organization") if o.endswith("锦屏实验学校")}
    assert orgs == {"青岭县锦屏实验学校"}
    assert ("青岭县锦屏实验学校", "locatedIn", "玉阳街道") in got


def test_leaders_who_go_along_on_an_on_site_meetings_tour_attend_it():
    text = ("4月10日，县委、县政府召开一季度重点项目建设现场观摩推进会。县委书记赵立新，副县长李振宇参加观摩，"
            "韩志刚、王秀兰等县领导一同观摩。观摩团一行先后来到古城街道、石门镇，实地观摩了青岭县冷链物流园项目。"
            "观摩结束后，推进会在石门镇召开。")
    out, got = invented.facts_of(text, HOME)
    for p in ("赵立新", "韩志刚", "王秀兰"):
        assert (p, "attended", "一季度重点项目建设现场观摩推进会") in got
        assert (p, "inspected", "青岭县冷链物流园项目") in got
    assert ("一季度重点项目建设现场观摩推进会", "heldAt", "石门镇") in got


def test_the_sitting_a_paragraph_holds_is_the_one_its_later_sentences_speak_of():
    text = ("9月16日上午，县委书记罗建平主持召开县委常委会2025年第二十三次会议。\n\n"
            "当天下午，青岭县委理论学习中心组2025年第九次集体学习会在县委党校报告厅举行。罗建平主持会议并讲话。"
            "会上，集体学习了《中国共产党党员教育管理工作条例》，县委党校副校长王卫东作专题辅导报告。")
    out, got = invented.facts_of(text, HOME)
    study = "青岭县委理论学习中心组2025年第九次集体学习会"
    assert (study, "reviewed", "中国共产党党员教育管理工作条例") in got
    assert ("王卫东", "attended", study) in got
    assert not any(s == "王卫东" and p == "attended" and o != study for s, p, o in got)


def test_a_branch_venue_and_a_line_naming_the_sittings_second_name():
    text = ("我县组织收听收看全市安全生产暨森林防灭火工作视频会议\n\n"
            "11月6日下午，江城市安全生产委员会全体（扩大）会议暨全市森林防灭火工作视频会议召开。"
            "我县在县政府六楼视频会议室设分会场。县长陈志国在分会场参加会议。")
    out, got = invented.facts_of(text, HOME)
    assert len(_events(out)) == 1
    assert any(p == "heldAt" and o.startswith("青岭县") and o.endswith("政府") for s, p, o in got)


def test_a_frame_in_another_city_does_not_place_the_home_or_its_zone():
    home = ("荆州区", "荆州市", "湖北省")
    text = ("4月2日至4日，荆州区委书记周振邦率队赴广东省深圳市开展招商考察。\n\n"
            "在深圳，周振邦一行先后走访了深圳市翼联光电科技有限公司、深圳澜海储能技术有限公司，"
            "就光电显示模组、储能电池系统集成等项目落地荆州高新区进行深入洽谈。")
    out, got = invented.facts_of(text, home)
    located = {(s, o) for s, p, o in got if p == "locatedIn"}
    assert not any(s in ("荆州高新区", "荆州区") for s, o in located)
    assert not any(o == "荆州高新区" for s, o in located)


def test_a_compound_surname_and_academic_ranks():
    out, got = invented.facts_of("区人大常委会秘书长申屠立新列席会议。县委党校讲师包晓雯、省社会主义学院教授邝文澜"
                                 "作辅导报告。", HOME)
    assert ("申屠立新", "holdsPost", "区人大常委会秘书长") in got or \
        any(s == "申屠立新" and p == "holdsPost" for s, p, o in got)
    assert ("包晓雯", "holdsPost", "讲师") in got
    assert ("邝文澜", "holdsPost", "教授") in got


def test_a_role_word_across_two_words_introduces_no_name():
    out, got = invented.facts_of("会上，6名常委围绕乡村民宿规范发展等作发言。", HOME)
    assert invented.labels(out, "Person") == set()


def test_a_body_joined_to_another_and_a_firm_after_a_word_for_its_kind():
    out, got = invented.facts_of("11月13日，县人社局联合青岭高新区管委会在石门镇举办专场招聘会。", HOME)
    orgs = invented.labels(out, "Organization")
    assert not any("联合" in o for o in orgs)
    out, got = invented.facts_of("11月16日，城南街道凤鸣社区联合辖区爱心企业江城市佳禾物业服务有限公司开展“暖冬助老”"
                                 "志愿服务活动。", HOME)
    assert "江城市佳禾物业服务有限公司" in invented.labels(out, "Organization")
    assert not any(p.startswith("企业") for p in invented.labels(out, "Place"))


def test_a_town_head_is_of_the_towns_government_only_where_the_page_names_it():
    out, got = invented.facts_of("会上，石门镇镇长鲁家宏作交流发言。", HOME)
    assert not any(s == "鲁家宏" and p == "memberOf" for s, p, o in got)
    out, got = invented.facts_of("活动由石门镇人民政府承办。会上，石门镇镇长鲁家宏作交流发言。", HOME)
    assert ("鲁家宏", "memberOf", "石门镇人民政府") in got


def test_the_words_the_elderly_and_craftsmen_are_called_by_are_no_names():
    out, got = invented.facts_of("在石门村，村民杨大爷说，今年葡萄收成好。王阿姨和李师傅也表示满意。", HOME)
    assert invented.labels(out, "Person") == set()


def test_a_standing_committees_sitting_named_after_it_is_its_committees():
    out, got = invented.facts_of("县委常委会召开会议\n\n11月17日，县委书记周振邦主持召开县委常委会会议，审议《青岭县"
                                 "2026年重点项目谋划工作方案》。", HOME)
    organizers = {o for s, p, o in got if p == "organizedBy"}
    assert organizers and all(o.endswith("委") and not o.endswith("常委会") for o in organizers)
