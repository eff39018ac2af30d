"""Safeguarding alerts are for the designated safeguarding lead alone, not even an admin.

The contact-offer switch is on a consultation's page, for the staff who run it.
The young person's contact step is under respond., public by design.
"""
from tests.web.roles import SAFEGUARDING_LEAD, STAFF

LEAD_ONLY = (SAFEGUARDING_LEAD,)

EXPECTED = {
    "console.safeguarding_queue": LEAD_ONLY,
    "console.safeguarding_alert": LEAD_ONLY,
    "console.safeguarding_set_status": LEAD_ONLY,
    "console.safeguarding_add_note": LEAD_ONLY,
    "console.set_contact_offer": STAFF,
}
