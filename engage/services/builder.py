"""Building a consultation: saving survey edits as versions, settings, version history.

Before anyone has answered, an edit changes the current version in place.
Once a response exists for it (even one only started), the edit is saved as a
new version and the consultation points at that: each response keeps the
version it started on, so old answers keep their questions and a young person
part-way through finishes the survey they began.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import case, func, select

from flask_babel import gettext as _

from engage.database import writing
from engage.extensions import db
from engage.i18n import long_date
from engage.models import SETTINGS, SUBMITTED, Consultation, Response, SurveyVersion, User
from engage.services import audit
from engage.services.consultations import stored_form, survey_of
from engage.services.errors import ServiceError
from surveys import Screen, Survey
from surveys import editing
from surveys.question_types import AnswerContext


class SurveyChanged(ServiceError):
    """Someone saved the survey after this edit began; nothing was saved."""

    def __str__(self) -> str:
        return _(
            "Someone else saved a change to this survey since you opened this page, so "
            "nothing was saved. Your changes are still here: check them and save again."
        )


class SettingsRejected(ServiceError):
    """Settings that do not fit together; ``problems`` maps each setting to what is wrong."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class Saved:
    """What an edit did: the version now current, and whether it is a new one."""

    number: int
    new_version: bool
    survey: Survey


@dataclass(frozen=True)
class VersionSummary:
    number: int
    created_at: datetime
    responses: int  # started or sent
    submitted: int
    current: bool


@dataclass(frozen=True)
class PreviewScreen:
    """A question as the respondent pages show it, with nothing stored behind it."""

    consultation: Consultation
    screen: Screen
    context: AnswerContext = field(default_factory=AnswerContext)
    concern: None = None  # the respondent template asks; a preview never has one


def save_survey(consultation: Consultation, survey: Survey, by: User | None) -> Saved:
    """Store ``survey`` as the consultation's current survey, in place or as a new version."""
    survey = editing.validated(survey)
    definition, digest = stored_form(survey)
    with writing():
        current = consultation.current_version
        if digest == current.digest:
            return Saved(current.number, False, survey)
        if has_answers(consultation):
            version = SurveyVersion(
                consultation_id=consultation.id,
                number=_last_number(consultation) + 1,
                definition=definition,
                digest=digest,
            )
            db.session.add(version)
            db.session.flush()
            consultation.current_version = version
        else:
            version = current
            version.definition, version.digest = definition, digest
        db.session.flush()
        audit.record(by, "edited survey", "consultation", consultation.join_code, version=version.number)
        return Saved(version.number, version is not current, survey)


def edit_survey(
    consultation: Consultation,
    change: Callable[[Survey], Survey],
    by: User | None,
    based_on: str | None = None,
) -> Saved:
    """Apply ``change`` to the survey as it stands now and save the result.

    The change runs inside the write, on the latest version, so two people
    editing at once cannot undo each other's work; with ``based_on`` (the
    digest the editor's page showed) any save since then refuses this one.
    """
    with writing():
        _lock(consultation)
        if based_on and based_on != consultation.current_version.digest:
            raise SurveyChanged()
        return save_survey(consultation, change(survey_of(consultation)), by)


def add_question(
    consultation: Consultation, draft: editing.QuestionDraft, after: str | None, by: User | None
) -> Saved:
    def change(survey: Survey) -> Survey:
        return editing.add_question(survey, editing.question_from_draft(survey, draft), after)

    return edit_survey(consultation, change, by)


def edit_question(
    consultation: Consultation,
    question_id: str,
    draft: editing.QuestionDraft,
    by: User | None,
    based_on: str | None = None,
) -> Saved:
    def change(survey: Survey) -> Survey:
        if not survey.has_question(question_id):
            raise editing.EditRefused(_("This question has been removed since you opened it."))
        return editing.replace_question(survey, editing.question_from_draft(survey, draft, question_id))

    return edit_survey(consultation, change, by, based_on)


def move_question(consultation: Consultation, question_id: str, to: int | str, by: User | None) -> Saved:
    return edit_survey(consultation, lambda s: editing.move_question(s, question_id, to), by)


