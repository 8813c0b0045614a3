"""The public surface: exported, documented, typed, and cheap to import."""

from __future__ import annotations

import importlib.metadata
import pathlib
import subprocess
import sys

import pytest

import seatcalc

DOCS = pathlib.Path(__file__).parent.parent / "docs"


def test_version_comes_from_the_installed_metadata():
    assert seatcalc.__version__ == importlib.metadata.version("seatcalc")


def test_all_is_unique_and_importable():
    assert len(set(seatcalc.__all__)) == len(seatcalc.__all__)
    for name in seatcalc.__all__:
        assert hasattr(seatcalc, name), name


@pytest.mark.parametrize("name", [name for name in seatcalc.__all__ if name != "__version__"])
def test_every_public_name_is_documented(name):
    reference = (DOCS / "api.rst").read_text(encoding="utf-8")
    documented = f"seatcalc.{name}\n" in reference or f".. data:: {name}\n" in reference
    assert documented, f"{name} is missing from docs/api.rst"
    value = getattr(seatcalc, name)
    if callable(value):
        assert (value.__doc__ or "").strip(), f"{name} has no docstring"


def test_the_package_ships_its_type_marker():
    assert pathlib.Path(seatcalc.__file__).with_name("py.typed").is_file()


def test_importing_loads_no_locale_data_or_catalogs():
    code = (
        "import sys, seatcalc, babel.localedata as data;"
        "print(len(data._cache), sorted(m for m in sys.modules if m.startswith('babel.support')))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    assert output == ["0", "[]\n"]


def test_a_star_import_works_from_a_source_checkout():
    # __version__ is read from installed metadata on first use; it is not in __all__, so a star
    # import never needs the metadata.
    assert "__version__" not in seatcalc.__all__
    code = "from seatcalc import *; print(len([n for n in dir() if not n.startswith('_')]))"
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert int(output) == len(seatcalc.__all__)


def test_the_table_extras_are_imported_only_when_a_book_is_quoted():
    code = (
        "import sys, seatcalc, seatcalc.cli, seatcalc.book;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyarrow', 'numpy', 'pandas', "
        "'dask'}))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "[]\n"
