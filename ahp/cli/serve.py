"""``ahp serve FILE``: the interview in respondents' browsers, one tokened link per respondent."""

from __future__ import annotations

import argparse
import re
import threading
import time

from ahp.cli.common import load
from ahp.cli.options import add_file

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def args_serve(p: argparse.ArgumentParser) -> None:
    add_file(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--invite", metavar="NAME", action="append", default=[],
                   help="add respondent NAME (if new) and print a new link for them (their old link stops working)")
    p.add_argument("--revoke", metavar="NAME", action="append", default=[], help="make NAME's link stop working")
    p.add_argument("--lang", choices=("en", "zh"),
                   help="the interview's language (default: Chinese for a Chinese title)")
    p.add_argument("--no-serve", action="store_true", help="only invite or revoke, then exit")


def language_of(title: str) -> str:
    """``zh`` for a title written in Chinese, else ``en``.

    >>> language_of("门店顾客流失"), language_of("Churn review")
    ('zh', 'en')
    """
    return "zh" if re.search(r"[\u4e00-\u9fff]", title) else "en"


def cmd_serve(args: argparse.Namespace) -> int:
    from ahp.io import invites
    from ahp.io.terminal import clean

    project = load(args.file)
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    for name in args.revoke:
        invites.revoke(args.file, name)
        print(clean(f"{name}: link withdrawn"))
    for name in args.invite:
        if name.strip() not in {r.name for r in project.respondents}:
            project.add_respondent(name)
            project.save()
        print(clean(f"{name.strip()}: {url}?token={invites.issue(args.file, name.strip())}"))
    invited = invites.load_invites(args.file)
    if not args.invite:
        for r in project.respondents:
            if invited.get(r.name) == "":
                print(clean(f"{r.name}: link withdrawn (ahp serve {args.file} --invite \"{r.name}\" makes a new one)"))
            elif r.name in invited:
                print(clean(f"{r.name}: invited before (ahp serve {args.file} --invite \"{r.name}\" makes a new link)"))
            else:
                print(clean(f"{r.name}: {url}?token={invites.issue(args.file, r.name)}"))
    if args.no_serve:
        return 0
    from ahp.serve import InvitationServer

    where = "this computer only" if args.host in LOCAL_HOSTS else "every computer that can reach this address"
    print(clean(f"serving {args.file} on {url} ({where}; --host changes it); Ctrl+C stops"), flush=True)
    server = InvitationServer(args.file, args.lang or language_of(project.title), args.host, args.port)
    threading.Thread(target=_follow, args=(args.file,), daemon=True).start()
    server.serve()
    return 0


def _follow(path: str, every: float = 1.0) -> None:
    """Print every respondent's progress whenever the file changes."""
    import os

    from ahp.errors import AHPError
    from ahp.io.project import load_project
    from ahp.io.terminal import clean
    from ahp.serve import progress_lines

    stamp = None
    while True:
        try:
            now = os.stat(path).st_mtime_ns
            if now != stamp:
                stamp = now
                lines = progress_lines(load_project(path))
                print(clean(time.strftime("%H:%M:%S ") + " · ".join(lines)), flush=True)
        except (AHPError, OSError) as exc:
            print(clean(f"progress: {exc}"), flush=True)
        time.sleep(every)
