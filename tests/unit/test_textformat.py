"""Survey definitions to and from their YAML text."""
import textwrap

import pytest
import yaml

from surveys.conditions import is_met
from surveys.errors import SurveyDefinitionError, UnknownQuestionType
from surveys.model import Choice, Condition, Question, Survey
from surveys.textformat import dumps, from_dict, loads, to_dict


def yaml_text(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def survey_with(*questions: dict) -> dict:
    return {"id": "s", "questions": list(questions)}


YES_NO = {"id": "worried", "type": "yes_no", "text": "Are you worried?"}
INFO = {"id": "welcome", "type": "info", "text": "Hello"}


FEEDBACK = yaml_text(
    """
    id: stay-safe-feedback
    kind: staying_safe_conference
    title:
      en: Staying Safe conference – tell us what you thought
      cy: Cynhadledd Aros yn Ddiogel – dywedwch wrthym
    intro: It takes about five minutes.
    thank_you: Thank you! We read every answer.
    audience: {min_age: 11, max_age: 16}
    languages: [en, cy]
    questions:
      - id: welcome
        type: info
        text: You can stop at any time.
      - id: age
        type: age_band
        text:
          en: How old are you?
          cy: Faint yw dy oed di?
      - id: workshops
        type: workshop_choice
        text: Which workshops did you go to?
        pick: 2
        choices:
          - {value: first_aid, label: First aid, capacity: 20}
          - {value: grooming, label: {en: Grooming, cy: Meithrin perthynas amhriodol}, capacity: 15}
          - Disability champions
      - id: enjoyed
        type: faces_scale
        points: 5
        text: How much did you enjoy the day?
        hint: Tap a face.
      - id: helped
        type: yes_no
        text: Did it help you feel safer?
      - id: why_not
        type: free_text
        text: What would have helped?
        required: false
        prefer_not_to_say: false
        max_length: 500
        show_if:
          any:
            - {question: helped, in: ["no", not_sure]}
            - {question: enjoyed, at_most: 2}
      - id: hours
        type: number
        text: How many hours a week do you spend online?
        minimum: 0
        maximum: 168.5
      - id: topics
        type: multiple_choice
        text: What should next year's conference cover?
        max_choices: 2
        choices: [Knife crime, Online safety, Mental health]
        show_if: {not: {question: age, equals: under-11}}
    """
)


@pytest.fixture
def feedback() -> Survey:
    return loads(FEEDBACK)


def test_a_survey_loads_with_its_questions_in_order(feedback):
    assert feedback.id == "stay-safe-feedback"
    assert feedback.kind == "staying_safe_conference"
    assert (feedback.min_age, feedback.max_age) == (11, 16)
    assert feedback.languages == ("en", "cy")
    assert [q.id for q in feedback.questions] == [
        "welcome", "age", "workshops", "enjoyed", "helped", "why_not", "hours", "topics"
    ]


def test_fields_left_out_take_their_defaults():
    survey = loads("questions: [{id: q1, type: yes_no, text: Are you OK}]")
    question = survey.questions[0]
    assert (survey.id, survey.kind) == ("survey", "service_feedback")
    assert survey.title == {"en": "survey"}
    assert survey.languages == ("en",)
    assert question.required and question.prefer_not_to_say
    assert question.show_if is None and question.choices == ()


def test_plain_words_are_english_and_words_per_language_are_kept(feedback):
    assert feedback.question("welcome").text == {"en": "You can stop at any time."}
    assert feedback.question("age").text == {"en": "How old are you?", "cy": "Faint yw dy oed di?"}
    assert feedback.question("age").text_in("cy") == "Faint yw dy oed di?"
    assert feedback.question("age").text_in("cy_GB") == "Faint yw dy oed di?"
    assert feedback.question("age").text_in("pl") == "How old are you?"


def test_a_condition_is_read_into_a_condition(feedback):
    assert feedback.question("topics").show_if == Condition(
        op="not", conditions=(Condition(op="equals", question="age", value="under-11"),)
    )


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Knife crime", "knife_crime"),
        ("Buses & getting around", "buses_getting_around"),
        ("  School / exams!  ", "school_exams"),
        ("Year 11", "year_11"),
        ("???", "choice"),
    ],
)
def test_a_choice_given_as_plain_words_gets_a_slug_value(label, value):
    question = {"id": "q", "type": "single_choice", "text": "Pick", "choices": [label]}
    survey = from_dict(survey_with(question))
    assert survey.questions[0].choices == (Choice(value=value, label={"en": label}),)


