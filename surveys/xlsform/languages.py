"""XLSForm names languages in column headers (``label::English (en)``); Engage uses codes.

The XLSForm convention puts the code in brackets; older forms write only a
name (``label:english``) or only a code (``LABEL::EN``). A name we do not know
is refused rather than guessed, so that a survey is never shown in the wrong
language.
"""
from __future__ import annotations

import re

NAMES = {
    "en": "English", "cy": "Welsh", "gd": "Gaelic", "ga": "Irish", "pl": "Polish",
    "ro": "Romanian", "ar": "Arabic", "ur": "Urdu", "pa": "Punjabi", "bn": "Bengali",
    "gu": "Gujarati", "hi": "Hindi", "ta": "Tamil", "so": "Somali", "ti": "Tigrinya",
    "am": "Amharic", "fa": "Persian", "prs": "Dari", "ps": "Pashto", "ku": "Kurdish",
    "tr": "Turkish", "uk": "Ukrainian", "ru": "Russian", "lt": "Lithuanian", "lv": "Latvian",
    "sk": "Slovak", "cs": "Czech", "hu": "Hungarian", "bg": "Bulgarian", "sq": "Albanian",
    "pt": "Portuguese", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
    "nl": "Dutch", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "vi": "Vietnamese",
    "th": "Thai", "sw": "Swahili", "ha": "Hausa", "yo": "Yoruba", "ig": "Igbo",
    "ne": "Nepali", "si": "Sinhala", "ms": "Malay", "id": "Indonesian", "tl": "Tagalog",
    "el": "Greek", "he": "Hebrew",
}
_CODES = {name.lower(): code for code, name in NAMES.items()} | {"farsi": "fa", "mandarin": "zh"}
_BRACKETED = re.compile(r".*\(\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\s*\)\s*")
_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def language_code(written: str) -> str | None:
    """``English (en)``, ``english`` or ``EN`` -> ``en``; None for a name not known."""
    text = written.strip()
    match = _BRACKETED.fullmatch(text)
    if match:
        return _normal(match.group(1))
    if text.lower() in _CODES:
        return _CODES[text.lower()]
    if _CODE.fullmatch(text) and len(text) <= 3:
        return _normal(text)
    return None


def language_label(code: str) -> str:
    """How XLSForm writes a language in a header: ``English (en)``."""
    return f"{NAMES.get(code.split('_')[0].split('-')[0], code)} ({code})"


def _normal(code: str) -> str:
    head, *rest = re.split(r"[-_]", code)
    return "_".join([head.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])
