"""Take personal details out of free text before anyone but the raw store sees it.

``scrub`` replaces what could identify a young person, or someone they name,
with a placeholder: ``[email]``, ``[link]``, ``[handle]``, ``[phone]``,
``[postcode]``, ``[address]``, ``[place]`` (local schools and places, a list
the partnership configures) and ``[name]``. It runs without a model: patterns
for the structured kinds, and for names a first-name list the project wrote
(``data/first_names.txt``) read together with capitals and cues such as
"my friend X", "called X", "Mr X" and "X said".

It leans towards keeping ordinary words: a capitalised word at the start of a
sentence is only a name if it is on the list and is not also an everyday word
("Will", "Grace" and "Rose" need a cue). The bench (``bench/pii.py``) measures
both sides.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from engage.analysis.disclosure_languages import arabic_reading, without_accents
from engage.analysis.safeguarding import common_words

KINDS = ("email", "link", "handle", "phone", "postcode", "address", "place", "name")
"""Every kind ``scrub`` counts, in the order it looks for them."""


@dataclass(frozen=True)
class Scrubbed:
    """The text with placeholders, and how many details of each kind were replaced."""

    text: str
    found: dict[str, int] = field(default_factory=dict)


def _data(name: str) -> str:
    return resources.files("engage.analysis").joinpath(f"data/{name}").read_text("utf-8")


def _name_list(file: str, read) -> tuple[set[str], set[str]]:
    """A names file's names, as ``read`` gives them: those above its "also ordinary words" line, and those below."""
    names: set[str] = set()
    ambiguous: set[str] = set()
    into = names
    for line in _data(file).splitlines():
        if line.startswith("#"):
            if "also ordinary words" in line:
                into = ambiguous
            continue
        into.update(read(word) for word in line.split())
    return names, ambiguous


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """First names that are only names, and those that are also everyday words."""
    names, ambiguous = _name_list("first_names.txt", str.lower)
    ambiguous |= {name for name in names if name in common_words()}
    return frozenset(names - ambiguous), frozenset(ambiguous)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(
        word for line in _data("surnames.txt").splitlines() if not line.startswith("#")
        for word in line.lower().split()
    )


def load_places(setting: str | None) -> tuple[str, ...]:
    """Local schools and places from a setting: a path to a file (one a line) or a comma-separated list."""
    setting = (setting or "").strip()
    if not setting:
        return ()
    path = Path(setting)
    if "," not in setting and path.is_file():
        lines = path.read_text("utf-8").splitlines()
    else:
        lines = setting.split(",")
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


# --- structured kinds ---------------------------------------------------------

_TLD = (
    r"(?:co\.uk|org\.uk|ac\.uk|gov\.uk|sch\.uk|nhs\.uk|police\.uk|me\.uk|ltd\.uk|com|org|net|uk|io|ly|"
    r"me|gg|tv|app|info|biz|co|link|page|site|online|xyz|ie|eu|de|fr|us|ca|au|to|be|dev|ai|fm|so)"
)
_EMAIL = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+-]*\s?(?:@|\(at\)|\[at\])\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"(?:\.|\s?\(dot\)\s?|\s?\[dot\]\s?|\sdot\s)" + _TLD + r"\b"
    # Spelt out for a mail provider: "jade22 at gmail dot com".
    r"|\b[A-Za-z0-9][A-Za-z0-9._%+-]*\s(?:at)\s(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|live|btinternet|"
    r"aol|protonmail|proton|msn|sky|talktalk|virginmedia)(?:\s?\.\s?|\sdot\s)" + _TLD + r"\b",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"
    r"|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+" + _TLD + r"\b(?:[/?#][^\s<>\"']*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""
