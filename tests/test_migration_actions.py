"""Migration 0006 (the action register) on a database already holding answers and tags, and back."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from engage.extensions import db

ACTION_TABLES = {"actions", "action_themes", "action_consultations"}


def test_upgrading_to_actions_keeps_every_answer_and_going_back_keeps_them_too(app):
    with app.app_context():
        downgrade(revision="0005")
        assert not ACTION_TABLES & set(inspect(db.engine).get_table_names())
        with db.engine.begin() as connection:
            for statement in (
                "INSERT INTO consultations (id, join_code, kind, title, status, created_at)"
                " VALUES (1, 'ABC234', 'square_table', 'Old event', 'open', '2026-01-01')",
                "INSERT INTO survey_versions (id, consultation_id, number, definition, digest, created_at)"
                " VALUES (1, 1, 1, 'id: x', 'd', '2026-01-01')",
                "UPDATE consultations SET current_version_id = 1",
                "INSERT INTO responses (id, consultation_id, survey_version_id, channel, resume_key, status,"
                " path, language, started_on) VALUES (1, 1, 1, 'web', 'k', 'submitted', '[]', 'en', '2026-01-01')",
                "INSERT INTO answers (id, response_id, question_id, value) VALUES (1, 1, 'q', '\"buses\"')",
            ):
                connection.execute(text(statement))

        upgrade(revision="0006")
        assert ACTION_TABLES <= set(inspect(db.engine).get_table_names())
        with db.engine.begin() as connection:
            for statement in (
                "INSERT INTO actions (id, summary, internal_note, agency, due_on, status, created_at, updated_at)"
                " VALUES (1, 'Later buses.', '', 'Council', '2026-06-01', 'planned', '2026-01-02', '2026-01-02')",
                "INSERT INTO action_themes (action_id, theme_key) VALUES (1, 'community-transport')",
                "INSERT INTO consultations (id, join_code, kind, title, status, created_at)"
                " VALUES (2, 'XYZ789', 'ballot', 'Another event', 'draft', '2026-01-02')",
                "INSERT INTO action_consultations (action_id, consultation_id) VALUES (1, 1)",
                "INSERT INTO action_consultations (action_id, consultation_id) VALUES (1, 2)",
            ):
                connection.execute(text(statement))
        with db.engine.begin() as connection:
            # A consultation deleted takes its links, not the board's action (ON DELETE CASCADE).
            connection.execute(text("DELETE FROM consultations WHERE id = 2"))
            assert connection.execute(text("SELECT consultation_id FROM action_consultations")).scalars().all() == [1]
            assert connection.execute(text("SELECT count(*) FROM actions")).scalar() == 1
            # An action deleted takes its themes and links, and nothing of the consultation's.
            connection.execute(text("DELETE FROM actions"))
            assert connection.execute(text("SELECT count(*) FROM action_themes")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM action_consultations")).scalar() == 0

        downgrade(revision="0005")
        assert not ACTION_TABLES & set(inspect(db.engine).get_table_names())
        assert {"answers", "answer_tags", "taxonomy_versions"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT value FROM answers")).scalars().all() in (['"buses"'], ["buses"])
        upgrade()
