"""Reading rendered reports back in tests: the PDF's text, the CSV's rows, the page's charts."""
from __future__ import annotations

import csv
import io
import re

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_title(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).metadata.title


def pdf_filled_rectangles(data: bytes) -> int:
    """How many rectangles are drawn filled on every page: the bars (tables use lines and cells)."""
    reader = PdfReader(io.BytesIO(data))
    count = 0
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        count += len(re.findall(r" re\s+f\b", content))
    return count


def csv_rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
