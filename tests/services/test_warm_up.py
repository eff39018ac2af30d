"""Loading the tagger and the models as a server starts, before the first free-text answer."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from engage import create_app
from engage.analysis.themes.tagger import Tagger
from engage.config import TestConfig
from engage.extensions import db
from engage.models_themes import TaggerModel
from engage.models import OPEN
from engage.services import themes
from engage.services.consultations import create_consultation
from engage.warm_up import warm_up
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, answer


@pytest.fixture
def forgotten(monkeypatch):
    """A process that has parsed no tagger yet (as a new server is)."""
    monkeypatch.setattr(themes, "_LOADED", {})


def refuse_to_parse(monkeypatch):
    def refused(data):
        raise AssertionError("the tagger was parsed while a young person waited")

    monkeypatch.setattr(Tagger, "from_bytes", staticmethod(refused))


def test_a_trained_tagger_is_in_memory_before_the_first_answer_so_nobody_waits_for_it(
        app, forgotten, monkeypatch):
    with app.app_context():
        themes.retrain()
    themes._LOADED.clear()
    warm_up(app)
    refuse_to_parse(monkeypatch)
    with app.app_context():
        code = create_consultation(loads(SURVEY), status=OPEN).join_code
        answer(code, KNIVES)
        assert themes.the_tagger() is not None  # tagged from memory: parsing would have failed
        assert db.engine.pool.checkedout() <= 1


def test_warming_up_never_trains_a_tagger_nobody_asked_for(app, forgotten):
    warm_up(app)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TaggerModel)) == 0
    assert themes._LOADED == {}


def test_a_database_not_made_yet_does_not_stop_the_server_starting(tmp_path, monkeypatch, forgotten, caplog):
    monkeypatch.setenv("ENGAGE_INSTANCE_PATH", str(tmp_path / "instance"))
    fresh = create_app({**{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
                        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'new.db'}"})
    caplog.set_level("INFO", logger="engage.warm_up")
    warm_up(fresh)
    assert "loads on first use" in caplog.text
    assert themes._LOADED == {}
