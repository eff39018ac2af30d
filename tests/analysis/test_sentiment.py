"""Sentiment of young people's free-text answers, with the model Engage ships.

The shipped model learnt from Reddit comments (GoEmotions) and from about 600
answers written for Engage in young people's voices (data/sentiment_examples.jsonl);
it is measured on a separate authored file it never saw (sentiment_examples_check.jsonl).
The examples here are the kind Engage gets, none of them copied from the training
file, and the known misses are marked as such rather than left out.
"""
import io
import json
import subprocess
import sys
from importlib import resources

import numpy as np
import pytest

from engage.analysis.sentiment import (
    LABELS,
    Sentiment,
    SentimentModel,
    default_model,
    evaluate,
    macro_f1,
    sentiment,
    sentiments,
)


@pytest.mark.parametrize(
    "words",
    [
        "the youth club is brilliant, the staff really listen",
        "I love the new skate park",
        "the workshop on first aid was really fun and I learned loads",
        "thank you for listening to us",
        "my teachers are amazing and always help me",
        "I feel happy and safe at my school",
    ],
)
def test_clearly_happy_answers_are_positive(words):
    assert sentiment(words).label == "positive"


@pytest.mark.parametrize(
    "words",
    [
        "I hate walking home, it's scary and the buses never come",
        "there is nothing to do and it's boring",
        "I feel sad and lonely most of the time",
        "I don't feel safe in town at night",
        "school is awful",
        "people smoke weed in the park and it's scary",
    ],
)
def test_clearly_unhappy_answers_are_negative(words):
    assert sentiment(words).label == "negative"


@pytest.mark.parametrize(
    "words",
    [
        "I go to school by bus",
        "I live with my mum and my brother",
        "I am in year 9",
        "the park is next to the library",
        "what time does the club open",
        "more youth clubs please",
    ],
)
def test_plain_facts_and_requests_are_neutral(words):
    assert sentiment(words).label == "neutral"


@pytest.mark.parametrize(
    "words",
    [
        "I get bullied every day and nobody helps",         # neutral before the authored examples
        "the buses are too expensive and always late",      # neutral before the authored examples
        "it's not safe",
        "the park is not safe at night",
    ],
)
def test_everyday_complaints_a_young_person_would_call_negative(words):
    assert sentiment(words).label == "negative"


@pytest.mark.parametrize(
    "words", ["we talked about knife crime", "we talked about drugs", "knife crime", "I get the bus to college"]
)
def test_naming_a_hard_topic_without_feeling_is_neutral(words):
    # "we talked about knife crime" read negative before the authored examples
    assert sentiment(words).label == "neutral"


@pytest.mark.parametrize("words", ["not bad", "school is not bad", "honestly not bad", "it's not boring"])
def test_not_bad_is_praise(words):
    # "not bad" read negative before the authored examples
    assert sentiment(words).label == "positive"


@pytest.mark.xfail(strict=True, reason="the letters of 'hate', 'mind', 'terrible' weigh more than the negation "
                                       "before them: letter n-grams are not marked as negated")
@pytest.mark.parametrize("words", ["I don't hate it", "i dont hate it tbh", "I don't mind it", "not terrible"])
def test_known_miss_a_denied_complaint_is_not_a_complaint(words):
    assert sentiment(words).label != "negative"


@pytest.mark.parametrize("words", ["not good", "the club is not good", "the youth club is not fun anymore",
                                   "not happy with the buses"])
def test_a_negated_good_word_is_not_positive(words):
    assert sentiment(words).label != "positive"
    assert sentiment(words.replace("not ", "")).label == "positive"


@pytest.mark.parametrize("words", ["", "   ", "\n\t"])
def test_an_empty_answer_is_neutral_with_score_zero(words):
    assert sentiment(words) == Sentiment("neutral", 0.0)
    assert sentiments([words, words]) == [Sentiment("neutral", 0.0)] * 2


def test_the_score_runs_from_minus_one_to_one_and_agrees_with_the_label():
    found = sentiments(["I love it", "I hate it", "I go to school by bus", "ok", "😭😭", "love it ❤️", ":("])
    for s in found:
        assert -1.0 <= s.score <= 1.0
        assert s.label in LABELS
        if s.label == "positive":
            assert s.score >= 0
        if s.label == "negative":
            assert s.score <= 0
    assert found[0].score > 0.5 and found[1].score < -0.5


def test_emoji_and_emoticons_count():
    assert [s.label for s in sentiments(["love it ❤️", "😭😭", ":("])] == ["positive", "negative", "negative"]


