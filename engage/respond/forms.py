"""Forms of the respondent pages. The answer itself is checked by the survey core."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, SubmitField
from wtforms.validators import DataRequired, ValidationError

from engage.i18n import _l
from engage.services.join_codes import normalise_join_code
from engage.services.responding import BACK, NEXT, SKIP


class JoinForm(FlaskForm):
    code = StringField(
        _l("Join code"),
        validators=[DataRequired(message=_l("Please type the code from the poster or card."))],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )

    def validate_code(self, field):
        code = normalise_join_code(field.data)
        if code is None:
            raise ValidationError(
                _l("That does not look like a join code. It has 6 letters and numbers, like KX7P4M.")
            )
        field.data = code


class StartForm(FlaskForm):
    """Just the CSRF token: starting a response is a change, so it is a POST."""


class ScreenForm(FlaskForm):
    question = HiddenField()
    next = SubmitField(_l("Next"))
    back = SubmitField(_l("Back"))
    skip = SubmitField(_l("Prefer not to say"))

    @property
    def action(self) -> str:
        """Which button was pressed; Enter in a text box means Next."""
        if self.back.data:
            return BACK
        return SKIP if self.skip.data else NEXT
