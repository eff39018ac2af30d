"""Who may take answers out: exports, API tokens and the JSON API."""
from tests.web.roles import ADMIN, FACILITATOR, RUNNERS

EXPECTED = {
    "console.export_csv": (ADMIN, FACILITATOR),
    "console.export_xlsx": (ADMIN, FACILITATOR),
    "console.create_token": (ADMIN, FACILITATOR),
    "console.revoke_token": (ADMIN, FACILITATOR),
    "api.consultations_list": RUNNERS,
    "api.answers": (ADMIN, FACILITATOR),
}
