"""Statements that every chat update runs, compiled once per database and run on the unit of work's connection.

A bot update runs the same eight or so small statements each time. Through
SQLAlchemy's execute, each cost about 0.31 million CPU instructions on top of
the database's own work (the execution context, the result object, cache keys,
events: counted with callgrind on bench/bot.py's young people), which was
most of an update. A ``Prepared`` statement is still written with SQLAlchemy
and runs inside the Session's transaction, on its connection; what is done once
per dialect instead of on every call is the SQL text, the order of its
parameters, and the column types' own converters (JSON, dates, booleans),
which it then applies itself, so values go in and come out exactly as
SQLAlchemy would write and read them. About 0.07 million instructions a call.
"""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from engage.extensions import db


@dataclass(frozen=True)
class _Plan:
    sql: str
    order: tuple[str, ...] | None  # parameter names in order, for a driver that takes them by position
    defaults: dict[str, Any]  # values written into the statement itself (``.values(flagged=False)``)
    converters: dict[str, Callable[[Any], Any]]  # by parameter name, where its type has one
    row: type
    readers: tuple[Callable[[Any], Any] | None, ...] | None  # by column; None when no column needs one


class Prepared:
    """``statement``, run by ``rows(params)`` or ``first(params)`` (a mapping) in the current unit of work."""

    def __init__(self, statement: Executable):
        self.statement = statement
        self._plans: dict[str, _Plan] = {}

    def rows(self, params: Mapping[str, Any] | None = None) -> list[tuple]:
        session = db.session()
        if session.new or session.dirty or session.deleted:
            session.flush()  # objects changed in this unit of work go first, as SQLAlchemy's autoflush does
        connection = session.connection()
        plan = self._plans.get(connection.dialect.name) or self._plan(connection.dialect)
        values = {**plan.defaults, **params} if params else dict(plan.defaults)
        for name, convert in plan.converters.items():
            values[name] = convert(values[name])
        arguments = values if plan.order is None else [values[name] for name in plan.order]
        cursor = connection.connection.cursor()
        try:
            cursor.execute(plan.sql, arguments)
            found = cursor.fetchall() if cursor.description else []
        except connection.dialect.loaded_dbapi.Error as error:
            raise _as_sqlalchemy_error(connection, cursor, plan.sql, error) from error
        finally:
            cursor.close()
        make, readers = plan.row._make, plan.readers
        if readers is None:
            return [make(row) for row in found]
        return [make(value if read is None else read(value) for read, value in zip(readers, row)) for row in found]

    def first(self, params: Mapping[str, Any] | None = None) -> tuple | None:
        found = self.rows(params)
        return found[0] if found else None

    def _plan(self, dialect: Dialect) -> _Plan:
        compiled = self.statement.compile(dialect=dialect)
        binds = {name: bind for bind, name in compiled.bind_names.items()}  # as named in the SQL
        if any(bind.expanding or bind.literal_execute for bind in binds.values()):
            raise ValueError("a Prepared statement takes no lists of values (IN): use session.execute")
        converters = {}
        for name, bind in binds.items():
            convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if convert is not None:
                converters[name] = convert
        columns = list(getattr(self.statement, "exported_columns", ()))
        readers = tuple(column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns)
        plan = _Plan(
            sql=compiled.string,
            order=tuple(compiled.positiontup) if compiled.positional else None,
            defaults={name: bind.value for name, bind in binds.items() if not bind.required},
            converters=converters,
            row=namedtuple("Row", [column.key for column in columns] or ["_"], rename=True),
            readers=readers if any(read is not None for read in readers) else None,
        )
        self._plans[dialect.name] = plan
        return plan


def _as_sqlalchemy_error(connection: Connection, cursor: Any, sql: str, error: Exception) -> DBAPIError:
    """The driver's error as SQLAlchemy raises it (IntegrityError, OperationalError...), as callers expect.

    A lost connection is invalidated, as SQLAlchemy would, so the pool does not
    hand it out again. The values are never part of the message: they may be a
    young person's words.
    """
    dialect = connection.dialect
    lost = dialect.is_disconnect(error, connection.connection.dbapi_connection, cursor)
    if lost:
        connection.invalidate(error)
    return DBAPIError.instance(sql, None, error, dialect.loaded_dbapi.Error, hide_parameters=True,
                               connection_invalidated=lost, dialect=dialect)
