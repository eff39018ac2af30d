"""Safeguarding alerts through the service layer: raised with the answer, read only by the lead."""
from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from engage.database import writing
from engage.extensions import db
from engage.models import (
    CHAT,
    OPEN,
    WEB,
    AlertView,
    AuditEvent,
    ContactRequest,
    Response,
    SafeguardingAlert,
    utcnow,
)
from engage.services import notify, responding, safeguarding
from engage.services.consultations import create_from_template, delete_consultation
from engage.services.errors import NotAllowed
from engage.services.users import create_user
from tests.smtp_fake import FakeSMTPServer, closed_port

WORRYING = "my stepdad hits me when mum is out"
PASSWORD = "a long enough password for tests"


@pytest.fixture
def ballot(ctx):
    return create_from_template("youth-ballot", status=OPEN).join_code


@pytest.fixture
def lead(ctx):
    return create_user("dsl@example.org", "Dee", "safeguarding_lead", password=PASSWORD)[0]


@pytest.fixture
def admin(ctx):
    return create_user("admin@example.org", "Ada", "admin", password=PASSWORD)[0]


def at_free_text(code: str, channel: str = WEB) -> str:
    token = responding.start_response(code, channel)
    responding.answer_screen(code, token, "age_band", "next", ["14-15"])
    responding.answer_screen(code, token, "top_issues", "next", ["school"])
    return token


def write(code: str, token: str, words: str, action: str = "next"):
    return responding.answer_screen(code, token, "why_first", action, [words])


def alerts() -> list[SafeguardingAlert]:
    return list(db.session.scalars(select(SafeguardingAlert).order_by(SafeguardingAlert.id)))


def make_old(alert: SafeguardingAlert, hours: float) -> None:
    db.session.execute(
        SafeguardingAlert.__table__.update()
        .where(SafeguardingAlert.id == alert.id)
        .values(created_at=utcnow() - timedelta(hours=hours), waiting_since=utcnow() - timedelta(hours=hours))
    )
    db.session.commit()


@pytest.fixture
def sent_for(monkeypatch):
    """The alert ids the leads would be told about, instead of an email."""
    told: list[int] = []
    monkeypatch.setattr(notify, "notify_leads", told.append)
    return told


# Raising


def test_a_flagged_answer_raises_one_alert_with_its_own_copy_of_the_words(ballot, sent_for):
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    [alert] = alerts()
    assert alert.text == WORRYING
    assert alert.question_text.startswith("Why did you pick your first choice?")
    assert alert.consultation_title.startswith("Youth ballot")
    assert (alert.channel, alert.status, alert.concern) == (WEB, "new", "violence at home")
    assert alert.created_at.second == 0 and alert.created_at.microsecond == 0
    assert sent_for == [alert.id]


def test_ordinary_words_raise_no_alert(ballot, sent_for):
    write(ballot, at_free_text(ballot), "There's nothing to do after school")
    assert alerts() == [] and sent_for == []


def test_the_same_words_sent_again_make_no_second_alert_and_no_note(ballot, sent_for):
    token = at_free_text(ballot)
    for _ in range(3):
        write(ballot, token, WORRYING)
    [alert] = alerts()
    assert alert.notes == [] and sent_for == [alert.id]


def test_new_words_update_the_copy_and_keep_the_earlier_words_in_a_note(ballot, sent_for):
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    write(ballot, token, "i want to die")
    [alert] = alerts()
    assert alert.text == "i want to die"
    [note] = alert.notes
    assert note.author == "Engage" and WORRYING in note.text
    assert sent_for == [alert.id]  # still new: the leads already know it is waiting


def test_new_words_on_an_alert_already_dealt_with_put_it_back_to_new(ballot, lead, sent_for):
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    [alert] = alerts()
    safeguarding.set_status(alert.id, "no_action", lead)
    write(ballot, token, "he says he'll kill me")
    assert alert.status == "new" and "Back to new (it was no action)" in alert.notes[-1].text
    assert sent_for == [alert.id, alert.id]


def test_a_chat_answer_is_raised_with_its_channel(ballot, sent_for):
    write(ballot, at_free_text(ballot, CHAT), WORRYING)
    assert alerts()[0].channel == CHAT


def test_words_skipped_with_prefer_not_to_say_are_not_passed_on(ballot, sent_for):
    progress = write(ballot, at_free_text(ballot), WORRYING, action="skip")
    assert progress.concern is not None  # the help is still shown
    assert alerts() == []


