"""Voice summaries: what young people said in a period, or in one consultation, safe for the board.

Every count goes through ``engage.analysis.suppression``: a table with
``protect``, a count standing alone with ``count_cell``. On top of that:

- A flagged answer (a possible disclosure) counts for nothing here: not in
  themes, not in choice results (as on the live screen), never as a quote.
- A theme's sentiment split is hidden whenever the theme's own count is: its
  cells would add up to it. An area of focus is hidden when any of its themes
  is, or its count less the shown themes would give the hidden one away.
- Quotes come only from themes with at least the threshold of answers (a
  quote from a handful could point to its writer) whose cell does not hide a
  small count, scrubbed of names, contact details and local places.
- A trend says only what the two shown counts already say ("up" from "fewer
  than 10" to 25); when they do not settle it, there is none.
- Themes are listed shown counts first (largest first), then hidden ones, so
  the order tells nothing the cells do not.

The SQL is in ``voice_queries``, choice questions in ``voice_choices``, the
choice of quotes in ``voice_quotes``.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from flask import current_app
from flask_babel import gettext as _

from engage.analysis.suppression import HIDDEN, Cell, count_cell, fewer_than, hidden, protect, shown
from engage.analysis.themes.taxonomy import Taxonomy
from engage.i18n import _l
from engage.models import CHAT, SETTING_NAMES, SETTINGS, WEB, Consultation
from engage.services import themes, voice_choices, voice_queries, voice_quotes
from engage.services.consultations import find_consultation
from engage.services.retention import holds_words
from engage.services.voice_model import (
    SENTIMENT_NAMES,
    SENTIMENTS,
    UNKNOWN_SENTIMENT,
    ActionSummary,
    AreaSummary,
    ChoiceResult,
    Participation,
    Period,
    Quote,
    Row,
    ThemeSummary,
    VoiceSummary,
)
from engage.services.voice_queries import THEME_SEPARATOR, Scope
from engage.services.voice_tables import table_rows
from surveys import PREFER_NOT_TO_SAY
from surveys.question_types import DEFAULT_AGE_BANDS

KIND_NAMES = {
    "square_table": _l("Square Table event"),
    "lifestyle_survey": _l("Lifestyle survey"),
    "staying_safe_conference": _l("Staying Safe conference"),
    "youth_ballot": _l("Youth ballot"),
    "service_feedback": _l("Service feedback"),
}
CHANNEL_NAMES = {WEB: _l("Web page"), CHAT: _l("Telegram chat")}
NOT_GIVEN, PREFER_NOT_TO_SAY_LABEL = _l("Not given"), _l("Prefer not to say")
NOT_RECORDED = _l("Not recorded")  # a consultation with no setting
QUOTE_CANDIDATES = 12  # per theme and sentiment: enough to find two or three good ones
NOT_APPLICABLE = Cell(None, False, "")  # a consultation's summary has no previous period


def voice_summary(period: Period) -> VoiceSummary:
    """Every consultation's responses sent within the period, against the period before."""
    before = period.previous()
    return _summarise(
        Scope(start=period.start, end=period.end),
        title=period.label,
        period=period,
        themes_scope=Scope(start=before.start, end=period.end),
        current_from=period.start,
        actions=voice_queries.published_actions(start=period.start, end=period.end),
    )


def consultation_summary(code: str) -> VoiceSummary:
    """One consultation over its whole life. Raises ConsultationNotFound."""
    consultation = find_consultation(code)
    scope = Scope(consultation_id=consultation.id)
    return _summarise(
        scope,
        title=consultation.title,
        period=None,
        code=consultation.join_code,
        themes_scope=scope,
        current_from=None,
        actions=voice_queries.published_actions(consultation_id=consultation.id),
    )


def consultation_choices(code: str) -> tuple[ChoiceResult, ...]:
    """Only the choice questions' counts of one consultation, as its summary holds them,
    without the themes and quotes a summary also works out. Raises ConsultationNotFound."""
    scope = Scope(consultation_id=find_consultation(code).id)
    answered = voice_queries.consultations(c for c, *_ in voice_queries.participation(scope))
    return voice_choices.choice_results(scope, answered, current_app.config["SUPPRESSION_THRESHOLD"])


class PeriodError(ValueError):
    """The period asked for cannot be read; the message says how to write it."""


