r"""Eligibility: may a subscription add seats self-service, and if not, every reason why.

A :class:`Policy` is plain data: where self-service adding is offered (countries and CLDR
regions), what is excluded, which sales channels qualify, the purchase cutoff date, whether
auto-renewal is required and an optional seat limit.  :func:`check_eligibility` evaluates every
rule of a policy against a subscription on a date and returns an :class:`Eligibility` holding
**all** the failing :class:`Reason`\ s, in the canonical order of :class:`ReasonCode`.

Regions come from CLDR's territory containment (generated into :mod:`seatcalc._territories` by
``tools/generate_territories.py``); messages come from gettext catalogs shipped in
``seatcalc/locale``, loaded on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final, Self, TypeAlias

import attrs
from babel.core import Locale

from seatcalc._territories import CLDR_VERSION, COUNTRIES, REGIONS
from seatcalc._validate import (
    check_bool,
    check_count,
    check_date,
    check_keys,
    check_mapping,
    parse_date,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.subscription import CHANNELS, Subscription

__all__ = [
    "CLDR_VERSION",
    "DEFAULT_POLICY",
    "Eligibility",
    "Policy",
    "Reason",
    "ReasonCode",
    "check_eligibility",
    "countries_in",
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
    #: The seats asked for would take the subscription past the policy's maximum (reported by
    #: :func:`~seatcalc.quote_add_seats`, which knows how many seats are added).
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
    ReasonCode.SEAT_LIMIT_EXCEEDED: {"seats": "int", "added": "int", "max_seats": "int"},
}

# English message ids (gettext msgids); the catalogs in seatcalc/locale translate them.  The
# channel rule has one message per channel the subscription may have come through.
_MESSAGES: Final[dict[ReasonCode, str]] = {
    ReasonCode.OUTSIDE_TERM: (
        "Seats can be added only during the current term, from %(term_start)s until its "
        "renewal on %(term_end)s; %(on)s is outside that term."
    ),
    ReasonCode.REGION_NOT_SUPPORTED: (
        "Seats can be added self-service only for customers in one of these places: "
        "%(allowed)s. This subscription's country, %(country)s, is not one of them."
    ),
    ReasonCode.REGION_EXCLUDED: (
        "Seats cannot be added self-service in this subscription's country (%(country)s)."
    ),
    ReasonCode.PURCHASED_BEFORE_CUTOFF: (
        "Seats can be added self-service only to subscriptions bought on or after "
        "%(cutoff)s; this subscription was bought on %(purchased_on)s."
    ),
    ReasonCode.PRODUCT_EXCLUDED: (
        "Seats cannot be added self-service to subscriptions of this product (%(product)s)."
    ),
    ReasonCode.PLAN_EXCLUDED: (
        "Seats cannot be added self-service to subscriptions on this plan (%(plan)s)."
    ),
    ReasonCode.AUTO_RENEW_OFF: (
        "Seats can be added self-service only to subscriptions that renew automatically; "
        "turn on auto-renewal for this subscription first."
    ),
    ReasonCode.SEAT_LIMIT_REACHED: (
        "Seats can be added self-service only while a subscription has fewer than "
        "%(max_seats)s of them; this subscription has %(seats)s."
    ),
    ReasonCode.SEAT_LIMIT_EXCEEDED: (
        "Self-service allows at most %(max_seats)s seats per subscription; adding %(added)s to "
        "the %(seats)s this subscription has would go beyond that."
    ),
}
_CHANNEL_MESSAGES: Final[dict[str, str]] = {
    "reseller": (
        "Seats can be added self-service only to subscriptions bought directly from the "
        "vendor's web store; this subscription was bought through a reseller or partner."
    ),
    "direct": (
        "Seats can be added self-service only to subscriptions bought through a reseller or "
        "partner; this subscription was bought directly from the vendor's web store."
    ),
}
# Every message id the catalogs must translate.
_MESSAGE_IDS: Final = (*_MESSAGES.values(), *_CHANNEL_MESSAGES.values())

#: A fact a reason carries: a code or name, a date, a count, a flag or a tuple of codes.
Fact: TypeAlias = str | int | bool | dt.date | tuple[str, ...]


def countries_in(code: str) -> frozenset[str]:
    """Return the countries a CLDR region holds, expanded through its sub-regions.

    A country code stands for itself.  The table comes from CLDR's territory containment
    (the CLDR release is :data:`seatcalc.eligibility.CLDR_VERSION`); deprecated codes are not in it.

    >>> sorted(countries_in("155"))  # Western Europe
    ['AT', 'BE', 'CH', 'DE', 'FR', 'LI', 'LU', 'MC', 'NL']
    >>> len(countries_in("150")), countries_in("FR")
    (53, frozenset({'FR'}))

    .. versionadded:: 0.1.0
    """
    region = REGIONS.get(code) if isinstance(code, str) else None
    if region is not None:
        return region
    return frozenset({_check_code(code, "code")})


def _check_code(value: object, field: str) -> str:
    """Return ``value`` if it is a CLDR region code or a country code in CLDR's table."""
    if isinstance(value, str) and (value in REGIONS or value in COUNTRIES):
        return value
    expected = (
        "an upper-case ISO 3166-1 alpha-2 country code such as 'US' or a CLDR region code such "
        "as '150' (Europe)"
    )
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    upper = value.upper()
    raise InvalidValueError(
        field=field,
        value=value,
        expected=expected,
        hint=f"did you mean {upper!r}?" if upper in REGIONS or upper in COUNTRIES else None,
        code=ErrorCode.UNKNOWN_TERRITORY,
    )


