"""Hostile input young people's forms and the chat must survive.

Shared by the HTTP tests (nothing breaks, nothing is lost or duplicated) and
the browser tests (markup is shown as words and never runs). A payload that
runs sets ``window.__engage_pwned``, so a test can tell.
"""
from __future__ import annotations

PWNED = "window.__engage_pwned"

# Script and HTML that would run if any page rendered an answer unescaped.
MARKUP = [
    "<script>window.__engage_pwned=1</script>",
    "<img src=x onerror=\"window.__engage_pwned=1\">",
    "<svg onload=window.__engage_pwned=1>",
    "\"><script>window.__engage_pwned=1</script>",
    "'><img src=x onerror=window.__engage_pwned=1>",
    "<iframe srcdoc=\"<script>parent.__engage_pwned=1</script>\"></iframe>",
    "<a href=\"javascript:window.__engage_pwned=1\">click me</a>",
    "<details open ontoggle=window.__engage_pwned=1>",
    "{{ 7*7 }} {% print(7*7) %}",
    "</textarea><script>window.__engage_pwned=1</script>",
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__engage_pwned=1>",
]

SQL = [
    "'; DROP TABLE responses; --",
    "1 OR 1=1",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(5); --",
    "admin'--",
    "%' UNION SELECT * FROM users --",
]

# Text that is awkward rather than dangerous: kept as written, except for the
# invisible characters that change how other text shows (see ``STORED_AS``).
AWKWARD = [
    "right\u202eto\u202cleft override",
    "zero\u200bwidth\u200djoiner\ufeff",
    "emoji 👩🏽‍🦱🏳️‍🌈 and combining é",
    "العربية مع English mixed",
    "a" * 5000,
]

# What a free-text answer made of an AWKWARD payload is stored as, where that is
# not the payload itself. Bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) and zero-width spaces, word joiners and byte
# order marks are taken out (surveys.question_types.clean_text): they can make a
# quote read differently from what is stored wherever it is shown, and hide words
# from theme tagging. Zero-width joiners stay: emoji and some scripts need them.
STORED_AS = {
    "right\u202eto\u202cleft override": "righttoleft override",
    "zero\u200bwidth\u200djoiner\ufeff": "zerowidth\u200djoiner",
}

# Control characters, which PostgreSQL cannot store (NUL) or which no one can
# see: stored without them, and never a server error.
CONTROL = [
    "before\x00after",
    "\x00",
    "nul at the end\x00",
    "bell\x07 escape\x1b[31m delete\x7f c1\x85\x9b",
]
CONTROL_STORED_AS = {
    "before\x00after": "beforeafter",
    "\x00": None,  # nothing left: the same as leaving the box empty
    "nul at the end\x00": "nul at the end",
    "bell\x07 escape\x1b[31m delete\x7f c1\x85\x9b": "bell escape[31m delete c1",
}

# Every hostile string a form field or a chat message can carry.
TEXT = MARKUP + SQL + AWKWARD + CONTROL


def stored_as(typed: str) -> str | None:
    """What a free-text answer typed as ``typed`` is stored as (None: no answer)."""
    import unicodedata

    if typed in CONTROL_STORED_AS:
        return CONTROL_STORED_AS[typed]
    return STORED_AS.get(typed, unicodedata.normalize("NFC", typed).strip())


# Bytes that are not UTF-8, sent raw or percent-encoded inside a form body:
# they arrive as U+FFFD replacement characters, never as a server error.
NOT_UTF8 = [
    b"\xff\xfe",  # bytes that never appear in UTF-8
    b"caf\xc3\x28",  # a two-byte sequence broken off
    b"\xed\xa0\x80",  # a surrogate, encoded (CESU-8)
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\xc0\xaf",  # an over-long slash
    b"\x80lone continuation",
]

# Text only JSON can carry: a lone surrogate, which no database can store as UTF-8.
LONE_SURROGATES = ["\ud800", "half a pair \udfff here", "\ud83d"]

TEN_MB = 10 * 1024 * 1024


def ten_mb_form(field: str = "answer", **others: str) -> bytes:
    """A URL-encoded form whose ``field`` alone is 10 MB."""
    from urllib.parse import urlencode

    return (urlencode(others) + "&" if others else "").encode() + field.encode() + b"=" + b"x" * TEN_MB


def ten_mb_json() -> bytes:
    """A Telegram update with 10 MB of text."""
    return b'{"update_id": 1, "message": {"text": "' + b"x" * TEN_MB + b'"}}'


def ids(payloads) -> list[str]:
    """Short, readable test ids for payloads."""
    def one(payload) -> str:
        text = payload.decode("latin-1") if isinstance(payload, bytes) else payload
        return ascii(text[:24])[1:-1] + (f"..{len(text)}" if len(text) > 24 else "")

    return [f"{i}:{one(p)}" for i, p in enumerate(payloads)]
