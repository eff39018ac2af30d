"""Lazy translation for words defined at import time (form labels, choice names, constants).

Flask-Babel's ``LazyString.__html__`` hands Jinja and WTForms the text *unescaped*,
so "You don't" would reach a page as raw text, and a label with a quote could
break the attribute it sits in. This lazy string is escaped like any other text.
Its str() is the translation in the request's language; convert with str() before
anything that needs a plain string (fpdf2, SVG, JSON, the session).
"""
from __future__ import annotations

from flask_babel import gettext, ngettext
from flask_babel.speaklater import LazyString
from markupsafe import escape


class LazyText(LazyString):
    def __html__(self) -> str:
        return str(escape(str(self)))


def _l(string: str, **variables) -> LazyText:
    """``lazy_gettext``: translated each time it is shown."""
    return LazyText(gettext, string, **variables)


def lazy_ngettext(singular: str, plural: str, num: int, **variables) -> LazyText:
    return LazyText(ngettext, singular, plural, num, **variables)
