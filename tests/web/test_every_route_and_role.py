"""Every route of the app, requested as every role: each gets in only where the table says."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from flask import url_for

from engage.services import users
from engage.services.consultations import create_from_template
from tests.web import roles as roles_package
from tests.web.roles import ALL_ROLES, PUBLIC

# Young people's pages and the health check need no account by design.
ALWAYS_PUBLIC = ("respond.", "static", "healthz")


def _table() -> dict[str, object]:
    table: dict[str, object] = {}
    for module in pkgutil.iter_modules(roles_package.__path__):
        expected = importlib.import_module(f"tests.web.roles.{module.name}").EXPECTED
        clash = set(table) & set(expected)
        assert not clash, f"{module.name} repeats {clash}"
        table.update(expected)
    return table


TABLE = _table()


@pytest.fixture
def world(app, staff):
    """One person of every role, signed in, and a consultation the co-facilitator runs."""
    people = {role: staff(role) for role in ALL_ROLES}
    with app.app_context():
        consultation = create_from_template("square-table")
        users.set_members(consultation, [people["co_facilitator"].user.id], by=None)
        spare, _ = users.create_user("spare@example.org", "Spare", "facilitator", password="a long spare password")
    return people, {"code": consultation.join_code, "user_id": spare.id, "token": "not-a-real-token"}


def _routes(app):
    # Signing out last, so every other request is made signed in.
    rules = sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint == "console.logout", r.rule))
    for rule in rules:
        if rule.endpoint.startswith(ALWAYS_PUBLIC) or rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_every_console_and_api_route_is_in_the_access_table(app):
    missing = {rule.endpoint for rule, _ in _routes(app)} - set(TABLE)
    assert not missing, f"add these endpoints to tests/web/roles/: {sorted(missing)}"


def test_every_route_lets_in_exactly_the_roles_in_the_table(app, world):
    people, values = world
    wrong = []
    for rule, method in _routes(app):
        allowed = TABLE[rule.endpoint]
        with app.test_request_context():
            url = url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})
        api = rule.endpoint.startswith("api.")
        for role in (None, *ALL_ROLES):
            status = _request(people, role, method, url, api)
            if rule.endpoint == "console.logout":
                ok = _to_sign_in(status)  # signed out, or never signed in: either way, sign in
            elif allowed == PUBLIC:
                ok = status not in (401, 403) and not _to_sign_in(status)
            elif role is None:
                ok = status == 401 if api else _to_sign_in(status)
            elif role in allowed:
                ok = status not in (401, 403) and not _to_sign_in(status) and status < 500
            else:
                ok = status == 403
            if not ok:
                wrong.append(f"{method} {url} as {role or 'nobody'}: {int(status)} {status.location}")
    assert not wrong, "\n".join(wrong)


def test_a_co_facilitator_cannot_reach_a_consultation_they_were_not_added_to(app, world):
    people, _ = world
    with app.app_context():
        other = create_from_template("youth-ballot")
    co = people["co_facilitator"]
    assert co.get(f"/console/c/{other.join_code}").status_code == 404
    assert other.join_code not in co.get("/console/").get_data(as_text=True)


class _Status(int):
    location: str = ""


def _request(people, role, method, url, api):
    headers = {}
    if role is None:
        client = _anonymous_client(people)
    else:
        person = people[role]
        client = person.client
        if api:
            headers["Authorization"] = f"Bearer {_api_token(person)}"
    data = {}
    if method == "POST" and not api:
        data["csrf_token"] = _csrf(client, role, people)
    response = client.open(url, method=method, data=data, headers=headers)
    status = _Status(response.status_code)
    status.location = response.headers.get("Location", "")
    return status


def _csrf(client, role, people) -> str:
    if role is not None:
        return people[role].csrf()
    page = client.get("/console/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def _to_sign_in(status) -> bool:
    return status in (302, 303) and "/console/login" in status.location


_ANONYMOUS = {}


def _anonymous_client(people):
    person = next(iter(people.values()))
    key = id(person.client.application)
    if key not in _ANONYMOUS:
        _ANONYMOUS.clear()
        _ANONYMOUS[key] = person.client.application.test_client()
    return _ANONYMOUS[key]


def _api_token(person) -> str:
    token = getattr(person, "api_token", None)
    if token is None:
        from engage.services import api_tokens

        with person.client.application.app_context():
            token = api_tokens.create_token(person.user, "access test")[1]
        person.api_token = token
    return token

