"""Words that may tell of harm bring help onto the very next page."""
import json

import pytest

from engage.models import OPEN
from engage.services.consultations import create_from_template

HELP = "It sounds like things might be hard for you right now"


@pytest.fixture
def at_free_text(app, respondent):
    """A young person on the youth ballot's free-text screen."""
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("school")
    assert person.question_id() == "why_first"
    return person


def test_a_possible_disclosure_shows_help_lines_on_the_next_page(at_free_text):
    page = at_free_text.answer("my stepdad hits me when mum is out")
    text = page.get_data(as_text=True)
    assert HELP in text
    assert "0800 1111" in text and "85258" in text and "999" in text
    assert "nobody from this survey can contact you" in text


def test_the_help_is_shown_once_not_on_every_page_after(at_free_text):
    at_free_text.answer("my stepdad hits me")
    again = at_free_text.open("/q")
    assert HELP not in again.get_data(as_text=True)


def test_ordinary_words_show_no_alarm(at_free_text):
    page = at_free_text.answer("There's nothing to do after school")
    assert HELP not in page.get_data(as_text=True)


def test_help_shows_even_when_the_answer_was_too_long_to_save(at_free_text):
    page = at_free_text.answer("i want to die " * 100)
    assert page.status_code == 422
    assert HELP in page.get_data(as_text=True)


def test_the_young_persons_words_never_go_into_the_cookie(app, at_free_text, client):
    at_free_text.answer("my stepdad hits me")
    cookie = client.get_cookie("engage").value
    session = app.session_interface.get_signing_serializer(app).loads(cookie)
    assert "stepdad" not in json.dumps(session)


@pytest.mark.parametrize("words", ["mój ojczym mnie bije", "میں خودکشی کرنا چاہتی ہوں", "vreau să mor"])
def test_words_in_the_young_persons_own_language_bring_help_on_an_english_page(at_free_text, words):
    page = at_free_text.answer(words)
    text = page.get_data(as_text=True)
    assert HELP in text and "0800 1111" in text


def _in(language: str, message: str) -> str:
    from flask_babel import force_locale, gettext

    with force_locale(language):
        return gettext(message)


def test_help_comes_in_the_language_the_young_person_wrote_in_too(app, at_free_text):
    page = at_free_text.answer("میں خودکشی کرنا چاہتی ہوں")
    text = page.get_data(as_text=True)
    assert HELP in text  # the page's own language
    with app.test_request_context():
        urdu = _in("ur", HELP)
    assert urdu != HELP and urdu in text
    assert 'lang="ur" dir="rtl"' in text and text.count("0800 1111") == 2


def test_help_in_the_pages_own_language_is_not_repeated(at_free_text):
    text = at_free_text.answer("my stepdad hits me").get_data(as_text=True)
    assert text.count("0800 1111") == 1 and "help-in-language" not in text


def test_help_in_the_written_language_shows_even_when_the_answer_was_too_long(app, at_free_text):
    page = at_free_text.answer("tata mnie bije " * 100)
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    with app.test_request_context():
        polish = _in("pl", HELP)
    assert HELP in text and polish in text
