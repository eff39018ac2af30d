"""How well the shipped sentiment model does on GoEmotions' dev split, and how fast.

    .venv/bin/python bench/sentiment.py [--train] [--cv]

Prints one JSON object: macro-F1 and per-label scores on dev (the same as
``engage sentiment eval --test .../dev.jsonl``), answers per second in one batch
and one answer at a time, and two lexicon baselines (TextBlob polarity and VADER
compound, each with the usual cut-offs). ``--train`` also retrains from
train.jsonl, times it and checks the result predicts exactly what the shipped
file does; ``--cv`` adds 5-fold cross-validation on train.jsonl (slow). Nothing
is tuned on dev. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engage.analysis.sentiment import (  # noqa: E402
    LABELS,
    SentimentModel,
    default_model,
    evaluate,
    macro_f1,
    sentiment,
)
from shared_data import shared_data  # noqa: E402

GOAL = {"macro_f1": 0.70, "answers_per_second": 2000}


def load(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [(row["text"], row["sentiment"]) for row in map(json.loads, lines) if row]


def one_at_a_time(texts: list[str]) -> int:
    started = time.perf_counter()
    for text in texts:
        sentiment(text)
    return round(len(texts) / (time.perf_counter() - started))


def lexicon_baseline(name: str, rows: list[tuple[str, str]], polarity, cut: float) -> dict:
    import numpy as np

    started = time.perf_counter()
    scores = [polarity(text) for text, _ in rows]
    seconds = time.perf_counter() - started
    predicted = np.array([0 if s < -cut else 2 if s > cut else 1 for s in scores])
    truth = np.array([LABELS.index(label) for _, label in rows])
    return {"baseline": name, "macro_f1": round(macro_f1(truth, predicted), 4),
            "answers_per_second": round(len(rows) / seconds)}


def baselines(rows: list[tuple[str, str]]) -> list[dict]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    found = [lexicon_baseline("VADER compound, ±0.05", rows, lambda t: vader.polarity_scores(t)["compound"], 0.05)]
    try:
        from textblob import TextBlob
    except ImportError:
        found.append({"baseline": "TextBlob polarity, ±0.1", "error": "textblob is not installed"})
    else:
        found.insert(0, lexicon_baseline("TextBlob polarity, ±0.1", rows, lambda t: TextBlob(t).sentiment.polarity, 0.1))
    return found


def retrain(train: list[tuple[str, str]], dev: list[tuple[str, str]]) -> dict:
    started = time.perf_counter()
    model = SentimentModel.train([t for t, _ in train], [s for _, s in train], source="bench")
    seconds = time.perf_counter() - started
    texts = [t for t, _ in dev]
    return {"seconds": round(seconds, 1),
            "same_as_shipped_on_dev": model.predict(texts) == default_model().predict(texts)}


def cross_validate(train: list[tuple[str, str]], folds: int = 5) -> dict:
    from sklearn.model_selection import StratifiedKFold

    texts, labels = [t for t, _ in train], [s for _, s in train]
    scores = []
    for fit, held in StratifiedKFold(folds, shuffle=True, random_state=42).split(texts, labels):
        model = SentimentModel.train([texts[i] for i in fit], [labels[i] for i in fit])
        scores.append(evaluate([train[i] for i in held], model)["macro_f1"])
    return {"folds": folds, "macro_f1": round(sum(scores) / folds, 4), "each": scores}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="also retrain from train.jsonl and time it")
    parser.add_argument("--cv", action="store_true", help="also 5-fold cross-validation on train.jsonl")
    options = parser.parse_args()

    folder = shared_data("sentiment-goemotions") / "sentiment-goemotions"
    dev = load(folder / "dev.jsonl")
    default_model()  # read the file before the clock starts
    report = {"data": str(folder / "dev.jsonl"), "goal": GOAL, "model": evaluate(dev)}
    report["model"]["answers_per_second_one_at_a_time"] = one_at_a_time([t for t, _ in dev])
    report["baselines"] = baselines(dev)
    if options.train or options.cv:
        train = load(folder / "train.jsonl")
        if options.train:
            report["training"] = retrain(train, dev)
        if options.cv:
            report["cross_validation_on_train"] = cross_validate(train)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
