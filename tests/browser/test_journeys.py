"""Whole journeys in a real browser on a phone-sized screen, with a screenshot of every step.

Screenshots go to test-artifacts/screenshots/<test>/NN-step.png (or under
ENGAGE_ARTIFACTS), for a person to look through when a journey changes.
"""
from __future__ import annotations

import random
import re

from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import DRAFT, OPEN, SUBMITTED, Response
from engage.services.consultations import create_consultation, find_consultation
from engage.services.demo import add_synthetic_responses
from surveys.textformat import loads
from tests.browser.conftest import EVERY_TYPE, PHONE, sign_in
from tests.browser.pages import EVERY_ANSWER, STORED, answer_everything, fill_in, press, send, start


def _new_consultation(server, status=OPEN, earlier_responses=0) -> str:
    def make():
        consultation = create_consultation(loads(EVERY_TYPE), status=status)
        if earlier_responses:
            add_synthetic_responses(consultation, earlier_responses, random.Random(8))
        return consultation.join_code

    return server.call(make)


def _stored_answers(server, code: str) -> list[tuple[str, list[tuple[str, object]]]]:
    def read():
        consultation = find_consultation(code)
        responses = db.session.scalars(
            select(Response).where(Response.consultation_id == consultation.id)).all()
        return [(r.status, [(a.question_id, a.value) for a in r.answers]) for r in responses]

    return server.call(read)


def test_a_young_person_answers_every_kind_of_question_on_a_phone_through_a_dropped_connection(
    contexts, server, screenshots
):
    code = _new_consultation(server)
    context = contexts.new("en", **PHONE)
    page = context.new_page()
    page.goto(f"/s/{code}")  # where the QR code on the poster points
    expect(page.get_by_role("heading", level=1)).to_have_text("Every kind of question")
    screenshots(page, "intro")
    start(page, code)
    for question_id, kind, values in EVERY_ANSWER:
        expect(page.locator("input[name=question]")).to_have_value(question_id)
        fill_in(page, kind, values)
        screenshots(page, question_id)
        if question_id == "hours":
            context.set_offline(True)  # the signal drops on the bus
            page.locator("[type=submit][name=next]").click()
            page.wait_for_url(re.compile(r"^chrome-error:"))  # "No internet", the browser's own page
            assert page.evaluate("navigator.onLine") is False
            screenshots(page, "offline")
            context.set_offline(False)
            page.goto(f"/s/{code}")  # scans the QR code again
            screenshots(page, "reopened")
            with page.expect_navigation():
                page.get_by_role("link", name="Carry on where you left off").click()
            expect(page.locator("input[name=question]")).to_have_value("hours")
            press(page, "back")  # the answer before the signal dropped is still there
            expect(page.locator("#answer")).to_have_value(STORED["change"])
            screenshots(page, "earlier-answer-kept")
            press(page)
            expect(page.locator("input[name=question]")).to_have_value("hours")
            fill_in(page, kind, values)
        press(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ready to send?")
    screenshots(page, "ready-to-send")
    send(page, code)
    expect(page.get_by_role("heading", level=1)).to_contain_text("your answers have been sent")
    screenshots(page, "thanks")

    [(status, answers)] = _stored_answers(server, code)
    assert status == SUBMITTED
    assert sorted(q for q, _ in answers) == sorted(STORED), "each answer stored exactly once"
    assert dict(answers) == STORED


def test_a_survey_can_be_answered_with_javascript_switched_off(contexts, server, screenshots):
    code = _new_consultation(server)
    page = contexts.page("en", java_script_enabled=False, **PHONE)
    answer_everything(page, code)
    screenshots(page, "thanks")
    [(status, answers)] = _stored_answers(server, code)
    assert status == SUBMITTED and dict(answers) == STORED


def test_a_facilitator_publishes_a_consultation_and_watches_answers_arrive_live(contexts, server, screenshots):
    code = _new_consultation(server, status=DRAFT, earlier_responses=10)
    page = contexts.page("en", **PHONE)
    sign_in(page, server.email("facilitator"))
    screenshots(page, "signed-in")
    page.goto(f"/console/c/{code}")
    screenshots(page, "draft")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("button", name="Close")).to_be_visible()
    assert server.call(lambda: find_consultation(code).status) == OPEN
    screenshots(page, "published")
    page.goto(f"/console/c/{code}/live")
    sent = page.locator("[data-cell=sent]")
    expect(sent).to_have_text("10")
    page.evaluate("window.__still_this_page = true")
    screenshots(page, "live-before")

    phone = contexts.page("en", **PHONE)  # a young person in the room
    answer_everything(phone, code)
    expect(sent).to_have_text("11", timeout=20_000)
    expect(page.locator("[data-cell=taking_part]")).to_have_text("11")
    assert page.evaluate("window.__still_this_page") is True, "the live view reloaded"
    screenshots(page, "live-after")


def test_a_board_member_signs_in_and_reads_the_quarterly_report(contexts, server, screenshots):
    page = contexts.page("en", **PHONE)
    sign_in(page, server.email("board_member"))
    assert re.search(r"/board/?$", page.url)
    screenshots(page, "board")
    with page.expect_navigation():
        page.get_by_role("link", name="Web page").first.click()
    assert "/board/report" in page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("body")).to_contain_text(re.compile("quarter|Q[1-4]", re.I))
    screenshots(page, "quarterly-report")
