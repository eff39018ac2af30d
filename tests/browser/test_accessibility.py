"""Every page type, in every language, passes axe-core's WCAG 2.2 AA rules with no serious or critical violation.

Young people's pages are checked 320 CSS px wide (a phone at 200% zoom, or a
desktop at 400%): they must reflow, with no sideways scrolling, and never
refresh by themselves. The console and board pages are checked at desktop size.
"""
from __future__ import annotations


import pytest

from engage.config import Config
from tests.browser.pages import EVERY_ANSWER, audit, fill_in, press, report

LANGUAGES = Config.LANGUAGES
NARROW = {"viewport": {"width": 320, "height": 640}}
DISCLOSURE = "my stepdad hits me when he is drunk"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_survey_screen_is_accessible_and_reflows(contexts, server, language):
    code = server.codes["every"]
    page = contexts.page(language, **NARROW)
    page.goto(f"/s/{code}")
    problems = audit(page, "intro")
    with page.expect_navigation():
        page.locator(f"form[action$='/s/{code}/start'] button").click()
    for question_id, kind, values in EVERY_ANSWER:
        assert page.locator("input[name=question]").input_value() == question_id
        problems += audit(page, f"{kind} question")
        if kind == "single_choice":
            press(page)  # nothing chosen
            assert page.get_by_role("alert").is_visible()
            problems += audit(page, "validation error")
        if kind == "free_text":
            fill_in(page, kind, [DISCLOSURE])
            press(page)
            assert page.locator(".help-now").is_visible()
            problems += audit(page, "help shown after a worrying answer")
            with page.expect_navigation():
                page.locator(f"a[href$='/s/{code}/contact']").click()
            problems += audit(page, "contact offer")
            page.goto(f"/s/{code}/q")
            continue
        fill_in(page, kind, values)
        press(page)
    problems += audit(page, "ready to send")
    with page.expect_navigation():
        page.locator(f"form[action$='/s/{code}/send'] button").click()
    assert page.url.endswith("/thanks")
    problems += audit(page, "thanks")
    assert not problems, report(problems)


def _submit(page, button: str) -> None:
    with page.expect_navigation():
        page.locator(button).first.click()


def _too_large(page, code):
    """Send a form far bigger than any answer, as a pasted essay or a broken phone might."""
    page.goto(f"/s/{code}")
    with page.expect_navigation():
        page.evaluate("""() => {
            const form = document.querySelector("form[action$='/start']");
            const big = document.createElement("input");
            big.type = "hidden"; big.name = "answer"; big.value = "x".repeat(200000);
            form.appendChild(big); form.submit();
        }""")


PUBLIC_PAGES = {
    "join": lambda page, codes: page.goto("/"),
    "join with a wrong code": lambda page, codes: (
        page.goto("/"), page.locator("input[type=text], input:not([type])").first.fill("ZZ"),
        _submit(page, "main form button.primary")),
    "privacy": lambda page, codes: page.goto("/privacy"),
    "help": lambda page, codes: page.goto("/help"),
    "results": lambda page, codes: page.goto(f"/s/{codes['youth-ballot']}/results"),
    "404 unknown code": lambda page, codes: page.goto("/s/NOSUCH"),
    "404 unknown page": lambda page, codes: page.goto("/no/such/page"),
    "410 closed": lambda page, codes: page.goto(f"/s/{codes['closed']}"),
    "413 too large": lambda page, codes: _too_large(page, codes["every"]),
}
STATUS = {"404 unknown code": 404, "404 unknown page": 404, "410 closed": 410, "413 too large": 413}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_accessible_and_reflows(contexts, server, language):
    page = contexts.page(language, **NARROW)
    statuses = []
    page.on("response", lambda r: r.request.is_navigation_request() and statuses.append(r.status))
    problems = []
    for name, visit in PUBLIC_PAGES.items():
        visit(page, server.codes)
        if name in STATUS:
            assert statuses[-1] == STATUS[name], name
        assert page.locator("html").get_attribute("lang") == language, name
        problems += audit(page, name)
    assert not problems, report(problems)


STAFF_PAGES = {
    "console sign-in": (None, lambda codes: "/console/login"),
    "console live view": ("facilitator", lambda codes: f"/console/c/{codes['square-table']}/live"),
    "console live view with controls": (
        "facilitator", lambda codes: f"/console/c/{codes['square-table']}/live?controls=1"),
    "board summary": ("board_member", lambda codes: "/board/"),
    "board consultations": ("board_member", lambda codes: "/board/consultation"),
    "board consultation": ("board_member", lambda codes: f"/board/consultation?code={codes['youth-ballot']}"),
    "quarterly report": ("board_member", lambda codes: "/board/report?format=html"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_console_and_board_page_is_accessible(contexts, server, language):
    problems, pages = [], {}
    for name, (role, path) in STAFF_PAGES.items():
        page = pages.get(role) or pages.setdefault(role, contexts.page(language, role=role))
        response = page.goto(path(server.codes))
        assert response.status == 200 and ("/login" not in page.url or role is None), name
        problems += audit(page, name, reflow=False)
    assert not problems, report(problems)