_PLATFORM = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik ?tok|tt|twitter|discord|twitch|you ?tube|yt|face ?book|fb|kik|"
    r"telegram|threads|bereal|roblox|xbox|psn|steam|fortnite|reddit|tumblr|pinterest|spotify|soundcloud"
)
_HANDLE_AT = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_HANDLE_SAID = re.compile(
    r"\b(?P<cue>(?:" + _PLATFORM + r")(?:\s+(?:name|username|user|handle|account|id|tag|is|=|it's|its|me|on|at|@))*"
    r"(?:\s*[:=\-]\s*|\s+))(?P<handle>@?[A-Za-z0-9_][A-Za-z0-9_.#]{1,29})",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s\-.()]{0,2}\d){9,10}(?!\d)"
)
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)\s*[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_STREET_TYPE = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|grove|gardens|gdns|"
    r"place|pl|terrace|tce|walk|row|hill|park|square|sq|mews|rise|view|green|parade|boulevard|estate|croft|"
    r"fold|gate|meadow|meadows|vale|wharf|yard|chase|drove|garth|wynd|end|crest|bank|side|field|fields|walks"
)
_NOT_STREET_WORD = frozenset(
    "the a an on in at to for of and or my our your his her their this that these those down up by near "
    "from into onto with was were is are be been i you he she we they it me us them minutes mins hours "
    "hrs days weeks years times people kids pounds quid miles metres meters year old".split()
)
_STREET_WORD = r"(?!(?:" + "|".join(sorted(_NOT_STREET_WORD)) + r")\b)[A-Za-z'’]+"
_ADDRESS = re.compile(
    r"\b(?:(?:flat|apartment|apt|unit|room|no\.?|number)\s*\d+[a-z]?\s*,?\s*)?"
    r"\d{1,4}[a-z]?\s*,?\s+(?P<street>(?:" + _STREET_WORD + r"\s+){1,3})(?:" + _STREET_TYPE + r")\b"
    r"(?:\s+(?:" + _STREET_TYPE + r")\b)?\.?",
    re.IGNORECASE,
)
_LIVE_ON = re.compile(
    r"\b(?P<cue>(?:live|lives|living|stay|stays|staying)\s+(?:on|at|in|off)\s+)"
    r"(?P<street>(?:[A-Z][a-z'’]+\s+){1,3}(?i:" + _STREET_TYPE + r"))\b",
)
_PLACEHOLDER = re.compile(r"\[[A-Za-z]+\]")


def _street_ok(words: str) -> bool:
    return not any(word.lower().strip("'’") in _NOT_STREET_WORD for word in words.split())


# --- names ----------------------------------------------------------------------

_TITLES = frozenset("mr mrs miss ms mx dr sir prof".split())
# First names that are also places or months: a name only with a cue.
_NEEDS_CUE = frozenset(
    "paris jordan chelsea florence lincoln sydney milan devon austin victoria georgia india carolina "
    "jan april may june august hope will".split()
)
# "My name is", in English and (read without accents) Polish, Romanian, Welsh and Roman Urdu.
_STRONG_CUES = frozenset((
    "called", "named", "name's", "names", "name is", "name was",
    "nazywam sie", "mam na imie", "ma na imie", "nazywa sie", "numele meu este", "numele meu e",
    "numele ei este", "numele lui este", "ma numesc", "se numeste", "fy enw i yw", "fy enw yw",
    "ei enw yw", "ei henw yw", "enw fi yw", "mera naam", "mera name", "meri naam", "iska naam", "uska naam",
))
_PEOPLE = frozenset(
    "friend friends mate mates bestie bff bf gf boyfriend girlfriend brother sister bro sis cousin "
    "teacher tutor coach neighbour neighbor uncle auntie aunt nan gran grandad stepdad stepmum "
    "dad mum son daughter partner worker carer mentor classmate "
    # Polish, Romanian and Welsh (without accents): a friend, a classmate, a teacher, family.
    "kolega kolezanka przyjaciel przyjaciolka kumpel kumpela brat siostra kuzyn kuzynka nauczyciel "
    "nauczycielka trener wujek ciocia prietenul prietena fratele sora colegul colega profesorul "
    "profesoara antrenorul verisorul verisoara ffrind brawd chwaer cefnder cyfnither athro athrawes "
    "dost bhai behen behan saheli ustad".split()
)
# Words before the person: "my friend", "mój kolega", "fy ffrind"; Romanian puts "meu" after.
_OWNERS = frozenset("my our his her their best the a moj moja moi nasz nasza jego jej fy ein mera meri mere".split())
_OWNERS_AFTER = frozenset("meu mea nostru noastra".split())
_AFTER_CUES = frozenset(
    "said says told tells thinks reckons asked asks helped helps texted messaged called shouted "
    "replied laughed cried knows wants was is has had".split()
)
_SAID = frozenset("said says told tells reckons texted messaged".split())
_BEFORE_CUES = frozenset("with and ask tell told asked thanks thank from to like love hate by me".split())
_POSSESSIVE = re.compile(r"['’]s$")
# Letters of any alphabet: "Siân", "Paweł" and "Zoë" are whole words, not "Si" and "ân".
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")
_SENTENCE_END = re.compile(r"(?:^|[.!?\n:;\"“(]|\s-\s)\s*$")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """As the name lists are written: "Siân" -> "sian"."""
    return without_accents(word)


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


