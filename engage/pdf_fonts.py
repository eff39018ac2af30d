"""The fonts every PDF draws with (posters, table cards, reports), and the page's direction.

The fonts ship inside the package (``engage/fonts``, see its README): DejaVu
Sans for Latin, Greek and Cyrillic, Noto Naskh Arabic for every Arabic and
Urdu letter, and Noto Nastaliq Urdu for Urdu on sheets printed for young
people (``PrintedSheet``). So a PDF reads the same in all of Engage's
languages on any machine, with nothing installed but Python. fpdf2's text
shaping (HarfBuzz, from uharfbuzz) joins Arabic letters and lays
right-to-left lines out.

Why Nastaliq only on paper: it is the hand Urdu is printed in (in Naskh,
Urdu looks like Arabic to its readers), but its letters are stacked and
shifted glyph by glyph, and the text a PDF reader gets back from fpdf2's
Nastaliq comes out in broken pieces. A report is read on screen, searched
and read aloud, so it keeps Naskh, whose text comes back whole.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import cache
from importlib import resources

import uharfbuzz as hb
from flask_babel import get_locale
from fpdf import FPDF

from engage.languages import direction

FAMILY = "DejaVu"
# Has every Arabic-script letter, which DejaVu here has none of (see engage/fonts/README.md).
ARABIC_FAMILY = "NotoNaskhArabic"
URDU_FAMILY = "NotoNastaliqUrdu"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Letters of Urdu that Arabic does not use: tteh, ddal, rreh, noon ghunna, heh goal, yeh barree.
_URDU_LETTER = re.compile("[\u0679\u0688\u0691\u06ba\u06c1\u06c2\u06d2\u06d3]")
LEADING = 1.25  # a line's height, in em, where the letters fit: Latin, most Naskh
_GAP = 0.1  # em kept clear between one line's ink and the next's
_FILES = {
    (FAMILY, ""): "DejaVuSans.ttf",
    (FAMILY, "B"): "DejaVuSans-Bold.ttf",
    (ARABIC_FAMILY, ""): "NotoNaskhArabic-Regular.ttf",
    (ARABIC_FAMILY, "B"): "NotoNaskhArabic-Bold.ttf",
    (URDU_FAMILY, ""): "NotoNastaliqUrdu-Regular.ttf",
    (URDU_FAMILY, "B"): "NotoNastaliqUrdu-Bold.ttf",
}


def font_file(family: str = FAMILY, style: str = "") -> str:
    """Where one of the shipped fonts is, as a path fpdf2 can open."""
    return str(resources.files("engage") / "fonts" / _FILES[(family, style)])


def page_direction() -> str:
    """``rtl`` when the words we translate are in Arabic or Urdu: the page's language."""
    return direction(_page_language())


def _page_language() -> str:
    return str(get_locale() or "en")


def family_for(text: str, nastaliq: bool = False) -> str:
    """The font to draw ``text`` with: DejaVu, or for Arabic-script letters Naskh or Nastaliq.

    A letter the chosen font lacks comes from the other (fpdf2's fallback), but
    the spaces and stops of an Arabic sentence must come from its own font:
    fpdf2 stores each run of one font as one piece, and a sentence cut at every
    space would be stored word by word in the order they sit on the page, which
    a screen reader reads backwards. A join code or a link stays wholly DejaVu.

    ``nastaliq``: Urdu in Nastaliq, when the text has a letter only Urdu uses or
    the page is in Urdu (a short Urdu phrase may have none), and Nastaliq has
    every letter of it.
    """
    text = str(text)
    if not _ARABIC_LETTER.search(text):
        return FAMILY
    urdu = nastaliq and (_URDU_LETTER.search(text) or _page_language() == "ur")
    return URDU_FAMILY if urdu and _nastaliq_has(text) else ARABIC_FAMILY


