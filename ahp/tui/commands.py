"""The app's commands for the command palette: (action, title, help). Each screen adds its own
(``PALETTE`` of :class:`~ahp.tui.screens.base.ProjectScreen`)."""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("interview", "Interview mode", "Ask the pairs one at a time, in full sentences"),
    ("results", "Results", "The ranking of churn factors, criteria weights, hierarchy CR"),
    ("group", "Group: consensus and disagreement", "Consensus per node, each respondent against the group"),
    ("export", "Export results", "Write the results to a CSV, JSON or Markdown file"),
    ("export('csv')", "Export results as CSV", "Write the ranking to a .csv file"),
    ("export('json')", "Export results as JSON", "Write the results to a .json file"),
    ("export('md')", "Export results as Markdown", "Write a Markdown report"),
    ("sensitivity", "Sensitivity: tipping points and Monte Carlo",
     "How sure is the ranking: vary one weight, perturb every judgment"),
    ("ratings", "Ratings of units", "Rate each store, region or segment on every churn factor"),
    ("risk", "Churn risk and actions", "Units ranked by churn-risk index; what to fix first"),
    ("report('html')", "Export report as HTML", "One self-contained HTML file: weights, consistency, group, risk"),
    ("report('md')", "Export report as Markdown", "The full report as Markdown tables"),
    ("report('xlsx')", "Export report as XLSX", "The report's tables on sheets of an Excel workbook"),
    ("report('docx')", "Export report as Word",
     "The report as a Word document: real tables, headings for a contents page"),
    ("settings", "Settings", "Method, RI table, acceptance rule, λmax convention, practice, language (saved)"),
    ("language", "Toggle language (English / 中文)", "Show every label in English or Chinese"),
    ("undo", "Undo", "Undo the last judgment change or respondent removal"),
    ("redo", "Redo", "Redo the last undone change"),
    ("help", "Keys and help", "Every key of the current screen"),
    ("quit", "Quit", "Leave ahp (every change is saved as it is made)"),
)
