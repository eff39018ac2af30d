"""The words and small derived tables every report format shares, so HTML, PDF and CSV agree."""
from __future__ import annotations

from itertools import groupby

from flask_babel import gettext as _
from flask_babel import ngettext

from engage.analysis.suppression import HIDDEN, Cell, percent
from engage.i18n import _l, long_date
from engage.services.voice_model import ActionSummary, ChoiceResult, Row, ThemeSummary, VoiceSummary

# Lazy: translated where shown, in the reader's language (English on the command line and in CSV).
REPORT_TITLE = _l("Engagement with children and young people")
PARTS = (_l("The activity"), _l("The views and voices"), _l("The impact"))

TRENDS = {
    "up": _l("up on last period"),
    "down": _l("down on last period"),
    "same": _l("the same as last period"),
    "new": _l("new this period"),
}
NO_TREND = _l("not shown (small numbers)")
STATUSES = {"planned": _l("Planned"), "in_progress": _l("In progress"), "done": _l("Done")}
YOUNG_PEOPLE_PERCENT_BASE = 50  # young people's version: no percentage of a group smaller than this


def suppression_note(threshold: int) -> str:
    return _(
        "Small numbers are hidden so that nobody can be picked out: a count from 1 to "
        "%(below)s reads \u201cfewer than %(threshold)s\u201d, and \u201c%(hidden)s\u201d marks a "
        "count hidden so that a smaller one cannot be worked out from a total. "
        "Quotes have names, contact details, schools and places taken out, and no answer "
        "passed to the safeguarding lead is ever quoted.",
        below=threshold - 1, threshold=threshold, hidden=HIDDEN,
    )


def period_line(summary: VoiceSummary) -> str:
    """'2026 Q3: 1 July 2026 to 30 September 2026', or the dates alone for any other period."""
    period = summary.period
    if period is None:
        return _("All answers to this consultation")
    span = _("%(start)s to %(end)s", start=long_date(period.start), end=long_date(period.end))
    if period.label[-2:] in ("Q1", "Q2", "Q3", "Q4"):
        return _("%(quarter)s: %(span)s", quarter=period.label, span=span)
    return span


def due(action: ActionSummary) -> str:
    return long_date(action.due_on) if action.due_on else _("no date set")


def trend(theme: ThemeSummary) -> str:
    return str(TRENDS.get(theme.trend, NO_TREND))


def status(action: ActionSummary) -> str:
    return str(STATUSES.get(action.status) or action.status.replace("_", " ").capitalize())


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


def people(cell: Cell) -> str:
    """'12 young people', 'fewer than 10 young people', '1 young person'."""
    if cell.suppressed:  # words ("fewer than 10"), not a number to choose a plural form by
        return _("%(count)s young people", count=cell.display)
    return ngettext("%(num)d young person", "%(num)d young people", cell.count)


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
