"""Branching: does a question show, given the answers so far?

Operators live in a registry, so adding one is one function, and an unknown
operator is refused when a survey is loaded rather than when a child answers.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from surveys.errors import SurveyDefinitionError
from surveys.model import PREFER_NOT_TO_SAY, Condition


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
