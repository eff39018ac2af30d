"""The fonts every PDF draws with (posters, table cards, reports), and the page's direction.

The fonts ship inside the package (``engage/fonts``, see its README): DejaVu
Sans for Latin, Greek and Cyrillic, Noto Naskh Arabic for every Arabic and
Urdu letter. So a PDF reads the same in all of Engage's languages on any
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
    Latin letters in an Arabic text come from DejaVu, so it is always there
    beside Naskh.
    """
    family = family_for(text)
    for needed in dict.fromkeys((FAMILY, family)):
        if needed.lower() not in pdf.fonts:
            for weight in ("", "B"):
                pdf.add_font(needed, weight, font_file(needed, weight))
            if needed != FAMILY:
                pdf.set_fallback_fonts([FAMILY])  # fpdf2 keeps the weight: a bold word takes bold
    pdf.set_font(family, style, size)


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
