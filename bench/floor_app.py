"""The least a respondent page can do: the floor under Engage's load figures.

Served by bench/submit.py (``--floor``) under the same gunicorn settings as Engage
and the bare "hello" app. Each request does only what issue 2 itself asks of every
screen, with the ecosystem's own tools and nothing of Engage's:

- ``GET /q``: read the signed session, find where this young person is (one
  SELECT), pick the language with Flask-Babel, render a one-question form with a
  Flask-WTF CSRF token;
- ``POST /q``: check the CSRF token and the answer, store the answer durably (one
  INSERT and COMMIT on SQLite in WAL mode with ``synchronous=FULL``, so an
  acknowledged answer survives a power cut), redirect to the next screen.

No ORM, no survey engine, no branching, no tagging, no disclosure check, no
progress bar, no back button. If even this cannot serve half the bare app's
requests a second, no implementation of the issue can.
"""
from __future__ import annotations

import os
import secrets
import sqlite3
import threading

from flask import Flask, abort, redirect, request, session
from flask_babel import Babel, gettext
from flask_wtf.csrf import CSRFProtect, generate_csrf

DATABASE = os.environ.get("FLOOR_DATABASE", "floor.sqlite3")

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ.get("FLOOR_SECRET", secrets.token_hex(32)),
                  SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
CSRFProtect(app)
Babel(app, locale_selector=lambda: request.accept_languages.best_match(["en", "cy"]) or "en")

_local = threading.local()

PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<title>{{ title }}</title><main><h1>{{ title }}</h1>
<form method="post" action="/q"><input type="hidden" name="csrf_token" value="{{ csrf }}">
<input type="hidden" name="question" value="{{ number }}">
<label><input type="radio" name="answer" value="yes"> {{ yes }}</label>
<label><input type="radio" name="answer" value="no"> {{ no }}</label>
<button name="next" value="1">{{ next }}</button></form></main></html>"""
_page = app.jinja_env.from_string(PAGE)  # compiled once, as render_template's cache does


def _db() -> sqlite3.Connection:
    connection = getattr(_local, "connection", None)
    if connection is None:
        connection = sqlite3.connect(DATABASE, isolation_level=None, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE IF NOT EXISTS answers "
                           "(respondent TEXT, question INTEGER, answer TEXT)")
        connection.execute("CREATE INDEX IF NOT EXISTS by_respondent ON answers (respondent)")
        _local.connection = connection
    return connection


@app.get("/q")
def question():
    respondent = session.setdefault("respondent", secrets.token_urlsafe(16))
    row = _db().execute("SELECT max(question) FROM answers WHERE respondent = ?",
                        (respondent,)).fetchone()
    number = (row[0] or 0) + 1
    return _page.render(title=gettext("Question %(n)s", n=number),
                        csrf=generate_csrf(), number=number,
                        yes=gettext("Yes"), no=gettext("No"), next=gettext("Next"))


@app.post("/q")
def answer():
    respondent = session.get("respondent")
    chosen = request.form.get("answer")
    if respondent is None or chosen not in ("yes", "no"):
        abort(400)
    connection = _db()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO answers VALUES (?, ?, ?)",
                       (respondent, int(request.form.get("question", 0)), chosen))
    connection.execute("COMMIT")
    return redirect("/q")
