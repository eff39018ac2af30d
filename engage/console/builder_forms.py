"""Builder forms: a question with its settings, choices and branching; a consultation's settings.

Forms only parse what was typed into a ``QuestionDraft`` (and back, to show a
question for editing); what makes a question valid is the survey core's.
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FloatField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from engage.i18n import _l
from engage.models import SETTING_NAMES
from engage.models import SETTINGS as CONSULTATION_SETTINGS
from surveys import Question, Survey
from surveys.editing import SETTINGS, TESTS, Branching, ChoiceRow, QuestionDraft, branching_sources
from surveys.i18n import DEFAULT_LANGUAGE, localise
from surveys.model import Condition

TYPE_NAMES = {
    "single_choice": _l("Single choice"),
    "multiple_choice": _l("Multiple choice"),
    "yes_no": _l("Yes / no / not sure"),
    "faces_scale": _l("Faces scale"),
    "scale_0_10": _l("Scale from 0 to 10"),
    "free_text": _l("Their own words"),
    "number": _l("A number"),
    "age_band": _l("Age band"),
    "ranked_ballot": _l("Ballot: pick your top few, in order"),
    "workshop_choice": _l("Workshops, with places"),
    "info": _l("Words only, nothing to answer"),
}
TEST_NAMES = {
    "equals": _l("is"),
    "not_equals": _l("is not"),
    "in": _l("is one of"),
    "includes": _l("includes"),
    "at_least": _l("is at least"),
    "at_most": _l("is at most"),
    "answered": _l("is answered"),
    "not_answered": _l("is not answered"),
}
# Values of the "show this question" list besides question ids; neither can be an id.
ALWAYS, KEEP = "", "-keep-"
BLANK_ROWS = 3  # empty rows to add choices in, below the existing ones
_AGE = _l("An age is a whole number of years from 0 to 120.")
NOT_SET = _l("Not set")


def setting_choices() -> list[SelectChoice]:
    """Where a consultation took place: "Not set" (empty) first, then the fixed list."""
    return [SelectChoice("", NOT_SET)] + [SelectChoice(s, SETTING_NAMES[s]) for s in CONSULTATION_SETTINGS]


class ChoiceRowForm(Form):
    """One choice; ``value`` ties it to the answers already given, so it never changes."""

    value = HiddenField()
    words = StringField(_l("Words"), [Length(max=300)])
    capacity = IntegerField(_l("Places"), [Optional(), NumberRange(min=0, message=_l("Places cannot be below 0."))])
    order = IntegerField(_l("Order"), [Optional()])
    remove = BooleanField(_l("Remove"))


class QuestionForm(FlaskForm):
    based_on = HiddenField()
    text = TextAreaField(_l("Question"), [DataRequired(_l("Write the question.")), Length(max=1000)])
    hint = TextAreaField(_l("Extra words under the question (optional)"), [Length(max=1000)])
    required = BooleanField(_l("An answer is needed to go on"), default=True)
    prefer_not_to_say = BooleanField(_l("Offer “Prefer not to say”"), default=True)
    max_length = IntegerField(
        _l("Most characters"), [Optional(), NumberRange(1, 20000, _l("Choose from 1 to 20000 characters."))]
    )
    minimum = FloatField(_l("Smallest number allowed"), [Optional()])
    maximum = FloatField(_l("Largest number allowed"), [Optional()])
    max_choices = IntegerField(
        _l("Most answers one person can choose"), [Optional(), NumberRange(min=1, message=_l("At least 1."))]
    )
    pick = IntegerField(_l("How many each person picks"), [Optional(), NumberRange(min=1, message=_l("At least 1."))])
    points = SelectField(
        _l("Faces"), choices=[SelectChoice(5, _l("5 faces")), SelectChoice(3, _l("3 faces"))], coerce=int, default=5
    )
    choices = FieldList(FormField(ChoiceRowForm))
    show_if_question = SelectField(_l("Show this question"), choices=[], default=ALWAYS)
    show_if_test = SelectField(
        _l("Test"), choices=[SelectChoice(k, v) for k, v in TEST_NAMES.items()], default="equals"
    )
    show_if_answers = SelectMultipleField(_l("Answer"), choices=[], render_kw={"size": 8})
    show_if_number = StringField(_l("Or type it"), [Length(max=200)])
    submit = SubmitField(_l("Save question"))

    def offer(self, survey: Survey, position: int, question: Question | None = None) -> None:
        """Offer branching on the answerable questions before ``position`` only, as the runner requires."""
        sources = branching_sources(survey, position)
        options = [SelectChoice(ALWAYS, _("Always"))]
        if question is not None and question.show_if and branching_data(survey, question.show_if) is None:
            options.append(SelectChoice(KEEP, _("Keep the branching it has now (shown above)")))
        options += [SelectChoice(q.id, _("Only if %(question)s …", question=_name(survey, q))) for q in sources]
        self.show_if_question.choices = options
        self.show_if_answers.choices = [
            SelectChoice(f"{q.id}:{c.value}", localise(c.label), optgroup=_name(survey, q))
            for q in sources
            for c in q.kind.choices(q)
        ]

    def draft(self, type_name: str) -> QuestionDraft:
        rows = sorted(
            (row.form for row in self.choices if not row.form.remove.data),
            key=lambda row: row.order.data if row.order.data is not None else 10**6,
        )  # sorted() is stable: rows without an order keep theirs, after the rest
        target = self.show_if_question.data or ALWAYS
        return QuestionDraft(
            type=type_name,
            text=self.text.data or "",
            hint=self.hint.data or "",
            required=bool(self.required.data),
            prefer_not_to_say=bool(self.prefer_not_to_say.data),
            choices=tuple(
                ChoiceRow(label=r.words.data or "", value=r.value.data or None, capacity=r.capacity.data)
                for r in rows
            ),
            branching=None if target in (ALWAYS, KEEP) else self._branching(target),
            keep_condition=target == KEEP,
            max_length=self.max_length.data,
            minimum=self.minimum.data,
            maximum=self.maximum.data,
            max_choices=self.max_choices.data,
            pick=self.pick.data,
            points=self.points.data,
        )

    def _branching(self, target: str) -> Branching:
        # Answers listed under another question than the one chosen do not count.
        prefix = f"{target}:"
        picked = tuple(v[len(prefix):] for v in self.show_if_answers.data or () if v.startswith(prefix))
        typed = (self.show_if_number.data or "").strip()
        if typed and TESTS.get(self.show_if_test.data, ("", ""))[1] == "many":
            return Branching(target, self.show_if_test.data, picked or tuple(typed.split(",")))
        return Branching(target, self.show_if_test.data, picked or ((typed,) if typed else ()))


def question_data(survey: Survey, type_name: str, question: Question | None = None) -> dict[str, Any]:
    """What a question form shows first: a new question's defaults, or ``question`` as it is."""
    blank = [{"order": None}] * BLANK_ROWS
    if question is None:
        rows = blank + blank if "choices" in SETTINGS[type_name] else []
        return {"required": True, "prefer_not_to_say": True, "points": 5, "choices": rows}
    data: dict[str, Any] = {
        "text": question.text.get(DEFAULT_LANGUAGE, question.text_in()),
        "hint": question.hint.get(DEFAULT_LANGUAGE, question.hint_in()) if question.hint else "",
        "required": question.required,
        "prefer_not_to_say": question.prefer_not_to_say,
        "points": question.points or 5,
        **{k: getattr(question, k) for k in ("max_length", "minimum", "maximum", "max_choices", "pick")},
    }
    if "choices" in SETTINGS[type_name]:
        data["choices"] = [
            {"value": c.value, "words": c.label_in(), "capacity": c.capacity, "order": n}
            for n, c in enumerate(question.choices, start=1)
        ] + blank
    if question.show_if is not None:
        data.update(branching_data(survey, question.show_if) or {"show_if_question": KEEP})
    return data


