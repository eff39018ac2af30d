"""Board members' pages: voice summaries and reports."""
from flask import Blueprint

bp = Blueprint("board", __name__, url_prefix="/board")

# Each module registers its views on bp.
from engage.board import reports, routes  # noqa: E402,F401
