"""Every word a person reads in a template is marked for translation.

The checker walks Jinja's own token stream (so ``{{ }}``, ``{% %}`` and ``{# #}``
are told apart exactly as when rendering) and looks at three things:

* text between tags, outside ``{% trans %}…{% endtrans %}``;
* the attributes people read or hear: ``title``, ``alt``, ``aria-label``,
  ``placeholder``, and ``value`` of a submit or button ``<input>``;
* string literals inside ``{{ }}`` / ``{% %}`` that read as words for people
  (a capital first letter, or two words) and are not arguments of ``_()``,
  ``gettext()`` or ``ngettext()`` — e.g. a chart title passed to a macro.

Text from a variable (``{{ consultation.title }}``, survey wording through
``|words``) is data and is never flagged.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parents[2] / "engage" / "templates"

# Text that is not a word for people to read, so needs no translation. Keep it tiny.
ALLOWED = {
    "Engage",  # the product's name; base.html passes it through _() all the same
}

# Templates known to hold unmarked text, until they are fixed. strict: a fixed one must leave this list.
KNOWN_UNMARKED: dict[str, str] = {}

GETTEXT_FUNCTIONS = {"_", "gettext", "ngettext", "pgettext", "npgettext"}
# Keyword arguments whose string values are for the browser, not for people (form.submit(class="secondary danger")).
MACHINE_KEYWORDS = {"class", "class_", "id", "name", "type", "list", "autocomplete", "attribute", "format", "version"}
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
HOLE = "\x00"  # stands for a {{ }} / {% %} / {% trans %} block between two runs of text

_lexer = Environment(extensions=["jinja2.ext.i18n"])
_SKIPPED_ELEMENTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[!/]?[A-Za-z][^>]*>", re.S)
_ATTRIBUTE = re.compile(r"""([A-Za-z][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_LETTERS = re.compile(r"[^\W\d_]")  # a letter of any script
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Unmarked:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r}"


class _Text:
    """The template's literal text with every Jinja construct replaced by a HOLE."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []  # offset of each data token in the joined text
        self.lines: list[int] = []  # its line in the template
        self.length = 0

    def add(self, value: str, line: int) -> None:
        self.starts.append(self.length)
        self.lines.append(line)
        self.parts.append(value)
        self.length += len(value)

    def hole(self) -> None:
        if not self.parts or self.parts[-1] != HOLE:
            self.parts.append(HOLE)
            self.length += 1

    def joined(self) -> str:
        return "".join(self.parts)

    def line_at(self, offset: int, joined: str) -> int:
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index] + joined.count("\n", self.starts[index], offset)


def _words_for_people(text: str) -> bool:
    return bool(_LETTERS.search(text)) and text.strip() not in ALLOWED


def _literal_reads_as_words(value: str) -> bool:
    """A string literal in an expression that is a phrase for people, not an identifier."""
    words = _WORD.findall(value)
    if not words or value.strip() in ALLOWED:
        return False
    if "/" in value or ("%" in value and not re.search(r"%\(\w+\)s", value)):
        return False  # a path, a URL or a strftime pattern
    if re.fullmatch(r"[yMdEHhmsa]+(?:[-:. ,][yMdEHhmsa]+)*", value):
        return False  # a Babel (CLDR) date pattern such as yyyy-MM-dd HH:mm
    two_words = len(words) >= 2 and re.search(r"[^\W\d_]\s+[^\W\d_]", value) is not None
    return two_words or value[0].isupper()


def unmarked_text(source: str, name: str = "<template>") -> list[Unmarked]:
    """Each run of text for people in ``source`` that is not marked for translation."""
    text = _Text()
    found: list[Unmarked] = []
    in_trans = False
    after_block_begin = False
    calls: list[bool] = []  # for each open bracket: is it a gettext call's?
    previous = None
    keyword = None  # the name before "=" inside brackets, if the last tokens were `name =`
    for line, kind, value in _lexer.lex(source, name):
        if kind == "data" and not in_trans:
            text.add(value, line)
            continue
        text.hole()
        if kind == "whitespace":
            continue
        if kind == "name" and after_block_begin:
            if value == "trans":
                in_trans = True
            elif value == "endtrans":
                in_trans = False
        after_block_begin = kind == "block_begin"
        if in_trans:
            previous = (kind, value)
            continue
        if kind == "operator" and value in {"(", "[", "{"}:
            calls.append(value == "(" and previous is not None and previous[0] == "name" and previous[1] in GETTEXT_FUNCTIONS)
        elif kind == "operator" and value in {")", "]", "}"} and calls:
            calls.pop()
        elif (
            kind == "string"
            and not (calls and calls[-1])
            and keyword not in MACHINE_KEYWORDS
            and _literal_reads_as_words(value[1:-1])
        ):
            found.append(Unmarked(line, value[1:-1]))
        keyword = previous[1] if kind == "operator" and value == "=" and previous and previous[0] == "name" else None
        previous = (kind, value)

    joined = text.joined()
    cleaned = _HTML_COMMENT.sub(_blank, joined)
    cleaned = _SKIPPED_ELEMENTS.sub(_blank, cleaned)
    for tag in _TAG.finditer(cleaned):
        found.extend(_unmarked_attributes(tag.group(0), text.line_at(tag.start(), joined)))
    cleaned = _TAG.sub(_blank, cleaned)
    cleaned = _ENTITY.sub(_blank, cleaned)
    for run in re.finditer(r"[^\x00]+", cleaned):
        chunk = " ".join(run.group(0).split())
        if _words_for_people(chunk):
            start = run.start() + len(run.group(0)) - len(run.group(0).lstrip())
            found.append(Unmarked(text.line_at(start, joined), chunk))
    return sorted(found, key=lambda item: item.line)


def _unmarked_attributes(tag: str, line: int) -> list[Unmarked]:
    attributes = {
        match.group(1).lower(): match.group(2) if match.group(2) is not None else match.group(3)
        for match in _ATTRIBUTE.finditer(tag)
    }
    read = set(READ_ATTRIBUTES)
    element = re.match(r"<(\w+)", tag)
    if element and element.group(1).lower() == "input" and attributes.get("type", "").lower() in {"submit", "button"}:
        read.add("value")
    found = []
    for attribute in sorted(read & attributes.keys()):
        literal = attributes[attribute].replace(HOLE, " ")
        if _words_for_people(literal):
            found.append(Unmarked(line, f'{attribute}="{" ".join(literal.split())}"'))
    return found


def _blank(match: re.Match) -> str:
    """What is not text becomes spaces, so offsets (and so line numbers) stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _template_names() -> list[str]:
    return sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*.html"))


def _case(name: str):
    if name in KNOWN_UNMARKED:
        return pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_UNMARKED[name], strict=True))
    return name


