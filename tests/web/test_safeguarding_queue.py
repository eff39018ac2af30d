"""The safeguarding lead's queue, through the pages: only the lead reads a young person's words."""
from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN, AlertView, AuditEvent, ContactRequest, SafeguardingAlert, utcnow
from engage.services import notify, users
from engage.services.consultations import create_from_template, find_consultation
from tests.conftest import Respondent
from tests.smtp_fake import FakeSMTPServer, closed_port

WORRYING = "my stepdad hits me when mum is out"
CONTACT = "my aunt Jo 07700 900123"
HELP = "It sounds like things might be hard for you right now"
OFFER = "I'd like someone to contact me"
OVERDUE = "Waiting over 24 hours"


@pytest.fixture
def ballot(app):
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


def young_person(app, code: str, words: str) -> Respondent:
    """A young person on their own phone who writes these words in the free-text box."""
    person = Respondent(app.test_client(), code)
    person.start()
    person.answer("14-15")
    person.answer("school")
    person.answer(words)
    return person


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def only_alert_id(app) -> int:
    with app.app_context():
        [alert_id] = db.session.scalars(select(SafeguardingAlert.id)).all()
    return alert_id


def alert_page(alert_id: int) -> str:
    return f"/console/safeguarding/alert?alert_id={alert_id}"


def test_a_flagged_web_answer_makes_exactly_one_alert_that_the_lead_reads(app, ballot, staff):
    person = young_person(app, ballot, WORRYING)
    assert HELP in person.text
    person.answer(WORRYING, button="back")  # the same words again, from the send page
    assert count(app, SafeguardingAlert) == 1
    alert_id = only_alert_id(app)

    lead = staff("safeguarding_lead")
    queue = lead.get("/console/")  # the lead lands on the queue
    assert queue.status_code == 302 and queue.location.endswith("/console/safeguarding")
    lead.get("/console/safeguarding")
    assert f"Alert {alert_id}" in lead.text and "Youth ballot" in lead.text
    assert "stepdad" not in lead.text  # the queue shows no words: reading them is recorded
    assert 'href="/console/safeguarding">Safeguarding alerts</a>' in lead.text

    page = lead.get(alert_page(alert_id))
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert WORRYING in lead.text and "Why did you pick your first choice?" in lead.text
    lead.get(alert_page(alert_id))
    assert count(app, AlertView) == 2
    assert lead.text.count(lead.email) >= 2  # who viewed it, each time


@pytest.mark.parametrize("role", ["admin", "facilitator", "co_facilitator", "board_member"])
def test_nobody_but_the_lead_reaches_the_queue_or_an_alert(app, ballot, staff, role):
    young_person(app, ballot, WORRYING)
    alert_id = only_alert_id(app)
    someone = staff(role)
    assert someone.get("/console/safeguarding").status_code == 403
    assert someone.get(alert_page(alert_id)).status_code == 403
    assert "stepdad" not in someone.text
    assert someone.post("/console/safeguarding/alert/note", {"alert_id": alert_id, "text": "x"}).status_code == 403
    assert count(app, AlertView) == 0


def test_the_lead_changes_the_status_and_adds_notes_and_both_are_audited(app, ballot, staff):
    young_person(app, ballot, WORRYING)
    alert_id = only_alert_id(app)
    lead = staff("safeguarding_lead")
    page = lead.post(
        "/console/safeguarding/alert/status",
        {"alert_id": alert_id, "status": "referred", "note": "Referred to children's social care"},
    )
    assert page.status_code == 302 and page.location.endswith(alert_page(alert_id))
    lead.post("/console/safeguarding/alert/note", {"alert_id": alert_id, "text": "Strategy meeting booked"})
    lead.get(alert_page(alert_id))
    assert "Alert %d: Referred" % alert_id in lead.text
    assert "Referred to children&#39;s social care" in lead.text and "Strategy meeting booked" in lead.text

    lead.post("/console/safeguarding/alert/note", {"alert_id": alert_id, "text": "  "})
    lead.get(alert_page(alert_id))
    assert "Write a note first" in lead.text
    assert lead.post("/console/safeguarding/alert/status", {"alert_id": alert_id, "status": "gone"}).status_code == 400
    assert lead.post("/console/safeguarding/alert/note", {"alert_id": 999, "text": "x"}).status_code == 404

    admin = staff("admin")
    admin.get("/console/audit")
    assert "changed alert status" in admin.text and "added alert note" in admin.text
    assert "Strategy meeting" not in admin.text and "social care" not in admin.text


def test_an_alert_left_new_for_over_24_hours_stands_out(app, ballot, staff):
    young_person(app, ballot, WORRYING)
    lead = staff("safeguarding_lead")
    lead.get("/console/safeguarding")
    assert OVERDUE not in lead.text
    with app.app_context():
        long_ago = utcnow() - timedelta(hours=25)
        db.session.execute(SafeguardingAlert.__table__.update().values(created_at=long_ago, waiting_since=long_ago))
        db.session.commit()
    lead.get("/console/safeguarding")
    assert OVERDUE in lead.text and "1 alert has been waiting over 24 hours" in lead.text
    lead.post("/console/safeguarding/alert/status", {"alert_id": only_alert_id(app), "status": "reviewed"})
    lead.get("/console/safeguarding")
    assert OVERDUE not in lead.text


def test_no_contact_is_offered_unless_the_consultation_offers_it(app, ballot):
    person = young_person(app, ballot, WORRYING)
    assert HELP in person.text and OFFER not in person.text
    assert "nobody from this survey can contact you" in person.text
    assert person.open("/contact").status_code == 302
    assert count(app, ContactRequest) == 0


