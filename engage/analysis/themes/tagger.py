"""The theme tagger: learns from answers people have coded, and explains each tag.

How it reads an answer:

1. Seed phrases first. A theme's seed phrase found in the answer (after the same
   normalising the disclosure check uses: look-alike letters, zero-width
   characters, stretched letters) tags the theme, and the phrase is the reason.
2. Then one linear model per theme over word pairs and letter runs (so "bullyed"
   and "bullied" share most of their features). Each model is an NB-SVM (Wang and
   Manning, 2012): features are weighted by how much more often they occur in the
   theme's answers than in the others, then a linear SVM is trained. On small,
   noisy coded sets it beats a plain TF-IDF SVM (macro-F1 0.566 against 0.538 on
   the NHS full protocol, ``bench/themes.py``). The reason is the words that
   weighed most for the tag.

A score below the threshold gives no tag: an answer that fits nothing stays
untagged rather than being pushed into the nearest theme.

A trained tagger is plain arrays and JSON (``to_bytes``), never a pickle, so a
stored model loads in any later version of the libraries and cannot run code.
"""
from __future__ import annotations

import io
import json
import math
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.svm import LinearSVC

from engage.analysis.disclosure_languages import arabic_reading, has_arabic_script
from engage.analysis.safeguarding import normalise
from engage.analysis.themes.non_answers import is_non_answer

FORMAT = 1
THRESHOLD = 0.0
SEED_CONFIDENCE = 0.95
_C = 0.3
_SMOOTHING = 1.0
_REASON_WORDS = 3


@dataclass(frozen=True)
class Tag:
    theme: str          # the theme's key (slug in the taxonomy; the label itself in eval files)
    confidence: float   # 0..1
    reason: str         # the phrase that matched, or the words that weighed most ("knife, scared")


def _words() -> CountVectorizer:
    return CountVectorizer(ngram_range=(1, 2), binary=True, lowercase=False,
                           token_pattern=r"(?u)\b\w[\w']*\b", dtype=np.float32)


def _letters() -> CountVectorizer:
    return CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, binary=True,
                           lowercase=False, dtype=np.float32)


def _read(text: str) -> str:
    """What the tagger reads: Latin letters without accents, and Arabic-script words with
    their marks removed and one form of each letter, so a Welsh, Polish, Romanian, Arabic
    or Urdu answer meets the seeds and examples written in those languages."""
    plain = normalise(text)
    if has_arabic_script(text):
        plain = f"{plain} {arabic_reading(text)}".strip()
    return plain


def _seed_pattern(phrases: Iterable[str]) -> re.Pattern | None:
    plain = sorted({_read(p) for p in phrases if _read(p)}, key=len, reverse=True)
    if not plain:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in plain))


