"""XLSForm in and out: the mapping, the relevant reader, errors that say where, round trips."""
from __future__ import annotations

import io
import textwrap

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.conditions import is_met
from surveys.model import Condition
from surveys.templates import load_template, template_names
from surveys.textformat import loads
from surveys.xlsform import XLSFormError, import_xlsform, read_xlsform, write_xlsform
from surveys.xlsform.expressions import ExpressionError
from surveys.xlsform.relevant import read_relevant, write_relevant
from surveys.xlsform.workbook import MAX_BYTES, MAX_ROWS

HEADER = ["type", "name", "label"]


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def form(*rows: list, header: list = HEADER, choices: list | None = None, settings: list | None = None) -> bytes:
    sheets = {"survey": [header, *rows]}
    if choices is not None:
        sheets["choices"] = [["list_name", "name", "label"], *choices]
    if settings is not None:
        sheets["settings"] = settings
    return xlsx(sheets)


def read(data: bytes, filename: str = "form.xlsx"):
    return read_xlsform(data, filename)


def problems(data: bytes, filename: str = "form.xlsx") -> list[tuple[str | None, int | None, str]]:
    with pytest.raises(XLSFormError) as caught:
        read_xlsform(data, filename)
    return [(p.sheet, p.row, p.message) for p in caught.value.problems]


COLOURS = [["colours", "red", "Red"], ["colours", "green", "Green"], ["colours", "blue", "Blue"]]
YES_NO = [["yn", "yes", "Yes"], ["yn", "no", "No"]]


# --- question types -------------------------------------------------------------------------


def test_text_and_integer_questions_become_free_text_and_number():
    survey = read(form(["text", "name_q", "What do you like?"], ["integer", "age", "How old?"]))
    assert [(q.id, q.type, q.text) for q in survey.questions] == [
        ("name_q", "free_text", {"en": "What do you like?"}),
        ("age", "number", {"en": "How old?"}),
    ]


def test_select_one_becomes_single_choice_with_the_lists_choices_in_order():
    (question,) = read(form(["select_one colours", "colour", "Favourite?"], choices=COLOURS)).questions
    assert question.type == "single_choice"
    assert [(c.value, c.label) for c in question.choices] == [
        ("red", {"en": "Red"}), ("green", {"en": "Green"}), ("blue", {"en": "Blue"})
    ]


def test_select_multiple_becomes_multiple_choice():
    (question,) = read(form(["select_multiple colours", "colour", "Which?"], choices=COLOURS)).questions
    assert question.type == "multiple_choice" and len(question.choices) == 3


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("select one from colours", "single_choice"),
        ("select all that apply from colours", "multiple_choice"),
        ("select_multiple   colours", "multiple_choice"),
        ("Select_One colours", "single_choice"),
    ],
)
def test_old_and_loose_spellings_of_select_types_are_read(written, expected):
    (question,) = read(form([written, "colour", "Which?"], choices=COLOURS)).questions
    assert question.type == expected


def test_a_yes_no_list_becomes_engages_yes_no_question_and_says_so_in_a_note():
    imported = import_xlsform(form(["select_one yn", "safe", "Do you feel safe?"], choices=YES_NO), "f.xlsx")
    (question,) = imported.survey.questions
    assert question.type == "yes_no" and question.choices == ()
    assert any("Not sure" in note.message and note.row == 2 for note in imported.notes)


def test_a_note_becomes_an_information_screen():
    survey = read(form(["note", "hello", "Welcome!"], ["text", "why", "Why?"]))
    assert survey.questions[0].type == "info"


def test_required_follows_xlsform_where_blank_means_not_required():
    survey = read(form(["text", "a", "A", "yes"], ["text", "b", "B", ""], ["text", "c", "C", "TRUE"],
                       header=[*HEADER, "required"]))
    assert [q.required for q in survey.questions] == [True, False, True]


def test_required_that_depends_on_an_answer_is_refused():
    found = problems(form(["text", "a", "A", "${b} = 'x'"], header=[*HEADER, "required"]))
    assert found == [("survey", 2, "required must be yes or no (Engage cannot make it depend on answers)")]


@pytest.mark.parametrize(
    ("kind", "constraint", "minimum", "maximum"),
    [
        ("integer", ". >= 0 and . <= 120", 0, 120),
        ("integer", ". > 0 and . < 10", 1, 9),
        ("integer", "18 >= .", None, 18),
        ("decimal", ". >= 1.5", 1.5, None),
        ("integer", ". = 7", 7, 7),
    ],
)
def test_a_number_constraint_becomes_its_minimum_and_maximum(kind, constraint, minimum, maximum):
    (question,) = read(form([kind, "n", "How many?", constraint], header=[*HEADER, "constraint"])).questions
    assert (question.minimum, question.maximum) == (minimum, maximum)


