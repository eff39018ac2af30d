"""The opt-in "I'd like someone to contact me" step: offered with the help, only when a consultation allows it.

A young person reaches it from the help shown after their words may have told
of harm. What they write goes to the safeguarding lead with their alert, and
nowhere else; saying no thanks stores nothing.
"""
from flask import redirect, render_template, url_for
from flask_babel import gettext
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from engage.i18n import _l
from engage.respond.routes import _token, bp
from engage.services import safeguarding
from engage.services.safeguarding import MAX_CONTACT, AlertError, ContactNotOffered


class ContactForm(FlaskForm):
    how_to_reach = TextAreaField(
        _l("How can someone reach you?"),
        validators=[
            DataRequired(message=_l("Please write how someone can reach you, or choose no thanks.")),
            Length(max=MAX_CONTACT, message=_l("Please use up to %(max)s characters.", max=MAX_CONTACT)),
        ],
    )


@bp.route("/s/<code>/contact", methods=["GET", "POST"])
def contact(code: str):
    token = _token(code)
    if not safeguarding.contact_offered(code, token):
        return redirect(url_for(".screen", code=code))
    form = ContactForm()
    if form.validate_on_submit():
        try:
            safeguarding.request_contact(code, token, form.how_to_reach.data)
        except ContactNotOffered:
            return redirect(url_for(".screen", code=code))
        except AlertError as error:  # e.g. nothing left once control characters are taken out
            form.how_to_reach.errors.append(gettext(str(error)))
        else:
            return redirect(url_for(".contact_sent", code=code))
    page = render_template("respond/contact.html", form=form, code=code)
    # What they typed may be a phone number: never kept in a shared device's cache.
    return page, 422 if form.errors else 200, {"Cache-Control": "no-store"}


@bp.get("/s/<code>/contact/sent")
def contact_sent(code: str):
    return render_template("respond/contact_sent.html", code=code)
