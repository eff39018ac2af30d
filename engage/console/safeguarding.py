"""Console views for safeguarding: the lead's queue of alerts, one alert, and a consultation's contact offer.

Only the designated safeguarding lead role reaches the queue and the alerts;
not even an admin, as the issue asks. The alert's number travels in the query
string or a form field rather than the path, so the route walker in
tests/web/test_every_route_and_role.py can reach every view without one.
The words of an alert are shown only on its own page, where each view is
recorded; the queue shows none.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from engage.console import bp
from engage.console.access import STAFF, consultation_run_by_me, requires
from engage.i18n import _l, language_in_words
from engage.models import ALERT_STATUSES, SAFEGUARDING_LEAD
from engage.services import safeguarding
from engage.services.safeguarding import MAX_NOTE, STATUS_NAMES, AlertError, AlertNotFound


class StatusForm(FlaskForm):
    alert_id = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])
    status = RadioField(
        _l("Status"), choices=[SelectChoice(s, STATUS_NAMES[s]) for s in ALERT_STATUSES], validators=[InputRequired()]
    )
    note = TextAreaField(_l("Note (optional)"), validators=[Length(max=MAX_NOTE)])
    submit = SubmitField(_l("Save status"))


class NoteForm(FlaskForm):
    alert_id = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])
    text = TextAreaField(_l("Add a note"), validators=[DataRequired(), Length(max=MAX_NOTE)])
    submit = SubmitField(_l("Add note"))


@bp.get("/safeguarding")
@requires(SAFEGUARDING_LEAD)
def safeguarding_queue():
    status = request.args.get("status") or None
    if status is not None and status not in ALERT_STATUSES:
        status = None
    entries = safeguarding.list_alerts(current_user, status)
    return render_template(
        "console/safeguarding/queue.html", entries=entries, status=status, status_names=STATUS_NAMES
    )


@bp.get("/safeguarding/alert")
@requires(SAFEGUARDING_LEAD)
def safeguarding_alert():
    alert_id = request.args.get("alert_id", type=int)
    if alert_id is None:
        abort(404)
    try:
        alert = safeguarding.view_alert(alert_id, current_user)
    except AlertNotFound:
        abort(404)
    response = render_template(
        "console/safeguarding/alert.html",
        alert=alert,
        overdue=safeguarding.is_overdue(alert),
        read_in=language_in_words(alert.language) if alert.language else None,
        status_names=STATUS_NAMES,
        status_form=StatusForm(alert_id=alert.id, status=alert.status),
        note_form=NoteForm(alert_id=alert.id),
    )
    # A young person's words: never kept in a browser's or a proxy's cache.
    return response, {"Cache-Control": "no-store"}


@bp.post("/safeguarding/alert/status")
@requires(SAFEGUARDING_LEAD)
def safeguarding_set_status():
    form = StatusForm()
    form.validate_on_submit() or abort(400)
    try:
        safeguarding.set_status(form.alert_id.data, form.status.data, current_user, note=form.note.data or "")
    except AlertNotFound:
        abort(404)
    except AlertError as error:
        flash(str(error), "error")
    else:
        flash(_("Status saved: %(status)s.", status=STATUS_NAMES[form.status.data]), "info")
    return redirect(url_for(".safeguarding_alert", alert_id=form.alert_id.data))


@bp.post("/safeguarding/alert/note")
@requires(SAFEGUARDING_LEAD)
def safeguarding_add_note():
    form = NoteForm()
    if not form.validate_on_submit():
        if form.alert_id.errors:
            abort(400)
        flash(_("Write a note first (up to %(max)s characters).", max=format_decimal(MAX_NOTE)), "error")
        return redirect(url_for(".safeguarding_alert", alert_id=form.alert_id.data))
    try:
        safeguarding.add_note(form.alert_id.data, form.text.data, current_user)
    except AlertNotFound:
        abort(404)
    except AlertError as error:
        flash(str(error), "error")
    else:
        flash(_("Note added."), "info")
    return redirect(url_for(".safeguarding_alert", alert_id=form.alert_id.data))


class ContactOfferForm(FlaskForm):
    value = HiddenField()


@bp.post("/c/<code>/contact-offer")
@requires(*STAFF)
def set_contact_offer(code: str):
    found = consultation_run_by_me(code)
    form = ContactOfferForm()
    if not form.validate_on_submit() or form.value.data not in ("on", "off"):
        abort(400)
    safeguarding.set_contact_offer(found.join_code, form.value.data == "on", by=current_user)
    flash(
        _("Young people whose words may tell of harm can now ask to be contacted.")
        if form.value.data == "on"
        else _("The contact step is off: no one is asked for a way to reach them."),
        "info",
    )
    return redirect(url_for(".consultation", code=found.join_code))
