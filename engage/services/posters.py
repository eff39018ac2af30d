"""Printable posters and table cards that bring young people to a consultation.

The wording lives here once, so the HTML to print and the PDF say the same.
Nothing here reads a request: the channel passes the base URL it is served at.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from engage import pdf_fonts
from engage.i18n import _l
from engage.models import Consultation
from engage.qr import qr_png
from engage.services.errors import ServiceError

DEFAULT_TABLES = 8
MAX_TABLES = 40
CARDS_PER_SHEET = 4  # 2 x 2 on A4: each card is A6, big enough to scan from across a table

# Telegram's terms say 16 or over in the UK: a younger audience never sees the bot.
TELEGRAM_MIN_AGE = 16

# The respondent's start page; printed on paper, so this path must never change.
JOIN_PATH = "/s/{code}"

PAGE_W, PAGE_H = 210.0, 297.0  # A4 in mm (595 x 842 pt)
_SLOT = "\x00"  # where an address goes in a translated sentence
_GAP_ABOVE_QR, _GAP_BELOW_QR = 1.0, 3.0  # mm
_POSTER_MARGIN = 15.0
_POSTER_TEXT_W = PAGE_W - 2 * _POSTER_MARGIN
_CARD_PAD = 7.0
_CARD_TEXT_W = PAGE_W / 2 - 2 * _CARD_PAD


class BadTableCount(ServiceError):
    """The number of table cards asked for is not one we can print."""


@dataclass(frozen=True)
class PosterContent:
    """What a poster or table card says about one consultation."""

    title: str
    join_code: str
    link: str  # absolute: what the QR code opens
    telegram_link: str | None = None

    # Lazy: a poster is printed in the language of the person printing it.
    LEAD: ClassVar[str] = _l("Have your say: scan me with your phone camera")
    PRIVACY: ClassVar[str] = _l("You don't give your name. Nobody can see who said what.")
    HELP_LINE: ClassVar[str] = _l("Need to talk to someone? Childline: call 0800 1111, free, any time.")
    HELP_SHORT: ClassVar[str] = _l("Childline: call 0800 1111, free, any time.")

    @property
    def short_link(self) -> str:
        return short_address(self.link)

    @property
    def site(self) -> str:
        """Where to type the code by hand: the join page at the root of the site."""
        return self.short_link.removesuffix(JOIN_PATH.format(code=self.join_code)) or self.short_link

    @property
    def code_hint(self) -> str:
        before, after = self.around_site()
        return before + self.site + after

    def around_site(self) -> tuple[str, str]:
        """The code hint's words before and after the site, so a page can keep an address left to right."""
        return _around(_("or go to %(site)s and type the code", site=_SLOT))

    @property
    def telegram_address(self) -> str | None:
        return self.telegram_link.removeprefix("https://") if self.telegram_link else None

    @property
    def telegram_line(self) -> str | None:
        if not self.telegram_link:
            return None
        before, after = self.around_telegram()
        return before + self.telegram_address + after

    def around_telegram(self) -> tuple[str, str]:
        return _around(_("On Telegram: %(link)s", link=_SLOT))


def _around(sentence: str) -> tuple[str, str]:
    """A translated sentence's words before and after the address it was given as ``_SLOT``."""
    before, _slot, after = sentence.partition(_SLOT)
    return before, after


def short_address(link: str) -> str:
    """A link as a person would type it: browsers add the https:// themselves."""
    parts = urlsplit(link)
    return parts.netloc + parts.path


def poster_content(
    consultation: Consultation, base_url: str, telegram_bot: str | None = None
) -> PosterContent:
    """The poster's words for a consultation served at ``base_url`` (e.g. PUBLIC_URL)."""
    code = consultation.join_code
    telegram = None
    bot = (telegram_bot or "").strip().lstrip("@")
    if bot and (consultation.min_age or 0) >= TELEGRAM_MIN_AGE:
        telegram = f"https://t.me/{bot}?start={code}"
    return PosterContent(
        title=consultation.title,
        join_code=code,
        link=base_url.rstrip("/") + JOIN_PATH.format(code=code),
        telegram_link=telegram,
    )


def table_count(raw: str | None) -> int:
    """How many table cards, from what the facilitator typed; the default when blank."""
    if raw is None or not raw.strip():
        return DEFAULT_TABLES
    try:
        tables = int(raw.strip())
    except ValueError:
        raise BadTableCount(_table_range_message(raw)) from None
    _check_tables(tables)
    return tables


def _check_tables(tables: int) -> None:
    if not 1 <= tables <= MAX_TABLES:
        raise BadTableCount(_table_range_message(str(tables)))


