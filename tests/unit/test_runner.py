"""The runner: a survey and the answers so far give the next screen."""
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys import runner, textformat
from surveys.conditions import is_met
from surveys.errors import AnswerError
from surveys.model import CONSULTATION_KINDS, PREFER_NOT_TO_SAY, Choice, Condition, Question, Survey
from surveys.question_types import QUESTION_TYPES, AnswerContext, clean_text
from surveys.runner import RunnerState

BALLOT = textformat.loads(
    """
id: ballot
kind: youth_ballot
title: What matters most to you
questions:
  - id: welcome
    type: info
    text: Your vote is secret.
  - id: age
    type: age_band
    text: How old are you
  - id: top_issues
    type: ranked_ballot
    text: Pick the 3 issues that matter most
    pick: 3
    choices: [Knife crime, Mental health, Transport, School]
  - id: knife_crime_safe
    type: faces_scale
    points: 5
    text: How safe do you feel from knife crime where you live
    show_if: {question: top_issues, includes: knife_crime}
  - id: why_unsafe
    type: free_text
    text: What makes you feel unsafe
    required: false
    show_if: {question: knife_crime_safe, at_most: 2}
  - id: hours_online
    type: number
    text: How many hours a day are you online
    minimum: 0
    maximum: 24
    prefer_not_to_say: false
"""
)


def answer_all(survey: Survey, *answers) -> RunnerState:
    """Start and answer each screen in turn; None means "prefer not to say"."""
    state = runner.start(survey)
    for raw in answers:
        if raw is None:
            state = runner.prefer_not_to_say(survey, state)
        else:
            state = runner.answer(survey, state, raw)
    return state


def on_screen(survey: Survey, state: RunnerState) -> str | None:
    shown = runner.screen(survey, state)
    return shown.question.id if shown else None


# --- examples ------------------------------------------------------------------------------


def test_start_shows_the_first_question():
    state = runner.start(BALLOT)
    shown = runner.screen(BALLOT, state)
    assert shown.question.id == "welcome"
    assert (shown.number, shown.can_go_back, shown.previous_answer) == (1, False, None)


def test_an_info_screen_moves_on_without_an_answer():
    state = answer_all(BALLOT, [])
    assert on_screen(BALLOT, state) == "age"
    assert state.answers == {}


def test_an_answer_is_stored_as_its_type_stores_it_and_the_next_question_shows():
    state = answer_all(BALLOT, [], ["14-15"], ["knife_crime", "school"])
    assert state.answers == {"age": "14-15", "top_issues": ["knife_crime", "school"]}
    assert on_screen(BALLOT, state) == "knife_crime_safe"


def test_a_hidden_question_is_skipped_when_its_condition_is_not_met():
    state = answer_all(BALLOT, [], ["14-15"], ["transport", "school"])
    assert on_screen(BALLOT, state) == "hours_online"


def test_questions_that_depend_on_each_other_show_in_turn():
    state = answer_all(BALLOT, [], ["14-15"], ["knife_crime"], ["1"])
    assert on_screen(BALLOT, state) == "why_unsafe"


def test_back_returns_to_the_previous_screen_with_its_answer_kept():
    state = answer_all(BALLOT, [], ["14-15"], ["school", "knife_crime"])
    state = runner.back(BALLOT, state)
    shown = runner.screen(BALLOT, state)
    assert shown.question.id == "top_issues"
    assert shown.previous_answer == ["school", "knife_crime"]
    assert shown.can_go_back


def test_back_on_the_first_screen_stays_there():
    state = runner.start(BALLOT)
    assert runner.back(BALLOT, state) == state


def test_back_keeps_a_valid_answer_typed_on_the_screen_being_left():
    state = answer_all(BALLOT, [], ["14-15"])
    state = runner.back(BALLOT, state, ["mental_health"])
    assert on_screen(BALLOT, state) == "age"
    assert state.answers["top_issues"] == ["mental_health"]


def test_back_drops_an_invalid_answer_typed_on_the_screen_being_left():
    state = answer_all(BALLOT, [], ["14-15"])
    assert "top_issues" not in runner.back(BALLOT, state, ["homework"]).answers