def test_a_strict_bound_on_a_decimal_is_kept_inclusive_with_a_note():
    imported = import_xlsform(
        form(["decimal", "n", "How far?", ". > 10.5"], header=[*HEADER, "constraint"]), "f.xlsx"
    )
    assert imported.survey.questions[0].minimum == 10.5
    assert any(". >= 10.5" in note.message for note in imported.notes)


def test_string_length_and_count_selected_constraints_become_limits():
    survey = read(form(
        ["text", "why", "Why?", "string-length(.) <= 500"],
        ["select_multiple colours", "pick", "Pick", "count-selected(.) <= 2"],
        header=[*HEADER, "constraint"], choices=COLOURS,
    ))
    assert survey.questions[0].max_length == 500 and survey.questions[1].max_choices == 2


@pytest.mark.parametrize(
    ("kind", "constraint"),
    [
        ("integer", ". <= ${other}"),
        ("integer", ". != 3"),
        ("text", "regex(., '[a-z]+')"),
        ("text", "string-length(.) >= 3"),
        ("select_one colours", "selected(., 'red')"),
        ("select_multiple colours", "not(selected(., 'red') and selected(., 'blue'))"),
    ],
)
def test_a_constraint_engage_cannot_check_is_refused_rather_than_dropped(kind, constraint):
    ((sheet, row, message),) = problems(form([kind, "q", "Q?", constraint], header=[*HEADER, "constraint"],
                                             choices=COLOURS))
    assert (sheet, row) == ("survey", 2) and message.startswith(f'Engage cannot use the constraint "{constraint}"')


def test_a_range_from_0_to_10_is_the_0_10_scale_and_any_other_range_a_number():
    survey = read(form(
        ["range", "hopeful", "How hopeful?", "start=0 end=10 step=1"],
        ["range", "stars", "Stars?", "start=1 end=5"],
        header=[*HEADER, "parameters"],
    ))
    assert survey.questions[0].type == "scale_0_10"
    assert (survey.questions[1].type, survey.questions[1].minimum, survey.questions[1].maximum) == ("number", 1, 5)


def test_rank_becomes_a_ranked_ballot_of_all_its_choices():
    (question,) = read(form(["rank colours", "order", "Put them in order"], choices=COLOURS)).questions
    assert (question.type, question.pick) == ("ranked_ballot", 3)


def test_or_other_adds_an_other_choice_and_a_question_shown_when_it_is_picked():
    imported = import_xlsform(form(["select_one colours or_other", "colour", "Which?"], choices=COLOURS), "f.xlsx")
    colour, other = imported.survey.questions
    assert colour.choices[-1].value == "other"
    assert other.id == "colour_other" and other.type == "free_text" and not other.required
    assert other.show_if == Condition("equals", "colour", "other")


# --- groups, metadata and refusals -------------------------------------------------------------


def test_groups_are_flattened_and_their_relevant_joins_each_questions_own():
    survey = read(form(
        ["select_one yn", "in_care", "Are you in care?", ""],
        ["integer", "age", "How old are you?", ""],
        ["begin group", "care", "About care", "${in_care} = 'yes'"],
        ["text", "worker", "Who helps you?", ""],
        ["begin group", "older", "", "${age} >= 16"],
        ["text", "leaving", "What about leaving care?", "${worker} != ''"],
        ["end group", "", "", ""],
        ["end group", "", "", ""],
        ["text", "after", "Anything else?", ""],
        header=[*HEADER, "relevant"], choices=YES_NO,
    ))
    in_care = Condition("equals", "in_care", "yes")
    assert survey.question("worker").show_if == in_care
    assert survey.question("leaving").show_if == Condition("all", conditions=(
        in_care, Condition("at_least", "age", 16), Condition("answered", "worker", True),
    ))
    assert survey.question("after").show_if is None


def test_a_group_without_an_end_and_an_end_without_a_group_are_refused():
    assert problems(form(["end group", ""], ["begin group", "g"], ["text", "a", "A"])) == [
        ("survey", 2, "'end group' without a 'begin group' before it"),
        ("survey", 3, "this group has no 'end group'"),
    ]


