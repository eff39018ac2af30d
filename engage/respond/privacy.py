"""The privacy page for young people: what we ask, keep and show, in plain words."""
from flask import current_app, render_template

from engage.respond.routes import bp


@bp.get("/privacy")
def privacy():
    config = current_app.config
    return render_template(
        "respond/privacy.html",
        months=config["RETENTION_MONTHS"],
        threshold=config["SUPPRESSION_THRESHOLD"],
        contact=config["PRIVACY_CONTACT"],
    )
