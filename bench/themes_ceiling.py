"""How far the theme tagger's scores could go, and how consistently the analysts coded.

    .venv/bin/python bench/themes_ceiling.py

For both protocols of ``themes-nhs-v6`` (../shared/data/README.md) it trains the
tagger as ``engage themes eval`` does, then prints:

- macro-F1 at the shipped threshold, as ``bench/themes.py`` reports it;
- macro-F1 with the best threshold for each theme chosen **on the test answers
  themselves**: no honest setting can do better with these scores, so this is an
  upper bound on anything calibration could bring (thresholds, prior correction,
  per-theme weights), with and without the rule that non-answers get no theme;
- how often the analysts gave the same codes to the same words: every text
  (lower-cased, punctuation removed) that occurs more than once across the train
  and test files, non-answers left out, compared pair by pair.

Prints numbers; asserts nothing. The data are for evaluation only.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engage.analysis.themes.non_answers import is_non_answer  # noqa: E402
from engage.analysis.themes.scoring import agreement  # noqa: E402
from engage.analysis.themes.tagger import THRESHOLD, Tagger  # noqa: E402
from shared_data import shared_data  # noqa: E402

THRESHOLDS = np.linspace(-1.5, 1.5, 61)


def load(path: Path) -> list[tuple[str, list[str]]]:
    return [(row["text"], row["themes"]) for row in map(json.loads, path.open(encoding="utf-8"))]


def best_f1(scores: np.ndarray, truth: np.ndarray) -> float:
    """The best F1 any threshold on one theme's scores gives."""
    best = 0.0
    for threshold in THRESHOLDS:
        chosen = scores > threshold
        both = int((chosen & truth).sum())
        best = max(best, 2 * both / max(int(chosen.sum() + truth.sum()), 1))
    return best


def ceiling(train: list, test: list) -> dict:
    themes = sorted({t for _, labels in train for t in labels})
    tagger = Tagger.train([*train, *((t, [t]) for t in themes)])
    scores = tagger.scores([text for text, _ in test])
    columns = [themes.index(t) for t in tagger._trained]
    truth = np.array([[t in labels for t in themes] for _, labels in test])[:, columns]
    shipped = agreement([labels for _, labels in test],
                        [[tag.theme for tag in found]
                         for found in tagger.tag_many([text for text, _ in test])], themes)
    suppressed = scores.copy()
    suppressed[[is_non_answer(text) for text, _ in test]] = -np.inf
    missing = len(themes) - len(columns)  # a theme with no model scores 0 in the macro average
    per_theme = lambda s: sum(best_f1(s[:, j], truth[:, j]) for j in range(s.shape[1]))
    return {"themes": len(themes), "at_threshold": shipped["macro_f1"], "threshold": THRESHOLD,
            "best_per_theme_threshold": round(per_theme(suppressed) / (len(columns) + missing), 3),
            "best_per_theme_threshold_non_answers_scored": round(
                per_theme(scores) / (len(columns) + missing), 3)}


def analyst_consistency(rows: list[tuple[str, list[str]]], min_words: int) -> dict:
    coded = defaultdict(list)
    for text, labels in rows:
        plain = re.sub(r"\W+", " ", text.lower()).strip()
        if len(plain.split()) >= min_words and not is_non_answer(plain):
            coded[plain].append(frozenset(labels))
    pairs = [pair for codes in coded.values() for pair in combinations(codes, 2)]
    shared = sum(len(a & b) for a, b in pairs)
    given = sum(len(a) + len(b) for a, b in pairs)
    return {"min_words": min_words, "texts": sum(len(c) > 1 for c in coded.values()),
            "pairs": len(pairs), "same_codes": sum(a == b for a, b in pairs),
            "code_f1": round(2 * shared / given, 3) if given else None}


def main() -> None:
    folder = shared_data("themes-nhs-v6") / "themes-nhs-v6"
    for name, train_file, test_file in (("full", "train", "test"),
                                        ("few-shot", "fewshot-train", "fewshot-test")):
        found = ceiling(load(folder / f"{train_file}.jsonl"), load(folder / f"{test_file}.jsonl"))
        print(f"{name:9} macro-F1 {found['at_threshold']:.3f} at the shipped threshold; "
              f"{found['best_per_theme_threshold']:.3f} with each theme's best threshold chosen on "
              f"the test answers ({found['best_per_theme_threshold_non_answers_scored']:.3f} if "
              f"non-answers may take a theme)")
        print(json.dumps({"protocol": name, **found}))
    rows = load(folder / "train.jsonl") + load(folder / "test.jsonl")
    for min_words in (1, 3, 5):
        found = analyst_consistency(rows, min_words)
        print(f"analysts, same text of >= {min_words} words coded twice: {found['pairs']} pairs "
              f"from {found['texts']} texts, same codes in {found['same_codes']} "
              f"({found['same_codes'] / max(found['pairs'], 1):.0%}), codes' F1 {found['code_f1']}")


if __name__ == "__main__":
    main()
