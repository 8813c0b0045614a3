r"""Eligibility: may a subscription add seats self-service, and if not, every reason why.

:func:`check_eligibility` evaluates every rule of a :class:`~seatcalc.Policy` against a
subscription on a date and returns an :class:`Eligibility` holding **all** the failing
:class:`Reason`\ s, in the canonical order of :class:`ReasonCode`.  Each rule is one entry of
one table, ``_RULES``: its code, when it fails, and the facts its reason reports.  A reason's
sentence, in the reader's language, comes from :mod:`seatcalc._messages`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Final, NamedTuple, Self

import attrs
from babel.core import Locale

from seatcalc._validate import check_count, check_date, check_keys, check_mapping
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.policy import (
    DEFAULT_POLICY,
    Policy,
    countries_in,
)
from seatcalc.reasons import Fact, Reason, ReasonCode, in_canonical_order
from seatcalc.subscription import Subscription

__all__ = [
    "Eligibility",
    "Fact",
    "Reason",
    "ReasonCode",
    "check_eligibility",
]


@attrs.frozen
class Eligibility:
    """The outcome of :func:`check_eligibility`: every failing reason, in canonical order.

    ``eligible`` is true exactly when there is no reason.  Reasons are kept in the order of
    :class:`ReasonCode`, whatever order they are given in, and each code appears at most once.

    .. versionadded:: 0.1.0
    """

    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=in_canonical_order)

    @property
    def eligible(self) -> bool:
        """Whether the subscription may add seats self-service (no rule failed)."""
        return not self.reasons

    @property
    def codes(self) -> tuple[ReasonCode, ...]:
        """The codes of the failing rules, in canonical order."""
        return tuple(reason.code for reason in self.reasons)

    def messages(self, locale: str | Locale = "en") -> tuple[str, ...]:
        """Return each reason's :meth:`Reason.message` in ``locale``."""
        return tuple(reason.message(locale) for reason in self.reasons)

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the outcome, then each failing rule's code and sentence, written for ``locale``.

        >>> import datetime as dt
        >>> from seatcalc import Money, Subscription
        >>> sub = Subscription(
        ...     seats=3,
        ...     unit_price=Money("600.00", "EUR"),
        ...     term_start=dt.date(2026, 1, 1),
        ...     term_end=dt.date(2027, 1, 1),
        ...     country="FR",
        ...     channel="reseller",
        ... )
        >>> print(check_eligibility(sub, dt.date(2026, 7, 1)).explain("en"))
        Not eligible: 1 rule fails, so seats cannot be added self-service
        CHANNEL_NOT_DIRECT: Seats can be added self-service only to subscriptions bought directly from the vendor's web store; this subscription was bought through a reseller or partner.

        .. versionadded:: 0.1.0
        """  # noqa: E501 - a doctest's output is one line
        from seatcalc._explain_eligibility import explain_eligibility  # noqa: PLC0415 - first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_eligibility(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table: one row per failing reason."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict with ``eligible`` and the reasons' :meth:`Reason.to_dict`.

        >>> Eligibility().to_dict()
        {'eligible': True, 'reasons': []}
        """
        return {"eligible": self.eligible, "reasons": [r.to_dict() for r in self.reasons]}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build an outcome from :meth:`to_dict`'s form; ``eligible`` must agree with it."""
        mapping = check_keys(data, "Eligibility", ("reasons",), ("eligible",))
        raw = mapping["reasons"]
        if isinstance(raw, str | Mapping) or not isinstance(raw, Iterable):
            raise InvalidTypeError(field="reasons", value=raw, expected="a list of reason mappings")
        items: list[Reason] = []
        for index, item in enumerate(raw):
            with reported_within(f"reasons[{index}]"):
                items.append(Reason.from_dict(check_mapping(item, "", "a reason mapping")))
        outcome = cls(tuple(items))
        if "eligible" in mapping and mapping["eligible"] is not outcome.eligible:
            raise InvalidValueError(
                field="eligible",
                value=mapping["eligible"],
                expected=f"{outcome.eligible} since there are {len(items)} reason(s)",
                code=ErrorCode.INCONSISTENT,
            )
        return outcome


_ELIGIBLE: Final = Eligibility()


class _Rule(NamedTuple):
    """One eligibility rule: its code, when it fails, and the facts its reason reports."""

    code: ReasonCode
    fails: Callable[[Subscription, dt.date, Policy, int], bool]
    facts: Callable[[Subscription, dt.date, Policy, int], dict[str, Fact]]


