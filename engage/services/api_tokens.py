"""Personal tokens for the JSON API: made, listed, revoked, checked.

The plain token is shown once, when it is made; only its SHA-256 is kept, so
a copy of the database opens no API. A plain SHA-256 is enough here (not a
slow password hash): the token is 256 random bits, nothing to guess from a
dictionary. Tokens start with ``eng_`` so secret scanners (and people) can
tell one in a pasted script or a leaked file.
"""
from __future__ import annotations

import secrets

from sqlalchemy import select

from flask_babel import gettext as _

from engage.database import writing
from engage.extensions import db
from engage.models import ApiToken, User, utcnow
from engage.services import audit
from engage.services.errors import AccountError
from engage.tokens import token_digest

PREFIX = "eng_"
NAME_LENGTH = 80


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for this person; the plain token is returned here and never again."""
    name = " ".join((name or "").split())[:NAME_LENGTH]
    if not name:
        raise AccountError(_("Give the token a name, such as the tool it is for."))
    plain = PREFIX + secrets.token_urlsafe(32)
    with writing():
        token = ApiToken(user_id=user.id, name=name, token_hash=token_digest(plain))
        db.session.add(token)
        audit.record(user, "created API token", "user", user.email, name=name)
    return token, plain


def list_tokens(user: User) -> list[ApiToken]:
    """This person's tokens, newest first, revoked ones included (they show when)."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Stop one of this person's own tokens working; revoking twice changes nothing."""
    with writing():
        token = db.session.get(ApiToken, token_id)
        # Someone else's token is "no such token": no hint that it exists.
        if token is None or token.user_id != user.id:
            raise AccountError(_("No such token."))
        if token.revoked_at is None:
            token.revoked_at = utcnow()
            audit.record(user, "revoked API token", "user", user.email, name=token.name)
    return token


def authenticate(plain: str | None) -> User | None:
    """The person a token belongs to, if it is live and their account is active."""
    if not plain or not plain.startswith(PREFIX):
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(plain)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    today = utcnow().date()
    # A write at most once a day per token: enough to spot unused tokens, no
    # write lock taken on every API call.
    if token.last_used_on != today:
        with writing():
            token.last_used_on = today
    return token.user
