"""Telling an answer in one of Engage's other languages from an English one."""
import pytest

from engage.analysis.written_in import other_language


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("Autobusy się spóźniają i są za drogie", "pl"),
        ("W parku jest dużo śmieci", "pl"),
        ("Poliția nu ne ascultă", "ro"),
        ("Vrem un club de tineret", "ro"),
        ("Mae angen clwb ieuenctid", "cy"),
        ("Mae'r bysiau yn hwyr bob tro", "cy"),
        ("bus bohat late hoti hai", "ur"),
        ("الباص يتأخر دائما", "ar"),
        ("بسیں ہمیشہ لیٹ ہوتی ہیں", "ur"),
    ],
)
def test_answers_in_other_languages_are_placed(words, code):
    assert other_language(words) == code


@pytest.mark.parametrize(
    "words",
    [
        "Take care of the park",  # "care" is Romanian for "which"
        "He does look much better",  # "does" is Welsh for "there isn't"
        "ITS MAM!",  # "mam" is Polish for "I have"
        "what a din in the canteen",
        "the buses are late",
        "we went to the ale house, just kidding",
        "my Spotify https://open.spotify.com/playlist/x?si=abc",
        "",
        "my friend Paweł says the park is dirty",
        "the word for bus in Arabic is باص",
    ],
)
def test_english_answers_stay_english(words):
    assert other_language(words) is None
