"""Board views: the quarterly report and each consultation's write-up, as a page, PDF or CSV.

``/board/report?period=2026Q3&format=pdf`` or ``/board/report?code=CODE&format=html&version=young-people``.
Board members and admins only; what they get is built from a voice summary,
so every count is already suppressed and every quote scrubbed.
"""
from __future__ import annotations

from contextlib import nullcontext

from flask import Response, abort, request
from flask_babel import force_locale
from flask_babel import gettext as _

from engage import reports
from engage.board import bp
from engage.console.access import requires
from engage.models import ADMIN, BOARD_MEMBER
from engage.reports import BOARD, CSV, HTML, Document, ReportError
from engage.reports.html import content_security_policy
from engage.services import voice
from engage.services.errors import ConsultationNotFound
from engage.services.responding import today
from engage.services.voice_model import Period

READERS = (ADMIN, BOARD_MEMBER)


@bp.get("/report")
@requires(*READERS)
def report():
    fmt = request.args.get("format", HTML).strip().lower()
    version = request.args.get("version", BOARD).strip().lower()
    code = request.args.get("code", "").strip()
    period_text = request.args.get("period", "").strip()
    try:
        reports.check_format(fmt, version)
    except ReportError as error:
        abort(400, description=str(error).capitalize() + ".")
    if code and period_text:
        abort(400, description=_("Ask for a period or a consultation, not both."))
    if code:
        try:
            with _language_of(fmt):
                summary = voice.consultation_summary(code)
                document = reports.consultation_report(summary, fmt, version)
        except ConsultationNotFound:
            abort(404, description=_("No consultation has the join code %(code)s.", code=repr(code[:20])))
        return _send(document)
    if version != BOARD:
        abort(400, description=_("The young people's version is of one consultation: give its code."))
    period = _period(period_text)
    with _language_of(fmt):
        document = reports.quarterly_report(voice.voice_summary(period), fmt)
    return _send(document)


def _language_of(fmt: str):
    """A CSV is for spreadsheets and scripts: its words stay English whatever the page's language."""
    return force_locale("en") if fmt == CSV else nullcontext()


def _period(text: str) -> Period:
    """The quarter asked for; this quarter, so far, when none is."""
    if not text:
        day = today()
        return Period.quarter(f"{day.year}Q{(day.month - 1) // 3 + 1}")
    try:
        return Period.quarter(text)
    except ValueError:
        abort(400, description=_('"%(text)s" is not a quarter: write it like 2026Q3.', text=text[:20]))


def _send(document: Document) -> Response:
    response = Response(document.content, mimetype=document.mimetype)
    if document.format == HTML:
        # A standalone page: its own stylesheet is the only thing it may load or run.
        response.headers["Content-Security-Policy"] = content_security_policy()
        response.headers["Content-Disposition"] = f'inline; filename="{document.filename}"'
    else:
        # Join codes and quarters only: the file name needs no quoting rules.
        response.headers["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
