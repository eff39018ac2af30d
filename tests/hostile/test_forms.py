"""Every hostile payload through every public form field: no 500, nothing lost, markup shown as words.

The forms a young person (or anyone, signed in or not) can post to: the join
code, every question type's answer and the hidden question field, the contact
step, and the staff sign-in form; and the public pages whose address carries a
join code. Refused input gets the right 4xx and a clear message; accepted text
is stored as typed (see ``corpus.stored_as`` for the characters taken out).
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, quote_from_bytes

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, ContactRequest
from engage.services.join_codes import normalise_join_code
from tests.conftest import Respondent
from tests.hostile.conftest import QUESTIONS, stored
from tests.hostile.corpus import NOT_UTF8, PWNED, TEN_MB, TEXT, ids, stored_as, ten_mb_form

CHOICE_TYPES = [t for t in QUESTIONS if t not in ("free_text", "number", "info")]
# Tags a payload would add to the page if it were not escaped: the pages' own
# markup has no event handlers, javascript: links or inline scripts and styles (the CSP forbids them).
_INJECTED = re.compile(
    r"<(script|img|svg|iframe|details|style|math|a)\b[^>]*(on\w+\s*=|javascript:|srcdoc)"
    r"|<script>[^<]*__engage_pwned|<style>body",
    re.I,
)
_LIMIT = 2000  # a free-text answer's default maximum length


def assert_shown_as_words(page, typed: str) -> None:
    text = page.get_data(as_text=True)
    assert page.status_code < 500, text[:500]
    assert "Traceback" not in text
    if "<" in typed:
        assert typed not in text, "the payload is in the page unescaped"
    assert not _INJECTED.search(text), _INJECTED.search(text).group(0)
    assert PWNED not in html.unescape(text) or "&lt;" in text


def error_of(page) -> str:
    match = re.search(r'<p class="error"[^>]*>(.*?)</p>', page.get_data(as_text=True), re.S)
    assert match, "the page shows no error message"
    return html.unescape(match.group(1))


def textarea(page) -> str:
    match = re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", page.get_data(as_text=True), re.S)
    assert match, "the page has no text box"
    return html.unescape(match.group(1))


# --- the join form -------------------------------------------------------------


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_any_text_typed_as_a_join_code_is_refused_with_the_form_again(shared_app, typed):
    client = shared_app.test_client()
    page = Respondent(client, "")
    page.page = client.get("/")
    answer = client.post("/", data={"csrf_token": page.csrf(), "code": typed})
    assert normalise_join_code(typed) is None  # none of the corpus can be a code
    assert answer.status_code == 422
    assert error_of(answer)
    assert_shown_as_words(answer, typed)


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
@pytest.mark.parametrize("page", ["", "/q", "/results", "/qr.png", "/qr.svg", "/thanks", "/contact"])
def test_any_text_in_place_of_a_join_code_in_an_address_is_not_found(shared_app, typed, page):
    response = shared_app.test_client().get(f"/s/{quote(typed, safe='')}{page}")
    assert response.status_code == 404, response.get_data(as_text=True)[:300]
    assert_shown_as_words(response, typed)


# --- each question type's answer -------------------------------------------------


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_free_text_is_stored_as_typed_and_shown_back_as_words(shared_app, codes, person, typed):
    young = person(codes["free_text"])
    young.start()
    page = young.answer(typed)
    kept = stored_as(typed)
    if kept is None:
        assert page.status_code == 422 and error_of(page) == "Please write an answer."
        assert stored(shared_app, young)["answers"] == {}
    elif len(kept) > _LIMIT:
        assert page.status_code == 422
        assert f"you wrote {len(kept)}" in error_of(page)
        assert textarea(page) == typed  # given back to shorten, not lost
        assert stored(shared_app, young)["answers"] == {}
    else:
        assert page.status_code == 200 and "Nearly done." in young.text
        assert stored(shared_app, young)["answers"] == {"q": kept}
        page = young.answer(button="back")
        assert textarea(page) == kept
    assert_shown_as_words(page, typed)


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_a_number_box_refuses_any_text_with_a_message_and_gives_it_back(shared_app, codes, person, typed):
    young = person(codes["number"])
    young.start()
    page = young.answer(typed)
    assert page.status_code == 422
    assert error_of(page) in ("Please write a number, like 12.", "Please write a number.")
    assert_shown_as_words(page, typed)
    assert stored(shared_app, young)["answers"] == {}


@pytest.mark.parametrize("kind", CHOICE_TYPES)
def test_a_choice_that_was_not_offered_is_refused_and_nothing_is_stored(shared_app, codes, person, kind):
    # One young person on the screen sends every payload in turn (each refused,
    # so nothing moves): the same cases as one test each, at an eighth of the cost.
    young = person(codes[kind])
    young.start()
    on_screen = young.page
    for typed in TEXT:
        young.page = on_screen
        page = young.answer(typed)
        assert page.status_code == 422, typed
        assert error_of(page) == "Please choose from the answers shown.", typed
        assert_shown_as_words(page, typed)
    assert stored(shared_app, young) == {"status": "in_progress", "current": "q", "answers": {}}


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_text_sent_to_an_information_screen_is_ignored(shared_app, codes, person, typed):
    young = person(codes["info"])
    young.start()
    page = young.answer(typed)
    assert page.status_code == 200 and "Nearly done." in young.text
    assert stored(shared_app, young)["answers"] == {}
    assert_shown_as_words(page, typed)


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_any_text_as_the_hidden_question_field_changes_nothing(shared_app, codes, person, typed):
    young = person(codes["free_text"])
    young.start()
    page = young.post("/q", {"question": typed, "answer": "my real answer", "next": "1"})
    assert page.status_code == 302
    assert stored(shared_app, young) == {"status": "in_progress", "current": "q", "answers": {}}
    assert_shown_as_words(young.open("/q"), typed)


def test_the_same_choice_twice_in_a_ranked_ballot_is_refused_by_name(shared_app, codes, person):
    young = person(codes["ranked_ballot"])
    young.start()
    page = young.answer("knives", "knives")
    assert page.status_code == 422
    assert error_of(page) == "You picked “Knife crime” more than once. Please pick different ones."
    assert stored(shared_app, young)["answers"] == {}


def test_more_picks_than_a_ballot_allows_are_refused(shared_app, codes, person):
    young = person(codes["ranked_ballot"])
    young.start()
    page = young.answer("knives", "buses", "jobs")
    assert page.status_code == 422 and error_of(page) == "Please pick up to 2."
    assert stored(shared_app, young)["answers"] == {}


def test_a_workshop_that_is_full_is_refused_and_the_young_person_picks_again(shared_app, codes, person):
    first, second = person(codes["workshop_choice"]), person(codes["workshop_choice"])
    first.start(), second.start()
    assert first.answer("first_aid").status_code == 200  # its one place
    page = second.answer("first_aid")
    assert page.status_code == 422
    assert error_of(page) == "Sorry, “First aid” is full now. Please pick another one."
    assert stored(shared_app, second)["answers"] == {}
    assert second.answer("online").status_code == 200
    assert stored(shared_app, second)["answers"] == {"q": ["online"]}


@pytest.mark.parametrize(
    "values", [["99"], ["-1"], ["1e999"], ["nan"], ["inf"], ["9" * 5000], ["1", "2"]],
    ids=["too big", "negative", "overflow", "nan", "inf", "5000 digits", "two numbers"],
)
def test_numbers_out_of_range_or_not_finite_are_refused(shared_app, codes, person, values):
    young = person(codes["number"])
    young.start()
    page = young.answer(*values)
    if values == ["1", "2"]:  # the first box is the answer
        assert page.status_code == 200 and stored(shared_app, young)["answers"] == {"q": 1}
        return
    assert page.status_code == 422
    assert error_of(page).startswith("Please write a number")
    assert stored(shared_app, young)["answers"] == {}


# --- the contact step -------------------------------------------------------------


@pytest.fixture(scope="module")
def offering_contact(shared_app, codes):
    with shared_app.app_context():
        consultation = db.session.scalar(
            select(Consultation).where(Consultation.join_code == codes["free_text"])
        )
        consultation.offer_contact = True
        db.session.commit()
        db.session.remove()
    return codes["free_text"]


def contact_requests(app) -> list[str]:
    with app.app_context():
        try:
            return list(db.session.scalars(select(ContactRequest.how_to_reach).order_by(ContactRequest.id)))
        finally:
            db.session.remove()


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
def test_any_text_on_the_contact_step_is_kept_for_the_lead_or_refused_clearly(
    shared_app, offering_contact, person, typed
):
    young = person(offering_contact)
    young.start()
    young.answer("my stepdad hits me")
    young.open("/contact")
    assert young.page.status_code == 200
    before = contact_requests(shared_app)
    page = young.post("/contact", {"how_to_reach": typed})
    kept = stored_as(typed)
    if kept is None or len(kept) > 500:
        assert page.status_code == 422
        assert error_of(page).startswith("Please")
        assert contact_requests(shared_app) == before
    else:
        assert page.status_code == 302, page.get_data(as_text=True)[:500]
        assert contact_requests(shared_app) == [*before, kept]
    assert_shown_as_words(page, typed)


# --- the staff sign-in form (public: no one is signed in yet) -----------------------


@pytest.mark.parametrize("typed", TEXT, ids=ids(TEXT))
@pytest.mark.parametrize("field", ["email", "password"])
def test_any_text_in_the_sign_in_form_is_refused_without_an_error(shared_app, typed, field):
    client = shared_app.test_client()
    address = {"REMOTE_ADDR": f"10.8.{TEXT.index(typed)}.{1 if field == 'email' else 2}"}
    page = client.get("/console/login", environ_base=address)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    # Each case its own address and account: the sign-in limits count by both.
    data = {"csrf_token": token, "email": f"someone{TEXT.index(typed)}@example.org", "password": "not it"}
    data[field] = typed
    answer = client.post("/console/login", data=data, environ_base=address)
    assert answer.status_code == 422
    assert_shown_as_words(answer, typed)


@pytest.mark.parametrize("typed", [t for t in TEXT if t.isprintable() and t.isascii()], ids=str)
def test_any_text_as_the_browser_language_still_shows_the_page(shared_app, typed):
    page = shared_app.test_client().get("/", headers={"Accept-Language": typed})
    assert page.status_code == 200
    assert_shown_as_words(page, typed)


# --- bytes that are not UTF-8 ------------------------------------------------------


def _urlencoded(fields: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    body = b"&".join(name.encode() + b"=" + value for name, value in fields)
    return body, "application/x-www-form-urlencoded"


def _percent(fields: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    return _urlencoded([(name, quote_from_bytes(value).encode()) for name, value in fields])


def _multipart(fields: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "HostileBoundary"
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value + b"\r\n"
        for name, value in fields
    )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


ENCODINGS = {"raw": _urlencoded, "percent-encoded": _percent, "multipart": _multipart}


def as_read(raw: bytes, encoding: str) -> str:
    """The text Werkzeug reads: U+FFFD for each bad byte in a multipart part; a
    percent-encoded bad byte is kept as its escape (``%FF``), as it was sent."""
    if encoding == "percent-encoded":
        return quote_from_bytes(raw, safe="(/ ").replace("%20", " ").strip()
    return raw.decode("utf-8", "replace").strip()


def refused_whole(page, encoding: str) -> bool:
    """A URL-encoded body with raw bytes that are not UTF-8 is not read at all (Werkzeug).

    Browsers percent-encode such bodies, so only a hand-made request meets this:
    it gets the try-again page, and loses nothing already saved.
    """
    if encoding != "raw":
        return False
    assert page.status_code == 400, page.status_code
    assert "Please try that again" in page.get_data(as_text=True)
    return True


@pytest.mark.parametrize("raw", NOT_UTF8, ids=ids(NOT_UTF8))
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("kind", ["free_text", "number", "single_choice", "question field"])
def test_bytes_that_are_not_utf8_in_an_answer_are_replaced_or_refused_never_an_error(
    shared_app, codes, person, kind, encoding, raw
):
    young = person(codes["number" if kind == "number" else "single_choice" if kind == "single_choice" else "free_text"])
    young.start()
    fields = [("csrf_token", young.csrf().encode()), ("question", b"q"), ("answer", raw), ("next", b"1")]
    if kind == "question field":
        fields[1] = ("question", raw)
        fields[2] = ("answer", b"fine")
    body, content_type = ENCODINGS[encoding](fields)
    page = young.client.post(f"/s/{young.code}/q", data=body, content_type=content_type)
    answers = stored(shared_app, young)["answers"]
    if refused_whole(page, encoding):
        assert answers == {}
    elif kind == "free_text":
        assert page.status_code == 302
        assert answers["q"] == as_read(raw, encoding)
    elif kind == "question field":
        assert answers == {}
    else:
        assert page.status_code == 422 and answers == {}
    assert young.open("/q").status_code == 200


@pytest.mark.parametrize("raw", NOT_UTF8, ids=ids(NOT_UTF8))
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_bytes_that_are_not_utf8_as_a_join_code_are_refused_with_the_form(shared_app, encoding, raw):
    client = shared_app.test_client()
    young = Respondent(client, "")
    young.page = client.get("/")
    body, content_type = ENCODINGS[encoding]([("csrf_token", young.csrf().encode()), ("code", raw)])
    page = client.post("/", data=body, content_type=content_type)
    assert refused_whole(page, encoding) or page.status_code == 422 and error_of(page)


@pytest.mark.parametrize("raw", NOT_UTF8, ids=ids(NOT_UTF8))
def test_bytes_that_are_not_utf8_on_the_contact_step_are_kept_replaced(shared_app, offering_contact, person, raw):
    encoding = "percent-encoded"
    young = person(offering_contact)
    young.start()
    young.answer("my stepdad hits me")
    young.open("/contact")
    before = contact_requests(shared_app)
    body, content_type = ENCODINGS[encoding]([("csrf_token", young.csrf().encode()), ("how_to_reach", raw)])
    page = young.client.post(f"/s/{young.code}/contact", data=body, content_type=content_type)
    assert page.status_code == 302
    assert contact_requests(shared_app) == [*before, as_read(raw, encoding)]


@pytest.mark.parametrize("raw", NOT_UTF8, ids=ids(NOT_UTF8))
def test_bytes_that_are_not_utf8_in_an_address_are_not_found(shared_app, raw):
    page = shared_app.test_client().get("/s/" + quote_from_bytes(raw) + "/q")
    assert page.status_code == 404


# --- 10 MB bodies -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/s/{code}/start", "/s/{code}/q", "/s/{code}/send", "/s/{code}/contact",
                                  "/console/login"])
@pytest.mark.parametrize("how", ["urlencoded", "multipart", "chunked"])
def test_a_10_mb_body_to_any_form_gets_413_and_a_friendly_page_and_loses_nothing(
    shared_app, codes, person, path, how
):
    young = person(codes["free_text"])
    young.start()
    young.answer("already saved")
    young.answer(button="back")
    token = young.csrf()
    url = path.format(code=young.code)
    if how == "multipart":
        body, content_type = _multipart([("csrf_token", token.encode()), ("answer", b"x" * TEN_MB)])
        page = young.client.post(url, data=body, content_type=content_type)
    elif how == "chunked":  # no Content-Length: the limit is met while reading
        import io

        page = young.client.post(
            url, input_stream=io.BytesIO(ten_mb_form(csrf_token=token)),
            content_type="application/x-www-form-urlencoded", headers={"Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True},  # as gunicorn says of a chunked body
        )
    else:
        page = young.client.post(url, data=ten_mb_form(csrf_token=token),
                                 content_type="application/x-www-form-urlencoded")
    text = page.get_data(as_text=True)
    assert page.status_code == 413, text[:300]
    assert "That was too long to send" in text
    assert stored(shared_app, young)["answers"] == {"q": "already saved"}
    assert young.open("/q").status_code == 200


# --- closed and unknown ----------------------------------------------------------------


def test_every_page_of_a_closed_consultation_says_it_is_closed_with_410(shared_app, person):
    from engage.models import OPEN
    from engage.services.consultations import create_consultation, set_status
    from surveys.textformat import loads
    from tests.hostile.conftest import _SURVEY

    with shared_app.app_context():
        code = create_consultation(
            loads(_SURVEY.format(type="closing", question=QUESTIONS["free_text"])), status=OPEN
        ).join_code
        db.session.remove()
    young = person(code)
    young.start()
    young.answer("kept before closing")
    young.answer(button="back")
    token = young.csrf()
    with shared_app.app_context():
        set_status(code, "closed")
        db.session.remove()
    for method, path in [("get", ""), ("get", "/q"), ("post", "/start"), ("post", "/q"), ("post", "/send")]:
        data = {"csrf_token": token, "question": "q", "answer": "<script>x</script>", "next": "1"}
        page = getattr(young.client, method)(f"/s/{code}{path}", data=data if method == "post" else None)
        assert page.status_code == 410, (path, page.status_code)
        assert "This survey has closed" in page.get_data(as_text=True)
    assert stored(shared_app, young)["answers"] == {"q": "kept before closing"}


# --- expired form tokens and lost sessions ---------------------------------------------


@pytest.fixture
def tokens_expire(shared_app, monkeypatch):
    """Form tokens last an hour (a deployment may set one), and two hours have passed."""
    from itsdangerous import TimestampSigner

    shared_app.config["WTF_CSRF_TIME_LIMIT"] = 3600
    later = TimestampSigner.get_timestamp
    yield lambda: monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later(self) + 7200)
    shared_app.config["WTF_CSRF_TIME_LIMIT"] = None


def test_an_expired_token_gives_the_screen_back_with_what_was_typed_and_saving_it_again_works(
    shared_app, codes, person, tokens_expire
):
    young = person(codes["free_text"])
    young.start()
    tokens_expire()
    typed = "I typed this slowly <b>and</b> my token ran out"
    page = young.answer(typed)
    assert page.status_code == 400
    assert error_of(page).startswith("We could not save that, so nothing has changed.")
    assert textarea(page) == typed
    assert_shown_as_words(page, typed)
    assert stored(shared_app, young)["answers"] == {}
    shared_app.config["WTF_CSRF_TIME_LIMIT"] = None  # the fresh token on the page: as if sent at once
    assert young.answer(textarea(page)).status_code == 200
    assert stored(shared_app, young)["answers"] == {"q": typed}


@pytest.mark.parametrize("kind", ["single_choice", "number", "ranked_ballot"])
def test_an_expired_token_on_a_choice_screen_keeps_the_choice_ticked(shared_app, codes, person, tokens_expire, kind):
    values = {"single_choice": ["blue"], "number": ["7"], "ranked_ballot": ["jobs", "knives"]}[kind]
    young = person(codes[kind])
    young.start()
    tokens_expire()
    page = young.answer(*values)
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    for value in values:
        assert f'value="{value}" selected' in text or f'value="{value}" checked' in text or \
            f'value="{value}"' in text and kind == "number"
    assert stored(shared_app, young)["answers"] == {}


def test_a_lost_session_mid_survey_shows_what_was_typed_to_copy_and_keeps_what_was_saved(
    shared_app, codes, person
):
    from engage.models import OPEN
    from engage.services.consultations import create_consultation
    from surveys.textformat import loads

    with shared_app.app_context():
        code = create_consultation(loads("""
