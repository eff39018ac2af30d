"""Answers that are not answers ("n/a", "nothing", "did not answer"): never a theme."""
from __future__ import annotations

import re

NON_ANSWERS = frozenset(
    {"n a", "na", "none", "nothing", "no", "nope", "not sure", "unsure", "no comment",
     "no comments", "nothing really", "not really", "no idea", "nothing to add", "nothing else",
     "no thanks", "no thank you", "pass", "skip", "test", "dont know", "don t know", "idk",
     "did not answer", "didnt answer", "no answer", "not answered", "not applicable", "no response",
     "left blank", "blank", "nothing to say", "nothing at all", "no nothing", "nothing much",
     "nothing much to say", "nothing much to say really", "nothing really to say", "not much",
     "not much to say", "cant think of anything", "can t think of anything", "nothing to report",
     "no comment really", "none really", "nothing thanks", "no thanks", "nope nothing"}
)
_WORD = re.compile(r"[a-z]+")


def words_of(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped ("don't" is "dont")."""
    return _WORD.findall(text.lower().replace("’", "'").replace("'", ""))


def is_non_answer(text: str) -> bool:
    return " ".join(words_of(text)) in NON_ANSWERS
