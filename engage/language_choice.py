"""Choosing the language of the pages: a small form that works without JavaScript.

The choice is kept in the session; without one, the browser's Accept-Language
decides (``engage.web.choose_locale``). After choosing, the person goes back
to the page they were on: only ever a path on this site, so the form cannot be
used to send anyone elsewhere.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, session, url_for
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField

bp = Blueprint("language", __name__)

SESSION_KEY = "language"


class LanguageForm(FlaskForm):
    language = SelectField(choices=[])
    next = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(current_app.config["LANGUAGES"])


@bp.post("/language")
def choose():
    form = LanguageForm()
    form.validate_on_submit() or abort(400)
    session[SESSION_KEY] = form.language.data
    return redirect(safe_next(form.next.data), code=303)


def safe_next(target: str | None) -> str:
    """``target`` if it is a path on this site, else the join page.

    Refuses absolute and scheme-relative URLs (``//evil.example``), backslashes
    (which some browsers read as slashes) and control characters.
    """
    fallback = url_for("respond.join")
    if not target or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    return target
