"""The quarterly report, from a summary built by hand: three parts, small numbers hidden everywhere."""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import pytest

from engage import reports
from engage.analysis.suppression import fewer_than, shown
from engage.reports import html as report_html
from engage.reports import tables
from engage.reports.quarterly import quarterly_csv, quarterly_html, quarterly_pdf
from engage.services.voice_model import Participation, Period, Quote, Row
from tests.reports.helpers import csv_rows, pdf_filled_rectangles, pdf_text, pdf_title, svgs
from tests.reports.samples import FEW, SCRIPT, SUMMARY, WELLBEING, with_labels

TITLE = "Engagement with children and young people"


@pytest.fixture(scope="module")
def page() -> str:
    return quarterly_html(SUMMARY)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return quarterly_pdf(SUMMARY)


# --- the web page -----------------------------------------------------------------


def test_the_page_has_the_three_parts_in_order(page):
    parts = [page.index(f"{n}. {name}") for n, name in enumerate(
        ("The activity", "The views and voices", "The impact"), start=1)]
    assert parts == sorted(parts)
    assert f"<h1>{TITLE}</h1>" in page
    assert "2026 Q3: 1 July 2026 to 30 September 2026" in page


def test_the_activity_shows_consultations_and_responses_by_kind_age_band_and_channel(page):
    activity = page[page.index('id="activity"'):page.index('id="voices"')]
    for words in ("Consultations run", "215", "Square table event", "Lifestyle survey", "11 to 13", "Web page"):
        assert words in activity


def test_the_views_and_voices_show_themes_trend_sentiment_areas_quotes_and_choices(page):
    voices = page[page.index('id="voices"'):page.index('id="impact"')]
    for words in (
        "Knife crime", "up on last period", "negative 30", "Risk outside the home",
        "I don&#39;t walk through the park after dark", "[name] waited a year",
        "Which issue matters most to you?", "Buses and transport", "Youth ballot 2026",
        "not shown (small numbers)",
    ):
        assert words in voices, words


def test_the_impact_lists_each_action_with_owner_status_and_due_date(page):
    impact = page[page.index('id="impact"'):]
    for words in ("More street lights on Station Road", "Council", "In progress", "30 November 2026",
                  "Done", "no date set", "Police", "Planned", "15 January 2027", "Unknown theme"):
        assert words in impact, words


def test_suppressed_counts_read_fewer_than_10_or_hidden_and_never_a_number(page):
    assert page.count(FEW) >= 8
    assert "hidden" in page
    # The small 'Square table event' row: its label, then no count of its own anywhere.
    assert re.search(r"Square table event</th><td>fewer than 10</td><td></td>", page)


def test_no_bar_is_drawn_for_a_suppressed_count(page):
    kinds = next(svg for svg in svgs(page) if "Responses by kind of consultation" in svg)
    assert kinds.count("<rect") == 1  # only the lifestyle survey's 150; two hidden rows draw nothing
    themes = next(svg for svg in svgs(page) if "Free-text answers by theme" in svg)
    assert themes.count("<rect") == 2


def test_every_chart_has_a_title_and_a_text_alternative(page):
    charts = svgs(page)
    assert len(charts) >= 7
    for svg in charts:
        assert 'role="img"' in svg and "<title" in svg
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, flags=re.S).group(1)
        assert desc.strip().endswith(".")


def test_anything_typed_by_a_person_comes_out_as_inert_text():
    page = quarterly_html(with_labels(SUMMARY, SCRIPT))
    assert "<script" not in page
    assert "&lt;script&gt;" in page


