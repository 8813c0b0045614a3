"""ISO 4217 minor units: each current currency code and its number of decimal places.

Generated from ISO 4217 list one, published 2026-01-01 (PyPI package iso4217 1.16.20260101),
by tools/generate_iso4217.py.  Do not edit by hand; regenerate with
``python tools/generate_iso4217.py``.
"""

from __future__ import annotations

from typing import Final


def _codes(text: str) -> tuple[str, ...]:
    """Return the codes of a space-separated string."""
    return tuple(text.split())


#: The publication date of the list the table comes from.
PUBLISHED: Final = "2026-01-01"
#: The package and version the table was generated from.
SOURCE: Final = "iso4217@1.16.20260101"

#: Currency codes by their number of minor-unit digits.
_BY_DIGITS: Final[dict[int, tuple[str, ...]]] = {
    0: _codes("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
    2: _codes(
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN "
        "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD "
        "FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW "
        "KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR "
        "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG "
        "SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD "
        "USN UYU UZS VED VES WST XAD XCD XCG YER ZAR ZMW ZWG"
    ),
    3: _codes("BHD IQD JOD KWD LYD OMR TND"),
    4: _codes("CLF UYW"),
}

#: Each current ISO 4217 currency code mapped to its minor-unit digits.
DIGITS: Final[dict[str, int]] = {
    code: places for places, codes in _BY_DIGITS.items() for code in codes
}
