"""Sheet rows as named columns, with XLSForm's old and new spellings of each header.

Headers are read case-blind (``TYPE`` is ``type``), old aliases are mapped to
today's names (``bind:relevant`` is ``relevant``, ``list name`` is
``list_name``), and a translatable column keeps its language as written
(``label::English (en)`` and ``label:english`` both give ``label``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from surveys.xlsform.workbook import RawSheet

_ALIASES = {
    "bind:relevant": "relevant", "relevance": "relevant",
    "bind:constraint": "constraint",
    "bind:required": "required",
    "bind:readonly": "read_only", "readonly": "read_only", "read only": "read_only",
    "bind:calculate": "calculation",
    "bind:jr:constraintmsg": "constraint_message", "constraint message": "constraint_message",
    "constraint-msg": "constraint_message", "constraint_msg": "constraint_message",
    "bind:jr:requiredmsg": "required_message", "requiredmsg": "required_message",
    "required message": "required_message",
    "control:appearance": "appearance",
    "list name": "list_name", "choice filter": "choice_filter", "repeat count": "repeat_count",
    "caption": "label",
    "image": "media", "audio": "media", "video": "media", "big-image": "media",
}
_CHOICE_ALIASES = {"value": "name", "text": "label"}
TRANSLATABLE = {
    "label", "hint", "guidance_hint", "constraint_message", "required_message", "media",
    "engage::title", "engage::intro", "engage::thank_you",
}


@dataclass(frozen=True)
class Row:
    sheet: str
    number: int
    values: Mapping[str, str] = field(default_factory=dict)
    texts: Mapping[str, Mapping[str | None, str]] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.values.get(column, "")

    def words(self, column: str) -> dict[str | None, str]:
        """The column's text by language as written (None: no language given)."""
        return {lang: text for lang, text in self.texts.get(column, {}).items() if text}


def header(text: str, aliases: Mapping[str, str] = _ALIASES) -> tuple[str, str | None]:
    """``label::English (en)`` -> (``label``, ``English (en)``); ``type`` -> (``type``, None)."""
    written = text.strip()
    lowered = written.lower()
    if lowered in aliases:
        return aliases[lowered], None
    if "::" in written:
        base, language = written.split("::", 1)
        base = base.strip().lower()
        if base == "media":  # media::image::English (en)
            language = language.partition("::")[2] or None
        elif base == "engage" and "::" in language:  # engage::intro::English (en)
            kind, language = language.split("::", 1)
            base = f"engage::{kind.strip().lower()}"
        elif base == "engage":
            return f"engage::{language.strip().lower()}", None
        base = aliases.get(base, base)
        if base not in TRANSLATABLE:
            return lowered, None
        return base, (language.strip() if language else None)
    if ":" in written:
        base, language = written.split(":", 1)
        base = aliases.get(base.strip().lower(), base.strip().lower())
        if base in TRANSLATABLE:
            return base, language.strip()
    return lowered, None


def table(sheet: RawSheet | None, choices: bool = False) -> list[Row]:
    """The rows under the sheet's first row, which names the columns."""
    if sheet is None or not sheet.rows:
        return []
    aliases = {**_ALIASES, **_CHOICE_ALIASES} if choices else _ALIASES
    (_, heading), *body = sheet.rows
    columns = [header(text, aliases) if text else None for text in heading]
    rows = []
    for number, cells in body:
        values: dict[str, str] = {}
        texts: dict[str, dict[str | None, str]] = {}
        for column, cell in zip(columns, cells):
            if column is None or not cell:
                continue
            name, language = column
            if name in TRANSLATABLE:
                texts.setdefault(name, {}).setdefault(language, cell)
            else:
                values.setdefault(name, cell)
        rows.append(Row(sheet.name, number, values, texts))
    return rows


def yes_or_no(text: str) -> bool | None:
    """XLSForm's ways of writing yes and no; None for anything else (an expression)."""
    lowered = text.strip().lower()
    if lowered in ("yes", "true", "true()", "1", "y"):
        return True
    if lowered in ("", "no", "false", "false()", "0", "n"):
        return False
    return None
