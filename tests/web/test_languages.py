"""Choosing the language of the pages, right-to-left pages, and dates and numbers in the reader's language."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from flask import render_template_string, session
from sqlalchemy import select

from engage.analysis.suppression import Cell
from engage.config import ROOT
from engage.extensions import db
from engage.models import OPEN, Response
from engage.services.consultations import create_consultation
from engage.i18n import shown_count
from engage.web import whole_percent
from surveys.textformat import loads
from tests.catalogues import write_catalogue
from tests.conftest import dispose, make_app

NAMES = {"en": "English", "cy": "Cymraeg", "pl": "Polski", "ro": "Română", "ar": "العربية", "ur": "اردو"}
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')

TWO_QUESTIONS = """
id: two
kind: service_feedback
title: Two questions
questions:
  - id: colour
    type: single_choice
    text: {en: "Which colour?", cy: "Pa liw?"}
    choices: [{value: red, label: {en: Red, cy: Coch}}, {value: blue, label: {en: Blue, cy: Glas}}]
  - {id: why, type: free_text, text: {en: "Why that one?", cy: "Pam hwnnw?"}}
"""


def html_tag(page) -> str:
    return re.search(r"<html[^>]*>", page.get_data(as_text=True)).group(0)


def choose(client, language: str, next_: str = "/", with_csrf: bool = True):
    data = {"language": language, "next": next_}
    if with_csrf:
        data["csrf_token"] = CSRF.search(client.get("/").get_data(as_text=True)).group(1)
    return client.post("/language", data=data)


@pytest.fixture
def code(app):
    with app.app_context():
        return create_consultation(loads(TWO_QUESTIONS), status=OPEN).join_code


# --- the chooser -------------------------------------------------------------


def test_the_join_and_intro_pages_offer_each_language_in_its_own_name_and_direction(client, code):
    for path in ("/", f"/s/{code}"):
        text = client.get(path).get_data(as_text=True)
        chooser = text[text.index('<form class="languages"'):]
        chooser = chooser[:chooser.index("</form>")]
        assert "<fieldset>" in chooser and "<legend>" in chooser
        buttons = re.findall(r'<button type="submit" name="language" value="(\w+)" lang="(\w+)" dir="(\w+)"[^>]*>([^<]+)</button>', chooser)
        assert [(value, name) for value, _, _, name in buttons] == list(NAMES.items())
        assert all(value == lang for value, lang, _, _ in buttons)
        assert {value: direction for value, _, direction, _ in buttons} == {
            "en": "ltr", "cy": "ltr", "pl": "ltr", "ro": "ltr", "ar": "rtl", "ur": "rtl"}


def test_the_language_buttons_are_big_enough_to_tap():
    css = (ROOT / "static" / "engage.css").read_text()
    rule = re.search(r"\.languages button\{([^}]*)\}", css).group(1)
    height = float(re.search(r"min-height:([\d.]+)rem", rule).group(1))
    assert height * 16 >= 24


@pytest.mark.parametrize(("language", "direction"), [("cy", "ltr"), ("pl", "ltr"), ("ar", "rtl"), ("ur", "rtl")])
def test_choosing_a_language_without_javascript_changes_the_pages_language_and_direction(client, language, direction):
    assert html_tag(client.get("/")) == '<html lang="en" dir="ltr">'
    chosen = choose(client, language)
    assert chosen.status_code == 303 and urlsplit(chosen.location).path == "/"
    assert html_tag(client.get("/")) == f'<html lang="{language}" dir="{direction}">'
    assert 'aria-current="true">' + NAMES[language] in client.get("/").get_data(as_text=True)


def test_the_choice_is_refused_without_the_forms_csrf_token(client):
    assert choose(client, "cy", with_csrf=False).status_code == 400
    assert html_tag(client.get("/")) == '<html lang="en" dir="ltr">'


def test_a_language_the_app_does_not_offer_is_refused(client):
    assert choose(client, "de").status_code == 400
    assert html_tag(client.get("/")) == '<html lang="en" dir="ltr">'


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/s/ABC234", "/\\evil.example", "\\\\evil.example",
    "javascript:alert(1)", "http:evil.example", "/s/ABC\r\nLocation: https://evil.example", "", "s/ABC234",
])
def test_after_choosing_only_a_page_on_this_site_is_gone_back_to(client, target):
    chosen = choose(client, "cy", target)
    assert chosen.status_code == 303
    where = urlsplit(chosen.location)
    assert where.netloc in ("", "localhost") and where.path == "/"


def test_after_choosing_the_same_page_is_shown_again(client, code):
    chosen = choose(client, "cy", f"/s/{code}?from=poster")
    assert chosen.location.endswith(f"/s/{code}?from=poster")


def test_the_browsers_language_is_used_until_one_is_chosen(client):
    arabic = {"Accept-Language": "ar-SA,ar;q=0.9,en;q=0.5"}
    assert html_tag(client.get("/", headers=arabic)) == '<html lang="ar" dir="rtl">'
    assert html_tag(client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})) == '<html lang="en" dir="ltr">'
    choose(client, "pl")
    assert html_tag(client.get("/", headers=arabic)) == '<html lang="pl" dir="ltr">'


def test_staff_pages_have_the_chooser_in_their_header_and_follow_it(staff):
    board = staff("board_member")
    text = board.get("/board/").get_data(as_text=True)
    header = text[text.index("<header"):text.index("</header>")]
    assert 'action="/language"' in header and 'name="next" value="/board/"' in header
    token = CSRF.search(text).group(1)
    chosen = board.client.post("/language", data={"language": "ar", "next": "/board/", "csrf_token": token})
    assert urlsplit(chosen.location).path == "/board/"
    assert html_tag(board.get("/board/")) == '<html lang="ar" dir="rtl">'


# --- mid-survey --------------------------------------------------------------


def test_choosing_a_language_mid_survey_keeps_the_answers_and_shows_the_question_again(app, respondent, code):
    person = respondent(code)
    person.start()
    person.answer("blue")
    assert "Why that one?" in person.text and "Question 2 of 2" in person.text
    assert f'name="next" value="/s/{code}/q"' in person.text

    chosen = person.client.post("/language", data={"language": "cy", "next": f"/s/{code}/q", "csrf_token": person.csrf()})
    person.page = person.client.get(chosen.location)
    assert html_tag(person.page) == '<html lang="cy" dir="ltr">'
    assert "Pam hwnnw?" in person.text and person.question_id() == "why"

    back = person.answer(button="back")
    assert "Pa liw?" in back.get_data(as_text=True)
    assert re.search(r'value="blue"[^>]*checked', person.text), "the answer given is still chosen"
    with app.app_context():
        assert db.session.scalar(select(Response)).answers[0].value == "blue"


def test_a_response_records_the_language_it_was_finished_in(app, respondent, code):
    person = respondent(code)
    person.start()  # the browser sent no language: English
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "en"
    person.answer("red")
    person.client.post("/language", data={"language": "ar", "next": f"/s/{code}/q", "csrf_token": person.csrf()})
    person.open("/q")
    person.answer("Because")
    person.send()
    with app.app_context():
        assert db.session.scalar(select(Response.language)) == "ar"


def test_back_and_next_arrows_turn_round_in_right_to_left_pages(client, respondent, code):
    person = respondent(code)
    person.start()
    person.answer("red")
    assert '<span class="arrow" aria-hidden="true">→</span>' in person.text
    assert '<span class="arrow" aria-hidden="true">←</span>' in person.text
    css = (ROOT / "static" / "engage.css").read_text()
    assert "[dir=rtl] .arrow{display:inline-block;transform:scaleX(-1)}" in css


def test_stylesheets_use_logical_directions_so_pages_mirror():
    for sheet in (ROOT / "static").glob("*.css"):
        rules = re.sub(r"/\*.*?\*/", "", sheet.read_text(), flags=re.S)
        assert not re.search(r"(?<![\w-])(left|right)\s*:|-(left|right)\b|text-align:\s*(left|right)", rules), sheet.name


def test_urdu_gets_a_nastaliq_font_and_taller_lines():
    css = (ROOT / "static" / "engage.css").read_text()
    rule = re.search(r":lang\(ur\)\{([^}]*)\}", css).group(1)
    assert rule.startswith('font-family:"Noto Nastaliq Urdu"') and "line-height:2" in rule


# --- dates and numbers -------------------------------------------------------


@pytest.fixture
def welsh_app(database_url, tmp_path, monkeypatch):
    catalogues = write_catalogue(tmp_path / "translations", "cy", {
        "This survey is not open yet.": "Nid yw'r arolwg hwn ar agor eto.",
        "It opens on %(date)s.": "Mae'n agor ar %(date)s.",
    })
    app = make_app(database_url, tmp_path, monkeypatch, BABEL_TRANSLATION_DIRECTORIES=str(catalogues))
    yield app
    dispose(app)


def test_a_date_on_a_page_is_written_with_welsh_month_names(welsh_app):
    with welsh_app.app_context():
        code = create_consultation(loads(TWO_QUESTIONS), status=OPEN, opens_on=date(2099, 3, 5)).join_code
    client = welsh_app.test_client()
    english = client.get(f"/s/{code}").get_data(as_text=True)
    assert "It opens on March 5, 2099." in english
    choose(client, "cy", f"/s/{code}")
    welsh = client.get(f"/s/{code}").get_data(as_text=True)
    assert "Nid yw'r arolwg hwn ar agor eto. Mae'n agor ar 5 Mawrth 2099." in welsh


@pytest.mark.parametrize(("language", "count", "share"), [
    ("en", "12,345", "42%"), ("cy", "12,345", "42%"), ("pl", "12\xa0345", "42%"), ("ro", "12.345", "42\xa0%"),
])
def test_numbers_are_written_in_the_readers_language(app, language, count, share):
    with app.test_request_context("/"):
        session["language"] = language
        assert shown_count(Cell(12345, False, "12345")) == count
        hidden = shown_count(Cell(None, True, "fewer than 10"))
        assert "10" in hidden and (hidden == "fewer than 10") == (language == "en")  # in the reader's words
        assert whole_percent(42) == share and whole_percent(None) == ""
        assert render_template_string("{{ 12345|decimalformat }}") == count


def test_the_question_number_is_written_in_the_readers_language(respondent, code):
    person = respondent(code)
    person.start()
    assert "Question 1 of 2" in person.text and ">50%</progress>" not in person.text
    assert 'value="0" aria-hidden="true">0%</progress>' in person.text
