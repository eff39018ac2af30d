"""Theme tagging through the service layer: the taxonomy's versions, tagging as answers arrive, retraining."""
from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from engage.analysis.themes.tagger import Tagger
from engage.analysis.themes.taxonomy import Theme, TaxonomyError, default_taxonomy
from engage.analysis.themes.training import examples_for
from engage.database import writing
from engage.extensions import db
from engage.models import CHAT, OPEN, WEB, Answer, AuditEvent, Response
from engage.models_themes import BY_PERSON, BY_TAGGER, AnswerAnalysis, AnswerTag, TaggerModel, TaxonomyVersion
from engage.services import chat, responding, theme_review, theme_tagging, themes
from engage.services.chat_gate import Incoming
from engage.services.consultations import create_consultation
from engage.services.users import create_user
from surveys import PREFER_NOT_TO_SAY
from surveys.textformat import loads

SURVEY = """
id: your-say
kind: square_table
title: Your say
audience:
  min_age: 16
  max_age: 18
questions:
  - id: safe
    type: yes_no
    text: Do you feel safe where you live?
  - id: change
    type: free_text
    text: What one thing would you change?
    required: false
"""
KNIVES = "too many people carry knives round here and it's scary"
UNRELATED = "my cat is called biscuit"


@pytest.fixture
def code(ctx):
    return create_consultation(loads(SURVEY), status=OPEN).join_code


@pytest.fixture
def facilitator(ctx):
    return create_user("fran@example.org", "Fran", "facilitator", password="a long password for tests")[0]


def answer(code: str, words: str, send: bool = True, channel: str = WEB) -> int:
    """A young person says yes, writes ``words`` and (unless not) sends; returns the words' answer id."""
    token = responding.start_response(code, channel)
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    responding.answer_screen(code, token, "change", "next", [words])
    if send:
        responding.submit_response(code, token)
    return words_of(token)


def words_of(token: str) -> int:
    return db.session.scalar(
        select(Answer.id).join(Response).where(
            Response.resume_key == responding.resume_key(token), Answer.question_id == "change"
        )
    )


def tags(answer_id: int, source: str = BY_TAGGER) -> dict[str, AnswerTag]:
    query = select(AnswerTag).where(AnswerTag.answer_id == answer_id, AnswerTag.source == source)
    return {t.theme_key: t for t in db.session.scalars(query.execution_options(populate_existing=True))}


def analysis(answer_id: int) -> AnswerAnalysis | None:
    return db.session.get(AnswerAnalysis, answer_id, populate_existing=True)


# The taxonomy


def test_the_first_use_writes_version_1_from_the_default_taxonomy(ctx):
    version, taxonomy = themes.current_taxonomy()
    assert version.number == 1
    assert taxonomy == default_taxonomy()
    assert themes.current_taxonomy()[0].id == version.id
    assert db.session.scalar(select(func.count()).select_from(TaxonomyVersion)) == 1


def test_editing_the_taxonomy_makes_a_new_version_and_the_old_one_stays_as_it_was(ctx, facilitator):
    _, first = themes.current_taxonomy()
    vaping = Theme("vaping", "Vaping", "Vapes in school", first.areas[0],
                   seeds=("vape", "vapes"), examples=("everyone vapes in the toilets",))
    saved = themes.save_taxonomy(first.with_theme(vaping), by=facilitator, note="Added vaping")

    version, now = themes.current_taxonomy()
    assert (version.id, version.number, version.note) == (saved.id, 2, "Added vaping")
    assert "vaping" in now.keys
    old_version, old = themes.taxonomy_version(1)
    assert old == first and "vaping" not in old.keys
    assert [v.number for v in themes.taxonomy_versions()] == [2, 1]
    # Its own tagger was trained at once, and knows the new theme.
    model = db.session.scalar(select(TaggerModel).where(TaggerModel.taxonomy_version_id == version.id))
    assert model is not None and model.created_by_id == facilitator.id
    assert "vaping" in {t.theme for t in themes.the_tagger().tag("my mates vape at the bus stop")}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.target_type == "taxonomy"))
    assert (event.action, event.target, event.actor) == ("saved", "version 2", facilitator.email)


def test_a_taxonomy_with_problems_is_refused_with_each_problem_and_no_version_is_written(ctx):
    _, taxonomy = themes.current_taxonomy()
    broken = taxonomy.with_theme(Theme("Bad Key", "", "", "Nowhere"))
    with pytest.raises(TaxonomyError) as refused:
        themes.save_taxonomy(broken)
    assert len(refused.value.problems) >= 3
    assert themes.current_taxonomy()[0].number == 1


