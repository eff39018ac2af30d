"""Who may reach the live event screen, its JSON and its hide / show buttons."""
from tests.web.roles import RUNNERS

EXPECTED = {
    "console.live": RUNNERS,
    "console.live_data": RUNNERS,
    "console.live_hide": RUNNERS,
}
