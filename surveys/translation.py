"""A survey's own words, out to a translator as a gettext catalogue and back.

Every piece of survey wording a young person reads is a *unit* with a stable
context key (``survey:title``, ``question:feel:text``,
``question:feel:choice:yes``), so a translation follows the question or choice
it belongs to even when the English is moved around. A PO file carries the key
as ``msgctxt``, the English as ``msgid`` and the translation as ``msgstr``.

Reading a PO back never applies a translation that may be wrong: when the
English changed since the file was made the entry is *stale*; when its key is
gone it is *unknown*; when it drops a placeholder, a tag or a number from the
English (``0800 1111`` must survive) it is *rejected*. Fuzzy and empty entries
are a translator's unfinished work and are skipped.

The engine's own words (faces, Yes / No / Not sure, the default age bands) are
not units: they are translated with the app's catalogue. A question that
relabels them lists its own choices, and those are units.
"""
from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from surveys.errors import SurveyDefinitionError
from surveys.i18n import DEFAULT_LANGUAGE
from surveys.model import Choice, Question, Survey

PROJECT = "Engage survey"


class TranslationFileError(SurveyDefinitionError):
    """A file that cannot be read as a translation of this survey."""


@dataclass(frozen=True)
class Unit:
    """One piece of wording a young person sees, with where it sits."""

    key: str
    text: Mapping[str, str]
    where: str  # for the translator, e.g. "question 3 (feel), choice"

    @property
    def english(self) -> str:
        return self.text.get(DEFAULT_LANGUAGE, "")

    def translated(self, language: str) -> bool:
        return bool(self.text.get(language, "").strip())


@dataclass(frozen=True)
class ImportResult:
    """What reading a PO did: the new survey and what was left out, by key."""

    survey: Survey
    language: str
    applied: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()  # the same translation was there already
    stale: tuple[str, ...] = ()  # the English changed since the file was made
    unknown: tuple[str, ...] = ()  # no such unit any more
    rejected: tuple[tuple[str, str], ...] = ()  # (key, why): placeholders do not match
    skipped: int = 0  # fuzzy or empty entries

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass(frozen=True)
class Completeness:
    language: str
    translated: int
    total: int
    missing: tuple[str, ...]  # unit keys

    @property
    def complete(self) -> bool:
        return not self.missing


def units(survey: Survey) -> list[Unit]:
    """Every translatable piece of the survey's wording, in the order it is seen."""
    return [unit for unit in _all_units(survey) if _has_words(unit.english)]


def _all_units(survey: Survey) -> Iterator[Unit]:
    yield Unit("survey:title", survey.title, "survey title")
    if survey.intro:
        yield Unit("survey:intro", survey.intro, "survey introduction")
    for number, question in enumerate(survey.questions, start=1):
        where = f"question {number} ({question.id})"
        yield Unit(f"question:{question.id}:text", question.text, f"{where}, {question.type}")
        if question.hint:
            yield Unit(f"question:{question.id}:hint", question.hint, f"{where}, hint")
        for choice in question.choices:
            yield Unit(
                f"question:{question.id}:choice:{choice.value}", choice.label, f"{where}, choice"
            )
    if survey.thank_you:
        yield Unit("survey:thank_you", survey.thank_you, "thank-you page")


def _has_words(text: str) -> bool:
    """"16" or "11–13" reads the same in every language: not worth a translator's time."""
    return any(ch.isalpha() for ch in text)


def completeness(survey: Survey, language: str) -> Completeness:
    found = units(survey)
    missing = tuple(u.key for u in found if not u.translated(language))
    return Completeness(language, len(found) - len(missing), len(found), missing)


def languages_in(survey: Survey) -> tuple[str, ...]:
    """English first, then each language at least one unit is translated into."""
    found = [DEFAULT_LANGUAGE]
    for language in survey.languages:
        if language not in found:
            found.append(language)
    for unit in units(survey):
        found += [code for code, text in unit.text.items() if code not in found and text.strip()]
    return tuple(found)


# --- out to a translator ------------------------------------------------------


def catalogue(survey: Survey, language: str | None = None) -> Catalog:
    """The survey's units as a catalogue; with no language, an empty template (.pot)."""
    catalog = Catalog(
        locale=_locale(language) if language else None,
        project=f"{PROJECT} {survey.id}",
        version="1",
        header_comment=(
            f"# Translation of the Engage survey '{survey.id}'.\n"
            "# msgctxt says which question or choice each line belongs to; keep it as it is.\n"
            "# Keep %(name)s and {name} placeholders, <tags> and numbers (phone numbers!)\n"
            "# exactly as they are in the English."
        ),
        fuzzy=False,
    )
    for unit in units(survey):
        catalog.add(
            unit.english,
            unit.text.get(language, "") if language else "",
            auto_comments=[unit.where],
            context=unit.key,
        )
    return catalog


def export_po(survey: Survey, language: str | None = None) -> bytes:
    """A PO file of the survey for ``language`` (a POT template when None)."""
    if language == DEFAULT_LANGUAGE:
        raise TranslationFileError("English is the language translated from, not into")
    output = io.BytesIO()
    write_po(output, catalogue(survey, language), width=0, omit_header=False,
             include_previous=False, sort_output=False)
    return output.getvalue()


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        raise TranslationFileError(f"unknown language {language!r}") from None


