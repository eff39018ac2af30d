"""Respondent pages: parse the request, call one service, render."""
from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError

from engage.models import WEB
from engage.qr import qr_png, qr_svg
from engage.respond.forms import JoinForm, ScreenForm, StartForm
from engage.services import responding
from engage.services.consultations import find_consultation
from engage.services.errors import ResponseNotFound, ServiceError
from engage.web import public_base
from surveys import AnswerError
from surveys.i18n import N_

bp = Blueprint("respond", __name__)

HELP_NOW = "help-now"  # flashed after words that may tell of harm
_TOKENS = "responses"  # session key: join code -> this browser's resume token


def _token(code: str) -> str | None:
    return session.get(_TOKENS, {}).get(code.upper())


def _remember(code: str, token: str) -> None:
    tokens = dict(session.get(_TOKENS, {}))
    tokens[code.upper()] = token
    session[_TOKENS] = tokens
    session.permanent = True


@bp.route("/", methods=["GET", "POST"])
def join():
    form = JoinForm()
    if form.validate_on_submit():
        return redirect(url_for(".intro", code=form.code.data))
    return render_template("respond/join.html", form=form), 422 if form.errors else 200


@bp.get("/s/<code>")
def intro(code: str):
    welcome = responding.welcome(code, _token(code))
    return render_template("respond/intro.html", welcome=welcome, form=StartForm())


@bp.post("/s/<code>/start")
def start(code: str):
    StartForm().validate_on_submit() or abort(400)
    token = responding.start_response(code, WEB, language=str(get_locale()))
    _remember(code, token)
    return redirect(url_for(".screen", code=code))


@bp.errorhandler(ResponseNotFound)
def _not_started(error):
    """No response in this browser (never started, or cookies cleared): begin at the intro."""
    return redirect(url_for(".intro", code=request.view_args["code"]))


# Shown when an answer screen came back with an expired or missing form token.
SEND_AGAIN = AnswerError(N_("We could not save that, so nothing has changed. Please check your answer and press Next again."))


@bp.errorhandler(CSRFError)
def _stale_form(error):
    """A form sent with an expired or missing token: nothing is saved, and nothing typed is lost.

    If this browser still has its response and the screen is the one showing,
    the screen comes back with what was typed and a fresh token. Otherwise (the
    session was lost) the try-again page shows their own words to copy.
    """
    code = (request.view_args or {}).get("code")
    typed, question_id = request.form.getlist("answer"), request.form.get("question") or ""
    words = None
    if request.endpoint == "respond.answer" and code:
        try:
            progress = responding.progress(code, _token(code))
            if progress.screen is not None and progress.screen.question.id == question_id:
                return _render_screen(progress, error=SEND_AGAIN, typed=typed), 400
        except ResponseNotFound:
            pass
        except ServiceError:  # unknown or closed: the try-again page, as for any other form
            return _stale_page(code, None)
        try:
            words = responding.words_typed(code, question_id, typed)
        except ServiceError:
            words = None
    return _stale_page(code, words)


def _stale_page(code: str | None, words: str | None):
    back = url_for(".screen", code=code) if code else None
    return render_template("errors/stale_form.html", back=back, words=words), 400


@bp.get("/s/<code>/q")
def screen(code: str):
    progress = responding.progress(code, _token(code))
    if progress.submitted:
        return redirect(url_for(".thanks", code=code))
    return _render_screen(progress)


@bp.post("/s/<code>/q")
def answer(code: str):
    form = ScreenForm()
    form.validate_on_submit() or abort(400)
    try:
        progress = responding.answer_screen(
            code, _token(code), form.question.data or "", form.action, request.form.getlist("answer"),
            language=str(get_locale()),
        )
    except responding.ScreenRejected as rejected:
        page = _render_screen(rejected.progress, error=rejected.error, typed=rejected.typed)
        return page, 422
    if progress.concern:
        flash(HELP_NOW, "help")  # our words only: never the young person's
        flash(progress.concern.language, "help-language")  # the language they wrote in, for the help lines
    return redirect(url_for(".screen", code=code))


@bp.post("/s/<code>/send")
def send(code: str):
    StartForm().validate_on_submit() or abort(400)
    progress = responding.submit_response(code, _token(code), language=str(get_locale()))
    target = ".thanks" if progress.submitted else ".screen"
    return redirect(url_for(target, code=code))


@bp.get("/s/<code>/thanks")
def thanks(code: str):
    progress = responding.progress(code, _token(code))
    if not progress.submitted:
        return redirect(url_for(".screen", code=code))
    return render_template("respond/thanks.html", progress=progress, form=StartForm())


@bp.get("/s/<code>/qr.<any(png, svg):kind>")
def qr(code: str, kind: str):
    consultation = find_consultation(code)
    link = public_base() + url_for(".intro", code=consultation.join_code)
    if kind == "png":
        return qr_png(link), {"Content-Type": "image/png"}
    return qr_svg(link), {"Content-Type": "image/svg+xml"}


def _render_screen(progress, error=None, typed=None):
    if progress.ready_to_send:
        return render_template("respond/send.html", progress=progress, form=StartForm())
    screen = progress.screen
    chosen = typed if typed is not None else _as_list(screen.previous_answer)
    return render_template(
        "respond/question.html",
        progress=progress,
        screen=screen,
        question=screen.question,
        form=ScreenForm(question=screen.question.id),
        error=error,
        chosen=chosen,
    )


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


@bp.get("/help")
def help_now():
    return render_template("respond/help.html")
