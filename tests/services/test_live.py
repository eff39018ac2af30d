"""The live snapshot: what a room has said so far, with small numbers and disclosures kept off it."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import event, select

from engage.extensions import db
from engage.models import OPEN, WEB, Answer, AuditEvent
from engage.services import live, responding
from engage.services.consultations import create_consultation, create_from_template, find_consultation
from engage.services.users import create_user
from surveys import PREFER_NOT_TO_SAY
from surveys.textformat import loads

SKIP = "skip"
KNIFE_CRIME = {
    "age_band": ["14-15"],
    "top_issues": ["knife_crime", "school", "transport"],
    "why_first": ["Knife crime scares everyone round here"],
    "knife_crime_safe": ["3"],
}


def respond(code: str, answers: dict[str, list[str] | str], times: int = 1, send: bool = True) -> None:
    """Young people answering through the same service as the web pages and the bot.

    A question not in ``answers`` gets its first choice (or nothing, if it may
    be left empty); ``"skip"`` is the prefer-not-to-say button.
    """
    for _ in range(times):
        token = responding.start_response(code, WEB)
        progress = responding.progress(code, token)
        while not progress.state.finished:
            question = progress.screen.question
            typed = answers.get(question.id)
            if typed is None:
                empty = not question.required or not question.kind.takes_answer
                typed = [] if empty else [question.kind.choices(question)[0].value]
            action = responding.SKIP if typed == SKIP else responding.NEXT
            progress = responding.answer_screen(code, token, question.id, action, [] if typed == SKIP else typed)
        if send:
            responding.submit_response(code, token)


def item(snapshot: live.LiveSnapshot, question_id: str) -> live.LiveItem:
    return next(i for i in snapshot.items if i.question_id == question_id)


def bars(snapshot: live.LiveSnapshot, question_id: str) -> dict[str, str]:
    return {b.value: b.cell.display for b in item(snapshot, question_id).bars}


def cells(data) -> list[dict]:
    """Every count in the snapshot's JSON, wherever it sits."""
    if isinstance(data, dict):
        found = [data] if set(data) == {"count", "suppressed", "display"} else []
        return found + [c for value in data.values() for c in cells(value)]
    if isinstance(data, list):
        return [c for value in data for c in cells(value)]
    return []


@pytest.fixture
def ballot(app, ctx):
    app.config["LIVE_CACHE_SECONDS"] = 0
    return create_from_template("youth-ballot", status=OPEN).join_code


def now(code: str) -> live.LiveSnapshot:
    return live.snapshot(find_consultation(code))


def test_with_fewer_than_ten_taking_part_every_count_reads_fewer_than_ten(ballot):
    respond(ballot, KNIFE_CRIME, times=4)
    snapshot = now(ballot)
    assert snapshot.taking_part.display == "fewer than 10"
    assert set(bars(snapshot, "age_band").values()) == {"fewer than 10"}  # the zeros too
    data = snapshot.to_dict()
    assert all(c["count"] is None for c in cells(data) if c["suppressed"])
    assert 4 not in [c["count"] for c in cells(data)]
    assert item(snapshot, "why_first").words == ()


def test_with_enough_taking_part_the_real_counts_appear(ballot):
    respond(ballot, KNIFE_CRIME, times=12)
    snapshot = now(ballot)
    assert (snapshot.taking_part.count, snapshot.sent.count, snapshot.answering.count) == (12, 12, 0)
    age = item(snapshot, "age_band")
    assert age.answered.count == 12
    assert bars(snapshot, "age_band") == {"11-13": "0", "14-15": "12", "16-17": "0", "18": "0", PREFER_NOT_TO_SAY: "0"}
    assert next(b.percent for b in age.bars if b.value == "14-15") == 100
    first = item(snapshot, "top_issues").bars[0]
    assert (first.value, first.rank, first.cell.count) == ("knife_crime", 1, 12)
    assert bars(snapshot, "knife_crime_safe")["3"] == "12"
    assert {w.word: w.cell.count for w in item(snapshot, "why_first").words} == {
        "knife": 12, "crime": 12, "scares": 12, "everyone": 12, "round": 12,
    }


def test_people_still_answering_are_counted_and_said_to_be(ballot):
    respond(ballot, KNIFE_CRIME, times=10, send=False)
    snapshot = now(ballot)
    assert (snapshot.taking_part.count, snapshot.sent.count, snapshot.answering.count) == (10, 0, 10)
    assert bars(snapshot, "age_band")["14-15"] == "10"
    assert "still answering" in snapshot.note


