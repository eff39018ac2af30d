"""``engage surveys``: bring a survey in from XLSForm (ODK, KoboToolbox) and take one out;
send its words to translators and take their translations back."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from engage.models import DRAFT, OPEN
from engage.services import consultations as consultation_service
from engage.services import translations as translation_service
from engage.services.errors import ConsultationNotFound
from engage.services.translations import TranslationRejected
from surveys.xlsform import XLSFormError, import_xlsform, write_xlsform


@click.group()
def surveys() -> None:
    """Import and export surveys as XLSForm spreadsheets; translate their words."""


def _consultation(join_code: str):
    try:
        return consultation_service.find_consultation(join_code)
    except ConsultationNotFound:
        raise click.ClickException(f"no consultation has the join code {join_code!r}") from None


@surveys.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", help="Defaults to the form's title.")
@click.option("--open", "open_now", is_flag=True, help="Take answers straight away.")
@with_appcontext
def import_command(file: Path, title: str | None, open_now: bool) -> None:
    """Create a consultation from an XLSForm (.xlsx, .xls, .csv or .md).

    Nothing is created unless the whole form can be used: every problem is
    listed with its sheet and row, so the form can be fixed in one go.
    """
    try:
        imported = import_xlsform(file)
    except XLSFormError as error:
        raise click.ClickException(f"{file.name}: {error}") from None
    consultation = consultation_service.create_consultation(
        imported.survey, title=title, status=OPEN if open_now else DRAFT
    )
    click.echo(f"{consultation.join_code}  {consultation.status}  {consultation.title}")
    click.echo(f"{len(imported.survey.questions)} questions")
    if imported.notes:
        click.echo("Notes:")
        for note in imported.notes:
            click.echo(f"- {note}")


@surveys.command("export")
@click.argument("join_code")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The .xlsx file to write.")
@with_appcontext
def export_command(join_code: str, output: Path) -> None:
    """Write a consultation's current survey as an XLSForm .xlsx."""
    consultation = _consultation(join_code)
    survey = consultation_service.survey_of(consultation)
    output.write_bytes(write_xlsform(survey))
    click.echo(f"{output}  {len(survey.questions)} questions  {consultation.title}")


@surveys.group("translations")
def translations() -> None:
    """Survey wording to and from translators as gettext PO files."""


@translations.command("template")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the .pot files (default: surveys/templates/translations).")
def template_command(folder: Path | None) -> None:
    """Write the English of every built-in template as <template>.pot for translators.

    A .pot whose English has not changed is left as it is.
    """
    from surveys.templates import SOURCE_TRANSLATIONS, write_template_pots

    folder = folder or SOURCE_TRANSLATIONS
    for name, count, written in write_template_pots(folder):
        click.echo(f"{folder / (name + '.pot')}  {count} units  {'written' if written else 'up to date'}")


@translations.command("export")
@click.argument("join_code")
@click.option("-l", "--language", required=True, help="The language to translate into, e.g. cy.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The .po file to write.")
@with_appcontext
def translation_export_command(join_code: str, language: str, output: Path) -> None:
    """Write a consultation's survey wording as a PO file for a translator."""
    consultation = _consultation(join_code)
    try:
        output.write_bytes(translation_service.export_translation(consultation, language))
    except TranslationRejected as error:
        raise click.ClickException(str(error)) from None
    done = next(s for s in translation_service.status(consultation) if s.language == language)
    click.echo(f"{output}  {language}  {done.translated} of {done.total} translated  {consultation.title}")


@translations.command("import")
@click.argument("join_code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-l", "--language", help="Defaults to the Language the file names.")
@with_appcontext
def translation_import_command(join_code: str, file: Path, language: str | None) -> None:
    """Merge a translator's PO file into a consultation's survey (a new version once answered).

    Entries whose English changed since the file was made (stale), whose
    question or choice is gone (unknown), or that lose a placeholder or a
    number (rejected) are listed and not used; fuzzy and empty ones are skipped.
    """
    consultation = _consultation(join_code)
    try:
        done = translation_service.import_translation(consultation, file.read_bytes(), None, language)
    except TranslationRejected as error:
        raise click.ClickException(f"{file.name}: {error}") from None
    result = done.result
    click.echo(
        f"{result.language}: {done.applied} applied, {done.stale} stale, {done.unknown} unknown, "
        f"{done.rejected} rejected, {len(result.unchanged)} unchanged, {result.skipped} skipped (fuzzy or empty)"
    )
    click.echo(f"survey version {done.version}{' (new)' if done.new_version else ''}")
    for key in result.stale:
        click.echo(f"stale (the English changed, check the translation): {key}")
    for key in result.unknown:
        click.echo(f"unknown (no such question or choice now): {key}")
    for key, why in result.rejected:
        click.echo(f"rejected {key}: {why}")
