"""Load bench: a room of young people answering on their phones at once.

    .venv/bin/python bench/load.py [--respondents 200] [--seconds 60] [--think 2]
        [--database sqlite|postgres|both]

For each database (a fresh SQLite file, then a fresh PostgreSQL database):

1. migrates it and opens a lifestyle survey for secondary schools, whose questions
   cover the common types (age band, 0-10 scale, single and multiple choice, number,
   yes/no, faces, free text) and branching;
2. serves ``wsgi:app`` with gunicorn and the project's own ``gunicorn.conf.py``;
3. runs RESPONDENTS virtual young people for SECONDS. Each opens /s/<CODE>, starts,
   then for every question loads the page and posts an answer read off the form (with
   its CSRF token and session cookie), sends, and reaches the thank-you page; then a
   new young person takes the phone (new connection, no cookies). Before each button
   press they read the screen for an exponentially distributed time (``--think``
   mean); ``--think 0`` is a saturation run;
4. checks the database: every response acknowledged to a young person (sending was
   answered with the thank-you page) is stored once, as sent, with every answer.

Prints per database: responses completed, requests/s, p50/p95/p99 of page loads, of
answer submissions and overall, errors by kind, the CPU each side used, and the goal
(zero errors, p95 < 100 ms). Exits 1 on any error or lost or duplicated answer; never
on latency alone. The load generator is one asyncio process on the same machine with
a minimal HTTP client (bench/rawhttp.py); its CPU is printed so that a run where it,
not the server, was the bottleneck can be told apart.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from rawhttp import RawClient  # bench/ is on sys.path when run as a script
from submit import (
    CORES,
    PG_SERVER,
    Database,
    JourneyFailed,
    Recorder,
    Server,
    TimeUp,
    _SEND_FORM,
    call,
    choose_answer,
    csrf_token,
    cpu_line,
    drive,
    log_findings,
    percentile,
    print_log_findings,
    run_engage,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "lifestyle-secondary"
PAGE, SUBMIT = "page load", "answer submission"
TIMEOUT = 10.0  # seconds a young person's phone waits before it counts as a timeout
GOAL_P95_MS = 100.0


@dataclass
class Run:
    """Timings, and what the respondents were told, to check against the database."""

    rec: Recorder = field(default_factory=Recorder)
    acknowledged: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)  # cookie, answers


# --------------------------------------------------------------------------- respondents


async def pause(rng: random.Random, think: float, deadline: float) -> None:
    """A young person reading the screen before pressing its button."""
    if think <= 0:
        return
    seconds = rng.expovariate(1 / think)
    if time.perf_counter() + seconds >= deadline:
        raise TimeUp
    await asyncio.sleep(seconds)


async def one_response(client: RawClient, run: Run, code: str, deadline: float,
                       rng: random.Random, think: float) -> None:
    rec, base = run.rec, f"/s/{code}"

    async def press(url: str, form: dict) -> str:
        """Press the screen's button; load the page it leads to."""
        await pause(rng, think, deadline)
        moved = await call(client, rec, SUBMIT, "POST", url, deadline, data=form, expect=302)
        return moved.headers["location"]

    page = await call(client, rec, PAGE, "GET", base, deadline)
    where = await press(f"{base}/start", {"csrf_token": token_of(page.text, rec)})
    answers: dict[str, list[str]] = {}
    for _ in range(60):
        page = await call(client, rec, PAGE, "GET", where, deadline)
        if _SEND_FORM.search(page.text):
            break
        question, answer = choose_answer(page.text, rng)
        if question is None:
            rec.error(PAGE, "page without a question")
            raise JourneyFailed
        if answer:  # an information screen has nothing to store
            answers[question] = answer
        form = {"csrf_token": token_of(page.text, rec), "question": question,
                "answer": answer, "next": "1"}
        where = await press(f"{base}/q", form)
    else:
        rec.error(PAGE, "never reached the send page")
        raise JourneyFailed
    where = await press(f"{base}/send", {"csrf_token": token_of(page.text, rec)})
    if not where.endswith("/thanks"):
        rec.error(SUBMIT, "sending did not lead to the thank-you page", where)
        raise JourneyFailed
    # The redirect to the thank-you page is the acknowledgement: from here on the
    # young person believes their answers are in.
    run.acknowledged.append((client.cookies["engage"], answers))
    rec.journeys += 1
    await call(client, rec, PAGE, "GET", where, deadline)


