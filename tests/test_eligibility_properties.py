"""Properties of check_eligibility: every rule, and only failing rules, are reported."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from seatcalc import Eligibility, InvalidValueError, Policy, check_eligibility, countries_in
from strategies import POLICY_CODES, eligibility_cases, policies

# The documented canonical order of reasons (docs/eligibility.rst, ReasonCode).
CANONICAL = [
    "OUTSIDE_TERM",
    "CHANNEL_NOT_DIRECT",
    "REGION_NOT_SUPPORTED",
    "REGION_EXCLUDED",
    "PURCHASED_BEFORE_CUTOFF",
    "PRODUCT_EXCLUDED",
    "PLAN_EXCLUDED",
    "AUTO_RENEW_OFF",
    "SEAT_LIMIT_REACHED",
]


def expand(codes):
    found = set()
    for code in codes:
        found |= countries_in(code)
    return found


def violated(sub, on, policy: Policy) -> set[str]:
    """The rules ``sub`` breaks on ``on``, computed from the policy's public fields."""
    rules = {
        "OUTSIDE_TERM": not (sub.term_start <= on < sub.term_end),
        "CHANNEL_NOT_DIRECT": sub.channel not in policy.channels,
        "REGION_NOT_SUPPORTED": sub.country not in expand(policy.allowed),
        "REGION_EXCLUDED": sub.country in expand(policy.excluded),
        "PURCHASED_BEFORE_CUTOFF": policy.cutoff is not None and sub.purchased_on < policy.cutoff,
        "PRODUCT_EXCLUDED": sub.product in policy.excluded_products,
        "PLAN_EXCLUDED": sub.plan in policy.excluded_plans,
        "AUTO_RENEW_OFF": policy.auto_renew_required and sub.auto_renew is False,
        "SEAT_LIMIT_REACHED": policy.max_seats is not None and sub.seats >= policy.max_seats,
    }
    return {code for code, broken in rules.items() if broken}


def codes(outcome: Eligibility) -> list[str]:
    return [str(code) for code in outcome.codes]


@given(eligibility_cases())
def test_the_reasons_are_exactly_the_rules_violated(case):
    sub, on, policy = case
    outcome = check_eligibility(sub, on, policy=policy)
    assert set(codes(outcome)) == violated(sub, on, policy)
    assert outcome.eligible == (not violated(sub, on, policy))


@given(eligibility_cases())
def test_reasons_come_in_the_canonical_order_and_round_trip(case):
    sub, on, policy = case
    outcome = check_eligibility(sub, on, policy=policy)
    assert codes(outcome) == [code for code in CANONICAL if code in codes(outcome)]
    assert check_eligibility(sub, on, policy=policy) == outcome
    assert Eligibility.from_dict(outcome.to_dict()) == outcome


@given(eligibility_cases(), st.sampled_from(POLICY_CODES))
def test_allowing_a_code_never_removes_eligibility(case, code):
    sub, on, policy = case
    try:
        wider = policy.allowing(code)
    except InvalidValueError:
        # An excluded region still covers the code: the policy would contradict itself.
        assume(False)
    before = set(codes(check_eligibility(sub, on, policy=policy)))
    after = set(codes(check_eligibility(sub, on, policy=wider)))
    assert after <= before
    assert sub.country not in countries_in(code) or "REGION_NOT_SUPPORTED" not in after


@given(eligibility_cases(), st.sampled_from(POLICY_CODES))
def test_excluding_a_code_never_adds_eligibility(case, code):
    sub, on, policy = case
    try:
        narrower = policy.excluding(code)
    except InvalidValueError:
        # Every allowed country would be excluded: such a policy is refused.
        assume(False)
    before = set(codes(check_eligibility(sub, on, policy=policy)))
    after = set(codes(check_eligibility(sub, on, policy=narrower)))
    assert after >= before
    assert not check_eligibility(sub, on, policy=narrower).eligible or (
        check_eligibility(sub, on, policy=policy).eligible
    )
    assert sub.country not in countries_in(code) or "REGION_EXCLUDED" in after


@given(eligibility_cases(), st.integers(0, 20_000))
def test_an_earlier_cutoff_never_removes_eligibility(case, days):
    sub, on, policy = case
    cutoff = policy.cutoff or dt.date(2030, 1, 1)
    earlier = policy.with_cutoff(max(dt.date.min, cutoff - dt.timedelta(days=min(days, 700_000))))
    before = set(codes(check_eligibility(sub, on, policy=policy.with_cutoff(cutoff))))
    after = set(codes(check_eligibility(sub, on, policy=earlier)))
    assert after <= before
    assert check_eligibility(sub, on, policy=policy.with_cutoff(None)).codes == tuple(
        code
        for code in check_eligibility(sub, on, policy=policy).codes
        if code != "PURCHASED_BEFORE_CUTOFF"
    )


@given(eligibility_cases(), st.integers(0, 5000))
def test_a_cutoff_on_or_before_the_purchase_is_no_cutoff(case, days):
    sub, on, policy = case
    day = max(dt.date.min, sub.purchased_on - dt.timedelta(days=days))
    assert check_eligibility(sub, on, policy=policy.with_cutoff(day)) == check_eligibility(
        sub, on, policy=policy.with_cutoff(None)
    )


@given(policies())
def test_policies_round_trip_and_admit_someone(policy):
    assert Policy.from_dict(policy.to_dict()) == policy
    assert policy.countries == expand(policy.allowed) - expand(policy.excluded)
    assert policy.countries
    assert attrs.evolve(policy) == policy
    assert hash(attrs.evolve(policy)) == hash(policy)


@given(eligibility_cases())
def test_each_failing_reason_carries_the_facts_it_used(case):
    sub, on, policy = case
    for reason in check_eligibility(sub, on, policy=policy).reasons:
        facts = dict(reason.facts)
        if reason.code == "REGION_NOT_SUPPORTED":
            assert facts == {"country": sub.country, "allowed": tuple(sorted(policy.allowed))}
        elif reason.code == "REGION_EXCLUDED":
            assert facts["country"] == sub.country
            assert facts["excluded_by"]
            assert all(sub.country in countries_in(code) for code in facts["excluded_by"])
            assert set(facts["excluded_by"]) <= policy.excluded
        elif reason.code == "PURCHASED_BEFORE_CUTOFF":
            assert facts == {"purchased_on": sub.purchased_on, "cutoff": policy.cutoff}
        elif reason.code == "OUTSIDE_TERM":
            assert facts == {"on": on, "term_start": sub.term_start, "term_end": sub.term_end}
        assert reason.message("en")