id: two-words
kind: service_feedback
title: Two questions
intro: Two.
thank_you: Thanks.
questions:
  - {id: first, type: free_text, text: "First?"}
  - {id: second, type: free_text, text: "Second?"}
"""), status=OPEN).join_code
        db.session.remove()
    young = person(code)
    young.start()
    young.answer("saved before the cookie went")
    on_screen = young.page
    saved = stored(shared_app, young)
    young.client.delete_cookie("engage")  # cookies cleared, or the survey reopened in another browser
    young.page = on_screen
    typed = "what I typed <script>x</script> when it was lost"
    page = young.answer(typed)
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "Please try that again" in text
    assert html.unescape(re.search(r'<textarea id="words"[^>]*>\n?(.*?)</textarea>', text, re.S).group(1)) == typed
    assert_shown_as_words(page, typed)
    assert saved["answers"] == {"first": "saved before the cookie went"}
    carry_on = re.search(r'href="([^"]+)"[^>]*>Carry on', text).group(1)
    assert young.client.get(carry_on, follow_redirects=True).status_code == 200


def test_a_lost_session_on_a_choice_screen_shows_no_words_box(shared_app, codes, person):
    young = person(codes["single_choice"])
    young.start()
    young.client.delete_cookie("engage")
    page = young.answer("blue")
    assert page.status_code == 400
    assert 'id="words"' not in page.get_data(as_text=True)