def token_of(text: str, rec: Recorder) -> str:
    return csrf_token(text, rec, PAGE)


async def respondent(number: int, base_url: str, code: str, run: Run, deadline: float,
                     think: float) -> None:
    rng = random.Random(number)
    if think > 0:  # arrive spread out, not all in the same millisecond
        await asyncio.sleep(rng.uniform(0, think))
    while True:
        async with RawClient(base_url, TIMEOUT) as phone:  # a new young person
            try:
                await one_response(phone, run, code, deadline, rng, think)
            except TimeUp:
                return
            except JourneyFailed:
                await asyncio.sleep(0.05)


# --------------------------------------------------------------------------- checking


def values(stored) -> list[str]:
    """An answer as the form sent it: a list of strings."""
    return [str(v) for v in stored] if isinstance(stored, list) else [str(stored)]


def check_stored(url: str, secret_key: str, run: Run) -> Counter:
    """Compare every acknowledged response with the database; counts of what is wrong."""
    reader = Flask(__name__)
    reader.secret_key = secret_key
    cookies = reader.session_interface.get_signing_serializer(reader)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            responses = connection.execute(sa.text(
                "SELECT id, resume_key, status FROM responses")).all()
            answers: dict[int, dict[str, list[str]]] = {}
            for response_id, question, value in connection.execute(sa.text(
                    "SELECT response_id, question_id, CAST(value AS TEXT) FROM answers")):
                answers.setdefault(response_id, {})[question] = values(json.loads(value))
    finally:
        engine.dispose()
    by_key: dict[str, list] = {}
    for row in responses:
        by_key.setdefault(row.resume_key, []).append(row)
    wrong: Counter = Counter()
    told = set()
    for cookie, sent in run.acknowledged:
        token = next(iter(cookies.loads(cookie)["responses"].values()))
        key = _digest(token)
        told.add(key)
        rows = by_key.get(key, [])
        if not rows:
            wrong["acknowledged response missing"] += 1
            continue
        if len(rows) > 1:
            wrong["response stored more than once"] += 1
        row = rows[0]
        if row.status != "submitted":
            wrong["acknowledged response not submitted"] += 1
        kept = answers.get(row.id, {})
        wrong["answers lost"] += sum(1 for q in sent if q not in kept)
        wrong["answers changed"] += sum(1 for q in sent if q in kept and kept[q] != sent[q])
        wrong["answers never sent"] += sum(1 for q in kept if q not in sent)
    unacknowledged = sum(1 for row in responses if row.status == "submitted"
                         and row.resume_key not in told)
    wrong["submitted but never acknowledged"] += unacknowledged
    return +wrong  # only what is non-zero


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --------------------------------------------------------------------------- report


def latency_row(label: str, seconds: list[float]) -> str:
    if not seconds:
        return f"    {label:<20}{0:>8}"
    return (f"    {label:<20}{len(seconds):>8}{percentile(seconds, 50):>9.1f}"
            f"{percentile(seconds, 95):>9.1f}{percentile(seconds, 99):>9.1f}")


