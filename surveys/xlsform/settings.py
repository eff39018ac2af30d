"""The settings sheet: the form's title, id and default language, and Engage's own survey fields.

XLSForm has one row of settings. Engage adds what a survey has beyond a form
(its consultation kind, audience ages, intro and thank-you words, and a title
in each language) as ``engage::`` columns that other tools ignore.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from surveys.model import CONSULTATION_KINDS
from surveys.xlsform.columns import Row, table
from surveys.xlsform.languages import language_code
from surveys.xlsform.questions import whole

if TYPE_CHECKING:
    from surveys.xlsform.reader import _FormReader


@dataclass(frozen=True)
class FormSettings:
    id: str
    kind: str
    title: dict[str, str]
    intro: dict[str, str] | None
    thank_you: dict[str, str] | None
    min_age: int | None
    max_age: int | None
    languages: tuple[str, ...]  # as listed; empty: the languages the questions use


def read_settings(form: _FormReader, filename: str) -> FormSettings:
    """Sets ``form.default_language`` first, since the other sheets' plain labels are in it."""
    rows = table(form.book.sheets.get("settings"))
    row = rows[0] if rows else Row("settings", 2)
    written = row.get("default_language")
    if written and language_code(written) is None:
        form.problem(row, f"default_language '{written}' is not a language Engage knows: write it like "
                          "'English (en)'")
    elif written:
        form.default_language = language_code(written)
    kind = row.get("engage::kind") or "service_feedback"
    if kind not in CONSULTATION_KINDS:
        form.problem(row, f"engage::kind '{kind}' is not one of {', '.join(CONSULTATION_KINDS)}")
    ages = [whole(form, row, "engage::min_age"), whole(form, row, "engage::max_age")]
    if any(age is not None and not 0 <= age <= 120 for age in ages) or (
        None not in ages and ages[0] > ages[1]
    ):
        form.problem(row, "engage::min_age and engage::max_age must be ages from 0 to 120, lowest first")
        ages = [None, None]
    stem = PurePath(filename).stem
    title_text = row.get("form_title") or row.get("title")
    title = {form.default_language: title_text} if title_text else {}
    title.update(form.words(row, "engage::title"))
    return FormSettings(
        id=_slug(row.get("form_id") or row.get("id_string") or stem),
        kind=kind,
        title=title or {form.default_language: stem.replace("_", " ").replace("-", " ").capitalize()},
        intro=form.words(row, "engage::intro") or None,
        thank_you=form.words(row, "engage::thank_you") or None,
        min_age=ages[0],
        max_age=ages[1],
        languages=tuple(row.get("engage::languages").split()),
    )


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.strip().lower()).strip("-_")[:64]
    return slug or "survey"
