"""A survey's words go to a translator as a PO file and come back merged, never silently wrong."""
from io import BytesIO

import pytest
from babel.messages.pofile import read_po

from surveys import textformat
from surveys.translation import (
    TranslationFileError,
    completeness,
    export_po,
    import_po,
    mismatch,
    units,
)
from tests.translating import translate as translated

FEEL = """
id: feelings
kind: service_feedback
title: How was it?
intro: Tell us how it went. If you need help now, call Childline on 0800 1111.
thank_you: Thank you for telling us.
questions:
  - id: age
    type: age_band
    text: How old are you?
    choices:
      - {value: "11-13", label: 11–13}
      - {value: "14-15", label: 14–15}
  - id: feel
    type: single_choice
    text: Did you feel listened to?
    hint: Pick one.
    choices:
      - {value: "yes", label: "Yes, always"}
      - {value: "no", label: "No, never"}
  - id: happy
    type: faces_scale
    points: 3
    text: How happy are you?
  - id: workshops
    type: workshop_choice
    text: Pick 1 workshop.
    pick: 1
    choices:
      - {value: first_aid, label: First aid, capacity: 10}
"""


@pytest.fixture
def survey():
    return textformat.loads(FEEL)


def test_every_word_a_young_person_reads_is_a_unit_with_a_stable_key(survey):
    assert [u.key for u in units(survey)] == [
        "survey:title",
        "survey:intro",
        "question:age:text",
        "question:feel:text",
        "question:feel:hint",
        "question:feel:choice:yes",
        "question:feel:choice:no",
        "question:happy:text",
        "question:workshops:text",
        "question:workshops:choice:first_aid",
        "survey:thank_you",
    ]
    # "11–13" needs no translating; the faces' own labels come from the app's catalogue


def test_a_template_po_carries_key_english_and_an_empty_translation(survey):
    catalog = read_po(BytesIO(export_po(survey)))
    message = catalog.get("Did you feel listened to?", context="question:feel:text")
    assert message.string == "" and catalog.locale is None


def test_export_then_translate_then_import_gives_a_welsh_survey(survey):
    po = translated(
        export_po(survey, "cy"),
        survey__title="Sut oedd e?",
        question__feel__text="Oeddet ti'n teimlo bod rhywun yn gwrando?",
        question__feel__choice__yes="Oeddwn, bob amser",
    )
    result = import_po(survey, po)
    assert result.language == "cy"
    assert result.applied == ("survey:title", "question:feel:text", "question:feel:choice:yes")
    assert (result.stale, result.unknown, result.rejected) == ((), (), ())
    assert result.skipped == 8  # left empty
    welsh = result.survey
    assert welsh.title_in("cy") == "Sut oedd e?"
    assert welsh.question("feel").choice("yes").label_in("cy") == "Oeddwn, bob amser"
    assert welsh.question("feel").choice("no").label_in("cy") == "No, never"  # falls back
    assert welsh.languages == ("en", "cy")
    assert survey.languages == ("en",)  # the original is untouched
    assert textformat.loads(textformat.dumps(welsh)) == welsh


def test_a_second_export_carries_what_is_translated_so_far(survey):
    welsh = import_po(survey, translated(export_po(survey, "cy"), survey__title="Sut oedd e?")).survey
    catalog = read_po(BytesIO(export_po(welsh, "cy")))
    assert catalog.get("How was it?", context="survey:title").string == "Sut oedd e?"
    again = import_po(welsh, export_po(welsh, "cy"))
    assert again.applied == () and again.unchanged == ("survey:title",)


def test_fuzzy_and_empty_entries_are_ignored(survey):
    po = translated(
        export_po(survey, "pl"), fuzzy=frozenset({"survey__title"}),
        survey__title="Jak było?", question__happy__text="   ",
    )
    result = import_po(survey, po)
    assert result.applied == () and result.skipped == len(units(survey))
    assert result.survey == survey


def test_an_entry_whose_english_changed_since_export_is_reported_stale_not_applied(survey):
    po = translated(export_po(survey, "cy"), question__feel__text="Oeddet ti'n teimlo bod rhywun yn gwrando?")
    reworded = textformat.loads(FEEL.replace("Did you feel listened to?", "Did adults listen to you?"))
    result = import_po(reworded, po)
    assert result.stale == ("question:feel:text",) and result.applied == ()
    assert "cy" not in reworded.question("feel").text and result.survey.languages == ("en",)


def test_an_entry_for_a_question_or_choice_that_is_gone_is_reported_unknown(survey):
    po = translated(export_po(survey, "cy"), question__feel__choice__no="Naddo, byth", question__happy__text="Pa mor hapus wyt ti?")
    fewer = textformat.loads(FEEL.replace('      - {value: "no", label: "No, never"}\n', ""))
    result = import_po(fewer, po)
    assert result.unknown == ("question:feel:choice:no",)
    assert result.applied == ("question:happy:text",)


def test_a_translation_must_keep_placeholders_markup_and_phone_numbers():
    assert mismatch("Hi %(name)s", "Helo %(name)s") is None
    assert "missing %(name)s" in mismatch("Hi %(name)s", "Helo")
    assert "extra <b>" in mismatch("Hi", "<b>Helo")
    assert mismatch("Call {number}", "Ffonia {number}") is None
    assert "0800" in mismatch("Call Childline on 0800 1111.", "Ffonia Childline.")
    assert mismatch("Call 0800 1111.", "اتصل على ٠٨٠٠ ١١١١") is None  # Arabic-Indic digits are the same number


def test_a_translation_that_drops_the_childline_number_is_rejected(survey):
    po = translated(export_po(survey, "ar"), survey__intro="أخبرنا كيف سارت الأمور.")
    result = import_po(survey, po)
    assert result.rejected == (("survey:intro", "numbers missing: 0800 1111"),)
    assert "ar" not in result.survey.intro


def test_completeness_lists_the_units_lacking_a_language(survey):
    assert completeness(survey, "cy").translated == 0
    welsh = import_po(survey, translated(export_po(survey, "cy"), survey__title="Sut oedd e?")).survey
    done = completeness(welsh, "cy")
    assert (done.translated, done.total) == (1, 11) and not done.complete
    assert "survey:title" not in done.missing and "question:feel:choice:no" in done.missing
    everything = {u.key.replace(":", "__"): f"cy {u.english}" for u in units(survey)}
    full = import_po(survey, translated(export_po(survey, "cy"), **everything))
    assert full.rejected == ()
    assert completeness(full.survey, "cy").complete


@pytest.mark.parametrize(
    "data, why",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a readable PO file"),
        (b'msgid "no end\n', "not a readable PO file"),
        (b'msgid ""\nmsgstr ""\n"Language: cy\\n"\n', "no translations"),
    ],
)
def test_a_file_that_is_not_a_po_is_refused_saying_why(survey, data, why):
    with pytest.raises(TranslationFileError, match=why):
        import_po(survey, data)


def test_the_language_comes_from_the_file_and_must_agree_when_given(survey):
    with pytest.raises(TranslationFileError, match="does not say its language"):
        import_po(survey, export_po(survey))
    assert import_po(survey, export_po(survey), "ro").language == "ro"
    with pytest.raises(TranslationFileError, match="in 'cy', not 'pl'"):
        import_po(survey, export_po(survey, "cy"), "pl")
    with pytest.raises(TranslationFileError, match="English"):
        export_po(survey, "en")
    with pytest.raises(TranslationFileError, match="unknown language"):
        export_po(survey, "xx-nonsense")