def test_an_unknown_version_number_is_a_clear_error(ctx):
    with pytest.raises(themes.TaxonomyVersionNotFound):
        themes.taxonomy_version(7)


# Tagging as answers arrive


def test_a_free_text_answer_is_tagged_with_a_reason_and_a_sentiment_as_soon_as_it_is_saved(code):
    answer_id = answer(code, KNIVES, send=False)  # not even sent yet: saved is enough
    found = tags(answer_id)
    assert "knife-crime" in found
    tag = found["knife-crime"]
    assert 0 < tag.confidence <= 1 and tag.reason
    assert tag.source == BY_TAGGER and tag.tagger_model_id is not None
    row = analysis(answer_id)
    assert row.sentiment and row.sentiment_score is not None
    assert row.taxonomy_version_id == themes.current_taxonomy()[0].id


@pytest.mark.parametrize("words", ["Dużo osób nosi noże w szkole i się boję", "لا أحد يحمل سكين في المدرسة"])
def test_an_answer_in_another_language_gets_its_theme_but_no_guessed_sentiment(code, words):
    answer_id = answer(code, words)
    assert "knife-crime" in tags(answer_id)
    row = analysis(answer_id)
    # The sentiment model reads English: "Not known" on the board, not a wrong "neutral".
    assert row is not None and row.sentiment is None and row.sentiment_score is None


def test_only_answers_in_a_young_persons_own_words_are_analysed(code):
    answer(code, KNIVES)
    choice = db.session.scalar(select(Answer.id).where(Answer.question_id == "safe"))
    assert analysis(choice) is None
    assert db.session.scalar(select(func.count()).select_from(AnswerAnalysis)) == 1


def test_an_answer_that_fits_no_theme_is_left_untagged_rather_than_forced_into_one(code):
    answer_id = answer(code, UNRELATED)
    assert analysis(answer_id) is not None
    assert tags(answer_id) == {}


def test_new_words_replace_the_taggers_tags_and_never_a_persons(code, facilitator):
    token = responding.start_response(code, WEB)
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    responding.answer_screen(code, token, "change", "next", [KNIVES])
    answer_id = words_of(token)
    db.session.add(AnswerTag(answer_id=answer_id, theme_key="bullying-online-safety", confidence=1.0,
                             source=BY_PERSON, taxonomy_version_id=themes.current_taxonomy()[0].id))
    db.session.commit()

    responding.answer_screen(code, token, "change", "next", [UNRELATED])
    assert tags(answer_id) == {}
    assert set(tags(answer_id, BY_PERSON)) == {"bullying-online-safety"}


def test_words_taken_back_with_prefer_not_to_say_keep_no_themes(code):
    token = responding.start_response(code, WEB)
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    responding.answer_screen(code, token, "change", "next", [KNIVES])
    answer_id = words_of(token)
    assert tags(answer_id)
    responding.answer_screen(code, token, "change", "skip", [])
    assert db.session.get(Answer, answer_id, populate_existing=True).value == PREFER_NOT_TO_SAY
    assert tags(answer_id) == {} and analysis(answer_id) is None


def test_a_possible_disclosure_is_never_tagged(code):
    answer_id = answer(code, "my stepdad hits me when mum is out and i carry a knife now")
    assert db.session.get(Answer, answer_id).flagged
    assert analysis(answer_id) is None and tags(answer_id) == {}


def test_a_tagging_failure_is_logged_without_the_words_and_the_answer_is_kept(code, monkeypatch, caplog):
    def broken(self, texts):
        raise RuntimeError(f"the tagger broke on {texts}")

    monkeypatch.setattr(Tagger, "tag_many", broken)
    with caplog.at_level(logging.WARNING):
        answer_id = answer(code, "ring me on 07700 900123 about the knives")
    assert db.session.get(Answer, answer_id).value.startswith("ring me")
    assert analysis(answer_id) is None
    assert "Could not tag" in caplog.text and "RuntimeError" in caplog.text
    assert "07700" not in caplog.text and "knives" not in caplog.text
    # The answers that missed out are tagged on the next re-tag.
    monkeypatch.undo()
    assert theme_tagging.retag() == 1
    assert "knife-crime" in tags(answer_id)


def test_the_tagger_is_read_from_the_database_once_per_process_and_model(code, monkeypatch):
    answer(code, KNIVES)
    themes._LOADED.clear()  # as a new process would start
    loads_ = []
    real = Tagger.from_bytes.__func__
    monkeypatch.setattr(Tagger, "from_bytes", classmethod(lambda cls, data: loads_.append(1) or real(cls, data)))
    for words in ("knives", "buses are rubbish", "more youth clubs"):
        answer(code, words)
    assert len(loads_) == 1


