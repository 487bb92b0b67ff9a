"""What Python's re compiler makes of kg's patterns, kept between runs.

kg's modules compile ~200 regular expressions when they are imported, most of them over CJK
ranges (``[\\u4e00-\\u9fff]``), and CPython's compiler (3.11-3.13, ``re._compiler``) fills a
64K-entry table one code point at a time for every such range: ~1 ms a range, 0.05-0.08 s of
CPU at the start of every ``kg build``, a quarter of a small build. What the compiler makes of
a pattern (its code, a list of ints, and its group tables) depends on the pattern, the flags and
the Python build alone, so it is kept in a file (marshal) beside the dictionary cache and handed
to ``_sre.compile``, the last step of re's own compile, on the next run: the pattern objects are
the ones re would make (equal, code and all; tests/test_recache.py checks it).

``install`` takes effect for patterns compiled after it (the ``kg`` command calls it before it
imports a subcommand's module). The file is keyed by everything the code depends on (the exact
Python build and its ``_sre`` engine); a file that is missing, damaged or of another key is
ignored and written anew (the file carries a digest of its table). New patterns are added when the
process exits; past a bound, a save keeps only the patterns its process used (a page's home makes a
pattern of its own: the file must not grow with the corpora). Anything unexpected
(another Python, a file that cannot be written) leaves re as it is: slower, never wrong.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import sys
from pathlib import Path

FORMAT = 2
MAX_PATTERNS = 4096        # kept in the file; beyond it, a save keeps only what its process used
_state: dict = {}          # while installed: path, key, table, count of new entries, re's compile


def cache_dir() -> Path:
    """kg's cache directory: $GOVKG_CACHE_DIR, $XDG_CACHE_HOME/govkg or ~/.cache/govkg (the jieba
    dictionary's and the gazetteer's too: kg.extract.dictcache.cache_dir is this, and is not asked
    here because importing kg.extract compiles ~100 patterns)."""
    own = os.environ.get("GOVKG_CACHE_DIR")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "govkg"


def _key() -> str:
    import _sre

    return f"recache {FORMAT} {sys.implementation.name} {sys.version} {sys.hexversion} " \
           f"sre {_sre.MAGIC} {_sre.CODESIZE} marshal {marshal.version} {sys.byteorder}"


def supported() -> bool:
    """This Python's re compiler is one whose last step this module knows (CPython 3.11-3.13)."""
    if sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return False
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:
        return False
    return all(hasattr(m, a) for m, a in ((_compiler, "compile"), (_compiler, "_code"), (_parser, "parse"),
                                           (_sre, "compile"), (_compiler, "SRE_FLAG_DEBUG")))


def _read(path: Path, key: str) -> dict:
    """The kept table, or {} for a file that is missing, of another key, or damaged: its digest is
    checked, since _sre checks the code it is given for structure, not for meaning (a changed
    character code still compiles, and matches something else)."""
    try:
        k, digest, payload = marshal.loads(path.read_bytes())
        if k != key or hashlib.sha1(payload).digest() != digest:
            return {}
        table = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _parts(pattern, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands ``_sre.compile`` besides the pattern, as marshal-able values."""
    from re import _compiler, _parser

    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | tree.state.flags), [int(c) for c in code], tree.state.groups - 1, groupindex, \
        tuple(indexgroup)


def install(directory: Path | None = None) -> bool:
    """Compile patterns through the file in ``directory`` (default :func:`cache_dir`) from now on;
    False when this Python's re is not one this module knows (nothing changes then)."""
    if _state:
        return True
    if not supported():
        return False
    import _sre
    from re import _compiler

    key = _key()
    path = Path(directory or cache_dir()) / f"re-{hashlib.sha1(key.encode()).hexdigest()[:16]}.bin"
    table = _read(path, key)
    original = _compiler.compile
    debug = _compiler.SRE_FLAG_DEBUG
    used = set()             # the entries this process compiled or took: what a full table keeps
    _state.update(path=path, key=key, table=table, new=0, original=original, used=used)

    def compile(p, flags=0):
        if type(p) not in (str, bytes) or flags & debug:
            return original(p, flags)
        flags = int(flags)
        used.add((p, flags))
        got = table.get((p, flags))
        if got is not None:
            try:
                return _sre.compile(p, *got)
            except (RuntimeError, TypeError, ValueError):
                # an entry _sre refuses: compiled afresh, replaced (pop: two threads may get here)
                table.pop((p, flags), None)
        got = _parts(p, flags)
        table[(p, flags)] = got
        _state["new"] += 1
        return _sre.compile(p, *got)

    _compiler.compile = compile
    atexit.register(save)
    return True


def uninstall() -> None:
    """re's own compile again (the tests' way back); new entries are not saved."""
    if _state:
        from re import _compiler

        _compiler.compile = _state["original"]
        atexit.unregister(save)
        _state.clear()


def save() -> None:
    """Write the table when this process compiled patterns it did not hold (at exit)."""
    if not _state or not _state["new"]:
        return
    # kg.atomic's writer, like the dictionary cache's: a temp file named with the pid, removed even
    # when a second Ctrl-C lands in the middle of the write (imported here: at exit, not at start)
    from kg.atomic import write_cache_atomic

    table = _state["table"]
    if len(table) > MAX_PATTERNS:
        # (a page's home makes a pattern of its own: over many corpora the table would only grow)
        table = {k: v for k, v in table.items() if k in _state["used"]}
    payload = marshal.dumps(table)
    try:
        write_cache_atomic(_state["path"], marshal.dumps((_state["key"], hashlib.sha1(payload).digest(), payload)))
        _state["new"] = 0
    except (OSError, ValueError):
        pass             # a cache that cannot be written: the next run compiles as usual
