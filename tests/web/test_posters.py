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
from flask_babel import force_locale
from fontTools.ttLib import TTFont
from PIL import Image
from fpdf import FPDF
from pypdf import PdfReader
from pypdf.generic import ContentStream

from engage import pdf_fonts
from engage.config import Config
from engage.services import posters
from engage.services.consultations import create_from_template, find_consultation
from engage.services.users import set_members
from tests.reports.helpers import arabic_joined_glyphs, arabic_words, ink_lines, overlap, touching_lines

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
        f'<p class="code" dir="ltr">{code}</p>',
        'or go to <bdi dir="ltr">localhost</bdi> and type the code',
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
    assert 'or go to <bdi dir="ltr">engage.example.org</bdi> and type the code' in facilitator.text
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


def test_a_poster_in_arabic_has_its_words_in_order_with_letters_joined(facilitator, consultation):
    # Urdu posters are in Nastaliq, whose text fpdf2 cannot hand back whole: see the Urdu tests below.
    code = consultation(title="Staying safe online")
    language = "ar"
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


URDU_TITLE = "ہمیں بتائیے کہ آپ کے لیے کیا اہم ہے۔"  # heh goal, yeh barree, the Urdu full stop


@pytest.mark.parametrize("kind", ["poster.pdf", "table-cards.pdf?tables=2"])
def test_urdu_posters_and_cards_are_printed_in_nastaliq_with_code_and_link_in_latin(facilitator, consultation, kind):
    code = consultation(title="Staying safe online")
    _in_language(facilitator, "ur")
    page = _pdf(facilitator.get(f"/console/c/{code}/{kind}")).pages[0]
    lead = Translations.load("translations", ["ur"]).gettext("You don't give your name. Nobody can see who said what.")
    runs = _runs(page)
    urdu_fonts = {font for text, font, *_ in runs if arabic_words(text)}
    assert urdu_fonts <= {"NotoNastaliqUrdu", "NotoNastaliqUrduBold"} and urdu_fonts, urdu_fonts
    # Digits and stops from Nastaliq would look unlike the letters around them.
    latin = {font for text, font, *_ in runs if code in text}
    assert latin and latin <= {"DejaVuSansBold", "DejaVuSansBook"}, latin
    # Nastaliq's glyphs come back from the PDF in pieces, but each is its own letter.
    drawn = "".join(text for text, *_ in runs)
    assert set("".join(arabic_words(lead))) <= set(drawn)


def test_urdu_letters_are_drawn_as_themselves(facilitator, consultation):
    code = consultation(title=URDU_TITLE)
    _in_language(facilitator, "ur")
    page = _pdf(facilitator.get(f"/console/c/{code}/poster.pdf")).pages[0]
    drawn = "".join(text for text, *_ in _runs(page))
    assert {"ہ", "ے", "۔"} <= set(drawn)


def test_an_urdu_title_on_an_english_poster_is_in_nastaliq_and_arabic_stays_in_naskh(facilitator, consultation):
    urdu = _pdf(facilitator.get(f"/console/c/{consultation(title=URDU_TITLE)}/poster.pdf")).pages[0]
    assert "NotoNastaliqUrduBold" in _font_names(urdu)
    _in_language(facilitator, "ar")
    arabic = _pdf(facilitator.get(f"/console/c/{consultation(title='صوت الشباب')}/poster.pdf")).pages[0]
    assert not {name for name in _font_names(arabic) if "Nastaliq" in name}


def test_urdu_is_in_nastaliq_only_on_printed_sheets_and_only_where_nastaliq_has_every_letter(app):
    family_for, naskh, nastaliq = pdf_fonts.family_for, pdf_fonts.ARABIC_FAMILY, pdf_fonts.URDU_FAMILY
    with app.test_request_context():
        # A report is read on screen and aloud: Nastaliq's text would come back in pieces.
        assert family_for(URDU_TITLE) == naskh
        assert family_for(URDU_TITLE, nastaliq=True) == nastaliq  # letters only Urdu has
        assert family_for("صوت الشباب", nastaliq=True) == naskh  # Arabic, on an English page
        assert family_for("Youth voice", nastaliq=True) == pdf_fonts.FAMILY
        with force_locale("ur"):
            assert family_for("صوت الشباب", nastaliq=True) == nastaliq  # a short phrase on an Urdu page
            assert family_for("صوت \u0751", nastaliq=True) == naskh  # a letter Nastaliq lacks


LONGEST_TITLE = "Staying safe in our town: " + "what helps you feel safe, and what would make it better? " * 3


CUT_X, CUT_Y = A4_POINTS[0] / 2, A4_POINTS[1] / 2


