"""Page rules: what holds across the articles of a page, once all of them are read."""
from __future__ import annotations

from kg.extract.model import EntityRef, PageFacts
from kg.extract.resolve import short_name
from kg.text.lexicon import lexicon


def merge_body_aliases(out: PageFacts):
    """A short body name that ends exactly one longer body name of the page is that body:
    招商中心 is 两区招商中心, 全面依法治区委员会 is 荆州区委全面依法治区委员会; so is a short form
    that keeps the long one's ends and order (荆州科创中心 / 荆州离岸科创中心)."""
    orgs = [k for (t, k) in out.entities if t == "Organization"]
    for k in sorted(orgs, key=len):
        if len(k) < 3:
            continue
        if ("Organization", k) not in out.entities:
            continue
        # the string tests first: they fail for most pairs, and cost no tuple or lookup
        longer = [o for o in orgs if (o.endswith(k) or (len(k) >= 5 and o[:2] == k[:2] and o[-2:] == k[-2:] and
                                                         _subsequence(k, o)))
                  and o != k and ("Organization", o) in out.entities]
        # (团岷安县委, 共青团X县委: the youth league's committee is not the county's party committee)
        longer = [o for o in longer if not (o.endswith(k) and o[:len(o) - len(k)] in ("团", "共青团"))]
        # (区纪委监委 is the two organs together: 区监委 and 区纪委 are each one of them, not it)
        longer = [o for o in longer if not (o.endswith("纪委监委") and not k.endswith("纪委监委"))]
        if len(longer) > 1:
            top = max(longer, key=len)
            if all(top.endswith(o) for o in longer):
                longer = [top]      # 指挥部, X指挥部, 海伦市X指挥部: one body written three ways
            else:
                longer = _one_body_under_areas(k, longer, out)
        if not longer and "州" in k:
            # 湘西州委 is the page's 湘西土家族苗族自治州委: an autonomous prefecture written short
            longer = [o for o in orgs if "自治州" in o and _prefecture_short(o) == k and
                      ("Organization", o) in out.entities]
        if not longer and k.endswith("政府") and ("Organization", k[:-2] + "人民政府") in out.entities:
            longer = [k[:-2] + "人民政府"]      # 澧县政府 (a 县长's) is the page's 澧县人民政府
        if not longer:
            # 美兰区人社局 is the page's 美兰区人力资源和社会保障局; 团阳朔县委 its 共青团阳朔县委员会
            longer = sorted({k[:-len(a)] + b for a, b in lexicon().short_forms if k.endswith(a) and len(k) > len(a)} |
                            ({"共青团" + k[1:-1] + "委员会"} if k.startswith("团") and k.endswith("委") else set()))
            longer = [o for o in longer if ("Organization", o) in out.entities]
        if len(longer) == 1:
            out.merge(EntityRef("Organization", k), EntityRef("Organization", longer[0]))


def _prefecture_short(name: str) -> str:
    """湘西土家族苗族自治州委 → 湘西州委: a body named with an autonomous prefecture, the prefecture
    by its short name (resolve.short_name) and 州."""
    i = name.index("自治州") + 3
    return short_name(name[:i]) + "州" + name[i:]


def _one_body_under_areas(k: str, longer: list, out: PageFacts) -> list:
    """锦屏实验学校, 当阳市锦屏实验学校 and 玉阳街道锦屏实验学校: one body, written bare, with its county
    and with its subdistrict (each a place of the page). The longer forms join the one named with the
    widest area (the name it is registered under), which stays; [] when the prefixes are not all places."""
    places = {key for (t, key) in out.entities if t == "Place"}
    heads = [o[:len(o) - len(k)] for o in longer]
    if not all(h in places for h in heads):
        return []
    top = min(longer, key=lambda o: (_AREA_RANK.get(o[len(o) - len(k) - 1], 9), o))
    for o in longer:
        if o != top:
            out.merge(EntityRef("Organization", o), EntityRef("Organization", top))
    return [top]


# the area a body is written under, widest first (by the last character of its name)
_AREA_RANK = {"省": 0, "市": 1, "州": 1, "盟": 1, "区": 2, "县": 2, "旗": 2, "镇": 3, "乡": 3, "道": 3, "村": 4}


def merge_project_aliases(out: PageFacts):
    """A project named once with its place and once without (敖包图苏木乌兰河堤防加固工程 … 在乌兰河堤防加固
    工程现场) is one project: the short name is the long one's tail after names of the page's places."""
    projects = [k for (t, k) in out.entities if t == "Project"]
    if len(projects) < 2:
        return
    places = {k for (t, k) in out.entities if t == "Place"}
    for k in sorted(projects, key=len):
        if len(k) < 4 or ("Project", k) not in out.entities:
            continue
        longer = [o for o in projects if o != k and o.endswith(k) and ("Project", o) in out.entities and
                  _places_only(o[:len(o) - len(k)], places)]
        if len(longer) == 1:
            out.merge(EntityRef("Project", k), EntityRef("Project", longer[0]))


def _places_only(head: str, places: set) -> bool:
    """head is one or more of the page's place names written one after another (苏木 + 村)."""
    if not head:
        return False
    if head in places:
        return True
    return any(head.startswith(p) and _places_only(head[len(p):], places) for p in places if len(p) < len(head))


def _subsequence(short: str, long_: str) -> bool:
    """荆州(武汉)科创中心 in 荆州(武汉)离岸科创中心: the short form drops characters, keeps order."""
    it = iter(long_)
    return all(c in it for c in short)


def merge_post_forms(out: PageFacts):
    """A title the page writes both bare and with its area (县委书记, 光山县委书记) is one post, keyed
    by the full form: ANNOTATION.md keys a post by its fullest occurrence on the page. A title only
    ever written bare stays the one bare node of every home."""
    posts = sorted((k for (t, k) in out.entities if t == "Post"), key=len)
    for k in posts:
        e = out.entities.get(("Post", k))
        if e is None:
            continue
        full = [n for n in e.names if len(n) > len(k) and n.endswith(k[1:]) and ("Post", n) in out.entities]
        if len(full) == 1:
            out.merge(EntityRef("Post", k), EntityRef("Post", full[0]))


def nearest_container(out: PageFacts):
    """A thing placed in A and in B where B is placed in A (在岳壁乡，…察看了X公司。该公司地处岳壁乡郝洞村)
    is in B only: the gold gives the nearest container (ANNOTATION.md), the chain gives the rest."""
    objs: dict = {}
    for f in out.facts:
        if f.p == "locatedIn":
            objs.setdefault(f.s, set()).add(f.o)
    drop = {(s, a) for s, os_ in objs.items() if len(os_) > 1
            for a in os_ if any(a in objs.get(b, ()) for b in os_ if b != a)}
    if drop:
        out.facts[:] = [f for f in out.facts if not (f.p == "locatedIn" and (f.s, f.o) in drop)]
