"""The engage command, as a facilitator or an operator uses it."""
import json



def test_demo_makes_an_open_consultation_of_every_kind_with_answers(runner):
    result = runner.invoke(args=["demo", "--responses", "12"])
    assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)
    kinds = {c["kind"] for c in listed}
    assert kinds == {
        "square_table", "lifestyle_survey", "staying_safe_conference", "youth_ballot", "service_feedback"
    }
    assert all(c["status"] == "open" and c["responses"] == 12 for c in listed)


def test_running_the_demo_twice_adds_nothing(runner):
    runner.invoke(args=["demo", "--responses", "3"])
    again = runner.invoke(args=["demo", "--responses", "3"])
    assert again.exit_code == 0 and "already exist" in again.output
    assert len(json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)) == 7


def test_demo_answers_are_ones_a_young_person_could_have_given(app, runner):
    from sqlalchemy import select

    from engage.extensions import db
    from engage.models import Consultation, Response
    from engage.services.consultations import survey_of
    from surveys import PREFER_NOT_TO_SAY
    from surveys import runner as survey_runner

    runner.invoke(args=["demo", "--responses", "5"])
    with app.app_context():
        responses = db.session.scalars(select(Response)).all()
        assert len(responses) == 35
        for response in responses:
            survey = survey_of(db.session.get(Consultation, response.consultation_id))
            stored = {a.question_id: a.value for a in response.answers}
            state = survey_runner.start(survey)
            while not state.finished:  # replay the stored answers through the runner
                value = stored.get(state.current)
                if value == PREFER_NOT_TO_SAY:
                    state = survey_runner.prefer_not_to_say(survey, state)
                else:
                    typed = value if isinstance(value, list) else [] if value is None else [str(value)]
                    state = survey_runner.answer(survey, state, typed)
            assert survey_runner.final_answers(survey, state) == stored


def test_create_makes_a_draft_from_a_template_and_list_shows_its_join_code(runner):
    created = runner.invoke(args=["consultations", "create", "--template", "square-table"])
    assert created.exit_code == 0, created.output
    code, status = created.output.split()[:2]
    assert status == "draft"
    listed = json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)
    assert [(c["join_code"], c["status"], c["template"]) for c in listed] == [
        (code, "draft", "square-table")
    ]
    opened = runner.invoke(args=["consultations", "open", code.lower()])
    assert opened.exit_code == 0 and " open " in opened.output


def test_create_refuses_an_unknown_template_and_lists_the_real_ones(runner):
    result = runner.invoke(args=["consultations", "create", "--template", "nope"])
    assert result.exit_code != 0
    assert "youth-ballot" in result.output


def test_opening_an_unknown_join_code_fails_with_a_clear_message(runner):
    result = runner.invoke(args=["consultations", "open", "ZZZZZZ"])
    assert result.exit_code == 1
    assert "no consultation has the join code" in result.output


def test_create_can_set_the_days_a_consultation_takes_answers(runner):
    created = runner.invoke(
        args=["consultations", "create", "--template", "youth-ballot", "--open",
              "--opens", "2026-01-05", "--closes", "2026-02-13"]
    )
    assert created.exit_code == 0, created.output
    [listed] = json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)
    assert (listed["opens_on"], listed["closes_on"]) == ("2026-01-05", "2026-02-13")
    backwards = runner.invoke(
        args=["consultations", "create", "--template", "youth-ballot",
              "--opens", "2026-03-01", "--closes", "2026-02-01"]
    )
    assert backwards.exit_code == 2 and "closing day is before the opening day" in backwards.output


def test_demo_makes_one_account_per_role_with_a_password_shown_once(app, runner):
    import re

    from engage.services import users

    first = runner.invoke(args=["demo", "--responses", "2"])
    password = re.search(r"password (\S+) \(shown once\)", first.output).group(1)
    with app.app_context():
        roles = {u.role for u in users.list_users()}
        assert roles == {"admin", "facilitator", "co_facilitator", "board_member", "safeguarding_lead"}
        assert users.authenticate("admin@demo.invalid", password).role == "admin"
    again = runner.invoke(args=["demo", "--responses", "2"])
    assert "shown once" not in again.output


def test_demo_free_text_answers_arrive_tagged_with_themes_and_sentiment(app, runner):
    from sqlalchemy import func, select

    from engage.extensions import db
    from engage.models_themes import AnswerAnalysis, AnswerTag

    runner.invoke(args=["demo", "--responses", "8"])
    with app.app_context():
        analysed = db.session.scalar(select(func.count()).select_from(AnswerAnalysis))
        tagged = db.session.scalar(select(func.count(func.distinct(AnswerTag.answer_id))))
        assert analysed > 0 and tagged > analysed // 2
        assert db.session.scalar(select(func.count()).where(AnswerAnalysis.sentiment.is_(None))) == 0
