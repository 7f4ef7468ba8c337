"""Issue 18: ``ahp serve`` in headless Chromium (Playwright): two respondents answer at once from
their own links and the file holds both exactly; a wrong token gets the refusal and no app."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ahp.io.project import load_project, new_project
from ahp.tui.session import Session

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install -e '.[dev]')")
pytest.importorskip("textual_serve", reason="needs textual-serve (pip install -e .)")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")

#: Each respondent's answer to every criteria question (intensity toward the left element).
ANSWERS = {"Ann": 3, "Bo": 7}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        kids = [p for p, parent in parents.items() if parent in frontier]
        found += kids
        frontier = kids
    return found


@pytest.fixture
def served(tmp_path):
    """``ahp serve`` on a free port of 127.0.0.1 for a project with Ann and Bo: (process, links, file)."""
    path = tmp_path / "remote.ahp.toml"
    p = new_project(path)
    p.rename_respondent("Respondent 1", "Ann")
    p.add_respondent("Bo")
    p.save()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ahp", "serve", str(path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    links: dict[str, str] = {}
    for line in proc.stdout:
        if m := re.match(r"(\w+): (http://\S+)", line):
            links[m[1]] = m[2]
        if line.startswith("serving"):
            break
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield proc, links, path
    proc.terminate()
    proc.wait(timeout=20)


def _keys(path: Path, name: str, value: int) -> list[str]:
    """The keys a respondent presses to answer ``value`` to every criteria (goal) question and skip
    the others, in the order the interview asks them (the planner's, then, past the settled offer,
    today's): the same interview run here, without a screen."""
    from ahp.tui.session.interview import Interview

    session = Session(load_project(path), load_project(path).respondent_index(name))
    talk, keys = Interview(session), []
    while talk.current is not None or talk.offer:
        if talk.offer:  # go on past the settled offer
            keys.append("ArrowRight")
            talk.go_on()
            continue
        q = talk.current
        if q.path == "goal":
            session.set_judgment(q.path, q.a, q.b, float(value))
            keys.append(str(value))
        keys.append("Enter")
        talk.next()
    return keys


def _wait_for(check, timeout: float = 60.0) -> float:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < timeout, "timed out"
        time.sleep(0.02)
    return time.monotonic() - start


def test_two_respondents_answer_at_once_and_a_wrong_token_is_refused(served, capsys):
    proc, links, path = served
    assert set(links) == {"Ann", "Bo"}
    assert all(re.search(r"\?token=[\w-]{22,}$", link) for link in links.values())
    keys = {name: _keys(path, name, value) for name, value in ANSWERS.items()}
    criteria = [q for q in Session(load_project(path)).interview() if q.path == "goal"]
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        wrong = browser.new_context().new_page()
        response = wrong.goto(links["Ann"].split("?")[0] + "?token=not-a-token")
        assert response.status == 403 and "not valid" in wrong.content()
        socket_refused = wrong.evaluate(
            """url => new Promise(done => { const s = new WebSocket(url); s.onopen = () => done(false);
               s.onerror = () => done(true); })""",
            links["Ann"].replace("http", "ws").split("?")[0] + "ws/not-a-token",
        )
        assert socket_refused and _descendants(proc.pid) == []

        pages, first_question = {}, {}
        for name in ANSWERS:  # both links open at once, in two contexts
            page = browser.new_context(viewport={"width": 1200, "height": 800}).new_page()
            start = time.monotonic()
            page.goto(links[name])
            page.wait_for_selector("body.-first-byte", timeout=30000)
            first_question[name] = time.monotonic() - start
            pages[name] = page
        time.sleep(1.0)  # the app's first screen is drawn and takes keys
        for page in pages.values():
            page.click("#terminal")
        # the first answer of Ann, timed from key to file
        before = path.stat().st_mtime_ns
        start = time.monotonic()
        pages["Ann"].keyboard.press(str(ANSWERS["Ann"]))
        to_file = _wait_for(lambda: path.stat().st_mtime_ns != before and load_project(path).respondents[0].judgments)
        for name, page in pages.items():
            for key in keys[name][1:] if name == "Ann" else keys[name]:  # Ann's first answer was pressed above
                page.keyboard.press(key)

        def all_in() -> bool:
            p = load_project(path)
            goal = [p.respondents[p.respondent_index(n)].judgments.get("goal", {}) for n in ANSWERS]
            return all(len(pairs) == len(criteria) for pairs in goal)

        _wait_for(all_in)
        browser.close()
    saved = load_project(path)
    for name, value in ANSWERS.items():
        i = saved.respondent_index(name)
        assert [saved.judgment(i, "goal", q.a, q.b) for q in criteria] == [value] * len(criteria)
        assert set(saved.respondents[i].judgments) == {"goal"}
    with capsys.disabled():
        first = max(first_question.values())
        print(f"\nfirst screen after opening a link: {first:.2f} s; answer to file: {to_file:.2f} s")


def test_the_page_asks_nothing_from_the_internet(served):
    _, links, _ = served
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(links["Bo"])
        page.wait_for_selector("body.-first-byte", timeout=30000)
        browser.close()
    assert asked and all(url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:")) for url in asked), asked