def test_two_choices_with_the_same_slug_are_refused():
    question = {"id": "q", "type": "single_choice", "text": "?", "choices": ["Art", "ART!"]}
    with pytest.raises(SurveyDefinitionError, match="question 1 \\('q'\\): two choices share"):
        from_dict(survey_with(question))


def test_a_choice_keeps_its_capacity_and_words_per_language(feedback):
    assert feedback.question("workshops").choices == (
        Choice("first_aid", {"en": "First aid"}, capacity=20),
        Choice("grooming", {"en": "Grooming", "cy": "Meithrin perthynas amhriodol"}, capacity=15),
        Choice("disability_champions", {"en": "Disability champions"}),
    )


# --- round trip ------------------------------------------------------------------------------


def test_a_dumped_survey_loads_back_equal(feedback):
    assert loads(dumps(feedback)) == feedback


def test_dumping_twice_gives_the_same_text(feedback):
    assert dumps(loads(dumps(feedback))) == dumps(feedback)


def test_localised_words_survive_the_round_trip(feedback):
    again = loads(dumps(feedback))
    assert again.title == {
        "en": "Staying Safe conference – tell us what you thought",
        "cy": "Cynhadledd Aros yn Ddiogel – dywedwch wrthym",
    }
    grooming = again.question("workshops").choice("grooming")
    assert grooming.label_in("cy") == "Meithrin perthynas amhriodol"


def test_dumped_text_is_readable_and_keeps_unicode(feedback):
    text = dumps(feedback)
    assert "text: You can stop at any time." in text  # plain English is not a mapping
    assert "–" in text  # not \u2013
    assert "required: false" in text
    assert "required: true" not in text  # defaults are left out


def test_a_question_text_only_in_welsh_stays_a_mapping():
    survey = from_dict({"questions": [{"id": "q", "type": "info", "text": {"cy": "Croeso"}}]})
    assert to_dict(survey)["questions"][0]["text"] == {"cy": "Croeso"}
    assert loads(dumps(survey)) == survey


@pytest.mark.parametrize(
    "words",
    [
        "Yes", "no", "null", "123", "1.5", "~", "- a dash first", "key: value", "# not a comment",
        "it's", 'say "hi"', "line one\nline two", "ends with spaces  ", "  starts with spaces",
        "Ŵ ŷ ll – “quoted” 😀", "a" * 200, "@at", "%percent", "{braces}", "[brackets]",
        "stray next-line\x85character",
    ],
    ids=repr,
)
def test_awkward_words_survive_the_round_trip(words):
    survey = Survey(
        id="s",
        kind="service_feedback",
        title={"en": words},
        questions=(
            Question(
                id="q",
                type="single_choice",
                text={"en": words, "cy": words},
                hint={"en": words},
                choices=(Choice(value="a", label={"en": words}),),
            ),
        ),
    )
    assert loads(dumps(survey)) == survey


def test_an_empty_languages_list_and_a_lone_minimum_age_survive_the_round_trip():
    survey = from_dict(
        {"languages": [], "audience": {"min_age": 11}, "questions": [INFO]}
    )
    assert loads(dumps(survey)) == survey


# --- refusals say where ----------------------------------------------------------------------


WHY = {"id": "why", "type": "free_text", "text": "Why"}
PICK = {"id": "why", "type": "single_choice", "text": "Why"}


def why_if(show_if: dict) -> dict:
    return {**WHY, "show_if": show_if}


