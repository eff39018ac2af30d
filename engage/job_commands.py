"""``engage jobs``: the worker that runs queued jobs (re-tagging, retraining)."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from engage import jobs


@click.group("jobs")
def jobs_cli() -> None:
    """The job queue (Redis, at REDIS_URL) for heavy work."""


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run queued jobs until stopped."""
    if not jobs.configured():
        raise click.ClickException("Set REDIS_URL to use the job queue; without it, jobs run as they are asked for.")
    click.echo(f"Working on the {jobs.queue_name()!r} queue{' until it is empty' if burst else ''}.")
    jobs.work(burst=burst)
