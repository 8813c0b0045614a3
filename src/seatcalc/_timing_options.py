"""The moments to add seats, and what one moment costs (SPEC R11).

:class:`Timing` names the three moments :func:`~seatcalc.compare_add_timing` compares;
:class:`TimingOption` holds one moment's figures, checked against each other, and says in words
what it means for the users.  :mod:`seatcalc.timing` re-exports both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Self

import attrs

from seatcalc._records import read_nested
from seatcalc._validate import (
    check_count,
    check_keys,
    date_field,
    parse_date,
    parse_ratio,
    share_field,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.money import Money, check_price

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["Timing", "TimingOption"]


class Timing(StrEnum):
    """When added seats start: the three moments :func:`compare_add_timing` compares.

    .. versionadded:: 0.1.0
    """

    #: On the day of the decision (``on``).
    NOW = "NOW"
    #: On the day the seats are needed (``needed_on``).
    WHEN_NEEDED = "WHEN_NEEDED"
    #: At the next renewal (``term_end``): the seats start with the next term.
    AT_RENEWAL = "AT_RENEWAL"

    @property
    def label(self) -> str:
        """The moment in words, in English (``now``, ``when needed``, ``at renewal``)."""
        return self.value.replace("_", " ").lower()

    def label_in(self, locale: str | Locale = "en") -> str:
        """Return the moment in words for a reader of ``locale``; in English, :attr:`label`.

        >>> Timing.AT_RENEWAL.label_in("fr"), Timing.WHEN_NEEDED.label_in("de_CH")
        ('au renouvellement', 'bei Bedarf')

        Raises:
            InvalidTypeError: ``locale`` is neither a name nor a babel ``Locale``.
            InvalidValueError: a locale CLDR does not know.

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_planning import timing_label  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return timing_label(self, check_locale(locale))


def _to_timing(value: object) -> Timing:
    if isinstance(value, Timing):
        return value
    if isinstance(value, str) and value in Timing.__members__:
        return Timing[value]
    expected = f"one of {', '.join(repr(timing.value) for timing in Timing)}"
    if not isinstance(value, str):
        raise InvalidTypeError(field="timing", value=value, expected=expected)
    raise InvalidValueError(
        field="timing", value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )


