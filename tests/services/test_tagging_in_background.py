"""New answers tagged by the process's tagging thread, a moment after they are saved, many at a time."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time

import pytest

from engage.analysis.themes.tagger import Tagger
from engage.extensions import db
from engage.models import OPEN, Answer
from engage.services import tagging_in_background
from engage.services.consultations import create_consultation
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, analysis, answer, tags, words_of


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


EXITS_AT_ONCE = """
import json, os, sys
from engage import create_app
from engage.config import TestConfig
from engage.services import responding

settings = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
app = create_app({**settings, **json.loads(os.environ["SETTINGS"]), "TAG_IN_BACKGROUND": True})
code, words = sys.argv[1], sys.argv[2]
with app.app_context():
    token = responding.start_response(code, "web")
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    responding.answer_screen(code, token, "change", "next", [words])
    print(token)
"""


def test_what_is_waiting_is_tagged_before_the_process_ends(app, code, tmp_path):
    settings = {name: app.config[name] for name in ("SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_ENGINE_OPTIONS")}
    env = {**os.environ, "SETTINGS": json.dumps(settings), "ENGAGE_INSTANCE_PATH": str(tmp_path)}
    ran = subprocess.run([sys.executable, "-c", EXITS_AT_ONCE, code, KNIVES], env=env,
                         capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr[-2000:]
    db.session.rollback()
    answer_id = words_of(ran.stdout.split()[-1])
    assert answer_id is not None and "knife-crime" in tags(answer_id)