def branching_data(survey: Survey, condition: Condition) -> dict[str, Any] | None:
    """The form's fields for a condition, or None when it is more than the form can show."""
    if condition.op not in TESTS or not survey.has_question(condition.question or ""):
        return None
    target = survey.question(condition.question)
    test = condition.op if condition.op != "answered" else ("answered" if condition.value else "not_answered")
    values = condition.value if isinstance(condition.value, list) else [condition.value]
    data: dict[str, Any] = {"show_if_question": target.id, "show_if_test": test}
    compares = TESTS[test][1]
    if compares == "number" or (compares != "none" and not target.kind.choices(target)):
        data["show_if_number"] = ", ".join(str(v) for v in values)
    elif compares != "none":
        data["show_if_answers"] = [f"{target.id}:{v}" for v in values]
    return data


class SettingsForm(FlaskForm):
    title = StringField(_l("Title"), [DataRequired(_l("Give the consultation a title.")), Length(max=200)])
    min_age = IntegerField(_l("Youngest age"), [Optional(), NumberRange(0, 120, _AGE)])
    max_age = IntegerField(_l("Oldest age"), [Optional(), NumberRange(0, 120, _AGE)])
    opens_on = DateField(_l("Opens on"), [Optional()])
    closes_on = DateField(_l("Closes on"), [Optional()])
    setting = SelectField(_l("Setting"), choices=setting_choices(), default="",
                          filters=[lambda value: value or ""])
    submit = SubmitField(_l("Save settings"))


class MoveForm(FlaskForm):
    question = HiddenField(validators=[DataRequired()])
    to = HiddenField(validators=[DataRequired()])  # up, down, or a position from 1


class RemoveForm(FlaskForm):
    submit = SubmitField(_l("Remove this question"))


def _name(survey: Survey, question: Question, limit: int = 70) -> str:
    text = question.text_in()
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"{survey.position(question.id) + 1}. {text}"
