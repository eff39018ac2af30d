"""Question types, registered by name.

Each type knows which choices it offers, what a definition must give it, and
how to turn what a young person sent (always a list of strings, from a web
form or a chat) into a stored answer. ``get_question_type`` raises on a name
it does not know, so there is no ``if``-chain on type strings anywhere.
"""
from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from surveys.errors import AnswerError, SurveyDefinitionError, UnknownQuestionType
from surveys.i18n import N_
from surveys.model import Choice, Question

DEFAULT_MAX_LENGTH = 2000
DEFAULT_AGE_BANDS = (
    ("under-11", N_("Under 11")),
    ("11-13", "11–13"),
    ("14-15", "14–15"),
    ("16-17", "16–17"),
    ("18-21", "18–21"),
    ("22-25", "22–25"),
)
FACES = {
    3: (N_("Not good"), N_("OK"), N_("Good")),
    5: (N_("Really bad"), N_("Bad"), N_("OK"), N_("Good"), N_("Really good")),
}


@dataclass(frozen=True)
class AnswerContext:
    """Facts from outside the survey that an answer is checked against."""

    places_taken: Mapping[str, int] = field(default_factory=dict)


def _fixed(*pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value=value, label={"en": label}) for value, label in pairs)


_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible characters that change how the text around them is shown, or hide a
# word from a search: bidirectional embeddings, overrides and isolates (an
# unclosed right-to-left override reverses the rest of a line wherever a quote is
# shown: a board page, an export, a chat), zero-width spaces, word joiners,
# invisible operators and byte order marks. Zero-width (non-)joiners stay, as
# emoji and Persian, Urdu and Indic spelling need them; so do the direction marks
# (LRM, RLM, ALM), which mixed Arabic and English can need and which reorder nothing.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff]")
# Half a UTF-16 pair, which only JSON can carry and no database can store as UTF-8.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(raw: str) -> str:
    """Normalise typed text: NFC, Unix newlines, no control or invisible characters, trimmed.

    A lone surrogate becomes U+FFFD, as bytes that are not UTF-8 do in a web form.
    """
    text = _LONE_SURROGATE.sub("\ufffd", raw)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _CONTROL.sub("", text)).strip()


def _given(raw: Sequence[str]) -> list[str]:
    return [value.strip() for value in raw if value is not None and value.strip()]


class QuestionType(ABC):
    name: ClassVar[str]
    takes_answer: ClassVar[bool] = True
    many: ClassVar[bool] = False  # the answer is a list of choice values
    has_places: ClassVar[bool] = False  # choices may fill up, counted across responses
    takes_words: ClassVar[bool] = False  # the answer is the young person's own words
    uses_own_choices: ClassVar[bool] = False  # definition must list choices
    empty_message: ClassVar[str] = N_("Please choose an answer.")

    def check(self, question: Question, where: str) -> None:
        """Raise SurveyDefinitionError when the definition cannot work."""
        if self.uses_own_choices and not question.choices:
            raise SurveyDefinitionError(f"{where}: a {self.name} question needs choices")

    def choices(self, question: Question) -> tuple[Choice, ...]:
        return question.choices

    def may_be_empty(self, question: Question, context: AnswerContext) -> bool:
        return not question.required or not self.takes_answer

    def example(self, question: Question, rng: random.Random, context: AnswerContext) -> list[str]:
        """A valid answer as a channel would send it: for demo data, tests and benchmarks."""
        return [rng.choice(self.choices(question)).value]

    @abstractmethod
    def parse(self, question: Question, raw: Sequence[str], context: AnswerContext) -> Any:
        """Return the answer to store, or None when nothing was given."""

    def _choice_values(self, question: Question, raw: Sequence[str]) -> list[str]:
        values = _given(raw)
        known = {c.value for c in self.choices(question)}
        if any(v not in known for v in values):
            raise AnswerError(N_("Please choose from the answers shown."))
        return values


class SingleChoice(QuestionType):
    name = "single_choice"
    uses_own_choices = True

    def parse(self, question, raw, context):
        values = self._choice_values(question, raw)
        if len(set(values)) > 1:
            raise AnswerError(N_("Please choose just one answer."))
        return values[0] if values else None


