"""The builder's Translations page: how complete each language is, a PO out, a PO in; young people see it."""
import re
from io import BytesIO

import pytest
from babel.messages.pofile import read_po

from engage.models import OPEN
from engage.services import users
from engage.services.consultations import find_consultation, set_status, survey_of
from tests.translating import translate as translated


# These start from a template with no translation yet, as a partnership's own survey would.
pytestmark = pytest.mark.usefixtures("english_only_templates")


def page(code: str) -> str:
    return f"/console/c/{code}/translations"


def download(person, code: str, language: str) -> bytes:
    response = person.get(f"/console/c/{code}/translations/file?language={language}")
    assert response.status_code == 200
    assert f'filename="survey-{code}-{language}.po"' in response.headers["Content-Disposition"]
    return response.data


def upload(person, code: str, language: str, data: bytes, name: str = "cy.po"):
    return person.post(
        page(code),
        {"language": language, "file": (BytesIO(data), name)},
        content_type="multipart/form-data",
    )


WELSH = {
    "question__top_issues__text": "Dewisa'r 3 mater sydd bwysicaf i ti, gan ddechrau gyda'r pwysicaf.",
    "question__top_issues__choice__knife_crime": "Troseddau cyllyll",
    "question__top_issues__choice__mental_health": "Iechyd meddwl",
}


def test_each_language_shows_how_much_is_translated_with_a_file_to_download(facilitator, ballot):
    response = facilitator.get(page(ballot))
    assert response.status_code == 200
    text = facilitator.text
    for language in ("cy", "pl", "ro", "ar", "ur"):
        assert f'id="language-{language}"' in text
    assert "Cymraeg (Welsh)" in text and "0 of 17" in text
    assert 'href="/console/c/%s/translations/file?language=cy"' % ballot in text
    po = read_po(BytesIO(download(facilitator, ballot, "cy")))
    assert str(po.locale) == "cy"
    assert po.get("Knife crime", context="question:top_issues:choice:knife_crime").string == ""


def test_an_uploaded_translation_is_imported_and_its_counts_shown(app, facilitator, ballot):
    po = translated(download(facilitator, ballot, "cy"), **WELSH)
    response = upload(facilitator, ballot, "cy", po)
    assert response.status_code == 200, facilitator.text
    assert "Imported cy: 3 applied, 0 stale, 0 unknown, 0 rejected." in facilitator.text
    assert "3 of 17" in facilitator.text
    with app.app_context():
        survey = survey_of(find_consultation(ballot))
        assert survey.question("top_issues").choice("knife_crime").label_in("cy") == "Troseddau cyllyll"
        assert survey.languages == ("en", "cy")
    again = read_po(BytesIO(download(facilitator, ballot, "cy")))
    assert again.get("Knife crime", context="question:top_issues:choice:knife_crime").string == "Troseddau cyllyll"


def test_stale_and_unknown_entries_are_listed_not_applied(facilitator, ballot):
    po = translated(download(facilitator, ballot, "cy"), **WELSH).decode()
    po = po.replace('msgid "Knife crime"', 'msgid "Knives"')
    po = po.replace('msgctxt "question:top_issues:choice:mental_health"', 'msgctxt "question:gone:text"')
    upload(facilitator, ballot, "cy", po.encode())
    assert "1 applied, 1 stale, 1 unknown" in facilitator.text
    assert "<code>question:top_issues:choice:knife_crime</code>" in facilitator.text
    assert "<code>question:gone:text</code>" in facilitator.text


@pytest.mark.parametrize(
    "language, data, name, message",
    [
        ("cy", b"\x00\x01 not a PO", "cy.po", "That file cannot be used"),
        ("pl", None, "cy.po", "the file is in &#39;cy&#39;, not &#39;pl&#39;"),
        ("cy", b"whatever", "cy.docx", "Use the .po file downloaded from this page"),
    ],
)
def test_a_bad_file_is_refused_saying_why_and_nothing_changes(app, facilitator, ballot, language, data, name, message):
    data = data if data is not None else translated(download(facilitator, ballot, "cy"), **WELSH)
    response = upload(facilitator, ballot, language, data, name)
    assert response.status_code == 422
    assert message in facilitator.text
    with app.app_context():
        assert survey_of(find_consultation(ballot)).languages == ("en",)


def test_an_upload_without_its_csrf_token_is_refused(app, facilitator, ballot):
    po = translated(download(facilitator, ballot, "cy"), **WELSH)
    facilitator.post(page(ballot), {"csrf_token": "forged", "language": "cy", "file": (BytesIO(po), "cy.po")},
                     content_type="multipart/form-data")
    assert facilitator.page.status_code in (400, 422)
    with app.app_context():
        assert survey_of(find_consultation(ballot)).languages == ("en",)


def test_a_language_engage_does_not_offer_is_not_found(facilitator, ballot):
    assert facilitator.get(f"/console/c/{ballot}/translations/file?language=fr").status_code == 404
    assert facilitator.get(f"/console/c/{ballot}/translations/file?language=en").status_code == 404


def test_a_co_facilitator_translates_only_consultations_on_their_team(app, staff, ballot):
    mine = staff("co_facilitator")
    assert mine.get(page(ballot)).status_code == 404
    with app.app_context():
        users.set_members(find_consultation(ballot), [mine.user.id], by=None)
    assert mine.get(page(ballot)).status_code == 200
    po = translated(download(mine, ballot, "cy"), **WELSH)
    upload(mine, ballot, "cy", po)
    assert "3 applied" in mine.text


@pytest.mark.parametrize("role", ["board_member", "safeguarding_lead"])
def test_board_members_and_safeguarding_leads_cannot_reach_translations(staff, ballot, role):
    person = staff(role)
    assert person.get(page(ballot)).status_code == 403
    assert person.get(f"/console/c/{ballot}/translations/file?language=cy").status_code == 403


def test_the_builder_pages_link_to_translations(facilitator, ballot):
    facilitator.get(f"/console/c/{ballot}/questions")
    assert f'href="/console/c/{ballot}/translations"' in facilitator.text


def test_a_young_person_choosing_welsh_sees_the_welsh_question_and_choices(app, facilitator, ballot, client, respondent):
    upload(facilitator, ballot, "cy", translated(download(facilitator, ballot, "cy"), **WELSH))
    with app.app_context():
        set_status(ballot, OPEN)
    with client.session_transaction() as session:
        session["language"] = "cy"
    young = respondent(ballot)
    young.start()
    if "top_issues" not in young.text:  # past the age question
        young.answer("11-13")
    text = young.text
    assert "Dewisa&#39;r 3 mater sydd bwysicaf i ti" in text
    assert "Troseddau cyllyll" in text and "Iechyd meddwl" in text
    assert "Buses and getting around" in text  # not translated yet: English
    assert re.search(r'<html[^>]*lang="cy"', text)
