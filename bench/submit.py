"""Load test: many young people answering the youth ballot at once.

    .venv/bin/python bench/submit.py [--concurrency 200] [--duration 20]
        [--workers N] [--threads N] [--database sqlite|postgresql]

1. Makes a throwaway database (an SQLite file in a temporary instance folder, or
   a fresh PostgreSQL database), migrates it and opens a youth-ballot consultation.
2. Serves ``wsgi:app`` with gunicorn on a free 127.0.0.1 port.
3. Runs CONCURRENCY virtual young people for DURATION seconds. Each one opens the
   intro, starts, answers every screen with a valid answer, sends, and then starts
   again as a new respondent (cookies cleared, keep-alive connection kept).
4. Serves a bare Flask "hello" app (bench/hello_app.py) under the same gunicorn
   settings and drives the same concurrency with ``GET /`` for the same time.
   With ``--floor`` it then drives bench/floor_app.py, the least a respondent screen
   can do, to show what ratio any implementation could reach.
5. Prints both sets of figures side by side, the ratio of requests/s, whether the
   goals were met, and one JSON line with every figure.

Everything is on 127.0.0.1, bounded in time, and the servers are stopped on exit,
Ctrl-C or error. The load generator shares the machine's CPUs with the server, so
the figures are a floor, not a ceiling: the CPU each side used is printed too.
By default it speaks HTTP/1.1 through a minimal asyncio client (bench/rawhttp.py):
httpx costs about ten times as much CPU per request and would become the
bottleneck on a 2-core machine (``--client httpx`` to compare).

``--think SECONDS`` makes each respondent pause on every page like a person does;
``--access-log`` adds gunicorn's own timing per route; ``--app`` serves another
``module:app`` (e.g. an instrumented copy) in place of ``wsgi:app``.
"""
from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from rawhttp import RawClient  # bench/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CORES = os.cpu_count() or 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_DATABASE = "engage_bench"
REQUEST_TIMEOUT = 30.0  # seconds; a request slower than this counts as an error

GOAL_CONCURRENCY, GOAL_P95_MS, GOAL_RATIO = 200, 50.0, 0.5


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One gunicorn master and its workers, in a process group of their own."""

    def __init__(self, name: str, app_spec: str, cwd: Path, env: dict, args, log_dir: Path):
        self.name, self.app_spec, self.cwd, self.env, self.args = name, app_spec, cwd, env, args
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.access_log_path = log_dir / f"access-{name}.log" if args.access_log else None
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        a = self.args
        cmd = [
            sys.executable, "-m", "gunicorn",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(a.workers),
            "--worker-class", a.worker_class,
            "--threads", str(a.threads),
            "--keep-alive", "5",
            "--backlog", "2048",
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--error-logfile", "-",
            "--log-level", "info",
            # Import the app before forking, so every worker is ready at once; otherwise
            # the first worker up accepts all 200 keep-alive connections and the run
            # measures one core.
            "--preload",
        ]
        if self.access_log_path:
            # %(D)s: the time gunicorn measured for the request, in microseconds.
            cmd += ["--access-logfile", str(self.access_log_path),
                    "--access-logformat", '%(m)s %(U)s %(s)s %(D)s']
        return cmd + [self.app_spec]

    def start(self, ready_path: str, wait: float = 60.0) -> None:
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(
                self.command(), cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        finally:
            log.close()
        deadline = time.monotonic() + wait
        with httpx.Client(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name}: gunicorn exited with "
                                       f"{self.process.returncode}; log:\n{self.log_tail()}")
                try:
                    if client.get(ready_path).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        raise RuntimeError(f"{self.name}: {ready_path} did not answer within {wait:.0f}s; "
                           f"log:\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()  # the master stops its workers gracefully
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        try:  # anything of ours still there, by our own process group id
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def pids(self) -> list[int]:
        if self.process is None:
            return []
        pids = [self.process.pid]
        try:
            pid = self.process.pid
            pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            pass
        return pids

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the master and its live workers."""
        total = 0.0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        return total

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


# --------------------------------------------------------------------------- databases


