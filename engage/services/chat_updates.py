""""You said, we did" news by Telegram: who asked for it, and the queue that sends it.

``chat_subscriptions`` is the one table that holds a raw chat id, because a
message cannot be sent without one. A chat joins it by saying /updates on
and leaves by /updates off, /stop, or by blocking the bot. Publishing news
puts one outbox row per subscribed chat; a sender (bots/telegram/sender.py)
claims rows, sends them at Telegram's pace and deletes each once sent.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import delete, func, or_, select

from engage.database import writing
from engage.extensions import db
from engage.models import utcnow
from engage.models_chat import ChatConversation, ChatOutbox, ChatSubscription
from engage.services.chat import in_turn
from engage.services.chat_gate import Conversation, Incoming, chat_key, speaks
from engage.services.chat_view import (
    NOTHING, UPDATES_NEED_SURVEY, UPDATES_OFF, UPDATES_ON, UPDATES_STATUS, ChatView,
)
from engage.services.consultations import find_consultation
from engage.services.errors import ConsultationNotFound
from surveys.i18n import DEFAULT_LANGUAGE

# A claimed message not confirmed sent within this time is offered to a sender again.
CLAIM_HOLD = timedelta(seconds=60)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Delivery:
    outbox_id: int
    chat_id: int
    text: str


def set_updates(incoming: Incoming, on: bool | None) -> ChatView:
    """/updates [on|off]: ask for news of the consultation in hand, or stop all news."""

    def work(conversation: Conversation) -> ChatView:
        key = chat_key(incoming.chat_id)
        mine = select(ChatSubscription).where(ChatSubscription.chat_key == key)
        view = ChatView(stage=NOTHING, language=speaks(conversation), join_code=conversation.join_code)
        if on is False:
            db.session.execute(delete(ChatSubscription).where(ChatSubscription.chat_key == key))
            return replace(view, notice=UPDATES_OFF)
        if conversation.join_code is None:
            subscribed = db.session.scalar(select(func.count()).select_from(mine.subquery())) > 0
            return replace(view, notice=UPDATES_NEED_SURVEY, subscribed=subscribed)
        try:
            consultation = find_consultation(conversation.join_code)
        except ConsultationNotFound:
            return replace(view, notice=UPDATES_NEED_SURVEY)
        found = db.session.scalar(mine.where(ChatSubscription.consultation_id == consultation.id))
        if on is None:
            return replace(view, notice=UPDATES_STATUS, subscribed=found is not None,
                           title=consultation.title)
        if found is None:
            db.session.add(ChatSubscription(consultation_id=consultation.id, chat_key=key,
                                            chat_id=incoming.chat_id))
        return replace(view, notice=UPDATES_ON, subscribed=True, title=consultation.title)

    return in_turn(incoming, work)


def send_update(consultation_code: str, text: str | Callable[[str], str]) -> int:
    """Queue a "you said, we did" message for every chat that asked; returns how many.

    ``text`` is the words, or makes them in a language: each chat then gets
    them in the language it chose in the chat (English if it chose none).
    """
    words = text if callable(text) else lambda _language: text
    made = {DEFAULT_LANGUAGE: words(DEFAULT_LANGUAGE).strip()}
    if not made[DEFAULT_LANGUAGE]:
        raise ValueError("an update needs some words")
    with writing():
        consultation = find_consultation(consultation_code)
        subscriptions = db.session.execute(
            select(ChatSubscription.id, ChatConversation.language)
            .outerjoin(ChatConversation, ChatConversation.chat_key == ChatSubscription.chat_key)
            .where(ChatSubscription.consultation_id == consultation.id)
        ).all()
        for subscription, language in subscriptions:
            language = language or DEFAULT_LANGUAGE
            if language not in made:
                made[language] = words(language).strip()
            db.session.add(ChatOutbox(subscription_id=subscription, text=made[language]))
    return len(subscriptions)


def claim_due(limit: int = 100) -> list[Delivery]:
    """Hold up to ``limit`` waiting messages for this sender; another sender skips them."""
    now = utcnow()
    with writing():
        query = (
            select(ChatOutbox)
            .where(or_(ChatOutbox.not_before.is_(None), ChatOutbox.not_before <= now))
            .order_by(ChatOutbox.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=ChatOutbox)
        )
        claimed = db.session.scalars(query).all()
        for message in claimed:
            message.not_before = now + CLAIM_HOLD
            message.attempts += 1
        return [Delivery(m.id, m.subscription.chat_id, m.text) for m in claimed]


def delivered(outbox_id: int) -> None:
    with writing():
        db.session.execute(delete(ChatOutbox).where(ChatOutbox.id == outbox_id))


def try_later(outbox_id: int, after: timedelta) -> None:
    """Telegram said not now; give up after a few tries rather than retry for ever."""
    with writing():
        message = db.session.get(ChatOutbox, outbox_id)
        if message is None:
            return
        if message.attempts >= MAX_ATTEMPTS:
            db.session.delete(message)
        else:
            message.not_before = utcnow() + after


def unreachable(outbox_id: int) -> None:
    """The chat blocked the bot or is gone: forget its subscription (and its chat id)."""
    with writing():
        message = db.session.get(ChatOutbox, outbox_id)
        if message is not None:
            db.session.execute(
                delete(ChatSubscription).where(ChatSubscription.id == message.subscription_id)
            )


def waiting() -> int:
    return db.session.scalar(select(func.count()).select_from(ChatOutbox)) or 0

