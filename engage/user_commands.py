"""``engage users``: make the first admin account, and list accounts."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from engage.models import ROLES
from engage.services import users as user_service
from engage.services.errors import AccountError


@click.group()
def users() -> None:
    """Create and list console accounts."""


@users.command("create")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt="Name")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="ENGAGE_NEW_PASSWORD",
    help="Asked for if not given; or set ENGAGE_NEW_PASSWORD.",
)
@with_appcontext
def create(role: str, email: str, display_name: str, password: str) -> None:
    """An account with a password, such as the first admin. Admins invite everyone else."""
    try:
        user, _ = user_service.create_user(email, display_name, role, password=password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role} {user.email}. Sign in at /console/login.")


@users.command("list")
@with_appcontext
def list_users() -> None:
    """Every account with its role and whether it is active."""
    for user in user_service.list_users():
        state = "active" if user.is_active else ("invited" if user.password_hash is None else "off")
        click.echo(f"{user.role:<18} {state:<8} {user.email}  {user.display_name}")
