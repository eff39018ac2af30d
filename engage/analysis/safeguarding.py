"""A first check of free text for a possible disclosure, so that help is shown at once.

This is the seam every channel calls (web pages now, the chatbot later). It
errs towards showing help: a false alarm shows a young person the help lines,
a miss shows them nothing. It reads through the tricks that hide words from a
simple search: capitals, accents, look-alike letters from other alphabets,
zero-width characters, digits for letters and stretched letters ("hiiits").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters from other alphabets that look like Latin ones.
_LOOKALIKES = str.maketrans(
    "аеорсухіјԁԛѕԝАВЕКМНОРСТХІЈЅУοαρτνκιΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
    "aeopcyxijdqswABEKMHOPCTXIJSYoaptvkiABEHIKMNOPTXYZ",
)
_DIGITS = str.maketrans("013457@$", "oieastas")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e]")
_STRETCHED = re.compile(r"(\w)\1{2,}")


def normalise(text: str) -> str:
    """Lower-case Latin letters and single spaces, whatever the text was dressed in."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = text.translate(_LOOKALIKES)
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()
    text = re.sub(r"(?<=[a-z])[013457@$]|[013457@$](?=[a-z])", lambda m: m.group().translate(_DIGITS), text)
    text = _STRETCHED.sub(r"\1\1", text)  # "hiiiits" -> "hiits"; see _spellings
    return re.sub(r"[^a-z0-9']+", " ", text).strip()


def _spellings(plain: str) -> tuple[str, ...]:
    """A stretched letter may stand for one letter or two: "hiits", "killl"."""
    single = re.sub(r"([a-z])\1", r"\1", plain)
    return (plain,) if single == plain else (plain, single)


_WHO = (
    r"(?:mum|mom|mam|mummy|dad|daddy|father|mother|step ?dad|step ?mum|stepfather|"
    r"stepmother|mums? (?:bf|boyfriend|partner)|dads? (?:gf|girlfriend|partner)|"
    r"brother|sister|uncle|aunt|auntie|nan|gran|grandad|grandpa|carer|foster (?:mum|dad|carer)|"
    r"boyfriend|girlfriend|bf|gf|partner|teacher|coach|he|she|they|someone|somebody|"
    r"older (?:boys?|girls?|lads?|kids?)|a man|a woman)"
)
_HARM = (
    r"(?:hits?|hitting|hit|beats?|beating|beat|punch(?:es|ed|ing)?|kicks?|kicked|kicking|"
    r"slaps?|slapped|slapping|hurts?|hurting|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|"
    r"burns?|burned|burnt|smacks?|smacked|batters?|battered|throws? (?:things )?at)"
)
_ME = r"(?:me|us|my (?:mum|mom|sister|brother|little sister|little brother)|her|him)"

_PATTERNS: dict[str, tuple[str, ...]] = {
    "violence at home": (
        rf"\b{_WHO}(?: \w+){{0,3}} {_HARM} {_ME}\b",
        rf"\b{_HARM} me\b(?! up| off)",
        r"\b(?:scared|afraid|frightened|terrified) (?:to go|of going|to be) (?:home|back home)\b",
        r"\b(?:scared|afraid|frightened|terrified) of (?:my )?" + _WHO + r"\b",
        r"\bdomestic (?:abuse|violence)\b",
        r"\bbruises? (?:from|cos|because)\b",
    ),
    "abuse": (
        r"\b(?:abused|abusing me|abuses me|abuse at home|being abused)\b",
        rf"\b{_WHO}(?: \w+){{0,3}} (?:touch(?:es|ed|ing)?|feels?|felt) (?:me|my)\b",
        r"\btouch(?:es|ed|ing)? me (?:where|in places|down there|when|at night)\b",
        r"\b(?:made|makes|forced|forces|force) me (?:to )?(?:do (?:stuff|things|sexual)|have sex|send (?:pics|pictures|nudes|photos))\b",
        r"\b(?:raped|rape me|sexually (?:abused|assaulted))\b",
        r"\bnot (?:allowed|let) (?:to )?(?:eat|food|out of my room)\b",
        r"\bno (?:food|one feeds me|heating) (?:at|in the) (?:home|house)\b",
    ),
    "exploitation": (
        r"\b(?:make|made|makes|forced|forces|force|pressured|pressure) (?:me|us) (?:to )?(?:sell|carry|hold|move|deliver|run) (?:drugs|stuff|packages|a knife|knives|weed)\b",
        r"\b(?:county lines|owe (?:them|him|her) (?:money|a debt)|they (?:said|say) (?:i|we) owe)\b",
        r"\bgroom(?:ed|ing) me\b",
        r"\b(?:older|adult) (?:man|men|guy|guys|woman|boyfriend)(?: \w+){0,3} (?:wants?|asks?|asked) (?:me )?(?:for )?(?:pics|pictures|nudes|to meet)\b",
    ),
    "self-harm or suicidal thoughts": (
        r"\b(?:kill|killing|end|ending|hurt|hurting|harm|harming|cut|cutting) my ?sel(?:f|ves)\b",
        r"\bkms\b",
        r"\b(?:want|wanna|wanted|going) (?:to )?(?:die|be dead|not be here|end it( all)?|disappear forever)\b",
        r"\b(?:suicid\w*|self ?harm\w*|overdos\w*)\b",
        r"\b(?:no (?:point|reason) (?:in )?(?:living|being alive|going on))\b",
        r"\bbetter off (?:dead|without me)\b",
        r"\bi (?:cut|burn|starve) (?:my ?self|myself|me)\b",
    ),
    "in danger now": (
        r"\b(?:i am|i'm|im) (?:in danger|not safe|unsafe)\b",
        r"\b(?:going to|gonna|will|threatened to|says he'll|says she'll) (?:kill|stab|hurt|shoot) (?:me|us)\b",
        r"\b(?:kicked|thrown|chucked) (?:me )?out\b.*\b(?:nowhere|streets?|sleep)\b",
        r"\b(?:don't|dont|do not) feel safe at home\b",
        r"\bno(?:where| where) (?:safe )?to (?:go|sleep|stay)\b",
    ),
}
_COMPILED = {concern: re.compile("|".join(patterns)) for concern, patterns in _PATTERNS.items()}


@dataclass(frozen=True)
class Concern:
    """What the words may show, and the words that matched (to help a person review)."""

    kind: str
    phrase: str


def possible_disclosure(text: str | None) -> Concern | None:
    """The first concern the text may show, or None."""
    if not text:
        return None
    spellings = _spellings(normalise(text))
    for kind, pattern in _COMPILED.items():
        for plain in spellings:
            found = pattern.search(plain)
            if found:
                return Concern(kind=kind, phrase=found.group(0))
    return None
