"""Emerging themes: group answers that fit no theme into suggested new themes.

A facilitator sees "47 answers fit no theme" and, beside it, a few suggestions such as
"Skate park and closed": the key words, the most typical answers and how many there
are. They may turn one into a theme (its answers as the first examples) or ignore it.

How: each answer's content words (stop words, text-speak and filler left out; "buses"
joined to "bus", "vaping" to "vape" and "skatepark" to "skate park" when both occur) and
pairs of neighbouring content words are weighted by TF-IDF and reduced by LSA. Answers
are grouped by average-linkage clustering on cosine distance: two groups join while
their answers are, on average, alike enough, so the number of groups comes from the
data and odd answers stay on their own instead of being forced in. (Above SAMPLE
answers, a seeded sample is grouped and the rest join the group they fit.) A group is
suggested only when it is big enough and its answers close to its centre. Non-answers
("n/a", "nothing", "no") are skipped. Same answers and seed, same suggestions.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from engage.analysis.themes.non_answers import NON_ANSWERS, words_of
from engage.analysis.written_in import is_function_word

# Words that say nothing about what an answer is about, beyond sklearn's English list:
# text-speak, contractions written without the apostrophe, and feedback filler.
_FILLER = frozenset(
    """
    im ive id ill dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent
    havent hasnt hadnt thats theres theyre youre youve weve whats hes shes lets aint gonna wanna
    gotta u ur ya yeah yes yep nah nope ok okay lol lmao omg tbh ngl idk dunno rn pls plz thx
    innit cos coz cuz bc like just really get gets got getting go going goes went make makes made
    want wants wanted need needs think thought know knew say said tell told thing things stuff
    lot lots loads alot bit kind sort way actually maybe probably definitely basically literally
    good great nice fine bad better best worse worst ok alright people person yeah also still
    use used using come came comes coming give gave given giving take took taken taking put
    called asked keep kept feel feels felt find found seem seemed let did does doing help stop
    kids kid children child young round time times day days year years age
    """.split()
)
_STOP = ENGLISH_STOP_WORDS | _FILLER
# Words that look like a form of a shorter word but are not ("parking" is not "park").
_KEEP_AS_WRITTEN = frozenset(
    """
    news series species always perhaps towards lens bus gas yes parking during evening morning
    teacher driver carer worker leader player helper user owner dealer officer dinner
    """.split()
)

MAX_DIMENSIONS = 100      # LSA components
SAMPLE = 3000             # answers grouped; the rest join the groups found
LINK = 0.9                # average cosine distance up to which groups join
MEMBER_FIT = 0.35         # cosine to the group's centre below which an answer is left out
MIN_COHERENCE = 0.45      # mean cosine of a group's answers to its centre
MAX_EXAMPLES = 5
MAX_KEY_WORDS = 6


@dataclass(frozen=True)
class Suggestion:
    key_words: tuple[str, ...]
    examples: tuple[int, ...]
    members: tuple[int, ...]
    suggested_name: str


def suggest_themes(
    texts: Sequence[str], *, min_size: int = 5, max_suggestions: int = 8, seed: int = 0
) -> list[Suggestion]:
    """Suggested new themes among ``texts`` (answers that fit no theme), biggest and most
    coherent first. Indices in the suggestions are into ``texts``. A group needs at least
    ``min_size`` answers (2 at the least); a group's key words are up to six, fewer when
    its answers share fewer distinctive words ("police")."""
    min_size = max(2, min_size)
    words = [_words(t) for t in texts]
    kept = [i for i, w in enumerate(words) if any(w)]
    if len(kept) < min_size or max_suggestions < 1:
        return []
    display, canonical = _word_forms([words[i] for i in kept])
    features = [_features(words[i], canonical) for i in kept]
    if not _any_shared(features):
        return []
    tfidf = TfidfVectorizer(analyzer=_identity, min_df=2, sublinear_tf=True).fit(features)
    x = tfidf.transform(features)
    nonzero = np.flatnonzero(x.getnnz(axis=1))
    if len(nonzero) < min_size:
        return []
    x, kept = x[nonzero], [kept[j] for j in nonzero]
    # The matrices are small and thin: one BLAS thread is faster than several fighting
    # over a busy machine (several times faster on a loaded two-core server).
    with threadpool_limits(1, user_api="blas"):
        points = _reduce(x, seed)
        groups = _groups(points, _cluster(points, min_size, seed), min_size)[:max_suggestions]
    vocabulary = tfidf.get_feature_names_out()
    suggestions = [_suggestion(members, fit, x, vocabulary, display, kept, texts) for members, fit in groups]
    return [s for s in suggestions if s.key_words]  # a group with no words of its own is not a theme


def _words(text: str) -> list[str | None]:
    """The answer's words, stop words as None (so that pairs are only made of neighbours)."""
    words = words_of(text)
    if " ".join(words) in NON_ANSWERS:
        return []
    return [w if len(w) > 1 and w not in _STOP and not is_function_word(w) else None for w in words]


