"""Console views: parse the form, call one service, render or redirect."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from engage.console import bp
from engage.console.access import (
    RUNNERS,
    STAFF,
    consultation_run_by_me,
    requires,
    sign_in,
    sign_out,
)
from engage.console.forms import (
    ROLE_NAMES,
    ActionForm,
    ChangePasswordForm,
    DeleteForm,
    InviteForm,
    LoginForm,
    NewConsultationForm,
    NewPasswordForm,
    RoleForm,
    TeamForm,
)
from engage.extensions import limiter
from engage.i18n import _l
from engage.models import ADMIN, BOARD_MEMBER, CLOSED, CONSULTATION_STATUS_NAMES, DRAFT, OPEN, ROLES, SAFEGUARDING_LEAD
from engage.services import audit, consultations, users
from engage.services.errors import AccountError
from engage.web import public_base

ALL_ROLES = ROLES
STATUS_NAMES = CONSULTATION_STATUS_NAMES
STATUS_CHANGED = {
    OPEN: _l("Published: young people can answer now."),
    CLOSED: _l("Closed: no more answers."),
    DRAFT: _l("Back to draft."),
}


def _login_limits() -> str:
    return current_app.config["LOGIN_LIMITS"]


def _email_key() -> str:
    return "login:" + (request.form.get("email") or "").strip().lower()[:254]


@limiter.request_filter
def _not_signing_in() -> bool:
    """Only signing in is limited: every other request (a young person's answer, a chat
    update) skips the limiter's lookups, about 0.2 ms of CPU each."""
    return request.endpoint != "console.login"


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limits, methods=["POST"])
@limiter.limit(_login_limits, key_func=_email_key, methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = users.authenticate(form.email.data, form.password.data)
        if user is not None:
            sign_in(user)
            return redirect(_safe_next() or url_for(".home"))
        flash(_("That email and password do not match an active account."), "error")
    status = 422 if request.method == "POST" else 200
    return render_template("console/login.html", form=form), status


@bp.post("/logout")
def logout():
    ActionForm().validate_on_submit() or abort(400)
    sign_out()
    flash(_("You have signed out."), "info")
    return redirect(url_for(".login"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str):
    try:
        invited = users.invited_user(token)
    except AccountError as error:
        return render_template("console/message.html", title=_("Invitation"), message=str(error)), 410
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = users.accept_invite(token, form.password.data)
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            sign_in(user)
            flash(_("Welcome to Engage. Your password is saved."), "info")
            return redirect(url_for(".home"))
    return render_template("console/accept_invite.html", form=form, invited=invited), (
        422 if form.errors else 200
    )


@bp.get("/")
@requires(*ALL_ROLES)
def home():
    if current_user.role == SAFEGUARDING_LEAD:
        return redirect(url_for(".safeguarding_queue"))
    if current_user.role == BOARD_MEMBER:
        return redirect(url_for("board.index"))
    if current_user.role not in RUNNERS:
        return redirect(url_for(".account"))
    found = consultations.list_consultations(run_by=current_user)
    return render_template("console/home.html", consultations=found, action=ActionForm(), statuses=STATUS_NAMES)


@bp.route("/consultations/new", methods=["GET", "POST"])
@requires(*STAFF)
def new_consultation():
    form = NewConsultationForm()
    if form.validate_on_submit():
        consultation = consultations.create_from_template(
            form.template.data, title=(form.title.data or "").strip() or None,
            setting=form.setting.data or None, by=current_user,
        )
        flash(_("Consultation created as a draft. Check its questions, then publish it."), "info")
        return redirect(url_for(".consultation", code=consultation.join_code))
    return render_template("console/new_consultation.html", form=form)


@bp.get("/c/<code>")
@requires(*RUNNERS)
def consultation(code: str):
    found = consultation_run_by_me(code)
    team = TeamForm(members=[u.id for u in found.members])
    team.members.choices = [
        SelectChoice(u.id, _("%(name)s (%(role)s)", name=u.display_name, role=ROLE_NAMES[u.role]))
        for u in users.people_who_run_consultations()
    ]
    return render_template(
        "console/consultation.html",
        consultation=found,
        summary=consultations.summary_of(found),
        action=ActionForm(),
        team=team,
        delete=DeleteForm(),
        statuses=STATUS_NAMES,
        events=audit.recent_events(20, "consultation", found.join_code),
    )


@bp.post("/c/<code>/status")
@requires(*RUNNERS)
def set_status(code: str):
    found = consultation_run_by_me(code)
    form = ActionForm()
    if not form.validate_on_submit() or form.value.data not in (DRAFT, OPEN, CLOSED):
        abort(400)
    consultations.set_status(found.join_code, form.value.data, by=current_user)
    flash(str(STATUS_CHANGED[form.value.data]), "info")
    return redirect(url_for(".consultation", code=found.join_code))


@bp.post("/c/<code>/team")
@requires(*STAFF)
def set_team(code: str):
    found = consultation_run_by_me(code)
    form = TeamForm()
    form.members.choices = [SelectChoice(u.id, u.email) for u in users.people_who_run_consultations()]
    if not form.validate_on_submit():
        abort(400)
    users.set_members(found, form.members.data, by=current_user)
    flash(_("Team saved."), "info")
    return redirect(url_for(".consultation", code=found.join_code))


@bp.post("/c/<code>/delete")
@requires(ADMIN)
def delete_consultation(code: str):
    found = consultation_run_by_me(code)
    form = DeleteForm()
    if not form.validate_on_submit() or form.confirm.data.strip().upper() != found.join_code:
        flash(_("Nothing was deleted: type the join code exactly to confirm."), "error")
        return redirect(url_for(".consultation", code=found.join_code))
    consultations.delete_consultation(found.join_code, by=current_user)
    flash(_("Deleted %(title)s and all its answers.", title=found.title), "info")
    return redirect(url_for(".home"))


@bp.route("/account", methods=["GET", "POST"])
@requires(*ALL_ROLES)
def account():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            users.change_password(current_user, form.current.data, form.password.data)
        except AccountError as error:
            form.password.errors.append(str(error))
        else:
            sign_in(current_user)  # this browser stays signed in, others end
            flash(_("Password changed. Other browsers have been signed out."), "info")
            return redirect(url_for(".account"))
    return render_template("console/account.html", form=form, role_names=ROLE_NAMES), (
        422 if form.errors else 200
    )


@bp.get("/users")
@requires(ADMIN)
def people():
    return render_template(
        "console/users.html",
        people=users.list_users(),
        invite=InviteForm(),
        role_form=RoleForm,
        action=ActionForm(),
        role_names=ROLE_NAMES,
    )


@bp.post("/users/invite")
@requires(ADMIN)
def invite():
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invited, token = users.create_user(
                form.email.data, form.display_name.data, form.role.data, by=current_user
            )
        except AccountError as error:
            flash(str(error), "error")
        else:
            _show_invite_link(invited.email, token)
    else:
        flash(_("Enter an email address, a name and a role."), "error")
    return redirect(url_for(".people"))


@bp.post("/users/<int:user_id>/reinvite")
@requires(ADMIN)
def reinvite(user_id: int):
    ActionForm().validate_on_submit() or abort(400)
    try:
        invited, token = users.reinvite(user_id, by=current_user)
    except AccountError as error:
        flash(str(error), "error")
    else:
        _show_invite_link(invited.email, token)
    return redirect(url_for(".people"))


@bp.post("/users/<int:user_id>/role")
@requires(ADMIN)
def change_role(user_id: int):
    form = RoleForm()
    form.validate_on_submit() or abort(400)
    try:
        changed = users.set_role(user_id, form.role.data, by=current_user)
    except AccountError as error:
        flash(str(error), "error")
    else:
        flash(_("%(email)s is now %(role)s.", email=changed.email, role=ROLE_NAMES[changed.role]), "info")
    return redirect(url_for(".people"))


@bp.post("/users/<int:user_id>/active")
@requires(ADMIN)
def set_active(user_id: int):
    form = ActionForm()
    form.validate_on_submit() or abort(400)
    try:
        changed = users.set_active(user_id, form.value.data == "1", by=current_user)
    except AccountError as error:
        flash(str(error), "error")
    else:
        flash(_("%(email)s is active.", email=changed.email) if changed.active
              else _("%(email)s is switched off.", email=changed.email), "info")
    return redirect(url_for(".people"))


@bp.get("/audit")
@requires(ADMIN)
def audit_log():
    return render_template("console/audit.html", events=audit.recent_events(500))


def _show_invite_link(email: str, token: str) -> None:
    # Engage sends no email of its own yet: the admin passes the link on.
    link = public_base() + url_for(".accept_invite", token=token)  # not an inside address behind a proxy
    flash(_("Send this link to %(email)s; it works once, for 7 days: %(link)s", email=email, link=link), "invite")


def _safe_next() -> str | None:
    target = request.args.get("next", "")
    # Only a path on this site: never an open redirect.
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None
