"""Telegram's webhook: no sign-in, because Telegram's secret header is the credential.

With no TELEGRAM_WEBHOOK_SECRET set (as here) the route answers 404: the
webhook is off. With one set, a call without it gets 403 (tests/bot/test_webhook.py).
"""
from tests.web.roles import PUBLIC

EXPECTED = {"telegram.webhook": PUBLIC}
