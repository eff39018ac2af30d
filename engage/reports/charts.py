"""Bar charts of suppressed counts, as inline SVG, and the same facts as words.

A hidden count has no bar at all, only its label ("fewer than 10", "hidden"):
a bar's length would give the number away. Bars are scaled to the largest
count that is shown, so no length says anything a printed number does not.
Everything here is pure: rows in, text out, every label escaped.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from html import escape

from flask_babel import gettext as _

from engage.pdf_fonts import page_direction
from engage.services.voice_model import Row

WIDTH = 480            # drawing units; the chart scales to its container (a phone, a page)
ROW_HEIGHT = 40        # a label line, then its bar
BAR_HEIGHT = 16
VALUE_ROOM = 100       # right of the longest bar: "fewer than 10", "1234 (100%)"
MAX_LABEL = 56         # characters drawn; the full label is in the text alternative
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
BAR_COLOUR = "#1d5fa8"  # 7:1 against white
INK, MUTED = "#1b1b1b", "#4a4a4a"

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def bar_fractions(rows: Sequence[Row]) -> list[float | None]:
    """Each bar's length as a share of the longest; None where the count is hidden."""
    counts = [None if row.cell.suppressed else row.cell.count for row in rows]
    biggest = max((count for count in counts if count is not None), default=0)
    return [None if count is None else (count / biggest if biggest else 0.0) for count in counts]


def value_label(row: Row) -> str:
    """What is printed beside a bar: the count as it may be shown, with its share when known."""
    if row.percent is None or row.cell.suppressed:
        return row.cell.display
    return f"{row.cell.display} ({row.percent}%)"


def text_alternative(rows: Sequence[Row]) -> str:
    """The chart in words, for screen readers, the PDF and anyone who cannot see it."""
    if not rows:
        return _("Nothing to show yet.")
    return "; ".join(f"{plain(row.label)}: {value_label(row)}" for row in rows) + "."


def bar_chart_svg(rows: Sequence[Row], title: str, *, description: str = "",
                  right_to_left: bool | None = None) -> str:
    """A horizontal bar chart: one labelled bar per row, in the rows' order.

    ``role="img"`` with a <title> and a <desc> that holds ``description`` and
    the text alternative, so a screen reader hears every value. Presentation
    attributes only (no style), so a strict Content-Security-Policy allows it. No
    width or height: it fills its container's width and keeps its proportions.
    In Arabic or Urdu (``right_to_left``, by default the current locale's
    direction) the chart is mirrored: labels on the right, bars growing leftwards,
    as a reader of those languages reads a page.
    """
    if right_to_left is None:
        right_to_left = page_direction() == "rtl"
    title, description = plain(title), plain(description)
    words = " ".join(part for part in (description, text_alternative(rows)) if part)
    ident = "chart-" + hashlib.sha1(
        "\x1f".join([title, words]).encode("utf-8", "surrogatepass")
    ).hexdigest()[:10]
    height = max(len(rows), 1) * ROW_HEIGHT + 8
    # Where a line starts and which way it runs. Right to left, a text's start is
    # its right edge, so x is where it begins and it runs leftwards from there.
    start, anchor = (WIDTH, ' direction="rtl"') if right_to_left else (0, "")

    def across(x: float) -> float:
        return round(WIDTH - x, 1) if right_to_left else x

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}">',
        f'<title id="{ident}-title">{_x(title)}</title>',
        f'<desc id="{ident}-desc">{_x(words)}</desc>',
    ]
    if not rows:
        parts.append(f'<text x="{start}" y="24" font-size="14" fill="{MUTED}"{anchor}>'
                     f'{_x(_("Nothing to show yet."))}</text>')
    longest = WIDTH - VALUE_ROOM
    for i, (row, fraction) in enumerate(zip(rows, bar_fractions(rows))):
        top = 4 + i * ROW_HEIGHT
        parts.append(f'<text x="{start}" y="{top + 14}" font-size="14" fill="{INK}"{anchor}>'
                     f'{_x(_short(row.label))}</text>')
        bar_y, text_y = top + 19, top + 19 + BAR_HEIGHT - 3
        if fraction is None:
            # No bar: its length would tell what the label hides.
            parts.append(
                f'<text x="{start}" y="{text_y}" font-size="13" font-style="italic" fill="{MUTED}"{anchor}>'
                f"{_x(row.cell.display)}</text>"
            )
            continue
        length = round(fraction * longest, 1)
        if length > 0:
            left = across(length) if right_to_left else 0
            parts.append(
                f'<rect x="{left}" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            )
        parts.append(
            f'<text x="{across(length + 6)}" y="{text_y}" font-size="13" fill="{INK}"{anchor}>'
            f"{_x(value_label(row))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def plain(text: str) -> str:
    """One line of text with nothing XML cannot hold (a lazily translated title made a str)."""
    return _SPACE.sub(" ", _NOT_XML.sub("", str(text))).strip()


def _short(label: str) -> str:
    label = plain(label)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def _x(text: str) -> str:
    return escape(_NOT_XML.sub("", text), quote=True)
