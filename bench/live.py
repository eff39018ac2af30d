"""Load test: the live event screen polled while a room of young people answers.

    .venv/bin/python bench/live.py [--respondents 200] [--duration 30] [--think 5]
        [--rate 10] [--workers N] [--threads N] [--database sqlite|postgresql]

1. Makes a throwaway database (as bench/submit.py does), migrates it, opens a
   youth ballot and creates a facilitator with ``engage users create``.
2. Serves ``wsgi:app`` with gunicorn (--preload) on a free 127.0.0.1 port.
3. RESPONDENTS virtual young people answer the ballot over and over, pausing
   THINK seconds (mean) on each page, while one facilitator, signed in through
   /console/login, requests live.json RATE times a second (a projector polls
   every 4 s, so 10/s is some 40 screens).
4. Prints p50/p95/p99 of the live endpoint and of the respondents' requests,
   errors, and whether the live endpoint's p95 is under 50 ms. It also checks
   every live.json it gets: no hidden cell may carry a count.

The load generator runs on the same machine and shares its CPUs (see submit.py).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from rawhttp import RawClient  # bench/ is on sys.path when run as a script
from submit import (
    CORES,
    PG_SERVER,
    REQUEST_TIMEOUT,
    Database,
    JourneyFailed,
    Recorder,
    Server,
    TimeUp,
    call,
    csrf_token,
    log_findings,
    percentile,
    print_log_findings,
    respondent_user,
    run_engage,
)

ROOT = Path(__file__).resolve().parent.parent
GOAL_P95_MS = 50.0
EMAIL = "live-bench@example.org"
LIVE = "GET live.json"


async def sign_in(client: RawClient, rec: Recorder, password: str, deadline: float) -> None:
    page = await call(client, rec, "GET login", "GET", "/console/login", deadline)
    form = {"csrf_token": csrf_token(page.text, rec, "GET login"), "email": EMAIL, "password": password}
    await call(client, rec, "POST login", "POST", "/console/login", deadline, data=form, expect=302)


def leaks(data) -> list:
    """Any hidden cell that still carries a number (there must be none)."""
    if isinstance(data, dict):
        found = [data] if data.get("suppressed") and data.get("count") is not None else []
        return found + [x for value in data.values() for x in leaks(value)]
    if isinstance(data, list):
        return [x for value in data for x in leaks(value)]
    return []


async def poller(base_url: str, code: str, password: str, rate: float, rec: Recorder,
                 deadline: float, seen: dict) -> None:
    async with RawClient(base_url, REQUEST_TIMEOUT) as client:
        await sign_in(client, rec, password, deadline)
        interval, next_at = 1.0 / rate, time.perf_counter()
        while True:
            try:
                response = await call(client, rec, LIVE, "GET", f"/console/c/{code}/live.json", deadline)
            except TimeUp:
                return
            except JourneyFailed:
                response = None
            if response is not None:
                data = json.loads(response.content)
                if leaks(data):
                    rec.error(LIVE, "a hidden cell carried a count", json.dumps(leaks(data)[0]))
                seen["first"] = seen.get("first") or data["taking_part"]["display"]
                seen["last"] = data["taking_part"]["display"]
                seen["items"] = len(data["items"])
            next_at = max(next_at + interval, time.perf_counter())  # never a burst to catch up
            await asyncio.sleep(next_at - time.perf_counter())


async def run(base_url: str, code: str, password: str, args) -> tuple[Recorder, Recorder, dict, float]:
    live_rec, answer_rec, seen = Recorder(), Recorder(), {}
    began = time.perf_counter()
    deadline = began + args.duration
    tasks = [asyncio.create_task(poller(base_url, code, password, args.rate, live_rec, deadline, seen))]
    tasks += [
        asyncio.create_task(respondent_user(n, base_url, code, answer_rec, deadline, args.think))
        for n in range(args.respondents)
    ]
    done, pending = await asyncio.wait(tasks, timeout=args.duration + REQUEST_TIMEOUT + 10)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for task in done:
        if task.exception() is not None:
            answer_rec.error("load generator", repr(task.exception()))
    return live_rec, answer_rec, seen, time.perf_counter() - began


def line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<22} no requests"
    return (f"  {label:<22}{len(values):>7}  p50 {percentile(values, 50):7.1f}  p95 "
            f"{percentile(values, 95):7.1f}  p99 {percentile(values, 99):7.1f}  max "
            f"{max(values) * 1000:7.1f}  ms")


def report(live_rec: Recorder, answer_rec: Recorder, seen: dict, elapsed: float, args) -> dict:
    live_values = live_rec.latencies.get(LIVE, [])
    answer_values = answer_rec.all_latencies
    print(f"\n== {args.respondents} respondents (think {args.think:g} s) + live.json at "
          f"{args.rate:g}/s for {elapsed:.1f} s, {args.database}, gunicorn {args.workers} x "
          f"{args.threads} threads, {CORES} cores")
    print(line("live.json", live_values))
    print(line("respondent requests", answer_values))
    for kind in ("GET question", "POST answer", "POST send"):
        print(line(f"  {kind}", answer_rec.latencies.get(kind, [])))
    print(f"  responses sent        {answer_rec.journeys} ({answer_rec.journeys / elapsed:.1f}/s)")
    print(f"  taking part on screen {seen.get('first')} at the start, {seen.get('last')} at the end; "
          f"{seen.get('items')} items")
    for name, rec in (("live", live_rec), ("respondents", answer_rec)):
        print(f"  errors ({name}): {rec.error_count}")
        for (kind, what), count in rec.errors.most_common(5):
            print(f"    {count:>6}  {kind}: {what}  {rec.samples.get((kind, what), '')[:120]!r}")
    p95 = percentile(live_values, 95)
    ok = p95 < GOAL_P95_MS and live_rec.error_count == 0
    print(f"  goal: live.json p95 < {GOAL_P95_MS:g} ms with no errors: {'PASS' if ok else 'FAIL'}")
    return {
        "live": {"requests": len(live_values), "p50_ms": round(percentile(live_values, 50), 1),
                 "p95_ms": round(p95, 1), "p99_ms": round(percentile(live_values, 99), 1),
                 "errors": live_rec.error_count},
        "respondents": {"requests": len(answer_values), "sent": answer_rec.journeys,
                        "p50_ms": round(percentile(answer_values, 50), 1),
                        "p95_ms": round(percentile(answer_values, 95), 1),
                        "p99_ms": round(percentile(answer_values, 99), 1),
                        "errors": answer_rec.error_count},
        "goal_met": ok,
    }


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds")
    parser.add_argument("--think", type=float, default=5.0, help="mean pause per page, seconds "
                        "(5, as in the README figures for submit.py; 1-2 saturates 2 cores)")
    parser.add_argument("--rate", type=float, default=10.0, help="live.json requests per second")
    parser.add_argument("--workers", type=int, default=CORES)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--worker-class", default="gthread")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-server", default=PG_SERVER)
    parser.add_argument("--keep", action="store_true", help="keep the work folder and logs")
    args = parser.parse_args(argv)
    args.access_log = False  # what submit.Server reads
    return args


def _terminate(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    workdir = Path(tempfile.mkdtemp(prefix="engage-live-bench-"))
    password = secrets.token_urlsafe(18)
    server = None
    try:
        with Database(args.database, workdir, args.pg_server) as database:
            env = database.env()
            run_engage(env, "db", "upgrade")
            code = run_engage(env, "consultations", "create", "--template", "youth-ballot", "--open").split()[0]
            run_engage(env, "users", "create", "--role", "facilitator", "--email", EMAIL,
                       "--name", "Live bench", "--password", password)
            server = Server("engage", "wsgi:app", ROOT, env, args, workdir)
            try:
                server.start("/healthz")
                print(f"youth ballot {code} served on {server.base_url}; driving for {args.duration:g} s ...")
                live_rec, answer_rec, seen, elapsed = asyncio.run(run(server.base_url, code, password, args))
            finally:
                server.stop()
            figures = report(live_rec, answer_rec, seen, elapsed, args)
            print_log_findings(server, log_findings(server, args.workers))
            print(json.dumps(figures))
            return 0 if figures["goal_met"] else 1
    except KeyboardInterrupt:
        print("\ninterrupted: stopping the server", file=sys.stderr)
        return 130
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"logs kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
