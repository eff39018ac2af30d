"""XLSForm ``constraint`` cells to the limits Engage's question types can check, and back.

Engage checks a number's range, a text's length and how many choices may be
picked; a constraint that says one of those (``. >= 0 and . <= 120``,
``string-length(.) <= 500``, ``count-selected(.) <= 3``) becomes that limit.
Anything else would be silently dropped, letting through answers the form's
author meant to stop, so it is refused instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from surveys.model import Question
from surveys.xlsform.expressions import Call, Compare, ExpressionError, Here, Literal, Logic, Node, parse

_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}


@dataclass
class Limits:
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    max_choices: int | None = None
    notes: list[str] = field(default_factory=list)


def read_constraint(text: str, family: str, whole_numbers: bool = False) -> Limits:
    """Limits for a question of ``family`` ``number``, ``text`` or ``many``."""
    limits = Limits()
    node = parse(text)
    for item in node.items if isinstance(node, Logic) and node.op == "and" else (node,):
        op, subject, value = _bound(item)
        if family == "number" and isinstance(subject, Here):
            _number_bound(limits, op, value, whole_numbers)
        elif family == "text" and _is_call(subject, "string-length") and op in ("<", "<="):
            limits.max_length = _whole(value) - (op == "<")
        elif family == "many" and _is_call(subject, "count-selected") and op in ("<", "<="):
            limits.max_choices = _whole(value) - (op == "<")
        else:
            raise ExpressionError(f"Engage cannot check this constraint{_HELP.get(family, '')}")
    return limits


_HELP = {
    "number": ": for a number, write limits such as . >= 0 and . <= 120",
    "text": ": for text, write a length limit such as string-length(.) <= 500",
    "many": ": for several choices, write a limit such as count-selected(.) <= 3",
}


def _bound(node: Node) -> tuple[str, Node, int | float]:
    if not isinstance(node, Compare):
        raise ExpressionError("Engage cannot check this constraint")
    op, subject, value = node.op, node.left, node.right
    if isinstance(subject, Literal):
        op, subject, value = _FLIPPED.get(op, op), value, subject
    if op == "!=" or not isinstance(value, Literal) or isinstance(value.value, str):
        raise ExpressionError("Engage cannot check this constraint: it only keeps limits such as . <= 120")
    return op, subject, value.value


def _is_call(node: Node, name: str) -> bool:
    return isinstance(node, Call) and node.name == name and node.args == (Here(),)


def _whole(value: int | float) -> int:
    if not float(value).is_integer():
        raise ExpressionError(f"{value} is not a whole number")
    return int(value)


def _number_bound(limits: Limits, op: str, value: int | float, whole_numbers: bool) -> None:
    if op in (">", "<") and whole_numbers and float(value).is_integer():
        value, op = (value + 1, ">=") if op == ">" else (value - 1, "<=")
    elif op in (">", "<"):
        limits.notes.append(
            f"'. {op} {value}' is kept as '. {op}= {value}': Engage's limits include the number itself"
        )
    if op in (">", ">=", "="):
        limits.minimum = value if limits.minimum is None else max(limits.minimum, value)
    if op in ("<", "<=", "="):
        limits.maximum = value if limits.maximum is None else min(limits.maximum, value)


def write_constraint(question: Question) -> str:
    """The XLSForm constraint holding a question's limits ('' when it has none)."""
    parts = []
    if question.minimum is not None:
        parts.append(f". >= {_number(question.minimum)}")
    if question.maximum is not None:
        parts.append(f". <= {_number(question.maximum)}")
    if question.max_length is not None:
        parts.append(f"string-length(.) <= {question.max_length}")
    limit = question.max_choices or question.pick
    if limit is not None and question.kind.many:
        parts.append(f"count-selected(.) <= {limit}")
    return " and ".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)
