"""The action register ("you said, we did") through the service layer."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from engage.analysis.readability import reading_age
from engage.database import writing
from engage.extensions import db
from engage.i18n import long_date
from engage.models import OPEN, SUBMITTED, AuditEvent, Response, utcnow
from engage.models_actions import Action, ActionTheme
from engage.models_chat import ChatConversation, ChatOutbox, ChatSubscription
from engage.services import actions
from engage.services.actions import ActionDraft, ActionError, ActionNotFound
from engage.services.consultations import create_from_template, delete_consultation, find_consultation
from engage.services.errors import ConsultationNotFound, NotAllowed
from engage.services.users import create_user

PASSWORD = "a long enough password for tests"
SUMMARY = "You said the buses stop too early. From June the 18 bus runs until 11pm."
TODAY = utcnow().date()


@pytest.fixture
def people(ctx):
    return {
        role: create_user(f"{role.replace('_', '-')}@example.org", role.title(), role, password=PASSWORD)[0]
        for role in ("admin", "facilitator", "co_facilitator", "board_member", "safeguarding_lead")
    }


@pytest.fixture
def facilitator(people):
    return people["facilitator"]


@pytest.fixture
def code(ctx):
    return create_from_template("square-table", status=OPEN).join_code


def draft(code: str | None = None, **changes) -> ActionDraft:
    values = dict(
        summary=SUMMARY,
        agency="Council",
        due_on=TODAY + timedelta(days=30),
        status="planned",
        theme_keys=("community-transport",),
        consultation_codes=(code,) if code else (),
        internal_note="Costs £40k a year; the bus company wants a three-year deal.",
    )
    values.update(changes)
    return ActionDraft(**values)


def subscribe(code: str, *chat_ids: int) -> None:
    """Chats that said /updates on for this consultation (as chat_updates.set_updates stores them)."""
    consultation = find_consultation(code)
    with writing():
        for chat_id in chat_ids:
            db.session.add(ChatSubscription(consultation_id=consultation.id, chat_key=f"key-{chat_id}", chat_id=chat_id))


def took_part(code: str, n: int) -> None:
    consultation = find_consultation(code)
    with writing():
        for i in range(n):
            db.session.add(
                Response(
                    consultation_id=consultation.id,
                    survey_version_id=consultation.current_version_id,
                    channel="web",
                    resume_key=f"{code}-{i}",
                    status=SUBMITTED,
                    started_on=TODAY,
                    submitted_on=TODAY,
                )
            )


def outbox() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(ChatSubscription.chat_id, ChatOutbox.text).join(ChatOutbox.subscription).order_by(ChatOutbox.id)
    )
    return [tuple(row) for row in rows]


def test_an_action_is_saved_with_its_themes_and_consultations_and_the_audit_log_says_who(facilitator, code):
    action = actions.create_action(draft(code, theme_keys=("community-transport", "positive-activities")), facilitator)
    db.session.expire_all()
    stored = db.session.get(Action, action.id)
    assert stored.summary == SUMMARY and stored.agency == "Council" and stored.status == "planned"
    assert sorted(stored.theme_keys) == ["community-transport", "positive-activities"]
    assert [c.join_code for c in stored.consultations] == [code]
    assert not stored.published
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.target_type == "action"))
    assert (event.action, event.actor, event.target) == ("created", facilitator.email, str(action.id))


def test_every_problem_with_an_action_is_told_at_once_in_plain_words(facilitator):
    with pytest.raises(ActionError) as raised:
        actions.create_action(ActionDraft(summary="  ", agency="", due_on=None, status="maybe"), facilitator)
    problems = raised.value.problems
    assert set(problems) == {"summary", "agency", "due_on", "status", "themes"}
    assert problems["themes"] == "Choose at least one theme this action answers."
    assert db.session.scalar(select(func.count()).select_from(Action)) == 0


def test_a_summary_for_young_people_over_300_characters_is_refused(facilitator, code):
    with pytest.raises(ActionError) as raised:
        actions.create_action(draft(code, summary="We will " + "really " * 60 + "listen."), facilitator)
    assert set(raised.value.problems) == {"summary"}
    assert "300 characters (it has " in raised.value.problems["summary"]
    actions.create_action(draft(code, summary="x" * actions.MAX_SUMMARY), facilitator)  # exactly the limit is fine


def test_a_due_date_already_past_is_allowed_and_the_action_shows_as_overdue(facilitator, code):
    late = actions.create_action(draft(code, due_on=TODAY - timedelta(days=1)), facilitator)
    done = actions.create_action(draft(code, due_on=TODAY - timedelta(days=5), status="done"), facilitator)
    on_time = actions.create_action(draft(code, due_on=TODAY), facilitator)
    entries = {e.action.id: e for e in actions.list_actions(facilitator)}
    assert entries[late.id].overdue
    assert not entries[done.id].overdue  # done is done, whenever it was due
    assert not entries[on_time.id].overdue  # due today is not late yet


def test_themes_must_be_in_the_taxonomy_and_consultations_must_exist(facilitator, code):
    with pytest.raises(ActionError) as raised:
        actions.create_action(draft(code, theme_keys=("buses-on-mars",), consultation_codes=(code, "ZZZZ99")), facilitator)
    assert raised.value.problems == {
        "themes": "Not a theme in the taxonomy: buses-on-mars.",
        "consultations": "No consultation has the join code ZZZZ99.",
    }


def test_a_theme_since_dropped_from_the_taxonomy_stays_on_the_action_it_was_chosen_for(facilitator, code):
    action = actions.create_action(draft(code), facilitator)
    with writing():
        db.session.add(ActionTheme(action_id=action.id, theme_key="late-buses-2025"))
    updated = actions.update_action(action.id, draft(code, theme_keys=("late-buses-2025", "community-transport")), facilitator)
    assert sorted(updated.theme_keys) == ["community-transport", "late-buses-2025"]
    groups = dict(actions.theme_groups(updated.theme_keys))
    assert groups["No longer in the taxonomy"] == [("late-buses-2025", "late-buses-2025")]
    with pytest.raises(ActionError):  # but a new action cannot pick it
        actions.create_action(draft(code, theme_keys=("late-buses-2025",)), facilitator)


def test_an_edit_is_audited_with_the_fields_that_changed_and_not_their_words(facilitator, code):
    action = actions.create_action(draft(code), facilitator)
    actions.update_action(action.id, draft(code, internal_note="A secret for the board", agency="Police"), facilitator)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "edited"))
    assert event.detail == {"changed": ["agency", "internal_note"]}


def test_publishing_queues_the_news_once_for_each_chat_that_asked_and_publishing_again_sends_nothing(
    facilitator, code
):
    other = create_from_template("youth-ballot", status=OPEN).join_code
    subscribe(code, 101, 102)
    subscribe(other, 201)  # asked about another consultation
    action = actions.create_action(draft(code), facilitator)

    sent = actions.publish(action.id, facilitator)
    assert sent.newly_published and sent.chats == 2 and not sent.repeated
    queued = outbox()
    assert [chat for chat, _ in queued] == [101, 102]
    assert all(SUMMARY in text and "Who: Council. Planned, by " in text for _, text in queued)
    assert "£40k" not in queued[0][1]  # the internal note never leaves the console

    again = actions.publish(action.id, facilitator)
    assert not again.newly_published and again.chats == 0
    assert len(outbox()) == 2
    assert [a.id for a in actions.published_actions_for(code)] == [action.id]
    assert actions.published_actions_for(other) == []


def test_the_chat_news_links_to_the_results_page_when_the_public_address_is_known(app, facilitator, code):
    app.config["PUBLIC_URL"] = "https://engage.example.org"
    subscribe(code, 101)
    actions.publish(actions.create_action(draft(code), facilitator).id, facilitator)
    [(_, text)] = outbox()
    assert text.endswith(f"https://engage.example.org/s/{code}/results")


def test_each_chat_gets_the_news_in_the_language_it_chose_with_the_summary_as_written(app, facilitator, code):
    app.config["PUBLIC_URL"] = "https://engage.example.org"
    subscribe(code, 101, 102, 103)
    with writing():
        db.session.add_all([ChatConversation(chat_key="key-101", language="pl"),
                            ChatConversation(chat_key="key-102", language="ur")])  # 103 chose none
    due = TODAY + timedelta(days=30)
    actions.publish(actions.create_action(draft(code, due_on=due), facilitator).id, facilitator)
    news = dict(outbox())
    with force_locale("pl"):
        polish_date = long_date(due)
    assert news[101].startswith("Wiadomości o „")
    assert "Powiedzieliście, zrobiliśmy: " + SUMMARY in news[101]
    assert f"Kto: Council. Zaplanowane, do {polish_date}." in news[101]
    assert news[101].endswith(f"Wszystkie wiadomości: https://engage.example.org/s/{code}/results")
    assert "آپ نے کہا، ہم نے کیا: " + SUMMARY in news[102] and "کون: Council۔" in news[102]
    assert news[103].startswith("News about “") and "You said, we did: " + SUMMARY in news[103]
    assert f"Who: Council. Planned, by {due.day} " in news[103]


def test_publishing_without_sending_queues_nothing_until_someone_asks(facilitator, code):
    subscribe(code, 101)
    action = actions.create_action(draft(code), facilitator)
    assert actions.publish(action.id, facilitator, send_to_chat=False).chats == 0
    assert outbox() == []
    assert actions.needs_sending(db.session.get(Action, action.id))
    assert actions.send_again(action.id, facilitator).chats == 1
    assert actions.send_again(action.id, facilitator).repeated  # a second click sends nothing
    assert len(outbox()) == 1


def test_an_edit_to_a_published_action_is_offered_for_sending_and_never_sent_by_itself(facilitator, code):
    subscribe(code, 101)
    action = actions.create_action(draft(code), facilitator)
    actions.publish(action.id, facilitator)
    assert not actions.needs_sending(action)

    edited = actions.update_action(action.id, draft(code, summary="The 18 bus now runs until 11pm."), facilitator)
    assert actions.needs_sending(edited)
    assert len(outbox()) == 1  # nothing went by itself

    assert actions.send_again(action.id, facilitator).chats == 1
    assert [text.count("runs until 11pm") for _, text in outbox()] == [1, 1]
    assert not actions.needs_sending(db.session.get(Action, action.id))


def test_a_change_of_status_is_news_too_but_only_when_sent(facilitator, code):
    subscribe(code, 101)
    action = actions.create_action(draft(code), facilitator)
    actions.publish(action.id, facilitator)
    done = actions.set_status(action.id, "done", facilitator)
    assert actions.needs_sending(done) and len(outbox()) == 1
    actions.send_again(action.id, facilitator)
    assert outbox()[-1][1].split("\n")[-1] == "Who: Council. Done."


def test_unpublishing_and_publishing_again_does_not_send_the_same_news_twice(facilitator, code):
    subscribe(code, 101)
    action = actions.create_action(draft(code), facilitator)
    actions.publish(action.id, facilitator)
    actions.unpublish(action.id, facilitator)
    assert actions.published_actions_for(code) == []
    again = actions.publish(action.id, facilitator)
    assert again.newly_published and again.repeated and again.chats == 0
    assert len(outbox()) == 1


def test_an_action_needs_a_consultation_before_it_can_be_published_and_keeps_one_while_published(facilitator, code):
    action = actions.create_action(draft(None), facilitator)  # a board decision not yet tied to an event
    with pytest.raises(ActionError) as raised:
        actions.publish(action.id, facilitator)
    assert set(raised.value.problems) == {"consultations"}
    actions.update_action(action.id, draft(code), facilitator)
    actions.publish(action.id, facilitator)
    with pytest.raises(ActionError) as raised:
        actions.update_action(action.id, draft(None), facilitator)
    assert "unpublish first" in raised.value.problems["consultations"]


def test_a_published_action_is_only_deleted_once_unpublished(facilitator, code):
    action = actions.create_action(draft(code), facilitator)
    actions.publish(action.id, facilitator, send_to_chat=False)
    with pytest.raises(ActionError):
        actions.delete_action(action.id, facilitator)
    actions.unpublish(action.id, facilitator)
    actions.delete_action(action.id, facilitator)
    with pytest.raises(ActionNotFound):
        actions.get_action(action.id, facilitator)


def test_board_members_read_the_register_and_change_nothing(people, code):
    action = actions.create_action(draft(code), people["admin"])
    board = people["board_member"]
    [entry] = actions.list_actions(board)
    assert entry.action.internal_note  # the note is for the board
    assert actions.get_action(action.id, board).id == action.id
    for change in (
        lambda: actions.create_action(draft(code), board),
        lambda: actions.update_action(action.id, draft(code), board),
        lambda: actions.set_status(action.id, "done", board),
        lambda: actions.publish(action.id, board),
        lambda: actions.unpublish(action.id, board),
        lambda: actions.send_again(action.id, board),
        lambda: actions.delete_action(action.id, board),
    ):
        with pytest.raises(NotAllowed):
            change()
    assert not db.session.get(Action, action.id).published


@pytest.mark.parametrize("role", ["co_facilitator", "safeguarding_lead"])
def test_co_facilitators_and_the_safeguarding_lead_do_not_see_the_register(people, code, role):
    action = actions.create_action(draft(code), people["facilitator"])
    with pytest.raises(NotAllowed):
        actions.list_actions(people[role])
    with pytest.raises(NotAllowed):
        actions.get_action(action.id, people[role])


def test_the_register_filters_by_status_theme_consultation_agency_and_overdue(facilitator, code):
    other = create_from_template("youth-ballot").join_code
    buses = actions.create_action(draft(code), facilitator)
    knives = actions.create_action(
        draft(other, theme_keys=("knife-crime",), agency="Police", status="in_progress", due_on=TODAY - timedelta(days=2)),
        facilitator,
    )
    done = actions.create_action(draft(code, status="done", agency="Youth service"), facilitator)

    def ids(**filters):
        return [e.action.id for e in actions.list_actions(facilitator, **filters)]

    assert ids() == [knives.id, buses.id, done.id]  # unfinished first, soonest due first
    assert ids(status="done") == [done.id]
    assert ids(theme="knife-crime") == [knives.id]
    assert ids(consultation=code.lower()) == [buses.id, done.id]
    assert ids(consultation="nonsense!") == []
    assert ids(agency="  police ") == [knives.id]
    assert ids(overdue=True) == [knives.id]
    assert ids(theme="community-transport", status="planned") == [buses.id]
    [entry] = actions.list_actions(facilitator, theme="knife-crime")
    assert entry.theme_names == ("Knife crime",)


def test_results_show_only_published_actions_and_only_what_young_people_may_see(facilitator, code):
    shown = actions.create_action(draft(code, status="in_progress"), facilitator)
    actions.create_action(draft(code, summary="Not ready to say yet."), facilitator)
    actions.publish(shown.id, facilitator)
    results = actions.results_for(code.lower())
    assert results.join_code == code and results.title == find_consultation(code).title
    assert [a.summary for a in results.actions] == [SUMMARY]
    assert set(vars(results.actions[0])) == {"summary", "agency", "status", "due_on"}


@pytest.mark.parametrize(("sent", "display"), [(0, "0"), (3, "fewer than 10"), (9, "fewer than 10"), (10, "10")])
def test_how_many_took_part_goes_through_small_number_suppression(ctx, code, sent, display):
    took_part(code, sent)
    taking_part = actions.results_for(code).taking_part
    assert taking_part.display == display
    assert (taking_part.count is None) == (display == "fewer than 10")


def test_results_for_an_unknown_code_is_not_found(ctx):
    with pytest.raises(ConsultationNotFound):
        actions.results_for("NOPE42")


def test_deleting_a_consultation_keeps_its_actions_for_the_board(facilitator, code):
    action = actions.create_action(draft(code), facilitator)
    delete_consultation(code, by=facilitator)
    db.session.expire_all()
    assert db.session.get(Action, action.id).consultations == []


def test_agency_suggestions_are_the_usual_owners_then_any_other_already_used(facilitator, code):
    actions.create_action(draft(code, agency="police"), facilitator)
    actions.create_action(draft(code, agency="Humber Fire and Rescue"), facilitator)
    assert actions.agency_suggestions() == [*actions.AGENCIES, "Humber Fire and Rescue"]


def test_plain_words_read_younger_than_officialese():
    plain = reading_age("We heard you. We will keep the youth club open on Fridays.")
    official = reading_age(
        "Following extensive consultation, the partnership has commissioned additional evaluative provision."
    )
    assert plain <= actions.PLAIN_READING_AGE < official
    assert reading_age("  ") is None


def test_publish_pressed_ten_times_at_once_queues_the_news_once(app, facilitator, code):
    subscribe(code, 101, 102)
    action_id = actions.create_action(draft(code), facilitator).id
    by = facilitator.id

    def press(_):
        with app.app_context():
            try:
                return actions.publish(action_id, db.session.get(type(facilitator), by)).newly_published
            finally:
                db.session.remove()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(press, range(10)))
    assert results.count(True) == 1
    db.session.remove()
    assert len(outbox()) == 2
