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
