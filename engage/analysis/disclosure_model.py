"""A second ear for the disclosure check: words that sound like the ways children tell.

The lexicon (``safeguarding``) hears what it was taught, and children's own
phrasing that it had not seen was noticed 43 times in 100 (README: Help at
once). This model hears what is *like* the project's examples of children
telling: a logistic regression over words, word pairs and the letters inside
words (as the sentiment model reads them), trained on the project's own
examples against everyday answers, patients' comments and Reddit comments that
tell of nothing. It speaks only when the lexicon found nothing, only for an
answer of ``MIN_WORDS`` words or more, and only when it is sure
(``THRESHOLD``): a flagged answer leaves the board's reports.

The model is a plain file (compressed NumPy arrays and a JSON header, read with
``allow_pickle=False``). How the shipped one was built is in ``data/README.md``;
``engage safeguarding train`` builds another.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from os import PathLike
from typing import Any, BinaryIO

import numpy as np

from engage.analysis.sentiment import (
    _char_grams, _Vocabulary, _word_grams, read_arrays, vocabularies, vocabulary_arrays, write_arrays,
)

MODEL_FILE = "disclosure_model.npz"
FORMAT, FORMAT_VERSION = "engage-disclosure", 1
THRESHOLD = 0.95
MIN_WORDS = 5

# Words that weigh in every answer about oneself: not what a lead needs to see.
_LITTLE_WORDS = frozenset("i im me my mine myself you your we us our a an the and or but so to of in on at for with "
                          "is are was were be been it its this that when if then just really very get got".split())


class DisclosureModel:
    """Two vocabularies and their weights: ``probability`` needs nothing else."""

    def __init__(self, *, words: _Vocabulary, chars: _Vocabulary, w_words: np.ndarray, w_chars: np.ndarray,
                 intercept: float, info: dict[str, Any]) -> None:
        if w_words.shape != (len(words.terms),) or w_chars.shape != (len(chars.terms),):
            raise ValueError("one weight for each term")
        self.words, self.chars, self.info = words, chars, info
        self.w_words = np.asarray(w_words, dtype=np.float32)
        self.w_chars = np.asarray(w_chars, dtype=np.float32)
        self.intercept = float(intercept)
        # Arithmetic in float64 on the float32 weights that are saved, converted once rather than per answer.
        self._w_words, self._w_chars = self.w_words.astype(np.float64), self.w_chars.astype(np.float64)

    def probability(self, reading: str) -> float:
        """How surely ``reading`` (the check's canonical text) sounds like a disclosure, 0 to 1."""
        return float(self.probabilities([reading])[0])

    def probabilities(self, readings: Sequence[str]) -> np.ndarray:
        x_words = self.words.matrix([_word_grams(r) for r in readings])
        x_chars = self.chars.matrix([_char_grams(r) for r in readings])
        z = x_words @ self._w_words + x_chars @ self._w_chars + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def weighed_most(self, reading: str, n: int = 3) -> list[str]:
        """The words of ``reading`` that pushed the most towards a disclosure: what the lead is shown."""
        x = self.words.matrix([_word_grams(reading)])
        pushes = {self.words.terms[i]: v * self.w_words[i] for i, v in zip(x.indices, x.data)}
        telling = [t.removeprefix("NEG_") for t, v in sorted(pushes.items(), key=lambda kv: -kv[1]) if v > 0]
        return [t for t in telling if not set(t.split()) <= _LITTLE_WORDS][:n]

    # -- files

    def save(self, path: str | PathLike[str] | BinaryIO) -> None:
        write_arrays(path, {"format": FORMAT, "version": FORMAT_VERSION, **self.info}, {
            **vocabulary_arrays(self.words, self.chars),
            "w_words": self.w_words, "w_chars": self.w_chars, "intercept": np.array([self.intercept]),
        })

    @classmethod
    def load(cls, path: str | PathLike[str] | BinaryIO) -> DisclosureModel:
        """Read a file written by ``save``; ``ValueError`` if it is not one."""
        try:
            header, arrays = read_arrays(path)
            if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
                raise ValueError("not this format or version")
            words, chars = vocabularies(arrays)
            return cls(
                words=words, chars=chars,
                w_words=arrays["w_words"], w_chars=arrays["w_chars"], intercept=float(arrays["intercept"][0]),
                info={k: v for k, v in header.items() if k not in ("format", "version")},
            )
        except (KeyError, ValueError) as error:
            raise ValueError(f"{getattr(path, 'name', path)} is not an Engage disclosure model ({error})") from None

    # -- training

    @classmethod
    def train(cls, readings: Sequence[str], labels: Sequence[int], *, c: float = 10.0,
              source: str = "") -> DisclosureModel:
        """Fit on canonical readings (``safeguarding.reading``) labelled 1 (tells of harm) or 0."""
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        word_grams = [_word_grams(r) for r in readings]
        char_grams = [_char_grams(r) for r in readings]
        words, chars = _Vocabulary.fit(word_grams, min_df=1), _Vocabulary.fit(char_grams, min_df=2)
        x = hstack([words.matrix(word_grams), chars.matrix(char_grams)]).tocsr()
        y = np.asarray(labels, dtype=np.int64)
        fitted = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, y)
        weights = fitted.coef_[0]
        return cls(words=words, chars=chars, w_words=weights[:len(words.terms)], w_chars=weights[len(words.terms):],
                   intercept=float(fitted.intercept_[0]),
                   info={"c": c, "trained_on": int(len(y)), "disclosures": int(y.sum()), "source": source})


