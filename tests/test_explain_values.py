"""Worked explanations of every result value, checked by hand, and their notebook tables.

Each expected text was computed by hand (the arithmetic is in the comments); French is checked
with babel's spacing: U+202F groups thousands, U+00A0 comes before a currency sign or a percent.
"""

# French and Italian write the apostrophe as U+2019, as the catalogs do.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from seatcalc import (
    Convention,
    Decision,
    InvalidTypeError,
    InvalidValueError,
    Money,
    Policy,
    SeatReduction,
    Subscription,
    align,
    can_remove_seats,
    check_eligibility,
    compare_add_timing,
    lifecycle_state,
    prorate,
    quote_add_seats,
    schedule_seat_reduction,
    usage_report,
)

D = dt.date
NNBSP, NBSP = "\u202f", "\xa0"
ANNUAL = Subscription(
    seats=5,
    unit_price=Money("1200.00", "USD"),
    term_start=D(2026, 1, 1),
    term_end=D(2027, 1, 1),
    country="US",
)
# A first term bought part-way through a monthly period, through a reseller.
IRREGULAR = Subscription(
    seats=3,
    unit_price=Money("30.00", "EUR"),
    term_start=D(2026, 3, 15),
    term_end=D(2026, 3, 31),
    anchor=D(2025, 12, 31),
    period_months=1,
    country="DE",
    channel="reseller",
    auto_renew=False,
    product="Revit",
    plan="premium",
    purchased_on=D(2026, 3, 10),
)


def lines(*parts):
    return "\n".join(parts)


# -- Money --------------------------------------------------------------------------------


def test_money_in_english_and_french():
    assert Money("1209.86", "USD").explain("en") == lines(
        "$1,209.86",
        "Currency: US Dollar (USD), 2 decimal places",
        "In minor units: 120,986",
    )
    assert Money("1234567.891", "EUR").explain("fr") == lines(
        f"1{NNBSP}234{NNBSP}567,891{NBSP}€",
        "Devise: euro (EUR), 2 décimales",
        "En unités mineures: pas un nombre entier, le montant doit donc être arrondi pour être "
        "facturé",
        # 1234567.891 half up to cents: the third decimal 1 rounds down
        "Arrondi à l’unité mineure, ROUND_HALF_UP (au plus proche, égalité vers le haut): "
        f"1{NNBSP}234{NNBSP}567,89{NBSP}€",
    )


def test_money_counts_its_places_with_plural_forms():
    # French counts 0 in the singular; English in the plural.
    assert "0 decimal places" in Money("2740", "JPY").explain("en")
    assert "0 décimale\n" in Money("2740", "JPY").explain("fr")
    assert "3 décimales" in Money("1.005", "KWD").explain("fr")
    assert Money("-0.50", "USD").explain("en").splitlines()[::2] == [
        "-$0.50",
        "In minor units: -50",
    ]


# -- Subscription -------------------------------------------------------------------------


def test_subscription_in_english_and_french():
    # The billing period of a first short term starts a month before its end, on the grid of
    # Dec 31: Feb 28 (clamped) to Mar 31.  3 x 30.00 = 90.00 per period.
    assert IRREGULAR.explain("en_US") == lines(
        "Subscription of 3 seats",
        "Unit price: €30.00 per seat for a billing period of 1 month",
        "Term: March 15, 2026 to March 31, 2026",
        "Billing period: February 28, 2026 to March 31, 2026",
        "Renewal dates: every 1 month from the anchor December 31, 2025",
        "Country: Germany",
        "Bought: on March 10, 2026, through a reseller or partner",
        "Auto-renewal: off",
        "Product: Revit",
        "Plan: premium",
        "Price of all seats for one billing period: 3 × €30.00 = €90.00",
    )
    assert IRREGULAR.explain("fr_FR") == lines(
        "Abonnement de 3 postes",
        f"Prix unitaire: 30,00{NBSP}€ par poste pour une période de facturation de 1 mois",
        "Période d’abonnement: du 15 mars 2026 au 31 mars 2026",
        "Période de facturation: du 28 février 2026 au 31 mars 2026",
        "Dates de renouvellement: tous les 1 mois à partir de la date d’ancrage du 31 décembre "
        "2025",
        "Pays: Allemagne",
        "Achat: le 10 mars 2026, auprès d’un revendeur ou d’un partenaire",
        "Renouvellement automatique: désactivé",
        "Produit: Revit",
        "Formule: premium",
        f"Prix de tous les postes pour une période de facturation: 3 × 30,00{NBSP}€ = 90,00{NBSP}€",
    )


