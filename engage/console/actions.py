"""Console views for the action register ("you said, we did").

Admins and facilitators write, publish and unpublish actions. Board members
read the register, internal notes included: the actions answer to them.
Co-facilitators (young people) and the safeguarding lead have no view here;
they see published actions on the public results page like anyone else.
An action's number travels in the query string or a form field, never the
path, so the route walker in tests/web/test_every_route_and_role.py reaches
every view without one.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from engage.analysis.readability import reading_age
from engage.console import bp
from engage.console.access import requires
from engage.i18n import _l
from engage.models_actions import ACTION_STATUSES, Action
from engage.services import actions
from engage.services.actions import (
    EDITORS,
    MAX_AGENCY,
    MAX_NOTE,
    MAX_SUMMARY,
    PLAIN_READING_AGE,
    READERS,
    STATUS_NAMES,
    ActionDraft,
    ActionError,
    ActionNotFound,
)
from engage.services.consultations import list_consultations


class ActionEditForm(FlaskForm):
    # Lengths and required fields are the service's to check, in its own words.
    summary = TextAreaField(_l("Summary for young people"))
    agency = StringField(_l("Who is doing it"))
    due_on = DateField(_l("Due date"), validators=[Optional()])
    status = RadioField(
        _l("Status"), choices=[SelectChoice(s, STATUS_NAMES[s]) for s in ACTION_STATUSES], default=ACTION_STATUSES[0]
    )
    themes = SelectMultipleField(_l("Themes it answers"), choices=[], validate_choice=False)
    consultations = SelectMultipleField(_l("Consultations it answers"), choices=[], validate_choice=False)
    internal_note = TextAreaField(_l("Internal note for the board"))
    submit = SubmitField(_l("Save action"))


class ActionIdForm(FlaskForm):
    """A button about one action: its CSRF token and the action's number."""

    action_id = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])


class PublishForm(ActionIdForm):
    send_to_chat = BooleanField(_l("Also send it to young people who asked for news in the chat"), default=True)


@bp.get("/actions")
@requires(*READERS)
def actions_register():
    args = request.args
    filters = {
        "status": args.get("status") if args.get("status") in ACTION_STATUSES else None,
        "theme": args.get("theme") or None,
        "consultation": args.get("consultation") or None,
        "agency": (args.get("agency") or "").strip()[:MAX_AGENCY] or None,
        "overdue": args.get("overdue") == "1",
    }
    entries = actions.list_actions(current_user, **filters)
    return render_template(
        "console/actions/register.html",
        entries=entries,
        filters=filters,
        filtered=any(filters.values()),
        status_names=STATUS_NAMES,
        groups=actions.theme_groups(),
        consultations=list_consultations(),
        agencies=actions.agency_suggestions(),
        can_edit=current_user.role in EDITORS,
    )


@bp.route("/actions/new", methods=["GET", "POST"])
@requires(*EDITORS)
def action_new():
    form = _form()
    if form.validate_on_submit():
        try:
            action = actions.create_action(_draft(form), current_user)
        except ActionError as error:
            _show(form, error)
        else:
            flash(_sentences(_("Action saved. Young people do not see it until you publish it."), _reading_note(action)),
                  "info")
            return redirect(url_for(".action_edit", action_id=action.id))
    return _edit_page(form, None)


@bp.route("/actions/edit", methods=["GET", "POST"])
@requires(*EDITORS)
def action_edit():
    action = _action_from(request.args.get("action_id", type=int))
    if request.method == "GET":
        form = _form(
            summary=action.summary,
            agency=action.agency,
            due_on=action.due_on,
            status=action.status,
            themes=action.theme_keys,
            consultations=[c.join_code for c in action.consultations],
            internal_note=action.internal_note,
        )
    else:
        form = _form()
    if form.validate_on_submit():
        try:
            action = actions.update_action(action.id, _draft(form), current_user)
        except ActionError as error:
            _show(form, error)
        else:
            offer = _("It is published: send the update again below if young people should hear of the change.") \
                if actions.needs_sending(action) else ""
            flash(_sentences(_("Action saved."), _reading_note(action), offer), "info")
            return redirect(url_for(".action_edit", action_id=action.id))
    return _edit_page(form, action)


@bp.post("/actions/publish")
@requires(*EDITORS)
def action_publish():
    form = PublishForm()
    form.validate_on_submit() or abort(400)
    try:
        sent = actions.publish(form.action_id.data, current_user, send_to_chat=form.send_to_chat.data)
    except ActionNotFound:
        abort(404)
    except ActionError as error:
        flash(str(error), "error")
    else:
        if not sent.newly_published:
            flash(_("It was already published: nothing was sent again."), "info")
        else:
            flash(_sentences(_("Published: it is on the results page of each consultation it answers."), _sent_note(sent, form)),
                  "info")
    return redirect(url_for(".action_edit", action_id=form.action_id.data))