# --- back from a translator ---------------------------------------------------


def read_catalogue(data: bytes) -> Catalog:
    """Parse a PO file, refusing anything that is not one."""
    if not data.strip():
        raise TranslationFileError("the file is empty")
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        raise TranslationFileError(f"not a readable PO file ({error})") from None
    if not any(message.id for message in catalog):
        raise TranslationFileError("the file has no translations in it")
    return catalog


def po_language(catalog: Catalog) -> str | None:
    """The language the PO header names, as a code like ``cy`` or ``pt_BR``."""
    return str(catalog.locale) if catalog.locale else None


def import_po(survey: Survey, data: bytes | Catalog, language: str | None = None) -> ImportResult:
    """Merge a translator's PO into a new survey; report what could not be used.

    ``language`` defaults to the PO's own Language header; when both are given
    they must agree.
    """
    catalog = data if isinstance(data, Catalog) else read_catalogue(data)
    language = _language_of(catalog, language)
    by_key = {unit.key: unit for unit in units(survey)}
    new_words: dict[str, str] = {}
    stale: list[str] = []
    unknown: list[str] = []
    rejected: list[tuple[str, str]] = []
    unchanged: list[str] = []
    skipped = 0
    for message in catalog:
        if not message.id:
            continue  # the header
        key = message.context or ""
        translation = message.string if isinstance(message.string, str) else ""
        if message.fuzzy or not translation.strip():
            skipped += 1
            continue
        unit = by_key.get(key)
        if unit is None:
            unknown.append(key or message.id)
        elif message.id != unit.english:
            stale.append(key)
        elif problem := mismatch(unit.english, translation):
            rejected.append((key, problem))
        elif unit.text.get(language) == translation:
            unchanged.append(key)
        else:
            new_words[key] = translation
    merged = merge(survey, language, new_words)
    return ImportResult(
        survey=merged,
        language=language,
        applied=tuple(new_words),
        unchanged=tuple(unchanged),
        stale=tuple(stale),
        unknown=tuple(unknown),
        rejected=tuple(rejected),
        skipped=skipped,
    )


def _language_of(catalog: Catalog, language: str | None) -> str:
    named = po_language(catalog)
    if language is None:
        if named is None:
            raise TranslationFileError("the file does not say its language (no Language header)")
        language = named
    elif named is not None and named != language:
        raise TranslationFileError(f"the file is in {named!r}, not {language!r}")
    if language == DEFAULT_LANGUAGE:
        raise TranslationFileError("English is the language translated from, not into")
    _locale(language)
    return language


def merge(survey: Survey, language: str, words: Mapping[str, str]) -> Survey:
    """A new survey with ``words`` (by unit key) set for ``language``."""
    if not words:
        return survey

    def put(key: str, text: Mapping[str, str] | None) -> Mapping[str, str] | None:
        if text is None or key not in words:
            return text
        return {**text, language: words[key]}

    def choice(question: Question, item: Choice) -> Choice:
        label = put(f"question:{question.id}:choice:{item.value}", item.label)
        return dataclasses.replace(item, label=label)

    def question(item: Question) -> Question:
        return dataclasses.replace(
            item,
            text=put(f"question:{item.id}:text", item.text),
            hint=put(f"question:{item.id}:hint", item.hint),
            choices=tuple(choice(item, c) for c in item.choices),
        )

    merged = dataclasses.replace(
        survey,
        title=put("survey:title", survey.title),
        intro=put("survey:intro", survey.intro),
        thank_you=put("survey:thank_you", survey.thank_you),
        questions=tuple(question(q) for q in survey.questions),
    )
    return dataclasses.replace(merged, languages=languages_in(merged))


# --- what must survive translation ---------------------------------------------

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|</?[A-Za-z][^<>]*>|https?://\S+")
_DIGITS = re.compile(r"\d+")


def mismatch(english: str, translation: str) -> str | None:
    """Why the translation cannot stand in for the English, or None when it can."""
    want, got = Counter(_PLACEHOLDER.findall(english)), Counter(_PLACEHOLDER.findall(translation))
    if want != got:
        lost = sorted((want - got).elements())
        extra = sorted((got - want).elements())
        parts = [f"missing {', '.join(lost)}" if lost else "", f"extra {', '.join(extra)}" if extra else ""]
        return "placeholders or markup differ: " + "; ".join(p for p in parts if p)
    lost_numbers = _numbers(english) - _numbers(translation)
    if lost_numbers:
        return f"numbers missing: {' '.join(sorted(lost_numbers))}"
    return None


def _numbers(text: str) -> set[str]:
    """Runs of 3 or more digits (phone numbers), in any script's digits, as ASCII."""
    ascii_digits = "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text
    )
    return {run for run in _DIGITS.findall(ascii_digits) if len(run) >= 3}


def pot_units_match(data: bytes, survey: Survey) -> bool:
    """Whether a PO template holds exactly the survey's units, in order, with its English."""
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError):
        return False
    found = [(m.context, m.id, tuple(m.auto_comments)) for m in catalog if m.id]
    return found == [(u.key, u.english, (u.where,)) for u in units(survey)]
