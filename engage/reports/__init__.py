"""Reports: the quarterly report for the board and each consultation's write-up.

Every report is rendered from a ``VoiceSummary`` (engage.services.voice_model)
and nothing else: counts already suppressed, quotes already scrubbed. Each
comes as a standalone web page, a PDF and a CSV of its tables; a
consultation also has a version written for young people (a web page).
The board's pages and the ``engage report`` command both come here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _

from engage.reports import consultation, quarterly
from engage.reports.consultation import BOARD, VERSIONS, YOUNG_PEOPLE
from engage.services.voice_model import VoiceSummary

HTML, PDF, CSV = "html", "pdf", "csv"
FORMATS = (HTML, PDF, CSV)
MIMETYPES = {HTML: "text/html; charset=utf-8", PDF: "application/pdf", CSV: "text/csv; charset=utf-8"}

Renderer = Callable[[VoiceSummary], bytes]


class ReportError(ValueError):
    """A report was asked for in a format or version there is none of."""


@dataclass(frozen=True)
class Document:
    content: bytes
    format: str
    filename: str

    @property
    def mimetype(self) -> str:
        return MIMETYPES[self.format]


def _utf8(render: Callable[[VoiceSummary], str]) -> Renderer:
    return lambda summary: render(summary).encode("utf-8")


_QUARTERLY: dict[str, Renderer] = {
    HTML: _utf8(quarterly.quarterly_html),
    PDF: quarterly.quarterly_pdf,
    CSV: quarterly.quarterly_csv,
}
_CONSULTATION: dict[tuple[str, str], Renderer] = {
    (BOARD, HTML): _utf8(consultation.consultation_html),
    (BOARD, PDF): consultation.consultation_pdf,
    (BOARD, CSV): consultation.consultation_csv,
    (YOUNG_PEOPLE, HTML): _utf8(consultation.young_people_html),
}


def check_format(fmt: str, version: str = BOARD) -> None:
    """Raise ``ReportError`` before any work is done for a report there is none of."""
    if fmt not in FORMATS:
        raise ReportError(_('there is no "%(format)s" report: choose %(formats)s', format=fmt, formats=", ".join(FORMATS)))
    if version not in VERSIONS:
        raise ReportError(_('there is no "%(version)s" version: choose %(first)s or %(second)s',
                            version=version, first=VERSIONS[0], second=VERSIONS[1]))
    if (version, fmt) not in _CONSULTATION:
        raise ReportError(_("the young people's version is a web page: choose html"))


def quarterly_report(summary: VoiceSummary, fmt: str) -> Document:
    check_format(fmt)
    return Document(_QUARTERLY[fmt](summary), fmt, f"{quarterly.file_stem(summary)}.{fmt}")


def consultation_report(summary: VoiceSummary, fmt: str, version: str = BOARD) -> Document:
    check_format(fmt, version)
    renderer = _CONSULTATION[(version, fmt)]
    return Document(renderer(summary), fmt, f"{consultation.file_stem(summary, version)}.{fmt}")


__all__ = [
    "BOARD", "CSV", "FORMATS", "HTML", "PDF", "VERSIONS", "YOUNG_PEOPLE",
    "Document", "ReportError", "check_format", "consultation_report", "quarterly_report",
]