@lru_cache(maxsize=1)
def default_model() -> DisclosureModel:
    with resources.files("engage.analysis").joinpath(f"data/{MODEL_FILE}").open("rb") as data:
        return DisclosureModel.load(data)


# What the shipped model learns from (data/README.md): the project's own words, and ordinary text
# from two openly licensed sets that tells of nothing (a random sample, the same each time).
ORDINARY_COMMENTS, ORDINARY_PATIENTS = 5000, 3000


def training_set(goemotions_train: str | PathLike[str], nhs_train: str | PathLike[str],
                 seed: int = 1) -> tuple[list[str], list[int]]:
    """Texts and labels: the project's examples and children's words, against everyday text.

    ``goemotions_train`` is GoEmotions' training split grouped by sentiment (Apache-2.0):
    its neutral and positive comments are taken as ordinary; ``nhs_train`` the NHS
    Friends and Family Test training answers (MIT). The project's young people's
    answers of the sentiment examples count as ordinary unless the lexicon hears harm,
    and so do its everyday answers about home and family (``everyday_home.txt``).
    """
    import random

    from engage.analysis.safeguarding import possible_disclosure

    def project(name: str) -> list[dict]:
        text = resources.files("engage.analysis").joinpath(f"data/{name}").read_text("utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    def lines(path) -> list[dict]:
        with open(path, encoding="utf-8") as rows:
            return [json.loads(line) for line in rows if line.strip()]

    told = project("disclosure_examples.jsonl") + project("disclosure_children.jsonl")
    texts = [r["text"] for r in told]
    labels = [int(r["disclosure"]) for r in told]
    everyday = [r["text"] for r in project("sentiment_examples.jsonl") if possible_disclosure(r["text"], likeness=False) is None]
    home = resources.files("engage.analysis").joinpath("data/everyday_home.txt").read_text("utf-8")
    everyday += [line.strip() for line in home.splitlines() if line.strip() and not line.startswith("#")]
    rng = random.Random(seed)
    comments = [r["text"] for r in lines(goemotions_train) if r.get("sentiment") in ("neutral", "positive")]
    patients = [r["text"] for r in lines(nhs_train)]
    everyday += rng.sample(comments, min(ORDINARY_COMMENTS, len(comments)))
    everyday += rng.sample(patients, min(ORDINARY_PATIENTS, len(patients)))
    return texts + everyday, labels + [0] * len(everyday)
