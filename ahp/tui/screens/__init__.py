"""The screens of the TUI: one screen per file."""
