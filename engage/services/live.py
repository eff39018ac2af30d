"""The live event screen: what a room of young people has said so far, safe to project.

Counts include people still answering (a live event is about watching answers
arrive); each goes through ``engage.analysis.suppression``. Answers flagged as a
possible disclosure count for nothing; hidden questions are not even read.

A ranked ballot runs in order of **first choices**: each ballot counts once, for the
issue put first, so every number is a number of young people, suppressed like any
other. Hidden counts follow the shown ones in the ballot's own order (the rule keeps
each below every shown count, so the ranks shown are true and no place is given away).

Free text shows the words most used: lower-cased, no stop words, once per person,
only words at least the threshold of people used, after names and contact details
are scrubbed (``engage.analysis.pii``); nothing with a digit, @, # or web address.

The counting is done once per consultation for every reader; the words (title,
question text, answer labels) are then put on it in each reader's language.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from functools import cached_property, partial

from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy import false, func, select

from engage.analysis.pii import scrub
from engage.analysis.suppression import Cell, count_cell, percent, protect
from engage.database import writing
from engage.extensions import db
from engage.i18n import survey_words
from engage.models import IN_PROGRESS, SUBMITTED, Answer, Consultation, Response, User
from engage.services import audit
from engage.services.consultations import survey_of, title_for
from surveys import PREFER_NOT_TO_SAY
from surveys.i18n import DEFAULT_LANGUAGE
from surveys.model import Question

BARS, BALLOT, WORDS = "bars", "ballot", "words"
CHOICES = ("single_choice", "multiple_choice", "yes_no", "faces_scale", "scale_0_10", "age_band", "workshop_choice")
KINDS = {**dict.fromkeys(CHOICES, BARS), "ranked_ballot": BALLOT, "free_text": WORDS}
TOP_WORDS = 15


@dataclass(frozen=True)
class Bar:
    value: str
    label: str
    cell: Cell
    percent: int | None = None  # of the people who answered, only when both are shown
    width: int | None = None  # 0-100, against the largest shown count; None when hidden
    rank: int | None = None  # ballots: place in the running order, for shown counts


@dataclass(frozen=True)
class Word:
    word: str
    cell: Cell


@dataclass(frozen=True)
class LiveItem:
    question_id: str
    kind: str
    text: str
    answered: Cell | None = None  # young people who answered; not given for free text
    bars: tuple[Bar, ...] = ()
    words: tuple[Word, ...] = ()
    withheld: bool = False  # nothing could be shown safely yet


@dataclass(frozen=True)
class LiveSnapshot:
    join_code: str
    title: str
    threshold: int
    taking_part: Cell
    sent: Cell
    answering: Cell
    items: tuple[LiveItem, ...]
    built_at: str
    note: str = "Includes answers from people still answering."

    def to_dict(self) -> dict:
        return asdict(self)

    @cached_property
    def as_json(self) -> str:
        """Serialised once: every screen polling the same snapshot gets the same text."""
        return json.dumps(self.to_dict(), separators=(",", ":"))


class NotALiveItem(ValueError):
    """The question does not exist, or the live view has nothing to show for it."""


@dataclass
class _Tally:
    people: int = 0
    picks: Counter = field(default_factory=Counter)
    texts: list[tuple[str, int]] = field(default_factory=list)


def snapshot(consultation: Consultation, language: str = DEFAULT_LANGUAGE) -> LiveSnapshot:
    """The consultation's live snapshot in ``language``, counted at most once per process every few seconds.

    Screens in every language share one count; each language's words are put on it
    once per count, so the same count reads the same in Welsh as in English.
    """
    counted, worded = _counted(consultation)
    found = worded.get(language)
    if found is None:
        found = worded.setdefault(language, in_language(counted, consultation, language))
    return found


def _counted(consultation: Consultation) -> tuple[LiveSnapshot, dict[str, LiveSnapshot]]:
    """The counted snapshot, without words, and its versions in each language read so far.

    Twenty screens polling every few seconds cost one computation. The key
    holds what changes the result's shape, so hiding an item shows at once;
    a thread finding another already rebuilding a recent entry uses the old one.
    """
    threshold = current_app.config["SUPPRESSION_THRESHOLD"]
    ttl = float(current_app.config.get("LIVE_CACHE_SECONDS", 2))
    hidden = tuple(consultation.live_hidden or ())
    key = (consultation.join_code, consultation.current_version_id, hidden, threshold)
    entry = _CACHE.get(key)
    age = time.monotonic() - entry[0] if entry else None
    if age is not None and age < ttl:
        return entry[1:]
    if not _BUILDING.acquire(blocking=age is None or age > ttl + 10):
        return entry[1:]
    try:
        entry = _CACHE.get(key)
        if entry and time.monotonic() - entry[0] < ttl:
            return entry[1:]
        entry = (time.monotonic(), count_snapshot(consultation, threshold), {})
        if len(_CACHE) > 256:
            _CACHE.clear()
        _CACHE[key] = entry
        return entry[1:]
    finally:
        _BUILDING.release()


# key -> (built at, counted snapshot, {language: the snapshot in its words}); the
# languages are the few the app offers, as the page chose one.
_CACHE: dict[tuple, tuple[float, LiveSnapshot, dict[str, LiveSnapshot]]] = {}
_BUILDING = threading.Lock()


def build_snapshot(consultation: Consultation, threshold: int, language: str = DEFAULT_LANGUAGE) -> LiveSnapshot:
    """The live snapshot in ``language``, built afresh (``snapshot`` keeps one for a few seconds)."""
    return in_language(count_snapshot(consultation, threshold), consultation, language)


def count_snapshot(consultation: Consultation, threshold: int) -> LiveSnapshot:
    """Two queries: responses by status, and answers grouped by question and value.

    Every count, suppressed, in order; no words yet (the title, question text and
    labels are empty): ``in_language`` puts a reader's on it.
    """
    questions = [q for q in live_questions(consultation) if q.id not in set(consultation.live_hidden or ())]
    statuses = select(Response.status, func.count()).where(Response.consultation_id == consultation.id)
    by_status = dict(db.session.execute(statuses.group_by(Response.status)).all())
    progress = protect([by_status.get(SUBMITTED, 0), by_status.get(IN_PROGRESS, 0)], threshold)
    tallies = _tallies(consultation, questions)
    return LiveSnapshot(
        join_code=consultation.join_code,
        title="",
        threshold=threshold,
        taking_part=progress.total,
        sent=progress.cells[0],
        answering=progress.cells[1],
        items=tuple(_ITEMS[KINDS[q.type]](q, tallies[q.id], threshold) for q in questions),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


def in_language(counted: LiveSnapshot, consultation: Consultation, language: str) -> LiveSnapshot:
    """The counted snapshot with its words in ``language``, unit by unit.

    A question or choice the survey has no translation for keeps its English (the
    engine's own choices, such as a faces scale's, from the app's catalogue); the
    title follows ``title_for``; "Prefer not to say" is the app's own words.
    """
    survey = survey_of(consultation)
    questions = {q.id: q for q in survey.questions}
    with force_locale(language):
        items = tuple(_item_in_words(item, questions[item.question_id]) for item in counted.items)
        return replace(counted, title=title_for(consultation, language, survey), items=items,
                       note=gettext("Includes answers from people still answering."))


def _item_in_words(item: LiveItem, question: Question) -> LiveItem:
    """One item with the question's text and its answers' labels in the current locale."""
    labels = {c.value: survey_words(c.label) for c in question.kind.choices(question)}
    labels[PREFER_NOT_TO_SAY] = gettext("Prefer not to say")
    bars = tuple(replace(bar, label=labels[bar.value]) for bar in item.bars)
    return replace(item, text=survey_words(question.text), bars=bars)


def live_questions(consultation: Consultation) -> list[Question]:
    """Every question the live view can show, hidden ones included, in survey order."""
    return [q for q in survey_of(consultation).questions if q.type in KINDS]


def _tallies(consultation: Consultation, questions: list[Question]) -> dict[str, _Tally]:
    """Count per question in SQL, grouped on the stored value: for a list (multiple
    choice, ballot) one row per distinct combination picked, not per young person."""
    tallies = {q.id: _Tally() for q in questions}
    known = {q.id: {c.value for c in q.kind.choices(q)} for q in questions}
    rows = db.session.execute(
        select(Answer.question_id, Answer.value, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.consultation_id == consultation.id,
            Answer.flagged == false(),
            Answer.question_id.in_(list(tallies)),
        )
        .group_by(Answer.question_id, Answer.value)
    )
    first_only = {q.id for q in questions if KINDS[q.type] == BALLOT}
    words = {q.id for q in questions if KINDS[q.type] == WORDS}
    for question_id, value, n in rows:
        tally = tallies[question_id]
        if question_id in words:
            if isinstance(value, str) and value != PREFER_NOT_TO_SAY:
                tally.texts.append((value, n))
            continue
        if value == PREFER_NOT_TO_SAY:
            tally.picks[PREFER_NOT_TO_SAY] += n
            tally.people += n
            continue
        values = [str(v) for v in (value if isinstance(value, list) else [value])]
        # A value an earlier version of the survey offered is left out whole,
        # so that no count can be worked out as people minus the bars.
        considered = values[:1] if question_id in first_only else dict.fromkeys(values)
        picked = [v for v in considered if v in known[question_id]]
        if picked:
            tally.people += n
            tally.picks.update({v: n for v in picked})
    return tallies


def _bars(question: Question, tally: _Tally, threshold: int, ballot: bool = False) -> LiveItem:
    options = [c.value for c in question.kind.choices(question)]
    if question.prefer_not_to_say or tally.picks[PREFER_NOT_TO_SAY]:
        options.append(PREFER_NOT_TO_SAY)
    table = protect([tally.picks[v] for v in options], threshold, base=tally.people)
    answered = count_cell(tally.people, threshold)
    widest = max((c.count for c in table.cells if not c.suppressed), default=0) or 1
    bars = []
    for value, cell in zip(options, table.cells):
        width = None if cell.suppressed else round(100 * cell.count / widest)
        bars.append(Bar(value, "", cell, percent(cell, answered), width))
    if ballot and not table.withheld:
        bars = _running_order(bars)
    kind = BALLOT if ballot else BARS
    return LiveItem(question.id, kind, "", answered, tuple(bars), withheld=table.withheld)


def _running_order(bars: list[Bar]) -> list[Bar]:
    """Shown counts, most first-choices first; then hidden ones; then none; the opt-out last."""
    opt_out = [b for b in bars if b.value == PREFER_NOT_TO_SAY]
    issues = [b for b in bars if b.value != PREFER_NOT_TO_SAY]
    ranked = sorted((b for b in issues if b.cell.count), key=lambda b: -b.cell.count)
    placed, rank, last = [], 0, None
    for position, bar in enumerate(ranked, start=1):
        if bar.cell.count != last:
            rank, last = position, bar.cell.count
        placed.append(Bar(bar.value, bar.label, bar.cell, bar.percent, bar.width, rank))
    rest = [b for b in issues if b.cell.suppressed] + [b for b in issues if b.cell.count == 0]
    return placed + rest + opt_out


def _word_item(question: Question, tally: _Tally, threshold: int) -> LiveItem:
    people = Counter()
    for text, n in tally.texts:
        people.update(dict.fromkeys(_words_of(text), n))
    common = sorted((-n, w) for w, n in people.items() if n >= max(threshold, 1))
    shown = tuple(Word(w, count_cell(-n, threshold)) for n, w in common[:TOP_WORDS])
    return LiveItem(question.id, WORDS, "", words=shown)


_ITEMS = {BARS: _bars, BALLOT: partial(_bars, ballot=True), WORDS: _word_item}


_UNSAFE = re.compile(r"[\d@#_/\\:=+\[\]]|\.\w|^www|https?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing done don't dont down during each even ever few for from get
    gets getting got had has have having he her here hers herself him himself his how i i'd i'll i'm i've id if
    im in into is isn't it it's its itself ive just let like lot lots make me more most much my myself no nor not
    now of off ok okay on once only or other our ours ourselves out over own really same she should so some such
    than that that's the their theirs them themselves then there there's these they they're this those through
    to too under until up us very want was wasn't we we're were what when where which while who whom why will
    with won't would yeah yes you you're your yours yourself yourselves""".split()
)