class MultipleChoice(QuestionType):
    name = "multiple_choice"
    many = True
    uses_own_choices = True
    empty_message = N_("Please choose at least one answer.")

    def check(self, question, where):
        super().check(question, where)
        if question.max_choices is not None and question.max_choices < 1:
            raise SurveyDefinitionError(f"{where}: max_choices must be at least 1")

    def parse(self, question, raw, context):
        values = list(dict.fromkeys(self._choice_values(question, raw)))
        if question.max_choices and len(values) > question.max_choices:
            raise AnswerError(
                N_("Please choose up to %(max)s answers."), {"max": question.max_choices}
            )
        return values or None

    def example(self, question, rng, context):
        values = [c.value for c in question.choices]
        return rng.sample(values, rng.randint(1, min(question.max_choices or len(values), len(values))))


class FixedChoice(QuestionType):
    """A type whose choices come from the engine (a definition may relabel them)."""

    @abstractmethod
    def fixed_choices(self, question: Question) -> tuple[Choice, ...]:
        """The engine's own choices for this type."""

    def choices(self, question):
        own = question.choices
        return own if own else self.fixed_choices(question)

    def check(self, question, where):
        if question.choices:
            expected = {c.value for c in self.fixed_choices(question)}
            if {c.value for c in question.choices} != expected:
                raise SurveyDefinitionError(
                    f"{where}: {self.name} choices must use the values {sorted(expected)}"
                )

    def parse(self, question, raw, context):
        values = self._choice_values(question, raw)
        if len(set(values)) > 1:
            raise AnswerError(N_("Please choose just one answer."))
        return self.to_value(values[0]) if values else None

    def to_value(self, value: str) -> Any:
        return value


class FacesScale(FixedChoice):
    name = "faces_scale"

    def check(self, question, where):
        if question.points not in FACES:
            raise SurveyDefinitionError(f"{where}: a faces scale has 3 or 5 points")
        super().check(question, where)

    def fixed_choices(self, question):
        labels = FACES.get(question.points or 5, FACES[5])
        return _fixed(*((str(i), label) for i, label in enumerate(labels, start=1)))

    def to_value(self, value):
        return int(value)


class ZeroToTen(FixedChoice):
    name = "scale_0_10"

    def fixed_choices(self, question):
        return _fixed(*((str(i), str(i)) for i in range(11)))

    def to_value(self, value):
        return int(value)


class YesNoNotSure(FixedChoice):
    name = "yes_no"

    def fixed_choices(self, question):
        return _fixed(("yes", N_("Yes")), ("no", N_("No")), ("not_sure", N_("Not sure")))


class AgeBand(FixedChoice):
    name = "age_band"

    def fixed_choices(self, question):
        return _fixed(*DEFAULT_AGE_BANDS)

    def check(self, question, where):
        """A survey may list its own bands, e.g. 7-8 and 9-10 for a primary school."""


class FreeText(QuestionType):
    name = "free_text"
    takes_words = True
    empty_message = N_("Please write an answer.")

    def check(self, question, where):
        if question.max_length is not None and question.max_length < 1:
            raise SurveyDefinitionError(f"{where}: max_length must be at least 1")

    def parse(self, question, raw, context):
        text = clean_text("\n".join(v for v in raw if v))
        limit = question.max_length or DEFAULT_MAX_LENGTH
        if len(text) > limit:
            raise AnswerError(
                N_("That is a bit long. Please use up to %(max)s characters (you wrote %(count)s)."),
                {"max": limit, "count": len(text)},
            )
        return text or None

    def example(self, question, rng, context):
        text = rng.choice(("More things to do after school.", "I feel OK.", "Not sure really."))
        return [text[: question.max_length or DEFAULT_MAX_LENGTH].strip() or "x"]


class Number(QuestionType):
    name = "number"
    empty_message = N_("Please write a number.")

    def check(self, question, where):
        low, high = question.minimum, question.maximum
        if low is not None and high is not None and low > high:
            raise SurveyDefinitionError(f"{where}: minimum is above maximum")

    def parse(self, question, raw, context):
        values = _given(raw)
        if not values:
            return None
        typed = values[0].replace(" ", "")
        if _THOUSANDS.fullmatch(typed):
            typed = typed.replace(",", "")  # 1,000 as written in English
        elif typed.count(",") == 1 and "." not in typed:
            typed = typed.replace(",", ".")  # a decimal comma, as in Polish or Romanian
        try:
            number = float(typed)
        except ValueError:
            raise AnswerError(N_("Please write a number, like 12.")) from None
        if not math.isfinite(number):
            raise AnswerError(N_("Please write a number, like 12."))
        low, high = question.minimum, question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            raise AnswerError(
                N_("Please write a number from %(min)s to %(max)s."),
                {"min": _show(low, "…"), "max": _show(high, "…")},
            )
        return int(number) if number.is_integer() else number

    def example(self, question, rng, context):
        low, high = question.minimum, question.maximum
        if low is None:
            low = min(0, high) if high is not None else 0
        if high is None:
            high = low + 20
        if math.ceil(low) > math.floor(high):  # no whole number between two close bounds
            return [repr(float(low))]
        return [str(rng.randint(math.ceil(low), math.floor(high)))]


