"""Atomic file writes that keep the previous version as ``<file>.bak``.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.toml"
>>> write_atomic(p, "a = 1\\n"); write_atomic(p, "a = 2\\n")
>>> p.read_text(), p.with_name("x.toml.bak").read_text()
('a = 2\\n', 'a = 1\\n')
"""

from __future__ import annotations

import os
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path``: temp file in the same folder, fsync, keep ``.bak``, rename.

    A reader sees either the old file or the new one, never a half-written one.
    """
    import shutil  # imported here: reading commands never pay for it
    import tempfile

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            shutil.copy2(path, backup_path(path))
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
