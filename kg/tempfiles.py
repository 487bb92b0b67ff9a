"""The temporary files and directories of a run: each named with the id of the process that made
it, in places the next run looks at, so that what a killed run left (SIGKILL runs no clean-up)
is removed by the next run once that process is gone, and a concurrent run's files are not.

Names (the random part is tempfile's):
  kg-run-PID-XXXXXXXX.nt        sort runs            beside the output, or in $TMPDIR
  kg-sorted-PID-XXXXXXXX.nt     the merged lines     beside the output
  kg-part-PID-XXXXXXXX.ttl(.n)  parallel Turtle      beside the output
  kg-batches-PID-XXXXXXXX/      the workers' spool   /dev/shm, or $TMPDIR
  .NAME.kg-tmp-PID-XXXXXXXX.tmp an output being written, renamed onto NAME when complete
  .NAME.kg-new-PID/             a store being made or updated, swapped in for NAME when complete
  .NAME.kg-old-PID/             a store swapped out, removed once no reader has it open

A module of its own, free of heavy imports: kg.atomic and kg.build.workpool use it.
"""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import tempfile
from pathlib import Path

_LEFT = re.compile(r"^(?:kg-(?:run|sorted)-(\d+)-\w+\.nt|kg-part-(\d+)-\w+\.ttl(?:\.n)?|kg-batches-(\d+)-\w+"
                   r"|\..+\.kg-tmp-(\d+)-\w+\.tmp|\.(.+)\.kg-(new|old)-(\d+))$", re.S)


def prefix(kind: str) -> str:
    """A name prefix for this process's temporary files of ``kind``."""
    return f"kg-{kind}-{os.getpid()}-"


def mkstemp(kind: str, suffix: str, dir=None) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=prefix(kind), suffix=suffix, dir=dir)


def mkdtemp(kind: str, dir=None) -> str:
    return tempfile.mkdtemp(prefix=prefix(kind), dir=dir)


def store_temp(store: Path, kind: str) -> Path:
    """The sibling of STORE that a store is made in ("new") or moved aside to ("old")."""
    return store.with_name(f".{store.name}.kg-{kind}-{os.getpid()}")


def alive(pid: int) -> bool:
    """Whether process PID may still be using its files. This process counts as alive: a
    thread of it may be building too (and a file with our pid made by a dead process of an
    earlier boot is removed by a later run)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:        # EPERM: another user's live process
        return True
    return True


def remove_unless_read(path: Path) -> bool:
    """Remove the store directory PATH unless a reader holds it (kg.graph.store.open_store holds a
    shared lock on the directory it reads); whether it was removed. The exclusive lock is held
    while the files go, so a reader that opened the directory just before sees it whole or gone."""
    import fcntl   # (deferred: kg/__init__.py says why)

    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    try:
        shutil.rmtree(path, ignore_errors=True)
    finally:
        os.close(fd)
    return True


def sweep(*dirs) -> list[str]:
    """Remove what dead runs left in DIRS; the paths removed (or restored)."""
    done = []
    for d in {str(x) for x in dirs if x}:
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for name in names:
            m = _LEFT.match(name)
            if not m:
                continue
            pid = int(next(g for g in (m[1], m[2], m[3], m[4], m[7]) if g))
            if alive(pid):
                continue
            path = Path(d) / name
            try:
                if m[6] == "old":
                    home = Path(d) / m[5]
                    if not home.exists():
                        # killed between moving the store aside and putting the new one in its place
                        # (only where directories cannot be swapped in one step): the old one goes back
                        os.rename(path, home)
                        done.append(str(home))
                        continue
                if m[6]:
                    if remove_unless_read(path):
                        done.append(str(path))
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()
                done.append(str(path))
            except OSError:
                pass
    return done


def spool_root() -> str | None:
    """Where the workers' batches and results wait: memory-backed /dev/shm where there is one
    (they live a fraction of a second; on a disk they would be written back for nothing), else
    the system's temporary directory (None)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def places(*near) -> list[str]:
    """Every place a run's temporary files may be: beside its outputs (NEAR), $TMPDIR, the spool."""
    return [str(p) for p in near if p] + [tempfile.gettempdir(), spool_root() or tempfile.gettempdir()]


def exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE): a reader opening B sees
    one or the other, never neither. False where the system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):      # EINVAL, ENOSYS, EOPNOTSUPP: not here
        return False
    raise OSError(err, os.strerror(err), str(b))