def test_a_batch_gives_exactly_what_one_answer_at_a_time_gives():
    texts = [
        "the youth club is brilliant", "", "I HATE the buses!!!", "I go to school by bus",
        "soooo bored", "not bad", "😂😂", "ok " * 200, "   ", "café au lait", "[name] said hi",
    ] * 3
    assert sentiments(texts) == [sentiment(t) for t in texts]
    assert sentiments([]) == []


def test_the_shipped_model_reads_back_from_its_own_file_unchanged():
    model = default_model()
    buffer = io.BytesIO()
    model.save(buffer)
    buffer.seek(0)
    again = SentimentModel.load(buffer)
    texts = ["the staff really listen", "I hate walking home", "I go to school by bus", "meh"]
    assert again.predict(texts) == model.predict(texts)
    assert again.info == model.info


def _authored(name):
    with resources.files("engage.analysis").joinpath(f"data/{name}").open(encoding="utf-8") as lines:
        return [(row["text"], row["sentiment"]) for row in map(json.loads, lines)]


GOEMOTIONS_TRAIN = {"negative": 8133, "neutral": 12823, "positive": 15216}


def test_the_shipped_model_says_where_it_came_from():
    info = default_model().info
    assert "GoEmotions" in info["source"] and "sentiment_examples.jsonl" in info["source"]
    examples = _authored("sentiment_examples.jsonl")
    # Trained on exactly the authored file as it is now, each answer counting 3 times.
    assert info["answers"] == {label: n + sum(s == label for _, s in examples) for label, n in GOEMOTIONS_TRAIN.items()}
    assert info["weights"] == {"1": sum(GOEMOTIONS_TRAIN.values()), "3": len(examples)}


def test_the_authored_files_are_balanced_and_the_check_file_is_never_trained_on():
    examples, check = _authored("sentiment_examples.jsonl"), _authored("sentiment_examples_check.jsonl")
    assert 400 <= len(examples) <= 650 and 90 <= len(check) <= 120
    for rows in (examples, check):
        for label in LABELS:
            assert abs(sum(s == label for _, s in rows) / len(rows) - 1 / 3) < 0.03
    assert len({t.lower() for t, _ in examples}) == len(examples)
    assert not {t.lower() for t, _ in examples} & {t.lower() for t, _ in check}


def test_the_shipped_model_gets_most_held_out_authored_answers_right():
    # Young people's kinds of answers, written for Engage apart from the training examples
    # and never trained on. Measured: accuracy 0.762, macro-F1 0.763 (0.695 and 0.690 before
    # the authored examples were added to training).
    check = _authored("sentiment_examples_check.jsonl")
    found = sentiments([t for t, _ in check])
    accuracy = sum(s.label == label for s, (_, label) in zip(found, check)) / len(check)
    assert accuracy >= 0.75
    assert evaluate(check)["macro_f1"] >= 0.75


# A partnership's own coded answers: a small set, as it would be.
OWN_ANSWERS = [
    ("the youth club is great", "positive"), ("I love the new park", "positive"),
    ("staff are kind and helpful", "positive"), ("the trip was brilliant fun", "positive"),
    ("thank you for the workshop", "positive"), ("the mentors are amazing", "positive"),
    ("the buses are rubbish", "negative"), ("I hate the walk home", "negative"),
    ("it is scary in the park at night", "negative"), ("nothing to do, so boring", "negative"),
    ("the club is always shut, awful", "negative"), ("I feel sad at school", "negative"),
    ("I go to college by bus", "neutral"), ("I live near the station", "neutral"),
    ("we went to the workshop on Monday", "neutral"), ("I am in year 10", "neutral"),
    ("the club opens at six", "neutral"), ("my school is in town", "neutral"),
]


@pytest.fixture(scope="module")
def own_model():
    return SentimentModel.train([t for t, _ in OWN_ANSWERS], [s for _, s in OWN_ANSWERS], source="our answers")


def test_a_model_trained_on_a_partnerships_own_answers_learns_them(own_model):
    found = own_model.predict([t for t, _ in OWN_ANSWERS])
    assert sum(s.label == label for s, (_, label) in zip(found, OWN_ANSWERS)) >= 15
    assert own_model.info["source"] == "our answers"
    assert own_model.info["answers"] == {"negative": 6, "neutral": 6, "positive": 6}


def test_a_trained_model_saved_and_loaded_predicts_identically(own_model, tmp_path):
    path = tmp_path / "ours.npz"
    own_model.save(path)
    assert path.exists()  # the name given, not "ours.npz.npz"
    texts = ["the club is great", "the bus is rubbish", "I live in town", "", "not great"]
    assert SentimentModel.load(path).predict(texts) == own_model.predict(texts)
    assert sentiments(texts, model=own_model) == own_model.predict(texts)


