"""Heavy work off the request: through RQ when ``REDIS_URL`` is set, inline when it is not.

A job is named by the dotted path of a service function and given plain
arguments (ids, never objects or young people's words). The worker
(``engage jobs worker``) runs each job in an app made by the factory, as
``wsgi.py`` and the command line make theirs, so a job reads the same
settings (``DATABASE_URL`` and the rest) as the site.

RQ and redis are imported only where used: importing RQ takes a quarter of
a second, which every web process would otherwise pay at start.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

from flask import current_app
from flask_babel import gettext as _

from engage.services.errors import ServiceError

QUEUE = "engage"
DEFAULT_TIMEOUT = 30 * 60  # seconds a job may run before the worker stops it
LONG_TIMEOUT = 12 * 60 * 60  # re-tagging every answer of a large partnership
RESULT_TTL = 24 * 60 * 60
FAILURE_TTL = 7 * 24 * 60 * 60


class JobQueueUnavailable(ServiceError):
    """REDIS_URL is set but the queue cannot be reached."""


def configured() -> bool:
    return bool(current_app.config.get("REDIS_URL"))


def queue_name() -> str:
    return current_app.config.get("JOB_QUEUE") or os.environ.get("ENGAGE_JOB_QUEUE") or QUEUE


def enqueue(func_path: str, *args: Any, timeout: int = DEFAULT_TIMEOUT) -> str | None:
    """Queue ``func_path(*args)`` and return the job's id; with no queue, run it now and return None."""
    function = _function(func_path)  # a typo fails here, not later in the worker
    if not configured():
        function(*args)
        return None
    from redis.exceptions import RedisError

    try:
        job = _queue().enqueue_call(
            run, args=(func_path, *args), timeout=timeout, result_ttl=RESULT_TTL,
            failure_ttl=FAILURE_TTL, description=func_path,
        )
    except RedisError as error:
        raise JobQueueUnavailable(
            _("The job queue at REDIS_URL cannot be reached (%(error)s).", error=type(error).__name__)
        ) from None
    return job.id


def status(job_id: str) -> str | None:
    """queued, started, finished, failed, ...; None for a job the queue no longer knows."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        return Job.fetch(job_id, connection=_connection()).get_status(refresh=False)
    except NoSuchJobError:
        return None


def run(func_path: str, *args: Any) -> Any:
    """What the worker runs: the job in an app context of its own, made by the factory."""
    from engage import create_app
    from engage.extensions import db

    app = create_app()
    with app.app_context():
        try:
            return _function(func_path)(*args)
        finally:
            db.session.remove()
            db.engine.dispose()


def _function(func_path: str) -> Callable[..., Any]:
    module, _dot, name = func_path.rpartition(".")
    if not module.startswith("engage."):
        raise ValueError(f"not an Engage job: {func_path!r}")
    function = getattr(importlib.import_module(module), name, None)
    if not callable(function):
        raise ValueError(f"no such job: {func_path!r}")
    return function


def work(burst: bool = False, simple: bool = False) -> bool:
    """Run queued jobs until stopped (or, in a burst, until the queue is empty).

    The worker forks for each job (``simple``: runs it in this process), so a
    job that crashes or runs out of time takes only itself down.
    """
    from rq import SimpleWorker, Worker

    worker_class = SimpleWorker if simple else Worker
    return worker_class([_queue()], connection=_connection()).work(burst=burst)


def _connection():
    from redis import Redis

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise JobQueueUnavailable("Set REDIS_URL to use the job queue.")
    return Redis.from_url(url)


def _queue():
    from rq import Queue

    return Queue(queue_name(), connection=_connection())
