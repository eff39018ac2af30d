"""What a partnership's tagger learns from: its taxonomy, people's reviews, and everyday talk."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files

from engage.analysis.themes.taxonomy import Taxonomy


@cache
def no_theme_examples() -> tuple[str, ...]:
    """Everyday answers that fit no theme (``data/no_theme_examples.txt``, written by the project)."""
    text = files("engage.analysis").joinpath("data/no_theme_examples.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def examples_for(taxonomy: Taxonomy,
                 reviewed: Iterable[tuple[str, Sequence[str]]] = ()) -> list[tuple[str, list[str]]]:
    """The taxonomy's examples, each theme's name and description, answers that fit no
    theme, then every answer people reviewed (their decision wins: it comes last and
    is the partnership's own coding)."""
    examples = taxonomy.training_examples()
    for theme in taxonomy.themes:
        examples += [(theme.name, [theme.key]), (theme.description, [theme.key])]
    examples += [(text, []) for text in no_theme_examples()]
    return examples + [(text, list(themes)) for text, themes in reviewed]
