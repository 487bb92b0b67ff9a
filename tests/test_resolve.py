"""District-context names (kg/extract/resolve.py): the paper writes 区委, 市科技局, 镇人大, 高新区 and
means the bodies and places of its own district; one thing gets one key, so mentions merge
within a page and across pages. Invented names and pages only.
"""
from __future__ import annotations

import pytest

from kg.text.articles import split_page
from kg.extract import extract_page
from kg.graph.rdf import article_id, label_of
from kg.extract.resolve import (Context, Local, canonical_event, canonical_place, canonical_post, expand_body,
                        norm_key)

CTX = Context.of("荆州区", "荆州市", "湖北省", text="荆州高新区")
TOWN = Local(town="弥市镇", subdistrict="西城街道", village="柳溪村")


def extract(body: str, headline: str = "区里开展专项工作"):
    page = split_page("resolve.txt", f"{headline}\n\n本报讯（通讯员林晓）{body}")
    home = Context.of("荆州区", "荆州市", "湖北省", text=page.text)
    return extract_page(page, [article_id(a.body) for a in page.articles], home)


def keys(facts, type_: str) -> set[str]:
    return {label_of(t, k) for (t, k) in facts.entities if t == type_}


def triples(facts) -> set[tuple[str, str, str]]:
    return {(label_of(f.s.type, f.s.key), f.p, label_of(f.o.type, f.o.key)) for f in facts.facts}


# ------------------------------------------------------------------ the home context

def test_the_zone_is_the_one_the_page_names_after_the_home():
    assert (CTX.district, CTX.city, CTX.province, CTX.zone) == ("荆州区", "荆州市", "湖北省", "荆州高新区")
    assert CTX.pair() == ("荆州区", "荆州高新区")
    assert Context.of("荆州区", "荆州市", "湖北省", text="荆州区召开会议").zone == ""


@pytest.mark.parametrize("text, zone", [
    ("会议研究了经开区标准化厂房三期项目。", "长河县经开区"),
    ("县长来到高新区调研。", "长河县高新区"),
    ("县长来到长河经开区调研。", "长河经开区"),          # named after the home: as written
    ("县长来到青禾村调研。", ""),
    ("县长来到丰源开发区调研。", ""),                     # another's zone, named: no zone of the home
])
def test_a_countys_bare_zone_is_its_own(text, zone):
    ctx = Context.of("长河县", "青阳市", "湖南省", text=text)
    assert ctx.zone == zone
    if zone.startswith("长河县"):
        assert ctx.both == ""      # (两区 is the home and a zone named after it, as 荆州区 writes it)


def test_a_city_districts_bare_zone_is_not_made_its_own():
    """a city district's bare 高新区 is often its city's (a zone the district does not hold)"""
    assert Context.of("青山区", "青阳市", "湖南省", text="来到高新区调研。").zone == ""


# ------------------------------------------------------------------ bodies

@pytest.mark.parametrize("short, full", [
    ("区委", "荆州区委"),
    ("区信访局", "荆州区信访局"),
    ("区政府党组", "荆州区政府党组"),
    ("市科技局", "荆州市科技局"),
    ("市总工会", "荆州市总工会"),
    ("省委", "湖北省委"),
    ("高新区管委会", "荆州高新区管委会"),
])
def test_bare_level_bodies_expand_to_the_home_context(short, full):
    assert expand_body(short, CTX) == full


@pytest.mark.parametrize("short, full", [
    ("镇人大", "弥市镇人大"),
    ("街道纪工委", "西城街道纪工委"),
    ("村委", "柳溪村委"),
])
def test_town_level_bodies_take_the_articles_own_places(short, full):
    assert expand_body(short, CTX, TOWN) == full


def test_town_body_without_a_town_stays_as_written():
    assert expand_body("镇人大", CTX) == "镇人大"


@pytest.mark.parametrize("name", ["荆州区委", "荆州高新区管委会", "湖北荆达建材有限公司", "市场监管", "区域协作"])
def test_full_names_and_words_starting_with_a_level_character_are_left_alone(name):
    assert expand_body(name, CTX) == name


def test_another_districts_bare_body():
    assert expand_body("区政府", CTX, Local(district="秦淮区")) == "秦淮区政府"


# ------------------------------------------------------------------ places, posts, events

@pytest.mark.parametrize("name, subtype, full, key", [
    ("高新区", "Park", "", "荆州高新区"),
    ("湖北", "Province", "", "湖北省"),
    ("荆州", "City", "", "荆州市"),
    ("上海", "City", "", "上海"),          # a municipality keeps its bare name
    ("沪", "City", "上海", "上海"),        # an abbreviation resolved by the finder
    ("柳溪村", "Village", "", "柳溪村"),
])
def test_canonical_place(name, subtype, full, key):
    assert canonical_place(name, subtype, CTX, full) == key


def test_post_key_is_the_title_as_written():
    # ANNOTATION.md keys a post by its fullest occurrence on the page: bare, it is the one bare title
    # of every home; written with its area, that form
    assert canonical_post("区委常委", "区委", "常委", "荆州区委", "") == "区委常委"
    assert canonical_post("荆州区委常委", "荆州区委", "常委", "荆州区委", "") == "荆州区委常委"
    assert canonical_post("荆州市科技局局长", "荆州市科技局", "局长", "荆州市科技局", "") == "荆州市科技局局长"


