"""Migration 0005 (theme tagging) on a database already holding answers, and back."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from engage.extensions import db

THEME_TABLES = {"taxonomy_versions", "tagger_models", "answer_tags", "answer_analyses"}


def _old_answers(connection) -> None:
    for statement in (
        "INSERT INTO consultations (id, join_code, kind, title, status, created_at)"
        " VALUES (1, 'ABC234', 'square_table', 'Old event', 'open', '2026-01-01')",
        "INSERT INTO survey_versions (id, consultation_id, number, definition, digest, created_at)"
        " VALUES (1, 1, 1, 'id: x', 'd', '2026-01-01')",
        "UPDATE consultations SET current_version_id = 1",
        "INSERT INTO responses (id, consultation_id, survey_version_id, channel, resume_key, status,"
        " path, language, started_on) VALUES (1, 1, 1, 'web', 'k', 'submitted', '[]', 'en', '2026-01-01')",
        "INSERT INTO answers (id, response_id, question_id, value) VALUES (1, 1, 'q', '\"knives everywhere\"')",
        "INSERT INTO answers (id, response_id, question_id, value) VALUES (2, 1, 'r', '\"buses\"')",
    ):
        connection.execute(text(statement))


def test_upgrading_to_theme_tagging_keeps_every_answer_and_going_back_keeps_them_too(app):
    with app.app_context():
        downgrade(revision="0004")
        assert not THEME_TABLES & set(inspect(db.engine).get_table_names())
        with db.engine.begin() as connection:
            _old_answers(connection)

        upgrade(revision="0005")
        assert THEME_TABLES <= set(inspect(db.engine).get_table_names())
        with db.engine.begin() as connection:
            for statement in (
                "INSERT INTO taxonomy_versions (id, number, created_at, note, taxonomy)"
                " VALUES (1, 1, '2026-01-02', '', '{\"areas\": [], \"themes\": []}')",
                "INSERT INTO tagger_models (id, created_at, taxonomy_version_id, trained_on, data)"
                " VALUES (1, '2026-01-02', 1, 0, :data)",
                "INSERT INTO answer_analyses (answer_id, sentiment, sentiment_score, tagged_at, taxonomy_version_id,"
                " tagger_model_id) VALUES (1, 'negative', -0.5, '2026-01-02', 1, 1)",
                "INSERT INTO answer_tags (answer_id, theme_key, confidence, reason, source, taxonomy_version_id,"
                " tagger_model_id) VALUES (1, 'knife-crime', 0.9, 'knives', 'tagger', 1, 1)",
                "INSERT INTO answer_tags (answer_id, theme_key, confidence, reason, source, taxonomy_version_id)"
                " VALUES (1, 'knife-crime', 1.0, '', 'person', 1)",
            ):
                connection.execute(text(statement), {"data": b"\x00model"} if ":data" in statement else {})
        with db.engine.begin() as connection:
            # An answer's analysis and tags go with it (ON DELETE CASCADE).
            connection.execute(text("DELETE FROM answers WHERE id = 1"))
            assert connection.execute(text("SELECT count(*) FROM answer_tags")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM answer_analyses")).scalar() == 0

        downgrade(revision="0004")
        assert not THEME_TABLES & set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT value FROM answers")).scalars().all() in (['"buses"'], ["buses"])
        upgrade()
