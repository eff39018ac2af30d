"""The fonts every PDF draws with (posters, table cards, reports), and the page's direction.

The fonts ship inside the package (``engage/fonts``, see its README): DejaVu
Sans for Latin, Greek and Cyrillic, Noto Naskh Arabic for every Arabic and
Urdu letter, each drawing the letters the other lacks. So a PDF reads the same in all of Engage's languages on any
machine, with nothing installed but Python. fpdf2's text shaping (HarfBuzz,
from uharfbuzz) joins Arabic letters and lays right-to-left lines out.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from importlib import resources

from flask_babel import get_locale
from fpdf import FPDF

from engage.languages import direction

FAMILY = "DejaVu"
# Has every Arabic-script letter, which DejaVu here has none of (see engage/fonts/README.md).
ARABIC_FAMILY = "NotoNaskhArabic"
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_FILES = {
    (FAMILY, ""): "DejaVuSans.ttf",
    (FAMILY, "B"): "DejaVuSans-Bold.ttf",
    (ARABIC_FAMILY, ""): "NotoNaskhArabic-Regular.ttf",
    (ARABIC_FAMILY, "B"): "NotoNaskhArabic-Bold.ttf",
}


def font_file(family: str = FAMILY, style: str = "") -> str:
    """Where one of the shipped fonts is, as a path fpdf2 can open."""
    return str(resources.files("engage") / "fonts" / _FILES[(family, style)])


def page_direction() -> str:
    """``rtl`` when the words we translate are in Arabic or Urdu: the page's language."""
    return direction(str(get_locale() or "en"))


def family_for(text: str) -> str:
    """The font to draw ``text`` with: Naskh if it has Arabic-script letters, else DejaVu.

    A letter the chosen font lacks comes from the other (fpdf2's fallback), but
    the spaces and stops of an Arabic sentence must come from its own font:
    fpdf2 stores each run of one font as one piece, and a sentence cut at every
    space would be stored word by word in the order they sit on the page, which
    a screen reader reads backwards. A join code or a link stays wholly DejaVu.
    """
    return ARABIC_FAMILY if _ARABIC_LETTER.search(str(text)) else FAMILY


def start(pdf: FPDF) -> None:
    """Give ``pdf`` the fonts, shaping on, lines in the page's direction.

    Shaping joins Arabic letters and orders right-to-left words; for Latin it
    only adds kerning and ligatures. The direction is the page language's, for
    the words we translate, which may begin with a Latin word (Childline, a
    title); a text typed by someone is laid out by its own first letter instead
    (``own_direction``), as ``dir="auto"`` in HTML.
    """
    for (family, style), _file in _FILES.items():
        pdf.add_font(family, style, font_file(family, style))
    pdf.set_fallback_fonts([ARABIC_FAMILY, FAMILY])  # fpdf2 keeps the weight: bold takes bold
    pdf.set_text_shaping(True, direction=page_direction())
    pdf.set_font(FAMILY, "", 10)


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