@bp.post("/actions/unpublish")
@requires(*EDITORS)
def action_unpublish():
    form = ActionIdForm()
    form.validate_on_submit() or abort(400)
    try:
        actions.unpublish(form.action_id.data, current_user)
    except ActionNotFound:
        abort(404)
    flash(_("Unpublished: it is off the results pages. Chat news already sent cannot be taken back."), "info")
    return redirect(url_for(".action_edit", action_id=form.action_id.data))


@bp.post("/actions/send-again")
@requires(*EDITORS)
def action_send_again():
    form = ActionIdForm()
    form.validate_on_submit() or abort(400)
    try:
        sent = actions.send_again(form.action_id.data, current_user)
    except ActionNotFound:
        abort(404)
    except ActionError as error:
        flash(str(error), "error")
    else:
        flash(_sent_note(sent, form), "info")
    return redirect(url_for(".action_edit", action_id=form.action_id.data))


@bp.post("/actions/delete")
@requires(*EDITORS)
def action_delete():
    form = ActionIdForm()
    form.validate_on_submit() or abort(400)
    try:
        actions.delete_action(form.action_id.data, current_user)
    except ActionNotFound:
        abort(404)
    except ActionError as error:
        flash(str(error), "error")
        return redirect(url_for(".action_edit", action_id=form.action_id.data))
    flash(_("Action deleted."), "info")
    return redirect(url_for(".actions_register"))


def _action_from(action_id: int | None) -> Action:
    if action_id is None:
        abort(404)
    try:
        return actions.get_action(action_id, current_user)
    except ActionNotFound:
        abort(404)


def _form(**data) -> ActionEditForm:
    form = ActionEditForm(**data)
    form.consultations.choices = [SelectChoice(c.join_code, _("%(title)s (%(code)s)", title=c.title, code=c.join_code)) for c in list_consultations()]
    return form


def _draft(form: ActionEditForm) -> ActionDraft:
    return ActionDraft(
        summary=form.summary.data or "",
        agency=form.agency.data or "",
        due_on=form.due_on.data,
        status=form.status.data or "",
        theme_keys=tuple(form.themes.data or ()),
        consultation_codes=tuple(form.consultations.data or ()),
        internal_note=form.internal_note.data or "",
    )


def _show(form: ActionEditForm, error: ActionError) -> None:
    for name, problem in error.problems.items():
        field = getattr(form, name, None)
        if field is None:
            flash(problem, "error")
        else:
            field.errors = [*field.errors, problem]


def _edit_page(form: ActionEditForm, action: Action | None):
    failed = any(f.errors for f in form)
    return render_template(
        "console/actions/edit.html",
        form=form,
        action=action,
        groups=actions.theme_groups(action.theme_keys if action else ()),
        chosen_themes=set(form.themes.data or ()),
        agencies=actions.agency_suggestions(),
        reading_age=reading_age(form.summary.data or ""),
        plain_age=PLAIN_READING_AGE,
        max_summary=MAX_SUMMARY,
        max_note=MAX_NOTE,
        status_names=STATUS_NAMES,
        overdue=action is not None and actions.is_overdue(action),
        needs_sending=action is not None and actions.needs_sending(action),
        publish_form=PublishForm(action_id=action.id if action else None),
        button_form=ActionIdForm(action_id=action.id if action else None),
    ), 422 if failed else 200


def _reading_note(action: Action) -> str:
    age = reading_age(action.summary)
    if age is None or age <= PLAIN_READING_AGE:
        return ""
    return _("The summary has a reading age of about %(age)s: shorter sentences and everyday words would help.", age=age)


def _sent_note(sent: actions.Sent, form: PublishForm | ActionIdForm) -> str:
    if getattr(form, "send_to_chat", None) is not None and not form.send_to_chat.data:
        return _("Nothing was sent to the chat.")
    if sent.repeated:
        return _("Young people in the chat already have this news: nothing was sent again.")
    if sent.chats == 0:
        return _("Nobody has asked for chat news of its consultations yet, so nothing was sent.")
    return ngettext(
        "News queued for %(num)d chat that asked for updates.",
        "News queued for %(num)d chats that asked for updates.",
        sent.chats,
    )


def _sentences(*parts: str) -> str:
    """Whole sentences, each translated on its own, joined by a space; empty ones left out."""
    return " ".join(part for part in parts if part)
