"""New themes from answers that fit none: suggested with scrubbed examples, and promoted into the taxonomy."""
from __future__ import annotations

import pytest
from engage.analysis.themes.taxonomy import TaxonomyError
from engage.models import OPEN
from engage.services import theme_emerging, theme_review, theme_tagging, themes
from engage.services.consultations import create_consultation
from engage.services.users import create_user, set_members
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, answer, tags

PASSWORD = "a long password for tests"
# A topic the default taxonomy has no theme for.
PHONE_SIGNAL = [
    "the wifi and phone signal keep dropping",
    "cant get any phone signal in my bedroom",
    "phone signal is rubbish here",
    "phone signal is terrible and the wifi keeps dropping",
    "no signal at all, phone just says no service",
    "the signal drops every night and the wifi too, text Mia on 07700 900123",
    "mobile signal is non existent round ours",
]
# Other answers that fit no theme, each on its own.
ODDS_AND_ENDS = ["my cat is called biscuit", "I like drawing and painting", "I play the guitar"]


def write_all(code: str) -> list[int]:
    """The phone signal answers' ids, after every answer is in."""
    ids = [answer(code, words) for words in PHONE_SIGNAL]
    for words in ODDS_AND_ENDS:
        answer(code, words)
    return ids


@pytest.fixture
def code(ctx):
    return create_consultation(loads(SURVEY), status=OPEN).join_code


@pytest.fixture
def admin(ctx):
    return create_user("ada@example.org", "Ada", "admin", password=PASSWORD)[0]


def test_answers_that_fit_no_theme_are_suggested_as_a_new_theme_with_scrubbed_examples(code):
    ids = write_all(code)
    answer(code, KNIVES)
    assert all(tags(i) == {} for i in ids), "the default taxonomy has no theme for these"
    assert theme_emerging.untagged_count() == len(ids) + len(ODDS_AND_ENDS)

    [suggestion] = theme_emerging.emerging(min_size=4)
    assert "signal" in " ".join(suggestion.key_words)
    assert set(suggestion.answer_ids) <= set(ids) and suggestion.size == len(suggestion.answer_ids) >= 4
    assert suggestion.examples and all("signal" in e for e in suggestion.examples)
    assert all("07700" not in e and "Mia" not in e for e in suggestion.examples)
    assert suggestion.suggested_name


def test_flagged_and_people_themed_answers_are_never_among_them(code, admin):
    ids = [answer(code, words) for words in PHONE_SIGNAL]
    flagged = answer(code, "my stepdad hits me and there is no phone signal to call anyone")
    theme_review.record_review(ids[0], ["community-transport"], by=admin)
    theme_review.record_review(ids[1], [], by=admin)  # no theme fits: still emerging
    counted, _ = theme_emerging._fitting_no_theme(None, None, None)
    assert flagged not in counted and ids[0] not in counted and ids[1] in counted


def test_a_co_facilitator_is_shown_only_their_own_consultations_answers(code, admin):
    for words in PHONE_SIGNAL:
        answer(code, words)
    other = create_consultation(loads(SURVEY), status=OPEN)
    young = create_user("kai@example.org", "Kai", "co_facilitator", password=PASSWORD)[0]
    set_members(other, [young.id], by=admin)
    assert theme_emerging.emerging(user=young, min_size=4) == []
    assert theme_emerging.untagged_count(user=young) == 0


def test_promoting_a_suggestion_makes_a_taxonomy_version_with_the_new_theme(code, admin):
    ids = write_all(code)
    [suggestion] = theme_emerging.emerging(min_size=4)
    _, before = themes.current_taxonomy()

    version = theme_emerging.promote(suggestion, "Phone signal", before.areas[-1], "No signal at home", by=admin)

    assert version.number == 2
    _, taxonomy = themes.current_taxonomy()
    theme = taxonomy.theme("phone-signal")
    assert (theme.name, theme.area, theme.description) == ("Phone signal", before.areas[-1], "No signal at home")
    assert theme.seeds and theme.seeds == tuple(w for w in suggestion.key_words if len(w) >= 3)
    assert theme.examples == suggestion.examples
    assert themes.taxonomy_version(1)[1] == before
    # Once re-tagged, the answers have the theme and no longer fit none.
    theme_tagging.retag()
    assert sum("phone-signal" in tags(i) for i in ids) >= 4
    assert theme_emerging.emerging(min_size=4) == []


def test_a_promoted_name_that_cannot_be_used_is_refused_with_the_reason(code, admin):
    write_all(code)
    [suggestion] = theme_emerging.emerging(min_size=4)
    with pytest.raises(TaxonomyError, match="not one of the areas"):
        theme_emerging.promote(suggestion, "Phone signal", "Nowhere", by=admin)
    assert themes.current_taxonomy()[0].number == 1


def test_a_suggestion_sent_back_by_a_form_can_be_promoted(ctx, admin):
    _, taxonomy = themes.current_taxonomy()
    data = {"key_words": ["phone signal", "no", "estate"], "examples": ["no phone signal on the estate"]}
    theme_emerging.promote(data, "Phone signal", taxonomy.areas[0], by=admin)
    _, taxonomy = themes.current_taxonomy()
    theme = taxonomy.theme("phone-signal")
    assert theme.seeds == ("phone signal", "estate")  # too short to be a seed phrase: "no"
    assert theme.examples == ("no phone signal on the estate",)
