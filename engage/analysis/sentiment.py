"""Sentiment of a free-text answer: negative, neutral or positive, with a score.

How it reads an answer:

1. ``_normalise`` folds case, curly quotes and stretched letters ("soooo" reads
   as "soo"), so that the ways young people type do not split one word into many.
2. Two bags of features are counted: words and word pairs, where a word
   after "not", "never", "don't"... up to the next punctuation (three words at
   most) is read as negated ("not good" is not "good"); and the letters inside
   each word, two to five at a time, which carry misspellings, text-speak and
   emoji. Each bag is weighted by TF-IDF (sublinear counts) and scaled to length one.
3. Four scores from the VADER lexicon (compound, positive, negative, neutral;
   ``vaderSentiment``, MIT, which ships its lexicon and reads emoticons and
   emoji) are added, so that words the training text never used still count.
4. One linear model per label, trained on features weighted by the square
   root of their naive-Bayes log-count ratio (after "NBSVM", Wang and Manning
   2012), gives three decision values; a small
   logistic regression fitted on held-out decision values turns them into
   probabilities, and a per-label offset, chosen on the same held-out values,
   makes the labels balance precision and recall across all three (macro-F1).

The score is P(positive) - P(negative): -1 is surely negative, 1 surely
positive, near 0 neutral or mixed. The label is the most probable one, so a
positive label never has a score below 0, nor a negative one above 0.

The model is a plain file (``SentimentModel.save``): compressed NumPy arrays
and a JSON header, read with ``allow_pickle=False``; the one shipped in
``data/`` is described in ``data/README.md``. Reading needs NumPy, SciPy and
vaderSentiment; training also needs scikit-learn.
"""
from __future__ import annotations

import json
import math
import re
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from os import PathLike
from typing import Any, BinaryIO

import numpy as np
import scipy.sparse as sp

LABELS = ("negative", "neutral", "positive")
MODEL_FILE = "sentiment_model.npz"
FORMAT = "engage-sentiment"
FORMAT_VERSION = 1

_NEGATIVE, _POSITIVE = LABELS.index("negative"), LABELS.index("positive")
_BATCH = 2048


@dataclass(frozen=True)
class Sentiment:
    label: str      # "negative" | "neutral" | "positive"
    score: float    # -1.0 (most negative) .. 1.0 (most positive)


NEUTRAL = Sentiment("neutral", 0.0)


# ----------------------------------------------------------------- reading text

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_STRETCHED = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(
    r"[:;=8][\-o*']?[)\](\[dDpP/\\|]"        # emoticons, before punctuation takes them apart
    r"|[a-z0-9]+(?:'[a-z]+)*"                # words, with their apostrophes
    r"|[.,;:!?]"                             # punctuation: ends a negation
    r"|[^\s\w'\"()\-]"                       # emoji and other symbols
)
_NEGATORS = frozenset(
    "not no never nothing nobody none nowhere neither nor without cannot cant aint "
    "dont doesnt didnt isnt arent wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt".split()
)
_NEGATION_SCOPE = 3


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _STRETCHED.sub(r"\1\1", text)


def _word_grams(norm: str) -> list[str]:
    """Words (marked ``NEG_`` inside a negation) and pairs of neighbouring words."""
    marked: list[str] = []
    plain: list[str] = []
    negated = 0
    for token in _TOKEN.findall(norm):
        if token in ".,;:":
            negated = 0
            continue
        if token in "!?":
            negated = 0
        elif negated:
            marked.append("NEG_" + token)
            plain.append(token)
            negated -= 1
            continue
        marked.append(token)
        plain.append(token)
        if token.replace("'", "") in _NEGATORS or token.endswith("n't"):
            negated = _NEGATION_SCOPE
    return marked + [f"{a} {b}" for a, b in zip(plain, plain[1:])]


def _char_grams(norm: str) -> list[str]:
    """Two to five letters at a time inside each word, the word padded with spaces."""
    grams: list[str] = []
    for word in norm.split():
        word = f" {word} "
        length = len(word)
        for n in range(2, min(5, length) + 1):
            grams.extend(word[i:i + n] for i in range(length - n + 1))
    return grams


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _lexicon_features(texts: Sequence[str]) -> np.ndarray:
    analyser = _vader()
    rows = [analyser.polarity_scores(text) for text in texts]
    return np.array([[r["compound"], r["pos"], r["neg"], r["neu"]] for r in rows], dtype=np.float64).reshape(-1, 4)


