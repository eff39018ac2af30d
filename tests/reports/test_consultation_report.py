"""A consultation's write-up for the board, and the version for young people."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from engage import reports
from engage.analysis.suppression import fewer_than, hidden, shown
from engage.reports.consultation import (
    consultation_csv,
    consultation_html,
    consultation_pdf,
    young_people_html,
)
from engage.services.voice_model import ChoiceResult, Row
from tests.reports.helpers import csv_rows, pdf_text, pdf_title, svgs
from tests.reports.samples import CONSULTATION, FEW, SCRIPT, with_labels


@pytest.fixture(scope="module")
def board_page() -> str:
    return consultation_html(CONSULTATION)


@pytest.fixture(scope="module")
def young_page() -> str:
    return young_people_html(CONSULTATION)


# --- for the board -------------------------------------------------------------------


def test_the_write_up_gives_who_took_part_headlines_with_a_quote_choices_and_actions(board_page):
    for words in (
        "<h1>Square Table, July</h1>", "SQT7K2", "Who took part", "215 young people",
        "Knife crime", "42 answers", "I don&#39;t walk through the park after dark",
        "What they chose", "Which issue matters most to you?",
        "You said, we did", "More street lights on Station Road", "In progress",
    ):
        assert words in board_page, words


def test_each_headline_theme_has_one_quote_at_most(board_page):
    assert "The youth club made me feel safer" not in board_page  # the knife crime theme's second quote


def test_suppressed_counts_read_fewer_than_10_on_the_write_up(board_page):
    assert "fewer than 10 answers" in board_page  # bullying's count
    assert board_page.count(FEW) >= 3


def test_the_write_up_escapes_what_people_typed():
    page = consultation_html(with_labels(CONSULTATION, SCRIPT))
    assert "<script" not in page and "&lt;script&gt;" in page


def test_the_write_up_pdf_opens_with_its_title_and_hides_small_numbers():
    data = consultation_pdf(CONSULTATION)
    assert pdf_title(data) == "Square Table, July: write-up for the board"
    text = " ".join(pdf_text(data).split())
    for words in ("Square Table, July", "Who took part", "Knife crime", "fewer than 10",
                  "Which issue matters most to you?", "More street lights on Station Road"):
        assert words in text, words


def test_the_write_up_csv_has_its_tables_and_no_trend_against_a_period_it_does_not_have():
    rows = csv_rows(consultation_csv(CONSULTATION))
    assert {"about", "participation", "themes", "choices", "actions"} <= {r["table"] for r in rows}
    assert ("about", "consultation code", "SQT7K2") in {(r["table"], r["label"], r["value"]) for r in rows}
    assert not {r["measure"] for r in rows} & {"previous period", "trend"}
    assert FEW in {r["value"] for r in rows}


@pytest.mark.parametrize("fmt, name", [
    ("html", "consultation-SQT7K2.html"), ("pdf", "consultation-SQT7K2.pdf"), ("csv", "consultation-SQT7K2.csv"),
])
def test_the_board_version_comes_in_every_format(fmt, name):
    assert reports.consultation_report(CONSULTATION, fmt).filename == name


# --- for young people ------------------------------------------------------------------


def test_the_young_peoples_version_speaks_plainly_in_big_text(young_page):
    assert '<body class="report young-people">' in young_page
    for words in ("What you told us", "215 young people took part. Thank you!",
                  "What you talked about most", "What you chose", "What is being done about it",
                  "Childline"):
        assert words in young_page, words


def test_it_has_no_quote_and_no_question_about_the_young_people_themselves(young_page):
    assert "walk through the park" not in young_page and "waited a year" not in young_page
    assert "How old are you?" not in young_page


def test_its_charts_come_with_their_text_alternative_in_words(young_page):
    charts = svgs(young_page)
    assert charts and all('role="img"' in svg for svg in charts)
    assert "In words: Knife crime: 90 (50%); Buses and transport: 81 (45%)" in young_page


def test_it_gives_no_percentage_of_a_small_group():
    small = ChoiceResult("SQT7K2", "Square Table, July", "q", "Do you feel safe?", "yes_no", shown(24),
                         (Row("yes", "Yes", shown(12), 50), Row("no", "No", shown(12), 50)))
    page = young_people_html(replace(CONSULTATION, choices=(small,)))
    assert "12" in page and "%" not in re.sub(r"<style>.*?</style>", "", page, flags=re.S)


@pytest.mark.parametrize("cell, words", [
    (fewer_than(10), "Fewer than 10 young people took part."),
    (hidden(), "Young people took part. Thank you!"),
    (shown(0), "Nobody has sent answers yet."),
    (shown(1), "1 young person took part."),
])
def test_it_says_how_many_took_part_without_giving_a_small_number(cell, words):
    summary = replace(CONSULTATION, participation=replace(CONSULTATION.participation, responses=cell))
    assert words in young_people_html(summary)


def test_a_small_theme_is_named_without_its_count(young_page):
    assert "<strong>Bullying and online safety</strong></li>" in young_page
    assert "<strong>Knife crime</strong>: 42 answers" in young_page


def test_it_escapes_what_people_typed():
    page = young_people_html(with_labels(CONSULTATION, SCRIPT))
    assert "<script" not in page and "&lt;script&gt;" in page


def test_the_young_peoples_version_is_a_web_page_only():
    assert reports.consultation_report(CONSULTATION, "html", "young-people").filename == (
        "consultation-SQT7K2-young-people.html"
    )
    for fmt in ("pdf", "csv"):
        with pytest.raises(reports.ReportError, match="web page"):
            reports.consultation_report(CONSULTATION, fmt, "young-people")
    with pytest.raises(reports.ReportError, match="version"):
        reports.consultation_report(CONSULTATION, "html", "grown-ups")


# --- the public results page (/s/<CODE>/results) ------------------------------------------


@pytest.fixture
def ballot(app) -> str:
    from engage.services.demo import create_demo

    with app.app_context():
        made = create_demo(responses_each=60, seed=7)
        return next(c.join_code for c in made if c.kind == "youth_ballot")


def test_the_results_page_shows_each_choice_question_as_lines_of_words_and_numbers(app, client, ballot):
    page = client.get(f"/s/{ballot}/results").get_data(as_text=True)
    assert "What young people chose" in page
    assert page.count('<ul class="bars">') >= 1 and page.count('<span class="bar-label" dir="auto">') >= 3
    # The words and numbers are the page's text; the bars beside them are only a picture of it.
    bars = svgs(page)
    assert bars and all('aria-hidden="true"' in svg and 'role="img"' not in svg for svg in bars)
    assert "fewer than 10" in page  # the note on small numbers, at least
    assert "<script" not in page


def test_the_results_page_gives_no_percentage_of_a_small_group_and_no_answer_in_words(app, client):
    from engage.services.demo import create_demo

    with app.app_context():
        made = create_demo(responses_each=20, seed=3)
        code = next(c.join_code for c in made if c.kind == "square_table")
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    assert "%)" not in page
    from engage.services.demo import DEMO_TEXTS

    assert not any(text in page for text in DEMO_TEXTS)


def test_the_results_page_of_a_consultation_with_no_answers_has_no_charts(app, client):
    from engage.services.consultations import create_from_template

    with app.app_context():
        code = create_from_template("youth-ballot").join_code
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    assert "What young people chose" not in page and "<svg" not in page


def test_a_question_whose_every_count_is_hidden_is_said_in_a_sentence_not_drawn():
    withheld = ChoiceResult("SQT7K2", "Square Table, July", "q", "Do you feel safe at the bus station?", "yes_no",
                            shown(30), (Row("yes", "Yes", hidden()), Row("no", "No", hidden())))
    summary = replace(CONSULTATION, choices=(withheld,))
    young = young_people_html(summary)
    assert "Do you feel safe at the bus station?" in young
    assert "can&#39;t show the numbers for this one" in young and not svgs(young)
    board = consultation_html(summary)
    assert "Each hidden, so that nobody can be picked out: Yes, No." in board
