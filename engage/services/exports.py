"""A consultation's answers as one table, for facilitators: CSV, XLSX and the JSON API.

One row per response, one column per question across every survey version.
Two rules hold for every way out of here:

- Words flagged as a possible disclosure are withheld: the safeguarding lead
  handles them, and a spreadsheet is copied, mailed and kept for years.
- In a file, any cell that a spreadsheet could run as a formula is prefixed
  with a single quote (OWASP, CSV injection): a young person's "=HYPERLINK(…)"
  must stay words on the screen of the adult who opens the file.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import SUBMITTED, Answer, Consultation, Response, SurveyVersion, User
from engage.services import audit
from engage.services.consultations import survey_of
from surveys import PREFER_NOT_TO_SAY, Survey

WITHHELD = "[withheld: passed to the safeguarding lead]"
PREFER_NOT_TO_SAY_LABEL = "Prefer not to say"
FIXED_HEADERS = ("Response", "Submitted on", "Channel", "Language", "Age band", "Survey version")
# OWASP's list, plus line feed: a cell starting with any of these may be read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
BATCH = 500  # responses read per query: bounded memory, few round trips
CSV, XLSX, API = "csv", "xlsx", "api"

Cell = str | int | float | None


def neutralise(cell: Cell) -> Cell:
    """Text a spreadsheet could run as a formula, made plain text; numbers stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


@dataclass(frozen=True)
class Column:
    question_id: str
    header: str


@dataclass(frozen=True)
class Row:
    number: int
    submitted_on: str | None
    channel: str
    language: str
    age_band: str | None
    survey_version: int
    answers: dict[str, Cell]

    def cells(self, columns: Iterable[Column]) -> list[Cell]:
        fixed = [self.number, self.submitted_on, self.channel, self.language, self.age_band, self.survey_version]
        return fixed + [self.answers.get(c.question_id) for c in columns]

    def to_dict(self) -> dict[str, Any]:
        fields = asdict(self)
        return {"response": fields.pop("number"), **fields}


@dataclass(frozen=True)
class _Version:
    number: int
    survey: Survey
    # question id -> choice value -> English label, worked out once per export
    labels: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerTable:
    """What an export holds, fixed when it starts, read in batches as it is written.

    Responses are bounded by the highest id seen at the start, so the row
    count in the audit log matches the file even while answers arrive.
    """

    consultation_id: int
    columns: tuple[Column, ...]
    count: int
    last_id: int
    include_in_progress: bool
    versions: dict[int, _Version]

    @property
    def headers(self) -> list[str]:
        return [*FIXED_HEADERS, *(c.header for c in self.columns)]

    def rows(self, offset: int = 0, limit: int | None = None) -> Iterator[Row]:
        """Rows in response order, numbered from 1 across the whole table."""
        number, after, remaining = offset, None, limit
        while remaining is None or remaining > 0:
            size = BATCH if remaining is None else min(BATCH, remaining)
            query = self._responses().limit(size)
            # Keyset after the first batch: OFFSET would rescan every earlier row.
            query = query.offset(offset) if after is None else query.where(Response.id > after)
            batch = db.session.execute(query).all()
            answers = self._answers([r.id for r in batch])
            for response in batch:
                number += 1
                yield self._row(number, response, answers.get(response.id, []))
            if len(batch) < size:
                return
            after = batch[-1].id
            if remaining is not None:
                remaining -= len(batch)

    def _responses(self):
        r = Response
        query = select(r.id, r.submitted_on, r.channel, r.language, r.age_band, r.survey_version_id)
        query = query.where(*_filters(self.consultation_id, self.include_in_progress), r.id <= self.last_id)
        return query.order_by(r.id)

    @staticmethod
    def _answers(response_ids: list[int]) -> dict[int, list[Any]]:
        found: dict[int, list[Any]] = {}
        if response_ids:
            query = select(Answer.response_id, Answer.question_id, Answer.value, Answer.flagged).where(
                Answer.response_id.in_(response_ids)
            )
            for answer in db.session.execute(query):
                found.setdefault(answer.response_id, []).append(answer)
        return found

    def _row(self, number: int, response: Any, answers: list[Any]) -> Row:
        version = self.versions[response.survey_version_id]
        return Row(
            number=number,
            submitted_on=response.submitted_on.isoformat() if response.submitted_on else None,
            channel=response.channel,
            language=response.language,
            age_band=response.age_band,
            survey_version=version.number,
            answers={a.question_id: self._cell(version, a) for a in answers},
        )

    def _cell(self, version: _Version, answer: Any) -> Cell:
        if answer.flagged:
            return WITHHELD
        value = answer.value
        if value is None:
            return None
        if value == PREFER_NOT_TO_SAY:
            return PREFER_NOT_TO_SAY_LABEL
        labels = version.labels.get(answer.question_id)
        if labels is None and not version.survey.has_question(answer.question_id):
            labels = self._labels_elsewhere(answer.question_id)
        labels = labels or {}
        if isinstance(value, list):  # multiple choice and ballots, in the order given
            return "; ".join(labels.get(str(v), str(v)) for v in value)
        if labels:
            return labels.get(str(value), str(value))
        return value if isinstance(value, (str, int, float)) else str(value)

    def _labels_elsewhere(self, question_id: str) -> dict[str, str]:
        """Labels from another version, for an answer its own version does not list."""
        return next((v.labels[question_id] for v in self.versions.values() if question_id in v.labels), {})


