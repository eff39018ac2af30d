"""Bar charts of suppressed counts: accessible, escaped, and no bar for a hidden count."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from flask_babel import force_locale

from engage.analysis.suppression import fewer_than, hidden, shown
from engage.reports.charts import bar_chart_svg, bar_fractions, text_alternative
from engage.reports.pdf import ReportPDF
from engage.services.voice_model import Row
from tests.reports.helpers import pdf_bars
from tests.reports.samples import SCRIPT

SVG = "{http://www.w3.org/2000/svg}"
ROWS = (
    Row("knife", "Knife crime", shown(90), 50),
    Row("buses", "Buses and transport", shown(45), 25),
    Row("few", "Something else", fewer_than(10)),
    Row("big", "Youth clubs", hidden()),
    Row("none", "Nothing at all", shown(0)),
)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def bars(svg: str) -> list[ET.Element]:
    return parse(svg).findall(f"{SVG}rect")


def texts(svg: str) -> list[str]:
    return [t.text for t in parse(svg).findall(f"{SVG}text")]


def test_a_chart_is_an_image_named_by_its_title_and_described_by_every_value():
    svg = bar_chart_svg(ROWS, "Which issue matters most?", description="Youth ballot 2026.")
    root = parse(svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Which issue matters most?"
    assert desc.text.startswith("Youth ballot 2026. ")
    assert "Knife crime: 90 (50%)" in desc.text and "Something else: fewer than 10" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_each_shown_count_has_a_bar_as_long_as_its_share_of_the_longest():
    widths = [float(rect.get("width")) for rect in bars(bar_chart_svg(ROWS, "t"))]
    assert len(widths) == 2  # 90 and 45; the hidden ones and the zero draw nothing
    assert widths[1] == pytest.approx(widths[0] / 2)


@pytest.mark.parametrize("cell, label", [(fewer_than(10), "fewer than 10"), (hidden(), "hidden")])
def test_a_suppressed_count_has_no_bar_only_its_label(cell, label):
    rows = (Row("a", "Shown", shown(30)), Row("b", "Small group", cell))
    svg = bar_chart_svg(rows, "t")
    assert len(bars(svg)) == 1
    assert label in texts(svg)
    assert bar_fractions(rows) == [1.0, None]


def test_no_bar_length_depends_on_a_hidden_count():
    """Whatever the hidden count really was, the drawing is the same."""
    drawn = {
        bar_chart_svg((Row("a", "A", shown(12)), Row("b", "B", fewer_than(10)), Row("c", "C", hidden())), "t")
        for _ in range(2)
    }
    assert len(drawn) == 1
    only_hidden = bar_chart_svg((Row("b", "B", fewer_than(10)), Row("c", "C", hidden())), "t")
    assert bars(only_hidden) == []


def test_zero_is_shown_as_zero_without_a_bar():
    svg = bar_chart_svg((Row("a", "A", shown(0)),), "t")
    assert bars(svg) == [] and "0" in texts(svg)


def test_labels_and_titles_come_out_as_inert_text():
    svg = bar_chart_svg((Row("x", SCRIPT, shown(12)),), SCRIPT, description=SCRIPT)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.find(f"{SVG}script") is None
    assert SCRIPT in texts(svg)  # the words survive, as words
    assert root.find(f"{SVG}title").text == SCRIPT


def test_quotes_in_a_label_cannot_break_out_of_an_attribute():
    svg = bar_chart_svg((Row("x", '" onload="alert(1)', shown(12)),), '" onload="x')
    assert parse(svg).get("onload") is None
    assert 'onload="' not in svg


def test_characters_xml_cannot_hold_are_dropped_not_fatal():
    svg = bar_chart_svg((Row("x", "Bad\x00 \x1blabel", shown(12)),), "Title\x07")
    assert "Bad label" in texts(svg)


def test_a_long_label_is_shortened_in_the_drawing_but_whole_in_the_description():
    long = "A really long choice label " * 6
    svg = bar_chart_svg((Row("x", long, shown(12)),), "t")
    drawn = texts(svg)[0]
    assert drawn.endswith("…") and len(drawn) < len(long)
    assert long.strip() in parse(svg).find(f"{SVG}desc").text


def test_an_empty_chart_says_there_is_nothing_yet():
    svg = bar_chart_svg((), "Nothing")
    assert "Nothing to show yet." in texts(svg)
    assert text_alternative(()) == "Nothing to show yet."


def test_two_different_charts_on_one_page_have_different_ids():
    first = bar_chart_svg(ROWS, "One")
    second = bar_chart_svg(ROWS, "Two")
    ids = lambda svg: set(re.findall(r'id="([^"]+)"', svg))  # noqa: E731
    assert not ids(first) & ids(second)


def test_the_text_alternative_reads_every_row_with_its_share_only_when_shown():
    assert text_alternative(ROWS) == (
        "Knife crime: 90 (50%); Buses and transport: 45 (25%); Something else: fewer than 10; "
        "Youth clubs: hidden; Nothing at all: 0."
    )


def test_a_percentage_is_never_printed_beside_a_suppressed_count():
    rows = (Row("a", "A", fewer_than(10), percent=7),)  # a renderer must not trust a stray percent
    assert "7%" not in bar_chart_svg(rows, "t") and "7%" not in text_alternative(rows)


def test_in_a_right_to_left_language_the_chart_is_mirrored():
    ltr, rtl = parse(bar_chart_svg(ROWS, "t", right_to_left=False)), parse(bar_chart_svg(ROWS, "t", right_to_left=True))
    # The same bars, the same lengths, but each ends at the right edge and grows leftwards.
    widths = [float(r.get("width")) for r in ltr.findall(f"{SVG}rect")]
    assert widths == [float(r.get("width")) for r in rtl.findall(f"{SVG}rect")]
    assert all(float(r.get("x")) == 0 for r in ltr.findall(f"{SVG}rect"))
    assert all(float(r.get("x")) + float(r.get("width")) == 480 for r in rtl.findall(f"{SVG}rect"))
    # Labels start from the right and run right to left; the same words are drawn.
    labels = rtl.findall(f"{SVG}text")
    assert [t.text for t in labels] == [t.text for t in ltr.findall(f"{SVG}text")]
    first_label = labels[0]
    assert (first_label.get("x"), first_label.get("direction")) == ("480", "rtl")
    # A value sits just beyond its bar's far (left) end.
    knife_value = next(t for t in labels if t.text.startswith("90"))
    assert float(knife_value.get("x")) == 480 - (480 - 100) - 6


def test_the_chart_follows_the_readers_language(app):
    with app.test_request_context():
        with force_locale("ar"):
            assert 'direction="rtl"' in bar_chart_svg(ROWS, "t")
        with force_locale("cy"):
            assert 'direction="rtl"' not in bar_chart_svg(ROWS, "t")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_pdf_chart_grows_from_the_readers_side(app, language):
    with app.test_request_context(), force_locale(language):
        pdf = ReportPDF("Report", "Charts")
        pdf.bars(ROWS, "Which issue matters most?")
        drawn = pdf_bars(bytes(pdf.output()))
    assert len(drawn) == 2  # knife and buses; hidden, fewer-than and zero get no bar
    (knife_left, knife_right), (buses_left, buses_right) = drawn
    assert knife_right - knife_left == pytest.approx(2 * (buses_right - buses_left), abs=0.2)
    if language == "ar":  # every bar ends at the labels, on the right, and grows leftwards
        assert knife_right == buses_right and knife_left < buses_left
    else:
        assert knife_left == buses_left and knife_right > buses_right
