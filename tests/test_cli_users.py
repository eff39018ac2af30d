"""engage users: the first admin account from the command line."""
from engage.services import users


def test_users_create_makes_the_first_admin_who_can_sign_in(app, runner):
    result = runner.invoke(
        args=["users", "create", "--role", "admin", "--email", "lead@example.org", "--name", "Lee"],
        input="a long first password\na long first password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created admin lead@example.org" in result.output
    with app.app_context():
        assert users.authenticate("lead@example.org", "a long first password").role == "admin"
    listed = runner.invoke(args=["users", "list"])
    assert "admin" in listed.output and "lead@example.org" in listed.output


def test_users_create_refuses_a_short_password_and_a_second_account_for_one_email(runner):
    short = runner.invoke(
        args=["users", "create", "--role", "admin", "--email", "a@example.org", "--name", "A"],
        input="short\nshort\n",
    )
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    args = ["users", "create", "--role", "facilitator", "--email", "b@example.org", "--name", "B"]
    assert runner.invoke(args=args, input="a long enough password\n" * 2).exit_code == 0
    again = runner.invoke(args=args, input="a long enough password\n" * 2)
    assert again.exit_code != 0 and "already an account" in again.output
