"""Export the results, or the full report, to a file the user names and confirms; the extension
picks the format."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from ahp.tui.texts import t

FORMATS = {".csv": "csv", ".json": "json", ".md": "md"}
EXTENSIONS = {fmt: ext for ext, fmt in FORMATS.items()}


REPORT_FORMATS = {".html": "html", ".md": "md", ".xlsx": "xlsx", ".docx": "docx"}
#: Monte Carlo draws behind the report's sensitivity summary.
REPORT_DRAWS = 2_000


def default_name(project_path: Path, fmt: str) -> Path:
    """``churn.ahp.toml`` -> ``churn-results.csv`` next to it.

    >>> default_name(Path("/w/churn.ahp.toml"), "md").name
    'churn-results.md'
    """
    stem = project_path.name.removesuffix(".toml").removesuffix(".ahp")
    return project_path.with_name(f"{stem}-results{EXTENSIONS[fmt]}")


class _FileScreen(ModalScreen[Path | None]):
    """A file-name prompt whose extension picks the format: enter writes (asking once more before
    replacing a file), esc cancels. Subclasses name the formats and do the writing."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    #: file extension -> format
    formats: dict[str, str] = {}
    #: the texts key of the message for an extension not in ``formats``
    bad_extension = "bad extension"

    def __init__(self, initial: Path) -> None:
        super().__init__()
        self.initial = initial
        self.confirmed_overwrite: Path | None = None

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)

    def on_input_changed(self) -> None:
        self.confirmed_overwrite = None
        self.query_one("#export-message", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        lang = self.app.language
        target = Path(event.value.strip()).expanduser()
        fmt = self.formats.get(target.suffix.lower())
        message = self.query_one("#export-message", Static)
        if fmt is None:
            message.update(t(self.bad_extension, lang))
            return
        if target.exists() and self.confirmed_overwrite != target:
            self.confirmed_overwrite = target
            message.update(t("exists", lang, name=target.name))
            return
        self.write(target, fmt)
        self.dismiss(target)

    def write(self, target: Path, fmt: str) -> None:
        """Write ``target`` in ``fmt`` (the app does the file I/O in a worker)."""
        raise NotImplementedError


class ExportScreen(_FileScreen):
    """The results as CSV, JSON or Markdown."""

    formats = FORMATS

    def __init__(self, project_path: Path, fmt: str = "csv") -> None:
        super().__init__(default_name(project_path, fmt))

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with Vertical(id="export-box"):
            yield Static(t("export title", lang), classes="caption")
            yield Static(t("export help", lang), id="export-help")
            yield Input(str(self.initial), id="export-name")
            yield Static(id="export-message")

    def write(self, target: Path, fmt: str) -> None:
        from ahp.io.export import render
        from ahp.tui.writing import write_export

        s = self.app.session  # type: ignore[attr-defined]
        text = render(s.project, s.results(), fmt, respondent=s.results_respondent(), language=self.app.language)
        write_export(self.app, target, text)


class ReportScreen(_FileScreen):
    """The full report: a file name (``.html``, ``.md``, ``.xlsx``, ``.docx``) and whether to include sensitivity."""

    formats = REPORT_FORMATS
    bad_extension = "report bad extension"

    def __init__(self, project_path: Path, fmt: str = "html") -> None:
        stem = project_path.name.removesuffix(".toml").removesuffix(".ahp")
        super().__init__(project_path.with_name(f"{stem}-report.{fmt}"))

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with Vertical(id="export-box"):
            yield Static(t("report title", lang), classes="caption")
            yield Static(t("report help", lang), id="export-help")
            yield Input(str(self.initial), id="export-name", select_on_focus=True)
            yield Checkbox(t("with sensitivity", lang), True, id="report-sensitivity")
            yield Static(id="export-message")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def write(self, target: Path, fmt: str) -> None:
        from ahp.tui.writing import write_report

        draws = REPORT_DRAWS if self.query_one(Checkbox).value else None
        write_report(self.app, self.app.session, self.app.language, target, fmt, draws)  # type: ignore[attr-defined]
