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
from engage.models import ROLES
from surveys.templates import template_names

ROLE_NAMES = {
    "admin": "Admin",
    "facilitator": "Facilitator",
    "co_facilitator": "Co-facilitator (young person)",
    "board_member": "Board member",
    "safeguarding_lead": "Designated safeguarding lead",
}


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])
    submit = SubmitField("Sign in")


class NewPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(max=256)])
    confirm = PasswordField(
        "The same password again", validators=[DataRequired(), EqualTo("password", "The two passwords differ.")]
    )
    submit = SubmitField("Save password")


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField("Current password", validators=[DataRequired(), Length(max=256)])


class InviteForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    display_name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    role = SelectField("Role", choices=[SelectChoice(r, ROLE_NAMES[r]) for r in ROLES])
    submit = SubmitField("Invite")


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=[SelectChoice(r, ROLE_NAMES[r]) for r in ROLES])
    submit = SubmitField("Change role")


class ActionForm(FlaskForm):
    """A button that changes something: only its CSRF token and an optional value."""

    value = HiddenField()
    submit = SubmitField("Go")


class NewConsultationForm(FlaskForm):
    template = SelectField("Start from", choices=[SelectChoice(t, t.replace("-", " ").capitalize()) for t in template_names()])
    title = StringField("Title", validators=[Length(max=200)])
    setting = SelectField("Setting", choices=setting_choices(), default="")
    submit = SubmitField("Create consultation")


class TeamForm(FlaskForm):
    members = SelectMultipleField("Who runs it", coerce=int, choices=[])
    submit = SubmitField("Save team")


class DeleteForm(FlaskForm):
    confirm = StringField("Type the join code to confirm", validators=[DataRequired(), Length(max=12)])
    submit = SubmitField("Delete consultation and all its answers")


class ImportForm(FlaskForm):
    file = FileField(
        "XLSForm spreadsheet",
        validators=[
            FileRequired("Choose a spreadsheet to import."),
            FileAllowed(["xlsx", "xls", "csv", "md"], "Use an .xlsx, .xls or .csv XLSForm."),
        ],
    )
    title = StringField("Title", validators=[Length(max=200)])
    submit = SubmitField("Import")
