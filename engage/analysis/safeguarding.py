"""A first check of free text for a possible disclosure, so that help is shown at once.

This is the seam every channel calls (web pages and the chatbot). It errs
towards showing help: a false alarm shows a young person the help lines, a miss
shows them nothing.

How it reads:

1. ``normalise`` takes off the disguises that hide words from a simple search:
   capitals, accents, look-alike letters from other alphabets, zero-width
   characters, digits for letters and stretched letters ("hiiits").
2. ``_canonical`` then reads text-speak ("he hurts me n i cant tell ne1"),
   drops apostrophes ("i'm" and "im" read the same) and mends small
   misspellings of the words that matter ("suicde", "myslef").
3. A lexicon written by the project (``_PATTERNS``, below) is searched. It is
   authored from child-protection guidance on how children and young people
   tell (NSPCC, Childline, Working Together), in the first person and the third
   ("my mate's dad touches her"), and covers abuse and neglect, violence at
   home, sexual harm, exploitation (county lines, grooming, debt bondage),
   self-harm and suicidal thoughts, being in danger now, and emotional
   distress (hopelessness, feeling worthless or a burden, not coping).
4. If no phrase matched, signs of distress are counted (``_SIGNS``: low mood,
   crying, isolation, self-worth, hopelessness, exhaustion, eating, pain, not
   coping, death, care, harm by others, fear): two kinds of sign in an answer
   written about oneself are enough to show help. Hyperbole ("dead tired") is not a sign.
5. A longer, unhappy account of oneself needs only one sign (``_unhappy_account``):
   the project's sentiment model (``engage.analysis.sentiment``) says how unhappy.
6. If none of that found anything, a model trained on the project's own examples of
   children telling (``disclosure_model``) may still hear an answer of five words or
   more that sounds like them, when it is sure: the lexicon hears only what it was taught.

Nothing here was trained on, or copied from, the research-only disclosure set
used to measure it (``bench/disclosure.py``); see ``data/README.md``.

Ordinary idioms stay quiet on purpose: "the buses are killing me", "the park
is dead boring", "I'd die for better chips". Words about a topic ("the
workshop on self-harm", "more help for people with depression") are not a
disclosure; words about oneself or someone one knows are. So is a view about
people in general that names nobody close and no incident ("county lines is
massive round here and kids get pulled in"): it is what a board consults on,
and a flagged answer would leave its reports (``_a_view_of_people_in_general``).
"""
from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from engage.analysis import disclosure_languages, disclosure_model
from engage.analysis.sentiment import sentiment

# Letters from other alphabets that look like Latin ones.
_LOOKALIKES = str.maketrans(
    "аеорсухіјԁԛѕԝкһӏԍАВЕКМНОРСТХІЈЅУοαρτνκιΑΒΕΗΙΚΜΝΟΡΤΧΥΖ‘’ʼ`´łŁ",
    "aeopcyxijdqswkhlgABEKMHOPCTXIJSYoaptvkiABEHIKMNOPTXYZ'''''lL",
)
_DIGITS = str.maketrans("013457@$", "oieastas")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e]")
_STRETCHED = re.compile(r"(\w)\1{2,}")


def normalise(text: str) -> str:
    """Lower-case Latin letters and single spaces, whatever the text was dressed in."""
    return _normalise(text, r"\1\1")  # "hiiiits" -> "hiits"; see _readings


def _normalise(text: str, stretched: str) -> str:
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = text.translate(_LOOKALIKES)
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()
    text = re.sub(r"(?<=[a-z])[013457@$]|[013457@$](?=[a-z])", lambda m: m.group().translate(_DIGITS), text)
    text = _STRETCHED.sub(stretched, text)
    return re.sub(r"[^a-z0-9']+", " ", text).strip()


# Text-speak, after ``normalise`` (which has already read "ne1" as "nei").
_TEXTSPEAK = {
    "u": "you", "ya": "you", "ur": "your", "r": "are", "n": "and", "nd": "and", "an": "and",
    "nei": "anyone", "neone": "anyone", "noi": "no one", "noone": "no one", "nobdy": "nobody",
    "somei": "someone", "sumi": "someone", "sum1": "someone", "someon": "someone",
    "everyi": "everyone", "evryone": "everyone", "ppl": "people", "peeps": "people",
    "wanna": "want to", "wana": "want to", "wna": "want to", "wnt": "want", "wan": "want",
    "gonna": "going to", "gna": "going to", "gunna": "going to", "finna": "going to",
    "gotta": "got to", "ima": "im going to", "imma": "im going to", "ill": "i will",
    "2": "to", "4": "for", "cos": "because", "coz": "because", "cuz": "because", "bc": "because",
    "bcos": "because", "cause": "because", "dnt": "dont", "dont": "dont", "cnt": "cant", "carnt": "cant",
    "cud": "could", "wud": "would", "shud": "should", "pls": "please", "plz": "please",
    "rn": "right now", "nite": "night", "tnite": "tonight", "2nite": "tonight", "tmrw": "tomorrow",
    "m8": "mate", "m8s": "mates", "mam": "mum", "mom": "mum", "mommy": "mum", "mummy": "mum",
    "mother": "mum", "daddy": "dad", "father": "dad", "stepfather": "stepdad",
    "stepmother": "stepmum", "stepmom": "stepmum", "bro": "brother", "sis": "sister",
    "bf": "boyfriend", "gf": "girlfriend", "hes": "he is", "shes": "she is", "theyre": "they are",
    "im": "im", "iam": "im", "ive": "ive", "wiv": "with", "wif": "with", "w": "with", "wid": "with",
    "tht": "that", "dat": "that", "da": "the", "teh": "the", "myslf": "myself", "meself": "myself",
    "mysel": "myself", "selfharm": "self harm", "selfharming": "self harming", "kms": "kill myself",
    "kys": "kill yourself", "kil": "kill", "kll": "kill", "dye": "dye", "unalive": "kill", "unaliving": "killing", "sewerslide": "suicide",
    "txt": "text", "nt": "not", "nuthin": "nothing", "nothin": "nothing", "tho": "though", "thru": "through", "alwys": "always", "evry": "every",
    "hurtz": "hurts", "hitz": "hits", "beatz": "beats", "touchs": "touches", "tuches": "touches",
    "kik": "kick", "kiks": "kicks", "slapz": "slaps", "mi": "me", "ma": "my",
    "hav": "have", "hve": "have", "havnt": "havent", "aeva": "forever", "aever": "forever", "foreva": "forever",
    "yday": "yesterday", "yest": "yesterday", "sez": "says", "sed": "said", "vid": "video", "vids": "videos",
    "2moro": "tomorrow", "2morrow": "tomorrow", "tmoz": "tomorrow", "tomoz": "tomorrow", "agen": "again", "agn": "again",
    "bak": "back", "hom": "home", "skool": "school", "scool": "school",
    "skl": "school", "hme": "home", "l8": "late", "l8r": "later", "nyt": "night", "wen": "when", "rlly": "really",
    "rly": "really", "txting": "texting", "txtin": "texting", "stp": "step", "wot": "what", "wat": "what",
    "nuffin": "nothing", "nuffink": "nothing", "sumthin": "something", "smthn": "something", "yrs": "years",
    "sayin": "saying", "freind": "friend", "freinds": "friends", "frend": "friend", "frends": "friends",
    # Round 20 (text-speak of its phrases): "i no longer wna b alive", "its my tym 2 go".
    "ctb": "kill myself", "b": "be", "b4": "before", "tym": "time", "nvr": "never", "neva": "never", "eva": "ever", "evr": "ever",
    "lookin": "looking", "goin": "going", "doin": "doing", "feelin": "feeling", "thinkin": "thinking",
    "gettin": "getting", "cuttin": "cutting", "tryin": "trying", "cryin": "crying", "hidin": "hiding",
    "livin": "living", "dyin": "dying", "sleepin": "sleeping", "eatin": "eating", "comin": "coming", "hurtin": "hurting",
}
# "2 days" was read as "to days": a number before a span of time is a number.
_SPAN_READ_AS_TO = re.compile(r"\bto (days?|weeks?|hours?|mins?|minutes?|months?|years?|yrs?|nights?|times)\b")
# Words worth mending when misspelt by one letter. Only longer words: short ones
# have too many real neighbours. A token that is itself a common word (the
# project's list, data/common_words.txt) is never "mended".
_KEYWORDS = (
    "myself", "suicide", "suicidal", "stepdad", "stepmum", "abused", "abusing", "abusive",
    "touches", "touched", "touching", "strangled", "strangles", "punches", "punched",
    "cutting", "harming", "overdose", "overdosed", "worthless", "hopeless", "depressed",
    "depression", "groomed", "grooming", "threatened", "threatens", "molested", "assaulted",
    "beaten", "battered", "bruises", "kicked", "slapped", "hurting", "killing", "scared",
    "frightened", "terrified", "boyfriend", "brother", "sister", "anymore", "anyone", "nobody",
    "someone", "lonely", "crying", "exploited", "secrets", "secret", "forced", "pictures",
    "because", "really", "always", "everyone", "people", "cant", "dont",
    "sleeves", "privates", "showed", "letters", "written", "hopefully", "yesterday", "worker",
    "married", "relapsed", "forever",
)
_NOT_MISSPELT = frozenset(
    "yourself himself herself itself suicides abuses amused amusing abuser teaches couched couches "
    "torches pouches bunches lunches munches hunches bunched lunched hunched butting cutter putting "
    "gutting jutting farming warming charming depresses groomer brooming threatens molester beater "
    "beaker bitten batten better bitter buttered bettered battened bruised cruises kicker ticked "
    "licked picked nicked wicked slipped clapped flapped hunting hurling hurtling killings billing "
    "filling milling willing tilling skilling sacred scarred scarce scares soared seared snared "
    "scaled brothers bothers sisters sitter sifter mister lovely crying prying drying trying frying "
    "secrete farces forded pictured really".split()
)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _mend_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in _KEYWORDS:
        index[word] = word
    for word in _KEYWORDS:
        for variant in _deletions(word):
            index.setdefault(variant, word)
    return index


