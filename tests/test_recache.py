"""kg.recache: patterns compiled from the kept file are the patterns re makes itself."""
import re
from re import _compiler

import pytest

from kg import recache

pytestmark = pytest.mark.skipif(not recache.supported(), reason="an re compiler kg.recache does not know")

# kinds of pattern the modules compile: CJK ranges (what the file is for), named groups, flags,
# look-arounds, back-references, bytes
PATTERNS = [
    (r"[\u4e00-\u9fff]{2,4}(?:区委|县委)", 0),
    (r"(?P<head>[\u4e00-\u9fff0-9A-Za-z])(?P<rest>[\u4e00-\u9fff]{2,})(?P=head)(?P=rest)", 0),
    (r"^(?:本报讯|记者)\s*(.+?)$", re.M),
    (r"(?<=[，。])[^，。；]{1,30}?(?=主持|出席)", 0),
    (r"(?:(?>(.+?)\1))+", re.S),
    (rb"[\x80-\xff]+", 0),
    (r"abc", re.I),
]


@pytest.fixture
def installed(tmp_path):
    recache.uninstall()      # (a CLI test in this process may have installed the user's file)
    re.purge()
    assert recache.install(tmp_path)
    yield tmp_path
    recache.uninstall()
    re.purge()


def _own(p, flags):
    return recache._state["original"](p, flags) if recache._state else _compiler.compile(p, flags)


def test_a_cached_pattern_is_the_pattern_re_makes(installed):
    for p, flags in PATTERNS:
        expected = _own(p, flags)
        first = re.compile(p, flags)          # compiled, and its parts kept
        re.purge()
        again = re.compile(p, flags)          # made from the kept parts
        assert first == expected and again == expected    # (Pattern equality compares the code)
        assert again.groupindex == expected.groupindex and again.groups == expected.groups
        assert again.flags == expected.flags
    assert re.compile(PATTERNS[1][0]).match("荆州区委荆州区委").group("rest") == "州区委"


def test_the_file_serves_the_next_process(installed):
    p = r"[\u4e00-\u9fff]+(?:镇|乡)人大"
    re.compile(p)
    recache.save()
    path = recache._state["path"]
    assert path.exists()
    recache.uninstall()
    re.purge()
    assert recache.install(installed)
    assert (p, 0) in recache._state["table"] and recache._state["new"] == 0
    assert re.compile(p) == _own(p, 0)
    recache.save()       # nothing new: the file is not written again
    assert recache._state["new"] == 0


def test_a_damaged_or_foreign_file_is_ignored_and_written_anew(installed):
    p = r"[\u4e00-\u9fff]{2}街道"
    re.compile(p)
    recache.save()
    path = recache._state["path"]
    recache.uninstall()
    for junk in (b"", b"\x00garbage", path.read_bytes()[:100]):
        path.write_bytes(junk)
        re.purge()
        assert recache.install(installed)
        assert recache._state["table"] == {}
        assert re.compile(p) == _own(p, 0)
        recache.save()
        recache.uninstall()
    assert recache._read(path, recache._key())     # the last round wrote a good file again
    assert recache._read(path, "another python") == {}


def test_a_damaged_entry_is_compiled_afresh(installed):
    p = r"[\u4e00-\u9fff]{2}社区"
    re.compile(p)
    table = recache._state["table"]
    fl, code, groups, groupindex, indexgroup = table[(p, 0)]
    table[(p, 0)] = (fl, [99999] + code[1:], groups, groupindex, indexgroup)    # code _sre rejects
    re.purge()
    assert re.compile(p) == _own(p, 0)
    assert table[(p, 0)][1] == code


def test_the_file_is_bounded(installed, monkeypatch):
    """Past the bound, a save keeps what its own process used: the file follows the work, not
    every home of every corpus ever read."""
    monkeypatch.setattr(recache, "MAX_PATTERNS", 2)
    for k in range(5):
        re.compile(rf"[\u4e00-\u9fff]{{{k + 1}}}村")
    recache.save()
    recache.uninstall()
    re.purge()
    assert recache.install(installed)
    re.compile(r"[\u4e00-\u9fff]{9}镇")
    assert re.compile(r"[\u4e00-\u9fff]{5}村").match("一二三四五村")
    recache.save()
    kept = recache._read(recache._state["path"], recache._state["key"])
    assert set(kept) == {(r"[\u4e00-\u9fff]{9}镇", 0), (r"[\u4e00-\u9fff]{5}村", 0)}


def test_a_file_whose_content_was_changed_is_not_used(installed):
    """_sre accepts code whose characters were changed (it checks structure, not meaning): the
    file's digest keeps such an entry from ever matching something else."""
    import marshal

    re.compile("ab[0-9]c")
    recache.save()
    path = recache._state["path"]
    key, digest, payload = marshal.loads(path.read_bytes())
    table = marshal.loads(payload)
    flags, code, *rest = table[("ab[0-9]c", 0)]
    code = [ord("a") if c == ord("b") else c for c in code]    # now it would read "aa[0-9]c"
    table[("ab[0-9]c", 0)] = (flags, code, *rest)
    path.write_bytes(marshal.dumps((key, digest, marshal.dumps(table))))
    recache.uninstall()
    re.purge()
    assert recache.install(installed)
    assert recache._state["table"] == {}
    assert re.compile("ab[0-9]c").search("xab5c")


def test_an_unknown_re_is_left_alone(tmp_path, monkeypatch):
    recache.uninstall()
    monkeypatch.setattr(recache, "supported", lambda: False)
    before = _compiler.compile
    assert not recache.install(tmp_path)
    assert _compiler.compile is before and not list(tmp_path.iterdir())
