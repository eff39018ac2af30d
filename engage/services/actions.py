"""The action register ("you said, we did"): the board's replies to themes, and publishing them back.

Admins and facilitators write actions; board members read the register,
internal notes included, since the actions answer to them. Every use case
checks the role itself, so no channel can reach past it.

An action becomes public only by publishing it, a step of its own. Then its
summary, owner, status and due date show on each linked consultation's
results page (``/s/<CODE>/results``), and the news is queued once for the
chats that asked for updates on that consultation
(``engage.services.chat_updates``). The news last queued is kept on the
action, so the same words never go twice: publishing again, or a double
click, queues nothing. A change to a published action is only *offered* for
sending (``needs_sending``); it goes when someone asks (``send_again``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _
from sqlalchemy import Select, case, func, select

from engage.analysis.suppression import Cell, count_cell
from engage.database import writing
from engage.extensions import db
from engage.i18n import _l, long_date
from engage.models import ADMIN, BOARD_MEMBER, FACILITATOR, SUBMITTED, Consultation, Response, User, utcnow
from engage.models_actions import (
    ACTION_DONE,
    ACTION_IN_PROGRESS,
    ACTION_PLANNED,
    ACTION_STATUSES,
    Action,
    ActionConsultation,
    ActionTheme,
)
from engage.services import audit
from engage.services.chat_updates import send_update
from engage.services.consultations import find_consultation, title_for
from engage.services.errors import ConsultationNotFound, NotAllowed, ServiceError
from engage.services.join_codes import normalise_join_code
from engage.services.themes import current_taxonomy

EDITORS = (ADMIN, FACILITATOR)
READERS = (ADMIN, FACILITATOR, BOARD_MEMBER)  # co-facilitators and the DSL: the public page only
MAX_SUMMARY = 300  # about three short sentences on a phone screen
MAX_AGENCY = 80
MAX_NOTE = 5000
PLAIN_READING_AGE = 11  # the summary should read easily at secondary-school age
AGENCIES = ("Council", "Police", "Health", "School", "Youth service", "Other")  # suggestions, not a rule
STATUS_NAMES = {ACTION_PLANNED: _l("Planned"), ACTION_IN_PROGRESS: _l("In progress"), ACTION_DONE: _l("Done")}
ACTION = "action"  # the audit log's target type


class ActionNotFound(ServiceError):
    """No action has this number."""


class ActionError(ServiceError):
    """The action cannot be saved or changed as asked. ``problems`` maps each form field
    (summary, agency, due_on, status, themes, consultations, internal_note) to why."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))


@dataclass(frozen=True)
class ActionDraft:
    """An action as a person typed it, before it is checked."""

    summary: str
    agency: str
    due_on: date | None
    status: str = ACTION_PLANNED
    theme_keys: Sequence[str] = ()
    consultation_codes: Sequence[str] = ()
    internal_note: str = ""


@dataclass(frozen=True)
class RegisterEntry:
    action: Action
    overdue: bool
    theme_names: tuple[str, ...]
    needs_sending: bool


@dataclass(frozen=True)
class Sent:
    """What publishing or sending again did: ``chats`` messages queued, none when
    ``repeated`` (these words had already gone) or when nobody asked for news."""

    action: Action
    chats: int = 0
    repeated: bool = False
    newly_published: bool = False


@dataclass(frozen=True)
class PublicAction:
    """All of an action a young person may see: never its note, themes or who wrote it."""

    summary: str
    agency: str
    status: str
    due_on: date


@dataclass(frozen=True)
class Results:
    """A consultation's public results page: nothing in it is an answer or a small count."""

    join_code: str
    title: str
    threshold: int
    taking_part: Cell
    actions: tuple[PublicAction, ...]


def create_action(draft: ActionDraft, by: User | None) -> Action:
    _check(by, EDITORS)
    _version, taxonomy = current_taxonomy()  # before the write: its first use may write version 1
    with writing():
        action = Action(created_by_id=by.id if by else None)
        _apply(action, draft, taxonomy.keys)
        db.session.add(action)
        db.session.flush()
        audit.record(by, "created", ACTION, action.id, status=action.status, agency=action.agency)
    return action