def _show(number: float | None, missing: str) -> str:
    if number is None:
        return missing
    return str(int(number)) if float(number).is_integer() else str(number)


class RankedBallot(QuestionType):
    """Pick your top N, in order: the first value is the first choice."""

    name = "ranked_ballot"
    many = True
    uses_own_choices = True
    empty_message = N_("Please pick at least one.")

    def check(self, question, where):
        super().check(question, where)
        if not question.pick or question.pick < 1:
            raise SurveyDefinitionError(f"{where}: a {self.name} question needs pick of 1 or more")
        if question.pick > len(question.choices):
            raise SurveyDefinitionError(f"{where}: pick is more than the number of choices")

    def parse(self, question, raw, context):
        values = self._choice_values(question, raw)
        repeated = next((v for v in values if values.count(v) > 1), None)
        if repeated:
            raise AnswerError(
                N_("You picked “%(choice)s” more than once. Please pick different ones."),
                {"choice": question.choice(repeated).label_in()},
            )
        if len(values) > question.pick:
            raise AnswerError(N_("Please pick up to %(pick)s."), {"pick": question.pick})
        return values or None

    def example(self, question, rng, context):
        return rng.sample([c.value for c in question.choices], rng.randint(1, question.pick))


class WorkshopChoice(RankedBallot):
    """Pick N sessions; a full session cannot be picked."""

    name = "workshop_choice"
    has_places = True
    empty_message = N_("Please pick your workshops.")

    def check(self, question, where):
        super().check(question, where)
        if any(c.capacity is not None and c.capacity < 0 for c in question.choices):
            raise SurveyDefinitionError(f"{where}: a capacity cannot be negative")

    @staticmethod
    def open_choices(question: Question, context: AnswerContext) -> list[Choice]:
        return [
            c
            for c in question.choices
            if c.capacity is None or context.places_taken.get(c.value, 0) < c.capacity
        ]

    def may_be_empty(self, question, context):
        """Nobody can be made to pick when every workshop is full."""
        return super().may_be_empty(question, context) or not self.open_choices(question, context)

    def parse(self, question, raw, context):
        values = super().parse(question, raw, context) or []
        open_values = {c.value for c in self.open_choices(question, context)}
        full = next((v for v in values if v not in open_values), None)
        if full:
            raise AnswerError(
                N_("Sorry, “%(choice)s” is full now. Please pick another one."),
                {"choice": question.choice(full).label_in()},
            )
        needed = min(question.pick, len(open_values))
        if values and len(values) < needed:
            raise AnswerError(N_("Please pick %(pick)s workshops."), {"pick": needed})
        return values or None

    def example(self, question, rng, context):
        open_values = [c.value for c in self.open_choices(question, context)]
        return rng.sample(open_values, min(question.pick, len(open_values)))


class Information(QuestionType):
    """A screen of words with nothing to answer."""

    name = "info"
    takes_answer = False

    def parse(self, question, raw, context):
        return None

    def example(self, question, rng, context):
        return []


QUESTION_TYPES: dict[str, QuestionType] = {
    kind.name: kind()
    for kind in (
        SingleChoice,
        MultipleChoice,
        FacesScale,
        ZeroToTen,
        YesNoNotSure,
        FreeText,
        Number,
        AgeBand,
        RankedBallot,
        WorkshopChoice,
        Information,
    )
}


def get_question_type(name: str) -> QuestionType:
    try:
        return QUESTION_TYPES[name]
    except KeyError:
        known = ", ".join(sorted(QUESTION_TYPES))
        raise UnknownQuestionType(f"unknown question type '{name}' (known: {known})") from None
