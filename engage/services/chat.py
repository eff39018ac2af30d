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
from engage.models_chat import ChatSubscription
from engage.services import chat_contact, responding
from engage.services.chat_gate import (
    Conversation, Flooded, Ignored, Incoming, chat_key, conversation_for, speaks, turn,
)
from engage.services.chat_view import (
    ALREADY_SENT, ANSWERING, ASK_CODE, CHOOSE_LANGUAGE, CLOSED, CONTACT, LANGUAGE_SET,
    MOVED_ON, NOT_A_CODE, NOTHING, RESUMED, SENT, SLOW_DOWN, STOPPED, UNKNOWN_CODE,
    USE_BUTTONS, WEB_ONLY, WELCOME, ChatView, progress_view, screen_tag,
)
from engage.services.consultations import consultation_for_answering, title_for
from engage.services.errors import ConsultationClosed, ConsultationNotFound, ServiceError
from engage.services.join_codes import normalise_join_code
from engage.services.posters import TELEGRAM_MIN_AGE
from engage.services.responding import BACK, NEXT, SKIP, Progress, ScreenRejected

Work = Callable[[Conversation], ChatView]


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
    return in_turn(incoming, lambda c: _command(c, action))


def contact_choice(incoming: Incoming, tag: str, wants: bool) -> ChatView:
    """A press on the contact offer shown with the help: "I'd like someone to contact me" or "No thanks"."""

    def work(conversation: Conversation) -> ChatView:
        notice = chat_contact.choose(conversation, tag, wants)
        return _plain(conversation, notice=notice, show_screen=True)

    return in_turn(incoming, work)


def look(incoming: Incoming, words: str | None = None, show_screen: bool = False) -> ChatView:
    """Nothing to apply (help, privacy, a photo, an edit); any words still get the safeguarding check."""
    return in_turn(incoming, lambda c: _look(c, words, show_screen))


def stop(incoming: Incoming) -> ChatView:
    """End the survey and forget the chat: its row and any news subscription go.

    Answers already saved stay, with nothing left that links them to the chat.
    """

    def work(conversation: Conversation) -> ChatView:
        stale = conversation.keyboard_message_id
        mine = ChatSubscription.chat_key == chat_key(incoming.chat_id)
        db.session.execute(delete(ChatSubscription).where(mine))
        conversation.forget()
        return ChatView(stage=NOTHING, language=speaks(conversation), notice=STOPPED, previous_keyboard=stale)

    return in_turn(incoming, work)


def choose_language(incoming: Incoming, language: str | None) -> ChatView:
    def work(conversation: Conversation) -> ChatView:
        languages = tuple(current_app.config["LANGUAGES"])
        if language not in languages:
            return _plain(conversation, notice=CHOOSE_LANGUAGE, languages=languages)
        conversation.language = language
        # The question on show, in the new language; before any code, the code prompt
        # (not _current, which needs a survey and said "not taking answers").
        return _plain(conversation, notice=LANGUAGE_SET, show_screen=True)

    return in_turn(incoming, work)


def where(chat_id: int) -> str:
    """Where a chat is, read without applying anything: ASK_CODE, ANSWERING or CONTACT.

    For the bot's router when it has no note of the chat (a restart, or another
    worker had its last update). ANSWERING stands for ready-to-send too: the
    same updates are expected there. The update itself is still applied by its
    own use case, which reads the row again under its lock.
    """
    conversation = conversation_for(chat_id, lock=False)
    if conversation is None or not conversation.token:
        return ASK_CODE
    return CONTACT if chat_contact.awaiting(conversation) else ANSWERING


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
                conversation.screen = {}
                return _plain(conversation, notice=CLOSED, title=title, show_screen=True)
    except Ignored:
        return ChatView(stage=NOTHING)
    except Flooded as flooded:
        return ChatView(stage=NOTHING, notice=SLOW_DOWN if flooded.first else None)


def _begin(conversation: Conversation, code: str | None, language: str | None) -> ChatView:
    if language in current_app.config["LANGUAGES"] and conversation.language is None:
        conversation.language = language  # Telegram's app language, unless they chose one
    if code:
        return _enter_code(conversation, code)
    if conversation.token:
        return _current(conversation, notice=RESUMED)
    return _plain(conversation, show_screen=True)


