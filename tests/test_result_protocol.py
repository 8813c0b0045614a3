"""Every result value keeps one protocol: JSON round trips, explanations, notebook tables.

For each value, drawn the way a caller gets one: ``from_dict`` reads ``to_dict``'s JSON back to
an equal value; ``explain`` answers in every locale of ``strategies.LOCALES`` with a title line and
one ``Label: value`` line per fact; a language without a catalog reads exactly the English text;
and the notebook table is the English explanation.
"""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import given

from seatcalc import (
    AddSeatsQuote,
    AddTimingComparison,
    AlignmentQuote,
    Decision,
    Eligibility,
    LifecycleState,
    Money,
    Proration,
    SeatReduction,
    Subscription,
    UsageReport,
)
from strategies import (
    LOCALES,
    alignment_quotes,
    any_subscriptions,
    decisions,
    eligibilities,
    lifecycle_states,
    money,
    prorations,
    quotes,
    seat_reductions,
    timing_comparisons,
    usage_reports,
)


def round_trips(value):
    data = json.loads(json.dumps(value.to_dict()))
    again = type(value).from_dict(data)
    assert again == value
    assert again.to_dict() == data


def explains_everywhere(value, *, labelled=True):
    english = value.explain()
    for locale in LOCALES:
        text = value.explain(locale)
        title, *lines = text.splitlines()
        assert title.strip(), text
        if labelled:
            assert all(": " in line for line in lines), text
        assert "%(" not in text, text
    # Portuguese has no catalog: English throughout, names, numbers and dates included.
    assert value.explain("pt_BR") == english
    table = value._repr_html_()
    assert table.startswith(f"<table><caption>{html.escape(english.splitlines()[0])}</caption>")


@given(money())
def test_money(value):
    round_trips(value)
    explains_everywhere(value)


@given(any_subscriptions)
def test_subscription(value):
    round_trips(value)
    explains_everywhere(value)
    assert Subscription.from_dict(value.to_dict()).explain("fr") == value.explain("fr")


@given(prorations())
def test_proration(value):
    round_trips(value)
    explains_everywhere(value)


@given(quotes())
def test_add_seats_quote(value):
    round_trips(value)
    for locale in LOCALES:
        assert value.explain(locale).splitlines()[0]
    assert value.explain("pt_BR") == value.explain()


@given(eligibilities())
def test_eligibility(value):
    round_trips(value)
    explains_everywhere(value)
    assert len(value.explain().splitlines()) == 1 + len(value.reasons)


@given(decisions)
def test_decision(value):
    round_trips(value)
    explains_everywhere(value)
    for locale in LOCALES:
        sentence = value.message(locale)
        assert sentence.endswith("."), sentence
        assert sentence in value.explain(locale)


@given(seat_reductions())
def test_seat_reduction(value):
    round_trips(value)
    explains_everywhere(value)


@given(usage_reports)
def test_usage_report(value):
    round_trips(value)
    explains_everywhere(value)


@given(timing_comparisons())
def test_add_timing_comparison(value):
    round_trips(value)
    explains_everywhere(value)
    assert len(value.explain().splitlines()) >= 6 + len(value.options)


@given(alignment_quotes())
def test_alignment_quote(value):
    round_trips(value)
    explains_everywhere(value)
    for line in value.lines:
        data = json.loads(json.dumps(line.to_dict()))
        assert type(line).from_dict(data) == line


@given(lifecycle_states())
def test_lifecycle_state(value):
    round_trips(value)
    explains_everywhere(value)


VALUES = (
    AddSeatsQuote,
    AddTimingComparison,
    AlignmentQuote,
    Decision,
    Eligibility,
    LifecycleState,
    Money,
    Proration,
    SeatReduction,
    Subscription,
    UsageReport,
)


@pytest.mark.parametrize("kind", VALUES, ids=lambda kind: kind.__name__)
def test_every_value_has_the_whole_protocol(kind):
    for method in ("to_dict", "from_dict", "explain", "_repr_html_"):
        assert callable(getattr(kind, method, None)), f"{kind.__name__}.{method}"
    assert (kind.explain.__doc__ or "").strip()