def test_back_after_the_last_question_shows_the_last_question_again():
    state = answer_all(BALLOT, [], ["14-15"], ["school"], ["3"])
    assert state.finished
    assert on_screen(BALLOT, runner.back(BALLOT, state)) == "hours_online"


def test_prefer_not_to_say_is_stored_as_such_and_moves_on():
    state = answer_all(BALLOT, [], None)
    assert state.answers == {"age": PREFER_NOT_TO_SAY}
    assert on_screen(BALLOT, state) == "top_issues"


def test_prefer_not_to_say_meets_no_condition_on_that_answer():
    state = answer_all(BALLOT, [], ["14-15"], None)
    assert on_screen(BALLOT, state) == "hours_online"


def test_prefer_not_to_say_is_refused_when_the_question_turns_it_off():
    state = answer_all(BALLOT, [], ["14-15"], ["school"])
    assert on_screen(BALLOT, state) == "hours_online"
    with pytest.raises(AnswerError, match="needs an answer"):
        runner.prefer_not_to_say(BALLOT, state)


def test_prefer_not_to_say_is_refused_on_an_info_screen():
    with pytest.raises(AnswerError):
        runner.prefer_not_to_say(BALLOT, runner.start(BALLOT))


@pytest.mark.parametrize(
    ("answers_before", "empty_message"),
    [
        ([[]], "Please choose an answer."),
        ([[], ["11-13"]], "Please pick at least one."),
        ([[], ["11-13"], ["knife_crime"]], "Please choose an answer."),
        ([[], ["11-13"], ["school"]], "Please write a number."),
    ],
)
def test_a_required_question_with_no_answer_is_refused(answers_before, empty_message):
    state = answer_all(BALLOT, *answers_before)
    with pytest.raises(AnswerError, match=empty_message):
        runner.answer(BALLOT, state, ["  "])


def test_an_optional_question_with_no_answer_moves_on():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["2"], [])
    assert on_screen(BALLOT, state) == "hours_online"
    assert "why_unsafe" not in state.answers


def test_clearing_an_optional_answer_removes_it():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["2"], ["The park at night"])
    assert state.answers["why_unsafe"] == "The park at night"
    state = runner.answer(BALLOT, runner.back(BALLOT, state), [""])
    assert "why_unsafe" not in state.answers


def test_an_invalid_answer_is_refused_and_the_state_is_unchanged():
    state = answer_all(BALLOT, [], ["11-13"], ["school"])
    before = state.to_dict()
    with pytest.raises(AnswerError, match="from 0 to 24"):
        runner.answer(BALLOT, state, ["25"])
    assert state.to_dict() == before


def test_answering_after_the_last_question_is_refused():
    state = answer_all(BALLOT, [], ["11-13"], ["school"], ["4"])
    assert runner.screen(BALLOT, state) is None
    with pytest.raises(AnswerError, match="already answered every question"):
        runner.answer(BALLOT, state, ["4"])


def test_final_answers_are_the_answers_on_the_path_in_order():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["1"], ["Dark streets"], ["5"])
    assert list(runner.final_answers(BALLOT, state).items()) == [
        ("age", "11-13"),
        ("top_issues", ["knife_crime"]),
        ("knife_crime_safe", 1),
        ("why_unsafe", "Dark streets"),
        ("hours_online", 5),
    ]


def test_final_answers_leave_out_a_question_hidden_after_changing_an_earlier_answer():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["1"], ["Dark streets"], ["5"])
    state = runner.return_to(BALLOT, state, "top_issues")
    state = runner.answer(BALLOT, state, ["school"])
    state = runner.answer(BALLOT, state, ["5"])
    assert state.finished
    assert state.answers["knife_crime_safe"] == 1  # kept, in case they change their mind again
    assert runner.final_answers(BALLOT, state) == {
        "age": "11-13", "top_issues": ["school"], "hours_online": 5
    }


def test_a_question_whose_condition_reads_a_now_hidden_answer_is_not_shown():
    # knife_crime_safe was answered 1, then hidden by a new ballot; why_unsafe reads it.
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["1"], ["Dark streets"])
    state = runner.return_to(BALLOT, state, "top_issues")
    state = runner.answer(BALLOT, state, ["school"])
    assert on_screen(BALLOT, state) == "hours_online"


