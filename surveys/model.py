"""Survey definitions as plain, immutable dataclasses."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from surveys.i18n import DEFAULT_LANGUAGE, localise

# Stored as the whole answer when a young person chooses not to say.
PREFER_NOT_TO_SAY = "prefer_not_to_say"

CONSULTATION_KINDS = (
    "square_table",
    "lifestyle_survey",
    "staying_safe_conference",
    "youth_ballot",
    "service_feedback",
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: Mapping[str, str]
    capacity: int | None = None  # places, for workshop choices

    def label_in(self, language: str = DEFAULT_LANGUAGE) -> str:
        return localise(self.label, language)


@dataclass(frozen=True)
class Condition:
    """Show a question only when earlier answers meet this.

    A leaf compares one earlier answer (``question``, ``op``, ``value``); a
    group combines ``conditions`` with ``op`` of ``all``, ``any`` or ``not``.
    """

    op: str
    question: str | None = None
    value: Any = None
    conditions: tuple[Condition, ...] = ()

    def questions(self) -> set[str]:
        """Every question id this condition reads."""
        found = {self.question} if self.question else set()
        for inner in self.conditions:
            found |= inner.questions()
        return found


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: Mapping[str, str]
    hint: Mapping[str, str] | None = None
    required: bool = True
    prefer_not_to_say: bool = True
    choices: tuple[Choice, ...] = ()
    show_if: Condition | None = None
    max_length: int | None = None  # free text
    minimum: float | None = None  # number
    maximum: float | None = None  # number
    max_choices: int | None = None  # multiple choice
    pick: int | None = None  # ranked ballot and workshop choice: how many
    points: int | None = None  # faces scale: 3 or 5

    def text_in(self, language: str = DEFAULT_LANGUAGE) -> str:
        return localise(self.text, language)

    def hint_in(self, language: str = DEFAULT_LANGUAGE) -> str:
        return localise(self.hint, language)

    @property
    def kind(self):
        """The registered question type that gives this question its rules."""
        from surveys.question_types import get_question_type

        return get_question_type(self.type)

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.kind.choices(self) if c.value == value), None)


@dataclass(frozen=True)
class Survey:
    id: str
    kind: str
    title: Mapping[str, str]
    questions: tuple[Question, ...]
    intro: Mapping[str, str] | None = None
    thank_you: Mapping[str, str] | None = None
    min_age: int | None = None
    max_age: int | None = None
    languages: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    _index: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {q.id: i for i, q in enumerate(self.questions)})

    def title_in(self, language: str = DEFAULT_LANGUAGE) -> str:
        return localise(self.title, language)

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[self._index[question_id]]
        except KeyError:
            raise KeyError(f"no question {question_id!r} in survey {self.id!r}") from None

    def position(self, question_id: str) -> int:
        return self._index[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._index