def test_the_alert_keeps_the_words_when_the_answers_and_consultation_are_gone(ballot, admin, sent_for):
    write(ballot, at_free_text(ballot), WORRYING)
    db.session.execute(delete(Response))
    db.session.commit()
    delete_consultation(ballot, by=admin)
    db.session.expire_all()
    [alert] = alerts()
    assert (alert.answer_id, alert.consultation_id, alert.text) == (None, None, WORRYING)


# The lead's queue


def test_the_queue_shows_new_alerts_first_the_longest_waiting_at_the_top(ballot, lead, sent_for):
    for _ in range(3):
        write(ballot, at_free_text(ballot), WORRYING)
    first, second, third = alerts()
    safeguarding.set_status(first.id, "reviewed", lead)
    make_old(third, hours=2)
    assert [e.alert.id for e in safeguarding.list_alerts(lead)] == [third.id, second.id, first.id]
    assert [e.alert.id for e in safeguarding.list_alerts(lead, "reviewed")] == [first.id]


def test_an_alert_still_new_after_24_hours_is_overdue(ballot, lead, sent_for):
    write(ballot, at_free_text(ballot), WORRYING)
    [alert] = alerts()
    make_old(alert, hours=23)
    assert not safeguarding.list_alerts(lead)[0].overdue
    make_old(alert, hours=25)
    assert safeguarding.list_alerts(lead)[0].overdue
    safeguarding.set_status(alert.id, "referred", lead)
    assert not safeguarding.list_alerts(lead)[0].overdue


def test_every_view_of_an_alert_is_recorded(ballot, lead, sent_for):
    write(ballot, at_free_text(ballot), WORRYING)
    [alert] = alerts()
    safeguarding.view_alert(alert.id, lead)
    seen = safeguarding.view_alert(alert.id, lead)
    assert [(v.user_id, v.viewer) for v in seen.views] == [(lead.id, lead.email)] * 2


@pytest.mark.parametrize("role", ["admin", "facilitator", "co_facilitator", "board_member"])
def test_nobody_but_the_safeguarding_lead_may_list_read_or_change_alerts(ballot, role, sent_for):
    someone = create_user(f"{role}@example.org", role, role, password=PASSWORD)[0]
    write(ballot, at_free_text(ballot), WORRYING)
    alert_id = alerts()[0].id
    for attempt in (
        lambda: safeguarding.list_alerts(someone),
        lambda: safeguarding.view_alert(alert_id, someone),
        lambda: safeguarding.set_status(alert_id, "reviewed", someone),
        lambda: safeguarding.add_note(alert_id, "x", someone),
    ):
        with pytest.raises(NotAllowed):
            attempt()
    assert db.session.scalar(select(func.count()).select_from(AlertView)) == 0


def test_status_and_notes_are_saved_and_audited_without_their_words(ballot, lead, sent_for):
    write(ballot, at_free_text(ballot), WORRYING)
    [alert] = alerts()
    safeguarding.set_status(alert.id, "referred", lead, note="Referred to MASH, ref 1234")
    safeguarding.add_note(alert.id, "Called back by social care", lead)
    db.session.expire_all()
    assert (alert.status, alert.reviewed_by_id, alert.reviewed_by) == ("referred", lead.id, lead.email)
    assert [(n.author, n.text) for n in alert.notes] == [
        (lead.email, "Referred to MASH, ref 1234"),
        (lead.email, "Called back by social care"),
    ]
    events = db.session.execute(select(AuditEvent.action, AuditEvent.target, AuditEvent.detail)).all()
    assert ("changed alert status", str(alert.id), {"status": "referred"}) in events
    assert ("added alert note", str(alert.id), {}) in events
    everything = repr(events)
    assert "MASH" not in everything and "social care" not in everything and "stepdad" not in everything


def test_an_empty_note_or_an_unknown_status_is_refused(ballot, lead, sent_for):
    write(ballot, at_free_text(ballot), WORRYING)
    alert_id = alerts()[0].id
    with pytest.raises(safeguarding.AlertError):
        safeguarding.add_note(alert_id, "   ", lead)
    with pytest.raises(safeguarding.AlertError):
        safeguarding.set_status(alert_id, "closed", lead)
    with pytest.raises(safeguarding.AlertNotFound):
        safeguarding.view_alert(alert_id + 100, lead)


# Asking to be contacted


def test_contact_is_refused_unless_the_consultation_offers_it(ballot, sent_for):
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    assert not safeguarding.contact_offered(ballot, token)
    with pytest.raises(safeguarding.ContactNotOffered):
        safeguarding.request_contact(ballot, token, "07700 900123")
    assert db.session.scalar(select(func.count()).select_from(ContactRequest)) == 0


