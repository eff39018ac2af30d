"""What a board member reads: the shape of a voice summary, already made safe to show.

Every number is a suppression ``Cell``; every quote is scrubbed of personal data
and never from a flagged answer. Renderers (board pages, reports, the API) take
these values and nothing else, so nothing raw can reach them by accident.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _

from engage.analysis.suppression import Cell
from engage.i18n import _l, short_date

SENTIMENTS = ("negative", "neutral", "positive")
# A quote's sentiment may also be "unknown": an answer in another language, which the
# English sentiment model does not read (engage.analysis.written_in).
UNKNOWN_SENTIMENT = "unknown"
SENTIMENT_NAMES = {"negative": _l("Negative"), "neutral": _l("Neutral"), "positive": _l("Positive"),
                   UNKNOWN_SENTIMENT: _l("Not known")}


def sentiment_name(key: str) -> str:
    """A sentiment as the reader says it: "Negative", "Negatywny"."""
    return str(SENTIMENT_NAMES.get(key, key))

_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    start: date          # first day
    end: date            # last day, inclusive
    label: str           # "2026 Q3", or "1 Jan 2026 to 31 Mar 2026"

    @classmethod
    def quarter(cls, text: str) -> Period:
        """'2026Q3' (or '2026-Q3', '2026 q3') -> 1 July 2026 to 30 September 2026."""
        match = _QUARTER.match(text.strip())
        if not match:
            raise ValueError(_('"%(text)s" is not a quarter: write it like 2026Q3', text=text))
        year, q = int(match.group(1)), int(match.group(2))
        start = date(year, 3 * q - 2, 1)
        end = (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)
        return cls(start, end, f"{year} Q{q}")

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValueError(_("the period ends before it starts"))
        return cls(start, end, _("%(start)s to %(end)s", start=short_date(start), end=short_date(end)))

    def previous(self) -> Period:
        """The period of the same length just before this one (the quarter before a quarter)."""
        if self.label.endswith(("Q1", "Q2", "Q3", "Q4")):
            year, q = self.start.year, (self.start.month - 1) // 3 + 1
            return Period.quarter(f"{year - 1}Q4" if q == 1 else f"{year}Q{q - 1}")
        length = self.end - self.start
        end = self.start - timedelta(days=1)
        return Period.between(end - length, end)


@dataclass(frozen=True)
class Row:
    """One labelled count in a table (a kind, an age band, a choice, a theme)."""
    key: str
    label: str
    cell: Cell
    percent: int | None = None   # of the table's base, only for a shown count on a shown base


@dataclass(frozen=True)
class Participation:
    consultations: Cell          # consultations with any response in the period
    responses: Cell              # responses sent
    by_kind: tuple[Row, ...]     # consultation kinds (square-table event, lifestyle survey, ...)
    by_age_band: tuple[Row, ...]
    by_channel: tuple[Row, ...]  # web page, Telegram
    by_setting: tuple[Row, ...]  # school, youth club, online ... of each response's consultation;
                                 # key "" is "Not recorded"


@dataclass(frozen=True)
class Quote:
    text: str                    # scrubbed ("[name]", "[phone]" ...), never a flagged answer
    sentiment: str               # negative | neutral | positive, or unknown (another language)
    consultation_title: str


@dataclass(frozen=True)
class ThemeSummary:
    key: str
    name: str
    area: str
    answers: Cell                # free-text answers tagged with the theme this period
    previous: Cell               # the same in the previous period (blank, count None, for a consultation's summary)
    trend: str                   # "up", "down", "same", "new", or "" when the two cells as shown do not settle it
                                 # (25 against "fewer than 10" is "up"; "fewer than 10" twice is "")
    sentiment: tuple[Row, ...]   # negative / neutral / positive counts, suppressed as a table
    quotes: tuple[Quote, ...]    # two or three, chosen to show the range of views; none under the threshold


@dataclass(frozen=True)
class AreaSummary:
    area: str
    answers: Cell                # answers tagged with any theme of the area
    themes: tuple[str, ...]      # theme keys, biggest first


@dataclass(frozen=True)
class ChoiceResult:
    consultation_code: str
    consultation_title: str
    question_id: str
    question: str                # the question's text
    kind: str                    # single | multiple | scale | ballot | workshop | yes_no | age_band ...
    answered: Cell
    rows: tuple[Row, ...]        # one per choice, in the survey's order (ballot: by points, highest first)


@dataclass(frozen=True)
class ActionSummary:
    title: str                   # the summary for young people
    agency: str
    status: str                  # planned | in_progress | done
    due_on: date | None
    theme_keys: tuple[str, ...]


@dataclass(frozen=True)
class VoiceSummary:
    period: Period | None        # None for a single consultation's whole life
    consultation_code: str | None
    title: str                   # "2026 Q3" or the consultation's title
    taxonomy_version: int        # which taxonomy the themes are of, so the report can be rebuilt
    threshold: int               # the suppression threshold in force
    participation: Participation
    free_text_answers: Cell
    untagged: Cell               # free-text answers that fit no theme
    themes: tuple[ThemeSummary, ...]   # biggest first; themes with no answers left out
    areas: tuple[AreaSummary, ...]
    choices: tuple[ChoiceResult, ...]
    actions: tuple[ActionSummary, ...] = field(default=())  # "you said, we did" for the period / consultation
