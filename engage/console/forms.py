"""Console forms (Flask-WTF: each carries its CSRF token)."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length

from engage.console.builder_forms import setting_choices
from engage.i18n import _l
from engage.models import ROLES
from surveys.templates import template_names

TEMPLATE_NAMES = {
    "lifestyle-college": _l("Lifestyle college"),
    "lifestyle-primary": _l("Lifestyle primary"),
    "lifestyle-secondary": _l("Lifestyle secondary"),
    "service-feedback": _l("Service feedback"),
    "square-table": _l("Square table"),
    "staying-safe-conference": _l("Staying safe conference"),
    "youth-ballot": _l("Youth ballot"),
}

ROLE_NAMES = {
    "admin": _l("Admin"),
    "facilitator": _l("Facilitator"),
    "co_facilitator": _l("Co-facilitator (young person)"),
    "board_member": _l("Board member"),
    "safeguarding_lead": _l("Designated safeguarding lead"),
}


def _template_name(name: str):
    """A template's name on screen; one added since without a translation reads as its key."""
    return TEMPLATE_NAMES.get(name) or name.replace("-", " ").capitalize()


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)])
    submit = SubmitField(_l("Sign in"))


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=256)])
    confirm = PasswordField(
        _l("The same password again"), validators=[DataRequired(), EqualTo("password", _l("The two passwords differ."))]
    )
    submit = SubmitField(_l("Save password"))


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=256)])


class InviteForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    role = SelectField(_l("Role"), choices=[SelectChoice(r, ROLE_NAMES[r]) for r in ROLES])
    submit = SubmitField(_l("Invite"))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=[SelectChoice(r, ROLE_NAMES[r]) for r in ROLES])
    submit = SubmitField(_l("Change role"))


class ActionForm(FlaskForm):
    """A button that changes something: only its CSRF token and an optional value."""

    value = HiddenField()
    submit = SubmitField(_l("Go"))


class NewConsultationForm(FlaskForm):
    template = SelectField(_l("Start from"), choices=[SelectChoice(t, _template_name(t)) for t in template_names()])
    title = StringField(_l("Title"), validators=[Length(max=200)])
    setting = SelectField(_l("Setting"), choices=setting_choices(), default="")
    submit = SubmitField(_l("Create consultation"))


class TeamForm(FlaskForm):
    members = SelectMultipleField(_l("Who runs it"), coerce=int, choices=[])
    submit = SubmitField(_l("Save team"))


class DeleteForm(FlaskForm):
    confirm = StringField(_l("Type the join code to confirm"), validators=[DataRequired(), Length(max=12)])
    submit = SubmitField(_l("Delete consultation and all its answers"))


class ImportForm(FlaskForm):
    file = FileField(
        _l("XLSForm spreadsheet"),
        validators=[
            FileRequired(_l("Choose a spreadsheet to import.")),
            FileAllowed(["xlsx", "xls", "csv", "md"], _l("Use an .xlsx, .xls or .csv XLSForm.")),
        ],
    )
    title = StringField(_l("Title"), validators=[Length(max=200)])
    submit = SubmitField(_l("Import"))
