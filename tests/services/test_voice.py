"""Voice summaries: what a board member reads of a period or a consultation, and what they never see."""
from __future__ import annotations

import json
import uuid
from datetime import date

import pytest

from engage.extensions import db
from engage.models import CHAT, IN_PROGRESS, OPEN, SUBMITTED, WEB, Answer, Response
from engage.models_themes import BY_TAGGER, AnswerAnalysis, AnswerTag
from engage.services import actions, theme_review, themes, voice
from engage.services.actions import ActionDraft
from engage.services.consultations import create_from_template
from engage.services.errors import ConsultationNotFound
from engage.services.users import create_user
from engage.services.voice_model import Period
from surveys import PREFER_NOT_TO_SAY

Q3 = Period.quarter("2026Q3")
Q2 = Q3.previous()
IN_Q3, LATE_Q3, IN_Q2 = date(2026, 8, 3), date(2026, 9, 30), date(2026, 5, 12)
FLAGGED = "ZEBRA-7 my stepdad hits me when mum is at work"
FEW = "fewer than 10"

KNIVES = [
    "too many lads carry knives round the estate and it scares me",
    "my cousin got stabbed last year and nobody talks about it",
    "knife crime is the biggest worry when walking home from school",
    "police should search people more at the bus station for blades",
    "I feel unsafe near the shops at night because of knives",
    "there should be knife bins in every town centre",
    "boys carry blades because they think it keeps them safe",
    "we need workshops about what a stab wound actually does",
    "the youth club closing means more gangs and weapons",
    "I saw someone flash a machete outside college",
    "parents do not know how common carrying a knife has become",
    "knife arches at the school gates made everyone nervous",
    "teachers never explain what to do if you see a weapon",
    "gangs recruit younger kids to hold knives for them",
    "knife crime videos online make it look normal",
]
HOPEFUL = [
    "the new youth centre has made our area feel much safer",
    "the police officer who visits school is really kind and listens",
    "I love the free football sessions on friday nights",
    "mentoring helped me stay away from trouble this year",
    "the knife crime workshop was brilliant and really useful",
    "community patrols made the park nicer in the evenings",
    "our council listened and fixed the broken street lights",
]


class Young:
    """Sent responses written straight into the store: as many as a test needs, on the day it says."""

    def __init__(self, consultation):
        self.consultation = consultation

    def respond(self, day: date | None, answers: dict[str, object] | None = None, age_band: str | None = None,
                channel: str = WEB, status: str = SUBMITTED) -> Response:
        response = Response(
            consultation_id=self.consultation.id,
            survey_version_id=self.consultation.current_version_id,
            channel=channel,
            resume_key=uuid.uuid4().hex,
            status=status,
            path=[],
            age_band=age_band,
            started_on=day or IN_Q3,
            submitted_on=day if status == SUBMITTED else None,
        )
        response.answers = [Answer(question_id=q, value=v) for q, v in (answers or {}).items()]
        db.session.add(response)
        db.session.commit()
        return response

    def say(self, day: date, text: str, theme_keys=(), sentiment: str = "neutral", flagged: bool = False,
            question: str = "make_better", times: int = 1) -> list[int]:
        """Young people write ``text``; the tagger gave it ``theme_keys`` (a flagged answer keeps none)."""
        version, _ = themes.current_taxonomy()
        ids = []
        for _ in range(times):
            response = self.respond(day, {question: text})
            answer = response.answers[0]
            answer.flagged = flagged
            db.session.add(AnswerAnalysis(answer_id=answer.id, sentiment=sentiment, sentiment_score=0.0,
                                          taxonomy_version_id=version.id))
            for key in theme_keys:
                db.session.add(AnswerTag(answer_id=answer.id, theme_key=key, confidence=0.9, reason="",
                                         source=BY_TAGGER, taxonomy_version_id=version.id))
            db.session.commit()
            ids.append(answer.id)
        return ids

    def say_each(self, day: date, texts: list[str], theme_key: str, sentiment: str = "negative") -> list[int]:
        return [i for text in texts for i in self.say(day, text, [theme_key], sentiment)]

    def crowd(self, day: date) -> None:
        """Two big themes: beside them, a small one hides with as few others as the rule needs."""
        words = KNIVES + HOPEFUL
        for i in range(30):
            self.say(day, words[i % len(words)], ["exploitation"])
        for i in range(40):
            self.say(day, words[-1 - i % len(words)], ["police-trust"], "positive" if i % 3 else "negative")

    def a_few(self, day: date) -> None:
        """Three small themes (3, 4 and 5): together they hide each other, and nothing else."""
        for key, n in (("neglect", 3), ("domestic-abuse", 4), ("substance-use", 5)):
            self.say(day, KNIVES[2], [key], times=n)


