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
    (r"py:class", r"Fraction|Decimal|seatcalc\.strategies\._When"),
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
