"""The partnership's taxonomy: the default one the project ships, and the rules that keep
an edited one usable, with reasons a facilitator can act on."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from engage.analysis.themes.taxonomy import (
    MAX_DESCRIPTION,
    MAX_KEY,
    MAX_NAME,
    Taxonomy,
    TaxonomyError,
    Theme,
    default_taxonomy,
    slugify,
    validate,
)

# The themes named in the domain brief (shared/domain.md), by the key each has.
DOMAIN_THEMES = {
    "knife-crime": "Knife crime",
    "exploitation": "Exploitation",
    "domestic-abuse": "Domestic abuse",
    "neglect": "Neglect",
    "emotional-wellbeing": "Emotional wellbeing and mental health",
    "bullying-online-safety": "Bullying and online safety",
    "positive-activities": "Positive activities",
    "community-transport": "Community and transport",
    "school-transition": "School and transition to adulthood",
    "risk-outside-home": "Risk outside the home",
}
BOARD_AREAS = ("Child exploitation", "Domestic abuse", "Neglect", "Risk outside the home")
# Words too ordinary to be seed phrases: a seed always tags its theme.
ORDINARY = {"safe", "unsafe", "school", "home", "people", "help", "good", "bad", "more", "scared", "friends", "online", "teachers"}


def small() -> Taxonomy:
    return Taxonomy(
        themes=(
            Theme("knife-crime", "Knife crime", "Knives and weapons.", "Risk outside the home",
                  ("knife", "stabbed"), ("too many knives round here", "my mate got stabbed")),
            Theme("buses", "Buses", "Getting about.", "Wellbeing and opportunities",
                  ("bus fare",), ("buses are too dear",)),
        ),
        areas=("Risk outside the home", "Wellbeing and opportunities"),
    )


def problems_of(taxonomy: Taxonomy) -> tuple[str, ...]:
    with pytest.raises(TaxonomyError) as caught:
        validate(taxonomy)
    return caught.value.problems


# -- the default taxonomy ---------------------------------------------------------------

def test_the_default_taxonomy_loads_and_is_valid():
    taxonomy = default_taxonomy()
    validate(taxonomy)
    assert 12 <= len(taxonomy.themes) <= 16


def test_the_default_taxonomy_has_every_theme_of_the_domain_brief():
    taxonomy = default_taxonomy()
    for key, name in DOMAIN_THEMES.items():
        assert taxonomy.theme(key).name == name


def test_the_board_areas_of_focus_come_first_and_every_theme_rolls_up_into_one():
    taxonomy = default_taxonomy()
    assert taxonomy.areas[: len(BOARD_AREAS)] == BOARD_AREAS
    assert {t.area for t in taxonomy.themes} == set(taxonomy.areas), "an area of focus with no theme"
    assert taxonomy.theme("exploitation").area == "Child exploitation"
    assert taxonomy.theme("domestic-abuse").area == "Domestic abuse"
    assert taxonomy.theme("neglect").area == "Neglect"
    assert taxonomy.theme("knife-crime").area == "Risk outside the home"


def _default_file() -> dict:
    import yaml
    from importlib import resources

    text = resources.files("engage.analysis").joinpath("data/taxonomy.yaml").read_text("utf-8")
    return {theme["key"]: theme for theme in yaml.safe_load(text)["themes"]}


@pytest.mark.parametrize("theme", default_taxonomy().themes, ids=lambda t: t.key)
def test_every_default_theme_has_a_description_seeds_and_examples(theme):
    written = _default_file()[theme.key]
    assert theme.description.strip()
    assert 8 <= len(written["seeds"]) <= 20  # in English: few and specific
    assert 20 <= len(theme.examples) <= 30
    assert len(set(theme.examples)) == len(theme.examples)


@pytest.mark.parametrize("theme", default_taxonomy().themes, ids=lambda t: t.key)
def test_every_default_theme_has_seeds_in_each_other_language_and_reads_them_as_seeds(theme):
    elsewhere = _default_file()[theme.key]["seeds_in_other_languages"]
    assert set(elsewhere) == {"cy", "pl", "ro", "ar", "ur"}
    assert all(3 <= len(seeds) <= 20 for seeds in elsewhere.values()), elsewhere
    assert all(seed in theme.seeds for seeds in elsewhere.values() for seed in seeds)


@pytest.mark.parametrize("theme", default_taxonomy().themes, ids=lambda t: t.key)
def test_default_seed_phrases_are_specific_not_ordinary_words(theme):
    assert not ORDINARY & {s.lower() for s in theme.seeds}
    assert all(s == s.strip() and len(s) >= 3 for s in theme.seeds)


def test_default_examples_sound_like_young_people_not_one_template():
    examples = [text for text, _ in default_taxonomy().training_examples()]
    lengths = sorted(len(e.split()) for e in examples)
    assert lengths[0] <= 2 and lengths[-1] >= 12, "some one-word answers and some long ones"
    assert sum(e[0].islower() for e in examples) > len(examples) / 3, "not all neatly capitalised"
    assert any(w in e.split() for e in examples for w in ("ppl", "cos", "tbh", "u", "ngl", "pls"))


def test_training_examples_and_seeds_come_from_every_theme():
    taxonomy = default_taxonomy()
    examples = taxonomy.training_examples()
    assert len(examples) == sum(len(t.examples) for t in taxonomy.themes)
    assert {labels[0] for _, labels in examples} == set(taxonomy.keys)
    assert all(len(labels) == 1 for _, labels in examples)
    assert ("knife crime and gangs", ["knife-crime"]) in examples
    assert taxonomy.seeds()["knife-crime"][:2] == ("knife", "knives")
    assert list(taxonomy.seeds()) == list(taxonomy.keys)


# -- the data structure -----------------------------------------------------------------

def test_a_taxonomy_round_trips_through_json_exactly():
    for taxonomy in (default_taxonomy(), small()):
        data = json.loads(json.dumps(taxonomy.to_dict()))
        assert data == taxonomy.to_dict()
        assert Taxonomy.from_dict(data) == taxonomy
        assert Taxonomy.from_dict(data).to_dict() == data


def test_lists_given_for_tuples_are_kept_as_tuples_so_equal_taxonomies_compare_equal():
    knife = small().theme("knife-crime")
    as_lists = Theme(knife.key, knife.name, knife.description, knife.area, list(knife.seeds), list(knife.examples))
    assert as_lists == knife
    assert Taxonomy([knife], ["Risk outside the home"]) == Taxonomy((knife,), ("Risk outside the home",))


def test_a_theme_is_found_by_its_key_and_an_unknown_key_is_a_key_error():
    assert small().theme("buses").name == "Buses"
    with pytest.raises(KeyError):
        small().theme("vaping")


def test_adding_a_theme_returns_a_new_taxonomy_with_it_last():
    vaping = Theme("vaping", "Vaping", "", "Risk outside the home", ("vape",), ("vapes everywhere",))
    before = small()
    after = before.with_theme(vaping)
    assert after.keys == ("knife-crime", "buses", "vaping")
    assert before.keys == ("knife-crime", "buses")
    validate(after)


def test_editing_a_theme_replaces_it_in_place_under_the_same_key():
    renamed = replace(small().theme("knife-crime"), name="Knives and weapons")
    after = small().with_theme(renamed)
    assert after.keys == ("knife-crime", "buses")
    assert after.theme("knife-crime").name == "Knives and weapons"


def test_removing_a_theme_keeps_the_others_and_an_unknown_key_is_a_key_error():
    assert small().without_theme("knife-crime").keys == ("buses",)
    with pytest.raises(KeyError):
        small().without_theme("vaping")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("themes", "must have a list of areas of focus and a list of themes"),
        ({"areas": ["A"], "themes": [{"key": "a", "name": "A"}]}, 'The theme "A" is missing its area of focus'),
        ({"areas": ["A"], "themes": [{"area": "A"}]}, "A theme is missing its key and name"),
        ({"areas": ["A"], "themes": [{"key": "a", "name": "A", "area": "A", "seeds": "knife"}]},
         "seed phrases must be a list"),
        # YAML reads a bare `no` as false: an example must be quoted to stay text.
        ({"areas": ["A"], "themes": [{"key": "a", "name": "A", "area": "A", "examples": [False]}]},
         "example answer False must be text"),
    ],
)
def test_a_badly_shaped_taxonomy_is_refused_with_the_reason(data, words):
    with pytest.raises(TaxonomyError, match=words):
        Taxonomy.from_dict(data)


# -- validation -------------------------------------------------------------------------

def edit(**changes) -> Taxonomy:
    """The small taxonomy with its "buses" theme changed (its key too, if asked)."""
    knife, buses = small().themes
    return replace(small(), themes=(knife, replace(buses, **changes)))


@pytest.mark.parametrize(
    ("taxonomy", "words"),
    [
        (edit(name="  "), 'The theme with key "buses" has no name'),
        (edit(name="B" * (MAX_NAME + 1)), f"name that is too long: keep it to {MAX_NAME} characters"),
        (edit(name="KNIFE crime"), 'The themes "Knife crime" and "KNIFE crime" have the same name'),
        (edit(key="knife-crime"), 'have the same key "knife-crime"'),
        (edit(key="Buses!"), 'has the key "Buses!": a key is lower-case letters, digits and single hyphens'),
        (edit(area="Transport"), 'The theme "Buses" rolls up into "Transport", which is not one of the areas of focus'),
        (edit(description="d" * (MAX_DESCRIPTION + 1)), "description that is too long"),
        (edit(seeds=("bus fare", "no")), 'has the seed phrase "no": seed phrases need at least 3 characters'),
        (edit(seeds=("bus " * 20,)), "which is too long: keep seed phrases to 60 characters"),
        (edit(examples=("x" * 501,)), "which is too long: keep examples to 500 characters"),
        (edit(examples=("", "buses")), 'The theme "Buses" has an empty example answer'),
        (edit(examples=("Too many KNIVES round here",)),
         'is under both "Knife crime" and "Buses": keep it under the theme it is mostly about'),
        (replace(small(), areas=()), "Add at least one area of focus"),
        (replace(small(), areas=(*small().areas, "risk outside the home")), 'is listed twice'),
    ],
    ids=[
        "empty name", "long name", "duplicate name", "duplicate key", "bad key", "unknown area",
        "long description", "short seed", "long seed", "long example", "empty example",
        "example in two themes", "no areas", "duplicate area",
    ],
)
def test_validation_says_what_is_wrong_in_words_a_facilitator_understands(taxonomy, words):
    problems = problems_of(taxonomy)
    assert any(words in p for p in problems), problems
    assert all("\n" not in p and p.endswith((".", "s", "d")) for p in problems)


def test_validation_lists_every_problem_at_once():
    taxonomy = edit(name="", area="Transport", seeds=("ok",))
    problems = problems_of(taxonomy)
    assert len(problems) == 3
    with pytest.raises(TaxonomyError) as caught:
        validate(taxonomy)
    assert str(caught.value) == "\n".join(problems)
    assert isinstance(caught.value, ValueError)


def test_a_seed_phrase_of_three_letters_is_allowed():
    validate(edit(seeds=("bus", "101")))


# -- keys for new themes ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Buses & late nights", "buses-and-late-nights"),
        ("  Skate park closing!! ", "skate-park-closing"),
        ("Café culture", "cafe-culture"),
        ("Year 7 transition", "year-7-transition"),
        ("!!!", "theme"),
    ],
)
def test_slugify_makes_a_readable_key_from_a_name(name, key):
    assert slugify(name) == key


def test_slugify_is_unique_against_existing_keys():
    keys = {"vaping", "vaping-2"}
    assert slugify("Vaping", keys) == "vaping-3"
    assert slugify("Vaping", {"knife-crime"}) == "vaping"
    assert slugify("Knife crime", default_taxonomy().keys) == "knife-crime-2"


def test_a_slug_from_a_long_name_is_a_valid_key_cut_at_a_word():
    name = "Young people who feel nobody in charge ever explains why decisions are made about their lives"
    key = slugify(name)
    assert len(key) <= MAX_KEY and not key.endswith("-")
    assert name.lower().replace(" ", "-").startswith(key)
    validate(small().with_theme(Theme(key, "Long one", "", "Wellbeing and opportunities")))
    validate(small().with_theme(Theme(slugify(name, {key}), "Long two", "", "Wellbeing and opportunities")))
