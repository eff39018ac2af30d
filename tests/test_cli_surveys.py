"""``engage surveys``: a facilitator brings in a form made in KoboToolbox or ODK, and takes one out."""
import json

import openpyxl

from engage.services.consultations import find_consultation, survey_of


def xlsform(path, survey_rows, choices_rows=()):
    workbook = openpyxl.Workbook()
    survey = workbook.active
    survey.title = "survey"
    for row in [["type", "name", "label", "relevant"], *survey_rows]:
        survey.append(row)
    choices = workbook.create_sheet("choices")
    for row in [["list_name", "name", "label"], *choices_rows]:
        choices.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id"])
    settings.append(["Getting to school", "school-travel"])
    workbook.save(path)
    return path


GOOD = [
    ["start", "start", "", ""],
    ["select_one how", "how", "How do you get to school?", ""],
    ["text", "bus_worry", "What worries you on the bus?", "${how} = 'bus'"],
]
HOW = [["how", "bus", "Bus"], ["how", "walk", "Walk"]]


def listed(runner):
    return json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)


def test_importing_a_form_creates_a_consultation_and_says_what_was_left_out(app, runner, tmp_path):
    path = xlsform(tmp_path / "travel.xlsx", GOOD, HOW)
    result = runner.invoke(args=["surveys", "import", str(path), "--open"])
    assert result.exit_code == 0, result.output
    (consultation,) = listed(runner)
    assert consultation["title"] == "Getting to school" and consultation["status"] == "open"
    assert consultation["join_code"] in result.output
    assert "sheet 'survey', row 2: 'start' (start) is left out" in result.output
    with app.app_context():
        survey = survey_of(find_consultation(consultation["join_code"]))
        assert [q.id for q in survey.questions] == ["how", "bus_worry"]
        assert survey.question("bus_worry").show_if.value == "bus"


def test_the_title_can_be_given_and_a_consultation_starts_as_a_draft(runner, tmp_path):
    path = xlsform(tmp_path / "travel.xlsx", GOOD, HOW)
    result = runner.invoke(args=["surveys", "import", str(path), "--title", "Bus safety"])
    assert result.exit_code == 0, result.output
    assert [(c["title"], c["status"]) for c in listed(runner)] == [("Bus safety", "draft")]


def test_a_refused_form_creates_nothing_and_says_which_sheet_row_and_why(runner, tmp_path):
    rows = [*GOOD, ["geopoint", "where", "Where do you live?", ""], ["calculate", "c", "", ""]]
    path = xlsform(tmp_path / "travel.xlsx", rows, HOW)
    result = runner.invoke(args=["surveys", "import", str(path)])
    assert result.exit_code != 0
    assert "sheet 'survey', row 5: 'geopoint': Engage never asks for a location" in result.output
    assert "sheet 'survey', row 6: 'calculate': calculations are not supported" in result.output
    assert listed(runner) == []


def test_a_file_that_is_not_a_form_is_refused(runner, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = runner.invoke(args=["surveys", "import", str(path)])
    assert result.exit_code != 0 and "is not an XLSForm" in result.output
    assert listed(runner) == []


def test_an_exported_survey_imports_again_with_the_same_questions(app, runner, tmp_path):
    runner.invoke(args=["consultations", "create", "--template", "staying-safe-conference"])
    (original,) = listed(runner)
    out = tmp_path / "conference.xlsx"
    result = runner.invoke(args=["surveys", "export", original["join_code"], "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    again = runner.invoke(args=["surveys", "import", str(out)])
    assert again.exit_code == 0, again.output
    assert "Notes" not in again.output
    copy = next(c for c in listed(runner) if c["join_code"] != original["join_code"])
    with app.app_context():
        assert survey_of(find_consultation(copy["join_code"])) == survey_of(find_consultation(original["join_code"]))


def test_exporting_an_unknown_join_code_says_so(runner, tmp_path):
    result = runner.invoke(args=["surveys", "export", "NOPE99", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code != 0 and "no consultation has the join code" in result.output
    assert not (tmp_path / "x.xlsx").exists()
