"""Invitation tokens for ``ahp serve``: one per respondent, kept hashed beside the project.

A token is ``secrets.token_urlsafe(24)`` (192 bits). Only its SHA-256 is stored, in
``<project>.invites`` (JSON, name -> hex digest), so the file gives no way in; a lost link is
replaced by inviting the respondent again, which also makes the old link stop working. A
withdrawn invitation keeps the name with an empty digest.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml"
>>> token = issue(p, "Ann")
>>> who_holds(p, token), who_holds(p, "wrong"), who_holds(p, None)
('Ann', None, None)
>>> revoke(p, "Ann"); who_holds(p, token) is None
True
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets

from ahp.errors import AHPError, Phrase, ProjectFileError, Worded, listed, os_reason
from ahp.io.atomic import StrPath, write_atomic
from ahp.io.shared_save import locked

#: Random bytes in a token (192 bits; the issue asks for at least 128).
TOKEN_BYTES = 24


def invites_path(project: StrPath) -> str:
    """Where the hashed tokens of a project's invitations are kept."""
    return os.fspath(project) + ".invites"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load_invites(project: StrPath) -> dict[str, str]:
    """Respondent name -> SHA-256 of their token (empty when nobody was invited)."""
    path = invites_path(project)
    if not os.path.exists(path):
        return {}
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        why = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise ProjectFileError(Phrase("the invitations could not be read: {why}", {"why": why}), path=path) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ProjectFileError(Phrase("the invitations must be a JSON object of names and digests"), path=path)
    return data


def _write(project: StrPath, invites: dict[str, str]) -> None:
    write_atomic(invites_path(project), json.dumps(invites, ensure_ascii=False, indent=1) + "\n")


def issue(project: StrPath, name: str) -> str:
    """A new token for ``name`` (an earlier one stops working); returns the token itself."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with locked(invites_path(project)):
        invites = load_invites(project)
        invites[name] = _digest(token)
        _write(project, invites)
    return token


def revoke(project: StrPath, name: str) -> None:
    """Make ``name``'s link stop working (kept as withdrawn, an empty digest, so that no new
    link is made for them until they are invited again)."""
    with locked(invites_path(project)):
        invites = load_invites(project)
        if not invites.get(name):
            holders = [n for n, digest in invites.items() if digest]
            raise AHPError(Phrase("{name!r} has no invitation; invited: {holders}",
                                  {"name": name, "holders": listed(holders, Worded("nobody", "无"))}))
        invites[name] = ""
        _write(project, invites)


def who_holds(project: StrPath, token: str | None) -> str | None:
    """The respondent a token was issued to, or ``None`` for a missing, wrong or revoked one."""
    if not token:
        return None
    digest = _digest(token)
    for name, stored in load_invites(project).items():
        if stored and hmac.compare_digest(stored, digest):
            return name
    return None
