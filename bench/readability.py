"""How easy a page is to read: Flesch Reading Ease and Flesch–Kincaid grade.

    .venv/bin/python bench/readability.py [/privacy ...]

Renders each page (default: the young people's privacy page) as a browser
would get it, takes the words inside ``<main>``, and prints words, sentences,
syllables, Flesch Reading Ease (higher is easier; 90–100 is "very easy", for
about 11-year-olds) and the Flesch–Kincaid US grade (grade 4 is age 9–10).

The syllable counter is the usual vowel-group rule with fixes for silent
endings ("make", "names", "asked"); on words it cannot know ("safeguarding")
it counts more rather than fewer, so the grade it gives errs high. A heading
or list item is a sentence of its own, as a reader takes it. Numbers ("0800
1111", "16") are not counted as words.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "label", "legend", "button", "div"}
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


class _MainText(HTMLParser):
    """The text inside <main>, one string per block (paragraph, list item, heading)."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <main> when > 0
        self.skipping = 0  # inside <script> or <style>
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skipping += 1
        elif tag in BLOCKS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag == "main":
            self._end_block()
            self.depth -= 1
        elif tag in ("script", "style"):
            self.skipping -= 1
        elif tag in BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.current.append(data)

    def _end_block(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def main_text(html: str) -> list[str]:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def page_readability(html: str) -> Readability:
    return measure(main_text(html))


def _render(paths: list[str]) -> dict[str, str]:
    import os
    import tempfile

    from engage import create_app
    from engage.config import TestConfig

    with tempfile.TemporaryDirectory() as folder:
        os.environ["ENGAGE_INSTANCE_PATH"] = folder  # touch nothing outside it
        app = create_app(
            {
                **{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/engage.db",
            }
        )
        client = app.test_client()
        pages = {}
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path}: status {response.status_code}")
            pages[path] = response.get_data(as_text=True)
        return pages


def main(paths: list[str]) -> None:
    for path, html in _render(paths).items():
        r = page_readability(html)
        print(
            f"{path}: {r.words} words, {r.sentences} sentences, {r.syllables} syllables; "
            f"{r.words_per_sentence:.1f} words/sentence, {r.syllables_per_word:.2f} syllables/word; "
            f"Flesch Reading Ease {r.reading_ease:.1f}, Flesch–Kincaid grade {r.grade:.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["/privacy"])
