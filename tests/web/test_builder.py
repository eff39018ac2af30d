"""The builder through the browser: questions of every type, choices, branching, preview, settings."""
import re

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN, Response
from engage.services import users
from engage.services.consultations import find_consultation, survey_of
from surveys import QUESTION_TYPES


def survey(app, code):
    with app.app_context():
        return survey_of(find_consultation(code))


def form(text, choices=(), required=True, **fields):
    """A question form as the browser sends it: ticked boxes only, choice rows numbered."""
    data = {"text": text, "prefer_not_to_say": "y", "show_if_question": "", "show_if_test": "equals", **fields}
    if required:
        data["required"] = "y"
    for n, row in enumerate(choices):
        row = {"words": row} if isinstance(row, str) else row
        data.update({f"choices-{n}-{key}": value for key, value in row.items()})
    return data


EVERY_TYPE = {
    "single_choice": form("Where do you feel safe?", ["At home", "At school"]),
    "multiple_choice": form("What do you do after school?", ["Sport", "Clubs", "Gaming"], max_choices="2"),
    "ranked_ballot": form("Rank these worries", ["Knife crime", "Exams", "Money"], pick="2"),
    "workshop_choice": form(
        "Pick your workshops", [{"words": "First aid", "capacity": "20"}, {"words": "Online safety"}], pick="1"
    ),
    "age_band": form("Which year are you in?", ["Year 7", "Year 8"]),
    "faces_scale": form("How was today?", points="3"),
    "scale_0_10": form("How safe do you feel, from 0 to 10?"),
    "yes_no": form("Do you know who to tell?"),
    "free_text": form("What would make your area safer?", max_length="300", required=False),
    "number": form("How many friends came with you?", minimum="0", maximum="30"),
    "info": form("Thank you: the next part is about school."),
}


def test_every_question_type_can_be_added(ballot):
    assert set(EVERY_TYPE) == set(QUESTION_TYPES)


@pytest.mark.parametrize("kind", sorted(EVERY_TYPE))
def test_a_facilitator_adds_a_question_of_each_type_and_previews_it(app, facilitator, ballot, kind):
    page = facilitator.post(f"/console/c/{ballot}/questions/new?type={kind}", EVERY_TYPE[kind])
    assert page.status_code == 302, facilitator.text
    assert "Question added." in facilitator.get(page.location).get_data(as_text=True)
    added = survey(app, ballot).questions[-1]
    assert (added.type, added.text_in()) == (kind, EVERY_TYPE[kind]["text"])
    assert added.id in facilitator.text  # listed, with its anchor
    preview = facilitator.get(f"/console/c/{ballot}/preview?screen=5")
    assert preview.status_code == 200 and added.text_in() in facilitator.text


def test_type_settings_are_saved_as_typed(app, facilitator, ballot):
    for kind in ("workshop_choice", "number", "faces_scale", "multiple_choice"):
        facilitator.post(f"/console/c/{ballot}/questions/new?type={kind}", EVERY_TYPE[kind])
    saved = survey(app, ballot)
    workshops, number, faces, several = saved.questions[-4:]
    assert [(c.value, c.capacity) for c in workshops.choices] == [("first_aid", 20), ("online_safety", None)]
    assert (workshops.pick, number.minimum, number.maximum, faces.points, several.max_choices) == (1, 0, 30, 3, 2)


def test_a_new_question_goes_where_it_was_asked_for(app, facilitator, ballot):
    facilitator.post(f"/console/c/{ballot}/questions/new?type=yes_no&after=age_band", EVERY_TYPE["yes_no"])
    facilitator.post(f"/console/c/{ballot}/questions/new?type=info&after=-start-", EVERY_TYPE["info"])
    assert [q.id for q in survey(app, ballot).questions][:3] == [
        "thank_you_the_next_part_is_about_school", "age_band", "do_you_know_who_to_tell"
    ]


def test_a_refused_question_comes_back_as_typed_with_the_reason(app, facilitator, ballot):
    typed = form("Which bus do you catch?", [" "], hint="Pick the one you use most")
    page = facilitator.post(f"/console/c/{ballot}/questions/new?type=single_choice", typed)
    assert page.status_code == 422
    assert "Add at least one choice." in facilitator.text
    assert "Which bus do you catch?</textarea>" in facilitator.text
    assert "Pick the one you use most</textarea>" in facilitator.text
    assert len(survey(app, ballot).questions) == 4


def test_an_empty_question_is_refused_next_to_its_box(facilitator, ballot):
    page = facilitator.post(f"/console/c/{ballot}/questions/new?type=yes_no", form(""))
    assert page.status_code == 422
    assert 'id="text-error">Write the question.' in facilitator.text