def run_engage(env: dict, *args: str) -> str:
    engage = BIN / "engage"
    if not engage.exists():
        raise RuntimeError(f"{engage} not found: install the project into the venv first")
    done = subprocess.run([str(engage), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"engage {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class Database:
    """A database that exists only for this run."""

    def __init__(self, kind: str, workdir: Path, pg_server: str, pg_database: str = PG_DATABASE):
        self.kind, self.workdir, self.pg_server = kind, workdir, pg_server
        self.pg_database = pg_database
        self.instance = workdir / "instance"
        self.url: str | None = None

    def __enter__(self) -> Database:
        self.instance.mkdir(parents=True, exist_ok=True)
        if self.kind == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)',
                        f'CREATE DATABASE "{self.pg_database}"')
            self.url = self.pg_server.rsplit("/", 1)[0] + f"/{self.pg_database}"
        return self

    def __exit__(self, *exc) -> None:
        if self.kind == "postgresql":
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)')
            except Exception as error:  # noqa: BLE001 - cleanup must not hide the real error
                print(f"warning: could not drop database {self.pg_database}: {error}", file=sys.stderr)

    def _admin(self, *statements: str) -> None:
        import sqlalchemy as sa

        engine = sa.create_engine(self.pg_server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                for statement in statements:
                    connection.execute(sa.text(statement))
        finally:
            engine.dispose()

    @property
    def is_local_postgres(self) -> bool:
        host = urllib.parse.urlsplit(self.pg_server).hostname
        return self.kind == "postgresql" and host in ("127.0.0.1", "localhost", "::1")

    def env(self) -> dict:
        env = dict(os.environ)
        env.update(
            ENGAGE_INSTANCE_PATH=str(self.instance),
            SECRET_KEY=secrets.token_hex(32),
            SESSION_COOKIE_SECURE="0",
            PYTHONUNBUFFERED="1",
        )
        env.pop("DATABASE_URL", None)
        if self.url:
            env["DATABASE_URL"] = self.url
        return env


# --------------------------------------------------------------------------- load


class TimeUp(Exception):
    """The run's time is over: no new request is sent."""


class JourneyFailed(Exception):
    """A request failed or a page was not what a browser would expect; start again."""


@dataclass
class Recorder:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # (request kind, what went wrong)
    samples: dict[tuple[str, str], str] = field(default_factory=dict)
    journeys: int = 0
    elapsed: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float | None = None
    machine_cpu: float | None = None  # everything on the machine, this run included
    database_cpu: float | None = None  # PostgreSQL's processes, when it runs on this machine

    def error(self, kind: str, what: str, sample: str = "") -> None:
        self.errors[(kind, what)] += 1
        if sample and (kind, what) not in self.samples:
            self.samples[(kind, what)] = sample[:300]

    @property
    def all_latencies(self) -> list[float]:
        return [x for values in self.latencies.values() for x in values]

    @property
    def requests(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


async def call(client, rec: Recorder, kind: str, method: str, url: str,
               deadline: float, data=None, expect: int = 200) -> httpx.Response:
    if time.perf_counter() >= deadline:
        raise TimeUp
    began = time.perf_counter()
    try:
        response = await client.request(method, url, data=data)
    except (httpx.HTTPError, OSError, EOFError, ValueError) as error:
        rec.latencies[kind].append(time.perf_counter() - began)
        rec.error(kind, type(error).__name__, str(error))
        raise JourneyFailed from None
    rec.latencies[kind].append(time.perf_counter() - began)
    rec.statuses[response.status_code] += 1
    if response.status_code not in (200, 302):
        rec.error(kind, f"HTTP {response.status_code}", _page_error(response.text))
        raise JourneyFailed
    if response.status_code != expect:
        where = response.headers.get("location", "")
        rec.error(kind, f"unexpected {response.status_code} (wanted {expect})",
                  where or _page_error(response.text))
        raise JourneyFailed
    return response


_CSRF = re.compile(r'<input\b[^>]*\bname="csrf_token"[^>]*\bvalue="([^"]+)"')
_INPUT = re.compile(r"<input\b[^>]*>", re.I)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_SELECT = re.compile(r'<select\b[^>]*\bname="answer"[^>]*>(.*?)</select>', re.S)
_OPTION = re.compile(r'<option\b[^>]*\bvalue="([^"]*)"')
_TEXTAREA = re.compile(r'<textarea\b[^>]*\bname="answer"')
_SEND_FORM = re.compile(r'<form\b[^>]*\baction="[^"]*/send"')
_ERROR = re.compile(r'class="error"[^>]*>([^<]*)<|<h1>([^<]*)</h1>')
SENTENCES = [
    "Because a friend of mine was hurt last year.",
    "It affects everyone at my school.",
    "I worry about it on the way home.",
    "There is nothing to do here after school.",
    "People my age need someone to talk to.",
]


def _page_error(text: str) -> str:
    match = _ERROR.search(text or "")
    return (match.group(1) or match.group(2)).strip() if match else (text or "")[:200]


def csrf_token(text: str, rec: Recorder, kind: str) -> str:
    """The form's CSRF token; a page without one is recorded as an error."""
    match = _CSRF.search(text)
    if not match:
        rec.error(kind, "page without a form", _page_error(text))
        raise JourneyFailed
    return html.unescape(match.group(1))


def choose_answer(text: str, rng: random.Random) -> tuple[str | None, list[str]]:
    """The hidden question id and a valid answer, read from the form like a browser."""
    question, radios, boxes, typed = None, [], [], 0
    for tag in _INPUT.findall(text):
        attrs = dict(_ATTR.findall(tag))
        name, value = attrs.get("name"), html.unescape(attrs.get("value", ""))
        if name == "question":
            question = value
        elif name == "answer":
            kind = attrs.get("type", "text").lower()
            if kind == "radio":
                radios.append(value)
            elif kind == "checkbox":
                if not re.search(r"\sdisabled\b", tag):
                    boxes.append(value)
            else:
                typed += 1
    selects = _SELECT.findall(text)
    if selects:  # a ranked ballot: a different choice in each place
        options = [html.unescape(v) for v in _OPTION.findall(selects[0]) if v]
        return question, rng.sample(options, min(len(selects), len(options)))
    if radios:
        return question, [rng.choice(radios)]
    if boxes:
        return question, rng.sample(boxes, rng.randint(1, min(2, len(boxes))))
    if _TEXTAREA.search(text):
        return question, [rng.choice(SENTENCES)]
    if typed:
        return question, ["3"]
    return question, []  # an information screen


async def one_response(client, rec: Recorder, code: str, deadline: float,
                       rng: random.Random, think: float = 0.0) -> None:
    async def read_the_page() -> None:  # a person's pause before pressing a button
        if think > 0:
            pause = min(rng.expovariate(1 / think), 4 * think)
            left = deadline - time.perf_counter()
            await asyncio.sleep(max(0.0, min(pause, left)))
            if pause >= left:
                raise TimeUp

    base = f"/s/{code}"
    page = await call(client, rec, "GET intro", "GET", base, deadline)
    await read_the_page()
    moved = await call(client, rec, "POST start", "POST", f"{base}/start", deadline,
                       data={"csrf_token": csrf_token(page.text, rec, "GET intro")}, expect=302)
    page = await call(client, rec, "GET question", "GET", moved.headers["location"], deadline)
    for _ in range(60):
        if _SEND_FORM.search(page.text):
            break
        question, answer = choose_answer(page.text, rng)
        if question is None:
            rec.error("GET question", "page without a question", _page_error(page.text))
            raise JourneyFailed
        form = {"csrf_token": csrf_token(page.text, rec, "GET question"), "question": question,
                "answer": answer, "next": "1"}
        await read_the_page()
        moved = await call(client, rec, "POST answer", "POST", f"{base}/q", deadline, data=form,
                           expect=302)
        page = await call(client, rec, "GET question", "GET", moved.headers["location"], deadline)
    else:
        rec.error("GET question", "never reached the send page")
        raise JourneyFailed
    await read_the_page()
    moved = await call(client, rec, "POST send", "POST", f"{base}/send", deadline,
                       data={"csrf_token": csrf_token(page.text, rec, "GET question")},
                       expect=302)
    if not moved.headers["location"].endswith("/thanks"):
        rec.error("POST send", "not sent", moved.headers["location"])
        raise JourneyFailed
    rec.journeys += 1  # stored as submitted; the thank-you page is still fetched and timed
    await call(client, rec, "GET thanks", "GET", moved.headers["location"], deadline)


CLIENT = "raw"  # set from --client


def new_client(base_url: str):
    """One keep-alive connection and one cookie jar per virtual person."""
    if CLIENT == "raw":
        return RawClient(base_url, REQUEST_TIMEOUT)
    return httpx.AsyncClient(
        base_url=base_url, timeout=REQUEST_TIMEOUT, follow_redirects=False,
        limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        headers={"Accept-Language": "en"},
    )


async def respondent_user(number: int, base_url: str, code: str, rec: Recorder,
                          deadline: float, think: float = 0.0) -> None:
    rng = random.Random(number)
    if think > 0:  # arrive spread out, not all in the same millisecond
        await asyncio.sleep(rng.uniform(0, think))
    async with new_client(base_url) as client:
        while True:
            client.cookies.clear()  # a new young person on the same device
            try:
                await one_response(client, rec, code, deadline, rng, think)
            except TimeUp:
                return
            except JourneyFailed:
                await asyncio.sleep(0.05)


async def hello_user(number: int, base_url: str, rec: Recorder, deadline: float) -> None:
    async with new_client(base_url) as client:
        while True:
            try:
                await call(client, rec, "GET /", "GET", "/", deadline)
            except TimeUp:
                return
            except JourneyFailed:
                await asyncio.sleep(0.05)


async def floor_user(number: int, base_url: str, rec: Recorder, deadline: float) -> None:
    """The floor app's young person: load a question, answer it, follow the redirect."""
    rng = random.Random(number)
    async with new_client(base_url) as client:
        while True:
            client.cookies.clear()  # a new young person every ten answers
            try:
                page = await call(client, rec, "GET question", "GET", "/q", deadline)
                for _ in range(10):
                    question, answer = choose_answer(page.text, rng)
                    form = {"csrf_token": csrf_token(page.text, rec, "GET question"),
                            "question": question, "answer": answer, "next": "1"}
                    moved = await call(client, rec, "POST answer", "POST", "/q", deadline,
                                       data=form, expect=302)
                    page = await call(client, rec, "GET question", "GET",
                                      moved.headers["location"], deadline)
            except TimeUp:
                return
            except JourneyFailed:
                await asyncio.sleep(0.05)


async def _drive(concurrency: int, duration: float, user, rec: Recorder) -> None:
    began = time.perf_counter()
    deadline = began + duration
    tasks = [asyncio.create_task(user(n, rec, deadline)) for n in range(concurrency)]
    done, pending = await asyncio.wait(tasks, timeout=duration + REQUEST_TIMEOUT + 10)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    rec.elapsed = time.perf_counter() - began
    for task in done:
        if task.exception() is not None:
            rec.error("load generator", repr(task.exception()))
    if pending:
        rec.error("load generator", f"{len(pending)} virtual users cancelled at the hard stop")


def machine_busy_seconds() -> float | None:
    """CPU time spent by everything on the machine (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(x) for x in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return (sum(ticks[:8]) - idle) / CLOCK_TICKS


def postgres_cpu() -> dict[int, float]:
    """CPU seconds of each running PostgreSQL server process on this machine, by pid."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, tail = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        if head.split("(", 1)[1] == "postgres":
            fields = tail.split()
            found[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return found


def drive(server: Server, concurrency: int, duration: float, user,
          database_local: bool = False) -> Recorder:
    rec = Recorder()
    pg_before = postgres_cpu() if database_local else {}
    busy, cpu_client, cpu_server = machine_busy_seconds(), time.process_time(), server.cpu_seconds()
    asyncio.run(_drive(concurrency, duration, user, rec))
    rec.client_cpu = time.process_time() - cpu_client
    after, busy_after = server.cpu_seconds(), machine_busy_seconds()
    rec.server_cpu = None if cpu_server is None or after is None else after - cpu_server
    if busy is not None and busy_after is not None:
        rec.machine_cpu = busy_after - busy
    if database_local:  # backends that ended during the run are missed: a small undercount
        rec.database_cpu = sum(cpu - pg_before.get(pid, 0.0) for pid, cpu in postgres_cpu().items())
    return rec


# --------------------------------------------------------------------------- report


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank] * 1000


def figures(rec: Recorder, respondents: bool = True) -> dict:
    values = rec.all_latencies
    elapsed = rec.elapsed or 1.0
    journeys = {
        "responses_started": len(rec.latencies.get("POST start", [])),
        "responses_completed": rec.journeys,
        "responses_per_s": round(rec.journeys / elapsed, 2),
        "answers_saved_per_s": round(len(rec.latencies.get("POST answer", [])) / elapsed, 1),
    }
    return {
        "requests": rec.requests,
        "requests_per_s": round(rec.requests / elapsed, 1),
        **(journeys if respondents else {}),
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "max_ms": round(max(values) * 1000, 1) if values else None,
        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else None,
        "errors": rec.error_count,
        "elapsed_s": round(rec.elapsed, 2),
        "client_cpu_s": round(rec.client_cpu, 2),
        "server_cpu_s": None if rec.server_cpu is None else round(rec.server_cpu, 2),
        "database_cpu_s": None if rec.database_cpu is None else round(rec.database_cpu, 2),
        # Less sensitive to a busy machine than requests/s: what one request costs the server.
        "server_cpu_ms_per_request": (None if rec.server_cpu is None or not rec.requests else
                                      round((rec.server_cpu + (rec.database_cpu or 0.0))
                                            / rec.requests * 1000, 2)),
        "other_cpu_s": other_cpu(rec),
        "statuses": {str(k): v for k, v in sorted(rec.statuses.items())},
    }


def other_cpu(rec: Recorder) -> float | None:
    """CPU taken by processes that are neither the server nor the load generator."""
    if rec.machine_cpu is None or rec.server_cpu is None:
        return None
    ours = rec.server_cpu + rec.client_cpu + (rec.database_cpu or 0.0)
    return round(max(0.0, rec.machine_cpu - ours), 2)


def cpu_line(rec: Recorder) -> str:
    capacity = CORES * (rec.elapsed or 1.0)

    def share(seconds: float | None) -> str:
        return "n/a" if seconds is None else f"{seconds:.1f} s ({seconds / capacity:.0%})"

    database = "" if rec.database_cpu is None else f"PostgreSQL {share(rec.database_cpu)}, "
    return (f"CPU used: server {share(rec.server_cpu)}, {database}"
            f"load generator {share(rec.client_cpu)}, "
            f"other processes {share(other_cpu(rec))} of {capacity:.0f} core-seconds available")


def print_phase(title: str, rec: Recorder, by_kind: bool, think: float = 0.0) -> None:
    f = figures(rec, respondents=by_kind)
    print(f"\n== {title}")
    if by_kind:
        print(f"  responses completed : {f['responses_completed']} ({f['responses_per_s']}/s) "
              f"of {f['responses_started']} started; {f['answers_saved_per_s']} answer screens/s")
        if (not think and f["responses_started"]
                and f["responses_completed"] < f["responses_started"] / 2):
            print("  (most responses were still open at the end: when the server is the bottleneck "
                  "every respondent advances at the same slow pace, so few finish in a short run)")
    print(f"  requests            : {f['requests']} in {f['elapsed_s']} s = "
          f"{f['requests_per_s']}/s")
    print(f"  latency ms          : p50 {f['p50_ms']}  p95 {f['p95_ms']}  p99 {f['p99_ms']}  "
          f"max {f['max_ms']}")
    print(f"  statuses            : {f['statuses']}")
    print(f"  errors              : {f['errors']}")
    for (kind, what), count in rec.errors.most_common():
        sample = rec.samples.get((kind, what), "")
        print(f"    {count:>6}  {kind}: {what}" + (f"  -- {sample!r}" if sample else ""))
    print(f"  {cpu_line(rec)}")
    if f["server_cpu_ms_per_request"] is not None:
        print(f"  server CPU per request: {f['server_cpu_ms_per_request']} ms")
    other = other_cpu(rec)
    if other is not None and other > 0.1 * CORES * (rec.elapsed or 1.0):
        print("  WARNING: other processes used a noticeable share of the CPUs during this run; "
              "the figures are lower than on an idle machine")
    if by_kind:
        print(f"  {'request':<14}{'count':>8}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}  (ms)")
        for kind in ("GET intro", "POST start", "GET question", "POST answer", "POST send",
                     "GET thanks"):
            values = rec.latencies.get(kind, [])
            if values:
                print(f"  {kind:<14}{len(values):>8}{percentile(values, 50):>9.1f}"
                      f"{percentile(values, 95):>9.1f}{percentile(values, 99):>9.1f}"
                      f"{max(values) * 1000:>9.1f}")


_LOG_PATTERNS = {
    "database is locked": re.compile(r"database is locked", re.I),
    "tracebacks": re.compile(r"^Traceback \(most recent call last\)", re.M),
    "worker timeouts": re.compile(r"WORKER TIMEOUT"),
    "errors logged": re.compile(r"\[ERROR\]|^ERROR\b", re.M),
    "deadlocks/serialization": re.compile(r"deadlock detected|could not serialize", re.I),
}


def log_findings(server: Server, workers: int) -> dict:
    text = server.log_text()
    found = {name: len(pattern.findall(text)) for name, pattern in _LOG_PATTERNS.items()}
    found["worker restarts"] = max(0, text.count("Booting worker") - workers)
    return found


def print_log_findings(server: Server, found: dict) -> None:
    interesting = {k: v for k, v in found.items() if v}
    if not interesting:
        print(f"  gunicorn log        : clean ({server.log_path.name})")
        return
    print(f"  gunicorn log        : {interesting}")
    lines = [line for line in server.log_text().splitlines()
             if re.search(r"Error|error|locked|TIMEOUT|Exception", line)]
    for line in list(dict.fromkeys(lines))[:8]:
        print(f"    | {line[:200]}")


def access_log_summary(server: Server) -> None:
    """Server-side time per request kind, from gunicorn's %(D)s, when --access-log is on."""
    if not server.access_log_path or not server.access_log_path.exists():
        return
    times: dict[str, list[float]] = defaultdict(list)
    for line in server.access_log_path.read_text(errors="replace").splitlines():
        parts = line.split()
        if len(parts) != 4:
            continue
        method, path, _status, micros = parts
        path = re.sub(r"^/s/[^/]+", "/s/<code>", path)
        times[f"{method} {path}"].append(int(micros) / 1e6)
    print("  server-side time (gunicorn %(D)s), ms:")
    for kind, values in sorted(times.items()):
        print(f"    {kind:<24}{len(values):>8}  p50 {percentile(values, 50):7.1f}"
              f"  p95 {percentile(values, 95):7.1f}  p99 {percentile(values, 99):7.1f}")


def print_summary(args, engage: dict, hello: dict) -> dict:
    ratio = engage["requests_per_s"] / hello["requests_per_s"] if hello["requests_per_s"] else 0.0
    rows = [
        ("requests/s", "requests_per_s"),
        ("responses/s", "responses_per_s"),
        ("p50 ms", "p50_ms"),
        ("p95 ms", "p95_ms"),
        ("p99 ms", "p99_ms"),
        ("max ms", "max_ms"),
        ("errors", "errors"),
        ("requests", "requests"),
        ("server CPU s", "server_cpu_s"),
        ("CPU ms/request", "server_cpu_ms_per_request"),
        ("PostgreSQL CPU s", "database_cpu_s"),
        ("loadgen CPU s", "client_cpu_s"),
        ("other CPU s", "other_cpu_s"),
    ]
    left = f"Engage ({args.database})"
    print(f"\n== Summary: {args.concurrency} concurrent, {args.duration:g} s each, "
          f"{args.workers} {args.worker_class} workers x {args.threads} threads, {CORES} cores")
    print(f"  {'':<16}{left:>18}{'bare Flask':>14}")
    for label, key in rows:
        a = engage.get(key)
        b = hello.get(key) if key != "responses_per_s" else "-"
        print(f"  {label:<16}{'-' if a is None else a:>18}{'-' if b is None else b:>14}")
    print(f"  Engage requests/s ÷ bare Flask requests/s = {ratio:.2f}")
    if engage.get("server_cpu_ms_per_request") and hello.get("server_cpu_ms_per_request"):
        print(f"  bare Flask CPU/request ÷ Engage CPU/request = "
              f"{hello['server_cpu_ms_per_request'] / engage['server_cpu_ms_per_request']:.2f} "
              f"(the same comparison, less swayed by other load; server + PostgreSQL CPU)")
    goals = {
        "zero_errors": engage["errors"] == 0,
        "p95_under_50ms": engage["p95_ms"] < GOAL_P95_MS,
        "half_bare_throughput": ratio >= GOAL_RATIO,
    }
    print(f"  goals (at {GOAL_CONCURRENCY} concurrent): zero errors "
          f"{'PASS' if goals['zero_errors'] else 'FAIL'}; p95 < {GOAL_P95_MS:g} ms "
          f"{'PASS' if goals['p95_under_50ms'] else 'FAIL'}; >= {GOAL_RATIO:g}x bare throughput "
          f"{'PASS' if goals['half_bare_throughput'] else 'FAIL'}"
          + ("" if args.concurrency == GOAL_CONCURRENCY else
             f"  (this run used {args.concurrency}, not {GOAL_CONCURRENCY})"))
    if args.think == 0:
        # Little's law for a closed loop: in flight = throughput x time in system.
        print(f"  closed loop, no pauses: {args.concurrency} requests are always in flight, so "
              f"mean latency = {args.concurrency} / requests/s (Engage "
              f"{args.concurrency / max(engage['requests_per_s'], 1e-9) * 1000:.0f} ms, bare "
              f"{args.concurrency / max(hello['requests_per_s'], 1e-9) * 1000:.0f} ms). A mean "
              f"under {GOAL_P95_MS:g} ms would need over "
              f"{args.concurrency / (GOAL_P95_MS / 1000):.0f} requests/s; use --think for "
              f"people who pause on each page.")
    else:
        print(f"  respondents pause {args.think:g} s (mean) per page, so Engage's requests/s is "
              f"the offered load, not its capacity: the ratio is not a capacity comparison.")
    print(f"  note: the load generator (one Python asyncio process, {args.client} client) runs "
          f"on the same "
          f"{CORES}-core machine and takes CPU from the server; latencies are measured by the "
          f"client and include its own scheduling delay. The bare app is the more "
          f"client-bound of the two, so the ratio flatters Engage a little.")
    return {"ratio": round(ratio, 3), "goals": goals}


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=200, help="virtual young people")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per phase")
    parser.add_argument("--workers", type=int, default=CORES,
                        help="gunicorn worker processes (default: 1 per core)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gthread worker (as gunicorn.conf.py)")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--app", default="wsgi:app",
                        help="what gunicorn serves for Engage (default wsgi:app in the project)")
    parser.add_argument("--pg-server", default=PG_SERVER,
                        help=f"PostgreSQL server URL; database {PG_DATABASE} is made and "
                             f"dropped on it")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="load generator's HTTP client: a minimal asyncio one (default, "
                             "about a tenth of httpx's CPU per request) or httpx.AsyncClient")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a respondent pauses on each page before pressing a "
                             "button (default 0: back to back, a saturation test). The bare "
                             "app is always driven back to back")
    parser.add_argument("--skip-hello", action="store_true", help="only drive Engage")
    parser.add_argument("--floor", action="store_true",
                        help="also drive bench/floor_app.py: the least a respondent screen "
                             "can do (CSRF form, signed session, Babel, one durable SQLite "
                             "write an answer), to see what ratio any implementation could reach")
    parser.add_argument("--access-log", action="store_true",
                        help="log every request in gunicorn and report server-side times "
                             "(costs server CPU)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and logs")
    return parser.parse_args(argv)


