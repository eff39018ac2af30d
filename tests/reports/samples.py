"""VoiceSummary values built by hand, for rendering reports without a database."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from engage.analysis.suppression import fewer_than, hidden, shown
from engage.services.voice_model import (
    ActionSummary,
    AreaSummary,
    ChoiceResult,
    Participation,
    Period,
    Quote,
    Row,
    ThemeSummary,
    VoiceSummary,
)

SCRIPT = '<script>alert("x")</script>'
FEW = "fewer than 10"
HIDDEN_WORD = "hidden"


def _sentiment(negative, neutral, positive) -> tuple[Row, ...]:
    return (
        Row("negative", "negative", negative),
        Row("neutral", "neutral", neutral),
        Row("positive", "positive", positive),
    )


KNIFE = ThemeSummary(
    key="knife-crime",
    name="Knife crime",
    area="Risk outside the home",
    answers=shown(42),
    previous=shown(30),
    trend="up",
    sentiment=_sentiment(shown(30), fewer_than(10), hidden()),
    quotes=(
        Quote("I don't walk through the park after dark because of the knives", "negative", "Square Table, July"),
        Quote("The youth club made me feel safer", "positive", "Youth ballot 2026"),
    ),
)
WELLBEING = ThemeSummary(
    key="emotional-wellbeing",
    name="Emotional wellbeing and mental health",
    area="Neglect",
    answers=shown(25),
    previous=fewer_than(10),
    trend="",
    sentiment=_sentiment(shown(12), shown(13), shown(0)),
    quotes=(Quote("Waiting lists for CAMHS are too long, [name] waited a year", "negative", "Lifestyle survey"),),
)
BULLYING = ThemeSummary(
    key="bullying-online",
    name="Bullying and online safety",
    area="Risk outside the home",
    answers=fewer_than(10),
    previous=shown(12),
    trend="",
    sentiment=_sentiment(fewer_than(10), fewer_than(10), fewer_than(10)),
    quotes=(),
)

SUMMARY = VoiceSummary(
    period=Period.quarter("2026Q3"),
    consultation_code=None,
    title="2026 Q3",
    taxonomy_version=3,
    threshold=10,
    participation=Participation(
        consultations=shown(4),
        responses=shown(215),
        by_kind=(
            Row("square_table", "Square table event", fewer_than(10)),
            Row("lifestyle_survey", "Lifestyle survey", shown(150), 70),
            Row("youth_ballot", "Youth ballot", hidden()),
        ),
        by_age_band=(
            Row("11-13", "11 to 13", shown(80), 37),
            Row("14-15", "14 to 15", shown(126), 59),
            Row("16-18", "16 to 18", fewer_than(10)),
        ),
        by_channel=(
            Row("web", "Web page", shown(200), 93),
            Row("telegram", "Telegram", hidden()),
        ),
        by_setting=(
            Row("school", "School", shown(150), 70),
            Row("youth_club", "Youth club or youth service", fewer_than(10)),
            Row("", "Not recorded", hidden()),
        ),
    ),
    free_text_answers=shown(120),
    untagged=shown(31),
    themes=(KNIFE, WELLBEING, BULLYING),
    areas=(
        AreaSummary("Risk outside the home", shown(50), ("knife-crime", "bullying-online")),
        AreaSummary("Neglect", shown(25), ("emotional-wellbeing",)),
    ),
    choices=(
        ChoiceResult(
            consultation_code="BALLOT26",
            consultation_title="Youth ballot 2026",
            question_id="top_issue",
            question="Which issue matters most to you?",
            kind="ranked_ballot",
            answered=shown(180),
            rows=(
                Row("knife", "Knife crime", shown(90), 50),
                Row("transport", "Buses and transport", shown(81), 45),
                Row("other", "Something else " + SCRIPT, fewer_than(10)),
            ),
        ),
        ChoiceResult(
            consultation_code="BALLOT26",
            consultation_title="Youth ballot 2026",
            question_id="age",
            question="How old are you?",
            kind="age_band",
            answered=shown(180),
            rows=(Row("11-13", "11 to 13", shown(100), 56), Row("14-15", "14 to 15", shown(80), 44)),
        ),
    ),
    actions=(
        ActionSummary("More street lights on Station Road", "Council", "in_progress", date(2026, 11, 30), ("knife-crime",)),
        ActionSummary("Drop-in wellbeing sessions at the youth club", "Health", "done", None, ("emotional-wellbeing",)),
        ActionSummary("Knife amnesty bins in town", "Police", "planned", date(2027, 1, 15), ("knife-crime", "unknown-theme")),
    ),
)

CONSULTATION = replace(
    SUMMARY,
    period=None,
    consultation_code="SQT7K2",
    title="Square Table, July",
    participation=replace(SUMMARY.participation, consultations=shown(1), by_kind=(Row("square_table", "Square table event", shown(215)),)),
    choices=SUMMARY.choices,
)


def with_labels(summary: VoiceSummary, label: str) -> VoiceSummary:
    """Every label a staff member or young person could have typed, replaced by ``label``."""
    theme = replace(KNIFE, name=label, area=label, quotes=(Quote(label, "negative", label),))
    choice = replace(summary.choices[0], question=label, consultation_title=label,
                     rows=(Row("x", label, shown(90), 50), Row("y", "other", fewer_than(10))))
    return replace(
        summary,
        title=label,
        themes=(theme,),
        areas=(AreaSummary(label, shown(42), ("knife-crime",)),),
        choices=(choice,),
        actions=(ActionSummary(label, label, "planned", None, ("knife-crime",)),),
    )


def stub_summaries(monkeypatch, record=lambda period: period) -> list:
    """voice_summary and consultation_summary answering with SUMMARY and CONSULTATION.

    Returns what was asked for: ``record(period)`` for each quarter, the code for each
    consultation. Any code but SQT7K2 is not found.
    """
    from engage.services import voice
    from engage.services.errors import ConsultationNotFound

    asked = []

    def quarterly(period):
        asked.append(record(period))
        return SUMMARY

    def consultation(code):
        asked.append(code)
        if code.upper() != "SQT7K2":
            raise ConsultationNotFound(code)
        return CONSULTATION

    monkeypatch.setattr(voice, "voice_summary", quarterly)
    monkeypatch.setattr(voice, "consultation_summary", consultation)
    return asked
