"""Survey definitions to and from a readable YAML text.

A definition is checked as a whole when it is read: a survey that loads is a
survey the runner can run (known types, unique ids, branching that only looks
back at earlier questions). Errors say where: ``question 3 ('why'): ...``.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import yaml

from surveys.conditions import checked_condition, dump_condition, parse_condition
from surveys.errors import SurveyDefinitionError
from surveys.i18n import DEFAULT_LANGUAGE, as_localised
from surveys.model import CONSULTATION_KINDS, Choice, Question, Survey
from surveys.question_types import get_question_type

_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_QUESTION_KEYS = {
    "id", "type", "text", "hint", "required", "prefer_not_to_say", "choices", "show_if",
    "max_length", "minimum", "maximum", "max_choices", "pick", "points",
}
_SURVEY_KEYS = {"id", "kind", "title", "intro", "thank_you", "audience", "languages", "questions"}


def loads(text: str) -> Survey:
    """Read a survey from its YAML text."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SurveyDefinitionError(f"not readable as YAML: {exc}") from None
    return from_dict(data)


class _Dumper(yaml.SafeDumper):
    """PyYAML folds NEL (U+0085) into a space in plain and single-quoted scalars."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if "\x85" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps(survey: Survey) -> str:
    return yaml.dump(
        to_dict(survey), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88
    )


def from_dict(data: Any) -> Survey:
    if not isinstance(data, Mapping):
        raise SurveyDefinitionError("a survey must be a mapping with 'questions'")
    _no_unknown_keys(data, _SURVEY_KEYS, "survey")
    survey_id = data.get("id", "survey")
    if not isinstance(survey_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", survey_id):
        raise SurveyDefinitionError("survey: id must be lower-case letters, digits, - or _")
    kind = data.get("kind", "service_feedback")
    if kind not in CONSULTATION_KINDS:
        raise SurveyDefinitionError(
            f"survey: unknown kind '{kind}' (known: {', '.join(CONSULTATION_KINDS)})"
        )
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise SurveyDefinitionError("survey: needs a list of questions")
    questions: list[Question] = []
    for number, raw in enumerate(raw_questions, start=1):
        questions.append(_question(raw, number, {q.id: q for q in questions}))
    audience = data.get("audience") or {}
    if not isinstance(audience, Mapping):
        raise SurveyDefinitionError("survey: audience must give min_age and max_age")
    min_age, max_age = audience.get("min_age"), audience.get("max_age")
    for name, age in (("min_age", min_age), ("max_age", max_age)):
        if age is not None and (
            not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 120
        ):
            raise SurveyDefinitionError(f"survey: audience {name} must be a whole number of years")
    if min_age is not None and max_age is not None and min_age > max_age:
        raise SurveyDefinitionError("survey: audience min_age is above max_age")
    languages = data.get("languages", [DEFAULT_LANGUAGE])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise SurveyDefinitionError("survey: languages must be a list of language codes")
    return Survey(
        id=survey_id,
        kind=kind,
        title=as_localised(data.get("title", survey_id), "survey title"),
        intro=_optional_words(data, "intro", "survey intro"),
        thank_you=_optional_words(data, "thank_you", "survey thank_you"),
        min_age=min_age,
        max_age=max_age,
        languages=tuple(languages),
        questions=tuple(questions),
    )


def _question(raw: Any, number: int, earlier: Mapping[str, Question]) -> Question:
    where = f"question {number}"
    if not isinstance(raw, Mapping):
        raise SurveyDefinitionError(f"{where}: must be a mapping")
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.fullmatch(qid):
        raise SurveyDefinitionError(
            f"{where}: id must start with a letter and use a-z, 0-9 and _ (got {qid!r})"
        )
    where = f"question {number} ('{qid}')"
    if qid in earlier:
        raise SurveyDefinitionError(f"{where}: the id is used twice")
    _no_unknown_keys(raw, _QUESTION_KEYS, where)
    try:
        kind = get_question_type(str(raw.get("type")))
    except SurveyDefinitionError as error:
        raise type(error)(f"{where}: {error}") from None
    show_if = None
    if raw.get("show_if") is not None:
        show_if = checked_condition(parse_condition(raw["show_if"], where), earlier, where)
    question = Question(
        id=qid,
        type=kind.name,
        text=as_localised(raw.get("text"), f"{where} text"),
        hint=_optional_words(raw, "hint", f"{where} hint"),
        required=_flag(raw, "required", True, where),
        prefer_not_to_say=_flag(raw, "prefer_not_to_say", True, where),
        choices=_choices(raw.get("choices"), where),
        show_if=show_if,
        max_length=_whole(raw, "max_length", where),
        minimum=_number(raw, "minimum", where),
        maximum=_number(raw, "maximum", where),
        max_choices=_whole(raw, "max_choices", where),
        pick=_whole(raw, "pick", where),
        points=_whole(raw, "points", where),
    )
    kind.check(question, where)
    return question


def _choices(raw: Any, where: str) -> tuple[Choice, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise SurveyDefinitionError(f"{where}: choices must be a list")
    choices: list[Choice] = []
    for item in raw:
        if isinstance(item, str):
            item = {"value": _slug(item), "label": item}
        if not isinstance(item, Mapping) or "value" not in item:
            raise SurveyDefinitionError(f"{where}: each choice needs a value and a label")
        value = str(item["value"])
        if not 0 < len(value) <= 64:
            raise SurveyDefinitionError(f"{where}: a choice value must be 1 to 64 characters")
        capacity = item.get("capacity")
        if capacity is not None and (not isinstance(capacity, int) or isinstance(capacity, bool)):
            raise SurveyDefinitionError(f"{where}: capacity of '{value}' must be a whole number")
        choices.append(
            Choice(
                value=value,
                label=as_localised(item.get("label", value), f"{where} choice '{value}'"),
                capacity=capacity,
            )
        )
    values = [c.value for c in choices]
    if len(set(values)) != len(values):
        raise SurveyDefinitionError(f"{where}: two choices share a value")
    return tuple(choices)


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "choice"


def _no_unknown_keys(raw: Mapping, allowed: set[str], where: str) -> None:
    unknown = sorted(map(str, set(raw) - allowed))
    if unknown:
        raise SurveyDefinitionError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}")


def _optional_words(raw: Mapping, key: str, where: str) -> dict[str, str] | None:
    return as_localised(raw[key], where) if raw.get(key) is not None else None


def _flag(raw: Mapping, key: str, default: bool, where: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise SurveyDefinitionError(f"{where}: {key} must be true or false")
    return value


def _whole(raw: Mapping, key: str, where: str) -> int | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise SurveyDefinitionError(f"{where}: {key} must be a whole number")
    return value


def _number(raw: Mapping, key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is not None and (
        not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value)
    ):
        raise SurveyDefinitionError(f"{where}: {key} must be a number")
    return value


def to_dict(survey: Survey) -> dict[str, Any]:
    data: dict[str, Any] = {"id": survey.id, "kind": survey.kind, "title": _words(survey.title)}
    if survey.intro:
        data["intro"] = _words(survey.intro)
    if survey.thank_you:
        data["thank_you"] = _words(survey.thank_you)
    if survey.min_age is not None or survey.max_age is not None:
        data["audience"] = {"min_age": survey.min_age, "max_age": survey.max_age}
    if survey.languages != (DEFAULT_LANGUAGE,):
        data["languages"] = list(survey.languages)
    data["questions"] = [_question_dict(q) for q in survey.questions]
    return data


def _question_dict(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "type": question.type, "text": _words(question.text)}
    if question.hint:
        data["hint"] = _words(question.hint)
    if not question.required:
        data["required"] = False
    if not question.prefer_not_to_say:
        data["prefer_not_to_say"] = False
    for key in ("max_length", "minimum", "maximum", "max_choices", "pick", "points"):
        if getattr(question, key) is not None:
            data[key] = getattr(question, key)
    if question.choices:
        data["choices"] = [_choice_dict(c) for c in question.choices]
    if question.show_if is not None:
        data["show_if"] = dump_condition(question.show_if)
    return data


def _choice_dict(choice: Choice) -> dict[str, Any]:
    data: dict[str, Any] = {"value": choice.value, "label": _words(choice.label)}
    if choice.capacity is not None:
        data["capacity"] = choice.capacity
    return data


def _words(text: Mapping[str, str]) -> str | dict[str, str]:
    return text[DEFAULT_LANGUAGE] if set(text) == {DEFAULT_LANGUAGE} else dict(text)
