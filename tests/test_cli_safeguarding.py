"""``engage safeguarding eval``: measure the disclosure check on a labelled file."""
import json


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"text": "my stepdad hits me", "disclosure": 1},
    {"text": "i want to die", "disclosure": 1},
    {"text": "he makes me keep secrets", "disclosure": 1},
    {"text": "I like the new pizza place", "disclosure": 1},  # a disclosure the check misses
    {"text": "the buses are too expensive", "disclosure": 0},
    {"text": "more youth clubs please", "disclosure": 0},
    {"text": "i'm scared to go home", "disclosure": 0},  # labelled ordinary: a false alarm
    {"text": "the park is dead boring", "disclosure": 0},
]


def test_eval_prints_recall_precision_and_false_positive_rate_as_one_json_object(runner, tmp_path):
    path = write_jsonl(tmp_path / "small.jsonl", ROWS)
    result = runner.invoke(args=["safeguarding", "eval", "--test", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["n"] == 8
    assert report["recall"] == 0.75
    assert report["precision"] == 0.75
    assert report["false_positive_rate"] == 0.25
    assert report["answers_per_second"] > 0


def test_eval_names_the_line_that_is_not_labelled(runner, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "disclosure": 0}\n{"text": "no label"}\n', encoding="utf-8")
    result = runner.invoke(args=["safeguarding", "eval", "--test", str(path)])
    assert result.exit_code != 0
    assert "line 2" in result.output


def test_eval_needs_a_file_that_exists(runner, tmp_path):
    result = runner.invoke(args=["safeguarding", "eval", "--test", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0


def test_engage_safeguarding_train_builds_a_model_that_can_be_read(runner, tmp_path):
    from engage.analysis.disclosure_model import DisclosureModel
    from engage.analysis.safeguarding import reading

    comments = tmp_path / "comments.jsonl"
    comments.write_text("".join(json.dumps({"text": f"what a lovely day number {i}", "sentiment": "positive"}) + "\n"
                                for i in range(50)), encoding="utf-8")
    patients = tmp_path / "patients.jsonl"
    patients.write_text("".join(json.dumps({"text": f"the nurse was kind on ward {i}"}) + "\n" for i in range(50)),
                        encoding="utf-8")
    out = tmp_path / "model.npz"
    result = runner.invoke(args=["safeguarding", "train", "--goemotions", str(comments), "--nhs", str(patients),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = json.loads(result.output)
    assert said["disclosures"] > 400 and said["trained_on"] > said["disclosures"] + 100
    model = DisclosureModel.load(out)
    assert model.probability(reading("my stepdad hits me and i am scared to go home")) > 0.5
    assert model.probability(reading("the nurse was kind on ward 3")) < 0.5
