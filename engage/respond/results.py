"""A consultation's results page for young people: how many took part, and what is being done.

No sign-in, no answers: only a count that went through small-number
suppression and the actions the partnership has published in reply.
"""
from flask import render_template

from engage.respond.routes import bp
from engage.services.actions import results_for


@bp.get("/s/<code>/results")
def results(code: str):
    # An unknown code raises ConsultationNotFound: the same friendly page as joining.
    return render_template("respond/results.html", results=results_for(code))
