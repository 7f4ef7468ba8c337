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


def keep_copy(path: StrPath, label: str) -> str:
    """Keep the file as it is now before a destructive step; returns where the copy went.

    The copy sits beside the file as ``<file>.before-<label>-<time>`` and no later save
    touches it, unlike ``.bak``. ``label`` is reduced to letters, digits, ``_`` and ``-``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml"
    >>> _ = p.write_text("a = 1\\n")
    >>> kept = keep_copy(p, "remove Ann")
    >>> pathlib.Path(kept).read_text(), ".before-remove-Ann-" in kept
    ('a = 1\\n', True)
    """
    import re
    import time

    path = os.fspath(path)
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    tag = re.sub(r"\W+", "-", label).strip("-") or "change"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.before-{tag}-{stamp}"
    n = 1
    while os.path.exists(target):
        n += 1
        target = f"{path}.before-{tag}-{stamp}-{n}"
    write_atomic(target, text)
    return target


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
