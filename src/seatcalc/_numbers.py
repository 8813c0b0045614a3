"""CLDR 48 minimum grouping digits: the number data that babel does not ship.

Generated from the npm package cldr-numbers-full 48.2.0 by
tools/generate_number_data.py. Do not edit by hand; regenerate with
``python tools/generate_number_data.py``.
"""

from __future__ import annotations

from typing import Final

#: The CLDR release the table comes from.
CLDR_VERSION: Final = "48"
#: The npm package and version the table was generated from.
SOURCE: Final = "cldr-numbers-full@48.2.0"

#: CLDR's ``minimumGroupingDigits``: an integer part is grouped only if it has at least
#: this many digits more than the first group holds.  Every locale whose value is not 1
#: and every locale whose value differs from its language's, in babel's codes: look up
#: the full code, then the language, then take 1.
MINIMUM_GROUPING_DIGITS: Final[dict[str, int]] = {
    "be": 2,
    "be_TARASK": 2,
    "bg": 2,
    "ee": 3,
    "ee_TG": 3,
    "es": 2,
    "es_419": 1,
    "es_AR": 1,
    "es_BO": 1,
    "es_BR": 1,
    "es_BZ": 1,
    "es_CL": 1,
    "es_CO": 1,
    "es_CR": 1,
    "es_CU": 1,
    "es_DO": 1,
    "es_EA": 2,
    "es_EC": 1,
    "es_GQ": 2,
    "es_GT": 1,
    "es_HN": 1,
    "es_IC": 2,
    "es_MX": 1,
    "es_NI": 1,
    "es_PA": 1,
    "es_PE": 1,
    "es_PH": 2,
    "es_PR": 1,
    "es_PY": 1,
    "es_SV": 1,
    "es_US": 1,
    "es_UY": 1,
    "es_VE": 1,
    "et": 2,
    "hu": 2,
    "hy": 2,
    "ia": 2,
    "ie": 2,
    "it": 2,
    "it_CH": 2,
    "it_SM": 2,
    "it_VA": 2,
    "ka": 2,
    "lv": 2,
    "pl": 2,
    "pt_CH": 2,
    "pt_CV": 2,
    "pt_GQ": 2,
    "pt_GW": 2,
    "pt_LU": 2,
    "pt_MO": 2,
    "pt_MZ": 2,
    "pt_PT": 2,
    "pt_ST": 2,
    "pt_TL": 2,
    "ru_UA": 2,
    "sl": 2,
    "sq": 2,
    "sq_MK": 2,
    "sq_XK": 2,
}
