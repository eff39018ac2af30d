"""Built-in templates ship a .pot for translators and take in the PO files translators send back."""
import logging

import pytest

import surveys.templates as templates
from surveys.templates import (
    SOURCE_TRANSLATIONS,
    english_template,
    load_template,
    template_names,
    translation_files,
    write_template_pots,
)
from surveys.translation import export_po, import_po, pot_units_match, units
from tests.translating import translate

NAMES = template_names()
REGENERATE = "engage surveys translations template"


@pytest.mark.parametrize("name", NAMES)
def test_every_template_has_a_pot_that_matches_its_english(name):
    pot = SOURCE_TRANSLATIONS / f"{name}.pot"
    assert pot.is_file(), f"no {pot.name}: run `{REGENERATE}`"
    assert pot_units_match(pot.read_bytes(), english_template(name)), (
        f"{pot.name} is out of date with {name}.yaml: run `{REGENERATE}` and commit it"
    )


def test_a_template_edit_without_a_new_pot_is_noticed():
    survey = english_template("youth-ballot")
    pot = (SOURCE_TRANSLATIONS / "youth-ballot.pot").read_bytes()
    edited = pot.replace(b"Knife crime", b"Knives")
    assert not pot_units_match(edited, survey)


def test_writing_the_pots_leaves_an_up_to_date_file_alone(tmp_path):
    first = write_template_pots(tmp_path)
    assert [name for name, _, written in first] == NAMES and all(w for _, _, w in first)
    before = (tmp_path / "square-table.pot").read_bytes()
    again = write_template_pots(tmp_path)
    assert not any(written for _, _, written in again)
    assert (tmp_path / "square-table.pot").read_bytes() == before


def welsh_po(name: str, **words: str) -> bytes:
    """A Welsh PO for template ``name``, translating the units given (``:`` written ``__``)."""
    return translate(export_po(english_template(name), "cy"), **words)


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """An empty translations folder in place of the shipped one."""
    monkeypatch.setattr(templates, "TRANSLATIONS", tmp_path)
    return tmp_path


def test_loading_a_template_merges_the_po_found_in_its_translations_folder(shipped):
    (shipped / "cy").mkdir()
    (shipped / "cy" / "youth-ballot.po").write_bytes(
        welsh_po(
            "youth-ballot",
            survey__title="Pleidlais ieuenctid – beth sydd bwysicaf i ti?",
            question__top_issues__choice__knife_crime="Troseddau cyllyll",
        )
    )
    survey = load_template("youth-ballot")
    assert survey.title == {
        "en": "Youth ballot – what matters most to you?",
        "cy": "Pleidlais ieuenctid – beth sydd bwysicaf i ti?",
    }
    assert survey.question("top_issues").choice("knife_crime").label_in("cy") == "Troseddau cyllyll"
    assert survey.question("top_issues").choice("mental_health").label_in("cy") == "Mental health"
    assert survey.languages == ("en", "cy")


def test_a_template_with_no_po_for_a_language_simply_lacks_that_language(shipped):
    (shipped / "pl").mkdir()
    (shipped / "pl" / "square-table.po").write_bytes(b"")  # another template's, and empty
    survey = load_template("youth-ballot")
    assert survey == english_template("youth-ballot")
    assert survey.languages == ("en",)


def test_a_broken_shipped_po_is_logged_and_the_template_still_loads(shipped, caplog):
    (shipped / "cy").mkdir()
    (shipped / "cy" / "youth-ballot.po").write_bytes(b"msgid \"unterminated\n")
    with caplog.at_level(logging.WARNING, logger="surveys.templates"):
        survey = load_template("youth-ballot")
    assert survey == english_template("youth-ballot")
    assert "cy/youth-ballot.po not used" in caplog.text


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_translation_applies_cleanly(name):
    """A translator's PO whose English is out of date, or that drops a phone number, fails here."""
    survey = english_template(name)
    for language, po in translation_files(name).items():
        result = import_po(survey, po.read_bytes(), language)
        assert not result.stale, f"{language}/{name}.po: stale (English changed): {result.stale}"
        assert not result.unknown, f"{language}/{name}.po: no such question or choice: {result.unknown}"
        assert not result.rejected, f"{language}/{name}.po: {result.rejected}"
        survey = result.survey


@pytest.mark.parametrize("name", NAMES)
def test_every_template_has_words_to_translate(name):
    assert len(units(english_template(name))) >= 10
