"""How a node's consistency status is marked on every screen: a sign and its colour."""

STATUS_STYLE = {"consistent": "bold green", "inconsistent": "bold red", "incomplete": "bold yellow"}
STATUS_MARK = {"consistent": "✓", "inconsistent": "✗", "incomplete": "?"}
