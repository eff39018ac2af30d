"""Translating a consultation's survey: how complete each language is, PO out, PO in.

A PO coming back is merged into the survey as it stands when it is saved, and
saved through the builder's ``edit_survey``: a version someone has answered is
never changed, a new version is made instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from engage.models import Consultation, User
from engage.services import audit
from engage.services.builder import edit_survey
from engage.services.consultations import survey_of
from engage.services.errors import ServiceError
from surveys import Survey
from surveys.i18n import DEFAULT_LANGUAGE
from surveys.translation import (
    Completeness,
    ImportResult,
    TranslationFileError,
    completeness,
    export_po,
    import_po,
    po_language,
    read_catalogue,
)


class TranslationRejected(ServiceError):
    """A translation file or language that cannot be used; the message says why."""


@dataclass(frozen=True)
class TranslationImport:
    result: ImportResult
    version: int  # the survey version now current
    new_version: bool

    @property
    def applied(self) -> int:
        return len(self.result.applied)

    @property
    def stale(self) -> int:
        return len(self.result.stale)

    @property
    def unknown(self) -> int:
        return len(self.result.unknown)

    @property
    def rejected(self) -> int:
        return len(self.result.rejected)


def target_languages() -> list[str]:
    """The languages a survey can be translated into: the app's, less English."""
    return [code for code in current_app.config["LANGUAGES"] if code != DEFAULT_LANGUAGE]


def check_language(language: str | None) -> str:
    languages = target_languages()
    if language not in languages:
        raise TranslationRejected(
            f"Engage does not offer the language {language!r}; choose one of {', '.join(languages)}."
        )
    return language


def status(consultation: Consultation) -> list[Completeness]:
    """How much of the current survey is translated, for each language Engage offers."""
    survey = survey_of(consultation)
    return [completeness(survey, language) for language in target_languages()]


def export_translation(consultation: Consultation, language: str) -> bytes:
    """The current survey's words as a PO file for ``language``, with what is translated so far."""
    return export_po(survey_of(consultation), check_language(language))


def import_translation(
    consultation: Consultation, data: bytes, by: User | None, language: str | None = None
) -> TranslationImport:
    """Merge a translator's PO into the survey; report what was applied and what was not.

    The language is the file's own (its Language header) unless given; both
    must be a language Engage offers.
    """
    try:
        catalog = read_catalogue(data)
        check_language(language or po_language(catalog))
    except TranslationFileError as error:
        raise TranslationRejected(f"That file cannot be used: {error}.") from None
    outcome: list[ImportResult] = []

    def change(survey: Survey) -> Survey:
        outcome.append(import_po(survey, catalog, language))
        return outcome[-1].survey

    try:
        saved = edit_survey(consultation, change, by)
    except TranslationFileError as error:
        raise TranslationRejected(f"That file cannot be used: {error}.") from None
    result = outcome[-1]
    audit.record(
        by, "imported translation", "consultation", consultation.join_code,
        language=result.language, applied=len(result.applied), stale=len(result.stale),
        unknown=len(result.unknown), rejected=len(result.rejected), version=saved.number,
    )
    return TranslationImport(result, saved.number, saved.new_version)
