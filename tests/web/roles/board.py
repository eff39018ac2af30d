"""Board pages and the voice API: board members and admins only.

Facilitators have the console, co-facilitators are young people and the
safeguarding lead has the alerts: the more private choice keeps all three out.
"""
from tests.web.roles import ADMIN, BOARD_MEMBER

READERS = (ADMIN, BOARD_MEMBER)

EXPECTED = {
    "board.index": READERS,
    "board.consultation": READERS,
    "api.voice_summary": READERS,
}
