"""Eligibility policies: who may add seats self-service, as data.

A :class:`Policy` says where self-service adding is offered (countries and CLDR regions), what
is excluded, which sales channels qualify, the purchase cutoff date, whether auto-renewal is
required and an optional seat limit.  :data:`DEFAULT_POLICY` is the vendor's (SPEC R5-R8, R12);
:func:`~seatcalc.check_eligibility` applies a policy to a subscription.

Regions come from CLDR's territory containment, generated into :mod:`seatcalc._territories` by
``tools/generate_territories.py``: :func:`countries_in` expands one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Self

import attrs

from seatcalc._pydantic_support import pydantic_core_schema, pydantic_json_schema
from seatcalc._territories import CLDR_VERSION, COUNTRIES, REGIONS
from seatcalc._validate import check_bool, check_count, check_date, check_keys, parse_date
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.subscription import CHANNELS, check_channel

__all__ = [
    "CLDR_VERSION",
    "DEFAULT_POLICY",
    "EUROPE_CODES",
    "Policy",
    "check_territory",
    "countries_in",
    "countries_of",
]


#: Europe as a European customer means it, the default policy's Europe (SPEC §2): CLDR region
#: ``150``; the ``EU`` grouping, which adds Cyprus (an EU and euro-area member CLDR files under
#: Western Asia); and the member states' territories that ISO 3166 codes separately and EU law
#: covers: the Canary Islands (``IC``) and Ceuta and Melilla (``EA``) of Spain, and the
#: outermost regions of France (``GF``, ``GP``, ``MF``, ``MQ``, ``RE``, ``YT``).  The Azores and
#: Madeira have no code of their own: they are Portugal.
EUROPE_CODES: Final = frozenset({"150", "EU", "IC", "EA", "GF", "GP", "MF", "MQ", "RE", "YT"})


def countries_in(code: str) -> frozenset[str]:
    """Return the countries a CLDR region holds, expanded through its sub-regions.

    A country code stands for itself.  The table comes from CLDR's territory containment
    (the CLDR release is :data:`seatcalc.policy.CLDR_VERSION`); deprecated codes are not in it.

    >>> sorted(countries_in("155"))  # Western Europe
    ['AT', 'BE', 'CH', 'DE', 'FR', 'LI', 'LU', 'MC', 'NL']
    >>> len(countries_in("150")), countries_in("FR")
    (53, frozenset({'FR'}))

    .. versionadded:: 0.1.0
    """
    region = REGIONS.get(code) if isinstance(code, str) else None
    if region is not None:
        return region
    return frozenset({check_territory(code, "code")})


def check_territory(value: object, field: str) -> str:
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
    return _string_set(values, "allowed", check_territory)


def _excluded(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded", check_territory)


def _channels(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "channels", check_channel)


def _plans(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded_plans", _check_name)


def _products(values: Iterable[str]) -> frozenset[str]:
    return _string_set(values, "excluded_products", _check_name)


def _sorted(values: frozenset[str]) -> str:
    return repr(sorted(values))


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


def countries_of(codes: Iterable[str]) -> frozenset[str]:
    """Return every country the codes stand for, regions expanded."""
    return frozenset().union(*(countries_in(code) for code in codes))


@attrs.frozen(kw_only=True)
class Policy:
    """Who may add seats self-service: the rules as data.

    Every field has the seed's value as its default, so ``Policy() == DEFAULT_POLICY``:

    * ``allowed``: country codes (ISO 3166-1 alpha-2) and CLDR region codes where adding is
      offered; a region stands for every country it holds (``"150"``, Europe, is 53 countries,
      see :func:`countries_in`).  Default: the United States, Canada and
      :data:`EUROPE_CODES`, Europe as a European customer means it.
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

    >>> (
    ...     len(DEFAULT_POLICY.countries),
    ...     {"US", "CA", "FR", "CY", "IC", "RU"} <= DEFAULT_POLICY.countries,
    ... )
    (64, True)
    >>> Policy(allowed={"US", "CA", "150"}).allowing("AU").excluding("RU", "BY").with_cutoff(None)
    Policy(allowed=['150', 'AU', 'CA', 'US'], excluded=['BY', 'RU'], channels=['direct'], cutoff=None, excluded_plans=[], excluded_products=[], auto_renew_required=True, max_seats=None)

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    # pydantic field support (seatcalc.pydantic), imported only when pydantic asks.
    __get_pydantic_core_schema__ = pydantic_core_schema
    __get_pydantic_json_schema__ = pydantic_json_schema

    allowed: frozenset[str] = attrs.field(
        default=frozenset({"US", "CA", *EUROPE_CODES}),
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
    #: The countries ``allowed`` stands for, regions expanded (derived, never passed).
    allowed_countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    #: The countries ``excluded`` stands for, regions expanded (derived, never passed).
    excluded_countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    #: The countries the policy admits, allowed minus excluded (derived, never passed).
    countries: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

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
        excluded = countries_of(self.excluded)
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
        allowed = countries_of(self.allowed)
        object.__setattr__(self, "allowed_countries", allowed)
        object.__setattr__(self, "excluded_countries", excluded)
        object.__setattr__(self, "countries", allowed - excluded)

    def allowing(self, *codes: str) -> Self:
        """Return a copy that also allows ``codes`` (countries or regions), excluding them no more.

        >>> "AU" in DEFAULT_POLICY.allowing("AU", "NZ").countries
        True
        """
        added = _string_set(codes, "codes", check_territory)
        return attrs.evolve(self, allowed=self.allowed | added, excluded=self.excluded - added)

    def excluding(self, *codes: str) -> Self:
        """Return a copy that excludes ``codes`` (countries or regions), allowing them no more.

        >>> "RU" in DEFAULT_POLICY.excluding("RU").countries
        False
        """
        removed = _string_set(codes, "codes", check_territory)
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
        {'allowed': ['150', 'CA', 'EA', 'EU', 'GF', 'GP', 'IC', 'MF', 'MQ', 'RE', 'US', 'YT'],
         'excluded': [], 'channels': ['direct'],
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
#: customer in the United States, Canada or Europe (:data:`EUROPE_CODES`), on or after
#: 2016-01-01, on auto-renewal; nothing excluded and no seat limit.
DEFAULT_POLICY: Final = Policy()
