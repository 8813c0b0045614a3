"""Run the command line: ``python -m seatcalc``."""

from __future__ import annotations

import sys

from seatcalc.cli import main

if __name__ == "__main__":
    sys.exit(main())
