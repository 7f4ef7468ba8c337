"""Atomic file writes that keep the previous version as ``<file>.bak``.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.toml"
>>> write_atomic(p, "a = 1\\n"); write_atomic(p, "a = 2\\n")
>>> p.read_text(), p.with_name("x.toml.bak").read_text()
('a = 2\\n', 'a = 1\\n')
"""

from __future__ import annotations

import os

StrPath = str | os.PathLike[str]


def backup_path(path: StrPath) -> str:
    """Where the previous version of ``path`` is kept."""
    return os.fspath(path) + ".bak"


def write_atomic(path: StrPath, text: str) -> None:
    """Write ``text`` to ``path``: temp file in the same folder, fsync, keep ``.bak``, rename.

    A reader sees either the old file or the new one, never a half-written one.
    """
    import shutil  # imported here: reading commands never pay for it
    import tempfile

    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(path):
            shutil.copy2(path, backup_path(path))
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