def _enter_code(conversation: Conversation, raw: str) -> ChatView:
    code = normalise_join_code(raw)
    if code is None:
        return _plain(conversation, notice=NOT_A_CODE, show_screen=True)
    try:
        consultation = consultation_for_answering(code, responding.today())
    except ConsultationNotFound:
        return _plain(conversation, notice=UNKNOWN_CODE, show_screen=True, join_code=code)
    except ConsultationClosed as closed:
        title = title_for(closed.consultation, speaks(conversation))
        return _plain(conversation, notice=CLOSED, title=title, show_screen=True)
    title = title_for(consultation, speaks(conversation))
    if (consultation.min_age or 0) < TELEGRAM_MIN_AGE:
        # Telegram is 16+ in the UK; an audience that may be younger answers on the web.
        link = f"{current_app.config['PUBLIC_URL']}/s/{code}" if current_app.config["PUBLIC_URL"] else None
        return _plain(conversation, notice=WEB_ONLY, title=title, web_link=link, join_code=code)
    if conversation.join_code == code:
        if conversation.token:
            return _current(conversation, notice=RESUMED)
        return _plain(conversation, notice=ALREADY_SENT, title=title, join_code=code)
    token = responding.start_response(code, CHAT, speaks(conversation))
    conversation.join_code, conversation.token, conversation.screen = code, token, {}
    return _current(conversation, notice=WELCOME)


def _typed(conversation: Conversation, text: str) -> ChatView:
    concern = possible_disclosure(text)
    view = _typed_view(conversation, text, concern is not None)
    if concern is not None and concern.language != view.language:
        return replace(view, concern_language=concern.language)  # help in the words they wrote in too
    return view


def _typed_view(conversation: Conversation, text: str, worrying: bool) -> ChatView:
    if not conversation.token:
        return replace(_enter_code(conversation, text), concern=worrying)
    if chat_contact.awaiting(conversation):  # a way to reach them: never an answer
        return _contact_given(conversation, text, worrying)
    view = _typed_answer(conversation, text, worrying)
    if worrying and chat_contact.may_offer(conversation):
        return replace(view, offer_contact=True, contact_tag=chat_contact.offer_tag(conversation.token))
    return view


def _typed_answer(conversation: Conversation, text: str, worrying: bool) -> ChatView:
    progress = _progress(conversation)
    screen = progress.screen
    if screen is None:
        return _show(conversation, progress, notice=USE_BUTTONS, concern=worrying)
    question = screen.question
    if question.kind.takes_answer and not question.kind.choices(question):
        return _answer(conversation, NEXT, [text], concern=worrying)
    value = None if question.kind.many else _written_choice(question, text, speaks(conversation))
    if value is None:
        return _show(conversation, progress, notice=USE_BUTTONS, concern=worrying)
    return _answer(conversation, NEXT, [value])


def _pressed(conversation: Conversation, tag: str, action: str, index: int) -> ChatView:
    """A button press, checked against the screen the chat was last shown (no survey read needed)."""
    if not conversation.token:
        return _plain(conversation, notice=MOVED_ON, show_screen=True)
    shown = conversation.screen or {}
    choices = shown.get("choices", [])
    if tag != shown.get("tag") or (action in ("t", "c") and not 0 <= index < len(choices)):
        return _current(conversation, notice=MOVED_ON)
    chat_contact.decline(conversation)  # a press on the question moves on: no contact step then
    if action == "y":
        return _send(conversation)
    if action == "t":
        return _toggle(conversation, choices[index])
    if action == "c":
        return _answer(conversation, NEXT, [choices[index]], chosen=choices[index])
    return _on_screen(conversation, action)


def _command(conversation: Conversation, action: str) -> ChatView:
    if chat_contact.awaiting(conversation):  # /skip or /back: no thanks, back to the question
        return _current(conversation, notice=chat_contact.decline(conversation))
    return _on_screen(conversation, action)


def _contact_given(conversation: Conversation, text: str, worrying: bool) -> ChatView:
    given = chat_contact.give(conversation, text, speaks(conversation))
    if given.error is not None:
        return _current(conversation, contact_error=given.error, still_above=given.still_above,
                        concern=worrying)
    return _current(conversation, notice=given.notice, concern=worrying)


def _contact_step(conversation: Conversation, **extra) -> ChatView:
    """Waiting for a way to reach them: the prompt, with No thanks; the question's buttons go."""
    return ChatView(stage=CONTACT, language=speaks(conversation), show_screen=True,
                    contact_tag=chat_contact.offer_tag(conversation.token),
                    previous_keyboard=_take_keyboard(conversation), **extra)


def _on_screen(conversation: Conversation, action: str) -> ChatView:
    """Apply a screen action: b(ack), d(one), n(ext), o(ptional skip), p(refer not to say), skip."""
    if not conversation.token:
        return _plain(conversation, show_screen=True)
    shown = conversation.screen or {}
    if "question" not in shown:
        return _current(conversation)
    action = shown.get("skip", "p") if action == "skip" else action
    picked = list(shown.get("picked", []))
    moves = {"b": (BACK, picked), "d": (NEXT, picked), "n": (NEXT, []), "o": (NEXT, []), "p": (SKIP, [])}
    if action not in moves:
        return _current(conversation, notice=MOVED_ON)
    step, values = moves[action]
    return _answer(conversation, step, values)


