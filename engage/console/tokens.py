"""Console views: personal API tokens, on the account page of admins and facilitators."""
from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from engage.console import bp
from engage.console.access import STAFF, requires
from engage.console.forms import ActionForm
from engage.i18n import _l
from engage.services import api_tokens
from engage.services.errors import AccountError


class NewTokenForm(FlaskForm):
    name = StringField(_l("Token name"), validators=[DataRequired(), Length(max=api_tokens.NAME_LENGTH)])


@bp.context_processor
def _token_section() -> dict[str, Any]:
    """What the account page's tokens section needs, read only when it is drawn.

    The account view belongs to routes.py; a callable keeps every other
    console page from querying tokens it never shows.
    """

    def token_section() -> dict[str, Any]:
        return {
            "tokens": api_tokens.list_tokens(current_user),
            # formdata=None: on the password form's POST, this form must stay empty.
            "form": NewTokenForm(formdata=None),
        }

    return {"token_section": token_section}


@bp.post("/account/tokens")
@requires(*STAFF)
def create_token():
    form = NewTokenForm()
    if not form.validate_on_submit():
        flash(_("Give the token a name of up to 80 characters, such as the tool it is for."), "error")
        return redirect(url_for(".account"))
    try:
        token, plain = api_tokens.create_token(current_user, form.name.data)
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for(".account"))
    # Shown on this page, not flashed: a flash would carry the secret in the
    # session cookie until the next page is drawn.
    return render_template("console/tokens/created.html", token=token, plain=plain), 201


@bp.post("/account/tokens/revoke")
@requires(*STAFF)
def revoke_token():
    form = ActionForm()
    form.validate_on_submit() or abort(400)
    value = (form.value.data or "").strip()
    # Only a plausible id reaches the database: a huge number overflows its integer.
    token_id = int(value) if value.isascii() and value.isdigit() and len(value) <= 12 else 0
    try:
        token = api_tokens.revoke_token(current_user, token_id)
    except AccountError as error:
        flash(str(error), "error")
    else:
        flash(_("Token “%(name)s” revoked: it no longer works.", name=token.name), "info")
    return redirect(url_for(".account"))
