"""Logs that cannot undo anonymity: no client address in them.

gunicorn's access log format (gunicorn.conf.py) leaves the address and user
agent out. Flask's development server (``engage run``) starts every request
line with the client's address; ``WithoutClientAddress`` blanks it.
"""
from __future__ import annotations

import logging
import re

# werkzeug.serving writes "<address> - - [<date>] <message>".
_WERKZEUG_LINE = re.compile(r"^\S+ - - \[")


class WithoutClientAddress(logging.Filter):
    """Replace the client address at the start of a werkzeug request line by "-"."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and _WERKZEUG_LINE.match(record.msg):
            record.msg = _WERKZEUG_LINE.sub("- - - [", record.msg, count=1)
        return True


def keep_addresses_out_of_logs() -> None:
    """Install the filter on werkzeug's logger, once per process."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, WithoutClientAddress) for f in logger.filters):
        logger.addFilter(WithoutClientAddress())
