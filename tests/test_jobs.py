"""Heavy jobs: inline without a queue; through Redis and a worker with one.

The Redis tests use the server at ``ENGAGE_TEST_REDIS_URL`` (default
redis://127.0.0.1:6379/15), each on a queue of its own that it removes
afterwards. If that server cannot be reached they are skipped with the
reason, or fail when ``ENGAGE_REQUIRE_REDIS=1`` (CI).
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from engage import jobs
from engage.extensions import db
from engage.models import OPEN
from engage.models_themes import AnswerAnalysis, AnswerTag, TaggerModel
from engage.services import themes
from engage.services.consultations import create_consultation
from engage.services.users import create_user
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, answer
from tests.smtp_fake import closed_port

REDIS_URL = os.environ.get("ENGAGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REQUIRE_REDIS = os.environ.get("ENGAGE_REQUIRE_REDIS") == "1"


def _redis_problem() -> str | None:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        connection = Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        connection.ping()
        connection.close()
    except RedisError as error:
        return f"Redis at {REDIS_URL} is not reachable: {error}"
    return None


@pytest.fixture
def queued(app, database_url, monkeypatch):
    """The app with a job queue of its own on the test Redis; the worker's app reads this test's database."""
    problem = _redis_problem()
    if problem:
        if REQUIRE_REDIS:
            pytest.fail(problem)
        pytest.skip(problem)
    from redis import Redis

    name = f"engage-test-{uuid.uuid4().hex[:12]}"
    app.config.update(REDIS_URL=REDIS_URL, JOB_QUEUE=name)
    # A job's app is made by the factory from the environment, as on a server.
    monkeypatch.setenv("DATABASE_URL", _as_environment(*database_url))
    yield app
    connection = Redis.from_url(REDIS_URL)
    for key in connection.scan_iter(match=f"rq:*{name}*"):
        connection.delete(key)
    connection.srem("rq:queues", f"rq:queue:{name}")
    for job_id in _JOBS:
        for key in connection.scan_iter(match=f"rq:*{job_id}*"):
            connection.delete(key)
    _JOBS.clear()
    connection.close()


_JOBS: list[str] = []


def _as_environment(url: str, engine_options: dict) -> str:
    """The test database as DATABASE_URL: PostgreSQL's schema goes into the URL's options."""
    options = engine_options.get("connect_args", {}).get("options")
    if not options:
        return url
    return make_url(url).update_query_dict({"options": options}).render_as_string(hide_password=False)


def _enqueue(*args, **kwargs) -> str:
    job_id = jobs.enqueue(*args, **kwargs)
    _JOBS.append(job_id)
    return job_id


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_without_a_queue_a_job_runs_at_once_and_has_no_id(app, ctx):
    app.config["REDIS_URL"] = None
    assert jobs.enqueue(themes.RETRAIN_JOB, None) is None
    assert count(TaggerModel) == 1


def test_only_engage_functions_can_be_jobs(app, ctx):
    app.config["REDIS_URL"] = None
    with pytest.raises(ValueError, match="not an Engage job"):
        jobs.enqueue("os.system", "echo hello")


def test_a_queue_that_cannot_be_reached_is_a_clear_error(app):
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{closed_port()}/0"
    with app.app_context(), pytest.raises(jobs.JobQueueUnavailable, match="cannot be reached"):
        jobs.enqueue(themes.RETRAIN_JOB, None)


def test_a_queued_retag_really_runs_through_redis_in_a_worker_with_an_app_of_its_own(queued):
    with queued.app_context():
        code = create_consultation(loads(SURVEY), status=OPEN).join_code
        ids = [answer(code, KNIVES), answer(code, "more youth clubs open late please")]
        db.session.execute(AnswerTag.__table__.delete())
        db.session.execute(AnswerAnalysis.__table__.delete())
        db.session.commit()

        job_id = _enqueue(themes.RETAG_JOB, timeout=jobs.LONG_TIMEOUT)
        assert job_id and jobs.status(job_id) == "queued"
        assert count(AnswerAnalysis) == 0, "queued, not run"

        assert jobs.work(burst=True, simple=True)
        assert jobs.status(job_id) == "finished"
        db.session.remove()  # see what the worker wrote
        assert count(AnswerAnalysis) == len(ids)
        themes_now = db.session.scalars(select(AnswerTag.theme_key).where(AnswerTag.answer_id == ids[0]))
        assert "knife-crime" in set(themes_now)


def test_a_requested_retrain_is_queued_and_the_worker_trains_for_that_person(queued):
    with queued.app_context():
        person = create_user("fran@example.org", "Fran", "facilitator", password="a long password for tests")[0]
        themes.current_tagging()
        assert themes.request_retrain(person) == "queued"
        _JOBS.extend(_queued_job_ids())
        assert count(TaggerModel) == 1
        jobs.work(burst=True, simple=True)
        db.session.remove()
        newest = db.session.scalar(select(TaggerModel).order_by(TaggerModel.id.desc()).limit(1))
        assert count(TaggerModel) == 2 and newest.created_by_id == person.id


def _queued_job_ids() -> list[str]:
    from rq import Queue

    return Queue(jobs.queue_name(), connection=jobs._connection()).job_ids


def test_a_job_that_does_not_exist_is_refused_before_it_is_queued(queued):
    with queued.app_context(), pytest.raises(ValueError, match="no such job"):
        jobs.enqueue("engage.services.themes.no_such_function")
    with queued.app_context():
        assert _queued_job_ids() == []


def test_with_a_job_queue_the_retag_command_queues_the_work_and_says_so(queued):
    result = queued.test_cli_runner().invoke(args=["themes", "retag"])
    assert result.exit_code == 0, result.output
    assert "Re-tagging queued as job" in result.output and "engage jobs worker" in result.output
    job_id = result.output.split("as job ")[1].split(";")[0]
    _JOBS.append(job_id)
    with queued.app_context():
        assert jobs.status(job_id) == "queued"
        jobs.work(burst=True, simple=True)
        assert jobs.status(job_id) == "finished"