def test_weights_of_one_change_nothing_and_are_recorded(own_model):
    texts, labels = [t for t, _ in OWN_ANSWERS], [s for _, s in OWN_ANSWERS]
    ones = SentimentModel.train(texts, labels, source="our answers", weights=[1] * len(texts))
    for name, w in own_model.weights.items():
        assert np.array_equal(ones.weights[name], w)
    assert ones.info["weights"] == {"1": 18}
    assert "weights" not in own_model.info


def test_weights_change_the_fit_but_not_the_vocabulary(own_model):
    # What weighting does for young people's answers among Reddit comments is measured on the
    # shipped model (above); on 18 answers it only has to reach the fit, not the vocabulary.
    labels = [s for _, s in OWN_ANSWERS]
    weighted = SentimentModel.train([t for t, _ in OWN_ANSWERS], labels,
                                    weights=[3.0 if s == "negative" else 1.0 for s in labels])
    assert weighted.words.terms == own_model.words.terms and weighted.chars.terms == own_model.chars.terms
    assert np.array_equal(weighted.words.idf, own_model.words.idf)
    assert not np.array_equal(weighted.weights["words"], own_model.weights["words"])
    assert weighted.info["weights"] == {"1": 12, "3": 6}
    assert weighted.info["answers"] == {"negative": 6, "neutral": 6, "positive": 6}


@pytest.mark.parametrize(("weights", "message"), [
    ([1.0] * 17, "18 answers but 17 weights"),
    ([1.0] * 17 + [0.0], "each weight must be a number above 0"),
    ([1.0] * 17 + [float("nan")], "each weight must be a number above 0"),
])
def test_training_refuses_weights_that_do_not_fit(weights, message):
    with pytest.raises(ValueError, match=message):
        SentimentModel.train([t for t, _ in OWN_ANSWERS], [s for _, s in OWN_ANSWERS], weights=weights)


def test_training_refuses_an_unknown_label():
    with pytest.raises(ValueError, match="unknown sentiment 'happy'"):
        SentimentModel.train(["a", "b", "c"], ["positive", "happy", "negative"])


def test_training_needs_some_answers_of_every_label():
    texts = [t for t, s in OWN_ANSWERS if s != "neutral"] + ["I live in town"]
    labels = [s for _, s in OWN_ANSWERS if s != "neutral"] + ["neutral"]
    with pytest.raises(ValueError, match=r"at least 3 answers of each label; too few: neutral \(1\)"):
        SentimentModel.train(texts, labels)


def test_a_file_that_is_not_a_model_is_refused_with_its_name(tmp_path):
    path = tmp_path / "notes.npz"
    path.write_text("not a model", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.npz is not an Engage sentiment model"):
        SentimentModel.load(path)
    other = tmp_path / "other.npz"
    np.savez(other, weights=np.zeros(3))
    with pytest.raises(ValueError, match="other.npz is not an Engage sentiment model"):
        SentimentModel.load(other)


def test_a_model_file_with_weights_missing_is_refused(tmp_path):
    whole = io.BytesIO()
    default_model().save(whole)
    whole.seek(0)
    with np.load(whole, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files if name != "w_chars"}
    damaged = tmp_path / "damaged.npz"
    np.savez_compressed(damaged, **arrays)
    with pytest.raises(ValueError, match="damaged.npz is a damaged sentiment model"):
        SentimentModel.load(damaged)


def test_evaluate_reports_macro_f1_and_each_label():
    rows = [("I love the new skate park", "positive"), ("school is awful", "negative"),
            ("I go to school by bus", "neutral"), ("I love the new skate park", "negative")]
    report = evaluate(rows)
    assert report["n"] == 4
    assert report["per_label"]["positive"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "n": 1}
    assert report["per_label"]["negative"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "n": 2}
    assert report["macro_f1"] == round((2 / 3 + 2 / 3 + 1) / 3, 4)
    assert report["answers_per_second"] > 0


def test_macro_f1_counts_a_label_never_predicted_as_zero():
    assert macro_f1(np.array([0, 1, 2]), np.array([0, 1, 1])) == pytest.approx((1 + 2 / 3 + 0) / 3)


def test_reading_answers_needs_no_scikit_learn():
    # Only training needs it; the engage package itself brings in Flask, so that is not checked here.
    code = (
        "import sys; from engage.analysis.sentiment import sentiment; sentiment('great'); "
        "bad = [m for m in ('sklearn', 'nltk', 'textblob') if m in sys.modules]; "
        "sys.exit(' '.join(bad) or None)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
