"""Console views: a survey in from an XLSForm spreadsheet, and out as one."""
from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from engage.console import bp
from engage.console.access import RUNNERS, STAFF, consultation_run_by_me, requires
from engage.console.forms import ImportForm
from engage.services import audit, consultations
from engage.web import larger_uploads
from surveys.xlsform import XLSFormError, import_xlsform, write_xlsform
from surveys.xlsform.reader import MAX_BYTES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/consultations/import", methods=["GET", "POST"])
@larger_uploads(MAX_BYTES + 64 * 1024)
@requires(*STAFF)
def import_survey():
    form = ImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            imported = import_xlsform(upload.read(MAX_BYTES + 1), upload.filename or "form.xlsx")
        except XLSFormError as error:
            problems = [str(problem) for problem in error.problems]
        else:
            consultation = consultations.create_consultation(
                imported.survey, title=(form.title.data or "").strip() or None, by=current_user
            )
            audit.record(
                current_user, "imported survey", "consultation", consultation.join_code,
                file=upload.filename, questions=len(imported.survey.questions),
            )
            for note in imported.notes:
                flash(_("Note: %(note)s", note=note), "info")
            flash(ngettext("Imported %(num)d question as a draft.", "Imported %(num)d questions as a draft.",
                           len(imported.survey.questions)), "info")
            return redirect(url_for(".consultation", code=consultation.join_code))
    status = 422 if (problems or form.errors) else 200
    return render_template("console/import.html", form=form, problems=problems), status


@bp.get("/c/<code>/survey.xlsx")
@requires(*RUNNERS)
def export_survey(code: str):
    consultation = consultation_run_by_me(code)
    data = write_xlsform(consultations.survey_of(consultation))
    return Response(
        data,
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="survey-{consultation.join_code}.xlsx"'},
    )