def _look(conversation: Conversation, words: str | None, show_screen: bool) -> ChatView:
    worrying = possible_disclosure(words) is not None if words else False
    if show_screen and conversation.token:
        return _current(conversation, concern=worrying)
    return _plain(conversation, concern=worrying, show_screen=show_screen)


def _answer(conversation: Conversation, step: str, values: Sequence[str],
            chosen: str | None = None, **extra) -> ChatView:
    """Apply a step to the screen the chat was shown; the responding service checks it is still so."""
    question_id = conversation.screen.get("question", "")
    try:
        after, error = responding.answer_screen(
            conversation.join_code, conversation.token, question_id, step, values,
            language=speaks(conversation),
        ), None
    except ScreenRejected as rejected:
        after, error = rejected.progress, rejected.error
    if chosen is not None and error is None and after.survey.has_question(question_id):
        choice = after.survey.question(question_id).choice(chosen)
        extra["chosen_label"] = choice.label_in(speaks(conversation)) if choice else None
    return _show(conversation, after, error=error, **extra)


def _toggle(conversation: Conversation, value: str) -> ChatView:
    """Tick or untick one choice of a multi-select; the order of ticking is the ranking."""
    progress = _progress(conversation)  # the keyboard is drawn again from the survey
    shown = dict(conversation.screen)
    picked = shown.get("picked", [])
    shown["picked"] = [v for v in picked if v != value] if value in picked else [*picked, value]
    conversation.screen = shown
    return progress_view(progress, conversation.token, speaks(conversation), picked=shown["picked"],
                         refresh_keyboard=True)


def _send(conversation: Conversation) -> ChatView:
    progress = responding.submit_response(conversation.join_code, conversation.token, speaks(conversation))
    if not progress.submitted:
        return _show(conversation, progress)
    token, conversation.token, conversation.screen = conversation.token, None, {}
    # The token goes: a sent response no longer links to this chat.
    return progress_view(progress, token, speaks(conversation), notice=SENT,
                         previous_keyboard=_take_keyboard(conversation))


def _current(conversation: Conversation, **extra) -> ChatView:
    """What is on show now: the question, or the contact step while a way to reach them is awaited."""
    if chat_contact.awaiting(conversation):
        return _contact_step(conversation, **extra)
    return _show(conversation, _progress(conversation), **extra)


def _show(conversation: Conversation, progress: Progress, **extra) -> ChatView:
    """A view that (re)sends the screen now showing; its old buttons are to go."""
    remembered = _remember(conversation, progress)
    return progress_view(progress, conversation.token, speaks(conversation), picked=remembered["picked"],
                         show_screen=True, previous_keyboard=_take_keyboard(conversation), **extra)


def _remember(conversation: Conversation, progress: Progress) -> dict:
    """Keep what a press needs about the screen shown, so a press need not read the survey first.

    Ticks already made on this screen stay; a multi-select shown anew starts
    from its earlier answer (after Back, the ticks are still there).
    """
    tag, screen = screen_tag(conversation.token, progress), progress.screen
    before = conversation.screen or {}
    shown = {"tag": tag, "question": progress.state.current or "", "choices": [], "picked": [], "skip": "p"}
    if screen is not None:
        question = screen.question
        shown["choices"] = [c.value for c in question.kind.choices(question)]
        offered = question.prefer_not_to_say and question.kind.takes_answer
        shown["skip"] = "o" if not offered and not question.required else "p"
        if before.get("tag") == tag:
            shown["picked"] = before.get("picked", [])
        elif question.kind.many and isinstance(screen.previous_answer, list):
            shown["picked"] = list(screen.previous_answer)
    if shown != before:
        conversation.screen = shown
    return shown


def _plain(conversation: Conversation, show_screen: bool = False, **extra) -> ChatView:
    """A notice; with ``show_screen``, followed by the question on show or the code prompt."""
    if show_screen and conversation.token:
        return _current(conversation, **extra)
    stale = _take_keyboard(conversation) if show_screen else None
    return ChatView(stage=ANSWERING if conversation.token else ASK_CODE, language=speaks(conversation),
                    show_screen=show_screen, previous_keyboard=stale, **extra)


def _progress(conversation: Conversation) -> Progress:
    return responding.progress(conversation.join_code, conversation.token)


def _take_keyboard(conversation: Conversation) -> int | None:
    stale, conversation.keyboard_message_id = conversation.keyboard_message_id, None
    return stale


def _written_choice(question, text: str, language: str) -> str | None:
    """A choice typed out ("yes", "7", "Good") rather than pressed."""
    said = " ".join(text.split()).casefold()
    for choice in question.kind.choices(question):
        names = {choice.value, choice.label_in(language), choice.label_in()}
        if said in {name.casefold() for name in names}:
            return choice.value
    return None
