"""The tests here can never reach Telegram: the guard refuses every non-local connection."""
from __future__ import annotations

import socket

import pytest


def test_the_guard_refuses_telegram_and_allows_this_machine(no_network, fake):
    with pytest.raises(OSError):
        socket.create_connection(("api.telegram.org", 443), timeout=1)
    with socket.socket() as sock, pytest.raises(OSError):
        sock.connect(("149.154.167.220", 443))
    with socket.create_connection(fake.server.server_address[:2], timeout=1):
        pass
    no_network.clear()  # these refusals were the point of the test


def test_a_bot_left_pointing_at_telegram_is_stopped_by_the_guard(no_network, app):
    import asyncio

    from telegram.error import NetworkError

    from bots.telegram.app import build_application
    from tests.bot.fake_telegram import TOKEN

    application = build_application(app, TOKEN)  # no base_url: the real api.telegram.org

    async def try_it():
        try:
            await application.initialize()
        finally:
            await application.shutdown()

    with pytest.raises(NetworkError):
        asyncio.run(try_it())
    assert any("telegram.org" in where for where in no_network)
    no_network.clear()
