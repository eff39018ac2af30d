"""Train on one set of coded answers, tag another, and say how well the tagger agreed."""
from __future__ import annotations

from collections.abc import Sequence
from time import perf_counter

from engage.analysis.themes.scoring import agreement
from engage.analysis.themes.tagger import Tagger


def evaluate(train: Sequence[tuple[str, Sequence[str]]],
             test: Sequence[tuple[str, Sequence[str]]]) -> dict:
    """Macro/micro F1 over the themes of ``train``, per-theme figures and timings.

    The themes' own names join the examples, as a taxonomy's names do when a
    partnership trains its tagger: "Transport to/ from services" is evidence for
    its theme.
    """
    themes = sorted({t for _, labels in train for t in labels})
    started = perf_counter()
    tagger = Tagger.train([*train, *((t, [t]) for t in themes)])
    trained = perf_counter()
    tags = tagger.tag_many([text for text, _ in test])
    tagged = perf_counter()
    result = agreement([labels for _, labels in test],
                       [[tag.theme for tag in found] for found in tags], themes)
    return result | {
        "themes": len(themes), "train_answers": len(train),
        "train_seconds": round(trained - started, 3),
        "tag_seconds": round(tagged - trained, 3),
        "answers_per_second": round(len(test) / max(tagged - trained, 1e-9)),
    }