def report(name: str, run: Run, args, wrong: Counter, server: Server) -> dict:
    rec = run.rec
    every = rec.all_latencies
    elapsed = rec.elapsed or 1.0
    completed = rec.journeys
    print(f"\n== {name}: {args.respondents} respondents for {rec.elapsed:.1f} s, {think_model(args)}")
    print(f"  responses completed : {completed} ({completed / elapsed:.1f}/s)")
    print(f"  requests            : {rec.requests} = {rec.requests / elapsed:.1f}/s")
    print(f"  latency ms          {'count':>8}{'p50':>9}{'p95':>9}{'p99':>9}")
    print(latency_row("page loads", rec.latencies.get(PAGE, [])))
    print(latency_row("answer submissions", rec.latencies.get(SUBMIT, [])))
    print(latency_row("overall", every))
    errors = Counter()
    for (kind, what), count in rec.errors.items():
        errors[f"{kind}: {what}"] += count
    errors.update({f"stored: {what}": n for what, n in wrong.items()})
    print(f"  errors              : {sum(errors.values())}")
    for what, count in errors.most_common():
        sample = next((s for (k, w), s in rec.samples.items() if f"{k}: {w}" == what), "")
        print(f"    {count:>6}  {what}" + (f"  -- {sample[:120]!r}" if sample else ""))
    print(f"  stored              : {len(run.acknowledged)} acknowledged responses checked in the "
          f"database; {'all stored once, complete and as sent' if not wrong else dict(wrong)}")
    print(f"  {cpu_line(rec)}")
    loadgen_share = rec.client_cpu / elapsed
    print(f"  load generator      : {loadgen_share:.0%} of one core (it is one asyncio thread)"
          + ("  WARNING: near its limit, latencies include its own queueing"
             if loadgen_share > 0.7 else ""))
    found = log_findings(server, workers=CORES)
    print_log_findings(server, found)
    p95 = percentile(every, 95)
    ok_errors, ok_p95 = not errors, p95 < GOAL_P95_MS
    print(f"  goal                : zero errors {'met' if ok_errors else 'NOT met'}; "
          f"p95 < {GOAL_P95_MS:g} ms {'met' if ok_p95 else 'NOT met'} ({p95:.1f} ms)")
    return {"errors": sum(errors.values()), "p95_ms": round(p95, 1)}


def think_model(args) -> str:
    if args.think <= 0:
        return "no pauses (saturation run)"
    return (f"a pause before each button press drawn from an exponential distribution "
            f"with mean {args.think:g} s")


# --------------------------------------------------------------------------- main


class GunicornServer(Server):
    """The app as it is deployed: ``gunicorn -c gunicorn.conf.py wsgi:app``."""

    def command(self) -> list[str]:
        return [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                "--bind", f"127.0.0.1:{self.port}", "--error-logfile", "-", "wsgi:app"]


def bench(kind: str, args, workdir: Path) -> dict:
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[kind]
    with Database(kind, workdir / kind, args.pg_server, pg_database="engage_load") as database:
        env = database.env()
        run_engage(env, "db", "upgrade")
        code = run_engage(env, "consultations", "create", "--template", TEMPLATE,
                          "--open").split()[0]
        server = GunicornServer(kind, "wsgi:app", ROOT, env, args, workdir)
        run = Run()
        try:
            server.start("/healthz")
            print(f"{name}: {TEMPLATE} open as {code} on {server.base_url}; "
                  f"driving for {args.seconds:g} s ...", flush=True)

            def start_respondent(number: int, rec: Recorder, deadline: float):
                run.rec = rec  # drive()'s recorder, which also takes the CPU readings
                return respondent(number, server.base_url, code, run, deadline, args.think)

            drive(server, args.respondents, args.seconds, start_respondent,
                  database_local=database.is_local_postgres)
        finally:
            server.stop()
        url = database.url or f"sqlite:///{database.instance / 'engage.db'}"
        wrong = check_stored(url, env["SECRET_KEY"], run)
        return report(name, run, args, wrong, server)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=200, help="young people at once")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each run lasts")
    parser.add_argument("--think", type=float, default=2.0,
                        help="mean seconds a young person reads a screen before pressing its "
                             "button (exponential); 0 for a saturation run")
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--pg-server", default=PG_SERVER,
                        help="PostgreSQL server; database engage_load is made and dropped on it")
    args = parser.parse_args(argv)
    # what submit.Server reads
    args.access_log, args.workers, args.threads, args.worker_class = False, CORES, 0, "gthread"
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    kinds = {"sqlite": ["sqlite"], "postgres": ["postgresql"],
             "both": ["sqlite", "postgresql"]}[args.database]
    workdir = Path(tempfile.mkdtemp(prefix="engage-load-"))
    began = time.monotonic()
    try:
        results = [bench(kind, args, workdir) for kind in kinds]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nwhole run took {time.monotonic() - began:.0f} s")
    return 1 if any(result["errors"] for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
