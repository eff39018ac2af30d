"""Signing in, invitations, roles, timeouts and the audit log, as staff meet them."""
from __future__ import annotations

import re
import time

import pytest

from engage.services import users
from engage.services.consultations import create_from_template
from tests.conftest import _CSRF, PASSWORD

INVITE_LINK = re.compile(r"/console/invite/([A-Za-z0-9_-]+)")


def _form_token(client, path="/console/login") -> str:
    return _CSRF.search(client.get(path).get_data(as_text=True)).group(1)


def _sign_in(client, email, password):
    return client.post(
        "/console/login", data={"csrf_token": _form_token(client), "email": email, "password": password}
    )


def test_the_console_asks_for_sign_in_and_then_shows_the_consultations(app, staff):
    with app.app_context():
        made = create_from_template("square-table")
    anonymous = app.test_client()
    page = anonymous.get("/console/")
    assert page.status_code == 302 and "/console/login" in page.location
    facilitator = staff("facilitator")
    home = facilitator.get("/console/")
    assert home.status_code == 200 and made.join_code in facilitator.text


def test_a_wrong_password_and_an_unknown_email_get_the_same_message(app, staff):
    person = staff("facilitator", sign_in=False)
    wrong = person.sign_in("not the password at all")
    unknown = _sign_in(app.test_client(), "nobody@example.org", PASSWORD)
    assert wrong.status_code == unknown.status_code == 422
    message = "That email and password do not match an active account."
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)
    assert person.client.get("/console/").status_code == 302


def test_sign_in_attempts_are_limited_per_account(app, staff):
    app.config["LOGIN_LIMITS"] = "3 per minute"
    person = staff("facilitator", sign_in=False)
    statuses = [person.sign_in("wrong password here").status_code for _ in range(3)]
    assert statuses == [422, 422, 422]
    # From another browser, the right password still waits: the account is being guessed at.
    blocked = _sign_in(app.test_client(), person.email, PASSWORD)
    assert blocked.status_code == 429
    assert "Too many tries" in blocked.get_data(as_text=True)


def test_passwords_are_stored_as_argon2id_at_owasp_minimum_cost(app, staff):
    person = staff("admin")
    with app.app_context():
        stored = users.load_user(person.user.id, 1).password_hash
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored


