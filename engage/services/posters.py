"""Printable posters and table cards that bring young people to a consultation.

The wording lives here once, so the HTML to print and the PDF say the same.
Nothing here reads a request: the channel passes the base URL it is served at.
"""
from __future__ import annotations

import base64
import importlib.util
import io
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from flask_babel import get_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from engage.i18n import _l
from engage.languages import direction
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
_PT = 25.4 / 72  # mm in one point


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
        """The link as a person would type it: browsers add the https:// themselves."""
        parts = urlsplit(self.link)
        return parts.netloc + parts.path

    @property
    def site(self) -> str:
        """Where to type the code by hand: the join page at the root of the site."""
        return self.short_link.removesuffix(JOIN_PATH.format(code=self.join_code)) or self.short_link

    @property
    def code_hint(self) -> str:
        return _("or go to %(site)s and type the code", site=self.site)

    @property
    def telegram_line(self) -> str | None:
        if not self.telegram_link:
            return None
        return _("On Telegram: %(link)s", link=self.telegram_link.removeprefix("https://"))


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


def qr_data_uri(content: PosterContent) -> str:
    """The QR code as a data: URI, so a printed page needs nothing else from the server."""
    return "data:image/png;base64," + base64.b64encode(qr_png(content.link)).decode("ascii")


# --- PDF ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Font:
    family: str
    clean: Callable[[str], str]  # makes text safe for this font


def _font_candidates() -> list[Path]:
    # fpdf2 ships no Unicode font and we may not download one: use DejaVu from an
    # installed package. matplotlib bundles it when present; Debian and most other
    # Linux images have it as a system package (fonts-dejavu-core).
    folders = []
    matplotlib = importlib.util.find_spec("matplotlib")
    if matplotlib and matplotlib.origin:
        folders.append(Path(matplotlib.origin).parent / "mpl-data" / "fonts" / "ttf")
    folders += [
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts/dejavu"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/local/share/fonts/dejavu"),
    ]
    return folders


@cache
def unicode_font() -> tuple[Path, Path] | None:
    """DejaVu Sans (regular, bold), or None when this machine has no copy.

    It covers Latin (Welsh, Polish, Romanian...), Greek, Cyrillic and Arabic,
    Urdu's letters in Naskh style rather than Nastaliq, all but a few of them
    (see ``_FOLD``). fpdf2's text shaping (HarfBuzz, from uharfbuzz) joins the
    Arabic letters and lays right-to-left lines out: see ``start_unicode``.
    """
    for folder in _font_candidates():
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file():
            return regular, bold if bold.is_file() else regular
    return None


# Letters NFKD cannot take apart (Polish ł, Danish ø...) and typographic marks.
_PLAIN = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
     "œ": "oe", "Œ": "OE", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
     "…": "...", "•": "-"}
)


# Urdu letters DejaVu Sans (2.37) has no glyph for, as the nearest it has: heh
# goal (with hamza) as Arabic heh (with hamza) and yeh barree as Arabic yeh (the dotted final form, so it
# still differs from the dotless choti yeh), as Urdu typed with Arabic fonts
# has long been written; the Urdu full stop as a full stop. Only a letter the
# font lacks is changed (a later DejaVu with them changes nothing): otherwise
# fpdf2 draws an empty box and warns.
_FOLD = {"\u06c1": "\u0647", "\u06c2": "\u0647\u0654", "\u06d2": "\u064a", "\u06d3": "\u0626", "\u06d4": "."}


@cache
def _folding() -> dict[int, str]:
    found = unicode_font()
    if not found:
        return {}
    from fontTools.ttLib import TTFont  # installed with fpdf2

    cmaps = []
    for path in set(found):
        with TTFont(path, lazy=True) as font:
            cmaps.append(font.getBestCmap())
    return {ord(char): plain for char, plain in _FOLD.items() if any(ord(char) not in cmap for cmap in cmaps)}


def unicode_text(text: str) -> str:
    """Text the Unicode font can draw: Urdu letters it lacks as their nearest (see ``_FOLD``)."""
    return text.translate(_folding())


def page_direction() -> str:
    """``rtl`` when the words we translate are in Arabic or Urdu: the page's language."""
    return direction(str(get_locale() or "en"))


def start_unicode(pdf: FPDF) -> bool:
    """Give ``pdf`` the Unicode font, shaping on, lines in the page's direction; False without one.

    Shaping joins Arabic letters and orders right-to-left words; for Latin it
    only adds kerning and ligatures. The direction is the page language's, for
    the words we translate, which may begin with a Latin word (Childline, a
    title); a text typed by someone is laid out by its own first letter instead
    (``direction=None`` to ``set_text_shaping``), as ``dir="auto"`` in HTML.
    """
    found = unicode_font()
    if not found:
        return False
    pdf.add_font("DejaVu", "", str(found[0]))
    pdf.add_font("DejaVu", "B", str(found[1]))
    pdf.set_text_shaping(True, direction=page_direction())
    return True


def latin1(text: str) -> str:
    """Text the PDF core fonts can draw: accents dropped (ŵ -> w), other scripts as '?'.

    Only used when no Unicode font is installed; the QR code and join code, which
    are what bring people in, are unaffected.
    """
    out = []
    for char in text.translate(_PLAIN):
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or "?")
    return "".join(out)


def _new_pdf(content: PosterContent, subject: str) -> tuple[FPDF, _Font]:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # we place everything; a stray second page would waste paper
    pdf.set_margins(0, 0, 0)
    pdf.set_creator("Engage")
    if start_unicode(pdf):
        font = _Font("DejaVu", unicode_text)
    else:
        font = _Font("Helvetica", latin1)
    pdf.set_title(font.clean(f"{subject}: {content.title}"))
    return pdf, font