@pytest.mark.parametrize("language", Config.LANGUAGES)
@pytest.mark.parametrize("title", ["Youth voice", LONGEST_TITLE[:200], URDU_TITLE])
def test_no_words_run_into_each_other_the_qr_code_or_a_cut_line(facilitator, consultation, language, title):
    code = consultation(title=title)
    _in_language(facilitator, language)
    for kind, smallest_code in (("poster.pdf", 150), ("table-cards.pdf?tables=4", 100)):
        page = _pdf(facilitator.get(f"/console/c/{code}/{kind}")).pages[0]
        codes = _image_boxes(page)
        assert len(codes) == (1 if kind == "poster.pdf" else 4)
        assert min(top - bottom for _, bottom, _, top in codes) >= smallest_code  # points: 53 mm, 35 mm
        lines = ink_lines(page)
        assert len(lines) >= 7
        for number, line in enumerate(lines):
            left, bottom = min(box[0] for box in line), min(box[1] for box in line)
            right, top = max(box[2] for box in line), max(box[3] for box in line)
            assert 10 <= left and right <= A4_POINTS[0] - 10 and 10 <= bottom and top <= A4_POINTS[1] - 10
            if kind != "poster.pdf":
                assert right <= CUT_X - 10 or left >= CUT_X + 10, ("crosses the cut", number)
                assert top <= CUT_Y - 10 or bottom >= CUT_Y + 10, ("crosses the cut", number)
            assert not any(overlap(box, image) for box in line for image in codes), ("on the QR code", number)
        assert touching_lines(lines) == [], kind


def _runs(page) -> list[tuple[str, str, float, float]]:
    """Each piece of text drawn: (text, font, size in points, baseline y in points)."""
    runs = []

    def seen(text, cm, tm, font, size):
        if text.strip() and font:
            runs.append((text, str(font["/BaseFont"]).split("+")[-1], size, tm[5]))

    page.extract_text(visitor_text=seen)
    return runs


def _image_boxes(page) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in points of each image drawn: the QR codes."""
    boxes, matrix = [], None
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"cm":
            matrix = [float(value) for value in operands]
        elif operator == b"Do":
            boxes.append((matrix[4], matrix[5], matrix[4] + matrix[0], matrix[5] + matrix[3]))
    return boxes


def test_on_the_page_to_print_an_address_stays_left_to_right_in_an_urdu_sentence(app, facilitator, consultation):
    app.config["TELEGRAM_BOT_USERNAME"] = "@EngageBot"
    code = consultation("lifestyle-college")
    _in_language(facilitator, "ur")
    facilitator.get(f"/console/c/{code}/poster")
    page = facilitator.text
    assert f'<p class="link" dir="ltr">localhost/s/{code}</p>' in page
    assert f'<p class="code" dir="ltr">{code}</p>' in page
    catalogue = Translations.load("translations", ["ur"])
    before, after = catalogue.gettext("or go to %(site)s and type the code").split("%(site)s")
    assert f'{before}<bdi dir="ltr">localhost</bdi>{after}' in page
    assert f'<bdi dir="ltr">t.me/EngageBot?start={code}</bdi>' in page
    facilitator.get(f"/console/c/{code}/table-cards?tables=1")
    assert '<bdi dir="ltr">localhost</bdi>' in facilitator.text


def test_a_long_title_is_set_smaller_on_the_page_to_print_as_in_the_pdf(facilitator, consultation):
    short, long = consultation(title="Youth voice"), consultation(title=LONGEST_TITLE[:200])
    sizes = {}
    for code in (short, long):
        for kind, tag in (("poster", "h1"), ("table-cards?tables=1", "h2")):
            facilitator.get(f"/console/c/{code}/{kind}")
            sizes[code, tag] = int(re.search(rf'<{tag} dir="auto" class="size-(\d+)">', facilitator.text)[1])
    assert sizes[short, "h1"] == posters.POSTER_TITLE_SIZES[0] and sizes[short, "h2"] == posters.CARD_TITLE_SIZES[0]
    assert sizes[long, "h1"] < sizes[short, "h1"] and sizes[long, "h2"] < sizes[short, "h2"]
    with facilitator.client.get("/static/print.css") as response:
        css = response.get_data(as_text=True)
    for size in (*posters.POSTER_TITLE_SIZES[1:], *posters.CARD_TITLE_SIZES[1:]):
        assert f".size-{size}{{font-size:{size}pt" in css, size


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_a_link_with_a_numbered_address_reads_left_to_right_on_an_arabic_or_urdu_pdf(
    app, facilitator, consultation, language
):
    # A laptop at a youth club serves on its own address: digits first, which a right-to-left
    # line would put after the path ("s/CODE/192.168.1.20:5000").
    app.config["PUBLIC_URL"] = "http://192.168.1.20:5000"
    code = consultation()
    _in_language(facilitator, language)
    for kind in ("poster.pdf", "table-cards.pdf?tables=1"):
        page = _pdf(facilitator.get(f"/console/c/{code}/{kind}")).pages[0]
        assert f"192.168.1.20:5000/s/{code}" in page.extract_text().splitlines(), kind
