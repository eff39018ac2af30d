"""The ``engage`` command: Flask's own commands plus Engage's."""
from __future__ import annotations

import json

import click
from flask.cli import FlaskGroup, with_appcontext

from bots.telegram.cli import bot
from engage.job_commands import jobs_cli
from engage.models import CLOSED, DRAFT, OPEN
from engage.safeguarding_commands import safeguarding
from engage.sentiment_commands import sentiment
from engage.privacy_commands import erase, retention
from engage.report_commands import report_cli
from engage.services import consultations as consultation_service
from engage.services.errors import ConsultationNotFound
from engage.survey_commands import surveys
from engage.theme_commands import themes_cli
from engage.theme_eval import eval_command as theme_eval
from engage.user_commands import users
from surveys.errors import SurveyDefinitionError
from surveys.templates import template_names


def _create_app():
    from engage import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, load_dotenv=False)
def main() -> None:
    """Engage: hear young people's voices in local safeguarding."""


def register(app) -> None:
    """Put Engage's commands beside Flask's (run, shell, routes) and Flask-Migrate's (db)."""
    app.cli.add_command(consultations)
    app.cli.add_command(demo)
    app.cli.add_command(surveys)
    app.cli.add_command(users)
    app.cli.add_command(safeguarding)
    app.cli.add_command(sentiment)
    app.cli.add_command(retention)
    app.cli.add_command(bot)
    themes_cli.add_command(theme_eval)
    app.cli.add_command(themes_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(report_cli)


@click.group()
def consultations() -> None:
    """Create, list, open and close consultations; erase their answers."""


@consultations.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array, for scripts.")
@with_appcontext
def list_command(as_json: bool) -> None:
    """Each consultation with its join code and status."""
    found = consultation_service.list_consultations()
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in found], indent=2))
        return
    for c in found:
        click.echo(f"{c.join_code}  {c.status:<6}  {c.responses:>5} responses  {c.title}")


@consultations.command("create")
@click.option("--template", "template", required=True, type=click.Choice(template_names()))
@click.option("--title", help="Defaults to the template's title.")
@click.option("--open", "open_now", is_flag=True, help="Take answers (between the dates, if given).")
@click.option("--opens", type=click.DateTime(["%Y-%m-%d"]), help="First day for answers.")
@click.option("--closes", type=click.DateTime(["%Y-%m-%d"]), help="Last day for answers.")
@with_appcontext
def create_command(template: str, title: str | None, open_now: bool, opens, closes) -> None:
    """Create a consultation from a built-in template."""
    if opens and closes and opens > closes:
        raise click.BadParameter("the closing day is before the opening day", param_hint="--closes")
    consultation = consultation_service.create_from_template(
        template,
        title=title,
        status=OPEN if open_now else DRAFT,
        opens_on=opens.date() if opens else None,
        closes_on=closes.date() if closes else None,
    )
    click.echo(f"{consultation.join_code}  {consultation.status}  {consultation.title}")


def _status_command(name: str, status: str, help_text: str) -> None:
    @consultations.command(name, help=help_text)
    @click.argument("join_code")
    @with_appcontext
    def command(join_code: str) -> None:
        try:
            consultation = consultation_service.set_status(join_code, status)
        except ConsultationNotFound:
            raise click.ClickException(f"no consultation has the join code {join_code!r}") from None
        click.echo(f"{consultation.join_code}  {consultation.status}  {consultation.title}")


_status_command("open", OPEN, "Start taking answers.")
_status_command("close", CLOSED, "Stop taking answers.")
consultations.add_command(erase)


@click.command()
@click.option("--responses", default=60, show_default=True, help="Synthetic responses per consultation.")
@click.option("--seed", default=2026, show_default=True)
@with_appcontext
def demo(responses: int, seed: int) -> None:
    """Create the database if needed and a demo consultation of every kind."""
    from flask_migrate import upgrade

    from engage.services.demo import DEMO_ACCOUNTS, create_demo, create_demo_accounts

    upgrade()
    try:
        made = create_demo(responses_each=responses, seed=seed)
    except SurveyDefinitionError as error:
        raise click.ClickException(str(error)) from None
    if not made:
        click.echo("Demo consultations already exist:")
    for c in consultation_service.list_consultations():
        click.echo(f"  {c.join_code}  {c.responses:>4} responses  {c.title}  -> /s/{c.join_code}")
    password = create_demo_accounts()
    if password:
        click.echo(f"\nConsole at /console/login, one demo account per role, password {password} (shown once):")
        for role, email, _ in DEMO_ACCOUNTS:
            click.echo(f"  {email:<26} {role}")
