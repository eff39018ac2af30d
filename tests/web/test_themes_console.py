"""The themes area of the console through HTTP: the taxonomy and its versions, reviewing tags, emerging themes."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from sqlalchemy import func, select

from engage.console.theme_forms import ThemeForm
from engage.extensions import db
from engage.models import OPEN
from engage.models_themes import TaggerModel
from engage.services import theme_review, themes
from engage.services.consultations import create_consultation, find_consultation
from engage.services.users import set_members
from surveys.textformat import loads
from tests.services.test_themes import KNIVES, SURVEY, UNRELATED, answer, tags
from tests.services.test_themes_emerging import ODDS_AND_ENDS, PHONE_SIGNAL

FLAGGED = "my stepdad hits me when mum is out"
KNIVES_AND_BUSES = "people carry knives at the bus station and the buses stop at 6 so we walk home"
DRAWING = "I like drawing and painting"
# Other answers that fit no theme, sharing words in pairs: beside them, the phone signal group has key words.
PAIRS = ["I love my dog", "my dog is called rex", "my nan makes the best cake", "cake on a sunday at my nans"]


class _Forms(HTMLParser):
    """The forms of a page as a browser would send them: hidden fields, ticked boxes, chosen options, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": unescape(a.get("action") or ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((a["name"], a.get("value", "on")))
            elif kind == "submit":
                self._form["buttons"].append((a["name"], a.get("value", "")))
            else:
                self._form["fields"].append((a["name"], a.get("value") or ""))
        elif tag == "button" and a.get("name"):
            self._form["buttons"].append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form["fields"].append((self._select, a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_on(page_text: str, action_part: str) -> dict:
    """The first form whose action contains ``action_part``."""
    parser = _Forms()
    parser.feed(page_text)
    found = [f for f in parser.forms if action_part in f["action"]]
    assert found, f"no form posting to {action_part}"
    return found[0]


def send(person, form: dict, button: str | None = None, change: dict | None = None, tick=(), untick=()):
    """Post ``form`` as shown, with ``change`` typed over, boxes ticked and unticked, and ``button`` pressed."""
    fields = [(k, v) for k, v in form["fields"] if (k, v) not in {("themes", key) for key in untick}]
    fields += [("themes", key) for key in tick]
    for name, value in (change or {}).items():
        fields = [(k, v) for k, v in fields if k != name] + [(name, value)]
    if button:
        fields.append((button, "1"))
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return person.post(form["action"], data)


def agreement_numbers(text: str) -> dict[str, str]:
    return dict(re.findall(r'data-agreement="(\w+)">([^<\s]+)', text))


# The taxonomy


@pytest.fixture
def taxonomy(app):
    with app.app_context():
        return themes.current_taxonomy()[1]


def test_a_facilitator_edits_a_theme_and_the_old_version_keeps_the_old_name(staff, taxonomy):
    facilitator = staff("facilitator")
    knives = taxonomy.theme("knife-crime")
    page = facilitator.get("/console/themes/edit?key=knife-crime")
    assert page.status_code == 200 and knives.seeds[0] in facilitator.text
    form = form_on(facilitator.text, "/console/themes/edit?key=knife-crime")
    saved = send(facilitator, form, change={"name": "Knives and blades", "note": "Young people's own words"})
    assert saved.status_code == 302 and saved.location.endswith("/console/themes#theme-knife-crime")

    facilitator.get("/console/themes")
    assert "Saved as version 2" in facilitator.text
    assert "Knives and blades" in facilitator.text and "This is version 2 of the taxonomy" in facilitator.text
    assert re.search(r"Version 2</a> \(current\)</td>\s*<td>[^<]+</td>\s*<td>Facilitator1</td>\s*"
                     r"<td>Young people&#39;s own words</td>", facilitator.text)
    old = facilitator.get("/console/themes/version?number=1").get_data(as_text=True)
    assert knives.name in old and "Knives and blades" not in old and "An earlier version" in old
    assert facilitator.get("/console/themes/version?number=9").status_code == 404


def test_a_refused_edit_shows_each_problem_and_keeps_what_was_typed(app, staff, taxonomy):
    facilitator = staff("facilitator")
    other = next(t for t in taxonomy.themes if t.key != "knife-crime")
    facilitator.get("/console/themes/edit?key=knife-crime")
    typed = "Blades, knives and what carrying one does to a street"
    page = send(facilitator, form_on(facilitator.text, "/console/themes/edit"),
                change={"name": other.name, "description": typed, "seeds": "knife\nno"})
    assert page.status_code == 422
    assert "have the same name" in facilitator.text and "at least 3 characters" in facilitator.text
    assert typed in facilitator.text and f'value="{other.name}"' in facilitator.text
    with app.app_context():
        assert themes.current_taxonomy()[0].number == 1


def test_adding_and_removing_a_theme_each_make_a_version(app, staff, taxonomy):
    facilitator = staff("facilitator")
    area = taxonomy.areas[0]
    facilitator.get("/console/themes/new")
    added = send(facilitator, form_on(facilitator.text, "/console/themes/new"), change={
        "name": "Vaping", "area": area, "seeds": "vape\nvapes", "examples": "everyone vapes in the toilets",
    })
    assert added.status_code == 302 and added.location.endswith("#theme-vaping")
    assert "Vaping" in facilitator.get("/console/themes").get_data(as_text=True)

    confirm = facilitator.get("/console/themes/remove?key=vaping")
    assert confirm.status_code == 200 and "Remove the theme “Vaping”?" in facilitator.text
    with app.app_context():
        assert themes.current_taxonomy()[0].number == 2, "asking is not removing"
    removed = send(facilitator, form_on(facilitator.text, "/console/themes/remove"))
    assert removed.status_code == 302
    with app.app_context():
        version, now = themes.current_taxonomy()
        assert version.number == 3 and "vaping" not in now.keys
        assert 'Removed the theme "Vaping".' in version.note
    assert facilitator.get("/console/themes/remove?key=vaping").status_code == 404


def test_renaming_an_area_of_focus_keeps_its_themes_in_it(app, staff, taxonomy):
    facilitator = staff("facilitator")
    area = taxonomy.areas[0]
    in_area = {t.key for t in taxonomy.themes if t.area == area}
    facilitator.get("/console/themes/areas")
    form = form_on(facilitator.text, "/console/themes/areas")
    name = next(k for k, v in form["fields"] if v == area and k.endswith("-name"))
    assert send(facilitator, form, change={name: "Harm outside the home"}).status_code == 302
    with app.app_context():
        _, now = themes.current_taxonomy()
        assert now.areas[0] == "Harm outside the home" and area not in now.areas
        assert {t.key for t in now.themes if t.area == "Harm outside the home"} == in_area
    facilitator.get("/console/themes/areas")
    emptied = send(facilitator, form_on(facilitator.text, "/console/themes/areas"), change={name: ""})
    assert emptied.status_code == 422 and "not one of the areas of focus" in facilitator.text


def test_a_co_facilitator_reads_the_taxonomy_but_cannot_change_it(staff, taxonomy):
    young = staff("co_facilitator")
    page = young.get("/console/themes")
    assert page.status_code == 200 and taxonomy.themes[0].name in young.text
    assert "/console/themes/edit" not in young.text and "/console/themes/retag" not in young.text
    assert young.get("/console/themes/edit?key=knife-crime").status_code == 403
    data = {"name": "Mine", **ThemeForm.data_of(taxonomy.theme("knife-crime"))}
    assert young.post("/console/themes/edit?key=knife-crime", data).status_code == 403


# Reviewing the tagger


@pytest.fixture
def consultations(app, staff):
    """Consultations A, which the co-facilitator runs, and B, which they do not."""
    with app.app_context():
        return [create_consultation(loads(SURVEY), title=title, status=OPEN).join_code for title in ("A", "B")]


@pytest.fixture
def young(app, staff, consultations):
    person = staff("co_facilitator")
    with app.app_context():
        set_members(find_consultation(consultations[0]), [person.user.id], by=None)
    return person


def written(app, code: str, *words: str) -> list[int]:
    with app.app_context():
        return [answer(code, w) for w in words]


def tagged(app, answer_id: int) -> set[str]:
    with app.app_context():
        return set(tags(answer_id))


def test_a_co_facilitator_accepts_removes_adds_and_says_no_theme_fits_and_agreement_follows(app, young, consultations):
    a = consultations[0]
    knives, both, cat, drawing = written(app, a, KNIVES, KNIVES_AND_BUSES, UNRELATED, DRAWING)
    assert {"knife-crime", "community-transport"} <= tagged(app, both) and tagged(app, cat) == set()
    review = f"/console/themes/review?code={a}"
    young.get(review)
    assert "No answers in this consultation have been reviewed yet." in young.text
    assert all(f'id="answer-{i}"' in young.text for i in (knives, both, cat, drawing))

    # Accept: one click keeps the tagger's themes.
    done = send(young, form_on(young.text, f"answer_id={knives}"), "accept", untick=["knife-crime"])
    assert done.status_code == 302 and done.location.endswith(review + "&state=unreviewed")
    young.get(review)
    assert agreement_numbers(young.text) == {"reviewed": "1", "overall": "100%", "precision": "100%", "recall": "100%"}
    assert f'id="answer-{knives}"' not in young.text, "reviewed answers leave the queue"

    # Remove: untick one of the tagger's themes.
    send(young, form_on(young.text, f"answer_id={both}"), "save", untick=["community-transport"])
    young.get(review)
    numbers = agreement_numbers(young.text)
    assert (numbers["reviewed"], numbers["overall"], numbers["recall"]) == ("2", "50%", "100%")
    assert numbers["precision"] != "100%"

    # Add: the tagger found nothing, the person ticks a theme.
    send(young, form_on(young.text, f"answer_id={cat}"), "save", tick=["positive-activities"])
    # No theme fits.
    young.get(review)
    send(young, form_on(young.text, f"answer_id={drawing}"), "no_theme")
    young.get(review)
    numbers = agreement_numbers(young.text)
    assert (numbers["reviewed"], numbers["overall"]) == ("4", "50%") and numbers["recall"] != "100%"
    assert "Nothing to review" in young.text

    with app.app_context():
        assert set(tags(knives, "person")) == tagged(app, knives)
        assert set(tags(both, "person")) == tagged(app, both) - {"community-transport"}
        assert set(tags(cat, "person")) == {"positive-activities"} and tags(drawing, "person") == {}
    reviewed = young.get(review + "&state=reviewed").get_data(as_text=True)
    assert f'id="a{cat}-positive-activities" checked' in reviewed
    assert re.search(rf'id="answer-{drawing}"(?:(?!</article>).)*: no theme fits</dd>', reviewed, re.S)


def test_a_review_with_nothing_ticked_or_an_unknown_theme_is_refused_and_recorded_nowhere(app, young, consultations):
    [knives] = written(app, consultations[0], KNIVES)
    young.get(f"/console/themes/review?code={consultations[0]}")
    form = form_on(young.text, f"answer_id={knives}")
    page = send(young, form, "save", untick=["knife-crime"])
    assert page.status_code == 422 and "Tick at least one theme, or choose “No theme fits”." in young.text
    assert f'id="a{knives}-knife-crime">' in young.text, "what was unticked stays unticked"
    page = send(young, form, "save", tick=["not-a-theme"])
    assert page.status_code == 422 and "not-a-theme" in young.text
    with app.app_context():
        assert tags(knives, "person") == {}
        assert theme_review.agreement().reviewed == 0


def test_a_co_facilitator_cannot_reach_a_consultation_they_do_not_run(app, young, consultations):
    a, b = consultations
    [theirs] = written(app, b, "knives everywhere near the college")
    assert young.get(f"/console/themes/review?code={b}").status_code == 404
    assert young.get(f"/console/themes/emerging?code={b}").status_code == 404
    assert "knives everywhere" not in young.get("/console/themes/review").get_data(as_text=True)
    refused = young.post(f"/console/themes/review?answer_id={theirs}", {"accept": "1", "suggested": ["knife-crime"]})
    assert refused.status_code == 404
    with app.app_context():
        assert tags(theirs, "person") == {}
    assert young.get("/console/themes/review").status_code == 200
    assert "Choose one of your consultations" in young.text, "agreement across every consultation is for staff"


def test_a_flagged_answer_never_appears_and_contact_details_are_scrubbed(app, staff, young, consultations):
    a = consultations[0]
    written(app, a, FLAGGED, "knives everywhere, text Jade on 07700 900123 or jade.smith@example.com")
    facilitator = staff("facilitator")
    for person in (young, facilitator):
        for state in ("unreviewed", "reviewed", "untagged", "all"):
            text = person.get(f"/console/themes/review?code={a}&state={state}").get_data(as_text=True)
            assert "stepdad" not in text and "07700" not in text and "example.com" not in text
        person.get(f"/console/themes/review?code={a}&state=all")
        assert "[phone]" in person.text and "[email]" in person.text
        assert "stepdad" not in person.get("/console/themes/emerging").get_data(as_text=True)


def test_the_retrain_button_retrains_now_when_there_is_no_queue(app, staff):
    facilitator = staff("facilitator")
    facilitator.get("/console/themes/review")
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(TaggerModel))
    done = send(facilitator, form_on(facilitator.text, "/console/themes/retrain"))
    assert done.status_code == 302 and done.location.endswith("/console/themes/review?state=unreviewed")
    facilitator.get(done.location)
    assert "The tagger has been retrained" in facilitator.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TaggerModel)) == before + 1


