"""``python -m ahp``: the same as the ``ahp`` command."""

from ahp.cli import run

if __name__ == "__main__":
    run()
