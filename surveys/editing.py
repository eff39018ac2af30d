"""Editing a survey: the pure operations a builder calls.

Every operation returns a new survey that has been through ``validated``,
which writes it out in the text format and reads it back: an edited survey
passes exactly the checks a loaded one does (known types, unique ids, each
type's rules, branching that only reads earlier questions), so an edit that
would leave the survey unrunnable is refused here and never reaches storage.

A builder sends English words; ``question_from_draft`` turns them into a
question, keeping the ids and choice values that answers already point at.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from surveys.errors import SurveyDefinitionError
from surveys.i18n import DEFAULT_LANGUAGE
from surveys.model import Choice, Condition, Question, Survey
from surveys.question_types import get_question_type
from surveys.textformat import dumps, loads

# ``add_question(..., after=START)`` puts the question first.
START = ""

# The settings a builder offers for each question type, beyond its words,
# branching and (for types that take an answer) the required and "prefer
# not to say" flags. Every registered type has an entry; a test holds to it.
SETTINGS: Mapping[str, frozenset[str]] = {
    "single_choice": frozenset({"choices"}),
    "multiple_choice": frozenset({"choices", "max_choices"}),
    "ranked_ballot": frozenset({"choices", "pick"}),
    "workshop_choice": frozenset({"choices", "pick", "capacity"}),
    "age_band": frozenset({"choices"}),  # its own bands; none means the engine's
    "faces_scale": frozenset({"points"}),
    "scale_0_10": frozenset(),
    "yes_no": frozenset(),
    "free_text": frozenset({"max_length"}),
    "number": frozenset({"minimum", "maximum"}),
    "info": frozenset(),
}

_TYPE_SETTINGS = ("max_length", "minimum", "maximum", "max_choices", "pick", "points")

# Branching tests a builder offers: name -> (operator in surveys.conditions,
# what it compares with: one answer, several, a number, or nothing).
TESTS: Mapping[str, tuple[str, str]] = {
    "equals": ("equals", "one"),
    "not_equals": ("not_equals", "one"),
    "in": ("in", "many"),
    "includes": ("includes", "one"),
    "at_least": ("at_least", "number"),
    "at_most": ("at_most", "number"),
    "answered": ("answered", "none"),
    "not_answered": ("answered", "none"),
}


class EditRefused(SurveyDefinitionError):
    """An edit the survey cannot take; ``field`` names the setting at fault, if one is."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ChoiceRow:
    """One choice as a builder sends it; ``value`` is set for a choice that exists."""

    label: str
    value: str | None = None
    capacity: int | None = None


@dataclass(frozen=True)
class Branching:
    """"Show only if <question> <test> <values>", with values as the builder sent them."""

    question: str
    test: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a builder form gives it, in English."""

    type: str
    text: str
    hint: str = ""
    required: bool = True
    prefer_not_to_say: bool = True
    choices: tuple[ChoiceRow, ...] = ()
    branching: Branching | None = None
    # Leave an existing condition as it is (e.g. an any/all group the form cannot show).
    keep_condition: bool = False
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_choices: int | None = None
    pick: int | None = None
    points: int | None = None


def validated(survey: Survey) -> Survey:
    """The survey as storage will read it back, or SurveyDefinitionError saying why not."""
    return loads(dumps(survey))


def add_question(survey: Survey, question: Question, after: str | None = None) -> Survey:
    """Add ``question`` after the question ``after`` (at the end when None, first for START)."""
    if survey.has_question(question.id):
        raise EditRefused(f"There is already a question with the id '{question.id}'.")
    at = len(survey.questions) if after is None else 0 if after == START else _position(survey, after) + 1
    return _with(survey, [*survey.questions[:at], question, *survey.questions[at:]])


def replace_question(survey: Survey, question: Question) -> Survey:
    """Put ``question`` in place of the question with its id; ids never change."""
    at = _position(survey, question.id)
    return _with(survey, [*survey.questions[:at], question, *survey.questions[at + 1:]])


def move_question(survey: Survey, question_id: str, to: int | Literal["up", "down"]) -> Survey:
    """Move a question one place up or down, or to a position counted from 0."""
    here = _position(survey, question_id)
    target = {"up": here - 1, "down": here + 1}.get(to, to) if isinstance(to, str) else to
    if not isinstance(target, int) or not 0 <= target < len(survey.questions):
        raise EditRefused(f"“{_short(survey.question(question_id))}” cannot move there.")
    others = [q for q in survey.questions if q.id != question_id]
    others.insert(target, survey.question(question_id))
    return _with(survey, others)


def remove_question(survey: Survey, question_id: str) -> Survey:
    """Remove a question, unless a later question's branching reads its answer."""
    question = survey.questions[_position(survey, question_id)]
    readers = [q for q in survey.questions if q.show_if and question_id in q.show_if.questions()]
    if readers:
        names = ", ".join(f"“{_short(q)}”" for q in readers)
        verb = "is" if len(readers) == 1 else "are"
        raise EditRefused(
            f"“{_short(question)}” cannot be removed: {names} {verb} shown depending on "
            "its answer. Change or remove that branching first."
        )
    if len(survey.questions) == 1:
        raise EditRefused("A survey needs at least one question.")
    return _with(survey, [q for q in survey.questions if q.id != question_id])


def branching_sources(survey: Survey, position: int) -> tuple[Question, ...]:
    """Questions a question at ``position`` may branch on: earlier ones with an answer."""
    return tuple(q for q in survey.questions[:position] if q.kind.takes_answer)


