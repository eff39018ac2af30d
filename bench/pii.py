"""How well ``scrub`` takes personal details out of real sentences, and what else it takes.

    .venv/bin/python bench/pii.py [--per-kind 2500] [--seed 7]

Real sentences come from ../shared/data/ (NHS Friends and Family Test answers,
themes-nhs-v6/test.jsonl, MIT; GoEmotions comments, sentiment-goemotions/dev.jsonl,
Apache-2.0). Into each, a generated detail is planted (seeded): a phone number,
an email, a postcode, a link, a social media handle, a street address, a local
place from a configured list, or a person's name, inside a phrase a young person
might write ("text me on ...", "my friend ... said"), at the start, the end or
between two words.

Prints, per kind, the share of plantings fully removed (no word of the detail
left beyond what the sentence itself had), and the share of the clean
sentences' words that ``scrub`` replaced. Names are drawn from a bench list of
its own, half of them not on the scrubber's list, and recall is also shown for
those separately.
"""
from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import string
import sys
import time
from collections import Counter
from pathlib import Path

from engage.analysis.pii import KINDS, _names, scrub

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data"
SOURCES = (DATA / "themes-nhs-v6/test.jsonl", DATA / "sentiment-goemotions/dev.jsonl")
TOKEN = re.compile(r"[A-Za-z0-9]+")

PLACES = (
    "St Mary's Primary", "Frodingham Infants", "Brumby Academy", "Baysgarth School",
    "Westcliff Youth Centre", "Central Park", "Riddings Estate", "Foxhills", "Ashby Road Rec",
    "Sir John Nelthorpe School", "The Parishes", "Bottesford", "Crosby Park", "Winterton",
)
# Names for the bench: some common in the UK, some rarer, some also everyday words.
BENCH_NAMES = (
    "Oliver Amelia Jack Isla Muhammad Olivia Harry Ava George Grace Noah Mia Leo Freya Oscar Poppy "
    "Charlie Lily Alfie Evie Jacob Sophie Thomas Chloe Joshua Megan Kai Jessica Tyler Ellie Ethan Aisha "
    "Kwame Siobhan Aoife Tomasz Oluwaseun Priyanka Declan Bartosz Eilidh Mairead Ffion Osian Tanvir Nkechi "
    "Yusra Rhodri Saoirse Jago Kerensa Maximilian Ayodele Shreya Caoimhe Lorcan Dafydd Kacey Jaydn Tiegan "
    "Rose Will Summer Max Ruby Hope Faith Jay Sky Mark "
    # Written with their accents, as the young people who carry them write them.
    "Siân Seán Zoë Chloé Paweł Łukasz Ștefan Gwenllïan Siobhán Małgorzata"
).split()
# Email addresses and handles are written in plain letters ("sian.jones@", "@lukasz_07").
PLAIN_NAMES = [name for name in BENCH_NAMES if name.isascii()]
SURNAMES = "Smith Jones Patel Khan Williams Brown Taylor Wilson Evans Begum Nowak Okafor Murphy Hughes".split()
STREETS = (
    "Acacia Church Station Victoria Park High Mill School Queens Kings New Manor Green York Albert Oak "
    "Elm Cedar Windsor Grange Orchard Springfield Meadow Chapel Ashby Brigg Ferry Frodingham Cole"
).split()
STREET_TYPES = ("Road", "Street", "St", "Avenue", "Ave", "Lane", "Close", "Drive", "Way", "Crescent", "Court", "Grove", "Gardens", "Terrace", "Rd")
WORDS = "cool sunny dark pixel luna gamer king queen footy chips storm blue red tiger wolf star".split()


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone(rng: random.Random) -> str:
    mobile = "7" + _digits(rng, 9)
    area = rng.choice(["1724", "1652", "1522", "113", "161", "20", "1632"])
    land = area + _digits(rng, 10 - len(area))
    return rng.choice([
        lambda: f"0{mobile[:4]} {mobile[4:]}",
        lambda: f"0{mobile}",
        lambda: f"+44 {mobile[:4]} {mobile[4:]}",
        lambda: f"+44{mobile}",
        lambda: f"+44 (0){mobile[:4]} {mobile[4:]}",
        lambda: f"0044 {mobile[:4]} {mobile[4:7]} {mobile[7:]}",
        lambda: f"0{mobile[:4]}-{mobile[4:7]}-{mobile[7:]}",
        lambda: f"0{mobile[:3]} {mobile[3:6]} {mobile[6:]}",
        lambda: f"(0{land[:len(area)]}) {land[len(area):]}",
        lambda: f"0{land[:len(area)]} {land[len(area):]}",
        lambda: f"0{land[:len(area)]}-{land[len(area):]}",
        lambda: f"0{land[:len(area)]}.{land[len(area):]}",
    ])()


