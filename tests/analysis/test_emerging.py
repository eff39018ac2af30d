"""Emerging themes: answers that fit no theme are grouped into a few suggested new themes,
each with readable key words and its most typical answers; odd answers are left out."""
from __future__ import annotations

import random
import re
import time

import pytest

from engage.analysis.themes.emerging import Suggestion, suggest_themes

BUSES_AT_NIGHT = [
    "the buses stop at 7 so we cant get home from town",
    "no buses at night, have to walk home in the dark",
    "last bus is way too early",
    "buses at night please!!",
    "more late night buses at the weekend",
    "theres no bus after 8pm from our village",
    "if you miss the last bus you're stuck",
    "late buses so we can go to things in the evening",
    "my mum has to pick me up cos there's no bus back at night",
    "the night bus got cut",
    "buses should run later",
    "cant get home after college clubs, the buses finish too early",
    "evening buses are rubbish",
    "a late night bus for young people",
    "more buses in the evenings and on sundays",
]
VAPING_IN_TOILETS = [
    "people vaping in the school toilets",
    "you cant use the toilets at school cos everyone is vaping in them",
    "the toilets are full of vapes",
    "year 8s vape in the loos every break",
    "vaping in the toilets makes me feel sick",
    "stop people vaping in school toilets",
    "i dont go to the toilet all day because of the vapers",
    "vape smoke in the girls toilets",
    "teachers should check the toilets for vaping",
    "the school toilets stink of vape",
    "kids vaping in the toilets at lunch",
    "vape detectors in the toilets",
    "can't go for a wee without walking into a cloud of vape in the toilets",
    "too much vaping in the toilets",
    "people sell vapes in the school toilets",
]
SKATE_PARK_CLOSING = [
    "they closed the skate park and now theres nowhere to go",
    "bring back the skatepark",
    "why did the skate park shut",
    "the skate park closing was the worst thing",
    "reopen the skate park please",
    "skatepark got knocked down and nothing replaced it",
    "we used to go to the skate park every day now its fenced off",
    "the council shut the skate park",
    "i miss the skatepark",
    "open the skate park again",
    "skate park closed so we skate in the car park and get moved on",
    "new skatepark needed",
    "the skate park was the only thing for us",
    "please fix and reopen the skatepark",
    "skaters have nowhere to go since the skate park closed",
]
NON_ANSWERS = ["n/a", "nothing", "no", "No.", "idk", "not sure", "", "   ", "none", "no comment", "-", "?", "Nothing!!"]
ODD_ONES = [
    "i like my school", "my nan makes the best roast dinners", "more recycling", "i want a dog",
    "the library is nice", "its ok i guess", "people should be kinder to animals", "homework club",
    "i like drawing", "summer is the best", "my teacher is funny", "pizza on fridays",
]
TOPICS = {"buses": BUSES_AT_NIGHT, "vaping": VAPING_IN_TOILETS, "skate park": SKATE_PARK_CLOSING}


def shuffled_answers(seed: int = 3) -> tuple[list[str], list[str]]:
    """The three topics, the non-answers and the odd ones out, mixed: (texts, topic of each)."""
    rows = [(text, topic) for topic, texts in TOPICS.items() for text in texts]
    rows += [(text, "none") for text in NON_ANSWERS + ODD_ONES]
    random.Random(seed).shuffle(rows)
    return [t for t, _ in rows], [topic for _, topic in rows]


def topic_of(suggestion: Suggestion, topics: list[str]) -> tuple[str, float]:
    members = [topics[i] for i in suggestion.members]
    main = max(set(members), key=members.count)
    return main, members.count(main) / len(members)


@pytest.fixture(scope="module")
def found():
    texts, topics = shuffled_answers()
    return texts, topics, suggest_themes(texts)


def test_three_new_topics_come_back_as_three_suggestions_each_about_one_topic(found):
    texts, topics, suggestions = found
    assert len(suggestions) == 3
    assert {topic_of(s, topics)[0] for s in suggestions} == set(TOPICS)
    for s in suggestions:
        topic, purity = topic_of(s, topics)
        assert purity >= 0.9, (topic, [texts[i] for i in s.members])
        assert sum(topics[i] == topic for i in s.members) >= 12, f"most {topic} answers are in it"


def test_non_answers_and_odd_ones_out_are_left_out_not_forced_in(found):
    texts, topics, suggestions = found
    members = {i for s in suggestions for i in s.members}
    assert not any(texts[i] in NON_ANSWERS for i in members)
    assert sum(topics[i] == "none" for i in members) <= 1


@pytest.mark.parametrize(
    ("topic", "expected"),
    [("buses", {"buses", "bus", "night", "late night", "night buses", "last bus"}),
     ("vaping", {"vaping", "vape", "vapes", "toilets", "school toilets"}),
     ("skate park", {"skate park", "skatepark"})],
)
def test_key_words_say_what_the_topic_is(found, topic, expected):
    _, topics, suggestions = found
    suggestion = next(s for s in suggestions if topic_of(s, topics)[0] == topic)
    assert 1 <= len(suggestion.key_words) <= 6
    assert set(suggestion.key_words[:2]) & expected, suggestion.key_words
    assert suggestion.suggested_name.lower().startswith(suggestion.key_words[0].lower())


def test_key_words_are_whole_words_people_wrote_never_stop_words_or_stems(found):
    texts, _, suggestions = found
    stop = {"the", "and", "to", "in", "of", "is", "cos", "dont", "cant", "im", "people", "just", "like", "get"}
    for s in suggestions:
        written = {w for i in s.members for w in re.findall(r"[a-z]+", texts[i].lower())}
        for phrase in s.key_words:
            words = phrase.split()
            assert set(words) <= written, (phrase, s.key_words)
            assert not set(words) & stop
            assert len(set(s.key_words)) == len(s.key_words)


