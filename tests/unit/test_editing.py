"""Editing a survey with the pure operations the builder calls."""
import textwrap
from dataclasses import replace

import pytest

from surveys import editing
from surveys.conditions import GROUP_OPERATORS, LEAF_OPERATORS
from surveys.editing import (
    START,
    Branching,
    ChoiceRow,
    EditRefused,
    QuestionDraft,
    add_question,
    choices_from_rows,
    move_question,
    new_question_id,
    question_from_draft,
    remove_question,
    replace_question,
    reworded,
)
from surveys.errors import SurveyDefinitionError
from surveys.model import Choice, Condition, Question
from surveys.question_types import QUESTION_TYPES
from surveys.textformat import dumps, loads

SURVEY = loads(
    textwrap.dedent(
        """
        id: feedback
        title: Feedback
        questions:
          - id: come_again
            type: yes_no
            text: {en: "Would you come again?", cy: "Fyddech chi'n dod eto?"}
          - id: topics
            type: multiple_choice
            text: What should we talk about?
            choices:
              - {value: knife_crime, label: Knife crime}
              - {value: bullying, label: {en: Bullying, cy: Bwlio}}
          - id: why_not
            type: free_text
            text: Why not?
            required: false
            show_if: {question: come_again, equals: "no"}
          - id: welcome
            type: info
            text: Thank you
        """
    )
)


def ids(survey):
    return [q.id for q in survey.questions]


def a_question(qid="how_old", **changes):
    return Question(id=qid, type="number", text={"en": "How old are you?"}, **changes)


def test_a_question_is_added_at_the_end_after_a_question_or_first():
    assert ids(add_question(SURVEY, a_question()))[-1] == "how_old"
    assert ids(add_question(SURVEY, a_question(), after="topics"))[2] == "how_old"
    assert ids(add_question(SURVEY, a_question(), after=START))[0] == "how_old"


def test_an_edit_returns_a_new_survey_and_leaves_the_old_one_as_it_was():
    before = dumps(SURVEY)
    edited = add_question(SURVEY, a_question())
    assert dumps(SURVEY) == before
    assert loads(dumps(edited)) == edited  # what storage reads back is what was edited


def test_adding_a_question_whose_id_is_taken_is_refused():
    with pytest.raises(EditRefused, match="already a question with the id 'topics'"):
        add_question(SURVEY, a_question("topics"))


def test_a_question_cannot_be_added_before_the_question_its_branching_reads():
    reads_later = a_question(show_if=Condition(op="equals", question="come_again", value="yes"))
    with pytest.raises(EditRefused, match="must come after it"):
        add_question(SURVEY, reads_later, after=START)


def test_a_choice_question_without_choices_can_never_be_saved():
    empty = Question(id="pick_one", type="single_choice", text={"en": "Pick one"})
    with pytest.raises(SurveyDefinitionError, match="needs choices"):
        add_question(SURVEY, empty)


def test_a_question_that_breaks_its_type_rules_is_refused_as_on_loading():
    with pytest.raises(SurveyDefinitionError, match="minimum is above maximum"):
        add_question(SURVEY, a_question(minimum=10, maximum=5))


def test_replacing_a_question_keeps_its_place_and_id():
    edited = replace_question(SURVEY, replace_text(SURVEY.question("topics"), "What matters to you?"))
    assert ids(edited) == ids(SURVEY)
    assert edited.question("topics").text == {"en": "What matters to you?"}


def replace_text(question, text):
    return replace(question, text={"en": text})


def test_replacing_a_question_that_is_not_there_is_refused():
    with pytest.raises(EditRefused, match="no question 'how_old'"):
        replace_question(SURVEY, a_question())


def test_a_change_that_breaks_a_later_questions_branching_is_refused():
    # why_not is shown when come_again is "no": come_again cannot become a number.
    as_number = replace(SURVEY.question("come_again"), type="number")
    with pytest.raises(SurveyDefinitionError, match="why_not"):
        replace_question(SURVEY, as_number)


@pytest.mark.parametrize(
    "to, expected",
    [
        ("up", ["topics", "come_again", "why_not", "welcome"]),
        ("down", ["come_again", "why_not", "topics", "welcome"]),
        (3, ["come_again", "why_not", "welcome", "topics"]),
    ],
)
def test_a_question_moves_up_down_or_to_a_place(to, expected):
    assert ids(move_question(SURVEY, "topics", to)) == expected


def test_a_question_cannot_move_above_the_question_it_branches_on():
    with pytest.raises(EditRefused, match="“Why not\\?” is shown depending on the answer to “Would you come again\\?”"):
        move_question(SURVEY, "why_not", 0)