def _word_forms(documents: list[list[str | None]]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Spellings of one word joined: a plural with its singular, "vaping" with "vape",
    "quicker" with "quick" (when both were written), and a closed compound with its open
    one ("skatepark", "skate park").
    ``canonical`` maps each word to the word(s) it stands for; ``display`` each canonical
    word to the spelling people used most, so that key words read as written."""
    counts = Counter(w for words in documents for w in words if w)
    pairs = Counter(
        (a, b) for words in documents for a, b in zip(words, words[1:]) if a and b
    )
    canonical: dict[str, tuple[str, ...]] = {}
    for word in counts:
        base = word
        for _ in range(2):  # "skaters" -> "skater" -> "skate"
            base = next((b for b in _shorter_forms(base) if b in counts), base)
        canonical[word] = _split_compound(base, counts, pairs) or (base,)
    spelled: dict[str, Counter] = {}
    for word, n in counts.items():
        if len(canonical[word]) == 1:
            spelled.setdefault(canonical[word][0], Counter())[word] += n
    display = {group: min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] for group, forms in spelled.items()}
    for parts in canonical.values():
        for part in parts:
            display.setdefault(part, part)
    return display, canonical


def _shorter_forms(word: str) -> tuple[str, ...]:
    """Spellings ``word`` may be a form of, most likely first: "buses" -> "bus",
    "activities" -> "activity", "vaping" -> "vape", "stopped" -> "stop", "quicker" -> "quick".
    Only used when the shorter one was written too."""
    if len(word) < 4 or word in _KEEP_AS_WRITTEN:
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    if word.endswith("s"):
        return () if word.endswith(("ss", "us", "is")) else (word[:-1],)
    for ending in ("ing", "ed", "er", "est"):
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 3:
            doubled = (base[:-1],) if base[-1] == base[-2] else ()
            return (base, base + "e", *doubled)
    return ()


def _split_compound(word: str, counts: Counter, pairs: Counter) -> tuple[str, str] | None:
    for cut in range(3, len(word) - 2):
        a, b = word[:cut], word[cut:]
        if (a, b) in pairs and a in counts and b in counts:
            return a, b
    return None


def _features(words: list[str | None], canonical: dict[str, tuple[str, ...]]) -> list[str]:
    """Canonical words, and pairs of neighbouring ones ("late night", "skate park")."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word is None:
            runs.append([])
        else:
            runs[-1].extend(canonical[word])
    unigrams = [w for run in runs for w in run]
    bigrams = [f"{a} {b}" for run in runs for a, b in zip(run, run[1:]) if a != b]
    return unigrams + bigrams


def _identity(features: list[str]) -> list[str]:
    return features


def _any_shared(features: list[list[str]]) -> bool:
    df = Counter(f for fs in features for f in set(fs))
    return any(n >= 2 for n in df.values())


def _reduce(x: sparse.csr_matrix, seed: int) -> np.ndarray:
    """LSA: answers that use related words end up near each other, even with no word in common."""
    n_components = min(MAX_DIMENSIONS, x.shape[1] - 1, x.shape[0] - 1)
    if n_components < 2:
        return normalize(x.toarray())
    svd = TruncatedSVD(n_components=n_components, random_state=seed)
    with np.errstate(divide="ignore", invalid="ignore"):  # explained variance of identical answers: 0/0, unused
        return normalize(svd.fit_transform(x))


def _cluster(points: np.ndarray, min_size: int, seed: int) -> list[np.ndarray]:
    """Average-linkage groups of a sample of the answers (all of them, up to SAMPLE):
    two groups join while their answers are, on average, similar enough. Answers left
    alone or in small groups are not forced in anywhere. Returns the groups' centres."""
    if len(points) < 2:
        return []
    rng = np.random.default_rng(seed)
    sample = points if len(points) <= SAMPLE else points[np.sort(rng.choice(len(points), SAMPLE, replace=False))]
    smallest = max(2, round(min_size * len(sample) / len(points)))
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=LINK
    ).fit_predict(sample)
    centres = []
    for label in np.unique(labels):
        rows = labels == label
        if rows.sum() >= smallest:
            centres.append(sample[rows].mean(axis=0))
    return centres