def answer_table(consultation: Consultation, include_in_progress: bool = False) -> AnswerTable:
    """The table of a consultation's sent responses (and unfinished ones, if asked)."""
    versions = {
        version_id: _version(number, survey_of(consultation, version_id))
        for version_id, number in db.session.execute(
            select(SurveyVersion.id, SurveyVersion.number).where(
                SurveyVersion.consultation_id == consultation.id
            )
        )
    }
    filters = _filters(consultation.id, include_in_progress)
    last_id = db.session.scalar(select(func.max(Response.id)).where(*filters)) or 0
    count = db.session.scalar(select(func.count(Response.id)).where(*filters, Response.id <= last_id))
    return AnswerTable(
        consultation_id=consultation.id,
        columns=_columns(sorted(versions.values(), key=lambda v: v.number, reverse=True)),
        count=count or 0,
        last_id=last_id,
        include_in_progress=include_in_progress,
        versions=versions,
    )


def start_export(
    consultation: Consultation, file_format: str, by: User | None, include_in_progress: bool = False
) -> AnswerTable:
    """The table to write, with the export written in the audit log first.

    Recorded before the file is streamed: a download cut off halfway has
    still taken answers out of the platform.
    """
    table = answer_table(consultation, include_in_progress)
    audit.record(by, "exported", "consultation", consultation.join_code, format=file_format, rows=table.count)
    return table


def answers_page(
    consultation: Consultation, page: int, per_page: int, by: User | None
) -> tuple[AnswerTable, list[Row]]:
    """One page of the table for the JSON API, recorded as an export."""
    table = answer_table(consultation)
    offset = (page - 1) * per_page
    # Past the end, no query: a page number of any size never reaches the database.
    rows = list(table.rows(offset=offset, limit=per_page)) if offset < table.count else []
    audit.record(
        by, "exported", "consultation", consultation.join_code, format=API, rows=len(rows), page=page
    )
    return table, rows


def csv_chunks(table: AnswerTable) -> Iterator[bytes]:
    """UTF-8 with a byte order mark, which Excel needs to read Welsh, Polish or Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([_csv_cell(h) for h in table.headers])
    for number, row in enumerate(table.rows(), start=1):
        writer.writerow([_csv_cell(c) for c in row.cells(table.columns)])
        if number % BATCH == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def xlsx_file(table: AnswerTable) -> IO[bytes]:
    """The workbook, rewound for sending: write-only mode spools rows to a temporary
    file, so only the zipped result (about a megabyte for ten thousand rows) is in memory."""
    workbook = Workbook(write_only=True)  # rows go straight to disk, not held as cells
    sheet = workbook.create_sheet("Answers")
    sheet.append([_xlsx_cell(h) for h in table.headers])
    for row in table.rows():
        sheet.append([_xlsx_cell(c) for c in row.cells(table.columns)])
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


def _filters(consultation_id: int, include_in_progress: bool) -> list[Any]:
    filters = [Response.consultation_id == consultation_id]
    if not include_in_progress:
        filters.append(Response.status == SUBMITTED)
    return filters


def _version(number: int, survey: Survey) -> _Version:
    labels = {}
    for question in survey.questions:
        choices = question.kind.choices(question)
        if choices:
            labels[question.id] = {c.value: c.label_in("en") for c in choices}
    return _Version(number=number, survey=survey, labels=labels)


def _columns(newest_first: list[_Version]) -> tuple[Column, ...]:
    """The newest version's order; a question dropped since stays next to where it was."""
    order: list[str] = []
    texts: dict[str, str] = {}
    for version in newest_first:
        previous = None
        for question in version.survey.questions:
            if not question.kind.takes_answer:
                continue
            if question.id not in texts:
                texts[question.id] = question.text_in("en")
                order.insert(order.index(previous) + 1 if previous else 0, question.id)
            previous = question.id
    repeated = {text for text, n in Counter(texts.values()).items() if n > 1}
    # Two questions with the same words (an old and a new one) keep apart by id.
    return tuple(
        Column(q, f"{texts[q]} [{q}]" if texts[q] in repeated else texts[q]) for q in order
    )


def _csv_cell(cell: Cell) -> str:
    # Every CSV cell is text to the spreadsheet that opens it, a negative number too.
    return "" if cell is None else neutralise(str(cell))


def _xlsx_cell(cell: Cell) -> Cell:
    if isinstance(cell, str):
        # openpyxl refuses control characters a cell cannot hold.
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", cell))
    return cell


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data