def test_a_subscription_too_large_to_price_in_one_amount_still_explains_itself():
    huge = attrs.evolve(ANNUAL, seats=10**18, unit_price=Money("100", "USD"))
    text = huge.explain("en")
    assert text.startswith("Subscription of 1,000,000,000,000,000,000 seats\n")
    assert "Price of all seats" not in text


# -- Proration ----------------------------------------------------------------------------


def test_proration_in_english_and_french():
    # Jan 21 to Feb 1 is 11 of January's 31 days; 3 x 100 x 11/31 = 106.4516... -> 106.45,
    # 10645 cents in three lines: 3549 + 3548 + 3548.
    result = prorate(
        Money("100.00", "EUR"), D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 21), quantity=3
    )
    assert result.explain("en_IE") == lines(
        "Prorating 3 seats from 21 January 2026",
        "Price of one seat for the whole term: €100.00",
        "Term: 1 January 2026 to 1 February 2026",
        "Time remaining: 11 of 31 days (convention actual_days)",
        "Fraction: 11/31",
        "Exact amount: 3 × €100.00 × 11/31 = €106.451612903225…",
        "Rounding: once, on the total, to 2 decimal places, ROUND_HALF_UP (half up)",
        "Total: €106.45",
        "Per seat: 1 × €35.49 + 2 × €35.48",
    )
    assert result.explain("fr_FR") == lines(
        "Prorata de 3 postes à partir du 21 janvier 2026",
        f"Prix d’un poste pour toute la période: 100,00{NBSP}€",
        "Période d’abonnement: du 1 janvier 2026 au 1 février 2026",
        "Durée restante: 11 sur 31 jours (convention actual_days)",
        "Fraction du prix unitaire: 11/31",
        f"Montant exact: 3 × 100,00{NBSP}€ × 11/31 = 106,451612903225…{NBSP}€",
        "Arrondi: une seule fois, sur le total, à 2 décimales, ROUND_HALF_UP (au plus proche, "
        "égalité vers le haut)",
        f"Montant total: 106,45{NBSP}€",
        f"Par poste: 1 × 35,49{NBSP}€ + 2 × 35,48{NBSP}€",
    )


def test_a_proration_to_the_second_writes_instants():
    # 18:00 to midnight is 6 of 24 hours: 21600 of 86400 seconds, a quarter of 10.00.
    utc = dt.UTC
    result = prorate(
        Money("10.00", "USD"),
        dt.datetime(2026, 1, 1, tzinfo=utc),
        dt.datetime(2026, 1, 2, tzinfo=utc),
        dt.datetime(2026, 1, 1, 18, tzinfo=utc),
        convention="seconds",
    )
    text = result.explain("fr")
    assert text.startswith("Prorata de 1 poste à partir du 1 janvier 2026, 18:00:00 TU\n")
    assert f"Durée restante: 21{NNBSP}600 sur 86{NNBSP}400 secondes" in text
    assert f"Montant total: 2,50{NBSP}$US" in text


def test_a_convention_rounding_each_seat_says_so():
    # 10 x 11/31 = 3.548... -> 3.55 per seat, times 3 = 10.65 (one rounding of the line: 10.65
    # too here, but the explanation says which rounding was made).
    per_seat = Convention("per_seat", rounding_order="unit")
    result = prorate(
        Money("10.00", "USD"),
        D(2026, 1, 1),
        D(2026, 2, 1),
        D(2026, 1, 21),
        quantity=3,
        convention=per_seat,
    )
    assert result.explain().splitlines()[-3:] == [
        (
            "Rounding: the price of each seat, to 2 decimal places, ROUND_HALF_UP (half up), "
            "then times the seats"
        ),
        "Total: $10.65",
        "Per seat: 3 × $3.55",
    ]
    quote = quote_add_seats(ANNUAL, 3, D(2026, 7, 1), convention=per_seat)
    assert "Rounding: the price of each seat" in quote.explain()


