"""The floor app that bench/submit.py --floor measures really does a respondent
screen's least work: a CSRF-checked form and an answer stored durably. Were it
to skip either, its figure would flatter the floor and mislead the comparison."""
from __future__ import annotations

import importlib
import re
import sqlite3
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def floor(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOOR_DATABASE", str(tmp_path / "floor.sqlite3"))
    monkeypatch.syspath_prepend(str(BENCH))
    sys.modules.pop("floor_app", None)
    module = importlib.import_module("floor_app")
    yield module.app.test_client(), tmp_path / "floor.sqlite3"
    sys.modules.pop("floor_app", None)


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_an_answer_is_stored_and_the_next_question_follows(floor):
    client, database = floor
    first = client.get("/q").get_data(as_text=True)
    assert "Question 1" in first
    moved = client.post("/q", data={"csrf_token": _token(first), "question": "1",
                                    "answer": "yes"})
    assert moved.status_code == 302
    assert "Question 2" in client.get("/q").get_data(as_text=True)
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT question, answer FROM answers").fetchall() == [(1, "yes")]


def test_a_post_without_its_csrf_token_stores_nothing(floor):
    client, database = floor
    client.get("/q")
    assert client.post("/q", data={"question": "1", "answer": "yes"}).status_code == 400
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