def parse_period(quarter: str = "", start: str = "", end: str = "", *, today: date) -> Period:
    """A period as a form or URL gives it: a quarter ("2026Q3"), or its first and last days
    ("2026-01-01"). With neither, the last complete quarter. Raises PeriodError."""
    quarter, start, end = (quarter or "").strip(), (start or "").strip(), (end or "").strip()
    if quarter and (start or end):
        raise PeriodError(_("Choose a quarter or two dates, not both."))
    if quarter:
        try:
            return Period.quarter(quarter[:20])
        except ValueError as error:
            raise PeriodError(_sentence(str(error))) from None
    if start or end:
        if not (start and end):
            raise PeriodError(_("Give both the first and the last day of the period."))
        try:
            return Period.between(_day(start), _day(end))
        except ValueError as error:
            raise PeriodError(_sentence(str(error))) from None
    return last_complete_quarter(today)


def quarter_of(day: date) -> Period:
    return Period.quarter(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def last_complete_quarter(today: date) -> Period:
    return quarter_of(today).previous()


def recent_quarters(today: date, count: int = 8) -> list[Period]:
    """This quarter (so far) and the ones before it, newest first."""
    found = [quarter_of(today)]
    while len(found) < count:
        found.append(found[-1].previous())
    return found


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text[:20])
    except ValueError:
        raise PeriodError(_('"%(text)s" is not a date: write it like 2026-07-01.', text=text[:20])) from None


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."


def summary_as_dict(summary: VoiceSummary) -> dict:
    """The summary as JSON-ready data: cells as {count, suppressed, display}, dates as ISO text."""
    return _plain(dataclasses.asdict(summary))


# --- putting a summary together ------------------------------------------------


def _summarise(scope: Scope, *, title: str, period: Period | None, themes_scope: Scope,
               current_from: date | None, actions: list, code: str | None = None) -> VoiceSummary:
    threshold = current_app.config["SUPPRESSION_THRESHOLD"]
    version, taxonomy = themes.current_taxonomy()
    rows = voice_queries.participation(scope)
    consultations = voice_queries.consultations(c for c, *_ in rows)
    theme_rows = voice_queries.theme_sets(themes_scope, taxonomy.keys, current_from, QUOTE_CANDIDATES)
    tallies = _ThemeTallies.of(theme_rows, taxonomy)
    theme_summaries, untagged, quotable = _themes(tallies, taxonomy, threshold, has_previous=current_from is not None)
    quotes = _quotes(quotable, tallies)
    return VoiceSummary(
        period=period,
        consultation_code=code,
        title=title,
        taxonomy_version=version.number,
        threshold=threshold,
        participation=_participation(rows, consultations, threshold),
        free_text_answers=count_cell(tallies.free_now, threshold),
        untagged=untagged,
        themes=tuple(dataclasses.replace(t, quotes=quotes.get(t.key, ())) for t in theme_summaries),
        areas=_areas(tallies, taxonomy, theme_summaries, threshold),
        choices=voice_choices.choice_results(scope, consultations, threshold),
        actions=tuple(_action(a) for a in actions),
    )


# --- who took part -------------------------------------------------------------


def _participation(rows: list[tuple[int, str | None, str, int]], consultations: list[Consultation],
                   threshold: int) -> Participation:
    kinds = {c.id: c.kind for c in consultations}
    settings = {c.id: c.setting for c in consultations}
    by_kind, by_band, by_channel, by_setting = Counter(), Counter(), Counter(), Counter()
    for consultation_id, band, channel, n in rows:
        by_kind[kinds.get(consultation_id, "")] += n
        by_band[band] += n
        by_channel[channel] += n
        by_setting[settings.get(consultation_id) or ""] += n
    total = sum(by_kind.values())
    kind_keys = [k for k in KIND_NAMES if by_kind[k]] + sorted(k for k in by_kind if k not in KIND_NAMES)
    band_keys = _band_order(by_band)
    channel_keys = [c for c in CHANNEL_NAMES if by_channel[c]] + sorted(c for c in by_channel if c not in CHANNEL_NAMES)
    setting_keys = ([s for s in SETTINGS if by_setting[s]]
                    + sorted(s for s in by_setting if s and s not in SETTINGS)
                    + ([""] if by_setting[""] else []))
    responses = count_cell(total, threshold)
    return Participation(
        # Consultations are events, not people: their number puts no one in a small group.
        consultations=shown(len(kinds)),
        responses=responses,
        by_kind=table_rows([(k, str(KIND_NAMES.get(k) or k.replace("_", " ").capitalize())) for k in kind_keys],
                       by_kind, threshold),
        by_age_band=table_rows([(k or "", _band_label(k)) for k in band_keys], by_band, threshold, keys=band_keys),
        by_channel=table_rows([(c, str(CHANNEL_NAMES.get(c, c))) for c in channel_keys], by_channel, threshold),
        by_setting=table_rows([(s, _setting_label(s)) for s in setting_keys], by_setting, threshold),
    )


