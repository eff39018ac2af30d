"""The JSON API: a personal token, shown once, opening what its owner may see and no more."""
from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import ApiToken, AuditEvent
from engage.services import api_tokens, users
from engage.services.consultations import create_from_template
from engage.services.exports import WITHHELD
from tests.services.test_exports import respond

TOKEN = re.compile(r"eng_[A-Za-z0-9_-]{43}")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def api(app):
    """A client with no session cookie: only the token speaks for it."""
    return app.test_client()


def token_for(app, person) -> str:
    with app.app_context():
        return api_tokens.create_token(person.user, "test script")[1]


def test_a_token_made_on_the_account_page_is_shown_once_and_then_works(app, staff, api):
    facilitator = staff("facilitator")
    assert "API tokens" in facilitator.get("/console/account").get_data(as_text=True)
    made = facilitator.post("/console/account/tokens", {"name": "quarterly report script"})
    assert made.status_code == 201
    [plain] = TOKEN.findall(facilitator.text)
    account = facilitator.get("/console/account").get_data(as_text=True)
    assert "quarterly report script" in account and plain not in account
    with app.app_context():
        stored = db.session.scalar(select(ApiToken))
        assert stored.token_hash == hashlib.sha256(plain.encode()).hexdigest()
        assert db.session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == "created API token"
        create_from_template("youth-ballot")

    listed = api.get("/api/v1/consultations", headers=bearer(plain))
    assert listed.status_code == 200
    assert [c["title"] for c in listed.json["consultations"]] == ["Youth ballot – what matters most to you?"]
    assert set(listed.json["consultations"][0]) >= {"join_code", "title", "status", "responses"}


def test_a_token_without_a_name_is_not_made(app, staff):
    facilitator = staff("facilitator")
    page = facilitator.post("/console/account/tokens", {"name": "  "}, follow_redirects=True)
    assert "Give the token a name" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(ApiToken)) is None


def test_a_revoked_token_stops_working(app, staff, api):
    facilitator = staff("facilitator")
    facilitator.post("/console/account/tokens", {"name": "old laptop"})
    [plain] = TOKEN.findall(facilitator.text)
    assert api.get("/api/v1/consultations", headers=bearer(plain)).status_code == 200
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    page = facilitator.post("/console/account/tokens/revoke", {"value": str(token_id)}, follow_redirects=True)
    assert "revoked" in page.get_data(as_text=True)
    refused = api.get("/api/v1/consultations", headers=bearer(plain))
    assert refused.status_code == 401
    assert refused.json == {"error": "This API token is not valid: it may have been revoked."}
    assert 'error="invalid_token"' in refused.headers["WWW-Authenticate"]


def test_nobody_revokes_someone_elses_token(app, staff, api):
    owner, other = staff("facilitator"), staff("admin")
    plain = token_for(app, owner)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    for value in (str(token_id), "", "abc", "9" * 40, "²"):
        page = other.post("/console/account/tokens/revoke", {"value": value}, follow_redirects=True)
        assert page.status_code == 200 and "No such token." in page.get_data(as_text=True)
    assert api.get("/api/v1/consultations", headers=bearer(plain)).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{}, bearer("eng_not-a-real-token"), bearer("not-even-prefixed"), {"Authorization": "Basic YTpi"}],
    ids=["none", "unknown", "unprefixed", "basic"],
)
def test_without_a_valid_token_the_answer_is_401_in_json(api, headers):
    refused = api.get("/api/v1/consultations", headers=headers)
    assert refused.status_code == 401
    assert refused.is_json and "error" in refused.json
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_signed_in_browser_without_a_token_gets_401(staff):
    facilitator = staff("facilitator")  # signed in: the session cookie goes with every request
    assert facilitator.get("/console/").status_code == 200
    assert facilitator.get("/api/v1/consultations").status_code == 401


def test_a_co_facilitator_lists_only_their_consultations_and_gets_no_answers(app, staff, api):
    co = staff("co_facilitator")
    with app.app_context():
        theirs = create_from_template("square-table")
        create_from_template("youth-ballot")
        users.set_members(theirs, [co.user.id], by=None)
    plain = token_for(app, co)
    listed = api.get("/api/v1/consultations", headers=bearer(plain))
    assert [c["join_code"] for c in listed.json["consultations"]] == [theirs.join_code]
    refused = api.get(f"/api/v1/consultations/{theirs.join_code}/answers", headers=bearer(plain))
    assert refused.status_code == 403 and "error" in refused.json


@pytest.mark.parametrize("role", ["board_member", "safeguarding_lead"])
def test_board_members_and_the_safeguarding_lead_have_no_api(app, staff, api, role):
    plain = token_for(app, staff(role))
    assert api.get("/api/v1/consultations", headers=bearer(plain)).status_code == 403


def test_answers_come_a_page_at_a_page_with_a_link_to_the_next(app, staff, api):
    facilitator = staff("facilitator")
    with app.app_context():
        consultation = create_from_template("youth-ballot")
        code = consultation.join_code
        for n in range(5):
            respond(consultation, {"age_band": "14-15", "why_first": f"reason {n}"})
        respond(consultation, {"why_first": "my stepdad hits me"}, flagged={"why_first"})
    plain = token_for(app, facilitator)

    url, seen = f"/api/v1/consultations/{code.lower()}/answers?per_page=4", []
    while url:
        page = api.get(url, headers=bearer(plain))
        assert page.status_code == 200
        seen.append(page.json)
        url = page.json["next"]
    assert [len(p["responses"]) for p in seen] == [4, 2]
    assert seen[0]["total"] == 6 and seen[0]["next"].endswith(f"/api/v1/consultations/{code}/answers?page=2&per_page=4")
    first = seen[0]["responses"][0]
    assert first["response"] == 1 and first["answers"] == {"age_band": "14–15", "why_first": "reason 0"}
    assert {"id": "why_first", "text": "Why did you pick your first choice? You can skip this."} in seen[0]["questions"]
    assert seen[1]["responses"][-1] == {**seen[1]["responses"][-1], "response": 6, "answers": {"why_first": WITHHELD}}
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "exported")).all()
        assert [e.detail for e in events] == [
            {"format": "api", "rows": 4, "page": 1},
            {"format": "api", "rows": 2, "page": 2},
        ]


def test_an_unknown_code_or_a_bad_page_is_answered_in_json(app, staff, api):
    plain = token_for(app, staff("admin"))
    with app.app_context():
        code = create_from_template("youth-ballot").join_code
    missing = api.get("/api/v1/consultations/ZZZZZZ/answers", headers=bearer(plain))
    assert missing.status_code == 404 and missing.json == {"error": "No consultation of yours has that join code."}
    bad = api.get(f"/api/v1/consultations/{code}/answers?per_page=100000", headers=bearer(plain))
    assert bad.status_code == 400 and "per_page" in bad.json["error"]
    far = api.get(f"/api/v1/consultations/{code}/answers?page={10 ** 30}", headers=bearer(plain))
    assert far.status_code == 200 and far.json["responses"] == [] and far.json["next"] is None


def test_a_token_stops_working_when_its_owner_is_switched_off(app, staff, api):
    admin, facilitator = staff("admin"), staff("facilitator")
    plain = token_for(app, facilitator)
    with app.app_context():
        users.set_active(facilitator.user.id, False, by=admin.user)
    assert api.get("/api/v1/consultations", headers=bearer(plain)).status_code == 401



def test_an_unknown_api_path_or_method_answers_in_json(client):
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and "error" in missing.get_json()
    wrong = client.post("/api/v1/consultations")
    assert wrong.status_code == 405 and "error" in wrong.get_json()