_MEND = _mend_index()


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words, lower case, without apostrophes (see data/README.md)."""
    text = resources.files("engage.analysis").joinpath("data/common_words.txt").read_text("utf-8")
    return frozenset(text.split())


def _mend(token: str) -> str:
    """A keyword misspelt by one letter (added, dropped, changed or swapped), else the token."""
    if len(token) < 5 or token in _NOT_MISSPELT or token in common_words():
        return token
    if token in _MEND and len(_MEND[token]) - len(token) <= 1:
        return _MEND[token]
    for variant in _deletions(token):
        if variant in _MEND and abs(len(_MEND[variant]) - len(token)) <= 1:
            return _MEND[variant]
    return token


_READ: dict[str, str] = {}


def _read(token: str) -> str:
    read = _TEXTSPEAK.get(token)
    if read is None and token.endswith("in") and token not in common_words() and token + "g" in common_words():
        read = token + "g"  # "askin", "hittin", "touchin"
    read = read or _mend(token)
    if len(_READ) < 200_000:
        _READ[token] = read
    return read


def _canonical(plain: str) -> str:
    """Apostrophes dropped, text-speak read, misspelt keywords mended: the text the lexicon reads."""
    read = _READ.get
    text = " ".join([read(token) or _read(token) for token in plain.replace("'", "").split()])
    return _SPAN_READ_AS_TO.sub(r"2 \1", text) if "to " in text else text


def _readings(text: str) -> tuple[str, ...]:
    """The canonical text; a stretched letter may stand for one letter or two: "hiiits", "killll"."""
    doubled = _normalise(text, r"\1\1")
    if not _STRETCHED.search(_INVISIBLE.sub("", text.lower())):
        return (_canonical(doubled),)
    return _canonical(doubled), _canonical(_normalise(text, r"\1"))


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# The lexicon reads canonical text: lower case, no apostrophes ("im", "dont",
# "mates"), text-speak already read ("you", "and", "want to", "mum", "dad").
_KIN = _any(
    r"mum", r"dad", r"step ?dad", r"step ?mum", r"step ?brother", r"step ?sister", r"step ?parents?",
    r"mums (?:boyfriend|partner|new partner|husband|fella|friend|mate)",
    r"dads (?:girlfriend|partner|wife|friend|mate)", r"parents?", r"brother", r"sister", r"cousin",
    r"uncle", r"aunt(?:ie|y)?", r"nan(?:na)?", r"gran(?:ny)?", r"grandad", r"grandma", r"grandpa",
    r"grandmother", r"grandfather", r"carers?", r"foster (?:mum|dad|carers?|parents?)",
    r"boyfriend", r"girlfriend", r"partner", r"husband", r"wife", r"ex", r"teacher", r"coach",
    r"neighbour", r"family", r"brothers dad", r"sisters dad",
    r"(?:dads|mums|brothers|uncles|parents) (?:friend|mate|boss)",
)
# Who may harm: family and people near a child, in the first person ("my dad")
# and the third ("my mates dad", "her stepdad"), or a bare pronoun.
_WHO = _any(
    rf"(?:my|our|his|her|their|the|a) (?:\w+ )?(?:\w+ )?{_KIN}",
    rf"(?:mates|friends|cousins|sisters|brothers|girlfriends|boyfriends) (?:\w+ )?{_KIN}",
    _KIN,
    r"he", r"she", r"they", r"someone", r"somebody", r"people", r"a man", r"a woman", r"a guy",
    r"this (?:man|guy|lad|boy|woman)", r"an adult", r"adults", r"grown ups", r"the man next door",
    r"older (?:boys?|girls?|lads?|kids?|men|guys?|man|people|ones)", r"a gang", r"the gang",
    r"mum", r"dad", r"step ?dad", r"step ?mum",
)
_HARM = _any(
    r"hits?", r"hitting", r"beats?", r"beating", r"beaten", r"batters?", r"battered", r"battering",
    r"punch(?:es|ed|ing)?", r"kick(?:s|ed|ing)?", r"slap(?:s|ped|ping)?", r"smack(?:s|ed|ing)?",
    r"whack(?:s|ed|ing)?", r"thump(?:s|ed|ing)?", r"bash(?:es|ed|ing)?", r"hurt(?:s|ing)?",
    r"chok(?:es|ed|ing)", r"strangl(?:es|ed|ing)", r"burn(?:s|t|ed)", r"(?:throws?|threw|chucks?|chucked|lobs|lobbed) (?:(?!(?:the |a |some |his |her )?(?:ball|balls|snowballs?|water balloons?|pillows?|sweets|frisbee|paper)\b)(?:\w+ ){1,2})?at",
    r"throws?", r"threw", r"push(?:es|ed)", r"shov(?:es|ed)",
    r"grab(?:s|bed)", r"pulls? my hair", r"attack(?:s|ed)", r"abus(?:es|ed|ing)",
    r"lash(?:es|ed) out at", r"beats? up", r"beat up", r"twist(?:s|ed)", r"is nasty to", r"is violent to",
)
_OBJ = _any(
    r"me", r"us", r"her", r"him", r"them", r"mum", r"my mum",
    rf"my (?:little |big |baby |older |younger )?(?:{_KIN}|siblings?|baby|brothers|sisters)",
    rf"(?:our|his|her) (?:{_KIN})",
)
# Games, sport and siblings' play: "he beat me at fifa", "beat me to it".
_NOT_HARM = (r"(?! (?:at|in) (?:every |all (?:the )?|any |a |the )?(?:fifa|chess|football|maths|pe|the race|a race|races?|cards|games?|pool|tennis|boxing|karate|judo|kickboxing|sparring|training|running|swimming|everything)\b"
             r"| (?:before|so|when|as) (?:i|we|he|she) (?:fell|fall|nearly fell|slipped|tripped)\b| so (?:i|we|he|she) (?:didnt|wouldnt|did not|would not) (?:fall|slip|trip|get hit|get run over)\b| to stop (?:me|us|him|her) (?:falling|from falling|running into)\b"
             r"| to (?:it|the)\b| up the hill\b| off\b| with (?:a |the |his |her |my )?(?:pillows?|ball|snowballs?|water|balloons?|foam \w+|nerf \w+)\b"
             r"| under the table\b| on (?:the |a )?(?:swings?|roundabout|trampoline|sledge|bike|scooter)\b| in (?:his|her|my|their|a|the) (?:wheelchair|pram|buggy|pushchair|trolley)\b"
             r"| (?:to catch|as a joke|for a joke|for fun|for a laugh|when we (?:play|mess about))\b)")
# "My sister hit her head on the door": a girl or woman knocking her own head or knee is an
# accident, unless it is on purpose or when she is upset (then it is still heard).
_HER_OWN_KNOCK = (
    r"(?:(?:(?:my|our) )?(?:little |big |baby |older |younger )?(?:sister|mum|mummy|mam|mom|nan|nana|nanny|gran|granny|grandma|aunt|auntie|aunty|step ?mum)|she)"
    r"(?: \w+){0,3} (?:hit|smacked|banged|bumped|whacked|bashed|knocked) her (?:head|knee|elbow|arm|leg|toe|foot|face|nose|chin|back|hand|finger)\b"
    r"(?!.*\b(?:on purpose|upset|angry|cross|stressed|sad|crying|again and again|over and over|until|against the wall)\b)"
)
_SEX_ACT = _any(
    r"touch(?:es|ed|ing)?", r"feels? me up", r"felt me up", r"groped?", r"gropes", r"molest(?:s|ed|ing)?",
    r"rap(?:es|ed|ing)", r"kiss(?:es|ed)?", r"does things to", r"did things to", r"does stuff to",
    r"did stuff to", r"puts? his hands? (?:on|up|down)", r"shows? (?:me|us|her|him) (?:videos|porn|pictures|his)",
)
_CARRY = _any(
    r"sell", r"carry", r"hold", r"move", r"deliver", r"run", r"drop off", r"stash", r"keep",
    r"hide", r"take", r"bring", r"steal", r"answer",
)
_GOODS = _any(
    r"drugs", r"stuff", r"packages?", r"parcels?", r"bags?", r"a knife", r"knives", r"weed", r"gear",
    r"things", r"money", r"a phone", r"the phone", r"food", r"for them", r"for him", r"for a gang",
)
_I = r"(?:i|im|i am|ive|i have|ive been|i keep|i just|i really|i still|i always|i often|i sometimes|i honestly)"
_I_NOW = r"(?:im|i am|i feel|i always feel|i keep feeling|ive been feeling|ive been|i just feel|i still feel|i get)"
_STRONG_STATE = _any(
    r"depressed", r"suicidal", r"worthless", r"hopeless", r"helpless", r"hollow", r"useless", r"numb", r"broken",
    r"trapped", r"a burden", r"a failure", r"a disappointment", r"a waste of space", r"unwanted",
    r"unloved", r"unlovable", r"dead inside", r"falling apart", r"not ok(?:ay)?(?! with\b)", r"not coping",
    r"drowning", r"at (?:my|the) (?:lowest|breaking point|end of my rope|rock bottom)", r"breaking down",
    r"scared of my(?:self| own (?:mind|thoughts))", r"in (?:so much )?pain", r"hurting inside",
    r"giving up", r"tired of (?:everything|it all|life|living|being alive|being me)",
)
_MILD_STATE = _any(
    r"empty", r"alone", r"lonely", r"miserable", r"struggling", r"exhausted", r"lost",
    r"(?:so|really|very|always|constantly) (?:low|down(?! (?:for|to)\b)|sad|scared|anxious|stressed|overwhelmed|tired|angry)",
    r"like (?:dying|crying|giving up|nothing|garbage|trash|shit|crap)",
    r"like (?:im|i am) (?:nothing|drowning|dying|going crazy|falling apart|invisible)",
)
# A state said of schoolwork, a place or a sore body is everyday talk a board should
# hear: "drowning in homework", "numb after the dentist", "lost in the big school",
# "trapped in this town", "a failure at maths", "in pain from my braces".
_SCHOOLWORK = (r"(?:homework|revision|coursework|exams?|tests?|essays?|work|schoolwork|school work|the workload|"
               r"maths|english|science|french|spanish|german|history|geography|art|music|pe|sport|football|piano)")
_EVERYDAY_AFTER = (
    rf"(?! (?:in|at|with|on|about|from|after|because of|by) (?:the |this |my |a |our |all (?:the |my |this )?|so much |"
    rf"(?:the )?amount of )?(?:\w+ )?(?:{_SCHOOLWORK}|dentist|braces|injection|cold|town|village|area|city|"
    rf"corridors?|crowds?|queue|traffic|bus|school|building|lessons?|class|lunch|lunchtime|lunchtimes|break|breaktime|playtime|knee|leg|arm|back|ankle|foot|tooth|teeth|wrist|shoulder)\b"
    rf"(?! (?:and|or) (?:at home|all the time|everywhere|always|every day|at night|in my room)\b))"
)
# Scratching or hitting oneself said of a rash, bites or an itch is not self-harm.
_NOT_A_RASH = r"(?!.*\b(?:eczema|itch\w*|rash|bites?|chicken ?pox|allerg\w*|sunburn)\b)"
# "I don't want to live in this town": a place, not a wish to die (" live", so that "alive" is not read as it).
_NOT_A_PLACE_TO_LIVE = r"(?!(?<= live) (?:in|at|near|there|abroad|somewhere|anywhere|on|by|next to|close to)\b)"
# "all my tablets for my asthma this morning": medicine taken as meant, not an overdose.
_AS_PRESCRIBED = r"(?! (?:for (?:my |the )?(?:asthma|hay ?fever|allergies|allergy|adhd|epilepsy|diabetes|headache|cold|day|week|trip)|this morning|like (?:i should|the doctor said|im meant to)|with (?:my )?breakfast)\b)"
_ADV = r"(?:(?:so|really|very|just|always|constantly|completely|totally|pretty|actually|honestly|literally|such|extremely|like|quite) )*"

# Places children are watched changing for a good reason: "my mum watches me getting changed for swimming".
_CHANGING_FOR_SPORT = r"(?! (?:for|at|before|after) (?:swimming|pe|school|dance|gymnastics|a (?:party|wedding|match))\b)"
# "Mature for my age" in a school report is praise, not grooming.
_IN_A_SCHOOL_REPORT = r"(?! (?:in (?:my|the|a|her|his) (?:school )?report|at parents evening)\b)"
# Where children meet people online, as they name them.
_PLATFORM = r"(?:snapchat|snap|instagram|insta|tiktok|discord|roblox|fortnite|xbox|whatsapp|the game)"

# Sexual touching and looking, told by the part of the body ("touches my private parts", "films me in the bath").
_INTIMATE = _any(
    r"private parts", r"privates", r"private bits", r"bits(?! (?:of|and)\b)", r"bum(?! ?bag)", r"bottom(?! (?:set|of|drawer|bunk|lip|teeth|tooth|line|half|step|shelf|button)\b)",
    r"willy", r"penis", r"vagina", r"front bottom", r"chest(?! of drawers)", r"boobs", r"breasts", r"nipples", r"crotch", r"thighs?", r"inner thighs?",
)
_INTIMATE_CONTACT = _any(
    r"touch(?:es|ed|ing)?", r"keeps? touching", r"kept touching", r"rub(?:s|bed|bing)?", r"feels", r"felt", r"grab(?:s|bed|bing)?",
    r"strok(?:es|ed|ing)", r"plays? with", r"played with", r"playing with", r"lick(?:s|ed|ing)?", r"kiss(?:es|ed|ing)",
    r"squeez(?:es|ed|ing)", r"pinch(?:es|ed|ing)", r"slap(?:s|ped)", r"puts? (?:his|her) hands? (?:on|in|up|down)",
)
_INTIMATE_LOOK = _any(
    r"looks? at", r"looked at", r"looking at", r"stares? at", r"stared at", r"staring at",
    r"(?:takes?|took|taking) (?:pictures|photos|pics|videos|vids) of", r"films?", r"filmed", r"filming", r"records?", r"recorded",
    r"watch(?:es|ed)?", r"watching", r"peeps? at", r"spies on", r"spied on",
)
# A doctor listening to a chest, cream on a rash, a bum hurt at football: care and play, not harm.
_NOT_AT_THE_DOCTOR = (r"(?!(?: \w+){0,6} (?:to check|with (?:a|his|her|the) stethoscope|for (?:my |the )?(?:asthma|cough|chest infection|rash|eczema|injection)|"
                      r"because (?:of )?(?:my |a |the )?(?:rash|eczema|cough|asthma|injury)|at (?:football|rugby|the match|training)|playing (?:football|rugby))\b)")

# Who may groom: someone met online, an older stranger, an adult with a hold over a child (a grid of 2026-11-27).
_ONLINE_OR_OLDER = _any(
    r"(?:a |some |this |an? older |and older |older )?(?:man|men|guy|bloke|someone|somebody|person|stranger|boy|lad|girl|woman|lady)(?: i (?:met|know|talk to|play with))? "
    rf"(?:online|on (?:{_PLATFORM}|minecraft|a game|an app)|from (?:snapchat|snap|instagram|insta|tiktok|discord|roblox|fortnite|the game|online))",
    rf"(?:someone|somebody|a man|a guy) i met (?:online|on (?:{_PLATFORM}|a game))",
    r"(?:an|and|a|some) older (?:man|guy|boy|lad|girl|woman|men|boys|lads)", r"a (?:1[89]|[2-9]\d) year old", r"a grown (?:man|up)",
    r"my (?:coach|tutor|teacher|youth worker|neighbour|mums friend|dads friend|friends dad|friends brother)",
)
_GROOMING_ACT = _any(
    r"(?:sends?|sent|gives?|gave) me money", r"buys? me (?:things|stuff|presents|clothes|a phone|vapes|trainers)(?: \w+){0,3}",
    r"asks? (?:me )?what (?:im|i am) wearing(?! (?:for|to) (?:the |a |my )?(?:match|game|party|trip|disco|school|prom|training|wedding|concert)\b)",
    r"asks? (?:me )?if (?:my parents are|my mum is|my dad is|im|i am|anyone is) (?:home|in|alone|out|around)\b(?! so (?:she|he|they) can (?:talk|speak) to (?:her|him|them|my)\b)",
    r"(?:offered|offers|gave|gives|pays|paid|sends|sent) me (?:money|cash|gift cards|robux|vbucks|v bucks)(?: \w+)? for (?:photos|pics|pictures|videos|vids)",
    r"(?:told|tells|asked|asks) me to (?:delete|clear) (?:our|the|his|her) (?:messages|chats|texts|snaps|dms)",
    r"(?:asked|asks|wants) me to be (?:his|her) (?:girlfriend|boyfriend|gf|bf)",
    r"(?:says|said|tells me|told me) (?:im|i am|i was) (?:really |very |so )?mature for my age\b" + _IN_A_SCHOOL_REPORT,
    r"(?:says|said|tells me|told me) (?:he|she) loves? me",
    r"(?:keeps? )?(?:asking|asks|asked|wants|wanted|tells|told) (?:me )?to (?:video ?(?:call|chat)|facetime|cam|go live|send (?:a )?(?:pic|photo|video|selfie))(?: \w+){0,3} (?:with no|without (?:a|my|any)) (?:top|clothes|shirt|bra|pants|t shirt)(?: on)?",
    r"wants? to meet (?:up )?(?:with )?me(?: up)?(?! (?:at|after|before|for) (?:training|school|practice|the (?:club|session|match|game))\b)",
)

_PATTERNS: dict[str, tuple[str, ...]] = {
    "violence at home": (
        # A grid of who, what and whom (2026-11-27): bites, drags, scratches, stamps, spits, a headbutt.
        r"\b(?:my |our |his |her |their )?(?:mum|dad|step ?dad|step ?mum|mums (?:boyfriend|partner|husband)|dads (?:girlfriend|partner|wife)|uncle|aunt(?:ie|y)?|nan|gran|grandad|carer|foster (?:mum|dad|carer)|"
        r"teacher|coach|he|she|they|big brother|big sister|older brother|older sister)(?: \w+){0,2} "
        r"(?:bites?|bit|drags?|dragged|scratch(?:es|ed)|stamps? on|stamped on|spits? (?:on|at)|spat (?:on|at)|headbutts?|headbutted) (?:me|us|my \w+(?: \w+)?|her|him|mum)\b"
        r"(?!(?: \w+){0,4} (?:when (?:we|i) (?:play|playing|played)|for fun|by accident|as a joke|playing|at tag|in (?:a |the )?(?:game|rugby|tag))\b)",
        # Round 24 (2026-11-27, a primary child's words): shouting at mum and breaking things.
        r"\b(?:shouts?|screams?|yells?|shouted|screamed|yelled) at (?:her|him|mum|us|me|my \w+)(?: \w+){0,2} (?:and|then) (?:breaks|smashes|throws|broke|smashed|threw) (?:things|stuff|plates|everything)\b",
        # Round 20 (2026-11-27): fights heard every night, a mother's black eye, things smashed downstairs.
        r"\b(?:hear|hearing|heard|listen to|listening to) (?:them|mum and dad|my parents|mum and \w+|dad and \w+) (?:fight|fighting|argue|arguing|screaming|shouting)(?: \w+){0,2} (?:every night|all night|all the time|every day)\b",
        r"\b(?:mum|my mum|she|her|my sister|my nan)(?: \w+)? (?:had|has|got|came down with) (?:a )?(?:black eye|split lip|bloody nose|bruises (?:on|all over) her (?:face|neck|arms?))\b"
        r"(?!(?: \w+){0,4} (?:from|playing|at|after|in|during) (?:football|netball|hockey|rugby|falling|the match|training|a fall|an accident|the operation|surgery)\b)",
        r"\b(?:downstairs|next door|in the kitchen|in the next room|in the living room)(?: \w+)? (?:smashing|breaking|throwing) (?:things|stuff|everything|plates|the place up)\b(?! (?:together|in the bin|away|out|into (?:a|the) (?:bowl|pan|bin))\b)",
        # Round 16 (2026-11-27, text-speak): "if i snitch im dead".
        r"\bif i (?:snitch|grass|tell|talk)\b(?: \w+){0,2} (?:im|i am|ill be|i will be|youre|you are|your) (?:dead|done|getting (?:stabbed|shanked|hurt|merked))\b",
        # Round 15 (2026-11-27): windows smashed by an ex, children made to fight each other.
        r"\b(?:ex|dad|step ?dad|boyfriend|partner|he|they)\b(?: \w+){0,5} (?:smashed|smashes|smashing|kicked in|kicked down|booted in|broke down) (?:all )?(?:our|the|my|mums) (?:windows?|front door|door)\b"
        r"(?! with (?:a|the|his|her|my) (?:ball|football)\b)",
        r"\b(?:makes?|made|making) (?:me and my \w+|us|me) (?:fight|hit|punch|beat up) (?:each other|him|her|my \w+|other (?:kids|boys|girls|people|lads)|kids|people)\b(?! (?:in|at) (?:boxing|karate|judo|training|the gym|sparring)\b)",
        # Round 14 (2026-11-27): a threat to burn the home with the family inside.
        r"\b(?:burn|set fire to) (?:the|our|my) (?:house|home|flat)(?: down)? with (?:us|me|them|mum|my mum) in(?:side)?(?: it)?\b",
        # Round 13 (2026-11-27): a cover story given to a child.
        r"\b(?:told|tells|made|makes|have|had) (?:me |us )?to (?:say|tell (?:them|the teacher|school|the doctor|everyone|people)) (?:that )?(?:i|we) (?:fell|tripped|walked into|did it (?:myself|ourselves)|hurt myself|banged)\b",
        # Round 12 (2026-11-27): made to watch, things smashed at night, kept away by shouting.
        r"\b(?:makes?|made|making) (?:us|me) watch (?:him|her|them|while|when)(?: \w+){0,2} (?:hurts?|hits?|beats?|batters?|hurting|hitting|beating|battering|strangl\w+|chok\w+)\b",
        r"\b(?:listen|listening|listened|hear|hearing|heard) (?:to )?(?:them|him|her|mum and dad|my parents|mum|dad|my \w+)(?: \w+){0,2} (?:smash|smashing|smashed|break|breaking|throw|throwing) (?:things|stuff|plates|the house|everything)\b",
        r"\b(?:till|until|til) (?:it (?:shuts|closes)|late|midnight|\d+)(?: \w+){0,3} (?:because|cos|coz|cause|so) (?:my )?(?:step ?mum|step ?dad|mum|dad|mums \w+|dads \w+|he|she|they)"
        r"(?: \w+){0,2} (?:shouts|screams|yells|goes mad|kicks off|gets angry)\b",
        r"\block(?:s|ed)? on the outside of (?:my|our|the) (?:bed ?room |room )?door\b",
        rf"\b(?!{_HER_OWN_KNOCK}){_WHO}(?: \w+){{0,3}} {_HARM}(?: \w+)? {_OBJ}\b{_NOT_HARM}",
        r"\b(?<!\bcan )(?<!\bcould )(?<!\bcant )(?<!\bever )(?<!\bcar )(?<!\bbus )(?<!\bball )(?<!\bvan )(?<!\bcar nearly )(?<!\bcar almost )(?<!\bbus nearly )(?<!\bbus almost )(?:hits?|hitting|beats?|beating|punch(?:es|ed|ing)|kick(?:s|ed|ing)|slap(?:s|ped|ping)|"
        r"smack(?:s|ed)|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|batters?|battered|hurts?|hurting) me\b" + _NOT_HARM,
        r"\b(?!my \w+ (?:nearly|almost) )(?:i|we|im|ive|i have|he|she|my \w+(?: \w+)?) (?:get|gets|got|getting|been|being|was|am|is|are|keep getting) (?:hit|beaten|battered|kicked|slapped|punched|"
        r"smacked|choked|strangled|burnt|hurt|beaten up|attacked|abused)\b"
        r"(?! (?:by (?:a|the) (?:ball|car|bus)|\d|in (?:football|rugby|pe|boxing|karate|judo|kickboxing|sparring|training|the (?:match|final|game|race|ring))|at (?:football|rugby|fifa|chess|boxing|karate|judo)|playing|with (?:a|the) (?:ball|pillow))\b)",
        r"\b(?:scared|afraid|frightened|terrified|petrified) (?:to go|of going|to be|to get|to sleep) (?:home|back home|at home|in my house)\b",
        r"\b(?:pulls?|pulled|pulling|drags?|dragged|dragging) (?:me|us) (?:\w+ )?by (?:the|my|our) hair\b",
        rf"\b(?:scared|afraid|frightened|terrified|petrified) of (?:what )?(?:{_WHO})\b",
        r"\b(?:dont|do not|never) (?:want to|wanna) go (?:back )?home\b(?! (?:yet|now|early|already|from (?:the|this|my) (?:party|holiday|trip|sleepover|camp))\b)",
        r"\bso (?:i|we) (?:dont|do not|dont ever|wont|never) (?:have to )?(?:go|be) (?:back )?(?:home|at home|in the house)\b"
        r"(?! (?:on the bus|early|alone|on my own|for lunch|at lunch|in between|between)\b)",
        # Rough handling, and the police called to the house again (NSPCC: signs of domestic abuse).
        rf"\b{_WHO}(?: \w+){{0,2}} (?:is|are|gets|get|was|were|can be|has been) (?:really |so |very |too |quite |always )?(?:rough|heavy handed|violent) with (?:me|us|her|him|my \w+)\b"
        r"(?!(?: \w+){0,2} (?:when (?:we|he|she|they) play|playing|play fighting|in (?:training|football|rugby|pe)|at (?:football|rugby|training)|on the pitch)\b)",
        r"\b(?:police|the police|cops|feds) (?:came|come|comes|coming|were called|was called|got called|keep coming|turned up)(?: \w+){0,2} (?:to |at |round )?(?:our|my) (?:house|home|flat)\b"
        r"(?=.*\b(?:again|every|shouting|fighting|screaming|arguing|hitting|dad|mum|stepdad|boyfriend)\b)",
        r"\bdomestic (?:abuse|violence)\b(?<!about domestic abuse)(?<!about domestic violence)(?<!on domestic abuse)(?<!on domestic violence)"
        r"(?! (?:awareness|workshop|lessons?|talks?|education|month|so people)\b)",
        r"\b(?:violence|violent|fighting|fights|shouting and screaming|screaming and shouting) (?:at|in) (?:my )?(?:home|house)\b",
        r"\b(?:shouting|screaming|fighting|fights) at home\b",
        r"\b(?:mum and dad|my mum and dad|my parents|parents|mum and (?:her|my) (?:\w+ )?(?:boyfriend|partner|husband)|dad and (?:his|my) (?:\w+ )?(?:girlfriend|partner|wife)|mum and \w+|dad and \w+)"
        r" (?:fight|argue|scream at each other|shout at each other|hit each other)(?: at each other)? (?:every night|all the time|every day|constantly|all night|every weekend)\b",
        r"\bwhat (?:happens|happened|goes on|is happening|went on) (?:at home|in my house|in our house|at my house|in my room at night)\b"
        r"(?<!\bnot sure what happens at home)(?=.*\b(?:scared|afraid|frightened|cant tell|not allowed|dont tell|wont tell|nobody|no one|secret|tell anyone)\b)",
        r"\b(?:scared|afraid|frightened|terrified) (?:that )?(?:he|she|they|my \w+(?: \w+)?)(?:ll| will| would| is going to| might) "
        r"(?:come in(?:to)?(?: my (?:room|bed))?|get in(?:to)? (?:my|the) (?:room|bed)|hurt (?:me|us|mum|my \w+)|hit (?:me|us|mum|my \w+))\b",
        r"\b(?:he|she|they|dad|mum|stepdad) (?:is|gets|get|are) (?:really |so |very )?violent\b",
        r"\b(?:bruises?|marks|black eye|cuts|burns?|scars?) (?:from|because|cos|that) (?:where )?(?:my|he|she|they|him|her|dad|mum)\b",
        r"\b(?:held|holds|holding|pushed|pushes|put|puts) (?:them|my (?:hands?|arms?|fingers?|face|head)|me) (?:on|against|under|in) (?:the |a )?(?:cooker|hob|oven|iron|fire|radiator|hot tap|boiling water|kettle)\b",
        # Harm told by its injuries or its grip: "he split my lip", "his hands round my neck".
        rf"\b{_WHO}(?: \w+){{0,3}} (?:busted|bust|split|broke|fractured|cracked|bloodied|burst) (?:open )?(?:my|her|mums|my mums) "
        r"(?:lip|nose|jaw|ribs?|arm|wrist|head|eye|eye socket|teeth|tooth|face|skull|fingers?|hand|leg|collarbone)\b"
        r"(?! (?:falling|when (?:she|he|i) fell|playing|skiing|skating|at (?:work|the gym|football|netball)|on (?:the|a|her|his|my) (?:bike|trampoline|ice|stairs|skateboard)|in (?:a|the) (?:fall|accident|crash))\b)",
        r"\b(?:hands?|fingers) (?:a?round|round) (?:my|her|his|mums|my mums) (?:throat|neck)\b|\barms? (?:a?round|round) (?:my|her) throat\b",
        r"\b(?:held|holds|holding|hold|pinned|pins|pinning|pin) (?:me|us|her) (?:down|against (?:the|a) (?:wall|door|floor|bed)|to the (?:floor|ground|bed|wall))\b"
        r"(?!(?: \w+){0,4} (?:tickl\w*|wrestl\w*|playing|for a laugh|as a joke|messing))",
        r"\b(?:me|us|her)(?: \w+){0,5} by force\b|\b(?:jabbed|headbutted|headbutts|elbowed|stamped on) (?:me|us|my mum|her)\b",
        rf"\b(?:getting|being|gets|got|get) (?:hit|beaten|battered|kicked|slapped|punched|choked|strangled|abused|beaten up) by (?:my|her|his|their|our) (?:\w+ )?{_KIN}\b",
        r"\b(?:is|are|was|were) (?:\w+ly |still |always |often )?(?:getting|being) (?:hit|battered|slapped|punched|choked|strangled|abused)\b"
        r"(?! (?:by (?:a|the) (?:ball|car|bus)|in (?:football|rugby|pe|the (?:match|final|game|race))|at (?:football|rugby|fifa|chess)|playing)\b)",
        r"\b(?:with|has|got|have) (?:bruises|a black eye|marks)\b"
        r"(?!(?: \w+){0,4} (?:from|playing|at|in|during) (?:football|rugby|pe|netball|hockey|training|the match|a match|falling|skating|climbing|the trampoline|the park|gymnastics|karate|judo|boxing)\b)",
        # Round 9 (2026-11-27): a threat with a knife for dinner money, what happens at dad's.
        r"\b(?:theyll|they will|hell|he will|shell|she will|theyre going to|hes going to|shes going to) (?:stab|shoot|cut|knife) (?:me|us)\b",
        r"\b(?:because of|cos of|scared of|afraid of) what (?:happens|goes on|happened) (?:there|at (?:my |his |her )?(?:\w+s|house|home|flat))\b",
        r"\b(?:cover|hide) (?:up )?(?:my|the|her|his) (?:bruises|marks)\b",
        r"\b(?:leaves?|left) (?:marks|bruises)\b",
        r"\bnext time (?:it will|itll) be worse\b",
        r"\b(?:he|she|they) (?:hits|beats|punches|slaps|kicks|hurts|smacks) (?:and|when|us|me|if|all the time|every)\b",
        r"\b(?:hide|hiding) (?:when|from) (?:he|she|they|him|her|them|my|dad|mum)\b",
        r"\b(?:smashing|smashed|smashes) (?:up )?(?:the|our) (?:house|flat|place)\b",
        r"\bpunch(?:es|ed)? (?:holes in )?(?:the )?walls?\b",
        r"\b(?:gets?|got|is|was) (?:really |so |very )?(?:drunk|high|wasted|angry|mad)(?: \w+){0,2} (?:and|then) "
        r"(?:smashes|smashed|breaks|broke|throws|threw|punches|punched|hits|hit|kicks|kicked|shouts at (?:me|us)|screams at (?:me|us)|starts on (?:me|us|mum))\b(?! (?:his|her|the|a) (?:controller|remote|phone|pad|game|ball|pen|toys?|keys)\b)",
        r"\b(?:angry|drunk|shouting|screaming|kicks off|mad)\b(?: \w+){0,8} (?:have to|had to|got to|i|we) hide\b"
        r"|\b(?:have to|has to|had to|got to) hide\b(?: \w+){0,6} (?:when|because|cos|until|from) (?:he|she|they|mum|dad|(?:my|his|her|their) \w+)\b",
        r"\b(?:cant|can not|cannot) go (?:back )?home\b(?! (?:yet|until|till|til|before|at lunch|for lunch|on my own|alone|early|during|without|because (?:of )?(?:the )?(?:bus|buses|train|traffic|snow|rain)))",
    ),
    "abuse": (
        # Round 26 (2026-11-27): a chair against the door at night, being "the bad one".
        r"\b(?:sleep|put|push|wedge|keep) (?:with )?(?:a |my |the )?(?:chair|bed|drawers|wardrobe|desk|chest of drawers) (?:against|behind|under the handle of) (?:my|the) (?:bedroom )?door\b",
        r"\b(?:says|said|calls me|called me|tells me|told me) (?:im|i am|i was) (?:the )?(?:bad one|problem child|devil|black sheep|reason for everything|mistake|worst one)\b(?! (?:at|in (?:the|my|our) (?:class|team|group|band|choir))\b)",
        # The grid of 2026-11-27: a child, or a brother or sister, locked in or out.
        r"\b(?:locks?|locked|locking) (?:me|us|my (?:little |baby |big )?(?:brother|sister|brothers|sisters)) (?:in|out|inside|outside)(?: of)? (?:my |the |our |her |his |a )?"
        r"(?:room|bedroom|cupboard|shed|house|flat|garden|bathroom|car|cellar|basement|wardrobe|outside)\b(?!(?: \w+){0,3} (?:by (?:accident|mistake)|for a joke|as a joke|when we play)\b)"
        r"(?<!out of his room)(?<!out of her room)(?<!out of their room)(?<!out of his bedroom)(?<!out of her bedroom)",
        # Round 24 (2026-11-27): never taken to the doctor; a parent asleep with bottles.
        r"\b(?:nobody|no one|noone|mum never|dad never|they never|never gets? taken|never get taken) (?:takes?|took|take)? ?me to (?:the )?(?:doctor|doctors|dentist|hospital|gp)\b",
        r"\b(?:asleep|passed out|drunk|out of it|sleeping)(?: \w+){0,4} with (?:the |empty |her |his )?(?:bottles|cans)\b(?! of (?:pop|coke|cola|lemonade|juice|water|milk|fizzy|squash|tango|fanta|sprite|irn bru)\b)",
        # Neglect in a child's words (2026-11-27): not fed, no shoes that fit, left in a car, nobody who notices.
        r"\b(?:forgets?|forgot|doesnt|dont|never) (?:to )?feed (?:me|us|my \w+)\b(?! (?:\w+ )?(?:dog|cat|fish|hamster|rabbit|pet)s?\b)",
        r"\b(?:havent|have not|dont|do not|never) (?:got|have|had) (?:any )?(?:shoes|a coat|clothes|school shoes|trainers|uniform) that fits?\b(?! (?:my|yet|but (?:they|mum|dad|we|theyre|theres))\b| so (?:mum|dad|my \w+|we|they|nan|gran)(?: is| are)? (?:buying|getting|ordering|going to (?:buy|get)|gonna (?:buy|get)|will (?:buy|get))\b)",
        r"\b(?:nobody|no one|noone) (?:ever )?(?:picks? me up|collects? me|comes? for me)\b(?: \w+){0,6} (?:in the dark|on my own|by myself|at night|for hours|every day)\b",
        r"\b(?:havent|have not|hasnt|has not|no) (?:had )?(?:hot water|heating|electric|electricity|gas|a bath|a shower|clean clothes) (?:for|in) (?:weeks|days|months|ages|a week|a month)\b",
        r"\b(?:leaves?|left|leaving) (?:me|us|my \w+(?: \w+)?) (?:in the car|outside|in the house|at home|alone|on my own|on our own)(?: \w+){0,3} (?:for hours|all day|all night|overnight|for days|while (?:he|she|they)(?:s| is| are| was| were)? (?:in the pub|at the pub|out drinking|drinking|at the bookies|out))\b",
        r"\b(?:nobody|no one|noone) (?:would )?(?:notices?|notice|cares?|care) if i (?:dont|didnt|do not|did not|never) (?:come|came|go|went|get|got) home\b",
        r"\b(?:nits|head lice|lice|toothache|a rash|sores)\b(?: \w+){0,3} (?:and )?(?:nobody|no one|noone|mum|dad|they) (?:has |have )?(?:done|did|does|do) (?:anything|nothing)\b",
        # Round 22 (2026-11-27): not let wash or change, as a punishment.
        r"\b(?:wont|doesnt|dont|will not|does not|do not|never) let (?:me|us) (?:wash|shower|have a shower|bath|have a bath|change (?:my|our) clothes|brush (?:my|our) teeth)\b(?! (?:first|before|after|till|until|in the morning)\b)",
        # Round 20 (2026-11-27): wished unborn, a cold house and dirty clothes, drugs and needles, a ghost at home, watched to keep from boys.
        r"\b(?:says|said|tells me|told me|shouts|shouted|screams|screamed)(?: that)? (?:she|he|they) (?:wishes|wished|wish) (?:(?:i|she|he|they) (?:had|d|was|were) never (?:been )?born|(?:id|shed|hed|theyd) never (?:been )?born|(?:she|he|they) (?:never had|didnt have|had never had) (?:me|her|him|them))\b"
        r"|\b(?:says|said|tells me|told me|shouts|screams) (?:that )?i (?:ruined|ruin|wrecked|have ruined) (?:her|his|their) li(?:fe|ves)\b",
        r"\b(?:our|my|his|her|their) (?:house|flat|home) (?:has|had|got) no (?:heating|hot water|electric|electricity|gas|food)\b|\b(?:my|his|her|their) clothes are (?:always )?(?:dirty|too small and dirty|smelly)\b",
        r"\b(?:mum|dad|step ?dad|step ?mum|mums (?:boyfriend|partner)|my parents|parents|he|she|they) (?:does|do|takes|take|smokes|smoke|injects|inject|is on|are on|sells|sell) (?:drugs|crack|heroin|smack|coke|spice)\b(?! (?:awareness|education)\b)"
        r"|\bneedles (?:about|around|lying (?:about|around)|on the floor|in the (?:house|bathroom|kitchen))\b",
        r"\b(?:like (?:im|i am) (?:just )?(?:a ghost|invisible|not (?:even )?there)) (?:in|at) (?:my|our) (?:house|home|family)\b|\b(?:nobody|no one) at home (?:even )?(?:looks at|talks to|speaks to|notices) me\b",
        r"\b(?:follow|follows|watch|watches|check on|checks on) me(?: \w+){0,3} so (?:i (?:dont|cant|wont|do not|can not) )?(?:talk|speak) to (?:any )?boys\b"
        r"|\b(?:talk|speak) to (?:any )?boys\b(?: \w+){0,3} (?:or|else) (?:they|he|she)(?:ll| will) (?:tell|hurt|hit|kill|send)\b",
        # Round 17: a disabled child left in bed, threats for being gay, doors that may not be shut.
        r"\b(?:carer|mum|dad|they|she|he)(?: \w+){0,2} (?:leaves|left|leave) (?:me|us) in (?:bed|my chair|the chair|my wheelchair|my room|the dark)(?: \w+){0,2} "
        r"(?:all day|all night|for hours|for days|when (?:she|he|they)(?: is| are|s)? (?:gets? )?(?:annoyed|angry|cross|drunk|busy))\b",
        r"\bif (?:im|i am|i was|i came out as) (?:gay|bi|lesbian|trans|queer)\b(?: \w+){0,3} (?:hell|he will|shell|she will|theyll|they will|they would|he would|she would)(?: \w+)? "
        r"(?:throw me out|kick me out|disown me|kill me|hurt me|send me away|hit me|beat me)\b",
        r"\b(?:mums? (?:new )?(?:man|boyfriend|partner|fella|husband)|step ?dad|step ?mum|uncle|he)(?: \w+){0,2} (?:wont|will not|doesnt|does not|never) let (?:me|us) "
        r"(?:have|keep|close|shut|lock) (?:my|our|the) (?:bed ?room |bathroom )?doors? (?:shut|closed|locked)\b",
        # Round 15: a parent who hears voices, checked at night for breathing; telling made it worse; sent away "to be fixed".
        r"\b(?:hears voices|doesnt (?:know|recognise) (?:who i am|me))\b(?: \w+){0,4} (?:and )?i (?:have to|must|need to) (?:look after|care for|watch) (?:her|him|them|mum|dad)\b",
        r"\bcheck (?:if |that )?(?:mum|dad|my mum|my dad|she|he|her|him) (?:is )?(?:still )?breathing\b",
        r"\b(?:told|tell) (?:my |the |a )?(?:teacher|social worker|police|school|someone) about (?:my )?(?:dad|mum|step ?dad|step ?mum|him|her|home|what happens)\b(?: \w+){0,5} (?:and )?now (?:its|it is|things are|he is|hes|she is|shes) (?:even )?(?:worse|angrier|really angry)\b",
        r"\b(?:send|sending|sent|take|taking) me (?:away )?(?:to )?(?:be fixed|get fixed|fix me|be cured|cure me)\b",
        r"\b(?:nobody|no one|noone) (?:has )?(?:picked me up|come home|been home|fed us|fed me)(?: \w+){0,4} (?:for|in) (?:two|three|four|five|\d+|a few|several) days\b",
        # Round 14: the food money spent on drink, a parent shut away for days, shaking after what someone did.
        r"\bspends? (?:it|all the money|the money|our money|the food money|everything|all of it)(?: \w+){0,2} on (?:drink|drugs|booze|alcohol|weed|gambling|betting)\b",
        r"\b(?:mum|dad|mom|mother|father|step ?mum|step ?dad|parents?) (?:just )?(?:locks?|locked) (?:herself|himself|themselves) in (?:her|his|their) (?:bed)?room\b(?: \w+){0,3} (?:for days|all day|for hours|all the time|for weeks)\b(?! (?:playing|gaming|on (?:her|his) (?:phone|xbox|playstation|computer)|when (?:she|he) (?:works|is working)|to work|working))",
        r"\b(?:make|makes|made|making) (?:me|us) work\b(?: \w+){0,8} (?:cant|can not|cannot|dont|never|miss|not allowed to)(?: \w+){0,4} (?:go to )?school\b",
        r"\bafter what (?:my \w+|he|she|they|him) (?:did|done|had done)\b(?: \w+){0,6} (?:cant stop|shaking|shake|scared|afraid|frightened|nightmares|cant sleep|feel sick)\b",
        # Round 13: food hidden against hunger, punishments that go on for hours.
        r"\b(?:hide|hiding|hid|stash|stashing) (?:food|bread)(?: \w+){0,4} (?:because|cos|coz|in case)(?: \w+){0,3} (?:isnt any|is no food|isnt enough|no food|nothing to eat|(?:i|we) (?:go|get) hungry)\b",
        r"\b(?:makes?|made|making) (?:me|us) (?:kneel|stand in the corner|sit in the corner|stand outside|sit outside|stand against the wall|stand still|stand on one leg)(?: \w+){0,4} (?:for hours|all night|all day|without food|in the cold)\b",
        # Round 12: no doctor or dentist for years; scared to tell because of what happened last time.
        r"\b(?:doctor|gp|dentist)(?: or (?:a |the )?(?:doctor|gp|dentist))? (?:in|for) (?:years|\d+ years)\b(?: \w+){0,2} (?:because|cos|coz|as) (?:my )?(?:mum|dad|parents|step ?mum|step ?dad|they|she|he) "
        r"(?:wont|will not|dont|doesnt|do not|does not|never|cant be bothered|forgets?|forgot)\b",
        r"\bscared to tell (?:my |the |a )?(?:social worker|foster carer|carer|teacher|police|school)(?: \w+){0,2} (?:because|cos|coz|in case) (?:last time|they will|theyll|ill|i will|i might|i got|i get) (?:\w+ ){0,2}(?:moved|taken|hurt|in trouble|sent|take me away|put me in care|move me)\b",
        # Forced marriage and FGM: abuse in law (Working Together), told in a child's words.
        r"\b(?:made|making|forced|forcing|force|forces|make|makes|pressured|pressuring) (?:me )?(?:to )?(?:marry|get married)\b"
        r"|\b(?:taking|take|send|sending|sent|took|takes|sends) me (?:back )?(?:\w+ ){0,5}to (?:get married|marry|be married)\b"
        r"|\b(?:want|wants|want me|wants me) to (?:marry|get married to) (?:my cousin|someone i dont know|a man|an older)\b"
        r"|\b(?:say|says|said|told me) (?:that )?i (?:have to|must|will have to|am going to|will) (?:marry|get married to) (?:my cousin|someone|a man|an older|him)\b",
        r"\b(?:doesnt|dont|does not|do not|wont|will not|never) let (?:me|us) go to school\b",
        r"\bfgm\b(?<!about fgm)(?! (?:awareness|lessons?|talks?|workshop|assembly|video)\b)"
        r"|\b(?:have to|going to|gonna|want me to|wants me to|will|make me) (?:be |get )?cut (?:like|down there|because|when)\b"
        r"|\bto (?:be |get )cut (?:like (?:my|her|our) (?:sisters?|cousins?|mum)|down there)\b",
        r"\b(?:wont|doesnt|dont|will not|does not|never) let (?:me|us) (?:eat|have (?:any )?(?:food|dinner|tea|breakfast|lunch))\b"
        r"(?! (?:\w+ ){0,3}(?:in peace|without|on the sofa|in my room|in front of the tv|sweets|junk|crisps|chocolate|sugar|fast food|mcdonalds|before|after)\b)",
        # What children say when they hint rather than tell (NSPCC: "how children tell").
        r"\b(?:not allowed|cant|can not|cannot|mustnt|must not|not supposed|told not) (?:to )?tell (?:anyone|anybody|nobody|"
        r"the social worker|my social worker|social services|the police|teachers?|school|my teacher)\b(?! (?:about )?(?:the|my) (?:surprise|present|party|answers?)\b)",
        r"\b(?:mum|dad|my (?:mum|dad|parents?)|parents)(?: \w+)? (?:doesnt|dont|does not|do not|never|cant|wont|can not) (?:even )?get out of bed\b"
        r"(?! (?:on (?:sundays?|saturdays?|weekends?|the weekend)|till|until|before|early)\b)",
        r"\bno bed (?:for me|to sleep in|of my own)\b|\b(?:i|we) (?:have to |always |still )?sleep on the (?:floor|sofa) (?:because|cos|every night)\b",
        r"\b(?:havent|have not|hasnt|has not|not|we havent|i havent) (?:eaten|had (?:any )?(?:food|anything to eat)) "
        r"(?:since (?:yesterday|last night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|for (?:two|three|four|\d+|a couple of|days)|in days|all weekend)\b",
        r"\b(?:abused|abusing me|abuses me|abuse at home|abuse (?:from|by) (?:my|him|her|them))\b",
        r"\b(?:my|an|the|our) (?:abuser|abusive (?:\w+ )?(?:relationship|household|home|parents?|dad|mum|stepdad|stepmum|partner|boyfriend|girlfriend|ex|family|husband|wife|marriage|brother|sister|uncle))\b",
        r"\b(?:emotionally|physically|verbally|mentally|psychologically|sexually) (?:abused|abusive|abusing|abuses)\b",
        r"\b(?:he|she|they|my \w+) (?:was|is|were|are|has been|had been|got) (?:so |very |really )?abusive\b",
        r"\b(?:not (?:being )?(?:allowed|let) (?:to )?(?:eat|have food|have dinner|out of my room|see my friends|leave the house|go out|go to school))\b"
        r"(?! (?:after (?:dark|\d+|nine|ten|eight|seven|tea)|at night|on (?:my|our) own|alone|in (?:winter|the dark)|on school nights|until (?:ive|i have) done|till (?:ive|i have) done|without (?:a|an) (?:adult|coat))\b)",
        r"\b(?:no|never any|never enough|not enough) (?:food|heating|electric|clean clothes|bed)(?: \w+){0,3} (?:at|in the|in our) (?:home|house)\b",
        r"\b(?:no|nothing|never anything|never enough) (?:food )?to eat\b|\b(?:dont|do not) (?:have|get) (?:a bed|any food|enough food|fed)\b",
        r"\b(?:doesnt|dont|never|wont) feed (?:me|us)\b|\bim always hungry\b|\b(?:eat|eats|eating) (?:from|out of) (?:the )?bins?\b",
        r"\b(?:locks?|locked|lock) (?:me|us|him|her) (?:in|out)\b(?!(?: \w+){0,2} (?:by (?:accident|mistake)|for a joke|as a joke)\b| of (?:his|her|their) (?:bed)?room\b)|\b(?:get|got|been|am|im|was|keep getting) locked (?:in|out)\b"
        r"(?! of (?:my |the |our |a |his |her )?(?:\w+ )?(?:account|game|games|phone|ipad|tablet|laptop|computer|console|xbox|playstation|app|locker|chat|group chat|server)\b)",
        r"\bwe (?:have|got) no (?:heating|electric|electricity|food|money for food|gas)\b",
        r"\b(?:leaves?|left) me to look after\b",
        r"\b(?:leaves?|left|leaving) (?:me|us) (?:with (?:nobody|no one|no adult|no grown ups?|no food)|by (?:myself|ourselves)|all night|overnight|for days)\b",
        r"\b(?:same|dirty) (?:clothes|uniform)(?: \w+){0,2} (?:every day|all week|for days|for a week)\b"
        r"(?=.*\b(?:no (?:washing|clean|money)|doesnt care|dont care|does not care|smell|nobody washes|no one washes|not washed)\b)",
        r"\b(?:theres|there is|there s) (?:nothing|no food|never anything|never any food)(?: to eat)? (?:at home|in the house|in our house|at my house)\b",
        r"\b(?:hide|hiding) (?:in my room )?so (?:they|he|she) (?:dont|cant|wont|do not) see me\b",
        r"\b(?:left|leave|leaves) (?:me|us) (?:on (?:my|our) own|alone|home alone)\b",
        r"\b(?:im|were|we are|i am|i get) left (?:on (?:my|our) own|alone|home alone)\b",
        r"\b(?:no one|nobody) (?:to look after|looks after|washes|feeds|cares for) (?:me|us|my)\b",
        r"\b(?:theres |there is )?(?:no|never any|never enough|not enough) food (?:at home|in the house)\b",
        r"\b(?:makes?|made) (?:me|us) (?:sleep on the floor|stand (?:in the corner|outside)|do all the|look after)\b",
        # Round 4 of children's words (2026-11-27): going without because of who they are, a doctor
        # refused, missing school to care, clothes for the winter, nobody at home who talks to them.
        r"\bso (?:i|we) (?:dont|do not|never) get (?:any )?(?:tea|dinner|food|fed|breakfast|lunch)\b",
        r"\b(?:havent got|have not got|dont have|do not have|ive got no|i have no) (?:a )?(?:toothbrush|clean (?:pants|clothes|underwear|socks|uniform))\b",
        r"\b(?:says|said|tells me|told me) (?:that )?i deserve (?:it|to be hurt|to be hit|this|what i get)\b",
        r"\bonly (?:get|have|eat) (?:one|1) (?:meal|proper meal|hot meal)(?: a| per| every)? day\b|\bgo to bed hungry\b|\b(?:cos|because|as) (?:theres|there is|there s) no food\b",
        rf"\bwhat (?:my )?(?:\w+ )?(?:{_KIN}|he|she|they) (?:did|does|has done|was doing)\b(?=.*\b(?:believe|scared|secret|tell|blood|hurts)\b)"
        r"|\b(?:blood|bleeding|it hurts|hurts) when i (?:go to the toilet|wee|pee|sit down)\b(?=.*\b(?:he|she|they|him|did|after)\b)"
        r"|\bafter what (?:he|she|they|my \w+(?: \w+)?) did to me\b",
        r"\b(?:tells?|told|says|said) (?:me )?(?:that )?(?:i|im|i have|ive) (?:ruined|ruin|wrecked|destroyed) (?:her|his|their|everyones|the familys|our) li(?:fe|ves)\b",
        r"\b(?:not had|havent had|have not had|cant have|no) (?:a )?(?:wash|bath|shower)(?: \w+){0,2} (?:for|in) (?:weeks|two weeks|three weeks|a week|days|ages|a month)\b",
        r"\bonly (?:feeds|feed|cooks for|buys (?:food|clothes) for|gives food to) (?:my )?(?:step ?sisters?|step ?brothers?|sisters?|brothers?|the others|her (?:kids|children|own)|his (?:kids|children|own))\b",
        r"\b(?:so|always|really|constantly) hungry\b(?=.*\b(?:hurts|all the time|no food|nothing to eat|every day|cant sleep)\b)|\bhurts? (?:all the time )?from (?:being )?(?:so )?hungry\b",
        r"\b(?:shake|shaking|freeze|panic|hide|start shaking|start crying) when i hear (?:his|her|their|my \w+s?) (?:car|key|keys|voice|footsteps|van)\b",
        r"\b(?:wont|doesnt|will not|does not|never|dont|do not) (?:let me|take me(?: to)?|let me go to) (?:see )?(?:a |the )?(?:doctor|dentist|gp|hospital)\b"
        r"(?=.*\b(?:hurts?|pain|months|weeks|ill|sick|bleeding|broken|swollen)\b)",
        r"\b(?:havent been|not been|have not been|missed|miss|missing|off) (?:to |going to )?school (?:for|in) (?:weeks|months|ages|days|a month)\b"
        r"(?=.*\b(?:look after|have to|because (?:mum|dad|of (?:mum|dad|home)))\b)",
        r"\b(?:dont|do not|never) have (?:a coat|shoes|a bed|clean clothes|warm clothes|any clothes)(?: or \w+)?(?: \w+)? that fits?\b"
        r"(?=.*\b(?:winter|cold|freezing|nobody|no one|wont buy|doesnt buy)\b)",
        r"\b(?:no one|nobody|noone) (?:at home|in my (?:family|house)) (?:who )?(?:talks|speaks|listens|cares|loves)\b",
        r"\b(?:wish(?:es|ed)?|wishing) (?:i|id) (?:was|were|had) never (?:been )?born\b",
        # A child who fears getting an adult at home into trouble (NSPCC: why children do not tell).
        r"\b(?:dont|do not|didnt|did not|never) want (?:to )?(?:get|getting|to get) (?:my )?(?:dad|mum|step ?dad|step ?mum|uncle|grandad|nan|"
        r"mums (?:boyfriend|partner|husband)|dads (?:girlfriend|partner|wife)|parents) (?:\w+ )?in(?:to)? trouble\b"
        r"|\b(?:dont|do not|didnt|did not) want to ruin (?:his|her|their) li(?:fe|ves)\b",
        # Looking after brothers and sisters with no adult there; sleeping in clothes for the cold.
        r"\b(?:have to|got to|i|always) (?:always )?look after my (?:little |baby |younger )?(?:brothers?|sisters?|siblings)\b"
        r"(?=.*\b(?:never (?:there|home|around|in)|not there|drunk|out all|all night|on (?:my|our) own|nobody else|no one else)\b)",
        r"\bsleep in (?:my|our) (?:clothes|coat|coats|uniform)\b(?=.*\b(?:cold|no heating|no electric|no bed|no blankets?|no duvet)\b)",
        r"\b(?:tells? me|told me|calls? me|called me|says|said) (?:im |i am |that im |that i am )?(?:a mistake|worthless|useless|stupid|fat|ugly|nothing(?<=(?:im|am) nothing)|a waste|horrible names|names)\b",
        r"\b(?:get|got|getting) (?:shouted at|screamed at|called names|sworn at)\b(?! by my (?:little |big )?(?:brother|sister|cousin)s? when (?:he|she|they) (?:loses?|lost)\b)",
        r"\b(?:nobody|no one) (?:wants|loves|looks after|cares for|cares about|talks to) (?:me|us)\b",
        r"\b(?:take|takes|took) (?:my|our) food (?:away|off)\b|\block the fridge\b|\b(?:locks?|locked) (?:the )?(?:fridge|food cupboards?|food)\b|\b(?:locks?|locked) (?:me|us) out of the kitchen\b",
        r"\bput me in care\b|\bsend me back to the home\b",
        r"\b(?:neglect(?:ed|s|ing)? (?:me|us)|im neglected|being neglected)\b",
        # Control in young people's own relationships (NSPCC, Childline: healthy relationships).
        r"\b(?:boyfriend|girlfriend|partner|ex)(?: \w+){0,3} (?:checks|goes through|reads|tracks|controls|takes|took|smashed|smashes) (?:all )?my (?:phone|messages|texts|location|snapchat|snaps|money)\b"
        r"(?! to (?:see|show|find|look at|watch) (?:me |us )?(?:the |a |my |our |some |his |her )?(?:memes?|videos?|vids|pics?|photos?|time|score|game|tiktoks?)\b)",
        r"\b(?:boyfriend|girlfriend|partner|ex)(?: \w+){0,3} (?:wont|doesnt|does not|will not|never) let me (?:see|talk to|go out with|hang out with|text|message) (?:my |any )?(?:friends|mates|family|boys|girls|other)\b",
        r"\b(?:boyfriend|girlfriend|partner|ex)(?: is| was| gets| can be)? (?:\w+ )?(?:jealous and controlling|controlling|possessive)\b",
        r"\b(?:boyfriend|girlfriend|partner|ex|he|she)(?: \w+){0,2} (?:tells|told|decides) me what to wear\b"
        r"|\b(?:tells|told|decides) me who i can (?:see|talk to|text|be friends with|hang out with)\b",
        r"\b(?:mum|dad|parents?|mums? \w+|my \w+) (?:is|are) (?:on drugs|always drunk|drunk all the time|high all the time|always out|never home)\b",
        r"\b(?:she|he|they|mum|dad|my mum|my dad|my parents)(?:s| is| are| was| were| gets| get) always (?:drunk|high|wasted)\b"
        r"|\b(?:because|cos|cause|coz) (?:she|he|they|mum|dad|my mum|my dad)(?:s| is| are| was| were) too (?:drunk|high|wasted)\b(?! to drive)"
        r"|\btoo (?:drunk|high|wasted) to (?:look after|wake up|get up|cook|take|pick|notice|care)\b",
        # Silenced with a threat: "said he would kill our dog if I told anyone what he does".
        r"\bif i (?:tell|told|say|said) (?:anyone|anybody|someone|my mum|mum|my dad|dad|a teacher)(?: about)? what (?:he|she|they) (?:does|did|do|has done|have done|is doing|does to me|did to me)\b",
        r"\b(?:drinks|drink) all the time and (?:forgets|ignores|leaves)\b|\bwhen (?:he|she|mum|dad) (?:drinks|is drunk|gets drunk)\b",
        r"\b(?:threaten(?:s|ed)? (?:me|us|my (?:little |baby |big )?(?:brother|sister|mum|family))|get threatened|got threatened)\b",
        r"\b(?:took|take|takes|taken) (?:away )?my phone(?: \w+){0,3} (?:and|so) (?:i cant|wont let me|doesnt let me|dont let me|i can not) "
        r"(?:talk to|speak to|see|contact|message|text) (?:anyone|my friends|my mates|my family|nobody)\b",
        r"\b(?:broke|smashed|took|hid|hides|takes|breaks|smashes) my phone (?:so (?:i cant|i can not|i cannot)|and now i cant) (?:call|ring|text|message|contact|tell) (?:anyone|anybody|nobody|for help|the police|my \w+)\b",
        r"\bif (?:i|we) tell (?:my |the |our )?(?:social worker|teacher|police|anyone|school|social services)(?: \w+){0,2} "
        r"(?:ill|i will|well|we will|theyll|they will|hell|he will|shell|she will)(?: \w+){0,2} (?:be moved|get moved|be taken|get taken|get hurt|be hurt|be sent|get sent|kill|hurt|take us)\b"
        r"|\b(?:social services|social workers?|the police|they) (?:will|would|are going to|gonna|will come and) (?:take|split) (?:us|me) (?:away )?(?:if|when) (?:we|i) tell\b",
        r"\bcontrols? (?:everything|all|her money|his money|the money)\b|\bchecks? (?:my phone|who i talk to) all the time\b",
        r"\b(?:punish|punishes|punished) (?:me|us) (?:if|when|for)\b",
        r"\b(?:act|acts|treat|treats) (?:me )?like (?:im|i am) not (?:there|here)\b|\btreated differently\b",
        r"\b(?:dont|doesnt|do not|does not) care (?:where i am|about me|if i)\b",
        r"\b(?:she|he|they) hates? me\b|\bthe reason (?:dad|mum|he|she) left\b",
        r"\b(?:forces?|forced|makes?|made) (?:me|us) (?:to )?eat (?:until|till|til|off the floor|out of the bin|my (?:own )?sick|my (?:own )?vomit)\b",
        r"\b(?:makes?|made) (?:me|us) (?:sleep|stay|live) (?:in the (?:shed|garden|car|garage|cupboard|cellar)|outside)\b",
    ),
    "sexual harm": (
        # Round 26 (2026-11-27): walking in on the shower and staying, asked inside while mum is out.
        r"\b(?:walks?|walked|comes?|came) in (?:when|while) (?:im|i am|i was) (?:in the (?:shower|bath)|getting (?:changed|dressed|undressed)|changing)\b(?=.*\b(?:wont leave|doesnt leave|didnt leave|stays|stayed|watches|watched|every time|always|on purpose|stares|looks)\b)",
        r"\b(?:asks?|asked|tells?|told|wants?|wanted) (?:me|us) to (?:come|go) (?:inside|in|round|into (?:his|her) (?:house|flat|car))\b(?: \w+){0,3} (?:when|while) (?:mum|dad|my mum|my dad|my parents|nobody|no one|mums|dads)(?:s| is| are)? (?:out|away|at work|not (?:home|there|in))\b",
        rf"\b{_ONLINE_OR_OLDER}(?: \w+){{0,3}} {_GROOMING_ACT}",
        rf"\b(?:a |some |this )?(?:man|men|guy|someone|somebody|person|stranger)(?: i (?:met|know|talk to|play with))? (?:online|on {_PLATFORM}|from (?:discord|snapchat|snap|roblox|tiktok|insta|instagram))"
        r"(?: \w+){0,3} (?:wants?|wanted|asks?|asked|keeps asking) (?:me )?to meet(?: up)?(?: with)?(?: me)?\b",
        # A grid of who, what and where (2026-11-27): "my mummy's friend touches my private parts" went unheard.
        rf"\b{_INTIMATE_CONTACT} (?:my|her|his|our|their|me on (?:my|the)|me on her|me on his) {_INTIMATE}\b{_NOT_AT_THE_DOCTOR}"
        rf"|\b{_INTIMATE_CONTACT} (?:me|her|him|us) (?:down there|there|in bed|under (?:my|the|her|his) (?:clothes|pants|knickers|pyjamas|covers|duvet))\b",
        rf"\b{_INTIMATE_LOOK} (?:my|her|his|our|their) {_INTIMATE}\b{_NOT_AT_THE_DOCTOR}"
        rf"|\b{_INTIMATE_LOOK} (?:me|her|him|us) (?:in bed|in the (?:bath|shower)|naked|undressed|with no clothes on|with nothing on|getting (?:dressed|changed|undressed)|when (?:i|she|he) (?:get|gets|am|is) (?:dressed|changed|undressed|in the (?:bath|shower))|down there)\b"
        + _CHANGING_FOR_SPORT,
        # Round 24 (2026-11-27): private parts touched, a fake nude, a top taken off on camera.
        r"\btouch(?:es|ed|ing)? (?:my|her|his|our) (?:private parts|privates|private bits|bits|willy|vagina|penis|front bottom|boobs)\b",
        r"\b(?:fake|edited|ai|photoshopped|deepfake|deep fake)(?: \w+){0,2} (?:naked|nude|nudes|sexy|rude) (?:picture|pic|photo|image|video|vid)s? of (?:me|her|him|us)\b|\bdeep ?fakes? of (?:me|her|him)\b",
        r"\b(?:man|men|guy|someone|somebody|stranger|he|they|boy|lad)(?: \w+){0,14} (?:take|took|taking) (?:my|off my) (?:top|clothes|shirt|t shirt|trousers|pants|knickers|bra|dress|skirt) off\b",
        # Round 22 (2026-11-27): what he wants to do to me, a video held over a meeting, coming in at night, pills from men.
        r"\bwhat (?:he|she|they|hed|shed) (?:wants|want|wanted|would like|is going|would) to do to me\b",
        r"\b(?:share|post|send|show|put|leak)(?: \w+){0,2} (?:the |a |that |this )?(?:video|vid|pics?|pictures?|photos?|nudes) of me\b(?: \w+){0,3} (?:if|unless) i (?:dont|do not|wont|will not|dont go|dont come)\b",
        r"\b(?:he|she|they|my \w+(?: \w+)?) (?:comes|come|came|keeps coming|will come) in(?:to)?(?: my (?:room|bed|bedroom))? at night\b(?=.*\b(?:scared|afraid|frightened|pretend|sleep|cant sleep|hide|lock)\b)"
        r"|\b(?:scared|afraid|frightened|terrified)(?: \w+){0,5} (?:because|cos|in case|when) (?:he|she|they|my (?!(?:dog|cat|puppy|kitten|hamster|rabbit)\b)\w+(?: \w+)?) (?:comes|come|came|keeps coming|will come|might come) in(?:to)?(?: my (?:room|bed|bedroom))?(?: at night)?\b"
        r"(?!(?: \w+){0,4} (?:to play|to borrow|to say goodnight|to check|for a cuddle|with (?:the )?(?:dog|cat))\b)",
        r"\b(?:given|give|gave|gives|getting|get|got) (?:me |us )?(?:pills|drugs|drinks|alcohol|vodka|weed)(?: \w+){0,4} (?:by|from) (?:men|older men|a man|older boys|older lads|strangers|adults)\b",
        # Round 21 (2026-11-27): others touched by an adult in charge of them.
        r"\b(?:get|gets|getting|got|are being|were being|is being|was being|keep getting) (?:touched|groped|felt up|kissed) by (?:the|a|their|our|my|his|her) (?:\w+ )?(?:teacher|coach|man|uncle|step ?dad|dad|tutor|leader|caretaker|driver|neighbour|priest|imam|instructor)\b",
        # Round 20 (2026-11-27): nudes held for money, stuff not ready for, a coach's favourite kept secret.
        r"\b(?:post|share|send|leak|put)(?: \w+){0,2} (?:them|it|(?:my|her|his|their) (?:pics|pictures|photos|nudes|videos))(?: \w+){0,3} unless (?:i|she|he|they) (?:pay|pays|send|sends|give|gives|do|does)\b|\b(?:has|got|have|saved) (?:my|her|his|their|\w+s) nudes\b",
        r"\b(?:dump|leave|finish with|break up with) me if i (?:dont|do not|wont|will not) (?:do (?:stuff|things|it|sexual)|send|have sex|sleep with)\b|\bstuff (?:im|i am) not ready (?:for|to do)\b",
        r"\b(?:says|said|tells me|told me|tells her|told her|tells him|told him) (?:im|i am|shes|she is|hes|he is) (?:his|her) (?:favourite|special|fave|best girl|best boy)\b(?=.*\b(?:not to tell|dont tell|secret|at night|alone|delete)\b)"
        r"|\b(?:says|said|tells me|told me) not to tell (?:the others|the team|the rest|anyone|anybody|my (?:mum|dad|parents|friends))\b(?! about (?:the|my|our) (?:surprise|present|party)\b)",
        # Round 17 (2026-11-27): a "sugar daddy", money for pictures, "his little wife", a meet-up alone.
        r"\bsugar (?:daddy|daddies|mummy)\b|\b(?:sends?|sent|gives?|gave|pays?|paid) me (?:money|cash|\d+ quid|\d+ pounds)(?: \w+){0,2} for (?:pics|pictures|photos|nudes|videos)\b",
        r"\bcalls? me (?:his|her) (?:little )?(?:wife|girlfriend|boyfriend|husband|missus|bride)\b",
        r"\b(?:wants|asked|asks|told|tells) me to (?:come to |go to )?(?:a |his )?(?:meet ?up|meet him|see him|his house|his flat)(?: \w+){0,2} "
        r"(?:on my own|alone|by myself|without (?:my )?(?:mum|dad|parents|anyone|telling))\b",
        # Round 16: a threat to share pictures, a 13-year-old's 20-year-old boyfriend, a teacher's "don't tell your mum".
        r"\b(?:hell|he will|shell|she will|theyll|they will|hes going to|shes going to|theyre going to|going to|gonna) (?:share|post|show|send|leak|spread|put) my (?:pics|pictures|photos|nudes|videos|vids)\b(?: \w+){0,4} (?:if|unless) i\b",
        r"\b(?:1[0-5]|[89])\b(?: \w+){0,6} (?:has|have|got|with|dating|seeing|going out with) an? (?:1[89]|[2-4]\d) (?:yr|yrs|year|years) old (?:boyfriend|girlfriend|man|guy|bloke)\b",
        r"\b(?:teacher|coach|tutor|leader|man|guy|adult|uncle|he|she)(?: \w+){0,3} (?:texting|messaging|snapping|dming|texts|messages|snaps|dms) me\b(?: \w+){0,6} "
        r"(?:says|said|tells me|told me)(?: to)? (?:dont|not to|do not|never) tell (?:your|my) (?:mum|dad|parents|family)\b(?! about (?:the|a|my|her|his|your) (?:surprise|present|party|gift|birthday)\b)",
        # Round 15: weed then photos, pictures of girls without clothes shared in a group chat, "in return we have to do stuff".
        r"\b(?:gave|gives|give|giving) (?:us|me) (?:weed|drugs|vodka|alcohol|drink|pills|vapes)(?: \w+){0,3} (?:took|takes|take|taking) (?:photos|pictures|pics|videos) of (?:us|me)\b",
        r"\b(?:share|sharing|shared|send|sending|sent|post|posting|posted) (?:\w+ ){0,2}(?:pics|pictures|photos|videos|vids|nudes) of (?:girls|boys|people|kids|us|me|her|him)(?: \w+){0,4} (?:without (?:clothes|their clothes|any clothes)|naked|with no clothes)\b",
        r"\bin return (?:we|i) (?:have to|must|had to|need to) (?:do stuff|do things|do stuff for him|sleep with him|do what he says|do sexual)\b",
        # Round 14: an adult in the bath, "stuff with older men for money", a video held over a child.
        r"\b(?:partner|boyfriend|girlfriend|step ?dad|step ?mum|uncle|man|dads? (?:friend|mate)|mums? (?:friend|mate)|grandad|he)(?: \w+){0,2} (?:gets?|got|comes?|came|climbs?) in(?:to)? the (?:bath|shower) with me\b",
        r"\b(?:do|doing|does|did) (?:stuff|things|sex stuff|sexual stuff) with (?:older )?(?:men|man|guys|lads|boys) for (?:money|cash|drugs|presents|stuff|a place to stay)\b(?! like\b)",
        r"\b(?:send|post|share|show|leak|put) (?:the |a |my )?(?:video|vid|pics?|photos?|pictures?|nudes?) of me\b(?: \w+){0,6} unless i\b"
        r"|\bunless i do what (?:they|he|she) (?:say|says|want|wants|tell me|tells me)\b",
        # Round 13: waking with clothes off, filmed in pyjamas, nudes demanded, questions about school from online.
        r"\b(?:woke up|when i woke)(?: \w+){0,6} (?:my|with my|without my) (?:clothes|pants|knickers|trousers|jeans|top|skirt)(?: were| was)? (?:off|gone|missing|undone|taken off|pulled down)\b",
        r"\b(?:films?|filmed|filming|records?|recorded|recording) (?:me|us) (?:when|while) (?:im|i am|i was|we are|were|we were) "
        r"(?:in (?:my|our) (?:pyjamas|pjs|underwear|pants|bed|bath)|asleep|sleeping|changing|getting changed|in the (?:bath|shower))\b",
        r"\bif i (?:dont|do not|wont|will not) send (?:him |her |them )?(?:nudes?|naked (?:pics|photos|pictures)|dirty (?:pics|photos)|pics of my (?:body|boobs|bum))\b",
        r"\b(?:online|on (?:snap|snapchat|tiktok|insta|instagram|discord|roblox|fortnite|whatsapp|minecraft|a game|the game|an app))(?: \w+){0,4} (?:keeps? |always |kept )?(?:asking|asks|asked|wants to know) (?:me )?"
        r"(?:what|which|where) (?:school|time i (?:finish|get out|leave)|i live|my address)\b",
        r"\b(?:he|she|they|my \w+|dad|mum)(?: \w+)? (?:says|said|told me|tells me|keeps saying)(?: that)? (?:nobody|no one|noone) (?:will|would|is going to|gonna) (?:ever )?believe (?:me|you|us)\b",
        # Round 12: an adult who shows sex and suggests trying it; someone online who wants to run away together.
        r"\b(?:showed|shows|show|sent|sends|made me watch|makes me watch) (?:me |us )?(?:videos?|vids?|films?|pictures?|pics?|clips?)(?: \w+){0,3} (?:doing sex|having sex|naked|with no clothes on)\b",
        r"\b(?:we should|lets|wants me to|asked me to|asks me to|told me to|said we could|says we could|says we should|said we should) run away (?:together|with (?:him|her|them))\b",
        r"\b(?:watches|watched|watching|films|filmed|filming|looks at|looked at|stares at|peeps at|spies on) (?:me|us|her) "
        r"(?:in the (?:shower|bath|bathroom)|(?:get|getting) (?:changed|undressed)|undress\w*|naked|when im (?:in the shower|changing|getting changed|in the bath)|when i (?:get|am getting) (?:dressed|changed|undressed))\b"
        + _CHANGING_FOR_SPORT,
        r"\b(?:scared|afraid|worried|terrified|threaten\w*|unless)(?: \w+){0,3} (?:put|post|share|send|leak|spread|show)(?: \w+){0,2} "
        r"(?:(?:my|our) (?:nudes|naked \w+|private \w+)|my (?:pictures|pics|photos|videos)(?! (?:from|of the|on the school|in the yearbook)\b))\b",
        rf"\b{_WHO}(?: \w+){{0,2}} (?:plays?|played|playing) (?:\w+ )?games with (?:me|us)(?: \w+){{0,3}} (?:that )?(?:i|we) (?:dont|didnt|do not|did not) like\b",
        r"\b(?:showed|shows|show|sent|sends|send|touch\w*|made me touch|makes me touch|flash\w*)(?: \w+){0,4} (?:his|her|their) "
        r"(?:private parts|privates|willy|penis|vagina|bits|thing)\b",
        r"\b(?:keeps? asking|asks?|asked|asking|wants?|wanted|told|tells) (?:me )?to (?:video ?call|facetime|call|meet|snap|message|go to his house|go round) "
        r"(?:him|her|them)?(?: \w+)? ?(?:alone|on my own|in private|secretly|without (?:my )?(?:mum|dad|parents|anyone) knowing)\b",
        rf"\b(?:man|men|guy|adult|older (?:boy|man|guy|lad)|someone|person)(?: (?:i|she|he|my (?:friend|mate|sister|brother)) (?:met|know|knows|talk to|talks to))? (?:online|on {_PLATFORM})"
        r"(?: \w+){0,3} (?:keeps? )?(?:asking|asks|wants|sends|sent|messages|messaging|told|tells) (?:me |her |him )?(?:for|to (?:meet|send|video|call|keep|not tell)|(?:(?<=\bme )|(?<=\bher )|(?<=\bhim ))to (?:go (?:to (?:a |his |her |their |the )?(?:hotel|house|flat|car|place|room|party)|round (?:his|hers|theirs|to his|to hers)|away with|with (?:him|her|them))|run away|stay (?:with|at|over))|pics|pictures|photos|nudes|i am|im|to come)\b",
        r"\bkeep (?:it|this|that|them) between (?:us|ourselves|me and (?:him|her|them))\b",
        r"\b(?:feel|felt|feeling) (?:so |really |very )?(?:dirty|ashamed|disgusting|disgusted|ruined)(?: \w+){0,3} (?:about|because of|after|from) what "
        r"(?:he|she|they|my \w+(?: \w+)?) (?:did|does|done|has done|made me do)\b",
        rf"\b{_WHO}(?: \w+){{0,3}} {_SEX_ACT} (?:me|us|her|him|my)\b"
        # A kiss goodnight or on the cheek from family is not harm; a kiss with more, or unwanted, still is.
        r"(?!(?<=kisses me|kissed me|kisses my|kissed my|kisses us|kissed us)(?: \w+)? (?:goodnight|good night|goodbye|bye|cheek|forehead|head|hand|hair|nose|on the (?:cheek|forehead|head))\b(?!.*\b(?:touch\w*|didnt want|dont want|scared|secret|tell)\b))",
        rf"\b{_WHO}(?: \w+){{0,3}} (?:comes?|came|sneaks?|sneaked|gets?|got|tries to get|tried to get) in(?:to)? (?:my|her|his|our|the) (?:room|bed|shower)(?: with)?\b"
        r"(?! to (?:borrow|get|ask|tell|say|play|wake me|give|bring|annoy|watch|use|find|look for)\b"
        r"| and (?:wakes?|jumps|plays|asks|annoys|steals|takes|borrows|turns on)\b)",
        rf"\b{_WHO}(?: \w+){{0,3}} (?:comes?|came|walks?|walked|barges?|barged) in(?:to)? (?:the|my|our) (?:bathroom|shower|toilet)"
        r" (?:when|while) (?:im|i am|i was|she is|shes|her|i) (?:in there|in the (?:bath|shower)|on the toilet|changing|getting changed|undress\w*|washing)\b",
        # Grooming: being asked to be alone with an adult, or to meet and not tell, by someone met in a game.
        r"\b(?:asks?|asked|asking|wants?|wanted|tells?|told|makes?|made) (?:me|us) to (?:sit|stay|be|go|come|sleep)(?: \w+){0,2} "
        r"(?:with|round|to) (?:him|her|them|his (?:room|house|car|flat)|her (?:room|house|car|flat))(?: \w+){0,2} (?:alone|on my own|on our own|by myself)\b",
        r"\b(?:meet|meet up|come|see (?:him|her|them))(?: \w+){0,4} (?:and )?(?:not|without|never) (?:to )?tell(?:ing)? (?:my |our )?(?:parents|mum|dad|mum and dad|anyone|anybody|family|carers?)\b",
        r"\b(?:someone|somebody|a man|a guy|a boy|a girl|he|she|they)(?: \w+){0,3} (?:online|in a game|on (?:roblox|fortnite|discord|snapchat|snap|instagram|insta|tiktok|the game|xbox|minecraft))"
        r"(?: \w+){0,3} (?:says?|said|keeps saying|told me) (?:that )?(?:he|she|they) (?:loves?|love) me\b",
        r"\btouch(?:es|ed|ing)? me (?:where|in places|down there|when|at night|there|and|under)\b",
        r"\b(?:touch(?:es|ed|ing)?|feels?|felt) (?:me|her|him) (?:down there|up|under)\b",
        r"\b(?:made|makes|make|making|forced|forces|force|forcing|pressured|pressures|pressuring|trying to make|tries to make|wants? me to) "
        r"(?:me|her|him|us) (?:to )?(?:do (?:stuff|things|sexual|it)|have sex|touch|suck|send|take (?:pics|pictures|photos)|watch (?:porn|videos))",
        r"\b(?:was|got|been|being) forced to do (?:things|stuff|it)\b|\bdid (?:stuff|things) to me\b",
        r"\b(?:had|have) to do (?:stuff|things|sexual (?:stuff|things)) with\b",
        r"\b(?:considered|count as|counts as|counted as|was (?:it|this|that)|is (?:it|this|that)) (?:\w+ )?rape\b",
        r"\b(?:raped|rape me|rapes me|rape her|sexually (?:abused|assaulted|abusing|assaulting)|sexual abuse|molested|molesting|groped|sexually touched|sexual assault)\b",
        r"\b(?:asks?|asking|asked|keeps? asking|wants?|wanted|begging) (?:me )?(?:for |to send )?(?:nudes|pics|pictures|photos|naked)\b",
        r"\b(?:send|sent|sending|share|shared|sharing|post|posted|posting|leak|leaked|leaking|spread|spreading) (?:my |me )?(?:nudes|naked pics|naked pictures|pics of me|pictures of me|photos of me|mine)\b",
        r"\b(?:would|will|should) send (?:pics|nudes|pictures|photos)\b",
        r"\b(?:blackmail|blackmailing|blackmailed|sextort\w*) (?:me|her|him)\b",
        r"\b(?:teacher|coach|tutor|leader|man|guy|adult|older \w+|uncle|step ?dad|he|she|someone)(?: \w+){0,3} "
        r"(?:messages|snaps|texts|dms|msgs|messaged|texted|snapped|dmd) me\b(?: \w+){0,12} (?:tells?|told|asks?|asked|makes?|made|says?|said) (?:me )?(?:to )?(?:delete|clear|hide) "
        r"(?:them|the (?:messages|chats?|snaps|texts|dms)|our (?:messages|chats?|snaps|texts|dms)|his (?:messages|snaps|texts)|her (?:messages|snaps|texts)|everything)\b",
        r"\bif i (?:dont|do not|wont|will not|stop) (?:send|sending) (?:him |her |them )?(?:more |another |any more |some |a )?(?:pics?|pictures?|photos?|nudes?|videos?|vids?)\b"
        r"(?: \w+){0,3} (?:hell|he will|shell|she will|theyll|they will|he is going to|she is going to|they are going to|hes gonna|shes gonna|theyre gonna) (?:show|send|share|post|put)\b",
        r"\b(?:(?:our|a) (?:little )?secret(?! about who (?:she|he|they) (?:fancies|likes|fancy|like|fancied|liked)\b)|keep (?:it|this) (?:a )?secret|keep secrets|not to tell (?:anyone|my mum|my dad|mum|dad))\b",
        r"\b(?:makes?|made|tells?|told) me (?:to )?(?:keep|promise)\b(?=(?: \w+){0,4} (?:secrets?|quiet|between us|it between|our (?:thing|secret)|not (?:to )?tell|i (?:wont|will not|dont) tell|to myself|from (?:mum|dad|my mum|my dad|everyone|my parents))\b)",
        r"\bnobody (?:would|will) believe me\b(?! (?:when|if) i (?:say|tell)\b(?: \w+){0,3} (?:scored|won|got|met|saw|came|caught)\b)",
        r"\b(?:had|have|having) sex with (?:a man|an adult|a grown ?up|a guy|someone older|an older \w+|a man i met)\b",
        r"\b(?:gives?|gave|pays?|paid|buys?|bought) (?:me|us) (?:money|sweets|presents|things|stuff|vapes)(?: \w+){0,2} (?:to keep quiet|to not tell|so (?:i|we) (?:dont|wont) tell|to keep (?:it|this) (?:a )?secret)\b",
        r"\b(?:makes?|made|making|shows?|showed|showing|lets?|let) (?:me|us) (?:watch|see|look at) (?:films|videos|movies|pictures|stuff|things)(?: \w+){0,3} "
        r"(?:for adults|for grown ups|adult|rude|dirty|sexy|with naked|porn\w*|x rated)\b",
        r"\b(?:give|gives|buy|buys|get|gets) (?:me|us)(?: \w+){0,4} if (?:i|we) (?:go|come|get) (?:in(?:to)? )?(?:the back|his (?:car|van|house|flat|room)|her (?:car|house|flat|room)|upstairs|round his)(?: \w+)? with (?:him|her|them)\b",
        rf"\bbecause of what (?:my )?(?:\w+ )?(?:{_KIN}|he|she|they) (?:did|does|has done|done)\b(?! (?:at|in|on|for) (?:the )?(?:match|game|party|school|football)\b)",
        r"\b(?:keeps? )?(?:sending|sends|sent|showing|shows|showed) me (?:videos|pics|pictures|photos|vids|stuff|things)(?: \w+){0,2} (?:i|that i) (?:dont|didnt|do not|did not) (?:want|like|ask for)\b",
        # Round 5 (2026-11-27): harassment at school, an adult "boyfriend", a bed tried at night.
        r"\b(?:boys|lads|he|they|someone)(?: \w+){0,3} (?:grab|grabs|grabbed|touch|touches|touched|slap|slaps) (?:girls|us|me|her|our)"
        r" (?:bums?|boobs|chests?|skirts?|and nobody|and no one|in the corridor|at school|when (?:the teacher|teachers|nobody))\b",
        r"\b(?:he|she|hes|shes|he is|she is|my boyfriend is|my girlfriend is) (?:2\d|3\d|4\d|5\d)\b(?=.*\b(?:girlfriend|boyfriend|sends|secret|loves? me|meet)\b)"
        r"|\b(?:says|said|calls|called) (?:that )?(?:i am|im|me) (?:his|her) (?:girlfriend|boyfriend)\b(?=.*\b(?:[2-5]\d|older|sends? me money|secret|grown)\b)",
        r"\bone (?:of them )?(?:tried|tries|came|comes|got) (?:to get )?in(?:to)? (?:my|her) (?:bed|room)\b",
        r"\b(?:gives?|gave|giving) (?:us|me) (?:drinks|alcohol|vodka|booze|drugs|weed|vapes|money|sweets)(?: \w+){0,3} (?:and )?(?:then )?(?:he |she |they )?"
        r"(?:touches|touched|kisses|kissed|gropes|groped|feels|felt)\b",
        r"\b(?:had|have|has|got) to (?:have sex|sleep) with\b(?! (?:the|a) (?:light|lights|door|window|heating|tv|radio|music)\b)",
        r"\bwhat (?:happens|goes on|he does|she does|they do) (?:at night|in the night|when (?:mum|dad|everyone) (?:is |are )?(?:asleep|out|at work))\b"
        r"(?=.*\b(?:scared|afraid|frightened|cant sleep|dont sleep|secret|tell)\b)"
        r"|\b(?:scared|afraid|frightened|terrified|cant sleep|dont sleep)\b(?: \w+){0,8} what (?:happens|goes on|he does|she does|they do) "
        r"(?:at night|in the night|when (?:mum|dad|everyone) (?:is |are )?(?:asleep|out|at work))\b",
        r"\b(?:too )?(?:scared|afraid|frightened|terrified) to tell (?:anyone|anybody|someone|a teacher|my teacher|the teacher|school|the police|social services)\b"
        r"(?! (?:that )?(?:i|im) (?:like|fancy|love|am gay|gay|bi|trans)\b| about (?:my|the) (?:grades?|results?|marks?|test|exam|homework)\b"
        r"| (?:that )?i (?:lost|forgot|broke|failed|didnt do|havent done|left|copied)\b)",
        r"\b(?:without (?:my|her) clothes|naked pictures|naked photos|in the shower with me|hand up my (?:top|skirt|shorts))\b",
        r"\b(?:grown|older|old) (?:man|men|guy|adult)(?: \w+){0,4} (?:message|messages|messaging|texts?|texting|dm|dms|snaps?)(?: me)?\b",
        r"\bmature for (?:my|your) age\b" + _IN_A_SCHOOL_REPORT + r"|\b(?:hes|shes|he is|she is) (?:a )?grown ?up\b",
        r"\bmy (?:boyfriend|girlfriend) is (?:1[89]|2\d|3\d|4\d)\b",
        r"\bfeel dirty because\b",
        # How children tell of sexual abuse (NSPCC, Childline): freezing until it was over, a "special game",
        # a lap, pictures taken of them or sent to them.
        r"\b(?:froze|frozen|freeze|freezes|couldnt move|could not move|lay there|lie there|stayed still|stay still)(?: \w+){0,3} "
        r"(?:and )?(?:wait|waited|waiting|wait) (?:for it to (?:be over|end|stop|finish)|until it was (?:over|done))\b",
        r"\b(?:he|she|they|my \w+(?: \w+)?) (?:says|said|calls|called|told me|tells me)(?: \w+){0,2} (?:its|it is|it was|this is|this was) "
        r"(?:our|a|just a|just our) (?:special|secret|little|private) (?:game|secret|thing|cuddles?)\b",
        r"\b(?:makes?|made|making) me (?:sit on (?:his|her) (?:lap|knee)|get in(?:to)? (?:his|her) bed|sleep in (?:his|her) bed)\b",
        r"\b(?:someone|somebody|a man|a guy|an adult|a stranger|older \w+|\w+ older|men|grown ups?|adults?)(?: \w+){0,3} "
        r"(?:sent|sends|keeps sending|showed|shows) me (?:pictures|pics|photos|videos|vids) of (?:himself|herself|themselves|his body|his (?:privates|private parts))\b",
        r"\b(?:took|takes|taking|take|filmed|films|filming|film) (?:pictures|pics|photos|videos?|vids) of (?:me|us|her|him)(?: \w+){0,2} "
        r"(?:with no clothes|without (?:any |my |her |his |our )?clothes|naked|in the (?:shower|bath)|undressed|getting changed|in (?:my|her|his) (?:underwear|pants))\b",
        # Forced or pressured sex said without a "who", and threats to share images (sextortion).
        r"\b(?:forced|pressured|pushed|made|guilted|tricked) (?:me |her |him )?(?:in)?to (?:have )?(?:sex|sleep with|sexual)\b",
        r"\b(?:threaten\w*|going to|gonna|will|would|said (?:hed|shed|theyd|he would|she would|they would|he will|she will|they will))(?: \w+){0,2} (?:share|send|post|show|leak|put up|spread)(?: \w+){0,2} (?:my|our) (?:nudes|pictures|pics|photos|videos|private)\b(?! (?:from|of) (?:the|our|my) (?:holiday|trip|party|birthday|match|game|wedding|school trip|day out|concert)\b)",
        r"\bkeep (?:our|the|my) (?:chats?|messages|texts|snaps|relationship|photos|pictures|pics) (?:a )?secret\b",
        r"\bgives? me money to do\b",
        r"\bdid stuff to me\b|\b(?:pictures|videos|photos|pics|naked|private|showed|shows|sent|sends)\b.*\bi (?:didnt|did not|dont) want to see\b|\bi (?:didnt|did not|dont) want to see\b(?=.*\b(?:pictures|videos|photos|pics|naked|private|showed|shows|sent|sends|his)\b)|\bi dont like it\b.*\b(?:grown up|adult|older)\b",
    ),
    "exploitation": (
        # A grid of 2026-11-27: held packages, taken to other towns, paid to drop off, sent on runs, a phone held to force a job.
        r"\b(?:make|makes|made|making|force|forces|forced|get|gets|got|pay|pays|paid|paying|tell|tells|told) (?:me|us) (?:to )?(?:hold|keep|stash|hide|mind|look after) (?:a |the |their |his |some )?(?:package|parcel|stuff|gear|drugs|weed|knife|knives|gun)s?\b",
        r"\b(?:take|takes|took|taking|drive|drives|drove|send|sends|sent) (?:me|us) (?:to )?(?:other|another|different) (?:towns?|cities|city|areas?|places)(?: \w+){0,2} (?:to )?(?:sell|deal|deliver|drop|work|stay|do (?:jobs|runs))\b",
        r"\b(?:pay|pays|paid|paying) (?:me|us) (?:money |cash )?to (?:drop off|deliver|carry|move|take|hold|sell) (?:bags|packages?|parcels?|stuff|drugs|weed|things)\b",
        r"\b(?:send|sends|sent|sending) (?:me|us) on (?:runs|a run|jobs|deliveries|drops)\b(?!(?: \w+){0,3} (?:field|track|warm ?up|training|pe|fitness|laps?|cross country|practice|park)\b)",
        r"\b(?:took|take|takes|taken|have|has|got) my phone\b(?: \w+){0,6} (?:(?:until|till|unless|if i (?:dont|wont)) (?:i|we) (?:do|did|finish) (?:a|the|their|his|one more|another) (?:job|run|drop|delivery|favour)|(?:until|till|unless) (?:i|we) (?:pay|paid) (?:them|him|it) back|(?:until|till|unless) (?:i|we) (?:sell|deliver|carry))\b",
        # Round 24 (2026-11-27): videos about killing people, and "you should do it too" (radicalisation).
        r"\b(?:sends?|sending|sent|shows?|showed|showing) (?:me|us) (?:\w+ ){0,2}(?:videos?|vids|posts|stuff|memes|clips) (?:about|of|showing) (?:killing|hurting|attacking|shooting|bombing|stabbing) (?:people|them|others)\b",
        # Round 21 (2026-11-27): a child tells of other children made to carry.
        r"\b(?:making|make|makes|made|force|forces|forcing|forced|get|gets|getting) (?:the )?(?:younger )?(?:kids|children|boys|girls|year \d+s)(?: in (?:year \d+|my (?:class|year|school)|our (?:class|year|school)))? "
        r"(?:to )?(?:carry|sell|hold|deliver|move|drop off|stash) (?:drugs|weed|stuff|packages?|parcels?|knives|bags|gear)\b",
        # Round 20 (2026-11-27): work every night for money kept by someone else.
        r"\b(?:work|working|worked)(?: \w+){0,5} (?:every night|every day|all night|all day|instead of (?:going to )?school|till late every)\b(?: \w+){0,4} (?:he|she|they) (?:keeps|takes|keep|take|kept|took) (?:the|all the|all of the|my) (?:money|pay|wages|cash)\b",
        # Round 17: county lines words ("OT", plugging), kept in a house for a week, jumped in and cannot leave.
        r"\b(?:took|take|takes|taking|sent|send|sends|going|went|gone|go) (?:me |us |him |her )?ot (?:to|in|for)\b",
        r"\b(?:made|make|makes|kept|keep|keeps) (?:me|us) stay in (?:a|the|that|his|their) (?:house|flat|trap ?house)(?: \w+){0,2} for (?:a |\d+ |two |three )?(?:week|weeks|days|nights)\b",
        r"\b(?:made|make|makes|making|told|tell|tells) (?:me|us|him|her) (?:to )?plug (?:the |it|some )?(?:stuff|drugs|packages?|wraps?|bags?)?\b",
        r"\b(?:got|get|was|been) jumped in(?: to)? (?:join|the gang|a gang|their gang)\b|\bjoin (?:them|the gang|a gang|their gang)\b(?: \w+){0,4} (?:cant|can not|cannot|not allowed to) (?:leave|get out)\b",
        # Round 14: paid in trainers for dropping off bags for older lads.
        r"\b(?:dropping off|drop off|delivering|deliver|carrying|carry|holding|hold|moving|move) (?:bags|packages|parcels|stuff|things)(?: \w+){0,3} for (?:the )?(?:older|big) (?:lads|boys|men|kids|ones|guys)\b"
        r"|\bpaid in (?:trainers|clothes|phones|vapes|weed|drugs|food)\b",
        # Round 13: a home taken over to deal from, made to steal, a boss who keeps the passport, radicalising videos.
        r"\b(?:men|lads|people|dealers|they|a gang|some guys)(?: \w+){0,2} (?:have )?(?:moved into|taken over|took over|are using|use|staying in) (?:our|my|mums|my mums) (?:flat|house|home)\b(?: \w+){0,10} (?:sell|selling|deal|dealing|drugs)\b",
        r"\b(?:make|makes|made|making|force|forces|forced|send|sends|sent) (?:me|us)(?: go)?(?: \w+){0,4} (?:steal|nick|shoplift|rob)\b(?: \w+){0,4} for (?:them|him|her)\b"
        r"|\b(?:makes?|made|forces?|forced) (?:me|us) (?:to )?(?:steal|shoplift|rob)\b",
        r"\b(?:boss|manager|the people i work for)(?: \w+){0,2} (?:keeps|kept|took|takes|has|holds|held) (?:all )?my (?:money|wages|pay) and my (?:passport|id|papers|documents)\b"
        r"|\b(?:boss|manager|the people i work for)(?: \w+){0,2} (?:keeps|kept|took|takes|has|holds|held) my (?:passport|id|papers|documents)\b",
        r"\b(?:people like us|our people)(?: \w+){0,2} (?:should|need to|have to|must|will) (?:\w+ ){0,3}(?:hurt|attack|kill|stab|bomb|shoot) (?:them|those|the)\b",
        # Round 12: kept silent about work by a threat of being sent back.
        r"\b(?:sent back|deported)(?: to (?:my|our|\w+) country)?(?: \w+){0,2} if (?:i|we) (?:tell|told|say)\b"
        r"|\bif (?:i|we) (?:tell|told|say)(?: \w+){0,5} (?:ill|i will|well|we will|i would|they will|theyll) (?:\w+ )?(?:be |get )?(?:sent back|deported)\b",
        r"\b(?:im|i am|ive been|been|he is|hes|shes|she is|my \w+ is) on (?:a|the) (?:line|lines)\b(?! (?:to|with|for)\b)",
        r"\b(?:make|makes|made|making|tell|tells|told|get|gets|got|send|sends|sent) (?:me|us)(?: \w+){0,5} "
        r"(?:drop off|deliver|take|carry|collect|pick up|hold) (?:drugs|packages|parcels|(?:bags|stuff|money|things|a bag)"
        r"(?= (?:to|for|from|round) (?:houses|flats|people|addresses|other towns|a flat|someone|them|him|strangers)\b))\b"
        r"|\b(?:go|going|went|goes|sent|send) to (?:houses|flats|addresses|other towns|a flat)(?: \w+){0,2} (?:and )?(?:drop off|deliver|collect|pick up|sell)\b",
        r"\b(?:i|we) owe\b(?: \w+){0,9} (?:have to|got to|make me|made me|making me|make us|made us) (?:work for|do (?:jobs|stuff|things|runs) for|sell|deliver|carry)\b",
        r"\b(?:men|people|strangers|adults|older (?:men|lads|boys))(?: \w+){0,2} (?:who )?(?:come|comes|coming|stay|staying|are staying|live|living|hang about) "
        r"(?:to|round|in|at|round at) (?:our|my) (?:house|flat|home)\b(?=.*\b(?:dont know|drugs|scared|strangers?|dealing|deal|taking over)\b)",
        rf"\b(?:make|made|makes|making|forced|forces|force|pressured|pressure|get|gets|got|tell|tells|told|use|uses|used|sends?|sent) "
        rf"(?:me|us|him|her|my (?:mate|friend|brother|sister))(?: \w+)? (?:to )?{_CARRY} {_GOODS}\b"
        r"(?! of (?:litter|rubbish|shopping|books|clothes|food for|toys)\b| to (?:the )?(?:bins?|coach|bus|car|class|trip|food bank|charity shop|recycling)\b)",
        rf"\b(?:gives?|gave|giving|hands?|handed) (?:me|us|him|her|my (?:brother|sister|mate|friend|cousin)) (?:stuff|drugs|packages?|parcels?|bags?|things|weed|a phone) to {_CARRY}\b",
        rf"\b(?:i|we|im|he|she|they) (?:have|has|had|got) to {_CARRY} (?:drugs|stuff|packages?|parcels?|bags?|a knife|knives|weed|gear|it)\b",
        r"\b(?:i|we|im|me|us)(?: \w+){0,3} (?:deliver|delivering|drop off|dropping off|carry|carrying|move|moving) (?:parcels|packages|stuff|bags)(?: \w+){0,4} (?:dont know|for a gang|for them|other towns)\b",
        r"\b(?:(?:was|were|got|been|being|get|gets|getting) used to (?:move|carry|sell|deliver)"
        r"|used to (?:move|carry|sell|deliver) (?:drugs|stuff|packages?|parcels?|bags?|weed|gear|for (?:them|him|her|a gang|the gang|older)))\b",
        r"\b(?:have to|got to|make me|made me|makes me|must) work for (?:him|her|them)(?: \w+){0,4} (?:to )?(?:pay (?:for|off|back)|for (?:free|no money|nothing))\b"
        r"|\bpay (?:for|back|off) (?:the|my) journey\b"
        r"|\b(?:work|working|worked) (?:in|at) (?:a |the )?(?:car wash|nail bar|nail salon|farm|factory|restaurant|takeaway|cannabis farm|flat)(?: \w+){0,2} for (?:no money|nothing|free|no pay)\b",
        r"\b(?:sells?|selling|deals?|dealing) (?:drugs|weed|gear|crack|coke)(?: \w+){0,2} (?:from|at|in|out of) (?:our|my|the) (?:house|flat|home)\b",
        r"\bgang\b(?: \w+){0,8} (?:have to|got to|must|made me|make me|making me|forced to|want me to|wants me to) join\b"
        r"|\b(?:have to|got to|made me|make me|making me|forced to|want me to|wants me to|forcing me to) join (?:a|the|their|his) gang\b",
        r"\b(?:a man|men|a guy|an older (?:man|guy|lad|boy|girl)|older (?:men|lads|guys|boys|girls)|a stranger|strangers)(?: \w+){0,6} "
        r"(?:gives?|gave|buys?|bought|offers?|offered) (?:us|me|girls|boys|kids|children|the (?:girls|boys|kids|younger ones))(?: \w+){0,3} (?:cigarettes|fags|vapes|alcohol|booze|weed|drugs|cans|spirits|vodka)\b",
        r"\b(?:make|makes|made|making|force|forces|forced|get|gets|got) (?:me|us) (?:to )?go (?:in|out|with|round)(?: \w+){0,4} (?:older (?:boys|lads|men|guys)|men|a gang|strangers)\b"
        r"(?=.*\b(?:deliver|drop off|sell|carry|hold|stuff|drugs|packages|parcels)\b)",
        r"\b(?:was|were|am|im|i am|get|got|being|been|keep getting|is|are) (?:made|forced|pressured|used|groomed|told) to "
        r"(?:sell|carry|hold|move|deliver|run|drop off|stash|hide|take) (?:drugs|weed|gear|packages?|parcels?|a knife|knives|a gun|guns)\b",
        r"\b(?<!lesson )(?<!lessons )(?<!session )(?<!talk )(?<!assembly )(?<!workshop )(?<!video )(?<!info )(?<!information )(?:doing|in|on|running) county lines?\b|\bcounty lines?\b(?<!about county lines)(?<!about county line)(?<!awareness of county lines)(?<!dangers of county lines)(?<!risks of county lines)(?! (?:video|workshop|talks?|lessons?|awareness|session|in pshe)\b)",
        r"\b(?:i|we|he|she|you) owe (?:them|him|her|the gang|money|a debt)\b",
        r"\b(?:says?|said|saying|told me|tell me|reckon) (?:i|we|he|she) owes?\b",
        r"\b(?:pay (?:it|them|him) back|pay off (?:what|the debt)|work it off|in debt to|paid (?:my|off my) debt)\b",
        r"\b(?:groom(?:ed|ing)|exploit(?:ed|ing)) (?:me|us|her|him|my)\b|\bgroomed (?:into|to)\b",
        r"\b(?:im|i am|was|been|being|getting|got) (?:groomed|exploited|trafficked)\b",
        r"\b(?:trap ?house|cuckoo(?:ed|ing) (?:us|my|me)|plugged|plugging|going country|the line phone|run(?:ning)? (?:a |the )?(?:line|lines|county))\b",
        r"\b(?:sends?|sent|send) (?:me|us) to (?:other towns|another town|other cities|a flat)\b|\bget sent to\b"
        r"(?! (?:the )?(?:shops?|corner shop|headteacher|head teacher|heads office|office|detention|isolation|bed|my room|the naughty step|nans?|grans?|school|camp|the library|time out|football|practice)\b)",
        r"\b(?:keep|keeps|kept) (?:me|us) in a flat\b",
        r"\b(?:they|he|she|(?:an |the )?older (?:\w+ )?(?:girl|boy|lad|man|guy|woman|kids?|boys|girls|lads|men)(?: \w+){0,3}|a man|a gang|someone) (?:gave|give|gives) (?:me|us) (?:a phone|money|trainers|weed|vapes|gifts|presents|lifts)(?: \w+){0,6} (?:owe|pay|favour|favours|in return|back|then)\b",
        r"\b(?:buys?|bought) me (?:things|stuff|presents|gifts|clothes|trainers)(?: \w+){0,5} (?:wants?|asks?|said|says|then)\b",
        r"\b(?:parties|house) with (?:old|older) (?:men|guys|lads)\b|\bto his house\b",
        r"\b(?:or|else|if i dont|if i stop|if i say no|if i go to)(?: \w+){0,6} (?:they|he|she)(?:ll| will| would| wud) (?:hurt|stab|kill|beat|get|find) (?:me|my|us)\b",
        r"\bgo(?:es|ing)? missing\b",
        r"\b(?:wont|will not|dont) let me (?:leave|go home|go)\b"
        r"(?! (?:to|on|out|in|with|round|over|near|camping|swimming|shopping|bowling) (?:the |a |an |my |our )?(?:\w+ )?(?:party|parties|park|cinema|sleepover|disco|prom|festival|concert|trip|town|shops?|fair|match|game|club|friends?|mates?|holiday|beach|gig)s?\b"
        r"| out (?:after|late|on (?:school|week) ?nights|till|until)\b| out (?:because|cos|coz|since|after dark|at night|alone|on my own|by myself)\b| camping\b| swimming\b| shopping\b)",
        r"\b(?:make|makes|made) me steal\b",
    ),
    "self-harm or suicidal thoughts": (
        # Round 26 (2026-11-27): meals skipped for weeks, a head banged on the wall until dizzy.
        r"\b(?:bang|bangs|banging|banged|hit|hits|hitting) my head (?:on|against) (?:the|a|my) (?:wall|floor|door|desk|table)(?: \w+){0,2} (?:until|till|til|so) (?:it|i) (?:bleeds?|bled|bruises?|feel dizzy|see stars|pass out|black out|cant think|hurts)\b",
        r"\b(?:skipping|skip|skipped|missing|not eating) (?:meals|breakfast and (?:lunch|dinner)|lunch and (?:dinner|tea)|food)(?: \w+){0,3} (?:for (?:weeks|days|ages|months))\b",
        # The grid of 2026-11-27 told of someone else: "my best friend is going to end it all", "my mate might take all her pills".
        r"\b(?:wants?|wanted|wanting|is going|are going|going|about|planning|plans|trying|tries|tried|try|thinking about|thinks about|thought about|ready|decided|might|needs?|ways|how) "
        r"(?:to )?(?:just )?(?:end it all|end everything|end (?:her|his|their) life|take (?:her|his|their) (?:own )?life|kill (?:herself|himself|themselves|themself)|"
        r"unalive (?:herself|himself|themselves)|overdose|stop existing|not be here anymore|take all (?:her|his|their) (?:pills|tablets)|hang (?:herself|himself|themselves))\b",
        # Round 24 (2026-11-27): everything ready, goodbye said to a pet.
        r"\b(?:got|have|ive got) everything ready for (?:tonight|tomorrow|it)\b(?=.*\b(?:bye|goodbye|note|pills|rope|end it|last)\b)"
        r"|\b(?:said|saying|say) (?:bye|goodbye) to (?:my )?(?:cat|dog|pets?|hamster|rabbit)\b(?=.*\b(?:tonight|ready|last time|for good|forever)\b)",
        # Round 22 (2026-11-27): a blade kept for when it gets bad, waiting on the tracks, a note left to be found.
        r"\b(?:keep|kept|hide|hid|carry|have) (?:a |the |my )?(?:blades?|razors?)\b(?: \w+){0,5} (?:for when|in case|just in case)\b",
        r"\b(?:go|went|sit|sat|stand|stood|lie|lay|lying|wait|waited|waiting) (?:on|by|near) (?:the )?(?:train|railway) (?:tracks|line)\b(?: \w+){0,6} (?:wait|waiting|see if|hope|until|for a train)\b",
        r"\b(?:wrote|written|writing|left|leave) (?:a )?(?:note|letter)(?: \w+){0,6} for (?:my )?(?:mum|dad|them|my family|everyone|someone|people) to find\b(?! (?:so (?:she|he|they) (?:knew|know|would know|wouldnt worry)|saying where|about (?:dinner|tea|the))\b)",
        # Round 20 (2026-11-27): looking up how to die, sick after every meal.
        r"\b(?:looking up|looked up|look up|searching|searched|googl\w+|research\w*) (?:how (?:long|much|many)|ways|the best way|the easiest way)(?: \w+){0,5} "
        r"(?:to )?(?:drown|die|overdose|hang|suffocate|bleed out|kill (?:myself|yourself)|end it)\b",
        r"\b(?:i|she|he|they|my (?:friend|mate|sister|brother)) (?:throws? up|is sick|am sick|makes? (?:myself|herself|himself) sick|vomits?) after (?:every|each|my|her|his|their|all (?:my|her|his)) (?:meal|meals|dinner|tea|lunch|food)\b(?!.*\b(?:bug|flu|virus|poorly|ill|covid|norovirus|food poisoning|travel sick|car sick|sea ?sick|chemo)\b)"
        r"|\b(?:throws? up|be sick|makes? (?:myself|herself|himself) sick|starves? (?:myself|herself|himself)|skips? meals)(?: \w+){0,4} so (?:(?:i|she|he) (?:dont|doesnt|wont|do not) (?:get fat|put on weight|gain weight)|(?:i|she|he) (?:can )?(?:stay|be|get) (?:thin|skinny))\b",
        # Round 18 (2026-11-27): no longer wanting to live, a time to go, a means kept ready, a bridge stood on.
        r"\bno longer (?:want|wants|wish|wishes|wanna) to (?:be alive|live|be here|exist|wake up|go on|carry on)\b" + _NOT_A_PLACE_TO_LIVE,
        r"\b(?:its|it is) my time to go\b(?! (?:to|home|back|on|in|up|out|first|next)\b)"
        r"|\bsaying (?:bye|goodbye) to (?:people|everyone|my friends|my family|them)(?: \w+){0,3} "
        r"(?:without (?:them|anyone|anybody|people|it being|it looking) (?:knowing|noticing|realising|obvious)|so (?:they|nobody|no one) (?:dont|doesnt|wont) (?:know|notice|realise))\b",
        r"\bhow many (?:of )?(?:\w+ ){0,2}(?:tablets|pills|paracetamol|painkillers)(?: \w+){0,2} (?:it (?:would|will|d) take|would (?:it )?take|it takes|to take to|would kill|to die)\b",
        r"\b(?:keeps?|kept|hid|hides?|hidden|got|has|have|bought) (?:a|the|my|his|her|their) (?:rope|noose)\b(?: \w+){0,5} (?:just in case|for when|ready)\b(?!.*\b(?:climb\w*|swings?|tyre|camping|scouts|boats?|sailing|tug of war|skipping|abseil\w*)\b)"
        r"|\b(?:keeps?|kept|hid|hides?|hidden) (?:a|the) (?:rope|noose) (?:in|under) (?:my|his|her|their) (?:room|wardrobe|bed|drawer|cupboard)\b(?!.*\b(?:climb\w*|swings?|tyre|camping|scouts|boats?|sailing|tug of war|skipping|abseil\w*)\b)",
        r"\b(?:stands?|stood|standing|sits?|sat|sitting) on (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge|roof|cliff|ledge|railway)\b(?: \w+){0,6} "
        r"(?:thinks? about (?:it|jumping|ending it|doing it)|thinking about (?:it|jumping|ending it|doing it)|wants? to jump|wanting to jump)\b",
        r"\b(?:easier|better) for (?:everyone|everybody|them|my family|my mum|my parents|all of them) if (?:i|she|he|they) (?:wasnt|was not|werent|were not) (?:around|here|alive|born)\b"
        r"|\bif (?:i|she|he|they) (?:wasnt|was not|werent|were not) (?:around|here|alive) anymore\b",
        r"\b(?:stopped|stop|dont|do not) (?:caring|care) (?:about )?what happens to me\b"
        r"|\b(?:wouldnt|would not|wont) (?:mind|care) if (?:a (?:car|bus|train|lorry)|something|someone) (?:hit|killed|ran over) me\b"
        r"|\b(?:wouldnt|would not) (?:mind|care) if i (?:died|didnt wake up|got hit|was dead)\b",
        r"\b(?:im|i am|i|ill) (?:not going to|not gonna|wont|will not) be (?:here|around|alive) (?:much |for much )?(?:longer|for long)\b"
        r"(?!.*\b(?:moving|move (?:house|away|to)|new school|leaving (?:school|year)|uni|university|college|graduat\w*|emigrat\w*)\b)",
        r"\b(?:dont|do not|cant|cannot) (?:really )?see (?:a|the|any) point anymore\b(?! (?:of|in|with|doing|going)\b)",
        r"\b(?:given|giving|gave|give|gives|giving away) (?:away )?(?:all )?(?:my|his|her|their) (?!old )(?:\w+ )?(?:stuff|things|belongings|games)\b(?: \w+){0,5} "
        r"(?:because|cos|coz|as|since) (?:(?:i|she|he|they) )?(?:says? (?:she|he|they) )?(?:wont|will not|dont|doesnt|wouldnt|am not going to|not going to|is not going to) (?:need|be needing|be using)\b",
        r"\b(?:kill|killing|killed|end|ending|hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|"
        r"starve|starving|punish|punishing|drown|poison|hit|hitting|scratch|scratching|cuts|hurts|burns) (?:my ?self|myself|my ?selves|himself|herself)\b"
        # An injury at play or sport: "i hurt myself playing football", "hurt herself on the trampoline".
        r"(?!(?:(?<=hurt myself)|(?<=hurts myself)|(?<=hurting myself)|(?<=hurt himself)|(?<=hurt herself)) "
        r"(?:playing|doing|falling|fell|skating|skateboarding|riding|climbing|running|tripping|tripped|"
        r"on (?:the|a|my) (?:trampoline|ice|stairs|swings?|slide|bike|scooter|skateboard)|"
        r"(?:at|in|during) (?:football|rugby|pe|training|the park|practice|gymnastics|dance|netball|hockey|the match|the game|a match|a game|sports day))\b)",
        r"\bkill yourself\b|\bkill oneself\b|\b(?:wants?|wanted|going|trying|tried|try|planning|thinking about) to kill (?:themselves|themself)\b",
        r"\b(?:want|wants|wanted|wanting|(?<!\bis )(?<!\bare )(?<!\bhes )(?<!\bshes )(?<!\btheyre )going|about|planning|plan|trying|tried|try|thinking about|think about|thought about|wish i could|"
        r"ready|decided|(?<=\bi )might|(?<=\bi )need|(?<=\bi )should|(?<=\bi just )need|ways|how) (?:to )?(?:just )?(?:die|be dead|not be here|not exist|not wake up(?! (?:my|the|your|our|his|her|anyone|everyone|mum|dad|them|him|late|early|in time|on time|for (?:school|college|work))\b)|end it|end it all|end everything|"
        r"end my life|end (?:her|his|their) life|end things|take my (?:own )?life|take (?:her|his|their) (?:own )?life|disappear forever|stop existing|overdose)\b"
        r"(?! (?:my|her|his|it|your) (?:hair|clothes|shirt|top|shoes)| it (?:blue|pink|red|purple|green|black)\b| for\b| of (?:laughing|laughter|embarrassment|boredom|hunger|thirst)\b"
        r"|(?<=end it) (?:with|here|there|early)\b|(?<=die) (?:if i (?:eat|have|get|touch)|from (?:a |an )?(?:allerg\w*|peanuts?|nuts?|bee stings?)|in (?:minecraft|fortnite|the game|roblox))\b)",
        r"\b(?:want|wanted|wanting|wish i could|ready) to (?:just )?be gone\b(?! (?:by|before|from|for|on|at|in|out|all|when)\b)",
        # Jumping as a way to die, not off a wall for fun or on a trampoline.
        r"\b(?:want|wants|wanted|wanting|going|about|planning|plan|trying|tried|try|thinking about|think about|thought about|"
        r"wish i could|ready|decided|might|(?<=\bi )need|(?<=\bi )should|ways|how) (?:to )?(?:just )?jump(?:ing)?(?: off| from| in front of)(?: \w+){0,2} "
        r"(?:bridge|roof|building|cliff|train|lorry|bus|balcony|tower|car park|multi ?storey|top floor|platform|window)s?\b"
        r"(?! into (?:the )?(?:river|sea|water|lake|pool|canal|harbour|quarry)\b)"
        r"|\b(?:want|ready|going|about|trying|tried|try) to (?:just )?jump\W*$",
        r"\b(?:i|im|ive|she|he|my friend|my mate)(?: \w+){0,3} (?:self ?harm\w*|suicid\w*|overdos\w*)\b",
        r"\b(?:self ?harm|suicid\w*|overdos\w*)(?: \w+)? (?:again|myself|last (?:night|week|year)|every)\b",
        r"\b(?:od(?:ed|ing)? on)\b|\battempted suicide\b|\bsuicide attempt\b|\bsuicidal\b(?! (?:people|friends?)\b)",
        r"\b(?:no|dont see (?:the|any)|whats the|what is the|cant see the) (?:point|reason) (?:in |of )?(?:living|being alive|going on|life|anything|carrying on|trying|being here|me being here)\b",
        r"\b(?:better off|happier|easier) (?:dead|without me|if i (?:was|were|wasnt|werent) (?:dead|gone|here|around|alive)|if i died)\b",
        r"\bi (?:cut|burn|starve|scratch|hit|punch) (?:my ?self|myself|me|my (?:arms?|legs?|wrists?|skin))\b" +
        _NOT_A_RASH,
        r"\b(?:scratch|scratching|scratched|pick|picking|picked|bite|biting|bit|bang|banging|banged|hit|hitting|punch|punching) "
        r"(?:my|at my) (?:arms?|legs?|wrists?|skin|head|face|thighs?|hands?)(?: \w+){0,2} (?:until|till|til|so) (?:they|it|i) (?:bleed|bleeds|bled|bruise|bruises|is raw|are raw|feel dizzy|see stars|pass out|black out|cant think)\b" +
        _NOT_A_RASH,
        r"\b(?:wish i (?:was|were|had) (?:dead|never been born|not alive|gone)|wish i wasnt (?:alive|born|here))\b",
        r"\b(?:died|passed away|is dead)(?: \w+){0,6} (?:i should|i want to|i wanna|i just want to|i need to) (?:be|go) with (?:her|him|them)\b",
        # Round 17: goodbye letters written, pro-ana pages and purging.
        r"\b(?:written|wrote|writing|write) (?:letters?|notes?|messages?) (?:to (?:everyone|my family|my friends|my mum|my dad|people) )?saying goodbye\b",
        r"\bi (?:follow|look at|read|use|watch|post on) (?:\w+ )?pro ?(?:ana|mia)\b|\bthinspo\b|\bi purge(?:s|d)?(?: \w+)? after (?:every |each |my )?(?:meal|dinner|tea|lunch|eating|i eat)\b",
        # Round 15: the train tracks, bleach, and not eating.
        r"\b(?:thinking|think|thought|thoughts) about (?:the )?(?:train tracks|railway line|railway tracks|jumping off|jumping in front|stepping in front|walking into (?:traffic|the road))\b",
        r"\b(?:drank|drink|drinking|swallowed|swallow) (?:some |a bit of |the )?(?:bleach|washing up liquid|cleaning stuff|anti ?freeze|poison|nail varnish remover)\b",
        r"\b(?:ive|i have) stopped eating\b(?! (?:meat|sweets|chocolate|crisps|sugar|junk|dairy|gluten|pork|beef|fast food|takeaways?|before bed|late)\b)",
        r"\b(?:dont|do not|never) want to (?:live|be alive|be here|exist|wake up|go on)\b"
        r"(?!(?<= wake up) (?:early|so early|at \w+|for (?:school|college|work)|on (?:a )?(?:saturdays?|sundays?|weekends?|school days?)|before)\b)" +
        _NOT_A_PLACE_TO_LIVE,
        r"\b(?:cuts|scars|burns|marks) on my (?:arms?|legs?|wrists?|thighs?|stomach|body)(?: \w+){0,2} (?:that )?(?:nobody|no one|noone) (?:knows|sees|has seen|knows about)\b"
        r"|\b(?:hide|hiding|hidden|cover|covering) (?:the |my )?(?:cuts|scars|burns)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|not) worth (?:it|living)\b",
        r"\b(?:goodbye|suicide) (?:letter|note)\b",
        r"\b(?:my|the) (?:blades?|razors?) (?:hidden|i hide)\b|\bhide (?:my|the) (?:blades?|razors?)\b",
        r"\b(?:took|taken|swallowed|take) (?:a load of|loads of|all (?:my|her|his|their|the|of my|of her|of his)(?: (?:mums?|dads?|nans?|grans?|brothers?|sisters?))?|too many) (?:pills|tablets|paracetamol)\b" + _AS_PRESCRIBED,
        r"\b(?:took|taken|take|taking|swallow|swallowed|swallowing) (?:every|each) (?:single )?(?:pill|tablet)\b"
        r"|\b(?:took|taken|take|taking|swallow|swallowed|swallowing) (?:the|a|my) whole (?:bottle|packet|box|pack)\b"
        r"(?! of (?!(?:pills|tablets|paracetamol|ibuprofen|medicine|meds|painkillers|sleeping pills|antidepressants)\b))",
        r"\b(?:im|i am|ive been|i keep|been|started|start) (?:cutting(?! (?:my|your|his|her|our|the|some) (?:own )?(?:hair|fringe|nails|food|cake|paper|grass|hedge|veg|vegetables|toenails)\b)|self harming|harming|hurting myself|making myself sick|purging)\b",
        r"\b(?:made|make|making) myself (?:sick|throw up|bleed)\b",
        r"\b(?:was sick|am sick|be sick|throw up|threw up|purge|purged|make myself sick|made myself sick)(?: \w+){0,4} "
        r"(?:so (?:i|that i) (?:can|could|would|will|might) (?:be|get|stay|look) (?:thin|skinny|thinner|skinnier)|to lose weight|so i dont (?:put on|gain) weight)\b",
        r"\b(?:save|saving|saved|stockpile|stockpiling|hoard|hoarding|collect|collecting) (?:up )?(?:my |the |all my |all the )?(?:tablets|pills|meds|medication|paracetamol|painkillers)\b"
        r"|\b(?:tablets|pills|meds|medication) so i can save them\b",
        r"\b(?:bang|banging|banged|hit|hitting|punch|punching) my (?:head|fists?|hands?) (?:on|against|into) (?:the |a )?(?:walls?|floor|doors?)\b"
        r"(?=.*\b(?:upset|angry|sad|stressed|cry|crying|hate myself|cant cope|overwhelmed|anxious|panic)\b)",
        r"\b(?:disappear|run away|vanish) and never (?:come back|be found|return)\b",
        r"\b(?:guts|courage|nerve|balls) to (?:end it|kill myself|end my life|go through with it|end everything)\b",
        r"\b(?:been|bin|keep|kept|started|start|stop|stopped|to|i|still) sh(?:ing)? (?:again|every|myself|a lot|last night|today|recently)\b"
        r"|\bsh (?:scars|urges|again)\b|\b(?:i|ive|i have|i just) relapsed\b(?! (?:on|with) (?:my )?(?:new years|resolution|diet|dry january|\w+ challenge|sugar|chocolate)\b)|\bi (?:cut|burnt|burned) again\b",
        r"\b(?:planning|planned|plan|worked out|working out|thinking about|think about|thought about) (?:how|where|when) (?:i|id|to) "
        r"(?:would |will |could |might |should )?(?:do it|end it|kill myself|die|end my life)\b(?! (?:differently|better|again|for (?:the|my|our) (?:project|homework|art))\b)",
        r"\b(?:written|wrote|writing) (?:\w+ )?(?:letters|notes|goodbye letters?|goodbye notes?) (?:to|for) (?:my family|my friends|my mum and dad|my parents)\b"
        r"(?! (?:from|on|at|for christmas|for (?:their|a) birthday)\b)",
        r"\bi (?:should|might as well|could) (?:just )?(?:disappear|die|not be here|not exist|stop existing)\b(?! (?:to|for|and get|home|back|out|of|laughing)\b)",
        r"\b(?:there is|theres|there s) no point (?:anymore|any more|in anything|to anything|in life|in living)\b(?! (?:going|in going|to go|coming|asking|in asking|doing|in doing)\b)",

        r"\blong sleeves\b(?: \w+){0,4} (?:so (?:no one|nobody|people|they|mum|dad|my \w+)|to (?:hide|cover)|even (?:in|when) (?:summer|its hot|pe))\b"
        r"|\b(?:hide|cover|covering|hiding)(?: up)? (?:my|the) (?:arms|wrists|legs|scars|cuts|thighs|marks)\b(?! (?:because of|from) (?:my )?(?:eczema|sunburn|the sun|tattoos?)\b)",
        r"\b(?:dont|do not|stopped|stop|barely|hardly|wont|will not) eat(?:ing)?(?: \w+){0,3} (?:so (?:i can|i|that i|ill) (?:be|get|stay|look) "
        r"(?:thin|skinny|thinner|skinnier)|to (?:be|get|stay|look) (?:thin|skinny|thinner|skinnier)|to lose weight)\b",
        r"\b(?:want|wanna|wish i could|just want|i could) (?:to )?(?:go to )?sleep (?:forever|for ever|and never wake up)\b"
        r"(?! (?:after|on (?:sundays?|saturdays?|weekends?)|in the holidays|this weekend|when (?:exams|school))\b)",
        r"\b(?:and|to|hopefully|and hopefully) (?:not|never) wake up\b(?! (?:late|early|in time|for|on time|until|till|my|the|your|our|his|her|anyone|everyone|mum|dad|the baby|them|him)\b)",
        r"\b(?:cuts|cutting) (?:himself|herself|themselves)\b",
        r"\bdont (?:deserve|want) to (?:live|be alive)\b" + _NOT_A_PLACE_TO_LIVE,
        r"\b(?:think|thinking|thought|thoughts|dream|dreaming|dreams) (?:about|of) (?:dying|death|killing|being dead|ending it|not being here|jumping|suicide)\b",
        r"\b(?:want|wanted) (?:it|everything|the pain|this) (?:all )?to (?:end|stop) (?:forever|for good|permanently)\b",
        r"\b(?:im|i am|am) (?:done with (?:life|living|everything|it all)|ready to go|ready to die)\b",
        r"\b(?:cant|can not|cannot) (?:go on|carry on|keep going|do this anymore|take (?:it|this|any) ?more|take (?:it |this )?(?:any ?more|no more)|live like this)\b",
        r"\b(?:taking|take|took|been taking|started taking) (?:my )?(?:mums|dads|nans|grans|someone elses|my \w+s) (?:pills|tablets|meds|medication|sleeping pills)\b",
        r"\b(?:no one|nobody) (?:would|will|wud) (?:care|notice|miss me) if i\b"
        r"(?! (?:changed|dyed|cut|got|wore|moved (?:seats|tables|class)|left (?:the|a) (?:club|team|group|chat)|skipped (?:pe|a lesson|homework))\b)",
        r"\bi (?:drink|drank) (?:alcohol |vodka |wine |beer |cider )?every (?:night|day) (?:so|to) (?:i can |that i can )?(?:sleep|forget|cope)\b",
        r"\b(?:drink|drinking|drank|take|taking|smoke|smoking|using) (?:\w+ )?(?:vodka|alcohol|booze|drugs|pills|weed|cans)(?: \w+){0,3} "
        r"(?:to (?:forget|cope|numb|feel nothing|stop feeling|block (?:it|things|everything) out|not feel))\b",
        r"\b(?:if i (?:was|were) gone|if i disappeared|if i died)\b",
        r"\b(?:how much longer i can|how long i can) (?:keep going|go on|carry on|take)\b",
        # Indirect warning signs that suicide-prevention guidance (Papyrus, Samaritans)
        # teaches adults to hear: a method, a note, a goodbye, not surviving, going through with it.
        r"\b(?:enough|how much|how many)(?: \w+){0,6} to (?:kill (?:me|myself)|die|end (?:it|my life))\b|\b(?:lethal|fatal) dose\b",
        r"\b(?:took|taken|swallowed|take|taking) (?:[1-9]\d+|[89]|a lot of|loads of|lots of|so many|too many|a bunch of|all (?:my|the|of my)) "
        r"(?:paracetamol|pills|tablets|painkillers|ibuprofen|sleeping pills|antidepressants|meds)\b" + _AS_PRESCRIBED,
        r"\b(?:have|got|made|make|making|ive got) a plan (?:for |of )?(?:how|when|where) (?:to|i(?:ll| will| would| could)?) (?:end it|die|kill myself|end my life)\b",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:cutting|self harm\w*|hurting myself|burning myself|overdosing|taking pills)\b(?! (?:my|her|his|the|a|an|our|your)\b)",
        r"\b(?:took|taken|swallowed)(?: \w+){0,2} (?:\d{3,}\w*|a handful of|a whole (?:packet|bottle|box) of|the whole (?:packet|bottle|box) of)\b"
        r"(?! (?:biscuits|crisps|sweets|chocolates?|cereal|cookies|haribo|doughnuts|donuts|pringles|cake|sandwiches|chips|pizza|juice|pop|coke|water|milk|popcorn)\b)",
        r"\b(?:go|going|went) through with it\b|\bfailed (?:suicide )?attempts?\b",
        r"\b(?:i|ill|i will|i might|im going to|i want to|i could) (?:just )?do it\b(?=.*\b(?:die|dead|gone|end it|kill|pills|jump|note|goodbye)\b)",
        r"\b(?:wont|will not|cant|cannot|couldnt|dont think i can) survive (?:this|that|it|another|much longer|anymore|without (?:him|her|them))\b",
        r"\b(?:make it|get) through (?:tomorrow|tonight|the night|another day|another night)\b",
        r"\b(?:let me|want to|wanna|going to|ready to|just want to) (?:get )?(?:out of|leave|escape) this (?:world|life|earth)\b",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:wont|will not) be (?:here|around|a (?:problem|burden)) (?:much longer|for (?:much )?longer|anymore|tomorrow)\b",
        r"\b(?:i have|ive got|ive|i) nothing (?:left to live for|to live for)\b|\b(?:nothing|no one|nobody|no reason) to live for\b",
        r"\b(?:cant|cannot|can not) (?:stand|bear) (?:it|this|this life|my life|life|living|being alive) (?:anymore|any more|much longer)\b",
        r"\b(?:deserve|deserves) to (?:die|be dead|suffer|be hurt)\b|\b(?:giving|give|gave) (?:away )?(?:all )?my (?:stuff|things|belongings) away\b",
        r"\b(?:lose|lost|losing|no|have no|havent got (?:the|any)) (?:all )?(?:the |my )?will to live\b",
        r"\b(?:wouldnt|would not|wont|will not|dont|do not)(?: \w+)? (?:care|mind|be (?:mad|upset|sad|bothered)) if "
        r"(?:i (?:died|was dead|didnt wake up|did not wake up|never woke up|got hit by)|it killed me)\b",
        r"\bif (?:\w+ ){0,6}(?:killed|kills|ran over|runs over) me\b(?=.*\b(?:wouldnt|would not|dont|do not) (?:\w+ )?(?:care|mind|be (?:mad|upset|sad|bothered))\b)",
        r"\brussian roulette\b|\b(?:cant|cannot|can not|dont|do not) see (?:a|any) future for (?:me|myself)\b",
        # Goodbyes and a last day: what Papyrus calls putting affairs in order and saying farewell.
        r"\b(?:said|saying|say) my goodbyes\b|\bgood ?bye (?:cruel )?world\b"
        r"|\bmy last (?:sunrise|sunset|hours|breath)\b|\bmy last (?:night|day|days|week) (?:alive|on (?:this )?earth)\b"
        r"|\b(?:find|found|finds|will find) my body\b|\b(?:im|i am) done fighting\b|\b(?:ive|i have) lost the battle\b",
        r"\b(?:a|my) noose\b"
        r"|\bhop(?:e|efully|ing) i (?:dont|do not|wont|will not|never) (?:survive|wake up)\b|\bhop(?:e|efully|ing) i die\b",
        r"\b(?:family|everyone|everybody|they|their lives|the world|people|parents|mum|dad|friends)(?: \w+){0,3} "
        r"(?:be|are|is|were) (?:so much |much |a lot )?(?:better|happier) (?:off )?without me\b",
        r"\b(?:roof|bridge|building|cliff|balcony|car park|multi ?storey|window)\b(?: \w+){0,12} high enough\b",
    ),
    "in danger now": (
        # Danger now in a child's words (2026-11-27): banging on the door, coming back tonight, coming for me, hiding upstairs, lost with men.
        r"\b(?:banging|bangs|banged|kicking|kicks|hammering|pounding|smashing) (?:on )?(?:my|the|our) (?:bedroom |bathroom |front )?door\b(?: \w+){0,3} (?:and )?(?:screaming|shouting|yelling|swearing|threatening)\b(?!(?: \w+){0,3} (?:because|cos|coz) (?:he|she|they) (?:wants?|needs?|wanted|needed)\b)",
        r"\b(?:scared|afraid|frightened|terrified|worried) (?:that )?(?:he|she|they|my (?!(?:dog|cat|puppy|kitten)\b)\w+(?: \w+)?)(?:ll| will| is going to| might| are going to) come back\b(?! (?:late|from|with (?:the|my) (?:shopping|food|pizza|chips))\b)",
        r"\b(?:said|says|saying|told me) (?:they|he|she)(?:re| are| is|s)? coming (?:for|after|to get) (?:me|us)\b"
        r"(?! (?:at (?:\d|six|seven|eight|nine|ten|half)|in (?:the|a|his|her) (?:car|taxi|van)|after (?:school|work|tea|dinner|training)|before|to (?:go|take|pick|bring)|later|tomorrow|tonight to|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)"
        r"|\b(?:said|says) (?:they|he|she)(?:ll| will) do it again\b(?! (?:next|this|every|another) (?:year|week|time|season|term|summer|christmas)\b|(?: \w+){0,3} (?:because|cos) (?:we|it|i) (?:won|was|loved|liked|enjoyed)\b)",
        r"\b(?:were|we are|im|i am|we|i) (?:hiding|hid) (?:upstairs|in (?:the|my|our) (?:bathroom|bedroom|room|wardrobe|cupboard|loft|attic))\b(?!(?: \w+){0,3} (?:hide and seek|playing|game|for fun|surprise|from (?:my|the) (?:little|baby) \w+)\b)",
        r"\bgot in(?:to)? (?:a|the|his|their) car with (?:some |two |three |these )?(?:men|older (?:men|boys|lads)|a man|strangers|people i dont know|guys)\b",
        r"\b(?:gang|they|some (?:lads|boys|men)|older (?:boys|lads)|he)(?: \w+)? (?:jumped|mugged|robbed|stabbed|beat up|battered) me\b(?! (?:in (?:the )?(?:queue|line)|on the trampoline|at (?:fifa|chess|the race))\b)",
        # Round 20 (2026-11-27): too scared to come out of one's room.
        r"\b(?:scared|afraid|too scared|frightened|terrified) to (?:come|go) out of my (?:bed)?room\b(?! (?:when|because|cos|in case) (?:theres|there is|there are|i see|of) (?:a |the )?(?:spiders?|moths?|wasps?|bees?|mice|mouse|dogs?|cats?|ghosts?|the dark|dark)\b)",
        # Round 17: set upon ("I got jumped in the park").
        r"\b(?:i|we|he|she|my \w+) (?:got|get|was|were|been|keep getting|keeps getting) jumped\b(?! (?:on|in the queue|in (?:the )?(?:game|fortnite|minecraft|roblox)|by (?:my|the|our) dog)\b)",
        # Round 16: asked to come to a man's car (sleeping rough is the older pattern below, widened).
        r"\b(?:man|guy|bloke|stranger|someone|he)(?: \w+){0,4} (?:keeps? |kept |always )?(?:asking|asks|asked|tells|told|wants) me (?:to )?(?:come|get|go) (?:in(?:to)? |to )(?:his|her|their|the) (?:car|van|house|flat)\b",
        # Round 13: going missing again and again.
        r"\bi (?:keep|kept) running away\b|\bpolice (?:keep )?(?:bring|brought|bringing|find|found) me (?:back|home)\b",
        # Round 12: a stranger who follows or offers a lift; an address posted online.
        r"\b(?:a|some|this|an old|an older|the same) (?:man|guy|bloke|stranger|woman|lady)\b(?: \w+){0,4} (?:keeps? |always |has been |kept )?(?:follows?|following|followed|slows? down next to|slowing down next to|pulls? up next to|pulled up next to) me\b"
        r"|\b(?:a|some|this|an old|an older) (?:man|guy|bloke|stranger|woman|lady)\b(?: \w+){0,12} (?:asks?|asked|offers?|offered|keeps asking) (?:me )?(?:if i (?:want|wanted|need|needed) )?a lift\b",
        r"\b(?:posted|shared|leaked|put) my (?:home )?(?:address|location) (?:online|on (?:snap|snapchat|tiktok|insta|instagram|twitter|x|facebook|discord|the group chat|everywhere))\b",
        r"\b(?:im|i am|were|we are|am i|i feel|i dont feel|i do not feel) (?:in danger|not safe|unsafe)\b"
        r"(?! (?:in|on|at|around|near|walking|going|when|out|outside|on the)\b(?! (?:home|my (?:house|home|room)|our (?:house|flat))\b))",
        r"\b(?:said|says|saying|told me|told mum|threatened|threatening|threatens|keeps saying|swore|swears)(?: \w+){0,4} (?:kill|stab|hurt|shoot|beat) "
        r"(?:mum|my mum|her)\b(?=.*\b(?:if|unless|when|leaves?|tells?|goes)\b)",
        r"\b(?:went|go|going|had to go|moved|living|staying|stay|stayed|live|lived) (?:to|in|at|into) (?:a |the )?(?:refuge|safe house|womens refuge)\b(?! (?:hut|on the|in the mountains)\b)",
        r"\b(?:said|says|saying|told me|threatened|threatening|threatens|keeps saying|swore|swears)(?: \w+){0,4} (?:kill|stab|hurt|shoot|rape|beat) (?:me|us|my)\b",
        r"\b(?:going to|will|coming to|gonna|is going to|are going to)(?: \w+)? (?:kill|stab|hurt|shoot|beat|rape) (?:me|us|my \w+)\b"
        r"(?! (?:if|when) (?:im|i am|i get|i come|i fail|i lose|i break|i forget|he sees|she sees|they see|they find out about my|i miss))",
        r"\b(?:kicked|thrown|chucked|threw) (?:me )?out\b.*\b(?:nowhere|streets?|sleep|sleeping)\b",
        r"\b(?:dont|do not|never) feel safe (?:at home|in my (?:house|home|room)|with (?:my|him|her|them))\b",
        r"\bnot safe (?:at home|in my (?:house|home|room))\b",
        # "nowhere to go" alone is what young people say of a town with no youth club.
        r"\b(?:i|we|ive|weve|i have|we have|im|i am)(?: \w+){0,3} no(?:where| where) (?:safe to (?:go|sleep|stay|live)|to (?:sleep|stay|live)|to go (?:tonight|now|home))\b",
        r"\b(?:im|i am|i was|ive been|i have been|i keep|been|were|we are|we were|weve been|she is|she was|shes been|he is|he was|hes been|they are|theyve been) (?:sleeping|living) "
        r"(?:on (?:the streets?|benches|park benches)|rough|in (?:a|the) (?:park|car|stairwell)|in (?:doorways?|stairwells?|the bus station)"
        r"|in a tent(?! (?:at|on) (?:the )?(?:campsite|camp|festival|scouts|brownies|guides|holiday)\b))\b",
        # Round 6 (2026-11-27): a threat to come back, a drink spiked, someone who knows where they live.
        r"\b(?:said|says|saying|told me|threatened|shouted|shouting|screaming|yelling)(?: \w+){0,2} (?:they|he|she)(?:ll| will| would| are going to| is going to| gonna) (?:get|find|jump|come for|come after) (?:me|us)(?: again)?\b"
        r"(?! (?:a|an|some|the|one|to|from|at|after|when|something|anything|tickets?|home|later|sweets|food|presents?|new|another|pizza|chips|ice cream|dinner|lunch|tea|breakfast|takeaway|mcdonalds|kfc)\b)",
        r"\b(?:put|puts|putting|spiked|spike) (?:something |stuff |a pill |pills )?(?:in(?:to)? )my (?:drink|drinks)\b|\b(?:spiked|drugged) (?:me|my drink)\b|\bmy drinks? (?:was|were|got) spiked\b",
        r"\b(?:man|he|she|they|someone|stranger|people|a guy)(?: \w+){0,3} (?:says?|saying|said|told me|messages? saying) (?:that )?(?:he|she|they) (?:knows?|know) where i (?:live|go to school|sleep)\b",
        # Round 8 (2026-11-27): a bag packed to leave, a hostel after an ex found the house, home where one will get hurt.
        r"\bbag packed (?:in case|so (?:i|we) can|ready to) (?:i |we )?(?:need to |have to )?(?:leave|run|get out|escape)\b",
        r"\b(?:hostel|refuge|safe house|emergency housing)\b(?: \w+){0,3} (?:because|cos|after|since) (?:my |mums |dads |her |his )?(?:ex|dad|stepdad|mums ex|boyfriend|partner|he|she)\b"
        r"|\b(?:ex|dad|stepdad|he|she)(?: \w+)? found (?:our (?:new )?(?:house|flat|address)|where we (?:live|are))\b",
        r"\bif (?:i|we) (?:go|went|get|come) (?:back )?home (?:i|we|he|she|they)(?:ll| will| would| might) (?:get hurt|be hurt|hurt me|kill me|hit me|get hit|get beaten|beat me)\b",
        r"\b(?:dont|do not|never) want to be (?:in the house|at home|home|alone|in the flat) (?:alone )?with (?:him|her|them|my \w+(?: \w+)?)\b",
        r"\b(?:dont|do not|didnt|did not|cant|cannot) (?:know|remember) how i got (?:there|here|home)\b"
        r"|\b(?:dont|do not|didnt|did not|cant|cannot) remember (?:getting|going) (?:home|back)\b(?=.*\b(?:pills|drink|drinks|drunk|drugs|given|men|man)\b)",
        # Round 10 (2026-11-27): silence at home or else, a mother gone some nights, fear of being found.
        r"\b(?:have to|got to) (?:be )?(?:silent|quiet|hide|stay in (?:my|our) rooms?)\b(?: \w+){0,5} or (?:he|she|they|dad|mum) (?:goes mad|go mad|gets angry|get angry|hits|kicks off|will hurt|hurts)\b",
        r"\b(?:doesnt|dont|does not|do not|didnt) come home (?:some nights|for days|all night|at night|for a few days)\b|\b(?:dont|do not) know where (?:she|he|mum|dad|my mum|my dad) is\b(?=.*\b(?:nights?|days|home|gone)\b)",
        r"\b(?:scared|afraid|worried|frightened|terrified) (?:that )?(?:my \w+|he|she|they) (?:will|might|is going to|would) find (?:out where we (?:live|are)|us|where we (?:live|are))\b",
        r"\b(?:feel sick|feel scared|shake|panic|start crying|dread)\b(?: \w+){0,3} (?:when|every time|whenever|before) (?:i|we) (?:have to )?(?:go|get|come) (?:back )?home\b",
        r"\bsofa surf\w*\b|\b(?:had to|have to|got kicked out and) leave home\b(?! (?:early|at \d|for school|to catch|for (?:uni|university|college))\b)",
        r"\b(?:carry|carrying|have|got|keep|bring|brought|take) (?:a )?(?:knife|blade|machete|weapon|shank)\b(?: \w+){0,4} (?:because|cos|to protect|for protection|in case|scared|safe)\b"
        r"|\b(?:scared|afraid|frightened) (?:of )?(?:getting|being) (?:jumped|stabbed|shanked|robbed|beaten up)\b",
        r"\b(?:please (?:help(?! (?:us |them )?(?:to )?(?:get|make|build|fund|keep|improve|have|with|find|fix|open|save|share|donate|spread|raise|support|by|the|our|this|out|us (?:to )?(?:get|make|keep|have|build|fix))\b)|someone|somebody)|help me please(?! (?:with|i cant find|i dont know (?:how|where|what)|where|how|what)\b)|(?:somebody|someone) help(?! (?:me )?(?:find|with|to|get|understand|choose|out|fix|carry)\b)|i need (?:some |urgent )?help (?:now|right now|please|asap))\b|\bdesperate for (?:help|someone to talk to)\b",
        r"\b(?<!\bwould )(?<!\bwill )(?<!\bcould )(?<!\bmight )(?<!\bit )(?<!\bthat )(?<!\bthis )(?<!\bwhich )(?<!\bwould really )(?<!\bwould also )(?<!\bdefinitely )(?<!\bhelps )(?<!\bitd )(?<!\bthey )(?<!\bteachers )(?<!\bstaff )(?<!\bfriends )(?<!\bmates )(?<!\bleaders )(?<!\bworkers )(?<!\balways )(?<!\breally )help me\b(?! (?:loads|a lot|alot|lots|so much|massively|heaps|a bit)\b)(?! (?:please )?(?:with|to|on|for|find|get|choose|understand|learn|revise|out|i cant find|where|how|what)\b)",
        r"\b(?:scared|afraid|fear) for my life\b",
        r"\b(?:im|i am|were|we are) (?:locked (?:in|inside)|trapped)\b|\b(?:cant|can not) get out of (?:my|the) (?:room|house|flat)\b",
        r"\b(?:following|followed|waiting for|outside) (?:me|my house|my school|my door)\b",
        r"\b(?:coming for|after) (?:me|us)\b(?=.*\b(?:hiding|hide|scared|knife|gun|address)\b)",
        r"\b(?:hiding|hide) (?:in|from)\b(?=.*\b(?:after me|coming for me|scared|knife)\b)",
        r"\b(?:got|has|had|with|holding) (?:a|his|her) (?:knife|gun|weapon)\b(?=.*\b(?:me|my|us|outside|house|home)\b)",
        r"\b(?:got|have|has|know) (?:my|our) address\b",
        r"\b(?:ran|run|running) away from home\b|\bi ran away\b",
        r"\bright now\b(?=.*\b(?:drunk|smashing|hitting|knife|scared|help)\b)|\b(?:drunk|smashing|hitting|scared)\b(?=.*\bright now\b)",
        r"\bscared (?:hell|he|she|they)(?:ll| will) kill\b",
        r"\b(?:points?|pointed|pointing|held|holds|holding|waved|waves|waving|pulled|pulls) (?:a|his|her|their|the) "
        r"(?:knife|gun|blade|machete|weapon) (?:at|to|on|against) (?:me|us|my|our|her|him)\b",
    ),
    "emotional distress": (
        r"\b(?:im|i am|ive been|i have been|been|i feel like im|im still|i am still) in (?:a |such a )?(?:really |very |so )?(?:dark|bad|horrible|awful|terrible|low) place\b(?! (?:to (?:revise|study|work|do|learn|hang|meet|play|sit|wait)|for (?:signal|revision|studying|homework|wifi|reception|learning|a bus)|with (?:my )?(?:grades|work|homework|revision|exams|coursework))\b)"
        r"|\b(?:im|i am) not in a (?:good|great|nice|safe) place\b"
        r"(?<!bad place)(?<!low place)(?! (?:to (?:revise|study|work|do|learn|hang|meet|play|sit|wait)|for (?:signal|revision|studying|homework|wifi|reception|learning|a bus)|with (?:my )?(?:grades|work|homework|revision|exams|coursework))\b)",
        r"\b(?:i have|ive got|i got|i have got) (?:no one|nobody)(?: left| in my life| at all)?\b(?! (?:to (?:play|go|sit|walk|hang|share|work)|else|who (?:plays|goes|likes))\b)",
        r"\bi have nothing left\b(?! (?:to (?:do|say|eat|spend|read|watch|play|buy|wear|add|give|learn))\b)",
        r"\b(?:unable|not able) to (?:cope|function|go on|carry on)\b|\bi (?:dont|do not|cant|cannot|can not) trust myself\b",
        r"\btired of (?:feeling|being) (?:so )?(?:trapped|helpless|hopeless|worthless|useless|alone|lonely|empty|numb|depressed|unsafe|invisible|like (?:this|a burden|nothing))\b",
        rf"\b{_I} {_ADV}(?:feel |feeling |felt )?{_ADV}{_STRONG_STATE}\b{_EVERYDAY_AFTER}",
        rf"\b{_I_NOW} {_ADV}(?:like )?{_MILD_STATE}\b{_EVERYDAY_AFTER}",
        r"\bi hate (?:myself|my life|my body|being alive|living|everything about me|who i am|my self)\b",
        r"\b(?<!about )(?<!for )(?<!with )(?<!on )(?:my) (?:depression|anxiety|ptsd|trauma|eating disorder|mental health|bpd|ocd)(?: \w+)? (?:is|has|gets|got|keeps|makes|getting|been|was)\b"
        r"(?! (?:\w+ )?(?:improved|improving|better|got better|gotten better|been better|good|fine|okay|ok|great|loads better)\b)",
        r"\b(?:my) (?:panic attacks|flashbacks|nightmares|dark thoughts|intrusive thoughts|therapist|counsellor|counselor|antidepressants)\b"
        r"(?!(?: \w+){0,3} (?:is|was|are|were|has been) (?:\w+ )?(?:amazing|great|brilliant|nice|lovely|good|helpful|kind|the best|fab|ace|really nice)\b)",
        r"\b(?:dark|horrible|scary|suicidal|intrusive) thoughts\b|\bi (?:have|get|keep having) (?:bad|negative|sad) thoughts\b",
        r"\b(?:crying|cry|cried) (?:myself to sleep|every (?:night|day)|all the time|alone|all night)\b|\bcant stop crying\b",
        r"\b(?:nobody|no one|nobody ever|no one ever) (?:cares?|loves?|likes?|listens? to|understands?|wants?|notices?|helps?|believes?) (?:about )?me\b",
        r"\b(?:i have|ive got|i got|ive) (?:nobody|no one) (?:to talk to|i can (?:talk|turn) to|to turn to|who cares)\b"
        r"|\bi (?:have|got)(?: \w+)? (?:nobody|no one) to talk to\b",
        r"\b(?:i have|ive got|i got|i dont have|i havent got|i lost all my|i have no|ive no)(?: any)? (?:no )?friends\b",
        rf"\b(?:i (?:give|gave|have given)|ive given) up\b(?! (?:on )?(?:\w+ )?(?:{_SCHOOLWORK}|lessons|clubs?|classes|smoking|vaping|sugar|chocolate|sweets|meat|my (?:seat|place|time|phone)|the (?:team|club|band|choir))\b)|\bgiven up on (?:everything|life|myself)\b",
        rf"\b(?:i|i just|i really|i honestly|i literally)(?: \w+)? (?:cant|can not|cannot|couldnt) (?:cope|handle (?:it|this|life|anything)|deal with (?:it|this|life|anything)|function|breathe|sleep|eat|get out of bed|stop thinking(?! about (?:the |a |my |our |this )?(?:new |next |last )?(?:game|film|movie|match|holiday|party|trip|concert|show|book|series|song|weekend|christmas|birthday|football|food|pizza)s?\b)|stop crying|do anything)\b{_EVERYDAY_AFTER}",
        r"\b(?:want|need) (?:the pain|it|this|everything|my thoughts|the thoughts) to stop\b",
        r"\b(?:everything|my life) (?:is|feels|gets) (?:too much(?! (?:fun|food|homework|to choose|to do|to carry)\b)|pointless|meaningless|hopeless|so hard|unbearable|a mess|falling apart)\b",
        r"\bmy life (?:is|has been|feels) (?:a mess|hell|shit|crap|awful|horrible|terrible|miserable|ruined|over|falling apart|empty|meaningless|pointless)\b",
        r"\bi (?:dont|do not) (?:know|see) (?:how|what|why) (?:to|i|im) (?:keep going|go on|carry on|live|cope|exist)\b",
        r"\b(?:makes?|made|leaves?) me (?:feel )?(?:worthless|hopeless|useless|suicidal|like (?:nothing|a failure|a burden|shit|crap|garbage|dying))\b",
        r"\b(?:nothing|no one|nobody) makes me (?:happy|smile)(?: \w+)?\b|\bnothing (?:matters|makes me happy) anymore\b",
        r"\b(?:every ?day|everything|life) is a (?:struggle|nightmare|battle)\b",
        r"\b(?:panic|anxiety) attacks? (?:every|all|most|again|when|at night)\b|\bi have panic attacks\b",
        r"\b(?:self hatred|self loathing|hopelessness|worthlessness)\b",
        r"\bi (?:hear|keep hearing|can hear|have been hearing|ve been hearing) voices\b"
        r"(?! (?:in the|from|outside|next door|downstairs|upstairs|on the|through|of)\b)"
        r"|\bvoices (?:\w+ ){0,2}(?:in my head|keep telling me|telling me to)\b",
    ),
}
_COMPILED = {concern: re.compile("|".join(patterns)) for concern, patterns in _PATTERNS.items()}

# Signs of distress that mean little alone ("i hate maths", "dead boring") but,
# when several kinds of them meet in one answer written about oneself, are how
# people describe a crisis. Grouped after the PHQ-9 and the signs that
# child-protection guidance lists; one answer has to show _SIGNS_NEEDED kinds.
_SIGNS: dict[str, str] = {
    "low mood": r"sad|sadness|unhappy|miserable|depressed|depression|depressing|heartbroken|empty|numb|down all the time|feel low|feel down",
    "crying": r"cry|cries|cried|crying|tears|sobbing|sob",
    "isolation": r"lonely|loneliness|alone|isolated|no friends|nobody|no one|ignored|left out|invisible|sit on my own|stay in my room",
    "self-worth": r"worthless|useless|pathetic|failure|loser|a burden|disgusting|not good enough|hate myself|hate my ?self|ashamed|my fault",
    "hopelessness": r"hopeless|pointless|no point|give up|gave up|giving up|no future|never get better|nothing matters|lost hope|no hope|whats the point",
    "exhaustion": r"tired|exhausted|drained|no energy|cant sleep|cant get out of bed|insomnia|nightmares",
    "eating": r"dont eat|stopped eating|not eating|cant eat|skip meals|skipping meals|dont eat much",
    "pain": r"pain|painful|hurting|suffer|suffering|broken|agony",
    "not coping": r"cope|coping|struggle|struggling|overwhelmed|too much|breaking down|falling apart|cant handle|cant take|losing it",
    "death": r"die|dying|dead|death|suicide|suicidal|kill|killing|end it|not be here|disappear",
    "care": r"therapy|therapist|counsellor|counselor|counselling|counseling|meds|medication|antidepressants|diagnosed|mental health|psychiatrist|crisis",
    "harm by others": r"abuse|abused|abuser|abusive|assault|assaulted|rape|raped|molested|violence|violent|trauma|traumatic|ptsd|flashbacks|manipulat\w*|gaslight\w*|threat\w*|screamed at|yelled at|hit me|hurt me|controlling|victim|survivor"
                      r"|restraining order|protection order|protective order|non molestation order|no contact order|press(?:ing)? charges"
                      r"|screaming (?:at me|in my face)|yelling at me|berat\w*",
    "fear": r"scared|afraid|terrified|frightened|fear|unsafe|panic",
    "anger at self or life": r"hate my life|hate everything|hate living|hate being|angry at myself|blame myself",
}
_SIGNS_NEEDED = 2
_SIGN = re.compile("|".join(rf"\b(?P<s{i}>{words})\b" for i, words in enumerate(_SIGNS.values())))
_SIGN_NAMES = {f"s{i}": name for i, name in enumerate(_SIGNS)}
# Everyday hyperbole is not a sign: "dead tired", "killing me", "i'd die for chips".
_IDIOMS = re.compile(
    r"\b(?:dead (?:tired|boring|good|funny|easy|quiet|nice|busy|serious|bored|hard|on)|(?:is|are|was) dead"
    r"|killing (?:me|it)|killed it|to die for|(?:i|id|would|could) (?:literally )?die for|dying (?:to|for)"
    r"|(?:could|nearly|almost) (?:have )?died|died laughing|pain in the \w+|no pain no gain"
    r"|scared of (?:spiders|heights|the dark|clowns)|(?:phone|battery) (?:died|is dead|was dead))\b"
)
# "If I fail my exams my mum will kill me": a child's everyday hyperbole about a failing,
# not a threat. The failing is named, so "if I tell anyone he'll kill me" still counts.
_HYPERBOLE = re.compile(
    r"\bif i (?:fail|get (?:a |another )?(?:bad|low|detention|grounded|caught vaping)|come home late|am late|im late|break|lose|miss|forget|spend)"
    r"(?: \w+){0,5} (?:my |our )?(?:mum|dad|mom|parents|nan|gran|teacher|coach|mums?|dads?)s? "
    r"(?:will|would|is going to|are going to|gonna|is gonna|(?:will|would) literally) kill me\b"
)
_ABOUT_ME = re.compile(r"\b(?:i|me|my|myself|im|ive|id)\b")


def _signs_of_distress(reading: str) -> str | None:
    """The words of each kind of sign found, if enough kinds meet in words about oneself."""
    if not _ABOUT_ME.search(reading):
        return None
    for text in (reading, _IDIOMS.sub(" ", reading)):
        seen: dict[str, str] = {}
        for found in _SIGN.finditer(text):
            seen.setdefault(found.lastgroup, found.group())
        if len(seen) < _SIGNS_NEEDED:
            return None
    return " ... ".join(seen.values())


# A longer answer can tell of a crisis with one sign in it ("every night i just lie
# in bed and cry and i dont even know why anymore..."). One sign is enough there
# when the answer is an unhappy account of oneself: at least _ACCOUNT_WORDS words,
# "i", "me", "my" at least _ACCOUNT_SELF times, and the sentiment model's score
# below _ACCOUNT_SCORE. Fear, tiredness and pain are left out of this route: alone
# they are how young people describe a dark bus stop, exams or a broken swing.
_ACCOUNT_WORDS, _ACCOUNT_SELF, _ACCOUNT_SCORE = 20, 3, -0.3
_ACCOUNT_SIGNS = frozenset(_SIGNS) - {"fear", "exhaustion", "pain"}
# "I was sad when the youth club closed": sad at a loss is not a sign on its own.
_EVERYDAY_SIGNS = frozenset({"sad", "sadness", "unhappy"})


def _unhappy_account(text: str, reading: str) -> str | None:
    """The sign's words, if ``reading`` is a long, unhappy account of oneself with one in it."""
    if len(reading.split()) < _ACCOUNT_WORDS or len(_ABOUT_ME.findall(reading)) < _ACCOUNT_SELF:
        return None
    sign = next((found.group() for found in _SIGN.finditer(_IDIOMS.sub(" ", reading))
                 if _SIGN_NAMES[found.lastgroup] in _ACCOUNT_SIGNS and found.group() not in _EVERYDAY_SIGNS), None)
    if sign is None:
        return None
    return sign if sentiment(text).score < _ACCOUNT_SCORE else None