def test_a_facilitator_edits_words_choices_branching_and_flags(app, facilitator, ballot):
    facilitator.post(f"/console/c/{ballot}/questions/new?type=single_choice", EVERY_TYPE["single_choice"])
    qid = survey(app, ballot).questions[-1].id
    edit = facilitator.get(f"/console/c/{ballot}/questions/edit?q={qid}")
    assert edit.status_code == 200 and 'value="At home"' in facilitator.text
    based_on = re.search(r'name="based_on" type="hidden" value="([^"]*)"', facilitator.text).group(1)
    changed = form(
        "Where do you feel safest?",
        [
            {"value": "at_home", "words": "At home or with family", "order": "2"},
            {"value": "at_school", "words": "At school", "order": "1", "remove": "y"},
            {"words": "Out with friends", "order": "1"},
        ],
        required=False,
        based_on=based_on,
        show_if_question="top_issues",
        show_if_test="includes",
        show_if_answers=["top_issues:knife_crime"],
    )
    page = facilitator.post(f"/console/c/{ballot}/questions/edit?q={qid}", changed)
    assert page.status_code == 302, facilitator.text
    question = survey(app, ballot).question(qid)
    assert question.text_in() == "Where do you feel safest?" and not question.required
    assert [(c.value, c.label_in()) for c in question.choices] == [
        ("out_with_friends", "Out with friends"),
        ("at_home", "At home or with family"),
    ]
    assert (question.show_if.op, question.show_if.question, question.show_if.value) == (
        "includes", "top_issues", "knife_crime"
    )
    listed = facilitator.get(f"/console/c/{ballot}/questions").get_data(as_text=True)
    assert "Shown only if “Pick the 3 issues" in listed and "includes “Knife crime”" in listed


def test_branching_only_offers_earlier_questions(facilitator, ballot):
    facilitator.get(f"/console/c/{ballot}/questions/edit?q=top_issues")
    offered = re.search(r'<select id="show_if_question".*?</select>', facilitator.text, re.S).group(0)
    assert 'value="age_band"' in offered
    assert 'value="why_first"' not in offered and 'value="top_issues"' not in offered


def test_branching_that_does_not_fit_its_question_is_refused(app, facilitator, ballot):
    typed = form("Tell us more", show_if_question="top_issues", show_if_test="equals",
                 show_if_answers=["top_issues:knife_crime"])
    page = facilitator.post(f"/console/c/{ballot}/questions/new?type=free_text", typed)
    assert page.status_code == 422 and "use &#39;includes&#39;" in facilitator.text


def test_a_question_is_moved_and_removed(app, facilitator, ballot):
    facilitator.post(f"/console/c/{ballot}/questions/move", {"question": "why_first", "to": "up"})
    assert [q.id for q in survey(app, ballot).questions][:3] == ["age_band", "why_first", "top_issues"]
    confirm = facilitator.get(f"/console/c/{ballot}/questions/remove?q=why_first")
    assert confirm.status_code == 200 and "Remove question 2?" in facilitator.text
    page = facilitator.post(f"/console/c/{ballot}/questions/remove?q=why_first")
    assert page.status_code == 302
    assert [q.id for q in survey(app, ballot).questions] == ["age_band", "top_issues", "knife_crime_safe"]


def test_moves_and_removals_that_break_branching_are_refused_with_the_reason(app, facilitator, ballot):
    facilitator.post(f"/console/c/{ballot}/questions/move", {"question": "knife_crime_safe", "to": "1"})
    assert "must come after it" in facilitator.get(f"/console/c/{ballot}/questions").get_data(as_text=True)
    facilitator.post(f"/console/c/{ballot}/questions/remove?q=top_issues")
    assert "cannot be removed" in facilitator.get(f"/console/c/{ballot}/questions").get_data(as_text=True)
    assert len(survey(app, ballot).questions) == 4


def widget(page: str, start: str) -> str:
    """The question's own markup: from where it begins to the buttons, spaces evened out."""
    body = page.split(start, 1)[1].split('<div class="actions">', 1)[0]
    body = re.sub(r'<input [^>]*type="hidden"[^>]*>', "", body)  # the respondent form's token and screen
    return re.sub(r"\s+", " ", body).strip()


def test_the_preview_shows_each_question_with_the_markup_young_people_get(app, facilitator, ballot, respondent):
    with app.app_context():
        from engage.services.consultations import set_status

        set_status(ballot, OPEN)
    young = respondent(ballot)
    young.start()
    for number, answer in enumerate((["14-15"], ["knife_crime"], ["Scary"], None), start=1):
        preview = facilitator.get(f"/console/c/{ballot}/preview?screen={number}").get_data(as_text=True)
        assert f"Question {number} of 4" in preview
        shown = widget(young.text, "novalidate>")
        assert shown.startswith(("<fieldset", "<label")) and 'name="answer"' in shown
        assert widget(preview, '<div class="preview">') == shown
        if answer:
            young.answer(*answer)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1  # the young person's only


