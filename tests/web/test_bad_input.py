"""Each bad input gets a clear page, and loses nothing the young person already gave."""
from __future__ import annotations

import html
import re

import pytest
from markupsafe import escape
from sqlalchemy import func, inspect, select

from engage.extensions import db
from engage.models import OPEN, SUBMITTED, Answer, Response
from engage.services.consultations import create_from_template, set_status

TOO_LARGE = 64 * 1024 + 1  # one byte over MAX_CONTENT_LENGTH


@pytest.fixture
def code(app):
    """The join code of an open youth ballot."""
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


# --- helpers -----------------------------------------------------------------


def stored_answers(app) -> dict:
    """The answers of the one response in the database, by question."""
    with app.app_context():
        response = db.session.scalar(select(Response))
        return {a.question_id: a.value for a in response.answers} if response else {}


def stored_response(app) -> dict:
    with app.app_context():
        response = db.session.scalar(select(Response))
        return {"status": response.status, "current": response.current_question, "path": list(response.path)}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def position(page) -> str:
    """The "Question N of M" the page shows."""
    match = re.search(r"Question \d+ of \d+", page.get_data(as_text=True))
    assert match, "the page shows no question"
    return match.group(0)


def error_message(page) -> str:
    match = re.search(r'<p class="error"[^>]*>(.*?)</p>', page.get_data(as_text=True), re.S)
    assert match, "the page shows no error message"
    return html.unescape(match.group(1))


def textarea(page) -> str:
    """What the free-text box holds, as the browser would show it."""
    match = re.search(r"<textarea[^>]*>(.*?)</textarea>", page.get_data(as_text=True), re.S)
    assert match, "the page has no text box"
    return html.unescape(match.group(1))


def csrf_of(page) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)).group(1)


def reach_why_first(person):
    """Answer the age and the ballot (with knife crime), to stand on the free-text screen."""
    person.start()
    person.answer("14-15")
    person.answer("knife_crime", "school")
    assert person.question_id() == "why_first"
    return person.page


def replay(person, page, *values, button="next"):
    """Send a form from a page seen earlier again: a double tap, or the browser's back button."""
    person.page = page
    return person.answer(*values, button=button)


def answer_everything(person):
    """Walk the youth ballot to the send screen; return the pages seen on the way."""
    pages = {"age_band": person.start()}
    pages["top_issues"] = person.answer("14-15")
    pages["why_first"] = person.answer("knife_crime", "school")
    pages["knife_crime_safe"] = person.answer("Because of what happened to my cousin.")
    pages["send"] = person.answer("2")
    assert "Ready to send?" in person.text
    return pages


EARLIER = {"age_band": "14-15", "top_issues": ["knife_crime", "school"]}


def join(client, typed: str):
    page = client.get("/")
    return client.post("/", data={"csrf_token": csrf_of(page), "code": typed})


# --- join codes --------------------------------------------------------------


@pytest.mark.parametrize("unknown", ["ZZZZZZ", "KX7P4M", "not-a-code", "%00%FF"])
def test_an_unknown_join_code_shows_a_friendly_page_offering_to_type_it_again(client, unknown):
    page = client.get(f"/s/{unknown}")
    text = page.get_data(as_text=True)
    assert page.status_code == 404
    assert "We could not find that code" in text
    assert re.search(r'<a [^>]*href="/"[^>]*>Type the code again</a>', text)
    assert "Traceback" not in text


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Please type the code from the poster or card."),
        ("KX7", "That does not look like a join code"),
        ("KX7P4M!", "That does not look like a join code"),
        ("KX7P4M-KX7P4M-KX", "That does not look like a join code"),
        ("<b>hi</b>", "That does not look like a join code"),
    ],
)
def test_a_malformed_code_on_the_join_form_shows_the_form_again_with_an_error(client, typed, message):
    page = join(client, typed)
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert message in html.unescape(re.search(r'<p class="error"[^>]*>(.*?)</p>', text, re.S).group(1))
    assert 'name="code"' in text
    assert f'value="{escape(typed)}"' in text  # what was typed comes back to correct


@pytest.mark.parametrize(
    "spell",
    [str.lower, lambda c: f"{c[:3]} {c[3:]}", lambda c: f"{c[:3]}-{c[3:]}", lambda c: f"  {c.lower()}\t"],
    ids=["lower case", "with a space", "with a dash", "lower case with blanks around"],
)
def test_a_known_code_typed_loosely_on_the_join_form_opens_its_consultation(client, code, spell):
    page = join(client, spell(code))
    assert page.status_code == 302
    assert page.location == f"/s/{code}"
    assert client.get(page.location).status_code == 200


