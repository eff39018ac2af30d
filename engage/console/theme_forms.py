"""Theme forms: a theme, the areas of focus, a review of an answer's themes, promoting a suggestion.

Forms only parse what was typed into a ``Theme`` or a ``Taxonomy`` (and back,
to show a theme for editing); whether the taxonomy can be used is
``validate``'s to say, when the service saves it.
"""
from __future__ import annotations

from dataclasses import replace

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from engage.analysis.themes.taxonomy import Taxonomy, Theme, slugify
from engage.i18n import _l

MAX_NOTE = 1000
MAX_TEXT = 100_000  # a generous cap on any box, so a pasted book is refused before it is parsed
BLANK_AREAS = 2  # empty rows to add areas of focus in
_NOTE = _l("Note for the version history (optional)")


def _area_choices(taxonomy: Taxonomy) -> list[SelectChoice]:
    return [SelectChoice(area, area) for area in taxonomy.areas]


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class ThemeForm(FlaskForm):
    name = StringField(_l("Name"), [Length(max=MAX_TEXT)])
    description = TextAreaField(_l("What the theme covers (optional)"), [Length(max=MAX_TEXT)])
    area = SelectField(_l("Area of focus it rolls up into"), validators=[InputRequired(_l("Choose an area of focus."))])
    seeds = TextAreaField(_l("Seed phrases, one on each line"), [Length(max=MAX_TEXT)])
    examples = TextAreaField(_l("Example answers, one on each line"), [Length(max=MAX_TEXT)])
    note = StringField(_NOTE, [Length(max=MAX_NOTE)])
    submit = SubmitField(_l("Save theme"))

    def offer(self, taxonomy: Taxonomy) -> None:
        self.area.choices = _area_choices(taxonomy)

    @staticmethod
    def data_of(theme: Theme) -> dict:
        return {
            "name": theme.name,
            "description": theme.description,
            "area": theme.area,
            "seeds": "\n".join(theme.seeds),
            "examples": "\n".join(theme.examples),
        }

    def theme(self, taxonomy: Taxonomy, key: str | None = None) -> Theme:
        """The theme as typed: ``key`` kept when editing, made from the name when adding."""
        name = (self.name.data or "").strip()
        return Theme(
            key=key or slugify(name, taxonomy.keys),
            name=name,
            description=(self.description.data or "").strip(),
            area=self.area.data or "",
            seeds=_lines(self.seeds.data),
            examples=_lines(self.examples.data),
        )


class RemoveThemeForm(FlaskForm):
    note = StringField(_NOTE, [Length(max=MAX_NOTE)])
    submit = SubmitField(_l("Remove the theme"))


class AreaRow(Form):
    """One area of focus; ``was`` is its name before this edit, so renaming it moves its themes."""

    was = HiddenField()
    name = StringField(_l("Name"), [Length(max=MAX_TEXT)])


class AreasForm(FlaskForm):
    areas = FieldList(FormField(AreaRow), max_entries=200)
    note = StringField(_NOTE, [Length(max=MAX_NOTE)])
    submit = SubmitField(_l("Save areas of focus"))

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> AreasForm:
        rows = [{"was": area, "name": area} for area in taxonomy.areas]
        return cls(data={"areas": rows + [{"was": "", "name": ""}] * BLANK_AREAS})

    def taxonomy(self, taxonomy: Taxonomy) -> Taxonomy:
        """The taxonomy with the areas as typed: a renamed area keeps its themes, an emptied one is dropped."""
        renamed: dict[str, str] = {}
        areas: list[str] = []
        for row in self.areas:
            was, name = (row.form.was.data or "").strip(), (row.form.name.data or "").strip()
            if was in taxonomy.areas and name:
                renamed[was] = name
            if name:
                areas.append(name)
        themes = tuple(replace(t, area=renamed[t.area]) if t.area in renamed else t for t in taxonomy.themes)
        return replace(taxonomy, themes=themes, areas=tuple(areas))


class ReviewForm(FlaskForm):
    """A person's themes for one answer, by one of three buttons.

    "Accept" keeps the tagger's themes (``suggested`` carries them back as
    shown), "Save" keeps those ticked, "No theme fits" keeps none.
    """

    themes = SelectMultipleField(_l("Themes"))
    suggested = SelectMultipleField(_l("The tagger's themes"), validate_choice=False)
    save = SubmitField(_l("Save the ticked themes"))
    accept = SubmitField(_l("Accept the tagger's themes"))
    no_theme = SubmitField(_l("No theme fits"))

    def offer(self, taxonomy: Taxonomy) -> None:
        self.themes.choices = [SelectChoice(t.key, t.name) for t in taxonomy.themes]

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.accept.data or self.no_theme.data or self.themes.data):
            self.form_errors.append(_("Tick at least one theme, or choose “No theme fits”."))
            return False
        return True

    def theme_keys(self) -> list[str]:
        """What the person decided: the tagger's themes, those ticked, or none."""
        if self.accept.data:
            return list(self.suggested.data or ())
        return [] if self.no_theme.data else list(self.themes.data or ())


class RetrainForm(FlaskForm):
    submit = SubmitField(_l("Retrain the tagger now"))


class RetagForm(FlaskForm):
    submit = SubmitField(_l("Re-tag every answer with the current themes"))


class PromoteForm(FlaskForm):
    """A new theme from a suggestion; its key words and examples come back as they were shown."""

    name = StringField(_l("Name of the new theme"), [DataRequired(_l("Give the theme a name.")), Length(max=MAX_TEXT)])
    area = SelectField(_l("Area of focus it rolls up into"), validators=[InputRequired(_l("Choose an area of focus."))])
    description = TextAreaField(_l("What the theme covers (optional)"), [Length(max=MAX_TEXT)])
    key_words = SelectMultipleField(_l("Key words"), validate_choice=False)
    examples = SelectMultipleField(_l("Example answers"), validate_choice=False)
    submit = SubmitField(_l("Promote to a theme"))

    def offer(self, taxonomy: Taxonomy) -> None:
        self.area.choices = _area_choices(taxonomy)

    def suggestion(self) -> dict:
        return {"key_words": list(self.key_words.data or ()), "examples": list(self.examples.data or ())}