@pytest.mark.parametrize(
    ("questions", "says"),
    [
        pytest.param(
            [YES_NO, {**WHY, "id": "worried"}],
            "question 2 ('worried'): the id is used twice",
            id="duplicate id",
        ),
        pytest.param(
            [YES_NO, {**WHY, "type": "essay"}],
            "question 2 ('why'): unknown question type 'essay'",
            id="unknown type",
        ),
        pytest.param(
            [YES_NO, {"id": "why", "text": "Why"}],
            "question 2 ('why'): unknown question type",
            id="missing type",
        ),
        pytest.param(
            [YES_NO, {**WHY, "colour": "red", "maxlength": 3}],
            "question 2 ('why'): unknown field(s) colour, maxlength",
            id="unknown field",
        ),
        pytest.param(
            [why_if({"question": "worried", "equals": "yes"}), YES_NO],
            "question 1 ('why'): show_if reads 'worried', which is not an earlier question",
            id="show_if reads a later question",
        ),
        pytest.param(
            [YES_NO, why_if({"question": "why", "answered": True})],
            "question 2 ('why'): show_if reads 'why', which is not an earlier question",
            id="show_if reads itself",
        ),
        pytest.param(
            [YES_NO, why_if({"question": "wory", "equals": "yes"})],
            "question 2 ('why'): show_if reads 'wory', which is not an earlier question",
            id="show_if reads a question that does not exist",
        ),
        pytest.param(
            [
                INFO,
                YES_NO,
                why_if(
                    {
                        "all": [
                            {"question": "worried", "equals": "yes"},
                            {"question": "welcome", "answered": True},
                        ]
                    }
                ),
            ],
            "question 3 ('why'): show_if reads 'welcome', which has no answer",
            id="show_if reads an info screen",
        ),
        pytest.param(
            [YES_NO, why_if({"question": "worried", "is": "yes"})],
            "question 2 ('why'): unknown test 'is'",
            id="show_if with an unknown test",
        ),
        pytest.param(
            [YES_NO, {"id": "why", "type": "free_text"}],
            "question 2 ('why') text: expected words",
            id="no text",
        ),
        pytest.param(
            [YES_NO, {**WHY, "required": "yes please"}],
            "question 2 ('why'): required must be true or false",
            id="required not a flag",
        ),
        pytest.param(
            [YES_NO, {**PICK, "choices": "a, b"}],
            "question 2 ('why'): choices must be a list",
            id="choices not a list",
        ),
        pytest.param(
            [YES_NO, {**PICK, "choices": [{"label": "A"}]}],
            "question 2 ('why'): each choice needs a value and a label",
            id="choice without value",
        ),
        pytest.param([YES_NO, "why"], "question 2: must be a mapping", id="question not a mapping"),
    ],
)
def test_a_bad_question_is_refused_naming_its_number_and_id(questions, says):
    with pytest.raises(SurveyDefinitionError) as caught:
        from_dict(survey_with(*questions))
    assert says in str(caught.value)


def test_an_unknown_type_at_load_is_an_unknown_question_type():
    with pytest.raises(UnknownQuestionType):
        from_dict(survey_with({"id": "q", "type": "slider", "text": "How much"}))


@pytest.mark.parametrize(
    "question_id", [None, "", "1st", "Why", "why not", "why-not", "é", "q" * 65, "q1\n"], ids=repr
)
def test_a_question_id_that_is_not_a_plain_name_is_refused(question_id):
    with pytest.raises(SurveyDefinitionError, match="question 2: id must start with a letter"):
        from_dict(survey_with(YES_NO, {"id": question_id, "type": "info", "text": "Hi"}))


def test_unknown_fields_of_mixed_kinds_are_refused_as_a_definition_error():
    # YAML turns keys such as 1 or yes into an int or a bool.
    text = "questions: [{id: q1, type: info, text: Hi, 1: one, yes: two, colour: red}]"
    with pytest.raises(SurveyDefinitionError, match="question 1 \\('q1'\\): unknown field"):
        loads(text)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([{"id": "q"}], "a survey must be a mapping"),
        ({"id": "s"}, "needs a list of questions"),
        ({"questions": []}, "needs a list of questions"),
        ({"questions": {"q1": {}}}, "needs a list of questions"),
        ({"id": "My Survey", "questions": [INFO]}, "id must be lower-case"),
        ({"id": "s\n", "questions": [INFO]}, "id must be lower-case"),
        ({"kind": "party", "questions": [INFO]}, "unknown kind 'party'"),
        ({"name": "s", "questions": [INFO]}, "survey: unknown field(s) name"),
        ({"audience": {"min_age": 16, "max_age": 11}, "questions": [INFO]}, "min_age is above"),
        ({"audience": {"min_age": 11.5}, "questions": [INFO]}, "min_age must be a whole number"),
        ({"audience": {"max_age": 200}, "questions": [INFO]}, "max_age must be a whole number"),
        ({"audience": "11 to 16", "questions": [INFO]}, "audience must give"),
        ({"languages": "en", "questions": [INFO]}, "languages must be a list"),
        ({"title": ["a"], "questions": [INFO]}, "survey title: expected words"),
    ],
    ids=repr,
)
def test_a_bad_survey_is_refused_saying_why(data, says):
    with pytest.raises(SurveyDefinitionError) as caught:
        from_dict(data)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["questions: [{id: q1", "questions:\n  - id: q1\n - type: info", "a: b: c", "\tquestions: []"],
    ids=repr,
)
def test_text_that_is_not_yaml_is_refused_as_a_definition_error(text):
    with pytest.raises(SurveyDefinitionError, match="not readable as YAML"):
        loads(text)


