"""The bot's /language offers the app's languages and speaks from the web pages' own catalogues."""
from __future__ import annotations

import pytest

from bots.telegram.texts import LANGUAGE_SET, Words
from tests.catalogues import write_catalogue
from tests.conftest import dispose, make_app

WELSH = {LANGUAGE_SET: "Iawn, byddaf yn siarad Cymraeg.", "Back": "Yn ôl"}


@pytest.fixture
def catalogues(tmp_path):
    return write_catalogue(tmp_path / "translations", "cy", WELSH)


@pytest.fixture
def app(database_url, tmp_path, monkeypatch, catalogues):
    """The app with its own catalogues and only three of the languages."""
    app = make_app(database_url, tmp_path, monkeypatch, BABEL_TRANSLATION_DIRECTORIES=str(catalogues),
                   LANGUAGES=["en", "cy", "ar"])
    yield app
    dispose(app)


def test_language_offers_the_apps_languages_and_answers_from_the_webs_catalogue(phone, app):
    names = [text for text, _ in phone.say("/language")[-1].buttons]
    assert names == ["English", "Cymraeg", "العربية"]
    assert WELSH[LANGUAGE_SET] in phone.texts(phone.press("Cymraeg"))
    with app.test_request_context("/", headers={"Accept-Language": "cy"}):
        from flask_babel import gettext

        assert gettext(LANGUAGE_SET) == WELSH[LANGUAGE_SET]  # the web reads the same words


def test_a_language_the_app_does_not_offer_is_asked_again(phone):
    said = phone.say("/language pl")
    assert [text for text, _ in said[-1].buttons] == ["English", "Cymraeg", "العربية"]


def test_words_read_the_catalogues_they_are_given(catalogues):
    assert Words("cy", (str(catalogues),))("Back") == "Yn ôl"
    assert Words("cy", (str(catalogues / "missing"), str(catalogues)))("Back") == "Yn ôl"


def test_choosing_a_language_before_a_code_asks_for_the_code(phone):
    phone.say("/language")
    said = phone.texts(phone.press("English"))
    assert "What is your join code?" in said and "not taking answers" not in said
