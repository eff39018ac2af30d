"""What a chat use case hands back for the bot to say: plain values, no database rows.

Handlers run on an event loop after the unit of work has closed, so a view
carries everything they render (survey wording, the screen, the error) and
nothing that could reach back into a session.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from flask import current_app

from engage.services.consultations import title_for
from engage.services.responding import Progress
from surveys import AnswerError, Screen, Survey

# Where the chat is, so the bot knows what to show after any notice.
ASK_CODE = "ask_code"  # no survey under way: waiting for a join code
ANSWERING = "answering"  # a question is on screen
READY = "ready"  # every question answered: ready to send
THANKS = "thanks"  # sent
CONTACT = "contact"  # the next text is a way to reach them, for the safeguarding lead
NOTHING = "nothing"  # a repeated or flooded update: show nothing at all

# What just happened, said before the stage is shown.
WELCOME = "welcome"
RESUMED = "resumed"
NOT_A_CODE = "not_a_code"
UNKNOWN_CODE = "unknown_code"
CLOSED = "closed"
WEB_ONLY = "web_only"
ALREADY_SENT = "already_sent"
MOVED_ON = "moved_on"
USE_BUTTONS = "use_buttons"
SLOW_DOWN = "slow_down"
STOPPED = "stopped"
CHOOSE_LANGUAGE = "choose_language"
LANGUAGE_SET = "language_set"
UPDATES_STATUS = "updates_status"
UPDATES_ON = "updates_on"
UPDATES_OFF = "updates_off"
UPDATES_NEED_SURVEY = "updates_need_survey"
SENT = "sent"
CONTACT_ASK = "contact_ask"  # they chose contact: what happens, what to write
CONTACT_SENT = "contact_sent"
CONTACT_DECLINED = "contact_declined"
CONTACT_ENDED = "contact_ended"  # a button from an offer no longer open: nothing passed on


@dataclass(frozen=True)
class ChatView:
    stage: str
    language: str = "en"
    notice: str | None = None
    show_screen: bool = False  # send the current question (or send / code prompt) again
    refresh_keyboard: bool = False  # a tick changed: redraw the pressed keyboard in place
    title: str = ""
    join_code: str | None = None
    organiser: str = ""
    survey: Survey | None = None
    screen: Screen | None = None
    screen_tag: str = ""
    picked: tuple[str, ...] = ()
    places_taken: Mapping[str, int] = field(default_factory=dict)
    error: AnswerError | None = None
    concern: bool = False  # the words just sent may tell of harm: show help at once
    concern_language: str | None = None  # the language those words were read in, if not the chat's
    chosen_label: str | None = None  # the answer just pressed, to leave on the old message
    previous_keyboard: int | None = None  # a message whose buttons are now stale
    web_link: str | None = None
    subscribed: bool = False
    languages: tuple[str, ...] = ()
    # The opt-in contact step (see chat_contact): offered with the help, and its buttons' tag.
    offer_contact: bool = False
    contact_tag: str = ""
    contact_error: str | None = None  # the safeguarding service's words, in the chat's language
    still_above: bool = False  # too long: their message is still in the chat to copy

    @property
    def quiet(self) -> bool:
        return self.stage == NOTHING and self.notice is None


def screen_tag(token: str, progress: Progress) -> str:
    """Names the screen on show, for callback data; unguessable and per response.

    A button from an old keyboard carries an old tag, so it is recognised as
    stale rather than applied to whatever question is showing now.
    """
    state = progress.state
    message = f"{len(state.history)}:{state.current or ''}".encode()
    return hmac.new(token.encode(), message, hashlib.sha256).hexdigest()[:8]


def progress_view(
    progress: Progress, token: str, language: str, *, picked=(), **extra
) -> ChatView:
    consultation = progress.consultation
    stage = THANKS if progress.submitted else READY if progress.state.finished else ANSWERING
    return ChatView(
        stage=stage,
        language=language,
        title=title_for(consultation, language, progress.survey),
        join_code=consultation.join_code,
        organiser=current_app.config["ORGANISER"],
        survey=progress.survey,
        screen=progress.screen,
        screen_tag=screen_tag(token, progress),
        picked=tuple(picked),
        places_taken=dict(progress.context.places_taken),
        concern=extra.pop("concern", False) or progress.concern is not None,
        **extra,
    )
