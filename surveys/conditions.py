"""Branching: does a question show, given the answers so far?

Operators live in a registry, so adding one is one function, and an unknown
operator is refused when a survey is loaded rather than when a child answers.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from surveys.errors import AnswerError, SurveyDefinitionError
from surveys.model import PREFER_NOT_TO_SAY, Condition, Question


def _as_list(answer: Any) -> list:
    return answer if isinstance(answer, list) else [answer]


def _number(answer: Any) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return None
    return answer


def _at_least(answer: Any, value: Any) -> bool:
    number = _number(answer)
    return number is not None and number >= value


def _at_most(answer: Any, value: Any) -> bool:
    number = _number(answer)
    return number is not None and number <= value


LEAF_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda answer, value: answer == value,
    "not_equals": lambda answer, value: answer != value,
    "in": lambda answer, value: answer in value,
    "includes": lambda answer, value: value in _as_list(answer),
    "at_least": _at_least,
    "at_most": _at_most,
    "answered": lambda answer, value: bool(value),
}

GROUP_OPERATORS: dict[str, Callable[[list[bool]], bool]] = {
    "all": all,
    "any": any,
    "not": lambda results: not results[0],
}


def is_met(condition: Condition | None, answers: Mapping[str, Any]) -> bool:
    """True when ``condition`` holds for ``answers`` (no condition always holds).

    An earlier question that was skipped, hidden or answered "prefer not to
    say" meets no comparison; only ``answered: false`` matches it.
    """
    if condition is None:
        return True
    if condition.op in GROUP_OPERATORS:
        return GROUP_OPERATORS[condition.op]([is_met(c, answers) for c in condition.conditions])
    answer = answers.get(condition.question)
    given = answer is not None and answer != PREFER_NOT_TO_SAY
    if condition.op == "answered":
        return given == bool(condition.value)
    return given and LEAF_OPERATORS[condition.op](answer, condition.value)


def parse_condition(raw: Any, where: str) -> Condition:
    """Build a condition from its text-format mapping, e.g. ``{question: q1, equals: yes}``."""
    if not isinstance(raw, Mapping) or not raw:
        raise SurveyDefinitionError(f"{where}: show_if must be a mapping")
    group = [op for op in GROUP_OPERATORS if op in raw]
    if group:
        op = group[0]
        inner = raw[op] if op != "not" else [raw[op]]
        if len(raw) != 1 or not isinstance(inner, list) or not inner:
            raise SurveyDefinitionError(f"{where}: '{op}' needs a list of conditions and nothing else")
        return Condition(op=op, conditions=tuple(parse_condition(c, where) for c in inner))
    question = raw.get("question")
    ops = [key for key in raw if key != "question"]
    if not isinstance(question, str) or len(ops) != 1:
        raise SurveyDefinitionError(
            f"{where}: show_if needs 'question' and one test such as 'equals'"
        )
    op = ops[0]
    if op not in LEAF_OPERATORS:
        known = ", ".join(sorted(LEAF_OPERATORS) + sorted(GROUP_OPERATORS))
        raise SurveyDefinitionError(f"{where}: unknown test '{op}' (known: {known})")
    value = raw[op]
    if op == "answered" and not isinstance(value, bool):
        raise SurveyDefinitionError(f"{where}: 'answered' needs true or false")
    if op == "in" and not isinstance(value, list):
        raise SurveyDefinitionError(f"{where}: 'in' needs a list")
    if op in ("at_least", "at_most") and _number(value) is None:
        raise SurveyDefinitionError(f"{where}: '{op}' needs a number")
    return Condition(op=op, question=question, value=value)


def dump_condition(condition: Condition) -> dict[str, Any]:
    if condition.op in GROUP_OPERATORS:
        inner = [dump_condition(c) for c in condition.conditions]
        return {condition.op: inner[0] if condition.op == "not" else inner}
    return {"question": condition.question, condition.op: condition.value}


def checked_condition(condition: Condition, earlier: Mapping[str, Question], where: str) -> Condition:
    """Check a condition against the earlier questions it reads, with values as stored.

    Refuses a question that is not earlier or has no answer, and a value that
    question could never give (YAML reads an unquoted ``yes`` as true, which
    would otherwise quietly never match); turns ``3`` on a scale into what the
    runner stores, so that comparisons work.
    """
    if condition.op in GROUP_OPERATORS:
        inner = tuple(checked_condition(c, earlier, where) for c in condition.conditions)
        return replace(condition, conditions=inner)
    target = earlier.get(condition.question)
    if target is None:
        raise SurveyDefinitionError(
            f"{where}: show_if reads '{condition.question}', which is not an earlier question"
        )
    kind = target.kind
    if not kind.takes_answer:
        raise SurveyDefinitionError(
            f"{where}: show_if reads '{condition.question}', which has no answer"
        )
    if condition.op in ("equals", "not_equals", "in") and kind.many:
        raise SurveyDefinitionError(
            f"{where}: '{condition.question}' can have several answers: use 'includes'"
        )
    if condition.op == "includes" and kind.many:
        _one_of_the_choices(target, condition.value, where)
        return replace(condition, value=str(condition.value))
    if condition.op in ("equals", "not_equals", "includes"):
        return replace(condition, value=_as_stored(target, condition.value, where))
    if condition.op == "in":
        return replace(condition, value=[_as_stored(target, v, where) for v in condition.value])
    return condition


def _one_of_the_choices(target: Question, value: Any, where: str) -> None:
    allowed = [c.value for c in target.kind.choices(target)]
    if str(value) not in allowed:
        hint = " (write yes and no in quotes)" if isinstance(value, bool) else ""
        raise SurveyDefinitionError(
            f"{where}: show_if compares '{target.id}' with {value!r}, which is not one of "
            f"its answers: {', '.join(allowed)}{hint}"
        )


def _as_stored(target: Question, value: Any, where: str) -> Any:
    from surveys.question_types import AnswerContext

    if target.kind.choices(target):
        _one_of_the_choices(target, value, where)
    try:
        stored = target.kind.parse(target, [str(value)], AnswerContext())
    except AnswerError:
        stored = None
    if stored is None:
        raise SurveyDefinitionError(
            f"{where}: show_if compares '{target.id}' with {value!r}, which it cannot be"
        )
    return stored
