"""The pages in the reader's language, in a real browser: what the unit tests cannot see.

The live screen is drawn twice: by the server, then over and over by static/live.js
from live.json, with the words the page hands it and numbers from the browser's Intl.
These tests check what the script draws, in Welsh and in Arabic, against the app's
catalogue and CLDR as Babel has them. A young person changes language with the chooser
(a plain form) halfway through a survey and finds their answers still there.
Screenshots go to test-artifacts/screenshots/<test>/NN-step.png, as in test_journeys.py.
"""
from __future__ import annotations

import random
import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, Answer, Response
from engage.services.consultations import create_from_template, find_consultation
from engage.services.demo import add_synthetic_responses
from tests.browser.conftest import PHONE, ROOT
from tests.browser.pages import overflow, press, start

PROJECTOR = {"viewport": {"width": 1280, "height": 720}}
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"))
TEMPLATE = "youth-ballot"
# What the script writes, as the catalogue has it (engage/console/live.py, script_words).
SCRIPT_MSGIDS = (
    "%(shown)s answered", "%(shown)s answered · hidden while a small number could be worked out",
    "Too few answers to show yet", "Answer", "People", "%(shown)s person", "%(shown)s people",
    "No word has been used by %(threshold)s or more people yet.", "fewer than %(n)s", "hidden",
    "not updating: check the connection, or sign in again",
)
# Elements live.js fills with its own words and numbers (not the survey's, nor what people typed).
SCRIPT_DRAWN = ("#live .chart caption, #live .chart thead th, #live .chart td.count, "
                "#live .chart span.count, #live .chart p.empty, [data-cell], #live-status")


@cache
def catalogue(language: str) -> Translations:
    return Translations.load(str(ROOT / "translations"), [language])


@cache
def survey_po(language: str) -> dict[str, str]:
    """The shipped translation of the template, by msgctxt (question:<id>:text, …)."""
    with open(ROOT / "surveys/templates/translations" / language / f"{TEMPLATE}.po", "rb") as po:
        return {message.context: message.string for message in read_po(po) if message.context}


def plain(text: str) -> str:
    """Text without the invisible direction marks Intl puts round a sign (45‎%‎ in Arabic)."""
    return " ".join(text.translate(BIDI_MARKS).split())


# --- the live screen -------------------------------------------------------------------


def _known_answers(consultation) -> None:
    """Rewrite two questions' answers so the screen is known whatever the random ones were.

    How old: 12 are 14–15, the rest 16–17 (both shown, with percentages). Why the first
    choice: "buses" used by 11 people and "park" by 10 (in Arabic, two plural forms);
    the rest say "skate".
    """
    answers = {question_id: db.session.scalars(
        select(Answer).join(Response).where(Response.consultation_id == consultation.id,
                                            Answer.question_id == question_id).order_by(Answer.id)
    ).all() for question_id in ("age_band", "why_first")}
    assert len(answers["age_band"]) > 24 and len(answers["why_first"]) > 11
    for n, answer in enumerate(answers["age_band"]):
        answer.value = "14-15" if n < 12 else "16-17"
    for n, answer in enumerate(answers["why_first"]):
        answer.value = "buses park" if n < 10 else "buses" if n == 10 else "skate"
    db.session.commit()


def _live_consultation(server, earlier_responses: int) -> str:
    def make():
        consultation = create_from_template(TEMPLATE, status=OPEN)
        add_synthetic_responses(consultation, earlier_responses, random.Random(8))
        _known_answers(consultation)
        return consultation.join_code

    return server.call(make)


def _one_more_answer(server, code: str) -> None:
    def add():
        consultation = find_consultation(code)
        add_synthetic_responses(consultation, 1, random.Random(9))
        _known_answers(consultation)

    server.call(add)