def test_a_young_person_asks_to_be_contacted_and_only_the_lead_sees_how(app, ballot, staff):
    facilitator = staff("facilitator")
    facilitator.get(f"/console/c/{ballot}")
    assert "Turn the contact offer on" in facilitator.text
    facilitator.post(f"/console/c/{ballot}/contact-offer", {"value": "on"})
    facilitator.get(f"/console/c/{ballot}")
    assert "turned on contact offer" in facilitator.text and "Turn the contact offer off" in facilitator.text

    person = young_person(app, ballot, WORRYING)
    assert OFFER in person.text
    page = person.open("/contact")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "only to the safeguarding lead" in person.text and "No thanks" in person.text
    assert person.post("/contact", {"how_to_reach": "  "}).status_code == 422
    sent = person.post("/contact", {"how_to_reach": CONTACT})
    assert sent.status_code == 302 and sent.location.endswith(f"/s/{ballot}/contact/sent")
    assert count(app, ContactRequest) == 1
    assert "We have passed it on" in person.client.get(sent.location).get_data(as_text=True)
    person.open("/q")  # "Back to the survey": the send page
    person.send()
    assert "Thank you" in person.text

    lead = staff("safeguarding_lead")
    lead.get("/console/safeguarding")
    assert "<strong>Yes</strong>" in lead.text and "07700" not in lead.text
    lead.get(alert_page(only_alert_id(app)))
    assert CONTACT in lead.text

    facilitator.get(f"/console/c/{ballot}")
    export = facilitator.get(f"/console/c/{ballot}/export.csv").get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export, newline="")))
    everything = facilitator.text + export
    assert "07700" not in everything and "stepdad" not in everything
    assert "[withheld: passed to the safeguarding lead]" in rows[1]


def test_no_thanks_stores_nothing(app, ballot, staff):
    staff("facilitator").post(f"/console/c/{ballot}/contact-offer", {"value": "on"})
    person = young_person(app, ballot, WORRYING)
    person.open("/contact")
    back = re.search(r'href="([^"]+)">No thanks', person.text).group(1)
    assert person.client.get(back).status_code == 200
    assert count(app, ContactRequest) == 0


def test_ordinary_words_bring_no_offer_even_when_contact_is_offered(app, ballot, staff):
    staff("facilitator").post(f"/console/c/{ballot}/contact-offer", {"value": "on"})
    person = young_person(app, ballot, "more things to do after school")
    assert HELP not in person.text and OFFER not in person.text
    assert person.open("/contact").status_code == 302


def test_a_co_facilitator_sees_the_contact_offer_but_cannot_change_it(app, ballot, staff):
    co = staff("co_facilitator")
    with app.app_context():
        users.set_members(find_consultation(ballot), [co.user.id], by=None)
    co.get(f"/console/c/{ballot}")
    assert "Contact offer" in co.text and "Turn the contact offer on" not in co.text
    assert co.post(f"/console/c/{ballot}/contact-offer", {"value": "on"}).status_code == 403


def test_the_local_childrens_services_number_is_shown_when_set(app, ballot):
    app.config["LOCAL_CHILDRENS_SERVICES"] = "01724 296500"
    person = young_person(app, ballot, WORRYING)
    assert 'call <a href="tel:01724296500">01724 296500</a>' in person.text


def test_the_lead_is_emailed_a_link_and_never_the_words(app, ballot, staff):
    lead = staff("safeguarding_lead")
    with FakeSMTPServer() as smtp:
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp.port, SMTP_STARTTLS=False)
        young_person(app, ballot, WORRYING)
        smtp.wait_for(1)
        notify.wait_for_sending()
    [(_, recipients, message)] = smtp.received
    assert recipients == [lead.email]
    link = f"http://localhost/console/safeguarding/alert?alert_id={only_alert_id(app)}"
    assert message.get_payload(decode=True).decode().strip() == (
        f"A new safeguarding alert is waiting in Engage: {link}"
    )
    assert "stepdad" not in message.as_string()
    assert lead.get(link).status_code == 200 and WORRYING in lead.text


def test_with_the_mail_server_down_the_young_person_still_sees_help_and_the_alert_is_kept(app, ballot, staff):
    staff("safeguarding_lead")
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=closed_port(), SMTP_STARTTLS=False)
    person = young_person(app, ballot, WORRYING)
    notify.wait_for_sending()
    assert HELP in person.text and "0800 1111" in person.text
    assert count(app, SafeguardingAlert) == 1


def test_the_contact_offer_switch_is_audited_for_the_consultation(app, ballot, staff):
    facilitator = staff("facilitator")
    facilitator.post(f"/console/c/{ballot}/contact-offer", {"value": "on"})
    facilitator.post(f"/console/c/{ballot}/contact-offer", {"value": "off"})
    assert facilitator.post(f"/console/c/{ballot}/contact-offer", {"value": "maybe"}).status_code == 400
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.target == ballot)).all()
    assert "turned on contact offer" in actions and "turned off contact offer" in actions


def test_an_alert_raised_by_words_in_another_language_tells_the_lead_which(app, ballot, staff):
    young_person(app, ballot, "mój ojczym mnie bije")
    lead = staff("safeguarding_lead")
    lead.get(alert_page(only_alert_id(app)))
    assert "mój ojczym mnie bije" in lead.text
    assert "violence at home" in lead.text
    assert "were read as Polish" in lead.text and "ask for a translation" in lead.text


def test_an_alert_raised_by_english_words_says_nothing_about_language(app, ballot, staff):
    young_person(app, ballot, WORRYING)
    lead = staff("safeguarding_lead")
    lead.get(alert_page(only_alert_id(app)))
    assert "were read as" not in lead.text
