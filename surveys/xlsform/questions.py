"""One survey-sheet row to Engage question(s): type, words, choices and limits.

Engage's own types that XLSForm lacks travel in ``engage::`` columns (XLSForm's
way of carrying a tool's own settings), so other tools see an ordinary
select_one, select_multiple or number while Engage reads back exactly what it
wrote.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from surveys.model import Choice, Condition, Question
from surveys.question_types import FixedChoice, get_question_type
from surveys.xlsform.columns import Row, yes_or_no
from surveys.xlsform.constraints import Limits, read_constraint
from surveys.xlsform.expressions import ExpressionError
from surveys.xlsform.question_kinds import ENGAGE_TYPES, RowType

if TYPE_CHECKING:
    from surveys.xlsform.reader import _FormReader

_YES_NO = ({"yes", "no"}, {"yes", "no", "not_sure"})
_FAMILY = {"free_text": "text", "number": "number", "multiple_choice": "many"}
_PICKING = ("ranked_ballot", "workshop_choice")
_SELECTS = ("select_one", "select_multiple", "rank")


def build(form: _FormReader, row: Row, kind: RowType, qid: str, show_if: Condition | None) -> list[Question]:
    """The row's question, plus a follow-up for ``or_other``; [] after reporting a problem."""
    count = len(form.problems)
    engage_type = row.get("engage::type") or ENGAGE_TYPES[kind.base][0]
    if engage_type not in ENGAGE_TYPES[kind.base]:
        form.problem(row, f"engage::type '{engage_type}' does not fit the XLSForm type '{kind.base}' "
                          f"(it may be {', '.join(ENGAGE_TYPES[kind.base])})")
        return []
    text = form.words(row, "label")
    if not text and not row.words("label"):  # words in an unknown language are reported already
        form.problem(row, "this question has no label (the words the young person reads)")
    hint = form.words(row, "hint") or None
    if any("${" in words for words in (*text.values(), *(hint or {}).values())):
        form.problem(row, "the label or hint shows an answer with ${…}: Engage cannot put answers into its words")
    _note_dropped_columns(form, row, kind)
    choices = _choices(form, row, kind)
    if choices is None and kind.base in _SELECTS:
        return []  # the list's problem is reported already
    fields: dict = {"id": qid, "type": engage_type, "text": text, "hint": hint, "show_if": show_if}
    if engage_type != "info":
        fields["required"] = _flag(form, row, "required", False)
        fields["prefer_not_to_say"] = _flag(form, row, "engage::prefer_not_to_say", True)
    if choices is not None:
        if kind.or_other and "other" not in {c.value for c in choices}:
            choices += (Choice("other", {form.default_language: "Other"}),)
        fields["choices"] = choices
        if engage_type == "faces_scale":
            fields["points"] = whole(form, row, "engage::points") or len(choices)
        if kind.base == "select_one" and not row.get("engage::type") and _is_yes_no(choices):
            fields["type"], fields["choices"] = "yes_no", ()
            form.note(row, f"'{qid}' is a yes/no question: Engage offers Yes, No and Not sure, "
                           "in the young person's language")
        elif _engine_choices(fields):
            fields["choices"] = ()  # the engine's own choices, which it can translate
    _limits(form, row, kind, fields)
    if len(form.problems) > count:
        return []
    question = Question(**fields)
    return [question, *_or_other(form, row, kind, question)]


def _note_dropped_columns(form: _FormReader, row: Row, kind: RowType) -> None:
    if row.words("media"):
        form.note(row, "the picture, sound or video on this row is not shown: Engage shows words")
    if row.get("default"):
        form.note(row, "the default answer is not used: Engage never answers for the young person")
    if row.get("parameters") and kind.base != "range":
        form.note(row, f"the parameters '{row.get('parameters')}' are not used")


def _choices(form: _FormReader, row: Row, kind: RowType) -> tuple[Choice, ...] | None:
    if kind.base not in _SELECTS:
        return None
    if not kind.list_name:
        form.problem(row, f"'{kind.base}' needs the name of a list of choices after it")
        return None
    return choice_list(form, kind.list_name, row)


def choice_list(form: _FormReader, name: str, used_at: Row) -> tuple[Choice, ...] | None:
    """A list from the choices sheet, read once however many questions use it."""
    if name in form.choice_lists:
        return form.choice_lists[name]
    rows = form.choice_rows.get(name)
    if not rows:
        form.problem(used_at, f"the list '{name}' is not on the choices sheet")
        form.choice_lists[name] = None
        return None
    count, made = len(form.problems), []
    for row in rows:
        value = row.get("name")
        label = form.words(row, "label")
        if not value or len(value) > 64:
            form.problem(row, "each choice needs a name of 1 to 64 characters")
        elif value in (c.value for c in made):
            form.problem(row, f"the list '{name}' has the choice '{value}' twice")
        elif not label and row.words("media"):
            form.problem(row, f"the choice '{value}' has a picture but no words: Engage shows words")
        else:
            capacity = whole(form, row, "engage::capacity")
            made.append(Choice(value, label or {form.default_language: value}, capacity))
    form.choice_lists[name] = tuple(made) if len(form.problems) == count else None
    return form.choice_lists[name]


