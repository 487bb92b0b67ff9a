"""Constructions the seventh round of blind articles showed, each on sentences written for these
tests: posts as the page writes them, a standing committee's sittings named with their year, and
a government's numbered sitting."""
from __future__ import annotations

import invented

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