@pytest.mark.parametrize("text", ["", "just words", "- a\n- list"], ids=repr)
def test_yaml_that_is_not_a_survey_is_refused(text):
    with pytest.raises(SurveyDefinitionError, match="a survey must be a mapping"):
        loads(text)


@pytest.mark.parametrize(
    "show_if",
    ["{question: worried, equals: yes}", "{question: worried, in: [yes, not_sure]}"],
)
def test_an_unquoted_yes_in_show_if_is_not_silently_read_as_true(show_if):
    # YAML 1.1 reads a bare yes/no as a boolean, which no answer ever equals, so the
    # question would never show. Loading should read it as the answer "yes" or refuse it.
    text = yaml_text(
        f"""
        questions:
          - {{id: worried, type: yes_no, text: Are you worried}}
          - {{id: why, type: free_text, text: Why, show_if: {show_if}}}
        """
    )
    try:
        survey = loads(text)
    except SurveyDefinitionError as refused:
        assert "question 2 ('why')" in str(refused)
        return
    assert is_met(survey.question("why").show_if, {"worried": "yes"})


CHOICES = [
    {"id": "mood", "type": "scale_0_10", "text": "How are you"},
    {"id": "worries", "type": "multiple_choice", "text": "Worries", "choices": ["Money", "School"]},
    {"id": "age", "type": "number", "text": "Age", "minimum": 8, "maximum": 25},
]


@pytest.mark.parametrize(
    ("show_if", "says"),
    [
        ({"question": "worries", "equals": "money"}, "can have several answers: use 'includes'"),
        ({"question": "worries", "includes": "rent"}, "'rent', which is not one of its answers"),
        ({"question": "mood", "equals": 11}, "with 11, which is not one of its answers"),
        ({"question": "mood", "in": [3, "lots"]}, "with 'lots', which is not one of its answers"),
        ({"question": "age", "equals": 30}, "with 30, which it cannot be"),
    ],
    ids=repr,
)
def test_a_condition_no_answer_could_meet_is_refused(show_if, says):
    later = {"id": "why", "type": "free_text", "text": "Why", "show_if": show_if}
    with pytest.raises(SurveyDefinitionError, match="question 4 \\('why'\\)") as caught:
        from_dict(survey_with(*CHOICES, later))
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("show_if", "stored"),
    [
        ({"question": "mood", "equals": "3"}, Condition("equals", "mood", 3)),
        ({"question": "mood", "in": ["3", 4]}, Condition("in", "mood", [3, 4])),
        ({"question": "age", "at_least": 16}, Condition("at_least", "age", 16)),
    ],
    ids=repr,
)
def test_a_condition_compares_with_the_value_as_the_runner_stores_it(show_if, stored):
    later = {"id": "why", "type": "free_text", "text": "Why", "show_if": show_if}
    assert from_dict(survey_with(*CHOICES, later)).question("why").show_if == stored


def test_the_yaml_written_is_safe_to_load():
    survey = from_dict(survey_with(YES_NO))
    assert yaml.safe_load(dumps(survey)) == to_dict(survey)


def test_an_audience_age_written_as_true_or_false_is_refused():
    with pytest.raises(SurveyDefinitionError, match="min_age"):
        from_dict({"audience": {"min_age": True}, "questions": [{"id": "a", "type": "info", "text": "Hi"}]})
