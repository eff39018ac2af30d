"""``engage retention run`` and ``engage consultations erase``: keeping less, for less long."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from engage.services import alert_retention
from engage.services import retention as retention_service
from engage.services.errors import ConsultationNotFound
from engage.services.responding import today


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


@click.group()
def retention() -> None:
    """Remove young people's words and unfinished responses once they are old."""


@retention.command("run")
@click.option("--dry-run", is_flag=True, help="Count what would go, change nothing.")
@with_appcontext
def run(dry_run: bool) -> None:
    """Erase free text older than RETENTION_MONTHS, keeping its themes and counts.

    Also deletes unfinished responses started more than RETENTION_UNFINISHED_DAYS
    ago, except any holding a possible disclosure, and erases the words of
    safeguarding alerts dealt with ALERT_RETENTION_MONTHS ago and the way to
    reach a young person ALERT_CONTACT_DAYS after the alert was dealt with.
    Safe to run again: run it daily.
    """
    config = current_app.config
    months, days = config["RETENTION_MONTHS"], config["RETENTION_UNFINISHED_DAYS"]
    report = retention_service.run_retention(
        today=today(), months=months, unfinished_days=days, dry_run=dry_run
    )
    would = "would be " if dry_run else ""
    click.echo(
        f"Free text of responses from before {report.words_before} ({months} months): "
        f"{_n(report.erased_answers, 'answer')} in {_n(report.erased_in_responses, 'response')} {would}erased; "
        "choices, flags and counts kept."
    )
    click.echo(
        f"Unfinished responses started before {report.unfinished_before} ({days} days): "
        f"{report.deleted_unfinished:,} {would}deleted."
    )
    if report.kept_unfinished_flagged:
        click.echo(
            f"{_n(report.kept_unfinished_flagged, 'unfinished response')} kept: each holds a possible "
            "disclosure for the safeguarding lead."
        )
    alerts = alert_retention.run_alert_retention(
        today=today(), months=config["ALERT_RETENTION_MONTHS"],
        contact_days=config["ALERT_CONTACT_DAYS"], dry_run=dry_run,
    )
    click.echo(
        f"Safeguarding alerts dealt with before {alerts.words_before}: words of "
        f"{_n(alerts.erased_alerts, 'alert')} and {_n(alerts.erased_notes, 'note')} {would}erased; "
        f"ways to reach dealt with before {alerts.contact_before}: {alerts.erased_contacts:,} {would}erased. "
        "Alerts not yet dealt with are kept whole."
    )
    if dry_run:
        click.echo("Dry run: nothing was changed.")


@click.command("erase")
@click.argument("join_code")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def erase(join_code: str, yes: bool) -> None:
    """Remove every response and answer to a consultation, for good.

    The consultation and its survey stay (and stay open if they were), so it
    can be run again; the audit log records the erasure.
    """
    try:
        counts = retention_service.count_answers(join_code)
    except ConsultationNotFound:
        raise click.ClickException(f"no consultation has the join code {join_code!r}") from None
    if not yes:
        click.echo(
            f"{counts.join_code}  {counts.title}: {_n(counts.responses, 'response')}, "
            f"{_n(counts.answers, 'answer')}."
        )
        if counts.flagged:
            click.echo(
                f"{_n(counts.flagged, 'answer')} flagged as a possible disclosure: check that the "
                "safeguarding lead has dealt with them first."
            )
        click.confirm("Erase them all? This cannot be undone", abort=True)
    erased = retention_service.erase_answers(join_code)
    click.echo(
        f"Erased {_n(erased.responses, 'response')} ({_n(erased.answers, 'answer')}) to "
        f"{erased.join_code}  {erased.title}."
    )
