"""``engage bot``: run the Telegram bot, point Telegram at the webhook, send queued news."""
from __future__ import annotations

import asyncio
import logging

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from engage.services import chat_updates
from engage.services.errors import ConsultationNotFound


@click.group()
def bot() -> None:
    """The Telegram chatbot."""


def _application(polling: bool = True):
    from bots.telegram.app import build_application

    app: Flask = current_app._get_current_object()
    token = app.config.get("TELEGRAM_BOT_TOKEN")
    if not token:
        raise click.ClickException("set TELEGRAM_BOT_TOKEN to the token from @BotFather")
    return build_application(app, token, app.config.get("TELEGRAM_API_URL"), polling=polling)


@bot.command("run")
@with_appcontext
def run_command() -> None:
    """Answer chats by long polling until Ctrl-C (no webhook needed)."""
    from bots.telegram.polling import serve_until_signalled
    from engage.warm_up import warm_up

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    application = _application()
    warm_up(current_app._get_current_object())
    click.echo("Telegram bot running (long polling). Ctrl-C to stop.")
    asyncio.run(serve_until_signalled(application))


@bot.command("set-webhook")
@click.argument("url")
@with_appcontext
def set_webhook_command(url: str) -> None:
    """Tell Telegram to send updates to URL (this app's /telegram/webhook)."""
    from bots.telegram.app import ALLOWED_UPDATES

    secret = current_app.config.get("TELEGRAM_WEBHOOK_SECRET")
    if not secret:
        raise click.ClickException("set TELEGRAM_WEBHOOK_SECRET first: the webhook refuses calls without it")
    application = _application(polling=False)

    async def go() -> None:
        async with application:
            await application.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)

    asyncio.run(go())
    click.echo(f"Telegram now sends updates to {url}")


@bot.command("announce")
@click.argument("join_code")
@click.argument("text")
@with_appcontext
def announce_command(join_code: str, text: str) -> None:
    """Queue a "you said, we did" message for every chat that asked for news of JOIN_CODE."""
    try:
        queued = chat_updates.send_update(join_code, text)
    except ConsultationNotFound:
        raise click.ClickException(f"no consultation has the join code {join_code!r}") from None
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{queued} message(s) queued")


@bot.command("send-news")
@with_appcontext
def send_news_command() -> None:
    """Send every queued news message now, at Telegram's pace (for webhook set-ups)."""
    from bots.telegram.sender import Pacer, deliver_due

    application = _application(polling=False)

    async def go() -> int:
        total, pacer = 0, Pacer()
        async with application:
            while handled := await deliver_due(application, pacer):
                total += handled
        return total

    click.echo(f"{asyncio.run(go())} message(s) handled; {chat_updates.waiting()} waiting to retry")
