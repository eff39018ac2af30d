"""Console views: a poster and table cards to print, as a page for the browser and as PDF."""
from __future__ import annotations

from flask import Response, abort, current_app, render_template, request

from engage.console import bp
from engage.console.access import RUNNERS, consultation_run_by_me, requires
from engage.services import posters
from engage.services.posters import PosterContent
from engage.web import public_base


@bp.get("/c/<code>/poster")
@requires(*RUNNERS)
def poster(code: str):
    content = _content(code)
    return render_template(
        "console/posters/poster.html", content=content, qr=posters.qr_data_uri(content),
        title_size=posters.poster_title_size(content),
    )


@bp.get("/c/<code>/poster.pdf")
@requires(*RUNNERS)
def poster_pdf(code: str):
    content = _content(code)
    return _download(posters.poster_pdf(content), f"poster-{content.join_code}.pdf")


@bp.get("/c/<code>/table-cards")
@requires(*RUNNERS)
def table_cards(code: str):
    content = _content(code)
    tables = _tables()
    return render_template(
        "console/posters/table_cards.html",
        content=content,
        qr=posters.qr_data_uri(content),
        title_size=posters.card_title_size(content),
        tables=tables,
        per_sheet=posters.CARDS_PER_SHEET,
        max_tables=posters.MAX_TABLES,
    )


@bp.get("/c/<code>/table-cards.pdf")
@requires(*RUNNERS)
def table_cards_pdf(code: str):
    content = _content(code)
    tables = _tables()
    data = posters.table_cards_pdf(content, tables)
    return _download(data, f"table-cards-{content.join_code}-{tables}.pdf")


def _content(code: str) -> PosterContent:
    consultation = consultation_run_by_me(code)
    # The address young people will type must be the public one, not the
    # internal host a proxy forwards to, when PUBLIC_URL says what it is.
    return posters.poster_content(
        consultation, public_base(), current_app.config.get("TELEGRAM_BOT_USERNAME")
    )


def _tables() -> int:
    try:
        return posters.table_count(request.args.get("tables"))
    except posters.BadTableCount as error:
        abort(400, description=str(error))


def _download(pdf: bytes, filename: str) -> Response:
    # Join codes are A-Z and 2-9 only, so the file name needs no quoting rules.
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
