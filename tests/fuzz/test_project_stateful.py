"""Any sequence of respondent and unit changes, through the Python API or the CLI, leaves a
project file that loads and holds exactly what was asked (a model of it is kept alongside).

Names are drawn from Chinese, control characters, quotes and very long text.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from ahp.cli import main
from ahp.core.scale import parse_value
from ahp.errors import AHPError
from ahp.io.project import load_project, new_project
from ahp.io.survey import pair_columns

from .conftest import examples

DEMO = Path(__file__).resolve().parents[2] / "examples" / "retail-churn-demo.ahp.toml"
SCALE = [*range(1, 10), *(1 / k for k in range(2, 10))]
GRADES = ["very-good", "good", "fair", "poor", "very-poor"]

#: Letters people use, the characters that broke files before (DEL, controls, quotes,
#: backslashes, line breaks), and Chinese.
_CHARS = st.one_of(
    st.sampled_from("Ann Bo 门店经理区域流失度 \"'\\\t\n\x7f\x00\x1b\x08\x85\u2028#=[]{}.,"),
    st.characters(codec="utf-8", exclude_characters="\r"),
)
NAMES = st.one_of(
    st.text(_CHARS, min_size=0, max_size=12),
    st.builds(lambda s, n: s * n, st.text(_CHARS, min_size=1, max_size=3), st.integers(200, 700)),
)
WEIGHTS = st.one_of(st.sampled_from([1.0, 2.0, 0.5]), st.floats(1e-3, 1e3))


def canonical(a: str, b: str, value: float) -> tuple[tuple[str, str], float]:
    """A pair in alphabetical order, with its value turned round to match."""
    return ((a, b), value) if a < b else ((b, a), 1 / value)


def normalized(judgments: dict) -> dict:
    """Judgments keyed by node, then by the pair in alphabetical order; empty nodes left out."""
    return {path: dict(canonical(a, b, v) for (a, b), v in pairs.items()) for path, pairs in judgments.items() if pairs}


def held(path: Path) -> tuple[list, list]:
    p = load_project(path)
    return (
        [(r.name, r.weight, normalized(r.judgments)) for r in p.respondents],
        [(u.name, dict(u.ratings)) for u in p.units],
    )


def cli(*argv: str) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return main(list(argv))
        except SystemExit as exc:  # argparse refusing an argument
            return int(exc.code or 0)


class ProjectFile(RuleBasedStateMachine):
    """The file after each step against a model: respondents in order, units in order."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = self.folder / "p.ahp.toml"
        self.live = None  # a Project kept between API steps (dropped when the CLI writes)
        self.respondents: list[list] = []
        self.units: dict[str, dict[str, str]] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize(demo=st.booleans())
    def start(self, demo: bool) -> None:
        if demo:
            shutil.copy(DEMO, self.path)
        else:
            new_project(self.path)
        self.respondents = [[n, w, j] for n, w, j in held(self.path)[0]]
        self.units = dict(held(self.path)[1])
        self.pairs = pair_columns(load_project(self.path).model.root)
        self.factors = [leaf.path for leaf in load_project(self.path).ranking()]

    # -- the model --------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [r[0] for r in self.respondents]

    def project(self):
        if self.live is None:
            self.live = load_project(self.path)
        return self.live

    def expect(self, ok: bool, status: int | None = None, error: Exception | None = None) -> bool:
        """Whether the step had to succeed; checks the API or CLI agreed."""
        if status is not None:
            assert status == (0 if ok else 2), status
        if error is not None:
            assert not ok, error
        return ok

    def api(self, change) -> bool:
        """Run ``change(project)`` then save; False if it raised AHPError (then nothing is written)."""
        p = self.project()
        try:
            change(p)
            p.save()
        except AHPError:
            self.live = None  # the half-changed project is not the file
            return False
        return True

    # -- rules -------------------------------------------------------------------------------
    @rule(name=NAMES, weight=WEIGHTS, via_cli=st.booleans())
    def add(self, name: str, weight: float, via_cli: bool) -> None:
        ok = bool(name.strip()) and name.strip() not in self.names()
        if via_cli:
            self.live = None
            self.expect(ok, status=cli("respondent", "add", str(self.path), "--weight", repr(weight), "--", name))
        else:
            assert self.api(lambda p: p.add_respondent(name, weight)) == ok
        if ok:
            self.respondents.append([name.strip(), weight, {}])

    @rule(
        name=st.tuples(NAMES, st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), NAMES).map("".join),
        via_cli=st.booleans(),
    )
    def add_unwritable(self, name: str, via_cli: bool) -> None:
        """A lone surrogate: no UTF-8 file can hold it, so the save is refused and nothing changes."""
        if via_cli:
            self.live = None
            self.expect(False, status=cli("respondent", "add", str(self.path), "--", name))
        else:
            assert not self.api(lambda p: p.add_respondent(name))

    @precondition(lambda self: self.respondents)
    @rule(data=st.data(), new=NAMES, via_cli=st.booleans())
    def rename(self, data, new: str, via_cli: bool) -> None:
        k = data.draw(st.integers(0, len(self.respondents) - 1))
        old = self.respondents[k][0]
        ok = bool(new.strip()) and (new.strip() == old or new.strip() not in self.names())
        if via_cli:
            self.live = None
            self.expect(ok, status=cli("respondent", "rename", str(self.path), "--", old, new))
        else:
            assert self.api(lambda p: p.rename_respondent(old, new)) == ok
        if ok:
            self.respondents[k][0] = new.strip()

    @precondition(lambda self: self.respondents)
    @rule(data=st.data(), weight=WEIGHTS, via_cli=st.booleans())
    def reweigh(self, data, weight: float, via_cli: bool) -> None:
        k = data.draw(st.integers(0, len(self.respondents) - 1))
        name = self.respondents[k][0]
        if via_cli:
            self.live = None
            self.expect(True, status=cli("respondent", "weight", str(self.path), "--", name, repr(weight)))
        else:
            assert self.api(lambda p: p.set_respondent_weight(name, weight))
        self.respondents[k][1] = weight

    @precondition(lambda self: self.respondents)
    @rule(data=st.data(), via_cli=st.booleans())
    def remove(self, data, via_cli: bool) -> None:
        k = data.draw(st.integers(0, len(self.respondents) - 1))
        name = self.respondents[k][0]
        if via_cli:
            self.live = None
            self.expect(True, status=cli("respondent", "remove", str(self.path), "--", name))
        else:
            assert self.api(lambda p: p.remove_respondent(name))
        del self.respondents[k]

    @precondition(lambda self: self.respondents)
    @rule(data=st.data(), value=st.one_of(st.none(), st.sampled_from(SCALE)))
    def judge(self, data, value: float | None) -> None:
        k = data.draw(st.integers(0, len(self.respondents) - 1))
        column = data.draw(st.sampled_from(self.pairs))
        assert self.api(lambda p: p.set_judgment(k, column.path, column.a, column.b, value))
        node = self.respondents[k][2].setdefault(column.path, {})
        pair, turned = canonical(column.a, column.b, 1.0 if value is None else value)
        if value is None:
            node.pop(pair, None)
        else:
            node[pair] = turned
        if not node:
            del self.respondents[k][2][column.path]

    @rule(data=st.data(), rows=st.lists(st.tuples(NAMES, st.none() | WEIGHTS), min_size=1, max_size=4))
    def import_survey(self, data, rows: list) -> None:
        columns = data.draw(st.lists(st.sampled_from(self.pairs), min_size=1, max_size=6, unique=True))
        cells = [[data.draw(st.sampled_from(["", "3", "1/5", "9", "1", "1/2"])) for _ in columns] for _ in rows]
        survey = self.folder / "survey.csv"
        with open(survey, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["respondent", "weight", *(c.header for c in columns)])
            for (name, weight), row in zip(rows, cells, strict=True):
                writer.writerow([name, "" if weight is None else repr(weight), *row])
        kept = [
            k
            for k, ((name, weight), row) in enumerate(zip(rows, cells, strict=True))
            if name.strip() or weight is not None or any(row)
        ]
        rows, cells = [rows[k] for k in kept], [cells[k] for k in kept]  # a blank line is skipped
        stripped = [name.strip() for name, _ in rows]
        ok = (
            bool(rows)
            and all(stripped)
            and len(set(stripped)) == len(stripped)
            and not set(stripped) & set(self.names())
        )
        self.live = None
        self.expect(ok, status=cli("import", str(survey), "--into", str(self.path)))
        if ok:
            for name, (_, weight), row in zip(stripped, rows, cells, strict=True):
                judgments: dict = {}
                for column, cell in zip(columns, row, strict=True):
                    if cell:
                        pair, value = canonical(column.a, column.b, parse_value(cell))
                        judgments.setdefault(column.path, {})[pair] = value
                self.respondents.append([name, 1.0 if weight is None else weight, judgments])

    @rule(data=st.data(), names=st.lists(NAMES, min_size=1, max_size=3))
    def import_ratings(self, data, names: list[str]) -> None:
        columns = data.draw(st.lists(st.sampled_from(self.factors), min_size=1, max_size=5, unique=True))
        cells = [[data.draw(st.sampled_from(["", *GRADES])) for _ in columns] for _ in names]
        sheet = self.folder / "ratings.csv"
        with open(sheet, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["unit", *columns])
            for name, row in zip(names, cells, strict=True):
                writer.writerow([name, *row])
        kept = [k for k, (name, row) in enumerate(zip(names, cells, strict=True)) if name.strip() or any(row)]
        names, cells = [names[k] for k in kept], [cells[k] for k in kept]  # a blank line is skipped
        stripped = [name.strip() for name in names]
        ok = all(stripped) and len(set(stripped)) == len(stripped)
        self.live = None
        self.expect(ok, status=cli("ratings", "import", str(sheet), "--into", str(self.path)))
        if ok:
            for name, row in zip(stripped, cells, strict=True):
                self.units.setdefault(name, {}).update((c, g) for c, g in zip(columns, row, strict=True) if g)

    @invariant()
    def file_holds_the_model(self) -> None:
        if not self.path.exists():
            return
        respondents, units = held(self.path)
        assert [(n, w) for n, w, _ in respondents] == [(n, w) for n, w, _ in self.respondents]
        for (_, _, got), (_, _, want) in zip(respondents, self.respondents, strict=True):
            assert got.keys() == want.keys()
            for path in got:
                assert got[path].keys() == want[path].keys()
                assert all(math.isclose(got[path][p], want[path][p], rel_tol=1e-9) for p in got[path])
        assert units == list(self.units.items())


ProjectFile.TestCase.settings = settings(
    max_examples=examples(20),
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_project_file_after_any_sequence = ProjectFile.TestCase
