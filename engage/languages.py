"""The languages Engage speaks: each one's own name and its writing direction.

Plain data, shared by the web pages and the Telegram bot so that both offer the
same languages, named the same way. Which languages are offered is the app's
``LANGUAGES`` setting; these tables only say how to show each one.
"""
from __future__ import annotations

# Each language by its own name, in its own script: a young person looks for
# the word they can read, not for "Welsh" written in English.
LANGUAGE_NAMES = {
    "en": "English",
    "cy": "Cymraeg",
    "pl": "Polski",
    "ro": "Română",
    "ar": "العربية",
    "ur": "اردو",
}

RTL_LANGUAGES = frozenset({"ar", "ur", "he", "fa"})


def base_language(code: str) -> str:
    """``pt_BR`` and ``pt-br`` → ``pt``."""
    return code.replace("-", "_").split("_")[0].lower()


def direction(code: str) -> str:
    """``rtl`` for a language written right to left, else ``ltr``."""
    return "rtl" if base_language(code) in RTL_LANGUAGES else "ltr"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
