"""What every page shares: locale choice, privacy headers, template helpers, health."""
from __future__ import annotations

import io

from flask import Flask, abort, current_app, has_request_context, jsonify, render_template, request, session
from flask_babel import force_locale, format_percent, get_locale
from markupsafe import Markup
from sqlalchemy import text

from engage.database import database_name
from engage.extensions import db
from engage.i18n import shown_count, survey_words
from engage.language_choice import SESSION_KEY
from engage.languages import RTL_LANGUAGES, direction, language_name
from engage.logs import keep_addresses_out_of_logs
from surveys.i18n import DEFAULT_LANGUAGE

__all__ = ["RTL_LANGUAGES", "choose_locale", "register"]


def choose_locale() -> str:
    """The language chosen on screen (kept for the session), else the browser's, else English.

    Outside a request (the command line, a queued job) there is no screen and
    no browser: the default, so services may call ``gettext`` wherever they run.
    """
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = current_app.config["LANGUAGES"]
    chosen = session.get(SESSION_KEY)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or DEFAULT_LANGUAGE


def public_base() -> str:
    """Where young people reach this Engage: PUBLIC_URL, else the address this request came to."""
    return (current_app.config["PUBLIC_URL"] or request.host_url).rstrip("/")


def whole_percent(value: int | None) -> str:
    """A whole-number percentage (42 → "42%", "42 %" in Romanian); nothing for None."""
    return "" if value is None else format_percent(value / 100)


def larger_uploads(limit: int):
    """Mark a view that takes a file bigger than a young person's answer could be."""

    def mark(view):
        view.upload_limit = limit
        return view

    return mark


def allow_larger_uploads(app: Flask) -> None:
    @app.before_request
    def _upload_limit():
        view = app.view_functions.get(request.endpoint or "")
        limit = getattr(view, "upload_limit", None)
        if limit:
            request.max_content_length = limit
            request.max_form_memory_size = limit
        _measure_chunked_body()


def _measure_chunked_body() -> None:
    """Refuse a chunked body over the limit (413) rather than read it cut short.

    A body sent in chunks has no Content-Length, and Werkzeug reads such a
    body only up to ``max_content_length``, silently: an answer would be saved
    truncated, or the fields after the cut lost. So it is read here, one byte
    past the limit at most, and handed on with its length known.
    """
    environ = request.environ
    if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return
    if request.content_length is not None or not environ.get("wsgi.input_terminated"):
        return
    limit = request.max_content_length
    if limit is None:
        return
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        abort(413)
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))


def help_in(language: str | None) -> Markup:
    """The help lines in the language a young person wrote in, when the page is in another.

    A child may answer in Urdu on a page their phone set to English: the help must be
    readable to them too. Nothing for a language Engage does not speak.
    """
    page = str(get_locale() or DEFAULT_LANGUAGE)
    if not language or language == page or language not in current_app.config["LANGUAGES"]:
        return Markup("")
    with force_locale(language):
        return Markup(render_template("_help_in_language.html", language=language,
                                      language_direction=direction(language)))


def register(app: Flask) -> None:
    app.jinja_env.filters["words"] = survey_words  # the pages' survey wording
    # Flask-Babel adds dateformat, datetimeformat, decimalformat, percentformat (a fraction).
    app.jinja_env.filters["shown_count"] = shown_count
    app.jinja_env.filters["whole_percent"] = whole_percent
    app.jinja_env.globals["public_base"] = public_base
    app.jinja_env.globals["help_in"] = help_in
    keep_addresses_out_of_logs()  # the development server's request lines

    @app.context_processor
    def _page_language():
        language = str(get_locale() or DEFAULT_LANGUAGE)
        return {
            "page_language": language,
            "page_direction": direction(language),
            # For the chooser (_language_chooser.html): code, own name, direction.
            "language_choices": [
                (code, language_name(code), direction(code)) for code in current_app.config["LANGUAGES"]
            ],
        }

    @app.after_request
    def _privacy_headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.endpoint != "static":
            # A shared school tablet must not show the last child's answers.
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/healthz")
    def healthz():
        db.session.execute(text("SELECT 1"))
        return jsonify(status="ok", database=database_name())
