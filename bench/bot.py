"""Updates per second through the Telegram webhook: Engage's bot beside a plain echo bot.

    .venv/bin/python bench/bot.py [--chats 16] [--people 256] [--duration 15] [--rounds 3]
        [--threads 8] [--database sqlite|postgresql]

1. Makes a throwaway database (SQLite file, or a fresh PostgreSQL database),
   migrates it and opens the college lifestyle survey (16+, so the bot runs it).
2. Starts a fake Telegram Bot API in this process (tests/bot/fake_telegram.py):
   the bots' replies go there, and the virtual young people read their buttons there.
3. Serves ``wsgi:app`` with gunicorn (1 worker, gthread) and keeps CHATS updates in
   flight for DURATION seconds, from PEOPLE virtual young people taking turns (so
   that each answers at about a person's pace, under the bot's flood limit): each
   update is posted to /telegram/webhook, the 200 awaited, the bot's reply read and
   answered (a button, a typed answer, Done, Send; then /stop and /start again as
   a new respondent).
4. Serves bench/echo_bot.py (same Flask + BotLoop + PTB stack, one echo handler,
   no database) the same way, and posts plain text messages for the same time.
   The two take turns, ROUNDS times each (DURATION is each one's total), so that
   a shared machine that speeds up or slows down weighs on both alike.
5. Prints both side by side (rate, latency, the server's CPU time per update), the
   ratio, and whether the goal (≥ 0.5×) was met.

Everything is on 127.0.0.1 and stopped on exit. The load generator and the fake
server share the machine with the server they measure, so figures are a floor.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bots.telegram.texts import SLOW_DOWN  # noqa: E402
from submit import Server, free_port  # noqa: E402  (bench/ is on sys.path as a script)
from tests.bot.fake_telegram import TOKEN, FakeTelegram, _params  # noqa: E402

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET = secrets.token_urlsafe(16)
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
GOAL_RATIO = 0.5


class Fake(FakeTelegram):
    """Remembers each chat's newest message from the bot, for the virtual young people."""

    def __init__(self) -> None:
        super().__init__()
        self.latest: dict[int, int] = {}
        self.floods = 0  # "slow down" replies: updates the flood limit turned away
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, method, params):
        self.calls.clear()  # nothing here needs the history: keep memory flat
        return super().answer(method, params)

    def _sendMessage(self, params):
        message = super()._sendMessage(params)
        self.latest[params["chat_id"]] = message["message_id"]
        self.floods += params["text"] == SLOW_DOWN  # the virtual young people read English
        return message

    def newest(self, chat_id: int) -> dict | None:
        found = self.latest.get(chat_id)
        return None if found is None else self.messages.get((chat_id, found))

    async def serve(self) -> asyncio.base_events.Server:
        """The Bot API on this process's event loop: cheaper than a thread per request,
        so that the load generator, not the fake, is what little this process spends."""

        async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while line := await reader.readline():
                    path, headers = line.split()[1].decode(), {}
                    while (header := await reader.readline()) not in (b"\r\n", b""):
                        name, _, value = header.decode().partition(":")
                        headers[name.strip().lower()] = value.strip()
                    body = (await reader.readexactly(int(headers.get("content-length", 0)))).decode()
                    status, data = self.answer(path.rsplit("/", 1)[1], _params(body, headers.get("content-type", "")))
                    payload = json.dumps(data).encode()
                    writer.write(f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
                                 f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
            except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
                pass  # the client went, or the bench is over
            finally:
                writer.close()

        return await asyncio.start_server(one, "127.0.0.1", self.port)


class Poster:
    """One kept-alive connection that posts updates the way Telegram does."""

    def __init__(self, port: int):
        self.port, self.reader, self.writer = port, None, None

    async def post(self, update: dict) -> int:
        body = json.dumps(update).encode()
        head = (f"POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"{SECRET_HEADER}: {SECRET}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        for attempt in (1, 2):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
                self.writer.write(head + body)
                return await self._status()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer = None  # the server closed a kept-alive connection: reconnect once
                if attempt == 2:
                    raise
        return 0

    async def _status(self) -> int:
        status = int((await self.reader.readline()).split()[1])
        length, closing = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            length = int(value) if name.lower() == "content-length" else length
            closing = closing or (name.lower() == "connection" and "close" in value.lower())
        await self.reader.readexactly(length)
        if closing:
            self.writer.close()
            self.writer = None
        return status


def message(chat_id: int, fake: Fake, text: str) -> dict:
    sent = {"message_id": fake.next_message_id(), "date": int(time.time()), "text": text,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Sam"}}
    if text.startswith("/"):
        sent["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": fake.next_update_id(), "message": sent}


def press(chat_id: int, fake: Fake, shown: dict, data: str) -> dict:
    return {"update_id": fake.next_update_id(), "callback_query": {
        "id": str(fake.next_update_id()), "chat_instance": "1", "data": data, "message": shown,
        "from": {"id": chat_id, "is_bot": False, "first_name": "Sam"}}}


def next_step(chat_id: int, fake: Fake, code: str, rng: random.Random) -> dict:
    """What a young person does next, from the bot's newest message."""
    shown = fake.newest(chat_id)
    text = shown["text"] if shown else ""
    if shown is None or "forgotten this chat" in text:
        return message(chat_id, fake, f"/start {code}")
    if "answers have been sent" in text:
        return message(chat_id, fake, "/stop")
    buttons = [(b["text"], b["callback_data"]) for row in shown.get("reply_markup", {}).get("inline_keyboard", [])
               for b in row]
    by_action: dict[str, list[tuple[str, str]]] = {}
    for label, data in buttons:
        by_action.setdefault(data.split(":")[2] if data.count(":") == 3 else "?", []).append((label, data))
    for action in ("y", "n"):
        if action in by_action:
            return press(chat_id, fake, shown, by_action[action][0][1])
    if "t" in by_action:
        ticked = any(label.startswith("✅") for label, _ in by_action["t"])
        return press(chat_id, fake, shown, by_action["d"][0][1] if ticked else by_action["t"][0][1])
    if "c" in by_action:
        return press(chat_id, fake, shown, rng.choice(by_action["c"])[1])
    if text.startswith("⚠️") or not buttons:
        return message(chat_id, fake, "/skip" if buttons else f"/start {code}")
    return message(chat_id, fake, "17" if "Type a number" in text else "More things to do after school.")


async def drive(port: int, fake: Fake, chats: int, people: int, duration: float, step, cpu=lambda: None):
    """Keep ``chats`` updates in flight for ``duration`` seconds, from ``people`` chats taking turns.

    Returns (updates, errors, latencies, seconds, server CPU seconds); ``cpu`` reads
    the server's CPU time, taken as the timed part starts and ends.
    """
    done, errors, latencies = 0, 0, []

    async def one(chat_ids: list[int]) -> None:
        nonlocal done, errors
        poster, rng = Poster(port), random.Random(chat_ids[0])
        for chat_id in chat_ids:  # warm-up: makes the worker's bot loop, starts each chat
            await poster.post(step(chat_id, rng))
        start.wait_ready += 1
        turn = 0
        while time.monotonic() < start.deadline:
            chat_id, turn = chat_ids[turn % len(chat_ids)], turn + 1
            began = time.perf_counter()
            status = await poster.post(step(chat_id, rng))
            latencies.append(time.perf_counter() - began)
            done, errors = done + (status == 200), errors + (status != 200)

    class start:  # shared between the chats
        wait_ready, deadline = 0, time.monotonic() + duration + 60

    fake_api = await fake.serve()
    each = max(1, people // chats)
    tasks = [asyncio.create_task(one([50_000 + i * each + j for j in range(each)])) for i in range(chats)]
    while start.wait_ready < chats:
        await asyncio.sleep(0.01)
    start.deadline = time.monotonic() + duration
    done, errors, latencies[:] = 0, 0, []
    floods_before = fake.floods
    began, cpu_began = time.monotonic(), cpu()
    await asyncio.gather(*tasks)
    seconds, cpu_ended = time.monotonic() - began, cpu()
    fake_api.close()
    await fake_api.wait_closed()
    used = None if cpu_began is None or cpu_ended is None else cpu_ended - cpu_began
    return done, errors, latencies, seconds, used, fake.floods - floods_before


def engage_database(args, instance: Path) -> str:
    if args.database == "sqlite":
        return f"sqlite:///{instance / 'engage.db'}"
    return PG_SERVER.rsplit("/", 1)[0] + "/" + args.pg_name


def postgres(statement: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(statement))
    engine.dispose()


def merged(rounds: list[tuple]) -> tuple:
    """The rounds of one bot as one run: counts, seconds and CPU added, latencies pooled."""
    done, errors, latencies, seconds, cpu, floods = 0, 0, [], 0.0, 0.0, 0
    for r_done, r_errors, r_latencies, r_seconds, r_cpu, r_floods in rounds:
        done, errors, seconds, floods = done + r_done, errors + r_errors, seconds + r_seconds, floods + r_floods
        latencies += r_latencies
        cpu = None if cpu is None or r_cpu is None else cpu + r_cpu
    return done, errors, latencies, seconds, cpu, floods


def report(name: str, result) -> float:
    done, errors, latencies, seconds, cpu, floods = result
    rate = done / seconds
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    # CPU per update is steadier than the rate on a machine that is busy with other work.
    per_update = f"{cpu / done * 1000:5.2f} ms" if cpu is not None and done else "   n/a"
    print(f"  {name:<16} {rate:8.1f} updates/s   p50 {cuts[49] * 1000:6.1f} ms   "
          f"p95 {cuts[94] * 1000:6.1f} ms   server CPU {per_update}/update   errors {errors}   "
          f"flood replies {floods}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=16, help="updates in flight at once")
    parser.add_argument("--people", type=int, default=256, help="young people taking turns")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds each bot is driven, in all")
    parser.add_argument("--rounds", type=int, default=3, help="turns each bot takes, alternately")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    args.workers, args.worker_class, args.access_log = 1, "gthread", False
    args.pg_name = f"engage_bot_bench_{secrets.token_hex(4)}"
    if args.database == "postgresql":
        postgres(f'CREATE DATABASE "{args.pg_name}"')
    try:
        run(args)
    finally:
        if args.database == "postgresql":
            postgres(f'DROP DATABASE IF EXISTS "{args.pg_name}"')


def run(args) -> None:

    with tempfile.TemporaryDirectory(prefix="engage-bot-bench-") as folder:
        instance = Path(folder)
        fake = Fake()
        env = {**os.environ, "ENGAGE_INSTANCE_PATH": str(instance), "SECRET_KEY": secrets.token_hex(16),
               "DATABASE_URL": engage_database(args, instance), "TELEGRAM_BOT_TOKEN": TOKEN,
               "TELEGRAM_WEBHOOK_SECRET": SECRET, "TELEGRAM_API_URL": fake.url, "PTB_TIMEDELTA": "true"}
        engage_cli = [str(Path(sys.executable).parent / "engage")]
        subprocess.run([*engage_cli, "db", "upgrade"], env=env, check=True, capture_output=True)
        # A deployed Engage has its tagger trained; otherwise the first free-text answer trains it
        # inside the timed run (a second or two of CPU that a real service spends once).
        subprocess.run([*engage_cli, "themes", "retrain"], env=env, check=True, capture_output=True)
        made = subprocess.run([*engage_cli, "consultations", "create", "--template", "lifestyle-college",
                               "--open"], env=env, check=True, capture_output=True, text=True)
        code = made.stdout.split()[0]
        print(f"{args.chats} updates in flight from {args.people} chats for {args.duration:.0f}s each "
              f"in {args.rounds} alternate rounds, gunicorn 1 x gthread {args.threads} threads, "
              f"{args.database}, survey {code} (college lifestyle, 17 questions)")
        bots = (
            ("engage bot", "wsgi:app", lambda c, rng: next_step(c, fake, code, rng)),
            ("echo bot", "echo_bot:app", lambda c, rng: message(c, fake, f"hello {rng.random():.6f}")),
        )
        servers = {name: Server(name.replace(" ", "-"), spec, ROOT if spec == "wsgi:app" else ROOT / "bench",
                                {**env, "PYTHONPATH": str(ROOT)}, args, instance) for name, spec, _ in bots}
        rounds: dict[str, list] = {name: [] for name in servers}
        try:
            for server in servers.values():
                server.start("/healthz")
            for _ in range(args.rounds):
                for name, _, step in bots:
                    server = servers[name]
                    rounds[name].append(asyncio.run(drive(
                        server.port, fake, args.chats, args.people, args.duration / args.rounds, step,
                        server.cpu_seconds)))
        finally:
            for server in servers.values():
                server.stop()
    print()
    engage, echo = (report(name, merged(result)) for name, result in rounds.items())
    ratio = engage / echo if echo else 0.0
    print(f"\n  ratio {ratio:.2f} of the echo bot's rate (goal ≥ {GOAL_RATIO}): "
          f"{'met' if ratio >= GOAL_RATIO else 'NOT met'}")
    print(json.dumps({"engage_updates_per_s": round(engage, 1), "echo_updates_per_s": round(echo, 1),
                      "ratio": round(ratio, 3), "chats": args.chats, "people": args.people,
                      "rounds": args.rounds, "database": args.database}))


if __name__ == "__main__":
    main()
