"""Choosing the language of the pages: anyone, signed in or not (young people have no account)."""
from tests.web.roles import PUBLIC

EXPECTED = {"language.choose": PUBLIC}
