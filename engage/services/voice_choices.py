"""Choice questions, scales and ballots in a voice summary: counts per choice, suppressed as tables.

As on the live screen, a flagged answer counts for nothing, and a choice only
an earlier version of the survey offered is left out. Each question's table
has the young people who answered it as its base. A ranked ballot runs by
points (a first choice counts most) but its numbers are of young people who
picked each issue at all: points are not people, and a small number of
points could be one person's vote.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from engage.analysis.suppression import count_cell
from engage.models import Consultation
from engage.services import voice_queries
from engage.services.consultations import survey_of
from engage.services.voice_model import ChoiceResult, Row
from engage.services.voice_queries import Scope
from engage.services.voice_tables import table_rows
from surveys import PREFER_NOT_TO_SAY
from surveys.model import Question

# Question types whose results a board sees, and the kind a renderer is told.
# Age bands are left out: participation already shows them.
CHOICE_KINDS = {
    "single_choice": "single",
    "multiple_choice": "multiple",
    "yes_no": "yes_no",
    "faces_scale": "scale",
    "scale_0_10": "scale",
    "ranked_ballot": "ballot",
    "workshop_choice": "workshop",
}
BALLOT = "ballot"
PREFER_NOT_TO_SAY_LABEL = "Prefer not to say"


def choice_results(scope: Scope, consultations: list[Consultation], threshold: int) -> tuple[ChoiceResult, ...]:
    asked: list[tuple[Consultation, Question]] = [
        (c, q) for c in consultations for q in survey_of(c).questions if q.type in CHOICE_KINDS
    ]
    # Left out in SQL; an id that is a choice question anywhere here stays in.
    free_text = {q.id for c in consultations for q in survey_of(c).questions if q.kind.takes_words}
    free_text -= {q.id for _, q in asked}
    counts = voice_queries.choice_counts(scope, [(c.id, q.id) for c, q in asked], free_text)
    grouped: dict[tuple[int, str], list[tuple[object, int]]] = defaultdict(list)
    for consultation_id, question_id, value, n in counts:
        grouped[(consultation_id, question_id)].append((value, n))
    results = []
    for consultation, question in asked:
        result = _choice_result(consultation, question, grouped[(consultation.id, question.id)], threshold)
        if result is not None:
            results.append(result)
    return tuple(results)


def _choice_result(consultation: Consultation, question: Question, values: list[tuple[object, int]],
                   threshold: int) -> ChoiceResult | None:
    kind = CHOICE_KINDS[question.type]
    options = [(c.value, c.label_in("en")) for c in question.kind.choices(question)]
    known = {value for value, _ in options}
    people, picks, points = 0, Counter(), Counter()
    for value, n in values:
        if value == PREFER_NOT_TO_SAY:
            people += n
            picks[PREFER_NOT_TO_SAY] += n
            continue
        listed = [str(v) for v in (value if isinstance(value, list) else [value])]
        # A choice only an earlier version offered is left out, as on the live screen.
        picked = [v for v in dict.fromkeys(listed) if v in known]
        if not picked:
            continue
        people += n
        picks.update({v: n for v in picked})
        for place, v in enumerate(picked):
            points[v] += n * max((question.pick or len(picked)) - place, 1)
    if not people:
        return None
    if question.prefer_not_to_say or picks[PREFER_NOT_TO_SAY]:
        options.append((PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL))
    rows = table_rows(options, picks, threshold, base=people)
    if kind == BALLOT:
        rows = _by_points(rows, points)
    return ChoiceResult(
        consultation_code=consultation.join_code,
        consultation_title=consultation.title,
        question_id=question.id,
        question=question.text_in("en"),
        kind=kind,
        answered=count_cell(people, threshold),
        rows=rows,
    )


def _by_points(rows: tuple[Row, ...], points: Counter) -> tuple[Row, ...]:
    """A ranked ballot's issues, most points first (a first choice counts most); the counts are of
    young people who picked the issue at all. Hidden counts follow, in the ballot's own order, so
    their place tells nothing; then issues nobody picked; the opt-out last."""
    opt_out = [r for r in rows if r.key == PREFER_NOT_TO_SAY]
    issues = [r for r in rows if r.key != PREFER_NOT_TO_SAY]
    ranked = sorted((r for r in issues if r.cell.count), key=lambda r: (-points[r.key], -r.cell.count))
    rest = [r for r in issues if r.cell.suppressed] + [r for r in issues if r.cell.count == 0]
    return tuple(ranked + rest + opt_out)
