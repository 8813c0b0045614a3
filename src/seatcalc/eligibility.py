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
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final, NamedTuple, Self, TypeAlias

import attrs
from babel.core import Locale

from seatcalc._validate import check_count, check_date, check_keys, check_mapping, parse_date
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.policy import (
    DEFAULT_POLICY,
    Policy,
    check_territory,
    countries_in,
    countries_of,
)
from seatcalc.subscription import Subscription, check_channel

__all__ = [
    "Eligibility",
    "Fact",
    "Reason",
    "ReasonCode",
    "check_eligibility",
]


class ReasonCode(StrEnum):
    """The stable machine code of each eligibility rule, in canonical order.

    :func:`check_eligibility` reports failing rules in the order they are declared here: first
    the term, then the rules of the vendor's FAQ as it states them (channel, region, purchase
    date, excluded products and plans, auto-renewal), then the seat limit.  Each member is a
    ``str``, so ``ReasonCode.AUTO_RENEW_OFF == "AUTO_RENEW_OFF"``.

    .. versionadded:: 0.1.0
    """

    #: The date is not in the current term ``[term_start, term_end)``.
    OUTSIDE_TERM = "OUTSIDE_TERM"
    #: The subscription came through a channel the policy does not allow (a reseller, by
    #: default).
    CHANNEL_NOT_DIRECT = "CHANNEL_NOT_DIRECT"
    #: The subscription's country is in none of the policy's allowed countries and regions.
    REGION_NOT_SUPPORTED = "REGION_NOT_SUPPORTED"
    #: The subscription's country is excluded, by itself or through an excluded region.
    REGION_EXCLUDED = "REGION_EXCLUDED"
    #: The subscription was bought before the policy's cutoff date.
    PURCHASED_BEFORE_CUTOFF = "PURCHASED_BEFORE_CUTOFF"
    #: The subscription's product is excluded.
    PRODUCT_EXCLUDED = "PRODUCT_EXCLUDED"
    #: The subscription's plan is excluded.
    PLAN_EXCLUDED = "PLAN_EXCLUDED"
    #: The policy requires auto-renewal and the subscription does not renew automatically.
    AUTO_RENEW_OFF = "AUTO_RENEW_OFF"
    #: The subscription already has the policy's maximum number of seats.
    SEAT_LIMIT_REACHED = "SEAT_LIMIT_REACHED"
    #: The seats being added would take the subscription past the policy's maximum (checked
    #: when the number is known: ``check_eligibility(..., adding=n)`` and quotes).
    SEAT_LIMIT_EXCEEDED = "SEAT_LIMIT_EXCEEDED"


_ORDER: Final = {code: index for index, code in enumerate(ReasonCode)}

# The facts each reason carries, with their kinds: "date", "str", "codes" (a tuple of str),
# "int" and "bool".  Messages use these names as placeholders.
_FACTS: Final[dict[ReasonCode, dict[str, str]]] = {
    ReasonCode.OUTSIDE_TERM: {"on": "date", "term_start": "date", "term_end": "date"},
    ReasonCode.CHANNEL_NOT_DIRECT: {"channel": "str", "allowed_channels": "codes"},
    ReasonCode.REGION_NOT_SUPPORTED: {"country": "str", "allowed": "codes"},
    ReasonCode.REGION_EXCLUDED: {"country": "str", "excluded_by": "codes"},
    ReasonCode.PURCHASED_BEFORE_CUTOFF: {"purchased_on": "date", "cutoff": "date"},
    ReasonCode.PRODUCT_EXCLUDED: {"product": "str"},
    ReasonCode.PLAN_EXCLUDED: {"plan": "str"},
    ReasonCode.AUTO_RENEW_OFF: {"auto_renew": "bool"},
    ReasonCode.SEAT_LIMIT_REACHED: {"seats": "int", "max_seats": "int"},
    ReasonCode.SEAT_LIMIT_EXCEEDED: {"seats": "int", "adding": "int", "max_seats": "int"},
}

# English message ids (gettext msgids); the catalogs in seatcalc/locale translate them.  The
# channel rule has one message per channel the subscription may have come through.
#: A fact a reason carries: a code or name, a date, a count, a flag or a tuple of codes.
Fact: TypeAlias = str | int | bool | dt.date | tuple[str, ...]


