"""Canonical names: one key per real thing, within a page and across pages.

The paper writes bodies short ("区委", "市科技局", "镇人大") and trusts the reader to know the
district; these functions expand such forms with the home context (``Context``) and the
article's own places, so 区委 and 荆州区委 become one node and two builds merge by union.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.text.lexicon import lexicon


# What a development zone of the home is written as: 荆州高新区, 某某经济开发区 (longest first).
ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "开发区", "经开区")
# An autonomous county's short name drops its peoples: 秀山土家族苗族自治县 → 秀山.
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+自治[县旗州]$")


def short_name(name: str) -> str:
    """The name an area goes by without its level: 宿松县 → 宿松, 荆州市 → 荆州, 秀山土家族苗族自治县 →
    秀山. Names of two characters keep theirs (兴县 stays 兴县: 兴 alone is no name)."""
    m = _AUTONOMOUS.match(name)
    if m:
        return m.group(1)
    for suffix in ("自治区", "特别行政区", "地区", "林区", "盟", "州", "省", "市", "区", "县", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    return name


@dataclass(frozen=True)
class Context:
    """The home of a page: the county-level area whose paper or site published it, with its city
    and province. A bare 区委/县委/旗委 (or 市委, where the home is a county-level city) is the
    home's own; a bare 市… body is the home city's, 省… the province's. ``how`` says where the home
    came from: "given" (--home, --manifest), "inferred" (from the page), "none" (not found: bare
    forms stay as written). ``zone`` is a development zone named after the home (荆州高新区), whose
    short form 高新区 means it, and ``both`` ("两区") the home and the zone together."""
    district: str = ""
    city: str = ""
    province: str = ""
    zone: str = ""
    zone_short: str = ""
    both: str = ""
    how: str = "none"

    @classmethod
    def of(cls, district: str, city: str = "", province: str = "", *, how: str = "given",
           text: str = "") -> "Context":
        """The home ``district, city, province``, with the zone the page ``text`` names after it."""
        zone, zone_short = find_zone(text, district, city) if district else ("", "")
        if district and not zone and district[-1] in "县旗市":
            # a county's paper writes its own zone bare (研究了经开区…项目, 来到高新区): the home's zone
            # (a city district's bare 高新区 is often its city's: 周口高新区 on a page of 川汇区)
            m = _BARE_ZONE.search(text)
            if m:
                return cls(district, city, province, district + m.group(1), m.group(1), "", how)
        return cls(district, city, province, zone, zone_short, "两区" if zone else "", how)

    @property
    def level(self) -> str:
        """The character the home's own bodies start with when written bare: 区, 县, 市 or 旗."""
        return self.district[-1:] if self.district else ""

    def home_names(self) -> tuple:
        """(written, area) for the words a page names its home, city and province by without
        naming them: 我县 and 宿松 → 宿松县; on a district's page 我市 → its city, 我省 → its province."""
        return _home_names(self.district, self.city, self.province)

    def spec(self) -> str:
        """The home as one string (part of a page's cache key)."""
        return ",".join((self.district, self.city, self.province)) if self.district else ""

    def pair(self) -> tuple[str, str]:
        """What "两区" stands for."""
        return (self.district, self.zone)


@lru_cache(maxsize=4096)
def _home_names(district: str, city: str, province: str) -> tuple:
    """Context.home_names, once per home (every place of a page asks)."""
    if not district:
        return ()
    level = district[-1]
    out = [("我" + level, district)]
    if district[0] in "和与及同在以对":
        out.append((district, district))   # 和静县, 同心县: the home's name opens with a word that stops names
    short = short_name(district)
    # 荆州区's short name is the city's (荆州): there it names the city, not the home
    if short != district and short != short_name(city) and short not in lexicon().gazetteer:
        out.append((short, district))
    if district.endswith(("自治县", "自治旗")) and len(short) >= 2:
        out.append((short + level, district))   # 长白县 for 长白朝鲜族自治县: the name its own pages use
    # 县经济开发区, 区高新区: the level word and a zone suffix are the home's own zone
    out += [(level + z, district + z) for z in ZONE_SUFFIXES if level in "县区旗市"]
    if level != "市" and city.endswith("市") and city != province:
        out.append(("我市", city))
    if province.endswith("省"):
        out.append(("我省", province))
    return tuple(out)


# a zone suffix written with no name before it: after a word's end, a list mark or no ideograph
_BARE_ZONE = re.compile("(?:(?<![\u4e00-\u9fff])|(?<=[在到赴和与、了对于的及是为将把往]))(经济开发区|经开区|高新区|开发区)")


def find_zone(text: str, district: str, city: str) -> tuple[str, str]:
    """The first development zone ``text`` names after the home district or city (荆州高新区), and
    the suffix it is written with alone (高新区); ("", "") when it names none."""
    heads = [h for h in dict.fromkeys((short_name(district), short_name(city) if city else "")) if h]
    best = None
    for h in heads:
        for suffix in ZONE_SUFFIXES:
            i = text.find(h + suffix)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, h + suffix, suffix)
                break
    return (best[1], best[2]) if best else ("", "")


