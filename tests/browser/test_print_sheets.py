"""The poster and table cards as a page to print, in a real browser: everything on the sheet.

The PDF versions are laid out by Engage itself (tests/web/test_posters.py reads where
their ink falls); these pages are laid out by the browser from print.css, so only a
browser can say whether a long title, or Urdu's taller lines, still leave the help line
on the paper.
"""
from __future__ import annotations

import pytest

from engage.models import OPEN
from engage.services.consultations import create_from_template

LONGEST_TITLE = ("Staying safe in our town: " + "what helps you feel safe, and what would make it better? " * 3)[:200]
MM = 96 / 25.4  # CSS px in a millimetre


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
@pytest.mark.parametrize("title", ["Youth voice", LONGEST_TITLE])
def test_a_sheet_to_print_shows_the_whole_title_and_keeps_every_line_on_the_paper(
    contexts, server, language, title
):
    code = server.call(lambda: create_from_template("square-table", status=OPEN, title=title).join_code)
    page = contexts.page(language, role="facilitator")
    page.emulate_media(media="print")
    for kind, heading, smallest_code in (("poster", "h1", 60), ("table-cards?tables=4", "h2", 35)):
        page.goto(f"/console/c/{code}/{kind}")
        for sheet in page.locator(".poster, .card").all():
            title_box = sheet.locator(heading)
            cut = title_box.evaluate("e => e.scrollHeight > e.clientHeight + 1")
            assert not cut, (kind, "the title is cut off")
            assert title_box.inner_text().split() == title.split()
            bottom = sheet.bounding_box()["y"] + sheet.bounding_box()["height"]
            help_line = sheet.locator(".help").bounding_box()
            assert help_line["y"] + help_line["height"] <= bottom + 0.5, (kind, "the help line is off the sheet")
            code_box = sheet.locator(".qr").bounding_box()
            assert min(code_box["width"], code_box["height"]) >= smallest_code * MM - 1, kind
            assert abs(code_box["width"] - code_box["height"]) < 1, (kind, "the QR code is not square")
