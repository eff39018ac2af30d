"""The pages as a young person sees them, on a phone, without JavaScript."""
from __future__ import annotations

import html
import io
import re

import pytest
import sqlalchemy as sa
import zxingcpp
from markupsafe import escape
from PIL import Image
from sqlalchemy import select

from engage.extensions import db
from engage.models import IN_PROGRESS, OPEN, SUBMITTED, Response
from engage.services.consultations import create_from_template
from tests.conftest import Respondent

ORGANISER = "North Lincolnshire Children's MARS Board"
PAGE_BUDGET = 30 * 1024


@pytest.fixture
def code(app):
    """The join code of an open youth ballot."""
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


# --- helpers -----------------------------------------------------------------


def position(person) -> str:
    match = re.search(r"Question \d+ of \d+", person.text)
    assert match, "the page shows no question"
    return match.group(0)


def chosen_on_page(person) -> list[str]:
    """The values ticked or selected on the page, in page order."""
    return re.findall(r'value="([^"]*)" (?:checked|selected)', person.text)


def responses(app) -> list[dict]:
    with app.app_context():
        rows = db.session.scalars(select(Response).order_by(Response.id))
        return [{"status": r.status, "answers": {a.question_id: a.value for a in r.answers}} for r in rows]


def finish(person):
    """Answer the whole youth ballot and send it; the thank-you page is on screen."""
    person.start()
    person.answer("14-15")
    person.answer("knife_crime", "school")
    person.answer("Too many fights near school.")
    person.answer("2")
    return person.send()


def every_page(client, person) -> dict:
    """Every page a young person can see on the way through, by name."""
    pages = {"join": client.get("/"), "intro": person.open(), "help": client.get("/help")}
    pages["age_band"] = person.start()
    pages["age_band refused"] = person.answer()
    pages["top_issues"] = person.answer("14-15")
    pages["why_first"] = person.answer("knife_crime", "school")
    pages["why_first too long"] = person.answer("x" * 1001)
    pages["knife_crime_safe"] = person.answer("Too many fights near school.")
    pages["send"] = person.answer("2")
    pages["thanks"] = person.send()
    pages["intro after sending"] = person.open()
    pages["unknown code"] = client.get("/s/ZZZZZZ")
    return pages


@pytest.fixture
def pages(client, code, respondent) -> dict:
    return every_page(client, respondent(code))


def start_button_on(text: str, code: str) -> str | None:
    """The label of the button in the form that starts a response, if there is one."""
    form = re.search(rf'<form method="post" action="/s/{code}/start">(.*?)</form>', text, re.S)
    button = form and re.search(r'<button[^>]*type="submit"[^>]*>(.*?)</button>', form.group(1), re.S)
    return html.unescape(button.group(1).strip()) if button else None


HELP_LINES = ['href="tel:08001111">0800 1111</a>', 'href="sms:85258">85258</a>', 'href="tel:999">999</a>']


# --- the intro ---------------------------------------------------------------


def test_the_intro_says_who_is_asking_that_nobody_can_see_who_you_are_and_what_happens_next(
    app, client, code
):
    app.config["ORGANISER"] = ORGANISER
    text = client.get(f"/s/{code}").get_data(as_text=True)
    assert f"Asked by {escape(ORGANISER)}" in text
    assert "Nobody can see who you are." in text
    assert "will read what everyone says together, and tell you what they did about it" in text


def test_the_intro_shows_childline_shout_and_999(client, code):
    text = client.get(f"/s/{code}").get_data(as_text=True)
    for line in HELP_LINES:
        assert line in text


def test_the_intro_has_a_start_button(client, code):
    text = client.get(f"/s/{code}").get_data(as_text=True)
    assert start_button_on(text, code) == "Start"
    assert "Carry on where you left off" not in text


def test_no_respondent_page_needs_javascript(pages):
    for name, page in pages.items():
        text = page.get_data(as_text=True)
        assert "<script" not in text.lower(), name
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", text, re.I), f"{name} has an inline event handler"
        assert "javascript:" not in text.lower(), name