@pytest.mark.parametrize("metadata", ["start", "end", "today", "deviceid", "phonenumber", "username", "audit",
                                      "simserial", "subscriberid", "email"])
def test_rows_a_phone_fills_in_by_itself_are_left_out_with_a_note(metadata):
    imported = import_xlsform(form([metadata, metadata, ""], ["text", "why", "Why?"]), "f.xlsx")
    assert [q.id for q in imported.survey.questions] == ["why"]
    assert [(n.sheet, n.row) for n in imported.notes] == [("survey", 2)]
    assert "records no device, phone, user or time details" in imported.notes[0].message


def test_a_relevant_that_reads_a_left_out_metadata_row_is_refused():
    ((_, row, message),) = problems(form(["deviceid", "device", "", ""], ["text", "a", "A", "${device} = 'x'"],
                                         header=[*HEADER, "relevant"]))
    assert row == 3 and "form metadata (deviceid) that Engage never records" in message


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("calculate", "calculations are not supported"),
        ("begin repeat", "repeats"),
        ("geopoint", "never asks for a location"),
        ("date", "does not ask for dates"),
        ("image", "does not take photos"),
        ("phone number", "never asks for a phone number"),
        ("acknowledge", "use a note"),
        ("select_one_external colours", "external file"),
        ("hidden", "hidden fields"),
        ("unheard_of", "'unheard_of' is not a question type Engage knows"),
    ],
)
def test_types_engage_cannot_ask_are_refused_with_the_reason(written, reason):
    ((sheet, row, message),) = problems(form(["text", "a", "A"], [written, "q", "Q?"], choices=COLOURS))
    assert (sheet, row) == ("survey", 3) and reason in message


def test_choice_filter_is_refused():
    found = problems(form(["select_one colours", "c", "C?", "${a} = 'x'"], header=[*HEADER, "choice_filter"],
                          choices=COLOURS))
    assert found == [("survey", 2, "choice_filter (choices that depend on an earlier answer) is not supported")]


def test_every_problem_is_reported_at_once_in_sheet_and_row_order():
    with pytest.raises(XLSFormError) as caught:
        read(form(["calculate", "c", ""], ["text", "ok", "Fine"], ["geopoint", "where", "Where?"],
                  ["select_one missing", "m", "M?"], ["select_one dup", "d", "D?"],
                  choices=[["dup", "a", "A"], ["dup", "a", "A again"]]))
    error = caught.value
    assert [(p.sheet, p.row) for p in error.problems] == [
        ("survey", 2), ("survey", 4), ("survey", 5), ("choices", 3)
    ]
    assert "sheet 'survey', row 4: 'geopoint'" in str(error)
    assert "sheet 'choices', row 3: the list 'dup' has the choice 'a' twice" in str(error)
    assert "(4 problems)" in str(error)


def test_names_engage_cannot_use_as_ids_are_changed_with_a_note_and_relevant_follows_them():
    imported = import_xlsform(
        form(["select_one yn", "Feel-Safe", "Safe?", ""], ["text", "_1", "Why?", "${Feel-Safe} = 'no'"],
             header=[*HEADER, "relevant"], choices=YES_NO),
        "f.xlsx",
    )
    assert [q.id for q in imported.survey.questions] == ["feel_safe", "q_1"]
    assert imported.survey.question("q_1").show_if == Condition("equals", "feel_safe", "no")
    assert len([n for n in imported.notes if "in Engage" in n.message]) == 2


def test_a_name_used_twice_is_refused():
    assert problems(form(["text", "a", "A"], ["text", "a", "A again"])) == [
        ("survey", 3, "the name 'a' is used by an earlier question")
    ]


def test_a_label_that_shows_an_earlier_answer_is_refused():
    ((_, row, message),) = problems(form(["text", "a", "A"], ["note", "b", "You said ${a}"]))
    assert row == 3 and "${…}" in message


def test_a_relevant_on_a_later_question_is_refused():
    ((_, row, message),) = problems(form(["text", "a", "A", "${b} = 'x'"], ["text", "b", "B", ""],
                                         header=[*HEADER, "relevant"]))
    assert row == 2 and "'b' is not an earlier question" in message


def test_a_list_missing_from_the_choices_sheet_is_refused():
    assert problems(form(["select_one nowhere", "q", "Q?"], choices=COLOURS)) == [
        ("survey", 2, "the list 'nowhere' is not on the choices sheet")
    ]


