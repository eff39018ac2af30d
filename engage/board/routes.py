"""Board pages: what young people are saying, for a period or one consultation.

Board members and admins only. Facilitators have the console, co-facilitators
are young people themselves and the safeguarding lead has the alerts: none of
them needs the board's view, so none of them gets it (the more private
choice). The period and the join code travel in the query string.
"""
from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from engage.board import bp
from engage.console.access import requires
from engage.models import ADMIN, BOARD_MEMBER, CONSULTATION_STATUS_NAMES, DRAFT
from engage.reports import words
from engage.reports.charts import bar_chart_svg
from engage.services import voice
from engage.services.consultations import list_consultations
from engage.services.errors import ConsultationNotFound
from engage.services.responding import today
from engage.services.voice_model import Period, ThemeSummary

READERS = (ADMIN, BOARD_MEMBER)
ARROWS = {"up": "↑", "down": "↓", "same": "→", "new": "↑"}


@bp.get("/")
@requires(*READERS)
def index():
    args = request.args
    quarters = voice.recent_quarters(today())
    try:
        period = voice.parse_period(args.get("period", ""), args.get("start", ""), args.get("end", ""), today=today())
    except voice.PeriodError as error:
        page = render_template("board/summary.html", summary=None, error=str(error), quarters=quarters,
                               chosen=None, args=args, reports=(), **_helpers())
        return page, 400
    summary = voice.voice_summary(period)
    return render_template("board/summary.html", summary=summary, error=None, quarters=quarters,
                           chosen=period, args=args, reports=_report_links({"period": _quarter_text(period)}),
                           **_helpers())


@bp.get("/consultation")
@requires(*READERS)
def consultation():
    code = request.args.get("code", "").strip()
    if not code:
        return render_template("board/consultations.html", consultations=_consultations(), kinds=voice.KIND_NAMES,
                               statuses=CONSULTATION_STATUS_NAMES)
    try:
        summary = voice.consultation_summary(code)
    except ConsultationNotFound:
        page = render_template("board/consultations.html", consultations=_consultations(), kinds=voice.KIND_NAMES,
                               statuses=CONSULTATION_STATUS_NAMES,
                               error=_("No consultation has the join code “%(code)s”.", code=code[:20]))
        return page, 404
    return render_template("board/summary.html", summary=summary, error=None, quarters=(), chosen=None,
                           args=request.args, reports=_report_links({"code": summary.consultation_code}),
                           **_helpers())


def _consultations():
    return [c for c in list_consultations() if c.status != DRAFT]


def _quarter_text(period: Period) -> str | None:
    """'2026Q3' for a quarter; None for any other span (reports are by quarter)."""
    label = period.label
    return label.replace(" ", "") if label[-2:] in ("Q1", "Q2", "Q3", "Q4") else None


def _report_links(query: dict[str, str | None]) -> tuple[tuple[str, str], ...]:
    """(label, address) of the report downloads; none for a period that is not a quarter."""
    if not all(query.values()):
        return ()
    return tuple((label, url_for("board.report", **query, format=fmt))
                 for label, fmt in ((_("Web page"), "html"), (_("PDF"), "pdf"), (_("Tables (CSV)"), "csv")))


def trend_words(theme: ThemeSummary) -> str:
    """'up from fewer than 10', 'down from 40', 'new this period'; what the two shown counts say."""
    if theme.trend == "new":
        return _("new this period")
    if theme.trend == "same":
        return _("the same as last period")
    if theme.trend == "up":
        return _("up from %(count)s", count=theme.previous.display)
    if theme.trend == "down":
        return _("down from %(count)s", count=theme.previous.display)
    if not theme.previous.display:
        return ""
    return str(words.NO_TREND)


def _chart(rows, title: str) -> Markup:
    # bar_chart_svg escapes every label itself.
    return Markup(bar_chart_svg(rows, title))  # noqa: S704


def _helpers() -> dict:
    return {
        "chart": _chart,
        "trend_words": trend_words,
        "arrows": ARROWS,
        "theme_names": words.theme_names,
        "choices_by_consultation": words.choices_by_consultation,
        "status_name": words.status,
        "sentiment_names": voice.SENTIMENT_NAMES,
        "long_date": words.long_date,
        "period_line": words.period_line,
        "suppression_note": words.suppression_note,
    }
