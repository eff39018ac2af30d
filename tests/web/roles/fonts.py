"""The PDFs' fonts, for the pages to print: anyone (a font says nothing about anybody)."""
from tests.web.roles import PUBLIC

EXPECTED = {"shipped_font": PUBLIC}
