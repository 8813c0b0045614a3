"""check_eligibility, Policy and Reason: worked examples and bad input."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys

import attrs
import pytest

from seatcalc import (
    DEFAULT_POLICY,
    EUROPE_CODES,
    Eligibility,
    InvalidTypeError,
    InvalidValueError,
    Money,
    Policy,
    Reason,
    ReasonCode,
    SeatcalcError,
    Subscription,
    check_eligibility,
    countries_in,
)

ON = dt.date(2026, 7, 1)


def make(**changes) -> Subscription:
    fields = {
        "seats": 5,
        "unit_price": Money("600.00", "EUR"),
        "term_start": dt.date(2026, 1, 1),
        "term_end": dt.date(2027, 1, 1),
        "country": "FR",
    }
    return Subscription(**(fields | changes))


def codes(sub: Subscription, on: dt.date = ON, policy: Policy = DEFAULT_POLICY) -> list[str]:
    return [str(code) for code in check_eligibility(sub, on, policy=policy).codes]


# -- the seed policy --------------------------------------------------------------------------


def test_the_default_policy_is_the_seed():
    assert Policy() == DEFAULT_POLICY
    assert DEFAULT_POLICY.allowed == {"US", "CA", *EUROPE_CODES}
    assert {"150", "EU", "IC", "EA", "GF", "GP", "MF", "MQ", "RE", "YT"} == EUROPE_CODES
    assert DEFAULT_POLICY.channels == {"direct"}
    assert DEFAULT_POLICY.cutoff == dt.date(2016, 1, 1)
    assert DEFAULT_POLICY.auto_renew_required is True
    assert DEFAULT_POLICY.max_seats is None
    assert not DEFAULT_POLICY.excluded
    # CLDR's 53 European countries, Cyprus (EU, filed by CLDR under Western Asia), the Canary
    # Islands, Ceuta and Melilla, the six outermost regions of France, the US and Canada.
    added = {"CY", "IC", "EA", "GF", "GP", "MF", "MQ", "RE", "YT"}
    assert DEFAULT_POLICY.countries == countries_in("150") | added | {"US", "CA"}
    assert len(DEFAULT_POLICY.countries) == 64
    assert countries_in("EU") <= DEFAULT_POLICY.countries
    assert len(countries_in("150")) == 53  # CLDR's own region is unchanged


@pytest.mark.parametrize("country", ["CY", "IC", "EA", "GF", "GP", "MF", "MQ", "RE", "YT"])
def test_europe_as_customers_mean_it_is_eligible_by_default(country):
    assert check_eligibility(make(country=country), ON).eligible
    assert country not in countries_in("150")


@pytest.mark.parametrize("country", ["US", "CA", "FR", "DE", "GB", "NO", "CH", "RU", "UA", "AX"])
def test_a_direct_auto_renewing_subscription_in_the_seed_regions_is_eligible(country):
    outcome = check_eligibility(make(country=country), ON)
    assert outcome.eligible
    assert outcome.reasons == ()
    assert outcome.messages("fr") == ()


@pytest.mark.parametrize("country", ["AU", "JP", "BR", "MX", "TR", "BL", "PM", "GL"])
def test_outside_the_seed_regions_the_region_is_not_supported(country):
    # TR: CLDR puts it in Western Asia (145), and it is not in the EU.  BL (Saint-Barthelemy),
    # PM (Saint-Pierre and Miquelon) and GL (Greenland) are overseas countries and territories,
    # outside the EU.
    outcome = check_eligibility(make(country=country), ON)
    assert [str(code) for code in outcome.codes] == ["REGION_NOT_SUPPORTED"]
    assert dict(outcome.reasons[0].facts) == {
        "country": country,
        "allowed": ("150", "CA", "EA", "EU", "GF", "GP", "IC", "MF", "MQ", "RE", "US", "YT"),
    }
    # The message says "Europe" as a customer does, not the ten codes behind it.
    assert "these places: Canada, Europe, or United States." in outcome.reasons[0].message("en")


def test_each_seed_rule_fails_on_its_own():
    assert codes(make(channel="reseller")) == ["CHANNEL_NOT_DIRECT"]
    assert codes(make(auto_renew=False)) == ["AUTO_RENEW_OFF"]
    # Bought 2015-12-31, the day before the cutoff 2016-01-01: too early; 2016-01-01 is fine.
    assert codes(make(purchased_on=dt.date(2015, 12, 31))) == ["PURCHASED_BEFORE_CUTOFF"]
    assert codes(make(purchased_on=dt.date(2016, 1, 1))) == []


def test_the_term_is_half_open():
    sub = make()
    assert codes(sub, dt.date(2026, 1, 1)) == []  # term_start is in the term
    assert codes(sub, dt.date(2026, 12, 31)) == []
    assert codes(sub, dt.date(2027, 1, 1)) == ["OUTSIDE_TERM"]  # term_end is the renewal date
    assert codes(sub, dt.date(2025, 12, 31)) == ["OUTSIDE_TERM"]


def test_every_failing_rule_is_reported_in_canonical_order():
    policy = attrs.evolve(
        DEFAULT_POLICY,
        excluded={"AU"},
        excluded_plans={"edu"},
        excluded_products={"Maya"},
        max_seats=5,
    )
    sub = make(
        country="AU",
        channel="reseller",
        purchased_on=dt.date(2015, 6, 1),
        term_start=dt.date(2015, 6, 1),
        term_end=dt.date(2016, 6, 1),
        auto_renew=False,
        plan="edu",
        product="Maya",
    )
    outcome = check_eligibility(sub, ON, policy=policy)
    assert not outcome.eligible
    # Every rule but the one only a quote can check (it knows how many seats are added).
    assert outcome.codes == tuple(ReasonCode)[:-1]  # nine, in declaration order
    assert [dict(reason.facts) for reason in outcome.reasons] == [
        {"on": ON, "term_start": dt.date(2015, 6, 1), "term_end": dt.date(2016, 6, 1)},
        {"channel": "reseller", "allowed_channels": ("direct",)},
        {
            "country": "AU",
            "allowed": ("150", "CA", "EA", "EU", "GF", "GP", "IC", "MF", "MQ", "RE", "US", "YT"),
        },
        {"country": "AU", "excluded_by": ("AU",)},
        {"purchased_on": dt.date(2015, 6, 1), "cutoff": dt.date(2016, 1, 1)},
        {"product": "Maya"},
        {"plan": "edu"},
        {"auto_renew": False},
        {"seats": 5, "max_seats": 5},
    ]


def test_a_seat_limit_counts_the_seats_already_on_the_subscription():
    policy = attrs.evolve(DEFAULT_POLICY, max_seats=10)
    assert codes(make(seats=9), policy=policy) == []  # room for one more
    assert codes(make(seats=10), policy=policy) == ["SEAT_LIMIT_REACHED"]


def test_reason_codes_are_strings():
    assert ReasonCode.AUTO_RENEW_OFF == "AUTO_RENEW_OFF"
    assert json.dumps(list(ReasonCode))[:18] == '["OUTSIDE_TERM", "'
    for code in (
        "CHANNEL_NOT_DIRECT",
        "REGION_NOT_SUPPORTED",
        "REGION_EXCLUDED",
        "PURCHASED_BEFORE_CUTOFF",
        "PLAN_EXCLUDED",
        "AUTO_RENEW_OFF",
        "OUTSIDE_TERM",
    ):
        assert ReasonCode(code) == code


# -- policies as data -------------------------------------------------------------------------


def test_variants_are_one_expression():
    oceania = DEFAULT_POLICY.allowing("AU", "NZ")
    assert codes(make(country="AU"), policy=oceania) == []
    no_russia = DEFAULT_POLICY.excluding("RU", "BY")
    assert codes(make(country="RU"), policy=no_russia) == ["REGION_EXCLUDED"]
    assert codes(make(country="UA"), policy=no_russia) == []
    older = DEFAULT_POLICY.with_cutoff(dt.date(2010, 1, 1))
    assert codes(make(purchased_on=dt.date(2012, 3, 4)), policy=older) == []
    later = DEFAULT_POLICY.with_cutoff(dt.date(2020, 1, 1))
    assert later.cutoff == dt.date(2020, 1, 1)
    assert codes(make(purchased_on=dt.date(2019, 12, 31)), policy=later) == [
        "PURCHASED_BEFORE_CUTOFF"
    ]
    resellers = DEFAULT_POLICY.with_channels("direct", "reseller")
    assert codes(make(channel="reseller"), policy=resellers) == []
    plans = DEFAULT_POLICY.excluding_plans("edu").excluding_products("Maya")
    assert codes(make(plan="edu", product="Maya"), policy=plans) == [
        "PRODUCT_EXCLUDED",
        "PLAN_EXCLUDED",
    ]
    # attrs.evolve reaches every field, in one expression too.
    manual = attrs.evolve(DEFAULT_POLICY, auto_renew_required=False)
    assert codes(make(auto_renew=False), policy=manual) == []


def test_allowing_and_excluding_move_a_code_from_one_side_to_the_other():
    policy = DEFAULT_POLICY.excluding("RU")
    assert policy.excluded == {"RU"}
    assert policy.allowing("RU").excluded == frozenset()
    assert policy.allowing("RU").allowed == {"US", "CA", "RU", *EUROPE_CODES}
    assert DEFAULT_POLICY.excluding("US").allowed == {"CA", *EUROPE_CODES}


def test_excluding_a_region_carves_it_out_of_a_wider_one():
    policy = DEFAULT_POLICY.excluding("151")  # Eastern Europe
    assert codes(make(country="PL"), policy=policy) == ["REGION_EXCLUDED"]
    assert dict(check_eligibility(make(country="PL"), ON, policy=policy).reasons[0].facts) == {
        "country": "PL",
        "excluded_by": ("151",),
    }
    assert codes(make(country="FR"), policy=policy) == []


def test_a_country_both_outside_and_excluded_gets_both_reasons():
    policy = Policy(allowed={"US"}, excluded={"FR"})
    assert codes(make(country="FR"), policy=policy) == ["REGION_NOT_SUPPORTED", "REGION_EXCLUDED"]


@pytest.mark.parametrize(
    ("allowed", "excluded", "culprit"),
    [
        ({"RU"}, {"RU"}, "'RU' is excluded too \\(by 'RU'\\)"),
        ({"RU"}, {"151", "RU"}, "'RU' is excluded too \\(by '151', 'RU'\\)"),
        ({"US", "RU"}, {"151"}, "'RU' is excluded too \\(by '151'\\)"),
        ({"151"}, {"150"}, "'151' is excluded too \\(by '150'\\)"),
        ({"155"}, {"FR", "DE", "AT", "BE", "CH", "LI", "LU", "MC", "NL"}, "'155' is excluded"),
    ],
)
def test_a_contradictory_policy_is_refused(allowed, excluded, culprit):
    with pytest.raises(InvalidValueError, match=culprit):
        Policy(allowed=allowed, excluded=excluded)


def test_excluding_part_of_a_region_is_no_contradiction():
    assert "RU" not in Policy(allowed={"150"}, excluded={"RU"}).countries
    with pytest.raises(InvalidValueError, match="'RU' is excluded too"):
        Policy(allowed={"150", "RU"}, excluded={"151"})
    with pytest.raises(InvalidValueError, match="excluded too"):
        Policy(allowed={"RU"}).excluding("151")


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"allowed": {"XX"}}, InvalidValueError, "allowed: got 'XX'; expected an upper-case"),
        ({"allowed": {"fr"}}, InvalidValueError, "did you mean 'FR'"),
        ({"allowed": {"SU"}}, InvalidValueError, "allowed: got 'SU'"),  # deprecated
        ({"allowed": "US"}, InvalidTypeError, "a single str is refused"),
        ({"allowed": {1}}, InvalidTypeError, "allowed: got 1"),
        ({"allowed": set()}, InvalidValueError, "allowed: got an empty set"),
        ({"excluded": {"Russia"}}, InvalidValueError, "excluded: got 'Russia'"),
        ({"channels": {"store"}}, InvalidValueError, "channels: got 'store'; expected one of"),
        ({"channels": set()}, InvalidValueError, "channels: got an empty set"),
        ({"cutoff": "2016-01-01"}, InvalidTypeError, "cutoff: got '2016-01-01'"),
        ({"cutoff": dt.datetime(2016, 1, 1)}, InvalidTypeError, "cutoff: got the datetime"),  # noqa: DTZ001
        ({"excluded_plans": {""}}, InvalidValueError, "excluded_plans: got ''"),
        ({"excluded_products": [None]}, InvalidTypeError, "excluded_products: got None"),
        ({"auto_renew_required": 1}, InvalidTypeError, "auto_renew_required: got 1"),
        ({"max_seats": 0}, InvalidValueError, "max_seats: got 0"),
        ({"max_seats": True}, InvalidTypeError, "max_seats: got True"),
    ],
)
def test_bad_policies_are_refused_with_a_clear_message(changes, error, match):
    with pytest.raises(error, match=match) as caught:
        Policy(**changes)
    assert isinstance(caught.value, SeatcalcError)


def test_bad_arguments_to_check_eligibility():
    with pytest.raises(InvalidTypeError, match="on: got the datetime"):
        check_eligibility(make(), dt.datetime(2026, 7, 1, 12))  # noqa: DTZ001
    with pytest.raises(InvalidTypeError, match="on: got '2026-07-01'"):
        check_eligibility(make(), "2026-07-01")
    with pytest.raises(InvalidTypeError, match="subscription: got"):
        check_eligibility(make().to_dict(), ON)
    with pytest.raises(InvalidTypeError, match="policy: got"):
        check_eligibility(make(), ON, policy=DEFAULT_POLICY.to_dict())
    with pytest.raises(InvalidValueError, match="codes: got 'Narnia'"):
        DEFAULT_POLICY.allowing("Narnia")


EUROPE_AND_US = "'151' is excluded too (by '150'), so no country of it could ever qualify"
TERRITORY = (
    "an upper-case ISO 3166-1 alpha-2 country code such as 'US' or a CLDR region code such as "
    "'150' (Europe)"
)
REASON_CODES = f"one of {', '.join(ReasonCode)}"


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: Policy(allowed=set()),
            {
                "error": "InvalidValueError",
                "code": "EMPTY",
                "field": "allowed",
                "value": "[]",
                "expected": "at least one country or region code",
                "hint": None,
                "message": "allowed: got an empty set; "
                "expected at least one country or region code",
            },
        ),
        (
            lambda: Policy(channels=set()),
            {
                "error": "InvalidValueError",
                "code": "EMPTY",
                "field": "channels",
                "value": "[]",
                "expected": "at least one of direct, reseller",
                "hint": None,
                "message": "channels: got an empty set; expected at least one of direct, reseller",
            },
        ),
        (
            # Only the excluded codes that overlap the allowed one are named (not 'US').
            lambda: Policy(allowed={"151"}, excluded={"150", "US"}),
            {
                "error": "InvalidValueError",
                "code": "INCONSISTENT",
                "field": "allowed",
                "value": "151",
                "expected": "codes not wholly excluded",
                "hint": "Policy.allowing() and Policy.excluding() never contradict",
                "message": f"allowed: {EUROPE_AND_US}; remove it from allowed or from excluded "
                "(Policy.allowing() and Policy.excluding() do that for you)",
            },
        ),
        (
            lambda: Policy(allowed="US"),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "allowed",
                "value": "US",
                "expected": "a collection of str such as {'US', 'CA'}",
                "hint": "a single str is refused: wrap it in a set",
                "message": "allowed: got 'US'; expected a collection of str such as {'US', 'CA'} "
                "(a single str is refused: wrap it in a set)",
            },
        ),
        (
            lambda: Policy(excluded=5),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "excluded",
                "value": "5",
                "expected": "a collection of str such as {'US', 'CA'}",
                "hint": None,
                "message": "excluded: got 5; expected a collection of str such as {'US', 'CA'}",
            },
        ),
        (
            lambda: Policy(excluded_plans={""}),
            {
                "error": "InvalidValueError",
                "code": "EMPTY",
                "field": "excluded_plans",
                "value": "",
                "expected": "non-empty names as str",
                "hint": None,
                "message": "excluded_plans: got ''; expected non-empty names as str",
            },
        ),
        (
            lambda: Policy(excluded_products={3}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "excluded_products",
                "value": "3",
                "expected": "non-empty names as str",
                "hint": None,
                "message": "excluded_products: got 3; expected non-empty names as str",
            },
        ),
        (
            lambda: Reason.from_dict({"code": "AUTO_RENEW_OFF", "facts": [False]}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "facts",
                "value": "[False]",
                "expected": "a mapping of fact names to values",
                "hint": None,
                "message": "facts: got [False] (list); expected a mapping of fact names to values",
            },
        ),
        (
            lambda: Reason.from_dict({"code": "AUTO_RENEW_OFF"}),
            {
                "error": "InvalidValueError",
                "code": "MALFORMED_RECORD",
                "field": "data",
                "value": "Reason keys ['code']",
                "expected": "the keys code, facts",
                "hint": None,
                "message": "data: Reason needs the keys code, facts; missing ['facts'], "
                "unexpected none",
            },
        ),
        (
            lambda: Reason.from_dict({"code": "REGION_EXCLUDED", "facts": {"country": "RU"}}),
            {
                "error": "InvalidValueError",
                "code": "MALFORMED_RECORD",
                "field": "facts",
                "value": "['country']",
                "expected": "exactly ['country', 'excluded_by']",
                "hint": None,
                "message": "facts: got the keys ['country'] for REGION_EXCLUDED; "
                "expected exactly ['country', 'excluded_by']",
            },
        ),
        (
            lambda: Reason.from_dict(
                {
                    "code": "PURCHASED_BEFORE_CUTOFF",
                    "facts": {"purchased_on": "2015", "cutoff": "2016-01-01"},
                }
            ),
            {
                "error": "InvalidValueError",
                "code": "INVALID_DATE",
                "field": "facts.purchased_on",
                "value": "2015",
                "expected": "an ISO date string such as '2026-01-31'",
                "hint": None,
                "message": "facts.purchased_on: got '2015'; "
                "expected an ISO date string such as '2026-01-31'",
            },
        ),
        (
            lambda: Eligibility.from_dict({"reasons": "AUTO_RENEW_OFF"}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "reasons",
                "value": "AUTO_RENEW_OFF",
                "expected": "a list of reason mappings",
                "hint": None,
                "message": "reasons: got 'AUTO_RENEW_OFF'; expected a list of reason mappings",
            },
        ),
        (
            lambda: countries_in(["FR"]),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "code",
                "value": "['FR']",
                "expected": TERRITORY,
                "hint": None,
                "message": f"code: got ['FR'] (list); expected {TERRITORY}",
            },
        ),
        (
            lambda: Policy(allowed={1}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "allowed",
                "value": "1",
                "expected": TERRITORY,
                "hint": None,
                "message": f"allowed: got 1; expected {TERRITORY}",
            },
        ),
        (
            # Upper-cased, 'xx' is no code either: no hint.
            lambda: Policy(allowed={"xx"}),
            {
                "error": "InvalidValueError",
                "code": "UNKNOWN_TERRITORY",
                "field": "allowed",
                "value": "xx",
                "expected": TERRITORY,
                "hint": None,
                "message": f"allowed: got 'xx'; expected {TERRITORY}",
            },
        ),
        (
            lambda: Policy(channels={5}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "channels",
                "value": "5",
                "expected": "one of 'direct', 'reseller'",
                "hint": None,
                "message": "channels: got 5; expected one of 'direct', 'reseller'",
            },
        ),
        (
            lambda: Policy(channels={"store"}),
            {
                "error": "InvalidValueError",
                "code": "UNKNOWN_CHOICE",
                "field": "channels",
                "value": "store",
                "expected": "one of 'direct', 'reseller'",
                "hint": None,
                "message": "channels: got 'store'; expected one of 'direct', 'reseller'",
            },
        ),
        (
            lambda: Reason(5, {"auto_renew": False}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "code",
                "value": "5",
                "expected": REASON_CODES,
                "hint": None,
                "message": f"code: got 5; expected {REASON_CODES}",
            },
        ),
        (
            lambda: Reason("NOPE", {"auto_renew": False}),
            {
                "error": "InvalidValueError",
                "code": "UNKNOWN_CHOICE",
                "field": "code",
                "value": "NOPE",
                "expected": REASON_CODES,
                "hint": None,
                "message": f"code: got 'NOPE'; expected {REASON_CODES}",
            },
        ),
        (
            lambda: Reason("AUTO_RENEW_OFF", [("auto_renew", False)]),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "facts",
                "value": "[('auto_renew', False)]",
                "expected": "a mapping of fact names to values",
                "hint": None,
                "message": "facts: got [('auto_renew', False)] (list); "
                "expected a mapping of fact names to values",
            },
        ),
        (
            lambda: Reason("REGION_EXCLUDED", {"country": "RU", "excluded_by": ["RU"]}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "facts.excluded_by",
                "value": "['RU']",
                "expected": "a tuple of str",
                "hint": None,
                "message": "facts.excluded_by: got ['RU'] (list); expected a tuple of str",
            },
        ),
        (
            # A date fact is named inside facts, like every other fact.
            lambda: Reason(
                "PURCHASED_BEFORE_CUTOFF",
                {"purchased_on": "2015-01-01", "cutoff": dt.date(2016, 1, 1)},
            ),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "facts.purchased_on",
                "value": "2015-01-01",
                "expected": "a datetime.date",
                "hint": None,
                "message": "facts.purchased_on: got '2015-01-01'; expected a datetime.date",
            },
        ),
        (
            lambda: Eligibility("AUTO_RENEW_OFF"),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "reasons",
                "value": "AUTO_RENEW_OFF",
                "expected": "a collection of Reason values",
                "hint": None,
                "message": "reasons: got 'AUTO_RENEW_OFF'; expected a collection of Reason values",
            },
        ),
        (
            lambda: Eligibility([5]),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "reasons[0]",
                "value": "5",
                "expected": "a Reason",
                "hint": None,
                "message": "reasons[0]: got 5; expected a Reason",
            },
        ),
        (
            lambda: Eligibility([Reason("AUTO_RENEW_OFF", {"auto_renew": False})] * 2),
            {
                "error": "InvalidValueError",
                "code": "DUPLICATE",
                "field": "reasons",
                "value": "['AUTO_RENEW_OFF', 'AUTO_RENEW_OFF']",
                "expected": "each code at most once",
                "hint": None,
                "message": "reasons: got the codes ['AUTO_RENEW_OFF', 'AUTO_RENEW_OFF']; "
                "expected each code at most once",
            },
        ),
        (
            lambda: check_eligibility("sub", ON),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "subscription",
                "value": "sub",
                "expected": "a seatcalc.Subscription",
                "hint": None,
                "message": "subscription: got 'sub'; expected a seatcalc.Subscription",
            },
        ),
        (
            lambda: check_eligibility(make(), ON, policy="open"),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "policy",
                "value": "open",
                "expected": "a Policy, such as DEFAULT_POLICY",
                "hint": None,
                "message": "policy: got 'open'; expected a Policy, such as DEFAULT_POLICY",
            },
        ),
        (
            lambda: Eligibility.from_dict({"reasons": 5}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "reasons",
                "value": "5",
                "expected": "a list of reason mappings",
                "hint": None,
                "message": "reasons: got 5; expected a list of reason mappings",
            },
        ),
        (
            lambda: Eligibility.from_dict({"reasons": [5]}),
            {
                "error": "InvalidTypeError",
                "code": "WRONG_TYPE",
                "field": "reasons[0]",
                "value": "5",
                "expected": "a reason mapping",
                "hint": None,
                "message": "reasons[0]: got 5; expected a reason mapping",
            },
        ),
        (
            lambda: Eligibility.from_dict({"reasons": [{"code": "NOPE", "facts": {}}]}),
            {
                "error": "InvalidValueError",
                "code": "UNKNOWN_CHOICE",
                "field": "reasons[0].code",
                "value": "NOPE",
                "expected": REASON_CODES,
                "hint": None,
                "message": f"reasons[0].code: got 'NOPE'; expected {REASON_CODES}",
            },
        ),
        (
            lambda: Eligibility.from_dict({"eligible": True}),
            {
                "error": "InvalidValueError",
                "code": "MALFORMED_RECORD",
                "field": "data",
                "value": "Eligibility keys ['eligible']",
                "expected": "the keys reasons and optionally eligible",
                "hint": None,
                "message": "data: Eligibility needs the keys reasons and accepts eligible; "
                "missing ['reasons'], unexpected none",
            },
        ),
        (
            lambda: Eligibility.from_dict(
                {
                    "reasons": [{"code": "AUTO_RENEW_OFF", "facts": {"auto_renew": False}}],
                    "eligible": True,
                }
            ),
            {
                "error": "InvalidValueError",
                "code": "INCONSISTENT",
                "field": "eligible",
                "value": "True",
                "expected": "False since there are 1 reason(s)",
                "hint": None,
                "message": "eligible: got True; expected False since there are 1 reason(s)",
            },
        ),
    ],
)
def test_refusals_carry_machine_readable_fields(build, expected):
    # A service returns error.to_dict() as its 400 body: the code, field and value are API.
    with pytest.raises(SeatcalcError) as caught:
        build()
    assert caught.value.to_dict() == expected


def test_records_name_their_kind_and_take_only_their_own_keys():
    # The derived country sets are not part of a policy's record.
    with pytest.raises(InvalidValueError) as caught:
        Policy.from_dict({"_allowed_countries": ["US"]})
    assert caught.value.code == "MALFORMED_RECORD"
    assert caught.value.value == "Policy keys ['_allowed_countries']"
    with pytest.raises(InvalidValueError) as caught:
        DEFAULT_POLICY.excluding("Narnia")
    assert (caught.value.code, caught.value.field) == ("UNKNOWN_TERRITORY", "codes")


def test_a_policy_round_trips_through_json_and_pickle():
    policy = attrs.evolve(
        DEFAULT_POLICY.allowing("AU").excluding("RU"), max_seats=50, excluded_plans={"edu"}
    )
    assert Policy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy
    copy = pickle.loads(pickle.dumps(policy))  # noqa: S301 - our own bytes
    assert copy == policy
    assert copy.countries == policy.countries
    assert Policy.from_dict({}) == DEFAULT_POLICY
    assert Policy.from_dict({"cutoff": None}).cutoff is None
    with pytest.raises(InvalidValueError, match="unexpected \\['region'\\]"):
        Policy.from_dict({"region": ["US"]})
    with pytest.raises(InvalidValueError, match="cutoff: got '2016'"):
        Policy.from_dict({"cutoff": "2016"})


def test_policies_are_values():
    assert Policy(allowed=["US", "CA"]) == Policy(allowed=("CA", "US", "US"))
    assert hash(Policy(allowed=["US", "CA"])) == hash(Policy(allowed={"CA", "US"}))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_POLICY.cutoff = None  # type: ignore[misc]


# -- reasons and outcomes ---------------------------------------------------------------------


def test_an_outcome_round_trips_and_checks_what_it_is_given():
    outcome = check_eligibility(make(channel="reseller", auto_renew=False), ON)
    data = json.loads(json.dumps(outcome.to_dict()))
    assert data == {
        "eligible": False,
        "reasons": [
            {
                "code": "CHANNEL_NOT_DIRECT",
                "facts": {"channel": "reseller", "allowed_channels": ["direct"]},
            },
            {"code": "AUTO_RENEW_OFF", "facts": {"auto_renew": False}},
        ],
    }
    assert Eligibility.from_dict(data) == outcome
    assert Eligibility.from_dict({"reasons": data["reasons"][::-1]}) == outcome  # reordered
    with pytest.raises(InvalidValueError, match="eligible: got True; expected False"):
        Eligibility.from_dict(data | {"eligible": True})
    with pytest.raises(InvalidValueError, match="each code at most once"):
        Eligibility.from_dict({"reasons": [data["reasons"][1], data["reasons"][1]]})
    with pytest.raises(InvalidValueError, match="code: got 'NOPE'"):
        Eligibility.from_dict({"reasons": [{"code": "NOPE", "facts": {}}]})
    with pytest.raises(InvalidValueError, match="facts: got the keys \\['country'\\]"):
        Reason("REGION_EXCLUDED", {"country": "RU"})
    with pytest.raises(InvalidTypeError, match="seats: got '3'; expected a int"):
        Reason("SEAT_LIMIT_REACHED", {"seats": "3", "max_seats": 2})
    with pytest.raises(InvalidValueError, match="channel: got 'mail'"):
        Reason("CHANNEL_NOT_DIRECT", {"channel": "mail", "allowed_channels": ("direct",)})
    with pytest.raises(InvalidTypeError, match=r"reasons\[0\]: got"):
        Eligibility(["AUTO_RENEW_OFF"])


JAN_1, JUL_1 = dt.date(2026, 1, 1), dt.date(2026, 7, 1)


@pytest.mark.parametrize(
    ("code", "facts", "field", "expected"),
    [
        (
            "OUTSIDE_TERM",
            {"on": JAN_1, "term_start": JAN_1, "term_end": JAN_1},
            "term_end",
            "a date after term_start",
        ),
        (
            "OUTSIDE_TERM",
            {"on": JAN_1, "term_start": JAN_1, "term_end": JUL_1},
            "on",
            "a date outside [term_start, term_end)",
        ),
        (
            "CHANNEL_NOT_DIRECT",
            {"channel": "direct", "allowed_channels": ("direct",)},
            "channel",
            "a channel not in allowed_channels",
        ),
        (
            "REGION_NOT_SUPPORTED",
            {"country": "FR", "allowed": ("150",)},
            "country",
            "a country in none of the allowed codes",
        ),
        (
            "REGION_EXCLUDED",
            {"country": "RU", "excluded_by": ()},
            "excluded_by",
            "the excluded codes that contain the country (at least one)",
        ),
        (
            "REGION_EXCLUDED",
            {"country": "RU", "excluded_by": ("RU", "US")},
            "excluded_by",
            "the excluded codes that contain the country (at least one)",
        ),
        (
            "PURCHASED_BEFORE_CUTOFF",
            {"purchased_on": JAN_1, "cutoff": JAN_1},
            "purchased_on",
            "a date before cutoff",
        ),
        ("PRODUCT_EXCLUDED", {"product": ""}, "product", "a non-empty name"),
        ("PLAN_EXCLUDED", {"plan": ""}, "plan", "a non-empty name"),
        ("AUTO_RENEW_OFF", {"auto_renew": True}, "auto_renew", "False"),
        (
            "SEAT_LIMIT_REACHED",
            {"seats": 9, "max_seats": 10},
            "seats",
            "a count >= max_seats",
        ),
        (
            # Already at the limit: the limit was reached, not exceeded by this change.
            "SEAT_LIMIT_EXCEEDED",
            {"seats": 10, "adding": 1, "max_seats": 10},
            "adding",
            "a count that takes seats past max_seats, from below it",
        ),
        (
            # 8 + 2 lands on the limit of 10 without passing it.
            "SEAT_LIMIT_EXCEEDED",
            {"seats": 8, "adding": 2, "max_seats": 10},
            "adding",
            "a count that takes seats past max_seats, from below it",
        ),
    ],
)
def test_a_reason_whose_facts_contradict_its_code_is_refused(code, facts, field, expected):
    with pytest.raises(InvalidValueError) as caught:
        Reason(code, facts)
    error = caught.value
    assert (error.code, error.field, error.expected) == ("INCONSISTENT", f"facts.{field}", expected)
    # The value is the fact at fault, as any error reports the value it got.
    assert error.value == InvalidValueError(field=field, value=facts[field]).value
    assert f", which contradicts the code {code}; expected {expected}" in str(error)


@pytest.mark.parametrize(
    ("code", "facts"),
    [
        ("OUTSIDE_TERM", {"on": JUL_1, "term_start": JAN_1, "term_end": JUL_1}),
        ("PURCHASED_BEFORE_CUTOFF", {"purchased_on": dt.date(2025, 12, 31), "cutoff": JAN_1}),
        ("SEAT_LIMIT_REACHED", {"seats": 10, "max_seats": 10}),
        ("SEAT_LIMIT_EXCEEDED", {"seats": 9, "adding": 2, "max_seats": 10}),
        ("REGION_EXCLUDED", {"country": "RU", "excluded_by": ("150", "RU")}),
    ],
)
def test_reasons_just_inside_their_rule_are_accepted(code, facts):
    assert dict(Reason(code, facts).facts) == facts


@pytest.mark.parametrize(
    ("code", "facts", "field"),
    [
        ("REGION_NOT_SUPPORTED", {"country": "FR", "allowed": ("Narnia",)}, "facts.allowed"),
        ("REGION_EXCLUDED", {"country": "RU", "excluded_by": ("Narnia",)}, "facts.excluded_by"),
    ],
)
def test_a_reason_naming_an_unknown_territory_is_refused(code, facts, field):
    with pytest.raises(InvalidValueError) as caught:
        Reason(code, facts)
    assert (caught.value.code, caught.value.field) == ("UNKNOWN_TERRITORY", field)


def test_a_reason_record_missing_a_fact_is_refused_as_malformed():
    data = {"code": "REGION_EXCLUDED", "facts": {"country": "RU"}}
    with pytest.raises(InvalidValueError) as caught:
        Reason.from_dict(data)
    assert (caught.value.code, caught.value.field) == ("MALFORMED_RECORD", "facts")
    # Lists (JSON's arrays) of codes come back as tuples.
    data["facts"]["excluded_by"] = ["RU"]
    assert Reason.from_dict(data).facts["excluded_by"] == ("RU",)


def test_messages_are_in_english_unless_a_locale_is_named():
    reason = Reason("REGION_EXCLUDED", {"country": "RU", "excluded_by": ("RU",)})
    english = "Seats cannot be added self-service in this subscription's country (Russia)."
    assert reason.message() == english
    assert Eligibility((reason,)).messages() == (english,)


def test_notebook_tables_for_outcomes():
    assert Eligibility()._repr_html_() == (
        "<table><caption>Eligible: every rule passes, so seats can be added self-service"
        "</caption></table>"
    )
    refused = check_eligibility(make(auto_renew=False), ON)
    assert refused._repr_html_() == (
        "<table><caption>Not eligible: 1 rule fails, so seats cannot be added self-service"
        "</caption><tr><th>AUTO_RENEW_OFF</th>"
        "<td>Seats can be added self-service only to subscriptions that renew automatically; "
        "turn on auto-renewal for this subscription first.</td></tr></table>"
    )


def test_reasons_are_values():
    one = Reason("AUTO_RENEW_OFF", {"auto_renew": False})
    assert one == Reason(ReasonCode.AUTO_RENEW_OFF, {"auto_renew": False})
    assert hash(one) == hash(Reason(ReasonCode.AUTO_RENEW_OFF, {"auto_renew": False}))
    assert repr(one) == "Reason(code='AUTO_RENEW_OFF', facts={'auto_renew': False})"
    with pytest.raises(TypeError):
        one.facts["auto_renew"] = True  # type: ignore[index]
    assert pickle.loads(pickle.dumps(one)) == one  # noqa: S301 - our own bytes


def test_the_eligible_path_builds_nothing():
    # The same empty outcome is returned every time: no reasons, no lists, no locale work.
    assert check_eligibility(make(), ON) is check_eligibility(make(country="CA"), ON)
    # ...on the first day of the term and for a purchase on the cutoff day too.
    edge = make(purchased_on=dt.date(2016, 1, 1))
    assert check_eligibility(edge, dt.date(2026, 1, 1)) is check_eligibility(make(), ON)


def test_importing_seatcalc_loads_no_catalog_or_locale_data():
    code = (
        "import sys, babel.localedata, seatcalc;"
        "from seatcalc import DEFAULT_POLICY;"
        "assert not babel.localedata._cache, sorted(babel.localedata._cache);"
        "assert 'seatcalc._i18n' not in sys.modules;"
        "print('clean')"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "clean", result.stderr
