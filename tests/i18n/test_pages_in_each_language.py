"""The shipped catalogues reach the pages: a young person's, a facilitator's and a board member's."""
from __future__ import annotations

import html
import re

import pytest
from babel.support import Translations

from tests.i18n.test_catalogues import LANGUAGES, ROOT, TRANSLATIONS

PAGES = {
    "young person": (None, "/", ["Have your say", "Go", "Scan the QR code on the poster, or type the join code here."]),
    "facilitator": ("facilitator", "/console/", ["Import from XLSForm", "New consultation"]),
    "board member": ("board_member", "/board/", ["What young people are saying", "Who took part"]),
    "safeguarding lead": ("safeguarding_lead", "/console/safeguarding", ["Safeguarding alerts"]),
}


def _text(page) -> str:
    """What a reader sees: the words between the tags (not a form token that happens to hold "Go")."""
    words = re.sub(r"<[^>]*>", " ", page.get_data(as_text=True))
    return html.unescape(re.sub(r"\s+", " ", words))


def _says(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", PAGES)
def test_each_page_speaks_the_readers_language(client, staff, language, who):
    role, path, msgids = PAGES[who]
    words = Translations.load(str(TRANSLATIONS), [language])
    browser = {"Accept-Language": f"{language};q=0.9,en;q=0.5"}
    getter = staff(role).client if role else client
    page = getter.get(path, headers=browser)
    assert page.status_code == 200
    assert f'<html lang="{language}"' in page.get_data(as_text=True)
    text = _text(page)
    for msgid in msgids:
        translated = words.gettext(msgid)
        assert translated != msgid, f"{language} has no words for {msgid!r}"
        assert _says(text, translated), f"{who}'s {path} in {language} lacks {translated!r}"
        assert not _says(text, msgid), f"{who}'s {path} in {language} still says {msgid!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_built_in_survey_asks_its_questions_in_the_readers_language(app, client, respondent, language):
    from babel.messages.pofile import read_po

    from engage.models import OPEN
    from engage.services.consultations import create_from_template

    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    with (ROOT / "surveys" / "templates" / "translations" / language / "youth-ballot.po").open("rb") as file:
        shipped = {(m.context, m.id): m.string for m in read_po(file)}
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    young = respondent(code)
    young.start()
    text = _text(young.page)
    asked = shipped[("question:age_band:text", "How old are you?")]
    assert _says(text, asked) and not _says(text, "How old are you?")
    young.answer("14-15")
    text = _text(young.page)
    for key, english in [("question:top_issues:text", None), ("question:top_issues:choice:knife_crime", "Knife crime")]:
        translated = next(s for (k, _), s in shipped.items() if k == key)
        assert _says(text, translated)
        if english:
            assert not _says(text, english)
