"""Answering a consultation in a Telegram chat: one function per thing a young person does.

Each use case runs in one unit of work opened by ``chat_gate.turn`` (seen
once, not flooding), drives the same responding service as the web pages
(so branching, validation, "prefer not to say" and the safeguarding check are
the same), and hands back a ``ChatView`` for the bot to say. A chat is known
only by the keyed hash of its id; its resume token lives on its row, as a
browser keeps it in a cookie.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from flask import current_app
from sqlalchemy import delete

from engage.analysis.safeguarding import possible_disclosure
from engage.extensions import db
from engage.models import CHAT
from engage.models_chat import ChatConversation, ChatSubscription
from engage.services import responding
from engage.services.chat_gate import Flooded, Ignored, Incoming, chat_key, speaks, turn
from engage.services.chat_view import (
    ALREADY_SENT, ANSWERING, ASK_CODE, CHOOSE_LANGUAGE, CLOSED, LANGUAGE_SET, MOVED_ON,
    NOT_A_CODE, NOTHING, RESUMED, SENT, SLOW_DOWN, STOPPED, UNKNOWN_CODE, USE_BUTTONS,
    WEB_ONLY, WELCOME, ChatView, progress_view, screen_tag,
)
from engage.services.consultations import consultation_for_answering
from engage.services.errors import ConsultationClosed, ConsultationNotFound, ServiceError
from engage.services.join_codes import normalise_join_code
from engage.services.posters import TELEGRAM_MIN_AGE
from engage.services.responding import BACK, NEXT, SKIP, Progress, ScreenRejected

Work = Callable[[ChatConversation], ChatView]


def begin(incoming: Incoming, code: str | None, language: str | None = None) -> ChatView:
    """/start, with or without a join code (a t.me deep link carries one)."""
    return in_turn(incoming, lambda c: _begin(c, code, language))


def typed(incoming: Incoming, text: str) -> ChatView:
    """A text message: a join code, an answer, or a choice written out."""
    return in_turn(incoming, lambda c: _typed(c, text))


def pressed(incoming: Incoming, tag: str, action: str, index: int) -> ChatView:
    """A button under a question; ``tag`` says which screen the keyboard was made for."""
    return in_turn(incoming, lambda c: _pressed(c, tag, action, index))


def command(incoming: Incoming, action: str) -> ChatView:
    """/skip (prefer not to say) or /back, on whatever question is showing."""
    return in_turn(incoming, lambda c: _on_screen(c, action))


def look(incoming: Incoming, words: str | None = None, show_screen: bool = False) -> ChatView:
    """Nothing to apply (help, privacy, a photo, an edit); any words still get the safeguarding check."""
    return in_turn(incoming, lambda c: _look(c, words, show_screen))


def stop(incoming: Incoming) -> ChatView:
    """End the survey and forget the chat: its row and any news subscription go.

    Answers already saved stay, with nothing left that links them to the chat.
    """

    def work(conversation: ChatConversation) -> ChatView:
        stale = conversation.keyboard_message_id
        db.session.execute(delete(ChatSubscription).where(ChatSubscription.chat_key == chat_key(incoming.chat_id)))
        db.session.delete(conversation)
        return ChatView(stage=NOTHING, language=speaks(conversation), notice=STOPPED, previous_keyboard=stale)

    return in_turn(incoming, work)


def choose_language(incoming: Incoming, language: str | None) -> ChatView:
    def work(conversation: ChatConversation) -> ChatView:
        languages = tuple(current_app.config["LANGUAGES"])
        if language not in languages:
            return _plain(conversation, notice=CHOOSE_LANGUAGE, languages=languages)
        conversation.language = language
        return _current(conversation, notice=LANGUAGE_SET)

    return in_turn(incoming, work)


def in_turn(incoming: Incoming, work: Work) -> ChatView:
    """Run ``work`` on the chat's row as one update's unit of work (see ``chat_gate.turn``)."""
    try:
        with turn(incoming) as now:
            conversation = now.conversation
            try:
                return work(conversation)
            except ServiceError as error:  # closed or deleted since the chat began
                title = getattr(getattr(error, "consultation", None), "title", "")
                conversation.join_code = conversation.token = None
                conversation.picking = {}
                return _plain(conversation, notice=CLOSED, title=title, show_screen=True)
    except Ignored:
        return ChatView(stage=NOTHING)
    except Flooded as flooded:
        return ChatView(stage=NOTHING, notice=SLOW_DOWN if flooded.first else None)


def _begin(conversation: ChatConversation, code: str | None, language: str | None) -> ChatView:
    if language in current_app.config["LANGUAGES"] and conversation.language is None:
        conversation.language = language  # Telegram's app language, unless they chose one
    if code:
        return _enter_code(conversation, code)
    if conversation.token:
        return _current(conversation, notice=RESUMED)
    return _plain(conversation, show_screen=True)


def _enter_code(conversation: ChatConversation, raw: str) -> ChatView:
    code = normalise_join_code(raw)
    if code is None:
        return _plain(conversation, notice=NOT_A_CODE, show_screen=True)
    try:
        consultation = consultation_for_answering(code, responding.today())
    except ConsultationNotFound:
        return _plain(conversation, notice=UNKNOWN_CODE, show_screen=True, join_code=code)
    except ConsultationClosed as closed:
        return _plain(conversation, notice=CLOSED, title=closed.consultation.title, show_screen=True)
    if (consultation.min_age or 0) < TELEGRAM_MIN_AGE:
        # Telegram is 16+ in the UK; an audience that may be younger answers on the web.
        link = f"{current_app.config['PUBLIC_URL']}/s/{code}" if current_app.config["PUBLIC_URL"] else None
        return _plain(conversation, notice=WEB_ONLY, title=consultation.title, web_link=link, join_code=code)
    if conversation.join_code == code:
        if conversation.token:
            return _current(conversation, notice=RESUMED)
        return _plain(conversation, notice=ALREADY_SENT, title=consultation.title, join_code=code)
    token = responding.start_response(code, CHAT, speaks(conversation))
    conversation.join_code, conversation.token, conversation.picking = code, token, {}
    return _current(conversation, notice=WELCOME)


def _typed(conversation: ChatConversation, text: str) -> ChatView:
    worrying = possible_disclosure(text) is not None
    if not conversation.token:
        return replace(_enter_code(conversation, text), concern=worrying)
    progress = _progress(conversation)
    screen = progress.screen
    if screen is None:
        return _show(conversation, progress, notice=USE_BUTTONS, concern=worrying)
    question = screen.question
    if question.kind.takes_answer and not question.kind.choices(question):
        return _answer(conversation, progress, NEXT, [text], concern=worrying)
    value = None if question.kind.many else _written_choice(question, text, speaks(conversation))
    if value is None:
        return _show(conversation, progress, notice=USE_BUTTONS, concern=worrying)
    return _answer(conversation, progress, NEXT, [value])


def _pressed(conversation: ChatConversation, tag: str, action: str, index: int) -> ChatView:
    if not conversation.token:
        return _plain(conversation, notice=MOVED_ON, show_screen=True)
    progress = _progress(conversation)
    if tag != screen_tag(conversation.token, progress):
        return _show(conversation, progress, notice=MOVED_ON)
    if action == "y":
        return _send(conversation)
    if action in ("t", "c"):
        question = progress.screen.question if progress.screen else None
        choices = question.kind.choices(question) if question else ()
        if not 0 <= index < len(choices):
            return _show(conversation, progress, notice=MOVED_ON)
        if action == "t":
            return _toggle(conversation, progress, tag, choices[index].value)
        label = choices[index].label_in(speaks(conversation))
        return _answer(conversation, progress, NEXT, [choices[index].value], chosen_label=label)
    return _on_screen(conversation, action, progress)


def _on_screen(conversation: ChatConversation, action: str, progress: Progress | None = None) -> ChatView:
    """Apply a screen action: b(ack), d(one), n(ext), o(ptional skip), p(refer not to say)."""
    if not conversation.token:
        return _plain(conversation, show_screen=True)
    progress = progress or _progress(conversation)
    question = progress.screen.question if progress.screen else None
    if action == "skip":  # /skip: prefer not to say where offered, else leave an optional one empty
        offered = question is not None and question.prefer_not_to_say and question.kind.takes_answer
        action = "o" if question is not None and not offered and not question.required else "p"
    picked = _picked(conversation, progress) if question is not None and question.kind.many else []
    moves = {"b": (BACK, picked), "d": (NEXT, picked), "n": (NEXT, []), "o": (NEXT, []), "p": (SKIP, [])}
    if action not in moves:
        return _show(conversation, progress, notice=MOVED_ON)
    step, values = moves[action]
    return _answer(conversation, progress, step, values)


def _look(conversation: ChatConversation, words: str | None, show_screen: bool) -> ChatView:
    worrying = possible_disclosure(words) is not None if words else False
    if show_screen and conversation.token:
        return _current(conversation, concern=worrying)
    return _plain(conversation, concern=worrying, show_screen=show_screen)


def _answer(
    conversation: ChatConversation, progress: Progress, step: str, values: Sequence[str], **extra
) -> ChatView:
    question_id = progress.state.current or ""
    try:
        after, error = responding.answer_screen(
            conversation.join_code, conversation.token, question_id, step, values
        ), None
    except ScreenRejected as rejected:
        after, error = rejected.progress, rejected.error
        extra.pop("chosen_label", None)
    return _show(conversation, after, error=error, **extra)


def _toggle(conversation: ChatConversation, progress: Progress, tag: str, value: str) -> ChatView:
    """Tick or untick one choice of a multi-select; the order of ticking is the ranking."""
    values = _picked(conversation, progress)
    values = [v for v in values if v != value] if value in values else [*values, value]
    conversation.picking = {"tag": tag, "values": values}
    return progress_view(progress, conversation.token, speaks(conversation), picked=values,
                         refresh_keyboard=True)


def _send(conversation: ChatConversation) -> ChatView:
    progress = responding.submit_response(conversation.join_code, conversation.token)
    if not progress.submitted:
        return _show(conversation, progress)
    token, conversation.token, conversation.picking = conversation.token, None, {}
    # The token goes: a sent response no longer links to this chat.
    return progress_view(progress, token, speaks(conversation), notice=SENT,
                         previous_keyboard=_take_keyboard(conversation))


def _current(conversation: ChatConversation, **extra) -> ChatView:
    return _show(conversation, _progress(conversation), **extra)


def _show(conversation: ChatConversation, progress: Progress, **extra) -> ChatView:
    """A view that (re)sends the screen now showing; its old buttons are to go."""
    tag = screen_tag(conversation.token, progress)
    screen = progress.screen
    if screen is not None and screen.question.kind.many and conversation.picking.get("tag") != tag:
        earlier = screen.previous_answer if isinstance(screen.previous_answer, list) else []
        conversation.picking = {"tag": tag, "values": list(earlier)}
    picked = conversation.picking.get("values", []) if conversation.picking.get("tag") == tag else []
    return progress_view(progress, conversation.token, speaks(conversation), picked=picked,
                         show_screen=True, previous_keyboard=_take_keyboard(conversation), **extra)


def _plain(conversation: ChatConversation, show_screen: bool = False, **extra) -> ChatView:
    """A notice; with ``show_screen``, followed by the question on show or the code prompt."""
    if show_screen and conversation.token:
        return _current(conversation, **extra)
    stale = _take_keyboard(conversation) if show_screen else None
    return ChatView(stage=ANSWERING if conversation.token else ASK_CODE, language=speaks(conversation),
                    show_screen=show_screen, previous_keyboard=stale, **extra)


def _progress(conversation: ChatConversation) -> Progress:
    return responding.progress(conversation.join_code, conversation.token)


def _picked(conversation: ChatConversation, progress: Progress) -> list[str]:
    if conversation.picking.get("tag") != screen_tag(conversation.token, progress):
        return []
    return list(conversation.picking.get("values", []))


def _take_keyboard(conversation: ChatConversation) -> int | None:
    stale, conversation.keyboard_message_id = conversation.keyboard_message_id, None
    return stale


def _written_choice(question, text: str, language: str) -> str | None:
    """A choice typed out ("yes", "7", "Good") rather than pressed."""
    said = " ".join(text.split()).casefold()
    for choice in question.kind.choices(question):
        if said in {choice.value.casefold(), choice.label_in(language).casefold(), choice.label_in().casefold()}:
            return choice.value
    return None
