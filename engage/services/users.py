"""Accounts: the first admin, invitations, signing in, roles and membership."""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import func, select

from flask_babel import gettext as _

from engage.database import writing
from engage.extensions import db
from engage.models import (
    ADMIN,
    CO_FACILITATOR,
    FACILITATOR,
    ROLES,
    Consultation,
    ConsultationMember,
    User,
    utcnow,
)
from engage.passwords import hash_password, needs_rehash, password_problem, verify_password
from engage.services import audit
from engage.services.errors import AccountError
from engage.tokens import token_digest

INVITE_LIFETIME = timedelta(days=7)
# Roles that run consultations and so can be added to one.
RUNS_CONSULTATIONS = (FACILITATOR, CO_FACILITATOR)


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        raise AccountError(_("Enter an email address like name@example.org."))
    return email


def create_user(
    email: str, display_name: str, role: str, password: str | None = None, by: User | None = None
) -> tuple[User, str | None]:
    """A new account: with a password (the first admin), or invited (returns the invite token)."""
    if role not in ROLES:
        raise AccountError(_("Unknown role %(role)s; choose one of %(roles)s.", role=repr(role), roles=", ".join(ROLES)))
    email = normalise_email(email)
    display_name = (display_name or "").strip()[:120] or email.split("@")[0]
    if password is not None and (problem := password_problem(password)):
        raise AccountError(problem)
    token = None if password is not None else secrets.token_urlsafe(32)
    with writing():
        if db.session.scalar(select(User.id).where(func.lower(User.email) == email)):
            raise AccountError(_("There is already an account for %(email)s.", email=email))
        user = User(
            email=email,
            display_name=display_name,
            role=role,
            password_hash=hash_password(password) if password is not None else None,
            invite_key=token_digest(token) if token else None,
            invite_expires_at=utcnow() + INVITE_LIFETIME if token else None,
        )
        db.session.add(user)
        db.session.flush()
        audit.record(by, "invited" if token else "created", "user", email, role=role)
    return user, token


def invited_user(token: str) -> User:
    user = db.session.scalar(select(User).where(User.invite_key == token_digest(token or "")))
    if user is None or user.invite_expires_at is None or user.invite_expires_at < utcnow():
        raise AccountError(_("This invitation link has expired or was already used. Ask an admin for a new one."))
    return user


def accept_invite(token: str, password: str) -> User:
    if problem := password_problem(password):
        raise AccountError(problem)
    with writing():
        user = invited_user(token)
        user.password_hash = hash_password(password)
        user.invite_key = None
        user.invite_expires_at = None
        audit.record(user, "accepted invitation", "user", user.email)
    return user


def authenticate(email: str, password: str) -> User | None:
    """The account if the password is right and the account active; same time either way."""
    try:
        email = normalise_email(email)
    except AccountError:
        email = ""
    user = db.session.scalar(select(User).where(User.email == email)) if email else None
    if not verify_password(user.password_hash if user else None, password) or not user.is_active:
        return None
    with writing():
        user.last_login_at = utcnow()
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
    return user


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError(_("Your current password is not right."))
    if problem := password_problem(new):
        raise AccountError(problem)
    with writing():
        user.password_hash = hash_password(new)
        user.session_version += 1  # signs out every other browser
        audit.record(user, "changed password", "user", user.email)


def set_role(user_id: int, role: str, by: User) -> User:
    if role not in ROLES:
        raise AccountError(_("Unknown role %(role)s.", role=repr(role)))
    with writing():
        user = _get(user_id)
        if user.id == by.id and role != ADMIN:
            raise AccountError(_("You cannot take away your own admin role."))
        user.role = role
        user.session_version += 1
        audit.record(by, "changed role", "user", user.email, role=role)
    return user


def set_active(user_id: int, active: bool, by: User) -> User:
    with writing():
        user = _get(user_id)
        if user.id == by.id and not active:
            raise AccountError(_("You cannot switch off your own account."))
        user.active = active
        user.session_version += 1
        audit.record(by, "reactivated" if active else "deactivated", "user", user.email)
    return user


def reinvite(user_id: int, by: User) -> tuple[User, str]:
    token = secrets.token_urlsafe(32)
    with writing():
        user = _get(user_id)
        if user.password_hash is not None:
            raise AccountError(_("%(email)s has already chosen a password.", email=user.email))
        user.invite_key = token_digest(token)
        user.invite_expires_at = utcnow() + INVITE_LIFETIME
        audit.record(by, "invited again", "user", user.email)
    return user, token


def load_user(user_id: int, session_version: int) -> User | None:
    user = db.session.get(User, user_id)
    if user is None or not user.is_active or user.session_version != session_version:
        return None
    return user


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.role, User.email)))


def people_who_run_consultations() -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.role.in_(RUNS_CONSULTATIONS), User.active.is_(True))
            .order_by(User.display_name)
        )
    )


def set_members(consultation: Consultation, user_ids: list[int], by: User) -> None:
    """The facilitators and co-facilitators who run this consultation."""
    with writing():
        chosen = [
            u
            for u in db.session.scalars(select(User).where(User.id.in_(user_ids or [-1])))
            if u.role in RUNS_CONSULTATIONS
        ]
        db.session.execute(
            ConsultationMember.__table__.delete().where(
                ConsultationMember.consultation_id == consultation.id
            )
        )
        for user in chosen:
            db.session.add(ConsultationMember(consultation_id=consultation.id, user_id=user.id))
        audit.record(
            by, "set team", "consultation", consultation.join_code, members=sorted(u.email for u in chosen)
        )


def is_member(user: User, consultation: Consultation) -> bool:
    return (
        db.session.get(ConsultationMember, (consultation.id, user.id)) is not None
    )


def has_any_user() -> bool:
    return db.session.scalar(select(User.id).limit(1)) is not None


def _get(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise AccountError(_("No such account."))
    return user
