"""Who may see what: sign-in sessions, roles, and membership of a consultation.

Every console view is wrapped in ``requires(...)``; views about one
consultation also call ``consultation_run_by_me``, so a co-facilitator only
reaches the consultations they were added to.
"""
from __future__ import annotations

import time
from functools import wraps

from flask import abort, current_app, session
from flask_login import LoginManager, current_user, login_user, logout_user

from engage.i18n import _l
from engage.models import ADMIN, CO_FACILITATOR, FACILITATOR, Consultation, User
from engage.services import users
from engage.services.consultations import find_consultation

login_manager = LoginManager()
login_manager.login_view = "console.login"
login_manager.login_message = _l("Please sign in to see that page.")
# Flashed as plain text in the reader's language: a lazy string cannot go in the session.
login_manager.localize_callback = str
login_manager.session_protection = "basic"

# Roles that run consultations; the admin can do anything a facilitator can.
RUNNERS = (ADMIN, FACILITATOR, CO_FACILITATOR)
STAFF = (ADMIN, FACILITATOR)
_SIGNED_IN, _SEEN = "signed_in_at", "seen_at"


@login_manager.user_loader
def _load(user_key: str) -> User | None:
    now = time.time()
    config = current_app.config
    signed_in, seen = session.get(_SIGNED_IN, 0), session.get(_SEEN, 0)
    if now - seen > config["CONSOLE_IDLE_TIMEOUT"].total_seconds() or (
        now - signed_in > config["CONSOLE_ABSOLUTE_TIMEOUT"].total_seconds()
    ):
        # Too long idle, or too long in all: forget the sign-in, keep the rest
        # (a respondent's unfinished survey shares this cookie).
        for key in ("_user_id", "_fresh", "_id", _SIGNED_IN, _SEEN):
            session.pop(key, None)
        return None
    try:
        user_id, version = (int(part) for part in user_key.split(":"))
    except ValueError:
        return None
    user = users.load_user(user_id, version)
    if user is not None:
        session[_SEEN] = now
    return user


_KEPT = ("responses", "language")  # a survey answered in this browser, its language


def sign_in(user: User) -> None:
    # A fresh session against fixation; only the respondent's own keys carry over.
    kept = {key: session[key] for key in _KEPT if key in session}
    session.clear()
    session.update(kept)
    now = time.time()
    session[_SIGNED_IN] = session[_SEEN] = now
    login_user(user)


def sign_out() -> None:
    logout_user()
    session.pop(_SIGNED_IN, None)
    session.pop(_SEEN, None)


def requires(*roles: str):
    """Signed in, with one of these roles; otherwise the sign-in page or 403."""

    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        checked.allowed_roles = roles
        return checked

    return decorate


def may_run(user: User, consultation: Consultation) -> bool:
    if user.role in STAFF:
        return True
    return user.role == CO_FACILITATOR and users.is_member(user, consultation)


def consultation_run_by_me(code: str) -> Consultation:
    """The consultation, if the signed-in person runs it; 404 otherwise (no hint it exists)."""
    consultation = find_consultation(code)
    if not may_run(current_user, consultation):
        abort(404)
    return consultation