# -- Eligibility --------------------------------------------------------------------------


def test_eligibility_in_english_and_french():
    refused = check_eligibility(attrs.evolve(ANNUAL, country="BR", auto_renew=False), D(2026, 7, 1))
    assert refused.explain("en_US") == lines(
        "Not eligible: 2 rules fail, so seats cannot be added self-service",
        "REGION_NOT_SUPPORTED: Seats can be added self-service only for customers in one of "
        "these places: Canada, Europe, or United States. This subscription's country, Brazil, is "
        "not one of them.",
        "AUTO_RENEW_OFF: Seats can be added self-service only to subscriptions that renew "
        "automatically; turn on auto-renewal for this subscription first.",
    )
    french = refused.explain("fr_FR").splitlines()
    assert french[0] == (
        "Non éligible: 2 règles ne sont pas respectées, les postes ne peuvent donc pas être "
        "ajoutés en libre-service"
    )
    assert french[1] == "REGION_NOT_SUPPORTED: " + refused.reasons[0].message("fr_FR")
    assert check_eligibility(ANNUAL, D(2026, 7, 1)).explain("fr") == (
        "Éligible: toutes les règles sont respectées, des postes peuvent donc être ajoutés en "
        "libre-service"
    )


# -- removals -----------------------------------------------------------------------------


def test_decision_in_english_and_french():
    # Asked in the term: no, effective on the renewal; 5 - 2 = 3 seats after it.
    decision = can_remove_seats(ANNUAL, 2, D(2026, 5, 20))
    assert decision.explain("en_US") == lines(
        "Removing 2 seats of 5, asked on May 20, 2026",
        "Term end: January 1, 2027",
        "Removal on that day: not allowed",
        "Earliest effective date: January 1, 2027",
        "Seats after the removal: 5 - 2 = 3",
        "Reason code: BEFORE_TERM_END",
        "Why: 2 seats cannot be removed before they expire; the removal can take effect at the "
        "renewal on January 1, 2027, and can be scheduled now.",
    )
    ended = can_remove_seats(ANNUAL, 4, D(2027, 2, 1))
    assert ended.explain("fr_FR") == lines(
        "Retrait de 4 postes sur 5, demandé le 1 février 2027",
        "Fin de la période d’abonnement: 1 janvier 2027",
        "Retrait à cette date: autorisé",
        "Première date d’effet possible: 1 février 2027",
        "Postes après le retrait: 5 - 4 = 1",
        "Code du motif: TERM_ENDED",
        "Pourquoi: La période d’abonnement s’est terminée le 1 janvier 2027 et ses postes ont "
        "expiré; le renouvellement peut conserver 1 des 5 postes.",
    )


def test_reduction_in_english_and_french():
    reduction = schedule_seat_reduction(ANNUAL, 1, D(2026, 5, 20))
    assert reduction.explain("en_US") == lines(
        "Removing 1 seat of 5 at the renewal on January 1, 2027",
        "Requested on: May 20, 2026",
        "Effective on: January 1, 2027",
        "Seats after the removal: 5 - 1 = 4",
    )
    assert reduction.explain("fr_FR") == lines(
        "Retrait de 1 poste sur 5 au renouvellement du 1 janvier 2027",
        "Date de la demande: 20 mai 2026",
        "Date d’effet: 1 janvier 2027",
        "Postes après le retrait: 5 - 1 = 4",
    )