def test_a_form_without_a_survey_sheet_is_refused():
    assert problems(xlsx({"Sheet1": [HEADER, ["text", "a", "A"]]})) == [
        ("survey", None, "the file has no sheet named 'survey' (XLSForm puts the questions on a sheet called survey)")
    ]


def test_a_form_with_nothing_to_ask_is_refused():
    ((sheet, _, message),) = problems(form(["start", "start", ""]))
    assert sheet == "survey" and "no question" in message


# --- languages and settings ------------------------------------------------------------------------


def test_labels_in_several_languages_become_texts_by_language_code():
    header = ["type", "name", "label::English (en)", "label::Welsh (cy)", "label:polish", "LABEL::RO",
              "hint::English (en)"]
    survey = read(form(["text", "q", "Hello", "Helo", "Cześć", "Salut", "Say hi"], header=header))
    (question,) = survey.questions
    assert question.text == {"en": "Hello", "cy": "Helo", "pl": "Cześć", "ro": "Salut"}
    assert question.hint == {"en": "Say hi"}
    assert survey.languages == ("en", "cy", "pl", "ro")


def test_a_plain_label_is_in_the_settings_default_language():
    survey = read(form(["text", "q", "Helo"], settings=[["default_language"], ["Welsh (cy)"]]))
    assert survey.questions[0].text == {"cy": "Helo"} and survey.languages == ("cy",)


def test_a_language_engage_does_not_know_is_refused_with_how_to_write_it():
    ((_, row, message),) = problems(form(["text", "q", "Hi"], header=["type", "name", "label::Klingon"]))
    assert row == 2 and "'label::Klingon (code)'" in message


def test_settings_give_the_title_and_id_and_the_file_name_is_the_fallback():
    survey = read(form(["text", "q", "Q"], settings=[["form_title", "form_id"], ["Youth Voice", "Youth Voice 2025"]]))
    assert (survey.title, survey.id) == ({"en": "Youth Voice"}, "youth-voice-2025")
    plain = read(form(["text", "q", "Q"]), "bus_survey.xlsx")
    assert (plain.title, plain.id) == ({"en": "Bus survey"}, "bus_survey")


# --- file formats and limits -------------------------------------------------------------------------


CSV_FORM = textwrap.dedent(
    """\
    survey,,,,
    ,type,name,label,relevant
    ,select_one yn,safe,Do you feel safe?,
    ,text,why,Why not?,${safe} = 'no'
    choices,,,,
    ,list name,name,label
    ,yn,yes,Yes
    ,yn,no,No
    settings,,
    ,form_title,form_id
    ,Feeling safe,safe
    """
)


def test_the_csv_layout_with_sheets_named_in_the_first_column_is_read():
    survey = read(CSV_FORM.encode(), "safe.csv")
    assert survey.title == {"en": "Feeling safe"}
    assert survey.question("why").show_if == Condition("equals", "safe", "no")


def test_the_markdown_layout_is_read_and_rows_are_lines_of_the_file():
    text = "| survey |\n|---|\n| | type | name | label |\n| | text | a | A |\n| | geopoint | g | G |\n"
    assert problems(text.encode(), "form.md") == [("survey", 5, "'geopoint': Engage never asks for a location: "
                                                   "answers in Engage are anonymous")]


def test_a_csv_row_number_is_the_line_of_the_file():
    found = problems(CSV_FORM.replace("text,why", "calculate,why").encode(), "safe.csv")
    assert [(s, r) for s, r, _ in found] == [("survey", 4)]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"type,name\n", "form.txt", "is not an XLSForm"),
        (b"not a zip", "form.xlsx", "not a readable .xlsx"),
        (b"not an xls", "form.xls", "not a readable .xls"),
        ("survey\n,type\n".encode("utf-16"), "form.csv", "not UTF-8"),
        (b"x" * (MAX_BYTES + 1), "form.csv", "must be under"),
    ],
)
def test_a_file_that_is_not_a_usable_spreadsheet_is_refused(data, filename, message):
    ((_, _, found),) = problems(data, filename)
    assert message in found


def test_a_sheet_with_too_many_rows_is_refused():
    rows = [["text", f"q{i}", "Q"] for i in range(MAX_ROWS + 1)]
    ((sheet, _, message),) = problems(form(*rows))
    assert sheet == "survey" and f"more than {MAX_ROWS:,} rows" in message


