"""Posters and table cards: the QR code opens the consultation, on screen, on paper and in PDF."""
from __future__ import annotations

import base64
import io
import re
import unicodedata
from pathlib import Path

import pytest
import zxingcpp
from babel.messages.pofile import read_po
from babel.support import Translations
from fontTools.ttLib import TTFont
from PIL import Image
from fpdf import FPDF
from pypdf import PdfReader

from engage import pdf_fonts
from engage.services import posters
from engage.services.consultations import create_from_template, find_consultation
from engage.services.users import set_members
from tests.reports.helpers import arabic_joined_glyphs, arabic_words

UNICODE_TITLE = "Diogelwch ŵyr – Łódź"
A4_POINTS = (595, 842)


@pytest.fixture
def consultation(app):
    """Make a consultation from a template; returns its join code."""

    def make(template: str = "square-table", title: str | None = None) -> str:
        with app.app_context():
            return create_from_template(template, title=title).join_code

    return make


@pytest.fixture
def facilitator(staff):
    return staff("facilitator")


def _decode(image: Image.Image) -> str:
    found = zxingcpp.read_barcodes(image.convert("L"))
    assert len(found) == 1, "expected exactly one readable QR code"
    return found[0].text


def _html_qr_codes(html: str) -> list[str]:
    sources = re.findall(r'<img class="qr" src="data:image/png;base64,([^"]+)"', html)
    return [_decode(Image.open(io.BytesIO(base64.b64decode(source)))) for source in sources]


def _pdf(response) -> PdfReader:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.get_data()))


def _pdf_qr(page) -> str:
    images = page.images
    assert len(images) == 1
    return _decode(images[0].image)


def _size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def _text(page) -> str:
    """The page's words with line breaks as spaces: a long title wraps."""
    return " ".join(page.extract_text().split())


def _table_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\bTable (\d+)\b", text)]


# --- the poster --------------------------------------------------------------


def test_the_poster_page_has_a_qr_code_that_opens_the_consultation(facilitator, consultation):
    code = consultation(title="Knife crime square table")
    page = facilitator.get(f"/console/c/{code}/poster")
    assert page.status_code == 200
    assert _html_qr_codes(facilitator.text) == [f"http://localhost/s/{code}"]
    text = facilitator.text
    for words in (
        "Knife crime square table",
        f"localhost/s/{code}",
        f'<p class="code">{code}</p>',
        "or go to localhost and type the code",
        "You don&#39;t give your name. Nobody can see who said what.",
        "Childline: call 0800 1111, free, any time",
    ):
        assert words in text


def test_the_poster_page_prints_with_its_own_stylesheet_and_nothing_inline(facilitator, consultation):
    code = consultation()
    text = facilitator.get(f"/console/c/{code}/poster").get_data(as_text=True)
    assert "/static/print.css" in text and "console.css" not in text
    # The CSP allows stylesheets from this site only: an inline style would be dropped.
    assert "style=" not in text and "<style" not in text and "<script" not in text
    with facilitator.client.get("/static/print.css") as response:
        css = response.get_data(as_text=True)
    assert "@page" in css and "A4" in css and "@media print" in css


def test_the_poster_links_to_the_public_url_when_one_is_set(app, facilitator, consultation):
    app.config["PUBLIC_URL"] = "https://engage.example.org"
    code = consultation()
    facilitator.get(f"/console/c/{code}/poster")
    assert _html_qr_codes(facilitator.text) == [f"https://engage.example.org/s/{code}"]
    assert "or go to engage.example.org and type the code" in facilitator.text
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    assert _pdf_qr(reader.pages[0]) == f"https://engage.example.org/s/{code}"


def test_the_poster_pdf_is_one_a4_page_with_the_qr_code_title_and_join_code(facilitator, consultation):
    code = consultation(title="Staying safe online")
    response = facilitator.get(f"/console/c/{code}/poster.pdf")
    reader = _pdf(response)
    assert response.headers["Content-Disposition"] == f'attachment; filename="poster-{code}.pdf"'
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert _size(page) == A4_POINTS
    assert _pdf_qr(page) == f"http://localhost/s/{code}"
    text = _text(page)
    for words in ("Staying safe online", code, f"localhost/s/{code}",
                  "Nobody can see who said what.", "Childline: call 0800 1111, free, any time"):
        assert words in text


