"""Saying a ChatView in a chat: notices, help, the question with its keyboard.

Plain text only (no parse mode), so survey wording and a young person's own
words can never be read as markup.
"""
from __future__ import annotations

from telegram.error import BadRequest

from bots.telegram import texts as t
from bots.telegram.keyboards import (
    Keyboard, contact_keyboard, language_keyboard, legend, markup, question_keyboard, ready_keyboard,
    updates_keyboard,
)
from bots.telegram.texts import Words, fit
from engage.services import chat_view as v
from engage.services.chat_view import ChatView

# Notices that need the view's details, and those that are a fixed sentence.
_FIXED = {
    v.NOT_A_CODE: t.NOT_A_CODE, v.RESUMED: t.RESUMED, v.MOVED_ON: t.MOVED_ON,
    v.SLOW_DOWN: t.SLOW_DOWN, v.STOPPED: t.STOPPED, v.UPDATES_OFF: t.UPDATES_OFF,
    v.UPDATES_NEED_SURVEY: t.UPDATES_NEED_SURVEY, v.LANGUAGE_SET: t.LANGUAGE_SET,
    v.CONTACT_DECLINED: t.CONTACT_DECLINED,
}


def help_now(view: ChatView, words: Words) -> list[tuple[str, Keyboard | None]]:
    """The help lines at once; then, if the consultation offers it, the choice to be contacted."""
    # "Nobody can contact you" would be untrue beside the offer, or while they give a way to reach them.
    may_ask = view.offer_contact or view.stage == v.CONTACT or view.notice == v.CONTACT_SENT
    said = [(words.help_now(offer_contact=may_ask), None)]
    if view.offer_contact:
        offer = "\n\n".join((words(t.CONTACT_OFFER), words(t.CONTACT_YOUR_CHOICE)))
        said.append((offer, contact_keyboard(view.contact_tag, words)))
    return said


def notice(view: ChatView, words: Words) -> tuple[str | None, Keyboard | None]:
    """The words (and any buttons) for what just happened."""
    kind = view.notice
    if kind in _FIXED:
        return words(_FIXED[kind]), None
    if kind == v.USE_BUTTONS:
        return words(t.USE_BUTTONS), None
    if kind == v.UNKNOWN_CODE:
        return words(t.UNKNOWN_CODE, code=view.join_code), None
    if kind == v.CLOSED:
        return (words(t.CLOSED, title=view.title) if view.title else words(t.CLOSED_UNNAMED)), None
    if kind == v.WEB_ONLY:
        if view.web_link:
            return words(t.WEB_ONLY, title=view.title, link=view.web_link), None
        return words(t.WEB_ONLY_NO_LINK, title=view.title), None
    if kind == v.ALREADY_SENT:
        return words(t.ALREADY_SENT, title=view.title), None
    if kind == v.WELCOME:
        parts = [words(t.WELCOME, title=view.title, organiser=view.organiser)]
        parts += [words.survey(view.survey.intro)] if view.survey.intro else []
        return "\n\n".join([*parts, words(t.PROMISE)]), None
    if kind == v.SENT:
        parts = [f"🎉 {words(t.THANKS)}"]
        parts += [words.survey(view.survey.thank_you)] if view.survey.thank_you else []
        parts += [words(t.NEXT_STEPS), words(t.ASK_FOR_NEWS), words(t.UPSET), words.help_lines()]
        return "\n\n".join(parts), None
    if kind == v.CHOOSE_LANGUAGE:
        return words(t.CHOOSE_LANGUAGE), language_keyboard(view.languages)
    if kind == v.UPDATES_STATUS:
        if view.subscribed:
            return words(t.UPDATES_ALREADY, title=view.title), None
        return words(t.UPDATES_ASK, title=view.title), updates_keyboard(words)
    if kind == v.UPDATES_ON:
        return words(t.UPDATES_ON, title=view.title), None
    if kind == v.CONTACT_ASK:
        parts = (t.CONTACT_WHAT_HAPPENS, t.CONTACT_NOBODY_ELSE, t.CONTACT_WHAT_TO_WRITE, t.CONTACT_OPTIONAL)
        return "\n\n".join(words(part) for part in parts), None
    if kind == v.CONTACT_SENT:
        parts = (f"✅ {words(t.CONTACT_SENT)}", words(t.CONTACT_SENT_WHO), words(t.CONTACT_NOT_LINKED))
        return "\n\n".join(parts), None
    if kind == v.CONTACT_ENDED:
        return f"{words(t.CONTACT_ENDED)}\n{words.help_lines()}", None
    return None, None


