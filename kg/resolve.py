"""Canonical names: one key per real thing, within a page and across pages.

The paper writes bodies short ("区委", "市科技局", "镇人大") and trusts the reader to know the
district; these functions expand such forms with the home context (``Context``) and the
article's own places, so 区委 and 荆州区委 become one node and two builds merge by union.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import lexicon


@dataclass(frozen=True)
class Context:
    """The home context of a paper: bare 区委 is this district's 区委."""
    district: str = "荆州区"
    city: str = "荆州市"
    province: str = "湖北省"
    zone: str = "荆州高新区"
    zone_short: str = "高新区"
    both: str = "两区"

    @classmethod
    def default(cls) -> "Context":
        c = lexicon().context
        return cls(**{k: c[k] for k in ("district", "city", "province", "zone", "zone_short", "both") if k in c})

    def pair(self) -> tuple[str, str]:
        """What "两区" stands for."""
        return (self.district, self.zone)


@dataclass(frozen=True)
class Local:
    """The places an article is about, for bare 镇人大 / 街道纪工委 / 村委."""
    town: str = ""
    subdistrict: str = ""
    village: str = ""
    district: str = ""


_LEVEL_PREFIX = {"区": "district", "市": "city", "省": "province"}


def expand_body(name: str, ctx: Context, local: Local = Local()) -> str:
    """区委 → 荆州区委, 市科技局 → 荆州市科技局, 省委 → 湖北省委, 镇人大 → 弥市镇人大."""
    if not name:
        return name
    head = name[0]
    if head == "区" and not name.startswith(("区域", "区间")):
        base = local.district or ctx.district
        return base + name[1:]
    if head == "市" and not name.startswith(("市场", "市民")):
        return ctx.city + name[1:]
    if head == "省":
        return ctx.province + name[1:]
    if head in "镇乡" and local.town:
        return local.town + name[1:]
    if name.startswith("街道") and local.subdistrict:
        return local.subdistrict + name[2:]
    if head == "村" and local.village:
        return local.village + name[1:]
    if name.startswith(ctx.zone_short) and not name.startswith(ctx.zone):
        return ctx.zone[: len(ctx.zone) - len(ctx.zone_short)] + name
    return name


def canonical_place(name: str, subtype: str, ctx: Context, full: str = "") -> str:
    """高新区 → 荆州高新区; 湖北 → 湖北省; 荆州 → 荆州市; 沪 → 上海 (abbreviation already resolved in ``full``)."""
    if full:
        name = full
    if name == ctx.zone_short:
        return ctx.zone
    if name in lexicon().gazetteer:
        sub = lexicon().gazetteer[name]
        if sub == "Province" and name + "省" != name and name not in ("内蒙古", "广西", "西藏", "宁夏", "新疆"):
            return name + "省"
        if sub == "City" and name not in ("北京", "天津", "上海", "重庆", "香港", "澳门"):
            return name + "市"
    return name


def canonical_post(surface: str, body: str, title: str, body_key: str, implied_key: str) -> str:
    """A post's node key: its body expanded, except when the body is the one its title implies
    anyway (区政府常务副区长 and 常务副区长 are one post, like the bare 区长)."""
    if not body:
        return title
    if implied_key and body_key == implied_key:
        return title
    return body_key + title


_ORDINAL_HEAD = re.compile(r"^([区市省])(?=第|委|政府|政协|人大|直|[一二三四五六七八九十]+届)")


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
