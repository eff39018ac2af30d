"""Reports for the board: board members and admins read them; nobody else takes them away.

Facilitators have their own exports of a consultation's answers; co-facilitators
(young people) and the safeguarding lead have no board reports.
"""
from tests.web.roles import ADMIN, BOARD_MEMBER

EXPECTED = {
    "board.report": (ADMIN, BOARD_MEMBER),
}