# Arabic script has no capitals, so a name there is one on the list or one after a cue:
# "اسمي" (my name is), "صديقي" (my friend), Urdu "میرا نام" (my name), "میری دوست" (my friend).
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff][\u0610-\u061a\u0621-\u06d3\u06d6-\u06ed\u06fa-\u06ff]*")
_ARABIC_CUES = frozenset(arabic_reading(cue) for cue in (
    "اسمي", "اسمه", "اسمها", "صديقي", "صديقتي", "أخي", "أختي", "معلمي", "معلمتي", "أستاذي", "أستاذ", "صاحبي",
    "میرا نام", "میری نام", "اس کا نام", "اس کی نام", "میرا دوست", "میری دوست", "میرے دوست", "میری سہیلی",
    "میرا بھائی", "میری بہن", "میرے بھائی", "میرے ٹیچر", "میری ٹیچر",
))


# Little words that follow a cue and are never names ("صديقي في المدرسة": my friend at school).
_ARABIC_NOT_NAMES = frozenset(arabic_reading(word) for word in (
    "في من إلى على عن مع هو هي هم كان كانت قال قالت و أو لا ما لم لن قد هذا هذه ذلك التي الذي جدا أيضا كل بعض "
    "ہے ہیں ہوں تھا تھی تھے اور کا کی کے نے سے میں کو بھی نہیں بہت ایک وہ یہ جو کہ پر تک ساتھ کہتا کہتی کہا"
).split())


@lru_cache(maxsize=1)
def _arabic_names() -> tuple[frozenset[str], frozenset[str]]:
    """Arabic-script first names that are only names, and those that are also words."""
    names, ambiguous = _name_list("first_names_arabic.txt", arabic_reading)
    return frozenset(names), frozenset(ambiguous)


def _arabic_name_spans(text: str) -> list[tuple[int, int]]:
    names, ambiguous = _arabic_names()
    words = list(_ARABIC_WORD.finditer(text))
    read = [arabic_reading(word.group()) for word in words]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        key = read[index]
        cued = any(" ".join(read[max(0, index - n):index]) in _ARABIC_CUES for n in (1, 2, 3))
        plain = key not in _ARABIC_CUES and key not in _ARABIC_NOT_NAMES and not key.startswith("ال")
        if key in names or (cued and (key in ambiguous or plain)):
            start, end = words[index].span()
            while index + 1 < len(words) and read[index + 1] in names:  # "محمد علي"
                index += 1
                end = words[index].end()
            spans.append((start, end))
        index += 1
    return spans


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = _latin_name_spans(text)
    if _ARABIC_WORD.search(text):
        spans += _arabic_name_spans(text)
    return spans


def _latin_name_spans(text: str) -> list[tuple[int, int]]:
    only_names, ambiguous = _names()
    ordinary = common_words()
    shouting = text.isupper()
    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        match = words[index]
        word = match.group()
        bare = _POSSESSIVE.sub("", word)
        low = _fold(bare).replace("'", "").replace("’", "")
        before = [_fold(w.group()) for w in words[max(0, index - 3):index]]
        following = [_POSSESSIVE.sub("", w.group()) for w in words[index + 1:index + 3]]
        surname_next = bool(following) and _fold(following[0]) in _surnames() and _is_capitalised(following[0])
        if surname_next or (following and _is_capitalised(following[0]) and _fold(following[0]) not in ordinary):
            following = following[1:]  # "Lily Okafor said"
        after = _fold(following[0]) if following else ""
        starts_sentence = bool(_SENTENCE_END.search(text[: match.start()]))
        capital = _is_capitalised(bare) and not shouting
        titled = bool(before) and before[-1].rstrip(".") in _TITLES
        named = bool(before) and any(" ".join(before[-n:]) in _STRONG_CUES for n in (1, 2, 3))
        person = bool(before) and (
            (before[-1] in _PEOPLE and (len(before) < 2 or before[-2] in _OWNERS))
            or (len(before) >= 2 and before[-1] in _OWNERS_AFTER and before[-2] in _PEOPLE)  # "prietenul meu Andrei"
        )
        near = (bool(before) and before[-1] in _BEFORE_CUES) or after in _AFTER_CUES or (
            word != bare and after in _PEOPLE  # "Summer's mum"
        )
        if low in only_names:
            is_name = low not in ordinary or capital or titled or named or person
        elif low in _NEEDS_CUE:
            is_name = titled or (capital and (named or person))
        elif low in ambiguous:
            cued = titled or (capital and (named or person or near))
            is_name = cued or (capital and not starts_sentence)
        elif low in ordinary or len(low) < 2 or low.startswith("i") and bare[:2] in ("I'", "I’"):
            is_name = titled and capital
        else:  # an unknown word: a name only when something says so
            said = after in _SAID
            is_name = capital and (titled or named or person or said or surname_next or (near and not starts_sentence))
        if not is_name:
            index += 1
            continue
        start = match.start()
        if titled:
            title = words[index - 1]
            start = title.start()
        end = match.start() + len(bare)
        # A surname straight after: "Chloe Patel", "Mr John Smith".
        while index + 1 < len(words):
            following = words[index + 1]
            surname = _POSSESSIVE.sub("", following.group())
            gap = text[end:following.start()]
            if gap.strip() or not _is_capitalised(surname) or shouting:
                break
            if _fold(surname) not in _surnames() and _fold(surname) in ordinary:
                break
            end = following.start() + len(surname)
            index += 1
        spans.append((start, end))
        index += 1
    return spans


