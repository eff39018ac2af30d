"""Engine settings and the unit of work that writes.

SQLite gets WAL (readers never block the writer) and ``synchronous=FULL`` so
that an answer acknowledged to a young person survives a crash or power cut.
Writes take SQLite's write lock when they begin (``BEGIN IMMEDIATE``), so two
requests never both read and then fail to upgrade; on PostgreSQL the
services lock the rows they change instead.
"""
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from sqlalchemy import event
from sqlalchemy.engine import Engine

from engage.extensions import db

_WRITE = "engage_write"
# Threads of one process queue here for SQLite's single write lock, and are
# woken the moment it is free, instead of polling in SQLite's busy handler.
_SQLITE_WRITER = threading.Lock()


def tune_engine(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "busy_timeout=15000",
            "foreign_keys=ON",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing() -> Iterator[None]:
    """Run one use case's writes as a single transaction, committed at the end.

    Nested use joins the outer unit of work, so services can call each other.
    """
    session = db.session()
    if session.info.get(_WRITE):
        yield
        return
    if session.in_transaction():
        session.commit()  # end any read, so the write lock is taken up front
    queue = _SQLITE_WRITER if db.engine.dialect.name == "sqlite" else nullcontext()
    with queue:
        session.connection(execution_options={_WRITE: True})
        session.info[_WRITE] = True
        try:
            yield
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.info.pop(_WRITE, None)


def database_name() -> str:
    return db.engine.dialect.name