@dataclass(frozen=True)
class _Vocabulary:
    """Terms with their inverse document frequencies: one bag of features."""

    terms: tuple[str, ...]
    idf: np.ndarray
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {term: i for i, term in enumerate(self.terms)})

    @classmethod
    def fit(cls, grams_per_text: Sequence[list[str]], min_df: int) -> _Vocabulary:
        df = Counter()
        for grams in grams_per_text:
            df.update(set(grams))
        terms = tuple(sorted(term for term, count in df.items() if count >= min_df))
        n = len(grams_per_text)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in terms], dtype=np.float32)
        return cls(terms, idf)

    def matrix(self, grams_per_text: Sequence[list[str]]) -> sp.csr_matrix:
        """Sublinear TF-IDF rows, each scaled to length one (an empty row stays empty)."""
        lookup = self.index.get
        indices: list[int] = []
        indptr = [0]
        for grams in grams_per_text:
            indices.extend(i for i in map(lookup, grams) if i is not None)
            indptr.append(len(indices))
        n = len(grams_per_text)
        x = sp.csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int64)),
            shape=(n, len(self.terms)),
        )
        x.sum_duplicates()
        x.data = (1.0 + np.log(x.data)) * self.idf[x.indices]
        rows = np.repeat(np.arange(n), np.diff(x.indptr))
        lengths = np.sqrt(np.bincount(rows, weights=x.data ** 2, minlength=n))
        x.data /= lengths[rows]
        return x