def test_the_page_stands_alone_and_its_only_style_is_allowed_by_its_hash(page):
    assert "<link" not in page and " src=" not in page
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)
    style = re.search(r"<style>(.*?)</style>", page, flags=re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in report_html.content_security_policy()
    assert "@media print" in style and "@page" in style


def test_a_quarter_with_no_answers_still_makes_a_report():
    empty = replace(
        SUMMARY,
        participation=Participation(shown(0), shown(0), (), (), (), ()),
        free_text_answers=shown(0), untagged=shown(0), themes=(), areas=(), choices=(), actions=(),
    )
    page = quarterly_html(empty)
    assert "No free-text answers were tagged with a theme this period." in page
    assert "No actions have been recorded in reply yet." in page
    assert "Nothing to show yet." in page
    assert TITLE in pdf_text(quarterly_pdf(empty))


# --- the PDF ------------------------------------------------------------------------


def test_the_pdf_opens_and_carries_the_title(pdf):
    assert pdf.startswith(b"%PDF")
    assert pdf_title(pdf) == f"{TITLE}: 2026 Q3"
    text = pdf_text(pdf)
    assert "Engagement with children and young" in text and "Page 1 of" in text


def test_the_pdf_has_the_three_parts_and_their_content(pdf):
    text = " ".join(pdf_text(pdf).split())
    for words in (
        "1. The activity", "2. The views and voices", "3. The impact: you said, we did",
        "Knife crime", "[name] waited a year", "Which issue matters most to you?",
        "More street lights on Station Road", "30 November 2026",
    ):
        assert words in text, words


def test_suppressed_counts_read_fewer_than_10_in_the_pdf(pdf):
    text = pdf_text(pdf)
    assert text.count(FEW) >= 8 and "hidden" in text
    assert re.search(r"Square table event\s*fewer than 10", text)


def test_the_pdf_draws_no_bar_for_a_suppressed_count():
    bare = replace(
        SUMMARY,
        participation=Participation(
            shown(1), shown(160),
            (Row("a", "Lifestyle survey", shown(150)), Row("b", "Square table", fewer_than(10))), (), (), (),
        ),
        themes=(), areas=(), choices=(), actions=(),
    )
    assert pdf_filled_rectangles(quarterly_pdf(bare)) == 1


def test_the_pdf_draws_other_alphabets_in_quotes():
    polish = replace(WELLBEING, quotes=(Quote("Czuję się bezpiecznie w szkole, ale nie w autobusie", "neutral", "Ankieta"),))
    text = pdf_text(quarterly_pdf(replace(SUMMARY, themes=(polish,))))
    assert "Czuję się bezpiecznie" in text


# --- the CSV ------------------------------------------------------------------------


def test_the_csv_has_every_table_in_five_columns():
    rows = csv_rows(quarterly_csv(SUMMARY))
    assert list(rows[0]) == list(tables.COLUMNS)
    assert {row["table"] for row in rows} == set(tables.TABLES)


def test_suppressed_counts_read_fewer_than_10_in_the_csv_and_have_no_percentage():
    rows = csv_rows(quarterly_csv(SUMMARY))
    small = [r for r in rows if r["table"] == "responses by kind" and r["label"] == "Square table event"]
    assert {(r["measure"], r["value"]) for r in small} == {("count", FEW), ("percent", "")}
    counts = [r["value"] for r in rows if r["measure"] in ("count", "answers", "previous period")]
    assert all(v.isdigit() or v in (FEW, "hidden") for v in counts)
    assert FEW in counts and "hidden" in counts


def test_the_csv_holds_no_quote():
    data = quarterly_csv(SUMMARY).decode()
    assert "waited a year" not in data and "after dark" not in data


def test_a_label_a_spreadsheet_would_run_is_kept_as_text():
    rows = csv_rows(quarterly_csv(with_labels(SUMMARY, '=HYPERLINK("http://x","y")')))
    labels = {r["label"] for r in rows if r["table"] == "themes"}
    assert labels == {"'=HYPERLINK(\"http://x\",\"y\")"}


# --- formats and file names ---------------------------------------------------------


@pytest.mark.parametrize("fmt, start, name", [
    ("html", b"<!doctype html>", "engagement-2026Q3.html"),
    ("pdf", b"%PDF", "engagement-2026Q3.pdf"),
    ("csv", "\ufefftable".encode(), "engagement-2026Q3.csv"),
])
def test_each_format_comes_as_a_document_with_a_file_name(fmt, start, name):
    document = reports.quarterly_report(SUMMARY, fmt)
    assert document.content.startswith(start)
    assert document.filename == name


def test_any_other_period_is_named_by_its_dates():
    from datetime import date

    summary = replace(SUMMARY, period=Period.between(date(2026, 1, 1), date(2026, 3, 31)))
    assert reports.quarterly_report(summary, "csv").filename == "engagement-2026-01-01-to-2026-03-31.csv"


def test_an_unknown_format_is_refused():
    with pytest.raises(reports.ReportError, match="choose html, pdf, csv"):
        reports.quarterly_report(SUMMARY, "docx")


def test_the_headlines_never_put_a_theme_with_a_hidden_count_on_top(page, pdf):
    headlines = page[page.index('id="headlines"'):page.index('id="activity"')]
    assert "Knife crime" in headlines and "Emotional wellbeing and mental health" in headlines
    assert "Bullying and online safety" not in headlines
    assert "What came up most: Knife crime, Emotional wellbeing and mental health." in " ".join(pdf_text(pdf).split())


def test_a_quotes_sentiment_is_named_in_the_readers_language_and_unknown_says_so(app):
    from flask_babel import force_locale

    polish_words = replace(WELLBEING, quotes=(
        Quote("Autobusy się spóźniają", "unknown", "Ankieta"),
        Quote("Waiting lists are too long", "negative", "Lifestyle survey"),
    ))
    summary = replace(SUMMARY, themes=(polish_words,))
    english = quarterly_html(summary)
    assert "Not known · Ankieta" in english and "Negative · Lifestyle survey" in english
    assert "Not known, Ankieta" in pdf_text(quarterly_pdf(summary))
    with app.test_request_context(), force_locale("pl"):
        polish = quarterly_html(summary)
    assert "Negatywny · Lifestyle survey" in polish and "Nieznane · Ankieta" in polish