def _setting_label(setting: str) -> str:
    if not setting:
        return str(NOT_RECORDED)
    return str(SETTING_NAMES.get(setting) or setting.replace("_", " ").capitalize())


def _band_order(by_band: Counter) -> list[str | None]:
    known = [value for value, _ in DEFAULT_AGE_BANDS]
    bands = [b for b in by_band if b not in (None, PREFER_NOT_TO_SAY)]
    ordered = sorted(bands, key=lambda b: (known.index(b) if b in known else len(known), _first_number(b), b))
    return ordered + [b for b in (PREFER_NOT_TO_SAY, None) if by_band[b]]


def _first_number(band: str) -> int:
    digits = "".join(ch if ch.isdigit() else " " for ch in band).split()
    return int(digits[0]) if digits else 999


def _band_label(band: str | None) -> str:
    if band is None:
        return str(NOT_GIVEN)
    if band == PREFER_NOT_TO_SAY:
        return str(PREFER_NOT_TO_SAY_LABEL)
    labels = dict(DEFAULT_AGE_BANDS)  # marked with N_ in the survey core, translated here
    return _(labels[band]) if band in labels else band.replace("-", "–")


# --- themes ----------------------------------------------------------------------


@dataclasses.dataclass
class _ThemeTallies:
    free_now: int = 0
    free_before: int = 0
    untagged_now: int = 0
    untagged_before: int = 0
    now: Counter = dataclasses.field(default_factory=Counter)
    before: Counter = dataclasses.field(default_factory=Counter)
    moods: dict[str, Counter] = dataclasses.field(default_factory=lambda: defaultdict(Counter))
    areas: Counter = dataclasses.field(default_factory=Counter)
    # theme -> (answers in a group of this theme alone first, then place in its group, sentiment, answer id)
    samples: dict[str, list[tuple[int, int, str, int]]] = dataclasses.field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, rows: Iterable[voice_queries.ThemeSet], taxonomy: Taxonomy) -> _ThemeTallies:
        area_of = {t.key: t.area for t in taxonomy.themes}
        tallies = cls()
        for row in rows:
            keys = set(row.themes.split(THEME_SEPARATOR)) if row.themes else set()
            if row.current and keys:
                for key in keys:
                    tallies.samples[key].append((len(keys), row.place, row.sentiment or UNKNOWN_SENTIMENT, row.answer_id))
            if row.place != 1:
                continue
            n = row.answers
            if row.current:
                tallies.free_now += n
                tallies.untagged_now += 0 if keys else n
                for key in keys:
                    tallies.now[key] += n
                    if row.sentiment in SENTIMENTS:
                        tallies.moods[key][row.sentiment] += n
                for area in {area_of[k] for k in keys}:
                    tallies.areas[area] += n
            else:
                tallies.free_before += n
                tallies.untagged_before += 0 if keys else n
                for key in keys:
                    tallies.before[key] += n
        return tallies


def _themes(tallies: _ThemeTallies, taxonomy: Taxonomy, threshold: int,
            has_previous: bool) -> tuple[list[ThemeSummary], Cell, list[str]]:
    """The listed themes, the "no theme" cell, and the keys of the themes that may be quoted.

    A theme may be quoted when at least the threshold of answers stand behind it and its
    cell says so: shown, or "hidden" beside a smaller count (which the rule only does to
    counts of the threshold or more). In a table withheld whole, "hidden" may be small.
    """
    keys = list(taxonomy.keys)
    # One table per period: every theme and "no theme", each answer in as many as it has.
    now = protect([tallies.now[k] for k in keys] + [tallies.untagged_now], threshold, base=tallies.free_now)
    before_counts = [tallies.before[k] for k in keys] + [tallies.untagged_before]
    before = protect(before_counts, threshold, base=tallies.free_before) if has_previous else None
    summaries, quotable = [], []
    for i, theme in enumerate(taxonomy.themes):
        if not tallies.now[theme.key]:
            continue
        cell = now.cells[i]
        previous = before.cells[i] if before else NOT_APPLICABLE
        summaries.append(ThemeSummary(
            key=theme.key,
            name=theme.name,
            area=theme.area,
            answers=cell,
            previous=previous,
            trend=trend(cell, previous, threshold) if before else "",
            sentiment=_sentiment(tallies.moods[theme.key], cell, threshold),
            quotes=(),
        ))
        if tallies.now[theme.key] >= threshold and (not cell.suppressed or (cell.display == HIDDEN and not now.withheld)):
            quotable.append(theme.key)
    return _shown_first(summaries, lambda t: t.answers), now.cells[-1], quotable


