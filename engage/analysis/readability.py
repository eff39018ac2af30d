"""How easy text is to read: Flesch Reading Ease and the Flesch–Kincaid grade.

The syllable counter is the usual vowel-group rule with fixes for silent
endings ("make", "names", "asked"); on words it cannot know ("safeguarding")
it counts more rather than fewer, so the grade it gives errs high. Numbers
("0800 1111", "16") are not counted as words. ``bench/readability.py`` uses
this on whole pages; the action register uses ``reading_age`` as a hint.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# "ia", "io" are two sounds (area, radio), except in -tion, -sion, -cian, -gion, -cious.
_TWO_SOUNDS = re.compile(r"(?<![tscg])i[ao]")


def syllables(word: str) -> int:
    """Syllables in one English word, by vowel groups with common exceptions."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(w)) + len(_TWO_SOUNDS.findall(w))
    if w.endswith("e") and not w.endswith(("ee", "ye")) and not re.search(r"[^aeiouy]le$", w):
        count -= 1  # make, delete; but little, free
    elif re.search(r"[^aeiouysxzcgh]es$", w):
        count -= 1  # names, lives; but places, changes, boxes
    elif re.search(r"[^aeiouytd]ed$", w):
        count -= 1  # asked, named; but wanted, needed, worried
    return max(1, count)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words

    @property
    def reading_ease(self) -> float:
        """Flesch (1948): 206.835 − 1.015 × words/sentence − 84.6 × syllables/word."""
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def grade(self) -> float:
        """Flesch–Kincaid (1975): 0.39 × words/sentence + 11.8 × syllables/word − 15.59."""
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59


def sentences_of(blocks: list[str]) -> list[str]:
    found = []
    for block in blocks:
        found += [s for s in _SENTENCE_END.split(block) if _WORD.search(s)]
    return found


def measure(blocks: list[str]) -> Readability:
    sentences = sentences_of(blocks)
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        raise ValueError("no words to measure")
    return Readability(
        words=len(words), sentences=len(sentences), syllables=sum(syllables(w) for w in words)
    )


def reading_age(text: str) -> int | None:
    """About the age a reader needs to follow ``text`` easily: Flesch–Kincaid grade + 5.

    A hint for the person writing, not a rule: it counts syllables and
    sentence length, not whether the words are familiar. None with no words.
    Each line is read as its own block, as a heading or list item is.
    """
    try:
        return max(5, round(measure(text.splitlines()).grade + 5))
    except ValueError:
        return None
