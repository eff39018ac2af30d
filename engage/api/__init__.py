"""The JSON API, for people's own tools: per-user tokens, the same rules as the console."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from engage.api import routes, voice  # noqa: E402,F401
