"""Theme tagging: the taxonomy's versions and the tagger trained for the current one.

The tagger reads scrubbed words (names, contact details and local places
already replaced), so neither its reasons nor the models trained from
reviewed answers hold anything that could identify a young person.

Tagging answers is in ``theme_tagging``, reviewing tags and measuring
agreement in ``theme_review``, suggesting new themes from answers that fit
none in ``theme_emerging``.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engage import jobs
from engage.analysis.pii import load_places, scrub
from engage.analysis.themes.tagger import Tagger
from engage.analysis.themes.taxonomy import Taxonomy, default_taxonomy, validate
from engage.analysis.themes.training import examples_for
from engage.database import writing
from engage.extensions import db
from engage.prepared import Prepared
from engage.models import Answer, User
from engage.models_themes import BY_PERSON, AnswerAnalysis, AnswerTag, TaggerModel, TaxonomyVersion
from engage.services import audit
from engage.services.errors import ServiceError
from engage.services.retention import holds_words

RETAG_JOB = "engage.services.theme_tagging.retag"
RETRAIN_JOB = "engage.services.themes.retrain_job"


class TaxonomyVersionNotFound(ServiceError):
    """No taxonomy version has this number."""


@dataclass(frozen=True)
class Tagging:
    """What tags answers now: the current taxonomy and its newest tagger."""

    version_id: int  # the taxonomy version's
    taxonomy: Taxonomy
    model_id: int
    tagger: Tagger


# The taxonomy


def current_taxonomy() -> tuple[TaxonomyVersion, Taxonomy]:
    """The newest taxonomy version; the first use writes version 1 from the default taxonomy."""
    newest = select(TaxonomyVersion).order_by(TaxonomyVersion.number.desc()).limit(1)
    version = db.session.scalar(newest)
    if version is None:
        try:
            with writing():
                version = TaxonomyVersion(number=1, note="The default taxonomy.", taxonomy=default_taxonomy().to_dict())
                db.session.add(version)
        except IntegrityError:  # another process wrote version 1 first
            version = db.session.scalar(newest)
            if version is None:
                raise
    return version, taxonomy_of(version)


def taxonomy_version(number: int) -> tuple[TaxonomyVersion, Taxonomy]:
    """An earlier (or the current) version, as it was saved: reports name the one they used."""
    version = db.session.scalar(select(TaxonomyVersion).where(TaxonomyVersion.number == number))
    if version is None:
        raise TaxonomyVersionNotFound(number)
    return version, taxonomy_of(version)


def taxonomy_versions() -> list[TaxonomyVersion]:
    return list(db.session.scalars(select(TaxonomyVersion).order_by(TaxonomyVersion.number.desc())))


_TAXONOMIES: dict[tuple[int, datetime], Taxonomy] = {}  # a version never changes


def taxonomy_of(version: TaxonomyVersion) -> Taxonomy:
    key = (version.id, version.created_at)
    taxonomy = _TAXONOMIES.get(key)
    if taxonomy is None:
        if len(_TAXONOMIES) > 64:
            _TAXONOMIES.clear()
        taxonomy = _TAXONOMIES[key] = Taxonomy.from_dict(version.taxonomy)
    return taxonomy


def save_taxonomy(taxonomy: Taxonomy, by: User | None = None, note: str = "") -> TaxonomyVersion:
    """Check and keep an edited taxonomy as a new version, and train its tagger.

    Answers keep the tags they have until they are re-tagged (``retag``,
    ``request_retag``): a report names the version its tags came from.
    Raises ``TaxonomyError`` listing every problem.
    """
    validate(taxonomy)
    with writing():
        newest = db.session.scalar(
            select(TaxonomyVersion).order_by(TaxonomyVersion.number.desc()).limit(1).with_for_update()
        )
        version = TaxonomyVersion(
            number=(newest.number if newest else 0) + 1,
            created_by_id=by.id if by else None,
            note=(note or "").strip()[:1000],
            taxonomy=taxonomy.to_dict(),
        )
        db.session.add(version)
        db.session.flush()
        audit.record(by, "saved", "taxonomy", f"version {version.number}",
                     themes=len(taxonomy.themes), areas=len(taxonomy.areas))
    _train(version, taxonomy, by)
    return version


# The tagger

# By model id and time of training (ids alone repeat across test databases); only the newest is kept.
_LOADED: dict[tuple[int, datetime], Tagger] = {}
_LOADING = threading.Lock()


def the_tagger() -> Tagger:
    return current_tagging().tagger


def current_tagging() -> Tagging:
    """The current taxonomy and its newest tagger, trained now if it has none yet.

    The taxonomy and the tagger are parsed once per process and version: tagging
    an answer as it arrives costs one prebuilt query to learn which are newest.
    """
    newest = _NEWEST.first()
    if newest is None or newest.model_id is None:  # first use of this version: Engage trains it, nobody asked
        version, taxonomy = current_taxonomy()  # writes version 1 on the very first use
        made = _train(version, taxonomy, None, audited=False)
        return Tagging(version.id, taxonomy, made.id, _LOADED[(made.id, made.created_at)])
    return _loaded(newest)


def load_tagger() -> bool:
    """Parse the newest tagger into memory now, if one was trained (this never trains one)."""
    newest = _NEWEST.first()
    if newest is None or newest.model_id is None:
        return False
    _loaded(newest)
    return True


def _loaded(newest) -> Tagging:
    taxonomy = _TAXONOMIES.get((newest.version_id, newest.version_created_at))
    if taxonomy is None:
        taxonomy = taxonomy_of(db.session.get(TaxonomyVersion, newest.version_id))
    key = (newest.model_id, newest.model_created_at)
    tagger = _LOADED.get(key)
    if tagger is None:
        with _LOADING:
            tagger = _LOADED.get(key)
            if tagger is None:
                data = db.session.scalar(select(TaggerModel.data).where(TaggerModel.id == newest.model_id))
                tagger = _keep(key, Tagger.from_bytes(data))
    return Tagging(newest.version_id, taxonomy, newest.model_id, tagger)


# Built once: every free-text answer runs it as it is saved. The newest version,
# and its newest tagger if it has one yet.
_NEWEST = Prepared(
    select(
        TaxonomyVersion.id.label("version_id"), TaxonomyVersion.created_at.label("version_created_at"),
        TaggerModel.id.label("model_id"), TaggerModel.created_at.label("model_created_at"),
    )
    .outerjoin(TaggerModel, TaggerModel.taxonomy_version_id == TaxonomyVersion.id)
    .order_by(TaxonomyVersion.number.desc(), TaggerModel.id.desc())
    .limit(1)
)  # run as every free-text answer is tagged


def retrain(by: User | None = None) -> TaggerModel:
    """Train a new tagger for the current taxonomy, learning from every reviewed answer."""
    version, taxonomy = current_taxonomy()
    return _train(version, taxonomy, by)


def retrain_job(user_id: int | None = None) -> int:
    """``retrain`` as a queued job: returns the new model's id."""
    return retrain(db.session.get(User, user_id) if user_id else None).id


