"""The Telegram chatbot: the same surveys as the web pages, as a kind, quick chat.

``app.build_application`` wires the handlers; ``polling`` runs them by long
polling (``engage bot run``) and ``webhook`` serves them from the Flask app.
"""
import os

# python-telegram-bot 22 moves time periods (RetryAfter.retry_after, ...) from
# int seconds to timedelta and warns on every read of the old form; opt in now.
os.environ.setdefault("PTB_TIMEDELTA", "true")