def test_post_key_drops_the_body_its_title_implies_anyway():
    # 区政府常务副区长 and 常务副区长 are one post
    assert canonical_post("区政府常务副区长", "区政府", "常务副区长", "荆州区政府", "荆州区政府") == "常务副区长"
    assert canonical_post("常务副区长", "", "常务副区长", "", "荆州区政府") == "常务副区长"


@pytest.mark.parametrize("name, key", [
    ("区委全面深化改革委员会第五次会议", "荆州区委全面深化改革委员会第五次会议"),
    ("区政府第九次常务会议", "荆州区政府第九次常务会议"),
    ("省第十三次党代会", "湖北省第十三次党代会"),
    ("市场主体培训会", "市场主体培训会"),
])
def test_canonical_event(name, key):
    assert canonical_event(name, CTX) == key


def test_norm_key_drops_spaces_quotes_and_book_marks():
    assert norm_key("“ 桃花源 ”民宿项目") == "桃花源民宿项目"
    assert norm_key("《荆州区 工作要点》") == "荆州区工作要点"


# ------------------------------------------------------------------ on a page

def test_short_and_full_body_are_one_node():
    f = extract("3月2日，区委召开常委会会议。荆州区委书记钟启航主持会议，强调要抓好落实。")
    assert ("Organization", "荆州区委") in f.entities
    assert ("Organization", "区委") not in f.entities
    assert {"区委", "荆州区委"} <= f.entities[("Organization", "荆州区委")].names


def test_city_and_province_bodies_on_a_page():
    f = extract("5月9日，市科技局、省委有关负责同志到荆州区调研科技小院建设。")
    assert {"荆州市科技局", "湖北省委"} <= keys(f, "Organization")
    assert not {"市科技局", "省委"} & keys(f, "Organization")


def test_town_body_takes_the_town_of_the_article():
    f = extract("5月6日，弥市镇人大组织人大代表视察集镇污水治理工作。镇人大主席严俊华参加视察。")
    assert ("严俊华", "memberOf", "弥市镇人大") in triples(f)
    assert "镇人大" not in keys(f, "Organization")


def test_bare_zone_is_the_high_tech_zone_the_page_names():
    f = extract("6月1日，考察团一行先后到高新区、川店镇参观。", headline="荆州高新区迎来考察团")
    assert "荆州高新区" in keys(f, "Place")
    assert "高新区" not in keys(f, "Place")


def test_zone_body_and_its_short_form_are_one_node():
    f = extract("高新区管委会负责人介绍，荆州高新区管委会将持续优化服务。")
    assert ("Organization", "荆州高新区管委会") in f.entities
    assert ("Organization", "高新区管委会") not in f.entities


@pytest.mark.parametrize("body, key", [
    ("区委宣传部", "荆州区委宣传部"),
    ("省农业农村厅", "湖北省农业农村厅"),
])
def test_departments_outside_a_chain_are_bodies(body, key):
    f = extract(f"4月8日，{body}、区文旅局联合举办“书香满城”全民阅读活动。")
    assert key in keys(f, "Organization")


@pytest.mark.parametrize("home, written, key", [
    (("中阳县", "吕梁市", "山西省"), "政府", "中阳县政府"),              # 政府县长X
    (("中阳县", "吕梁市", "山西省"), "组织部", "中阳县委组织部"),        # 组织部部长X
    (("峡江县", "吉安市", "江西省"), "统战", "峡江县委统战部"),          # 统战部长X
    (("华蓥市", "广安市", "四川省"), "市委", "华蓥市委"),                # a county-level city's own 市委
    (("扎鲁特旗", "通辽市", "内蒙古自治区"), "旗人大常委会", "扎鲁特旗人大常委会"),
    (("八公山区", "淮南市", "安徽省"), "市委", "淮南市委"),              # a district's 市委 is its city's
    (("", "", ""), "县委", "县委"),                                    # no home: bare stays bare
])
def test_bare_organs_are_the_homes(home, written, key):
    assert expand_body(written, Context.of(*home) if home[0] else Context()) == key


def test_one_national_organ_written_two_ways_is_one_key():
    assert expand_body("党中央", CTX) == expand_body("中共中央", CTX) == "中共中央"


def test_autonomous_region_bodies_are_the_home_provinces():
    ctx = Context.of("青山区", "白水市", "广西壮族自治区")
    assert expand_body("自治区党委", ctx) == "广西壮族自治区党委"
    assert expand_body("自治区党委", CTX) == "自治区党委"       # no autonomous region at home: left as written


def test_discipline_secretary_is_a_member_of_the_homes_discipline_commission():
    page = split_page("t.txt", "标题\n\n5月6日，县委常委、纪委书记、监委主任王建华到石桥村调研。\n")
    ctx = Context.of("青山县", "白水市", "安徽省", text=page.text)
    out = extract_page(page, [article_id(a.body) for a in page.articles], ctx)
    member = {f.o.key for f in out.facts if f.p == "memberOf"}
    assert {"青山县委", "青山县纪委", "青山县监委"} <= member


def test_a_bracketed_other_name_is_a_name_of_the_body():
    page = split_page("t.txt", "标题\n\n5月6日，王建华到市委组织部（市公务员局）调研。\n")
    out = extract_page(page, [article_id(a.body) for a in page.articles], CTX)
    names = [e.names for (t, _), e in out.entities.items() if t == "Organization"]
    assert any({"市委组织部", "市公务员局"} <= n for n in names)
