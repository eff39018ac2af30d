"""``engage themes eval``: how well the tagger agrees with a partnership's own coding."""
import json

BUS = ["the bus is late", "buses stop too early", "no buses at night", "bus fares are too high",
       "the bus driver was rude", "more buses please"]
CLUB = ["the youth club is great", "we need a youth club", "youth club closed down",
        "more clubs after school", "the club has a pool table", "free clubs at weekends"]


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def coded(texts, theme):
    return [{"text": t, "themes": [theme]} for t in texts]


def test_it_prints_one_json_object_with_scores_per_theme_and_timings(runner, tmp_path):
    train = write(tmp_path / "a.jsonl", coded(BUS[:4], "Transport") + coded(CLUB[:4], "Activities"))
    test = write(tmp_path / "b.jsonl", coded(BUS[4:], "Transport") + coded(CLUB[4:], "Activities")
                 + [{"text": "n/a", "themes": []}])
    result = runner.invoke(args=["themes", "eval", "--train", str(train), "--test", str(test)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["per_theme"]) == {"Transport", "Activities"}
    assert report["answers"] == 5 and report["themes"] == 2
    assert 0 <= report["macro_f1"] <= 1 and 0 <= report["micro_f1"] <= 1
    assert report["per_theme"]["Transport"]["support"] == 2
    assert report["train_seconds"] >= 0 and report["tag_seconds"] >= 0 and report["answers_per_second"] > 0


def test_a_tagger_that_learned_well_scores_higher_than_one_given_the_wrong_coding(runner, tmp_path):
    test = write(tmp_path / "b.jsonl", coded(BUS[4:], "Transport") + coded(CLUB[4:], "Activities"))
    right = write(tmp_path / "right.jsonl", coded(BUS[:4], "Transport") + coded(CLUB[:4], "Activities"))
    wrong = write(tmp_path / "wrong.jsonl", coded(BUS[:4], "Activities") + coded(CLUB[:4], "Transport"))
    scores = [json.loads(runner.invoke(args=["themes", "eval", "--train", str(f), "--test", str(test)]).output)
              ["macro_f1"] for f in (right, wrong)]
    assert scores[0] > scores[1]


def test_a_bad_line_is_named_not_a_traceback(runner, tmp_path):
    train = write(tmp_path / "a.jsonl", coded(BUS, "Transport"))
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": "ok", "themes": []}\n{"text": "oops", "themes": "Transport"}\n')
    result = runner.invoke(args=["themes", "eval", "--train", str(train), "--test", str(bad)])
    assert result.exit_code != 0
    assert "b.jsonl line 2" in result.output and "themes must be a list" in result.output


def test_a_file_with_no_coding_to_learn_from_is_refused_plainly(runner, tmp_path):
    empty = write(tmp_path / "a.jsonl", [{"text": "hello", "themes": []}])
    result = runner.invoke(args=["themes", "eval", "--train", str(empty), "--test", str(empty)])
    assert result.exit_code != 0 and "no coded themes" in result.output


def test_a_missing_file_is_refused_plainly(runner, tmp_path):
    result = runner.invoke(args=["themes", "eval", "--train", str(tmp_path / "nope.jsonl"), "--test", "x"])
    assert result.exit_code != 0 and "does not exist" in result.output