def email(rng: random.Random) -> str:
    first = rng.choice(PLAIN_NAMES).lower()
    local = rng.choice([first, f"{first}.{rng.choice(SURNAMES).lower()}", f"{first}{_digits(rng, 2)}",
                        f"{rng.choice(WORDS)}_{rng.choice(WORDS)}{_digits(rng, 3)}", f"{first[0]}{rng.choice(SURNAMES).lower()}"])
    domain = rng.choice(["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com",
                         "live.co.uk", "students.brumby.sch.uk", "btinternet.com", "northlincs.gov.uk"])
    address = f"{local}@{domain}"
    return address.upper() if rng.random() < 0.05 else address


def postcode(rng: random.Random) -> str:
    first = "ABCDEFGHIJKLMNOPRSTUWYZ"
    second = "ABCDEFGHKLMNOPQRSTUVWXY"
    inward_letters = "ABDEFGHJLNPQRSTUWXYZ"
    outward = rng.choice([
        lambda: rng.choice(first) + rng.choice(string.digits),
        lambda: rng.choice(first) + _digits(rng, 2),
        lambda: rng.choice(first) + rng.choice(second) + rng.choice(string.digits),
        lambda: rng.choice(first) + rng.choice(second) + _digits(rng, 2),
        lambda: rng.choice(first) + rng.choice(string.digits) + rng.choice("ABCDEFGHJKPSTUW"),
        lambda: rng.choice(first) + rng.choice(second) + rng.choice(string.digits) + rng.choice("ABEHMNPRVWXY"),
    ])()
    inward = rng.choice(string.digits) + rng.choice(inward_letters) + rng.choice(inward_letters)
    code = outward + rng.choice([" ", " ", "", "  "]) + inward
    return rng.choice([code, code, code.lower(), code.title()])


def link(rng: random.Random) -> str:
    word = rng.choice(WORDS)
    slug = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(4, 8)))
    return rng.choice([
        f"https://www.{word}{rng.choice(WORDS)}.com/{slug}", f"http://{word}.co.uk", f"www.{word}site.org",
        f"bit.ly/{slug}", f"tinyurl.com/{slug}", f"https://youtube.com/watch?v={slug}", f"{word}{rng.choice(WORDS)}.com",
        f"https://t.co/{slug}", f"www.{word}.net/page?id={_digits(rng, 3)}", f"HTTPS://{word.upper()}.ORG.UK",
    ])


def handle_name(rng: random.Random) -> str:
    name = rng.choice(PLAIN_NAMES).lower()
    return rng.choice([
        f"{name}_{_digits(rng, 2)}", f"{rng.choice(WORDS)}{rng.choice(WORDS)}{_digits(rng, 2)}",
        f"{name}.{rng.choice(WORDS)}", f"x{name}x", f"{rng.choice(WORDS)}_{name}", f"{name}{_digits(rng, 4)}",
    ])


def address(rng: random.Random) -> str:
    street = f"{rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
    number = f"{rng.randint(1, 250)}{rng.choice(['', '', '', 'a', 'b'])}"
    text = rng.choice([
        f"{number} {street}", f"flat {rng.randint(1, 20)}, {number} {street}", f"Flat {rng.randint(1, 9)} {number} {street}",
        f"{number}, {street}",
    ])
    return text.lower() if rng.random() < 0.3 else text


def place(rng: random.Random) -> str:
    chosen = rng.choice(PLACES)
    return rng.choice([chosen, chosen.lower(), chosen.replace("'", "’"), chosen.replace("'", "")])


def person(rng: random.Random) -> str:
    name = rng.choice(BENCH_NAMES)
    return rng.choice([name, name, f"{name} {rng.choice(SURNAMES)}"])