@dataclass(frozen=True)
class Local:
    """The places an article is about, for bare 镇人大 / 街道纪工委 / 村委."""
    town: str = ""
    subdistrict: str = ""
    village: str = ""
    district: str = ""


# national organs written two ways: one organ, one key (the written form stays a name of it)
_SAME_ORGAN = {"党中央": "中共中央"}


@lru_cache(maxsize=None)
def _organ_heads() -> tuple:
    return tuple(head for head, _ in lexicon().home_organs)


_CONGRESS_LONG = ("人民代表大会常务委员会", "人民代表大会")


def expand_body(name: str, ctx: Context, local: Local = Local()) -> str:
    """区委 → 荆州区委, 市科技局 → 荆州市科技局, 省委 → 湖北省委, 镇人大 → 弥市镇人大; on a page of a
    county-level city (华蓥市) 市委 → 华蓥市委, of a banner 旗委 → 扎鲁特旗委. Without a home, bare forms stay."""
    if not name:
        return name
    name = _SAME_ORGAN.get(name, name)
    if name.endswith(_CONGRESS_LONG):
        # X县人民代表大会(常务委员会) and X县人大(常委会) are one body, keyed short as a sitting's organizer is
        name = name[:name.rindex("人民代表大会")] + ("人大常委会" if name.endswith("委员会") else "人大")
    if name.endswith("委常委班子"):
        name = name[:-2] + "会"             # 县委常委班子 is the 县委常委会 written as a group
    if name.startswith("自治区") and ctx.province.endswith("自治区"):
        return ctx.province + name[3:]      # 自治区党委 on a page of 广西壮族自治区
    if name.startswith(("自治县", "自治旗")) and ctx.district.endswith(name[:3]) and len(name) > 3:
        rest = name[3:]
        # 自治县人民政府, 自治县党委 on a page of 三江侗族自治县 (its 党委 is its 县委)
        return ctx.district + (rest[1:] if rest.startswith("党委") else rest)
    m = _CPPCC_FORMAL.match(name)
    if m:
        return m.group(1) + "政协"           # 政协平遥县委员会 is 平遥县政协, written formally
    if ctx.district and name.startswith(_organ_heads()):   # (one test rejects most names)
        for head, full in lexicon().home_organs:
            if name.startswith(head):       # 政府 → 中阳县政府, 组织部 → 中阳县委组织部
                return ctx.district + full + name[len(head):]
    if name.startswith(("团", "共青团")) and name.endswith("委") and len(name) <= 6:
        lead = "共青团" if name.startswith("共青团") else "团"
        return lead + expand_body(name[len(lead):], ctx, local)    # 团县委 → 团桐源县委
    head = name[0]
    if head in "区县旗" and not name.startswith(("区域", "区间", "县域", "县城", "旗下", "旗帜", "旗舰")):
        base = local.district if head == "区" and local.district else ctx.district
        return base + name[1:] if base else name
    if head == "市" and not name.startswith(("市场", "市民")):
        base = ctx.district if ctx.level == "市" else ctx.city
        return base + name[1:] if base else name
    if head == "省":
        return ctx.province + name[1:] if ctx.province else name
    if head in "州盟" and ctx.city.endswith(head) and not name.startswith(("州长", "盟长")):
        return ctx.city + name[1:]
    if head in "镇乡" and local.town:
        return local.town + name[1:]
    if name.startswith(("办事处", "街道办")) and local.subdistrict:   # the subdistrict's office (办事处主任)
        return local.subdistrict + ("办事处" + name[3:] if name.startswith("办事处") else name[2:])
    if name.startswith("苏木") and local.town:        # a banner's township (苏木党委)
        return local.town + name[2:]
    if name.startswith("嘎查") and local.village:     # and its village (嘎查党支部)
        return local.village + name[2:]
    if name.startswith("街道") and local.subdistrict:
        return local.subdistrict + name[2:]
    if head == "村" and local.village:
        return local.village + name[1:]
    if ctx.zone_short and name.startswith(ctx.zone_short) and not name.startswith(ctx.zone):
        return ctx.zone[: len(ctx.zone) - len(ctx.zone_short)] + name
    return name


_CPPCC_FORMAL = re.compile("^政协([\u4e00-\u9fff]{2,8}?[县区市旗])委员会$")


def canonical_place(name: str, subtype: str, ctx: Context, full: str = "") -> str:
    """高新区 → 荆州高新区; 湖北 → 湖北省; 荆州 → 荆州市; 沪 → 上海 (abbreviation already resolved in ``full``)."""
    if full:
        name = full
    if ctx.zone_short and name == ctx.zone_short:
        return ctx.zone
    for written, area in ctx.home_names():
        if name == written:
            return area
    if subtype == "Site" and ctx.district and len(name) > 3 and name[0] in "县区市旗" and name[1] not in "县区市旗委":
        # 县人民广场, 市人力资源市场: a site of the home (市 is the home where it is a county-level city)
        if name.startswith(("市民", "市场")):
            # 市民广场: 市 is of the word 市民, no level word; the home's square keeps it whole
            return ctx.district + name if ctx.level == "市" else name
        if name[0] == ctx.level:
            return ctx.district + name[1:]
        if name[0] == "市" and ctx.city.endswith("市"):
            return ctx.city + name[1:]
    if name in lexicon().gazetteer:
        sub = lexicon().gazetteer[name]
        if sub == "Province" and name + "省" != name and name not in ("内蒙古", "广西", "西藏", "宁夏", "新疆"):
            return name + "省"
        if sub == "City" and name not in ("北京", "天津", "上海", "重庆", "香港", "澳门"):
            return name + "市"
    return name