def line_room(pdf: FPDF, text: str) -> tuple[float, float, float]:
    """For ``text`` in the font now in use: its lines' height, and room to leave above and below them (mm).

    Measured from the shaped text's own ink: Nastaliq's words climb up to 2.2 em
    above their line (one letter sitting on the next) and drop 0.6 em below,
    Naskh's marks go further than Latin's accents, a short word hardly at all.
    Lines are as tall as one's climb and the other's drop; fpdf2 puts the
    baseline 0.3 em below a line's middle, so what still reaches past the first
    line's top or the last one's bottom is left as room above or below.
    """
    above, below = _ink(pdf.font_family, pdf.font_style, str(text))
    height = max(LEADING, above + below + _GAP)
    over = max(0.0, above + _GAP / 2 - (height / 2 + 0.3))
    under = max(0.0, below + _GAP / 2 - (height / 2 - 0.3))
    return height * pdf.font_size, over * pdf.font_size, under * pdf.font_size


@cache
def _shaper(family: str, style: str):
    name = next(name for name in _FILES if name[0].lower() == family and name[1] == style)
    face = hb.Face(hb.Blob.from_file_path(font_file(*name)))
    return hb.Font(face), face.upem


def _ink(family: str, style: str, text: str) -> tuple[float, float]:
    """How far (em) the shaped ``text`` reaches above and below its baseline.

    A letter this font lacks is drawn from DejaVu, whose ink stays within
    ``LEADING``; it is left out here.
    """
    font, em = _shaper(family, style)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    top, bottom = 0.0, 0.0
    for glyph, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        extents = font.get_glyph_extents(glyph.codepoint) if glyph.codepoint else None
        if extents and extents.height:
            top = max(top, position.y_offset + extents.y_bearing)
            bottom = min(bottom, position.y_offset + extents.y_bearing + extents.height)
    return top / em, -bottom / em


def _nastaliq_has(text: str) -> bool:
    """Nastaliq has each Arabic-script letter of ``text`` (it has no Latin: those come from DejaVu)."""
    font, _ = _shaper(URDU_FAMILY.lower(), "")
    return all(font.get_nominal_glyph(ord(letter)) for letter in _ARABIC_LETTER.findall(text))


class PrintedSheet(FPDF):
    """A PDF made to be printed and read on paper (posters, table cards): Urdu in Nastaliq."""


def start(pdf: FPDF) -> None:
    """Turn shaping on, with lines in the page's direction; fonts come as ``set_font_for`` needs them.

    Shaping joins Arabic letters and orders right-to-left words; for Latin it
    only adds kerning and ligatures. The direction is the page language's, for
    the words we translate, which may begin with a Latin word (Childline, a
    title); a text typed by someone is laid out by its own first letter instead
    (``own_direction``), as ``dir="auto"`` in HTML.
    """
    pdf.set_text_shaping(True, direction=page_direction())


def set_font_for(pdf: FPDF, text: str, style: str, size: float) -> None:
    """Draw ``text`` next in its script's font (``family_for``), at ``style`` and ``size``.

    A font is read into the PDF the first time a text needs it (reading one
    takes about a tenth of a second, and an unused one would still be embedded).
    Latin letters in an Arabic or Urdu text come from DejaVu, so it is always
    there beside Naskh or Nastaliq.
    """
    family = family_for(text, nastaliq=isinstance(pdf, PrintedSheet))
    for needed in dict.fromkeys((FAMILY, family)):
        if needed.lower() not in pdf.fonts:
            for weight in ("", "B"):
                pdf.add_font(needed, weight, font_file(needed, weight))
            if needed != FAMILY:
                pdf.set_fallback_fonts([FAMILY])  # fpdf2 keeps the weight: a bold word takes bold
    pdf.set_font(family, style, size)


def let_go(pdf: FPDF) -> None:
    """Close the font files ``pdf`` read, when it was only measured: writing it out would do that."""
    for font in pdf.fonts.values():
        font.close()


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