# --- consultations not taking answers ----------------------------------------


@pytest.mark.parametrize(
    "status, says",
    [("closed", "This survey has closed"), ("draft", "This survey is not open yet.")],
)
def test_a_consultation_not_taking_answers_says_so_with_gone(app, client, code, status, says):
    with app.app_context():
        set_status(code, status)
    page = client.get(f"/s/{code}")
    text = page.get_data(as_text=True)
    assert page.status_code == 410
    assert says in text
    assert f"/s/{code}/start" not in text


def test_a_consultation_closing_mid_survey_stops_the_next_answer_with_the_closed_page(app, code, respondent):
    person = respondent(code)
    person.start()
    person.answer("14-15")
    with app.app_context():
        set_status(code, "closed")
    page = person.answer("knife_crime")
    assert page.status_code == 410
    assert "This survey has closed" in page.get_data(as_text=True)
    assert stored_answers(app) == {"age_band": "14-15"}


# --- too large ---------------------------------------------------------------


def test_a_body_over_the_size_limit_gets_a_friendly_page_and_keeps_earlier_answers(app, code, respondent):
    person = respondent(code)
    reach_why_first(person)
    page = person.answer("x" * TOO_LARGE)
    text = page.get_data(as_text=True)
    assert page.status_code == 413
    assert "That was too long to send" in text
    assert f'href="/s/{code}/q"' in text
    assert stored_answers(app) == EARLIER
    resumed = person.open("/q")
    assert person.question_id() == "why_first"
    assert position(resumed) == "Question 3 of 4"


# --- free text ---------------------------------------------------------------


def test_free_text_over_the_limit_says_how_long_it_is_and_gives_the_text_back(app, code, respondent):
    person = respondent(code)
    reach_why_first(person)
    typed = "I worry about knives at the bus station. " * 30 + "That is all."
    length = len(typed)
    assert length > 1000
    page = person.answer(typed)
    assert page.status_code == 422
    message = error_message(page)
    assert str(length) in message and "1000" in message
    assert textarea(page) == typed
    assert position(page) == "Question 3 of 4"
    assert stored_answers(app) == EARLIER
    assert stored_response(app)["current"] == "why_first"


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("I feel\x00 safe", "I feel safe"),
        ("bell\x07, escape\x1b[31m and delete\x7f", "bell, escape[31m and delete"),
        ("\x00\x01  line one\r\nline two\rline three \x0b\x0c", "line one\nline two\nline three"),
        ("tabs\tstay", "tabs\tstay"),
    ],
    ids=["nul byte", "bell escape delete", "control characters and newlines", "tab"],
)
def test_control_characters_in_free_text_are_stored_cleaned(app, code, respondent, typed, kept):
    person = respondent(code)
    reach_why_first(person)
    page = person.answer(typed)
    assert page.status_code == 200
    assert stored_answers(app)["why_first"] == kept


def _urlencoded(token: str, answer: bytes) -> tuple[bytes, str]:
    body = f"csrf_token={token}&question=why_first&next=1&answer=".encode() + answer
    return body, "application/x-www-form-urlencoded"


def _multipart(token: str, answer: bytes) -> tuple[bytes, str]:
    boundary = "EngageBoundary"

    def part(name: str, value: bytes) -> bytes:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        return head.encode() + value + b"\r\n"

    body = (
        part("csrf_token", token.encode())
        + part("question", b"why_first")
        + part("answer", answer)
        + part("next", b"1")
        + f"--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize(
    "encode, answer",
    [
        (_urlencoded, b"bad%FF%FEbytes%C3%28"),
        (_urlencoded, b"bad\xff\xfebytes\xc3\x28"),
        (_multipart, b"bad\xff\xfebytes\xc3\x28"),
    ],
    ids=["percent-encoded", "raw in a urlencoded body", "raw in a multipart body"],
)
def test_invalid_utf8_in_a_form_body_gives_no_server_error_and_loses_nothing(
    app, client, code, respondent, encode, answer
):
    person = respondent(code)
    reach_why_first(person)
    body, content_type = encode(person.csrf(), answer)
    page = client.post(f"/s/{code}/q", data=body, content_type=content_type)
    assert page.status_code in (302, 400)
    assert "Traceback" not in page.get_data(as_text=True)
    stored = stored_answers(app)
    assert {k: stored[k] for k in EARLIER} == EARLIER
    assert isinstance(stored.get("why_first", ""), str)
    assert person.open("/q").status_code == 200