class Tagger:
    """Tag answers with themes; see the module docstring for how."""

    def __init__(self, themes: Sequence[str], seeds: Mapping[str, Sequence[str]],
                 vocabularies: tuple[dict[str, int], dict[str, int]] | None,
                 weights: np.ndarray | None, ratios: np.ndarray | None,
                 intercepts: np.ndarray | None, trained: Sequence[str] = ()):
        self.themes = tuple(themes)
        self.seeds = {k: tuple(v) for k, v in seeds.items() if v}
        self._trained = tuple(trained)           # themes with a learned model, in column order
        self._weights = weights                  # features x trained themes: svm weight * ratio
        self._ratios_squared = None if ratios is None else np.square(ratios)
        self._ratios = ratios
        self._intercepts = intercepts
        self._vocabularies = vocabularies
        self._patterns = {k: _seed_pattern(v) for k, v in self.seeds.items()}
        self._vectorisers = None
        self._names = None
        if vocabularies is not None:
            words, letters = _words(), _letters()
            words.vocabulary, letters.vocabulary = vocabularies
            self._vectorisers = (words, letters)
            # only word features make a readable reason; letter runs (after them) do not
            names = [""] * (len(vocabularies[0]) + len(vocabularies[1]))
            for term, i in vocabularies[0].items():
                if not all(w in ENGLISH_STOP_WORDS for w in term.split()):
                    names[i] = term
            self._names = names

    # -- learning -----------------------------------------------------------

    @classmethod
    def train(cls, examples: Iterable[tuple[str, Sequence[str]]],
              seeds: Mapping[str, Sequence[str]] | None = None) -> Tagger:
        """Learn from (text, [theme, ...]) pairs; seeds are phrases that always tag their theme.

        An example with no themes is an answer people said fits none: it teaches
        every theme what it is not.
        """
        seeds = dict(seeds or {})
        rows = [(_read(text or ""), list(dict.fromkeys(labels))) for text, labels in examples]
        rows = [(text, labels) for text, labels in rows if text]
        themes = list(dict.fromkeys([*seeds, *(t for _, labels in rows for t in labels)]))
        trainable = [t for t in themes if any(t in labels for _, labels in rows)
                     and any(t not in labels for _, labels in rows)]
        if not trainable:
            return cls(themes, seeds, None, None, None, None)
        texts = [text for text, _ in rows]
        words, letters = _words(), _letters()
        try:
            letter_features = letters.fit_transform(texts)
        except ValueError:  # too few answers for any letter run to occur twice
            letters = _letters().set_params(min_df=1)
            letter_features = letters.fit_transform(texts)
        features = sparse.hstack([words.fit_transform(texts),
                                  letter_features.tocsr()]).tocsr()
        vocabularies = (dict(words.vocabulary_), dict(letters.vocabulary_))
        weights = np.zeros((features.shape[1], len(trainable)), dtype=np.float32)
        ratios = np.zeros_like(weights)
        intercepts = np.zeros(len(trainable), dtype=np.float32)
        for j, theme in enumerate(trainable):
            y = np.array([theme in labels for _, labels in rows])
            ratio = _log_count_ratio(features, y)
            model = LinearSVC(C=_C, class_weight="balanced", max_iter=5000)
            with warnings.catch_warnings():
                # a tiny or perfectly separable set may stop early; the model is still usable
                warnings.simplefilter("ignore", ConvergenceWarning)
                model.fit(_scaled(features, ratio), y)
            weights[:, j] = model.coef_[0] * ratio
            ratios[:, j] = ratio
            intercepts[j] = model.intercept_[0]
        return cls(themes, seeds, vocabularies, weights, ratios, intercepts, trainable)

    # -- tagging ------------------------------------------------------------

    def tag(self, text: str) -> list[Tag]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[list[Tag]]:
        """Zero or more tags per text; no tags means 'untagged', never a forced nearest theme."""
        plain = ["" if is_non_answer(t or "") else _read(t or "") for t in texts]
        found: list[dict[str, Tag]] = [{} for _ in plain]
        for theme, pattern in self._patterns.items():
            if pattern is None:
                continue
            for i, text in enumerate(plain):
                match = pattern.search(text)
                if match:
                    found[i][theme] = Tag(theme, SEED_CONFIDENCE, f'said "{match.group()}"')
        if self._vectorisers is not None and any(plain):
            features = self._features(plain)
            scores = self._scores(features)
            scores[[not text for text in plain]] = -np.inf
            rows, cols = np.nonzero(scores > THRESHOLD)
            for i, j in zip(rows.tolist(), cols.tolist()):
                theme = self._trained[j]
                if theme in found[i]:
                    continue
                found[i][theme] = Tag(theme, _confidence(scores[i, j]),
                                      self._why(features.getrow(i), j))
        order = {t: n for n, t in enumerate(self.themes)}
        return [sorted(tags.values(), key=lambda t: (-t.confidence, order[t.theme]))
                for tags in found]

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """The learned models' raw scores (texts x trained themes), for evaluation."""
        return self._scores(self._features([_read(t or "") for t in texts]))

    def _features(self, plain: Sequence[str]) -> sparse.csr_matrix:
        words, letters = self._vectorisers
        return sparse.hstack([words.transform(plain), letters.transform(plain)]).tocsr()

    def _scores(self, features: sparse.csr_matrix) -> np.ndarray:
        # w . normalise(x * r) == (w * r) . x / |x * r|, so every theme is two products
        norms = np.sqrt(np.asarray(features @ self._ratios_squared))  # x is 0/1, so x*x == x
        norms[norms == 0] = 1.0
        return np.asarray(features @ self._weights) / norms + self._intercepts

    def _why(self, row: sparse.csr_matrix, column: int) -> str:
        weights = self._weights[row.indices, column]
        best = [self._names[row.indices[k]] for k in np.argsort(-weights)
                if weights[k] > 0 and self._names[row.indices[k]]]
        chosen: list[str] = []
        for term in best:
            if not any(term in other or other in term for other in chosen):
                chosen.append(term)
            if len(chosen) == _REASON_WORDS:
                break
        return "words: " + ", ".join(chosen) if chosen else "the way it is written"

    # -- storing ------------------------------------------------------------

    def to_bytes(self) -> bytes:
        meta = {"format": FORMAT, "themes": list(self.themes), "trained": list(self._trained),
                "seeds": {k: list(v) for k, v in self.seeds.items()},
                "vocabularies": None if self._vocabularies is None else list(self._vocabularies)}
        arrays = {"meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)}
        if self._weights is not None:
            arrays |= {"weights": self._weights, "ratios": self._ratios.astype(np.float16),
                       "intercepts": self._intercepts}
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Tagger:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            meta = json.loads(arrays["meta"].tobytes())
            if meta.get("format") != FORMAT:
                raise ValueError(f"a stored tagger of format {meta.get('format')}, not {FORMAT}")
            vocabularies = meta["vocabularies"]
            if vocabularies is None:
                return cls(meta["themes"], meta["seeds"], None, None, None, None)
            return cls(meta["themes"], meta["seeds"], tuple(vocabularies),
                       arrays["weights"], arrays["ratios"].astype(np.float32),
                       arrays["intercepts"], meta["trained"])


def _log_count_ratio(features: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
    inside = _SMOOTHING + np.asarray(features[y].sum(axis=0)).ravel()
    outside = _SMOOTHING + np.asarray(features[~y].sum(axis=0)).ravel()
    return np.log((inside / inside.sum()) / (outside / outside.sum())).astype(np.float32)


def _scaled(features: sparse.csr_matrix, ratio: np.ndarray) -> sparse.csr_matrix:
    scaled = features.multiply(ratio).tocsr()
    norms = np.sqrt(np.asarray(scaled.multiply(scaled).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ scaled


def _confidence(score: float) -> float:
    """A score of 0 (the threshold) reads as 0.5; a clear margin of 1 as about 0.95."""
    return round(1.0 / (1.0 + math.exp(-3.0 * float(score))), 3)
