"""``python -m ahp``: the same as the ``ahp`` command."""

import sys

from ahp.cli import main

sys.exit(main())