@pytest.fixture
def square(ctx):
    return Young(create_from_template("square-table", title="Square Table, August", status=OPEN))


@pytest.fixture
def ballot(ctx):
    return Young(create_from_template("youth-ballot", title="Youth ballot 2026", status=OPEN))


def theme(summary, key):
    return next(t for t in summary.themes if t.key == key)


def rows(cells) -> dict[str, str]:
    return {row.key: row.cell.display for row in cells}


def everything_said(summary) -> str:
    return json.dumps(voice.summary_as_dict(summary))


# Themes, counts and quotes


def test_a_theme_of_nine_answers_reads_fewer_than_ten_and_has_no_quotes(square):
    square.crowd(IN_Q3)
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    bullied = [f"{t} but the bullies online never stop" for t in HOPEFUL] + ["group chats get nasty at night"] * 2
    square.say_each(IN_Q3, bullied, "bullying-online-safety", "positive")

    summary = voice.voice_summary(Q3)

    bullying = theme(summary, "bullying-online-safety")
    assert bullying.answers.display == FEW and bullying.answers.count is None
    assert bullying.quotes == ()
    assert "bullies" not in everything_said(summary) and "group chats" not in everything_said(summary)
    # Its sentiment split would add up to it: hidden with it.
    assert set(rows(bullying.sentiment).values()) == {FEW}
    # The next smallest is hidden too, so that "fewer than 10" cannot be worked out from a total;
    # twelve young people stand behind it, so it may still be quoted.
    knives = theme(summary, "knife-crime")
    assert knives.answers.display == "hidden" and 2 <= len(knives.quotes) <= 3
    assert set(rows(knives.sentiment).values()) == {"hidden"}
    assert theme(summary, "police-trust").answers.display == "40"


def test_when_no_theme_count_can_be_shown_safely_none_is_quoted(square):
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    square.say_each(IN_Q3, KNIVES[:5], "neglect")

    summary = voice.voice_summary(Q3)

    # Either count would give the other away from the total: both withheld, and "hidden" here
    # may be small, so quoting one theme but not the other would tell them apart.
    assert [(t.key, t.answers.display, t.quotes) for t in summary.themes] == [
        ("knife-crime", "hidden", ()), ("neglect", "hidden", ()),
    ]
    assert summary.free_text_answers.display == "17"


def test_themes_are_listed_shown_counts_first_largest_first_so_the_order_gives_nothing_away(square):
    square.say_each(IN_Q3, KNIVES[:3], "neglect")
    square.say_each(IN_Q3, KNIVES[:14], "police-trust")
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    square.say_each(IN_Q3, KNIVES[:15], "exploitation")
    square.say_each(IN_Q3, KNIVES[:3] * 10, "being-listened-to")

    summary = voice.voice_summary(Q3)

    # Hidden ones in the taxonomy's order, whatever their size.
    assert [(t.key, t.answers.display) for t in summary.themes] == [
        ("being-listened-to", "30"), ("exploitation", "15"),
        ("knife-crime", "hidden"), ("police-trust", "hidden"), ("neglect", FEW),
    ]


def test_a_flagged_answer_counts_for_nothing_and_is_never_quoted(square):
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    # Even were it tagged (tagging clears a flagged answer's tags), it must not count.
    square.say(IN_Q3, FLAGGED, ["knife-crime"], flagged=True, times=3)

    summary = voice.voice_summary(Q3)

    assert theme(summary, "knife-crime").answers.display == "12"
    assert summary.free_text_answers.display == "12"
    assert "ZEBRA" not in everything_said(summary)
    assert "ZEBRA" not in everything_said(voice.consultation_summary(square.consultation.join_code))