def test_a_decision_sentence_in_german_spanish_and_italian():
    decision = can_remove_seats(ANNUAL, 2, D(2026, 5, 20))
    assert decision.message("de") == (
        "2 Lizenzplätze können nicht vor ihrem Ablauf entfernt werden; das Entfernen kann zur "
        "Verlängerung am 1. Januar 2027 wirksam werden und schon jetzt geplant werden."
    )
    assert decision.message("es") == (
        "2 puestos no se pueden retirar antes de que venzan; la retirada puede surtir efecto en "
        "la renovación del 1 de enero de 2027 y se puede programar ya."
    )
    assert decision.message("it") == (
        "2 postazioni non possono essere rimosse prima della scadenza; la rimozione può avere "
        "effetto al rinnovo del 1 gennaio 2027 e può essere programmata fin da ora."
    )


REMOVALS = {
    # Each reason, with one seat and with several (the sentences have plural forms).
    "BEFORE_TERM_END": (ANNUAL, D(2026, 5, 20)),
    "AUTO_RENEW_OFF": (attrs.evolve(ANNUAL, auto_renew=False), D(2026, 5, 20)),
    "TERM_ENDED": (ANNUAL, D(2027, 2, 1)),
}


@pytest.mark.parametrize("language", ["fr", "de", "es", "it"])
@pytest.mark.parametrize("reason", sorted(REMOVALS))
@pytest.mark.parametrize("seats", [1, 2])
def test_no_line_of_a_removal_is_left_in_english(language, reason, seats):
    subscription, on = REMOVALS[reason]
    decision = can_remove_seats(subscription, seats, on)
    assert decision.reason == reason
    assert decision.message(language) != decision.message("en")
    english = decision.explain("en").splitlines()
    written = decision.explain(language).splitlines()
    assert len(written) == len(english)
    assert not set(written) & set(english), written
    reduction = schedule_seat_reduction(ANNUAL, seats, D(2026, 5, 20))
    english = reduction.explain("en").splitlines()
    assert not set(reduction.explain(language).splitlines()) & set(english)


# -- usage --------------------------------------------------------------------------------


def test_usage_report_in_english_and_french():
    # 12 users hold seats on a subscription of 10: over-assigned by 2; one of them (u01) and a
    # stranger (zed) were seen in the last 30 days.  1 of 10 seats in use: 10%.
    day = D(2026, 2, 1)
    report = usage_report(
        ANNUAL,
        {f"u{n:02d}": day for n in range(12)},
        [("u01", D(2026, 11, 20)), ("zed", D(2026, 11, 25))],
        D(2026, 11, 30),
    )
    report = attrs.evolve(report, purchased=10)
    assert report.explain("en_US") == lines(
        "Seat usage on November 30, 2026",
        "Purchased seats: 10",
        "Assigned seats: 12 (u00, u01, u02, u03, u04, u05, u06, u07, u08, u09, and 2 others)",
        "Seats nobody holds: 0",
        "Users assigned beyond the purchased seats: 2",
        "Active in the last 30 days: 1 (u01)",
        "Assigned but inactive: 11 (u00, u02, u03, u04, u05, u06, u07, u08, u09, u10, and 1 other)",
        "Active without a seat: 1 (zed)",
        "Utilisation: 1 of 10 seats in use, 10%",
        "Recommended seats at renewal: 5, one for each assigned user (at least one, at most the "
        "seats purchased)",
        "Renewal saving: 5 × $1,200.00 = $6,000.00",
    )
    assert report.explain("fr_FR").splitlines()[2:9] == [
        "Postes attribués: 12 (u00, u01, u02, u03, u04, u05, u06, u07, u08, u09 et 2 autres)",
        "Postes non attribués: 0",
        "Utilisateurs attribués au-delà des postes achetés: 2",
        "Actifs au cours des 30 derniers jours: 1 (u01)",
        "Attribués mais inactifs: 11 (u00, u02, u03, u04, u05, u06, u07, u08, u09, u10 et 1 autre)",
        "Actifs sans poste: 1 (zed)",
        f"Taux d’utilisation: 1 sur 10 postes utilisés, 10{NBSP}%",
    ]