# --- putting it together ------------------------------------------------------------


def _replace(text: str, spans: Iterable[tuple[int, int]], placeholder: str, found: Counter, kind: str) -> str:
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(placeholder)
        found[kind] += 1
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _free(text: str, start: int, end: int) -> bool:
    """Not inside a placeholder already put in."""
    return not any(p.start() < end and start < p.end() for p in _PLACEHOLDER.finditer(text))


def _emails(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _EMAIL.finditer(text)]


def _links(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINK.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if re.fullmatch(r"\d+(?:\.\d+)+", text[start:end]):
            continue  # a number such as 3.50
        spans.append((start, end))
    return spans


def _handles(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _HANDLE_AT.finditer(text)]
    ordinary = common_words()
    for m in _HANDLE_SAID.finditer(text):
        handle = m.group("handle")
        marked = handle.startswith("@") or re.search(r"[\d_.#]", handle.rstrip("."))
        separated = re.search(r"[:=@]|\s-\s|-$", m.group("cue").strip())
        if not (marked or separated) and handle.lower().rstrip(".") in ordinary:
            continue  # "my insta is private", "snapchat stories"
        spans.append(m.span("handle"))
    return spans


def _phones(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PHONE.finditer(text)]


def _postcodes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _POSTCODE.finditer(text)]


def _addresses(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _ADDRESS.finditer(text) if _street_ok(m.group("street"))]
    spans += [m.span("street") for m in _LIVE_ON.finditer(text) if _street_ok(m.group("street"))]
    return spans


@lru_cache(maxsize=32)
def _places_pattern(places: tuple[str, ...]) -> re.Pattern | None:
    names = sorted({p.strip() for p in places if p.strip()}, key=len, reverse=True)
    if not names:
        return None
    def flexible(name: str) -> str:
        parts = [re.escape(part).replace("'", "['’]?").replace("’", "['’]?") for part in name.split()]
        return r"\s+".join(parts)
    return re.compile(r"(?<![\w])(?:" + "|".join(flexible(n) for n in names) + r")(?![\w])", re.IGNORECASE)


def _places(text: str, places: tuple[str, ...]) -> list[tuple[int, int]]:
    pattern = _places_pattern(places)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def scrub(text: str | None, places: Iterable[str] = ()) -> Scrubbed:
    """The text with personal details replaced by placeholders such as ``[name]``.

    ``places`` are the local schools and places to hide (see ``load_places``).
    """
    if not text:
        return Scrubbed(text or "", {})
    found: Counter = Counter()
    place_list = tuple(places)
    steps = (
        ("email", _emails),
        ("link", _links),
        ("phone", _phones),
        ("postcode", _postcodes),
        ("handle", _handles),
        ("address", _addresses),
        ("place", lambda t: _places(t, place_list)),
        ("name", _name_spans),
    )
    for kind, spans_of in steps:
        spans = [(s, e) for s, e in spans_of(text) if e > s and _free(text, s, e)]
        if spans:
            text = _replace(text, spans, f"[{kind}]", found, kind)
    return Scrubbed(text, dict(found))
