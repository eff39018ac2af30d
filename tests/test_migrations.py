"""The migrations build exactly the schema the models describe, and can be undone."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from engage.extensions import db


def test_the_migrated_database_matches_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_migrations_go_down_to_nothing_and_up_again(app):
    with app.app_context():
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert {"consultations", "survey_versions", "responses", "answers"} <= set(
            inspect(db.engine).get_table_names()
        )


def test_upgrading_a_database_with_answers_in_it_keeps_every_answer(app):
    """A partnership that ran the first release upgrades without losing a word."""
    from sqlalchemy import text

    with app.app_context():
        downgrade(revision="0001")
        with db.engine.begin() as connection:
            for statement in (
                "INSERT INTO consultations (id, join_code, kind, title, status, created_at)"
                " VALUES (1, 'ABC234', 'square_table', 'Old event', 'open', '2026-01-01')",
                "INSERT INTO survey_versions (id, consultation_id, number, definition, digest, created_at)"
                " VALUES (1, 1, 1, 'id: x', 'd', '2026-01-01')",
                "UPDATE consultations SET current_version_id = 1",
                "INSERT INTO responses (id, consultation_id, survey_version_id, channel, resume_key, status,"
                " path, language, started_on) VALUES (1, 1, 1, 'web', 'k', 'submitted', '[]', 'en', '2026-01-01')",
                "INSERT INTO answers (id, response_id, question_id, value) VALUES (1, 1, 'q', '\"my words\"')",
            ):
                connection.execute(text(statement))
        upgrade()
        with db.engine.connect() as connection:
            kept = connection.execute(text("SELECT value FROM answers")).scalars().all()
            consultation = connection.execute(text("SELECT title, current_version_id FROM consultations")).one()
    assert len(kept) == 1 and "my words" in str(kept[0])
    assert tuple(consultation) == ("Old event", 1)


def test_after_migrating_deleting_a_response_still_deletes_its_answers(app):
    """ON DELETE CASCADE must hold on the connections the migration used (SQLite's PRAGMA)."""
    from sqlalchemy import text

    from engage.models import WEB
    from engage.services.consultations import create_from_template
    from engage.services.responding import answer_screen, progress, start_response

    with app.app_context():
        made = create_from_template("service-feedback", status="open")
        token = start_response(made.join_code, WEB)
        first = progress(made.join_code, token).state.current
        answer_screen(made.join_code, token, first, "skip", [])
        db.session.remove()
        with db.engine.begin() as connection:
            assert connection.execute(text("SELECT count(*) FROM answers")).scalar() >= 1
            connection.execute(text("DELETE FROM responses"))
            assert connection.execute(text("SELECT count(*) FROM answers")).scalar() == 0
