"""The live event screen through HTTP: the projector page, its JSON and the hide / show buttons."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, AuditEvent
from engage.services import users
from engage.services.consultations import create_from_template
from tests.services.test_live import KNIFE_CRIME, cells, respond

COUNT = re.compile(r'<td class="count">([^<]*)')


@pytest.fixture
def event(app):
    """An open youth ballot, with no caching so each request sees the latest answers."""
    app.config["LIVE_CACHE_SECONDS"] = 0
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


def answers(app, code: str, times: int, **changes) -> None:
    with app.app_context():
        respond(code, {**KNIFE_CRIME, **changes}, times=times)


def test_with_few_answers_the_page_and_json_say_fewer_than_10_and_never_the_number(app, staff, event):
    answers(app, event, 4)
    facilitator = staff("facilitator")
    page = facilitator.get(f"/console/c/{event}/live")
    assert page.status_code == 200
    assert "fewer than 10" in facilitator.text
    assert "4" not in [c.strip() for c in COUNT.findall(facilitator.text)]
    assert not re.search(r'<dd data-cell="\w+">4<', facilitator.text)
    data = facilitator.get(f"/console/c/{event}/live.json").get_json()
    assert data["taking_part"] == {"count": None, "suppressed": True, "display": "fewer than 10"}
    assert 4 not in [c["count"] for c in cells(data)]
    assert all(c["count"] is None for c in cells(data) if c["suppressed"])


def test_with_enough_answers_the_real_counts_appear(app, staff, event):
    answers(app, event, 12)
    facilitator = staff("facilitator")
    facilitator.get(f"/console/c/{event}/live")
    assert "12" in [c.strip() for c in COUNT.findall(facilitator.text)]
    assert '<span class="pct">(100%)</span>' in facilitator.text
    assert '<dd data-cell="taking_part">12</dd>' in facilitator.text
    data = facilitator.get(f"/console/c/{event}/live.json").get_json()
    assert data["taking_part"]["count"] == 12
    age = next(i for i in data["items"] if i["question_id"] == "age_band")
    assert {b["value"]: b["cell"]["count"] for b in age["bars"]}["14-15"] == 12


def test_a_flagged_answer_never_reaches_the_screen(app, staff, event):
    answers(app, event, 10, why_first=["my stepdad hits me"])
    answers(app, event, 10)
    facilitator = staff("facilitator")
    for path in ("/live", "/live.json"):
        facilitator.get(f"/console/c/{event}{path}")
        assert "stepdad" not in facilitator.text and "hits" not in facilitator.text
    assert ">knife<" in facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)


def test_hiding_an_item_takes_it_out_of_the_page_and_json_and_is_audited(app, staff, event):
    answers(app, event, 10)
    facilitator = staff("facilitator")
    question = "Why did you pick your first choice?"
    assert question in facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)
    controls = facilitator.get(f"/console/c/{event}/live?controls=1").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', controls).group(1)  # the button's own form
    moved = facilitator.post(
        f"/console/c/{event}/live/hide", {"csrf_token": token, "question": "why_first", "hide": "1"}
    )
    assert moved.status_code == 302 and moved.location.endswith(f"/console/c/{event}/live?controls=1")
    data = facilitator.get(f"/console/c/{event}/live.json").get_json()
    assert "why_first" not in [i["question_id"] for i in data["items"]]
    assert question not in facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)
    controls = facilitator.get(f"/console/c/{event}/live?controls=1").get_data(as_text=True)
    assert "Show again" in controls and question in controls  # only in the list of hidden items
    facilitator.post(f"/console/c/{event}/live/hide", {"question": "why_first", "hide": "0"})
    assert question in facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.target == event)).all()
    assert actions[-2:] == ["hid from live view", "showed on live view"]


def test_a_hide_button_for_no_such_item_is_refused(staff, event):
    facilitator = staff("facilitator")
    page = facilitator.post(f"/console/c/{event}/live/hide", {"question": "nope", "hide": "1"})
    assert page.status_code == 400


def test_the_projector_shows_no_buttons_and_the_controls_view_does(staff, event):
    facilitator = staff("facilitator")
    assert "<button" not in facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)
    assert "Hide from the screen" in facilitator.get(f"/console/c/{event}/live?controls=1").get_data(as_text=True)


def test_the_json_changes_as_new_answers_arrive(app, staff, event):
    answers(app, event, 10)
    facilitator = staff("facilitator")
    before = facilitator.get(f"/console/c/{event}/live.json").get_json()
    answers(app, event, 2)
    after = facilitator.get(f"/console/c/{event}/live.json").get_json()
    assert (before["taking_part"]["count"], after["taking_part"]["count"]) == (10, 12)


def test_a_co_facilitator_not_on_the_team_gets_404_and_one_on_it_gets_in(app, staff, event):
    outsider, member = staff("co_facilitator"), staff("co_facilitator")
    with app.app_context():
        from engage.services.consultations import find_consultation

        users.set_members(find_consultation(event), [member.user.id], by=None)
    for path in ("/live", "/live.json"):
        assert outsider.get(f"/console/c/{event}{path}").status_code == 404
        assert member.get(f"/console/c/{event}{path}").status_code == 200
    assert outsider.post(f"/console/c/{event}/live/hide", {"question": "why_first", "hide": "1"}).status_code == 404


def test_a_board_member_is_refused(staff, event):
    board = staff("board_member")
    for path in ("/live", "/live.json"):
        assert board.get(f"/console/c/{event}{path}").status_code == 403
    assert board.post(f"/console/c/{event}/live/hide", {"question": "why_first", "hide": "1"}).status_code == 403


def test_the_page_keeps_to_the_content_security_policy(app, staff, event):
    answers(app, event, 12)
    facilitator = staff("facilitator")
    text = facilitator.get(f"/console/c/{event}/live").get_data(as_text=True)
    assert "style=" not in text
    # Scripts come from files; a JSON data block (the script's words) never runs.
    assert all("src=" in tag or 'type="application/json"' in tag for tag in re.findall(r"<script[^>]*>", text))
    assert '<rect class="fill" width="100"' in text  # bar widths are SVG attributes
    assert '<meta http-equiv="refresh"' in text.split("<noscript>", 1)[1]  # works without JavaScript


def test_the_consultation_page_links_to_the_live_screen(staff, event):
    facilitator = staff("facilitator")
    text = facilitator.get(f"/console/c/{event}").get_data(as_text=True)
    assert f'href="/console/c/{event}/live"' in text


def test_the_screen_says_where_to_join_at_the_address_the_qr_codes_point_to(app, staff, event):
    facilitator = staff("facilitator")
    facilitator.get(f"/console/c/{event}/live")
    assert f'Join at <strong><bdi dir="ltr">localhost/s/{event}</bdi></strong>' in facilitator.text
    # Behind a proxy the request's own address is an inside one; young people need the public one.
    app.config["PUBLIC_URL"] = "https://engage.example.org"
    facilitator.get(f"/console/c/{event}/live")
    assert f'<bdi dir="ltr">engage.example.org/s/{event}</bdi>' in facilitator.text
    assert "localhost/s/" not in facilitator.text
