"""The opt-in "I'd like someone to contact me" step in a chat, by the web's rules.

It is offered only with the help shown after typed words that may tell of
harm, and only when ``safeguarding.contact_offered`` says so: the consultation
offers contact and this young person has an alert with the safeguarding lead.
Choosing it makes the chat's next text message the way to reach them. That
message goes to ``safeguarding.request_contact`` and nowhere else: it is not
an answer, not tagged, not logged and not kept on the chat's row. What they
typed is all that is stored; the chat id and username never go with it.

The one thing the chat's row holds is a flag on its screen saying that a
reply is awaited, so a restart between the choice and the reply still works.
Showing a question again clears the flag (``chat._remember`` rewrites the
screen), so the step never outlives the chat moving on.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from flask_babel import force_locale

from engage.services import safeguarding
from engage.services.chat_gate import Conversation
from engage.services.chat_view import CONTACT_ASK, CONTACT_DECLINED, CONTACT_ENDED, CONTACT_SENT
from engage.services.safeguarding import MAX_CONTACT, AlertError, ContactNotOffered

AWAITING = "contact"  # the key on the conversation's screen while a way to reach them is awaited


@dataclass(frozen=True)
class Given:
    """What became of a message sent as the way to reach them."""

    notice: str | None = None
    error: str | None = None  # still awaited: the service's reason, in the chat's language
    still_above: bool = False


def offer_tag(token: str) -> str:
    """Names the offer in its buttons' data: per response, so a button from an earlier one is stale."""
    return hmac.new(token.encode(), b"contact", hashlib.sha256).hexdigest()[:8]


def may_offer(conversation: Conversation) -> bool:
    """May this chat be offered contact now (its consultation offers it and it has an alert)?"""
    token = conversation.token
    return bool(token) and safeguarding.contact_offered(conversation.join_code, token)


def awaiting(conversation: Conversation) -> bool:
    return bool((conversation.screen or {}).get(AWAITING))


def choose(conversation: Conversation, tag: str, wants: bool) -> str:
    """A press on the offer: the notice to say. "No thanks" always stores nothing."""
    if not wants:
        _leave(conversation)
        return CONTACT_DECLINED
    token = conversation.token
    if not token or not hmac.compare_digest(tag, offer_tag(token)) or not may_offer(conversation):
        _leave(conversation)
        return CONTACT_ENDED
    conversation.screen = {**(conversation.screen or {}), AWAITING: True}
    return CONTACT_ASK


def give(conversation: Conversation, text: str, language: str) -> Given:
    """Pass what they typed to the lead with their alert; on a problem, still awaiting."""
    try:
        with force_locale(language):  # the service's reasons, in the chat's language
            safeguarding.request_contact(conversation.join_code, conversation.token, text)
    except ContactNotOffered:  # turned off, or the response gone, since they chose it
        _leave(conversation)
        return Given(notice=CONTACT_ENDED)
    except AlertError as error:  # nothing left once cleaned, or too long
        return Given(error=str(error), still_above=len(text) > MAX_CONTACT)
    _leave(conversation)
    return Given(notice=CONTACT_SENT)


def decline(conversation: Conversation) -> str:
    """/skip (or /back) while a way to reach them is awaited: nothing is stored."""
    _leave(conversation)
    return CONTACT_DECLINED


def _leave(conversation: Conversation) -> None:
    if awaiting(conversation):
        conversation.screen = {k: v for k, v in conversation.screen.items() if k != AWAITING}
