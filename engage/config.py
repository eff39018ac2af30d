"""Settings from the environment, with a test subclass."""
import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in ("1", "true", "yes", "on")


def database_url(instance_path: str) -> str:
    """``DATABASE_URL`` if set (PostgreSQL), else an SQLite file in the instance folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{Path(instance_path) / 'engage.db'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants a driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI: str | None = None  # filled in by the app factory
    # Recycle rather than ping: a ping is a round trip on every request.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_recycle": 1800}
    # Generous for a long answer in any script, small enough to refuse a flood.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 64 * 1024))
    MAX_FORM_MEMORY_SIZE = MAX_CONTENT_LENGTH

    SESSION_COOKIE_NAME = "engage"
    SESSION_COOKIE_SECURE = _flag("SESSION_COOKIE_SECURE", True)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Long enough to come back to an unfinished survey after a dropped signal.
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    # Young people must never be timed out of a page (WCAG 2.2.1).
    WTF_CSRF_TIME_LIMIT = None
    # Engage words its own messages; WTForms' catalogue would be re-read per form.
    WTF_I18N_ENABLED = False

    LANGUAGES = ["en", "cy", "pl", "ro", "ar", "ur"]
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    PUBLIC_URL = os.environ.get("PUBLIC_URL", "").rstrip("/")
    ORGANISER = os.environ.get(
        "ENGAGE_ORGANISER", "the local safeguarding partnership (council, police and health)"
    )
    SUPPRESSION_THRESHOLD = int(os.environ.get("SUPPRESSION_THRESHOLD", 10))
    # The live event view is recounted at most this often per process.
    LIVE_CACHE_SECONDS = float(os.environ.get("LIVE_CACHE_SECONDS", 2))
    # Posters carry a t.me deep link when set (only for audiences of 16 and over).
    TELEGRAM_BOT_USERNAME = os.environ.get("TELEGRAM_BOT_USERNAME", "").strip().lstrip("@") or None

    # Staff sessions end after 30 idle minutes and after 8 hours in all.
    CONSOLE_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("CONSOLE_IDLE_MINUTES", 30)))
    CONSOLE_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("CONSOLE_ABSOLUTE_HOURS", 8)))
    # Sign-in attempts, per address and per account. Redis shares the counts
    # between gunicorn workers; without it each worker counts on its own.
    REDIS_URL = os.environ.get("REDIS_URL", "").strip() or None
    RATELIMIT_STORAGE_URI = REDIS_URL or "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    LOGIN_LIMITS = os.environ.get("LOGIN_LIMITS", "10 per minute;50 per day")

    # The Telegram chatbot (bots/telegram): the token from @BotFather, and the
    # secret Telegram repeats in a header on every webhook call (no secret: no webhook).
    TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    TELEGRAM_WEBHOOK_SECRET = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None
    # Key for the HMAC that stands in for chat ids; derived from SECRET_KEY when unset.
    TELEGRAM_CHAT_KEY = os.environ.get("TELEGRAM_CHAT_KEY", "").strip() or None
    # Another Bot API server (a local one; a fake in tests); Telegram's own when unset.
    TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "").strip() or None

    # The local children's services number, shown beside Childline and Shout when set.
    LOCAL_CHILDRENS_SERVICES = os.environ.get("LOCAL_CHILDRENS_SERVICES", "").strip() or None
    # Email to tell safeguarding leads an alert is waiting (never its words); off when no host.
    SMTP_HOST = os.environ.get("SMTP_HOST", "").strip() or None
    SMTP_PORT = int(os.environ.get("SMTP_PORT", 587))
    SMTP_USER = os.environ.get("SMTP_USER", "").strip() or None
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD") or None
    SMTP_FROM = os.environ.get("SMTP_FROM", "").strip() or "engage@localhost"
    SMTP_STARTTLS = _flag("SMTP_STARTTLS", True)

    # Local schools and places scrubbed from quoted text: comma-separated, or a file path.
    LOCAL_PLACES = os.environ.get("ENGAGE_LOCAL_PLACES", "")
    # A sentiment model from `engage sentiment train` (a file path); Engage's own when unset.
    SENTIMENT_MODEL = os.environ.get("ENGAGE_SENTIMENT_MODEL", "").strip() or None

    # `engage retention run`: young people's own words go after this many months
    # (choices, flags and counts stay); unfinished responses after this many days.
    RETENTION_MONTHS = int(os.environ.get("RETENTION_MONTHS", 12))
    RETENTION_UNFINISHED_DAYS = int(os.environ.get("RETENTION_UNFINISHED_DAYS", 30))
    # A safeguarding alert's copy of the words, and a way to reach the young
    # person, counted from when the lead dealt with the alert.
    ALERT_RETENTION_MONTHS = int(os.environ.get("ALERT_RETENTION_MONTHS", 12))
    ALERT_CONTACT_DAYS = int(os.environ.get("ALERT_CONTACT_DAYS", 30))
    # Where young people (and their adults) can ask about their data: shown on /privacy.
    PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT", "").strip() or None


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key"
    SESSION_COOKIE_SECURE = False