def test_return_to_an_earlier_question_shows_it_with_its_answer():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"], ["4"])
    state = runner.return_to(BALLOT, state, "age")
    shown = runner.screen(BALLOT, state)
    assert (shown.question.id, shown.number, shown.previous_answer) == ("age", 2, "11-13")
    assert state.history == ("welcome",)


@pytest.mark.parametrize(
    "target", ["hours_online", "why_unsafe", "no_such_question", "knife_crime_safe"]
)
def test_return_to_a_question_not_behind_on_the_path_changes_nothing(target):
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime"])
    assert runner.return_to(BALLOT, state, target) == state


@pytest.mark.parametrize(
    ("answers", "number", "total", "percent"),
    [
        ([], 1, 4, 0),  # before the ballot, the knife crime questions are not on the path
        ([[]], 2, 4, 25),
        ([[], ["11-13"]], 3, 4, 50),
        ([[], ["11-13"], ["knife_crime"]], 4, 5, 60),  # the knife crime faces now ahead
        ([[], ["11-13"], ["knife_crime"], ["5"]], 5, 5, 80),
        ([[], ["11-13"], ["knife_crime"], ["1"]], 5, 6, 67),
    ],
)
def test_progress_counts_the_questions_on_the_path(answers, number, total, percent):
    shown = runner.screen(BALLOT, answer_all(BALLOT, *answers))
    assert (shown.number, shown.total, shown.percent) == (number, total, percent)


def conference(pick: int, *choices: Choice) -> Survey:
    workshops = Question(
        id="workshops", type="workshop_choice", text={"en": "Pick"}, pick=pick, choices=choices
    )
    return Survey(
        id="conference", kind="staying_safe_conference", title={"en": "Conference"},
        questions=(workshops,),
    )


FIRST_AID = Choice("first_aid", {"en": "First aid"}, capacity=1)


def test_a_full_workshop_is_refused_through_the_runner_with_places_taken():
    survey = conference(2, FIRST_AID, Choice("art", {"en": "Art"}), Choice("drama", {"en": "Drama"}))
    state = runner.start(survey)
    full = AnswerContext(places_taken={"first_aid": 1})
    with pytest.raises(AnswerError, match="is full"):
        runner.answer(survey, state, ["first_aid", "art"], full)
    state = runner.answer(survey, state, ["drama", "art"], full)
    assert state.answers == {"workshops": ["drama", "art"]}


def test_when_every_workshop_is_full_a_required_workshop_choice_can_be_left_empty():
    survey = conference(1, FIRST_AID)
    full = AnswerContext(places_taken={"first_aid": 1})
    assert runner.answer(survey, runner.start(survey), [], full).finished


def test_state_is_plain_data_that_survives_json():
    state = answer_all(BALLOT, [], ["11-13"], ["knife_crime", "school"], ["2"])
    assert RunnerState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


# --- generated surveys ---------------------------------------------------------------------

SLUGS = ["apple", "bus", "cake", "dog", "exams", "friends", "games", "home"]
plain_words = st.sampled_from(["Yes", "How are you", "Pick one", "Croeso", "Ŵ – “quoted”"])
any_words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).filter(str.strip)


def localised_in(words):
    return st.one_of(
        st.builds(lambda en: {"en": en}, words),
        st.builds(lambda en, cy: {"en": en, "cy": cy}, words, words),
    )


TYPES = sorted(QUESTION_TYPES)


@st.composite
def own_choices(draw, labels, min_size: int = 2, capacities: bool = False) -> tuple[Choice, ...]:
    values = draw(st.lists(st.sampled_from(SLUGS), min_size=min_size, max_size=5, unique=True))
    capacity = st.none() | st.integers(1, 30) if capacities else st.none()
    return tuple(Choice(value, draw(labels), draw(capacity)) for value in values)