def test_a_small_group_beside_a_known_total_cannot_be_worked_out(ballot):
    respond(ballot, KNIFE_CRIME, times=12)
    respond(ballot, {**KNIFE_CRIME, "age_band": ["16-17"]}, times=3)
    snapshot = now(ballot)
    assert snapshot.taking_part.count == 15
    age = item(snapshot, "age_band")
    # Showing 12 of 15 would give the 3 away, and hiding the 12 alone would say "5 or fewer".
    assert age.withheld and {b.cell.count for b in age.bars} == {None}
    assert all(b.percent is None and b.width is None for b in age.bars)


def test_the_ballot_runs_in_order_of_first_choices(ballot):
    respond(ballot, {**KNIFE_CRIME, "top_issues": ["school", "knife_crime"]}, times=10)
    respond(ballot, KNIFE_CRIME, times=12)
    order = [(b.value, b.rank, b.cell.display) for b in item(now(ballot), "top_issues").bars]
    assert order[:2] == [("knife_crime", 1, "12"), ("school", 2, "10")]
    assert order[-1] == (PREFER_NOT_TO_SAY, None, "0")


def test_prefer_not_to_say_is_a_bar_of_its_own(ballot):
    respond(ballot, {**KNIFE_CRIME, "age_band": SKIP}, times=10)
    age = item(now(ballot), "age_band")
    assert (age.bars[-1].label, age.bars[-1].cell.count) == ("Prefer not to say", 10)


def test_a_multiple_choice_counts_each_pick_against_the_people_who_answered(app, ctx):
    app.config["LIVE_CACHE_SECONDS"] = 0
    code = create_from_template("square-table", status=OPEN).join_code
    respond(code, {"topics": ["knife_crime", "resilience"]}, times=10)
    topics = item(now(code), "topics")
    assert topics.answered.count == 10
    shown = {b.value: (b.cell.count, b.percent) for b in topics.bars if b.cell.count}
    assert shown == {"knife_crime": (10, 100), "resilience": (10, 100)}


def test_a_flagged_answer_counts_for_nothing(ballot):
    respond(ballot, {**KNIFE_CRIME, "why_first": ["my stepdad hits me when mum is out"]}, times=10)
    respond(ballot, KNIFE_CRIME, times=10)
    assert len(db.session.scalars(select(Answer).where(Answer.flagged)).all()) == 10
    snapshot = now(ballot)
    words = {w.word: w.cell.count for w in item(snapshot, "why_first").words}
    assert words["knife"] == 10
    assert not {"stepdad", "hits", "mum"} & set(words)
    assert "stepdad" not in json.dumps(snapshot.to_dict())


def test_rare_words_numbers_and_contact_details_never_show(ballot):
    typed = "Call 07700 900123 or jo.smith@example.com @jo_99 #knives www.site.org https://x.io/a"
    respond(ballot, {**KNIFE_CRIME, "why_first": [typed]}, times=10)
    respond(ballot, {**KNIFE_CRIME, "why_first": ["Bradley said so"]}, times=9)
    words = [w.word for w in item(now(ballot), "why_first").words]
    assert words == ["call"]


def test_a_name_many_young_people_use_is_still_kept_off_the_screen(ballot):
    respond(ballot, {**KNIFE_CRIME, "why_first": ["Jake is always getting picked on"]}, times=10)
    words = [w.word for w in item(now(ballot), "why_first").words]
    assert "picked" in words and "jake" not in words and "name" not in words


def test_words_are_lower_cased_and_counted_once_per_young_person():
    assert list(live.words_in("Buses BUSES buses, the Bus's stop isn't safe!")) == [
        "buses", "buses", "buses", "bus", "stop", "safe",
    ]


def test_hidden_items_are_left_out_and_hiding_is_audited(ballot):
    respond(ballot, KNIFE_CRIME, times=10)
    boss, _ = create_user("lead@example.org", "Lead", "facilitator", password="a long enough password")
    consultation = find_consultation(ballot)
    assert live.set_hidden(consultation, "why_first", True, by=boss)
    assert not live.set_hidden(consultation, "why_first", True, by=boss)  # already hidden
    assert "why_first" not in [i.question_id for i in now(ballot).items]
    assert live.set_hidden(consultation, "why_first", False, by=boss)
    assert "why_first" in [i.question_id for i in now(ballot).items]
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.target == ballot).order_by(AuditEvent.id)).all()
    assert [(e.actor, e.action, e.detail) for e in events[-2:]] == [
        ("lead@example.org", "hid from live view", {"question": "why_first"}),
        ("lead@example.org", "showed on live view", {"question": "why_first"}),
    ]
    with pytest.raises(live.NotALiveItem):
        live.set_hidden(consultation, "no_such_question", True, by=boss)


def test_the_snapshot_is_kept_for_a_few_seconds_then_built_again(app, ballot):
    app.config["LIVE_CACHE_SECONDS"] = 60
    respond(ballot, KNIFE_CRIME, times=10)
    first = now(ballot)
    respond(ballot, KNIFE_CRIME, times=2)
    assert now(ballot) is first
    app.config["LIVE_CACHE_SECONDS"] = 0
    assert now(ballot).taking_part.count == 12


