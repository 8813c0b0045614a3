"""Adapters between seatcalc's values and billing engines' JSON shapes.

:mod:`seatcalc.adapters.stripe`, :mod:`seatcalc.adapters.chargebee` and
:mod:`seatcalc.adapters.lago` read an engine's subscription JSON into a
:class:`~seatcalc.Subscription` and render a quote in the engine's own preview shape.  They work on
plain dicts (what the engines' APIs return, or their SDK objects' dict form) and import no SDK.

.. versionadded:: 0.1.0
"""