@st.composite
def type_fields(draw, type_name: str, labels) -> dict:
    """The fields a question of this type needs, drawn so that its definition is valid."""
    if type_name == "single_choice":
        return {"choices": draw(own_choices(labels))}
    if type_name == "multiple_choice":
        choices = draw(own_choices(labels))
        return {"choices": choices, "max_choices": draw(st.none() | st.integers(1, len(choices)))}
    if type_name in ("ranked_ballot", "workshop_choice"):
        choices = draw(own_choices(labels, min_size=1, capacities=type_name == "workshop_choice"))
        return {"choices": choices, "pick": draw(st.integers(1, len(choices)))}
    if type_name == "faces_scale":
        return {"points": draw(st.sampled_from([3, 5]))}
    if type_name == "age_band":
        return {"choices": draw(st.just(()) | own_choices(labels))}
    if type_name == "free_text":
        return {"max_length": draw(st.none() | st.integers(1, 60))}
    if type_name == "number":
        low = draw(st.none() | st.integers(-50, 50) | st.sampled_from([0.5, -2.5]))
        high = draw(st.none() | st.integers(-50 if low is None else math.ceil(low), 100))
        return {"minimum": low, "maximum": high}
    return {}


def stored_values(question: Question) -> list:
    """Some values a one-answer question can store, to compare against in a condition."""
    kind = question.kind
    if kind.many:
        return []
    if kind.choices(question):
        return [kind.parse(question, [c.value], AnswerContext()) for c in kind.choices(question)]
    if question.type == "number":
        low = math.ceil(question.minimum) if question.minimum is not None else -5
        high = math.floor(question.maximum) if question.maximum is not None else low + 10
        return list(range(low, high + 1))
    return []


@st.composite
def leaf_condition(draw, earlier: list[Question]) -> Condition:
    # Reading the latest question as often as any other makes chains, where branching bites.
    target = draw(st.sampled_from(earlier) | st.just(earlier[-1]))
    values = stored_values(target)
    ops = ["answered"]
    if target.kind.many:
        ops.append("includes")
    elif values:
        ops += ["equals", "not_equals", "in"]
    if values and all(isinstance(v, int) for v in values):
        ops += ["at_least", "at_most"]
    op = draw(st.sampled_from(ops))
    if op == "answered":
        value = draw(st.booleans())
    elif op == "includes":
        value = draw(st.sampled_from([c.value for c in target.choices]))
    elif op == "in":
        value = draw(st.lists(st.sampled_from(values), min_size=1, max_size=3))
    elif op in ("at_least", "at_most"):
        value = draw(st.integers(min(values) - 1, max(values) + 1))
    else:
        value = draw(st.sampled_from(values))
    return Condition(op=op, question=target.id, value=value)


@st.composite
def conditions_on(draw, earlier: list[Question], depth: int = 2) -> Condition:
    """A leaf, or all/any/not of up to two smaller conditions."""
    if depth == 0 or draw(st.booleans()):
        return draw(leaf_condition(earlier))
    op = draw(st.sampled_from(["all", "any", "not"]))
    count = 1 if op == "not" else draw(st.integers(1, 2))
    inner = tuple(draw(conditions_on(earlier, depth - 1)) for _ in range(count))
    return Condition(op=op, conditions=inner)


@st.composite
def surveys(draw, words=plain_words, max_questions: int = 7) -> Survey:
    """A valid survey: random types, and conditions that only read earlier answerable questions."""
    localised = localised_in(words)
    questions: list[Question] = []
    for number in range(draw(st.integers(1, max_questions))):
        type_name = draw(st.sampled_from(TYPES))
        answerable = [q for q in questions if q.kind.takes_answer]
        branches = answerable and draw(st.integers(0, 2)) > 0  # two in three questions
        show_if = draw(conditions_on(answerable)) if branches else None
        questions.append(
            Question(
                id=f"q{number}",
                type=type_name,
                text=draw(localised),
                hint=draw(st.none() | localised),
                required=draw(st.booleans()),
                prefer_not_to_say=draw(st.booleans()),
                show_if=show_if,
                **draw(type_fields(type_name, localised)),
            )
        )
    return Survey(
        id=draw(st.sampled_from(["feedback", "ballot-2025", "s"])),
        kind=draw(st.sampled_from(CONSULTATION_KINDS)),
        title=draw(localised),
        intro=draw(st.none() | localised),
        questions=tuple(questions),
    )


