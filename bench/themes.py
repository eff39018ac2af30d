"""How well the theme tagger agrees with NHS analysts' coding, and how fast it is.

    .venv/bin/python bench/themes.py

Runs the two protocols of ../shared/data/README.md on themes-nhs-v6 (full:
train -> test; few-shot: about 25 coded answers per theme) through the same
code as ``engage themes eval``, then times tagging with sentiment, the way a new
answer is analysed. Prints numbers; asserts nothing. The data are for
evaluation only: nothing shipped was trained on them.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engage.analysis.themes.evaluation import evaluate  # noqa: E402
from engage.analysis.themes.tagger import Tagger  # noqa: E402
from shared_data import shared_data  # noqa: E402

REFERENCE = {"full": 0.316, "few-shot": 0.18}  # pxtextmining's SVC, from the data README
GOAL = {"full": 0.60, "few-shot": 0.45}


def load(path: Path) -> list[tuple[str, list[str]]]:
    return [(row["text"], row["themes"]) for row in map(json.loads, path.open(encoding="utf-8"))]


def tagging_speed(train: list, texts: list[str]) -> dict[str, float]:
    tagger = Tagger.train(train)
    started = time.perf_counter()
    tagger.tag_many(texts)
    themes_only = len(texts) / (time.perf_counter() - started)
    try:
        from engage.analysis.sentiment import sentiments
    except ImportError:
        return {"themes_per_second": round(themes_only)}
    sentiments(texts[:10])  # load the model outside the timing
    started = time.perf_counter()
    tagger.tag_many(texts)
    sentiments(texts)
    both = len(texts) / (time.perf_counter() - started)
    return {"themes_per_second": round(themes_only), "themes_and_sentiment_per_second": round(both)}


def main() -> None:
    folder = shared_data("themes-nhs-v6") / "themes-nhs-v6"
    for name, train_file, test_file in (("full", "train", "test"),
                                        ("few-shot", "fewshot-train", "fewshot-test")):
        train, test = load(folder / f"{train_file}.jsonl"), load(folder / f"{test_file}.jsonl")
        result = evaluate(train, test)
        worst = sorted(result["per_theme"].items(), key=lambda item: item[1]["f1"])[:5]
        print(f"{name:9} macro-F1 {result['macro_f1']:.3f} (goal {GOAL[name]}, pxtextmining SVC "
              f"{REFERENCE[name]})  micro-F1 {result['micro_f1']:.3f}  train {result['train_seconds']:.1f} s "
              f"on {len(train)} answers, {result['themes']} themes")
        print("          weakest: " + "; ".join(f"{t} {v['f1']:.2f}" for t, v in worst))
    texts = [text for text, _ in load(folder / "fewshot-test.jsonl")]
    print(json.dumps({"answers": len(texts), **tagging_speed(load(folder / "train.jsonl"), texts)}))


if __name__ == "__main__":
    main()
