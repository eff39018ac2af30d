"""Every example form of the XLSForm reference implementation (pyxform) either imports or is
refused with its sheet, row and reason: none may crash the importer.

The forms live in the shared data folder beside the repository and are not copied into it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from surveys.textformat import from_dict, to_dict
from surveys.xlsform import XLSFormError, import_xlsform, write_xlsform


def _reference_folder() -> Path | None:
    candidates = [Path(os.environ["ENGAGE_SHARED_DATA"])] if os.environ.get("ENGAGE_SHARED_DATA") else []
    candidates += [Path(__file__).resolve().parents[2].parent / "shared" / "data", Path("/work/shared/data")]
    return next((c / "xlsform" for c in candidates if (c / "xlsform").is_dir()), None)


FOLDER = _reference_folder()
FORMS = sorted(p.name for p in FOLDER.iterdir() if p.is_file()) if FOLDER else []
MISSING = "the XLSForm reference forms are not here: set ENGAGE_SHARED_DATA to the shared data folder"


def reference_form(name: str) -> Path:
    if FOLDER is None:
        pytest.skip(MISSING)
    return FOLDER / name


# Problems about a whole sheet rather than one of its rows.
SHEET_LEVEL = ("has no sheet named", "no question Engage can ask", "more than")


@pytest.mark.parametrize("name", FORMS or [pytest.param("", marks=pytest.mark.skip(reason=MISSING))])
def test_each_reference_form_imports_or_is_refused_with_sheet_row_and_reason(name):
    try:
        imported = import_xlsform(reference_form(name))
    except XLSFormError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.sheet and problem.message, problem
            assert problem.row is not None or any(m in problem.message for m in SHEET_LEVEL), problem
            assert f"sheet '{problem.sheet}'" in str(error)
        return
    survey = imported.survey
    assert from_dict(to_dict(survey)) == survey  # one the YAML loader, and so the runner, accepts
    assert import_xlsform(write_xlsform(survey), "again.xlsx").survey == survey


IMPORTED = {
    "allow_comment_rows_test.xls": ["farmer_name"],
    "choice_name_same_as_select_name.xls": ["zone"],
    "extra_columns.xlsx": ["a"],
    "extra_sheet_names.xlsx": ["test"],
    "field-list.xlsx": ["table_list_question"],
    "specify_other.csv": ["sex", "sex_other"],
    "specify_other.md": ["sex", "sex_other"],
    "specify_other.xls": ["sex", "sex_other"],
    "specify_other.xlsx": ["sex", "sex_other"],
    "style_settings.xls": ["your_name", "your_age"],
    "text_and_integer.csv": ["your_name", "your_age"],
    "text_and_integer.md": ["your_name", "your_age"],
    "text_and_integer.xls": ["your_name", "your_age"],
    "text_and_integer.xlsx": ["your_name", "your_age"],
    "utf_csv.csv": ["burger_toppings"],
    "yes_or_no_question.csv": ["good_day"],
    "yes_or_no_question.md": ["good_day"],
    "yes_or_no_question.xls": ["good_day"],
    "yes_or_no_question.xlsx": ["good_day"],
}


@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_the_simple_reference_forms_import_with_their_questions(name):
    survey = import_xlsform(reference_form(name)).survey
    assert [q.id for q in survey.questions] == IMPORTED[name]


def test_reference_forms_keep_their_types_titles_and_languages():
    yes_no = import_xlsform(reference_form("yes_or_no_question.md"))
    assert yes_no.survey.questions[0].type == "yes_no"
    assert any("Not sure" in note.message for note in yes_no.notes)
    assert import_xlsform(reference_form("style_settings.xls")).survey.title == {"en": "My Survey"}
    numbers = import_xlsform(reference_form("text_and_integer.csv")).survey
    assert [q.type for q in numbers.questions] == ["free_text", "number"]
    sheets = import_xlsform(reference_form("extra_sheet_names.xlsx")).notes
    assert {n.sheet for n in sheets} == {"my_sheet", "stettings"}


REFUSED = {
    "calculate.xls": ("survey", 2, "calculations are not supported"),
    "gps.xls": ("survey", 2, "never asks for a location"),
    "gps.csv": ("survey", 3, "never asks for a location"),
    "group.csv": ("survey", 5, "never asks for a phone number"),
    "group.md": ("survey", 5, "never asks for a phone number"),
    "group.xls": ("survey", 4, "never asks for a phone number"),
    "group.xlsx": ("survey", 4, "never asks for a phone number"),
    "hidden.xls": ("survey", 2, "hidden fields are not supported"),
    "include.xlsx": ("survey", 3, "including another form is not supported"),
    "loop.xls": ("survey", 3, "loops"),
    "tutorial.xls": ("survey", 2, "repeats"),
    "default_time_demo.xls": ("survey", 2, "does not ask for dates or times"),
    "choice_filter_test.xlsx": ("survey", 3, "choice_filter"),
    "choice_name_as_type.xls": ("survey", 3, "external file"),
    "case_insensitivity.xlsx": ("SURVEY", 3, "external file"),
    "unknown_question_type.xls": ("survey", 52, "'unknown' is not a question type Engage knows"),
    "widgets.xls": ("survey", 11, "never asks for a location"),
    "xlsform_spec_test.xlsx": ("survey", 15, "repeats"),
    "fruits.csv": ("survey", None, "has no sheet named 'survey'"),
    "survey_no_name.xlsx": ("survey", None, "has no sheet named 'survey'"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_reference_forms_using_what_engage_cannot_do_are_refused_for_that_reason(name):
    sheet, row, reason = REFUSED[name]
    with pytest.raises(XLSFormError) as caught:
        import_xlsform(reference_form(name))
    assert any(
        (p.sheet, p.row) == (sheet, row) and reason in p.message for p in caught.value.problems
    ), caught.value
