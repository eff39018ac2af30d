"""An XLSForm spreadsheet to an Engage survey, or every reason it cannot be one.

The survey sheet is read row by row: groups are flattened (a group's
``relevant`` joins each of its questions' own), rows a phone fills in by itself
are left out with a note, and anything the engine cannot run is a problem
tied to its sheet and row. Problems are gathered over the whole form and
raised together; a Survey is only returned when there are none.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from surveys.conditions import checked_condition
from surveys.errors import SurveyDefinitionError
from surveys.i18n import DEFAULT_LANGUAGE
from surveys.model import Choice, Condition, Question, Survey
from surveys.textformat import from_dict, to_dict
from surveys.xlsform import questions
from surveys.xlsform.columns import Row, table
from surveys.xlsform.errors import Finding, XLSFormError
from surveys.xlsform.expressions import ExpressionError
from surveys.xlsform.languages import language_code
from surveys.xlsform.question_kinds import (
    ENGAGE_TYPES,
    GROUP_ENDS,
    GROUP_STARTS,
    METADATA,
    REFUSED,
    RowType,
    row_type,
)
from surveys.xlsform.relevant import read_relevant
from surveys.xlsform.settings import FormSettings, read_settings
from surveys.xlsform.workbook import MAX_BYTES, RawWorkbook, load_workbook

_UNUSED_COLUMNS = {
    "choice_filter": "choice_filter (choices that depend on an earlier answer) is not supported",
    "calculation": "calculations are not supported",
    "trigger": "trigger (recalculating on another answer) is not supported",
}


@dataclass(frozen=True)
class XLSFormImport:
    survey: Survey
    notes: tuple[Finding, ...]  # what was left out or changed, for the person importing


def import_xlsform(source: str | os.PathLike | bytes, filename: str | None = None) -> XLSFormImport:
    """Read an .xlsx, .xls, .csv or .md XLSForm; raises XLSFormError listing every problem."""
    if isinstance(source, (bytes, bytearray)):
        if not filename:
            raise ValueError("give the filename of the bytes, so that its format is known")
        data = bytes(source)
    else:
        path = Path(source)
        filename = filename or path.name
        if path.stat().st_size > MAX_BYTES:
            raise XLSFormError.one(None, None, f"the file is over {MAX_BYTES // 2**20} MB: a form must be smaller")
        data = path.read_bytes()
    return _FormReader(load_workbook(data, filename), filename).read()


def read_xlsform(source: str | os.PathLike | bytes, filename: str | None = None) -> Survey:
    return import_xlsform(source, filename).survey


class _Cascade(ExpressionError):
    """Reads a row that was already refused: that row's problem says enough."""


@dataclass
class _Group:
    row: int
    condition: Condition | None