def test_a_window_of_one_day_and_nobody_active():
    report = usage_report(ANNUAL, {"ana": D(2026, 1, 5)}, [], D(2026, 6, 1), window_days=1)
    text = report.explain("fr")
    assert "Actifs sur une fenêtre de 1 jour: 0\n" in text
    assert "Attribués mais inactifs: 1 (ana)\n" in text
    assert "Utilisation: 0 of 5 seats in use, 0%" in report.explain("en")


# -- planning -----------------------------------------------------------------------------


def test_timing_comparison_in_french():
    plan = compare_add_timing(
        attrs.evolve(ANNUAL, seats=10), 2, D(2026, 7, 1), on=D(2026, 3, 1),
        renewal_unit_price=Money("1260.00", "USD"),
    )  # fmt: skip
    # 306 and 184 days left of 365; 2 x 1260 = 2520 from the renewal, whichever the moment.
    assert plan.explain("fr_FR") == lines(
        "Ajout de 2 postes nécessaires à partir du 1 juillet 2026, décidé le 1 mars 2026",
        "Postes détenus: 10",
        "Période d’abonnement: du 1 janvier 2026 au 1 janvier 2027",
        f"Prix unitaire: 1{NNBSP}200,00{NBSP}$US par poste pour une période de facturation de "
        "12 mois",
        f"Prix unitaire à partir du renouvellement: 1{NNBSP}260,00{NBSP}$US",
        "Calcul: convention actual_days, arrondi ROUND_HALF_UP (au plus proche, égalité vers le "
        "haut)",
        "Ajouter maintenant, à partir du 1 mars 2026: jusqu’au renouvellement "
        f"2 × 1{NNBSP}200,00{NBSP}$US × 306/365 = 2{NNBSP}012,05{NBSP}$US; à partir du "
        f"renouvellement 2 × 1{NNBSP}260,00{NBSP}$US = 2{NNBSP}520,00{NBSP}$US; postes payés "
        "122 jours avant d’être nécessaires",
        "Ajouter au moment du besoin, à partir du 1 juillet 2026: jusqu’au renouvellement "
        f"2 × 1{NNBSP}200,00{NBSP}$US × 184/365 = 1{NNBSP}209,86{NBSP}$US; à partir du "
        f"renouvellement 2 × 1{NNBSP}260,00{NBSP}$US = 2{NNBSP}520,00{NBSP}$US",
        "Ajouter au renouvellement, à partir du 1 janvier 2027: jusqu’au renouvellement "
        f"0,00{NBSP}$US; à partir du renouvellement 2 × 1{NNBSP}260,00{NBSP}$US = "
        f"2{NNBSP}520,00{NBSP}$US; les utilisateurs attendent 184 jours sans les postes",
        "Option la moins chère qui couvre le besoin: ajouter au moment du besoin, "
        f"1{NNBSP}209,86{NBSP}$US jusqu’au renouvellement, 3{NNBSP}729,86{NBSP}$US au total",
    )


def test_a_need_after_the_renewal_in_french():
    plan = compare_add_timing(ANNUAL, 1, D(2027, 2, 1), on=D(2026, 12, 1))
    text = plan.explain("fr")
    assert "Remarque: les postes ne sont pas nécessaires avant le renouvellement" in text
    # paid from the renewal, a month before the need: 31 days
    assert "postes payés 31 jours avant d’être nécessaires" in text


def test_alignment_in_french():
    price = Money("120.00", "EUR")
    march = Subscription(
        seats=3, unit_price=price, term_start=D(2025, 3, 1), term_end=D(2026, 3, 1), country="FR"
    )
    june = Subscription(
        seats=5, unit_price=price, term_start=D(2025, 6, 1), term_end=D(2026, 6, 1), country="FR"
    )
    # 92 days (31 + 30 + 31) of the 365 from 2026-03-01: 3 x 120 x 92/365 = 90.7397... -> 90.74
    assert align([march, june]).explain("fr_FR") == lines(
        "Alignement de 2 abonnements sur le 1 juin 2026",
        "Dates de renouvellement: tous les 12 mois à partir de la date d’ancrage du 1 juin 2025",
        "Calcul: convention actual_days, arrondi ROUND_HALF_UP (au plus proche, égalité vers le "
        "haut)",
        f"1. Du 1 mars 2026 au 1 juin 2026: 3 × 120,00{NBSP}€ × 92/365 = 90,74{NBSP}€",
        f"2. Se termine le 1 juin 2026: déjà aligné, 0,00{NBSP}€",
        f"Montant total: 90,74{NBSP}€",
    )


