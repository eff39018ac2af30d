"""The live event screen in the reader's language: the words its script draws with, and hidden counts."""
from __future__ import annotations

import json
import re

import pytest

from engage.models import OPEN
from engage.services.consultations import create_from_template
from tests.catalogues import write_catalogue
from tests.services.test_live import KNIFE_CRIME, respond
from tests.web.test_languages import choose

WELSH = {
    "Too few answers to show yet": "Rhy ychydig o atebion i'w dangos eto",
    "%(shown)s answered": "%(shown)s wedi ateb",
    "fewer than %(n)s": "llai na %(n)s",
    "hidden": "cudd",
    "%(when)s UTC": "%(when)s UTC (amser y byd)",
    "not updating: check the connection, or sign in again": "ddim yn diweddaru: gwiriwch y cysylltiad",
    "People": "Pobl",
    "Answer": "Ateb",
}
WORDS = re.compile(r'<script type="application/json" id="live-words">(.*?)</script>', re.DOTALL)


@pytest.fixture
def config_overrides(tmp_path):
    return {"BABEL_TRANSLATION_DIRECTORIES": str(write_catalogue(tmp_path / "translations", "cy", WELSH)),
            "LIVE_CACHE_SECONDS": 0}


def live_page_in(app, staff, language: str, answers: int) -> str:
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
        respond(code, KNIFE_CRIME, times=answers)
    facilitator = staff("facilitator")
    choose(facilitator.client, language, "/console/")
    return facilitator.get(f"/console/c/{code}/live").get_data(as_text=True)


def test_the_live_page_carries_every_word_its_script_draws_with_in_welsh(app, staff):
    page = live_page_in(app, staff, "cy", 4)
    words = json.loads(WORDS.search(page).group(1))
    assert words["too_few"] == "Rhy ychydig o atebion i'w dangos eto"
    assert words["answered"] == "{shown} wedi ateb"
    assert words["fewer_than"] == "llai na {n}" and words["hidden"] == "cudd"
    assert words["updated_at"] == "{when} UTC (amser y byd)"
    assert words["stale"] == "ddim yn diweddaru: gwiriwch y cysylltiad"
    assert (words["answer"], words["people"]) == ("Ateb", "Pobl")
    # Welsh has six plural forms, each named as Intl.PluralRules names it.
    assert set(words["person_count"]) == {"zero", "one", "two", "few", "many", "other"}


def test_suppressed_counts_on_the_live_page_are_in_the_pages_language(app, staff):
    page = live_page_in(app, staff, "cy", 4)
    assert '<dd data-cell="taking_part">llai na 10</dd>' in page
    assert "Rhy ychydig o atebion i'w dangos eto" in page
    counts = re.findall(r'<(?:td class="count"|dd data-cell="\w+")>([^<]*)<', page)
    assert counts and not [c for c in counts if "fewer than" in c or "hidden" in c]


def test_in_english_the_script_gets_the_words_the_page_shows(app, staff):
    page = live_page_in(app, staff, "en", 4)
    words = json.loads(WORDS.search(page).group(1))
    assert words["fewer_than"] == "fewer than {n}" and words["answered"] == "{shown} answered"
    assert words["person_count"] == {"one": "{shown} person", "other": "{shown} people"}
    assert '<dd data-cell="taking_part">fewer than 10</dd>' in page
