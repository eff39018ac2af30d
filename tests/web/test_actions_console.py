"""The action register through the console pages: staff write and publish, board members read."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.database import writing
from engage.extensions import db
from engage.models import OPEN, utcnow
from engage.models_actions import Action
from engage.models_chat import ChatOutbox, ChatSubscription
from engage.services import actions
from engage.services.consultations import create_from_template, find_consultation

SUMMARY = "You said there is nothing to do on Friday nights. The youth club will open on Fridays from May."
NOTE = "Funding agreed at the March board; review in six months."
TODAY = utcnow().date()


@pytest.fixture
def code(app):
    with app.app_context():
        return create_from_template("square-table", status=OPEN).join_code


def form(code: str, **changes) -> dict:
    data = {
        "summary": SUMMARY,
        "agency": "Youth service",
        "due_on": (TODAY + timedelta(days=60)).isoformat(),
        "status": "planned",
        "themes": ["positive-activities"],
        "consultations": [code],
        "internal_note": NOTE,
    }
    data.update(changes)
    return data


def create(person, code: str, **changes) -> int:
    response = person.post("/console/actions/new", form(code, **changes))
    assert response.status_code == 302, person.text
    return int(response.location.split("action_id=")[1])


def subscribe(app, code: str, *chat_ids: int) -> None:
    with app.app_context():
        consultation = find_consultation(code)
        with writing():
            for chat_id in chat_ids:
                db.session.add(ChatSubscription(consultation_id=consultation.id, chat_key=f"k{chat_id}", chat_id=chat_id))


def queued(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ChatOutbox))


def test_a_facilitator_writes_an_action_and_it_is_in_the_register_but_not_public_yet(app, staff, code):
    facilitator = staff("facilitator")
    new = facilitator.get("/console/actions/new")
    assert new.status_code == 200
    page = facilitator.text
    assert "Knife crime" in page and "<legend>Risk outside the home</legend>" in page  # themes by area of focus
    assert 'list="agency-suggestions"' in page and '<option value="Police">' in page
    action_id = create(facilitator, code)
    edit = facilitator.get(f"/console/actions/edit?action_id={action_id}").get_data(as_text=True)
    assert "Not published" in edit and "Reading age now: about" in edit
    assert 'value="positive-activities" id="theme-positive-activities" checked' in edit
    register = facilitator.get("/console/actions").get_data(as_text=True)
    assert SUMMARY in register and NOTE in register and "Not yet" in register
    assert SUMMARY not in facilitator.client.get(f"/s/{code}/results").get_data(as_text=True)


def test_the_form_says_what_is_wrong_in_plain_words_and_keeps_what_was_typed(app, staff, code):
    facilitator = staff("facilitator")
    too_long = "We will " + "really " * 60 + "listen."
    response = facilitator.post("/console/actions/new", form(code, summary=too_long, themes=[], agency=""))
    assert response.status_code == 422
    page = facilitator.text
    assert "Keep the summary for young people to 300 characters" in page
    assert "Choose at least one theme this action answers." in page
    assert "Say who is doing it" in page
    assert "really really" in page  # nothing typed is lost
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Action)) == 0


def test_a_past_due_date_is_accepted_and_the_register_makes_the_overdue_action_stand_out(app, staff, code):
    facilitator = staff("facilitator")
    create(facilitator, code, due_on=(TODAY - timedelta(days=3)).isoformat(), summary="Late one.")
    create(facilitator, code, summary="On time one.")
    page = facilitator.get("/console/actions").get_data(as_text=True)
    assert "1 action is past the due date and not done." in page
    late_row = page.split("Late one.")[0].rsplit("<tr", 1)[1]
    assert 'class="overdue"' in late_row
    assert page.count('<strong class="error">Overdue</strong>') == 1
    only_late = facilitator.get("/console/actions?overdue=1").get_data(as_text=True)
    assert "Late one." in only_late and "On time one." not in only_late


def test_publishing_puts_it_on_the_results_page_and_queues_one_message_per_subscribed_chat(app, staff, code):
    facilitator = staff("facilitator")
    subscribe(app, code, 101, 102, 103)
    action_id = create(facilitator, code)
    response = facilitator.post("/console/actions/publish", {"action_id": action_id, "send_to_chat": "y"})
    assert response.status_code == 302
    page = facilitator.get(response.location).get_data(as_text=True)
    assert "News queued for 3 chats that asked for updates." in page
    assert f"/s/{code}/results" in page and "Unpublish" in page
    assert queued(app) == 3
    results = facilitator.client.get(f"/s/{code}/results").get_data(as_text=True)
    assert SUMMARY in results and NOTE not in results

    facilitator.post("/console/actions/publish", {"action_id": action_id, "send_to_chat": "y"})  # a second click
    assert "already published: nothing was sent again" in facilitator.get(f"/console/actions/edit?action_id={action_id}").get_data(as_text=True)
    assert queued(app) == 3


def test_publishing_with_the_chat_box_unticked_sends_nothing(app, staff, code):
    facilitator = staff("facilitator")
    subscribe(app, code, 101)
    action_id = create(facilitator, code)
    facilitator.post("/console/actions/publish", {"action_id": action_id})
    assert queued(app) == 0
    assert "Nothing was sent to the chat." in facilitator.get(f"/console/actions/edit?action_id={action_id}").get_data(as_text=True)


def test_editing_a_published_summary_offers_to_send_again_and_sends_only_when_asked(app, staff, code):
    facilitator = staff("facilitator")
    subscribe(app, code, 101)
    action_id = create(facilitator, code)
    facilitator.post("/console/actions/publish", {"action_id": action_id, "send_to_chat": "y"})
    edit_url = f"/console/actions/edit?action_id={action_id}"
    assert "Send the update again" not in facilitator.get(edit_url).get_data(as_text=True)

    facilitator.post(edit_url, form(code, summary="The youth club opens on Fridays from 2 May."))
    page = facilitator.get(edit_url).get_data(as_text=True)
    assert "Send the update again" in page and "send the update again below" in page
    assert queued(app) == 1

    facilitator.post("/console/actions/send-again", {"action_id": action_id})
    facilitator.post("/console/actions/send-again", {"action_id": action_id})  # a double click
    assert queued(app) == 2
    assert "Send the update again" not in facilitator.get(edit_url).get_data(as_text=True)


def test_unpublishing_takes_it_off_the_results_page(app, staff, code):
    facilitator = staff("facilitator")
    action_id = create(facilitator, code)
    facilitator.post("/console/actions/publish", {"action_id": action_id})
    facilitator.post("/console/actions/unpublish", {"action_id": action_id})
    assert SUMMARY not in facilitator.client.get(f"/s/{code}/results").get_data(as_text=True)
    assert "Not yet" in facilitator.get("/console/actions").get_data(as_text=True)


def test_an_unpublished_action_can_be_deleted(app, staff, code):
    facilitator = staff("facilitator")
    action_id = create(facilitator, code)
    response = facilitator.post("/console/actions/delete", {"action_id": action_id})
    assert response.status_code == 302 and response.location.endswith("/console/actions")
    assert facilitator.get(f"/console/actions/edit?action_id={action_id}").status_code == 404


def test_a_board_member_reads_the_register_with_its_notes_but_cannot_change_anything(app, staff, code):
    facilitator, board = staff("facilitator"), staff("board_member")
    action_id = create(facilitator, code)
    page = board.get("/console/actions").get_data(as_text=True)
    assert SUMMARY in page and NOTE in page
    assert "You said, we did</a>" in page  # in the console's navigation
    assert "/console/actions/edit" not in page and "New action" not in page
    assert board.get(f"/console/actions/edit?action_id={action_id}").status_code == 403
    assert board.get("/console/actions/new").status_code == 403
    for path in ("publish", "unpublish", "send-again", "delete"):
        assert board.post(f"/console/actions/{path}", {"action_id": action_id}).status_code == 403
    with app.app_context():
        assert not db.session.get(Action, action_id).published


@pytest.mark.parametrize("role", ["co_facilitator", "safeguarding_lead"])
def test_co_facilitators_and_the_safeguarding_lead_have_no_register(app, staff, code, role):
    person = staff(role)
    assert person.get("/console/actions").status_code == 403
    assert "You said, we did" not in person.get("/console/account").get_data(as_text=True)


def test_the_register_filters_by_theme_consultation_and_agency(app, staff, code):
    facilitator = staff("facilitator")
    with app.app_context():
        other = create_from_template("youth-ballot").join_code
    create(facilitator, code, summary="Youth club news.")
    create(facilitator, other, summary="Knife arch news.", themes=["knife-crime"], agency="Police")
    by_theme = facilitator.get("/console/actions?theme=knife-crime").get_data(as_text=True)
    assert "Knife arch news." in by_theme and "Youth club news." not in by_theme
    by_consultation = facilitator.get(f"/console/actions?consultation={code}").get_data(as_text=True)
    assert "Youth club news." in by_consultation and "Knife arch news." not in by_consultation
    by_agency = facilitator.get("/console/actions?agency=police").get_data(as_text=True)
    assert "Knife arch news." in by_agency and "Youth club news." not in by_agency
    nothing = facilitator.get("/console/actions?status=done").get_data(as_text=True)
    assert "No actions match." in nothing


def test_a_missing_or_unknown_action_number_is_not_found(app, staff):
    facilitator = staff("facilitator")
    assert facilitator.get("/console/actions/edit").status_code == 404
    assert facilitator.get("/console/actions/edit?action_id=999").status_code == 404
    assert facilitator.post("/console/actions/publish", {"action_id": 999}).status_code == 404
    assert facilitator.post("/console/actions/publish", {}).status_code == 400


def test_a_publish_without_its_csrf_token_is_refused(app, staff, code):
    facilitator = staff("facilitator")
    action_id = create(facilitator, code)
    response = facilitator.client.post("/console/actions/publish", data={"action_id": action_id})
    assert response.status_code == 400
    with app.app_context():
        assert actions.published_actions_for(code) == []
