"""JSON API views: the same rules as the console, reached with a personal token."""
from __future__ import annotations

from flask import jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from engage.api import bp
from engage.api.auth import api_user, error, token_required
from engage.console.access import RUNNERS, STAFF, may_run
from engage.services import consultations, exports
from engage.services.errors import ConsultationNotFound

PER_PAGE, MAX_PER_PAGE = 100, 500


@bp.get("/consultations")
@token_required(*RUNNERS)
def consultations_list() -> ResponseReturnValue:
    # A co-facilitator gets only the consultations they were added to.
    found = consultations.list_consultations(run_by=api_user())
    return jsonify(consultations=[summary.to_dict() for summary in found])


@bp.get("/consultations/<code>/answers")
@token_required(*STAFF)
def answers(code: str) -> ResponseReturnValue:
    consultation = consultations.find_consultation(code)
    if not may_run(api_user(), consultation):
        raise ConsultationNotFound(code)
    page = request.args.get("page", 1, type=int)
    per_page = request.args.get("per_page", PER_PAGE, type=int)
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        return error(400, f"page must be 1 or more, per_page from 1 to {MAX_PER_PAGE}.")
    table, rows = exports.answers_page(consultation, page, per_page, by=api_user())
    more = page * per_page < table.count
    return jsonify(
        consultation=consultation.join_code,
        questions=[{"id": c.question_id, "text": c.header} for c in table.columns],
        responses=[row.to_dict() for row in rows],
        page=page,
        per_page=per_page,
        total=table.count,
        next=url_for(".answers", code=consultation.join_code, page=page + 1, per_page=per_page,
                     _external=True) if more else None,
    )


@bp.errorhandler(ConsultationNotFound)
def _not_found(_error: ConsultationNotFound) -> ResponseReturnValue:
    # Unknown and someone else's look the same: no hint that a code exists.
    return error(404, _("No consultation of yours has that join code."))


@bp.errorhandler(HTTPException)
def _http_error(failure: HTTPException) -> ResponseReturnValue:
    return error(failure.code or 500, failure.description or failure.name)
