"""The facilitator console: accounts, consultations, builder, posters, live view, exports."""
from flask import Blueprint

bp = Blueprint("console", __name__, url_prefix="/console")

from engage.console import routes  # noqa: E402,F401  (views register on bp)