def trend(now: Cell, before: Cell, threshold: int) -> str:
    """What the two shown cells of a listed theme settle: up, down, same, new; else ""."""
    low_now, high_now = _bounds(now, threshold)
    low_now = max(low_now, 1)  # a listed theme has answers
    low_before, high_before = _bounds(before, threshold)
    if high_before == 0:
        return "new"
    if low_now > high_before:
        return "up"
    if high_now < low_before:
        return "down"
    if not now.suppressed and not before.suppressed and now.count == before.count:
        return "same"
    return ""


def _bounds(cell: Cell, threshold: int) -> tuple[int, float]:
    """What a reader can tell of the count behind a cell: at least, at most."""
    if not cell.suppressed and cell.count is not None:
        return cell.count, cell.count
    if cell == fewer_than(threshold):
        return 0, threshold - 1
    return 0, float("inf")


def _sentiment(moods: Counter, theme: Cell, threshold: int) -> tuple[Row, ...]:
    labels = [(s, str(SENTIMENT_NAMES[s])) for s in SENTIMENTS]
    if theme.suppressed:
        # Its cells would add up to the theme's hidden count.
        masked = fewer_than(threshold) if theme == fewer_than(threshold) else hidden()
        return tuple(Row(key, label, masked) for key, label in labels)
    return table_rows(labels, moods, threshold)


def _shown_first(items: list, cell_of) -> list:
    """Shown counts largest first, then hidden ones, then "fewer than" ones, each in taxonomy order."""
    def place(item) -> tuple[int, int]:
        cell = cell_of(item)
        if not cell.suppressed:
            return (0, -cell.count)
        return (1, 0) if cell.display == HIDDEN else (2, 0)

    return sorted(items, key=place)


def _areas(tallies: _ThemeTallies, taxonomy: Taxonomy, listed: list[ThemeSummary],
           threshold: int) -> tuple[AreaSummary, ...]:
    areas = [a for a in taxonomy.areas if tallies.areas[a]]
    table = protect([tallies.areas[a] for a in areas], threshold, base=tallies.free_now)
    found = []
    for area, cell in zip(areas, table.cells):
        members = [t for t in listed if t.area == area]
        if not cell.suppressed and any(t.answers.suppressed for t in members):
            cell = hidden()  # less its shown themes, it would give the hidden one away
        found.append(AreaSummary(area=area, answers=cell, themes=tuple(t.key for t in members)))
    return tuple(_shown_first(found, lambda a: a.answers))


# --- quotes ----------------------------------------------------------------------


def _quotes(keys: list[str], tallies: _ThemeTallies) -> dict[str, tuple[Quote, ...]]:
    """Two or three scrubbed quotes for each of these themes, from the sampled answers.

    Per theme and sentiment at most QUOTE_CANDIDATES answers are read,
    answers of that theme alone first.
    """
    wanted: dict[str, list[tuple[str, int]]] = {}
    for key in keys:
        per_mood: Counter = Counter()
        wanted[key] = []
        for _rank, _id, sentiment, answer_id in sorted(tallies.samples[key]):
            if per_mood[sentiment] < QUOTE_CANDIDATES:
                per_mood[sentiment] += 1
                wanted[key].append((sentiment, answer_id))
    texts = voice_queries.quote_texts(answer_id for found in wanted.values() for _, answer_id in found)
    scrubbed: dict[int, str | None] = {}
    chosen = {}
    for key in keys:
        pool = []
        for sentiment, answer_id in wanted[key]:
            value, title = texts.get(answer_id, (None, ""))
            if not holds_words(value):
                continue  # flagged meanwhile, or its words erased
            if answer_id not in scrubbed:
                scrubbed[answer_id] = voice_quotes.quotable(themes.tagger_text(value))
            if scrubbed[answer_id]:
                pool.append(voice_quotes.Candidate(scrubbed[answer_id], sentiment, title))
        moods = tallies.moods[key]
        order = sorted(SENTIMENTS, key=lambda s: (-moods[s], SENTIMENTS.index(s)))
        picked = voice_quotes.choose(pool, order)
        chosen[key] = tuple(Quote(c.text, c.sentiment, c.consultation_title) for c in picked)
    return chosen


# --- actions ---------------------------------------------------------------------


def _action(action) -> ActionSummary:
    return ActionSummary(
        title=action.summary,
        agency=action.agency,
        status=action.status,
        due_on=action.due_on,
        theme_keys=tuple(action.theme_keys),
    )


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
