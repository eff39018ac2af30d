"""Importing a survey from an XLSForm in the console, and taking it out again."""
from __future__ import annotations

import io
import secrets

import openpyxl

from surveys.xlsform import read_xlsform


def _workbook(rows: list[list[str]], choices: list[list[str]] | None = None) -> bytes:
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in rows:
        survey.append(row)
    sheet = book.create_sheet("choices")
    for row in choices or [["list_name", "name", "label"]]:
        sheet.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id"])
    settings.append(["Park safety", "park"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = _workbook(
    [
        ["type", "name", "label", "required", "relevant"],
        ["select_one safe", "feel_safe", "Do you feel safe in the park?", "yes", ""],
        ["text", "why", "Why not?", "no", "${feel_safe} = 'no'"],
    ],
    [["list_name", "name", "label"], ["safe", "yes", "Yes"], ["safe", "no", "No"], ["safe", "sometimes", "Sometimes"]],
)
REFUSED = _workbook(
    [
        ["type", "name", "label"],
        ["text", "name", "Your name"],
        ["geopoint", "where", "Where do you live?"],
    ]
)


def _upload(person, data: bytes, filename: str, title: str = ""):
    person.get("/console/consultations/import")
    return person.post(
        "/console/consultations/import",
        {"file": (io.BytesIO(data), filename), "title": title},
        content_type="multipart/form-data",
    )


def test_a_facilitator_imports_a_form_as_a_draft_consultation_and_exports_it_again(staff):
    facilitator = staff("facilitator")
    made = _upload(facilitator, GOOD, "park.xlsx", "Park safety, spring")
    assert made.status_code == 302
    page = facilitator.get(made.location)
    assert "Park safety, spring" in facilitator.text and "Imported 2 questions as a draft." in facilitator.text
    code = made.location.rstrip("/").rsplit("/", 1)[-1]
    exported = facilitator.get(f"/console/c/{code}/survey.xlsx")
    assert page.status_code == 200 and exported.status_code == 200
    survey = read_xlsform(exported.data, "survey.xlsx")
    assert [q.id for q in survey.questions] == ["feel_safe", "why"]
    assert survey.question("why").show_if is not None
    assert "imported survey" in staff("admin").get("/console/audit").get_data(as_text=True)


def test_a_refused_form_names_the_sheet_row_and_reason_and_creates_nothing(staff):
    facilitator = staff("facilitator")
    refused = _upload(facilitator, REFUSED, "where.xlsx")
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Nothing was imported" in text and "sheet &#39;survey&#39;, row 3" in text
    assert "No consultations yet." in facilitator.get("/console/").get_data(as_text=True)


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(staff):
    facilitator = staff("facilitator")
    wrong = _upload(facilitator, b"%PDF-1.4 not a form", "form.pdf")
    assert wrong.status_code == 422 and "Use an .xlsx, .xls or .csv XLSForm." in wrong.get_data(as_text=True)
    broken = _upload(facilitator, b"PK\x03\x04 broken zip", "form.xlsx")
    assert broken.status_code == 422 and "Nothing was imported" in broken.get_data(as_text=True)


def test_a_spreadsheet_larger_than_a_young_persons_answer_is_accepted_here(staff):
    facilitator = staff("facilitator")
    rows = [["type", "name", "label"]] + [["text", f"q{i}", f"Question {i} {secrets.token_hex(150)}"] for i in range(300)]
    big = _workbook(rows)
    assert len(big) > 64 * 1024
    assert _upload(facilitator, big, "big.xlsx").status_code == 302
