"""The action register ("you said, we did"): staff write and publish, board members read.

Co-facilitators are young people: internal notes are not for them, so they
have no console view here (the more private choice); like the safeguarding
lead, they see published actions on the public results page (respond.results,
public by design).
"""
from tests.web.roles import ADMIN, BOARD_MEMBER, FACILITATOR, STAFF

READERS = (ADMIN, FACILITATOR, BOARD_MEMBER)

EXPECTED = {
    "console.actions_register": READERS,
    "console.action_new": STAFF,
    "console.action_edit": STAFF,
    "console.action_publish": STAFF,
    "console.action_unpublish": STAFF,
    "console.action_send_again": STAFF,
    "console.action_delete": STAFF,
}
