"""Console views for theme tagging: the taxonomy and its versions, reviewing tags, emerging themes.

Admins and facilitators edit the taxonomy; co-facilitators may read it, and
review the tags of answers in the consultations they run. Each save makes a
new taxonomy version (``themes.save_taxonomy``); a refused one shows the form
again as typed, with every problem, and status 422. Theme keys, version
numbers and answer ids travel in the query string, so every URL here names
no more than the route walker in tests/web/test_every_route_and_role.py knows.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from engage.analysis.themes.taxonomy import Taxonomy, TaxonomyError
from engage.console import bp
from engage.console.access import RUNNERS, STAFF, consultation_run_by_me, requires
from engage.console.theme_forms import (
    AreasForm,
    PromoteForm,
    RemoveThemeForm,
    RetagForm,
    RetrainForm,
    ReviewForm,
    ThemeForm,
)
from engage.i18n import _l
from engage.jobs import JobQueueUnavailable
from engage.services import consultations, theme_emerging, theme_review, users
from engage.services import themes as theme_service
from engage.services.theme_review import STATES, UNREVIEWED, AnswerNotFound, ReviewError
from engage.services.voice import SENTIMENT_NAMES

REVIEW_LIMIT = 50  # answers on the review page at once
STATE_NAMES = {
    "unreviewed": _l("Not reviewed yet"),
    "reviewed": _l("Reviewed"),
    "untagged": _l("No theme from the tagger"),
    "all": _l("All"),
}

# The taxonomy


@bp.get("/themes")
@requires(*RUNNERS)
def themes_home():
    version, taxonomy = theme_service.current_taxonomy()
    return render_template(
        "console/themes/taxonomy.html",
        version=version,
        taxonomy=taxonomy,
        versions=theme_service.taxonomy_versions(),
        names=_people(),
        retag=RetagForm(),
    )


@bp.get("/themes/version")
@requires(*RUNNERS)
def themes_version():
    number = request.args.get("number", type=int)
    if number is None:
        abort(404)
    try:
        version, taxonomy = theme_service.taxonomy_version(number)
    except theme_service.TaxonomyVersionNotFound:
        abort(404)
    current, _taxonomy = theme_service.current_taxonomy()
    return render_template(
        "console/themes/version.html", version=version, taxonomy=taxonomy, current=current, names=_people()
    )


@bp.route("/themes/edit", methods=["GET", "POST"])
@requires(*STAFF)
def themes_edit():
    _version, taxonomy = theme_service.current_taxonomy()
    theme = _theme_or_404(taxonomy)
    form = ThemeForm(data=ThemeForm.data_of(theme) if request.method == "GET" else None)
    form.offer(taxonomy)
    if form.validate_on_submit():
        edited = form.theme(taxonomy, key=theme.key)
        if _saved(form, taxonomy.with_theme(edited), form.note.data or f'Changed the theme "{edited.name}".'):
            return redirect(url_for(".themes_home", _anchor=f"theme-{theme.key}"))
    return _theme_page(form, theme)


@bp.route("/themes/new", methods=["GET", "POST"])
@requires(*STAFF)
def themes_add():
    _version, taxonomy = theme_service.current_taxonomy()
    form = ThemeForm(data={"area": request.args.get("area")} if request.method == "GET" else None)
    form.offer(taxonomy)
    if form.validate_on_submit():
        added = form.theme(taxonomy)
        if _saved(form, taxonomy.with_theme(added), form.note.data or f'Added the theme "{added.name}".'):
            return redirect(url_for(".themes_home", _anchor=f"theme-{added.key}"))
    return _theme_page(form, None)


@bp.route("/themes/remove", methods=["GET", "POST"])
@requires(*STAFF)
def themes_remove():
    _version, taxonomy = theme_service.current_taxonomy()
    theme = _theme_or_404(taxonomy)
    form = RemoveThemeForm()
    if form.validate_on_submit():
        note = form.note.data or f'Removed the theme "{theme.name}".'
        if _saved(form, taxonomy.without_theme(theme.key), note):
            return redirect(url_for(".themes_home"))
    page = render_template("console/themes/remove.html", theme=theme, form=form)
    return page, 422 if form.form_errors else 200


@bp.route("/themes/areas", methods=["GET", "POST"])
@requires(*STAFF)
def themes_areas():
    _version, taxonomy = theme_service.current_taxonomy()
    form = AreasForm.of(taxonomy) if request.method == "GET" else AreasForm()
    if form.validate_on_submit():
        if _saved(form, form.taxonomy(taxonomy), form.note.data or "Changed the areas of focus."):
            return redirect(url_for(".themes_home"))
    page = render_template("console/themes/areas.html", form=form, taxonomy=taxonomy)
    return page, 422 if form.errors else 200


@bp.post("/themes/retag")
@requires(*STAFF)
def themes_retag():
    RetagForm().validate_on_submit() or abort(400)
    _ran(theme_service.request_retag, _("Every answer has been tagged again with the current themes."),
         _("Re-tagging every answer has been queued: the themes will change over the next few minutes."))
    return redirect(url_for(".themes_home"))


def _saved(form, taxonomy: Taxonomy, note: str) -> bool:
    """Save a new version and say so; on a refusal put every problem above the form."""
    try:
        version = theme_service.save_taxonomy(taxonomy, by=current_user, note=note)
    except TaxonomyError as refused:
        form.form_errors.extend(refused.problems)
        return False
    flash(_("Saved as version %(number)s. Answers keep the themes they have until they are re-tagged.",
            number=version.number), "info")
    return True


def _theme_page(form: ThemeForm, theme):
    page = render_template("console/themes/theme.html", form=form, theme=theme)
    return page, 422 if form.errors else 200


def _theme_or_404(taxonomy: Taxonomy):
    try:
        return taxonomy.theme(request.args.get("key", ""))
    except KeyError:
        abort(404)


def _people() -> dict[int, str]:
    return {person.id: person.display_name for person in users.list_users()}


# Reviewing the tagger's themes


@bp.get("/themes/review")
@requires(*RUNNERS)
def themes_review():
    return _review_page()


@bp.post("/themes/review")
@requires(*RUNNERS)
def themes_review_save():
    answer_id = request.args.get("answer_id", type=int)
    if answer_id is None:
        abort(404)
    code, state = _review_filters()
    _version, taxonomy = theme_service.current_taxonomy()
    form = ReviewForm()
    form.offer(taxonomy)
    if form.validate_on_submit():
        try:
            theme_review.record_review(answer_id, form.theme_keys(), by=current_user)
        except AnswerNotFound:
            abort(404)
        except ReviewError as refused:
            form.form_errors.append(str(refused))
        else:
            flash(_("Review saved: the tagger learns from it when it is next retrained."), "info")
            return redirect(url_for(".themes_review", code=code, state=state))
    return _review_page(failed=(answer_id, form)), 422


@bp.post("/themes/retrain")
@requires(*STAFF)
def themes_retrain():
    RetrainForm().validate_on_submit() or abort(400)
    _ran(lambda: theme_service.request_retrain(current_user),
         _("The tagger has been retrained: it has learnt from every reviewed answer."),
         _("Retraining has been queued: the new tagger takes over in a few minutes."))
    code, state = _review_filters()
    return redirect(url_for(".themes_review", code=code, state=state))


def _my_code() -> str | None:
    """The ?code= consultation, when given: 404 unless the signed-in person runs it."""
    code = request.args.get("code") or None
    return consultation_run_by_me(code).join_code if code is not None else None


def _review_filters() -> tuple[str | None, str]:
    state = request.args.get("state") or UNREVIEWED
    return _my_code(), state if state in STATES else UNREVIEWED


def _review_page(failed: tuple[int, ReviewForm] | None = None):
    code, state = _review_filters()
    _version, taxonomy = theme_service.current_taxonomy()
    items = theme_review.review_queue(current_user, consultation_code=code, state=state, limit=REVIEW_LIMIT)
    # Agreement covers every consultation: a co-facilitator sees it only for one they run.
    show_agreement = code is not None or current_user.role in STAFF
    return render_template(
        "console/themes/review.html",
        items=items,
        code=code,
        state=state,
        state_names=STATE_NAMES,
        sentiment_names=SENTIMENT_NAMES,
        taxonomy=taxonomy,
        theme_names={t.key: t.name for t in taxonomy.themes},
        limit=REVIEW_LIMIT,
        mine=consultations.list_consultations(run_by=current_user),
        agreement=theme_review.agreement(code) if show_agreement else None,
        form=ReviewForm(),
        failed=failed,
        retrain=RetrainForm(),
    )


# Emerging themes


@bp.get("/themes/emerging")
@requires(*RUNNERS)
def themes_emerging():
    code = _my_code()
    _version, taxonomy = theme_service.current_taxonomy()
    suggestions = theme_emerging.emerging(current_user, code)
    forms = []
    for suggestion in suggestions:
        form = PromoteForm(data={
            "name": suggestion.suggested_name,
            "key_words": list(suggestion.key_words),
            "examples": list(suggestion.examples),
        })
        form.offer(taxonomy)
        forms.append(form)
    return render_template(
        "console/themes/emerging.html",
        code=code,
        suggestions=list(zip(suggestions, forms)),
        fit_none=theme_emerging.untagged_count(current_user, code),
        mine=consultations.list_consultations(run_by=current_user),
        retag=RetagForm(),
    )


@bp.post("/themes/promote")
@requires(*STAFF)
def themes_promote():
    _version, taxonomy = theme_service.current_taxonomy()
    form = PromoteForm()
    form.offer(taxonomy)
    if form.validate_on_submit():
        try:
            version = theme_emerging.promote(
                form.suggestion(), form.name.data, form.area.data, form.description.data or "", by=current_user
            )
        except TaxonomyError as refused:
            form.form_errors.extend(refused.problems)
        else:
            flash(
                _("“%(name)s” is now a theme: saved as version %(number)s. "
                  "Re-tag the answers for them to get it.", name=form.name.data.strip(), number=version.number),
                "info",
            )
            return redirect(url_for(".themes_home"))
    return render_template("console/themes/promote.html", form=form), 422


def _ran(request_job, done: str, queued: str) -> None:
    try:
        outcome = request_job()
    except JobQueueUnavailable as error:
        flash(_("Nothing was started: %(reason)s", reason=error), "error")
    else:
        flash(done if outcome == "done" else queued, "info")
