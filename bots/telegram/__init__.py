"""The Telegram chatbot: the same surveys as the web pages, as a kind, quick chat.

``app.build_application`` wires the handlers; ``polling`` runs them by long
polling (``engage bot run``) and ``webhook`` serves them from the Flask app.
"""
import importlib.util
import os
import sys

# python-telegram-bot 22 moves time periods (RetryAfter.retry_after, ...) from
# int seconds to timedelta and warns on every read of the old form; opt in now.
os.environ.setdefault("PTB_TIMEDELTA", "true")

# httpcore tries `import sniffio` on every request. When it is not installed,
# each try searches the whole import path again (about a fifth of the bot's CPU
# per update); marking it absent makes the failed import instant.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None