# The model's concern (``disclosure_model``): it hears likeness, not a kind of harm.
SOUNDS_LIKE = "words like a child telling of harm"
KINDS = (*_PATTERNS, "signs of distress", SOUNDS_LIKE)
"""Every kind a Concern may name: the lexicon's, most specific first, then signs that meet, then the model's."""


def reading(text: str) -> str:
    """The text as the check reads it: disguises off, text-speak read, keywords mended."""
    return _readings(text)[0]


def _sounds_like_telling(reading: str) -> str | None:
    """The words that weighed most, if the model is sure a long enough answer sounds like telling."""
    if len(reading.split()) < disclosure_model.MIN_WORDS:
        return None
    model = disclosure_model.default_model()
    if model.probability(reading) < disclosure_model.THRESHOLD:
        return None
    return ", ".join(model.weighed_most(reading)) or reading


@dataclass(frozen=True)
class Concern:
    """What the words may show, and the words that matched (to help a person review)."""

    kind: str
    phrase: str
    language: str = "en"  # the language the words were read in: the lead may need a translation


# "County lines is massive round here and kids get pulled in", "more help for families where
# there is domestic abuse": a view about people in general, which is what a board consults on.
# Such an answer names people only in general, names nobody close (no "I", "my", "he", "mum"),
# and no incident (no "last night", "a man", "in year 9"); it is read as a view, not a telling.
# Anything less general is left to the lexicon: "abuse at home" or "being made to carry drugs"
# may be a child's own words.
_PERSONAL = re.compile(
    r"\b(?:i|me|my|mine|myself|im|ive|id|ill|we|us|our|ours|ourselves|weve|he|she|him|her|his|hers|himself|herself|hes|shes"
    r"|mum|mam|mom|dad|step ?dad|step ?mum|nan|nana|gran|granny|grandad|grandma|brother|sister|uncle|aunt|auntie|cousin"
    r"|boyfriend|girlfriend|friend|mate|bestie|bf|gf|you|your|u|ur)\b"
)
_GENERAL = re.compile(
    r"\b(?:kids|children|young people|youngsters|teenagers|teens|adults|families|girls|boys|students|pupils|"
    r"women|men|victims|survivors|people)\b"
)
_INCIDENT = re.compile(
    r"\b(?:last night|yesterday|today|tonight|this morning|last week|this week|right now|at the moment|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|in year \d+|in (?:the )?(?:year|form) (?:above|below)|a man|this man|that man|a woman|an old man|a guy|a boy|a girl|this boy|this girl|some man|"
    r"named|called|at the (?:park|station|shops|bus stop|flats|youth club)|outside (?:the|our) school|behind the)\b"
)


