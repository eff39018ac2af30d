"""How long the safeguarding lead's copies of a disclosure are kept.

An alert keeps its own copy of the young person's words (see
``SafeguardingAlert``), and a contact request holds a way to reach them. Once
the lead has dealt with an alert (any status but new), what they need next
lives in their own case system: the referral, the record of the decision.
Engage then keeps the copy only so long:

- the way to reach the young person goes ``contact_days`` after the alert was
  dealt with: it identifies them, and it was given for that contact alone;
- the words and the lead's notes go ``months`` after it was dealt with.

The alert row stays with its status, concern, dates, reviewer and view log,
so the queue's history and the audit still add up. An alert nobody has dealt
with is never touched, however old: the lead must still see it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update

from engage.database import writing
from engage.extensions import db
from engage.models import ALERT_NEW, ContactRequest, SafeguardingAlert, SafeguardingNote, User
from engage.services import audit
from engage.services.retention import erased_marker, months_before

CONTACT_REMOVED = "[removed: the alert was dealt with]"


@dataclass(frozen=True)
class AlertRetentionReport:
    words_before: date  # words of alerts dealt with before this day go
    contact_before: date  # ways to reach of alerts dealt with before this day go
    erased_alerts: int
    erased_notes: int
    erased_contacts: int
    dry_run: bool

    def counts(self) -> dict[str, object]:
        return {
            "alert_words_before": self.words_before.isoformat(),
            "contact_before": self.contact_before.isoformat(),
            "erased_alerts": self.erased_alerts,
            "erased_notes": self.erased_notes,
            "erased_contacts": self.erased_contacts,
        }


def run_alert_retention(
    today: date, months: int, contact_days: int, dry_run: bool = False, by: User | None = None
) -> AlertRetentionReport:
    """Erase the words and contact details of alerts dealt with long enough ago."""
    if months < 1 or contact_days < 1:
        raise ValueError("the alert retention periods must be at least a month and a day")
    words_before = months_before(today, months)
    contact_before = today - timedelta(days=contact_days)
    marker = erased_marker(months)

    alerts = _dealt_with_before(words_before, SafeguardingAlert.text != marker)
    notes = list(db.session.scalars(
        select(SafeguardingNote.id).where(
            SafeguardingNote.alert_id.in_(_dealt_with_before(words_before)),
            SafeguardingNote.text != marker,
        )
    ))
    contacts = list(db.session.scalars(
        select(ContactRequest.id).where(
            ContactRequest.alert_id.in_(_dealt_with_before(contact_before)),
            ContactRequest.how_to_reach != CONTACT_REMOVED,
        )
    ))
    alert_ids = list(db.session.scalars(alerts))
    if not dry_run:
        with writing():
            _erase(SafeguardingAlert, alert_ids, text=marker)
            _erase(SafeguardingNote, notes, text=marker)
            _erase(ContactRequest, contacts, how_to_reach=CONTACT_REMOVED)
    report = AlertRetentionReport(
        words_before=words_before,
        contact_before=contact_before,
        erased_alerts=len(alert_ids),
        erased_notes=len(notes),
        erased_contacts=len(contacts),
        dry_run=dry_run,
    )
    if not dry_run:
        # Counts only: the audit log is read by admins, who must not see the words.
        audit.record(by, "ran alert retention", "alerts", f"before {words_before.isoformat()}",
                     months=months, contact_days=contact_days, **report.counts())
        db.session.expire_all()  # rows changed behind the session's back
    return report


def _dealt_with_before(day: date, *more):
    start_of_day = datetime.combine(day, time.min)
    return select(SafeguardingAlert.id).where(
        SafeguardingAlert.status != ALERT_NEW,
        SafeguardingAlert.reviewed_at.is_not(None),
        SafeguardingAlert.reviewed_at < start_of_day,
        *more,
    )


def _erase(model, ids: list[int], **values: str) -> None:
    if ids:
        db.session.execute(
            update(model).where(model.id.in_(ids)).values(**values),
            execution_options={"synchronize_session": False},
        )