def _check_facts(code: ReasonCode, facts: Mapping[str, object]) -> None:
    expected = _FACTS[code]
    if set(facts) != set(expected):
        raise InvalidValueError(
            field="facts",
            value=sorted(map(str, facts)),
            got=f"the keys {sorted(map(str, facts))} for {code.value}",
            expected=f"exactly {sorted(expected)}",
            code=ErrorCode.MALFORMED_RECORD,
        )
    for name, kind in expected.items():
        value = facts[name]
        if kind == "date":
            check_date(value, f"facts.{name}")
            continue
        valid = {
            "str": isinstance(value, str),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "codes": isinstance(value, tuple) and all(isinstance(item, str) for item in value),
        }[kind]
        if not valid:
            what = {"codes": "a tuple of str"}.get(kind, f"a {kind}")
            raise InvalidTypeError(field=f"facts.{name}", value=value, expected=what)
    if code is ReasonCode.CHANNEL_NOT_DIRECT:
        check_channel(facts["channel"], "facts.channel")
    contradiction = _CONTRADICTIONS[code](facts)
    if contradiction is not None:
        name, expected_value = contradiction
        raise InvalidValueError(
            field=f"facts.{name}",
            value=facts[name],
            problem=f", which contradicts the code {code.value}",
            expected=expected_value,
            code=ErrorCode.INCONSISTENT,
        )


