"""A report's aggregated tables as one CSV: one value a line, named by its table.

Long form (``table, group, label, measure, value``) so every table fits the
same five columns and a spreadsheet's filter or pivot table rebuilds any of
them. Counts are always their ``Cell.display``, so suppression holds in the
file as on the page; quotes are not tables and stay out.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from engage.reports import words
from engage.services.exports import neutralise
from engage.services.voice_model import Row, VoiceSummary

COLUMNS = ("table", "group", "label", "measure", "value")
TABLES = (
    "about",
    "participation",
    "responses by kind",
    "responses by age band",
    "responses by channel",
    "responses by setting",
    "themes",
    "theme sentiment",
    "areas of focus",
    "choices",
    "actions",
)

Line = tuple[str, str, str, str, str]


def csv_bytes(summary: VoiceSummary) -> bytes:
    """UTF-8 with a byte order mark (Excel needs it for Welsh, Polish, Arabic), formulas made text."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for line in lines(summary):
        writer.writerow([neutralise(value) for value in line])
    return buffer.getvalue().encode("utf-8")


def lines(summary: VoiceSummary) -> Iterator[Line]:
    yield from _about(summary)
    part = summary.participation
    yield "participation", "", "consultations run", "count", part.consultations.display
    yield "participation", "", "responses", "count", part.responses.display
    yield "participation", "", "free-text answers", "count", summary.free_text_answers.display
    yield "participation", "", "free-text answers that fit no theme", "count", summary.untagged.display
    yield from _counts("responses by kind", "", part.by_kind)
    yield from _counts("responses by age band", "", part.by_age_band)
    yield from _counts("responses by channel", "", part.by_channel)
    yield from _counts("responses by setting", "", part.by_setting)
    for row, theme in zip(words.theme_rows(summary), summary.themes):
        yield "themes", theme.area, theme.name, "answers", theme.answers.display
        yield "themes", theme.area, theme.name, "percent of free-text answers", _percent(row)
        if summary.period is not None:  # a consultation's summary has no period before it
            yield "themes", theme.area, theme.name, "previous period", theme.previous.display
            yield "themes", theme.area, theme.name, "trend", words.trend(theme)
    for theme in summary.themes:
        yield from _counts("theme sentiment", theme.name, theme.sentiment)
    for row, area in zip(words.area_rows(summary), summary.areas):
        yield "areas of focus", "", area.area, "answers", area.answers.display
        yield "areas of focus", "", area.area, "percent of free-text answers", _percent(row)
        yield "areas of focus", "", area.area, "themes", words.theme_names(summary, area.themes)
    for choice in summary.choices:
        group = f"{choice.consultation_code} {choice.question_id}: {choice.question}"
        yield "choices", group, "answered", "count", choice.answered.display
        yield from _counts("choices", group, choice.rows)
    for action in summary.actions:
        yield "actions", action.agency, action.title, "status", words.status(action)
        yield "actions", action.agency, action.title, "due", words.due(action)
        yield "actions", action.agency, action.title, "themes", words.theme_names(summary, action.theme_keys)


def _about(summary: VoiceSummary) -> Iterator[Line]:
    yield "about", "", "report", "text", summary.title
    yield "about", "", "period", "text", words.period_line(summary)
    if summary.consultation_code:
        yield "about", "", "consultation code", "text", summary.consultation_code
    yield "about", "", "suppression threshold", "count", str(summary.threshold)
    yield "about", "", "theme taxonomy version", "text", str(summary.taxonomy_version)


def _counts(table: str, group: str, rows: tuple[Row, ...]) -> Iterator[Line]:
    for row in rows:
        yield table, group, row.label, "count", row.cell.display
        yield table, group, row.label, "percent", _percent(row)


def _percent(row: Row) -> str:
    return "" if row.percent is None or row.cell.suppressed else str(row.percent)