PAYLOADS = [
    "<script>alert('hi')</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>document.location='//evil.example'</script>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_in_free_text_is_escaped_when_shown_back(code, respondent, payload):
    person = respondent(code)
    reach_why_first(person)
    person.answer(payload)
    page = person.answer(button="back")  # from the next screen back to the text box
    text = page.get_data(as_text=True)
    assert person.question_id() == "why_first"
    assert textarea(page) == payload
    assert payload not in text
    assert "<script" not in text and "<img" not in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_in_free_text_is_escaped_when_a_too_long_answer_comes_back(code, respondent, payload):
    person = respondent(code)
    reach_why_first(person)
    page = person.answer(payload + " and more" * 200)
    text = page.get_data(as_text=True)
    assert page.status_code == 422
    assert textarea(page).startswith(payload)
    assert payload not in text
    assert "<script" not in text and "<img" not in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_typed_as_a_join_code_is_escaped_when_shown_back(client, payload):
    text = join(client, payload).get_data(as_text=True)
    assert payload not in text
    assert "<script" not in text and "<img" not in text


@pytest.mark.parametrize(
    "fragment",
    [
        "Robert'); DROP TABLE answers;--",
        "' OR '1'='1",
        "1; DELETE FROM responses WHERE 1=1; --",
        '"; UPDATE consultations SET status = \'closed\'; --',
    ],
)
def test_sql_in_free_text_is_stored_as_plain_text(app, code, respondent, fragment):
    person = respondent(code)
    reach_why_first(person)
    person.answer(fragment)
    assert stored_answers(app) == {**EARLIER, "why_first": fragment}
    assert count(app, Response) == 1
    with app.app_context():
        assert {"answers", "responses", "consultations"} <= set(inspect(db.engine).get_table_names())
    assert person.open("").status_code == 200  # the consultation is still open


# --- forms without their token -------------------------------------------------


@pytest.mark.parametrize(
    "path, data",
    [
        ("/q", {"question": "why_first", "answer": "my answer", "next": "1"}),
        ("/send", {}),
        ("/start", {}),
    ],
)
def test_a_form_without_its_csrf_token_gets_a_try_again_page_and_answers_are_kept(
    app, client, code, respondent, path, data
):
    person = respondent(code)
    reach_why_first(person)
    page = client.post(f"/s/{code}{path}", data=data)
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    if path == "/q":  # the same screen comes back, with what was typed
        assert "nothing has changed. Please check your answer and press Next again." in text
        assert textarea(page) == "my answer"
    else:
        assert "Please try that again" in text and "Your earlier answers are saved" in text
    assert "Traceback" not in text and "CSRF" not in text
    assert stored_answers(app) == EARLIER
    assert count(app, Response) == 1
    person.open("/q")
    assert person.question_id() == "why_first"


@pytest.mark.parametrize("path", ["/q", "/send", "/start"])
def test_the_try_again_page_carries_on_into_the_survey_not_to_another_error(client, code, respondent, path):
    person = respondent(code)
    reach_why_first(person)
    page = client.post(f"/s/{code}{path}", data={})
    assert page.status_code == 400
    carry_on = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Carry on</a>', page.get_data(as_text=True))
    assert carry_on, "the try-again page has no way back into the survey"
    followed = client.get(carry_on.group(1), follow_redirects=True)
    assert followed.status_code == 200, f"Carry on leads to {carry_on.group(1)}: {followed.status_code}"
    assert "Youth ballot – what matters most to you?" in followed.get_data(as_text=True)


# --- forged choices --------------------------------------------------------------


@pytest.mark.parametrize(
    "setup, forged, on_screen",
    [
        ((), ["99-100"], "Question 1 of 3"),
        ((), ["14-15", "16-17"], "Question 1 of 3"),
        ((["14-15"],), ["knife_crime", "free_pizza"], "Question 2 of 3"),
        ((["14-15"], ["knife_crime"], ["ok"]), ["6"], "Question 4 of 4"),
    ],
    ids=["unknown age band", "two age bands", "unknown ballot issue", "face off the scale"],
)
def test_a_forged_choice_is_refused_with_a_message_and_nothing_moves(
    app, code, respondent, setup, forged, on_screen
):
    person = respondent(code)
    person.start()
    for values in setup:
        person.answer(*values)
    before = stored_response(app), stored_answers(app)
    page = person.answer(*forged)
    assert page.status_code == 422
    assert error_message(page).startswith("Please choose")
    assert position(page) == on_screen
    assert (stored_response(app), stored_answers(app)) == before


# --- replays and the back button -----------------------------------------------


@pytest.mark.parametrize("taps", [1, 2, 5])
def test_tapping_next_more_than_once_stores_one_answer_and_moves_on_once(app, code, respondent, taps):
    person = respondent(code)
    first = person.start()
    for _ in range(taps):
        page = replay(person, first, "14-15")
    assert position(page) == "Question 2 of 3"
    assert person.question_id() == "top_issues"
    assert count(app, Answer) == 1
    assert stored_response(app) == {"status": "in_progress", "current": "top_issues", "path": ["age_band"]}


def test_the_back_button_then_a_different_answer_changes_it_and_keeps_later_answers(app, code, respondent):
    person = respondent(code)
    pages = answer_everything(person)
    page = replay(person, pages["age_band"], "16-17")
    assert person.question_id() == "top_issues"
    assert position(page) == "Question 2 of 4"
    assert 'value="knife_crime" selected' in person.text and 'value="school" selected' in person.text
    person.answer("knife_crime", "school")
    assert textarea(person.page) == "Because of what happened to my cousin."
    person.answer("Because of what happened to my cousin.")
    person.answer("2")
    person.send()
    assert stored_answers(app) == {
        "age_band": "16-17",
        "top_issues": ["knife_crime", "school"],
        "why_first": "Because of what happened to my cousin.",
        "knife_crime_safe": 2,
    }


def test_the_back_button_then_an_answer_that_changes_the_path_drops_the_hidden_answer(app, code, respondent):
    person = respondent(code)
    pages = answer_everything(person)
    page = replay(person, pages["top_issues"], "school", "jobs")
    assert person.question_id() == "why_first"
    assert position(page) == "Question 3 of 3"
    assert textarea(page) == "Because of what happened to my cousin."
    person.answer("Because of what happened to my cousin.")
    assert "Ready to send?" in person.text
    person.send()
    assert stored_answers(app) == {
        "age_band": "14-15",
        "top_issues": ["school", "jobs"],
        "why_first": "Because of what happened to my cousin.",
    }


def test_sending_the_same_answers_twenty_times_stores_one_submitted_response(app, code, respondent):
    person = respondent(code)
    send_page = answer_everything(person)["send"]
    for _ in range(20):
        person.page = send_page
        sent = person.post("/send")
        assert sent.status_code == 302 and sent.location == f"/s/{code}/thanks"
    assert count(app, Response) == 1
    assert stored_response(app)["status"] == SUBMITTED
    assert count(app, Answer) == 4


def test_an_answer_screen_posted_after_sending_changes_nothing(app, code, respondent):
    person = respondent(code)
    pages = answer_everything(person)
    person.send()
    before = stored_response(app), stored_answers(app)
    for question, values in [("age_band", ["16-17"]), ("top_issues", ["jobs"]), ("why_first", ["changed"])]:
        person.page = pages[question]
        posted = person.post("/q", {"question": question, "answer": values, "next": "1"})
        assert posted.status_code == 302
        shown = person.client.get(f"/s/{code}/q", follow_redirects=True).get_data(as_text=True)
        assert "your answers have been sent" in shown
    assert (stored_response(app), stored_answers(app)) == before


# --- no response to answer -------------------------------------------------------


def test_an_answer_from_a_browser_that_never_started_goes_back_to_the_intro(app, code, respondent):
    person = respondent(code)
    person.open()  # the intro, but Start is never pressed
    page = person.post("/q", {"question": "age_band", "answer": "14-15", "next": "1"})
    assert page.status_code == 302
    assert page.location == f"/s/{code}"
    assert count(app, Response) == 0


def test_an_answer_with_no_cookie_at_all_gets_a_try_again_page_that_leads_to_the_intro(app, client, code):
    page = client.post(f"/s/{code}/q", data={"question": "age_band", "answer": "14-15", "next": "1"})
    assert page.status_code == 400
    carry_on = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Carry on</a>', page.get_data(as_text=True)).group(1)
    followed = client.get(carry_on)
    assert followed.status_code == 302 and followed.location == f"/s/{code}"
    assert count(app, Response) == 0
