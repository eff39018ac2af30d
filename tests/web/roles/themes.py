"""Theme tagging: those who run consultations read the taxonomy, review tags and see emerging themes;
only admins and facilitators change the taxonomy, retrain the tagger or re-tag every answer.

Board members and the safeguarding lead have no part in this area of the console.
"""
from tests.web.roles import RUNNERS, STAFF

EXPECTED = {
    "console.themes_home": RUNNERS,
    "console.themes_version": RUNNERS,
    "console.themes_edit": STAFF,
    "console.themes_add": STAFF,
    "console.themes_remove": STAFF,
    "console.themes_areas": STAFF,
    "console.themes_retag": STAFF,
    "console.themes_review": RUNNERS,
    "console.themes_review_save": RUNNERS,
    "console.themes_retrain": STAFF,
    "console.themes_emerging": RUNNERS,
    "console.themes_promote": STAFF,
}
