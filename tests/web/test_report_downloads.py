"""Board members download the quarterly report and a consultation's write-up as a page, PDF or CSV."""
from __future__ import annotations

import io

import pytest
from babel.support import Translations
from pypdf import PdfReader

from engage.config import Config
from tests.reports.helpers import arabic_joined_glyphs, arabic_words, csv_rows, ink_lines, pdf_title, touching_lines
from tests.reports.samples import FEW, stub_summaries


@pytest.fixture
def summaries(monkeypatch):
    return stub_summaries(monkeypatch, record=lambda period: period.label)


@pytest.fixture
def board(staff):
    return staff("board_member")


def test_the_quarterly_report_is_a_standalone_page_that_may_run_nothing(board, summaries):
    response = board.get("/board/report?period=2026Q3&format=html")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Engagement with children and young people" in page and FEW in page
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "style-src 'sha256-" in policy and "script-src" not in policy
    assert response.headers["Cache-Control"] == "no-store"
    assert summaries == ["2026 Q3"]


def test_the_quarterly_report_downloads_as_a_pdf(board, summaries):
    response = board.get("/board/report?period=2026Q3&format=pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'attachment; filename="engagement-2026Q3.pdf"'
    assert pdf_title(response.data) == "Engagement with children and young people: 2026 Q3"


def test_the_quarterly_report_downloads_as_a_csv_of_its_tables(board, summaries):
    response = board.get("/board/report?period=2026Q3&format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="engagement-2026Q3.csv"'
    assert FEW in {row["value"] for row in csv_rows(response.data)}


def test_without_a_period_the_report_is_of_this_quarter_so_far(board, summaries):
    from engage.services.responding import today

    assert board.get("/board/report").status_code == 200
    assert summaries == [f"{today().year} Q{(today().month - 1) // 3 + 1}"]


@pytest.mark.parametrize("fmt, kind", [("html", "text/html"), ("pdf", "application/pdf"), ("csv", "text/csv")])
def test_a_consultations_write_up_comes_in_every_format(board, summaries, fmt, kind):
    response = board.get(f"/board/report?code=sqt7k2&format={fmt}")
    assert response.status_code == 200 and response.mimetype == kind


def test_the_young_peoples_version_is_a_page(board, summaries):
    response = board.get("/board/report?code=SQT7K2&version=young-people")
    assert response.status_code == 200
    assert "What you told us" in response.get_data(as_text=True)


@pytest.mark.parametrize("query, words", [
    ("period=2026Q5", "write it like 2026Q3"),
    ("period=2026Q3&format=docx", "choose html, pdf, csv"),
    ("code=SQT7K2&version=young-people&format=pdf", "web page"),
    ("period=2026Q3&version=young-people", "give its code"),
    ("period=2026Q3&code=SQT7K2", "not both"),
])
def test_a_report_there_is_none_of_is_refused_with_why(board, summaries, query, words):
    response = board.get(f"/board/report?{query}")
    assert response.status_code == 400
    assert words in response.get_data(as_text=True)
    assert summaries == []


def test_an_unknown_code_is_not_found(board, summaries):
    response = board.get("/board/report?code=NOPE22&format=pdf")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "We could not find that page" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["facilitator", "co_facilitator", "safeguarding_lead"])
def test_only_board_members_and_admins_get_reports(staff, summaries, role):
    assert staff(role).get("/board/report?period=2026Q3&format=pdf").status_code == 403
    assert summaries == []


def test_an_admin_gets_reports(staff, summaries):
    assert staff("admin").get("/board/report?period=2026Q3&format=csv").status_code == 200


def test_nobody_signed_out_gets_a_report(client, summaries):
    response = client.get("/board/report?period=2026Q3&format=pdf")
    assert response.status_code == 302 and "/console/login" in response.location
    assert summaries == []


def test_the_reports_are_built_from_real_answers(app, board):
    from engage.services.demo import create_demo
    from engage.services.responding import today

    with app.app_context():
        code = next(c.join_code for c in create_demo(responses_each=12) if c.kind == "square_table")
    quarter = f"{today().year}Q{(today().month - 1) // 3 + 1}"
    page = board.get(f"/board/report?period={quarter}&format=html")
    assert page.status_code == 200 and "3. The impact" in page.get_data(as_text=True)
    write_up = board.get(f"/board/report?code={code}&format=pdf")
    assert write_up.status_code == 200 and pdf_title(write_up.data).endswith("write-up for the board")
    young = board.get(f"/board/report?code={code}&version=young-people")
    assert "What you told us" in young.get_data(as_text=True)


@pytest.mark.parametrize("language", ["ar", "ur"])
@pytest.mark.parametrize(("query", "msgid"), [
    ("period=2026Q3", "Report to the safeguarding children partnership board"),
    ("code=SQT7K2", "Who took part"),
])
def test_a_report_pdf_in_arabic_or_urdu_has_its_words_in_order_with_letters_joined(
    board, summaries, language, query, msgid
):
    with board.client.session_transaction() as session:
        session["language"] = language
    response = board.get(f"/board/report?{query}&format=pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    words = " ".join(arabic_words("\n".join(page.extract_text() for page in reader.pages)))
    catalogue = Translations.load("translations", [language])
    expected = arabic_words(catalogue.gettext(msgid))
    assert expected and " ".join(expected) in words
    assert len(arabic_joined_glyphs(reader)) >= 10
    # The footer's page count ({nb}) is still filled in with shaping on.
    footer = catalogue.gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": len(reader.pages)}
    assert "{nb}" not in reader.pages[0].extract_text()
    # Its number and words are separate runs, which pypdf returns in the order they are seen.
    assert all(word in words.split() for word in arabic_words(footer))


@pytest.mark.parametrize("language", Config.LANGUAGES)
@pytest.mark.parametrize("query", ["period=2026Q3", "code=SQT7K2"])
def test_no_words_in_a_report_pdf_run_into_each_other_in_any_language(board, summaries, language, query):
    with board.client.session_transaction() as session:
        session["language"] = language
    reader = PdfReader(io.BytesIO(board.get(f"/board/report?{query}&format=pdf").data))
    for number, page in enumerate(reader.pages):
        assert touching_lines(ink_lines(page)) == [], number


def test_report_dates_have_their_months_in_the_readers_language(board, summaries):
    with board.client.session_transaction() as session:
        session["language"] = "pl"
    pdf = board.get("/board/report?period=2026Q3&format=pdf").data
    html = board.get("/board/report?period=2026Q3&format=html").get_data(as_text=True)
    for text in ("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages), html):
        assert "od 1 lipca 2026 do 30 września 2026" in text
        assert "1 July 2026" not in text and "30 September 2026" not in text
