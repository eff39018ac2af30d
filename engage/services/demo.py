"""Demo consultations of every kind, with plausible synthetic answers.

The answers are made up by walking each survey with the same runner the web
pages use, so every demo response is one a young person could have given.
"""
from __future__ import annotations

import random
import secrets
from datetime import timedelta

from sqlalchemy import func, select

from engage.database import writing
from engage.extensions import db
from engage.models import CHAT, OPEN, SUBMITTED, WEB, Answer, Consultation, Response
from engage.services import theme_tagging
from engage.services.consultations import create_from_template, survey_of
from engage.services.responding import age_band_of, resume_key, today
from surveys import AnswerContext, Survey, runner
from surveys.templates import template_names

# Invented, in the voice of young people at a consultation; no real person's words.
DEMO_TEXTS = (
    "There's nothing to do round here after six, the youth club shut.",
    "I don't feel safe walking through the park at night.",
    "More mental health support in school, the waiting list is way too long.",
    "Buses are too expensive and stop running too early.",
    "Some people carry knives because they're scared, not because they're bad.",
    "People get bullied on Snapchat and nobody does anything.",
    "Teachers should actually listen when you tell them something.",
    "I liked the first aid workshop, I learned how to do CPR.",
    "Older kids try to get younger ones to carry stuff for them.",
    "More places to go that are free, like sports or music.",
    "The street lights on our estate don't work.",
    "Help with moving from primary to secondary, it was really scary.",
    "Being able to talk to someone without my parents knowing.",
    "Better support for young carers.",
    "It was good that young people ran the table.",
    "I want to know what happens to what we said today.",
    "Online safety lessons are boring and out of date.",
    "More youth workers on the streets in the evenings.",
    "Exams stress me out and there's no one to talk to.",
    "Police should get to know young people, not just stop and search us.",
)


def create_demo(responses_each: int = 60, seed: int = 2026) -> list[Consultation]:
    """Create one open demo consultation per template, unless there are some already."""
    if db.session.scalar(select(func.count()).select_from(Consultation)):
        return []
    rng = random.Random(seed)
    made = []
    with writing():
        for name in template_names():
            consultation = create_from_template(name, status=OPEN)
            add_synthetic_responses(consultation, responses_each, rng)
            made.append(consultation)
    theme_tagging.retag()  # the answers were written directly, so tag them as arrival would
    return made


def add_synthetic_responses(consultation: Consultation, count: int, rng: random.Random) -> None:
    survey = survey_of(consultation)
    taken: dict[str, dict[str, int]] = {}
    with writing():
        for _ in range(count):
            answers = _walk(survey, rng, taken)
            response = Response(
                consultation_id=consultation.id,
                survey_version_id=consultation.current_version_id,
                channel=CHAT if rng.random() < 0.2 else WEB,
                resume_key=resume_key(secrets.token_urlsafe(24)),
                status=SUBMITTED,
                path=list(answers),
                language="en",
                age_band=age_band_of(survey, answers),
                started_on=today() - timedelta(days=rng.randint(0, 20)),
            )
            response.submitted_on = response.started_on
            response.answers = [Answer(question_id=q, value=v) for q, v in answers.items()]
            db.session.add(response)


def _walk(survey: Survey, rng: random.Random, taken: dict[str, dict[str, int]]) -> dict:
    state = runner.start(survey)
    while not state.finished:
        question = survey.question(state.current)
        context = AnswerContext(places_taken=taken.setdefault(question.id, {}))
        if question.kind.takes_answer and question.prefer_not_to_say and rng.random() < 0.05:
            state = runner.prefer_not_to_say(survey, state)
            continue
        if question.kind.takes_words:
            typed = [rng.choice(DEMO_TEXTS)] if rng.random() < 0.8 or question.required else []
        else:
            typed = question.kind.example(question, rng, context)
        state = runner.answer(survey, state, typed, context)
        picked = state.answers.get(question.id)
        for value in picked if isinstance(picked, list) else []:
            taken[question.id][value] = taken[question.id].get(value, 0) + 1
    return runner.final_answers(survey, state)


DEMO_ACCOUNTS = (
    ("admin", "admin@demo.invalid", "Demo admin"),
    ("facilitator", "facilitator@demo.invalid", "Demo facilitator"),
    ("co_facilitator", "young@demo.invalid", "Demo co-facilitator"),
    ("board_member", "board@demo.invalid", "Demo board member"),
    ("safeguarding_lead", "dsl@demo.invalid", "Demo safeguarding lead"),
)


def create_demo_accounts() -> str | None:
    """One account per role sharing a fresh random password; None if accounts exist.

    The password is made here and shown once, so no demo ever ships a known one.
    """
    from engage.services import users

    if users.has_any_user():
        return None
    password = "-".join(secrets.token_hex(3) for _ in range(4))
    made = {}
    for role, email, name in DEMO_ACCOUNTS:
        made[role], _ = users.create_user(email, name, role, password=password)
    first = db.session.scalar(select(Consultation).order_by(Consultation.id))
    if first is not None:
        users.set_members(first, [made["co_facilitator"].id], by=None)
    return password