def test_a_telegram_line_shows_only_for_an_audience_of_16_and_over(app, facilitator, consultation):
    app.config["TELEGRAM_BOT_USERNAME"] = "@EngageBot"
    college, secondary = consultation("lifestyle-college"), consultation("lifestyle-secondary")
    facilitator.get(f"/console/c/{college}/poster")
    assert f"t.me/EngageBot?start={college}" in facilitator.text
    pdf_text = _text(_pdf(facilitator.get(f"/console/c/{college}/poster.pdf")).pages[0])
    assert f"t.me/EngageBot?start={college}" in pdf_text
    facilitator.get(f"/console/c/{secondary}/poster")
    assert "t.me" not in facilitator.text
    pdf_text = _text(_pdf(facilitator.get(f"/console/c/{secondary}/poster.pdf")).pages[0])
    assert "t.me" not in pdf_text


def test_no_telegram_line_without_a_bot(facilitator, consultation):
    code = consultation("lifestyle-college")
    facilitator.get(f"/console/c/{code}/poster")
    assert "Telegram" not in facilitator.text


# --- table cards -------------------------------------------------------------


@pytest.mark.parametrize("tables", [1, 5, 8, 40])
def test_table_cards_make_one_numbered_card_per_table(facilitator, consultation, tables):
    code = consultation(title="Square table: transition to adulthood")
    facilitator.get(f"/console/c/{code}/table-cards?tables={tables}")
    html = facilitator.text
    assert facilitator.page.status_code == 200
    assert html.count('<article class="card">') == tables
    assert re.findall(r'<p class="table">Table (\d+)</p>', html) == [str(n) for n in range(1, tables + 1)]
    sheets = html.split('<div class="sheet cards">')[1:]
    assert len(sheets) == -(-tables // posters.CARDS_PER_SHEET)
    assert all(sheet.count('<article class="card">') <= 4 for sheet in sheets)
    assert set(_html_qr_codes(html)) == {f"http://localhost/s/{code}"}

    response = facilitator.get(f"/console/c/{code}/table-cards.pdf?tables={tables}")
    reader = _pdf(response)
    assert f'filename="table-cards-{code}-{tables}.pdf"' in response.headers["Content-Disposition"]
    assert len(reader.pages) == -(-tables // posters.CARDS_PER_SHEET)
    numbers = []
    for page in reader.pages:
        assert _size(page) == A4_POINTS
        assert _pdf_qr(page) == f"http://localhost/s/{code}"
        text = _text(page)
        assert text.count(code) >= 1 and "Square table: transition to adulthood" in text
        numbers += _table_numbers(text)
    assert numbers == list(range(1, tables + 1))


def test_table_cards_default_to_eight_tables(facilitator, consultation):
    code = consultation()
    facilitator.get(f"/console/c/{code}/table-cards")
    assert facilitator.text.count('<article class="card">') == posters.DEFAULT_TABLES == 8
    reader = _pdf(facilitator.get(f"/console/c/{code}/table-cards.pdf"))
    assert _table_numbers(" ".join(_text(p) for p in reader.pages)) == list(range(1, 9))


@pytest.mark.parametrize("asked", ["0", "500", "-3", "lots", "4.5"])
@pytest.mark.parametrize("kind", ["table-cards", "table-cards.pdf"])
def test_a_number_of_tables_out_of_range_is_refused_with_a_clear_message(
    facilitator, consultation, asked, kind
):
    code = consultation()
    page = facilitator.get(f"/console/c/{code}/{kind}?tables={asked}")
    assert page.status_code == 400
    assert "Choose between 1 and 40 tables" in facilitator.text


# --- any language ------------------------------------------------------------


def test_a_title_in_welsh_and_polish_letters_appears_on_the_poster_and_cards(facilitator, consultation):
    code = consultation(title=UNICODE_TITLE)
    facilitator.get(f"/console/c/{code}/poster")
    assert UNICODE_TITLE in facilitator.text
    facilitator.get(f"/console/c/{code}/table-cards?tables=2")
    assert facilitator.text.count(UNICODE_TITLE) >= 2
    poster = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    assert UNICODE_TITLE in _text(poster.pages[0])
    assert UNICODE_TITLE in poster.metadata.title
    cards = _pdf(facilitator.get(f"/console/c/{code}/table-cards.pdf?tables=2"))
    assert _text(cards.pages[0]).count(UNICODE_TITLE) == 2


def test_an_arabic_title_does_not_stop_the_pdf(facilitator, consultation):
    code = consultation(title="صوت الشباب")
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    assert code in _text(reader.pages[0])
    assert _pdf_qr(reader.pages[0]) == f"http://localhost/s/{code}"
    _pdf(facilitator.get(f"/console/c/{code}/table-cards.pdf?tables=3"))


def test_the_pdfs_draw_with_the_fonts_engage_ships_not_the_machines(facilitator, consultation, monkeypatch):
    # Only the shipped files are read: a machine with no fonts at all (a slim container) prints the same.
    monkeypatch.setattr("fpdf.FPDF.add_font", _only_from(pdf_fonts.font_file(), FPDF.add_font))
    code = consultation(title=UNICODE_TITLE + " · صوت الشباب")
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    assert {"DejaVuSansBold", "NotoNaskhArabicBold"} <= _font_names(reader.pages[0])
    assert UNICODE_TITLE in _text(reader.pages[0])
    assert "صوت" in reader.pages[0].extract_text()


def _only_from(shipped: str, add_font):
    folder = str(Path(shipped).parent)

    def add_shipped_font(self, family=None, style="", fname=None, **kwargs):
        assert str(fname).startswith(folder), fname
        return add_font(self, family, style, fname, **kwargs)

    return add_shipped_font


def _font_names(page) -> set[str]:
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[key].get_object()["/BaseFont"]).split("+")[-1] for key in fonts}  # "/MPDFAA+Name"


