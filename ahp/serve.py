"""``ahp serve``: the interview in respondents' browsers, through textual-serve.

textual-serve gives each browser a page and a websocket, and runs a command per websocket for
the app. :class:`InvitationServer` checks the token of the link first: a missing, wrong or
revoked one gets a plain refusal and no app process; a valid one runs the respondent's own
interview (:mod:`ahp.tui.respond`) for the respondent the token was issued to. The token
travels in the websocket's path, which the page builds from the address this server gives it.

:func:`progress_lines` is what the consultant's terminal prints as answers arrive (a line for
each respondent whose progress changed).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from typing import TYPE_CHECKING, Any

from textual_serve.server import Server

from ahp.io.invites import who_holds

if TYPE_CHECKING:
    from aiohttp import web

    from ahp.io.project import Project

REFUSAL = (
    "This invitation link is not valid: it is incomplete, mistyped or has been withdrawn.\n"
    "Ask the person who sent it for a new link.\n"
    "此邀请链接无效（不完整、有误或已撤销），请向发送者索取新链接。\n"
)


#: textual-serve's page asks Google for a font; the page is served without it (nothing from the internet).
GOOGLE_FONTS = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>\s*", re.S)


class InvitationServer(Server):
    """A textual-serve server that runs one respondent's interview per valid invitation link."""

    def __init__(self, project: str, language: str, host: str, port: int) -> None:
        super().__init__("", host=host, port=port, title="ahp")
        self.project = os.path.abspath(project)
        self.language = language
        #: App processes started (one per accepted websocket), for the consultant and tests.
        self.started = 0

    def command_for(self, respondent: str) -> str:
        """The shell command that runs ``respondent``'s interview."""
        words = [sys.executable, "-m", "ahp.tui.respond", self.project, respondent, self.language]
        return " ".join(shlex.quote(w) for w in words)

    def respondent_of(self, token: str | None) -> str | None:
        """The respondent a valid token was issued to, while they are still in the project."""
        from ahp.errors import AHPError
        from ahp.io.project import load_project

        name = who_holds(self.project, token)
        if name is None:
            return None
        try:
            names = {r.name for r in load_project(self.project).respondents}
        except AHPError:
            return None
        return name if name in names else None

    async def _make_app(self) -> web.Application:
        from aiohttp import web

        app = web.Application()
        import aiohttp_jinja2
        import jinja2

        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_invitation, name="index"),
            web.get("/ws/{token}", self.handle_respondent_socket, name="websocket"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the command prints the links and the progress itself."""

    def _refuse(self) -> web.Response:
        from aiohttp import web

        return web.Response(status=403, text=REFUSAL, content_type="text/plain", charset="utf-8")

    async def handle_invitation(self, request: web.Request) -> web.StreamResponse:
        """The page for a valid link; the refusal for any other."""
        import aiohttp_jinja2
        from aiohttp import web

        token = request.query.get("token")
        if self.respondent_of(token) is None:
            return self._refuse()
        context: dict[str, Any] = {
            "font_size": 16,
            "app_websocket_url": self._websocket_url(request, token or ""),
            "config": {"static": {"url": f"{self._base(request)}/static/"}},
            "application": {"name": "ahp"},
        }
        page = aiohttp_jinja2.render_string("app_index.html", request, context)
        return web.Response(text=GOOGLE_FONTS.sub("", page), content_type="text/html", charset="utf-8")

    @staticmethod
    def _base(request: web.Request) -> str:
        return f"{request.scheme}://{request.host}"

    def _websocket_url(self, request: web.Request, token: str) -> str:
        scheme = "wss" if request.scheme == "https" else "ws"
        return f"{scheme}://{request.host}/ws/{token}"

    async def handle_respondent_socket(self, request: web.Request) -> web.StreamResponse:
        """Run the app of the respondent holding the token in the path (refused otherwise)."""
        respondent = self.respondent_of(request.match_info["token"])
        if respondent is None:
            return self._refuse()
        self.started += 1
        return await self._run_app(request, self.command_for(respondent))

    async def _run_app(self, request: web.Request, command: str) -> web.StreamResponse:
        """textual-serve's websocket handler with this connection's own command (the parent's
        reads ``self.command``, which another connection could change meanwhile)."""
        import asyncio

        from aiohttp import web
        from textual_serve.app_service import AppService
        from textual_serve.server import to_int

        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if service is not None:
                await service.stop()
        return websocket


def progress_lines(project: Project, language: str = "en") -> list[str]:
    """One line per respondent: answered questions, settled or not, pass/fail per node, worst CR.

    >>> import tempfile, pathlib
    >>> from ahp.io.project import new_project
    >>> p = new_project(pathlib.Path(tempfile.mkdtemp()) / "x.ahp.toml")
    >>> progress_lines(p)
    ['Respondent 1: 0 of 43 answered · no answers yet']
    """
    from ahp.io.progress import panel_progress, progress_line

    return [progress_line(project, p, language) for p in panel_progress(project)]