@dataclass
class _FormReader:
    book: RawWorkbook
    filename: str
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    default_language: str = DEFAULT_LANGUAGE
    questions: list[Question] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # XLSForm name -> question id
    dropped: dict[str, str] = field(default_factory=dict)  # metadata left out, by name
    refused: set[str] = field(default_factory=set)
    choice_rows: dict[str, list[Row]] = field(default_factory=dict)
    choice_lists: dict[str, tuple[Choice, ...] | None] = field(default_factory=dict)
    _unknown_languages: set[str] = field(default_factory=set)

    def problem(self, row: Row | None, message: str, sheet: str | None = None) -> None:
        self.problems.append(Finding(row.sheet if row else sheet, row.number if row else None, message))

    def note(self, row: Row, message: str) -> None:
        self.notes.append(Finding(row.sheet, row.number, message))

    def words(self, row: Row, column: str) -> dict[str, str]:
        """The column's words by Engage language code; a language not known is a problem."""
        found: dict[str, str] = {}
        for written, text in sorted(row.words(column).items(), key=lambda item: item[0] is not None):
            code = self.default_language if written is None else language_code(written)
            if code is None:
                if written not in self._unknown_languages:
                    self._unknown_languages.add(written)
                    self.problem(row, f"the column '{column}::{written}' names a language Engage does "
                                      f"not know: write it as '{column}::{written} (code)', e.g. "
                                      "'label::Welsh (cy)'")
                continue
            found[code] = text
        return found

    def read(self) -> XLSFormImport:
        settings = read_settings(self, self.filename)
        survey_sheet = self.book.sheets.get("survey")
        if survey_sheet is None:
            raise XLSFormError.one("survey", None, "the file has no sheet named 'survey' (XLSForm puts "
                                   "the questions on a sheet called survey)")
        for name in self.book.other_sheets:
            self.notes.append(Finding(name, None, "this sheet is not part of XLSForm and was not read"))
        for row in table(self.book.sheets.get("entities")):
            self.problem(row, "entities (saving answers into shared lists) are not supported")
            break
        for row in table(self.book.sheets.get("choices"), choices=True):
            if row.get("list_name"):
                self.choice_rows.setdefault(row.get("list_name"), []).append(row)
        groups: list[_Group] = []
        for row in table(survey_sheet):
            self._row(row, groups)
        for group in groups:
            self.problems.append(Finding(survey_sheet.name, group.row, "this group has no 'end group'"))
        if not self.questions and not self.problems:
            self.problem(None, "there is no question Engage can ask on this sheet", sheet=survey_sheet.name)
        if self.problems:
            raise XLSFormError(sorted(self.problems, key=self._reading_order))
        return XLSFormImport(self._survey(settings), tuple(self.notes))

    def _reading_order(self, finding: Finding) -> tuple[int, int]:
        sheets = ["survey", "choices", "settings"]
        sheet = (finding.sheet or "").lower()
        return (sheets.index(sheet) if sheet in sheets else len(sheets), finding.row or 0)

    def _row(self, row: Row, groups: list[_Group]) -> None:
        written = row.get("type")
        if not written:
            if row.get("name"):
                self.problem(row, "this row has a name but no type")
            return  # a comment row
        kind = row_type(written)
        name = row.get("name")
        if kind.base in GROUP_STARTS:
            groups.append(_Group(row.number, self._condition(row, row.get("relevant"), ())))
            if row.words("label"):
                self.note(row, "the group's heading is not shown: Engage asks its questions one by one")
        elif kind.base in GROUP_ENDS:
            if not groups:
                self.problem(row, "'end group' without a 'begin group' before it")
            else:
                groups.pop()
        elif kind.base in METADATA:
            self.dropped[name] = f"form metadata ({kind.base}) that Engage never records"
            self.note(row, f"'{name or kind.base}' ({kind.base}) is left out: it asks the young person "
                           "nothing, and Engage records no device, phone, user or time details")
        elif kind.base in REFUSED or kind.base not in ENGAGE_TYPES:
            self.refused.add(name)
            reason = REFUSED.get(kind.base, f"'{written}' is not a question type Engage knows")
            self.problem(row, f"'{written}': {reason}")
        else:
            self._question(row, kind, [g.condition for g in groups if g.condition])

    def _question(self, row: Row, kind: RowType, group_conditions: list[Condition]) -> None:
        qid = self._new_id(row, row.get("name"))
        for column, reason in _UNUSED_COLUMNS.items():
            if row.get(column):
                self.problem(row, reason)
        if (row.get("read_only") or "no").lower() not in ("no", "false", "false()"):
            self.problem(row, "read-only questions are not supported")
        own = self._condition(row, row.get("relevant"), group_conditions)
        if qid is None:
            self.refused.add(row.get("name"))
            return
        made = questions.build(self, row, kind, qid, own)
        if not made:
            self.refused.add(row.get("name"))
            return
        for question in made:
            try:
                question.kind.check(question, f"'{question.id}'")
            except SurveyDefinitionError as error:
                self.problem(row, str(error))
                self.refused.add(row.get("name"))
                return
            self.questions.append(question)
        self.ids[row.get("name")] = qid

    def _condition(self, row: Row, text: str, outer: Iterable[Condition]) -> Condition | None:
        """The row's own relevant, checked, joined with its groups' conditions."""
        own = None
        if text:
            earlier = {q.id: q for q in self.questions}
            try:
                own = checked_condition(read_relevant(text, self._question_id, earlier), earlier, "relevant")
            except _Cascade:
                pass
            except (ExpressionError, SurveyDefinitionError) as error:
                self.problem(row, f"Engage cannot use the relevant \"{text}\": {_plain(error)}")
        parts = [*outer, *([own] if own else [])]
        if len(parts) > 1:
            return Condition("all", conditions=tuple(parts))
        return parts[0] if parts else None

    def _question_id(self, name: str) -> str:
        if name in self.ids:
            return self.ids[name]
        if name in self.dropped:
            raise ExpressionError(f"'{name}' is {self.dropped[name]}")
        if name in self.refused:
            raise _Cascade(name)
        raise ExpressionError(f"'{name}' is not an earlier question (a question can only depend "
                              "on answers given before it)")

    def _new_id(self, row: Row, name: str) -> str | None:
        if not name:
            self.problem(row, "this question has no name")
            return None
        qid = question_id_for(name)
        if qid != name:
            self.note(row, f"the name '{name}' is '{qid}' in Engage (lower-case letters, digits and _)")
        if name in self.ids or any(q.id == qid for q in self.questions):
            self.problem(row, f"the name '{name}' is used by an earlier question")
            return None
        return qid

    def _survey(self, settings: FormSettings) -> Survey:
        survey = Survey(
            id=settings.id,
            kind=settings.kind,
            title=settings.title,
            questions=tuple(self.questions),
            intro=settings.intro,
            thank_you=settings.thank_you,
            min_age=settings.min_age,
            max_age=settings.max_age,
            languages=settings.languages or self._languages(),
        )
        try:  # the YAML loader's checks, so an imported survey is one the engine can run
            return from_dict(to_dict(survey))
        except SurveyDefinitionError as error:
            raise XLSFormError.one(self.book.sheets["survey"].name, None, str(error)) from None

    def _languages(self) -> tuple[str, ...]:
        """The languages the questions are written in, the form's default first."""
        seen: list[str] = []
        for question in self.questions:
            for text in (question.text, question.hint, *(c.label for c in question.choices)):
                seen += [code for code in (text or {}) if code not in seen]
        return tuple(sorted(seen, key=lambda code: code != self.default_language))


def question_id_for(name: str) -> str:
    """An XLSForm name as an Engage id: ``label-test`` -> ``label_test``, ``_1`` -> ``q_1``."""
    qid = re.sub(r"[^a-z0-9_]", "_", name.strip().lower())
    if not qid[:1].isalpha():
        qid = "q" + ("" if qid.startswith("_") else "_") + qid
    return qid[:64]


def _plain(error: Exception) -> str:
    text = str(error)
    return text.split(": ", 1)[1] if text.startswith("relevant: ") else text
