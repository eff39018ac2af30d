"""The words and small derived tables every report format shares, so HTML, PDF and CSV agree."""
from __future__ import annotations

from datetime import date
from collections.abc import Callable
from itertools import groupby

from engage.analysis.suppression import HIDDEN, Cell, percent
from engage.services.voice_model import ActionSummary, ChoiceResult, Row, ThemeSummary, VoiceSummary

REPORT_TITLE = "Engagement with children and young people"
PARTS = ("The activity", "The views and voices", "The impact")

TRENDS = {
    "up": "up on last period",
    "down": "down on last period",
    "same": "the same as last period",
    "new": "new this period",
}
NO_TREND = "not shown (small numbers)"
STATUSES = {"planned": "Planned", "in_progress": "In progress", "done": "Done"}
YOUNG_PEOPLE_PERCENT_BASE = 50  # young people's version: no percentage of a group smaller than this


def suppression_note(threshold: int) -> str:
    return (
        f"Small numbers are hidden so that nobody can be picked out: a count from 1 to "
        f"{threshold - 1} reads \u201cfewer than {threshold}\u201d, and \u201c{HIDDEN}\u201d marks a "
        f"count hidden so that a smaller one cannot be worked out from a total. "
        f"Quotes have names, contact details, schools and places taken out, and no answer "
        f"passed to the safeguarding lead is ever quoted."
    )


def period_line(summary: VoiceSummary, date_words: Callable[[date], str] | None = None) -> str:
    """'2026 Q3: 1 July 2026 to 30 September 2026', or the dates alone for any other period.

    ``date_words`` writes a day (a page passes one in the reader's language); ``long_date`` when not given.
    """
    period = summary.period
    if period is None:
        return "All answers to this consultation"
    date_words = date_words or long_date
    span = f"{date_words(period.start)} to {date_words(period.end)}"
    return f"{period.label}: {span}" if period.label[-2:] in ("Q1", "Q2", "Q3", "Q4") else span


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def due(action: ActionSummary) -> str:
    return long_date(action.due_on) if action.due_on else "no date set"


def trend(theme: ThemeSummary) -> str:
    return TRENDS.get(theme.trend, NO_TREND)


def status(action: ActionSummary) -> str:
    return STATUSES.get(action.status, action.status.replace("_", " ").capitalize())


def top_themes(summary: VoiceSummary, n: int = 3) -> tuple[ThemeSummary, ...]:
    """The biggest themes whose counts are shown: a hidden count cannot be said to come top."""
    return tuple(t for t in summary.themes if not t.answers.suppressed)[:n]


def theme_rows(summary: VoiceSummary) -> tuple[Row, ...]:
    """Each theme's answers, with its share of all free-text answers when both are shown."""
    return tuple(
        Row(theme.key, theme.name, theme.answers, percent(theme.answers, summary.free_text_answers))
        for theme in summary.themes
    )


def area_rows(summary: VoiceSummary) -> tuple[Row, ...]:
    return tuple(
        Row(area.area, area.area, area.answers, percent(area.answers, summary.free_text_answers))
        for area in summary.areas
    )


def theme_names(summary: VoiceSummary, keys: tuple[str, ...]) -> str:
    """An action's themes by name; a theme with no answers this period by its key, made readable."""
    names = {theme.key: theme.name for theme in summary.themes}
    return ", ".join(names.get(key) or key.replace("-", " ").capitalize() for key in keys)


def people(cell: Cell, one: str = "young person", many: str = "young people") -> str:
    """'12 young people', 'fewer than 10 young people', '1 young person'."""
    if cell.count == 1:
        return f"1 {one}"
    return f"{cell.display} {many}"


def for_young_people(rows: tuple[Row, ...], base: Cell) -> tuple[Row, ...]:
    """Rows without a percentage unless the group behind them is big enough for one to mean much."""
    if not base.suppressed and (base.count or 0) >= YOUNG_PEOPLE_PERCENT_BASE:
        return rows
    return tuple(Row(row.key, row.label, row.cell, None) for row in rows)


def choices_by_consultation(summary: VoiceSummary) -> list[tuple[str, tuple[ChoiceResult, ...]]]:
    """The choice questions under their consultation's title, in the summary's order."""
    return [
        (title, tuple(group))
        for (_, title), group in groupby(summary.choices, key=lambda c: (c.consultation_code, c.consultation_title))
    ]


def all_alike_hidden(rows: tuple[Row, ...]) -> bool:
    """Every count hidden the same way: a withheld table, better said in one line than drawn."""
    return bool(rows) and all(row.cell.suppressed for row in rows) and len({r.cell.display for r in rows}) == 1
