"""A consultation's setting (school, youth club, online ...): set by its facilitator, counted on board pages."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import OPEN, AuditEvent
from engage.services.consultations import create_from_template, find_consultation
from tests.reports.helpers import csv_rows
from tests.services.test_voice import IN_Q3, Young
from tests.web.test_api import bearer, token_for

FEW = "fewer than 10"


@pytest.fixture
def settings_quarter(app):
    """2026 Q3: 30 responses at school, 4 at a youth club, 15 online, 22 where nobody recorded."""
    with app.app_context():
        for setting, n in (("school", 30), ("youth_club", 4), ("online", 15), (None, 22)):
            young = Young(create_from_template("square-table", title=f"In {setting}", status=OPEN, setting=setting))
            for _ in range(n):
                young.respond(IN_Q3)


def test_a_facilitator_sets_the_setting_and_it_is_saved_and_recorded(app, facilitator, ballot):
    page = facilitator.get(f"/console/c/{ballot}/settings").get_data(as_text=True)
    assert '<option selected value="">Not set</option>' in page
    assert '<option value="youth_club">Youth club or youth service</option>' in page
    with app.app_context():
        saved = find_consultation(ballot)
        settings = {"title": saved.title, "min_age": str(saved.min_age or ""), "max_age": str(saved.max_age or ""),
                    "opens_on": "", "closes_on": ""}
    answer = facilitator.post(f"/console/c/{ballot}/settings", {**settings, "setting": "youth_club"})
    assert answer.status_code == 302
    assert '<option selected value="youth_club">' in facilitator.get(answer.location).get_data(as_text=True)
    with app.app_context():
        assert find_consultation(ballot).setting == "youth_club"
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "changed settings"))
        assert event.detail == {"fields": ["setting"]}
    assert facilitator.post(f"/console/c/{ballot}/settings", {**settings, "setting": ""}).status_code == 302
    with app.app_context():
        assert find_consultation(ballot).setting is None


def test_a_setting_not_on_the_list_is_refused(app, facilitator, ballot):
    with app.app_context():
        title = find_consultation(ballot).title
    page = facilitator.post(f"/console/c/{ballot}/settings", {"title": title, "setting": "pub"})
    assert page.status_code == 422
    with app.app_context():
        assert find_consultation(ballot).setting is None


def test_a_new_consultation_is_made_with_its_setting(app, facilitator):
    page = facilitator.get("/console/consultations/new").get_data(as_text=True)
    assert '<option value="community_event">Community event</option>' in page
    made = facilitator.post("/console/consultations/new",
                            {"template": "square-table", "title": "At the fair", "setting": "community_event"})
    assert made.status_code == 302
    code = made.location.rstrip("/").rsplit("/", 1)[-1]
    with app.app_context():
        assert find_consultation(code).setting == "community_event"


def test_the_board_page_shows_responses_by_setting_suppressed(staff, settings_quarter):
    text = staff("board_member").get("/board/?period=2026Q3").get_data(as_text=True)
    table = text[text.index("<caption>Setting"):]
    table = table[:table.index("</table>")]
    for label, shown in (("School", "30"), ("Youth club or youth service", FEW), ("Online", "hidden"),
                         ("Not recorded", "22")):
        assert f'<th scope="row">{label}</th><td>{shown}</td>' in table, label


def test_the_csv_report_has_responses_by_setting_suppressed(staff, settings_quarter):
    rows = csv_rows(staff("board_member").get("/board/report?period=2026Q3&format=csv").data)
    counts = {r["label"]: r["value"] for r in rows if r["table"] == "responses by setting" and r["measure"] == "count"}
    assert counts == {"School": "30", "Youth club or youth service": FEW, "Online": "hidden", "Not recorded": "22"}


def test_the_api_gives_responses_by_setting(app, staff, settings_quarter):
    token = token_for(app, staff("board_member", sign_in=False))
    data = app.test_client().get("/api/v1/voice?period=2026Q3", headers=bearer(token)).json
    found = {r["key"]: r["cell"] for r in data["participation"]["by_setting"]}
    assert found["school"] == {"count": 30, "suppressed": False, "display": "30"}
    assert found["youth_club"] == {"count": None, "suppressed": True, "display": FEW}
    assert found[""]["display"] == "22"