def test_every_respondent_page_is_sized_for_a_phone(pages):
    for name, page in pages.items():
        viewport = '<meta name="viewport" content="width=device-width, initial-scale=1">'
        assert viewport in page.get_data(as_text=True), name


# --- moving through the questions ----------------------------------------------


def test_progress_counts_up_and_grows_when_an_answer_adds_a_question(code, respondent):
    person = respondent(code)
    person.start()
    seen = [position(person)]
    for values in (["14-15"], ["knife_crime", "school"], ["Too many fights."]):
        person.answer(*values)
        seen.append(position(person))
    assert seen == ["Question 1 of 3", "Question 2 of 3", "Question 3 of 4", "Question 4 of 4"]


def test_progress_stays_short_when_no_answer_adds_a_question(code, respondent):
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("school", "jobs")
    assert position(person) == "Question 3 of 3"


@pytest.mark.parametrize(
    "answers, back_to",
    [
        ([["16-17"]], "Question 1 of 3"),
        ([["16-17"], ["mental_health", "knife_crime", "transport"]], "Question 2 of 4"),
        ([["16-17"], ["school"], ["My own words"]], "Question 3 of 3"),
    ],
    ids=["age band", "ranked ballot", "free text"],
)
def test_back_shows_the_previous_screen_with_the_earlier_answer_chosen(code, respondent, answers, back_to):
    person = respondent(code)
    person.start()
    for values in answers:
        person.answer(*values)
    page = person.answer(button="back")
    assert page.status_code == 200
    assert position(person) == back_to
    if person.question_id() == "why_first":
        assert "My own words</textarea>" in person.text
    else:
        assert chosen_on_page(person) == answers[-1]


def test_prefer_not_to_say_moves_on_and_is_stored_as_such(app, code, respondent):
    person = respondent(code)
    person.start()
    person.answer(button="skip")
    assert position(person) == "Question 2 of 3"
    assert responses(app) == [{"status": IN_PROGRESS, "answers": {"age_band": "prefer_not_to_say"}}]


@pytest.mark.parametrize(
    "answers, empty, message, on_screen",
    [
        ([], [], "Please choose an answer.", "Question 1 of 3"),
        ([["14-15"]], ["", "", ""], "Please pick at least one.", "Question 2 of 3"),
    ],
    ids=["age band", "ranked ballot"],
)
def test_a_required_question_left_empty_shows_an_error_and_stays(
    app, code, respondent, answers, empty, message, on_screen
):
    person = respondent(code)
    person.start()
    for values in answers:
        person.answer(*values)
    page = person.answer(*empty)
    assert page.status_code == 422
    assert re.search(rf'<p class="error" id="q-error" role="alert">{re.escape(message)}</p>', person.text)
    assert position(person) == on_screen
    assert len(responses(app)[0]["answers"]) == len(answers)


def test_an_optional_question_left_empty_moves_on(app, code, respondent):
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("school")
    person.answer("")
    assert "Ready to send?" in person.text
    assert "why_first" not in responses(app)[0]["answers"]


# --- coming back -------------------------------------------------------------


def test_coming_back_in_the_same_browser_offers_to_carry_on_where_you_left_off(app, code, respondent):
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("knife_crime", "school")
    intro = person.open()  # the tab was closed; the QR code is scanned again
    link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Carry on where you left off</a>', intro.text)
    assert link
    person.page = person.client.get(link.group(1))
    assert person.question_id() == "why_first"
    assert position(person) == "Question 3 of 4"
    person.answer(button="back")
    assert chosen_on_page(person) == ["knife_crime", "school"]
    assert responses(app)[0]["answers"] == {"age_band": "14-15", "top_issues": ["knife_crime", "school"]}


def test_a_different_browser_starts_fresh(app, code, respondent):
    first = respondent(code)
    first.start()
    first.answer("14-15")
    second = Respondent(app.test_client(), code)
    intro = second.open().get_data(as_text=True)
    assert "Carry on where you left off" not in intro
    assert start_button_on(intro, code) == "Start"
    second.start()
    assert position(second) == "Question 1 of 3"
    assert chosen_on_page(second) == []
    assert [r["answers"] for r in responses(app)] == [{"age_band": "14-15"}, {}]