def test_examples_are_distinct_members_most_typical_first(found):
    texts, topics, suggestions = found
    for s in suggestions:
        assert 1 <= len(s.examples) <= 5
        assert set(s.examples) <= set(s.members)
        assert len({texts[i].lower() for i in s.examples}) == len(s.examples)
        assert topics[s.examples[0]] == topic_of(s, topics)[0]
        assert list(s.members) == sorted(set(s.members))


def test_a_suggested_name_reads_like_a_theme_name(found):
    _, _, suggestions = found
    for s in suggestions:
        assert s.suggested_name[0].isupper()
        assert s.suggested_name == s.key_words[0][:1].upper() + s.key_words[0][1:] + (
            f" and {s.key_words[1]}" if len(s.key_words) > 1 else "")


def test_the_biggest_topic_comes_first():
    texts = BUSES_AT_NIGHT[:6] + VAPING_IN_TOILETS + SKATE_PARK_CLOSING[:10] + ODD_ONES
    suggestions = suggest_themes(texts)
    sizes = [len(s.members) for s in suggestions]
    assert sizes == sorted(sizes, reverse=True)
    assert all("vap" in w or "toilet" in w for w in suggestions[0].key_words[:1])


def test_topics_smaller_than_min_size_are_dropped_and_max_suggestions_is_kept():
    texts, topics = shuffled_answers()
    assert suggest_themes(texts, min_size=16) == []
    assert len(suggest_themes(texts, max_suggestions=2)) == 2
    few = BUSES_AT_NIGHT[:4] + VAPING_IN_TOILETS
    assert [topic_of(s, ["buses"] * 4 + ["vaping"] * 15)[0] for s in suggest_themes(few)] == ["vaping"]


@pytest.mark.parametrize(
    "texts",
    [
        [],
        ["buses at night"],
        ["buses at night", "more buses at night", "night buses"],
        NON_ANSWERS,
        ["i like dogs", "football", "more recycling", "pizza", "summer holidays", "my nan", "drawing"],
    ],
    ids=["none", "one", "a few", "only non-answers", "nothing in common"],
)
def test_too_little_to_go_on_gives_no_suggestions(texts):
    assert suggest_themes(texts) == []


@pytest.mark.parametrize("answer", ["Buses at night!", "the skate park closing was the worst thing that happened to us"])
def test_the_same_answer_many_times_is_one_suggestion(answer):
    suggestions = suggest_themes([answer] * 8 + ["n/a"] * 3)
    assert len(suggestions) == 1
    assert suggestions[0].members == tuple(range(8))
    assert suggestions[0].examples == (0,)


def test_the_same_answers_give_the_same_suggestions():
    texts, _ = shuffled_answers()
    assert suggest_themes(texts) == suggest_themes(list(texts)) == suggest_themes(tuple(texts))
    assert suggest_themes(texts, seed=5) == suggest_themes(texts, seed=5)


def many_answers(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """n answers: the three topics, the odd ones and non-answers, some with text-speak added."""
    rng = random.Random(seed)
    tails = ["", "", " tbh", " pls", " lol", " ngl", "!!", " x"]
    pools = [(topic, texts) for topic, texts in TOPICS.items()] + [("none", NON_ANSWERS + ODD_ONES)]
    texts, topics = [], []
    for _ in range(n):
        topic, pool = rng.choice(pools)
        texts.append(rng.choice(pool) + rng.choice(tails))
        topics.append(topic)
    return texts, topics


def test_twenty_thousand_answers_are_grouped_in_seconds():
    texts, topics = many_answers(20_000)
    started = time.perf_counter()
    suggestions = suggest_themes(texts)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"{elapsed:.1f} s"  # a few seconds on a laptop; generous for a busy CI machine
    for topic in TOPICS:
        # (An odd answer said hundreds of times, such as "i want a dog", may be a suggestion too.)
        best = max(suggestions, key=lambda s: sum(topics[i] == topic for i in s.members))
        hits = sum(topics[i] == topic for i in best.members)
        assert hits / len(best.members) >= 0.9
        assert hits > 0.5 * topics.count(topic)
        assert len({texts[i] for i in best.examples}) == len(best.examples)


def test_a_group_holding_every_answer_still_has_key_words_to_name_it():
    signal = ["no phone signal at the bus stop", "phone signal keeps dropping", "the wifi and phone signal are bad",
              "wifi dropping all the time", "no signal on my phone at home", "phone signal is awful here"]
    [suggestion] = suggest_themes(signal, min_size=4)
    assert "phone signal" in suggestion.key_words
    assert suggestion.suggested_name != "New theme"


def test_answers_in_another_language_are_named_by_what_they_say_not_their_grammar():
    polish = [
        "Rampa w skateparku jest zepsuta i nie da się jeździć",
        "Skatepark jest zamknięty, rampa się rozpadła",
        "Naprawcie rampę w skateparku",
        "Nie ma gdzie jeździć bo rampa jest zepsuta",
        "Chcemy nową rampę w skateparku",
        "Rampa w skateparku jest niebezpieczna",
        "W skateparku rampa jest połamana, to nie jest bezpieczne",
        "skatepark i rampa do naprawy",
    ]
    [suggestion] = suggest_themes(polish + VAPING_IN_TOILETS[:3])
    assert {"rampa", "skatepark", "skateparku"} & set(suggestion.key_words)
    assert not {"się", "nie", "jest", "w"} & set(suggestion.key_words), suggestion.key_words
