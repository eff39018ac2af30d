"""Reading rendered reports back in tests: the PDF's text, the CSV's rows, the page's charts."""
from __future__ import annotations

import csv
import io
import re
import unicodedata

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream


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


Box = tuple[float, float, float, float]  # left, bottom, right, top, in PDF points


def ink_lines(page) -> list[list[Box]]:
    """Each line of words on ``page`` (one text object), as the boxes its letters' ink covers.

    Read from the glyph outlines of the fonts embedded in the PDF, placed where the
    page's text operators put them, so a line's box is where its ink really is:
    Nastaliq's letters climb and drop well past the line they sit on.
    """
    fonts = {key: _GlyphBoxes(ref.get_object()) for key, ref in page["/Resources"]["/Font"].items()}
    lines: list[list[Box]] = []
    line: list[Box] = []
    font, size, spacing, x, y = None, 0.0, 0.0, 0.0, 0.0
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"BT":
            line, x, y = [], 0.0, 0.0
        elif operator == b"Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif operator == b"Tc":
            spacing = float(operands[0])
        elif operator == b"Td":
            x, y = x + float(operands[0]), y + float(operands[1])
        elif operator == b"Tm":
            x, y = float(operands[4]), float(operands[5])
        elif operator == b"Tj":
            x = font.draw(operands[0].original_bytes, x, y, size, spacing, line)
        elif operator == b"TJ":
            raise AssertionError("TJ is not read here: fpdf2 places each glyph with Tm")
        elif operator == b"ET" and line:
            lines.append(line)
    return lines


class _GlyphBoxes:
    """One embedded font (Type0, Identity-H): each code's glyph outline box and advance."""

    def __init__(self, font):
        cid_font = font["/DescendantFonts"][0].get_object()
        data = cid_font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        self.program = TTFont(io.BytesIO(data))
        raw = cid_font["/CIDToGIDMap"].get_object().get_data()
        self.glyph_of = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
        self.order, self.glyf = self.program.getGlyphOrder(), self.program["glyf"]
        self.em, self.hmtx = self.program["head"].unitsPerEm, self.program["hmtx"]

    def draw(self, codes: bytes, x: float, y: float, size: float, spacing: float, line: list[Box]) -> float:
        scale = size / self.em
        for i in range(0, len(codes), 2):
            name = self.order[self.glyph_of[int.from_bytes(codes[i:i + 2], "big")]]
            glyph = self.glyf[name]
            if glyph.numberOfContours:
                glyph.recalcBounds(self.glyf)
                line.append((x + glyph.xMin * scale, y + glyph.yMin * scale,
                             x + glyph.xMax * scale, y + glyph.yMax * scale))
            x += self.hmtx[name][0] * scale + spacing
        return x


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def touching_lines(lines: list[list[Box]]) -> list[tuple[int, int]]:
    """Each pair of lines (by number) where some ink of one touches some ink of the other."""
    return [(first, second) for first, line in enumerate(lines)
            for second, other in enumerate(lines[first + 1:], start=first + 1)
            if any(overlap(box, theirs) for box in line for theirs in other)]
