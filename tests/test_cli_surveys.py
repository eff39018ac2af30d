"""``engage surveys``: a facilitator brings in a form made in KoboToolbox or ODK, takes one out,
and sends a survey's words to a translator and back."""
import json

import openpyxl
from sqlalchemy import select

from engage.extensions import db
from engage.models import SurveyVersion
from engage.services import responding
from engage.services.consultations import find_consultation, survey_of
from tests.translating import translate


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


# --- translations -------------------------------------------------------------


def ballot_code(runner) -> str:
    result = runner.invoke(args=["consultations", "create", "--template", "youth-ballot", "--title", "Ballot", "--open"])
    assert result.exit_code == 0, result.output
    return listed(runner)[0]["join_code"]


def fill(po_path, **words):
    """Translate a PO file in place as a translator would (unit keys with ``:`` written ``__``)."""
    po_path.write_bytes(translate(po_path.read_bytes(), **words))


def test_a_survey_goes_to_a_translator_and_comes_back_in_welsh(app, runner, tmp_path, english_only_templates):
    code = ballot_code(runner)
    po = tmp_path / "cy.po"
    result = runner.invoke(args=["surveys", "translations", "export", code, "--language", "cy", "-o", str(po)])
    assert result.exit_code == 0, result.output
    assert "0 of 17 translated" in result.output
    assert b'msgctxt "question:top_issues:choice:knife_crime"' in po.read_bytes()
    fill(po, survey__title="Pleidlais ieuenctid", question__top_issues__choice__knife_crime="Troseddau cyllyll")
    result = runner.invoke(args=["surveys", "translations", "import", code, str(po)])
    assert result.exit_code == 0, result.output
    assert "cy: 2 applied, 0 stale, 0 unknown, 0 rejected" in result.output
    with app.app_context():
        survey = survey_of(find_consultation(code))
        assert survey.title_in("cy") == "Pleidlais ieuenctid"
        assert survey.question("top_issues").choice("knife_crime").label_in("cy") == "Troseddau cyllyll"
        assert survey.languages == ("en", "cy")


def test_importing_into_a_survey_someone_has_answered_makes_a_new_version(app, runner, tmp_path):
    code = ballot_code(runner)
    po = tmp_path / "cy.po"
    runner.invoke(args=["surveys", "translations", "export", code, "-l", "cy", "-o", str(po)])
    fill(po, survey__title="Pleidlais ieuenctid")
    with app.app_context():
        responding.start_response(code, "web")
        before = find_consultation(code).current_version.definition
    result = runner.invoke(args=["surveys", "translations", "import", code, str(po)])
    assert result.exit_code == 0, result.output
    assert "survey version 2 (new)" in result.output
    with app.app_context():
        consultation = find_consultation(code)
        stored = {v.number: v.definition for v in db.session.scalars(
            select(SurveyVersion).where(SurveyVersion.consultation_id == consultation.id))}
        assert stored[1] == before and "Pleidlais ieuenctid" in stored[2]


def test_stale_and_unknown_entries_are_listed_and_not_used(app, runner, tmp_path):
    code = ballot_code(runner)
    po = tmp_path / "cy.po"
    runner.invoke(args=["surveys", "translations", "export", code, "-l", "cy", "-o", str(po)])
    fill(po, survey__title="Pleidlais", question__why_first__text="Pam?")
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Youth ballot – what matters most to you?"', 'msgid "An older title"')
    text = text.replace('msgctxt "question:why_first:text"', 'msgctxt "question:gone:text"')
    po.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["surveys", "translations", "import", code, str(po)])
    assert result.exit_code == 0, result.output
    assert "0 applied, 1 stale, 1 unknown" in result.output
    assert "stale (the English changed, check the translation): survey:title" in result.output
    assert "unknown (no such question or choice now): question:gone:text" in result.output


def test_translation_commands_say_clearly_what_is_wrong(runner, tmp_path):
    code = ballot_code(runner)
    junk = tmp_path / "junk.po"
    junk.write_bytes(b"\x00\x01 not a po")
    cases = [
        (["export", "NOPE99", "-l", "cy", "-o", str(tmp_path / "x.po")], "no consultation has the join code 'NOPE99'"),
        (["export", code, "-l", "fr", "-o", str(tmp_path / "x.po")], "does not offer the language 'fr'"),
        (["import", code, str(junk)], "junk.po: That file cannot be used"),
    ]
    for args, message in cases:
        result = runner.invoke(args=["surveys", "translations", *args])
        assert result.exit_code == 1, result.output
        assert message in result.output


def test_the_template_command_writes_a_pot_per_template(runner, tmp_path):
    result = runner.invoke(args=["surveys", "translations", "template", "--folder", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "youth-ballot.pot  17 units  written" in result.output
    assert (tmp_path / "square-table.pot").is_file()
