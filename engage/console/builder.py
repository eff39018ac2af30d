"""Console views: the consultation builder (questions, preview, settings, versions).

Each view parses its form, calls one service in ``engage.services.builder`` and
redirects with a message (POST/redirect/GET). A refused edit shows the form
again as it was typed, with the reason, and status 422. Question ids travel in
the query string or the form, so every URL here names only the consultation.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from engage.console import bp
from engage.console.access import RUNNERS, consultation_run_by_me, requires
from engage.console.builder_forms import (
    TEST_NAMES,
    TYPE_NAMES,
    MoveForm,
    QuestionForm,
    RemoveForm,
    SettingsForm,
    question_data,
)
from engage.models import Consultation
from engage.services import builder
from engage.services.builder import Saved, SettingsRejected, SurveyChanged
from engage.services.consultations import survey_of
from surveys import QUESTION_TYPES, Question, Survey, SurveyDefinitionError
from surveys.editing import SETTINGS, START, EditRefused

# The "where" of a new question, besides a question id to put it after.
AT_START, AT_END = "-start-", "-end-"


@bp.get("/c/<code>/questions")
@requires(*RUNNERS)
def builder_questions(code: str):
    found = consultation_run_by_me(code)
    return render_template(
        "console/builder/questions.html",
        consultation=found,
        survey=survey_of(found),
        answered=builder.has_answers(found),
        move=MoveForm(),
        type_names=TYPE_NAMES,
        test_names=TEST_NAMES,
        at_start=AT_START,
        at_end=AT_END,
    )


@bp.route("/c/<code>/questions/new", methods=["GET", "POST"])
@requires(*RUNNERS)
def builder_new_question(code: str):
    found = consultation_run_by_me(code)
    survey = survey_of(found)
    kind, where = request.args.get("type", ""), request.args.get("after", AT_END)
    after = {AT_END: None, AT_START: START}.get(where, where)
    if kind not in QUESTION_TYPES or (after and not survey.has_question(after)):
        flash(_("Choose what kind of question to add, and where."), "error")
        return redirect(url_for(".builder_questions", code=found.join_code))
    position = len(survey.questions) if after is None else (survey.position(after) + 1 if after else 0)
    form = QuestionForm(data=question_data(survey, kind) if request.method == "GET" else None)
    form.offer(survey, position)
    if form.validate_on_submit():
        try:
            saved = builder.add_question(found, form.draft(kind), after, by=current_user)
        except SurveyDefinitionError as refused:
            _refused(form, refused)
        else:
            added = {q.id for q in saved.survey.questions} - {q.id for q in survey.questions}
            return _saved(found, saved, _("Question added."), next(iter(added), None))
    return _question_page(found, survey, form, kind)


@bp.route("/c/<code>/questions/edit", methods=["GET", "POST"])
@requires(*RUNNERS)
def builder_edit_question(code: str):
    found = consultation_run_by_me(code)
    survey = survey_of(found)
    question = _question_or_404(survey)
    data = {**question_data(survey, question.type, question), "based_on": found.current_version.digest}
    form = QuestionForm(data=data if request.method == "GET" else None)
    form.offer(survey, survey.position(question.id), question)
    if form.validate_on_submit():
        try:
            saved = builder.edit_question(
                found, question.id, form.draft(question.type), current_user, form.based_on.data
            )
        except SurveyChanged as changed:
            form.form_errors.append(str(changed))
            form.based_on.data = found.current_version.digest  # saving again overwrites, knowingly
        except SurveyDefinitionError as refused:
            _refused(form, refused)
        else:
            return _saved(found, saved, _("Question saved."), question.id)
    return _question_page(found, survey, form, question.type, question)


@bp.post("/c/<code>/questions/move")
@requires(*RUNNERS)
def builder_move_question(code: str):
    found = consultation_run_by_me(code)
    form = MoveForm()
    form.validate_on_submit() or abort(400)
    to = form.to.data
    try:
        saved = builder.move_question(
            found, form.question.data, int(to) - 1 if to.isdigit() else to, current_user
        )
    except SurveyDefinitionError as refused:
        flash(str(refused), "error")
        return redirect(url_for(".builder_questions", code=found.join_code))
    return _saved(found, saved, _("Question moved."), form.question.data)


@bp.route("/c/<code>/questions/remove", methods=["GET", "POST"])
@requires(*RUNNERS)
def builder_remove_question(code: str):
    found = consultation_run_by_me(code)
    survey = survey_of(found)
    question = _question_or_404(survey)
    form = RemoveForm()
    if form.validate_on_submit():
        try:
            saved = builder.remove_question(found, question.id, current_user)
        except SurveyDefinitionError as refused:
            flash(str(refused), "error")
            return redirect(url_for(".builder_questions", code=found.join_code))
        return _saved(found, saved, _("Question removed."))
    return render_template(
        "console/builder/remove.html", consultation=found, survey=survey, question=question, form=form
    )


@bp.get("/c/<code>/preview")
@requires(*RUNNERS)
def builder_preview(code: str):
    found = consultation_run_by_me(code)
    preview = builder.preview_screen(found, request.args.get("screen", 1, type=int))
    # The respondent widgets read these names; nothing here can be answered or stored.
    return render_template(
        "console/builder/preview.html",
        progress=preview,
        screen=preview.screen,
        question=preview.screen.question,
        survey=survey_of(found),
        test_names=TEST_NAMES,
        error=None,
        chosen=[],
    )


@bp.route("/c/<code>/settings", methods=["GET", "POST"])
@requires(*RUNNERS)
def builder_settings(code: str):
    found = consultation_run_by_me(code)
    form = SettingsForm(obj=found if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            builder.update_settings(
                found,
                title=form.title.data,
                min_age=form.min_age.data,
                max_age=form.max_age.data,
                opens_on=form.opens_on.data,
                closes_on=form.closes_on.data,
                setting=form.setting.data or None,
                by=current_user,
            )
        except SettingsRejected as rejected:
            for name, message in rejected.problems.items():
                form[name].errors.append(message)
        else:
            flash(_("Settings saved."), "info")
            return redirect(url_for(".builder_settings", code=found.join_code))
    page = render_template("console/builder/settings.html", consultation=found, form=form)
    return page, 422 if form.errors else 200


@bp.get("/c/<code>/versions")
@requires(*RUNNERS)
def builder_versions(code: str):
    found = consultation_run_by_me(code)
    return render_template(
        "console/builder/versions.html", consultation=found, versions=builder.versions(found)
    )


def _question_or_404(survey: Survey) -> Question:
    question_id = request.args.get("q", "")
    if not survey.has_question(question_id):
        abort(404)
    return survey.question(question_id)


def _question_page(
    found: Consultation, survey: Survey, form: QuestionForm, kind: str, question: Question | None = None
):
    page = render_template(
        "console/builder/question.html",
        consultation=found,
        survey=survey,
        form=form,
        kind=kind,
        type_name=TYPE_NAMES[kind],
        offered=SETTINGS[kind],
        takes_answer=QUESTION_TYPES[kind].takes_answer,
        question=question,
        test_names=TEST_NAMES,
    )
    return page, 422 if form.errors else 200


def _refused(form: QuestionForm, refused: SurveyDefinitionError) -> None:
    """Put the reason next to the setting at fault, or above the form."""
    name = refused.field if isinstance(refused, EditRefused) else None
    name = {"show_if": "show_if_question"}.get(name or "", name)
    if name and name != "choices" and name in form:
        form[name].errors.append(str(refused))
    else:
        form.form_errors.append(str(refused))


def _saved(found: Consultation, saved: Saved, message: str, question_id: str | None = None):
    if saved.new_version:
        message += " " + _(
            "Young people had already started answering, so this is saved as version "
            "%(number)s; answers given before keep the questions they were asked.",
            number=saved.number,
        )
    flash(message, "info")
    anchor = f"q-{question_id}" if question_id else None
    return redirect(url_for(".builder_questions", code=found.join_code, _anchor=anchor))
