"""Bearer tokens for the JSON API, and its errors as JSON.

Only a token in the Authorization header counts: the console's session
cookie is never read here, so a page on another site cannot make a signed-in
browser call the API on its owner's behalf (and the API needs no CSRF check).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import g, jsonify, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from engage.models import User
from engage.services import api_tokens

REALM = 'Bearer realm="engage"'


def error(status: int, message: str, **headers: str) -> ResponseReturnValue:
    response = jsonify(error=message)
    response.status_code = status
    response.headers.update(headers)
    return response


def bearer_token() -> str | None:
    scheme, _space, token = (request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def api_user() -> User:
    """The person whose token this request carries (set by ``token_required``)."""
    return g.api_user


def token_required(*roles: str) -> Callable:
    """A live token of a person with one of these roles: else 401, or 403 for the role."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def checked(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            token = bearer_token()
            if token is None:
                return error(401, _("Send an API token as 'Authorization: Bearer <token>'."),
                             **{"WWW-Authenticate": REALM})
            user = api_tokens.authenticate(token)
            if user is None:
                # RFC 6750: the same answer for unknown, revoked or an inactive owner's token.
                return error(401, _("This API token is not valid: it may have been revoked."),
                             **{"WWW-Authenticate": f'{REALM}, error="invalid_token"'})
            if user.role not in roles:
                return error(403, _("Your role cannot use this part of the API."))
            g.api_user = user
            return view(*args, **kwargs)

        checked.allowed_roles = roles
        return checked

    return decorate