def _a_view_of_people_in_general(reading: str) -> bool:
    return bool(_GENERAL.search(reading)) and not _PERSONAL.search(reading) and not _INCIDENT.search(reading)


def possible_disclosure(text: str | None, *, likeness: bool = True) -> Concern | None:
    """The first concern the text may show, or None; ``likeness=False`` leaves out the model."""
    if not text or not text.strip():
        return None
    readings = _readings(text)
    if all(_a_view_of_people_in_general(reading) for reading in readings):
        return None
    plain = tuple(_HYPERBOLE.sub(" ", reading) for reading in readings)
    for kind, pattern in _COMPILED.items():
        for reading in plain:
            found = pattern.search(reading)
            if found:
                return Concern(kind=kind, phrase=found.group(0))
    for reading in readings:
        signs = _signs_of_distress(reading)
        if signs:
            return Concern(kind="signs of distress", phrase=signs)
    elsewhere = disclosure_languages.find(text)
    if elsewhere:
        language, kind, phrase = elsewhere
        return Concern(kind=kind, phrase=phrase, language=language)
    sign = _unhappy_account(text, readings[0])
    if sign:
        return Concern(kind="signs of distress", phrase=sign)
    heard = _sounds_like_telling(readings[0]) if likeness else None
    if heard:
        return Concern(kind=SOUNDS_LIKE, phrase=heard)
    return None