def _string_set(values: object, field: str, check: Callable[[object, str], str]) -> frozenset[str]:
    """Return ``values`` as a frozenset after checking each one; a bare str is refused."""
    if isinstance(values, str | Mapping) or not isinstance(values, Iterable):
        raise InvalidTypeError(
            field=field,
            value=values,
            expected="a collection of str such as {'US', 'CA'}",
            hint="a single str is refused: wrap it in a set" if isinstance(values, str) else None,
        )
    return frozenset(check(value, field) for value in values)


def _allowed(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "allowed", _check_code)


def _excluded(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded", _check_code)


def _channels(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "channels", _check_channel)


def _plans(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded_plans", _check_name)


def _products(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded_products", _check_name)


def _sorted(values: frozenset[str]) -> str:
    return repr(sorted(values))


def _check_channel(value: object, field: str) -> str:
    if isinstance(value, str) and value in CHANNELS:
        return value
    expected = f"one of {', '.join(map(repr, CHANNELS))}"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )


def _check_name(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected="non-empty names as str")
    if not value:
        raise InvalidValueError(
            field=field, value=value, expected="non-empty names as str", code=ErrorCode.EMPTY
        )
    return value


def _check_cutoff(_instance: object, _attribute: object, value: dt.date | None) -> None:
    if value is not None:
        check_date(value, "cutoff")


def _check_max_seats(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None:
        check_count(value, "max_seats")


def _check_flag(_instance: object, _attribute: object, value: bool) -> None:  # noqa: FBT001
    check_bool(value, "auto_renew_required")


def _expand(codes: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(countries_in(code) for code in codes))


@attrs.frozen(kw_only=True)
class Policy:
    """Who may add seats self-service: the rules as data.

    Every field has the seed's value as its default, so ``Policy() == DEFAULT_POLICY``:

    * ``allowed``: country codes (ISO 3166-1 alpha-2) and CLDR region codes where adding is
      offered; a region stands for every country it holds (``"150"``, Europe, is 53 countries,
      see :func:`countries_in`).  Default ``{"US", "CA", "150"}``.
    * ``excluded``: country or region codes excluded even when allowed.  Default none.
    * ``channels``: the sales channels that qualify, among :data:`~seatcalc.CHANNELS`.
      Default ``{"direct"}``.
    * ``cutoff``: subscriptions bought before this date do not qualify (``None``: no cutoff).
      Default 2016-01-01.
    * ``excluded_plans`` and ``excluded_products``: names that never qualify.  Default none.
    * ``auto_renew_required``: only subscriptions on auto-renewal qualify.  Default ``True``.
    * ``max_seats``: a subscription that already has this many seats cannot add more
      (``None``: no limit).  Default ``None``.

    A policy must admit someone: ``allowed`` and ``channels`` may not be empty, and an allowed
    entry whose every country is excluded is refused as a contradiction (``allowed={"RU"}``
    with ``excluded={"RU"}``, or ``allowed={"151"}`` with ``excluded={"150"}``).  Excluding
    part of an allowed region is what exclusions are for: ``allowed={"150"}`` with
    ``excluded={"RU"}`` is fine.  :meth:`allowing` and :meth:`excluding` build variants in one
    expression and remove the code from the other side, so they never contradict by
    themselves.

    The countries a policy admits are expanded once, when it is built, so checking a
    subscription is a few set lookups.

    >>> DEFAULT_POLICY.allowing("AU").excluding("RU", "BY").with_cutoff(None)
    Policy(allowed=['150', 'AU', 'CA', 'US'], excluded=['BY', 'RU'], channels=['direct'], cutoff=None, excluded_plans=[], excluded_products=[], auto_renew_required=True, max_seats=None)

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    allowed: frozenset[str] = attrs.field(
        default=frozenset({"US", "CA", "150"}),
        converter=_allowed,
        repr=_sorted,
    )
    excluded: frozenset[str] = attrs.field(default=frozenset(), converter=_excluded, repr=_sorted)
    channels: frozenset[str] = attrs.field(
        default=frozenset({"direct"}),
        converter=_channels,
        repr=_sorted,
    )
    cutoff: dt.date | None = attrs.field(default=dt.date(2016, 1, 1), validator=_check_cutoff)
    excluded_plans: frozenset[str] = attrs.field(
        default=frozenset(), converter=_plans, repr=_sorted
    )
    excluded_products: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=_products,
        repr=_sorted,
    )
    auto_renew_required: bool = attrs.field(default=True, validator=_check_flag)
    max_seats: int | None = attrs.field(default=None, validator=_check_max_seats)
    # Precomputed at construction: the countries each side stands for, and those that pass.
    _allowed_countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _excluded_countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Expand the regions and refuse a policy no subscription could ever meet."""
        if not self.allowed:
            raise InvalidValueError(
                field="allowed",
                value=[],
                got="an empty set",
                expected="at least one country or region code",
                code=ErrorCode.EMPTY,
            )
        if not self.channels:
            raise InvalidValueError(
                field="channels",
                value=[],
                got="an empty set",
                expected=f"at least one of {', '.join(CHANNELS)}",
                code=ErrorCode.EMPTY,
            )
        excluded = _expand(self.excluded)
        for code in sorted(self.allowed):
            if countries_in(code) <= excluded:
                by = sorted(
                    other for other in self.excluded if countries_in(code) & countries_in(other)
                )
                raise InvalidValueError(
                    field="allowed",
                    value=code,
                    detail=(
                        f"{code!r} is excluded too (by {', '.join(map(repr, by))}), so no "
                        "country of it could ever qualify; remove it from allowed or from "
                        "excluded (Policy.allowing() and Policy.excluding() do that for you)"
                    ),
                    expected="codes not wholly excluded",
                    hint="Policy.allowing() and Policy.excluding() never contradict",
                    code=ErrorCode.INCONSISTENT,
                )
        allowed = _expand(self.allowed)
        object.__setattr__(self, "_allowed_countries", allowed)
        object.__setattr__(self, "_excluded_countries", excluded)
        object.__setattr__(self, "_countries", allowed - excluded)

    @property
    def countries(self) -> frozenset[str]:
        """Return the countries the policy admits (allowed, regions expanded, minus exclusions).

        >>> len(DEFAULT_POLICY.countries), {"US", "CA", "FR", "RU"} <= DEFAULT_POLICY.countries
        (55, True)
        """
        return self._countries

    def allowing(self, *codes: str) -> Self:
        """Return a copy that also allows ``codes`` (countries or regions), excluding them no more.

        >>> "AU" in DEFAULT_POLICY.allowing("AU", "NZ").countries
        True
        """
        added = _string_set(codes, "codes", _check_code)
        return attrs.evolve(self, allowed=self.allowed | added, excluded=self.excluded - added)

    def excluding(self, *codes: str) -> Self:
        """Return a copy that excludes ``codes`` (countries or regions), allowing them no more.

        >>> "RU" in DEFAULT_POLICY.excluding("RU").countries
        False
        """
        removed = _string_set(codes, "codes", _check_code)
        return attrs.evolve(self, allowed=self.allowed - removed, excluded=self.excluded | removed)

    def with_cutoff(self, cutoff: dt.date | None) -> Self:
        """Return a copy whose purchase cutoff is ``cutoff`` (``None`` for no cutoff)."""
        return attrs.evolve(self, cutoff=cutoff)

    def with_channels(self, *channels: str) -> Self:
        """Return a copy that accepts exactly ``channels``, among :data:`~seatcalc.CHANNELS`."""
        return attrs.evolve(self, channels=frozenset(channels))

    def excluding_plans(self, *plans: str) -> Self:
        """Return a copy that also excludes the plans named ``plans``."""
        return attrs.evolve(self, excluded_plans=self.excluded_plans | frozenset(plans))

    def excluding_products(self, *products: str) -> Self:
        """Return a copy that also excludes the products named ``products``."""
        return attrs.evolve(self, excluded_products=self.excluded_products | frozenset(products))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: sets as sorted lists, the cutoff in ISO 8601.

        >>> DEFAULT_POLICY.to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'allowed': ['150', 'CA', 'US'], 'excluded': [], 'channels': ['direct'],
         'cutoff': '2016-01-01', 'excluded_plans': [], 'excluded_products': [],
         'auto_renew_required': True, 'max_seats': None}
        """
        return {
            "allowed": sorted(self.allowed),
            "excluded": sorted(self.excluded),
            "channels": sorted(self.channels),
            "cutoff": None if self.cutoff is None else self.cutoff.isoformat(),
            "excluded_plans": sorted(self.excluded_plans),
            "excluded_products": sorted(self.excluded_products),
            "auto_renew_required": self.auto_renew_required,
            "max_seats": self.max_seats,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a policy from :meth:`to_dict`'s form; a missing key takes its default."""
        optional = tuple(attrs.fields_dict(cls))[:8]
        values: dict[str, Any] = dict(check_keys(data, "Policy", (), optional))
        cutoff = values.get("cutoff")
        if cutoff is not None:
            values["cutoff"] = parse_date(cutoff, "cutoff")
        return cls(**values)


#: The seed's policy (SPEC R5-R8, R12): bought directly from the vendor's web store, by a
#: customer in the United States, Canada or Europe (CLDR region 150), on or after 2016-01-01,
#: on auto-renewal; nothing excluded and no seat limit.
DEFAULT_POLICY: Final = Policy()


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
            check_date(value, name)
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
        _check_channel(facts["channel"], "facts.channel")
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
        _check_code(code, "facts.allowed")
    if facts["country"] in _expand(facts["allowed"]):
        return "country", "a country in none of the allowed codes"
    return None


def _excluded_by(facts: Mapping[str, Any]) -> tuple[str, str] | None:
    for code in facts["excluded_by"]:
        _check_code(code, "facts.excluded_by")
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
    if not facts["seats"] < facts["max_seats"] < facts["seats"] + facts["added"]:
        return "added", "a count that takes seats past max_seats, from below it"
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

        where = check_locale(locale)
        if self.code is ReasonCode.CHANNEL_NOT_DIRECT:
            template = _CHANNEL_MESSAGES[str(self.facts["channel"])]
        else:
            template = _MESSAGES[self.code]
        from seatcalc._i18n import catalog  # noqa: PLC0415 - catalogs load on first use

        translations, written_for = catalog(str(where))
        text: str = translations.gettext(template)
        return text % _render(self.facts, written_for)

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

    def _repr_html_(self) -> str:
        """Render the outcome as a table for notebooks: one row per failing reason."""
        from seatcalc._html import table  # noqa: PLC0415 - only notebooks need it

        if self.eligible:
            return table("Eligible", [("Reasons", "none: every rule passed")])
        rows = zip(self.codes, self.messages("en"), strict=True)
        return table("Not eligible", [(code.value, message) for code, message in rows])

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


def check_eligibility(
    subscription: Subscription, on: dt.date, *, policy: Policy = DEFAULT_POLICY
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
    ============================  ==================================================

    The rules are independent: a country that is both outside the allowed places and excluded
    gets both reasons.

    >>> import datetime as dt
    >>> from seatcalc import Money
    >>> sub = Subscription(
    ...     seats=3,
    ...     unit_price=Money("600.00", "EUR"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="FR",
    ... )
    >>> check_eligibility(sub, dt.date(2026, 7, 1)).eligible
    True

    Raises:
        InvalidTypeError: ``on`` is not a date (a ``datetime`` is refused), or
            ``subscription`` or ``policy`` has the wrong type.

    .. versionadded:: 0.1.0
    """
    if type(on) is not dt.date:
        check_date(on, "on")
    given: tuple[object, object] = (subscription, policy)
    if not isinstance(given[0], Subscription):
        raise InvalidTypeError(
            field="subscription", value=subscription, expected="a seatcalc.Subscription"
        )
    if not isinstance(given[1], Policy):
        raise InvalidTypeError(
            field="policy", value=policy, expected="a Policy, such as DEFAULT_POLICY"
        )
    sub = subscription
    cutoff = policy.cutoff
    limit = policy.max_seats
    if (
        sub.term_start <= on < sub.term_end
        and sub.country in policy._countries  # noqa: SLF001 - precomputed by Policy
        and sub.channel in policy.channels
        and (cutoff is None or sub.purchased_on >= cutoff)
        and (sub.auto_renew or not policy.auto_renew_required)
        and sub.plan not in policy.excluded_plans
        and sub.product not in policy.excluded_products
        and (limit is None or sub.seats < limit)
    ):
        return _ELIGIBLE
    return Eligibility(_failing(sub, on, policy))


def _failing(sub: Subscription, on: dt.date, policy: Policy) -> list[Reason]:
    """Evaluate every rule independently; return the failing ones in canonical order."""
    found: list[Reason] = []
    if not sub.term_start <= on < sub.term_end:
        dates: dict[str, Fact] = {"on": on, "term_start": sub.term_start, "term_end": sub.term_end}
        found.append(Reason(ReasonCode.OUTSIDE_TERM, dates))
    if sub.channel not in policy.channels:
        channels: dict[str, Fact] = {
            "channel": sub.channel,
            "allowed_channels": tuple(sorted(policy.channels)),
        }
        found.append(Reason(ReasonCode.CHANNEL_NOT_DIRECT, channels))
    if sub.country not in policy._allowed_countries:  # noqa: SLF001 - precomputed by Policy
        allowed: dict[str, Fact] = {
            "country": sub.country,
            "allowed": tuple(sorted(policy.allowed)),
        }
        found.append(Reason(ReasonCode.REGION_NOT_SUPPORTED, allowed))
    if sub.country in policy._excluded_countries:  # noqa: SLF001 - precomputed by Policy
        by = tuple(sorted(code for code in policy.excluded if sub.country in countries_in(code)))
        found.append(
            Reason(ReasonCode.REGION_EXCLUDED, {"country": sub.country, "excluded_by": by})
        )
    if policy.cutoff is not None and sub.purchased_on < policy.cutoff:
        dates = {"purchased_on": sub.purchased_on, "cutoff": policy.cutoff}
        found.append(Reason(ReasonCode.PURCHASED_BEFORE_CUTOFF, dates))
    if sub.product in policy.excluded_products:
        found.append(Reason(ReasonCode.PRODUCT_EXCLUDED, {"product": sub.product}))
    if sub.plan in policy.excluded_plans:
        found.append(Reason(ReasonCode.PLAN_EXCLUDED, {"plan": sub.plan}))
    if policy.auto_renew_required and not sub.auto_renew:
        found.append(Reason(ReasonCode.AUTO_RENEW_OFF, {"auto_renew": False}))
    if policy.max_seats is not None and sub.seats >= policy.max_seats:
        seats = {"seats": sub.seats, "max_seats": policy.max_seats}
        found.append(Reason(ReasonCode.SEAT_LIMIT_REACHED, seats))
    return found


# -- messages ---------------------------------------------------------------------------------


def _territory(code: str, where: Locale) -> str:
    name: str | None = where.territories.get(code)
    return name if name is not None else code


def _render(facts: Mapping[str, Fact], where: Locale) -> dict[str, str]:
    """Return the facts as a reader of ``where`` sees them in a message."""
    from babel.dates import format_date  # noqa: PLC0415 - locale formatting loads on first use
    from babel.lists import format_list  # noqa: PLC0415

    from seatcalc._i18n import format_decimal, sort_key  # noqa: PLC0415

    shown: dict[str, str] = {}
    for name, value in facts.items():
        if isinstance(value, dt.date):
            shown[name] = format_date(value, format="long", locale=where)
        elif name == "country":
            shown[name] = _territory(str(value), where)
        elif name in {"allowed", "excluded_by"} and isinstance(value, tuple):
            names = sorted((_territory(code, where) for code in value), key=sort_key)
            shown[name] = format_list(names, style="or", locale=where) if names else ""
        elif isinstance(value, tuple):
            shown[name] = ", ".join(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[name] = format_decimal(value, where)
        else:
            shown[name] = str(value)
    return shown