def test_a_chat_answer_is_tagged_once_its_update_has_committed(code):
    chat.begin(Incoming(4242, 1), code)
    chat.typed(Incoming(4242, 2), "yes")
    chat.typed(Incoming(4242, 3), KNIVES)
    answer_id = db.session.scalar(
        select(Answer.id).join(Response).where(Response.channel == CHAT, Answer.question_id == "change")
    )
    assert "knife-crime" in tags(answer_id)


def test_an_update_that_rolls_back_takes_its_tags_back_with_its_words(code):
    token = responding.start_response(code, WEB)
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    responding.answer_screen(code, token, "change", "next", [KNIVES])
    with pytest.raises(RuntimeError), writing():
        responding.answer_screen(code, token, "change", "next", [UNRELATED])
        assert tags(words_of(token)) == {}  # tagged in the unit of work, with the new words
        raise RuntimeError("the rest of the update failed")
    # The words that stayed keep their tags.
    assert db.session.get(Answer, words_of(token), populate_existing=True).value == KNIVES
    assert "knife-crime" in tags(words_of(token))


def test_words_the_tagger_missed_as_they_were_saved_are_tagged_when_the_response_is_sent(code, monkeypatch):
    token = responding.start_response(code, WEB)
    responding.answer_screen(code, token, "safe", "next", ["yes"])
    monkeypatch.setattr(Tagger, "tag_many", lambda self, texts: 1 / 0)
    responding.answer_screen(code, token, "change", "next", [KNIVES])
    assert analysis(words_of(token)) is None
    monkeypatch.undo()
    responding.submit_response(code, token)
    assert "knife-crime" in tags(words_of(token))
    assert analysis(words_of(token)).sentiment


# Re-tagging and retraining


def test_retag_tags_every_free_text_answer_again_and_reports_progress(code):
    ids = [answer(code, words) for words in (KNIVES, UNRELATED, "the buses stop at 6 so we cant get home")]
    db.session.execute(AnswerTag.__table__.delete())
    db.session.execute(AnswerAnalysis.__table__.delete())
    db.session.commit()
    seen = []
    assert theme_tagging.retag(progress=lambda done, total: seen.append((done, total)), batch=2) == 3
    assert seen == [(0, 3), (2, 3), (3, 3)]
    assert all(analysis(i) is not None for i in ids)
    assert "knife-crime" in tags(ids[0])


def test_a_retrained_tagger_learns_a_new_wording_from_peoples_corrections(code, facilitator):
    wording = [
        "the glimmers by the canal keep making us hand over our phones",
        "glimmers took my mates trainers last week",
        "scared of the glimmers on the way home",
        "the glimmers always hang about the shops and rob younger kids",
        "glimmers made my brother give them money",
        "nobody stops the glimmers",
    ]
    new_answer = "the glimmers were out again by the shops"
    assert "risk-outside-home" not in {t.theme for t in themes.the_tagger().tag(new_answer)}
    for words in wording:
        theme_review.record_review(answer(code, words), ["risk-outside-home"], by=facilitator)

    model = themes.retrain(by=facilitator)
    assert model.trained_on == len(examples_for(default_taxonomy())) + len(wording)
    found = {t.theme for t in themes.the_tagger().tag(new_answer)}
    assert "risk-outside-home" in found


def test_themes_taken_out_of_the_taxonomy_are_not_learnt_from_reviews(code, facilitator):
    answer_id = answer(code, KNIVES)
    theme_review.record_review(answer_id, ["knife-crime", "community-transport"], by=facilitator)
    _, taxonomy = themes.current_taxonomy()
    themes.save_taxonomy(taxonomy.without_theme("community-transport"))
    examples = themes.reviewed_examples(themes.current_taxonomy()[1])
    assert [keys for _, keys in examples] == [["knife-crime"]]


def test_retraining_without_a_job_queue_happens_at_once(app, code):
    app.config["REDIS_URL"] = None
    before = db.session.scalar(select(func.count()).select_from(TaggerModel))
    assert themes.request_retrain() == "done"
    assert db.session.scalar(select(func.count()).select_from(TaggerModel)) == before + 1


def test_an_answer_sent_from_the_web_is_tagged_by_the_time_the_page_comes_back(app, respondent):
    with app.app_context():
        code = create_consultation(loads(SURVEY), status=OPEN).join_code
    browser = respondent(code)
    browser.start()
    browser.answer("yes")
    browser.answer(KNIVES)
    page = browser.send()
    assert page.status_code == 200
    with app.app_context():
        [answer_id] = db.session.scalars(select(Answer.id).where(Answer.question_id == "change"))
        tag = tags(answer_id)["knife-crime"]
        assert tag.reason and tag.confidence > 0
        assert analysis(answer_id).sentiment
