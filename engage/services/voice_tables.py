"""One labelled table of a voice summary, protected as a whole."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from engage.analysis.suppression import count_cell, percent, protect
from engage.services.voice_model import Row


def table_rows(labels: list[tuple[str, str]], counts: Counter, threshold: int, keys: Sequence | None = None,
               base: int | None = None) -> tuple[Row, ...]:
    """Rows of one protected table; ``keys`` when the counter's keys differ from the row keys."""
    keys = list(keys) if keys is not None else [key for key, _ in labels]
    table = protect([counts[k] for k in keys], threshold, base=base)
    total = count_cell(base, threshold) if base is not None else table.total
    return tuple(
        Row(key, label, cell, percent(cell, total)) for (key, label), cell in zip(labels, table.cells)
    )