def _words_of(text: str) -> frozenset[str]:
    """One answer's words, once per process; kept by hash, never the young person's text."""
    key = hashlib.sha256(text.encode()).digest()
    if key not in _WORDS_OF:
        if len(_WORDS_OF) > 50_000:
            _WORDS_OF.clear()
        _WORDS_OF[key] = frozenset(words_in(scrub(text).text))
    return _WORDS_OF[key]


_WORDS_OF: dict[bytes, frozenset[str]] = {}


def words_in(text: str) -> Iterable[str]:
    """Lower-case words worth counting, with nothing that could be a number, address or handle."""
    for raw in text.replace("\u2019", "'").split():
        if _UNSAFE.search(raw):
            continue
        match = _WORD.fullmatch(raw.strip(".,;!?\"'()[]{}*~-…").lower())
        if match:
            word = match.group(0).removesuffix("'s")
            if len(word) > 1 and word not in STOP_WORDS:
                yield word


def set_hidden(consultation: Consultation, question_id: str, hidden: bool, by: User | None) -> bool:
    """Hide an item from the live screen, or show it again; False when nothing changed."""
    if question_id not in {q.id for q in live_questions(consultation)}:
        raise NotALiveItem(question_id)
    with writing():
        query = select(Consultation).where(Consultation.id == consultation.id).with_for_update(of=Consultation)
        row = db.session.scalar(query.execution_options(populate_existing=True))
        current = list(row.live_hidden or [])
        if (question_id in current) == hidden:
            return False
        row.live_hidden = current + [question_id] if hidden else [q for q in current if q != question_id]
        action = "hid from live view" if hidden else "showed on live view"
        audit.record(by, action, "consultation", row.join_code, question=question_id)
    return True