def test_a_flagged_choice_answer_is_left_out_of_the_choice_counts_as_on_the_live_screen(square):
    for _ in range(12):
        square.respond(IN_Q3, {"come_again": "yes"})
    flagged = square.respond(IN_Q3, {"come_again": "no"})
    flagged.answers[0].flagged = True
    db.session.commit()

    come_again = next(c for c in voice.voice_summary(Q3).choices if c.question_id == "come_again")

    assert come_again.answered.display == "12"
    assert rows(come_again.rows)["no"] == "0"


def test_quotes_have_names_phone_numbers_and_local_places_taken_out(app, square):
    app.config["LOCAL_PLACES"] = "Ashby Park"
    texts = KNIVES[:10] + ["text Jade on 07700 900123 if you see knives near Ashby Park, she knows who carries them"]
    square.say_each(IN_Q3, texts, "knife-crime")

    said = everything_said(voice.voice_summary(Q3))

    assert "07700" not in said and "Jade" not in said and "Ashby" not in said
    assert "[phone]" in said and "[name]" in said and "[place]" in said


def test_quotes_show_the_range_of_views_never_a_non_answer(square):
    square.say_each(IN_Q3, KNIVES[:10], "knife-crime", "negative")
    square.say_each(IN_Q3, HOPEFUL[:3], "knife-crime", "positive")
    square.say(IN_Q3, "idk", ["knife-crime"], "neutral", times=3)
    square.say(IN_Q3, "no comment", ["knife-crime"], "neutral")

    quotes = theme(voice.voice_summary(Q3), "knife-crime").quotes

    assert 2 <= len(quotes) <= 3
    assert {q.sentiment for q in quotes} == {"negative", "positive"}
    assert all(len(q.text.split()) >= 4 for q in quotes)
    assert len({q.text for q in quotes}) == len(quotes)
    assert {q.consultation_title for q in quotes} == {"Square Table, August"}


def test_a_persons_review_replaces_the_taggers_themes(square, ctx):
    reviewer, _ = create_user("fran@example.org", "Fran", "facilitator", password="a long password for tests")
    square.crowd(IN_Q3)
    ids = square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    for answer_id in ids[:3]:
        theme_review.record_review(answer_id, ["bullying-online-safety"], by=reviewer)
    theme_review.record_review(ids[3], [], by=reviewer)  # "no theme fits"

    summary = voice.voice_summary(Q3)

    assert theme(summary, "knife-crime").answers.display == FEW  # 12 - 3 moved - 1 none = 8
    assert theme(summary, "bullying-online-safety").answers.display == FEW
    assert summary.untagged.display == FEW
    assert summary.free_text_answers.display == "82"
    assert theme(summary, "police-trust").answers.display == "40"


def test_the_trend_compares_with_the_previous_quarter_and_says_only_what_the_counts_show(square):
    def theme_said(day, key, n):
        square.say(day, KNIVES[n % len(KNIVES)], [key], times=n)

    theme_said(IN_Q2, "knife-crime", 5)             # fewer than 10, then 20: up
    theme_said(IN_Q3, "knife-crime", 20)
    theme_said(IN_Q2, "exploitation", 25)           # 25, then 11: down
    theme_said(IN_Q3, "exploitation", 11)
    theme_said(IN_Q3, "police-trust", 30)           # none, then 30: new
    theme_said(IN_Q2, "being-listened-to", 13)      # 13, then 13: the same
    theme_said(LATE_Q3, "being-listened-to", 13)
    theme_said(IN_Q2, "neglect", 3)                 # fewer than 10 both times: not said
    theme_said(IN_Q3, "neglect", 4)
    for day in (IN_Q2, IN_Q3):                      # more small ones, so nothing else needs hiding
        theme_said(day, "domestic-abuse", 4)
    theme_said(IN_Q3, "substance-use", 3)

    summary = voice.voice_summary(Q3)

    found = {t.key: (t.answers.display, t.previous.display, t.trend) for t in summary.themes}
    assert found["knife-crime"] == ("20", FEW, "up")
    assert found["exploitation"] == ("11", "25", "down")
    assert found["police-trust"] == ("30", "0", "new")
    assert found["being-listened-to"] == ("13", "13", "same")
    assert found["neglect"] == (FEW, FEW, "")


