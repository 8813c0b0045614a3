"""Sphinx configuration for the seatcalc documentation."""

from __future__ import annotations

from importlib.metadata import version as _version

project = "seatcalc"
author = "The seatcalc authors"
copyright = "2026, The seatcalc authors"
release = _version("seatcalc")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
nitpicky = True
nitpick_ignore = [
    ("py:class", "babel.core.Locale"),
    ("py:class", "Locale"),
    ("py:class", "Self"),
    ("py:class", "attrs.AttrsInstance"),
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# The docs build offline, so standard-library names are shown without links.
nitpick_ignore_regex = [
    (r"py:.*", r"(decimal|fractions|datetime|collections\.abc|typing|enum)(\..*)?"),
    (r"py:func", r"round"),
    # hypothesis's docs are not linked; the strategies' signatures name its types.
    (r"py:.*", r"(hypothesis|st|pydantic|pydantic_core|cs)\..*"),
    (r"py:class", r"dt\..*"),
    (r"py:mod", r"random"),
    (r"py:class", r"Fraction|Decimal|seatcalc\.strategies\._values\._When"),
    # The optional extras of seatcalc.book are not installed with the docs' own references.
    (r"py:.*", r"(pyarrow|pandas|numpy|dask)(\..*)?"),
]

# Docstrings are executed by Sphinx too: give them what their module imports.
doctest_global_setup = """
from decimal import Decimal
from fractions import Fraction
from seatcalc import *
from seatcalc.rounding import check_rounding
"""
doctest_test_doctest_blocks = "default"

html_theme = "furo"
html_title = f"seatcalc {release}"
myst_heading_anchors = 2


# seatcalc.strategies re-exports values defined in its private submodules, where their ``#:``
# comments and annotations are; autodoc looks for a data item's comment and annotation only in the
# module it documents, and would otherwise show the docstring of the value's type and no type.
_STRATEGY_PARTS = ("_values", "_subscriptions", "_policies", "_results", "_charges")


def _strategy_comment(app, what, name, obj, options, lines) -> None:  # noqa: ANN001, ARG001, PLR0917
    module, _, attr = name.rpartition(".")
    if what != "data" or module != "seatcalc.strategies":
        return
    from sphinx.pycode import ModuleAnalyzer  # noqa: PLC0415

    for part in _STRATEGY_PARTS:
        comment = ModuleAnalyzer.for_module(f"{module}.{part}").find_attr_docs().get(("", attr))
        if comment is not None:
            lines[:] = [*comment]
            return


def setup(app) -> None:  # noqa: ANN001
    """Show the strategies' re-exported values as they are documented where they are defined."""
    import importlib  # noqa: PLC0415

    package = importlib.import_module("seatcalc.strategies")
    for part in _STRATEGY_PARTS:
        defined = importlib.import_module(f"seatcalc.strategies.{part}").__annotations__
        package.__annotations__.update(
            (name, kind) for name, kind in defined.items() if name in package.__all__
        )
    # Before napoleon (priority 500), which reads the comment as it reads any docstring.
    app.connect("autodoc-process-docstring", _strategy_comment, priority=400)
