"""Themes the taxonomy does not have yet: suggested from answers that fit none, and promoted.

Only answers tagged against the current taxonomy count (after the taxonomy
changes, re-tag first): those the tagger gave no theme and nobody has reviewed,
and those a person said no theme fits; never a flagged one. Their words are scrubbed before they are
grouped, so neither key words nor examples can carry a name or a number.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, exists, or_

from engage.analysis.pii import KINDS
from engage.analysis.themes.emerging import suggest_themes
from engage.analysis.themes.taxonomy import MAX_EXAMPLE, MAX_SEED, MIN_SEED, Theme, slugify
from engage.extensions import db
from engage.models import Answer, Consultation, User
from engage.models_themes import BY_PERSON, BY_TAGGER, AnswerAnalysis, AnswerTag, TaxonomyVersion
from engage.services import themes
from engage.services.consultations import find_consultation
from engage.services.retention import holds_words
from engage.services.theme_review import reviewable_answers

LIMIT = 5000  # the newest answers that fit no theme, grouped at once
_PLACEHOLDER = re.compile(r"\[(?:%s)\]" % "|".join(KINDS))


@dataclass(frozen=True)
class EmergingTheme:
    key_words: tuple[str, ...]
    suggested_name: str
    size: int  # answers in the group
    examples: tuple[str, ...]  # the most typical answers, scrubbed
    answer_ids: tuple[int, ...]


def emerging(user: User | None = None, consultation_code: str | None = None, limit: int = LIMIT,
             max_suggestions: int = 8, min_size: int = 5) -> list[EmergingTheme]:
    """Suggested new themes among answers that fit no theme, biggest and most coherent first.

    With ``user``, only answers from consultations they run (and a role that reviews).
    """
    ids, texts = _fitting_no_theme(user, consultation_code, limit)
    # Grouped without the placeholders, or "[name]" would make "name" a key word.
    plain = [_PLACEHOLDER.sub(" ", text) for text in texts]
    return [
        EmergingTheme(
            key_words=s.key_words,
            suggested_name=s.suggested_name,
            size=len(s.members),
            examples=tuple(texts[i] for i in s.examples),
            answer_ids=tuple(ids[i] for i in s.members),
        )
        for s in suggest_themes(plain, min_size=min_size, max_suggestions=max_suggestions)
    ]


def untagged_count(user: User | None = None, consultation_code: str | None = None) -> int:
    """How many answers fit no theme of the current taxonomy ("47 answers fit no theme")."""
    return len(_fitting_no_theme(user, consultation_code, None)[0])


def promote(suggestion: EmergingTheme | Mapping, name: str, area: str, description: str = "",
            by: User | None = None) -> TaxonomyVersion:
    """Add a theme from a suggestion: its key words become seed phrases, its examples the first examples.

    Makes a new taxonomy version (see ``themes.save_taxonomy``; raises
    ``TaxonomyError`` with every problem). Re-tag for answers to get the theme.
    """
    key_words = _field(suggestion, "key_words")
    examples = _field(suggestion, "examples")
    _version, taxonomy = themes.current_taxonomy()
    theme = Theme(
        key=slugify(name, taxonomy.keys),
        name=name.strip(),
        description=description.strip(),
        area=area,
        seeds=tuple(w for w in key_words if MIN_SEED <= len(w.strip()) <= MAX_SEED),
        examples=tuple(e for e in examples if e.strip() and len(e) <= MAX_EXAMPLE),
    )
    note = f'Added the theme "{theme.name}" from answers that fit no theme.'
    return themes.save_taxonomy(taxonomy.with_theme(theme), by=by, note=note)


def _fitting_no_theme(user: User | None, consultation_code: str | None,
                      limit: int | None) -> tuple[list[int], list[str]]:
    version, _ = themes.current_taxonomy()
    tagged = exists().where(AnswerTag.answer_id == Answer.id, AnswerTag.source == BY_TAGGER)
    given_one = exists().where(AnswerTag.answer_id == Answer.id, AnswerTag.source == BY_PERSON)
    reviewed = AnswerAnalysis.reviewed_at.is_not(None)
    # A person's review decides: "no theme fits" counts even where the tagger had given one.
    fits_none = or_(and_(~reviewed, ~tagged), and_(reviewed, ~given_one))
    query = (
        reviewable_answers(user, Answer.id, Answer.value)
        .join(AnswerAnalysis, AnswerAnalysis.answer_id == Answer.id)
        .where(AnswerAnalysis.taxonomy_version_id == version.id, fits_none)
        .order_by(Answer.id.desc())
    )
    if consultation_code is not None:
        query = query.where(Consultation.id == find_consultation(consultation_code).id)
    if limit is not None:
        query = query.limit(limit)
    rows = [(i, v) for i, v in db.session.execute(query) if holds_words(v)]
    rows.reverse()
    return [i for i, _ in rows], [themes.tagger_text(v) for _, v in rows]


def _field(suggestion: EmergingTheme | Mapping, name: str) -> tuple[str, ...]:
    value = suggestion.get(name, ()) if isinstance(suggestion, Mapping) else getattr(suggestion, name)
    return tuple(str(v) for v in value)