def test_a_path_is_read_like_bytes(tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(form(["text", "a", "A"]))
    assert read_xlsform(path).questions[0].id == "a"


# --- the relevant reader -------------------------------------------------------------------------------


EARLIER = loads(textwrap.dedent(
    """\
    id: s
    questions:
      - {id: a, type: yes_no, text: A}
      - {id: n, type: number, text: N}
      - {id: m, type: multiple_choice, text: M, choices: [{value: x, label: X}, {value: y, label: Y}]}
      - {id: s, type: single_choice, text: S, choices: [{value: "1", label: One}, {value: "2", label: Two}]}
    """
))
QUESTIONS = {q.id: q for q in EARLIER.questions}


def relevant(text: str) -> Condition:
    def question_id(name: str) -> str:
        if name not in QUESTIONS:
            raise ExpressionError(f"'{name}' is not an earlier question")
        return name

    return read_relevant(text, question_id, QUESTIONS)


ANSWERED_ABOVE_3 = Condition("all", conditions=(
    Condition("answered", "n", True), Condition("not", conditions=(Condition("at_most", "n", 3),))
))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${a} = 'yes'", Condition("equals", "a", "yes")),
        ('"yes"=${a}', Condition("equals", "a", "yes")),
        ("${a} != 'no'", Condition("any", conditions=(Condition("answered", "a", False),
                                                       Condition("not_equals", "a", "no")))),
        ("${a} != '' and ${a} != 'no'", Condition("not_equals", "a", "no")),
        ("${a} = ''", Condition("answered", "a", False)),
        ("${a} != ''", Condition("answered", "a", True)),
        ("${n} >= 3", Condition("at_least", "n", 3)),
        ("${n}<=2.5", Condition("at_most", "n", 2.5)),
        ("3 <= ${n}", Condition("at_least", "n", 3)),
        ("${n} > 3", ANSWERED_ABOVE_3),
        ("${s} = 1", Condition("equals", "s", 1)),
        ("selected(${m}, 'x')", Condition("includes", "m", "x")),
        ("not(selected(${m}, 'x'))", Condition("not", conditions=(Condition("includes", "m", "x"),))),
        ("${a} = 'yes' or ${a} = 'not_sure'", Condition("in", "a", ["yes", "not_sure"])),
        ("${a} = 'yes' and ${n} >= 1 and selected(${m}, 'y')", Condition("all", conditions=(
            Condition("equals", "a", "yes"), Condition("at_least", "n", 1), Condition("includes", "m", "y")))),
        ("(${a} = 'no' or ${n} <= 1) and not(${a} = 'yes')", Condition("all", conditions=(
            Condition("any", conditions=(Condition("equals", "a", "no"), Condition("at_most", "n", 1))),
            Condition("not", conditions=(Condition("equals", "a", "yes"),))))),
    ],
)
def test_the_relevant_subset_of_xlsform_maps_onto_engage_conditions(text, expected):
    assert relevant(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("regex(${a}, 'x')", "regex() is not supported"),
        ("__import__('os')", "__import__() is not supported"),
        ("${a} = ${n}", "compare one ${question} with a value"),
        ("../a = 'yes'", "write the other question as ${name}"),
        ("${n} + 1 > 3", "does not do arithmetic"),
        ("${a} = yes", "'yes' is not in quotes"),
        ("${a} =", "ends too soon"),
        ("${a} = 'yes')", "did not expect ')'"),
        ("${s} >= 1", "'s' is not answered with a number"),
        ("${n} > 'many'", "only be compared with a number"),
        ("${later} = 'x'", "'later' is not an earlier question"),
        ("(" * 40 + "${a} = 'yes'" + ")" * 40, "nested too deeply"),
        ("${a} = '" + "x" * 3000 + "'", "longer than"),
    ],
)
def test_relevant_expressions_engage_cannot_follow_are_refused_in_plain_words(text, reason):
    with pytest.raises(ExpressionError, match=None) as caught:
        relevant(text)
    assert reason in str(caught.value)


