"""Fault injection, part one: hostile text through `kg build` to every output format and through
`kg export`, each result read back by a parser that is not the one that wrote it (issue 15).

Pages are the genre's sentences with generated text where names go: private use, noncharacters,
C0 and C1 controls, lone surrogates written as raw bytes (surrogateescape), any other code point,
in UTF-8, GB18030 or UTF-16, or mixed in one file (UTF-8 with GBK and UTF-16 pieces). A build
either succeeds and every output parses, or refuses the file in one line (too binary to be text).

25 examples per run by default; HYPOTHESIS_PROFILE=long (tests/conftest.py) runs 10,000.
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg.cli import main  # noqa: E402

# make test-slow (CI runs it): hypothesis builds hundreds of hostile pages (~25 s; 500 under HYPOTHESIS_PROFILE=ci)
pytestmark = pytest.mark.slow

RDF = {".nt": (ox.RdfFormat.N_TRIPLES, "ntriples"), ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
       ".trig": (ox.RdfFormat.TRIG, "trig"), ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
       ".jsonld": (ox.RdfFormat.JSON_LD, None)}
EXPORTS = [".graphml", ".gexf", ".csv"]
RAPPER = shutil.which("rapper")
TRIED: list = []       # the pages built, and the refusals seen: most pages must not be refused
REFUSED: list = []

NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [chr((p << 16) | 0xFFFE | k) for p in range(17) for k in (0, 1)]
odd_char = st.one_of(
    st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF),                 # private use (PDF glyphs)
    st.characters(min_codepoint=0xF0000, max_codepoint=0x10FFFF, categories=["Co", "Cn"]),
    st.sampled_from(NONCHARACTERS),
    st.characters(max_codepoint=0x1F),                                         # C0
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),                     # DEL, C1
    st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),                 # bytes surrogateescape kept
    st.sampled_from("<>\"'&\\{}|^`%#?/ \u00a0\u200b\u2028\u2029\ufeff\ufffd\u3000"),
    st.characters(codec="utf-8"),                                              # anything else
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),                 # CJK
)
odd_text = st.text(odd_char, max_size=12)


def page(odd: str) -> str:
    """An invented page whose meeting, document, place and person names hold ``odd``."""
    return (f"区政府召开第三次{odd}专题会议\n\n"
            f"本报讯（通讯员李文{odd}涛）5月12日，区委副书记、区长周立新主持召开区政府第三次{odd}专题会议，"
            f"审议《荆州区{odd}城区排水设施改造方案》。副区长陈{odd}华参加会议，并到{odd}镇调研。\n\n"
            "会议要求，各部门要压实责任，确保各项任务按时完成。\n")


def _encode(text: str, codec: str) -> bytes:
    """TEXT as a file's bytes; lone surrogates U+DC80-DCFF become the raw bytes they stand for."""
    if codec == "utf-8":
        return text.encode("utf-8", "surrogateescape")
    clean = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    return clean.encode(codec)


@st.composite
def page_bytes(draw):
    odd = draw(odd_text)
    how = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "mixed"]))
    if how != "mixed":
        return _encode(page(odd), how)
    # one file, three encodings: a UTF-8 page, a GBK sentence, a UTF-16 sentence (as a bad
    # concatenation of downloads has it)
    pieces = [_encode(page(odd), "utf-8"), "会议强调，要抓好安全生产工作。\n".encode("gbk"),
              "副区长王建国出席会议。\n".encode("utf-16-le")]
    order = draw(st.permutations(pieces))
    return b"".join(order)


def kg(*args) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as ex:
        main(list(args))
        raise SystemExit(0)
    return ex.value.code, err.getvalue()


def _rapper(path: Path, syntax: str) -> int:
    """Triples (or quads) the raptor parser counts in PATH."""
    import re

    r = subprocess.run([RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=60)
    counted = re.search(r"returned (\d+) triples", r.stderr)
    assert r.returncode == 0 and counted and "rror" not in r.stderr, \
        f"rapper -i {syntax} rejects {path.name}: {r.stderr.strip()}"
    return int(counted[1])


def _check_rdf(path: Path) -> int:
    fmt, syntax = RDF[path.suffix]
    n = sum(1 for _ in ox.parse(path=str(path), format=fmt))
    if path.suffix == ".jsonld":
        json.loads(path.read_bytes())
    if RAPPER and syntax:
        counted = _rapper(path, syntax)
        assert counted == n, f"rapper counts {counted}, pyoxigraph {n}"
    return n


def _check_export(graph: Path, ext: str, where: Path) -> None:
    out = where / f"x{ext}"
    code, err = kg("export", str(graph), "-o", str(out))
    assert code == 0, err
    if ext == ".csv":
        for part in ("x-nodes.csv", "x-relationships.csv"):
            with open(where / part, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f, strict=True))
            assert rows and all(len(r) == len(rows[0]) for r in rows), part
    else:
        ET.fromstring(out.read_bytes())


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=page_bytes(), ext=st.sampled_from(sorted(RDF)), export=st.sampled_from(EXPORTS))
@example(data=page("\ue000\ufdd0\x01\x85\udcff").encode("utf-8", "surrogateescape"), ext=".ttl", export=".graphml")
@example(data=page("\ufffe\x1b\u2028").encode("utf-16"), ext=".jsonld", export=".gexf")
@example(data=page("\U0010ffff").encode("gb18030"), ext=".nq", export=".csv")
def test_any_text_builds_to_a_graph_and_an_export_that_other_parsers_read(data, ext, export):
    TRIED.append(len(data))
    where = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    try:
        src = where / "page.txt"
        src.write_bytes(data)
        out = where / f"g{ext}"
        code, err = kg("build", str(src), "-o", str(out), "-q", "--no-cache")
        if code != 0:
            # the refusals a file may earn, in one line naming it: too many control bytes to be
            # text, or bytes that are neither UTF-8 nor GB18030 (a stray byte a surrogate stood for)
            assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
            assert err.startswith(f"kg: error: {src}: ") and ("binary" in err or "cannot decode" in err), err
            REFUSED.append(err)
            return
        assert _check_rdf(out) > 0
        _check_export(out, export, where)
    finally:
        shutil.rmtree(where, ignore_errors=True)


@pytest.mark.skipif(RAPPER is None, reason="rapper (raptor2-utils) not installed")
def test_rapper_is_an_independent_check_that_can_fail(tmp_path):
    """_rapper is no rubber stamp: a file pyoxigraph's writer would never make is refused."""
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://e/a> <http://e/p> "x .\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="rejects"):
        _rapper(bad, "ntriples")
    good = tmp_path / "good.nt"
    good.write_text('<http://e/a> <http://e/p> "x" .\n<http://e/a> <http://e/p> "y" .\n', encoding="utf-8")
    assert _rapper(good, "ntriples") == 2


def test_most_fuzzed_pages_are_built_not_refused():
    """The fuzz test would pass by refusing every page: most of its pages must build. (It runs
    after that test, in file order; alone it has nothing to judge.)"""
    if not TRIED:
        pytest.skip("runs with the fuzz test")
    assert len(REFUSED) * 2 <= len(TRIED), REFUSED[:3]
