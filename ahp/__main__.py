"""``python -m ahp``: the same as the ``ahp`` command."""

from ahp.cli import run

run()
