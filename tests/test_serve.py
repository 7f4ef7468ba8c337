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


def test_a_chinese_project_prints_its_links_in_chinese(demo_path, capsys):
    """The project's [settings] language applies, as in every command (not a guess from the title)."""
    text = demo_path.read_text(encoding="utf-8").replace("[settings]\n", '[settings]\nlanguage = "zh"\n', 1)
    demo_path.write_text(text, encoding="utf-8")
    assert main(["serve", str(demo_path), "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^Store manager：http://127\.0\.0\.1:8000/\?token=\S+$", out, re.M)
    assert main(["serve", str(demo_path), "--no-serve", "--lang", "en", "--invite", "Ann"]) == 0
    assert set(_links(capsys.readouterr().out)) == {"Ann"}


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


INCONSISTENT_PRICE = [("level", "promotions", 9), ("promotions", "membership", 9), ("membership", "value", 9),
                      ("value", "level", 9), ("membership", "level", 9), ("value", "promotions", 9)]


def _with_ann(demo_path: Path):
    p = load_project(demo_path)
    i = p.add_respondent("Ann")
    for a, b, v in INCONSISTENT_PRICE:
        p.set_judgment(i, "price", a, b, v)
    return p


def test_progress_names_answers_settled_and_consistency_per_node(demo_path):
    from ahp.serve import progress_lines

    p = _with_ann(demo_path)
    lines = progress_lines(p)
    assert lines[0] == "Store manager: 34 of 34 answered · 5 node(s) pass, 0 fail · worst CR 0.017"
    assert lines[2].startswith("Ann: 6 of 34 answered · top 5 not settled yet · 0 node(s) pass, 1 fail, 4 incomplete"
                               " · failing: Price · worst CR ")
    assert progress_lines(load_project(demo_path), "zh")[0] == (
        "Store manager：已答 34/34 题 · 判断矩阵 5 个通过、0 个未通过 · 最大一致性比率 CR 0.017")


def test_progress_in_chinese_is_entirely_chinese(demo_path):
    from ahp.serve import progress_lines

    line = progress_lines(_with_ann(demo_path), "zh")[2]
    assert line.startswith("Ann：已答 6/34 题 · 前 5 位排序尚未确定 · "
                           "判断矩阵 0 个通过、1 个未通过、4 个判断不完整 · 未通过：价格 · 最大一致性比率 CR ")
    assert not re.search(r"[A-Za-z]", line.removeprefix("Ann").replace("CR", ""))


def test_serve_prints_a_line_for_each_respondent_whose_progress_changed(demo_path):
    from ahp.cli.serve import progress_changes

    shown: dict[str, str] = {}
    assert [line.split(":")[0] for line in progress_changes(str(demo_path), shown, "en")] == [
        "Store manager", "Regional manager"]
    assert progress_changes(str(demo_path), shown, "en") == []
    _with_ann(demo_path).save()
    changes = progress_changes(str(demo_path), shown, "en")
    assert len(changes) == 1 and changes[0].startswith("Ann: 6 of 34 answered")
    demo_path.write_text("not = = toml", encoding="utf-8")
    assert progress_changes(str(demo_path), shown, "zh")[0].startswith("答题进度：")


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


def test_links_to_every_interface_come_with_a_note_to_put_the_real_address(demo_path, capsys):
    assert main(["serve", str(demo_path), "--host", "0.0.0.0", "--no-serve"]) == 0
    out, err = capsys.readouterr()
    assert "http://0.0.0.0:8000/?token=" in out
    assert err == ("ahp: note: the links name 0.0.0.0, which only this computer can open: in the links you send, "
                   "put this computer's address on the network instead (or use --host ADDRESS)\n")


def test_progress_says_when_the_planner_has_settled_a_respondents_top_factors(demo_path):
    from ahp.serve import progress_lines

    p = load_project(demo_path)
    i = p.add_respondent("Ann")
    asked = 0
    while (q := p.next_question("Ann")) is not None:  # Ann answers as the store manager did
        p.set_judgment(i, q.path, q.a, q.b, p.judgment(0, q.path, q.a, q.b))
        asked += 1
    assert asked < 34
    assert progress_lines(p)[2].startswith(f"Ann: {asked} of 34 answered · top 5 settled · 5 node(s) pass, 0 fail")
    assert progress_lines(p, "zh")[2].startswith(f"Ann：已答 {asked}/34 题 · 前 5 位排序已确定 · 判断矩阵 5 个通过")