def _outside_term(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    if facts["term_start"] >= facts["term_end"]:
        return "term_end", "a date after term_start"
    if facts["term_start"] <= facts["on"] < facts["term_end"]:
        return "on", "a date outside [term_start, term_end)"
    return None


def _channel_refused(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    if facts["channel"] in facts["allowed_channels"]:
        return "channel", "a channel not in allowed_channels"
    return None


def _not_supported(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    for code in facts["allowed"]:
        check_territory(code, "facts.allowed")
    if facts["country"] in countries_of(facts["allowed"]):
        return "country", "a country in none of the allowed codes"
    return None


def _excluded_by(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    for code in facts["excluded_by"]:
        check_territory(code, "facts.excluded_by")
    if not facts["excluded_by"] or any(
        facts["country"] not in countries_in(code) for code in facts["excluded_by"]
    ):
        return "excluded_by", "the excluded codes that contain the country (at least one)"
    return None


def _before_cutoff(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    if facts["purchased_on"] >= facts["cutoff"]:
        return "purchased_on", "a date before cutoff"
    return None


def _named(name: str) -> Callable[[Mapping[str, Any]], tuple[str, str] | None]:
    return lambda facts: None if facts[name] else (name, "a non-empty name")


def _limit_reached(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    if facts["seats"] < facts["max_seats"]:
        return "seats", "a count >= max_seats"
    return None


def _limit_exceeded(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    if not facts["seats"] < facts["max_seats"] < facts["seats"] + facts["adding"]:
        return "adding", "a count that takes seats past max_seats, from below it"
    return None


# For each code, the check that its facts say what the code says (a reason whose facts
# contradict its code is refused): None, or the fact at fault and what it should be.
_CONTRADICTIONS: Final[dict[ReasonCode, Callable[[Mapping[str, Any]], tuple[str, str] | None]]] = {
    ReasonCode.OUTSIDE_TERM: _outside_term,
    ReasonCode.CHANNEL_NOT_DIRECT: _channel_refused,
    ReasonCode.REGION_NOT_SUPPORTED: _not_supported,
    ReasonCode.REGION_EXCLUDED: _excluded_by,
    ReasonCode.PURCHASED_BEFORE_CUTOFF: _before_cutoff,
    ReasonCode.PRODUCT_EXCLUDED: _named("product"),
    ReasonCode.PLAN_EXCLUDED: _named("plan"),
    ReasonCode.AUTO_RENEW_OFF: lambda facts: (
        ("auto_renew", "False") if facts["auto_renew"] else None
    ),
    ReasonCode.SEAT_LIMIT_REACHED: _limit_reached,
    ReasonCode.SEAT_LIMIT_EXCEEDED: _limit_exceeded,
}


def _to_code(value: object) -> ReasonCode:
    if isinstance(value, ReasonCode):
        return value
    if isinstance(value, str) and value in ReasonCode.__members__:
        return ReasonCode(value)
    expected = f"one of {', '.join(ReasonCode)}"
    if not isinstance(value, str):
        raise InvalidTypeError(field="code", value=value, expected=expected)
    raise InvalidValueError(
        field="code", value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )


def _freeze(facts: Mapping[str, Fact]) -> Mapping[str, Fact]:
    given: object = facts
    if not isinstance(given, Mapping):
        raise InvalidTypeError(
            field="facts", value=facts, expected="a mapping of fact names to values"
        )
    return MappingProxyType(dict(facts))


@attrs.frozen
class Reason:
    """One failing rule: its :class:`ReasonCode`, the facts it used, and a message.

    ``facts`` is a read-only mapping whose keys depend on the code: ``country`` and
    ``allowed`` (the policy's allowed codes) for :attr:`ReasonCode.REGION_NOT_SUPPORTED`,
    ``purchased_on`` and ``cutoff`` for :attr:`ReasonCode.PURCHASED_BEFORE_CUTOFF`, and so on;
    the messages use them as placeholders.

    .. versionadded:: 0.1.0
    """

    code: ReasonCode = attrs.field(converter=_to_code, repr=lambda code: repr(code.value))
    facts: Mapping[str, Fact] = attrs.field(
        converter=_freeze, hash=False, repr=lambda facts: repr(dict(facts))
    )

    def __attrs_post_init__(self) -> None:
        """Check that the facts are the ones the code's message needs."""
        _check_facts(self.code, self.facts)

    def __reduce__(self) -> tuple[type[Self], tuple[str, dict[str, Fact]]]:
        """Pickle the facts as a plain dict (a read-only mapping view cannot be pickled)."""
        return type(self), (self.code.value, dict(self.facts))

    def message(self, locale: str | Locale = "en") -> str:
        """Return the reason as a sentence for a person reading ``locale``.

        Catalogs fall back from a regional locale to its language, then to English
        (``fr_CA`` uses the French catalog; ``pt_BR``, which has none, gets English throughout,
        names and dates included, so a sentence never mixes two languages).  Country and region
        names come from babel, and dates are written in babel's long format.

        >>> reason = Reason("REGION_EXCLUDED", {"country": "RU", "excluded_by": ("RU",)})
        >>> reason.message("de")
        'Im Land dieses Abonnements (Russland) können Lizenzplätze nicht per Self-Service hinzugefügt werden.'
        """  # noqa: E501 - a doctest's output is one line
        from seatcalc._i18n import check_locale  # noqa: PLC0415 - locale data loads on first use
        from seatcalc._messages import reason_message  # noqa: PLC0415

        return reason_message(self.code.value, self.facts, check_locale(locale))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: dates in ISO 8601, tuples as lists.

        >>> Reason("AUTO_RENEW_OFF", {"auto_renew": False}).to_dict()
        {'code': 'AUTO_RENEW_OFF', 'facts': {'auto_renew': False}}
        """
        facts: dict[str, object] = {}
        for name, value in self.facts.items():
            if isinstance(value, dt.date):
                facts[name] = value.isoformat()
            elif isinstance(value, tuple):
                facts[name] = list(value)
            else:
                facts[name] = value
        return {"code": self.code.value, "facts": facts}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a reason from :meth:`to_dict`'s form."""
        mapping = check_keys(data, "Reason", ("code", "facts"))
        code = _to_code(mapping["code"])
        raw = mapping["facts"]
        if not isinstance(raw, Mapping):
            raise InvalidTypeError(
                field="facts", value=raw, expected="a mapping of fact names to values"
            )
        facts: dict[str, Any] = dict(raw)
        for name, kind in _FACTS[code].items():
            if name in facts and kind == "date":
                facts[name] = parse_date(facts[name], f"facts.{name}")
            elif name in facts and kind == "codes" and isinstance(facts[name], list):
                facts[name] = tuple(facts[name])
        return cls(code, facts)


def _canonical(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    given: object = reasons
    if isinstance(given, str | Mapping) or not isinstance(given, Iterable):
        raise InvalidTypeError(
            field="reasons", value=reasons, expected="a collection of Reason values"
        )
    items: tuple[object, ...] = tuple(given)
    for index, item in enumerate(items):
        if not isinstance(item, Reason):
            raise InvalidTypeError(field=f"reasons[{index}]", value=item, expected="a Reason")
    ordered = tuple(sorted(reasons, key=lambda reason: _ORDER[reason.code]))
    codes = [reason.code.value for reason in ordered]
    if len(set(codes)) != len(codes):
        raise InvalidValueError(
            field="reasons",
            value=codes,
            got=f"the codes {codes}",
            expected="each code at most once",
            code=ErrorCode.DUPLICATE,
        )
    return ordered


@attrs.frozen
class Eligibility:
    """The outcome of :func:`check_eligibility`: every failing reason, in canonical order.

    ``eligible`` is true exactly when there is no reason.  Reasons are kept in the order of
    :class:`ReasonCode`, whatever order they are given in, and each code appears at most once.

    .. versionadded:: 0.1.0
    """

    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_canonical)

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
    found = [
        Reason(rule.code, rule.facts(subscription, on, policy, adding))
        for rule in _RULES
        if rule.fails(subscription, on, policy, adding)
    ]
    return Eligibility(found) if found else _ELIGIBLE
