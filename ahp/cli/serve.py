"""``ahp serve FILE``: the interview in respondents' browsers, one tokened link per respondent."""

from __future__ import annotations

import argparse
import sys
import threading
import time

from ahp.cli.common import language, load
from ahp.cli.options import Parser, add_file, add_lang, whole_number

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
#: Addresses that mean "every interface": a link naming one opens nowhere else.
ANY_HOST = {"0.0.0.0", "::"}


def args_serve(p: Parser) -> None:
    add_file(p)
    p.add_argument("--host", default="127.0.0.1", metavar=p.words("HOST"),
                   help=p.words("address to listen on (default 127.0.0.1: this computer only)"))
    p.add_argument("--port", type=whole_number(0, 65535), default=8000, metavar=p.words("PORT"),
                   help=p.words("port (default 8000)"))
    p.add_argument("--invite", metavar=p.words("NAME"), action="append", default=[],
                   help=p.words("add respondent NAME (if new) and print a new link for them (their old link stops "
                                "working)"))
    p.add_argument("--revoke", metavar=p.words("NAME"), action="append", default=[],
                   help=p.words("make NAME's link stop working"))
    add_lang(p, "interview and of these lines")
    p.add_argument("--no-serve", action="store_true", help=p.words("only invite or revoke, then exit"))


def link_line(name: str, url: str, token: str, lang: str) -> str:
    """A respondent's invitation line: their name, then their link.

    >>> link_line("王店长", "http://127.0.0.1:8000/", "abc", "zh")
    '王店长：http://127.0.0.1:8000/?token=abc'
    """
    from ahp.io.glossary import say

    return f"{name}{say('colon', lang)}{url}?token={token}"


def cmd_serve(args: argparse.Namespace) -> int:
    from ahp.io import invites
    from ahp.io.glossary import say
    from ahp.io.terminal import clean

    project = load(args.file, args)
    lang = language(args, project)
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    if args.host in ANY_HOST:
        print(clean(say("serve.any address", lang, host=args.host, option="--host")), file=sys.stderr)
    for name in args.revoke:
        invites.revoke(args.file, name)
        print(clean(say("serve.withdrawn", lang, name=name)))
    for name in args.invite:
        if name.strip() not in {r.name for r in project.respondents}:
            project.add_respondent(name)
            project.save()
        print(clean(link_line(name.strip(), url, invites.issue(args.file, name.strip()), lang)))
    invited = invites.load_invites(args.file)
    if not args.invite:
        for r in project.respondents:
            if invited.get(r.name) == "":
                print(clean(say("serve.withdrawn before", lang, name=r.name, command=_invite(args.file, r.name))))
            elif r.name in invited:
                print(clean(say("serve.invited before", lang, name=r.name, command=_invite(args.file, r.name))))
            else:
                print(clean(link_line(r.name, url, invites.issue(args.file, r.name), lang)))
    if args.no_serve:
        return 0
    from ahp.serve import InvitationServer

    where = say("serve.local" if args.host in LOCAL_HOSTS else "serve.open", lang)
    print(clean(say("serve.serving", lang, file=args.file, url=url, where=where, option="--host", stop="Ctrl+C")),
          flush=True)
    server = InvitationServer(args.file, lang, args.host, args.port)
    threading.Thread(target=_follow, args=(args.file, lang), daemon=True).start()
    server.serve()
    return 0


def _invite(path: str, name: str) -> str:
    """The command that makes a new link for ``name``."""
    return f'ahp serve {path} --invite "{name}"'


def progress_changes(path: str, shown: dict[str, str], language: str) -> list[str]:
    """The progress lines of the respondents whose progress changed since ``shown`` (name ->
    line last printed; updated), each once; on a file that does not load, why.

    >>> import tempfile, pathlib
    >>> from ahp.io.project import new_project
    >>> path = str(pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml")
    >>> new_project(path).save()
    >>> shown = {}
    >>> progress_changes(path, shown, "en"), progress_changes(path, shown, "en")
    (['Respondent 1: 0 of 43 answered · no answers yet'], [])
    """
    from ahp.errors import AHPError
    from ahp.io.glossary import say
    from ahp.io.progress import panel_progress, progress_line
    from ahp.io.project import load_project

    try:
        project = load_project(path)
    except (AHPError, OSError) as exc:
        return [say("progress.unreadable", language, reason=exc)]
    changed = []
    for p in panel_progress(project):
        line = progress_line(project, p, language)
        if shown.get(p.name) != line:
            shown[p.name] = line
            changed.append(line)
    return changed


def _follow(path: str, language: str, every: float = 1.0) -> None:
    """Print a line for each respondent whose progress changed, whenever the file changes."""
    import os

    from ahp.io.terminal import clean

    stamp, shown = None, {}
    while True:
        try:
            now = os.stat(path).st_mtime_ns
        except OSError:
            now = None
        if now != stamp:
            stamp = now
            for line in progress_changes(path, shown, language):
                print(clean(time.strftime("%H:%M:%S ") + line), flush=True)
        time.sleep(every)
