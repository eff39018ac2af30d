"""New answers tagged by the process's tagging thread, a moment after they are saved, many at a time."""
from __future__ import annotations

import logging
import time

import pytest

from engage.analysis.themes.tagger import Tagger
from engage.extensions import db
from engage.models import OPEN, Answer
from engage.services import tagging_in_background
from engage.services.consultations import create_consultation
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, analysis, answer, tags


@pytest.fixture
def code(ctx):
    return create_consultation(loads(SURVEY), status=OPEN).join_code


@pytest.fixture(autouse=True)
def in_background(app):
    app.config["TAG_IN_BACKGROUND"] = True
    yield
    assert tagging_in_background.drain(app, timeout=20)


def tagged_within(answer_id: int, seconds: float = 15.0) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # end this session's read, to see the thread's commit
        found = tags(answer_id)
        if found:
            return found
        time.sleep(0.05)
    return {}


def test_an_answer_is_saved_at_once_and_tagged_a_moment_later(app, code):
    answer_id = answer(code, KNIVES, send=False)
    assert db.session.get(Answer, answer_id).value == KNIVES  # saved before any tagging
    found = tagged_within(answer_id)
    assert "knife-crime" in found and found["knife-crime"].reason
    assert analysis(answer_id).sentiment


def test_answers_arriving_together_are_tagged_together(app, code, monkeypatch):
    batches = []
    real = Tagger.tag_many
    monkeypatch.setattr(Tagger, "tag_many", lambda self, texts: batches.append(len(texts)) or real(self, texts))
    ids = [answer(code, f"{KNIVES} ({n})", send=False) for n in range(6)]
    assert tagging_in_background.drain(app, timeout=20)
    db.session.rollback()
    assert all("knife-crime" in tags(answer_id) for answer_id in ids)
    assert sum(batches) == 6 and len(batches) < 6


def test_a_batch_that_fails_is_logged_and_the_next_is_still_tagged(app, code, monkeypatch, caplog):
    real = Tagger.tag_many

    def broken(self, texts):
        raise RuntimeError(f"the tagger broke on {texts}")

    monkeypatch.setattr(Tagger, "tag_many", broken)
    with caplog.at_level(logging.WARNING):
        lost = answer(code, "ring me on 07700 900123 about the knives", send=False)
        assert tagging_in_background.drain(app, timeout=20)
    assert "Could not tag" in caplog.text and "07700" not in caplog.text
    monkeypatch.setattr(Tagger, "tag_many", real)
    db.session.rollback()
    assert tags(lost) == {} and db.session.get(Answer, lost).value.startswith("ring me")
    assert "knife-crime" in tagged_within(answer(code, KNIVES, send=False))


def test_what_is_waiting_is_tagged_before_the_process_ends(app, code):
    answer_id = answer(code, KNIVES, send=False)
    assert tagging_in_background.drain(app, timeout=20)  # what atexit does
    db.session.rollback()
    assert "knife-crime" in tags(answer_id)
