"""The theme tagger: learns from coded answers, explains each tag, leaves misfits untagged."""
import numpy as np
import pytest

from engage.analysis.themes.tagger import SEED_CONFIDENCE, Tagger
from engage.analysis.themes.taxonomy import default_taxonomy
from engage.analysis.themes.training import examples_for

CODED = [
    ("the buses stop at 6 so I cant get home from football", ["transport"]),
    ("no bus after dark in our village", ["transport"]),
    ("buses are always late and too expensive", ["transport"]),
    ("bus fares cost too much for us", ["transport"]),
    ("the last bus home is way too early", ["transport"]),
    ("we need more buses at night", ["transport"]),
    ("the bus driver wont let us on with a student pass", ["transport"]),
    ("people get bullied in the group chat", ["bullying"]),
    ("i got bullied at school for my hair", ["bullying"]),
    ("kids bully each other online and teachers do nothing", ["bullying"]),
    ("bullying on snapchat is really bad", ["bullying"]),
    ("they called me names every day in year 8", ["bullying"]),
    ("someone made a fake account to bully my friend", ["bullying"]),
    ("the youth club is closed now so nowhere to go", ["activities"]),
    ("we want a skate park and more clubs", ["activities"]),
    ("more things to do at the weekend like sports", ["activities"]),
    ("the youth club was the best thing in town", ["activities"]),
    ("free football sessions on friday nights", ["activities"]),
    ("nothing to do round here except sit in the park", ["activities"]),
    ("my favourite colour is blue", []),
    ("i had chips for tea", []),
]


@pytest.fixture(scope="module")
def tagger():
    return Tagger.train(CODED, {"knife-crime": ["knife", "stabbed"]})


def themes_of(tags):
    return [t.theme for t in tags]


def test_a_new_answer_in_other_words_gets_the_theme_with_the_words_that_weighed_most(tagger):
    [tag] = tagger.tag("the bus never comes at night")
    assert tag.theme == "transport"
    assert 0.5 < tag.confidence <= 1
    assert "bus" in tag.reason


def test_an_answer_about_two_things_gets_both_themes(tagger):
    tags = tagger.tag("the youth club closed and the buses are too expensive")
    assert set(themes_of(tags)) == {"activities", "transport"}


def test_an_answer_that_fits_no_theme_stays_untagged(tagger):
    assert tagger.tag("my cat is called biscuit") == []


@pytest.mark.parametrize("text", ["n/a", "Nothing.", "did not answer", "  ", ""])
def test_a_non_answer_never_gets_a_theme(tagger, text):
    assert tagger.tag(text) == []


def test_a_seed_phrase_tags_its_theme_and_says_so(tagger):
    [tag] = tagger.tag("a boy in my year carries a knife")
    assert tag == type(tag)("knife-crime", SEED_CONFIDENCE, 'said "knife"')


def test_a_seed_phrase_is_found_through_disguises(tagger):
    # Cyrillic "к" and a zero-width space inside the word
    assert "knife-crime" in themes_of(tagger.tag("he had a \u043ani\u200bfe on him"))


def test_a_seed_word_inside_another_word_does_not_count(tagger):
    assert "knife-crime" not in themes_of(tagger.tag("the knifeless cutlery in the canteen"))


def test_tags_come_most_confident_first(tagger):
    tags = tagger.tag("people get bullied on the bus with a knife")
    assert [t.confidence for t in tags] == sorted((t.confidence for t in tags), reverse=True)


def test_tagging_many_gives_the_same_as_one_at_a_time(tagger):
    texts = [text for text, _ in CODED] + ["the bus never comes", "n/a", "knife"]
    assert tagger.tag_many(texts) == [tagger.tag(t) for t in texts]


def test_a_stored_tagger_tags_exactly_as_before(tagger):
    again = Tagger.from_bytes(tagger.to_bytes())
    texts = ["the bus never comes at night", "bullied online", "knife", "youth club"]
    assert again.tag_many(texts) == tagger.tag_many(texts)
    assert again.themes == tagger.themes


def test_a_stored_tagger_is_not_a_pickle_and_refuses_one():
    import pickle
    with pytest.raises(ValueError):
        Tagger.from_bytes(pickle.dumps({"weights": np.zeros(3)}))