def test_a_question_cannot_move_below_a_question_that_branches_on_it():
    with pytest.raises(EditRefused, match="must come after it"):
        move_question(SURVEY, "come_again", 2)


@pytest.mark.parametrize("to", [-1, 4, "sideways"])
def test_a_question_cannot_move_off_the_survey(to):
    with pytest.raises(EditRefused, match="cannot move there"):
        move_question(SURVEY, "topics", to)


def test_the_first_question_cannot_move_up():
    with pytest.raises(EditRefused):
        move_question(SURVEY, "come_again", "up")


def test_a_question_is_removed():
    assert ids(remove_question(SURVEY, "topics")) == ["come_again", "why_not", "welcome"]


def test_a_question_a_later_question_branches_on_cannot_be_removed_and_the_message_says_which():
    with pytest.raises(EditRefused) as refused:
        remove_question(SURVEY, "come_again")
    assert "“Why not?” is shown depending on its answer" in str(refused.value)
    assert "Change or remove that branching first" in str(refused.value)


def test_the_last_question_cannot_be_removed():
    only = loads("questions: [{id: only, type: info, text: Hello}]")
    with pytest.raises(EditRefused, match="at least one question"):
        remove_question(only, "only")


def test_removing_a_question_that_is_not_there_is_refused():
    with pytest.raises(EditRefused, match="no question 'gone'"):
        remove_question(SURVEY, "gone")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("How old are you?", "how_old_are_you"),
        ("Où êtes-vous ?", "ou_etes_vous"),
        ("16 or over?", "q_16_or_over"),
        ("?!", "q"),
        ("What is the one thing that would make your area feel safer at night", "what_is_the_one_thing_that_would_make"),
        ("Why not?", "why_not_2"),
    ],
)
def test_a_new_question_id_is_made_from_its_words_and_is_unique(text, expected):
    made = new_question_id(SURVEY, text)
    assert made == expected
    assert len(made) <= 64


def test_choices_keep_their_values_when_relabelled_and_reordered():
    existing = SURVEY.question("topics").choices
    rows = [ChoiceRow("Bullying online", "bullying"), ChoiceRow("Knife crime", "knife_crime")]
    made = choices_from_rows(existing, rows)
    assert [(c.value, c.label) for c in made] == [
        ("bullying", {"en": "Bullying online"}),  # new words: the Welsh no longer matches
        ("knife_crime", {"en": "Knife crime"}),
    ]


def test_a_new_choice_gets_a_value_from_its_words_never_an_old_one():
    existing = SURVEY.question("topics").choices
    made = choices_from_rows(existing, [ChoiceRow("Knife crime!"), ChoiceRow(""), ChoiceRow("Gangs")])
    assert [c.value for c in made] == ["knife_crime_2", "gangs"]


def test_two_choices_with_the_same_words_are_refused():
    with pytest.raises(EditRefused, match="Two choices say “gangs”") as refused:
        choices_from_rows((), [ChoiceRow("Gangs"), ChoiceRow("gangs")])
    assert refused.value.field == "choices"


def test_translations_stay_while_the_english_they_translate_stays():
    old = {"en": "Bullying", "cy": "Bwlio"}
    assert reworded(old, "Bullying") == old
    assert reworded(old, "Bullying and online safety") == {"en": "Bullying and online safety"}


def draft(**fields):
    return QuestionDraft(**{"type": "single_choice", "text": "Where do you feel safe?", **fields})


PLACES = (ChoiceRow("At home"), ChoiceRow("At school"))


def test_a_draft_becomes_a_question_with_an_id_from_its_words():
    question = question_from_draft(SURVEY, draft(choices=PLACES))
    assert question.id == "where_do_you_feel_safe"
    assert [c.value for c in question.choices] == ["at_home", "at_school"]


def test_a_draft_for_an_existing_question_keeps_its_id_and_translations():
    kept = question_from_draft(
        SURVEY, draft(type="yes_no", text="Would you come again?"), "come_again"
    )
    assert kept.id == "come_again"
    assert kept.text == {"en": "Would you come again?", "cy": "Fyddech chi'n dod eto?"}


def test_a_draft_without_words_or_without_choices_is_refused_naming_the_setting():
    with pytest.raises(EditRefused) as no_words:
        question_from_draft(SURVEY, draft(text="  ", choices=PLACES))
    with pytest.raises(EditRefused) as no_choices:
        question_from_draft(SURVEY, draft(choices=(ChoiceRow(" "),)))
    assert (no_words.value.field, no_choices.value.field) == ("text", "choices")


def test_settings_a_type_does_not_offer_are_not_kept():
    question = question_from_draft(SURVEY, draft(choices=PLACES, max_length=10, pick=2, points=3))
    assert (question.max_length, question.pick, question.points) == (None, None, None)


