"""The privacy page young people read, the notice beside free text, and an equal skip button."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bench.readability import main_text, page_readability, syllables
from engage.models import OPEN
from engage.services.consultations import create_consultation, create_from_template
from surveys.question_types import QUESTION_TYPES
from surveys.textformat import loads

ROOT = Path(__file__).resolve().parents[2]
NOTICE = "Don't write your name or anyone else's. If you tell us someone is hurting you, we'll show you who can help."


def test_the_privacy_page_says_what_we_ask_keep_and_show_and_for_how_long(client):
    page = client.get("/privacy")
    assert page.status_code == 200
    text = " ".join(main_text(page.get_data(as_text=True)))
    for heading in ("What we ask", "What we keep", "Who sees your answers", "How long we keep it",
                    "How to stop", "Got a question?"):
        assert heading in text
    assert "We never ask your name." in text
    assert "only sees totals" in text and "less than 10 people" in text
    assert "safeguarding lead" in text
    assert "We keep your own words for 12 months." in text
    assert "Just close the page." in text and "Prefer not to say" in text
    assert 'href="/help"' in page.get_data(as_text=True)


def test_the_page_follows_the_configured_period_threshold_and_contact(app, client):
    app.config.update(RETENTION_MONTHS=6, SUPPRESSION_THRESHOLD=5, PRIVACY_CONTACT="privacy@example.org")
    text = " ".join(main_text(client.get("/privacy").get_data(as_text=True)))
    assert "for 6 months" in text and "less than 5 people" in text and "privacy@example.org" in text


def test_the_privacy_page_reads_at_grade_4_or_below(client):
    """Age 9–10: Flesch–Kincaid grade 4 at most, from the text a young person sees."""
    measured = page_readability(client.get("/privacy").get_data(as_text=True))
    assert measured.words > 200  # the whole page was measured, not a fragment
    assert measured.grade <= 4, measured
    assert measured.reading_ease >= 80, measured


@pytest.mark.parametrize(
    "word, expected",
    [("cat", 1), ("make", 1), ("names", 1), ("asked", 1), ("board", 1), ("months", 1), ("free", 1),
     ("little", 2), ("people", 2), ("wanted", 2), ("places", 2), ("worried", 2), ("delete", 2),
     ("answers", 2), ("survey", 2), ("everyone", 3), ("privacy", 3), ("radio", 3), ("station", 2)],
)
def test_the_syllable_counter_counts_common_words_right(word, expected):
    assert syllables(word) == expected


def test_the_intro_page_links_to_the_privacy_page(app, client):
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    page = client.get(f"/s/{code}").get_data(as_text=True)
    assert page.count('href="/privacy"') == 2  # in the text, and in the header of every page
    assert "Read what we do with your answers" in page


@pytest.mark.parametrize("path", ["/", "/help", "/privacy"])
def test_every_respondent_page_has_the_privacy_link_in_its_header(client, path):
    page = client.get(path).get_data(as_text=True)
    header = page.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'href="/privacy"' in header


def test_a_free_text_question_has_the_notice_beside_it(app, respondent):
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    person = respondent(code)
    person.start()
    person.answer("14-15")
    page = person.answer("knife_crime")
    assert person.question_id() == "why_first"
    text = page.get_data(as_text=True).replace("&#39;", "'")
    assert NOTICE in text
    textarea = re.search(r"<textarea[^>]*>", text).group(0)
    assert "q-privacy" in textarea  # a screen reader reads it with the box
    assert text.index(NOTICE) < text.index("<textarea")


def test_questions_that_are_not_free_text_have_no_notice(app, respondent):
    with app.app_context():
        code = create_from_template("youth-ballot", status=OPEN).join_code
    page = respondent(code).start()
    assert "anyone else" not in page.get_data(as_text=True).replace("&#39;", "'")


# "Prefer not to say" is as easy to choose as any answer

CHOICES = [{"value": "a", "label": "Alpha"}, {"value": "b", "label": "Beta"}, {"value": "c", "label": "Gamma"}]
ONE_OF_EACH = {
    "single_choice": {"choices": CHOICES},
    "multiple_choice": {"choices": CHOICES},
    "faces_scale": {"points": 5},
    "scale_0_10": {},
    "yes_no": {},
    "age_band": {},
    "free_text": {},
    "number": {},
    "ranked_ballot": {"pick": 2, "choices": CHOICES},
    "workshop_choice": {"pick": 1, "choices": CHOICES},
}


def test_every_type_that_takes_an_answer_is_checked_below():
    assert set(ONE_OF_EACH) == {name for name, kind in QUESTION_TYPES.items() if kind.takes_answer}


class _Buttons(HTMLParser):
    """Submit buttons in page order, with the classes of the container they sit in."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.buttons: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "button") and attrs.get("type") == "submit":
            self.buttons.append({**attrs, "container": self.open[-1] if self.open else ""})
        elif tag == "div":
            self.open.append(attrs.get("class") or "")

    def handle_endtag(self, tag):
        if tag == "div" and self.open:
            self.open.pop()


def buttons(html: str) -> dict[str, dict]:
    parser = _Buttons()
    parser.feed(html)
    return {b["name"]: {**b, "position": i} for i, b in enumerate(parser.buttons)}


def size_rules() -> dict[str, set[str]]:
    """The properties each of the button colour classes sets in the stylesheet."""
    css = (ROOT / "static" / "engage.css").read_text()
    found = {}
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        for name in (s.strip() for s in selector.split(",")):
            if name in (".primary", ".secondary", ".link"):
                found.setdefault(name, set()).update(
                    p.split(":", 1)[0].strip() for p in body.split(";") if ":" in p
                )
    return found


@pytest.mark.parametrize("kind", sorted(ONE_OF_EACH))
def test_prefer_not_to_say_sits_beside_next_at_the_same_size_on_every_question_type(app, respondent, kind):
    survey = {"id": "one", "kind": "service_feedback", "title": "One question",
              "questions": [{"id": "q", "type": kind, "text": "Your answer?", **ONE_OF_EACH[kind]}]}
    with app.app_context():
        code = create_consultation(loads(yaml.safe_dump(survey)), status=OPEN).join_code
    page = respondent(code).start()
    found = buttons(page.get_data(as_text=True))
    assert "skip" in found, f"no Prefer not to say on a {kind} question"
    skip, next_ = found["skip"], found["next"]
    assert skip["value"] == "Prefer not to say"
    # The same kind of control, in the same row, straight after Next: no scrolling between them.
    assert skip["container"] == next_["container"] == "actions"
    assert skip["position"] == next_["position"] + 1
    # Both take their size from the one rule for buttons; their classes only colour them.
    assert skip["class"] in ("primary", "secondary")
    assert next_["class"] in ("primary", "secondary")
    rules = size_rules()
    for name in (".primary", ".secondary"):
        assert rules[name] <= {"background", "color", "border-color"}, rules[name]
