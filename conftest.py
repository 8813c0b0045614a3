"""Test configuration shared by the suite, the README and the docs' doctests."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

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
# Mutation testing runs the suite once per mutant: a few fixed examples per property keep the run
# short, and the same ones every run keep its score reproducible.  A failure there only has to be
# noticed, not explained, so it is not shrunk.
settings.register_profile(
    "mutation",
    max_examples=20,
    derandomize=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    **common,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "local"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the mutation profile, run the example tests before the property tests.

    The order changes no verdict: a mutant is killed by the first failing test (mutmut runs
    with -x), and the example tests are the fast ones, so killed mutants stop sooner.
    """
    if config.getoption("hypothesis_profile", None) == "mutation":
        items.sort(
            key=lambda item: getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        )