def _groups(points: np.ndarray, centres: list[np.ndarray], min_size: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each answer joins the nearest centre if it fits it well enough; a group is kept when
    it is big enough and coherent. (member rows, their fit to the centre), best first."""
    if not centres:
        return []
    fit_all = points @ normalize(np.vstack(centres)).T
    nearest = fit_all.argmax(axis=1)
    fit = fit_all[np.arange(len(points)), nearest]
    groups = []
    for label in range(len(centres)):
        rows = np.flatnonzero((nearest == label) & (fit >= MEMBER_FIT))
        if len(rows) < min_size:
            continue
        centre = normalize(points[rows].mean(axis=0, keepdims=True))[0]
        member_fit = points[rows] @ centre
        if member_fit.mean() >= MIN_COHERENCE:
            groups.append((rows, member_fit))
    groups.sort(key=lambda g: (-len(g[0]) * g[1].mean(), g[0][0]))
    return groups


def _suggestion(rows, fit, x, vocabulary, display, kept, texts) -> Suggestion:
    key_words = _key_words(rows, x, vocabulary, display)
    order = rows[np.argsort(-fit, kind="stable")]
    examples, seen = [], set()
    for row in order:
        said = tuple(w for w in _words(texts[kept[row]]) if w)  # "buses pls" says "buses"
        if said not in seen:
            seen.add(said)
            examples.append(kept[row])
        if len(examples) == MAX_EXAMPLES:
            break
    return Suggestion(
        key_words=key_words,
        examples=tuple(examples),
        members=tuple(sorted(kept[r] for r in rows)),
        suggested_name=_name(key_words),
    )


def _key_words(rows, x, vocabulary, display) -> tuple[str, ...]:
    """Words and pairs much more common in the group than in all the answers, most
    distinctive first; a pair replaces its word when most answers with the word have
    the pair ("skate park", not "park" and "skate"). Each reads as people spelled it."""
    inside = x[rows]
    share = np.asarray((inside > 0).mean(axis=0)).ravel()
    weight = np.asarray(inside.mean(axis=0)).ravel() - np.asarray(x.mean(axis=0)).ravel()
    if len(rows) == x.shape[0]:
        # the group is every answer: nothing to stand out against, so its commonest words
        weight = np.asarray(inside.mean(axis=0)).ravel()
    candidates = np.flatnonzero((share >= max(2 / len(rows), 0.1)) & (weight > 0))
    candidates = candidates[np.lexsort((vocabulary[candidates], -weight[candidates]))]
    index = {vocabulary[j]: j for j in candidates}
    pairs: dict[str, list[int]] = {}
    for j in candidates:
        if " " in vocabulary[j]:
            for word in vocabulary[j].split():
                pairs.setdefault(word, []).append(j)
    chosen: list[str] = []
    covered: set[str] = set()
    for j in candidates:
        term = vocabulary[j]
        wider = [b for b in pairs.get(term, ()) if share[b] >= 0.5 * share[j]]
        if wider and term not in covered:
            best = max(wider, key=lambda b: share[b])
            pair = vocabulary[best]
            other = next(w for w in pair.split() if w != term)
            if other in chosen and share[best] >= 0.5 * share[index[other]]:
                # "transport", then "patient": "patient transport"
                chosen[chosen.index(other)] = pair
                covered.add(term)
                continue
            if other not in covered:
                term = pair
        if covered & set(term.split()):
            continue  # nothing new, or a pair whose new word stands on its own
        chosen.append(term)
        covered |= set(term.split())
        if len(chosen) == MAX_KEY_WORDS:
            break
    return tuple(" ".join(display[w] for w in term.split()) for term in chosen)


def _name(key_words: tuple[str, ...]) -> str:
    if not key_words:
        return "New theme"
    first = key_words[0][:1].upper() + key_words[0][1:]
    return f"{first} and {key_words[1]}" if len(key_words) > 1 else first