@st.composite
def valid_answer(draw, question: Question) -> list[str]:
    """What a channel might send that the question accepts (no places taken)."""
    kind, values = question.kind, [c.value for c in question.kind.choices(question)]
    if question.type == "info":
        return []
    if question.type == "free_text":
        limit = question.max_length or 2000
        typed = st.text("ab c\r\n\x00é", min_size=1, max_size=limit)
        return [draw(typed.filter(lambda t: 0 < len(clean_text(t)) <= limit))]
    if question.type == "number":
        low = question.minimum if question.minimum is not None else -1000
        high = question.maximum if question.maximum is not None else 1000
        return [str(draw(st.integers(math.ceil(low), math.floor(high)) | st.floats(low, high)))]
    if question.type == "multiple_choice":
        most = question.max_choices or len(values)
        return draw(st.lists(st.sampled_from(values), min_size=1, max_size=most, unique=True))
    if question.type == "ranked_ballot":
        return draw(st.permutations(values))[: draw(st.integers(1, question.pick))]
    if question.type == "workshop_choice":
        return draw(st.permutations(values))[: question.pick]
    assert not kind.many
    return [draw(st.sampled_from(values))]


def invalid_answer(question: Question) -> list[str]:
    if question.type == "free_text":
        return ["x" * ((question.max_length or 2000) + 1)]
    if question.type == "number":
        return ["NaN"]
    return ["not one of the choices"]


ACTIONS = [
    "answer", "answer", "answer", "skip", "prefer not to say", "invalid", "back", "return to"
]


def take_a_step(survey: Survey, state: RunnerState, data) -> RunnerState:
    """One thing a young person might do, checking that refusals leave the state alone."""
    action = data.draw(st.sampled_from(["back", "return to"] if state.finished else ACTIONS))
    if action == "back":
        return runner.back(survey, state)
    if action == "return to":
        target = data.draw(st.sampled_from([*state.history, *(q.id for q in survey.questions)]))
        return runner.return_to(survey, state, target)
    question = survey.question(state.current)
    answers_needed = question.kind.takes_answer
    if action == "answer":
        return runner.answer(survey, state, data.draw(valid_answer(question)))
    if action == "skip" and not (answers_needed and question.required):
        return runner.answer(survey, state, [])
    if action == "prefer not to say" and answers_needed and question.prefer_not_to_say:
        return runner.prefer_not_to_say(survey, state)
    if action == "invalid" and not answers_needed:
        return state
    refuse = {
        "skip": lambda: runner.answer(survey, state, []),
        "prefer not to say": lambda: runner.prefer_not_to_say(survey, state),
        "invalid": lambda: runner.answer(survey, state, invalid_answer(question)),
    }[action]
    before = json.dumps(state.to_dict())
    with pytest.raises(AnswerError):
        refuse()
    assert json.dumps(state.to_dict()) == before
    return state


def wander(survey: Survey, data, max_steps: int = 20) -> list[RunnerState]:
    state = runner.start(survey)
    states = [state]
    for _ in range(data.draw(st.integers(0, max_steps))):
        state = take_a_step(survey, state, data)
        states.append(state)
    return states


def step_forward(survey: Survey, state: RunnerState, data) -> RunnerState:
    """Answer the screen, or pass on it where the question allows that."""
    question = survey.question(state.current)
    ways = ["answer"]
    if question.kind.takes_answer and question.prefer_not_to_say:
        ways.append("prefer not to say")
    if not (question.kind.takes_answer and question.required):
        ways.append("skip")
    way = data.draw(st.sampled_from(ways))
    if way == "prefer not to say":
        return runner.prefer_not_to_say(survey, state)
    raw = [] if way == "skip" else data.draw(valid_answer(question))
    return runner.answer(survey, state, raw)


def finish(survey: Survey, state: RunnerState, data) -> list[RunnerState]:
    """Go forward to the end; fail if that takes more steps than there are questions."""
    states = [state]
    for _ in range(len(survey.questions)):
        if state.finished:
            return states
        state = step_forward(survey, state, data)
        states.append(state)
    assert state.finished, "still going after one step per question"
    return states


