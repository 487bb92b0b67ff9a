"""Faults found when the tool was tried to break (issue 15): every failure is one clear line, and
text no matter how odd still becomes a graph."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.cli import main


def kg(capsys, *args):
    """Through kg.cli.main, as a user runs it: (exit code, stderr)."""
    with pytest.raises(SystemExit) as ex:
        main(list(args))
        raise SystemExit(0)
    return ex.value.code, capsys.readouterr().err


def page(odd: str) -> str:
    """An invented page whose meeting, document and person names hold ``odd``."""
    return (f"区政府召开第三次{odd}专题会议\n\n"
            f"本报讯（通讯员李文{odd}涛）5月12日，区委副书记、区长周立新主持召开区政府第三次{odd}专题会议，"
            f"审议《荆州区{odd}城区排水设施改造方案》。副区长陈{odd}华参加会议。\n\n"
            "会议要求，各部门要压实责任，确保各项任务按时完成。\n")


# ------------------------------------------------------------------ names an IRI may not hold

# private use (BMP, planes 15 and 16), noncharacters, C1 controls, specials, language tags:
# none is an IRI character (RFC 3987 ucschar), all are text a PDF or a GBK page can carry
ODD = ["\ue000", "\uf8ff", "\ufdd0", "\ufdef", "\ufffe", "\uffff", "\ufff9", "\x80", "\x9f",
       "\U0001fffe", "\U000e0001", "\U000f0000", "\U0010fffd", "\U0010ffff"]


@pytest.mark.parametrize("odd", ODD, ids=lambda c: f"U+{ord(c):04X}")
def test_a_name_no_iri_may_hold_still_builds_and_keeps_its_text(tmp_path, capsys, odd):
    src = tmp_path / "page.txt"
    src.write_text(page(odd), encoding="utf-8")
    out = tmp_path / "g.nt"
    code, err = kg(capsys, "build", str(src), "-o", str(out), "-q", "--no-cache")
    assert code == 0, err
    g = list(ox.parse(path=str(out), format=ox.RdfFormat.N_TRIPLES))
    labels = {t.object.value for t in g if t.predicate.value.endswith("#label")}
    assert f"荆州区{odd}城区排水设施改造方案" in labels and f"荆州区政府第三次{odd}专题会议" in labels
    # the code point is in the IRI, percent-encoded as UTF-8
    escaped = "".join(f"%{b:02X}" for b in odd.encode())
    assert any(f"document/荆州区{escaped}城区" in t.subject.value for t in g if isinstance(t.subject, ox.NamedNode))


def test_a_gbk_page_with_a_user_defined_character_builds(tmp_path, capsys):
    # GBK's user-defined area AAA1-AFFE decodes to the private-use U+E000...
    odd = b"\xaa\xa1".decode("gb18030")
    assert odd == "\ue000"
    src = tmp_path / "page.txt"   # one in a title, as a page would have it
    src.write_bytes(page("").replace("荆州区城区", "荆州区\x00城区").encode("gbk").replace(b"\x00", b"\xaa\xa1"))
    out = tmp_path / "g.ttl"
    code, err = kg(capsys, "build", str(src), "-o", str(out), "-q", "--no-cache")
    assert code == 0, err
    g = list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))
    assert any(t.object.value == f"荆州区{odd}城区排水设施改造方案" for t in g if isinstance(t.object, ox.Literal))