def test_an_area_of_focus_counts_each_answer_once_however_many_of_its_themes_it_has(square):
    square.crowd(IN_Q3)                                          # exploitation 30, police-trust 40
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    square.say(IN_Q3, KNIVES[0], ["knife-crime", "police-trust"])
    square.say(IN_Q3, KNIVES[3], ["being-listened-to"], times=20)

    summary = voice.voice_summary(Q3)

    areas = {a.area: a for a in summary.areas}
    risk = areas["Risk outside the home"]
    assert (risk.answers.display, risk.themes) == ("53", ("police-trust", "knife-crime"))
    assert (areas["Child exploitation"].answers.display, areas["Child exploitation"].themes) == ("30", ("exploitation",))
    assert areas["Wellbeing and opportunities"].answers.display == "20"
    assert [a.area for a in summary.areas] == ["Risk outside the home", "Child exploitation",
                                                "Wellbeing and opportunities"]
    assert summary.taxonomy_version == themes.current_taxonomy()[0].number


def test_an_area_of_focus_is_hidden_when_one_of_its_themes_is(square):
    square.crowd(IN_Q3)
    square.a_few(IN_Q3)                                          # substance-use 5: risk outside the home

    areas = {a.area: a.answers.display for a in voice.voice_summary(Q3).areas}

    # 40 + 5 shown beside police-trust's 40 would give substance-use away.
    assert areas["Risk outside the home"] == "hidden"
    assert areas["Neglect"] == FEW and areas["Domestic abuse"] == FEW


# Who took part


def test_participation_counts_only_responses_sent_in_the_period(square, ballot):
    for young, n, band, channel in ((square, 14, "14-15", WEB), (square, 12, "16-17", CHAT),
                                    (ballot, 3, "11-13", WEB), (ballot, 4, "18-21", WEB), (ballot, 5, None, WEB)):
        for _ in range(n):
            young.respond(IN_Q3, age_band=band, channel=channel)
    for _ in range(20):
        square.respond(IN_Q2, age_band="14-15")               # last quarter
    for _ in range(5):
        square.respond(None, status=IN_PROGRESS)              # never sent

    part = voice.voice_summary(Q3).participation

    assert part.responses.display == "38"
    assert part.consultations.display == "2"
    assert rows(part.by_kind) == {"square_table": "26", "youth_ballot": "12"}
    assert [r.label for r in part.by_kind] == ["Square Table event", "Youth ballot"]
    assert [(r.label, r.cell.display) for r in part.by_age_band] == [
        ("11–13", FEW), ("14–15", "14"), ("16–17", "12"), ("18–21", FEW), ("Not given", FEW),
    ]
    assert rows(part.by_channel) == {WEB: "26", CHAT: "12"}
    assert next(r for r in part.by_channel if r.key == CHAT).percent == 32


def test_participation_by_setting_counts_responses_by_their_consultations_setting_suppressed_as_a_table(ctx):
    school = Young(create_from_template("square-table", title="At school", status=OPEN, setting="school"))
    club = Young(create_from_template("square-table", title="At the club", status=OPEN, setting="youth_club"))
    online = Young(create_from_template("youth-ballot", title="Online", status=OPEN, setting="online"))
    unknown = Young(create_from_template("youth-ballot", title="Somewhere", status=OPEN))
    for young, n in ((school, 30), (club, 4), (online, 15), (unknown, 22)):
        for _ in range(n):
            young.respond(IN_Q3)

    summary = voice.voice_summary(Q3)
    part = summary.participation

    assert [(r.key, r.label) for r in part.by_setting] == [
        ("school", "School"), ("youth_club", "Youth club or youth service"), ("online", "Online"),
        ("", "Not recorded"),
    ]
    # 4 alone could be worked out from the total (71): the next smallest hides with it.
    assert part.responses.display == "71"
    assert rows(part.by_setting) == {"school": "30", "youth_club": FEW, "online": "hidden", "": "22"}
    data = json.loads(everything_said(summary))
    assert [r["cell"]["display"] for r in data["participation"]["by_setting"]] == ["30", FEW, "hidden", "22"]


