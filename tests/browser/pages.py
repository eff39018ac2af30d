"""What the browser tests do on a page: answer a screen as a young person would, audit it with axe."""
from __future__ import annotations

from functools import cache

# (question id, type, what the young person picks or types) for tests/browser/every_type.yaml.
EVERY_ANSWER = (
    ("age", "age_band", ["14-15"]),
    ("club", "single_choice", ["sports"]),
    ("worries", "multiple_choice", ["school", "online"]),
    ("feeling", "faces_scale", ["4"]),
    ("safe_score", "scale_0_10", ["7"]),
    ("told_someone", "yes_no", ["not_sure"]),
    ("change", "free_text", ["More buses in the evening, the last one goes at six."]),
    ("hours", "number", ["6"]),
    ("top_issues", "ranked_ballot", ["mental_health", "knife_crime"]),
    ("workshops", "workshop_choice", ["first_aid", "online_safety"]),
    ("done", "info", []),
)
STORED = {  # what the database keeps for each answer above
    "age": "14-15", "club": "sports", "worries": ["school", "online"], "feeling": 4,
    "safe_score": 7, "told_someone": "not_sure",
    "change": "More buses in the evening, the last one goes at six.", "hours": 6,
    "top_issues": ["mental_health", "knife_crime"], "workshops": ["first_aid", "online_safety"],
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}


def fill_in(page, kind: str, values: list[str]) -> None:
    """Pick or type an answer on the screen, without pressing Next."""
    if kind in ("free_text", "number"):
        page.locator("#answer").fill("\n".join(values))
    elif kind == "ranked_ballot":
        for place, value in enumerate(values):
            page.locator(f"#rank-{place}").select_option(value)
    else:
        for value in values:
            page.locator(f"input[name=answer][value='{value}']").check()


def press(page, button: str = "next") -> None:
    with page.expect_navigation():
        page.locator(f"[type=submit][name={button}]").click()


@cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(page, where: str) -> list[str]:
    """Serious and critical WCAG 2.2 AA violations on the page, one line each."""
    results = _axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    found = []
    for rule in results.response["violations"]:
        if rule["impact"] not in BLOCKING:
            continue
        targets = [" ".join(map(str, node["target"])) for node in rule["nodes"]]
        found.append(f"{where}: {rule['id']} ({rule['impact']}) at {', '.join(targets[:6])}"
                     f"{' …' if len(targets) > 6 else ''} — {rule['help']}: "
                     + " ".join(rule["nodes"][0].get("failureSummary", "").split()))
    return found


def overflow(page, where: str) -> list[str]:
    """The page scrolls sideways (it does not reflow at 320 CSS px, i.e. 200-400% zoom)."""
    wide = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if wide[0] > wide[1]:
        return [f"{where}: scrolls sideways ({wide[0]}px of content in {wide[1]}px)"]
    return []


def refreshes_itself(page, where: str) -> list[str]:
    """A page that reloads or moves on by itself times a young person out (WCAG 2.2.1)."""
    if page.locator("meta[http-equiv=refresh i]").count():
        return [f"{where}: refreshes itself"]
    return []


def audit(page, where: str, reflow: bool = True) -> list[str]:
    problems = violations(page, where) + refreshes_itself(page, where)
    return problems + overflow(page, where) if reflow else problems


def report(problems: list[str]) -> str:
    return f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def start(page, code: str) -> None:
    """Open the consultation as a QR code scan would, and press Start."""
    page.goto(f"/s/{code}")
    with page.expect_navigation():
        page.locator(f"form[action$='/s/{code}/start'] button").click()


def send(page, code: str) -> None:
    with page.expect_navigation():
        page.locator(f"form[action$='/s/{code}/send'] button").click()
    assert page.url.endswith(f"/s/{code}/thanks")


def answer_everything(page, code: str, answers=EVERY_ANSWER) -> None:
    """A whole survey, from the intro to the thank-you page."""
    start(page, code)
    for question_id, kind, values in answers:
        assert page.locator("input[name=question]").input_value() == question_id
        fill_in(page, kind, values)
        press(page)
    send(page, code)
