"""``engage themes``: re-tag, retrain, and the taxonomy as a YAML file, as an operator uses them."""
from __future__ import annotations

import pytest
import yaml
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import OPEN
from engage.models_themes import AnswerAnalysis, AnswerTag, TaggerModel
from engage.services import themes
from engage.services.consultations import create_consultation
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, UNRELATED, answer


@pytest.fixture(autouse=True)
def no_job_queue(app):
    """As a server without REDIS_URL: the commands do the work themselves."""
    app.config["REDIS_URL"] = None


def test_retag_tags_every_answer_again_with_a_progress_bar(app, runner):
    with app.app_context():
        code = create_consultation(loads(SURVEY), status=OPEN).join_code
        for words in (KNIVES, UNRELATED, "more youth clubs"):
            answer(code, words)
        db.session.execute(AnswerTag.__table__.delete())
        db.session.execute(AnswerAnalysis.__table__.delete())
        db.session.commit()

    result = runner.invoke(args=["themes", "retag", "--batch", "2"])

    assert result.exit_code == 0, result.output
    assert "Tagging free-text answers" in result.output
    assert "Tagged 3 answers against taxonomy version 1." in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AnswerAnalysis)) == 3


def test_queueing_without_a_job_queue_says_what_is_missing(runner):
    for command in ("retag", "retrain"):
        result = runner.invoke(args=["themes", command, "--queue"])
        assert result.exit_code != 0
        assert "REDIS_URL" in result.output


def test_retrain_trains_a_new_tagger(app, runner):
    result = runner.invoke(args=["themes", "retrain"])
    assert result.exit_code == 0, result.output
    assert "Trained tagger" in result.output and "examples" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TaggerModel)) == 1


def test_the_taxonomy_goes_out_as_yaml_and_comes_back_as_a_new_version(app, runner, tmp_path):
    exported = tmp_path / "taxonomy.yaml"
    result = runner.invoke(args=["themes", "taxonomy", "--export", str(exported)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(exported.read_text())
    assert exported.read_text().startswith("# Engage theme taxonomy, version 1.")

    data["themes"][0]["name"] = "Knives and weapons"
    data["themes"].append({"key": "vaping", "name": "Vaping", "area": data["areas"][0],
                           "seeds": ["vape", "vapes"], "examples": ["everyone vapes in the toilets at school"]})
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data))
    result = runner.invoke(args=["themes", "taxonomy", "--import", str(edited), "--note", "Vaping added"])
    assert result.exit_code == 0, result.output
    assert "Saved taxonomy version 2" in result.output

    listing = runner.invoke(args=["themes", "taxonomy"]).output
    assert "   2  " in listing and "Vaping added" in listing and "   1  " in listing
    with app.app_context():
        version, taxonomy = themes.current_taxonomy()
        assert version.number == 2 and taxonomy.theme("vaping").name == "Vaping"
        assert taxonomy.themes[0].name == "Knives and weapons"
    # The first version can still be had as it was.
    first = tmp_path / "first.yaml"
    runner.invoke(args=["themes", "taxonomy", "--export", str(first), "--version", "1"])
    assert "Vaping" not in first.read_text()


def test_a_taxonomy_file_that_is_not_yaml_says_where(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("areas:\n  - Neglect\nthemes: [\n  {key: x\n")
    result = runner.invoke(args=["themes", "taxonomy", "--import", str(broken)])
    assert result.exit_code != 0
    assert "broken.yaml is not valid YAML at line" in result.output


def test_a_taxonomy_with_problems_lists_each_problem_and_saves_nothing(app, runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({
        "areas": ["Neglect"],
        "themes": [{"key": "Not A Slug", "name": "Odd", "area": "Elsewhere", "seeds": ["a"]}],
    }))
    result = runner.invoke(args=["themes", "taxonomy", "--import", str(bad)])
    assert result.exit_code != 0
    assert "bad.yaml cannot be used as it is:" in result.output
    assert "key" in result.output and "Elsewhere" in result.output and "seed phrase" in result.output
    with app.app_context():
        assert themes.current_taxonomy()[0].number == 1


def test_exporting_a_version_that_does_not_exist_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(args=["themes", "taxonomy", "--export", str(tmp_path / "x.yaml"), "--version", "9"])
    assert result.exit_code != 0 and "no taxonomy version 9" in result.output


def test_the_worker_needs_a_job_queue(runner):
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL" in result.output