# Choice questions and ballots


def test_choice_counts_are_suppressed_as_a_table(square):
    for value, n in (("yes", 30), ("no", 25), ("not_sure", 4)):
        for _ in range(n):
            square.respond(IN_Q3, {"come_again": value})

    come_again = next(c for c in voice.voice_summary(Q3).choices if c.question_id == "come_again")

    assert come_again.kind == "yes_no"
    assert come_again.question == "Would you come to another Square Table?"
    assert come_again.answered.display == "59"
    # "fewer than 10" alone would be worked out from the total: the next smallest is hidden too.
    assert rows(come_again.rows) == {"yes": "30", "no": "hidden", "not_sure": FEW, PREFER_NOT_TO_SAY: "0"}
    assert [r.percent for r in come_again.rows] == [51, None, None, 0]
    assert [r.label for r in come_again.rows][:3] == ["Yes", "No", "Not sure"]


def test_a_multiple_choice_question_counts_each_young_person_once_per_choice(square):
    for _ in range(11):
        square.respond(IN_Q3, {"topics": ["knife_crime", "resilience"]})
    for _ in range(12):
        square.respond(IN_Q3, {"topics": ["knife_crime"]})

    topics = next(c for c in voice.voice_summary(Q3).choices if c.question_id == "topics")

    assert topics.answered.display == "23"
    assert rows(topics.rows)["knife_crime"] == "23"
    assert rows(topics.rows)["resilience"] == "11"
    assert rows(topics.rows)["community_issues"] == "0"


def test_a_ranked_ballot_runs_by_points_and_counts_young_people(ballot):
    for _ in range(12):
        ballot.respond(IN_Q3, {"top_issues": ["knife_crime", "school", "transport"]})
    for _ in range(11):
        ballot.respond(IN_Q3, {"top_issues": ["mental_health", "knife_crime"]})
    for _ in range(10):
        ballot.respond(IN_Q3, {"top_issues": ["transport", "mental_health", "school"]})

    result = next(c for c in voice.voice_summary(Q3).choices if c.question_id == "top_issues")

    assert result.kind == "ballot"
    # points: knife crime 12*3 + 11*2 = 58, mental health 33 + 20 = 53, transport 30 + 12 = 42, school 24 + 10 = 34
    assert [r.key for r in result.rows][:4] == ["knife_crime", "mental_health", "transport", "school"]
    assert [r.cell.display for r in result.rows][:4] == ["23", "21", "22", "22"]
    assert result.rows[-1].key == PREFER_NOT_TO_SAY


def test_age_band_questions_are_left_to_participation(square):
    square.respond(IN_Q3, {"age_band": "14-15"}, age_band="14-15")
    assert all(c.question_id != "age_band" for c in voice.voice_summary(Q3).choices)


# A consultation's own summary


def test_a_consultations_summary_covers_its_whole_life_and_no_other(square, ballot):
    square.say_each(IN_Q2, KNIVES[:6], "knife-crime")
    square.say_each(IN_Q3, KNIVES[6:12], "knife-crime")
    ballot.say_each(IN_Q3, KNIVES[:12], "exploitation")

    summary = voice.consultation_summary(square.consultation.join_code.lower())

    assert summary.period is None
    assert summary.consultation_code == square.consultation.join_code
    assert summary.title == "Square Table, August"
    assert summary.participation.responses.display == "12"
    assert [t.key for t in summary.themes] == ["knife-crime"]
    knives = summary.themes[0]
    assert knives.answers.display == "12" and knives.trend == "" and knives.previous.display == ""
    assert all(c.consultation_code == square.consultation.join_code for c in summary.choices)


def test_an_unknown_join_code_is_not_found(ctx):
    with pytest.raises(ConsultationNotFound):
        voice.consultation_summary("NOPE22")


# "You said, we did"


