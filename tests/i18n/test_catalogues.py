"""The shipped catalogues are whole: every word a person can see has a translation.

A string marked in the code but missing from ``messages.pot``, or in the
template but untranslated or fuzzy in a language, fails here, naming it.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from engage.config import Config

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
LANGUAGES = [code for code in Config.LANGUAGES if code != "en"]


def _read_po(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def _ids(catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


def _problems(catalog) -> list[str]:
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    problems += [f"{m.id!r}: {'; '.join(map(str, errors))}" for m, errors in catalog.check()]
    return problems


def _key(message) -> tuple:
    # A compiled plural entry reads back as lists, a source one as tuples.
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def _strings(message) -> tuple:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


@pytest.fixture(scope="module")
def template():
    return _read_po(TRANSLATIONS / "messages.pot")


def test_the_template_holds_every_string_marked_in_the_code(tmp_path):
    extracted = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "N_", "-k", "lazy_gettext", "--no-location", "--sort-output",
         "-o", str(extracted), "."],  # "." as in the README: babel.cfg's patterns are relative to it
        cwd=ROOT, check=True, capture_output=True,
    )
    shipped = _ids(_read_po(TRANSLATIONS / "messages.pot"))
    missing = sorted(i for _, i in _ids(_read_po(extracted)) - shipped)
    assert not missing, f"marked but not in messages.pot (run pybabel extract): {missing[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_translates_every_entry(language, template):
    catalog = _read_po(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po")
    missing = sorted(i for _, i in _ids(template) - _ids(catalog))
    assert not missing, f"{language}: not merged from messages.pot (pybabel update): {missing[:20]}"
    problems = _problems(catalog)
    assert not problems, f"{language}: {len(problems)} problems, e.g. {problems[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_compiled_catalogue_matches_its_source(language):
    folder = TRANSLATIONS / language / "LC_MESSAGES"
    source = _read_po(folder / "messages.po")
    with (folder / "messages.mo").open("rb") as file:
        compiled = read_mo(file)
    wanted = {_key(m): _strings(m) for m in source if m.id and not m.fuzzy}
    shipped = {_key(m): _strings(m) for m in compiled if m.id}
    stale = sorted(str(k[1]) for k in wanted if shipped.get(k) != wanted[k])
    assert not stale, f"{language}: messages.mo is out of date (pybabel compile -d translations): {stale[:10]}"


SURVEY_TRANSLATIONS = ROOT / "surveys" / "templates" / "translations"
BUILT_IN = sorted(p.stem for p in SURVEY_TRANSLATIONS.glob("*.pot"))


def test_every_built_in_template_has_a_translator_template():
    templates = sorted(p.stem for p in (ROOT / "surveys" / "templates").glob("*.yaml"))
    assert BUILT_IN == templates


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("survey", BUILT_IN)
def test_each_built_in_survey_comes_whole_in_each_language(language, survey):
    english = _read_po(SURVEY_TRANSLATIONS / f"{survey}.pot")
    catalog = _read_po(SURVEY_TRANSLATIONS / language / f"{survey}.po")
    assert _ids(catalog) == _ids(english), f"{language}/{survey}.po does not match {survey}.pot"
    problems = _problems(catalog)
    assert not problems, f"{language}/{survey}: {problems[:10]}"