# -- lifecycle ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "english", "french"),
    [
        (
            D(2026, 1, 1),
            (
                "Lifecycle status on January 1, 2026: active",
                "Since: January 1, 2026",
                # Oct 3 is 90 days before Jan 1; from Jan 1, 2026: 275 days
                "Next status: renewal window, from October 3, 2026, in 275 days",
            ),
            "Statut suivant: période de renouvellement, à partir du 3 octobre 2026, dans 275 jours",
        ),
        (
            D(2027, 1, 15),
            (
                "Lifecycle status on January 15, 2027: expired",
                "Since: January 1, 2027",
                # expired for 15 days, until Jan 16
                "Next status: suspended, from January 16, 2027, in 1 day",
            ),
            "Statut suivant: suspendu, à partir du 16 janvier 2027, dans 1 jour",
        ),
        (
            D(2030, 1, 1),
            (
                "Lifecycle status on January 1, 2030: cancelled",
                "Since: February 15, 2027",
                "Next status: none, the subscription stays cancelled",
            ),
            "Statut suivant: aucun, l’abonnement reste résilié",
        ),
    ],
)
def test_lifecycle_state_in_english_and_french(on, english, french):
    state = lifecycle_state(ANNUAL, on)
    assert state.explain("en_US").splitlines()[:3] == list(english)
    assert state.explain("en_US").splitlines()[3] == "Term end: January 1, 2027"
    assert state.explain("fr_FR").splitlines()[2] == french


# -- notebook tables: every value escaped --------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def assert_escaped(table):
    assert SCRIPT not in table
    assert "<script" not in table
    assert ESCAPED in table


def test_a_product_and_a_plan_name_are_escaped():
    sub = attrs.evolve(ANNUAL, product=SCRIPT, plan=SCRIPT)
    table = sub._repr_html_()
    assert_escaped(table)
    assert f"<tr><th>Product</th><td>{ESCAPED}</td></tr>" in table
    excluded = Policy(excluded_products={SCRIPT})
    assert_escaped(quote_add_seats(sub, 1, D(2026, 7, 1), policy=excluded)._repr_html_())
    assert_escaped(check_eligibility(sub, D(2026, 7, 1), policy=excluded)._repr_html_())


def test_a_user_name_is_escaped():
    report = usage_report(ANNUAL, {SCRIPT: D(2026, 1, 5)}, [(SCRIPT, D(2026, 6, 1))], D(2026, 6, 1))
    table = report._repr_html_()
    assert_escaped(table)
    assert f"<th>Active in the last 30 days</th><td>1 ({ESCAPED})</td>" in table


def test_planning_tables_are_escaped():
    # A custom convention's name is the caller's text, shown on the counting line.
    hostile = Convention(SCRIPT)
    plan = compare_add_timing(ANNUAL, 2, D(2026, 7, 1), on=D(2026, 3, 1), convention=hostile)
    assert_escaped(plan._repr_html_())
    quote = align([ANNUAL], target=D(2027, 3, 1), convention=hostile)
    assert_escaped(quote._repr_html_())
    assert_escaped(prorate(ANNUAL.unit_price, D(2026, 1, 1), D(2027, 1, 1), D(2026, 7, 1),
                           convention=hostile)._repr_html_())  # fmt: skip