def update_action(action_id: int, draft: ActionDraft, by: User | None) -> Action:
    _check(by, EDITORS)
    _version, taxonomy = current_taxonomy()
    with writing():
        action = _locked(action_id)
        before = _fields(action)
        _apply(action, draft, (*taxonomy.keys, *action.theme_keys))
        changed = sorted(name for name, value in _fields(action).items() if before[name] != value)
        if changed:
            audit.record(by, "edited", ACTION, action.id, changed=changed)
    return action


def set_status(action_id: int, status: str, by: User | None) -> Action:
    _check(by, EDITORS)
    if status not in ACTION_STATUSES:
        raise ActionError({"status": _("Choose planned, in progress or done.")})
    with writing():
        action = _locked(action_id)
        if action.status != status:
            audit.record(by, "status", ACTION, action.id, status=status, was=action.status)
            action.status = status
    return action


def delete_action(action_id: int, by: User | None) -> None:
    """Only an unpublished action goes: young people may have seen a published one."""
    _check(by, EDITORS)
    with writing():
        action = _locked(action_id)
        if action.published:
            raise ActionError({"published": _("Unpublish this action before deleting it.")})
        audit.record(by, "deleted", ACTION, action.id, summary=action.summary[:100])
        db.session.delete(action)


def publish(action_id: int, by: User | None, send_to_chat: bool = True) -> Sent:
    """Show the action on its consultations' results pages and, unless told not to,
    queue its news for the chats that asked. Publishing a published action does nothing."""
    _check(by, EDITORS)
    with writing():
        action = _locked(action_id)
        if action.published:
            return Sent(action)
        if not action.consultations:
            raise ActionError(
                {"consultations": _("Link a consultation first: its results page is where young people see this action.")}
            )
        action.published_at = utcnow()
        action.published_by_id = by.id if by else None
        audit.record(by, "published", ACTION, action.id, consultations=_codes(action))
        sent = _send(action, by) if send_to_chat else Sent(action)
    return replace(sent, newly_published=True)


def unpublish(action_id: int, by: User | None) -> Action:
    """Take it off the results pages. News already queued for chats still goes."""
    _check(by, EDITORS)
    with writing():
        action = _locked(action_id)
        if action.published:
            action.published_at = None
            action.published_by_id = None
            audit.record(by, "unpublished", ACTION, action.id)
    return action


def send_again(action_id: int, by: User | None) -> Sent:
    """Queue a published action's news as it reads now, if it differs from what went last."""
    _check(by, EDITORS)
    with writing():
        action = _locked(action_id)
        if not action.published:
            raise ActionError({"published": _("Publish this action before sending it to young people.")})
        return _send(action, by)


def get_action(action_id: int, viewer: User | None) -> Action:
    _check(viewer, READERS)
    action = db.session.get(Action, action_id)
    if action is None:
        raise ActionNotFound(action_id)
    return action


def list_actions(
    viewer: User | None,
    *,
    status: str | None = None,
    theme: str | None = None,
    consultation: str | None = None,
    agency: str | None = None,
    overdue: bool = False,
    today: date | None = None,
) -> list[RegisterEntry]:
    """The register, filtered; unfinished actions first, soonest due at the top."""
    _check(viewer, READERS)
    today = today or utcnow().date()
    query = select(Action)
    if status:
        query = query.where(Action.status == status)
    if theme:
        query = query.where(Action.id.in_(select(ActionTheme.action_id).where(ActionTheme.theme_key == theme)))
    if consultation:
        query = query.where(Action.id.in_(_linked_to(normalise_join_code(consultation) or "")))
    if agency and agency.strip():
        query = query.where(func.lower(Action.agency) == agency.strip().lower())
    if overdue:
        query = query.where(_overdue(today))
    query = query.order_by(case((Action.status == ACTION_DONE, 1), else_=0), Action.due_on, Action.id)
    names = _theme_names()
    return [
        RegisterEntry(
            action=action,
            overdue=is_overdue(action, today),
            theme_names=tuple(names.get(k, k) for k in action.theme_keys),
            needs_sending=needs_sending(action),
        )
        for action in db.session.scalars(query)
    ]


