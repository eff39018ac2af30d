"""The built-in survey templates load, run to the end and read well for their audience."""
import math
import random
import re
from statistics import mean

import pytest

from surveys import runner, textformat
from surveys.model import CONSULTATION_KINDS, PREFER_NOT_TO_SAY
from surveys.question_types import QUESTION_TYPES
from surveys.templates import load_template, template_names

NAMES = template_names()
WALKS = 200


def one_answer(question, rng: random.Random) -> list[str]:
    """A valid raw answer for the question on screen, as a form or chat would send it."""
    if not question.kind.takes_answer:
        return []
    if question.type == "free_text":
        return ["More places to go in the evening, and buses that turn up."]
    if question.type == "number":
        low = math.ceil(question.minimum if question.minimum is not None else 0)
        high = math.floor(question.maximum if question.maximum is not None else low + 100)
        return [str(rng.randint(low, high))]
    values = [choice.value for choice in question.kind.choices(question)]
    if question.pick:  # ranked ballot, workshop choice
        return rng.sample(values, question.pick)
    if question.type == "multiple_choice":
        return rng.sample(values, rng.randint(1, question.max_choices or len(values)))
    return [rng.choice(values)]


def walk(survey, seed: int, refuse_rate: float = 0.0) -> runner.RunnerState:
    """Answer each screen in turn (sometimes "prefer not to say") until the survey ends."""
    rng = random.Random(seed)
    state = runner.start(survey)
    for _ in survey.questions:
        if state.finished:
            break
        question = survey.question(state.current)
        if question.kind.takes_answer and question.prefer_not_to_say and rng.random() < refuse_rate:
            state = runner.prefer_not_to_say(survey, state)
        else:
            state = runner.answer(survey, state, one_answer(question, rng))
    return state


@pytest.mark.parametrize("name", NAMES)
def test_every_template_loads_and_survives_a_round_trip_through_its_text(name):
    survey = load_template(name)
    assert survey.id == name
    assert textformat.loads(textformat.dumps(survey)) == survey


@pytest.mark.parametrize("name", NAMES)
def test_every_template_says_who_is_asking_and_what_happens_next(name):
    survey = load_template(name)
    assert survey.intro and survey.intro["en"].strip()
    assert survey.thank_you and survey.thank_you["en"].strip()


@pytest.mark.parametrize("name", NAMES)
def test_every_intro_names_the_partnership_and_promises_no_names(name):
    intro = load_template(name).intro["en"].lower()
    for word in ("council", "police", "health", "name"):
        assert word in intro


@pytest.mark.parametrize("name", NAMES)
def test_every_template_is_aimed_at_a_sensible_age_range(name):
    survey = load_template(name)
    assert survey.min_age is not None and survey.max_age is not None
    assert 5 <= survey.min_age <= survey.max_age <= 25


def test_the_templates_between_them_use_every_question_type():
    used = {q.type for name in NAMES for q in load_template(name).questions}
    assert used == set(QUESTION_TYPES)


def test_every_consultation_kind_has_a_template():
    assert {load_template(name).kind for name in NAMES} == set(CONSULTATION_KINDS)


def test_faces_scales_come_in_both_sizes():
    points = {q.points for name in NAMES for q in load_template(name).questions if q.points}
    assert {3, 5} <= points


@pytest.mark.parametrize("refuse_rate", [0.0, 0.2])
@pytest.mark.parametrize("name", NAMES)
def test_every_template_can_be_completed_by_answering_each_screen(name, refuse_rate):
    survey = load_template(name)
    for seed in range(20):
        state = walk(survey, seed, refuse_rate)
        assert state.finished and runner.screen(survey, state) is None
        answers = runner.final_answers(survey, state)
        for question_id in state.history:
            question = survey.question(question_id)
            if question.kind.takes_answer and question.required:
                assert answers[question_id] is not None, question_id
        if refuse_rate == 0.0:
            assert PREFER_NOT_TO_SAY not in answers.values()


@pytest.mark.parametrize("name", NAMES)
def test_every_question_is_reached_by_some_young_person(name):
    """Catches branching that can never hold, such as `equals: yes` read by YAML as true."""
    survey = load_template(name)
    seen = {question_id for seed in range(WALKS) for question_id in walk(survey, seed).history}
    assert seen == {q.id for q in survey.questions}


def test_primary_questions_are_short_and_use_everyday_words():
    questions = load_template("lifestyle-primary").questions
    words = [re.findall(r"[A-Za-z']+", q.text_in()) for q in questions]
    assert max(len(w) for w in words) <= 12
    assert mean(len(word) for w in words for word in w) <= 4.5
    assert not any(len(word) > 10 for w in words for word in w)


@pytest.mark.parametrize("name", NAMES)
def test_age_bands_offered_fit_the_audience(name):
    survey = load_template(name)
    for question in survey.questions:
        if question.type != "age_band":
            continue
        for choice in question.kind.choices(question):
            ages = [int(part) for part in choice.value.split("-") if part.isdigit()]
            assert ages, f"{choice.value} names no age"
            assert max(ages) >= survey.min_age and min(ages) <= survey.max_age, choice.value
