"""Console views: a consultation's answers as a CSV or XLSX file.

Only admins and facilitators: co-facilitators are young people and never
take other young people's raw answers away in a file; board members and the
safeguarding lead have their own, narrower views.
"""
from __future__ import annotations

from flask import Response, send_file, stream_with_context
from flask_login import current_user

from engage.console import bp
from engage.console.access import consultation_run_by_me, requires
from engage.models import ADMIN, FACILITATOR, Consultation, utcnow
from engage.services import exports

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/c/<code>/export.csv")
@requires(ADMIN, FACILITATOR)
def export_csv(code: str):
    found = consultation_run_by_me(code)
    table = exports.start_export(found, exports.CSV, by=current_user)
    # Streamed: thousands of responses never sit in memory as one string.
    response = Response(stream_with_context(exports.csv_chunks(table)), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{_file_name(found, "csv")}"'
    return response


@bp.get("/c/<code>/export.xlsx")
@requires(ADMIN, FACILITATOR)
def export_xlsx(code: str):
    found = consultation_run_by_me(code)
    table = exports.start_export(found, exports.XLSX, by=current_user)
    return send_file(
        exports.xlsx_file(table),
        mimetype=XLSX_TYPE,
        as_attachment=True,
        download_name=_file_name(found, "xlsx"),
    )


def _file_name(consultation: Consultation, extension: str) -> str:
    # The join code, not the title: a title may hold characters a file name cannot.
    return f"engage-{consultation.join_code}-answers-{utcnow().date().isoformat()}.{extension}"
