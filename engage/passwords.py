"""Password hashing with Argon2id at OWASP's minimum cost.

OWASP's Password Storage Cheat Sheet (2025): Argon2id with 19 MiB of memory,
2 iterations and 1 degree of parallelism. Werkzeug's default (scrypt with a
lower cost, or PBKDF2) is not used.
"""
from __future__ import annotations

from argon2 import PasswordHasher
from flask_babel import gettext as _
from argon2.exceptions import InvalidHashError, VerificationError

MEMORY_KIB = 19 * 1024
ITERATIONS = 2
PARALLELISM = 1
MIN_LENGTH = 12  # staff passwords: long beats clever

_HASHER = PasswordHasher(
    time_cost=ITERATIONS, memory_cost=MEMORY_KIB, parallelism=PARALLELISM
)
# Checked when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY = _HASHER.hash("not a real password, only spends the same time")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_LENGTH:
        return _("Use at least %(min)s characters. A few ordinary words in a row work well.", min=MIN_LENGTH)
    if len(password) > 256:
        return _("Use at most 256 characters.")
    if len(set(password)) < 4:
        return _("That password repeats too few characters.")
    return None
