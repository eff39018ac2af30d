"""An Engage survey as an XLSForm .xlsx: survey, choices and settings sheets.

Every question becomes the nearest XLSForm type, so KoboToolbox or ODK can
open the file; what only Engage has (a faces scale, a ranked ballot, workshop
places, "prefer not to say") rides in ``engage::`` columns, which those tools
ignore and Engage reads back, so that export then import gives the same survey.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

from surveys.model import Question, Survey
from surveys.xlsform.constraints import write_constraint
from surveys.xlsform.languages import language_label
from surveys.xlsform.relevant import write_relevant

_SELECT_ONE = {"single_choice", "yes_no", "faces_scale", "age_band", "scale_0_10"}
_SELECT_MANY = {"multiple_choice", "ranked_ballot", "workshop_choice"}
_PLAIN = {"free_text": "text", "number": "decimal", "info": "note"}
_RANGE_0_10 = "start=0 end=10 step=1"


def write_xlsform(survey: Survey) -> bytes:
    import openpyxl

    languages = _languages(survey)
    workbook = openpyxl.Workbook()
    sheets = (
        ("survey", *_survey_sheet(survey, languages)),
        ("choices", *_choices_sheet(survey, languages)),
        ("settings", *_settings_sheet(survey, languages)),
    )
    workbook.remove(workbook.active)
    for title, columns, rows in sheets:
        _fill(workbook.create_sheet(title), columns, rows)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _languages(survey: Survey) -> list[str]:
    found = list(survey.languages)
    texts: list[Mapping[str, str] | None] = [survey.title, survey.intro, survey.thank_you]
    for question in survey.questions:
        texts += [question.text, question.hint, *(c.label for c in question.choices)]
    for text in texts:
        found += [code for code in (text or {}) if code not in found]
    return found


def _words(column: str, text: Mapping[str, str] | None, languages: list[str]) -> dict[str, str]:
    return {f"{column}::{language_label(code)}": text[code] for code in languages if text and code in text}


def _survey_sheet(survey: Survey, languages: list[str]) -> tuple[list[str], list[dict]]:
    rows = [_question_row(q, languages) for q in survey.questions]
    columns = ["type", "name", *_columns("label", languages), *_columns("hint", languages),
               "required", "relevant", "constraint", "parameters",
               "engage::type", "engage::pick", "engage::points", "engage::prefer_not_to_say"]
    return _used(columns, rows), rows


def _question_row(question: Question, languages: list[str]) -> dict:
    kind = question.kind
    row = {"name": question.id, **_words("label", question.text, languages),
           **_words("hint", question.hint, languages)}
    if question.type == "scale_0_10" and not question.choices:
        row.update(type="range", parameters=_RANGE_0_10)
    elif question.type in _SELECT_ONE:
        row["type"] = f"select_one {question.id}"
    elif question.type in _SELECT_MANY:
        row["type"] = f"select_multiple {question.id}"
    else:
        row["type"] = _PLAIN[question.type]
    row["engage::type"] = question.type  # always, so that a yes/no single choice stays one
    if kind.takes_answer:
        row["required"] = "yes" if question.required else "no"
        if not question.prefer_not_to_say:
            row["engage::prefer_not_to_say"] = "no"
    row["engage::pick"] = question.pick
    row["engage::points"] = question.points
    row["relevant"] = write_relevant(question.show_if) if question.show_if else None
    row["constraint"] = write_constraint(question) or None
    return row


def _choices_sheet(survey: Survey, languages: list[str]) -> tuple[list[str], list[dict]]:
    rows = []
    for question in survey.questions:
        if question.type == "scale_0_10" and not question.choices:
            continue
        for choice in question.kind.choices(question):
            rows.append({"list_name": question.id, "name": choice.value,
                         **_words("label", choice.label, languages), "engage::capacity": choice.capacity})
    return _used(["list_name", "name", *_columns("label", languages), "engage::capacity"], rows), rows


def _settings_sheet(survey: Survey, languages: list[str]) -> tuple[list[str], list[dict]]:
    default = languages[0]
    others = [code for code in languages if code != default]
    row = {
        "form_title": survey.title.get(default) or survey.title_in(default),
        "form_id": survey.id,
        "default_language": language_label(default),
        "engage::kind": survey.kind,
        "engage::min_age": survey.min_age,
        "engage::max_age": survey.max_age,
        "engage::languages": " ".join(survey.languages),
        **_words("engage::title", survey.title, others),
        **_words("engage::intro", survey.intro, languages),
        **_words("engage::thank_you", survey.thank_you, languages),
    }
    columns = ["form_title", "form_id", "default_language", "engage::kind", "engage::min_age",
               "engage::max_age", "engage::languages", *_columns("engage::title", others),
               *_columns("engage::intro", languages), *_columns("engage::thank_you", languages)]
    return _used(columns, [row]), [row]


def _columns(column: str, languages: Iterable[str]) -> list[str]:
    return [f"{column}::{language_label(code)}" for code in languages]


def _used(columns: list[str], rows: list[dict]) -> list[str]:
    """Leave out columns no row fills, but always keep the ones XLSForm requires."""
    needed = {"type", "name", "list_name", "form_title", "form_id"}
    return [c for c in columns if c in needed or any(r.get(c) not in (None, "") for r in rows)]


def _fill(sheet, columns: list[str], rows: list[dict]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    for number, values in enumerate([dict(zip(columns, columns)), *rows], start=1):
        for position, column in enumerate(columns, start=1):
            value = values.get(column)
            if value in (None, ""):
                continue
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(number, position, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # words, never a formula, whatever a label starts with
            if number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for position, column in enumerate(columns, start=1):
        letter = sheet.cell(1, position).column_letter
        sheet.column_dimensions[letter].width = 40 if column.startswith(("label", "hint", "relevant")) else 18