def test_the_period_shows_published_actions_due_or_published_in_it(square):
    staff, _ = create_user("ada@example.org", "Ada", "admin", password="a long password for tests")
    code = square.consultation.join_code

    def action(summary, due_on, publish=True):
        made = actions.create_action(ActionDraft(summary, "Council", due_on, theme_keys=["knife-crime"],
                                                 consultation_codes=[code]), by=staff)
        if publish:
            actions.publish(made.id, by=staff, send_to_chat=False)
        return made

    action("Knife bins in the town centre", date(2026, 9, 1))
    action("Not published yet", date(2026, 9, 1), publish=False)
    action("Due next year", date(2027, 3, 1))  # published today: in this quarter only if today is in it

    summary = voice.voice_summary(Q3)
    titles = [a.title for a in summary.actions]
    assert "Knife bins in the town centre" in titles and "Not published yet" not in titles
    bins = next(a for a in summary.actions if a.title == "Knife bins in the town centre")
    assert (bins.agency, bins.status, bins.due_on, bins.theme_keys) == ("Council", "planned", date(2026, 9, 1),
                                                                       ("knife-crime",))
    assert {a.title for a in voice.consultation_summary(code).actions} == {"Knife bins in the town centre",
                                                                          "Due next year"}
    assert voice.voice_summary(Period.quarter("2025Q1")).actions == ()


# As JSON


def test_as_json_every_count_is_a_cell_and_a_hidden_one_carries_no_number(square):
    square.say_each(IN_Q3, KNIVES[:12], "knife-crime")
    square.a_few(IN_Q3)

    data = json.loads(everything_said(voice.voice_summary(Q3)))

    assert data["period"] == {"start": "2026-07-01", "end": "2026-09-30", "label": "2026 Q3"}
    knives = next(t for t in data["themes"] if t["key"] == "knife-crime")
    assert knives["answers"] == {"count": 12, "suppressed": False, "display": "12"}
    neglect = next(t for t in data["themes"] if t["key"] == "neglect")
    assert neglect["answers"] == {"count": None, "suppressed": True, "display": FEW}


# Periods as people write them


@pytest.mark.parametrize(("given", "expected"), [
    ({"quarter": "2026Q3"}, ("2026-07-01", "2026-09-30", "2026 Q3")),
    ({"quarter": " 2026 q1 "}, ("2026-01-01", "2026-03-31", "2026 Q1")),
    ({"start": "2026-02-01", "end": "2026-02-28"}, ("2026-02-01", "2026-02-28", "1 Feb 2026 to 28 Feb 2026")),
    ({}, ("2026-04-01", "2026-06-30", "2026 Q2")),  # the last complete quarter
])
def test_a_period_is_read_from_a_quarter_or_two_dates(given, expected):
    period = voice.parse_period(**given, today=date(2026, 8, 15))
    assert (period.start.isoformat(), period.end.isoformat(), period.label) == expected


@pytest.mark.parametrize(("given", "message"), [
    ({"quarter": "2026Q5"}, '"2026Q5" is not a quarter: write it like 2026Q3.'),
    ({"quarter": "summer"}, '"summer" is not a quarter: write it like 2026Q3.'),
    ({"start": "2026-02-01"}, "Give both the first and the last day of the period."),
    ({"start": "2026-02-30", "end": "2026-03-01"}, '"2026-02-30" is not a date: write it like 2026-07-01.'),
    ({"start": "2026-03-01", "end": "2026-02-01"}, "The period ends before it starts."),
    ({"quarter": "2026Q3", "start": "2026-03-01"}, "Choose a quarter or two dates, not both."),
])
def test_a_period_that_cannot_be_read_says_how_to_write_it(given, message):
    with pytest.raises(voice.PeriodError) as raised:
        voice.parse_period(**given, today=date(2026, 8, 15))
    assert str(raised.value) == message


def test_the_quarter_before_the_first_is_last_years_fourth():
    assert voice.last_complete_quarter(date(2026, 2, 1)).label == "2025 Q4"
    assert [q.label for q in voice.recent_quarters(date(2026, 2, 1), 3)] == ["2026 Q1", "2025 Q4", "2025 Q3"]
