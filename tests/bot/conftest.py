"""Fixtures for the Telegram bot: a fake Bot API, both ways of running the bot, and no network.

Every test here runs with a guard that refuses any connection, or name lookup,
that is not to this machine: a test that tried to reach api.telegram.org would
fail even if the bot swallowed the error and retried.
"""
from __future__ import annotations

import socket

import pytest

from engage.extensions import db
from engage.models import OPEN
from engage.services.consultations import create_consultation
from surveys.textformat import loads
from tests.bot.fake_telegram import TOKEN, FakeTelegram
from tests.bot.harness import SECRET, Phone, Polling, Webhook

_LOCAL = {"127.0.0.1", "localhost", "::1", None}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    attempts: list[str] = []
    connect, connect_ex, lookup = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def refuse(where: str) -> OSError:
        attempts.append(where)
        return ConnectionRefusedError(f"tests may not use the network ({where})")

    def guarded(real):
        def call(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL:
                raise refuse(str(address[0]))
            return real(self, address, *args)

        return call

    def guarded_lookup(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in _LOCAL:
            raise refuse(str(name))
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", guarded_lookup)
    yield attempts
    assert not attempts, f"a test tried to reach the network: {attempts}"


@pytest.fixture
def fake():
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture
def bot_app(app, fake):
    """The app, set up as a deployment with a bot: token, webhook secret, fake Bot API."""
    with app.app_context():
        # The migration hands its connection back to the pool with SQLite's
        # foreign keys still off (engage/migrations/env.py), so ON DELETE
        # CASCADE would not run on it: start from fresh connections.
        db.engine.dispose()
    app.config.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_API_URL=fake.url,
        PUBLIC_URL="https://engage.example.org",
    )
    yield app
    from bots.telegram.webhook import close_bot_loop

    close_bot_loop(app)


@pytest.fixture(params=["polling", "webhook"])
def driver(request, bot_app, fake):
    made = (Polling if request.param == "polling" else Webhook)(bot_app, fake).start()
    yield made
    made.stop()


@pytest.fixture
def webhook(bot_app, fake):
    made = Webhook(bot_app, fake).start()
    yield made
    made.stop()


@pytest.fixture
def phone(webhook):
    """A young person in a private chat, through the webhook (the quicker driver)."""
    return Phone(webhook)


EVERY_TYPE = """
id: every-type
kind: service_feedback
title: Every question type
intro: A short survey with one question of each kind.
thank_you: Thanks for trying every kind of question.
audience: {min_age: 16, max_age: 25}
questions:
  - {id: hello, type: info, text: "Here is how this works."}
  - {id: age, type: age_band, text: "How old are you?"}
  - id: colour
    type: single_choice
    text: Which colour?
    choices: [{value: red, label: Red}, {value: blue, label: Blue}]
  - id: activities
    type: multiple_choice
    text: What do you do after school?
    max_choices: 2
    choices: [{value: sport, label: Sport}, {value: music, label: Music}, {value: games, label: Games}]
  - {id: mood, type: faces_scale, points: 5, text: "How do you feel today?"}
  - {id: safe, type: scale_0_10, text: "How safe do you feel where you live?"}
  - {id: trust, type: yes_no, text: "Is there an adult you trust?"}
  - {id: story, type: free_text, text: "Tell us more about that.", max_length: 200}
  - {id: hours, type: number, text: "How many hours a day are you online?", minimum: 0, maximum: 24}
  - id: issues
    type: ranked_ballot
    text: Pick your top two issues.
    pick: 2
    choices: [{value: knives, label: Knife crime}, {value: buses, label: Buses}, {value: jobs, label: Jobs}]
  - id: workshops
    type: workshop_choice
    text: Pick a workshop.
    pick: 1
    choices: [{value: first_aid, label: First aid, capacity: 10}, {value: online, label: Online safety}]
"""


def open_consultation(app, text: str = EVERY_TYPE, **options) -> str:
    with app.app_context():
        return create_consultation(loads(text), status=OPEN, **options).join_code


@pytest.fixture
def code(bot_app) -> str:
    return open_consultation(bot_app)
