"""The voice summary through the JSON API: board members' own tools get the board's numbers, no more."""
from __future__ import annotations

import json

import pytest

from tests.web.test_api import bearer, token_for
from tests.web.test_board import voices  # noqa: F401 - the same quarter of answers as the board pages

FEW = "fewer than 10"


@pytest.fixture
def api(app):
    """A client with no session cookie: only the token speaks for it."""
    return app.test_client()


@pytest.fixture
def board_token(app, staff):
    return token_for(app, staff("board_member", sign_in=False))


def cells(data) -> list[dict]:
    """Every count in the JSON, wherever it sits."""
    if isinstance(data, dict):
        found = [data] if set(data) == {"count", "suppressed", "display"} else []
        return found + [c for value in data.values() for c in cells(value)]
    if isinstance(data, list):
        return [c for value in data for c in cells(value)]
    return []


def test_a_board_member_gets_a_quarters_summary_with_every_count_suppressed(api, board_token, voices):
    response = api.get("/api/v1/voice?period=2026Q3", headers=bearer(board_token))

    assert response.status_code == 200
    data = response.json
    assert data["period"] == {"start": "2026-07-01", "end": "2026-09-30", "label": "2026 Q3"}
    assert data["consultation_code"] is None and data["threshold"] == 10
    themes = {t["key"]: t for t in data["themes"]}
    assert themes["police-trust"]["answers"] == {"count": 40, "suppressed": False, "display": "40"}
    assert themes["police-trust"]["previous"] == {"count": None, "suppressed": True, "display": FEW}
    assert themes["police-trust"]["trend"] == "up"
    assert themes["bullying-online-safety"]["answers"]["display"] == FEW
    assert themes["bullying-online-safety"]["quotes"] == []
    # Consultations are events, not people: their number may be small.
    assert data["participation"].pop("consultations") == {"count": 1, "suppressed": False, "display": "1"}
    found = cells(data)
    assert len(found) > 30
    assert all(c["count"] is None for c in found if c["suppressed"])
    assert all(c["count"] is None or c["count"] == 0 or c["count"] >= 10 for c in found)


def test_the_api_never_gives_out_a_flagged_or_unscrubbed_answer(api, board_token, voices):
    for query in ("period=2026Q3", f"code={voices}", "start=2026-07-01&end=2026-12-31"):
        said = json.dumps(api.get(f"/api/v1/voice?{query}", headers=bearer(board_token)).json)
        assert "ZEBRA" not in said and "stepdad" not in said
        assert "07700" not in said and "BULLYNINE" not in said
        assert "[phone]" in said


def test_a_consultations_summary_covers_its_whole_life(api, board_token, voices):
    data = api.get(f"/api/v1/voice?code={voices.lower()}", headers=bearer(board_token)).json
    assert data["period"] is None and data["consultation_code"] == voices
    assert data["title"] == "Square Table, August"
    assert {c["question_id"] for c in data["choices"]} >= {"come_again"}


@pytest.mark.parametrize(("query", "status", "message"), [
    ("period=2026Q5", 400, '"2026Q5" is not a quarter: write it like 2026Q3.'),
    ("start=2026-09-01&end=2026-08-01", 400, "The period ends before it starts."),
    ("", 400, "Ask for a period (?period=2026Q3"),
    ("period=2026Q3&code=ABC234", 400, "Ask for a period or a consultation, not both."),
    ("code=NOPE22", 404, "No consultation has that join code."),
])
def test_a_question_the_api_cannot_answer_says_why(api, board_token, query, status, message):
    response = api.get(f"/api/v1/voice?{query}", headers=bearer(board_token))
    assert response.status_code == status
    assert response.json["error"].startswith(message)


@pytest.mark.parametrize("role", ["facilitator", "co_facilitator", "safeguarding_lead"])
def test_only_board_members_and_admins_may_ask(app, api, staff, role):
    token = token_for(app, staff(role, sign_in=False))
    assert api.get("/api/v1/voice?period=2026Q3", headers=bearer(token)).status_code == 403


def test_an_admin_may_ask_and_nobody_without_a_token(app, api, staff):
    token = token_for(app, staff("admin", sign_in=False))
    assert api.get("/api/v1/voice?period=2026Q3", headers=bearer(token)).status_code == 200
    assert api.get("/api/v1/voice?period=2026Q3").status_code == 401
