"""The runner: a survey plus the answers so far gives the next screen.

State is a small, plain value (``RunnerState.to_dict()`` is JSON-ready), so
the web pages keep it in the database between requests and the chatbot in
its conversation store; both call the same functions below.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from surveys.conditions import is_met
from surveys.errors import AnswerError
from surveys.i18n import N_
from surveys.model import PREFER_NOT_TO_SAY, Question, Survey
from surveys.question_types import AnswerContext

__all__ = [
    "AnswerContext",
    "RunnerState",
    "Screen",
    "answer",
    "back",
    "final_answers",
    "next_question_id",
    "visible_questions",
    "prefer_not_to_say",
    "return_to",
    "screen",
    "start",
]


@dataclass(frozen=True)
class RunnerState:
    """Where one young person is: the path taken, what is on screen, their answers.

    ``answers`` may hold answers to questions that branching has since hidden
    (kept so that going back and changing one's mind loses nothing);
    ``final_answers`` gives only those on the path actually taken.
    """

    current: str | None
    history: tuple[str, ...] = ()
    answers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.current is None

    def to_dict(self) -> dict[str, Any]:
        return {"current": self.current, "history": list(self.history), "answers": dict(self.answers)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunnerState:
        return cls(
            current=data.get("current"),
            history=tuple(data.get("history", ())),
            answers=dict(data.get("answers", {})),
        )


@dataclass(frozen=True)
class Screen:
    """What to show now: one question, its number and the progress."""

    question: Question
    number: int  # 1-based position on the path so far
    total: int  # questions on the path, as far as the answers so far tell
    can_go_back: bool
    previous_answer: Any = None

    @property
    def percent(self) -> int:
        return round(100 * (self.number - 1) / self.total) if self.total else 0


def visible_questions(survey: Survey, answers: Mapping[str, Any]) -> list[str]:
    """The questions a young person with these answers sees, in order.

    Each condition reads only answers to questions that are themselves shown:
    an answer kept from before a change of mind does not count once its
    question is hidden, nor does anything that depended on it.
    """
    shown: list[str] = []
    counted: dict[str, Any] = {}
    for question in survey.questions:
        if is_met(question.show_if, counted):
            shown.append(question.id)
            if question.id in answers:
                counted[question.id] = answers[question.id]
    return shown


def next_question_id(survey: Survey, answers: Mapping[str, Any], after: str | None) -> str | None:
    """The first question after ``after`` (or the first of all) that is shown."""
    begin = 0 if after is None else survey.position(after) + 1
    return next(
        (qid for qid in visible_questions(survey, answers) if survey.position(qid) >= begin),
        None,
    )


def start(survey: Survey) -> RunnerState:
    return RunnerState(current=next_question_id(survey, {}, None))


def screen(survey: Survey, state: RunnerState) -> Screen | None:
    """The screen to show, or None once every question on the path is done."""
    if state.finished:
        return None
    here = survey.position(state.current)
    ahead = 1 + sum(
        survey.position(qid) > here for qid in visible_questions(survey, state.answers)
    )
    return Screen(
        question=survey.question(state.current),
        number=len(state.history) + 1,
        total=len(state.history) + ahead,
        can_go_back=bool(state.history),
        previous_answer=state.answers.get(state.current),
    )


def answer(
    survey: Survey,
    state: RunnerState,
    raw: Sequence[str],
    context: AnswerContext | None = None,
) -> RunnerState:
    """Record the answer on screen and move on; raise AnswerError if it does not fit."""
    question = _on_screen(survey, state)
    context = context or AnswerContext()
    value = question.kind.parse(question, list(raw), context)
    if value is None and not question.kind.may_be_empty(question, context):
        raise AnswerError(question.kind.empty_message)
    return _move_on(survey, state, question, value)


def prefer_not_to_say(survey: Survey, state: RunnerState) -> RunnerState:
    question = _on_screen(survey, state)
    if not question.kind.takes_answer or not question.prefer_not_to_say:
        raise AnswerError(N_("This question needs an answer."))
    return _move_on(survey, state, question, PREFER_NOT_TO_SAY)


def back(
    survey: Survey,
    state: RunnerState,
    raw: Sequence[str] = (),
    context: AnswerContext | None = None,
) -> RunnerState:
    """Show the previous screen again; answers stay until they are changed.

    What was typed on the screen being left is kept too, when it is a valid
    answer, so that stepping back to check something loses nothing.
    """
    if not state.history:
        return state
    answers = dict(state.answers)
    if not state.finished and raw:
        question = survey.question(state.current)
        try:
            value = question.kind.parse(question, list(raw), context or AnswerContext())
        except AnswerError:
            value = None
        if value is not None:
            answers[question.id] = value
    return RunnerState(current=state.history[-1], history=state.history[:-1], answers=answers)


def return_to(survey: Survey, state: RunnerState, question_id: str) -> RunnerState:
    """Go back to an earlier screen on the path (a browser's back button, an old chat button)."""
    if question_id == state.current or question_id not in state.history:
        return state
    cut = state.history.index(question_id)
    return replace(state, current=question_id, history=state.history[:cut])


def final_answers(survey: Survey, state: RunnerState) -> dict[str, Any]:
    """Answers on the path taken, in order, without screens that only inform."""
    return {
        qid: state.answers[qid]
        for qid in state.history
        if qid in state.answers and survey.question(qid).kind.takes_answer
    }


def _on_screen(survey: Survey, state: RunnerState) -> Question:
    if state.finished:
        raise AnswerError(N_("You have already answered every question."))
    return survey.question(state.current)


def _move_on(survey: Survey, state: RunnerState, question: Question, value: Any) -> RunnerState:
    answers = dict(state.answers)
    if value is None:
        answers.pop(question.id, None)
    else:
        answers[question.id] = value
    return RunnerState(
        current=next_question_id(survey, answers, question.id),
        history=(*state.history, question.id),
        answers=answers,
    )