PIECES = ["${a}", "${n}", "${m}", "${s}", "${zz}", "'x'", "'yes'", "''", "3", "-1.5", "(", ")", " and ", " or ",
          "not(", "selected(", "regex(", ", ", "=", "!=", ">", "<=", ".", " ", "../a", "+", "yes"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_any_text_in_a_relevant_cell_is_read_or_refused_in_words_never_crashes(text):
    try:
        condition = relevant(text)
    except ExpressionError as error:
        assert str(error)
    else:
        assert isinstance(condition, Condition)


@pytest.mark.parametrize("answer", [None, 2, 3, 4])
def test_greater_than_behaves_as_in_xlsform_even_when_the_question_was_skipped(answer):
    answers = {} if answer is None else {"n": answer}
    assert is_met(relevant("${n} > 3"), answers) == (answer is not None and answer > 3)


@pytest.mark.parametrize("answer", [None, "yes", "no"])
def test_not_equal_behaves_as_in_xlsform_where_a_skipped_question_is_not_yes(answer):
    answers = {} if answer is None else {"a": answer}
    assert is_met(relevant("${a} != 'yes'"), answers) == (answer != "yes")


@pytest.mark.parametrize(
    "condition",
    [
        Condition("in", "a", ["yes", "no"]),
        Condition("not_equals", "a", "no"),
        Condition("any", conditions=(Condition("answered", "a", False), Condition("not_equals", "a", "no"))),
        ANSWERED_ABOVE_3,
        Condition("any", conditions=(Condition("in", "a", ["yes", "no"]), Condition("equals", "n", 4))),
        Condition("all", conditions=(Condition("all", conditions=(Condition("answered", "a", False),
                                                                   Condition("at_most", "n", 1))),
                                     Condition("includes", "m", "it's"))),
    ],
)
def test_a_condition_written_as_relevant_reads_back_the_same(condition):
    assert relevant(write_relevant(condition)) == condition


# --- export and round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", template_names())
def test_every_template_exported_and_imported_again_is_the_same_survey(name):
    template = load_template(name)
    imported = import_xlsform(write_xlsform(template), f"{name}.xlsx")
    assert imported.survey == template
    assert imported.notes == ()


def sheet_rows(data: bytes, name: str) -> list[dict]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = list(workbook[name].iter_rows(values_only=True))
    workbook.close()
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_engage_only_types_are_plain_xlsform_types_with_engage_columns_beside():
    data = write_xlsform(load_template("staying-safe-conference"))
    survey = {row["name"]: row for row in sheet_rows(data, "survey")}
    assert survey["workshops"]["type"] == "select_multiple workshops"
    assert (survey["workshops"]["engage::type"], survey["workshops"]["engage::pick"]) == ("workshop_choice", 3)
    assert survey["workshops"]["constraint"] == "count-selected(.) <= 3"
    assert survey["overall"]["type"] == "select_one overall" and survey["overall"]["engage::points"] == 5
    choices = sheet_rows(data, "choices")
    assert {r["name"]: r["engage::capacity"] for r in choices if r["list_name"] == "workshops"}["first_aid"] == 75
    college = {row["name"]: row for row in sheet_rows(write_xlsform(load_template("lifestyle-college")), "survey")}
    assert (college["hopeful"]["type"], college["hopeful"]["parameters"]) == ("range", "start=0 end=10 step=1")
    assert college["work_hours"]["constraint"] == ". >= 0 and . <= 60"
    assert college["easier_help"]["relevant"] == (
        "${wellbeing} <= 3 and (${know_support} = 'no' or ${know_support} = 'not_sure')"
    )


MULTILINGUAL = textwrap.dedent(
    """\
    id: bilingual
    kind: square_table
    title: {en: Have your say, cy: Dweud eich dweud}
    intro: {en: Hello, cy: Helo}
    languages: [en, cy]
    questions:
      - id: safe
        type: single_choice
        text: {en: "Do you feel safe?", cy: "Wyt ti'n teimlo'n ddiogel?"}
        hint: {en: Pick one, cy: Dewis un}
        choices:
          - {value: "yes", label: {en: "Yes", cy: Ydw}}
          - {value: "no", label: {en: "No", cy: Nac ydw}}
      - id: why
        type: free_text
        text: {en: "=Why not?", cy: "Pam lai?"}
        prefer_not_to_say: false
        show_if: {question: safe, equals: "no"}
    """
)


def test_labels_in_several_languages_are_written_as_label_language_code_columns_and_read_back():
    survey = loads(MULTILINGUAL)
    data = write_xlsform(survey)
    header = list(sheet_rows(data, "survey")[0])
    assert "label::English (en)" in header and "label::Welsh (cy)" in header and "hint::Welsh (cy)" in header
    assert sheet_rows(data, "settings")[0]["default_language"] == "English (en)"
    assert read(data) == survey


def test_a_label_starting_with_an_equals_sign_is_written_as_words_not_a_formula():
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsform(loads(MULTILINGUAL))))
    cell = next(c for row in workbook["survey"].iter_rows() for c in row if c.value == "=Why not?")
    assert cell.data_type == "s"