def test_the_preview_steps_with_next_and_back_links_and_has_no_form_to_send(facilitator, ballot):
    page = facilitator.get(f"/console/c/{ballot}/preview?screen=2").get_data(as_text=True)
    assert f'href="/console/c/{ballot}/preview?screen=3">Next</a>' in page
    assert f'href="/console/c/{ballot}/preview?screen=1">Back</a>' in page
    assert "<form" not in page.split('<main id="main">', 1)[1]


def test_settings_are_saved(app, facilitator, ballot):
    settings = {"title": "Make your mark", "min_age": "11", "max_age": "18",
                "opens_on": "2025-03-01", "closes_on": "2025-03-31"}
    page = facilitator.post(f"/console/c/{ballot}/settings", settings)
    assert page.status_code == 302
    assert "Settings saved." in facilitator.get(page.location).get_data(as_text=True)
    with app.app_context():
        saved = find_consultation(ballot)
        assert (saved.title, str(saved.opens_on), str(saved.closes_on)) == ("Make your mark", "2025-03-01", "2025-03-31")


def test_a_closing_date_before_the_opening_date_is_refused_clearly_keeping_what_was_typed(app, facilitator, ballot):
    settings = {"title": "Make your mark", "min_age": "11", "max_age": "18",
                "opens_on": "2025-03-10", "closes_on": "2025-03-01"}
    page = facilitator.post(f"/console/c/{ballot}/settings", settings)
    assert page.status_code == 422
    assert 'id="closes_on-error">The closing date cannot be before the opening date (10 March 2025).' in facilitator.text
    assert 'value="Make your mark"' in facilitator.text and 'value="2025-03-01"' in facilitator.text
    with app.app_context():
        assert find_consultation(ballot).closes_on is None


def test_after_answers_an_edit_makes_a_new_version_shown_in_the_history(app, facilitator, ballot, respondent):
    with app.app_context():
        from engage.services.consultations import set_status

        set_status(ballot, OPEN)
    respondent(ballot).start()
    page = facilitator.post(f"/console/c/{ballot}/questions/new?type=yes_no", EVERY_TYPE["yes_no"])
    assert "saved as version 2" in facilitator.get(page.location).get_data(as_text=True)
    history = facilitator.get(f"/console/c/{ballot}/versions").get_data(as_text=True)
    rows = [re.sub(r"<[^>]+>|\s+", " ", row).split() for row in re.findall(r"<tr>\s*<td>.*?</tr>", history, re.S)]
    assert [(r[0], r[-2], r[-1]) for r in rows] == [("2", "0", "0"), ("1", "1", "0")]


def test_the_consultation_page_links_to_the_builder(facilitator, ballot):
    page = facilitator.get(f"/console/c/{ballot}").get_data(as_text=True)
    for part in ("questions", "preview", "settings", "versions"):
        assert f'href="/console/c/{ballot}/{part}"' in page


def test_a_co_facilitator_on_the_team_can_edit_and_one_not_on_it_cannot_see_it(app, staff, ballot):
    on_team, elsewhere = staff("co_facilitator"), staff("co_facilitator")
    with app.app_context():
        users.set_members(find_consultation(ballot), [on_team.user.id], by=None)
    assert on_team.get(f"/console/c/{ballot}/questions").status_code == 200
    page = on_team.post(f"/console/c/{ballot}/questions/new?type=yes_no", EVERY_TYPE["yes_no"])
    assert page.status_code == 302
    for path in ("questions", "preview", "settings", "versions", "questions/edit?q=age_band"):
        assert elsewhere.get(f"/console/c/{ballot}/{path}").status_code == 404
    assert elsewhere.post(f"/console/c/{ballot}/questions/remove?q=age_band").status_code == 404
    assert len(survey(app, ballot).questions) == 5


def test_a_board_member_cannot_use_the_builder(staff, ballot):
    board = staff("board_member")
    assert board.get(f"/console/c/{ballot}/questions").status_code == 403
    assert board.post(f"/console/c/{ballot}/questions/move", {"question": "why_first", "to": "up"}).status_code == 403


def test_an_edit_begun_before_someone_else_saved_comes_back_to_check(app, facilitator, staff, ballot):
    other = staff("facilitator")
    facilitator.get(f"/console/c/{ballot}/questions/edit?q=age_band")
    based_on = re.search(r'name="based_on" type="hidden" value="([^"]*)"', facilitator.text).group(1)
    other.post(f"/console/c/{ballot}/questions/move", {"question": "why_first", "to": "up"})
    typed = form("How old are you today?", [{"value": "18", "words": "18"}], based_on=based_on)
    assert facilitator.post(f"/console/c/{ballot}/questions/edit?q=age_band", typed).status_code == 422
    assert "Someone else saved a change" in facilitator.text and "How old are you today?" in facilitator.text
    again = re.search(r'name="based_on" type="hidden" value="([^"]*)"', facilitator.text).group(1)
    assert facilitator.post(f"/console/c/{ballot}/questions/edit?q=age_band", {**typed, "based_on": again}).status_code == 302
    assert survey(app, ballot).question("age_band").text_in() == "How old are you today?"
