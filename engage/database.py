"""Engine settings and the unit of work that writes.

SQLite gets WAL (readers never block the writer) and ``synchronous=FULL`` so
that an answer acknowledged to a young person survives a crash or power cut.
Writes take SQLite's write lock when they begin (``BEGIN IMMEDIATE``), so two
requests never both read and then fail to upgrade, and wait their turn in a
``WriterQueue``; on PostgreSQL the services lock the rows they change instead.
"""
import fcntl
import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache

from sqlalchemy import Table, bindparam, event, update
from sqlalchemy.engine import Engine

from engage.extensions import db
from engage.prepared import Prepared

_WRITE = "engage_write"
_QUEUES: "weakref.WeakKeyDictionary[Engine, WriterQueue]" = weakref.WeakKeyDictionary()


class WriterQueue:
    """Writers wait their turn for SQLite's single write lock here.

    SQLite's own busy handler sleeps and polls, so under load a waiting
    writer can oversleep while the lock stands free. Threads of one process
    queue on a lock, processes on ``flock`` of a file beside the database:
    both wake a waiter the moment the lock is released.
    """

    def __init__(self, database_path: str):
        self._path = database_path + ".writers"
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._pid = 0

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            if self._pid != os.getpid():  # a forked worker needs its own open file
                self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                self._pid = os.getpid()
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise

    def __exit__(self, *exc) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._threads.release()


def tune_engine(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    path = engine.url.database
    if path and path != ":memory:":
        _QUEUES[engine] = WriterQueue(path)

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
        # Straight to the driver: through exec_driver_sql the one word cost as much as a query.
        connection.connection.driver_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


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
    queue = _QUEUES.get(db.engine) or nullcontext()
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


@lru_cache(maxsize=64)
def row_update(table: Table, names: tuple[str, ...]) -> Prepared:
    """UPDATE of one row of ``table``: its id given as ``row``, each of ``names`` under its own name.

    Built once per table and set of columns: on a hot path, building a
    statement (and its cache key) costs more than running it.
    """
    return Prepared(update(table).where(table.c.id == bindparam("row")).values(
        {name: bindparam(name, type_=table.c[name].type) for name in names}
    ))


def database_name() -> str:
    return db.engine.dialect.name
