"""``engage sentiment eval`` and ``engage sentiment train`` on small labelled files."""
import json

import pytest

from engage.analysis.sentiment import SentimentModel


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"text": "the youth club is brilliant, the staff really listen", "sentiment": "positive"},
    {"text": "I love the new skate park", "sentiment": "positive"},
    {"text": "I hate walking home, it's scary and the buses never come", "sentiment": "negative"},
    {"text": "school is awful", "sentiment": "negative"},
    {"text": "I go to school by bus", "sentiment": "neutral"},
    {"text": "I am in year 9", "sentiment": "neutral"},
    {"text": "thank you for listening to us", "sentiment": "negative"},  # mislabelled: the model says positive
]

OWN = [
    {"text": text, "sentiment": label}
    for label, texts in {
        "positive": ["the club is great", "I love the park", "staff are kind", "brilliant trip", "thank you"],
        "negative": ["the buses are rubbish", "I hate the walk home", "scary at night", "so boring", "awful food"],
        "neutral": ["I go by bus", "I live in town", "I am in year 10", "it opens at six", "my school is near"],
    }.items()
    for text in texts
]


def test_eval_prints_macro_f1_each_label_and_speed_as_one_json_object(runner, tmp_path):
    path = write_jsonl(tmp_path / "small.jsonl", ROWS)
    result = runner.invoke(args=["sentiment", "eval", "--test", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["n"] == 7
    assert report["per_label"]["positive"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "n": 2}
    assert report["per_label"]["negative"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "n": 3}
    assert report["per_label"]["neutral"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 2}
    assert report["macro_f1"] == 0.8667
    assert report["seconds"] >= 0 and report["answers_per_second"] > 0


@pytest.mark.parametrize(
    ("second_line", "message"),
    [
        ("{not json", "small.jsonl line 2: not JSON"),
        ('{"text": "no label"}', 'small.jsonl line 2: expected {"text": ..., "sentiment"'),
        ('["a list"]', 'small.jsonl line 2: expected {"text": ..., "sentiment"'),
        ('{"text": "great", "sentiment": "happy"}',
         "small.jsonl line 2: unknown sentiment 'happy' (expected negative, neutral, positive)"),
    ],
)
def test_eval_names_the_line_that_is_wrong_and_why(runner, tmp_path, second_line, message):
    path = tmp_path / "small.jsonl"
    path.write_text('{"text": "fine", "sentiment": "neutral"}\n' + second_line + "\n", encoding="utf-8")
    result = runner.invoke(args=["sentiment", "eval", "--test", str(path)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_eval_says_when_the_file_is_missing_or_empty(runner, tmp_path):
    result = runner.invoke(args=["sentiment", "eval", "--test", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0 and "does not exist" in result.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = runner.invoke(args=["sentiment", "eval", "--test", str(empty)])
    assert result.exit_code != 0 and "empty.jsonl holds no labelled answers" in result.output


def test_train_saves_a_model_that_eval_can_use(runner, tmp_path):
    train = write_jsonl(tmp_path / "ours.jsonl", OWN)
    out = tmp_path / "models" / "ours.npz"
    result = runner.invoke(args=["sentiment", "train", "--train", str(train), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Trained on 15 answers (5 negative, 5 neutral, 5 positive)" in result.output
    assert f"ENGAGE_SENTIMENT_MODEL={out}" in result.output
    assert SentimentModel.load(out).info["source"] == "ours.jsonl"

    result = runner.invoke(args=["sentiment", "eval", "--test", str(train), "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["n"] == 15


def test_train_reads_several_files_and_weighs_the_examples_up(runner, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", OWN[:8])
    second = write_jsonl(tmp_path / "second.jsonl", OWN[8:])
    examples = write_jsonl(tmp_path / "ours.jsonl", ROWS[:6])
    out = tmp_path / "weighted.npz"
    result = runner.invoke(args=["sentiment", "train", "--train", str(first), "--train", str(second),
                                 "--examples", str(examples), "--examples-weight", "4", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Trained on 21 answers (7 negative, 7 neutral, 7 positive), 6 of them counting 4 times" in result.output
    info = SentimentModel.load(out).info
    assert info["source"] == "first.jsonl + second.jsonl + ours.jsonl (x4)"
    assert info["weights"] == {"1": 15, "4": 6}

    # The same as training on the answers in that order, with the same weights.
    texts = [row["text"] for row in OWN + ROWS[:6]]
    same = SentimentModel.train(texts, [row["sentiment"] for row in OWN + ROWS[:6]],
                                source=info["source"], weights=[1.0] * 15 + [4.0] * 6)
    assert SentimentModel.load(out).info == same.info
    assert SentimentModel.load(out).predict(texts) == same.predict(texts)


def test_train_without_examples_weighs_nothing(runner, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", OWN[:8])
    second = write_jsonl(tmp_path / "second.jsonl", OWN[8:])
    out = tmp_path / "two.npz"
    result = runner.invoke(args=["sentiment", "train", "--train", str(first), "--train", str(second),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "counting" not in result.output
    info = SentimentModel.load(out).info
    assert info["source"] == "first.jsonl + second.jsonl" and "weights" not in info


def test_train_says_which_label_has_too_few_answers(runner, tmp_path):
    train = write_jsonl(tmp_path / "few.jsonl", [row for row in OWN if row["sentiment"] != "neutral"][:8]
                        + [{"text": "I live in town", "sentiment": "neutral"}])
    result = runner.invoke(args=["sentiment", "train", "--train", str(train), "--out", str(tmp_path / "m.npz")])
    assert result.exit_code != 0
    assert "at least 3 answers of each label; too few: neutral (1)" in result.output
    assert not (tmp_path / "m.npz").exists()


def test_eval_uses_the_model_the_setting_names(app, runner, tmp_path):
    not_a_model = tmp_path / "notes.npz"
    not_a_model.write_text("not a model", encoding="utf-8")
    app.config["SENTIMENT_MODEL"] = str(not_a_model)
    path = write_jsonl(tmp_path / "small.jsonl", ROWS)
    result = runner.invoke(args=["sentiment", "eval", "--test", str(path)])
    assert result.exit_code != 0
    assert f"cannot read the sentiment model {not_a_model}" in result.output
    assert "Traceback" not in result.output
