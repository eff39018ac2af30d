"""Facilitators take the answers away as a file; nobody else does, and each time is logged."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, AuditEvent
from engage.services import users
from engage.services.consultations import create_from_template, find_consultation
from engage.services.exports import WITHHELD
from tests.conftest import Respondent

HYPERLINK = '=HYPERLINK("http://evil.example","Claim your prize")'


@pytest.fixture
def ballot(app):
    """An open youth ballot with two votes: one with a formula for words, one a disclosure."""
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    for words in (HYPERLINK, "my stepdad hits me when mum is out"):
        person = Respondent(app.test_client(), code)  # each young person on their own phone
        person.start()
        person.answer("14-15")
        person.answer("school")
        person.answer(words)
        assert "Ready to send?" in person.text
        person.send()
    return code


def _rows(page) -> list[list[str]]:
    return list(csv.reader(io.StringIO(page.get_data().decode("utf-8-sig"), newline="")))


def test_a_facilitator_downloads_the_answers_as_csv(staff, ballot):
    facilitator = staff("facilitator")
    page = facilitator.get(f"/console/c/{ballot}/export.csv")
    assert page.status_code == 200
    assert page.mimetype == "text/csv"
    assert page.headers["Content-Disposition"].startswith(f'attachment; filename="engage-{ballot}-answers-')
    assert page.get_data().startswith(b"\xef\xbb\xbf")
    header, *rows = _rows(page)
    assert header[:6] == ["Response", "Submitted on", "Channel", "Language", "Age band", "Survey version"]
    said = header.index("Why did you pick your first choice? You can skip this.")
    assert [(r[0], r[header.index("How old are you?")], r[said]) for r in rows] == [
        ("1", "14–15", "'" + HYPERLINK),
        ("2", "14–15", WITHHELD),
    ]
    assert "stepdad" not in page.get_data(as_text=True)


def test_a_facilitator_downloads_the_same_answers_as_a_workbook(staff, ballot):
    facilitator = staff("facilitator")
    from_csv = _rows(facilitator.get(f"/console/c/{ballot}/export.csv"))
    page = facilitator.get(f"/console/c/{ballot}/export.xlsx")
    assert page.status_code == 200
    assert page.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert page.headers["Content-Disposition"].startswith("attachment;")
    book = openpyxl.load_workbook(io.BytesIO(page.get_data()), read_only=True)
    sheet = book["Answers"]
    width = len(from_csv[0])  # empty cells at the end of a row are not written at all
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(max_col=width, values_only=True)]
    book.close()
    assert cells == from_csv


def test_each_download_is_in_the_audit_log_with_its_format_and_rows(app, staff, ballot):
    facilitator = staff("facilitator")
    facilitator.get(f"/console/c/{ballot}/export.csv")
    facilitator.get(f"/console/c/{ballot}/export.xlsx")
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "exported").order_by(AuditEvent.id)
        ).all()
        assert [(e.actor, e.target, e.detail) for e in events] == [
            (facilitator.email, ballot, {"format": "csv", "rows": 2}),
            (facilitator.email, ballot, {"format": "xlsx", "rows": 2}),
        ]
    assert "exported" in facilitator.get(f"/console/c/{ballot}").get_data(as_text=True)


def test_a_co_facilitator_on_the_team_gets_no_export_and_sees_no_link(app, staff, ballot):
    co = staff("co_facilitator")
    with app.app_context():
        users.set_members(find_consultation(ballot), [co.user.id], by=None)
    assert co.get(f"/console/c/{ballot}").status_code == 200
    assert "export.csv" not in co.text
    for extension in ("csv", "xlsx"):
        assert co.get(f"/console/c/{ballot}/export.{extension}").status_code == 403
    with app.app_context():
        assert not db.session.scalar(select(AuditEvent).where(AuditEvent.action == "exported"))


@pytest.mark.parametrize("role", ["board_member", "safeguarding_lead"])
def test_board_members_and_the_safeguarding_lead_get_no_export(staff, ballot, role):
    assert staff(role).get(f"/console/c/{ballot}/export.csv").status_code == 403


def test_the_consultation_page_offers_both_files_to_a_facilitator(staff, ballot):
    page = staff("facilitator").get(f"/console/c/{ballot}").get_data(as_text=True)
    assert f"/console/c/{ballot}/export.csv" in page and f"/console/c/{ballot}/export.xlsx" in page


def test_an_unknown_join_code_is_not_found(staff):
    assert staff("facilitator").get("/console/c/ZZZZZZ/export.csv").status_code == 404
