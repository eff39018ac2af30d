"""The lead's copies of a disclosure go once the alert has been dealt with long enough ago."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent, ContactRequest, SafeguardingAlert, SafeguardingNote
from engage.services import notify, safeguarding
from engage.services.alert_retention import CONTACT_REMOVED, run_alert_retention
from tests.services.test_safeguarding_alerts import (  # noqa: F401 (fixtures)
    WORRYING,
    alerts,
    at_free_text,
    ballot,
    lead,
    write,
)

TODAY = date(2026, 6, 15)
LONG_AGO = datetime(2025, 5, 1, 9, 30)  # over 12 months before TODAY
LAST_MONTH = datetime(2026, 5, 1, 9, 30)  # over 30 days, under 12 months
MARKER = "[removed after 12 months]"


@pytest.fixture(autouse=True)
def no_email(monkeypatch):
    monkeypatch.setattr(notify, "notify_leads", lambda alert_id: None)


@pytest.fixture
def alert(ballot, lead):
    safeguarding.set_contact_offer(ballot, True, lead)
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    safeguarding.request_contact(ballot, token, "text me on 07700 900123 after school")
    [raised] = alerts()
    safeguarding.add_note(raised.id, "Spoke to the school's DSL; referred to children's services.", lead)
    return raised


def dealt_with(alert, status: str, lead, when: datetime) -> None:
    safeguarding.set_status(alert.id, status, lead)
    db.session.execute(
        SafeguardingAlert.__table__.update().where(SafeguardingAlert.id == alert.id).values(reviewed_at=when)
    )
    db.session.commit()


def run(**options):
    return run_alert_retention(**({"today": TODAY, "months": 12, "contact_days": 30} | options))


def contact_of(alert) -> str:
    return db.session.scalar(select(ContactRequest.how_to_reach).where(ContactRequest.alert_id == alert.id))


def notes_of(alert) -> list[str]:
    return list(db.session.scalars(select(SafeguardingNote.text).where(SafeguardingNote.alert_id == alert.id)))


def test_an_alert_dealt_with_long_ago_loses_its_words_notes_and_contact_but_keeps_its_record(alert, lead):
    dealt_with(alert, "referred", lead, LONG_AGO)
    report = run()
    db.session.refresh(alert)
    notes = notes_of(alert)
    assert alert.text == MARKER and len(notes) >= 1 and set(notes) == {MARKER}
    assert contact_of(alert) == CONTACT_REMOVED
    assert (alert.status, alert.concern, alert.reviewed_by) == ("referred", "violence at home", lead.email)
    assert (report.erased_alerts, report.erased_notes, report.erased_contacts) == (1, len(notes), 1)


def test_the_way_to_reach_goes_a_month_after_the_alert_was_dealt_with_and_the_words_stay(alert, lead):
    dealt_with(alert, "no_action", lead, LAST_MONTH)
    run()
    db.session.refresh(alert)
    assert contact_of(alert) == CONTACT_REMOVED
    assert alert.text == WORRYING and any("referred to children's services" in n for n in notes_of(alert))


def test_an_alert_nobody_has_dealt_with_is_kept_whole_however_old(alert):
    db.session.execute(
        SafeguardingAlert.__table__.update().values(created_at=LONG_AGO, waiting_since=LONG_AGO)
    )
    db.session.commit()
    run()
    db.session.refresh(alert)
    assert alert.text == WORRYING and "07700 900123" in contact_of(alert)


def test_an_alert_dealt_with_recently_keeps_everything(alert, lead):
    safeguarding.set_status(alert.id, "reviewed", lead)
    run()
    db.session.refresh(alert)
    assert alert.text == WORRYING and "07700 900123" in contact_of(alert)


def test_a_dry_run_counts_but_changes_nothing(alert, lead):
    dealt_with(alert, "referred", lead, LONG_AGO)
    report = run(dry_run=True)
    db.session.refresh(alert)
    assert report.erased_alerts == 1 and alert.text == WORRYING
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "ran alert retention")) is None


def test_running_again_finds_nothing_more_and_the_audit_holds_counts_not_words(alert, lead):
    dealt_with(alert, "referred", lead, LONG_AGO)
    run()
    again = run()
    assert (again.erased_alerts, again.erased_notes, again.erased_contacts) == (0, 0, 0)
    events = list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "ran alert retention")))
    assert len(events) == 2 and events[0].detail["erased_alerts"] == 1
    assert "stepdad" not in str(events[0].detail) and "07700" not in str(events[0].detail)


def test_a_period_of_nothing_is_refused(alert):
    with pytest.raises(ValueError):
        run(contact_days=0)
