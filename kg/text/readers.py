"""Read article text from files, directories and stdin, whatever Chinese encoding it is in.

Every problem with an input becomes a :class:`~kg.errors.KgError` naming the file (missing,
unreadable, binary, undecodable); an empty input is skipped with a warning on stderr.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

import click

from kg.errors import KgError

__all__ = ["Source", "iter_sources", "read_source", "decode"]

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    name: str       # as the user gave it; relative to the input root for files found in a directory
    text: str       # decoded text
    encoding: str   # "utf-8", "utf-8-sig", "utf-16" (with BOM), "utf-16-le"/"-be" (without) or "gb18030"
    path: str = ""  # the file, absolute and resolved ("" for standard input, a pipe, a device): what a manifest names
    spec: str = ""  # what the build knows of the page besides its text (kg.extract.homes.page_spec)


_NOT_CONTROL = bytes([9, 10, 12, 13, 27]) + bytes(range(32, 256))   # bytes that do not count as control


def _looks_binary(data: bytes) -> bool:
    # Text in any encoding we accept has no NUL byte (UTF-16 is recognised by its BOM first)
    # and few C0 control characters besides tab, newline, carriage return and form feed.
    if b"\x00" in data:
        return True
    sample = data[:8192]
    ctrl = len(sample.translate(None, _NOT_CONTROL))   # in C: a byte loop in Python cost ~0.3 ms a page
    return ctrl > max(8, len(sample) // 100)


# a page of text: white space, printable ASCII, CJK and its punctuation, full-width forms
_NOT_TEXTISH = re.compile(r"[^\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 that lost its byte order mark (a copy through a tool that drops it): most NUL
    bytes are the high bytes of ASCII characters (newlines, digits), on one side of each pair;
    the few on the other side are CJK characters U+xx00 (开 is U+5F00). Binary data has NULs on
    both sides alike, or does not decode to text."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 2 * even:
        codec = "utf-16-le"
    elif even > 2 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    odd_chars = sum(map(len, _NOT_TEXTISH.findall(text)))
    if odd_chars > len(text) // 20 or _looks_binary(text.encode("utf-8")):
        return None
    return text, codec


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with BOM, or without: see
    _utf16_without_bom), or GB18030/GBK.

    Returns ``(text, encoding)``; raises KgError naming ``name`` when no encoding fits or the
    bytes are binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise KgError(f"{name}: starts with a UTF-8 byte order mark but is not valid UTF-8 "
                          f"(byte {e.start + 3})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise KgError(f"{name}: starts with a UTF-16 byte order mark but is not valid UTF-16") from None
    if b"\x00" in data:
        got = _utf16_without_bom(data)
        if got is not None:
            return got
    if _looks_binary(data):
        raise KgError(f"{name}: looks like a binary file, not text (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise KgError(f"{name}: cannot decode as UTF-8 or GB18030/GBK (bad byte at offset {e.start})") from None
    # GB18030 maps almost any byte pair to something; text that decodes to many private-use or
    # unassigned characters was not Chinese text in the first place.
    odd = sum(1 for c in text if 0xE000 <= ord(c) <= 0xF8FF)
    if odd > max(4, len(text) // 50):
        raise KgError(f"{name}: cannot decode as UTF-8 or GB18030/GBK (decodes to unassigned characters)")
    return text, "gb18030"


def _warn_empty(name: str) -> None:
    click.echo(f"kg: warning: {name}: empty input, skipped", err=True)


# One input is one page file: far below this. The limit is what stands between `kg build
# /dev/zero` (or an endless pipe) and a MemoryError after the machine swapped.
MAX_INPUT_BYTES = 256 << 20


def _read_limited(f, name: str) -> bytes:
    data = f.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise KgError(f"{name}: larger than {MAX_INPUT_BYTES >> 20} MB, too large for a page of text; "
                      f"give the pages as files of their own")
    return data


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return _read_limited(f, name)
    except FileNotFoundError:
        raise KgError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise KgError(f"{name}: is a directory") from None
    except PermissionError:
        raise KgError(f"{name}: permission denied") from None
    except OSError as e:
        raise KgError(f"{name}: cannot read ({e.strerror or e})") from None


def read_source(path, name: str | None = None) -> Source:
    """Read and decode one file. Empty files give a Source with empty text (callers skip it)."""
    p = Path(path)
    name = str(path) if name is None else name
    data = _read_bytes(p, name)
    if not data.strip():
        return Source(name, "", "utf-8")
    text, enc = decode(data, name)
    return Source(name, text, enc)


def _dir_files(root: Path) -> list[Path]:
    """Every *.txt below root, sorted by relative path for a deterministic order; hidden
    files and directories are skipped, symlinked directories are not followed (no loops)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in filenames:
            if f.lower().endswith(".txt") and not f.startswith("."):
                found.append(Path(dirpath) / f)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _expand(inputs: Iterable[str], warn: bool = True) -> Iterator[tuple[Path | None, str]]:
    for item in inputs:
        if item == "-":
            yield None, STDIN_NAME
            continue
        p = Path(item)
        if p.is_dir():
            files = _dir_files(p)
            if not files and warn:
                click.echo(f"kg: warning: {item}: no .txt files in this directory", err=True)
            for f in files:
                yield f, f.relative_to(p).as_posix()
        elif p.exists():
            yield p, item
        else:
            raise KgError(f"{item}: no such file or directory")


def readable_twice(inputs: list[str]) -> bool:
    """Whether reading INPUTS again gives the same pages: not so for standard input, a pipe
    (`kg build <(cat page)`), a FIFO (a second open waits for a writer forever) or a device."""
    for item in inputs:
        if item == "-":
            return False
        try:
            mode = os.stat(item).st_mode
        except OSError:
            continue      # (iter_sources says what is wrong with it)
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            return False
    return True


def iter_sources(inputs: list[str], warn: bool = True) -> Iterator[Source]:
    """Sources for files, directories (recursive ``*.txt``, sorted) and ``-`` (stdin), in the
    order given. The same file reached twice is read once. Empty inputs are skipped with a
    warning (``warn``: a second pass over the same inputs says nothing); anything unreadable
    raises KgError naming it."""
    seen: set = set()
    say = _warn_empty if warn else (lambda name: None)
    for path, name in _expand(inputs, warn):
        if path is None:
            if STDIN_NAME in seen:
                continue
            seen.add(STDIN_NAME)
            data = _read_limited(sys.stdin.buffer, name)
            if not data.strip():
                say(name)
                continue
            text, enc = decode(data, name)
            yield Source(name, text, enc)
            continue
        try:
            key = path.resolve()
        except OSError:
            key = path
        if key in seen:
            continue
        seen.add(key)
        src = read_source(path, name)
        if not src.text.strip():
            say(name)
            continue
        if path.is_file():
            src = replace(src, path=str(key))
        yield src
