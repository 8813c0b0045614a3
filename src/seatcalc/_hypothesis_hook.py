"""The hook hypothesis calls through seatcalc's ``hypothesis`` entry point.

It lives apart from :mod:`seatcalc.strategies`, which imports hypothesis: when a program imports
``seatcalc.strategies`` first, hypothesis's own import runs the entry point while
``seatcalc.strategies`` is still half-built.  This module imports only seatcalc's values, so it is
complete by then, and it registers resolvers, not strategies: the strategies are looked up when
``st.from_type`` first needs one, once every module is complete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import NotImplementedType

    from hypothesis.strategies import SearchStrategy


def _resolve(kind: type) -> SearchStrategy[object] | NotImplementedType:
    # Hypothesis also calls a resolver for types other than the one it was registered for (for
    # ``object``, say, when it resolves ``st.from_type(object)``); returning NotImplemented
    # leaves those to hypothesis, as ``register_type_strategy`` documents.
    from seatcalc.strategies import TYPE_STRATEGIES  # noqa: PLC0415 - see the module docstring

    return TYPE_STRATEGIES.get(kind, NotImplemented)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each of seatcalc's value types with hypothesis."""
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is an optional extra

    from seatcalc.alignment import AlignmentQuote  # noqa: PLC0415
    from seatcalc.audit import ChargeCheck, ChargeMatch, ChargeVerdict  # noqa: PLC0415
    from seatcalc.conventions import Convention  # noqa: PLC0415
    from seatcalc.eligibility import Eligibility  # noqa: PLC0415
    from seatcalc.lifecycle import LifecyclePolicy, LifecycleState  # noqa: PLC0415
    from seatcalc.minor_units import MinorUnits  # noqa: PLC0415
    from seatcalc.money import Money  # noqa: PLC0415
    from seatcalc.policy import Policy  # noqa: PLC0415
    from seatcalc.proration import Proration  # noqa: PLC0415
    from seatcalc.quote import AddSeatsQuote  # noqa: PLC0415
    from seatcalc.removal import Decision, SeatReduction  # noqa: PLC0415
    from seatcalc.subscription import Subscription  # noqa: PLC0415
    from seatcalc.timing import AddTimingComparison  # noqa: PLC0415
    from seatcalc.usage import UsageReport  # noqa: PLC0415

    for kind in (
        Money,
        Subscription,
        Policy,
        LifecyclePolicy,
        Convention,
        AddSeatsQuote,
        Proration,
        Eligibility,
        Decision,
        SeatReduction,
        UsageReport,
        AddTimingComparison,
        AlignmentQuote,
        LifecycleState,
        MinorUnits,
        ChargeMatch,
        ChargeCheck,
        ChargeVerdict,
    ):
        st.register_type_strategy(kind, _resolve)