@pytest.mark.parametrize("template", [_case(name) for name in _template_names()])
def test_every_word_in_the_template_is_marked_for_translation(template):
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    found = unmarked_text(source, template)
    assert not found, f"{template} has text not marked for translation:\n" + "\n".join(
        f"  {template}:{item.line}: {item.text}" for item in found
    )


def test_the_checker_reports_an_unmarked_word_with_its_line():
    source = '<h1>{{ _("Consultations") }}</h1>\n<p>\n  Nothing yet</p>'
    assert unmarked_text(source) == [Unmarked(3, "Nothing yet")]


@pytest.mark.parametrize(
    "source, expected",
    [
        ('<a href="/x" title="Open it">{{ _("Open") }}</a>', 'title="Open it"'),
        ('<img src="{{ src }}" alt="QR code">', 'alt="QR code"'),
        ('<nav aria-label="Survey steps"></nav>', 'aria-label="Survey steps"'),
        ('<input name="q" placeholder="Search {{ x }}">', 'placeholder="Search"'),
        ('<input type="submit" value="Save">', 'value="Save"'),
        ('<select><option value="a">Any</option></select>', "Any"),
        ("{{ chart(rows, \"Responses by age band\") }}", "Responses by age band"),
        ('{{ macro(heading="Count") }}', "Count"),
        ("{% if x %}Ça va{% endif %}", "Ça va"),
        ("<p>{{ n }} عدد</p>", "عدد"),
    ],
)
def test_the_checker_reports_unmarked_attributes_literals_and_any_script(source, expected):
    assert [item.text for item in unmarked_text(source)] == [expected]


def test_the_checker_passes_marked_text_data_and_markup():
    source = """{# A note for developers, not for people. #}
<!doctype html>
<!-- also a note -->
<html lang="{{ page_language }}"><head><style>body { color: red }</style></head>
<body class="console wide">
<h1 title="{{ _('Consultations') }}">{{ _("Consultations") }}</h1>
<p>{% trans trimmed n=count %}
  One answer.
{% pluralize %}
  {{ n }} answers.
{% endtrans %}</p>
<p>{{ _("Asked by %(who)s", who="Engage") }} &middot; {{ code }} &ndash; 5%</p>
<input type="submit" value="{{ _('Save') }}"><input type="hidden" name="next" value="home">
<a class="button primary" href="{{ url_for('console.home', code=code) }}">{{ consultation.title }}</a>
{{ rows|selectattr("status", "equalto", "done")|list|length }} {{ when.strftime("%d %b %Y") }}
<span>Engage</span>
</body></html>"""
    assert unmarked_text(source) == []
