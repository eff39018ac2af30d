"""Console views: the live event screen for a projector, its JSON, and hiding items from it.

The projector page shows no buttons, so a room never watches the
facilitator's clicks; ``?controls=1`` (another window, or a laptop) adds a
hide / show button per item.
"""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired, Length

from engage.console import bp
from engage.console.access import RUNNERS, consultation_run_by_me, requires
from engage.i18n import plural_forms
from engage.services import live as live_service
from engage.services.posters import short_address
from engage.web import public_base


class LiveItemForm(FlaskForm):
    """One hide or show button: the question and which way."""

    question = HiddenField(validators=[DataRequired(), Length(max=64)])
    hide = HiddenField(validators=[AnyOf(("1", "0"))])


@bp.get("/c/<code>/live")
@requires(*RUNNERS)
def live(code: str):
    found = consultation_run_by_me(code)
    controls = request.args.get("controls") == "1"
    hidden = set(found.live_hidden or ())
    snapshot = live_service.snapshot(found, str(get_locale()))
    return render_template(
        "console/live.html",
        consultation=found,
        # Where the QR codes point, kept left to right in an Arabic or Urdu sentence.
        join_address=Markup('<bdi dir="ltr">{}</bdi>').format(
            short_address(public_base() + url_for("respond.intro", code=found.join_code))
        ),
        snapshot=snapshot,
        script_words=script_words(snapshot.threshold),
        controls=controls,
        hidden_items=[q for q in live_service.live_questions(found) if q.id in hidden] if controls else [],
    )


def script_words(threshold: int) -> dict:
    """Every word static/live.js shows, in the page's language; it fills each {name} in.

    The script redraws the charts from live.json, whose own words are plain English keys
    (a count's ``display``); the page carries the words a reader sees. The survey's
    words in live.json (question text, answer labels) are already in the page's language.
    """
    return {
        "answered": _("%(shown)s answered", shown="{shown}"),
        "answered_hidden": _(
            "%(shown)s answered · hidden while a small number could be worked out", shown="{shown}"
        ),
        "too_few": _("Too few answers to show yet"),
        "answer": _("Answer"),
        "people": _("People"),
        "person_count": plural_forms(
            lambda n: ngettext("%(shown)s person", "%(shown)s people", n, shown="{shown}")
        ),
        "no_words": _(
            "No word has been used by %(threshold)s or more people yet.", threshold=format_decimal(threshold)
        ),
        "fewer_than": _("fewer than %(n)s", n="{n}"),
        "hidden": _("hidden"),
        "updated_at": _("%(when)s UTC", when="{when}"),
        "stale": _("not updating: check the connection, or sign in again"),
    }


@bp.get("/c/<code>/live.json")
@requires(*RUNNERS)
def live_data(code: str):
    found = consultation_run_by_me(code)
    snapshot = live_service.snapshot(found, str(get_locale()))
    return current_app.response_class(snapshot.as_json, mimetype="application/json")


@bp.post("/c/<code>/live/hide")
@requires(*RUNNERS)
def live_hide(code: str):
    found = consultation_run_by_me(code)
    form = LiveItemForm()
    if not form.validate_on_submit():
        abort(400)
    hide = form.hide.data == "1"
    try:
        live_service.set_hidden(found, form.question.data, hide, by=current_user)
    except live_service.NotALiveItem:
        abort(400)
    flash(_("Hidden from the live screen.") if hide else _("Back on the live screen."), "info")
    return redirect(url_for(".live", code=found.join_code, controls=1))
