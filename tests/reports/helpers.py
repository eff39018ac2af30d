"""Reading rendered reports back in tests: the PDF's text, the CSV's rows, the page's charts."""
from __future__ import annotations

import csv
import io
import re
import unicodedata

from fontTools.ttLib import TTFont
from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_title(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).metadata.title


def pdf_filled_rectangles(data: bytes) -> int:
    """How many rectangles are drawn filled on every page: the bars (tables use lines and cells)."""
    return len(pdf_bars(data))


def pdf_bars(data: bytes) -> list[tuple[float, float]]:
    """(left, right) in PDF points of each filled rectangle on every page, in drawing order."""
    bars = []
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        for x, _y, w, _h in re.findall(r"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\s+f\b", content):
            bars.append((round(float(x), 1), round(float(x) + float(w), 1)))
    return bars


def csv_rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.S)


def arabic_words(text: str) -> list[str]:
    """The Arabic-script words, in order and normalised (NFKC): shaping may hand back presentation forms."""
    return re.findall(r"[\u0600-\u06ff]+", unicodedata.normalize("NFKC", text))


def arabic_joined_glyphs(reader: PdfReader) -> set[str]:
    """Names of the Arabic initial, medial and final glyphs the PDF's fonts draw: letters joined.

    Without shaping only each letter's own glyph (uni0627...) is drawn; with it
    the font's contextual forms (uniFE8E...) are, and fpdf2 embeds them by name.
    """
    forms = re.compile(r"uni(FB[5-9A-F]|F[CD][0-9A-F]|FE[7-9A-F])[0-9A-F]")
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" not in font:
                continue
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            with TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())) as embedded:
                names |= {name for name in embedded.getGlyphOrder() if forms.fullmatch(name)}
    return names
