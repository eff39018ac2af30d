"""The quarterly "Engagement with children and young people" report for the board.

Three parts, as the board has always had them: the activity (what was run,
who took part), the views and voices (themes, trend, sentiment, areas of
focus, quotes, choices and ballots) and the impact ("you said, we did").
Built from a ``VoiceSummary`` alone, so nothing raw can reach it.
"""
from __future__ import annotations

from flask_babel import gettext as _

from engage.reports import html, tables, words
from engage.reports.pdf import ReportPDF
from engage.services.voice_model import VoiceSummary


def file_stem(summary: VoiceSummary) -> str:
    """'engagement-2026Q3', or 'engagement-2026-01-01-to-2026-03-31' for any other period."""
    period = summary.period
    if period is None:
        return f"engagement-{summary.consultation_code or 'all'}"
    if period.label[-2:] in ("Q1", "Q2", "Q3", "Q4"):
        return "engagement-" + period.label.replace(" ", "")
    return f"engagement-{period.start.isoformat()}-to-{period.end.isoformat()}"


def quarterly_html(summary: VoiceSummary) -> str:
    return html.render("reports/quarterly.html", summary=summary)


def quarterly_csv(summary: VoiceSummary) -> bytes:
    return tables.csv_bytes(summary)


def quarterly_pdf(summary: VoiceSummary) -> bytes:
    pdf = ReportPDF(_("%(report)s: %(title)s", report=words.REPORT_TITLE, title=summary.title),
                    _("Quarterly report to the board"))
    pdf.title_block(words.REPORT_TITLE, _("Report to the safeguarding children partnership board"),
                    words.period_line(summary))
    part = summary.participation
    pdf.heading(_("Headlines"), 2)
    headlines = [
        (_("Consultations heard from young people"), part.consultations.display),
        (_("Responses"), part.responses.display),
        (_("Answers in young people's own words"), summary.free_text_answers.display),
        (_("You said, we did: actions"), str(len(summary.actions))),
    ]
    pdf.facts(headlines)
    top = words.top_themes(summary)
    if top:
        pdf.paragraph(_("What came up most: %(themes)s.", themes=", ".join(t.name for t in top)), bold=True)
    pdf.paragraph(words.suppression_note(summary.threshold), size=8.5, colour=(74, 74, 74))

    _activity(pdf, summary)
    _views_and_voices(pdf, summary)
    _impact(pdf, summary)
    pdf.paragraph(
        _("Made by Engage from anonymous answers. Themes from taxonomy version "
          "%(version)s; counts under %(threshold)s are hidden.",
          version=summary.taxonomy_version, threshold=summary.threshold),
        size=8, colour=(74, 74, 74),
    )
    return pdf.document()


def _activity(pdf: ReportPDF, summary: VoiceSummary) -> None:
    part = summary.participation
    pdf.heading(f"1. {words.PARTS[0]}")
    pdf.facts([(_("Consultations run"), part.consultations.display), (_("Responses"), part.responses.display)])
    pdf.bars(part.by_kind, _("Responses by kind of consultation"))
    pdf.bars(part.by_age_band, _("Responses by age band"))
    pdf.bars(part.by_channel, _("Responses by channel"))
    pdf.bars(part.by_setting, _("Responses by setting"))


def _views_and_voices(pdf: ReportPDF, summary: VoiceSummary) -> None:
    pdf.add_page()
    pdf.heading(f"2. {words.PARTS[1]}")
    pdf.paragraph(
        _("%(answers)s free-text answers this period; %(untagged)s fitted none of the board's themes.",
          answers=summary.free_text_answers.display, untagged=summary.untagged.display)
    )
    pdf.heading(_("Top themes"), 2)
    if not summary.themes:
        pdf.paragraph(_("No free-text answers were tagged with a theme this period."))
    else:
        pdf.bars(words.theme_rows(summary), _("Free-text answers by theme"))
        pdf.table(
            (_("Theme"), _("Area of focus"), _("Answers"), _("Last period"), _("Trend"), _("Sentiment")),
            [
                (t.name, t.area, t.answers.display, t.previous.display, words.trend(t),
                 ", ".join(f"{row.label} {row.cell.display}" for row in t.sentiment))
                for t in summary.themes
            ],
            widths=(30, 26, 16, 16, 24, 38),
        )
    if summary.areas:
        pdf.heading(_("Areas of focus"), 2)
        pdf.bars(words.area_rows(summary), _("Free-text answers by the board's areas of focus"))
        for area in summary.areas:
            pdf.paragraph(f"{area.area}: {words.theme_names(summary, area.themes)}", size=9)
    if summary.themes:
        pdf.heading(_("In their own words"), 2)
        for theme in summary.themes:
            pdf.heading(theme.name, 3)
            for quote in theme.quotes:
                pdf.quote(quote)
            if not theme.quotes:
                pdf.paragraph(_("No quote can be shown for this theme."), size=9, colour=(74, 74, 74))
    if summary.choices:
        pdf.keep_together(_choice_height(summary.choices[0]) + 20)
        pdf.heading(_("Choices and ballots"), 2)
        for title, choices in words.choices_by_consultation(summary):
            pdf.keep_together(_choice_height(choices[0]) + 8)
            pdf.heading(title, 3)
            for choice in choices:
                pdf.keep_together(_choice_height(choice))
                pdf.ln(1)
                pdf.paragraph(_("%(question)s (answered by %(count)s)", question=choice.question, count=choice.answered.display),
                              size=9.5, bold=True)
                pdf.bars(choice.rows)


def _choice_height(choice) -> float:
    """Enough of a choice's block to keep its heading with its first bars."""
    return min(12 + 6 * len(choice.rows), 50)


def _impact(pdf: ReportPDF, summary: VoiceSummary) -> None:
    pdf.heading(_("3. %(part)s: you said, we did", part=words.PARTS[2]))
    actions_table(pdf, summary)


def actions_table(pdf: ReportPDF, summary: VoiceSummary) -> None:
    if not summary.actions:
        pdf.paragraph(_("No actions have been recorded in reply yet."))
        return
    pdf.table(
        (_("What is being done"), _("Themes"), _("Who"), _("Status"), _("Due")),
        [
            (a.title, words.theme_names(summary, a.theme_keys), a.agency, words.status(a), words.due(a))
            for a in summary.actions
        ],
        widths=(64, 34, 24, 20, 32),
    )
