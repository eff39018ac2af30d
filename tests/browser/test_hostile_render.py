"""Hostile markup typed by young people shows as words in a real browser, and never runs.

Each payload from tests/hostile/corpus.py is sent as a free-text answer (some
alongside words that raise a safeguarding alert), and a consultation's title
carries one too; then every page where answers or titles show is opened in
chromium: nothing may open a dialog, log a script error (a Content-Security-
Policy refusal included), or set ``window.__engage_pwned``.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from engage.models import OPEN
from engage.services.consultations import create_consultation
from surveys.textformat import loads
from tests.browser.pages import press, start
from tests.conftest import Respondent
from tests.hostile.corpus import MARKUP, PWNED

SURVEY = """
id: hostile
kind: square_table
title: Tell us anything
questions:
  - id: anything
    type: free_text
    text: What would you like to tell us about where you live?
    max_length: 1000
  - id: feeling
    type: faces_scale
    points: 3
    text: How do you feel about where you live?
"""
TITLE = "Square table " + MARKUP[1]
WORRY = "Knife crime round here is scary and my stepdad hits me. "
KNIVES = "Knife crime round here is scary, people carry knives. "


@pytest.fixture(scope="module")
def hostile_code(server):
    return server.call(lambda: create_consultation(loads(SURVEY), title=TITLE, status=OPEN).join_code)


def _unharmed(page, contexts, where: str) -> None:
    assert page.evaluate(f"typeof {PWNED}") == "undefined", f"a payload ran on {where}"
    assert not contexts.dialogs, f"a dialog opened on {where}: {contexts.dialogs}"
    assert not contexts.script_errors, f"script errors on {where}: {contexts.script_errors}"


@pytest.fixture(scope="module")
def answered(server, hostile_code):
    """Every payload sent twice, as a worry and as a plain answer (over HTTP: the browser types them below)."""
    for payload in MARKUP:
        for prefix in (WORRY, KNIVES):
            person = Respondent(server.app.test_client(), hostile_code)
            person.start()
            person.answer(prefix + payload)
            person.answer("2")
            assert "your answers have been sent" in person.send().get_data(as_text=True)
    return hostile_code


def _page_as(contexts, role, path):
    page = contexts.page("en", role=role)
    page.goto(path)
    return page


def test_markup_typed_into_an_answer_is_shown_back_as_words(contexts, answered):
    page = contexts.page("en")
    start(page, answered)
    for payload in MARKUP:
        page.locator("#answer").fill(payload)
        press(page)
        press(page, "back")
        expect(page.locator("#answer")).to_have_value(payload)
        _unharmed(page, contexts, f"the free-text screen with {payload!r}")


def test_the_theme_review_queue_shows_hostile_answers_as_words(contexts, server, answered):
    page = _page_as(contexts, "facilitator", "/console/themes/review")
    body = page.locator("body").inner_text()
    shown = [payload for payload in MARKUP if payload in body]
    assert shown, "no hostile answer is shown as words in the review queue"
    _unharmed(page, contexts, "the theme review queue")


def test_the_safeguarding_queue_shows_hostile_answers_as_words(contexts, server, answered):
    page = _page_as(contexts, "safeguarding_lead", "/console/safeguarding")
    _unharmed(page, contexts, "the safeguarding queue")
    links = page.locator("a[href*='/console/safeguarding/alert']")
    assert links.count() >= 1
    seen = set()
    for href in {links.nth(i).get_attribute("href") for i in range(links.count())}:
        page.goto(href)
        _unharmed(page, contexts, f"safeguarding alert {href}")
        body = page.locator("body").inner_text()
        seen.update(p for p in MARKUP if p in body)
    assert seen, "no hostile answer is shown as words on an alert"


@pytest.mark.parametrize("role, path, expected", [
    ("facilitator", "/console/c/{code}/live", TITLE),
    ("facilitator", "/console/c/{code}/live?controls=1", TITLE),
    ("board_member", "/board/consultation?code={code}", None),
    ("board_member", "/board/", None),
    ("board_member", "/board/report?code={code}&format=html", None),
    (None, "/s/{code}/results", None),
    (None, "/s/{code}", TITLE),
], ids=["live view", "live controls", "board consultation", "board summary", "board report",
        "public results", "intro"])
def test_pages_that_show_answers_or_titles_never_run_them(contexts, answered, role, path, expected):
    page = _page_as(contexts, role, path.format(code=answered))
    if expected:
        expect(page.locator("body")).to_contain_text(expected)
    _unharmed(page, contexts, path)
