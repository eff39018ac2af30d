"""A consultation's results page for young people: how many took part, what they chose, and what is being done.

No sign-in, no answers: only counts that went through small-number
suppression (charts of the choice questions, with their words) and the
actions the partnership has published in reply.
"""
from flask import render_template
from flask_babel import get_locale

from engage.reports.consultation import public_charts
from engage.respond.routes import bp
from engage.services.actions import results_for
from engage.services.voice import consultation_choices


@bp.get("/s/<code>/results")
def results(code: str):
    # An unknown code raises ConsultationNotFound: the same friendly page as joining.
    results = results_for(code, str(get_locale()))
    charts = public_charts(consultation_choices(code))
    return render_template("respond/results.html", results=results, charts=charts)
