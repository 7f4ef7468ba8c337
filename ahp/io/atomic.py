"""Atomic file writes that keep the previous version as ``<file>.bak``.

Every file the tool writes goes through :func:`write_atomic`: the text goes to a temporary
file beside the target (named ``.<name>.<random>.tmp``), which is renamed over it, so a reader
sees the old file or the new one, never half of one, even if the process is killed. The
previous version is kept as ``<name>.bak``, made atomically too. A new file gets the
permissions new files get (0666 less the umask); a file written again keeps its own. A
symbolic link is followed: its target is written and the link stays.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.toml"
>>> write_atomic(p, "a = 1\\n"); write_atomic(p, "a = 2\\n")
>>> p.read_text(), p.with_name("x.toml.bak").read_text()
('a = 2\\n', 'a = 1\\n')
"""

from __future__ import annotations

import os

from ahp.errors import AHPError, Phrase

StrPath = str | os.PathLike[str]

#: A temporary file of the tool's own naming older than this (seconds) was left by a write
#: that was killed, and is removed by the next write beside it.
STALE_AFTER = 60.0


def backup_path(path: StrPath) -> str:
    """Where the previous version of ``path`` is kept."""
    return os.fspath(path) + ".bak"


def keep_copy(path: StrPath, label: str) -> str:
    """Keep the file as it is now before a destructive step; returns where the copy went.

    The copy sits beside the file as ``<file>.before-<label>-<time>`` and no later save
    touches it, unlike ``.bak``. ``label`` is reduced to letters, digits, ``_`` and ``-``, and
    to its first 40 characters (a file name holds at most 255 bytes).

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
    tag = re.sub(r"\W+", "-", label).strip("-")[:40].strip("-") or "change"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.before-{tag}-{stamp}"
    n = 1
    while os.path.lexists(target):
        n += 1
        target = f"{path}.before-{tag}-{stamp}-{n}"
    write_atomic(target, text, backup=False)
    return target


def write_target(path: StrPath) -> str:
    """The file a write to ``path`` changes: ``path`` itself, or where its symbolic link leads.

    Raises :class:`AHPError` for a link loop or a link to nothing.
    """
    path = os.fspath(path)
    if not os.path.islink(path):
        return path
    try:
        return os.path.realpath(path, strict=True)
    except FileNotFoundError:
        raise AHPError(Phrase("{path}: a symbolic link to {target}, which does not exist; not written",
                              {"path": path, "target": os.readlink(path)})) from None
    except OSError:
        raise AHPError(Phrase("{path}: a symbolic link that loops back on itself; not written",
                              {"path": path})) from None


def write_atomic(path: StrPath, text: str | bytes, *, backup: bool = True) -> None:
    """Write ``text`` (UTF-8) or bytes to ``path`` (to its target if it is a symbolic link)
    atomically; keep the previous version as ``.bak`` unless ``backup`` is false.

    A reader sees either the old file or the new one, never a half-written one.
    """
    target = write_target(path)
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise AHPError(Phrase("cannot write {path}: folder {folder} does not exist",
                              {"path": os.fspath(path), "folder": folder}))
    remove_stale_temporaries(target)
    tmp = _new_temporary(target)
    try:
        with open(tmp, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(target):
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
            if backup:
                _back_up(target)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _new_temporary(target: str) -> str:
    """Create an empty ``.<name>.<random>.tmp`` beside ``target``, with a new file's permissions."""
    import secrets

    folder, name = os.path.split(target)
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # the umask applies
            return tmp
        except FileExistsError:
            continue
        except OSError as exc:  # a missing or closed folder: the error names the file asked for, not the temporary
            raise type(exc)(exc.errno, exc.strerror, target) from None


def _back_up(target: str) -> None:
    """Make ``.bak`` the file as it is now, atomically: a hard link to it renamed into place
    (a copy where the file system has no hard links), so ``.bak`` is never half written."""
    import shutil

    tmp = _new_temporary(backup_path(target))
    try:
        try:
            os.unlink(tmp)
            os.link(target, tmp)
        except OSError:
            shutil.copy2(target, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        os.replace(tmp, backup_path(target))
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def remove_stale_temporaries(target: StrPath) -> list[str]:
    """Remove temporary files of this module's naming for ``target`` (and its ``.bak``) left
    by a write that was killed (older than :data:`STALE_AFTER`); returns those removed."""
    import glob
    import time

    folder, name = os.path.split(os.fspath(target))
    removed = []
    for tmp in glob.glob(os.path.join(glob.escape(folder or "."), f".{glob.escape(name)}.*.tmp"), include_hidden=True):
        try:
            if time.time() - os.lstat(tmp).st_mtime > STALE_AFTER:
                os.unlink(tmp)
                removed.append(tmp)
        except OSError:  # gone already, or not ours to remove
            continue
    return removed


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
