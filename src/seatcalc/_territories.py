"""CLDR 48 territory containment: each region and the countries it holds.

Generated from the npm package cldr-core 48.2.0 by tools/generate_territories.py.
Do not edit by hand; regenerate with ``python tools/generate_territories.py``.
"""

from __future__ import annotations

from typing import Final


def _codes(text: str) -> frozenset[str]:
    """Return the codes of a space-separated string."""
    return frozenset(text.split())


#: The CLDR release the table comes from.
CLDR_VERSION: Final = "48"
#: The npm package and version the table was generated from.
SOURCE: Final = "cldr-core@48.2.0"

#: Regions CLDR flags as groupings: they overlap the geographic tree (EU, UN, 419...).
GROUPINGS: Final = _codes("003 202 419 EU EZ UN")

#: Every region code mapped to the countries (ISO 3166-1 alpha-2) it holds.
REGIONS: Final[dict[str, frozenset[str]]] = {
    "001": _codes(
        "AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN "
        "BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CQ CR CU CV CW CX CY "
        "CZ DE DG DJ DK DM DO DZ EA EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH "
        "GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT "
        "JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD "
        "ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
        "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE "
        "SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR "
        "TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
    ),
    "002": _codes(
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EA EG EH ER ET GA GH GM GN GQ GW IC IO KE KM LR "
        "LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG "
        "YT ZA ZM ZW"
    ),
    "003": _codes(
        "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX "
        "NI PA PM PR SV SX TC TT US VC VG VI"
    ),
    "005": _codes("AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE"),
    "009": _codes(
        "AC AQ AS AU CC CK CP CX DG FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TA TK TO "
        "TV UM VU WF WS"
    ),
    "011": _codes("BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG"),
    "013": _codes("BZ CR GT HN MX NI PA SV"),
    "014": _codes("BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW"),
    "015": _codes("DZ EA EG EH IC LY MA SD TN"),
    "017": _codes("AO CD CF CG CM GA GQ ST TD"),
    "018": _codes("BW LS NA SZ ZA"),
    "019": _codes(
        "AG AI AR AW BB BL BM BO BQ BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT "
        "GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI"
    ),
    "021": _codes("BM CA GL PM US"),
    "029": _codes(
        "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI"
    ),
    "030": _codes("CN HK JP KP KR MN MO TW"),
    "034": _codes("AF BD BT IN IR LK MV NP PK"),
    "035": _codes("BN ID KH LA MM MY PH SG TH TL VN"),
    "039": _codes("AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA XK"),
    "053": _codes("AU CC CX HM NF NZ"),
    "054": _codes("FJ NC PG SB VU"),
    "057": _codes("FM GU KI MH MP NR PW UM"),
    "061": _codes("AS CK NU PF PN TK TO TV WF WS"),
    "142": _codes(
        "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM "
        "MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"
    ),
    "143": _codes("KG KZ TJ TM UZ"),
    "145": _codes("AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE"),
    "150": _codes(
        "AD AL AT AX BA BE BG BY CH CQ CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE "
        "LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK"
    ),
    "151": _codes("BG BY CZ HU MD PL RO RU SK UA"),
    "154": _codes("AX CQ DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ"),
    "155": _codes("AT BE CH DE FR LI LU MC NL"),
    "202": _codes(
        "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU "
        "MW MZ NA NE NG RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW"
    ),
    "419": _codes(
        "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT "
        "JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"
    ),
    "EU": _codes(
        "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
    ),
    "EZ": _codes("AT BE CY DE EE ES FI FR GR IE IT LT LU LV MT NL PT SI SK"),
    "QO": _codes("AC AQ CP DG TA"),
    "UN": _codes(
        "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA "
        "CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM "
        "FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE "
        "KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM "
        "MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA "
        "RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN "
        "TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW"
    ),
}

#: Every country in the table: the world (001) and Outlying Oceania (QO).
COUNTRIES: Final = REGIONS["001"] | REGIONS.get("QO", frozenset())
