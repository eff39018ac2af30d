"""Loading what every free-text answer needs before the first young person arrives.

gunicorn imports the app once and forks its workers from it (``preload_app``),
so what is loaded here is parsed once and shared by every worker. Without it
the first free-text answer each worker took waited while the tagger and the
models were read (about half a second of CPU on this 2-core machine).
"""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from engage.analysis.pii import scrub
from engage.analysis.safeguarding import possible_disclosure
from engage.analysis.sentiment import sentiment
from engage.extensions import db
from engage.services import themes

logger = logging.getLogger(__name__)
# An ordinary answer, run through each check once so that every lazily built table is built.
_SAMPLE = "I like going to the youth club with my friends after school on Friday"


def warm_up(app: Flask) -> None:
    possible_disclosure(_SAMPLE)
    scrub(_SAMPLE)
    sentiment(_SAMPLE)
    with app.app_context():
        try:
            if not themes.load_tagger():
                logger.info("no tagger trained yet: the first free-text answer trains one")
        except SQLAlchemyError as error:  # the database is not made yet: `engage db upgrade`
            logger.info("the tagger was not loaded ahead (%s): it loads on first use", type(error).__name__)
        finally:
            db.session.remove()
            db.engine.dispose()  # no open connection may be shared with the forked workers
