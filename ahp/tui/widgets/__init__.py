"""The widgets of the TUI: one widget per file."""