def _table_range_message(asked: str) -> str:
    return _("Choose between 1 and %(max)s tables (you asked for %(asked)s).", max=MAX_TABLES, asked=repr(asked[:20]))


POSTER_TITLE_SIZES = range(30, 15, -2)  # pt, largest first: at most 3 lines
CARD_TITLE_SIZES = range(13, 7, -1)  # at most 2 lines


def poster_title_size(content: PosterContent) -> int:
    """The title's size (pt) on the poster, as its PDF sets it, for the page to print."""
    return _title_size(content, _POSTER_TEXT_W, POSTER_TITLE_SIZES, lines=3)


def card_title_size(content: PosterContent) -> int:
    """The title's size (pt) on a table card, as the PDF sets it, for the page to print."""
    return _title_size(content, _CARD_TEXT_W, CARD_TITLE_SIZES, lines=2)


def _title_size(content: PosterContent, w: float, sizes: range, lines: int) -> int:
    """So that a long title is made smaller on the page too, rather than cut off after its last line that fits."""
    pdf = _new_pdf(content, "")
    pdf.add_page()
    try:
        return _fitting_size(pdf, content.title, w, sizes, lines=lines)
    finally:
        pdf_fonts.let_go(pdf)


def qr_data_uri(content: PosterContent) -> str:
    """The QR code as a data: URI, so a printed page needs nothing else from the server."""
    return "data:image/png;base64," + base64.b64encode(qr_png(content.link)).decode("ascii")


# --- PDF ---------------------------------------------------------------------