def _features(texts: Sequence[str], words: _Vocabulary, chars: _Vocabulary):
    norms = [_normalise(text) for text in texts]
    return (
        words.matrix([_word_grams(n) for n in norms]),
        chars.matrix([_char_grams(n) for n in norms]),
        _lexicon_features(texts),
    )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _row_products(dense: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``dense @ weights`` summed the same way for any number of rows, so that a
    batch gives exactly what one answer at a time gives (BLAS does not promise that)."""
    return (dense[:, :, None] * weights[None, :, :]).sum(axis=1)


# ----------------------------------------------------------------- the model

class SentimentModel:
    """Vocabularies, weights and calibration: everything ``predict`` needs."""

    def __init__(self, *, words: _Vocabulary, chars: _Vocabulary, weights: dict[str, np.ndarray],
                 info: dict[str, Any]) -> None:
        self.words = words
        self.chars = chars
        self.weights = {name: np.asarray(w, dtype=np.float32) for name, w in weights.items()}
        expected = {
            "words": (len(words.terms), 3), "chars": (len(chars.terms), 3), "lexicon": (4, 3), "intercept": (3,),
            "calibration": (3, 3), "calibration_intercept": (3,), "label_offset": (3,),
        }
        for name, shape in expected.items():
            if name not in self.weights or self.weights[name].shape != shape:
                raise ValueError(f"weights {name!r} should have shape {shape}")
        if len(words.idf) != len(words.terms) or len(chars.idf) != len(chars.terms):
            raise ValueError("each term needs one IDF weight")
        self.info = info
        # Arithmetic in float64 on the float32 weights that are saved: a model
        # read back from its file predicts exactly what it did before saving.
        self._w = {name: w.astype(np.float64) for name, w in self.weights.items()}

    # -- predicting

    def predict(self, texts: Sequence[str]) -> list[Sentiment]:
        found: list[Sentiment] = [NEUTRAL] * len(texts)
        todo = [i for i, text in enumerate(texts) if text and text.strip()]
        for start in range(0, len(todo), _BATCH):
            chunk = todo[start:start + _BATCH]
            p = self._probabilities([texts[i] for i in chunk])
            labels = p.argmax(axis=1)
            scores = p[:, _POSITIVE] - p[:, _NEGATIVE]
            for i, label, score in zip(chunk, labels, scores):
                found[i] = Sentiment(LABELS[label], float(score))
        return found

    def _decisions(self, texts: Sequence[str]) -> np.ndarray:
        x_words, x_chars, lexicon = _features(texts, self.words, self.chars)
        w = self._w
        return x_words @ w["words"] + x_chars @ w["chars"] + _row_products(lexicon, w["lexicon"]) + w["intercept"]

    def _probabilities(self, texts: Sequence[str]) -> np.ndarray:
        w = self._w
        logits = _row_products(self._decisions(texts), w["calibration"]) + w["calibration_intercept"]
        return _softmax(logits + w["label_offset"])

    # -- files

    def save(self, path: str | PathLike[str] | BinaryIO) -> None:
        """Write the model as compressed NumPy arrays with a JSON header (no pickle)."""
        header = {"format": FORMAT, "version": FORMAT_VERSION, "labels": list(LABELS), **self.info}
        write_arrays(path, header, {**vocabulary_arrays(self.words, self.chars),
                                    **{f"w_{name}": w for name, w in self.weights.items()}})

    @classmethod
    def load(cls, path: str | PathLike[str] | BinaryIO) -> SentimentModel:
        """Read a file written by ``save``; ``ValueError`` if it is not one."""
        try:
            header, arrays = read_arrays(path)
        except ValueError as error:
            raise ValueError(f"{_name(path)} is not an Engage sentiment model ({error})") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("labels") != list(LABELS):
            raise ValueError(f"{_name(path)} is not an Engage sentiment model")
        if header.get("version") != FORMAT_VERSION:
            raise ValueError(
                f"{_name(path)} is a sentiment model of format version {header.get('version')}; "
                f"this Engage reads version {FORMAT_VERSION}"
            )
        info = {k: v for k, v in header.items() if k not in ("format", "version", "labels")}
        try:
            words, chars = vocabularies(arrays)
            return cls(
                words=words,
                chars=chars,
                weights={name[2:]: w for name, w in arrays.items() if name.startswith("w_")},
                info=info,
            )
        except (KeyError, ValueError) as error:
            raise ValueError(f"{_name(path)} is a damaged sentiment model ({error})") from None

    # -- training

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence[str], *, c: float = 0.2,
              source: str | None = None, weights: Sequence[float] | None = None) -> SentimentModel:
        """Learn from answers labelled negative, neutral or positive (at least 3 of each).

        ``c`` is the linear models' regularisation (chosen by 5-fold cross-validation
        on GoEmotions' training split); ``source`` says where the answers came from
        and is kept in the file. ``weights``, one per answer, makes an answer count
        as that many when the models are fitted (a few hundred answers written for
        Engage among tens of thousands of Reddit comments); which words are in the
        vocabularies, and their IDF, still count each answer once.
        """
        y = _label_indices(labels)
        if len(texts) != len(y):
            raise ValueError(f"{len(texts)} answers but {len(y)} labels")
        w = None
        if weights is not None:
            w = np.asarray(weights, dtype=np.float64)
            if w.shape != (len(y),):
                raise ValueError(f"{len(texts)} answers but {w.size} weights")
            if not np.all(np.isfinite(w) & (w > 0)):
                raise ValueError("each weight must be a number above 0")
        counts = np.bincount(y, minlength=3)
        if counts.min() < 3:
            missing = ", ".join(f"{LABELS[k]} ({counts[k]})" for k in range(3) if counts[k] < 3)
            raise ValueError(f"training needs at least 3 answers of each label; too few: {missing}")
        # Rare terms are noise in a large set; in a partnership's own small set they are all there is.
        min_df_words, min_df_chars = (3, 5) if len(texts) >= 5000 else (1, 2)
        norms = [_normalise(text) for text in texts]
        word_grams = [_word_grams(n) for n in norms]
        char_grams = [_char_grams(n) for n in norms]
        words = _Vocabulary.fit(word_grams, min_df_words)
        chars = _Vocabulary.fit(char_grams, min_df_chars)
        x = sp.hstack(
            [words.matrix(word_grams), chars.matrix(char_grams), sp.csr_matrix(_lexicon_features(texts))],
            format="csr",
        )
        weights, intercept = _fit_linear(x, y, c, w)
        calibration, calibration_intercept, offset = _fit_calibration(x, y, c, w)
        n_words, n_chars = len(words.terms), len(chars.terms)
        info: dict[str, Any] = {
            "source": source or "",
            "answers": {LABELS[k]: int(counts[k]) for k in range(3)},
            "c": c,
            "min_df": {"words": min_df_words, "chars": min_df_chars},
            "terms": {"words": n_words, "chars": n_chars},
        }
        if w is not None:
            values, times = np.unique(w, return_counts=True)
            info["weights"] = {f"{value:g}": int(n) for value, n in zip(values, times)}
        return cls(
            words=words,
            chars=chars,
            weights={
                "words": weights[:n_words],
                "chars": weights[n_words:n_words + n_chars],
                "lexicon": weights[n_words + n_chars:],
                "intercept": intercept,
                "calibration": calibration,
                "calibration_intercept": calibration_intercept,
                "label_offset": offset,
            },
            info=info,
        )


def _fit_linear(x: sp.csr_matrix, y: np.ndarray, c: float,
                w: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One linear SVM per label on naive-Bayes scaled features, folded back into plain weights;
    ``w`` (one weight per answer, or None for all 1) weighs the counts and the SVMs' losses."""
    from sklearn.svm import LinearSVC

    present = (x > 0).astype(np.float64)
    if w is not None:
        present = sp.diags(w) @ present
    lexicon_columns = slice(x.shape[1] - 4, None)
    weights = np.zeros((x.shape[1], 3))
    intercept = np.zeros(3)
    for k in range(3):
        inside = np.asarray(present[y == k].sum(axis=0)).ravel() + 1.0
        outside = np.asarray(present[y != k].sum(axis=0)).ravel() + 1.0
        ratio = np.log((inside / inside.sum()) / (outside / outside.sum()))
        # The square root keeps a rare word pair from outweighing whole sentences
        # ("to college" was strongly negative with the plain ratio); the same macro-F1.
        ratio = np.sign(ratio) * np.sqrt(np.abs(ratio))
        ratio[lexicon_columns] = 1.0  # the lexicon scores are not counts: left as they are
        svm = LinearSVC(C=c, class_weight="balanced", random_state=0)
        svm.fit(x @ sp.diags(ratio), (y == k).astype(int), sample_weight=w)
        weights[:, k] = ratio * svm.coef_.ravel()
        intercept[k] = svm.intercept_[0]
    return weights, intercept


def _fit_calibration(x: sp.csr_matrix, y: np.ndarray, c: float,
                     w: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Probabilities from decision values, and per-label offsets for macro-F1, both
    fitted on decision values for answers the linear models did not see (3 folds),
    each answer counting as its weight ``w``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    held_out = np.zeros((x.shape[0], 3))
    for train, test in StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(x, y):
        weights, intercept = _fit_linear(x[train], y[train], c, None if w is None else w[train])
        held_out[test] = x[test] @ weights + intercept
    calibrator = LogisticRegression(C=10.0, max_iter=1000).fit(held_out, y, sample_weight=w)
    logits = held_out @ calibrator.coef_.T + calibrator.intercept_
    steps = np.round(np.arange(-1.0, 1.0001, 0.1), 1)
    offsets = [np.array([a, 0.0, b]) for a in steps for b in steps]
    best = max(offsets, key=lambda o: (macro_f1(y, (logits + o).argmax(axis=1), w), -np.abs(o).sum()))
    return calibrator.coef_.T, calibrator.intercept_, best


# ----------------------------------------------------------------- measuring

def macro_f1(truth: np.ndarray, predicted: np.ndarray, weights: np.ndarray | None = None) -> float:
    """The mean of the three labels' F1; ``weights`` makes each answer count as its weight."""
    return float(np.mean([s["f1"] for s in _per_label(truth, predicted, weights).values()]))


def _per_label(truth: np.ndarray, predicted: np.ndarray,
               weights: np.ndarray | None = None) -> dict[str, dict[str, float]]:
    scores = {}
    if weights is None:
        weights = np.ones(len(truth), dtype=int)
    for k, label in enumerate(LABELS):
        tp = weights[(predicted == k) & (truth == k)].sum().item()
        said, actual = weights[predicted == k].sum().item(), weights[truth == k].sum().item()
        precision = tp / said if said else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "n": actual}
    return scores


def evaluate(rows: Iterable[tuple[str, str]], model: SentimentModel | None = None) -> dict[str, Any]:
    """Macro-F1 and per-label precision, recall and F1 on (text, label) rows, and the
    speed of one batch on this machine (answers per second)."""
    model = model or default_model()
    texts, labels = [], []
    for text, label in rows:
        texts.append(text)
        labels.append(label)
    truth = _label_indices(labels)
    started = time.perf_counter()
    found = model.predict(texts)
    seconds = time.perf_counter() - started
    predicted = np.array([LABELS.index(s.label) for s in found], dtype=int)
    per_label = _per_label(truth, predicted)
    return {
        "macro_f1": round(float(np.mean([s["f1"] for s in per_label.values()])), 4),
        "per_label": {
            label: {k: (round(v, 4) if k != "n" else v) for k, v in s.items()} for label, s in per_label.items()
        },
        "n": len(texts),
        "seconds": round(seconds, 3),
        "answers_per_second": round(len(texts) / seconds) if seconds else None,
    }


def _label_indices(labels: Iterable[str]) -> np.ndarray:
    indices = []
    for label in labels:
        if label not in LABELS:
            raise ValueError(f"unknown sentiment {label!r}: expected one of {', '.join(LABELS)}")
        indices.append(LABELS.index(label))
    return np.array(indices, dtype=int)


# ----------------------------------------------------------------- the default model

@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> SentimentModel:
    """The model in ``path``, or the one shipped with Engage; read once per path."""
    if path:
        return SentimentModel.load(path)
    with resources.files("engage.analysis").joinpath(f"data/{MODEL_FILE}").open("rb") as shipped:
        return SentimentModel.load(shipped)


def default_model() -> SentimentModel:
    return load_model(None)


def sentiment(text: str) -> Sentiment:
    return sentiments([text])[0]


def sentiments(texts: Sequence[str], model: SentimentModel | None = None) -> list[Sentiment]:
    """One ``Sentiment`` per text, in order; ``model`` defaults to the shipped one."""
    if not any(text and text.strip() for text in texts):
        return [NEUTRAL] * len(texts)
    return (model or default_model()).predict(texts)


# ----------------------------------------------------------------- file helpers

def vocabulary_arrays(words: _Vocabulary, chars: _Vocabulary) -> dict[str, np.ndarray]:
    """A model's two vocabularies as the arrays of its file."""
    return {"word_terms": _text_array("\n".join(words.terms)), "word_idf": words.idf,
            "char_terms": _text_array("\n".join(chars.terms)), "char_idf": chars.idf}


def vocabularies(arrays: dict[str, np.ndarray]) -> tuple[_Vocabulary, _Vocabulary]:
    return (_Vocabulary(_terms(arrays["word_terms"]), arrays["word_idf"]),
            _Vocabulary(_terms(arrays["char_terms"]), arrays["char_idf"]))


def write_arrays(path: str | PathLike[str] | BinaryIO, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """A model file: compressed NumPy arrays with a JSON header (no pickle)."""
    arrays = {"header": _text_array(json.dumps(header, sort_keys=True)), **arrays}
    if hasattr(path, "write"):
        np.savez_compressed(path, **arrays)
        return
    with open(path, "wb") as out:  # np.savez would add ".npz" to a bare path
        np.savez_compressed(out, **arrays)


def read_arrays(path: str | PathLike[str] | BinaryIO) -> tuple[Any, dict[str, np.ndarray]]:
    """The header and arrays of a file written by ``write_arrays``; ``ValueError`` if it is not one."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        return json.loads(_array_text(arrays["header"])), arrays
    except FileNotFoundError:
        raise
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise ValueError(str(error)) from None


def _text_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _array_text(array: np.ndarray) -> str:
    return array.tobytes().decode("utf-8")


def _terms(array: np.ndarray) -> tuple[str, ...]:
    text = _array_text(array)
    return tuple(text.split("\n")) if text else ()


def _name(path: Any) -> str:
    return str(getattr(path, "name", path))
