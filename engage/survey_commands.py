"""``engage surveys``: bring a survey in from XLSForm (ODK, KoboToolbox) and take one out."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from engage.models import DRAFT, OPEN
from engage.services import consultations as consultation_service
from engage.services.errors import ConsultationNotFound
from surveys.xlsform import XLSFormError, import_xlsform, write_xlsform


@click.group()
def surveys() -> None:
    """Import and export surveys as XLSForm spreadsheets."""


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
    try:
        consultation = consultation_service.find_consultation(join_code)
    except ConsultationNotFound:
        raise click.ClickException(f"no consultation has the join code {join_code!r}") from None
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