def question_from_draft(survey: Survey, draft: QuestionDraft, question_id: str | None = None) -> Question:
    """A new question (id made from its words) or a new wording of ``question_id``."""
    kind = get_question_type(draft.type)
    old = survey.questions[_position(survey, question_id)] if question_id else None
    text = draft.text.strip()
    if not text:
        raise EditRefused("Write the question.", "text")
    offered = SETTINGS[kind.name]
    # A type whose choices the builder does not edit keeps any relabelling it was given.
    choices: tuple[Choice, ...] = old.choices if old and old.type == kind.name else ()
    if "choices" in offered:
        choices = choices_from_rows(old.choices if old else (), draft.choices, "capacity" in offered)
    if kind.uses_own_choices and not choices:
        raise EditRefused("Add at least one choice.", "choices")
    if "pick" in offered and not draft.pick:
        raise EditRefused("Say how many each person picks.", "pick")
    show_if = old.show_if if (old and draft.keep_condition) else None
    if draft.branching is not None:
        show_if = condition_from(survey, draft.branching)
    # A setting the type does not use is dropped, whatever the form held.
    settings = {name: getattr(draft, name) if name in offered else None for name in _TYPE_SETTINGS}
    hint = draft.hint.strip()
    return Question(
        id=old.id if old else new_question_id(survey, text),
        type=kind.name,
        text=reworded(old.text if old else None, text),
        hint=reworded(old.hint if old else None, hint) if hint else None,
        # A screen with nothing to answer keeps the defaults, which mean nothing for it.
        required=draft.required if kind.takes_answer else True,
        prefer_not_to_say=draft.prefer_not_to_say if kind.takes_answer else True,
        choices=choices,
        show_if=show_if,
        **settings,
    )


def condition_from(survey: Survey, branching: Branching) -> Condition:
    """A condition from a builder's test; ``validated`` then checks it against its question."""
    if branching.test not in TESTS:
        raise EditRefused(f"Unknown test '{branching.test}'.", "show_if")
    if not survey.has_question(branching.question):
        raise EditRefused("Choose an earlier question to branch on.", "show_if")
    op, compares = TESTS[branching.test]
    values = [v.strip() for v in branching.values if v and v.strip()]
    if compares == "none":
        return Condition(op=op, question=branching.question, value=branching.test == "answered")
    if not values:
        raise EditRefused("Choose the answer to compare with.", "show_if")
    if compares == "many":
        return Condition(op=op, question=branching.question, value=values)
    if len(values) > 1:
        raise EditRefused("Choose just one answer to compare with.", "show_if")
    if compares == "number":
        return Condition(op=op, question=branching.question, value=_as_number(values[0]))
    return Condition(op=op, question=branching.question, value=values[0])


def choices_from_rows(
    existing: Sequence[Choice], rows: Sequence[ChoiceRow], with_capacity: bool = False
) -> tuple[Choice, ...]:
    """Choices in the rows' order; an empty label drops a row.

    A row naming an existing value keeps it, so stored answers keep their
    meaning when a choice is relabelled or moved; a new row gets a value made
    from its label, never one a choice had before this edit.
    """
    known = {c.value: c for c in existing}
    taken = set(known)
    made: list[Choice] = []
    said: set[str] = set()
    for row in rows:
        label = row.label.strip()
        if not label:
            continue
        if label.casefold() in said:
            raise EditRefused(f"Two choices say “{label}”: give each its own words.", "choices")
        said.add(label.casefold())
        old = known.get(row.value or "")
        if old is not None:
            value, words = old.value, reworded(old.label, label)
        else:
            value = _unique(_slug(label, 56) or "choice", taken)  # room for a _2 suffix
            words = {DEFAULT_LANGUAGE: label}
        taken.add(value)
        made.append(Choice(value=value, label=words, capacity=row.capacity if with_capacity else None))
    return tuple(made)


def reworded(old: Mapping[str, str] | None, english: str) -> dict[str, str]:
    """New English words; translations stay only while the English they translate does."""
    if old and old.get(DEFAULT_LANGUAGE) == english:
        return dict(old)
    return {DEFAULT_LANGUAGE: english}


def new_question_id(survey: Survey, text: str) -> str:
    """An id made from the question's words, e.g. ``how_old_are_you``, unique in the survey."""
    slug = _slug(text, 40)
    if not slug or not slug[0].isalpha():
        slug = f"q_{slug}".rstrip("_")
    return _unique(slug, {q.id for q in survey.questions})


def _slug(text: str, limit: int) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = ""
    for word in re.findall(r"[a-z0-9]+", plain):
        longer = f"{slug}_{word}" if slug else word
        if len(longer) > limit:
            return slug or word[:limit]
        slug = longer
    return slug


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}_{n}"
        n += 1
    return candidate


def _as_number(text: str) -> int | float:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise EditRefused(f"Write a number to compare with, like 3 (not “{text}”).", "show_if")
    return int(number) if number.is_integer() else number


def _position(survey: Survey, question_id: str) -> int:
    if not survey.has_question(question_id):
        raise EditRefused(f"There is no question '{question_id}' in this survey.")
    return survey.position(question_id)


def _short(question: Question, limit: int = 60) -> str:
    text = question.text_in()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _with(survey: Survey, questions: list[Question]) -> Survey:
    """The survey with these questions in this order, checked as storage will read it."""
    by_id, seen = {q.id: q for q in questions}, set()
    for question in questions:
        reads = question.show_if.questions() if question.show_if else set()
        later = sorted(r for r in reads if r in by_id and r not in seen)
        if later:
            raise EditRefused(
                f"“{_short(question)}” is shown depending on the answer to "
                f"“{_short(by_id[later[0]])}”, so it must come after it."
            )
        seen.add(question.id)
    return validated(replace(survey, questions=tuple(questions)))
