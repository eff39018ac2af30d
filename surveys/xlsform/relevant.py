"""XLSForm ``relevant`` expressions to Engage conditions, and back.

Each form maps onto one of the engine's operators (see surveys.conditions):

    ${q} = 'x'            equals          ${q} = ''    answered: false
    ${q} != 'x'           any(answered: false, not_equals x)
    ${q} != '' and ${q} != 'x'            not_equals   ${q} != ''   answered: true
    ${q} >= 3, <= 3       at_least, at_most
    ${q} > 3, < 3         all(answered, not(at_most 3)), and the same with at_least
    selected(${q}, 'x')   includes        not(...), and, or   not, all, any
    ${q} = 'a' or ${q} = 'b'              in [a, b]

In Engage an unanswered question meets no comparison; in XLSForm a blank
answer is "not x" but is not "greater than 3". ``answered`` makes up the
difference both ways, so an imported form shows the same questions in Engage
as it did in ODK, and an exported one the same in ODK as in Engage.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from surveys.model import Condition, Question
from surveys.xlsform.expressions import Call, Compare, ExpressionError, Literal, Logic, Node, Ref, parse

_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "=", "!=": "!="}
_NUMERIC_TYPES = {"number", "scale_0_10", "faces_scale"}


def read_relevant(
    text: str, question_id: Callable[[str], str], earlier: Mapping[str, Question]
) -> Condition:
    """The condition for ``text``; ``question_id`` maps an XLSForm name to an earlier
    question's id or raises ExpressionError saying why it cannot."""
    return _condition(parse(text), question_id, earlier)


def _condition(node: Node, question_id, earlier) -> Condition:
    if isinstance(node, Logic) and _answered_and_not(node):
        return Condition("not_equals", question_id(node.items[0].left.name), node.items[1].right.value)
    if isinstance(node, Logic):
        inner = tuple(_condition(item, question_id, earlier) for item in node.items)
        return _as_in(inner) if node.op == "or" else Condition("all", conditions=inner)
    if isinstance(node, Call) and node.name == "not" and len(node.args) == 1:
        return Condition("not", conditions=(_condition(node.args[0], question_id, earlier),))
    if isinstance(node, Call) and node.name == "selected":
        if len(node.args) != 2 or not isinstance(node.args[0], Ref) or not isinstance(node.args[1], Literal):
            raise ExpressionError("selected() needs ${question} and a choice in quotes")
        return Condition("includes", question_id(node.args[0].name), str(node.args[1].value))
    if isinstance(node, Call):
        raise ExpressionError(
            f"the function {node.name}() is not supported (Engage reads selected(), not(), "
            "and, or and comparisons such as ${q} = 'x')"
        )
    if isinstance(node, Compare):
        return _comparison(node, question_id, earlier)
    raise ExpressionError("it is not a test such as ${q} = 'x'")


def _comparison(node: Compare, question_id, earlier) -> Condition:
    op, left, right = node.op, node.left, node.right
    if isinstance(right, Ref) and isinstance(left, Literal):
        op, left, right = _FLIPPED[op], right, left
    if not isinstance(left, Ref) or not isinstance(right, Literal):
        raise ExpressionError("a comparison must compare one ${question} with a value")
    qid, value = question_id(left.name), right.value
    if op in ("=", "!=") and value == "":
        return Condition("answered", qid, op == "!=")
    if op == "=":
        return Condition("equals", qid, value)
    if op == "!=":
        return Condition("any", conditions=(Condition("answered", qid, False), Condition("not_equals", qid, value)))
    number = _number(value, left.name)
    kind = earlier[qid].type if qid in earlier else ""
    if kind not in _NUMERIC_TYPES:
        raise ExpressionError(f"'{left.name}' is not answered with a number, so it cannot be {op} {value}")
    if op == ">=":
        return Condition("at_least", qid, number)
    if op == "<=":
        return Condition("at_most", qid, number)
    opposite = "at_most" if op == ">" else "at_least"
    return Condition(
        "all",
        conditions=(Condition("answered", qid, True), Condition("not", conditions=(Condition(opposite, qid, number),))),
    )


def _answered_and_not(node: Logic) -> bool:
    """``${q} != '' and ${q} != 'x'``: how Engage writes its own not_equals."""
    if node.op != "and" or len(node.items) != 2 or not all(isinstance(i, Compare) for i in node.items):
        return False
    first, second = node.items
    return (
        first.op == second.op == "!=" and first.left == second.left and isinstance(first.left, Ref)
        and first.right == Literal("") and isinstance(second.right, Literal) and second.right.value != ""
    )


def _number(value: str | int | float, name: str) -> int | float:
    if isinstance(value, (int, float)):
        return value
    try:
        number = float(value)
    except ValueError:
        raise ExpressionError(f"'{name}' can only be compared with a number here, not '{value}'") from None
    return int(number) if number.is_integer() else number


def _as_in(inner: tuple[Condition, ...]) -> Condition:
    """``${q} = 'a' or ${q} = 'b'`` is the engine's ``in``."""
    questions = {c.question for c in inner}
    if all(c.op == "equals" for c in inner) and len(questions) == 1:
        return Condition("in", inner[0].question, [c.value for c in inner])
    return Condition("any", conditions=inner)


def write_relevant(condition: Condition) -> str:
    """The XLSForm expression for a condition; read back, it gives the same condition."""
    op, ref = condition.op, f"${{{condition.question}}}"
    if op == "all":
        return " and ".join(_bracketed(c) for c in condition.conditions)
    if op == "any":
        return " or ".join(_bracketed(c) for c in condition.conditions)
    if op == "not":
        return f"not({write_relevant(condition.conditions[0])})"
    if op == "in":
        return "(" + " or ".join(f"{ref} = {_literal(v)}" for v in condition.value) + ")"
    if op == "answered":
        return f"{ref} {'!=' if condition.value else '='} ''"
    if op == "not_equals":
        return f"({ref} != '' and {ref} != {_literal(condition.value)})"
    if op == "includes":
        return f"selected({ref}, {_literal(condition.value)})"
    symbol = {"equals": "=", "at_least": ">=", "at_most": "<="}[op]
    return f"{ref} {symbol} {_literal(condition.value)}"


def _bracketed(condition: Condition) -> str:
    """Groups inside groups keep their brackets, so that they read back as written."""
    text = write_relevant(condition)
    return f"({text})" if condition.op in ("all", "any") else text


def _literal(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"cannot write {value!r} in an XLSForm expression")
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(value)
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ValueError(f"XLSForm cannot quote a value holding both ' and \": {value!r}")