# Emerging themes


def test_promoting_an_emerging_theme_adds_it_to_the_taxonomy(app, staff, consultations, taxonomy):
    written(app, consultations[0], *PHONE_SIGNAL, *ODDS_AND_ENDS, *PAIRS, FLAGGED)
    facilitator = staff("facilitator")
    facilitator.get("/console/themes/emerging")
    assert f"{len(PHONE_SIGNAL) + len(ODDS_AND_ENDS) + len(PAIRS)} answers fit no theme" in facilitator.text
    assert "signal" in facilitator.text and "07700" not in facilitator.text and "stepdad" not in facilitator.text
    form = form_on(facilitator.text, "/console/themes/promote")
    assert ("name", "Phone signal and wifi") in form["fields"], "the suggested name is filled in"
    assert ("key_words", "phone signal") in form["fields"]

    area = taxonomy.areas[-1]
    refused = send(facilitator, form, change={"name": taxonomy.themes[0].name, "area": area,
                                              "description": "No signal at home"})
    assert refused.status_code == 422 and "have the same name" in facilitator.text
    assert "No signal at home" in facilitator.text

    promoted = send(facilitator, form, change={"name": "Phone signal", "area": area,
                                               "description": "No signal at home"})
    assert promoted.status_code == 302
    page = facilitator.get(promoted.location).get_data(as_text=True)
    assert "“Phone signal” is now a theme: saved as version 2" in page
    assert 'id="theme-phone-signal"' in page and "No signal at home" in page
    with app.app_context():
        theme = themes.current_taxonomy()[1].theme("phone-signal")
        assert theme.area == area and "phone signal" in theme.seeds
        assert theme.examples and all("signal" in e for e in theme.examples)
        assert all("07700" not in e for e in theme.examples)


def test_a_co_facilitator_sees_emerging_themes_of_their_consultations_but_cannot_promote(app, young, consultations):
    written(app, consultations[0], *PHONE_SIGNAL)
    young.get("/console/themes/emerging")
    assert young.page.status_code == 200 and "signal" in young.text
    assert "/console/themes/promote" not in young.text
    young.get(f"/console/themes/emerging?code={consultations[0]}")
    assert young.page.status_code == 200