def _is_yes_no(choices: tuple[Choice, ...]) -> bool:
    return {c.value for c in choices} in _YES_NO


def _engine_choices(fields: dict) -> bool:
    """Are these the engine's own choices for the type (so the survey need not list them)?"""
    engine = get_question_type(fields["type"])
    if not isinstance(engine, FixedChoice):
        return False
    probe = Question(fields["id"], fields["type"], {}, points=fields.get("points"))
    return [(c.value, dict(c.label), c.capacity) for c in engine.fixed_choices(probe)] == [
        (c.value, dict(c.label), c.capacity) for c in fields["choices"]
    ]


def _limits(form: _FormReader, row: Row, kind: RowType, fields: dict) -> None:
    engage_type = fields["type"]
    limits = Limits()
    if row.get("constraint"):
        family = "many" if engage_type in _PICKING else _FAMILY.get(engage_type, "")
        try:
            limits = read_constraint(row.get("constraint"), family, kind.base == "integer")
        except ExpressionError as error:
            form.problem(row, f"Engage cannot use the constraint \"{row.get('constraint')}\": {error}")
            return
        for note in limits.notes:
            form.note(row, note)
    if engage_type == "number":
        fields["minimum"], fields["maximum"] = limits.minimum, limits.maximum
        if kind.base == "range":
            _range(form, row, fields)
    elif engage_type == "free_text":
        fields["max_length"] = limits.max_length
    elif engage_type == "multiple_choice":
        fields["max_choices"] = limits.max_choices
    elif engage_type in _PICKING:
        choices = fields.get("choices", ())
        fields["pick"] = whole(form, row, "engage::pick") or limits.max_choices or len(choices)
    elif engage_type == "scale_0_10" and kind.base == "range" and _parameters(form, row) != (0, 10, 1):
        form.problem(row, "a 0 to 10 scale is a range with parameters start=0 end=10 step=1")


def _range(form: _FormReader, row: Row, fields: dict) -> None:
    """XLSForm's slider: 0 to 10 in steps of 1 is Engage's 0-10 scale, anything else a number."""
    found = _parameters(form, row)
    if found is None:
        return
    start, end, step = found
    if (start, end, step) == (0, 10, 1):
        fields["type"], fields["minimum"], fields["maximum"] = "scale_0_10", None, None
        return
    fields["minimum"], fields["maximum"] = min(start, end), max(start, end)
    if step != 1:
        form.note(row, f"the range's step of {step} is not kept: any number from {fields['minimum']} "
                       f"to {fields['maximum']} is accepted")


def _parameters(form: _FormReader, row: Row) -> tuple[float, float, float] | None:
    values = {"start": 1.0, "end": 10.0, "step": 1.0}  # XLSForm's defaults
    for part in row.get("parameters").replace(",", " ").replace(";", " ").split():
        key, _, value = part.partition("=")
        try:
            if key.strip().lower() in values:
                values[key.strip().lower()] = float(value)
        except ValueError:
            form.problem(row, f"the range parameter '{part}' is not a number")
            return None
    return tuple(int(v) if v.is_integer() else v for v in values.values())  # type: ignore[return-value]


def _or_other(form: _FormReader, row: Row, kind: RowType, question: Question) -> list[Question]:
    """pyxform's ``or_other``: an 'Other' choice, and a question asking which, shown after it."""
    if not kind.or_other:
        return []
    if question.type not in ("single_choice", "multiple_choice"):
        form.problem(row, "or_other only works on a plain select_one or select_multiple")
        return []
    follow_up = f"{question.id}_other"[:64]
    op = "includes" if question.type == "multiple_choice" else "equals"
    condition = Condition(op, question.id, "other")
    if question.show_if is not None:
        condition = Condition("all", conditions=(question.show_if, condition))
    form.note(row, f"or_other: Engage adds an 'Other' choice and a question '{follow_up}' asking which")
    return [
        Question(follow_up, "free_text", {form.default_language: "Specify other."},
                 required=False, show_if=condition),
    ]


def _flag(form: _FormReader, row: Row, column: str, default: bool) -> bool:
    written = row.get(column)
    if not written:
        return default
    value = yes_or_no(written)
    if value is None:
        form.problem(row, f"{column} must be yes or no (Engage cannot make it depend on answers)")
        return default
    return value


def whole(form: _FormReader, row: Row, column: str) -> int | None:
    written = row.get(column)
    if not written:
        return None
    if not written.lstrip("-").isdigit():
        form.problem(row, f"{column} must be a whole number, not '{written}'")
        return None
    return int(written)
