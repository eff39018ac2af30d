"""What the bot says: plain, kind words, in the chat's language where a translation exists.

Messages are English marked with ``N_`` and translated when sent, from the same
catalogues as the web pages (so the help lines read the same everywhere).
Survey wording comes from the survey itself, in the chosen language if given.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from babel.support import NullTranslations, Translations

from engage.config import ROOT, Config
from engage.languages import LANGUAGE_NAMES
from surveys.i18n import DEFAULT_LANGUAGE, N_

__all__ = ["LANGUAGE_NAMES", "Words", "catalogue_directories", "fit"]

LIMIT = 4096  # Telegram's longest message

ASK_CODE = N_("What is your join code? It is on the poster or card, like ABC234. Type it here.")
NOT_A_CODE = N_("That does not look like a join code. Codes are letters and numbers, like ABC234.")
UNKNOWN_CODE = N_("I can't find a survey with the code %(code)s. Please check it and try again.")
CLOSED = N_("Sorry, “%(title)s” is not taking answers at the moment.")
CLOSED_UNNAMED = N_("Sorry, that survey is not taking answers at the moment.")
WEB_ONLY = N_(
    "“%(title)s” is also for people under 16, and this Telegram chat is only for people "
    "aged 16 and over. Please answer on the web instead: %(link)s"
)
WEB_ONLY_NO_LINK = N_(
    "“%(title)s” is also for people under 16, and this Telegram chat is only for people "
    "aged 16 and over. Please ask whoever gave you the code for the web link."
)
ALREADY_SENT = N_("You have already sent your answers to “%(title)s”. Thank you!")
WELCOME = N_("“%(title)s”\nAsked by %(organiser)s")
PROMISE = N_(
    "Your answers are private: you do not give your name, and nobody can see who you are. "
    "Skip any question with /skip, go back with /back, and stop at any time with /stop. "
    "/privacy tells you what is kept."
)
RESUMED = N_("Welcome back! Let's carry on where you left off.")
MOVED_ON = N_("That question has moved on. Here is where we are now:")
USE_BUTTONS = N_("Please use the buttons under the question.")
SLOW_DOWN = N_(
    "Whoa, that's a lot of messages at once! Please wait a few seconds, then send your answer again."
)
STOPPED = N_(
    "OK, I have stopped and forgotten this chat. Answers you already gave are kept without "
    "your name, so nobody can link them to you. Send /start whenever you want to begin again."
)
CHOOSE_LANGUAGE = N_("Which language would you like?")
LANGUAGE_SET = N_("OK, I will use English.")
UPDATES_ASK = N_("Would you like news about what changed because of “%(title)s”?")
UPDATES_ALREADY = N_("You will get news about what changed because of “%(title)s”. Send /updates off to stop.")
UPDATES_ON = N_(
    "Great – I will send you news about what changed because of “%(title)s”. To do that I keep "
    "this chat's number, only for the news, until you send /updates off or /stop."
)
UPDATES_OFF = N_("OK, no more news. I have deleted this chat's number from the news list.")
UPDATES_NEED_SURVEY = N_("Send your join code first, then /updates on for news about that survey.")
THANKS = N_("Thank you – your answers have been sent.")
NEXT_STEPS = N_(
    "What happens next: adults from the council, police and health services will read what "
    "young people said, all together and without names. They will share what they are doing about it."
)
ASK_FOR_NEWS = N_("Want to hear what changed? Send /updates on.")
UPSET = N_(
    "If anything in this survey has upset you: your answers are anonymous, so nobody can contact "
    "you about them. If you want help, you can talk to someone now:"
)
HELP_NOW = N_("It sounds like things might be hard for you right now")
HELP_NOW_ALONE = N_("You do not have to deal with it on your own. You can talk to someone today, for free:")
HELP_NOW_HONEST = N_(
    "Your answers do not have your name on them, so nobody from this survey can contact you about "
    "them. If you want help, please reach out to one of these, or to an adult you trust."
)
# The opt-in contact step. Sentences the web pages say too are written exactly as there,
# so that both read the same (and share their translations).
HELP_NOW_HONEST_OFFER = N_(
    "Your answers do not have your name on them, so nobody from this survey can contact you about "
    "them, unless you ask us to."
)
CONTACT_OFFER = N_("Would you like someone to contact you?")
CONTACT_YOUR_CHOICE = N_("You do not have to. It is your choice, and saying no is fine.")
CONTACT_YES = N_("I'd like someone to contact me")
CONTACT_NO = N_("No thanks")
CONTACT_WHAT_HAPPENS = N_(
    "What you write here goes only to the safeguarding lead. That is a person whose job is to keep "
    "children and young people safe. They will read it and try to get in touch with you."
)
CONTACT_NOBODY_ELSE = N_(
    "Nobody else sees it: not the people running this survey, and not the adults who read the results."
)
CONTACT_WHAT_TO_WRITE = N_(
    "In your next message, write how someone can reach you safely: for example a phone number or an "
    "email address, or the name of an adult you trust and their school."
)
CONTACT_OPTIONAL = N_(
    "This is up to you. Your next message is not kept as an answer to the survey. If you change your "
    "mind, send /skip or press No thanks and nothing is passed on."
)
CONTACT_TYPE = N_("Type how someone can reach you and send it as a message, or send /skip if you would rather not.")
CONTACT_SENT = N_("Thank you. We have passed it on")
CONTACT_SENT_WHO = N_(
    "The safeguarding lead will read it and try to reach you the way you said. Nobody else will see it."
)
CONTACT_NOT_LINKED = N_(
    "Only the words you typed were passed on: not your name, your username or this chat. "
    "This chat is not linked to them, and your answers stay anonymous."
)
CONTACT_DECLINED = N_("OK, nothing has been passed on. Let's carry on.")
CONTACT_ENDED = N_(
    "Sorry, that offer is no longer open, so nothing was passed on. "
    "If you want to talk to someone now, you can:"
)
HELP_LINES = (
    N_("Childline: call %(number)s, free, any time"),
    N_("Shout: text %(word)s to %(number)s, free, any time"),
    N_("In an emergency, or if you are in danger now, call %(number)s"),
)
HELP = N_(
    "I run short surveys so that adults who keep young people safe hear what you think. "
    "I am for people aged 16 and over (Telegram's rule in the UK).\n\n"
    "/start CODE – start a survey with its join code\n/skip – prefer not to say\n"
    "/back – go back a question\n/language – choose a language\n"
    "/updates – news about what changed because of a survey\n"
    "/privacy – what is kept, and how to delete it\n/stop – stop and forget this chat"
)
PRIVACY = N_(
    "Nobody sees who you are. Your answers are kept without your name, username or number, "
    "together with the language and the day.\n\n"
    "To remember where you are in a survey I keep a scrambled code made from this chat, never "
    "the chat itself. If you ask for news with /updates on, I keep this chat's number only to "
    "send the news, and delete it when you send /updates off or /stop.\n\n"
    "/stop forgets this chat: your answers stay, but nothing links them to you any more."
)
UNSUPPORTED = N_("Sorry, I can only read text and buttons – not photos, stickers, voice notes, files or locations.")
EDITED = N_("I saw you changed a message. I keep answers as they were first sent; to change one, use /back.")
PRIVATE_ONLY = N_(
    "Hi! Please message me privately. Surveys here are just between you and me, so nobody "
    "else sees your answers."
)
QUESTION_OF = N_("Question %(number)s of %(total)s")
STILL_ABOVE = N_("Your message is still in the chat above: you can copy it, shorten it and send it again.")
READY = N_("That is everything. Ready to send?")
READY_PRIVATE = N_("Your answers do not have your name on them. Press Send to share them.")
TYPE_ANSWER = N_("Type your answer and send it.")
TYPE_NUMBER = N_("Type a number.")
TICK_ALL = N_("Tick your answers, then press Done.")
TICK_RANKED = N_("Pick up to %(pick)s in order – your first tap is your first choice – then press Done.")
TICK_WORKSHOPS = N_("Pick %(pick)s, then press Done.")
FULL = N_("full")
BACK, PREFER_NOT, SKIP, NEXT, DONE, SEND = (
    N_("Back"), N_("Prefer not to say"), N_("Skip"), N_("Next"), N_("Done"), N_("Send my answers"),
)
ON, OFF = N_("Yes, send me news"), N_("No news")


def catalogue_directories(setting: str = Config.BABEL_TRANSLATION_DIRECTORIES) -> tuple[str, ...]:
    """``BABEL_TRANSLATION_DIRECTORIES`` read as Flask-Babel reads it: ``;``-separated, from the project root."""
    return tuple(str(ROOT / part) for part in setting.split(";") if part)


@lru_cache(maxsize=32)
def _catalogue(directories: tuple[str, ...], language: str) -> NullTranslations:
    # Merged in order, as Flask-Babel does, so the bot and the pages read the same words.
    translations = Translations()
    for directory in directories:
        catalogue = Translations.load(directory, [language])
        translations.merge(catalogue)
        if hasattr(catalogue, "plural"):
            translations.plural = catalogue.plural
    return translations


class Words:
    """The bot's words in one language.

    ``directories`` are the app's catalogues (its ``BABEL_TRANSLATION_DIRECTORIES``,
    the handlers pass them); the project's own ``translations/`` when not given.
    """

    def __init__(self, language: str = DEFAULT_LANGUAGE, directories: tuple[str, ...] | None = None):
        self.language = language
        self._gettext = _catalogue(directories or catalogue_directories(), language).gettext

    def __call__(self, message: str, **params: object) -> str:
        text = self._gettext(message)
        return text % params if params else text

    def survey(self, text: Mapping[str, str] | None) -> str:
        """Survey wording: the chosen language if the survey has it, else its English translated."""
        if not text:
            return ""
        if self.language in text:
            return text[self.language]
        return self._gettext(text.get(DEFAULT_LANGUAGE) or next(iter(text.values())))

    def help_now(self, offer_contact: bool = False) -> str:
        honest = HELP_NOW_HONEST_OFFER if offer_contact else HELP_NOW_HONEST
        return "\n\n".join((self.help_lines_alone(), self(honest)))

    def help_lines_alone(self) -> str:
        """The help lines with their heading, for a second language."""
        return "\n\n".join((f"💛 {self(HELP_NOW)}", self(HELP_NOW_ALONE), self.help_lines()))

    def help_lines(self) -> str:
        childline, shout, emergency = HELP_LINES
        return "\n".join((
            "• " + self(childline, number="0800 1111"),
            "• " + self(shout, word="SHOUT", number="85258"),
            "• " + self(emergency, number="999"),
        ))


def fit(text: str, limit: int = LIMIT) -> list[str]:
    """Split a long message at paragraph or line breaks so that each part fits Telegram's limit."""
    parts: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts
