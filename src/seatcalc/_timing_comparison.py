"""The comparison of adding seats now, when needed or at the renewal, as a value (SPEC R11).

:func:`~seatcalc.compare_add_timing` builds an :class:`AddTimingComparison`; this module holds
the value, the choice of the best option, its explanation and its JSON record, which
:meth:`AddTimingComparison.from_dict` reads back by computing the comparison again.
:mod:`seatcalc.timing` re-exports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Self

import attrs

from seatcalc._html import explanation
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._timing_options import Timing, TimingOption
from seatcalc._validate import check_agrees, check_keys, parse_date
from seatcalc.conventions import Convention, convention_to_data
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.subscription import Subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["AddTimingComparison"]


_INPUTS = (
    "subscription",
    "adding",
    "needed_on",
    "on",
    "renewal_unit_price",
    "convention",
    "rounding",
)
_COMPUTED = ("options", "best")


@attrs.frozen(kw_only=True)
class AddTimingComparison:
    """Adding seats now, when needed, or at the renewal, compared (SPEC R11).

    Build one with :func:`compare_add_timing` (or :meth:`from_dict`, which computes it again).
    ``options`` holds the three moments in that order, or only the renewal when the seats are
    not needed before it.  :attr:`best` is the cheapest option that leaves nobody waiting.

    .. versionadded:: 0.1.0
    """

    subscription: Subscription
    #: How many seats are added.
    adding: int
    #: The day of the decision.
    on: dt.date
    needed_on: dt.date
    renewal_unit_price: Money
    convention: Convention
    rounding: str
    options: tuple[TimingOption, ...]
    #: The table of minor units each option is rounded to (CLDR's by default).
    minor_units: MinorUnits = attrs.field(default=CLDR_UNITS, converter=check_minor_units)

    @property
    def renewal(self) -> dt.date:
        """The renewal date, ``subscription.term_end``."""
        return self.subscription.term_end

    @property
    def best(self) -> TimingOption:
        """The cheapest option that covers the need; on a tie, the one that starts earliest.

        At equal cost, earlier seats are worth more to the users.  The renewal option always
        covers a need on or after the renewal, so there is always one.
        """
        covering = [option for option in self.options if option.covers_need]
        return min(covering, key=lambda option: option.total.amount)

    def option(self, timing: Timing | str) -> TimingOption:
        """Return the option for ``timing`` (a :class:`Timing` or its value).

        Raises:
            InvalidValueError: not a moment this comparison holds.
        """
        for option in self.options:
            if option.timing == timing:
                return option
        held = ", ".join(option.timing.value for option in self.options)
        raise InvalidValueError(
            field="timing",
            value=timing,
            expected=f"one of the moments this comparison holds: {held}",
            code=ErrorCode.UNKNOWN_CHOICE,
        )

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the comparison out for a reader of ``locale``, with each option's arithmetic."""
        from seatcalc._explain_planning import explain_timing  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_timing(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks, one row per option."""
        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, every option and the best one's timing.

        A table of minor units other than CLDR's is written as ``minor_units``.
        """
        data: dict[str, object] = {
            "subscription": self.subscription.to_dict(),
            "adding": self.adding,
            "needed_on": self.needed_on.isoformat(),
            "on": self.on.isoformat(),
            "renewal_unit_price": self.renewal_unit_price.to_dict(),
            "convention": convention_to_data(self.convention),
            "rounding": self.rounding,
            "options": [option.to_dict() for option in self.options],
            "best": self.best.timing.value,
        }
        if self.minor_units != CLDR_UNITS:
            data["minor_units"] = self.minor_units.to_data()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a comparison from :meth:`to_dict`'s form by computing it again.

        The inputs are required; ``options`` and ``best`` are optional, and when present must
        equal what seatcalc computes (a record that does not add up is refused).
        """
        from seatcalc.timing import compare_add_timing  # noqa: PLC0415 - it builds this value

        mapping = check_keys(data, "AddTimingComparison", _INPUTS, (*_COMPUTED, "minor_units"))
        if "options" in mapping:
            read_items(mapping["options"], "options", TimingOption.from_dict)
        result = compare_add_timing(
            read_nested(mapping["subscription"], "subscription", Subscription.from_dict),
            mapping["adding"],  # type: ignore[arg-type]
            parse_date(mapping["needed_on"], "needed_on"),
            on=parse_date(mapping["on"], "on"),
            renewal_unit_price=read_nested(
                mapping["renewal_unit_price"], "renewal_unit_price", Money.from_dict
            ),
            convention=read_convention(mapping["convention"]),
            rounding=mapping["rounding"],  # type: ignore[arg-type]
            minor_units=check_minor_units(mapping.get("minor_units")),
        )
        check_agrees(mapping, result.to_dict(), _COMPUTED)
        return cls(**{field.name: getattr(result, field.name) for field in attrs.fields(cls)})
