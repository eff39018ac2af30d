"""The facilitator console: accounts, consultations, builder, posters, live view, exports."""
from flask import Blueprint

bp = Blueprint("console", __name__, url_prefix="/console")

# Each module registers its views on bp.
from engage.console import actions, builder, exports, live, posters, routes, safeguarding, themes, tokens, translations, xlsform  # noqa: E402,F401