def request_retrain(by: User | None = None) -> str:
    """Retrain through the job queue when one is configured ("queued"), else now ("done")."""
    return "done" if jobs.enqueue(RETRAIN_JOB, by.id if by else None) is None else "queued"


def request_retag() -> str:
    """Re-tag every free-text answer through the job queue ("queued"), else now ("done")."""
    return "done" if jobs.enqueue(RETAG_JOB, timeout=jobs.LONG_TIMEOUT) is None else "queued"


def _train(version: TaxonomyVersion, taxonomy: Taxonomy, by: User | None, audited: bool = True) -> TaggerModel:
    examples = examples_for(taxonomy, reviewed_examples(taxonomy))
    tagger = Tagger.train(examples, taxonomy.seeds())  # outside the write: about a second
    with writing():
        model = TaggerModel(
            taxonomy_version_id=version.id,
            trained_on=len(examples),
            data=tagger.to_bytes(),
            created_by_id=by.id if by else None,
        )
        db.session.add(model)
        db.session.flush()
        if audited:
            audit.record(by, "trained", "tagger", f"model {model.id}",
                         taxonomy_version=version.number, examples=len(examples))
    _keep((model.id, model.created_at), tagger)
    return model


def _keep(key: tuple[int, datetime], tagger: Tagger) -> Tagger:
    _LOADED.clear()
    _LOADED[key] = tagger
    return tagger


def reviewed_examples(taxonomy: Taxonomy) -> list[tuple[str, list[str]]]:
    """What people decided about answers, as training examples: scrubbed words and themes.

    A theme since taken out of the taxonomy is dropped; an answer left with
    none of its themes is not used, but one a person said no theme fits is.
    """
    keys = set(taxonomy.keys)
    decided: dict[int, list[str]] = defaultdict(list)
    rows = db.session.execute(
        select(AnswerTag.answer_id, AnswerTag.theme_key)
        .join(AnswerAnalysis, AnswerAnalysis.answer_id == AnswerTag.answer_id)
        .where(AnswerTag.source == BY_PERSON, AnswerAnalysis.reviewed_at.is_not(None))
    )
    for answer_id, key in rows:
        decided[answer_id].append(key)
    examples = []
    answers = db.session.execute(
        select(Answer.id, Answer.value)
        .join(AnswerAnalysis, AnswerAnalysis.answer_id == Answer.id)
        .where(AnswerAnalysis.reviewed_at.is_not(None), Answer.flagged.is_(False))
        .order_by(Answer.id)
    )
    for answer_id, value in answers:
        kept = sorted(k for k in decided.get(answer_id, ()) if k in keys)
        if holds_words(value) and (kept or not decided.get(answer_id)):
            examples.append((tagger_text(value), kept))
    return examples


# What the tagger reads


def tagger_text(text: str) -> str:
    """What the tagger reads: the answer with personal details and local places replaced."""
    return scrub(text, _places(current_app.config.get("LOCAL_PLACES", ""))).text


@lru_cache(maxsize=4)
def _places(setting: str) -> tuple[str, ...]:
    return load_places(setting)
