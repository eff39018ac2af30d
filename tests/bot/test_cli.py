"""``engage bot``: run needs a token; news can be queued and sent from the command line."""
from __future__ import annotations

from tests.bot.harness import Phone


def test_run_without_a_token_says_what_to_set(runner, app):
    app.config["TELEGRAM_BOT_TOKEN"] = None
    result = runner.invoke(args=["bot", "run"])
    assert result.exit_code != 0 and "TELEGRAM_BOT_TOKEN" in result.output


def test_set_webhook_needs_a_secret(runner, bot_app):
    bot_app.config["TELEGRAM_WEBHOOK_SECRET"] = None
    result = runner.invoke(args=["bot", "set-webhook", "https://engage.example.org/telegram/webhook"])
    assert result.exit_code != 0 and "TELEGRAM_WEBHOOK_SECRET" in result.output


def test_set_webhook_tells_telegram_the_url_and_secret(bot_app, fake):
    result = bot_app.test_cli_runner().invoke(args=["bot", "set-webhook", "https://engage.example.org/telegram/webhook"])
    assert result.exit_code == 0, result.output
    (call,) = fake.sent(method="setWebhook")
    assert call.params["secret_token"] == bot_app.config["TELEGRAM_WEBHOOK_SECRET"]


def test_announce_then_send_news(webhook, code, bot_app, fake):
    phone = Phone(webhook, chat_id=101)
    phone.say(f"/start {code}")
    phone.say("/updates on")
    cli = bot_app.test_cli_runner()
    assert "1 message(s) queued" in cli.invoke(args=["bot", "announce", code, "We fixed the buses."]).output
    assert "no consultation" in cli.invoke(args=["bot", "announce", "ZZZZ22", "Hello"]).output
    result = cli.invoke(args=["bot", "send-news"])
    assert result.exit_code == 0, result.output
    assert [c.text for c in fake.sent(101, "sendMessage")][-1] == "We fixed the buses."
