"""Test configuration shared by the suite, the README and the docs' doctests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Sphinx's configuration is not a module to test.
collect_ignore = ["docs/conf.py"]

# Every property runs at least 500 examples, locally and in CI, so a rule that fails one time in
# a few hundred is still caught.  Local runs draw new examples every time, to keep exploring; CI
# (where CI=true) draws the same examples on every run, so a gate never passes or fails by luck.
settings.register_profile(
    "seatcalc",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    derandomize=os.environ.get("CI") == "true",
)
settings.load_profile("seatcalc")