def drive_bench_app(args, workdir: Path, servers: list[Server], name: str, spec: str,
                    env: dict, ready: str, user, title: str, by_kind: bool) -> dict:
    """Serve one of bench/'s own apps under Engage's gunicorn settings and drive it."""
    server = Server(name, spec, BENCH, dict(os.environ, PYTHONUNBUFFERED="1", **env), args, workdir)
    servers.append(server)
    server.start(ready)
    print(f"\ngunicorn serving the {name} app on {server.base_url}; "
          f"driving for {args.duration:g} s ...")
    rec = drive(server, args.concurrency, args.duration,
                lambda n, r, d: user(n, server.base_url, r, d))
    server.stop()
    found = figures(rec, respondents=False)
    found["gunicorn_log"] = log_findings(server, args.workers)
    print_phase(title, rec, by_kind=by_kind)
    print_log_findings(server, found["gunicorn_log"])
    return found


def drive_floor(args, workdir: Path, servers: list[Server], hello: dict) -> dict:
    found = drive_bench_app(
        args, workdir, servers, "floor", "floor_app:app",
        {"FLOOR_DATABASE": str(workdir / "floor.sqlite3"), "FLOOR_SECRET": secrets.token_hex(32)},
        "/q", floor_user,
        "floor: a CSRF form, a signed session, Babel and one durable SQLite write an answer",
        by_kind=True)
    ratio = found["requests_per_s"] / hello["requests_per_s"] if hello["requests_per_s"] else 0.0
    found["ratio_to_hello"] = round(ratio, 3)
    print(f"  floor requests/s ÷ bare Flask requests/s = {ratio:.2f} "
          f"(goal for Engage: {GOAL_RATIO:g})")
    return found


