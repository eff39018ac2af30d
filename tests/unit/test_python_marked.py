"""Words from Python code reach the screen in the reader's language (issue 8).

A tiny Welsh catalogue, compiled into the test's own folder, stands in for the
real one: if a message is marked and translated at the right time, its Welsh
comes out; an unmarked one, or a lazy string frozen at import, stays English.
"""
from __future__ import annotations

import re

import pytest
from babel.messages import Catalog
from babel.messages.mofile import write_mo

WELSH = {
    # a console flash, shown on the page it was flashed from
    "That email and password do not match an active account.": "Nid yw'r e-bost a'r cyfrinair yn cyfateb.",
    # form labels and a submit button's value, defined at import (lazy)
    "Email": "E-bost",
    "Password": "Cyfrinair",
    "Sign in": "Mewngofnodi",
    # a report's headings and a chart's words
    "The activity": "Y gweithgaredd",
    "Engagement with children and young people": "Ymgysylltu â phlant a phobl ifanc",
    "Nothing to show yet.": "Dim byd eto.",
    "%(start)s to %(end)s": "%(start)s hyd %(end)s",
    # a choice name in a form
    "Board member": "Aelod o’r bwrdd",
    # a poster constant with an apostrophe: still escaped once translated
    "You don't give your name. Nobody can see who said what.": "Dydych chi ddim yn rhoi eich enw <yn wir>.",
}
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def config_overrides(tmp_path) -> dict:
    catalogue = Catalog(locale="cy", domain="messages")
    for english, welsh in WELSH.items():
        catalogue.add(english, welsh)
    folder = tmp_path / "translations"
    (folder / "cy" / "LC_MESSAGES").mkdir(parents=True)
    with open(folder / "cy" / "LC_MESSAGES" / "messages.mo", "wb") as mo:
        write_mo(mo, catalogue)
    return {"BABEL_TRANSLATION_DIRECTORIES": str(folder)}


def in_welsh(client) -> None:
    with client.session_transaction() as session:
        session["language"] = "cy"


def test_a_console_flash_and_the_form_labels_come_out_in_the_chosen_language(client):
    in_welsh(client)
    page = client.get("/console/login")
    token = _CSRF.search(page.get_data(as_text=True)).group(1)
    page = client.post("/console/login", data={"csrf_token": token, "email": "nobody@example.org",
                                               "password": "not the password"})
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "Nid yw&#39;r e-bost a&#39;r cyfrinair yn cyfateb." in text  # the flash, escaped like any text
    assert ">E-bost</label>" in text and ">Cyfrinair</label>" in text
    assert 'value="Mewngofnodi"' in text
    assert "That email and password" not in text and ">Email</label>" not in text


def test_the_same_page_stays_english_for_an_english_reader(client):
    text = client.get("/console/login").get_data(as_text=True)
    assert ">Email</label>" in text and 'value="Sign in"' in text


def test_a_report_heading_and_its_chart_words_are_translated_but_its_csv_stays_english(staff):
    board = staff("board_member")
    in_welsh(board.client)
    page = board.get("/board/report?period=2026Q3&format=html").get_data(as_text=True)
    assert "1. Y gweithgaredd" in page
    assert "Ymgysylltu â phlant a phobl ifanc" in page
    assert "Dim byd eto." in page  # inside the chart's SVG, drawn by Python
    assert "1 Gorffennaf 2026 hyd 30 Medi 2026" in page  # the months too, in Welsh

    csv = board.get("/board/report?period=2026Q3&format=csv").get_data(as_text=True)
    assert "1 July 2026 to 30 September 2026" in csv and "hyd" not in csv


def test_a_choice_name_built_at_import_follows_the_reader(staff):
    admin = staff("admin")
    in_welsh(admin.client)
    page = admin.get("/console/users").get_data(as_text=True)
    assert ">Aelod o’r bwrdd</option>" in page  # the InviteForm's role choices, built at import


def test_a_translated_constant_is_escaped_in_a_page(app):
    from flask import render_template_string

    from engage.services.posters import PosterContent

    with app.test_request_context():
        from flask import session

        session["language"] = "cy"
        shown = render_template_string("{{ words }}", words=PosterContent.PRIVACY)
    assert shown == "Dydych chi ddim yn rhoi eich enw &lt;yn wir&gt;."
