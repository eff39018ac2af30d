"""Built-in survey templates, one YAML file per consultation kind.

Their translations ship beside them as ``translations/<language>/<template>.po``
and are merged in when a template is loaded; ``translations/<template>.pot``
is the English a translator starts from (``engage surveys translations template``
writes them). A language with no PO simply is not offered by that template.
"""
from __future__ import annotations

import logging
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from surveys.errors import SurveyDefinitionError
from surveys.model import Survey
from surveys.textformat import loads
from surveys.translation import TranslationFileError, export_po, import_po, pot_units_match, units

logger = logging.getLogger(__name__)

TRANSLATIONS: Traversable = resources.files(__package__).joinpath("translations")
SOURCE_TRANSLATIONS = Path(__file__).parent / "translations"  # where the .pot files are written


def template_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".yaml")
    )


def template_text(name: str) -> str:
    if name not in template_names():
        raise SurveyDefinitionError(
            f"no template '{name}' (templates: {', '.join(template_names())})"
        )
    return resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def load_template(name: str) -> Survey:
    """The template in English plus every translation shipped for it."""
    return with_translations(loads(template_text(name)), name)


def english_template(name: str) -> Survey:
    """The template as written, before any translation is merged."""
    return loads(template_text(name))


def translation_files(name: str) -> dict[str, Traversable]:
    """The shipped PO of template ``name`` per language code."""
    if not TRANSLATIONS.is_dir():
        return {}
    found = {}
    for folder in sorted(TRANSLATIONS.iterdir(), key=lambda entry: entry.name):
        po = folder.joinpath(f"{name}.po") if folder.is_dir() else None
        if po is not None and po.is_file():
            found[folder.name] = po
    return found


def with_translations(survey: Survey, name: str) -> Survey:
    for language, po in translation_files(name).items():
        try:
            result = import_po(survey, po.read_bytes(), language)
        except TranslationFileError as error:
            logger.warning("template %s: %s/%s.po not used: %s", name, language, name, error)
            continue
        left_out = len(result.stale) + len(result.unknown) + len(result.rejected)
        if left_out:
            logger.warning(
                "template %s: %s/%s.po has %d stale, %d unknown and %d rejected entries",
                name, language, name, len(result.stale), len(result.unknown), len(result.rejected),
            )
        survey = result.survey
    return survey


def template_pot(name: str) -> bytes:
    """The English of template ``name`` as a PO template for translators."""
    return export_po(english_template(name))


def write_template_pots(folder: Path) -> list[tuple[str, int, bool]]:
    """Write ``<template>.pot`` for every template into ``folder``.

    A file whose units are already right is left alone, so its creation date
    (and the diff) only moves when the English does. Returns (name, units, written).
    """
    folder.mkdir(parents=True, exist_ok=True)
    report = []
    for name in template_names():
        path = folder / f"{name}.pot"
        survey = english_template(name)
        current = path.read_bytes() if path.is_file() else None
        written = current is None or not pot_units_match(current, survey)
        if written:
            path.write_bytes(export_po(survey))
        report.append((name, len(units(survey)), written))
    return report