# The rules, in canonical order.  Each reads (subscription, on, policy, adding).
_RULES: Final = (
    _Rule(
        ReasonCode.OUTSIDE_TERM,
        lambda sub, on, _policy, _adding: not sub.term_start <= on < sub.term_end,
        lambda sub, on, _policy, _adding: {
            "on": on,
            "term_start": sub.term_start,
            "term_end": sub.term_end,
        },
    ),
    _Rule(
        ReasonCode.CHANNEL_NOT_DIRECT,
        lambda sub, _on, policy, _adding: sub.channel not in policy.channels,
        lambda sub, _on, policy, _adding: {
            "channel": sub.channel,
            "allowed_channels": tuple(sorted(policy.channels)),
        },
    ),
    _Rule(
        ReasonCode.REGION_NOT_SUPPORTED,
        lambda sub, _on, policy, _adding: sub.country not in policy.allowed_countries,
        lambda sub, _on, policy, _adding: {
            "country": sub.country,
            "allowed": tuple(sorted(policy.allowed)),
        },
    ),
    _Rule(
        ReasonCode.REGION_EXCLUDED,
        lambda sub, _on, policy, _adding: sub.country in policy.excluded_countries,
        lambda sub, _on, policy, _adding: {
            "country": sub.country,
            "excluded_by": tuple(
                sorted(code for code in policy.excluded if sub.country in countries_in(code))
            ),
        },
    ),
    _Rule(
        ReasonCode.PURCHASED_BEFORE_CUTOFF,
        lambda sub, _on, policy, _adding: (
            policy.cutoff is not None and sub.purchased_on < policy.cutoff
        ),
        lambda sub, _on, policy, _adding: {
            "purchased_on": sub.purchased_on,
            "cutoff": policy.cutoff,  # type: ignore[dict-item] # not None when the rule fails
        },
    ),
    _Rule(
        ReasonCode.PRODUCT_EXCLUDED,
        lambda sub, _on, policy, _adding: sub.product in policy.excluded_products,
        lambda sub, _on, _policy, _adding: {"product": sub.product},
    ),
    _Rule(
        ReasonCode.PLAN_EXCLUDED,
        lambda sub, _on, policy, _adding: sub.plan in policy.excluded_plans,
        lambda sub, _on, _policy, _adding: {"plan": sub.plan},
    ),
    _Rule(
        ReasonCode.AUTO_RENEW_OFF,
        lambda sub, _on, policy, _adding: policy.auto_renew_required and not sub.auto_renew,
        lambda _sub, _on, _policy, _adding: {"auto_renew": False},
    ),
    _Rule(
        ReasonCode.SEAT_LIMIT_REACHED,
        lambda sub, _on, policy, _adding: (
            policy.max_seats is not None and sub.seats >= policy.max_seats
        ),
        lambda sub, _on, policy, _adding: {
            "seats": sub.seats,
            "max_seats": policy.max_seats,  # type: ignore[dict-item] # not None when it fails
        },
    ),
    _Rule(
        ReasonCode.SEAT_LIMIT_EXCEEDED,
        lambda sub, _on, policy, adding: (
            policy.max_seats is not None and sub.seats < policy.max_seats < sub.seats + adding
        ),
        lambda sub, _on, policy, adding: {
            "seats": sub.seats,
            "adding": adding,
            "max_seats": policy.max_seats,  # type: ignore[dict-item] # not None when it fails
        },
    ),
)


def check_eligibility(
    subscription: Subscription,
    on: dt.date,
    *,
    policy: Policy = DEFAULT_POLICY,
    adding: int = 0,
) -> Eligibility:
    """Check whether ``subscription`` may add seats self-service on day ``on``.

    Every rule of ``policy`` is evaluated, and every failing one is reported, in the order
    of :class:`ReasonCode`:

    ============================  ==================================================
    code                          fails when
    ============================  ==================================================
    ``OUTSIDE_TERM``              ``on`` is not in ``[term_start, term_end)``
    ``CHANNEL_NOT_DIRECT``        the channel is not in ``policy.channels``
    ``REGION_NOT_SUPPORTED``      the country is in no allowed country or region
    ``REGION_EXCLUDED``           the country is excluded (by itself or a region)
    ``PURCHASED_BEFORE_CUTOFF``   ``purchased_on`` is before ``policy.cutoff``
    ``PRODUCT_EXCLUDED``          the product is in ``policy.excluded_products``
    ``PLAN_EXCLUDED``             the plan is in ``policy.excluded_plans``
    ``AUTO_RENEW_OFF``            auto-renewal is required and off
    ``SEAT_LIMIT_REACHED``        the subscription has ``policy.max_seats`` seats or more
    ``SEAT_LIMIT_EXCEEDED``       ``adding`` seats would take it past ``policy.max_seats``
    ============================  ==================================================

    The rules are independent: a country that is both outside the allowed places and excluded
    gets both reasons.

    >>> import datetime as dt
    >>> from seatcalc import Money, Policy
    >>> sub = Subscription(
    ...     seats=3,
    ...     unit_price=Money("600.00", "EUR"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="FR",
    ... )
    >>> check_eligibility(sub, dt.date(2026, 7, 1)).eligible
    True
    >>> check_eligibility(sub, dt.date(2026, 7, 1), policy=Policy(max_seats=5), adding=4).codes
    (<ReasonCode.SEAT_LIMIT_EXCEEDED: 'SEAT_LIMIT_EXCEEDED'>,)

    Args:
        subscription: the subscription that would add seats.
        on: the day of the check.
        policy: the rules; :data:`~seatcalc.DEFAULT_POLICY` by default.
        adding: how many seats would be added (0, the default, when no number is asked about:
            then only ``SEAT_LIMIT_REACHED`` looks at the seat limit).

    Raises:
        InvalidTypeError: ``on`` is not a date (a ``datetime`` is refused), or
            ``subscription``, ``policy`` or ``adding`` has the wrong type.
        InvalidValueError: ``adding`` is negative.

    .. versionadded:: 0.1.0
    """
    if type(on) is not dt.date:
        on = check_date(on, "on")
    if type(adding) is not int or adding < 0:
        adding = check_count(adding, "adding", minimum=0)
    given: tuple[object, object] = (subscription, policy)
    if not isinstance(given[0], Subscription):
        raise InvalidTypeError(
            field="subscription", value=subscription, expected="a seatcalc.Subscription"
        )
    if not isinstance(given[1], Policy):
        raise InvalidTypeError(
            field="policy", value=policy, expected="a Policy, such as DEFAULT_POLICY"
        )
    found: list[Reason] = []
    for code, fails, facts in _RULES:
        if fails(subscription, on, policy, adding):
            found.append(Reason(code, facts(subscription, on, policy, adding)))
    return Eligibility(found) if found else _ELIGIBLE
