"""Atomic writes: a file or a folder is replaced only once its new content is complete.

One home for the project's "never leave a half-written output" rule, used by the
command line's ``analyze -o`` (:func:`write_atomic`) and by the report's folder swap
(:func:`new_sibling_dir` then :func:`replace_dir`). Both write beside the target, on
the same file system, so the final ``os.replace`` is a single rename: a failed or
interrupted run leaves the previous output as it was.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


def default_mode(directory: bool) -> int:
    """The mode a plain ``open()`` or ``mkdir()`` would give (the umask applied)."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask


def write_atomic(path: str | Path, chunks: Iterable[str] | str) -> Path:
    """Write ``chunks`` (text, UTF-8) to ``path`` through a temporary file beside it,
    moved into place only when every chunk is written. Returns ``path``.

    ``chunks`` may be a generator: if it raises, the temporary file is removed and
    ``path`` keeps its old content.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if isinstance(chunks, str):
                fh.write(chunks)
            else:
                for chunk in chunks:
                    fh.write(chunk)
        # mkstemp creates the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, default_mode(directory=False))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def new_sibling_dir(path: str | Path, kind: str = "tmp") -> Path:
    """A new empty folder beside ``path`` (same file system, so a later rename is
    atomic), named ``.<name>.<kind>-<pid>-<random>`` and created with the usual
    permissions (``mkdtemp`` would make it private). The process id in the name lets
    :func:`remove_stale_siblings` tell a folder left by a killed run from one in use."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        p = target.parent / f".{target.name}.{kind}-{os.getpid()}-{secrets.token_hex(6)}"
        try:
            p.mkdir()
            return p
        except FileExistsError:
            continue


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale_siblings(path: str | Path) -> list[Path]:
    """Remove the folders that :func:`new_sibling_dir` and :func:`replace_dir` made
    beside ``path`` for a run that no longer exists (killed with SIGKILL, or a power
    cut); folders of runs still going are left alone. Returns what was removed."""
    target = Path(path)
    removed = []
    if not target.parent.is_dir():
        return removed
    for p in target.parent.glob(f".{target.name}.*-*-*"):
        kind_pid = p.name[len(target.name) + 2:].split("-")
        if len(kind_pid) < 3 or kind_pid[0] not in ("tmp", "old") or not kind_pid[1].isdigit():
            continue
        if p.is_dir() and not _alive(int(kind_pid[1])):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def replace_dir(staging: str | Path, target: str | Path) -> None:
    """Replace the folder ``target`` by ``staging`` with two renames on one file system:
    the old folder is moved aside, the new one moved in, then the old one removed. If
    the second rename fails the old folder is moved back.

    Runs replacing the same folder at once take turns (an exclusive lock on the parent
    folder, which leaves no lock file behind), so the folder always holds one run's
    complete output, the last one's."""
    import fcntl

    staging, target = Path(staging), Path(target)
    lock = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the descriptor closes
        old: Path | None = None
        if target.exists():
            old = target.parent / f".{target.name}.old-{os.getpid()}-{secrets.token_hex(6)}"
            os.replace(target, old)
        try:
            os.replace(staging, target)
        except BaseException:
            if old is not None:
                os.replace(old, target)
            raise
    finally:
        os.close(lock)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
