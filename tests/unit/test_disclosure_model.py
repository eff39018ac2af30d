"""The model beside the disclosure lexicon: it hears children's words the lexicon was never taught."""
from __future__ import annotations

import io
import json

import pytest

from engage.analysis.disclosure_model import DisclosureModel, default_model
from engage.analysis.safeguarding import SOUNDS_LIKE, possible_disclosure, reading

# Rounds 7 and 8 of children's words (2026-11-27), which the model never learned from:
# the lexicon missed these, the model hears them.
HEARD_ONLY_BY_THE_MODEL = [
    "mum's boyfriend keeps coming in the bathroom when im in the bath",
    "i feel like everyone would be better if i just wasnt around",
    "i get money for letting older boys take photos of me",
    "my brother's friends jumped me and said im next",
    "when mum's partner is drunk i lock my door and push my bed against it",
    # Round 8, written after the model's examples were chosen.
    "i get headaches from where he hits my head",
]
# Round 7's everyday twins, and young people's answers the model never saw.
EVERYDAY = [
    "my dad chucks the ball at me in the garden",
    "i dont go home till late on fridays because of band practice",
    "my teacher gives me extra homework and says well done",
    "i feel like everyone would be better if we had a bigger park",
    "theres a man in a car who sells fish on fridays",
    "i get money for washing my dads car",
    "my mum leaves me at my nans on saturdays",
    "my dad takes my phone at bedtime",
    "someone i met on tiktok makes funny videos",
    "i dont feel like going to school on mondays",
    # Everyday answers about family, written to measure the model after it was trained.
    "my step dad is from scotland and supports celtic",
    "my uncle says i am going to be tall like him",
    "my step brother shares his sweets with me",
    "my dad says i can have a dog when im older",
    "my step dad and my mum are going on holiday without us and we are staying at nans",
    "i live with my grandparents and they are great",
]


@pytest.mark.parametrize("words", HEARD_ONLY_BY_THE_MODEL)
def test_the_model_hears_childrens_words_the_lexicon_was_not_taught(words):
    assert possible_disclosure(words, likeness=False) is None
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == SOUNDS_LIKE
    assert concern.phrase and "i" not in concern.phrase.split(", ")  # the telling words, not "i"


@pytest.mark.parametrize("words", EVERYDAY)
def test_everyday_answers_with_the_same_words_stay_quiet(words):
    assert possible_disclosure(words) is None


def test_young_peoples_answers_it_never_saw_raise_nothing_more_than_the_lexicon_did():
    from importlib import resources

    data = resources.files("engage.analysis").joinpath("data")
    answers = [line.strip() for line in data.joinpath("no_theme_examples.txt").read_text("utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    answers += [json.loads(line)["text"] for line in data.joinpath("sentiment_examples_check.jsonl").read_text("utf-8").splitlines()
                if line.strip()]
    assert len(answers) > 200
    added = [a for a in answers if possible_disclosure(a) is not None and possible_disclosure(a, likeness=False) is None]
    # The model retrained with rounds 14-26 (2026-11-27) hears one of them, and it may be a telling:
    # being overlooked at home. A lead would rather see it; nothing else may be added.
    assert set(added) <= {"nobody at home has time for me"}


def test_a_short_answer_is_left_to_the_lexicon():
    model = default_model()
    assert model.probability(reading("mum hits us")) > 0.5  # the model leans that way...
    assert possible_disclosure("mum hits us").kind != SOUNDS_LIKE  # ...but the lexicon names it
    assert possible_disclosure("im so hungry") is None  # two words: never the model's call


def test_a_model_saved_and_read_back_hears_the_same():
    model = default_model()
    saved = io.BytesIO()
    model.save(saved)
    saved.seek(0)
    again = DisclosureModel.load(saved)
    texts = [reading(t) for t in HEARD_ONLY_BY_THE_MODEL + EVERYDAY]
    assert list(again.probabilities(texts)) == pytest.approx(list(model.probabilities(texts)), abs=1e-12)
    with pytest.raises(ValueError):
        DisclosureModel.load(io.BytesIO(b"not a model"))

