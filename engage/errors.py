"""Friendly pages for what goes wrong; nobody sees a stack trace or loses their place."""
from flask import Flask, jsonify, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from engage.services.responding import today
from engage.services.errors import ConsultationClosed, ConsultationNotFound


def _page(template: str, status: int, **context):
    return render_template(f"errors/{template}.html", **context), status


def register(app: Flask) -> None:
    @app.errorhandler(ConsultationNotFound)
    def _unknown_code(error):
        return _page("unknown_code", 404, code=str(error))

    @app.errorhandler(ConsultationClosed)
    def _closed(error):
        return _page("closed", 410, consultation=error.consultation, today=today())

    @app.errorhandler(413)
    def _too_large(error):
        return _page("too_large", 413, back=_same_site_referrer())

    @app.errorhandler(CSRFError)
    def _stale_form(error):
        return _page("stale_form", 400, back=_same_site_referrer())

    @app.errorhandler(HTTPException)
    def _http(error):
        if request.path.startswith("/api/"):
            return jsonify(error=error.description or error.name), error.code or 500
        if request.blueprint in ("console", "board"):
            return render_template("console/error.html", error=error), error.code or 500
        return _page("http", error.code or 500, error=error)

    @app.errorhandler(500)
    def _broken(error):
        return _page("http", 500, error=None)


def _same_site_referrer() -> str | None:
    """Where to carry on: the survey screen, which resumes or goes back to the intro."""
    code = (request.view_args or {}).get("code")
    return url_for("respond.screen", code=code) if code else None
