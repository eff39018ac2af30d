"""Lazy translation for words defined at import time (form labels, choice names, constants).

Flask-Babel's ``LazyString.__html__`` hands Jinja and WTForms the text *unescaped*,
so "You don't" would reach a page as raw text, and a label with a quote could
break the attribute it sits in. This lazy string is escaped like any other text.
Its str() is the translation in the request's language; convert with str() before
anything that needs a plain string (fpdf2, SVG, JSON, the session).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from flask_babel import format_decimal, get_locale, gettext, ngettext
from flask_babel.speaklater import LazyString
from markupsafe import escape

from engage.analysis.suppression import HIDDEN, Cell, threshold_of
from surveys.i18n import DEFAULT_LANGUAGE


class LazyText(LazyString):
    def __html__(self) -> str:
        return str(escape(str(self)))


def _l(string: str, **variables) -> LazyText:
    """``lazy_gettext``: translated each time it is shown."""
    return LazyText(gettext, string, **variables)


def lazy_ngettext(singular: str, plural: str, num: int, **variables) -> LazyText:
    return LazyText(ngettext, singular, plural, num, **variables)


def survey_words(text: Mapping[str, str] | None) -> str:
    """Survey wording in the page's language; the engine's own words via the catalogue.

    A survey carries its own translations, unit by unit; where it has none for the
    page's language the English stands, run through the catalogue so that the
    engine's fixed choices (a faces scale's "Really bad", "Yes") are translated.
    """
    if not text:
        return ""
    language = str(get_locale() or DEFAULT_LANGUAGE)
    if language in text:
        return text[language]
    return gettext(text.get(DEFAULT_LANGUAGE) or next(iter(text.values())))


def shown_count(cell: Cell) -> str:
    """A protected count (``analysis.suppression.Cell``) as a person reads it.

    A shown count in the page's locale (1,234 · 1 234 · 1.234); a hidden one
    in the page's words. ``Cell.display`` itself stays plain English, for CSV and JSON.
    """
    threshold = threshold_of(cell)
    if threshold is not None:
        return gettext("fewer than %(n)s", n=format_decimal(threshold))
    if cell.suppressed or cell.count is None:
        return gettext("hidden") if cell.display == HIDDEN else cell.display
    return format_decimal(cell.count)


def plural_forms(choose: Callable[[int], str]) -> dict[str, str]:
    """``choose(n)`` once for each plural category of the page's language.

    Keyed by the CLDR category (zero, one, two, few, many, other), as a script's
    ``Intl.PluralRules(lang).select(n)`` names it, so a page can hand a script every
    form of a phrase: Welsh has six, Arabic six, Polish four.
    """
    rule = get_locale().plural_form
    forms: dict[str, str] = {}
    for n in range(200):  # every category has an example below 200 in every shipped language
        category = rule(n)
        if category not in forms:
            forms[category] = choose(n)
    return forms


def language_in_words(code: str) -> str:
    """A language's name in the reader's language: "Polish" to an English reader, "Pwyleg" to a Welsh one."""
    try:
        return Locale.parse(code).get_display_name(get_locale() or DEFAULT_LANGUAGE) or code
    except (ValueError, UnknownLocaleError):
        return code


def long_date(day) -> str:
    """'1 July 2026', the month in the reader's language ('1 lipca 2026'); English outside a page."""
    return format_date(day, "d MMMM y", locale=get_locale() or DEFAULT_LANGUAGE)


def short_date(day) -> str:
    """'1 Jul 2026' ('1 lip 2026'), for a period named by its dates."""
    return format_date(day, "d MMM y", locale=get_locale() or DEFAULT_LANGUAGE)
