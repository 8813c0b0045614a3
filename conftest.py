"""Test configuration shared by the suite, the README and the docs' doctests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Sphinx's configuration is not a module to test.
collect_ignore = ["docs/conf.py"]

# In CI (where CI=true) every property runs 500 examples, the same ones on every run, so a rule
# that fails one time in a few hundred is still caught and a gate never passes or fails by luck.
# Locally each property runs 100 new examples every time, to keep exploring while the suite stays
# quick; HYPOTHESIS_PROFILE=ci runs the CI profile locally.
IN_CI = os.environ.get("CI") == "true"
common = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=500, derandomize=True, **common)
settings.register_profile("local", max_examples=100, **common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "local"))
