"""``engage report``: the board's reports from the command line, written to a file."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from flask.cli import with_appcontext

from engage import reports
from engage.reports import BOARD, FORMATS, HTML, PDF, VERSIONS, YOUNG_PEOPLE, Document, ReportError
from engage.services import voice
from engage.services.errors import ConsultationNotFound
from engage.services.voice_model import Period, VoiceSummary


def _output(example: str):
    return click.option(
        "--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help=f"The file to write (default: a name like {example}, in this folder).",
    )


@click.group("report")
def report_cli() -> None:
    """The board's reports: the quarterly report and a consultation's write-up."""


@report_cli.command("quarterly")
@click.option("--period", required=True, help="The quarter, written like 2026Q3.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=PDF, show_default=True)
@_output("engagement-2026Q3.pdf")
@with_appcontext
def quarterly_command(period: str, fmt: str, output: Path | None) -> None:
    """The quarterly report: activity, views and voices, impact."""
    try:
        quarter = Period.quarter(period)
    except ValueError:
        raise click.BadParameter(f'"{period}" is not a quarter: write it like 2026Q3', param_hint="--period") from None
    document = _build(
        f"Report for {quarter.label}",
        lambda: voice.voice_summary(quarter),
        lambda summary: reports.quarterly_report(summary, fmt),
    )
    _write(document, output)


@report_cli.command("consultation")
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: pdf for the board, html for young people.")
@click.option("--version", "version", type=click.Choice(VERSIONS), default=BOARD, show_default=True,
              help="For the board, or in plain words for young people (html only).")
@_output("consultation-CODE.pdf")
@with_appcontext
def consultation_command(code: str, fmt: str | None, version: str, output: Path | None) -> None:
    """A consultation's write-up, for the board or for young people."""
    fmt = fmt or (HTML if version == YOUNG_PEOPLE else PDF)
    try:
        reports.check_format(fmt, version)
    except ReportError as error:
        raise click.BadParameter(str(error), param_hint="--format") from None

    def gather() -> VoiceSummary:
        try:
            return voice.consultation_summary(code)
        except ConsultationNotFound:
            raise click.ClickException(f"no consultation has the join code {code!r}") from None

    document = _build(
        f"Write-up of {code.upper()}",
        gather,
        lambda summary: reports.consultation_report(summary, fmt, version),
    )
    _write(document, output)


def _build(label: str, gather: Callable[[], VoiceSummary],
           render: Callable[[VoiceSummary], Document]) -> Document:
    """Gather the summary, then render it, with a bar that says which step is running."""
    steps = ("gathering", "rendering", "done")
    with click.progressbar(length=2, label=label, item_show_func=lambda step: step,
                           file=sys.stderr) as bar:
        bar.update(0, steps[0])
        summary = gather()
        bar.update(1, steps[1])
        document = render(summary)
        bar.update(1, steps[2])
    return document


def _write(document: Document, output: Path | None) -> None:
    path = (output or Path(document.filename)).resolve()
    path.write_bytes(document.content)
    click.echo(f"Wrote {path} ({_size(len(document.content))}).")


def _size(count: int) -> str:
    return f"{count} bytes" if count < 1024 else f"{count / 1024:.0f} KB"
