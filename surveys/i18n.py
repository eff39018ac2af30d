"""Marking and choosing words without a translation framework.

The core only *marks* its messages with ``N_`` so ``pybabel extract`` finds
them; the channel that shows a message translates it at request time.
"""
from collections.abc import Mapping

DEFAULT_LANGUAGE = "en"

Localised = Mapping[str, str]


def N_(message: str) -> str:
    """Mark a message for extraction; translation happens in the channel."""
    return message


def localise(text: Localised | None, language: str = DEFAULT_LANGUAGE) -> str:
    """Pick the wording for ``language``, falling back to English, then to any."""
    if not text:
        return ""
    for key in (language, language.split("_")[0], DEFAULT_LANGUAGE):
        if key in text:
            return text[key]
    return next(iter(text.values()))


def as_localised(value: object, where: str) -> dict[str, str]:
    """Accept a plain string (English) or a mapping of language code to string."""
    from surveys.errors import SurveyDefinitionError

    if isinstance(value, str):
        return {DEFAULT_LANGUAGE: value}
    if isinstance(value, Mapping) and value and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return dict(value)
    raise SurveyDefinitionError(f"{where}: expected words, or words per language")
