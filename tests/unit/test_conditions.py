"""Branching: a question shows only when earlier answers meet its condition."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from surveys.conditions import dump_condition, is_met, parse_condition
from surveys.errors import SurveyDefinitionError
from surveys.model import PREFER_NOT_TO_SAY, Condition

ANSWERS = {
    "feel_safe": "yes",
    "worries": ["bullying", "money"],
    "happiness": 7,
    "age": 15.5,
    "why": "Because the park has no lights",
    "skipped_on_purpose": PREFER_NOT_TO_SAY,
}


def met(raw: dict, answers: dict = ANSWERS) -> bool:
    return is_met(parse_condition(raw, "question 9 ('q')"), answers)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"question": "feel_safe", "equals": "yes"}, True),
        ({"question": "feel_safe", "equals": "no"}, False),
        ({"question": "happiness", "equals": 7}, True),
        ({"question": "worries", "equals": ["bullying", "money"]}, True),
        ({"question": "feel_safe", "not_equals": "no"}, True),
        ({"question": "feel_safe", "not_equals": "yes"}, False),
        ({"question": "feel_safe", "in": ["yes", "not_sure"]}, True),
        ({"question": "feel_safe", "in": ["no", "not_sure"]}, False),
        ({"question": "happiness", "in": [6, 7, 8]}, True),
        ({"question": "worries", "includes": "money"}, True),
        ({"question": "worries", "includes": "knife_crime"}, False),
        ({"question": "feel_safe", "includes": "yes"}, True),  # a single answer is a list of one
        ({"question": "happiness", "at_least": 7}, True),
        ({"question": "happiness", "at_least": 8}, False),
        ({"question": "age", "at_least": 15.5}, True),
        ({"question": "happiness", "at_most": 7}, True),
        ({"question": "happiness", "at_most": 6.9}, False),
        ({"question": "feel_safe", "at_least": 0}, False),  # words are not numbers
        ({"question": "why", "answered": True}, True),
        ({"question": "why", "answered": False}, False),
        ({"question": "never_asked", "answered": True}, False),
        ({"question": "never_asked", "answered": False}, True),
    ],
    ids=repr,
)
def test_each_comparison_reads_the_earlier_answer(raw, expected):
    assert met(raw) is expected


YES = {"question": "feel_safe", "equals": "yes"}
NO = {"question": "feel_safe", "equals": "no"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"all": [YES, {"question": "happiness", "at_least": 5}]}, True),
        ({"all": [YES, NO]}, False),
        ({"any": [NO, YES]}, True),
        ({"any": [NO, {"question": "happiness", "at_most": 2}]}, False),
        ({"not": NO}, True),
        ({"not": YES}, False),
        ({"not": {"any": [NO, {"question": "worries", "includes": "money"}]}}, False),
        ({"all": [{"not": NO}, {"any": [NO, YES]}]}, True),
    ],
    ids=repr,
)
def test_groups_combine_their_conditions(raw, expected):
    assert met(raw) is expected


def test_no_condition_always_holds():
    assert is_met(None, {})


@pytest.mark.parametrize(
    "raw",
    [
        {"question": "q1", "equals": PREFER_NOT_TO_SAY},
        {"question": "q1", "not_equals": "yes"},
        {"question": "q1", "in": ["yes", PREFER_NOT_TO_SAY]},
        {"question": "q1", "includes": PREFER_NOT_TO_SAY},
        {"question": "q1", "at_least": 0},
        {"question": "q1", "at_most": 10},
        {"question": "q1", "answered": True},
    ],
    ids=repr,
)
@pytest.mark.parametrize(
    "answers",
    [{"q1": PREFER_NOT_TO_SAY}, {}, {"q1": None}],
    ids=["prefer not to say", "missing", "none"],
)
def test_an_answer_not_given_meets_no_comparison(raw, answers):
    assert not met(raw, answers)


@pytest.mark.parametrize(
    "answers", [{"q1": PREFER_NOT_TO_SAY}, {}], ids=["prefer not to say", "missing"]
)
def test_only_answered_false_matches_an_answer_not_given(answers):
    assert met({"question": "q1", "answered": False}, answers)


def test_not_of_a_comparison_holds_when_the_answer_was_not_given():
    assert met({"not": {"question": "q1", "equals": "yes"}}, {"q1": PREFER_NOT_TO_SAY})


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"question": "q1", "greater_than": 3}, "unknown test 'greater_than'"),
        ({"question": "q1", "contains": "x"}, "(known: answered, at_least, at_most, equals"),
        ({"question": "q1"}, "needs 'question' and one test"),
        ({"equals": "yes"}, "needs 'question' and one test"),
        ({"question": "q1", "equals": "yes", "not_equals": "no"}, "needs 'question' and one test"),
        ({"question": 3, "equals": "yes"}, "needs 'question' and one test"),
        ({"question": "q1", "in": "yes"}, "'in' needs a list"),
        ({"question": "q1", "at_least": "ten"}, "'at_least' needs a number"),
        ({"question": "q1", "at_most": True}, "'at_most' needs a number"),
        ({"all": []}, "'all' needs a list of conditions"),
        ({"any": YES}, "'any' needs a list of conditions"),
        ({"all": [YES], "question": "q1"}, "'all' needs a list of conditions and nothing else"),
        ({"all": [YES], "any": [NO]}, "nothing else"),
        ({"all": [YES, "q1 is yes"]}, "must be a mapping"),
        ({"not": [YES]}, "must be a mapping"),
        ({}, "must be a mapping"),
    ],
    ids=repr,
)
def test_a_malformed_condition_is_refused_saying_where_and_why(raw, says):
    with pytest.raises(SurveyDefinitionError, match="^question 9 \\('q'\\): ") as caught:
        parse_condition(raw, "question 9 ('q')")
    assert says in str(caught.value)


@pytest.mark.parametrize("raw", ["q1 equals yes", ["q1", "yes"], None, 3])
def test_a_condition_that_is_not_a_mapping_is_refused(raw):
    with pytest.raises(SurveyDefinitionError, match="show_if must be a mapping"):
        parse_condition(raw, "question 2 ('q')")


@pytest.mark.parametrize("value", ["false", "no", 1], ids=repr)
def test_answered_needs_true_or_false(value):
    # Otherwise {answered: "false"} would quietly mean "was answered".
    with pytest.raises(SurveyDefinitionError, match="answered"):
        parse_condition({"question": "q1", "answered": value}, "question 2 ('q')")


def test_parsing_gives_the_condition_it_describes():
    parsed = parse_condition({"any": [YES, {"not": {"question": "age", "at_least": 16}}]}, "here")
    assert parsed == Condition(
        op="any",
        conditions=(
            Condition(op="equals", question="feel_safe", value="yes"),
            Condition(op="not", conditions=(Condition(op="at_least", question="age", value=16),)),
        ),
    )
    assert parsed.questions() == {"feel_safe", "age"}


# --- dump_condition round-trips ------------------------------------------------------------

question_ids = st.sampled_from(["q1", "q2", "feel_safe"])
words = st.text("abcxyz_", min_size=1, max_size=8)
numbers = st.integers(-10, 100) | st.floats(-10, 100, allow_nan=False)

leaves = st.one_of(
    st.builds(lambda q, v: {"question": q, "equals": v}, question_ids, words | numbers),
    st.builds(lambda q, v: {"question": q, "not_equals": v}, question_ids, words | numbers),
    st.builds(lambda q, v: {"question": q, "in": v}, question_ids, st.lists(words, min_size=1)),
    st.builds(lambda q, v: {"question": q, "includes": v}, question_ids, words),
    st.builds(lambda q, v: {"question": q, "at_least": v}, question_ids, numbers),
    st.builds(lambda q, v: {"question": q, "at_most": v}, question_ids, numbers),
    st.builds(lambda q, v: {"question": q, "answered": v}, question_ids, st.booleans()),
)
raw_conditions = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(lambda cs: {"all": cs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda cs: {"any": cs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda c: {"not": c}, inner),
    ),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None)
@given(raw_conditions)
def test_a_dumped_condition_parses_back_to_the_same_condition(raw):
    condition = parse_condition(raw, "here")
    assert dump_condition(condition) == raw
    assert parse_condition(dump_condition(condition), "here") == condition


answer_values = st.one_of(
    st.none(), st.just(PREFER_NOT_TO_SAY), words, numbers, st.lists(words, max_size=3)
)


@settings(max_examples=200, deadline=None)
@given(raw_conditions, st.dictionaries(question_ids, answer_values))
def test_not_always_gives_the_opposite(raw, answers):
    condition = parse_condition(raw, "here")
    assert is_met(Condition(op="not", conditions=(condition,)), answers) is not is_met(
        condition, answers
    )
