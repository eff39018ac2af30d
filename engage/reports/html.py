"""Report pages as standalone HTML: one file that prints, mails and opens offline.

The templates (engage/templates/reports/) are rendered by a Jinja environment
of their own, not Flask's, so the command line and tests need no app and no
request. The stylesheet (static/report.css) is written into the page; a
served report allows exactly that stylesheet by its hash
(``content_security_policy``), so no other inline style can run.
"""
from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from flask_babel import get_translations
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from engage.config import ROOT
from engage.i18n import shown_count
from engage.reports import words
from engage.reports.charts import bar_chart_svg, text_alternative, value_label
from engage.services.voice_model import sentiment_name

STYLESHEET = ROOT / "static" / "report.css"


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def content_security_policy() -> str:
    """For a served report page: nothing from anywhere, but its own stylesheet."""
    digest = base64.b64encode(hashlib.sha256(stylesheet().encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def _chart(rows, title: str, description: str = "") -> Markup:
    # bar_chart_svg escapes every label itself.
    return Markup(bar_chart_svg(rows, title, description=description))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("engage", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The same catalogue as the app's pages, installed as Flask-Babel installs it for
    # them: Jinja's newstyle calls fill in every variable, so a {% pluralize %} may
    # name more than the count. English outside an app (the command line, tests).
    env.install_gettext_callables(
        lambda message: get_translations().ugettext(message),
        lambda singular, plural, n: get_translations().ungettext(singular, plural, n),
        newstyle=True,
    )
    env.filters.update(
        chart=_chart,
        alt=text_alternative,
        value=value_label,
        trend=words.trend,
        status=words.status,
        due=words.due,
        people=words.people,
        shown_count=shown_count,
        mood=sentiment_name,
    )
    env.globals.update(
        words=words,
        report_title=words.REPORT_TITLE,
        css=lambda: Markup(stylesheet()),
    )
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