def published_actions_for(consultation_code: str) -> list[Action]:
    consultation = find_consultation(consultation_code)
    query = (
        select(Action)
        .join(ActionConsultation, ActionConsultation.action_id == Action.id)
        .where(ActionConsultation.consultation_id == consultation.id, Action.published_at.is_not(None))
        .order_by(case((Action.status == ACTION_DONE, 1), else_=0), Action.due_on, Action.id)
    )
    return list(db.session.scalars(query))


def results_for(consultation_code: str, language: str = "en") -> Results:
    """What young people see at /s/<CODE>/results, the title in ``language``. Raises ConsultationNotFound."""
    consultation = find_consultation(consultation_code)
    threshold = current_app.config["SUPPRESSION_THRESHOLD"]
    sent = db.session.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.consultation_id == consultation.id, Response.status == SUBMITTED)
    )
    return Results(
        join_code=consultation.join_code,
        title=title_for(consultation, language),
        threshold=threshold,
        taking_part=count_cell(sent or 0, threshold),
        actions=tuple(
            PublicAction(a.summary, a.agency, a.status, a.due_on)
            for a in published_actions_for(consultation.join_code)
        ),
    )


def agency_suggestions() -> list[str]:
    """The usual owners, then any other an action already names."""
    used = db.session.scalars(select(Action.agency).distinct().order_by(Action.agency))
    known = {a.lower() for a in AGENCIES}
    return [*AGENCIES, *(a for a in used if a.lower() not in known)]


def theme_groups(extra_keys: Iterable[str] = ()) -> list[tuple[str, list[tuple[str, str]]]]:
    """The current taxonomy's themes as (area of focus, [(key, name)]), in its own order;
    ``extra_keys`` no longer in it (an older action's) under "No longer in the taxonomy"."""
    _version, taxonomy = current_taxonomy()
    groups = [(area, [(t.key, t.name) for t in taxonomy.themes if t.area == area]) for area in taxonomy.areas]
    gone = [(k, k) for k in dict.fromkeys(extra_keys) if k not in taxonomy.keys]
    return [g for g in groups if g[1]] + ([(_("No longer in the taxonomy"), gone)] if gone else [])


def is_overdue(action: Action, today: date | None = None) -> bool:
    return action.status != ACTION_DONE and action.due_on < (today or utcnow().date())


def needs_sending(action: Action) -> bool:
    """Published, and its news reads differently from what the chats last got."""
    return action.published and news_text(action) != action.sent_text


def news_text(action: Action) -> str:
    """The news in English, the same for each consultation: what went last is compared with it."""
    with force_locale("en"):  # it must not vary with the editor's language
        return _news(action)


def _news(action: Action) -> str:
    """The news in the language in force: its frame translated, the summary as the facilitator wrote it."""
    said = _("You said, we did: %(summary)s", summary=action.summary)
    status = str(STATUS_NAMES[action.status])
    if action.status == ACTION_DONE:
        who = _("Who: %(agency)s. %(status)s.", agency=action.agency, status=status)
    else:
        who = _("Who: %(agency)s. %(status)s, by %(date)s.", agency=action.agency, status=status,
                date=long_date(action.due_on))
    return f"{said}\n{who}"


# --- inside the unit of work -------------------------------------------------


def _check(user: User | None, roles: Iterable[str]) -> None:
    """``None`` is the command line, which may do anything."""
    if user is not None and user.role not in roles:
        raise NotAllowed(_("Only admins and facilitators change actions; board members read them."))


def _locked(action_id: int) -> Action:
    action = db.session.scalar(
        select(Action)
        .where(Action.id == action_id)
        .with_for_update(of=Action)
        .execution_options(populate_existing=True)
    )
    if action is None:
        raise ActionNotFound(action_id)
    return action