def _days(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    return lambda _i, _a, value: check_count(value, field, minimum=0)


def _price(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    return lambda _i, _a, value: check_price(value, field)


@attrs.frozen(kw_only=True)
class TimingOption:
    """One moment to add the seats, and what it costs.

    ``until_renewal`` is the prorated price from ``starts_on`` to the renewal (zero at the
    renewal); ``from_renewal`` the price of the seats for the next term.  ``waiting_days`` counts
    the days from the need to ``starts_on`` when users have no seat; ``idle_days`` the days paid
    for before the seats are needed (one of the two at least is 0).

    .. versionadded:: 0.1.0
    """

    timing: Timing = attrs.field(converter=_to_timing)
    starts_on: dt.date = attrs.field(validator=date_field("starts_on"))
    #: Whole billing periods from the period after ``starts_on`` to the renewal (0 on a term
    #: of one period).
    whole_periods: int = attrs.field(validator=_days("whole_periods"))
    #: The prorated share of the billing period holding ``starts_on``.
    part: Fraction = attrs.field(validator=share_field("part"))
    until_renewal: Money = attrs.field(validator=_price("until_renewal"))
    from_renewal: Money = attrs.field(validator=_price("from_renewal"))
    waiting_days: int = attrs.field(validator=_days("waiting_days"))
    idle_days: int = attrs.field(validator=_days("idle_days"))

    def __attrs_post_init__(self) -> None:
        """Check that the option's figures agree with each other."""
        check_price(self.from_renewal, "from_renewal", self.until_renewal.currency)
        if self.waiting_days and self.idle_days:
            raise InvalidValueError(
                field="idle_days",
                value=self.idle_days,
                problem=f", with waiting_days {self.waiting_days}",
                expected="0 when users wait: seats cannot be both late and early",
                code=ErrorCode.INCONSISTENT,
            )
        if self.timing is not Timing.AT_RENEWAL:
            return
        for field in ("whole_periods", "part", "until_renewal"):
            value = getattr(self, field)
            if not (value.amount if isinstance(value, Money) else value):
                continue
            raise InvalidValueError(
                field=field,
                value=value,
                got=repr(value) if isinstance(value, Money) else str(value),
                problem=", which contradicts timing AT_RENEWAL",
                expected="0: seats added at the renewal cost nothing until then",
                code=ErrorCode.INCONSISTENT,
            )

    @property
    def fraction(self) -> Fraction:
        """The billing periods paid until the renewal, ``whole_periods + part``."""
        return self.whole_periods + self.part

    @property
    def total(self) -> Money:
        """What the seats cost until the renewal and for the next term."""
        return self.until_renewal + self.from_renewal

    @property
    def covers_need(self) -> bool:
        """Whether the seats are there on the day they are needed."""
        return self.waiting_days == 0

    @property
    def note(self) -> str:
        """What the option means for the users, in English ("" when it starts on the need day).

        :meth:`note_in` writes it for a reader of any locale.
        """
        if self.waiting_days:
            return f"users wait {self.waiting_days} day(s) without the seats"
        if self.idle_days:
            return f"seats paid for {self.idle_days} day(s) before they are needed"
        return ""

    def note_in(self, locale: str | Locale = "en") -> str:
        """Return what the option means for the users, for a reader of ``locale``.

        The words are those of the option's line in :meth:`AddTimingComparison.explain`, the
        number of days in the locale's digits and plural form (:attr:`note` keeps its English
        ``day(s)``); "" when the option starts on the need day.

        >>> import datetime as dt
        >>> from fractions import Fraction
        >>> from seatcalc import Money
        >>> option = TimingOption(
        ...     timing="AT_RENEWAL",
        ...     starts_on=dt.date(2027, 1, 1),
        ...     whole_periods=0,
        ...     part=Fraction(0),
        ...     until_renewal=Money("0.00", "EUR"),
        ...     from_renewal=Money("2400.00", "EUR"),
        ...     waiting_days=1,
        ...     idle_days=0,
        ... )
        >>> option.note, option.note_in(), option.note_in("it")
        ('users wait 1 day(s) without the seats', 'users wait 1 day without the seats', 'gli utenti attendono 1 giorno senza le postazioni')

        Raises:
            InvalidTypeError: ``locale`` is neither a name nor a babel ``Locale``.
            InvalidValueError: a locale CLDR does not know.

        .. versionadded:: 0.1.0
        """  # noqa: E501 - a doctest's output is one line
        from seatcalc._explain_planning import option_note  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return option_note(self, check_locale(locale))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict (the share as ``"numerator/denominator"``)."""
        return {
            "timing": self.timing.value,
            "starts_on": self.starts_on.isoformat(),
            "whole_periods": self.whole_periods,
            "part": str(self.part),
            "until_renewal": self.until_renewal.to_dict(),
            "from_renewal": self.from_renewal.to_dict(),
            "waiting_days": self.waiting_days,
            "idle_days": self.idle_days,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build an option from :meth:`to_dict`'s form, refusing figures that contradict.

        The prices are checked against the comparison's inputs by
        :meth:`AddTimingComparison.from_dict`, which computes them again.
        """
        keys = (
            "timing",
            "starts_on",
            "whole_periods",
            "part",
            "until_renewal",
            "from_renewal",
            "waiting_days",
            "idle_days",
        )
        mapping = check_keys(data, "TimingOption", keys)
        return cls(
            timing=mapping["timing"],
            starts_on=parse_date(mapping["starts_on"], "starts_on"),
            whole_periods=mapping["whole_periods"],  # type: ignore[arg-type]
            part=parse_ratio(mapping["part"], "part"),
            until_renewal=read_nested(mapping["until_renewal"], "until_renewal", Money.from_dict),
            from_renewal=read_nested(mapping["from_renewal"], "from_renewal", Money.from_dict),
            waiting_days=mapping["waiting_days"],  # type: ignore[arg-type]
            idle_days=mapping["idle_days"],  # type: ignore[arg-type]
        )
