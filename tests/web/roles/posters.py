"""Who may print a consultation's poster and table cards: whoever runs it."""
from tests.web.roles import RUNNERS

EXPECTED = {
    "console.poster": RUNNERS,
    "console.poster_pdf": RUNNERS,
    "console.table_cards": RUNNERS,
    "console.table_cards_pdf": RUNNERS,
}
