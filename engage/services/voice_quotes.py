"""Choosing two or three quotes per theme that show the range of what young people said.

Candidates arrive already scrubbed (names, contact details and local places
replaced) and never flagged. The choice: first the most typical answer of the
theme's most common sentiment, then one from each other sentiment, each the
most different in wording from those already chosen; then, if places are
left, the answers most different from the chosen ones. Wording is compared as
sets of words (Jaccard), which is enough to keep near-repeats out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from engage.analysis.themes.non_answers import is_non_answer, words_of
from engage.services.live import STOP_WORDS

MAX_QUOTES = 3
MIN_WORDS = 4  # of the young person's own, placeholders not counted
MIN_CHARACTERS = 20
MAX_CHARACTERS = 280
NEAR_REPEAT = 0.7  # word overlap above which a second answer adds nothing
_PLACEHOLDER = re.compile(r"\[(?:email|link|handle|phone|postcode|address|place|name)\]")


@dataclass(frozen=True)
class Candidate:
    text: str  # scrubbed
    sentiment: str
    consultation_title: str

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for w in words_of(_PLACEHOLDER.sub(" ", self.text)) if w not in STOP_WORDS)


def quotable(text: str) -> str | None:
    """The scrubbed answer as a quote, or None when it is too short, a non-answer or mostly placeholders."""
    text = " ".join(text.split())
    own = words_of(_PLACEHOLDER.sub(" ", text))
    if len(text) < MIN_CHARACTERS or len(own) < MIN_WORDS or is_non_answer(text):
        return None
    return shorten(text)


def shorten(text: str, limit: int = MAX_CHARACTERS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence >= limit // 2:
        return cut[: sentence + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def choose(candidates: Sequence[Candidate], sentiment_order: Sequence[str], limit: int = MAX_QUOTES) -> list[Candidate]:
    """Up to ``limit`` quotes: one per sentiment (in ``sentiment_order``, most common first), then the most different."""
    pool = _unique(candidates)
    chosen: list[Candidate] = []
    for sentiment in sentiment_order:
        if len(chosen) >= limit:
            break
        same = [c for c in pool if c.sentiment == sentiment and c not in chosen]
        best = _most_typical(same) if not chosen else _most_different(same, chosen)
        if best is not None:
            chosen.append(best)
    while len(chosen) < limit:
        best = _most_different([c for c in pool if c not in chosen], chosen)
        if best is None:
            break
        chosen.append(best)
    return chosen


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _unique(candidates: Sequence[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        key = " ".join(words_of(candidate.text))
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _most_typical(pool: Sequence[Candidate]) -> Candidate | None:
    """The answer sharing most wording with the others: the common view, in one young person's words."""
    if not pool:
        return None
    words = [c.words for c in pool]
    scores = [sum(similarity(w, other) for other in words) for w in words]
    return pool[max(range(len(pool)), key=lambda i: (scores[i], -i))]


def _most_different(pool: Sequence[Candidate], chosen: Sequence[Candidate]) -> Candidate | None:
    """The answer least like any already chosen; None if every one nearly repeats a chosen one."""
    if not chosen:
        return _most_typical(pool)
    best, best_distance = None, 1.0 - NEAR_REPEAT
    for candidate in pool:
        closest = max(similarity(candidate.words, c.words) for c in chosen)
        if 1.0 - closest > best_distance:
            best, best_distance = candidate, 1.0 - closest
    return best