def screen(view: ChatView, words: Words) -> tuple[str, Keyboard | None]:
    """The question on show, the send step, or the join-code prompt."""
    if view.stage == v.CONTACT:
        text = words(t.CONTACT_TYPE)
        if view.contact_error:
            said = f"{view.contact_error} {words(t.STILL_ABOVE)}" if view.still_above else view.contact_error
            text = f"⚠️ {said}\n\n{text}"
        return text, contact_keyboard(view.contact_tag, words, offer=False)
    if view.stage == v.READY:
        return "\n\n".join((words(t.READY), words(t.READY_PRIVATE))), ready_keyboard(view, words)
    if view.stage != v.ANSWERING or view.screen is None:
        return words(t.ASK_CODE), None
    shown, question = view.screen, view.screen.question
    parts = [f"{words(t.QUESTION_OF, number=shown.number, total=shown.total)}", words.survey(question.text)]
    if question.hint:
        parts.append(words.survey(question.hint))
    parts += [line for line in (_how_to_answer(view, words),) if line]
    text = "\n\n".join(parts)
    if view.error is not None:
        text = f"⚠️ {error(view, words)}\n\n{text}"
    return text, question_keyboard(view, words)


def error(view: ChatView, words: Words) -> str:
    problem = view.error
    said = words(problem.message, **problem.params)
    if "count" in problem.params:  # too long: their words were not lost, they are above
        said = f"{said} {words(t.STILL_ABOVE)}"
    return said


def _how_to_answer(view: ChatView, words: Words) -> str:
    question = view.screen.question
    kind = question.kind
    choices = kind.choices(question)
    if kind.many:
        if kind.has_places:
            return words(t.TICK_WORKSHOPS, pick=question.pick)
        return words(t.TICK_RANKED, pick=question.pick) if question.pick else words(t.TICK_ALL)
    if choices:
        return legend(question, words)
    if not choices and kind.takes_answer:
        return words(t.TYPE_ANSWER) if kind.takes_words else words(t.TYPE_NUMBER)
    return ""


async def send(bot, chat_id: int, text: str, keyboard: Keyboard | None = None) -> int:
    """Send text (split if it is too long for one message); the keyboard goes on the last part.

    Returns the id of the last message, the one with the keyboard.
    """
    parts = fit(text) or [""]
    for part in parts[:-1]:
        await bot.send_message(chat_id, part)
    return (await bot.send_message(chat_id, parts[-1], api_kwargs=markup(keyboard))).message_id


async def replace(bot, chat_id: int, message_id: int, text: str,
                  keyboard: Keyboard | None = None) -> bool:
    """Turn the pressed message into ``text``; False if it cannot be (send it anew instead).

    For a press that moves on, one edit rather than tidying the old question and
    sending the next: and the chat keeps no trail of the answers given, for whoever
    picks up the phone next.
    """
    if len(fit(text)) != 1:
        return False
    try:
        await bot.edit_message_text(text, chat_id, message_id, api_kwargs=markup(keyboard))
    except BadRequest:
        return False  # too old to edit, or gone: the screen is sent as a new message
    return True


async def take_buttons(bot, chat_id: int, message_id: int | None, chosen: str | None = None,
                       text: str | None = None) -> None:
    """Take the buttons off an older message (showing the answer chosen, if any)."""
    if message_id is None:
        return
    try:
        if chosen and text:
            await bot.edit_message_text(f"{text}\n\n➡️ {chosen}"[: t.LIMIT], chat_id, message_id)
        else:
            await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest:
        pass  # already gone, or too old to edit: nothing to tidy