def test_contact_is_refused_to_a_young_person_with_nothing_passed_to_the_lead(ballot, admin, sent_for):
    safeguarding.set_contact_offer(ballot, True, by=admin)
    token = at_free_text(ballot)
    write(ballot, token, "more youth clubs please")
    assert not safeguarding.contact_offered(ballot, token)
    with pytest.raises(safeguarding.ContactNotOffered):
        safeguarding.request_contact(ballot, token, "07700 900123")


def test_a_contact_request_is_kept_with_the_alert_and_reopens_it(ballot, admin, lead, sent_for):
    safeguarding.set_contact_offer(ballot, True, by=admin)
    token = at_free_text(ballot)
    write(ballot, token, WORRYING)
    [alert] = alerts()
    safeguarding.set_status(alert.id, "reviewed", lead)
    assert safeguarding.contact_offered(ballot, token)
    safeguarding.request_contact(ballot, token, "  my aunt 07700 900123 ")
    db.session.expire_all()
    assert [c.how_to_reach for c in alert.contact_requests] == ["my aunt 07700 900123"]
    assert alert.status == "new" and alert.notes[-1].text.startswith("The young person asked to be contacted.")
    assert sent_for == [alert.id, alert.id]
    assert safeguarding.list_alerts(lead)[0].contact_requested


def test_turning_the_contact_offer_on_and_off_is_audited(ballot, admin):
    safeguarding.set_contact_offer(ballot, True, by=admin)
    safeguarding.set_contact_offer(ballot, True, by=admin)  # no change, no event
    safeguarding.set_contact_offer(ballot, False, by=admin)
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.target == ballot).order_by(AuditEvent.id)
    ).all()
    assert [a for a in actions if "contact offer" in a] == ["turned on contact offer", "turned off contact offer"]


# Telling the leads


def test_the_leads_are_told_only_after_the_alert_is_committed(ballot, monkeypatch):
    seen_by_others = []

    def told(alert_id: int) -> None:
        with db.engine.connect() as another:  # sees only what is committed
            found = select(SafeguardingAlert.id).where(SafeguardingAlert.id == alert_id)
            seen_by_others.append(another.scalar(found))

    monkeypatch.setattr(notify, "notify_leads", told)
    write(ballot, at_free_text(ballot), WORRYING)
    assert seen_by_others == [alerts()[0].id]


def test_nobody_is_told_of_an_alert_that_was_rolled_back(ballot, sent_for):
    token = at_free_text(ballot)
    with pytest.raises(RuntimeError), writing():
        write(ballot, token, WORRYING)
        raise RuntimeError("the request failed after the answer")
    assert alerts() == [] and sent_for == []


def test_every_active_lead_gets_an_email_with_a_link_and_not_the_words(app, ballot, lead):
    create_user("dsl2@example.org", "Sam", "safeguarding_lead", password=PASSWORD)
    create_user("left@example.org", "Old", "safeguarding_lead", password=PASSWORD)[0].active = False
    create_user("board@example.org", "Bo", "board_member", password=PASSWORD)
    db.session.commit()
    with FakeSMTPServer() as smtp:
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp.port, SMTP_STARTTLS=False,
                          SMTP_FROM="engage@council.example", PUBLIC_URL="https://engage.example")
        write(ballot, at_free_text(ballot), WORRYING)
        smtp.wait_for(2)
        notify.wait_for_sending()
    [alert] = alerts()
    assert sorted(to for _, [to], _ in smtp.received) == ["dsl2@example.org", "dsl@example.org"]
    for sender, _, message in smtp.received:
        body = message.get_payload(decode=True).decode()
        assert sender == "engage@council.example"
        assert body.strip() == (
            f"A new safeguarding alert is waiting in Engage: "
            f"https://engage.example/console/safeguarding/alert?alert_id={alert.id}"
        )
        assert "stepdad" not in message.as_string() and "Youth ballot" not in message.as_string()


def test_with_the_mail_server_down_the_alert_is_kept_and_the_log_holds_no_words_or_addresses(
    app, ballot, lead, caplog
):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=closed_port(), SMTP_STARTTLS=False)
    with caplog.at_level(logging.WARNING, logger="engage.services.notify"):
        progress = write(ballot, at_free_text(ballot), WORRYING)
        notify.wait_for_sending()
    assert progress.concern is not None
    [alert] = alerts()
    assert f"Safeguarding alert {alert.id}: could not email the leads (ConnectionRefusedError)" in caplog.text
    assert "stepdad" not in caplog.text and "dsl@example.org" not in caplog.text


def test_without_smtp_configured_no_email_is_attempted(app, ballot, lead, monkeypatch):
    monkeypatch.setattr(notify, "_send_in_background", lambda *a: pytest.fail("tried to send"))
    write(ballot, at_free_text(ballot), WORRYING)
    assert len(alerts()) == 1