def test_the_snapshot_costs_two_queries(ballot):
    respond(ballot, KNIFE_CRIME, times=10)
    consultation = find_consultation(ballot)
    live.survey_of(consultation)  # parsed once per process, like every other page
    statements = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        live.build_snapshot(consultation, 10)
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert len(statements) == 2, statements


# --- in the reader's language -------------------------------------------------

PARTLY_WELSH = """
id: partly-welsh
kind: service_feedback
title: Partly Welsh
questions:
  - id: colour
    type: single_choice
    text: {en: "Which colour?", cy: "Pa liw?"}
    choices: [{value: red, label: {en: Red, cy: Coch}}, {value: blue, label: Blue}]
  - {id: mood, type: yes_no, text: "Are you happy with it?"}
"""


def counts_only(snapshot: live.LiveSnapshot) -> dict:
    """The snapshot with every word taken out: what must not depend on the language."""
    data = snapshot.to_dict()
    del data["title"], data["note"]
    for it in data["items"]:
        del it["text"]
        for b in it["bars"]:
            del b["label"]
    return data


def labels(snapshot: live.LiveSnapshot, question_id: str) -> dict[str, str]:
    return {b.value: b.label for b in item(snapshot, question_id).bars}


def test_in_welsh_the_ballot_reads_in_welsh_with_the_same_counts_as_in_english(ballot):
    respond(ballot, KNIFE_CRIME, times=12)
    respond(ballot, {**KNIFE_CRIME, "age_band": SKIP}, times=10)
    consultation = find_consultation(ballot)
    english, welsh = live.snapshot(consultation, "en"), live.snapshot(consultation, "cy")
    assert welsh.title == "Pleidlais ieuenctid – beth sydd bwysicaf i ti?"
    ballot_item = item(welsh, "top_issues")
    assert ballot_item.text == "Dewisa'r 3 mater sydd bwysicaf i ti, gan ddechrau gyda'r pwysicaf."
    assert labels(welsh, "top_issues")["knife_crime"] == "Troseddau cyllyll"
    assert labels(welsh, "age_band")[PREFER_NOT_TO_SAY] == "Gwell gen i beidio â dweud"  # the app's catalogue
    assert labels(welsh, "knife_crime_safe")["1"] == "Gwael iawn"  # the engine's own faces, from the catalogue
    assert labels(welsh, "age_band")["14-15"] == "14–15"  # no translation: the English stands
    assert labels(english, "top_issues")["knife_crime"] == "Knife crime"
    assert labels(english, "age_band")[PREFER_NOT_TO_SAY] == "Prefer not to say"
    assert english.title == "Youth ballot – what matters most to you?"
    assert counts_only(welsh) == counts_only(english)
    assert [b.value for b in ballot_item.bars] == [b.value for b in item(english, "top_issues").bars]


def test_a_question_or_choice_with_no_translation_keeps_its_english(app, ctx):
    app.config["LIVE_CACHE_SECONDS"] = 0
    code = create_consultation(loads(PARTLY_WELSH), status=OPEN).join_code
    respond(code, {"colour": ["blue"], "mood": ["yes"]}, times=10)
    welsh = live.snapshot(find_consultation(code), "cy")
    assert (item(welsh, "colour").text, item(welsh, "mood").text) == ("Pa liw?", "Are you happy with it?")
    assert labels(welsh, "colour") == {"red": "Coch", "blue": "Blue", PREFER_NOT_TO_SAY: "Gwell gen i beidio â dweud"}
    assert labels(welsh, "mood")["yes"] == "Ie"  # the engine's own choice, from the app's catalogue
    assert welsh.title == "Partly Welsh"


def test_one_count_serves_every_language_and_none_lends_its_words_to_another(app, ballot, monkeypatch):
    app.config["LIVE_CACHE_SECONDS"] = 60
    respond(ballot, KNIFE_CRIME, times=10)
    counted, count = [], live.count_snapshot
    monkeypatch.setattr(live, "count_snapshot", lambda *args: counted.append(args) or count(*args))
    consultation = find_consultation(ballot)
    welsh = live.snapshot(consultation, "cy")
    english = live.snapshot(consultation, "en")
    assert len(counted) == 1
    assert live.snapshot(consultation, "cy") is welsh and live.snapshot(consultation, "en") is english
    assert item(english, "top_issues").text.startswith("Pick the 3 issues")
    assert labels(english, "top_issues")["knife_crime"] == "Knife crime"
    assert "Knife crime" not in welsh.as_json and "Troseddau cyllyll" not in english.as_json
    assert welsh.as_json != english.as_json and counts_only(welsh) == counts_only(english)

