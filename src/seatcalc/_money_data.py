"""Money as data: its JSON-safe dict and the bridge to py-moneyed.

:class:`MoneyData` is a base of :class:`~seatcalc.Money` that holds the methods which turn an
amount into another form and back: :meth:`~seatcalc.Money.to_dict` and
:meth:`~seatcalc.Money.from_dict`, :meth:`~seatcalc.Money.to_moneyed` and
:meth:`~seatcalc.Money.from_moneyed`.  py-moneyed (the ``moneyed`` extra) is imported when a
bridge method is first called.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from seatcalc.errors import InvalidTypeError, MissingExtraError, reported_within

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["MoneyData"]


def _import_moneyed(operation: str) -> Any:  # noqa: ANN401 - py-moneyed has no type hints
    try:
        import moneyed  # noqa: PLC0415 - an optional extra, imported on first use
    except ImportError:
        raise MissingExtraError(
            field=operation, value="moneyed", expected="seatcalc[moneyed]"
        ) from None
    return moneyed


class MoneyData:
    """Money's data forms (a base of :class:`~seatcalc.Money`, which documents them)."""

    __slots__ = ()

    if TYPE_CHECKING:
        amount: Decimal
        currency: str

        def __init__(self, amount: Decimal | int | str, currency: str) -> None: ...

    @classmethod
    def from_moneyed(cls, money: object) -> Self:
        """Build Money from a py-moneyed ``Money`` (its Decimal amount and currency code).

        Needs the ``moneyed`` extra (``pip install seatcalc[moneyed]``); py-moneyed is imported
        only when this is called.  The amount is checked as any amount is: one of more than 30
        decimal places (py-moneyed keeps what a float gave it) is refused.

        >>> import moneyed
        >>> from seatcalc import Money
        >>> Money.from_moneyed(moneyed.Money("1209.86", "USD"))
        Money('1209.86', 'USD')

        .. versionadded:: 0.1.0
        """
        moneyed = _import_moneyed("from_moneyed")
        if not isinstance(money, moneyed.Money):
            raise InvalidTypeError(
                field="money",
                value=money,
                expected="a py-moneyed Money, such as moneyed.Money('12.50', 'USD')",
            )
        with reported_within("money"):
            return cls(money.amount, money.currency.code)

    def to_moneyed(self) -> object:
        """Return the same amount as a py-moneyed ``Money`` (needs the ``moneyed`` extra).

        >>> from seatcalc import Money
        >>> Money("1209.86", "USD").to_moneyed()
        Money('1209.86', 'USD')

        .. versionadded:: 0.1.0
        """
        moneyed = _import_moneyed("to_moneyed")
        return moneyed.Money(self.amount, self.currency)

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-safe dict: the amount as a decimal string, the currency code.

        >>> from seatcalc import Money
        >>> Money("1209.86", "USD").to_dict()
        {'amount': '1209.86', 'currency': 'USD'}
        """
        return {"amount": format(self.amount, "f"), "currency": self.currency}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build Money from :meth:`to_dict`'s form; the amount must be a string or an int.

        >>> from seatcalc import Money
        >>> Money.from_dict({"amount": "1209.86", "currency": "USD"})
        Money('1209.86', 'USD')
        """
        from seatcalc._validate import check_keys  # noqa: PLC0415 - avoids an import cycle

        check_keys(data, "Money", ("amount", "currency"))
        amount = data["amount"]
        if isinstance(amount, float):
            # A JSON number with a fraction: the constructor's refusal names the float and
            # suggests the decimal string to write instead.
            return cls(amount, data["currency"])  # type: ignore[arg-type]
        if not isinstance(amount, str | int) or isinstance(amount, bool):
            raise InvalidTypeError(
                field="amount", value=amount, expected="a decimal string such as '1200.00'"
            )
        return cls(amount, data["currency"])  # type: ignore[arg-type]
