"""One consultation's results: a one-page write-up for the board, and a version for young people.

The board's write-up gives a square-table event's headlines: who took part,
the top themes with a quote each, the choices made and the actions in reply.
The young people's version is what goes back to them: plain words, big text,
what they talked about and chose, and what is being done. It has no quote
(a friend can know a friend's words) and no percentage of a small group.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from flask_babel import gettext as _
from markupsafe import Markup

from engage.reports import html, tables, words
from engage.reports.charts import bar_chart_svg, bar_fractions, plain, text_alternative, value_label
from engage.reports.pdf import ReportPDF
from engage.i18n import _l
from engage.reports.quarterly import actions_table
from engage.services.voice_model import ChoiceResult, Row, VoiceSummary

HEADLINE_THEMES = 5
BOARD, YOUNG_PEOPLE = "board", "young-people"
VERSIONS = (BOARD, YOUNG_PEOPLE)
# Questions about the young people themselves, not their views: not published back.
ABOUT_THEMSELVES = frozenset({"age_band"})


def file_stem(summary: VoiceSummary, version: str = BOARD) -> str:
    stem = f"consultation-{summary.consultation_code or 'results'}"
    return stem if version == BOARD else f"{stem}-{version}"


def consultation_html(summary: VoiceSummary) -> str:
    return html.render("reports/consultation.html", summary=summary, headline_themes=HEADLINE_THEMES)


def consultation_csv(summary: VoiceSummary) -> bytes:
    return tables.csv_bytes(summary)


def consultation_pdf(summary: VoiceSummary) -> bytes:
    pdf = ReportPDF(_("%(title)s: write-up for the board", title=summary.title), _("Consultation write-up for the board"))
    pdf.title_block(summary.title, _("Write-up for the board · %(code)s", code=summary.consultation_code),
                    words.period_line(summary))
    part = summary.participation
    pdf.heading(_("Who took part"))
    pdf.facts([
        (_("Responses"), part.responses.display),
        (_("Answers in their own words"), summary.free_text_answers.display),
    ])
    if part.by_age_band:
        pdf.bars(part.by_age_band, _("Responses by age band"))
    if part.by_setting:
        pdf.bars(part.by_setting, _("Responses by setting"))
    pdf.heading(_("Headlines: what young people said"))
    if not summary.themes:
        pdf.paragraph(_("No free-text answer could be matched to a theme."))
    for number, theme in enumerate(summary.themes[:HEADLINE_THEMES], start=1):
        pdf.heading(_("%(number)s. %(theme)s (%(count)s answers, %(area)s)", number=number, theme=theme.name,
                      count=theme.answers.display, area=theme.area), 3)
        if theme.quotes:
            pdf.quote(theme.quotes[0])
    rest = summary.themes[HEADLINE_THEMES:]
    if rest:
        pdf.paragraph(_("Also raised: %(themes)s.", themes=", ".join(f"{t.name} ({t.answers.display})" for t in rest)),
                      size=9)
    if summary.choices:
        pdf.heading(_("What they chose"))
        for choice in summary.choices:
            pdf.bars(choice.rows, _("%(question)s (answered by %(count)s)", question=choice.question,
                                    count=choice.answered.display))
    pdf.heading(_("You said, we did"))
    actions_table(pdf, summary)
    pdf.paragraph(words.suppression_note(summary.threshold), size=8, colour=(74, 74, 74))
    return pdf.document()


def young_people_html(summary: VoiceSummary) -> str:
    # A summary's actions are the published ones (engage.services.voice), so the
    # board's version and this one list the same "you said, we did".
    return html.render("reports/young_people.html", summary=summary, charts=public_charts(summary.choices))


def young_people_choices(choices: Iterable[ChoiceResult]) -> list[tuple[ChoiceResult, tuple[Row, ...]]]:
    """The choice questions to publish back, each with rows fit for young people."""
    return [
        (choice, words.for_young_people(choice.rows, choice.answered))
        for choice in choices
        if choice.kind not in ABOUT_THEMSELVES
    ]


@dataclass(frozen=True)
class PublicBar:
    """One answer's line on the public results page: drawn in HTML, so it reads at a phone's text size."""

    label: str
    value: str            # the count as it may be shown, with its share when known
    length: float | None  # the bar's length, 0-100, as a share of the longest; None: no bar (hidden)


@dataclass(frozen=True)
class PublicChart:
    """A choice question's chart for young people: the public results page and their version.

    Each page draws it its own way (the results page as ``bars``, the young
    people's version as ``svg``), so each form is made only when a page asks.
    """

    question: str
    rows: tuple[Row, ...]
    withheld: bool  # every count is hidden: no chart, only a sentence saying why

    @cached_property
    def svg(self) -> Markup | None:
        """Escaped by bar_chart_svg, safe in a page as it is; None when withheld."""
        if self.withheld:
            return None
        return Markup(bar_chart_svg(self.rows, self.question, description=_("What young people chose.")))

    @cached_property
    def words(self) -> str:
        """The chart in words, shown beneath it (or instead of it)."""
        return str(WITHHELD) if self.withheld else text_alternative(self.rows)

    @cached_property
    def bars(self) -> tuple[PublicBar, ...]:
        """The same, line by line; empty when withheld."""
        if self.withheld:
            return ()
        return tuple(PublicBar(plain(row.label), value_label(row), None if share is None else round(share * 100, 1))
                     for row, share in zip(self.rows, bar_fractions(self.rows)))


WITHHELD = _l("We can't show the numbers for this one without risking someone being picked out.")


def public_charts(choices: Iterable[ChoiceResult]) -> list[PublicChart]:
    return [PublicChart(choice.question, tuple(rows), words.all_alike_hidden(rows))
            for choice, rows in young_people_choices(choices)]
