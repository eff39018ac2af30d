"""How well a tagger agrees with people's coding: precision, recall and F1 per theme."""
from __future__ import annotations

from collections.abc import Iterable, Sequence


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def agreement(truth: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]],
              themes: Sequence[str]) -> dict:
    """Macro and micro F1 over ``themes`` plus each theme's figures.

    A theme nobody used and the tagger never gave scores 0 in the macro average,
    as scikit-learn's ``zero_division=0`` does, so a report cannot look better by
    listing themes that never occur.
    """
    if len(truth) != len(predicted):
        raise ValueError("truth and predicted must be the same length")
    counts = {t: [0, 0, 0] for t in themes}  # true positive, false positive, false negative
    exact = 0
    for want, got in zip(truth, predicted):
        want, got = set(want) & counts.keys(), set(got) & counts.keys()
        exact += want == got
        for t in got & want:
            counts[t][0] += 1
        for t in got - want:
            counts[t][1] += 1
        for t in want - got:
            counts[t][2] += 1
    per_theme = {}
    for t, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_theme[t] = {"precision": round(precision, 4), "recall": round(recall, 4),
                        "f1": round(_f1(precision, recall), 4), "support": tp + fn}
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    micro_p = tp / (tp + fp) if tp + fp else 0.0
    micro_r = tp / (tp + fn) if tp + fn else 0.0
    macro = sum(p["f1"] for p in per_theme.values()) / len(per_theme) if per_theme else 0.0
    return {"macro_f1": round(macro, 4), "micro_f1": round(_f1(micro_p, micro_r), 4),
            "micro_precision": round(micro_p, 4), "micro_recall": round(micro_r, 4),
            "exact_match": round(exact / len(truth), 4) if truth else 0.0,
            "answers": len(truth), "per_theme": per_theme}
