"""The form that brings a translator's PO file into a consultation's survey."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, SubmitField
from wtforms.validators import DataRequired


class TranslationUploadForm(FlaskForm):
    language = HiddenField(validators=[DataRequired()])
    file = FileField(
        _l("PO file from the translator"),
        validators=[
            FileRequired(_l("Choose the .po file to import.")),
            FileAllowed(["po"], _l("Use the .po file downloaded from this page, once translated.")),
        ],
    )
    submit = SubmitField(_l("Import translation"))