def _apply(action: Action, draft: ActionDraft, known_themes: Iterable[str]) -> None:
    """Check every field at once and raise them all, or copy the draft onto ``action``."""
    problems: dict[str, str] = {}
    summary = " ".join(line.strip() for line in (draft.summary or "").strip().splitlines() if line.strip())
    if not summary:
        problems["summary"] = _("Write a short summary for young people: what is being done, in plain words.")
    elif len(summary) > MAX_SUMMARY:
        problems["summary"] = _(
            "Keep the summary for young people to %(max)s characters (it has %(count)s): "
            "short sentences, everyday words.", max=MAX_SUMMARY, count=len(summary)
        )
    agency = (draft.agency or "").strip()
    if not agency:
        problems["agency"] = _(
            "Say who is doing it: the council, police, health, a school, the youth service or another."
        )
    elif len(agency) > MAX_AGENCY:
        problems["agency"] = _("Keep who is doing it to %(max)s characters.", max=MAX_AGENCY)
    # A date already gone is allowed: an action may be written up after it was done,
    # and an overdue one must stay editable. The register shows it as overdue.
    if draft.due_on is None:
        problems["due_on"] = _("Give a due date, so young people know when to expect it.")
    if draft.status not in ACTION_STATUSES:
        problems["status"] = _("Choose planned, in progress or done.")
    themes = list(dict.fromkeys(k for k in draft.theme_keys if k))
    known = set(known_themes)
    if not themes:
        problems["themes"] = _("Choose at least one theme this action answers.")
    elif unknown := [k for k in themes if k not in known]:
        problems["themes"] = _("Not a theme in the taxonomy: %(keys)s.", keys=", ".join(unknown))
    consultations, missing = [], []
    for code in dict.fromkeys(c for c in draft.consultation_codes if c):
        try:
            consultations.append(find_consultation(code))
        except ConsultationNotFound:
            missing.append(code)
    if missing:
        problems["consultations"] = _("No consultation has the join code %(codes)s.", codes=", ".join(missing))
    elif action.published and not consultations:
        problems["consultations"] = _(
            "A published action shows on a consultation's results page: keep one, or unpublish first."
        )
    note = (draft.internal_note or "").strip()
    if len(note) > MAX_NOTE:
        problems["internal_note"] = _("Keep the internal note to %(max)s characters.", max=format_decimal(MAX_NOTE))
    if problems:
        raise ActionError(problems)

    action.summary, action.agency, action.due_on, action.status = summary, agency, draft.due_on, draft.status
    action.internal_note = note
    kept = [t for t in action.themes if t.theme_key in themes]
    held = {t.theme_key for t in kept}
    action.themes = kept + [ActionTheme(theme_key=k) for k in themes if k not in held]
    action.consultations = consultations


def _fields(action: Action) -> dict[str, object]:
    return {
        "summary": action.summary,
        "agency": action.agency,
        "due_on": action.due_on,
        "status": action.status,
        "internal_note": action.internal_note,
        "themes": sorted(action.theme_keys),
        "consultations": sorted(_codes(action)),
    }


def _send(action: Action, by: User | None) -> Sent:
    news = news_text(action)
    if news == action.sent_text:
        return Sent(action, repeated=True)
    base = current_app.config.get("PUBLIC_URL") or ""
    chats = 0
    for consultation in action.consultations:

        def message(language: str, consultation: Consultation = consultation) -> str:
            """In each chat's own language, as it chose in the chat."""
            with force_locale(language):
                about = _("News about “%(title)s”", title=title_for(consultation, language))
                link = f"{base}/s/{consultation.join_code}/results"
                more = "\n\n" + _("See all the news: %(link)s", link=link) if base else ""
                return f"{about}\n\n{_news(action)}{more}"

        chats += send_update(consultation.join_code, message)
    action.sent_text, action.sent_at = news, utcnow()
    audit.record(by, "sent to chats", ACTION, action.id, chats=chats)
    return Sent(action, chats=chats)


def _codes(action: Action) -> list[str]:
    return [c.join_code for c in action.consultations]


def _linked_to(join_code: str) -> Select:
    return (
        select(ActionConsultation.action_id)
        .join(Consultation, Consultation.id == ActionConsultation.consultation_id)
        .where(Consultation.join_code == join_code)
    )


def _overdue(today: date):
    return (Action.status != ACTION_DONE) & (Action.due_on < today)


def _theme_names() -> dict[str, str]:
    _version, taxonomy = current_taxonomy()
    return {t.key: t.name for t in taxonomy.themes}