def evaluate(rows: Iterable[tuple[str, bool]]) -> dict[str, float | int]:
    """Recall, precision and false-positive rate of ``possible_disclosure`` on labelled text.

    ``rows`` are (text, is a disclosure). The speed is answers checked per second
    on one core, measured over the same rows.
    """
    labels, flags, seconds = [], [], 0.0
    for text, disclosure in rows:
        started = time.perf_counter()
        flags.append(possible_disclosure(text) is not None)
        seconds += time.perf_counter() - started
        labels.append(bool(disclosure))
    return agreement(labels, flags, seconds)


def agreement(labels: Sequence[bool], flags: Sequence[bool], seconds: float = 0.0) -> dict[str, float | int]:
    """``evaluate``'s figures from flags already found: is a disclosure, and was flagged, per text."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for disclosure, flagged in zip(labels, flags, strict=True):
        counts[("t" if flagged == disclosure else "f") + ("p" if flagged else "n")] += 1
    n = len(labels)
    positives, negatives = counts["tp"] + counts["fn"], counts["fp"] + counts["tn"]
    return {
        "recall": round(counts["tp"] / positives, 4) if positives else None,
        "precision": round(counts["tp"] / (counts["tp"] + counts["fp"]), 4) if counts["tp"] + counts["fp"] else None,
        "false_positive_rate": round(counts["fp"] / negatives, 4) if negatives else None,
        "n": n,
        "disclosures": positives,
        "ordinary": negatives,
        "answers_per_second": round(n / seconds) if seconds else None,
    }