def test_the_session_cookie_is_httponly_samesite_and_secure_when_configured(app, staff):
    app.config["SESSION_COOKIE_SECURE"] = True
    person = staff("facilitator", sign_in=False)
    page = person.client.get("/console/login")
    token = _CSRF.search(page.get_data(as_text=True)).group(1)
    response = person.client.post(
        "/console/login", data={"csrf_token": token, "email": person.email, "password": PASSWORD}
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


@pytest.mark.parametrize("key, minutes", [("seen_at", 31), ("signed_in_at", 8 * 60 + 1)])
def test_a_session_ends_after_idle_or_absolute_time(staff, key, minutes):
    person = staff("facilitator")
    assert person.get("/console/").status_code == 200
    with person.client.session_transaction() as session:
        session[key] = time.time() - minutes * 60
    page = person.get("/console/")
    assert page.status_code == 302 and "/console/login" in page.location


def test_an_admin_invites_a_co_facilitator_who_chooses_a_password_and_signs_in(app, staff):
    admin = staff("admin")
    admin.post("/console/users/invite", {"email": "Sam@Example.org", "display_name": "Sam", "role": "co_facilitator"})
    listing = admin.get("/console/users").get_data(as_text=True)
    token = INVITE_LINK.search(listing).group(1)
    newcomer = app.test_client()
    page = newcomer.get(f"/console/invite/{token}")
    assert page.status_code == 200 and "sam@example.org" in page.get_data(as_text=True)
    short = newcomer.post(
        f"/console/invite/{token}",
        data={"csrf_token": _form_token(newcomer, f"/console/invite/{token}"), "password": "short", "confirm": "short"},
    )
    assert short.status_code == 422 and "at least 12 characters" in short.get_data(as_text=True)
    chosen = "maple river lantern quiet"
    done = newcomer.post(
        f"/console/invite/{token}",
        data={"csrf_token": _form_token(newcomer, f"/console/invite/{token}"), "password": chosen, "confirm": chosen},
    )
    assert done.status_code == 302
    assert newcomer.get("/console/").status_code == 200
    # The link works once.
    assert app.test_client().get(f"/console/invite/{token}").status_code == 410
    assert "accepted invitation" in admin.get("/console/audit").get_data(as_text=True)


def test_an_expired_invitation_is_refused_with_a_clear_message(app, staff):
    from engage.extensions import db
    from engage.models import User, utcnow

    with app.app_context():
        user, token = users.create_user("late@example.org", "Late", "facilitator")
        db.session.get(User, user.id).invite_expires_at = utcnow()
        db.session.commit()
    page = app.test_client().get(f"/console/invite/{token}")
    assert page.status_code == 410 and "expired" in page.get_data(as_text=True)


def test_switching_an_account_off_ends_its_sessions_at_once(staff):
    admin, facilitator = staff("admin"), staff("facilitator")
    assert facilitator.get("/console/").status_code == 200
    admin.post(f"/console/users/{facilitator.user.id}/active", {"value": "0"})
    assert facilitator.get("/console/").status_code == 302
    assert facilitator.sign_in().status_code == 422


def test_changing_role_takes_effect_on_the_next_page(staff):
    admin, person = staff("admin"), staff("facilitator")
    admin.post(f"/console/users/{person.user.id}/role", {"role": "board_member"})
    # The old session ended with the change; signed in again, the pages are a board member's.
    assert person.sign_in().status_code == 302
    assert person.get("/console/consultations/new").status_code == 403


def test_an_admin_cannot_lock_themselves_out(staff):
    admin = staff("admin")
    admin.post(f"/console/users/{admin.user.id}/active", {"value": "0"})
    assert "cannot switch off your own account" in admin.get("/console/users").get_data(as_text=True)
    assert admin.get("/console/users").status_code == 200


def test_changing_password_signs_out_other_browsers(app, staff):
    person = staff("facilitator")
    other = app.test_client()
    assert _sign_in(other, person.email, PASSWORD).status_code == 302
    new = "another long pass phrase"
    changed = person.post("/console/account", {"current": PASSWORD, "password": new, "confirm": new})
    assert changed.status_code == 302
    assert person.get("/console/account").status_code == 200
    assert other.get("/console/account").status_code == 302


def test_publishing_closing_and_deleting_are_in_the_audit_log_with_who_did_it(app, staff, respondent):
    admin = staff("admin")
    with app.app_context():
        made = create_from_template("service-feedback")
    admin.post(f"/console/c/{made.join_code}/status", {"value": "open"})
    answering = respondent(made.join_code)
    answering.start()
    admin.post(f"/console/c/{made.join_code}/status", {"value": "closed"})
    refused = admin.post(f"/console/c/{made.join_code}/delete", {"confirm": "WRONG"})
    assert refused.status_code == 302 and admin.get("/console/").status_code == 200
    assert made.join_code in admin.text
    admin.post(f"/console/c/{made.join_code}/delete", {"confirm": made.join_code.lower()})
    assert made.join_code not in admin.get("/console/").get_data(as_text=True)
    log = admin.get("/console/audit").get_data(as_text=True)
    for action in ("published", "closed", "deleted"):
        assert re.search(rf"{admin.email}</td><td>{action}</td><td>consultation {made.join_code}", log), action


def test_a_facilitator_puts_a_co_facilitator_on_the_team(app, staff):
    facilitator, young = staff("facilitator"), staff("co_facilitator")
    with app.app_context():
        made = create_from_template("youth-ballot")
    assert young.get(f"/console/c/{made.join_code}").status_code == 404
    facilitator.post(f"/console/c/{made.join_code}/team", {"members": [str(young.user.id)]})
    assert young.get(f"/console/c/{made.join_code}").status_code == 200
    assert made.join_code in young.get("/console/").get_data(as_text=True)
    # A young person can publish what they run, but not change who runs it.
    assert young.post(f"/console/c/{made.join_code}/status", {"value": "open"}).status_code == 302
    assert young.post(f"/console/c/{made.join_code}/team", {"members": []}).status_code == 403


def test_a_board_member_lands_on_what_young_people_are_saying_and_the_lead_on_the_alert_queue(staff):
    for role, landing in (("board_member", "/board/"), ("safeguarding_lead", "/console/safeguarding")):
        page = staff(role).get("/console/")
        assert page.status_code == 302 and page.location.endswith(landing)


def test_sign_in_only_returns_to_a_page_on_this_site(app, staff):
    person = staff("facilitator", sign_in=False)
    client = person.client
    for target, expected in (("/console/account", "/console/account"), ("//evil.example/x", "/console/")):
        token = _form_token(client)
        response = client.post(
            f"/console/login?next={target}", data={"csrf_token": token, "email": person.email, "password": PASSWORD}
        )
        assert response.location.endswith(expected) and "evil" not in response.location
        client.post("/console/logout", data={"csrf_token": _form_token(client, "/console/account")})


def test_an_invite_link_and_a_consultations_link_use_the_public_address(app, staff):
    # Behind a proxy the request's own address is an inside one nobody else can open.
    app.config["PUBLIC_URL"] = "https://engage.example.org"
    admin = staff("admin")
    admin.post("/console/users/invite", {"email": "kim@example.org", "display_name": "Kim", "role": "facilitator"})
    listing = admin.get("/console/users").get_data(as_text=True)
    assert "https://engage.example.org/console/invite/" in listing and "http://localhost/console/invite/" not in listing
    with app.app_context():
        code = create_from_template("square-table").join_code
    page = admin.get(f"/console/c/{code}").get_data(as_text=True)
    assert f">https://engage.example.org/s/{code}</a>" in page
