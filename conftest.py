"""Test configuration shared by the suite, the README and the docs' doctests."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Sphinx's configuration is not a module to test.
collect_ignore = ["docs/conf.py"]

# Every property runs at least 500 examples, locally and in CI: the suite stays under a minute
# and a rule that fails one time in a few hundred is still caught.
settings.register_profile(
    "seatcalc",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("seatcalc")
