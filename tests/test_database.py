"""Storage settings that keep a young person's acknowledged answers safe."""
from sqlalchemy import text

from engage import create_app
from engage.config import TestConfig, database_url
from engage.extensions import db


def test_the_default_sqlite_file_keeps_committed_answers_through_a_crash(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("ENGAGE_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SECRET_KEY": TestConfig.SECRET_KEY})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'engage.db'}"
    with app.app_context():
        with db.engine.connect() as connection:
            pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL: the WAL is synced at every commit
            assert pragma("foreign_keys") == 1
        db.engine.dispose()


def test_a_hosting_platform_postgres_url_gets_the_psycopg_driver(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://engage@db.internal:5432/engage")
    assert database_url("/tmp") == "postgresql+psycopg://engage@db.internal:5432/engage"
