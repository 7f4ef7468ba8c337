"""``ahp serve`` without a browser: links, hashed tokens, --invite, --revoke, progress lines."""

from __future__ import annotations

import re
from pathlib import Path

from ahp.cli import main
from ahp.io.invites import invites_path, who_holds
from ahp.io.project import load_project


def _links(out: str) -> dict[str, str]:
    return {m[1]: m[2] for m in re.finditer(r"^(.+?): http://127\.0\.0\.1:8000/\?token=(\S+)$", out, re.M)}


def test_one_link_per_respondent_with_a_long_token_stored_only_hashed(demo_path, capsys):
    assert main(["serve", str(demo_path), "--no-serve"]) == 0
    links = _links(capsys.readouterr().out)
    assert set(links) == {"Store manager", "Regional manager"}
    stored = Path(invites_path(demo_path)).read_text(encoding="utf-8")
    for name, token in links.items():
        assert len(token) >= 22 and token not in stored  # >= 128 bits, and only its digest is kept
        assert who_holds(demo_path, token) == name
    assert main(["serve", str(demo_path), "--no-serve"]) == 0
    assert _links(capsys.readouterr().out) == {}  # invited before: no new link unless asked


def test_invite_adds_a_respondent_and_a_new_link_replaces_the_old(demo_path, capsys):
    main(["serve", str(demo_path), "--no-serve"])
    old = _links(capsys.readouterr().out)["Store manager"]
    assert main(["serve", str(demo_path), "--invite", "Ann", "--invite", "Store manager", "--no-serve"]) == 0
    new = _links(capsys.readouterr().out)
    assert set(new) == {"Ann", "Store manager"}
    assert [r.name for r in load_project(demo_path).respondents][-1] == "Ann"
    assert who_holds(demo_path, old) is None and who_holds(demo_path, new["Store manager"]) == "Store manager"


def test_revoke_withdraws_a_link_and_an_unknown_name_is_refused(demo_path, capsys):
    main(["serve", str(demo_path), "--no-serve"])
    token = _links(capsys.readouterr().out)["Regional manager"]
    assert main(["serve", str(demo_path), "--revoke", "Regional manager", "--no-serve"]) == 0
    assert who_holds(demo_path, token) is None
    assert "Regional manager: link withdrawn" in capsys.readouterr().out  # and no new link made
    assert main(["serve", str(demo_path), "--revoke", "Zed", "--no-serve"]) == 2
    assert capsys.readouterr().err == "ahp: error: 'Zed' has no invitation; invited: Store manager\n"


def test_progress_names_answers_and_consistency(demo_path):
    from ahp.serve import progress_lines

    p = load_project(demo_path)
    p.add_respondent("Ann")
    p.set_judgment(2, "goal", "service", "price", 3)
    lines = progress_lines(p)
    assert lines[0] == "Store manager: 34/34 answered, worst CR 0.017 (consistent)"
    assert lines[2].startswith("Ann: 1/34 answered")


def test_a_token_of_a_removed_respondent_or_a_wrong_one_starts_nothing(demo_path, capsys):
    from ahp.serve import InvitationServer

    main(["serve", str(demo_path), "--no-serve"])
    links = _links(capsys.readouterr().out)
    server = InvitationServer(str(demo_path), "en", "127.0.0.1", 8000)
    assert server.respondent_of(links["Store manager"]) == "Store manager"
    assert server.respondent_of("wrong") is None and server.respondent_of(None) is None
    p = load_project(demo_path)
    p.remove_respondent("Store manager")
    p.save()
    assert server.respondent_of(links["Store manager"]) is None
