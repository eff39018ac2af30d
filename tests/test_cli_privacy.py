"""``engage retention run`` and ``engage consultations erase``, as an operator uses them."""
from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from engage.database import writing
from engage.extensions import db
from engage.models import IN_PROGRESS, OPEN, SUBMITTED, Answer, AuditEvent, Response, SafeguardingAlert
from engage.services.consultations import create_from_template, find_consultation
from engage.services.responding import today


@pytest.fixture
def ballot(app):
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


def add_response(app, code, *, days_ago, words="Older kids carry knives at the park.", status=SUBMITTED):
    with app.app_context(), writing():
        consultation = find_consultation(code)
        day = today() - timedelta(days=days_ago)
        db.session.add(Response(
            consultation_id=consultation.id,
            survey_version_id=consultation.current_version_id,
            channel="web",
            resume_key=secrets.token_hex(32),
            status=status,
            started_on=day,
            submitted_on=day if status == SUBMITTED else None,
            answers=[
                Answer(question_id="age_band", value="14-15"),
                Answer(question_id="top_issues", value=["knife_crime", "school"]),
                Answer(question_id="why_first", value=words),
            ],
        ))


def words_stored(app) -> list:
    with app.app_context():
        return sorted(db.session.scalars(select(Answer.value).where(Answer.question_id == "why_first")))


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_retention_run_erases_old_words_and_says_what_it_did(app, runner, ballot):
    add_response(app, ballot, days_ago=400)
    add_response(app, ballot, days_ago=10, words="Recent words")
    add_response(app, ballot, days_ago=45, status=IN_PROGRESS)
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "1 answer in 1 response erased" in result.output
    assert "(12 months)" in result.output and "Unfinished responses" in result.output
    assert "1 deleted" in result.output
    assert words_stored(app) == ["Recent words", "[removed after 12 months]"]
    assert count(app, AuditEvent, AuditEvent.action == "ran retention") == 1


def test_retention_dry_run_changes_nothing(app, runner, ballot):
    add_response(app, ballot, days_ago=400)
    result = runner.invoke(args=["retention", "run", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "1 answer in 1 response would be erased" in result.output
    assert "Dry run: nothing was changed." in result.output
    assert words_stored(app) == ["Older kids carry knives at the park."]


def test_retention_run_also_erases_the_words_of_alerts_dealt_with_long_ago(app, runner, ballot):
    with app.app_context(), writing():
        long_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=400)
        for status in ("referred", "new"):
            db.session.add(SafeguardingAlert(
                consultation_title="Youth ballot", question_text="Why?", text="my stepdad hits me",
                concern="violence at home", channel="web", created_at=long_ago, waiting_since=long_ago,
                status=status, reviewed_at=long_ago if status != "new" else None,
            ))
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "words of 1 alert and 0 notes erased" in result.output
    assert "Alerts not yet dealt with are kept whole." in result.output
    with app.app_context():
        kept = dict(db.session.execute(select(SafeguardingAlert.status, SafeguardingAlert.text)).all())
    assert kept == {"referred": "[removed after 12 months]", "new": "my stepdad hits me"}


def test_retention_reads_the_period_from_config(app, runner, ballot):
    add_response(app, ballot, days_ago=100)
    app.config["RETENTION_MONTHS"] = 3
    result = runner.invoke(args=["retention", "run"])
    assert "(3 months)" in result.output, result.output
    assert words_stored(app) == ["[removed after 3 months]"]


def test_erase_asks_first_and_a_no_keeps_everything(app, runner, ballot):
    add_response(app, ballot, days_ago=1)
    result = runner.invoke(args=["consultations", "erase", ballot.lower()], input="n\n")
    assert result.exit_code == 1
    assert "1 response, 3 answers" in result.output and "Erase them all?" in result.output
    assert count(app, Response) == 1 and count(app, AuditEvent, AuditEvent.action == "erased answers") == 0


def test_erase_after_a_yes_removes_the_answers_and_keeps_the_consultation(app, runner, ballot):
    add_response(app, ballot, days_ago=1)
    add_response(app, ballot, days_ago=2)
    result = runner.invoke(args=["consultations", "erase", ballot], input="y\n")
    assert result.exit_code == 0, result.output
    assert f"Erased 2 responses (6 answers) to {ballot}" in result.output
    assert count(app, Response) == 0 and count(app, Answer) == 0
    listed = runner.invoke(args=["consultations", "list"]).output
    assert ballot in listed and "open" in listed
    assert count(app, AuditEvent, AuditEvent.action == "erased answers") == 1


def test_erase_with_yes_does_not_ask(app, runner, ballot):
    add_response(app, ballot, days_ago=1)
    result = runner.invoke(args=["consultations", "erase", ballot, "--yes"])
    assert result.exit_code == 0, result.output
    assert "Erase them all?" not in result.output and count(app, Response) == 0


def test_erase_warns_when_answers_await_the_safeguarding_lead(app, runner, ballot):
    add_response(app, ballot, days_ago=1, words="my stepdad hits me")
    with app.app_context(), writing():
        db.session.execute(Answer.__table__.update().values(flagged=True).where(Answer.question_id == "why_first"))
    result = runner.invoke(args=["consultations", "erase", ballot], input="n\n")
    assert "1 answer flagged as a possible disclosure" in result.output


def test_erase_refuses_an_unknown_code(runner):
    result = runner.invoke(args=["consultations", "erase", "ZZZZZZ", "--yes"])
    assert result.exit_code == 1 and "no consultation has the join code" in result.output