def journey(survey: Survey, data) -> list[RunnerState]:
    """Wander, reach the end, then go back to change one's mind a few times."""
    states = wander(survey, data)
    states += finish(survey, states[-1], data)[1:]
    for _ in range(data.draw(st.integers(0, 4))):
        if not states[-1].history:
            break
        earlier = data.draw(st.sampled_from(states[-1].history))
        states.append(runner.return_to(survey, states[-1], earlier))
        states += finish(survey, states[-1], data)[1:]
    return states


def replayed_path(survey: Survey, answers: dict) -> list[str]:
    """The screens the answers lead to from the start."""
    path, current = [], runner.next_question_id(survey, answers, None)
    while current is not None:
        path.append(current)
        current = runner.next_question_id(survey, answers, current)
    return path


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(surveys(), st.data())
def test_going_forward_always_ends_within_one_step_per_question(survey, data):
    for state in wander(survey, data):
        end = finish(survey, state, data)[-1]
        assert end.finished
        assert runner.screen(survey, end) is None


@PROPERTY
@given(surveys(), st.data())
def test_each_step_forward_moves_further_down_the_survey(survey, data):
    for state in journey(survey, data):
        positions = [survey.position(qid) for qid in state.history]
        if not state.finished:
            positions.append(survey.position(state.current))
        assert positions == sorted(set(positions))


@PROPERTY
@given(surveys(), st.data())
def test_state_survives_a_json_round_trip(survey, data):
    for state in journey(survey, data):
        assert RunnerState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


@PROPERTY
@given(surveys(), st.data())
def test_the_question_on_screen_has_its_condition_met_by_the_answers_on_the_path(survey, data):
    for state in journey(survey, data):
        if not state.finished:
            question = survey.question(state.current)
            assert is_met(question.show_if, runner.final_answers(survey, state)), state


@PROPERTY
@given(surveys(), st.data())
def test_final_answers_hold_only_questions_on_the_path_whose_condition_holds(survey, data):
    for state in journey(survey, data):
        final = runner.final_answers(survey, state)
        for qid in final:
            assert qid in state.history
            assert survey.question(qid).kind.takes_answer
            assert is_met(survey.question(qid).show_if, final), (qid, state)


@PROPERTY
@given(surveys(), st.data())
def test_the_path_is_the_one_the_final_answers_lead_to(survey, data):
    state = journey(survey, data)[-1]
    assert list(state.history) == replayed_path(survey, runner.final_answers(survey, state))


@PROPERTY
@given(surveys(), st.data())
def test_progress_never_passes_the_total(survey, data):
    for state in journey(survey, data):
        shown = runner.screen(survey, state)
        if shown is not None:
            assert 1 <= shown.number <= shown.total <= len(survey.questions)
            assert shown.number == len(state.history) + 1
            assert 0 <= shown.percent < 100


@PROPERTY
@given(surveys(), st.data())
def test_after_finishing_every_required_question_on_the_path_has_an_answer(survey, data):
    state = journey(survey, data)[-1]
    final = runner.final_answers(survey, state)
    for qid in state.history:
        question = survey.question(qid)
        if question.kind.takes_answer and question.required:
            assert qid in final
            assert final[qid] is not None


@PROPERTY
@given(surveys(words=any_words))
def test_a_generated_survey_survives_the_text_format_round_trip(survey):
    assert textformat.from_dict(textformat.to_dict(survey)) == survey
    assert textformat.loads(textformat.dumps(survey)) == survey


@st.composite
def questions_of(draw, type_name: str) -> Question:
    return Question(
        id="q",
        type=type_name,
        text={"en": "A question"},
        **draw(type_fields(type_name, localised_in(plain_words))),
    )


@pytest.mark.parametrize("type_name", TYPES)
@settings(max_examples=60, deadline=None)
@given(data=st.data(), rng=st.randoms(use_true_random=False))
def test_each_type_gives_an_example_answer_that_it_accepts(type_name, data, rng):
    question = data.draw(questions_of(type_name))
    raw = question.kind.example(question, rng, AnswerContext())
    value = question.kind.parse(question, raw, AnswerContext())
    assert value is not None or not question.kind.takes_answer
