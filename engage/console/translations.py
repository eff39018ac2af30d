"""Console views: a consultation's survey in other languages (how complete, PO out, PO in).

The work is ``engage.services.translations``'s; a view parses the upload,
calls it and shows what was applied and what was left out.
"""
from __future__ import annotations

from babel import Locale
from flask import Response, abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from engage.console import bp
from engage.console.access import RUNNERS, consultation_run_by_me, requires
from engage.console.translation_forms import TranslationUploadForm
from engage.services import translations
from engage.services.translations import TranslationRejected
from engage.web import larger_uploads

MAX_PO_BYTES = 512 * 1024


@bp.route("/c/<code>/translations", methods=["GET", "POST"])
@larger_uploads(MAX_PO_BYTES + 64 * 1024)
@requires(*RUNNERS)
def builder_translations(code: str):
    found = consultation_run_by_me(code)
    form = TranslationUploadForm()
    imported, problem, posted_language = None, None, None
    if request.method == "POST":
        posted_language = form.language.data
        if posted_language not in translations.target_languages():
            abort(400)
    if form.validate_on_submit():
        data = form.file.data.read(MAX_PO_BYTES + 1)
        try:
            if len(data) > MAX_PO_BYTES:
                raise TranslationRejected(_("That file is too big for a survey's translation."))
            imported = translations.import_translation(found, data, current_user, posted_language)
        except TranslationRejected as error:
            problem = str(error)
    languages = [
        (status, _language_name(status.language), TranslationUploadForm(formdata=None, language=status.language))
        for status in translations.status(found)
    ]
    failed = bool(problem or form.errors)
    page = render_template(
        "console/builder/translations.html",
        consultation=found,
        languages=languages,
        imported=imported,
        problem=problem,
        posted=form if request.method == "POST" else None,
        posted_language=posted_language,
    )
    return page, 422 if failed else 200


@bp.get("/c/<code>/translations/file")
@requires(*RUNNERS)
def builder_translation_download(code: str):
    """``?language=cy``: the survey's words for a translator, with what is translated so far."""
    found = consultation_run_by_me(code)
    language = request.args.get("language", "")
    if language not in translations.target_languages():
        abort(404)
    data = translations.export_translation(found, language)
    return Response(
        data,
        mimetype="text/x-gettext-translation",
        headers={"Content-Disposition": f'attachment; filename="survey-{found.join_code}-{language}.po"'},
    )


def _language_name(code: str) -> str:
    """The language's own name, with its name in the console's language when that differs."""
    language = Locale.parse(code)
    own = language.get_display_name(language) or code
    here = language.get_display_name(str(get_locale() or "en")) or code
    return own if own == here else f"{own} ({here})"