def _new_pdf(content: PosterContent, subject: str) -> FPDF:
    pdf = pdf_fonts.PrintedSheet(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # we place everything; a stray second page would waste paper
    pdf.set_margins(0, 0, 0)
    pdf.set_creator("Engage")
    pdf_fonts.start(pdf)
    pdf.set_title(f"{subject}: {content.title}")
    return pdf


@dataclass(frozen=True)
class _Line:
    """Words centred on a poster or card, and how they are set."""

    text: str
    size: float  # pt
    bold: bool = False
    spacing: float = 0
    typed: bool = False  # someone typed it (the title): laid out by its own first letter
    address: bool = False  # a link or the code: left to right on an Arabic or Urdu sheet too


def _draw(pdf: FPDF, lines: list[_Line], *, x: float, w: float, measure: bool = False) -> float:
    """Centre ``lines`` from the current y, moving y below them; or, ``measure``, only say how tall."""
    height = 0.0
    for line in lines:
        pdf_fonts.set_font_for(pdf, line.text, "B" if line.bold else "", line.size)
        pdf.set_char_spacing(line.spacing)
        # str(): a lazily translated constant becomes the words fpdf2 can draw.
        line_height, above, below = pdf_fonts.line_room(pdf, str(line.text))
        if not measure:
            pdf.set_y(pdf.get_y() + above)
        pdf.set_x(x)
        with pdf_fonts.own_direction(pdf, line.typed or line.address):
            height += above + below + pdf.multi_cell(w, line_height, str(line.text),
                                                     align=Align.C, new_x=XPos.LEFT, new_y=YPos.NEXT,
                                                     dry_run=measure, output="HEIGHT")
        if not measure:
            pdf.set_y(pdf.get_y() + below)
        pdf.set_char_spacing(0)
    return height


def _fitting_size(pdf: FPDF, text: str, w: float, sizes: range, lines: int) -> int:
    """The largest size (pt) at which ``text`` takes at most ``lines`` lines."""
    for size in sizes:
        pdf_fonts.set_font_for(pdf, text, "B", size)
        with pdf_fonts.own_direction(pdf):
            if len(pdf.multi_cell(w, 1, text, dry_run=True, output="LINES")) <= lines:
                return size
    return sizes[-1]


def _qr_side(pdf: FPDF, under: float, *, bottom: float, largest: float) -> float:
    """The QR code's side: ``largest``, or less when ``under`` mm of words below it would not fit above ``bottom``.

    Urdu's lines are taller (Nastaliq), and a translation may wrap where English
    does not: the code gives way, never the words. It stays big enough to scan
    from arm's length.
    """
    room = bottom - pdf.get_y() - _GAP_ABOVE_QR - _GAP_BELOW_QR - under
    return max(min(largest, room), largest / 2)


def _place_qr(pdf: FPDF, png: bytes, *, centre: float, side: float) -> None:
    pdf.image(io.BytesIO(png), x=centre - side / 2, y=pdf.get_y() + _GAP_ABOVE_QR, w=side, h=side)
    pdf.set_y(pdf.get_y() + _GAP_ABOVE_QR + side + _GAP_BELOW_QR)


def poster_pdf(content: PosterContent) -> bytes:
    """One A4 page: title, a big QR code, the link, the join code, privacy and help."""
    pdf = _new_pdf(content, _("Poster"))
    pdf.add_page()
    margin, width = _POSTER_MARGIN, _POSTER_TEXT_W
    title_size = _fitting_size(pdf, content.title, width, POSTER_TITLE_SIZES, lines=3)
    under = [_Line(content.short_link, 18, bold=True, address=True), _Line(content.code_hint, 14),
             _Line(content.join_code, 54, bold=True, spacing=4, address=True)]
    if content.telegram_line:
        under.append(_Line(content.telegram_line, 13))
    foot = [_Line(content.PRIVACY, 14, bold=True), _Line(content.HELP_LINE, 13)]
    # The rule above privacy and help: where it always was, or higher when they need the room.
    rule = min(PAGE_H - 42, PAGE_H - 12 - 4 - _draw(pdf, foot, x=margin, w=width, measure=True))
    pdf.set_y(margin)
    _draw(pdf, [_Line(content.title, title_size, bold=True, typed=True), _Line(content.LEAD, 14)],
          x=margin, w=width)
    side = _qr_side(pdf, _draw(pdf, under, x=margin, w=width, measure=True), bottom=rule - 4, largest=120.0)
    _place_qr(pdf, qr_png(content.link), centre=PAGE_W / 2, side=side)
    _draw(pdf, under, x=margin, w=width)
    pdf.set_y(max(pdf.get_y() + 4, rule))
    pdf.set_draw_color(160)
    pdf.line(margin, pdf.get_y(), PAGE_W - margin, pdf.get_y())
    pdf.set_y(pdf.get_y() + 4)
    _draw(pdf, foot, x=margin, w=width)
    return bytes(pdf.output())


def table_cards_pdf(content: PosterContent, tables: int) -> bytes:
    """A6 cards, four to an A4 page, numbered Table 1..N, with dashed lines to cut on."""
    _check_tables(tables)
    pdf = _new_pdf(content, _("Table cards"))
    png = qr_png(content.link)
    card_w, card_h = PAGE_W / 2, PAGE_H / 2
    card = None
    for number in range(1, tables + 1):
        slot = (number - 1) % CARDS_PER_SHEET
        if slot == 0:
            pdf.add_page()
            _cut_lines(pdf)
        card = card or _card_words(pdf, content)  # measured on a page: fpdf2 lays out only there
        _card(pdf, card, png, number, x=(slot % 2) * card_w, y=(slot // 2) * card_h)
    return bytes(pdf.output())


@dataclass(frozen=True)
class _CardWords:
    """What every card says but its number, set once: laying text out is most of a card's cost."""

    title: _Line
    under: list[_Line]
    foot: list[_Line]
    under_height: float
    foot_height: float


def _card_words(pdf: FPDF, content: PosterContent) -> _CardWords:
    size = _fitting_size(pdf, content.title, _CARD_TEXT_W, CARD_TITLE_SIZES, lines=2)
    under = [_Line(content.join_code, 26, bold=True, spacing=2, address=True),
             _Line(content.short_link, 10, address=True), _Line(content.code_hint, 8)]
    foot = [_Line(content.PRIVACY, 7.5, bold=True), _Line(content.HELP_SHORT, 7.5)]
    return _CardWords(
        title=_Line(content.title, size, bold=True, typed=True), under=under, foot=foot,
        under_height=_draw(pdf, under, x=0, w=_CARD_TEXT_W, measure=True),
        foot_height=_draw(pdf, foot, x=0, w=_CARD_TEXT_W, measure=True),
    )


def _cut_lines(pdf: FPDF) -> None:
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=2, gap=2)
        pdf.line(PAGE_W / 2, 5, PAGE_W / 2, PAGE_H - 5)
        pdf.line(5, PAGE_H / 2, PAGE_W - 5, PAGE_H / 2)


def _card(pdf: FPDF, card: _CardWords, png: bytes, number: int, *, x: float, y: float) -> None:
    left = x + _CARD_PAD
    foot_top = y + PAGE_H / 2 - _CARD_PAD - card.foot_height
    pdf.set_y(y + _CARD_PAD)
    _draw(pdf, [_Line(_("Table %(number)s", number=number), 26, bold=True), card.title], x=left, w=_CARD_TEXT_W)
    side = _qr_side(pdf, card.under_height, bottom=foot_top - 2, largest=70.0)
    _place_qr(pdf, png, centre=x + PAGE_W / 4, side=side)
    _draw(pdf, card.under, x=left, w=_CARD_TEXT_W)
    pdf.set_y(foot_top)
    _draw(pdf, card.foot, x=left, w=_CARD_TEXT_W)