FRAMES = {
    "phone": (lambda rng: phone(rng), ("text me on {x}", "my number is {x}", "call {x}", "{x}", "ring me {x} if you want")),
    "email": (lambda rng: email(rng), ("email me at {x}", "{x}", "my email is {x}", "contact {x}")),
    "postcode": (lambda rng: postcode(rng), ("I live in {x}", "{x}", "postcode {x}", "round {x} way")),
    "link": (lambda rng: link(rng), ("see {x}", "{x}", "look at {x} for more", "link: {x}")),
    "handle": (lambda rng: handle_name(rng), ("@{x}", "snap: {x}", "my insta is {x}", "add me on snapchat {x}",
                                              "tiktok @{x}", "ig - {x}", "follow @{x}")),
    "address": (lambda rng: address(rng), ("I live at {x}", "{x}", "by {x}", "round at {x}")),
    "place": (lambda rng: place(rng), ("at {x}", "I go to {x}", "{x}", "near {x}")),
    "name": (lambda rng: person(rng), ("my friend {x} said", "{x} told me", "me and {x}", "{x} said", "ask {x}",
                                       "with {x}", "Mr {x}", "Miss {x}", "{x}'s mum", "{x}")),
}


def sentences(limit_words: int = 40) -> list[str]:
    found = []
    for path in SOURCES:
        for line in path.open(encoding="utf-8"):
            text = " ".join(json.loads(line)["text"].split())
            if 3 <= len(text.split()) <= limit_words:
                found.append(text)
    return found


def plant(rng: random.Random, sentence: str, phrase: str) -> str:
    words = sentence.split()
    where = rng.random()
    if where < 0.35:
        return f"{phrase[0].upper() + phrase[1:]} {sentence}" if phrase[:1].islower() else f"{phrase} {sentence}"
    if where < 0.7:
        return f"{sentence} {phrase}"
    cut = rng.randint(1, len(words) - 1)
    return " ".join(words[:cut] + [phrase] + words[cut:])


def tokens(text: str) -> Counter:
    return Counter(t.lower() for t in TOKEN.findall(text))


def leaked(detail: str, kind: str, planted: str, sentence_and_frame: str, output: str) -> bool:
    """Some word of the detail is left beyond what the sentence and frame had."""
    left, base = tokens(output), tokens(sentence_and_frame)
    return any(left[t] > base[t] for t in tokens(detail) if not t.isdigit() or kind != "name")


def replaced_share(clean: list[str], places: tuple[str, ...]) -> tuple[float, Counter, float]:
    words = replaced = 0
    what: Counter = Counter()
    started = time.perf_counter()
    for sentence in clean:
        before = sentence.split()
        after = scrub(sentence, places).text.split()
        words += len(before)
        for op, i1, i2, _, _ in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
            if op in ("replace", "delete"):
                replaced += i2 - i1
                what.update(w.strip(string.punctuation) for w in before[i1:i2])
    seconds = time.perf_counter() - started
    return replaced / words, what, len(clean) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=0, help="print this many misses per kind")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    only_names, ambiguous = _names()
    listed = only_names | ambiguous
    report: dict[str, object] = {"sentences": len(pool), "per_kind": args.per_kind, "seed": args.seed}
    recall = {}
    by_listing = Counter()
    for kind in KINDS:
        make, frames = FRAMES[kind]
        caught = 0
        shown = 0
        for _ in range(args.per_kind):
            sentence = rng.choice(pool)
            detail = make(rng)
            frame = rng.choice(frames)
            phrase = frame.format(x=detail)
            planted = plant(rng, sentence, phrase)
            output = scrub(planted, PLACES).text
            ok = not leaked(detail, kind, planted, sentence + " " + frame.replace("{x}", ""), output)
            caught += ok
            if kind == "name":
                key = "listed" if detail.split()[0].lower() in listed else "unlisted"
                by_listing[(key, "n")] += 1
                by_listing[(key, "caught")] += ok
            if not ok and shown < args.show:
                shown += 1
                print(f"  miss {kind}: {planted!r} -> {output!r}", file=sys.stderr)
        recall[kind] = round(caught / args.per_kind, 3)
    report["recall"] = recall
    report["name_recall_by_list"] = {
        key: round(by_listing[(key, "caught")] / max(1, by_listing[(key, "n")]), 3) for key in ("listed", "unlisted")
    }
    share, what, speed = replaced_share(pool, PLACES)
    report["clean_words_replaced"] = round(share, 4)
    report["most_replaced_clean_words"] = what.most_common(15)
    report["sentences_per_second"] = round(speed)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