def _expected_chart(item: dict, threshold: int, language: str) -> list[str]:
    """What one item's chart should read, line by line, from live.json and the catalogue."""
    t = catalogue(language)

    def shown(cell: dict) -> str:
        if not cell["suppressed"] and cell["count"] is not None:
            return format_decimal(cell["count"], locale=language)
        if cell["display"] == "hidden":
            return t.gettext("hidden")
        return t.gettext("fewer than %(n)s") % {"n": format_decimal(threshold, locale=language)}

    if item["kind"] == "words":
        if not item["words"]:
            return [t.gettext("No word has been used by %(threshold)s or more people yet.")
                    % {"threshold": format_decimal(threshold, locale=language)}]
        return [f"{w['word']} " + t.ngettext("%(shown)s person", "%(shown)s people", w["cell"]["count"] or 0)
                % {"shown": shown(w["cell"])} for w in item["words"]]
    answered = shown(item["answered"])
    caption = t.gettext("%(shown)s answered") % {"shown": answered}
    if item["withheld"]:
        caption = (t.gettext("Too few answers to show yet") if item["answered"]["suppressed"] else
                   t.gettext("%(shown)s answered · hidden while a small number could be worked out")
                   % {"shown": answered})
    lines = [caption, f"{t.gettext('Answer')} {t.gettext('People')}"]
    for bar in item["bars"]:
        count = shown(bar["cell"])
        if bar["percent"] is not None:
            count += f" ({format_percent(bar['percent'] / 100, locale=language)})"
        lines.append(" ".join(filter(None, [str(bar["rank"] or ""), bar["label"], count])))
    return [plain(line) for line in lines]


DRAWN_CHART = """chart => {
    const text = node => node.textContent.replace(/\\s+/g, " ").trim();
    const list = chart.querySelector("ol.words");
    if (list) { return [...list.children].map(text); }
    const empty = chart.querySelector("p.empty");
    if (empty) { return [text(empty)]; }
    const row = tr => [...tr.children].map(text).filter(Boolean).join(" ");
    return [text(chart.querySelector("caption"))].concat([...chart.querySelectorAll("tr")].map(row));
}"""


@pytest.mark.parametrize("language", ["cy", "ar"])
def test_the_live_screen_redraws_itself_in_the_readers_language(contexts, server, screenshots, language):
    code = _live_consultation(server, earlier_responses=30)
    t = catalogue(language)
    page = contexts.page(language, role="facilitator", **PROJECTOR)  # the browser is in Welsh, or Arabic
    page.goto(f"/console/c/{code}/live")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    screenshots(page, "served")
    # Take away what the server drew, so everything checked below is what live.js drew.
    page.evaluate("""() => {
        document.querySelectorAll("#live .chart > *").forEach(node => node.remove());
        document.querySelectorAll("[data-cell], #live-status").forEach(node => { node.textContent = ""; });
        window.__still_this_page = true;
    }""")
    _one_more_answer(server, code)
    sent = page.locator("[data-cell=sent]")
    expect(sent).to_have_text(format_decimal(31, locale=language), timeout=15_000)
    assert page.evaluate("window.__still_this_page") is True, "the live view reloaded"
    screenshots(page, "redrawn")

    data = page.evaluate("url => fetch(url).then(r => r.json())", page.locator("#live").get_attribute("data-live-url"))
    assert data["sent"]["count"] == 31, "no answer arrived after the redraw"
    charts = page.locator("#live [data-item] .chart")
    assert charts.count() == len(data["items"]) > 0
    for n, item in enumerate(data["items"]):
        drawn = [plain(line) for line in charts.nth(n).evaluate(DRAWN_CHART)]
        assert drawn == _expected_chart(item, data["threshold"], language), item["question_id"]
    for name in ("taking_part", "sent", "answering"):
        cell = data[name]
        expected = (format_decimal(cell["count"], locale=language) if not cell["suppressed"] else
                    t.gettext("fewer than %(n)s") % {"n": format_decimal(data["threshold"], locale=language)})
        expect(page.locator(f"[data-cell={name}]")).to_have_text(expected)
    status = t.gettext("%(when)s UTC") % {"when": "TIME"}
    expect(page.locator("#live-status")).to_have_text(
        re.compile("^" + re.escape(status).replace("TIME", r"\d\d:\d\d:\d\d") + "$"))

    # Percentages as the browser writes them for the page's language (in Arabic, with the
    # direction marks CLDR puts round the sign), not as it would for English.
    percents = [bar["percent"] for item in data["items"] for bar in item["bars"] if bar["percent"] is not None]
    assert percents, "no percentage on the screen to check"
    written = page.evaluate("""([lang, percents]) => percents.map(p =>
        "(" + new Intl.NumberFormat(lang, {style: "percent", maximumFractionDigits: 0}).format(p / 100) + ")")""",
                            [language, percents])
    assert page.locator("#live .chart .pct").all_text_contents() == written
    if language == "ar":
        assert all("\u200e%\u200e" in text for text in written)

    # The youth ballot's own words come in the reader's language too (the survey ships them).
    ballot = next(item for item in data["items"] if item["question_id"] == "top_issues")
    assert {bar["label"] for bar in ballot["bars"]} <= {t.gettext("Prefer not to say")} | {
        text for context, text in survey_po(language).items() if context.startswith("question:top_issues:choice:")}
    # The word list shows both plural forms the counts need (Arabic: 10 "few", 11 "many").
    words = {w["word"]: w["cell"]["count"] for w in next(i for i in data["items"] if i["kind"] == "words")["words"]}
    assert words.get("park") == 10 and words.get("buses", 0) >= 11
    # Nothing the script drew is English (unless the catalogue says the same).
    drawn = plain(" ".join(page.locator(SCRIPT_DRAWN).all_text_contents()))
    for msgid in SCRIPT_MSGIDS:
        for english in filter(str.strip, re.split(r"%\(\w+\)s", msgid)):
            english = english.strip(" ·.")
            if english and english not in t.gettext(msgid) and english not in t.ngettext(msgid, msgid, 2):
                assert not re.search(rf"\b{re.escape(english)}\b", drawn), f"English from the script: {english!r}"
    assert not page.locator("body.stale").count()

    problems = overflow(page, "projector")
    page.set_viewport_size(PHONE["viewport"])  # the facilitator's phone
    problems += overflow(page, "phone")
    screenshots(page, "phone")
    assert not problems, problems
    assert not contexts.script_errors, contexts.script_errors