def _write(
    pdf: FPDF, font: _Font, text: str, *, x: float, w: float, size: float,
    bold: bool = False, spacing: float = 0, typed: bool = False,
) -> None:
    """Centred lines at the current y, moving y below them.

    ``typed``: words someone typed (the title), laid out by their own first
    letter rather than in the page's direction.
    """
    pdf.set_font(font.family, "B" if bold else "", size)
    pdf.set_char_spacing(spacing)
    pdf.set_x(x)
    with own_direction(pdf, typed):
        # str(): a lazily translated constant becomes the words fpdf2 can draw.
        pdf.multi_cell(w, size * _PT * 1.25, font.clean(str(text)), align=Align.C,
                       new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_char_spacing(0)


@contextmanager
def own_direction(pdf: FPDF, typed: bool = True):
    """While drawing text someone typed, each paragraph takes its first letter's direction."""
    shaping = pdf.text_shaping
    if not (typed and shaping):
        yield
        return
    kept, shaping["direction"] = shaping["direction"], None
    try:
        yield
    finally:
        shaping["direction"] = kept


def _fitting_size(pdf: FPDF, font: _Font, text: str, w: float, sizes: range, lines: int) -> int:
    """The largest size (pt) at which ``text`` takes at most ``lines`` lines."""
    for size in sizes:
        pdf.set_font(font.family, "B", size)
        with own_direction(pdf):
            if len(pdf.multi_cell(w, 1, font.clean(text), dry_run=True, output="LINES")) <= lines:
                return size
    return sizes[-1]


def poster_pdf(content: PosterContent) -> bytes:
    """One A4 page: title, a big QR code, the link, the join code, privacy and help."""
    pdf, font = _new_pdf(content, _("Poster"))
    pdf.add_page()
    margin, width = 15.0, PAGE_W - 30.0
    pdf.set_y(margin)
    title_size = _fitting_size(pdf, font, content.title, width, range(30, 15, -2), lines=3)
    _write(pdf, font, content.title, x=margin, w=width, size=title_size, bold=True, typed=True)
    _write(pdf, font, content.LEAD, x=margin, w=width, size=14)
    qr = 120.0
    pdf.image(io.BytesIO(qr_png(content.link)), x=(PAGE_W - qr) / 2, y=pdf.get_y() + 1, w=qr, h=qr)
    pdf.set_y(pdf.get_y() + qr + 3)
    _write(pdf, font, content.short_link, x=margin, w=width, size=18, bold=True)
    _write(pdf, font, content.code_hint, x=margin, w=width, size=14)
    _write(pdf, font, content.join_code, x=margin, w=width, size=54, bold=True, spacing=4)
    if content.telegram_line:
        _write(pdf, font, content.telegram_line, x=margin, w=width, size=13)
    pdf.set_y(max(pdf.get_y() + 4, PAGE_H - 42))
    pdf.set_draw_color(160)
    pdf.line(margin, pdf.get_y(), PAGE_W - margin, pdf.get_y())
    pdf.set_y(pdf.get_y() + 4)
    _write(pdf, font, content.PRIVACY, x=margin, w=width, size=14, bold=True)
    _write(pdf, font, content.HELP_LINE, x=margin, w=width, size=13)
    return bytes(pdf.output())


def table_cards_pdf(content: PosterContent, tables: int) -> bytes:
    """A6 cards, four to an A4 page, numbered Table 1..N, with dashed lines to cut on."""
    _check_tables(tables)
    pdf, font = _new_pdf(content, _("Table cards"))
    png = qr_png(content.link)
    card_w, card_h = PAGE_W / 2, PAGE_H / 2
    for number in range(1, tables + 1):
        slot = (number - 1) % CARDS_PER_SHEET
        if slot == 0:
            pdf.add_page()
            _cut_lines(pdf)
        _card(pdf, font, content, png, number, x=(slot % 2) * card_w, y=(slot // 2) * card_h)
    return bytes(pdf.output())


def _cut_lines(pdf: FPDF) -> None:
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=2, gap=2)
        pdf.line(PAGE_W / 2, 5, PAGE_W / 2, PAGE_H - 5)
        pdf.line(5, PAGE_H / 2, PAGE_W - 5, PAGE_H / 2)


def _card(pdf: FPDF, font: _Font, content: PosterContent, png: bytes, number: int,
          *, x: float, y: float) -> None:
    pad = 7.0
    width = PAGE_W / 2 - 2 * pad
    left = x + pad
    pdf.set_y(y + pad)
    _write(pdf, font, _("Table %(number)s", number=number), x=left, w=width, size=26, bold=True)
    size = _fitting_size(pdf, font, content.title, width, range(13, 7, -1), lines=2)
    _write(pdf, font, content.title, x=left, w=width, size=size, bold=True, typed=True)
    qr = 70.0
    pdf.image(io.BytesIO(png), x=x + (PAGE_W / 2 - qr) / 2, y=pdf.get_y() + 1, w=qr, h=qr)
    pdf.set_y(pdf.get_y() + qr + 2)
    _write(pdf, font, content.join_code, x=left, w=width, size=26, bold=True, spacing=2)
    _write(pdf, font, content.short_link, x=left, w=width, size=10)
    _write(pdf, font, content.code_hint, x=left, w=width, size=8)
    pdf.set_y(y + PAGE_H / 2 - pad - 7)
    _write(pdf, font, content.PRIVACY, x=left, w=width, size=7.5, bold=True)
    _write(pdf, font, content.HELP_SHORT, x=left, w=width, size=7.5)