# --- the thank-you page ---------------------------------------------------------


def test_the_thank_you_page_says_what_happens_next_and_shows_the_help_lines(code, respondent):
    text = finish(respondent(code)).get_data(as_text=True)
    assert "What happens next" in text
    assert "They will share what they are doing about it." in text
    for line in HELP_LINES:
        assert line in text


def test_starting_for_someone_else_on_the_device_begins_a_new_response(app, code, respondent):
    person = respondent(code)
    finish(person)
    assert start_button_on(person.text, code) == "Start a new survey for someone else on this device"
    person.post("/start")
    person.open("/q")
    assert position(person) == "Question 1 of 3"
    assert chosen_on_page(person) == []
    stored = responses(app)
    assert [r["status"] for r in stored] == [SUBMITTED, IN_PROGRESS]
    assert len(stored[0]["answers"]) == 4 and stored[1]["answers"] == {}


# --- page weight -------------------------------------------------------------


@pytest.mark.parametrize("name", ["intro", "top_issues", "why_first too long", "thanks"])
def test_a_page_with_its_stylesheet_weighs_under_30_kb(client, pages, name):
    with client.get("/static/engage.css") as css:
        assert css.status_code == 200
        stylesheet = len(css.get_data())
    weight = len(pages[name].get_data()) + stylesheet
    assert weight < PAGE_BUDGET, f"{name} weighs {weight} bytes"


# --- QR codes ----------------------------------------------------------------


def test_the_qr_code_opens_the_consultation(client, code):
    image = client.get(f"/s/{code}/qr.png")
    assert image.status_code == 200 and image.mimetype == "image/png"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.get_data())))
    assert len(found) == 1
    url = found[0].text
    assert url.startswith("http") and url.endswith(f"/s/{code}")
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200


def test_the_qr_code_is_also_an_svg_for_print(client, code):
    image = client.get(f"/s/{code}/qr.svg")
    assert image.status_code == 200
    assert image.mimetype == "image/svg+xml"
    assert "<svg" in image.get_data(as_text=True)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_an_unknown_code_has_no_qr_code(client, kind):
    page = client.get(f"/s/ZZZZZZ/qr.{kind}")
    assert page.status_code == 404
    assert "We could not find that code" in page.get_data(as_text=True)


# --- health and headers --------------------------------------------------------


def test_health_check_names_the_database_in_use(app, client):
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.is_json
    expected = sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()
    assert answer.get_json() == {"status": "ok", "database": expected}


def test_the_session_cookie_is_http_only_and_same_site_lax(code, respondent):
    person = respondent(code)
    person.open()
    started = person.post("/start")
    cookies = [c for c in started.headers.getlist("Set-Cookie") if c.startswith("engage=")]
    assert cookies
    for cookie in cookies:
        parts = [p.strip() for p in cookie.split(";")]
        assert "HttpOnly" in parts
        assert "SameSite=Lax" in parts


@pytest.mark.parametrize(
    "name", ["join", "intro", "age_band", "age_band refused", "why_first", "send", "thanks", "unknown code"]
)
def test_respondent_pages_are_not_kept_by_a_shared_device_and_carry_a_content_security_policy(pages, name):
    headers = pages[name].headers
    assert "no-store" in headers.get("Cache-Control", "")
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_a_consultation_that_opens_later_says_the_day_it_opens(app, client):
    from datetime import date, timedelta

    opens = date.today() + timedelta(days=10)
    with app.app_context():
        made = create_from_template("youth-ballot", status=OPEN)
        made.opens_on = opens
        db.session.commit()
        code = made.join_code
    page = client.get(f"/s/{code}")
    text = html.unescape(page.get_data(as_text=True))
    assert "not open yet" in text
    from babel.dates import format_date

    assert f"opens on {format_date(opens, 'long', locale='en')}" in text
