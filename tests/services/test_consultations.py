"""Consultations: created from templates, found by join code, opened and closed."""
from datetime import date, timedelta

import pytest

from engage.models import CLOSED, DRAFT, OPEN
from engage.services import consultations
from engage.services.errors import ConsultationClosed, ConsultationNotFound
from engage.services.join_codes import ALPHABET, normalise_join_code
from surveys.errors import SurveyDefinitionError
from surveys.templates import load_template, template_names


@pytest.mark.parametrize("template", template_names())
def test_a_consultation_made_from_a_template_runs_that_template(ctx, template):
    made = consultations.create_from_template(template)
    assert made.status == DRAFT and made.template == template
    assert consultations.survey_of(made) == load_template(template)
    assert made.current_version.number == 1


def test_join_codes_are_unique_and_easy_to_read(ctx):
    codes = {consultations.create_from_template("youth-ballot").join_code for _ in range(30)}
    assert len(codes) == 30
    assert all(len(code) == 6 and set(code) <= set(ALPHABET) for code in codes)
    assert not set("01OIL") & set(ALPHABET)


@pytest.mark.parametrize(
    "typed, expected",
    [("kx7p4m", "KX7P4M"), (" KX7-P4M ", "KX7P4M"), ("kx 7p 4m", "KX7P4M"), ("K0", None), ("", None)],
)
def test_a_typed_join_code_is_tidied_or_refused(typed, expected):
    assert normalise_join_code(typed) == expected


def test_an_unknown_template_is_refused_naming_the_known_ones(ctx):
    with pytest.raises(SurveyDefinitionError, match="youth-ballot"):
        consultations.create_from_template("no-such-template")


def test_a_consultation_takes_answers_only_while_open_and_within_its_dates(ctx):
    made = consultations.create_from_template("youth-ballot")
    today = date(2026, 11, 24)
    with pytest.raises(ConsultationClosed):
        consultations.consultation_for_answering(made.join_code, today)
    consultations.set_status(made.join_code, OPEN)
    assert consultations.consultation_for_answering(made.join_code.lower(), today) == made
    made.closes_on = today - timedelta(days=1)
    with pytest.raises(ConsultationClosed):
        consultations.consultation_for_answering(made.join_code, today)
    made.closes_on, made.opens_on = None, today + timedelta(days=1)
    with pytest.raises(ConsultationClosed):
        consultations.consultation_for_answering(made.join_code, today)
    consultations.set_status(made.join_code, CLOSED)
    with pytest.raises(ConsultationNotFound):
        consultations.set_status("ZZZZZZ", OPEN)


def test_the_list_counts_only_sent_responses(ctx):
    from engage.services import responding

    made = consultations.create_from_template("youth-ballot", status=OPEN)
    responding.start_response(made.join_code, "web")
    listed = consultations.list_consultations()
    assert [(c.join_code, c.status, c.responses) for c in listed] == [(made.join_code, OPEN, 0)]


def test_a_template_title_left_as_it_was_reads_in_the_young_persons_language(ctx):
    made = consultations.create_from_template("youth-ballot")
    assert consultations.title_for(made, "cy") == "Pleidlais ieuenctid – beth sydd bwysicaf i ti?"
    assert consultations.title_for(made, "en") == made.title == "Youth ballot – what matters most to you?"


def test_a_title_the_facilitator_wrote_stays_as_written_in_every_language(ctx):
    made = consultations.create_from_template("youth-ballot", title="Scunthorpe youth ballot 2026")
    assert {consultations.title_for(made, language) for language in ("en", "cy", "ar")} == {
        "Scunthorpe youth ballot 2026"
    }