# --- who may print -----------------------------------------------------------

ENDPOINTS = ["poster", "poster.pdf", "table-cards", "table-cards.pdf"]


@pytest.mark.parametrize("kind", ENDPOINTS)
def test_a_co_facilitator_prints_only_for_consultations_they_run(app, staff, consultation, kind):
    co = staff("co_facilitator")
    theirs, other = consultation(), consultation("youth-ballot")
    with app.app_context():
        set_members(find_consultation(theirs), [co.user.id], by=None)
    assert co.get(f"/console/c/{theirs}/{kind}").status_code == 200
    assert co.get(f"/console/c/{other}/{kind}").status_code == 404


@pytest.mark.parametrize("kind", ENDPOINTS)
def test_a_board_member_cannot_print_posters(staff, consultation, kind):
    board = staff("board_member")
    assert board.get(f"/console/c/{consultation()}/{kind}").status_code == 403


def test_the_consultation_page_links_to_the_poster_and_table_cards(facilitator, consultation):
    code = consultation()
    facilitator.get(f"/console/c/{code}")
    for kind in ENDPOINTS:
        assert f'href="/console/c/{code}/{kind}"' in facilitator.text


# --- right to left: Arabic and Urdu --------------------------------------------


def _in_language(person, language: str) -> None:
    with person.client.session_transaction() as session:
        session["language"] = language


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_a_poster_in_arabic_or_urdu_has_its_words_in_order_with_letters_joined(facilitator, consultation, language):
    code = consultation(title="Staying safe online")
    _in_language(facilitator, language)
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    text = reader.pages[0].extract_text()
    catalogue = Translations.load("translations", [language])
    for msgid in ("Have your say: scan me with your phone camera",
                  "You don't give your name. Nobody can see who said what."):
        expected = arabic_words(catalogue.gettext(msgid))
        assert expected and " ".join(expected) in " ".join(arabic_words(text)), msgid
    assert code in text and "Staying safe online" in text
    assert _pdf_qr(reader.pages[0]) == f"http://localhost/s/{code}"
    joined = arabic_joined_glyphs(reader)
    assert len(joined) >= 10, joined  # unshaped Arabic draws only the letters' isolated glyphs
    cards = _pdf(facilitator.get(f"/console/c/{code}/table-cards.pdf?tables=2"))
    table = catalogue.gettext("Table %(number)s") % {"number": 2}
    assert arabic_words(table)[0] in arabic_words(cards.pages[0].extract_text())


