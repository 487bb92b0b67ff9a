"""Writing a file all or nothing: a temporary file in the same directory, then a rename.

A module of its own, free of rdflib and jieba, so that every writer (graphs, views, the
dictionary cache, the bench) uses the one mechanism without paying for heavy imports.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# read once at import: os.umask can only be read by setting it, which would race between the
# threads of a dask worker writing shards
_UMASK = _read_umask()


def write_atomic(path, write) -> None:
    """Write through a temporary file in the same directory, then rename: never a half-written output.

    ``write`` is called with the open binary file. The file gets the mode an ordinary ``open``
    would give (0644 under the usual umask), not mkstemp's 0600, so a browser or a database
    server running as another user can read it.
    """
    p = Path(str(path))
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent or "."))
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_bytes_atomic(path, data: bytes | str) -> None:
    """All of ``data`` (str is written as UTF-8) or nothing."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    write_atomic(path, lambda f: f.write(raw))