# --- choosing a language halfway through a survey -------------------------------------


def _survey_text(language: str, question_id: str) -> str:
    return survey_po(language)[f"question:{question_id}:text"]


def _in_progress_answers(server, code: str) -> list[dict]:
    def read():
        consultation = find_consultation(code)
        responses = db.session.scalars(select(Response).where(Response.consultation_id == consultation.id)).all()
        return [{a.question_id: a.value for a in r.answers} for r in responses]

    return server.call(read)


def test_a_young_person_picks_welsh_then_arabic_in_the_chooser_and_keeps_their_answers(
    contexts, server, screenshots
):
    code = server.call(lambda: create_from_template(TEMPLATE, status=OPEN).join_code)
    page = contexts.page("en", **PHONE)  # a phone set to English: the chooser does the rest
    heading = page.get_by_role("heading", level=1)
    page.goto(f"/s/{code}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshots(page, "intro-in-english")
    with page.expect_navigation():
        page.locator("form.languages").get_by_role("button", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert page.url.endswith(f"/s/{code}"), "the chooser goes back to the page it was on"
    expect(heading).to_have_text(survey_po("cy")["survey:title"])
    screenshots(page, "intro-in-welsh")

    start(page, code)
    expect(heading).to_have_text(_survey_text("cy", "age_band"))
    page.locator("input[name=answer][value='14-15']").check()
    screenshots(page, "age-in-welsh")
    press(page)
    expect(heading).to_have_text(_survey_text("cy", "top_issues"))
    issues = ["transport", "mental_health", "things_to_do"]
    for place, value in enumerate(issues):
        page.locator(f"#rank-{place}").select_option(value)
    expect(page.locator("#rank-0 option:checked")).to_have_text(
        survey_po("cy")["question:top_issues:choice:transport"])
    screenshots(page, "ballot-in-welsh")
    press(page)
    expect(page.locator("input[name=question]")).to_have_value("why_first")
    expect(heading).to_have_text(_survey_text("cy", "why_first"))
    screenshots(page, "third-question-in-welsh")

    page.locator("details.languages summary").click()  # folded away on a question screen
    with page.expect_navigation():
        page.locator("form.languages").get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("input[name=question]")).to_have_value("why_first")  # the same question
    expect(heading).to_have_text(_survey_text("ar", "why_first"))
    problems = overflow(page, "question in Arabic")
    screenshots(page, "same-question-in-arabic")
    press(page, "back")
    expect(heading).to_have_text(_survey_text("ar", "top_issues"))
    for place, value in enumerate(issues):
        expect(page.locator(f"#rank-{place}")).to_have_value(value)
    expect(page.locator("#rank-0 option:checked")).to_have_text(
        survey_po("ar")["question:top_issues:choice:transport"])
    problems += overflow(page, "ballot in Arabic")
    screenshots(page, "ballot-kept-in-arabic")
    press(page, "back")
    expect(heading).to_have_text(_survey_text("ar", "age_band"))
    expect(page.locator("input[name=answer][value='14-15']")).to_be_checked()
    screenshots(page, "age-kept-in-arabic")

    assert _in_progress_answers(server, code) == [{"age_band": "14-15", "top_issues": issues}]
    assert not problems, problems
    assert not contexts.script_errors, contexts.script_errors
