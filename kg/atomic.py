"""Writing a file all or nothing: a temporary file in the same directory, then a rename.

A module of its own, free of rdflib and jieba, so that every writer (graphs, views, the
dictionary cache, the bench) uses the one mechanism without paying for heavy imports.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KgError


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# read once at import: os.umask can only be read by setting it, which would race between the
# threads of a dask worker writing shards
_UMASK = _read_umask()


def named(e: OSError, path, temp=None) -> OSError:
    """E, naming PATH: a failed write carries no file name, and a temporary file's name (or a
    rename's) is ours, not the user's. kg.cli prints it as one line: PATH: the problem."""
    if e.filename is None or (temp is not None and str(e.filename) == str(temp)):
        e.filename, e.filename2 = str(path), None
    return e


def not_a_directory(path) -> Path:
    """The part of PATH that is in the way of making it: the nearest existing ancestor."""
    blocker = Path(str(path)).parent
    while not blocker.exists() and blocker != blocker.parent:
        blocker = blocker.parent
    return blocker


def check_writable(path) -> None:
    """KgError unless a file can be written at PATH (by write_atomic): checked before a build's
    extraction, so that a typo in -o costs a second, not the whole build."""
    p = Path(str(path))
    if p.is_dir():
        raise KgError(f"{p}: is a directory; give a file name")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=str(p.parent)):
            pass
    except (FileExistsError, NotADirectoryError):
        raise KgError(f"{p}: cannot be written: {not_a_directory(p)} is not a directory") from None
    except OSError as e:
        raise KgError(f"{p}: cannot be written here ({e.strerror or e})") from None


def write_atomic(path, write) -> None:
    """Write through a temporary file in the same directory, then rename: never a half-written output.

    ``write`` is called with the open binary file. The file gets the mode an ordinary ``open``
    would give (0644 under the usual umask), not mkstemp's 0600, so a browser or a database
    server running as another user can read it.
    """
    p = Path(str(path))
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    try:
        # the pid in the name: what a killed writer left is removed by the next build (kg.tempfiles)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.kg-tmp-{os.getpid()}-", suffix=".tmp",
                                   dir=str(p.parent or "."))
    except OSError as e:
        raise named(e, p, e.filename) from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, p)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise named(e, p, tmp)
        raise


def write_bytes_atomic(path, data: bytes | str) -> None:
    """All of ``data`` (str is written as UTF-8) or nothing."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    write_atomic(path, lambda f: f.write(raw))


def write_cache_atomic(path, data: bytes, keep: int = 3) -> None:
    """``write_bytes_atomic``, then remove all but the ``keep`` newest other cache files of the same
    kind (the name up to its last ``-``: ``gazetteer-…bin``) beside it. Each version of kg or of its
    data keys a cache file of its own; without this, every upgrade left its 8-30 MB files behind.
    Keeping a few lets two installs of different versions share the directory without rebuilding."""
    p = Path(str(path))
    write_bytes_atomic(p, data)
    kind, sep, _ = p.name.rpartition("-")
    if not sep:
        return
    try:
        others = [q for q in p.parent.glob(f"{kind}-*{p.suffix}") if q != p and q.name.rpartition("-")[0] == kind]
        others.sort(key=lambda q: q.stat().st_mtime, reverse=True)
        for q in others[keep:]:
            q.unlink()
    except OSError:
        pass         # a file another run removed first, or a directory we may not clean: no matter