def _terminate(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None) -> int:
    global CLIENT
    args = parse_args(argv)
    CLIENT = args.client
    if not (ROOT / "wsgi.py").exists():
        print(f"{ROOT / 'wsgi.py'} is missing: it serves the app as wsgi:app", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminate)
    workdir = Path(tempfile.mkdtemp(prefix="engage-bench-"))
    servers: list[Server] = []
    report: dict = {
        "concurrency": args.concurrency, "duration_s": args.duration, "database": args.database,
        "think_s": args.think, "workers": args.workers, "threads": args.threads,
        "worker_class": args.worker_class,
        "cores": CORES, "client": args.client,
        "loadgen": f"1 asyncio process ({args.client} client), keep-alive, same machine",
    }
    print(f"Engage load test: {args.concurrency} concurrent respondents for {args.duration:g} s, "
          f"{args.database}, gunicorn {args.workers} x {args.worker_class} "
          f"({args.threads} threads), {CORES} cores; work folder {workdir}")
    try:
        with Database(args.database, workdir, args.pg_server) as database:
            env = database.env()
            run_engage(env, "db", "upgrade")
            created = run_engage(env, "consultations", "create", "--template", "youth-ballot",
                                 "--open")
            code = created.split()[0]
            print(f"youth ballot open with join code {code}")

            engage = Server("engage", args.app, ROOT, env, args, workdir)
            servers.append(engage)
            try:  # stopped before its database is dropped
                engage.start("/healthz")
                print(f"gunicorn serving Engage on {engage.base_url}; "
                      f"driving for {args.duration:g} s ...")
                rec = drive(engage, args.concurrency, args.duration,
                            lambda n, r, d: respondent_user(n, engage.base_url, code, r, d,
                                                            args.think),
                            database_local=database.is_local_postgres)
            finally:
                engage.stop()
            engage_figures = figures(rec)
            engage_figures["by_request"] = {
                kind: {"count": len(v), "p50_ms": round(percentile(v, 50), 1),
                       "p95_ms": round(percentile(v, 95), 1), "p99_ms": round(percentile(v, 99), 1)}
                for kind, v in rec.latencies.items()
            }
            engage_figures["gunicorn_log"] = log_findings(engage, args.workers)
            print_phase(f"Engage, youth ballot ({args.database})", rec, by_kind=True,
                        think=args.think)
            print_log_findings(engage, engage_figures["gunicorn_log"])
            access_log_summary(engage)
            report["engage"] = engage_figures

        if args.skip_hello:
            print(json.dumps(report))
            return 0

        hello_figures = drive_bench_app(args, workdir, servers, "hello", "hello_app:app", {}, "/",
                                        hello_user, "bare Flask hello, GET /", by_kind=False)
        report["hello"] = hello_figures

        if args.floor:
            report["floor"] = drive_floor(args, workdir, servers, hello_figures)
        report.update(print_summary(args, report["engage"], hello_figures))
        print(json.dumps(report))
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted: stopping the servers", file=sys.stderr)
        return 130
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"logs kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