def test_urdu_letters_are_drawn_as_themselves(facilitator, consultation):
    title = "ہمیں بتائیے کہ آپ کے لیے کیا اہم ہے۔"  # heh goal, yeh barree, the Urdu full stop
    code = consultation(title=title)
    _in_language(facilitator, "ur")
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    assert " ".join(arabic_words(title)) in " ".join(arabic_words(reader.pages[0].extract_text()))


@pytest.mark.parametrize("language", sorted(path.name for path in Path("translations").iterdir() if path.is_dir()))
def test_every_letter_of_every_language_has_a_glyph_in_the_shipped_fonts(language):
    """A letter no font has would print as an empty box (and fpdf2 warns, which fails the suite)."""
    catalogues = [Path("translations", language, "LC_MESSAGES", "messages.po"),
                  *Path("surveys", "templates", "translations", language).glob("*.po")]
    used = set()
    for path in catalogues:
        with path.open("rb") as file:
            for message in read_po(file):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                used.update(char for text in strings for char in text or "")
    assert len(catalogues) > 1 and used
    for style in ("", "B"):
        cmap = set()
        for family in (pdf_fonts.FAMILY, pdf_fonts.ARABIC_FAMILY):
            with TTFont(pdf_fonts.font_file(family, style)) as font:
                cmap |= set(font.getBestCmap())
        missing = {char for char in used if ord(char) not in cmap
                   and not char.isspace() and unicodedata.category(char) != "Cf"}  # bidi marks draw nothing
        assert not missing, (style, sorted(missing))


@pytest.mark.parametrize(("language", "words"), [("cy", "Diogelwch ŵyr"), ("pl", "Łódź ząb")])
def test_a_welsh_or_polish_poster_keeps_its_letters(facilitator, consultation, language, words):
    code = consultation(title=words)
    _in_language(facilitator, language)
    text = _text(_pdf(facilitator.get(f"/console/c/{code}/poster.pdf")).pages[0])
    assert words in text
    lead = Translations.load("translations", [language]).gettext("You don't give your name. Nobody can see who said what.")
    assert " ".join(lead.split()) in text


@pytest.mark.parametrize("kind", ["poster", "table-cards"])
def test_the_sheet_to_print_is_in_the_pages_language_and_direction(facilitator, consultation, kind):
    code = consultation()
    _in_language(facilitator, "ar")
    facilitator.get(f"/console/c/{code}/{kind}")
    assert '<html lang="ar" dir="rtl">' in facilitator.text
    _in_language(facilitator, "cy")
    facilitator.get(f"/console/c/{code}/{kind}")
    assert '<html lang="cy" dir="ltr">' in facilitator.text


def test_in_an_urdu_poster_the_join_code_and_link_are_drawn_in_one_latin_font(facilitator, consultation):
    code = consultation(title="Staying safe online")
    _in_language(facilitator, "ur")
    reader = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf"))
    fonts_of: dict[str, set[str]] = {}

    def seen(text, cm, tm, font, size):
        if text.strip() and font:
            fonts_of.setdefault(text.strip(), set()).add(str(font["/BaseFont"]).split("+")[-1])

    reader.pages[0].extract_text(visitor_text=seen)
    # Stops and digits from the Arabic font would look unlike the letters around them.
    assert fonts_of[code] == {"DejaVuSansBold"}
    assert fonts_of[f"localhost/s/{code}"] == {"DejaVuSansBold"}


def test_a_poster_without_arabic_letters_carries_no_arabic_font(facilitator, consultation):
    reader = _pdf(facilitator.get(f"/console/c/{consultation(title=UNICODE_TITLE)}/poster.pdf"))
    assert _font_names(reader.pages[0]) == {"DejaVuSansBook", "DejaVuSansBold"}