def test_seeds_alone_make_a_working_tagger():
    tagger = Tagger.train([], {"vaping": ["vape", "vaping"]})
    assert themes_of(tagger.tag("everyone is vaping in the toilets")) == ["vaping"]
    assert tagger.tag("the toilets are dirty") == []
    assert Tagger.from_bytes(tagger.to_bytes()).tag("a vape") == tagger.tag("a vape")


def test_one_theme_with_nothing_to_contrast_falls_back_to_its_seeds():
    tagger = Tagger.train([("buses are late", ["transport"])], {"transport": ["bus"]})
    assert themes_of(tagger.tag("the bus")) == ["transport"]
    assert tagger.tag("school dinners") == []


def test_answers_coded_as_no_theme_teach_what_a_theme_is_not():
    coded = [(f"the buses {w}", ["transport"]) for w in ("are late", "cost a lot", "are dirty", "stop early")]
    coded += [(f"the {w} buses in my dream", []) for w in ("red", "flying", "talking", "giant")]
    coded += [(f"school is {w}", ["school"]) for w in ("hard", "boring", "too strict", "stressful")]
    tagger = Tagger.train(coded)
    assert tagger.tag("buses are late") and tagger.tag("buses are late")[0].theme == "transport"


OFF_TOPIC = ["I had cereal for breakfast this morning", "the weather was nice today", "my dog is called Bella",
             "I like chips", "my favourite band is coldplay", "it was a good day", "the survey was fine",
             "nothing much to say really"]


def test_everyday_talk_stays_untagged_by_the_default_tagger():
    taxonomy = default_taxonomy()
    tagger = Tagger.train(examples_for(taxonomy), taxonomy.seeds())
    tagged = {text: themes_of(tagger.tag(text)) for text in OFF_TOPIC}
    assert sum(1 for themes in tagged.values() if themes) <= 1, tagged


def test_the_default_taxonomy_trains_a_tagger_that_reads_young_peoples_words():
    taxonomy = default_taxonomy()
    tagger = Tagger.train(examples_for(taxonomy), taxonomy.seeds())
    expected = {
        "there should be more youth clubs open in the holidays": "positive-activities",
        "my mum's boyfriend shouts at her and throws stuff": "domestic-abuse",
        "people send horrible messages about me on insta": "bullying-online-safety",
        "i feel anxious all the time and cant sleep": "emotional-wellbeing",
        "older lads pay younger kids to carry bags for them": "exploitation",
    }
    tagged = {text: themes_of(tagger.tag(text)) for text in expected}
    right = [text for text, key in expected.items() if key in tagged[text]]
    assert len(right) == len(expected), tagged


IN_OTHER_LANGUAGES = {
    "Autobusy się spóźniają i są za drogie": "community-transport",  # Polish
    "Na przystanku jest ciemno": "community-transport",
    "Chcemy klub młodzieżowy": "positive-activities",
    "Jest dużo rasizmu w szkole": "discrimination-harassment",
    "Autobuzele întârzie mereu": "community-transport",  # Romanian
    "Poliția nu ne ascultă": "police-trust",
    "Mae angen clwb ieuenctid yn y pentref": "positive-activities",  # Welsh
    "Mae'r bysiau yn hwyr bob tro": "community-transport",
    "الباص يتأخر دائما": "community-transport",  # Arabic
    "الشرطة لا تستمع لنا": "police-trust",
    "بسیں ہمیشہ لیٹ ہوتی ہیں": "community-transport",  # Urdu
    "ہمیں یوتھ کلب چاہیے": "positive-activities",
    "Mam depresję i nikt mi nie pomaga": "emotional-wellbeing",
}
OFF_TOPIC_ELSEWHERE = ["Mam psa, nazywa się Burek", "Îmi place pizza", "Mae gen i gath", "أحب القطط", "مجھے کرکٹ پسند ہے"]


def test_answers_in_a_young_persons_own_language_are_heard_under_their_theme():
    taxonomy = default_taxonomy()
    tagger = Tagger.train(examples_for(taxonomy), taxonomy.seeds())
    tagged = {text: themes_of(tagger.tag(text)) for text in IN_OTHER_LANGUAGES}
    assert all(key in tagged[text] for text, key in IN_OTHER_LANGUAGES.items()), tagged
    assert not any(themes_of(tagger.tag(text)) for text in OFF_TOPIC_ELSEWHERE)
