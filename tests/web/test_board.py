"""The board's pages: what young people are saying, read by board members and nobody else."""
from __future__ import annotations

from datetime import date

import pytest

from engage.board import routes
from engage.models import OPEN
from engage.services.consultations import create_from_template
from tests.services.test_voice import FLAGGED, IN_Q2, IN_Q3, KNIVES, Young

FEW = "fewer than 10"
PHONE = "text Jade on 07700 900123 if you see knives at the bus station, she knows who carries them"
BULLIED = "BULLYNINE the group chat keeps posting pictures of me"


@pytest.fixture
def voices(app):
    """A quarter of answers (2026 Q3) and the one before it, as a board would see them."""
    with app.app_context():
        young = Young(create_from_template("square-table", title="Square Table, August", status=OPEN))
        young.crowd(IN_Q3)                                             # exploitation 30, police-trust 40
        young.say_each(IN_Q3, KNIVES[:11] + [PHONE], "knife-crime")   # 12
        young.say(IN_Q3, BULLIED, ["bullying-online-safety"], times=9)
        young.say(IN_Q3, FLAGGED, ["knife-crime"], flagged=True, times=2)
        young.say(IN_Q3, FLAGGED, flagged=True)
        for key, n in (("exploitation", 20), ("police-trust", 5), ("neglect", 3), ("domestic-abuse", 4)):
            young.say(IN_Q2, KNIVES[4], [key], times=n)
        for value, n in (("yes", 30), ("no", 25), ("not_sure", 4)):
            for _ in range(n):
                young.respond(IN_Q3, {"come_again": value}, age_band="14-15")
        return young.consultation.join_code


@pytest.fixture
def board(staff):
    return staff("board_member")


def test_a_board_member_reads_a_quarter_by_theme_with_trends_and_quotes(board, voices):
    page = board.get("/board/?period=2026Q3")
    text = page.get_data(as_text=True)

    assert page.status_code == 200
    assert "What young people are saying: 2026 Q3" in text
    assert "Police and trust" in text and "up from fewer than 10" in text
    assert "Exploitation" in text and "up from 20" in text
    assert "Bullying and online safety" in text and FEW in text
    assert "Risk outside the home" in text  # the area of focus
    assert "[phone]" in text and "07700" not in text and "Jade" not in text
    assert "Would you come to another Square Table?" in text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"' in text  # the chart
    assert "<th scope=\"row\">Not sure</th><td>fewer than 10</td>" in text          # and its table
    assert '/board/report?period=2026Q3&amp;format=pdf' in text


def test_a_theme_of_nine_answers_shows_fewer_than_ten_and_no_quote(board, voices):
    text = board.get("/board/?period=2026Q3").get_data(as_text=True)
    assert "BULLYNINE" not in text
    assert "No quotes: a theme is quoted only when enough young people stand behind it" in text


@pytest.mark.parametrize("path", [
    "/board/?period=2026Q3",
    "/board/?start=2026-08-01&end=2026-08-31",
    "/board/consultation",
    "/board/consultation?code={code}",
    "/board/report?period=2026Q3&format=html",
    "/board/report?period=2026Q3&format=csv",
    "/board/report?code={code}&format=html&version=young-people",
])
def test_a_flagged_answer_never_reaches_a_board_page(board, voices, path):
    page = board.get(path.format(code=voices))
    assert page.status_code == 200
    assert "ZEBRA" not in page.get_data(as_text=True)
    assert "stepdad" not in page.get_data(as_text=True)


def test_without_a_period_the_page_shows_the_last_complete_quarter(board, voices, monkeypatch):
    monkeypatch.setattr(routes, "today", lambda: date(2026, 10, 5))
    text = board.get("/board/").get_data(as_text=True)
    assert "What young people are saying: 2026 Q3" in text
    assert '<option value="2026Q3" selected>' in text


def test_a_span_of_days_that_is_not_a_quarter_has_no_report_download(board, voices):
    text = board.get("/board/?start=2026-08-01&end=2026-08-31").get_data(as_text=True)
    assert "1 Aug 2026 to 31 Aug 2026" in text
    assert "format=pdf" not in text and "Reports are made by quarter" in text


def test_a_span_of_days_is_named_in_the_readers_language(board, voices):
    with board.client.session_transaction() as session:
        session["language"] = "pl"
    text = board.get("/board/?start=2026-08-01&end=2026-08-31").get_data(as_text=True)
    assert "od 1 sie 2026 do 31 sie 2026" in text and "1 Aug 2026" not in text


@pytest.mark.parametrize(("query", "message"), [
    ("period=2026Q5", "is not a quarter: write it like 2026Q3."),
    ("period=<script>", "&#34;&lt;script&gt;&#34; is not a quarter"),
    ("start=2026-09-01&end=2026-08-01", "The period ends before it starts."),
    ("start=2026-09-01", "Give both the first and the last day of the period."),
    ("start=yesterday&end=2026-08-01", "is not a date: write it like 2026-07-01."),
])
def test_a_period_that_cannot_be_read_is_explained_on_the_page(board, query, message):
    page = board.get(f"/board/?{query}")
    assert page.status_code == 400
    assert message in page.get_data(as_text=True)
    assert "Or any dates" in page.get_data(as_text=True)  # the forms to try again


def test_a_consultation_has_its_own_summary(board, voices):
    listing = board.get("/board/consultation").get_data(as_text=True)
    assert f"/board/consultation?code={voices}" in listing and "Square Table, August" in listing

    text = board.get(f"/board/consultation?code={voices.lower()}").get_data(as_text=True)
    assert "What young people are saying: Square Table, August" in text
    assert "All answers to this consultation" in text
    assert f"/board/report?code={voices}&amp;format=pdf" in text
    assert "Version for young people" in text
    assert "Against last period" not in text


def test_an_unknown_join_code_is_explained(board):
    page = board.get("/board/consultation?code=NOPE22")
    assert page.status_code == 404
    assert "No consultation has the join code “NOPE22”." in page.get_data(as_text=True)


@pytest.mark.parametrize("role", ["facilitator", "co_facilitator", "safeguarding_lead"])
@pytest.mark.parametrize("path", ["/board/?period=2026Q3", "/board/consultation"])
def test_only_board_members_and_admins_read_board_pages(staff, voices, role, path):
    assert staff(role).get(path).status_code == 403


def test_an_admin_reads_them_too_and_board_members_find_them_in_the_menu(staff, board, voices):
    assert staff("admin").get("/board/?period=2026Q3").status_code == 200
    assert 'href="/board/"' in board.get("/console/actions").get_data(as_text=True)
    assert 'href="/board/"' not in staff("facilitator").get("/console/actions").get_data(as_text=True)