def remove_question(consultation: Consultation, question_id: str, by: User | None) -> Saved:
    return edit_survey(consultation, lambda s: editing.remove_question(s, question_id), by)


def has_answers(consultation: Consultation) -> bool:
    """Has anyone started a response on the current version?"""
    return (
        db.session.scalar(
            select(Response.id)
            .where(Response.survey_version_id == consultation.current_version_id)
            .limit(1)
        )
        is not None
    )


def update_settings(
    consultation: Consultation,
    *,
    title: str,
    min_age: int | None,
    max_age: int | None,
    opens_on: date | None,
    closes_on: date | None,
    by: User | None,
    setting: str | None | object = ...,
) -> Consultation:
    """Change the title, audience, dates and setting; raise SettingsRejected saying what does not fit.

    ``setting``: one of ``SETTINGS`` (where it took place), None or "" for not recorded;
    left as it is when not given."""
    title = (title or "").strip()
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = _("Give the consultation a title.")
    elif len(title) > 200:
        problems["title"] = _("Keep the title to 200 characters.")
    for name, age in (("min_age", min_age), ("max_age", max_age)):
        if age is not None and not 0 <= age <= 120:
            problems[name] = _("An age is a whole number of years from 0 to 120.")
    if min_age is not None and max_age is not None and min_age > max_age and not problems.get("max_age"):
        problems["max_age"] = _("The oldest age cannot be below the youngest (%(age)s).", age=min_age)
    if opens_on and closes_on and closes_on < opens_on:
        problems["closes_on"] = _(
            "The closing date cannot be before the opening date (%(date)s). "
            "Choose a later closing date, or an earlier opening date.", date=long_date(opens_on)
        )
    setting = consultation.setting if setting is ... else (setting or None)
    if setting is not None and setting not in SETTINGS:
        problems["setting"] = _("Choose a setting from the list.")
    if problems:
        raise SettingsRejected(problems)
    changed = {
        "title": title,
        "min_age": min_age,
        "max_age": max_age,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "setting": setting,
    }
    with writing():
        changed = {k: v for k, v in changed.items() if getattr(consultation, k) != v}
        for name, value in changed.items():
            setattr(consultation, name, value)
        if changed:
            audit.record(by, "changed settings", "consultation", consultation.join_code, fields=sorted(changed))
    return consultation


def versions(consultation: Consultation) -> list[VersionSummary]:
    """Every version of the survey, newest first, with the responses each holds."""
    counts = (
        select(
            Response.survey_version_id.label("version_id"),
            func.count().label("responses"),
            func.sum(case((Response.status == SUBMITTED, 1), else_=0)).label("submitted"),
        )
        .where(Response.consultation_id == consultation.id)
        .group_by(Response.survey_version_id)
        .subquery()
    )
    rows = db.session.execute(
        select(SurveyVersion.id, SurveyVersion.number, SurveyVersion.created_at, counts.c.responses, counts.c.submitted)
        .outerjoin(counts, counts.c.version_id == SurveyVersion.id)
        .where(SurveyVersion.consultation_id == consultation.id)
        .order_by(SurveyVersion.number.desc())
    ).all()
    return [
        VersionSummary(number, created, responses or 0, submitted or 0, vid == consultation.current_version_id)
        for vid, number, created, responses, submitted in rows
    ]


def preview_screen(consultation: Consultation, number: int) -> PreviewScreen:
    """Question ``number`` (from 1) of the current survey; every question, branching aside."""
    survey = survey_of(consultation)
    number = min(max(number, 1), len(survey.questions))
    screen = Screen(
        question=survey.questions[number - 1],
        number=number,
        total=len(survey.questions),
        can_go_back=number > 1,
    )
    return PreviewScreen(consultation, screen)


def _last_number(consultation: Consultation) -> int:
    return db.session.scalar(
        select(func.max(SurveyVersion.number)).where(SurveyVersion.consultation_id == consultation.id)
    ) or 0


def _lock(consultation: Consultation) -> None:
    """Hold the consultation's row (PostgreSQL; SQLite's write lock already serialises)
    and read its current version afresh."""
    db.session.execute(
        select(Consultation.id).where(Consultation.id == consultation.id).with_for_update()
    )
    db.session.refresh(consultation)
