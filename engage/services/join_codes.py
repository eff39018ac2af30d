"""Short join codes that are easy to read aloud and type on a phone."""
import re
import secrets

# No 0/O, 1/I/L: a code read off a poster across a room must not be misread.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6
_SHAPE = re.compile(rf"^[{ALPHABET}]{{4,12}}$")


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_join_code(raw: str) -> str | None:
    """Upper-case, without spaces or dashes; None when it cannot be a join code."""
    code = re.sub(r"[\s\-]", "", raw or "").upper()
    return code if _SHAPE.match(code) else None
