"""Whether an answer is written in one of Engage's other languages rather than English.

The sentiment model reads English only: a Polish complaint reads as "neutral" to it,
and would pull a theme's sentiment split towards neutral on the board's pages. An
answer this module places in another language keeps its themes but gets no sentiment
("Not known"), so it is left out of the split instead of counted wrongly.

It decides from the words every sentence needs (Polish "nie", "się"; Romanian "nu",
"și"; Welsh "mae", "yn"; Urdu in Roman letters "hai", "nahi"), weighed against
English ones, and from Arabic script. It errs towards English: an answer it is not
sure of is read by the sentiment model as before.
"""
from __future__ import annotations

import re

from engage.analysis.disclosure_languages import arabic_script_language, has_arabic_script, without_accents

_WORD = re.compile(r"[a-z]+")
_LINK = re.compile(r"\S+://\S+|&\S+;")

# Words that only the language uses, written without accents; none is an English word.
_FUNCTION_WORDS = {
    "pl": frozenset(
        "nie sie jest ze jak mnie czy juz sa byc dla tylko bardzo moj moja nas jestem "
        "chce chcemy szkole szkola nic kto gdzie kiedy przez oraz jestesmy mozna trzeba wiecej duzo".split()
    ),
    "ro": frozenset(
        "nu si este sunt pentru foarte vreau avem nimic mereu noi sa cu mai sau dar prea "
        "nostru noastra trebuie poate acasa scoala vrem un de".split()
    ),
    "cy": frozenset(
        "mae yn ddim dw nhw gyda fy ein hefyd iawn oes angen eisiau yw ydy roedd wedi gallu mwy "
        "pobl ifanc ysgol".split()
    ),
    "ur": frozenset("hai hain nahi nahin mein aur bhi tha kya mujhe bohat bahut hota karte chahiye".split()),
}
_ALL_FUNCTION_WORDS = frozenset().union(*_FUNCTION_WORDS.values())
_ENGLISH = frozenset(
    "the and is are to of in it that we you my i for on with this not they be have was do so but at there "
    "a an our no more what when like get go can will would should because".split()
)


def is_function_word(word: str) -> bool:
    """A little word of Polish, Romanian, Welsh or Roman Urdu ("się", "și", "mae", "hai"):
    grammar, not content, so never a key word of an emerging theme."""
    return without_accents(word) in _ALL_FUNCTION_WORDS


def other_language(text: str | None) -> str | None:
    """The code of the other language the answer is written in ("pl", "ur", ...), or None for English or unsure."""
    if not text:
        return None
    if has_arabic_script(text):
        letters = sum(1 for c in text if c.isalpha())
        arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
        return arabic_script_language(text) if arabic * 2 >= letters else None
    text = _LINK.sub(" ", text)
    words = _WORD.findall(without_accents(text))
    english = sum(1 for w in words if w in _ENGLISH)
    best, hits = None, 0
    for code, function_words in _FUNCTION_WORDS.items():
        found = sum(1 for w in words if w in function_words)
        if found > hits:
            best, hits = code, found
    if hits >= 2 and hits > english:
        return best
    if hits >= 1 and english == 0 and len(words) <= 6:  # "Autobusy się spóźniają"
        return best
    return None
