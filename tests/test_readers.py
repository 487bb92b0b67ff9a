"""Reading inputs: encodings, directories, stdin, and clear errors for bad input."""
import io
import sys

import pytest

from kg.errors import KgError
from kg.text.readers import Source, iter_sources, read_source

TEXT = "本报讯(通讯员甲乙)近日,区文旅局召开春季旅游安全工作会议。\n"


def test_utf8(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    assert read_source(p) == Source(str(p), TEXT, "utf-8")


def test_utf8_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    s = read_source(p)
    assert (s.text, s.encoding) == (TEXT, "utf-8-sig")


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_and_gb18030(tmp_path, codec):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode(codec))
    s = read_source(p)
    assert (s.text, s.encoding) == (TEXT, "gb18030")


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-16"))
    assert read_source(p).text == TEXT


def test_binary_is_an_error_naming_the_file(tmp_path):
    p = tmp_path / "pic.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(KgError, match=r"pic\.txt.*binary"):
        read_source(p)


def test_undecodable_is_an_error_naming_the_file(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("区委".encode("utf-8") + b"\xff\xff\xff\xff" * 8)
    with pytest.raises(KgError, match=r"bad\.txt.*decode"):
        read_source(p)


def test_missing_file(tmp_path):
    with pytest.raises(KgError, match=r"nope\.txt.*no such file"):
        list(iter_sources([str(tmp_path / "nope.txt")]))


def test_directory_recursive_sorted_relative_names(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "002.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "001.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "003.txt").write_bytes(TEXT.encode("gbk"))
    (tmp_path / "notes.md").write_text("不是输入", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    got = list(iter_sources([str(tmp_path)]))
    assert [s.name for s in got] == ["001.txt", "003.txt", "b/002.txt"]
    assert [s.encoding for s in got] == ["utf-8", "gb18030", "utf-8"]
    assert all(s.text == TEXT for s in got)


def test_same_file_twice_is_read_once(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert len(list(iter_sources([str(p), str(tmp_path)]))) == 1


def test_empty_input_warns_and_is_skipped(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    got = list(iter_sources([str(tmp_path)]))
    assert [s.name for s in got] == ["ok.txt"]
    err = capsys.readouterr().err
    assert "empty.txt: empty input" in err and "blank.txt: empty input" in err


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gbk"))))
    [s] = list(iter_sources(["-"]))
    assert (s.name, s.text, s.encoding) == ("<stdin>", TEXT, "gb18030")


def test_empty_stdin_warns(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert list(iter_sources(["-"])) == []
    assert "<stdin>: empty input" in capsys.readouterr().err


def test_cli_reports_bad_input_in_one_line(tmp_path):
    # The message a user sees: file name and problem, through the CLI's KgError handling.
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x02")
    with pytest.raises(KgError) as e:
        list(iter_sources([str(p)]))
    assert "\n" not in str(e.value) and str(p) in str(e.value)


def test_binary_check_counts_control_bytes_as_its_definition_says():
    import random

    from kg.text.readers import _looks_binary

    def by_definition(data):   # NUL, or over 1% (at least 9) C0 controls other than \t \n \f \r ESC
        sample = data[:8192]
        ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
        return b"\x00" in data or ctrl > max(8, len(sample) // 100)

    rng = random.Random(3)
    for _ in range(2000):
        alphabet = rng.choice([bytes(range(1, 256)), bytes(range(1, 40)), b"ab\x01\x02\x1b\t\n\x7f\x85"])
        data = bytes(rng.choice(alphabet) for _ in range(rng.choice([0, 9, 100, 900, 9000])))
        assert _looks_binary(data) == by_definition(data), data[:40]
    assert not _looks_binary("荆州区召开会议\n".encode() * 500) and _looks_binary(b"\x01\x02" * 100)
