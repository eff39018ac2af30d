"""The voice summary as JSON, for board members' own tools: the same aggregates as the board pages.

``GET /api/v1/voice?period=2026Q3`` (or ``?start=2026-01-01&end=2026-03-31``)
for a period, ``GET /api/v1/voice?code=CODE`` for one consultation. Every
count is a cell ``{"count", "suppressed", "display"}``, with ``count`` null
whenever it is hidden; quotes are scrubbed and never from a flagged answer.
"""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask.typing import ResponseReturnValue

from engage.api import bp
from engage.api.auth import error, token_required
from engage.models import ADMIN, BOARD_MEMBER
from engage.services import voice
from engage.services.errors import ConsultationNotFound
from engage.services.responding import today

READERS = (ADMIN, BOARD_MEMBER)


@bp.get("/voice")
@token_required(*READERS)
def voice_summary() -> ResponseReturnValue:
    args = request.args
    code = args.get("code", "").strip()
    period = {name: args.get(name, "") for name in ("period", "start", "end")}
    if code and any(v.strip() for v in period.values()):
        return error(400, _("Ask for a period or a consultation, not both."))
    if code:
        try:
            with force_locale("en"):
                summary = voice.summary_as_dict(voice.consultation_summary(code))
        except ConsultationNotFound:
            return error(404, _("No consultation has that join code."))
        return jsonify(summary)
    if not any(v.strip() for v in period.values()):
        return error(400, _("Ask for a period (?period=2026Q3, or ?start=2026-07-01&end=2026-09-30) "
                            "or a consultation (?code=CODE)."))
    try:
        chosen = voice.parse_period(period["period"], period["start"], period["end"], today=today())
    except voice.PeriodError as problem:
        return error(400, str(problem))
    # The summary's labels are data for people's tools: English, like the field names.
    with force_locale("en"):
        summary = voice.summary_as_dict(voice.voice_summary(chosen))
    return jsonify(summary)
