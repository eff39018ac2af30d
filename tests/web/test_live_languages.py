"""The live event screen in the reader's language: the words its script draws with, hidden counts, and the survey's own words."""
from __future__ import annotations

import html
import json
import re

import pytest

from engage.models import OPEN
from engage.services.consultations import create_from_template
from tests.catalogues import write_catalogue
from tests.services.test_live import KNIFE_CRIME, cells, respond
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
    "Prefer not to say": "Gwell gen i beidio â dweud",
    "Really bad": "Gwael iawn",
    "Hidden from the screen": "Wedi'i guddio o'r sgrin",
    "Includes answers from people still answering.": "Yn cynnwys atebion pobl sy'n dal i ateb.",
}
WORDS = re.compile(r'<script type="application/json" id="live-words">(.*?)</script>', re.DOTALL)


@pytest.fixture
def config_overrides(tmp_path):
    return {"BABEL_TRANSLATION_DIRECTORIES": str(write_catalogue(tmp_path / "translations", "cy", WELSH)),
            "LIVE_CACHE_SECONDS": 0}


def ballot_with(app, answers: int) -> str:
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
        respond(code, KNIFE_CRIME, times=answers)
        respond(code, {**KNIFE_CRIME, "age_band": "skip"}, times=answers)
    return code


def reader_in(staff, language: str):
    facilitator = staff("facilitator")
    choose(facilitator.client, language, "/console/")
    return facilitator


def live_page_in(app, staff, language: str, answers: int) -> str:
    code = ballot_with(app, answers)
    return reader_in(staff, language).get(f"/console/c/{code}/live").get_data(as_text=True)


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


# --- the survey's own words ---------------------------------------------------

BALLOT_CY = "Dewisa'r 3 mater sydd bwysicaf i ti, gan ddechrau gyda'r pwysicaf."
BALLOT_EN = "Pick the 3 issues that matter most to you, starting with the most important."


def words_of(data: dict) -> dict[str, tuple[str, dict[str, str]]]:
    return {i["question_id"]: (i["text"], {b["value"]: b["label"] for b in i["bars"]}) for i in data["items"]}


def test_in_welsh_the_live_page_and_json_show_the_surveys_welsh_and_the_same_counts(app, staff):
    code = ballot_with(app, 12)
    welsh, english = reader_in(staff, "cy"), reader_in(staff, "en")
    page = html.unescape(welsh.get(f"/console/c/{code}/live").get_data(as_text=True))
    assert BALLOT_CY in page and BALLOT_EN not in page
    assert "Troseddau cyllyll" in page and "Knife crime<" not in page
    assert "Gwell gen i beidio â dweud" in page and "Prefer not to say" not in page
    assert "Gwael iawn" in page  # the faces scale's own words, from the catalogue
    assert "Pleidlais ieuenctid – beth sydd bwysicaf i ti?" in page
    data = welsh.get(f"/console/c/{code}/live.json").get_json()
    said = words_of(data)
    assert said["top_issues"][0] == BALLOT_CY
    assert said["top_issues"][1]["knife_crime"] == "Troseddau cyllyll"
    assert said["age_band"][1]["14-15"] == "14–15"  # no Welsh for it: the English stands
    assert data["note"] == "Yn cynnwys atebion pobl sy'n dal i ateb."
    in_english = english.get(f"/console/c/{code}/live.json").get_json()
    assert words_of(in_english)["top_issues"][1]["knife_crime"] == "Knife crime"
    assert in_english["note"] == "Includes answers from people still answering."
    assert cells(data) == cells(in_english) and {c["count"] for c in cells(data)} >= {12, 24}
    assert [[b["value"] for b in i["bars"]] for i in data["items"]] == [
        [b["value"] for b in i["bars"]] for i in in_english["items"]
    ]


def test_the_hidden_list_in_controls_mode_is_in_welsh(app, staff):
    code = ballot_with(app, 10)
    welsh = reader_in(staff, "cy")
    controls = welsh.get(f"/console/c/{code}/live?controls=1").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', controls).group(1)
    welsh.post(f"/console/c/{code}/live/hide", {"csrf_token": token, "question": "why_first", "hide": "1"})
    controls = html.unescape(welsh.get(f"/console/c/{code}/live?controls=1").get_data(as_text=True))
    hidden = controls[controls.index("Wedi'i guddio o'r sgrin"):]
    assert "<span>Pam dewisaist ti dy ddewis cyntaf? Galli di hepgor hwn.</span>" in hidden


def test_a_cached_snapshot_never_lends_one_languages_words_to_anothers_page(app, staff):
    app.config["LIVE_CACHE_SECONDS"] = 60
    code = ballot_with(app, 10)
    welsh, english = reader_in(staff, "cy"), reader_in(staff, "en")
    first = html.unescape(welsh.get(f"/console/c/{code}/live").get_data(as_text=True))
    page = english.get(f"/console/c/{code}/live").get_data(as_text=True)
    data = english.get(f"/console/c/{code}/live.json").get_data(as_text=True)
    assert BALLOT_CY in first
    for shown in (page, data):
        assert "Troseddau cyllyll" not in shown and "Gwell gen i beidio" not in shown
        assert "Knife crime" in shown and "Prefer not to say" in shown
    again = welsh.get(f"/console/c/{code}/live.json").get_json()
    assert words_of(again)["top_issues"][1]["knife_crime"] == "Troseddau cyllyll"