def canonical_post(surface: str, body: str, title: str, body_key: str, implied_key: str,
                   ctx: Context = Context()) -> str:
    """A post's node key: the title with its body as the home writes it bare (荆州区委书记 and
    区委书记 are the post 区委书记; 宿松县委常委 is 县委常委), so that one title is one node
    shared by all who hold it, on every page and in every home (the graph's org:Role; the body
    is the holder's memberOf); a body of another area keeps its name (江岸区委书记). A body the
    title implies anyway is dropped (区政府常务副区长 and 常务副区长 are one post, like 区长)."""
    if not body:
        return title
    if implied_key and body_key == implied_key:
        return title
    m = _LOCAL_ORGAN.match(body_key)
    if m and body.startswith(m.group(1)):
        # 村党支部书记, 镇党委书记 written bare: the title as written, one node wherever it is held (the
        # holder's memberOf says which village's); 川店镇党委书记 written whole stays that title
        return m.group(1) + m.group(2) + title
    if body[0] in _LEVEL_WORDS:
        # 县委书记, and 市委书记 on a county-level city's page: written bare, the one title of every home
        return body + title
    if len(body) >= len(body_key):
        # written with its area (光山县委书记, 荆州市科技局局长): the title as written in full, as
        # ANNOTATION.md keys a post; the page's bare mentions of it join it (merge_post_forms)
        return body_key + title
    return contract_body(body_key, ctx) + title


# the level words a body written bare opens with (县委, 市科技局, 镇党委)
_LEVEL_WORDS = frozenset("省市区县旗州盟镇乡")


# a village's, community's or town's own organ (柳湾村党支部, 天子湖镇党委), or the area a title names its
# organ in (柳湾村 + 党支部书记)
_LOCAL_ORGAN = re.compile("^[\u4e00-\u9fff]{1,8}?(村|社区|镇|乡|街道)(党支部|党总支|党委|村委会|居委会|党工委|人大|纪委|)$")


def contract_body(key: str, ctx: Context) -> str:
    """A body's key as the home writes it bare: 荆州区委 → 区委, 荆州高新区管委会 → 高新区管委会,
    荆州市科技局 → 市科技局, 湖北省委 → 省委; another area's body stays as it is."""
    for lead in ("共青团", "团"):
        if key.startswith(lead) and key.endswith("委") and len(key) > len(lead) + 2:
            return lead + contract_body(key[len(lead):], ctx)     # 团桐源县委 → 团县委
    # a county-level city's 市委 would read as its prefecture's: its bodies keep their name
    if ctx.district and ctx.level != "市" and key.startswith(ctx.district) and len(key) > len(ctx.district):
        return ctx.level + key[len(ctx.district):]
    if ctx.zone and key.startswith(ctx.zone):
        return ctx.zone_short + key[len(ctx.zone):]
    if ctx.city and ctx.level != "市" and key.startswith(ctx.city) and ctx.city != ctx.province:
        return ctx.city[-1] + key[len(ctx.city):]
    if ctx.province.endswith("省") and key.startswith(ctx.province):
        return "省" + key[len(ctx.province):]
    return key


_ORDINAL_HEAD = re.compile(r"^([区县旗市省])(?=第|委|政府|政协|人大|直|[一二三四五六七八九十]+届)")


def canonical_event(name: str, ctx: Context) -> str:
    """区委…第六次会议 → 荆州区委…第六次会议; 省第十二次党代会 → 湖北省第十二次党代会."""
    m = _ORDINAL_HEAD.match(name)
    if m:
        return expand_body(m.group(1), ctx) + name[1:]
    return name


_NOT_IN_KEY = re.compile(r"[\s“”‘’\"'《》「」]")   # compiled once: re.sub looked it up in re's cache per call


def norm_key(s: str) -> str:
    """The comparison form of a name: what the scorer compares (no spaces, no quotes or 《》)."""
    return _NOT_IN_KEY.sub("", s)


def infer_context(text: str) -> Context:
    """The home of a page no one gave one for: the county-level area the page is about, found
    with the national gazetteer (kg.gazetteer); how="none" when the page names none."""
    from kg.extract.gazetteer import infer_home    # the gazetteer loads only for pages that need it

    home = infer_home(text)
    if home is None:
        return Context()
    return Context.of(home.district, home.city, home.province, how="inferred", text=text)


def context_from_spec(spec: str, text: str) -> Context:
    """A page's home from the build's per-page spec ("district,city,province" as given by --home
    or --manifest; "" to infer it from the page)."""
    if not spec:
        return infer_context(text)
    district, city, province = (spec.split(",") + ["", ""])[:3]
    return Context.of(district, city, province, how="given", text=text)
