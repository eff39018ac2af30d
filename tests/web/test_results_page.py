"""A consultation's public results page: how many took part (suppressed) and the published actions."""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from engage.database import writing
from engage.extensions import db
from engage.models import OPEN, SUBMITTED, Response, utcnow
from engage.services import actions
from engage.services.actions import ActionDraft
from engage.services.consultations import create_from_template, find_consultation
from engage.services.demo import add_synthetic_responses

TODAY = utcnow().date()
PUBLISHED = "You said you do not feel safe walking home. More street lights go in on Station Road this summer."
UNPUBLISHED = "Draft: talk to the bus company."
NOTE = "Board only: the lights cost more than planned."
WORDS = "the park by the old mill is scary at night"


@pytest.fixture
def code(app):
    with app.app_context():
        return create_from_template("youth-ballot", status=OPEN).join_code


def add_action(app, code: str, summary: str, publish: bool, **changes) -> None:
    values = dict(
        summary=summary,
        agency="Council",
        due_on=date(2030, 7, 31),
        status="in_progress",
        theme_keys=("domestic-abuse",),
        consultation_codes=(code,),
        internal_note=NOTE,
    )
    values.update(changes)
    with app.app_context():
        action = actions.create_action(ActionDraft(**values), None)
        if publish:
            actions.publish(action.id, None)


def took_part(app, code: str, n: int) -> None:
    with app.app_context():
        consultation = find_consultation(code)
        with writing():
            for i in range(n):
                db.session.add(
                    Response(
                        consultation_id=consultation.id,
                        survey_version_id=consultation.current_version_id,
                        channel="web",
                        resume_key=f"{code}-{i}",
                        status=SUBMITTED,
                        started_on=TODAY,
                        submitted_on=TODAY,
                    )
                )


def test_the_results_page_shows_published_actions_and_nothing_else(app, client, code):
    add_action(app, code, PUBLISHED, publish=True)
    add_action(app, code, UNPUBLISHED, publish=False)
    add_action(app, code, "Youth club now open on Fridays.", publish=True, status="done", agency="Youth service")
    response = client.get(f"/s/{code.lower()}/results")  # no sign-in
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    with app.app_context():
        assert find_consultation(code).title in page
    assert PUBLISHED in page and "Youth club now open on Fridays." in page
    assert "Council" in page and "In progress" in page and "By 31 July 2030" in page
    assert "Done" in page
    assert UNPUBLISHED not in page and NOTE not in page
    assert "Domestic abuse" not in page and "domestic-abuse" not in page  # themes stay with the board
    assert "<script" not in page  # plain HTML: works without JavaScript
    assert 'lang="en"' in page and "<h1>" in page


def test_a_consultation_with_no_published_actions_says_so_plainly(client, code):
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    assert "Nothing yet." in page
    assert "No answers have been sent yet." in page


@pytest.mark.parametrize(
    ("sent", "shown", "not_shown"),
    [
        (3, "Fewer than 10 young people took part.", "3 young people"),
        (9, "Fewer than 10 young people took part.", "9 young people"),
        (12, "12 young people took part.", "Fewer than"),
    ],
)
def test_how_many_took_part_is_shown_only_through_small_number_suppression(app, client, code, sent, shown, not_shown):
    took_part(app, code, sent)
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    assert shown in page and not_shown not in page


def test_an_unknown_code_gets_the_same_friendly_page_as_joining(client):
    response = client.get("/s/NOPE42/results")
    assert response.status_code == 404
    assert "We could not find that code" in response.get_data(as_text=True)


def test_the_thank_you_page_links_to_the_results_and_the_results_never_show_an_answer(app, client, code, respondent):
    person = respondent(code)
    person.start()
    person.answer("14-15")
    person.answer("knife_crime", "school")
    person.answer(WORDS)
    person.answer("3")
    thanks = person.send().get_data(as_text=True)
    assert f'href="/s/{code}/results"' in thanks
    add_action(app, code, PUBLISHED, publish=True)
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    assert WORDS not in page and "old mill" not in page
    assert "Fewer than 10 young people took part." in page


def test_the_due_date_is_written_in_the_young_persons_language(app, client, code):
    add_action(app, code, PUBLISHED, publish=True, due_on=TODAY + timedelta(days=400))
    page = client.get(f"/s/{code}/results", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    months_pl = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                 "września", "października", "listopada", "grudnia")
    assert any(month in page for month in months_pl)


def test_each_answer_is_a_line_of_words_with_its_number_and_a_bar_only_when_the_count_is_shown(app, client):
    """Text at the page's own size on a phone, not a shrunken picture; a hidden count gets no bar."""
    with app.app_context():
        consultation = create_from_template("lifestyle-primary", status=OPEN)
        with writing():
            add_synthetic_responses(consultation, 45, random.Random(7))
        code = consultation.join_code
    page = client.get(f"/s/{code}/results").get_data(as_text=True)
    charts = re.findall(r'<ul class="bars">(.*?)</ul>', page, re.S)
    assert len(charts) >= 3
    shown = hidden = 0
    for chart in charts:
        lengths = {}
        for label, rest in re.findall(r'<span class="bar-label"[^>]*>(.*?)</span>(.*?)</li>', chart, re.S):
            value = re.search(r'<span class="bar-value[^"]*">(.*?)</span>', rest).group(1)
            bar = re.search(r'<rect width="([\d.]+)"', rest)
            if value in ("hidden", "fewer than 10"):
                assert bar is None, (label, value)  # its length would tell what the words hide
                hidden += 1
                continue
            count = int(re.fullmatch(r"(\d+)(?: \(\d+%\))?", value).group(1))  # no share of a hidden whole
            assert count == 0 or count >= 10, value
            lengths[label] = (count, float(bar.group(1)))
        biggest = max((count for count, _ in lengths.values()), default=0)
        for count, length in lengths.values():
            assert length == pytest.approx(100 * count / biggest if biggest else 0, abs=0.1)
        shown += len(lengths)
    assert shown >= 3 and hidden >= 1
    main = page.split("<main", 1)[1]
    assert 'aria-hidden="true"' in main and "style=" not in main  # the page's policy refuses inline style