def test_a_screen_with_nothing_to_answer_keeps_the_default_flags():
    question = question_from_draft(SURVEY, draft(type="info", required=False, prefer_not_to_say=False))
    assert (question.required, question.prefer_not_to_say) == (True, True)


def test_an_existing_condition_the_form_cannot_show_can_be_kept():
    group = Condition(op="any", conditions=(Condition(op="answered", question="come_again", value=True),))
    survey = replace_question(SURVEY, a_question("why_not", show_if=group))
    kept = question_from_draft(survey, draft(type="number", text="Age?", keep_condition=True), "why_not")
    assert kept.show_if == group


@pytest.mark.parametrize(
    "branching, expected",
    [
        (Branching("come_again", "equals", ("no",)), Condition("equals", "come_again", "no")),
        (Branching("come_again", "not_equals", ("yes",)), Condition("not_equals", "come_again", "yes")),
        (Branching("come_again", "in", ("no", "not_sure")), Condition("in", "come_again", ["no", "not_sure"])),
        (Branching("topics", "includes", ("bullying",)), Condition("includes", "topics", "bullying")),
        (Branching("come_again", "answered", ()), Condition("answered", "come_again", True)),
        (Branching("come_again", "not_answered", ()), Condition("answered", "come_again", False)),
    ],
)
def test_branching_from_the_builder_is_a_condition_the_runner_reads(branching, expected):
    question = question_from_draft(SURVEY, draft(choices=PLACES, branching=branching))
    edited = add_question(SURVEY, question)
    assert edited.question(question.id).show_if == expected


def test_branching_on_a_number_compares_with_a_number():
    survey = add_question(SURVEY, a_question())
    question = question_from_draft(
        survey, draft(choices=PLACES, branching=Branching("how_old", "at_least", ("12,5",)))
    )
    assert add_question(survey, question).question(question.id).show_if.value == 12.5
    with pytest.raises(EditRefused, match="Write a number"):
        question_from_draft(survey, draft(choices=PLACES, branching=Branching("how_old", "at_most", ("old",))))


@pytest.mark.parametrize(
    "branching, message",
    [
        (Branching("come_again", "equals", ()), "Choose the answer"),
        (Branching("come_again", "equals", ("no", "yes")), "just one answer"),
        (Branching("come_again", "sounds_like", ("no",)), "Unknown test"),
        (Branching("gone", "equals", ("no",)), "earlier question"),
    ],
)
def test_incomplete_branching_is_refused(branching, message):
    with pytest.raises(EditRefused, match=message):
        question_from_draft(SURVEY, draft(choices=PLACES, branching=branching))


@pytest.mark.parametrize(
    "branching, message",
    [
        (Branching("topics", "equals", ("bullying",)), "use 'includes'"),
        (Branching("come_again", "equals", ("maybe",)), "not one of its answers"),
        (Branching("welcome", "answered", ()), "has no answer"),
    ],
)
def test_branching_the_runner_could_not_use_is_refused_when_added(branching, message):
    question = question_from_draft(SURVEY, draft(choices=PLACES, branching=branching))
    with pytest.raises(SurveyDefinitionError, match=message):
        add_question(SURVEY, question)


def test_only_earlier_questions_with_an_answer_are_offered_for_branching():
    assert [q.id for q in editing.branching_sources(SURVEY, 4)] == ["come_again", "topics", "why_not"]
    assert editing.branching_sources(SURVEY, 0) == ()


def test_every_question_type_has_its_builder_settings_and_every_test_a_runner_operator():
    assert set(editing.SETTINGS) == set(QUESTION_TYPES)
    assert {op for op, _ in editing.TESTS.values()} <= set(LEAF_OPERATORS) - set(GROUP_OPERATORS)


def test_a_workshop_question_keeps_capacities_and_a_choice_question_drops_them():
    rows = (ChoiceRow("First aid", capacity=30), ChoiceRow("Online safety"))
    workshop = question_from_draft(SURVEY, draft(type="workshop_choice", choices=rows, pick=1))
    single = question_from_draft(SURVEY, draft(choices=rows))
    assert [c.capacity for c in workshop.choices] == [30, None]
    assert [c.capacity for c in single.choices] == [None, None]
    assert isinstance(workshop.choices[0], Choice)


def test_a_relabelled_yes_no_keeps_its_words_when_its_question_is_reworded():
    own = (Choice("yes", {"en": "Yes", "cy": "Ydw"}), Choice("no", {"en": "No"}), Choice("not_sure", {"en": "Unsure"}))
    survey = replace_question(SURVEY, replace(SURVEY.question("come_again"), choices=own))
    kept = question_from_draft(survey, draft(type="yes_no", text="Will you come back?"), "come_again")
    assert kept.choices == own
