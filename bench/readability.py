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

import sys
from html.parser import HTMLParser

from engage.analysis.readability import Readability, measure, sentences_of, syllables  # noqa: F401

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "label", "legend", "button", "div"}


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
