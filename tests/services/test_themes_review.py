"""People checking the tagger: who sees which answers, what they see, and how agreement moves."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, AuditEvent
from engage.services import theme_review
from engage.services.consultations import create_consultation
from engage.services.errors import NotAllowed
from engage.services.users import create_user, set_members
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, UNRELATED, answer, tags

PASSWORD = "a long password for tests"
BUSES = "the buses stop at 6 so we cant get home from college"


def person(role: str, email: str):
    return create_user(email, email.split("@")[0], role, password=PASSWORD)[0]


@pytest.fixture
def admin(ctx):
    return person("admin", "ada@example.org")


@pytest.fixture
def consultations(ctx):
    """Two consultations, A and B, of the same survey."""
    return [create_consultation(loads(SURVEY), title=title, status=OPEN) for title in ("A", "B")]


def queue(user, **options) -> dict[int, theme_review.ReviewItem]:
    return {item.answer_id: item for item in theme_review.review_queue(user, **options)}


def test_a_flagged_answer_never_appears_in_the_review_queue(consultations, admin):
    a = consultations[0].join_code
    ordinary = answer(a, KNIVES)
    flagged = answer(a, "my stepdad hits me when mum is out")
    for state in theme_review.STATES:
        assert flagged not in queue(admin, state=state)
    assert ordinary in queue(admin)
    with pytest.raises(theme_review.AnswerNotFound):
        theme_review.record_review(flagged, [], by=admin)


def test_a_co_facilitator_sees_only_their_consultations_answers_with_details_scrubbed(consultations, admin):
    a, b = (c.join_code for c in consultations)
    young = person("co_facilitator", "kai@example.org")
    set_members(consultations[0], [young.id], by=admin)
    mine = answer(a, "knives everywhere, text Jade on 07700 900123 or jade.smith@example.com")
    theirs = answer(b, KNIVES)

    items = queue(young)
    assert list(items) == [mine]
    item = items[mine]
    assert "07700" not in item.text and "example.com" not in item.text
    assert "[phone]" in item.text and "[email]" in item.text
    assert (item.consultation_code, item.consultation_title) == (a, "A")
    assert item.question == "What one thing would you change?"
    assert "knife-crime" in {t.theme for t in item.tagger_tags}
    assert all(t.reason and t.name for t in item.tagger_tags)
    assert item.sentiment
    assert queue(young, consultation_code=b) == {}
    with pytest.raises(theme_review.AnswerNotFound):
        theme_review.record_review(theirs, ["knife-crime"], by=young)
    assert set(queue(admin)) == {mine, theirs}


@pytest.mark.parametrize("role", ["board_member", "safeguarding_lead"])
def test_only_those_who_run_consultations_review_themes(consultations, role):
    answer_id = answer(consultations[0].join_code, KNIVES)
    someone = person(role, f"{role}@example.org")
    with pytest.raises(NotAllowed):
        theme_review.review_queue(someone)
    with pytest.raises(NotAllowed):
        theme_review.record_review(answer_id, [], by=someone)


def test_answers_still_being_written_wait_until_they_are_sent(consultations, admin):
    answer_id = answer(consultations[0].join_code, KNIVES, send=False)
    assert tags(answer_id)  # tagged already
    assert queue(admin, state="all") == {}


def test_the_queue_shows_unreviewed_reviewed_and_untagged_answers(consultations, admin):
    code = consultations[0].join_code
    knives, cat = answer(code, KNIVES), answer(code, UNRELATED)
    assert set(queue(admin)) == {knives, cat}
    assert set(queue(admin, state="untagged")) == {cat} and queue(admin)[cat].untagged
    theme_review.record_review(knives, ["knife-crime"], by=admin)
    assert set(queue(admin)) == {cat}
    reviewed = queue(admin, state="reviewed")[knives]
    assert reviewed.person_tags == ("knife-crime",) and reviewed.reviewed_at is not None
    with pytest.raises(theme_review.ReviewError):
        queue(admin, state="everything")


def test_accepting_removing_and_adding_themes_move_agreement_as_they_should(consultations, admin):
    code = consultations[0].join_code
    knives, buses, cat = answer(code, KNIVES), answer(code, BUSES), answer(code, UNRELATED)
    said = {i: set(tags(i)) for i in (knives, buses, cat)}
    assert "knife-crime" in said[knives] and "community-transport" in said[buses] and said[cat] == set()
    n, m = len(said[knives]), len(said[buses])
    assert theme_review.agreement().reviewed == 0 and theme_review.agreement().overall is None

    theme_review.record_review(knives, sorted(said[knives]), by=admin)  # accepted as they were
    score = theme_review.agreement()
    assert (score.reviewed, score.overall, score.precision, score.recall, score.f1) == (1, 1.0, 1.0, 1.0, 1.0)

    theme_review.record_review(cat, ["positive-activities"], by=admin)  # one added that the tagger missed
    score = theme_review.agreement()
    assert (score.reviewed, score.overall, score.precision) == (2, 0.5, 1.0)
    assert score.recall == pytest.approx(n / (n + 1), abs=1e-4)
    missed = {t.theme: t for t in score.themes}["positive-activities"]
    assert (missed.support, missed.recall, missed.precision) == (1, 0.0, 0.0)

    theme_review.record_review(buses, [], by=admin)  # the tagger's taken off: no theme fits
    score = theme_review.agreement()
    assert score.overall == pytest.approx(1 / 3, abs=1e-4)
    assert score.precision == pytest.approx(n / (n + m), abs=1e-4)
    assert score.recall == pytest.approx(n / (n + 1), abs=1e-4)
    assert {t.theme: t for t in score.themes}["community-transport"].precision == 0.0

    theme_review.record_review(cat, [], by=admin)  # changed their mind: now as the tagger said
    assert theme_review.agreement().overall == pytest.approx(2 / 3, abs=1e-4)
    assert theme_review.agreement(consultation_code=consultations[1].join_code).reviewed == 0


def test_a_review_is_kept_and_audited_without_the_words(consultations, admin):
    answer_id = answer(consultations[0].join_code, KNIVES)
    theme_review.record_review(answer_id, ["knife-crime", "community-transport", "knife-crime"], by=admin)
    assert set(tags(answer_id, "person")) == {"knife-crime", "community-transport"}
    assert set(tags(answer_id)), "the tagger's own tags stay beside the person's"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "reviewed themes"))
    assert (event.target_type, event.target, event.actor) == ("answer", str(answer_id), admin.email)
    assert event.detail == {"themes": ["community-transport", "knife-crime"]}
    assert "knives" not in str(event.detail)


def test_a_theme_the_taxonomy_does_not_have_is_refused(consultations, admin):
    answer_id = answer(consultations[0].join_code, KNIVES)
    with pytest.raises(theme_review.ReviewError, match="not-a-theme"):
        theme_review.record_review(answer_id, ["not-a-theme"], by=admin)
    assert tags(answer_id, "person") == {}
