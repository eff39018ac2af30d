"""The first disclosure check: children's words, and the tricks that hide them."""
import pytest

from engage.analysis.safeguarding import normalise, possible_disclosure


@pytest.mark.parametrize(
    "words",
    [
        "my stepdad hits me",
        "My mums boyfriend hits me when shes at work",
        "my mate's dad hits her",  # a third person
        "dad beats my little brother",
        "im scared to go home",
        "he touches me at night and says its our secret",
        "older boys make me carry drugs for them",
        "they said i owe them money",
        "sometimes i want to kill myself",
        "i cut myself",
        "kms",
        "i wanna die",
        "i'm not safe",
        "he said he's gonna kill me",
        "my stepdad hiiiiits me",  # stretched letters
        "i w4nt t0 d1e",  # digits for letters
        "mу stеpdad hitѕ me",  # Cyrillic look-alike letters
        "my step\u200bdad hi\u200bts me",  # zero-width spaces
        "MY DAD HITS ME",
    ],
)
def test_words_that_may_tell_of_harm_are_noticed(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "I hit the gym after school",
        "the bus hits the kerb every morning",
        "i love football and my dad takes me",
        "the workshop on first aid was the best",
        "more things to do for young people",
        "knife crime is a big problem round here",
        "exams are killing me lol",
        "",
    ],
)
def test_everyday_words_are_left_alone(words):
    assert possible_disclosure(words) is None


def test_the_concern_names_its_kind_and_the_words_that_matched():
    concern = possible_disclosure("Honestly my stepdad hits me a lot")
    assert (concern.kind, concern.phrase) == ("violence at home", "stepdad hits me")


def test_normalising_removes_disguises_but_keeps_the_words():
    assert normalise("Ｍy  STEP\u200bDAD hiiiits  mе!!") == "my stepdad hiits me"
