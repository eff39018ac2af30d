"""Report pages as PDF: headings, short paragraphs, tables, bar charts and quotes on A4.

The fonts are the posters' (``engage.pdf_fonts``, shipped with Engage: Welsh,
Polish, Arabic, Urdu... in quotes and titles), shaped and laid out in the
page's direction as theirs are. In Arabic or Urdu, text is aligned right and
tables read from the right. Bars follow the SVG charts' rule: a hidden count
has no bar.
"""
from __future__ import annotations

from collections.abc import Sequence

from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from engage import pdf_fonts
from engage.pdf_fonts import own_direction
from engage.reports.charts import bar_fractions, plain, text_alternative, value_label
from engage.reports.words import all_alike_hidden
from engage.services.voice_model import Quote, Row, sentiment_name

MARGIN = 18.0
INK, MUTED, BAR, RULE, SHADE = (27, 27, 27), (74, 74, 74), (29, 95, 168), (170, 170, 170), (232, 238, 246)
_PT = 25.4 / 72


class ReportPDF(FPDF):
    """An A4 report with a running title and page numbers in the footer."""

    def __init__(self, title: str, subject: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        pdf_fonts.start(self)
        self.rtl = pdf_fonts.page_direction() == "rtl"
        self.start, self.end = ("R", "L") if self.rtl else ("L", "R")
        self.running_title = plain(title)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.set_creator("Engage")
        self.set_title(self.running_title)
        self.set_subject(plain(subject))
        language = str(get_locale() or "en")
        self.set_lang("en-GB" if language == "en" else language.replace("_", "-"))
        self.add_page()

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def footer(self) -> None:
        self.set_y(-MARGIN + 2)
        self.set_text_color(*MUTED)
        title = self.running_title[:90]
        page = plain(_("Page %(page)s of %(pages)s", page=self.page_no(), pages="{nb}"))
        for text, align in ((title, self.start), (page, self.end))[::-1 if self.rtl else 1]:
            pdf_fonts.set_font_for(self, text, "", 8)
            self.cell(self.width / 2, 5, text, align=align)

    # --- blocks ---------------------------------------------------------------

    def title_block(self, title: str, *lines: str) -> None:
        self._text(title, size=20, bold=True)
        for line in lines:
            self._text(line, size=11, colour=MUTED)
        self.ln(2)

    def heading(self, text: str, level: int = 1) -> None:
        size = {1: 15, 2: 12.5, 3: 11}[level]
        # Keep a heading with at least a few lines of what follows it.
        self._room_for(size * _PT * 1.4 + 18)
        self.ln(3 if level == 1 else 2)
        self._text(text, size=size, bold=True)
        if level == 1:
            self.set_draw_color(*RULE)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(2)

    def paragraph(self, text: str, *, size: float = 10, colour=INK, bold: bool = False) -> None:
        self._text(text, size=size, colour=colour, bold=bold)
        self.ln(1)

    def facts(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Label and value on a line each, the value bold: the headline numbers.

        A label too long for its column (Polish, say) wraps within it rather than
        running into its number.
        """
        line, label_w, value_w = 6, self.width * 0.55, self.width * 0.45
        # Right to left the label is on the right; either way 2 mm part it from the number.
        label_x = self.l_margin + value_w + 2 if self.rtl else self.l_margin
        value_x = self.l_margin if self.rtl else self.l_margin + label_w
        self.set_text_color(*INK)
        for label, value in pairs:
            label, value = plain(label), plain(value)
            pdf_fonts.set_font_for(self, label, "", 10)
            lines = len(self.multi_cell(label_w - 2, line, label, dry_run=True, output="LINES"))
            self._room_for(line * lines)
            y = self.get_y()
            self.set_xy(label_x, y)
            self.multi_cell(label_w - 2, line, label, align=self.start)
            pdf_fonts.set_font_for(self, value, "B", 10)
            self.set_xy(value_x, y)
            self.cell(value_w, line, value, align=self.start)
            self.set_xy(self.l_margin, y + line * lines)
        self.ln(2)

    def table(self, headings: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float] | None = None) -> None:
        if not rows:
            return
        # One font for the whole table: Naskh if any cell has Arabic letters (see pdf_fonts.family_for).
        pdf_fonts.set_font_for(self, " ".join(map(plain, (*headings, *(v for r in rows for v in r)))), "", 8.5)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        if self.rtl:  # the first column on the right, as the HTML table in a right-to-left page
            headings, rows = headings[::-1], [values[::-1] for values in rows]
            widths = widths[::-1] if widths else widths
        with super().table(
            col_widths=widths, text_align="RIGHT" if self.rtl else "LEFT", line_height=4.2, padding=1.2,
            first_row_as_headings=True, width=self.width,
            headings_style=FontFace(emphasis="BOLD", fill_color=SHADE),
            cell_fill_mode=TableCellFillMode.NONE,
        ) as table:
            for values in (headings, *rows):
                row = table.row()
                for value in values:
                    row.cell(plain(value))
        self.ln(3)

    def keep_together(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        self._room_for(height)

    def bars(self, rows: Sequence[Row], title: str = "") -> None:
        """A bar chart drawn in the PDF: label, then bar and value; hidden counts get no bar."""
        self._room_for(14)
        if title:
            self._text(title, size=10, bold=True)
        if not rows:
            self.paragraph(text_alternative(rows), size=9, colour=MUTED)
            return
        if all_alike_hidden(rows):
            labels = ", ".join(row.label for row in rows)
            self.paragraph(_("Each %(count)s, so that nobody can be picked out: %(labels)s.",
                             count=rows[0].cell.display, labels=labels),
                           size=8.5, colour=MUTED)
            return
        label_w, value_w = 58.0, 32.0
        longest = self.width - label_w - 2 - value_w
        # Right to left the chart is mirrored: labels on the right, bars grow leftwards.
        label_x = self.l_margin + self.width - label_w if self.rtl else self.l_margin
        origin = label_x - 2 if self.rtl else self.l_margin + label_w + 2  # where every bar starts
        for row, fraction in zip(rows, bar_fractions(rows)):
            label = plain(row.label)
            pdf_fonts.set_font_for(self, label, "", 8.5)
            with own_direction(self):
                lines = self.multi_cell(label_w, 3.8, label, dry_run=True, output="LINES")
            height = max(len(lines) * 3.8, 5.0)
            self._room_for(height + 1)
            y = self.get_y()
            self.set_text_color(*INK)
            self.set_xy(label_x, y + 0.4)
            with own_direction(self):
                self.multi_cell(label_w, 3.8, label, align=self.start)
            if fraction is None:
                # No bar: its length would tell what the label hides.
                self.set_xy(origin - longest if self.rtl else origin, y + 0.4)
                self.set_text_color(*MUTED)
                self._cell_text(longest, plain(row.cell.display))
            else:
                length = fraction * longest
                if length > 0:
                    with self.local_context(fill_color=BAR):
                        self.rect(origin - length if self.rtl else origin, y + 0.5, length, 3.6, style="F")
                self.set_xy(origin - length - 0.5 - value_w if self.rtl else origin + length + 0.5, y + 0.4)
                self._cell_text(value_w, plain(value_label(row)))
            self.set_xy(self.l_margin, y + height + 1)
        self.ln(2)

    def quote(self, quote: Quote) -> None:
        self._room_for(12)
        x = self.l_margin
        self.set_left_margin(x + 5)
        self.set_x(x + 5)
        top = self.get_y()
        self._text(f"\u201c{quote.text}\u201d", size=9.5, typed=True)
        self._text(f"{sentiment_name(quote.sentiment)}, {quote.consultation_title}", size=8, colour=MUTED)
        self.set_draw_color(*BAR)
        self.set_line_width(0.8)
        self.line(x + 1.5, top, x + 1.5, self.get_y())
        self.set_line_width(0.2)
        self.set_left_margin(x)
        self.set_x(x)
        self.ln(2)

    def document(self) -> bytes:
        return bytes(self.output())

    # --- helpers --------------------------------------------------------------

    def _text(self, text: str, *, size: float, bold: bool = False, colour=INK, typed: bool = False) -> None:
        """A paragraph at the page's start side; ``typed``: in its own first letter's direction."""
        pdf_fonts.set_font_for(self, text, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin)
        with own_direction(self, typed):
            self.multi_cell(self.w - self.r_margin - self.l_margin, size * _PT * 1.35, plain(text),
                            align=self.start, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def _cell_text(self, width: float, text: str) -> None:
        """One line of a bar chart's figures, at the start side, in its own script's font."""
        pdf_fonts.set_font_for(self, text, "", 8.5)
        self.cell(width, 3.8, text, align=self.start)

    def _room_for(self, height: float) -> None:
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