def test_every_table_is_built_from_the_english_explanation():
    values = [
        Money("1.50", "USD"),
        ANNUAL,
        can_remove_seats(ANNUAL, 1, D(2026, 5, 20)),
        schedule_seat_reduction(ANNUAL, 1, D(2026, 5, 20)),
        lifecycle_state(ANNUAL, D(2026, 11, 2)),
    ]
    for value in values:
        title, *rows = value.explain("en").splitlines()
        table = value._repr_html_()
        assert table.startswith(f"<table><caption>{title}</caption>")
        assert table.count("<tr>") == len(rows)
        label, _, cell = rows[-1].partition(": ")
        assert table.endswith(f"<tr><th>{label}</th><td>{cell}</td></tr></table>")


# -- locales ------------------------------------------------------------------------------

EXPLAINED = [
    Money("1.50", "USD"),
    ANNUAL,
    prorate(Money("1.00", "USD"), D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 2)),
    check_eligibility(ANNUAL, D(2026, 7, 1)),
    can_remove_seats(ANNUAL, 1, D(2026, 5, 20)),
    schedule_seat_reduction(ANNUAL, 1, D(2026, 5, 20)),
    usage_report(ANNUAL, {}, [], D(2026, 6, 1)),
    compare_add_timing(ANNUAL, 1, D(2026, 7, 1), on=D(2026, 3, 1)),
    align([ANNUAL]),
    lifecycle_state(ANNUAL, D(2026, 5, 1)),
]


@pytest.mark.parametrize("value", EXPLAINED, ids=lambda value: type(value).__name__)
def test_a_locale_is_checked_before_it_reaches_a_catalog(value):
    for bad in ("fr@/../../x", "xx_YY", "../en", ""):
        with pytest.raises(InvalidValueError) as caught:
            value.explain(bad)
        assert caught.value.field == "locale"
    with pytest.raises(InvalidTypeError):
        value.explain(7)

    # A regional locale reads its language (with its own notation); a language without a
    # catalog reads English throughout.
    def labels(locale):
        return [line.partition(": ")[0] for line in value.explain(locale).splitlines()[1:]]

    assert labels("fr_CA") == labels("fr")
    assert value.explain("fr_CA") != value.explain("en")
    assert value.explain("ja") == value.explain("en")
    assert value.explain("de") != value.explain("en")


def test_a_decision_sentence_is_checked_like_an_explanation():
    decision = can_remove_seats(ANNUAL, 1, D(2026, 5, 20))
    with pytest.raises(InvalidValueError, match=r"locale: got 'fr@/\.\./\.\./x'"):
        decision.message("fr@/../../x")
    assert decision.message("pt_BR") == decision.message("en")


# -- records that do not add up -------------------------------------------------------------


def test_a_decision_refuses_facts_that_contradict_each_other():
    data = can_remove_seats(ANNUAL, 2, D(2026, 5, 20)).to_dict()
    cases = [
        ({"on": "2027-01-01"}, "on: got 2027-01-01, which contradicts reason 'BEFORE_TERM_END'"),
        ({"effective_on": "2026-12-31"}, "effective_on: got 2026-12-31, which contradicts"),
        ({"removing": 5}, "removing: got 5; expected from 1 to 4 of 5 seats"),
        ({"seats_held": 1}, "seats_held: got 1; expected an int >= 2"),
        ({"reason": "TERM_ENDED"}, "allowed: got False, which contradicts reason 'TERM_ENDED'"),
        ({"message": "hi"}, r"unexpected \['message'\]"),
    ]
    for change, message in cases:
        with pytest.raises(InvalidValueError, match=message):
            Decision.from_dict({**data, **change})
    ended = can_remove_seats(ANNUAL, 2, D(2027, 2, 1)).to_dict()
    with pytest.raises(InvalidValueError, match="effective_on: got 2027-01-01"):
        Decision.from_dict({**ended, "effective_on": "2027-01-01"})


def test_a_reduction_explains_what_it_holds_even_built_by_hand():
    reduction = SeatReduction(
        removed=1, seats_before=2, requested_on=D(2026, 1, 1), effective_on=D(2026, 2, 1)
    )
    assert reduction.explain().splitlines()[-1] == "Seats after the removal: 2 - 1 = 1"
