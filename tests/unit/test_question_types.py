"""Each question type turns what a young person sent into the answer to store."""
import math

import pytest

from surveys.errors import AnswerError, SurveyDefinitionError, UnknownQuestionType
from surveys.model import Choice, Question
from surveys.question_types import (
    DEFAULT_MAX_LENGTH,
    QUESTION_TYPES,
    AnswerContext,
    get_question_type,
)
from surveys.textformat import from_dict

NO_CONTEXT = AnswerContext()


def choices(*values: str, capacity: int | None = None) -> tuple[Choice, ...]:
    return tuple(
        Choice(value=v, label={"en": v.replace("_", " ").capitalize()}, capacity=capacity)
        for v in values
    )


def make_question(type: str, **fields) -> Question:
    return Question(id="q", type=type, text={"en": "A question?"}, **fields)


def parse(question: Question, *raw: str, context: AnswerContext = NO_CONTEXT):
    return question.kind.parse(question, list(raw), context)


def refusal(question: Question, *raw: str, context: AnswerContext = NO_CONTEXT) -> str:
    with pytest.raises(AnswerError) as caught:
        parse(question, *raw, context=context)
    return str(caught.value)


COLOURS = make_question("single_choice", choices=choices("red", "green", "blue"))
HOBBIES = make_question(
    "multiple_choice", choices=choices("sport", "music", "gaming", "art"), max_choices=2
)
BALLOT = make_question(
    "ranked_ballot", choices=choices("knife_crime", "mental_health", "transport", "school"), pick=3
)
FIVE_FACES = make_question("faces_scale", points=5)
THREE_FACES = make_question("faces_scale", points=3)
ZERO_TO_TEN = make_question("scale_0_10")
YES_NO = make_question("yes_no")
AGE_BAND = make_question("age_band")
NUMBER = make_question("number")
AGE_8_TO_25 = make_question("number", minimum=8, maximum=25)
INFO = make_question("info")
NOT_SHOWN = "choose from the answers shown"


# --- the registry ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(QUESTION_TYPES))
def test_every_registered_type_is_found_by_its_own_name(name):
    assert get_question_type(name).name == name


def test_an_unknown_type_name_raises_unknown_question_type_listing_the_known_ones():
    with pytest.raises(UnknownQuestionType, match="'slider'.*single_choice"):
        get_question_type("slider")


def test_unknown_question_type_is_a_definition_error():
    assert issubclass(UnknownQuestionType, SurveyDefinitionError)


# --- valid answers become the canonical stored value ----------------------------------------


@pytest.mark.parametrize(
    ("question", "raw", "stored"),
    [
        pytest.param(COLOURS, ["green"], "green", id="single choice is a string"),
        pytest.param(COLOURS, ["  green "], "green", id="single choice is trimmed"),
        pytest.param(COLOURS, ["green", "green"], "green", id="single choice sent twice"),
        pytest.param(HOBBIES, ["music", "sport"], ["music", "sport"], id="multiple keeps order"),
        pytest.param(HOBBIES, ["music", "music"], ["music"], id="multiple choice drops repeats"),
        pytest.param(FIVE_FACES, ["4"], 4, id="five faces is an int"),
        pytest.param(THREE_FACES, ["1"], 1, id="three faces is an int"),
        pytest.param(ZERO_TO_TEN, ["0"], 0, id="zero to ten at zero"),
        pytest.param(ZERO_TO_TEN, ["10"], 10, id="zero to ten at ten"),
        pytest.param(YES_NO, ["yes"], "yes", id="yes"),
        pytest.param(YES_NO, ["no"], "no", id="no"),
        pytest.param(YES_NO, ["not_sure"], "not_sure", id="not sure"),
        pytest.param(AGE_BAND, ["14-15"], "14-15", id="age band is a string"),
        pytest.param(
            make_question("age_band", choices=choices("primary", "secondary")),
            ["secondary"],
            "secondary",
            id="age band with its own bands",
        ),
        pytest.param(NUMBER, ["12"], 12, id="whole number is an int"),
        pytest.param(NUMBER, ["12.0"], 12, id="whole decimal is an int"),
        pytest.param(NUMBER, ["2.5"], 2.5, id="decimal is a float"),
        pytest.param(NUMBER, [" -3 "], -3, id="negative number, trimmed"),
        pytest.param(NUMBER, ["1,5"], 1.5, id="decimal comma"),
        pytest.param(NUMBER, ["1 000"], 1000, id="digits grouped by spaces"),
        pytest.param(
            BALLOT, ["transport", "knife_crime"], ["transport", "knife_crime"], id="ballot rank"
        ),
        pytest.param(INFO, [], None, id="info stores nothing"),
        pytest.param(INFO, ["anything"], None, id="info ignores what is sent"),
    ],
)
def test_a_valid_answer_becomes_the_canonical_stored_value(question, raw, stored):
    value = parse(question, *raw)
    assert value == stored
    assert type(value) is type(stored)


# What each type needs in its definition, beyond id, type and text.
MINIMAL_FIELDS = {
    "single_choice": {"choices": choices("a", "b")},
    "multiple_choice": {"choices": choices("a", "b")},
    "faces_scale": {"points": 5},
    "ranked_ballot": {"choices": choices("a", "b"), "pick": 2},
    "workshop_choice": {"choices": choices("a", "b"), "pick": 1},
}


@pytest.mark.parametrize("type_name", sorted(QUESTION_TYPES))
@pytest.mark.parametrize("raw", [[], [""], ["   "]], ids=["nothing", "empty", "spaces"])
def test_sending_nothing_gives_no_answer_for_every_type(type_name, raw):
    question = make_question(type_name, **MINIMAL_FIELDS.get(type_name, {}))
    assert parse(question, *raw) is None


def test_a_relabelled_faces_scale_still_stores_an_int():
    question = make_question(
        "faces_scale", points=3,
        choices=(
            Choice("1", {"en": "Sad"}), Choice("2", {"en": "Meh"}), Choice("3", {"en": "Happy"})
        ),
    )
    assert parse(question, "3") == 3


def test_a_number_within_its_bounds_is_accepted_at_both_ends():
    question = AGE_8_TO_25
    assert (parse(question, "8"), parse(question, "25")) == (8, 25)


# --- free text is cleaned ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  I feel safe at school  ", "I feel safe at school"),
        ("line one\r\nline two", "line one\nline two"),
        ("old mac\rline", "old mac\nline"),
        ("nul\x00 byte", "nul byte"),
        ("bell\x07 and escape\x1b[31m red", "bell and escape[31m red"),
        ("delete\x7f me", "delete me"),
        ("tabs\tstay", "tabs\tstay"),
        ("cafe\u0301", "caf\u00e9"),  # combining accent becomes one character (NFC)
        ("\n\n  \t", None),
    ],
)
def test_free_text_is_cleaned_before_it_is_stored(raw, cleaned):
    assert parse(make_question("free_text"), raw) == cleaned


@pytest.mark.parametrize("control", ["\x85", "\x9b"], ids=["NEL", "CSI"])
def test_free_text_loses_c1_control_characters_too(control):
    # clean_text promises "no control characters"; C1 controls (U+0080–U+009F, Unicode
    # category Cc) include CSI, the one-character form of the ESC [ removed above.
    assert parse(make_question("free_text"), f"a{control}[31mb") == "a[31mb"


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("right\u202eto\u202cleft", "righttoleft"),
        ("isolate\u2067d\u2069 and embedded\u202b \u202c", "isolated and embedded"),
        ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
        ("\u200b\ufeff\u202e", None),
        ("family \U0001f469\u200d\U0001f467 and \u0645\u06cc\u200c\u062e\u0648\u0627\u0645",
         "family \U0001f469\u200d\U0001f467 and \u0645\u06cc\u200c\u062e\u0648\u0627\u0645"),
        ("Arabic \u200fمرحبا\u200e English", "Arabic \u200fمرحبا\u200e English"),
    ],
    ids=["override", "isolates and embeddings", "zero width", "nothing but invisible", "joiners stay",
         "direction marks stay"],
)
def test_free_text_loses_invisible_characters_that_reorder_or_hide_words(raw, cleaned):
    # A quote must read the same wherever it is shown, and a word split by an
    # invisible space must still be found; joiners and marks change no order.
    assert parse(make_question("free_text"), raw) == cleaned


@pytest.mark.parametrize("raw", ["\ud800", "half \udfff pair"])
def test_free_text_turns_a_lone_surrogate_into_a_replacement_character(raw):
    assert parse(make_question("free_text"), raw) == raw.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")


def test_free_text_sent_in_pieces_is_joined_by_newlines():
    assert parse(make_question("free_text"), "first", "", "second") == "first\nsecond"


def test_free_text_up_to_its_limit_is_accepted():
    assert parse(make_question("free_text", max_length=5), "abcde") == "abcde"


def test_free_text_is_measured_after_cleaning():
    assert parse(make_question("free_text", max_length=5), "  abcde\x00\x00  ") == "abcde"


def test_too_long_text_is_refused_giving_the_limit_and_the_count():
    message = refusal(make_question("free_text", max_length=10), "x" * 14)
    assert "10" in message and "14" in message


def test_free_text_without_a_limit_uses_the_default_limit():
    question = make_question("free_text")
    assert parse(question, "x" * DEFAULT_MAX_LENGTH) == "x" * DEFAULT_MAX_LENGTH
    assert str(DEFAULT_MAX_LENGTH + 1) in refusal(question, "x" * (DEFAULT_MAX_LENGTH + 1))


def test_an_answer_error_keeps_its_message_and_params_apart_for_translation():
    with pytest.raises(AnswerError) as caught:
        parse(make_question("free_text", max_length=3), "four")
    error = caught.value
    assert "%(max)s" in error.message and "%(count)s" in error.message
    assert error.params == {"max": 3, "count": 4}


# --- invalid answers are refused with a clear message ---------------------------------------


@pytest.mark.parametrize(
    ("question", "raw", "says"),
    [
        pytest.param(COLOURS, ["purple"], NOT_SHOWN, id="unknown single choice"),
        pytest.param(COLOURS, ["red", "blue"], "just one", id="two single choices"),
        pytest.param(HOBBIES, ["sport", "cooking"], NOT_SHOWN, id="unknown multiple"),
        pytest.param(HOBBIES, ["sport", "music", "art"], "up to 2 answers", id="too many choices"),
        pytest.param(THREE_FACES, ["5"], NOT_SHOWN, id="face beyond 3"),
        pytest.param(ZERO_TO_TEN, ["11"], NOT_SHOWN, id="eleven of ten"),
        pytest.param(ZERO_TO_TEN, ["5.5"], NOT_SHOWN, id="half a point"),
        pytest.param(YES_NO, ["maybe"], NOT_SHOWN, id="maybe"),
        pytest.param(YES_NO, ["yes", "no"], "just one", id="yes and no"),
        pytest.param(AGE_BAND, ["15"], NOT_SHOWN, id="an age not a band"),
        pytest.param(NUMBER, ["twelve"], "like 12", id="a word for a number"),
        pytest.param(NUMBER, ["NaN"], "like 12", id="not a number"),
        pytest.param(NUMBER, ["inf"], "like 12", id="infinity"),
        pytest.param(NUMBER, ["-Infinity"], "like 12", id="minus infinity"),
        pytest.param(NUMBER, ["1e400"], "like 12", id="overflows to infinity"),
        pytest.param(AGE_8_TO_25, ["7"], "from 8 to 25", id="below"),
        pytest.param(AGE_8_TO_25, ["25.5"], "from 8 to 25", id="above"),
        pytest.param(
            make_question("number", minimum=0), ["-1"], "from 0 to …", id="below a lone minimum"
        ),
        pytest.param(
            make_question("number", maximum=2.5), ["3"], "from … to 2.5", id="above a lone maximum"
        ),
        pytest.param(BALLOT, ["school", "brexit"], NOT_SHOWN, id="unknown ballot choice"),
        pytest.param(
            BALLOT, ["school", "transport", "school"], "“School” more than once", id="ballot repeat"
        ),
        pytest.param(
            BALLOT, ["school", "transport", "knife_crime", "mental_health"], "up to 3", id="four"
        ),
    ],
)
def test_an_invalid_answer_is_refused_with_a_clear_message(question, raw, says):
    assert says in refusal(question, *raw)


# --- workshops have places ------------------------------------------------------------------

WORKSHOPS = make_question(
    "workshop_choice",
    pick=2,
    choices=(
        Choice("first_aid", {"en": "First aid"}, capacity=20),
        Choice("grooming", {"en": "Grooming and exploitation"}, capacity=2),
        Choice("wellbeing", {"en": "Emotional health"}),  # no limit
    ),
)


def test_workshops_with_places_left_are_stored_in_the_order_picked():
    taken = AnswerContext(places_taken={"first_aid": 19, "grooming": 1})
    assert parse(WORKSHOPS, "grooming", "first_aid", context=taken) == ["grooming", "first_aid"]


def test_a_full_workshop_is_refused_by_name():
    full = AnswerContext(places_taken={"grooming": 2})
    message = refusal(WORKSHOPS, "grooming", "wellbeing", context=full)
    assert "“Grooming and exploitation” is full" in message


def test_a_workshop_without_a_capacity_is_never_full():
    crowded = AnswerContext(places_taken={"wellbeing": 10_000})
    assert parse(WORKSHOPS, "wellbeing", "first_aid", context=crowded) == ["wellbeing", "first_aid"]


def test_picking_fewer_workshops_than_asked_is_refused():
    assert "pick 2 workshops" in refusal(WORKSHOPS, "first_aid")


def test_when_only_one_workshop_has_room_picking_that_one_is_enough():
    nearly_full = AnswerContext(places_taken={"first_aid": 20, "grooming": 2})
    question = make_question(
        "workshop_choice", pick=2,
        choices=(
            Choice("first_aid", {"en": "First aid"}, capacity=20),
            Choice("grooming", {"en": "Grooming"}, capacity=2),
            Choice("art", {"en": "Art"}, capacity=5),
        ),
    )
    assert parse(question, "art", context=nearly_full) == ["art"]


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (["first_aid", "first_aid"], "more than once"),
        (["first_aid", "grooming", "wellbeing"], "up to 2"),
        (["juggling", "first_aid"], NOT_SHOWN),
    ],
)
def test_workshop_choice_keeps_the_ballot_rules(raw, says):
    assert says in refusal(WORKSHOPS, *raw)


def test_open_workshops_leave_out_the_full_ones():
    kind = get_question_type("workshop_choice")
    full = AnswerContext(places_taken={"grooming": 2})
    assert [c.value for c in kind.open_choices(WORKSHOPS, full)] == ["first_aid", "wellbeing"]


# --- offered choices ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "values"),
    [
        (THREE_FACES, ["1", "2", "3"]),
        (FIVE_FACES, ["1", "2", "3", "4", "5"]),
        (ZERO_TO_TEN, [str(i) for i in range(11)]),
        (YES_NO, ["yes", "no", "not_sure"]),
        (AGE_BAND, ["under-11", "11-13", "14-15", "16-17", "18-21", "22-25"]),
        (COLOURS, ["red", "green", "blue"]),
    ],
)
def test_each_type_offers_its_choices_in_order(question, values):
    assert [c.value for c in question.kind.choices(question)] == values


# --- definitions that cannot work are refused at load ---------------------------------------


def load_one(**question) -> Question:
    survey = from_dict({"questions": [{"id": "q", "text": "A question?", **question}]})
    return survey.questions[0]


TWO = ["A", "B"]


@pytest.mark.parametrize(
    ("definition", "says"),
    [
        pytest.param({"type": "single_choice"}, "needs choices", id="single without choices"),
        pytest.param({"type": "multiple_choice"}, "needs choices", id="multiple without choices"),
        pytest.param(
            {"type": "multiple_choice", "choices": TWO, "max_choices": 0},
            "max_choices must be at least 1",
            id="max choices of nought",
        ),
        pytest.param({"type": "ranked_ballot", "choices": TWO}, "needs pick", id="without pick"),
        pytest.param(
            {"type": "ranked_ballot", "choices": TWO, "pick": 0}, "needs pick", id="picking none"
        ),
        pytest.param(
            {"type": "ranked_ballot", "choices": TWO, "pick": 3},
            "more than the number of choices",
            id="ballot picking more than there are",
        ),
        pytest.param({"type": "ranked_ballot", "pick": 1}, "needs choices", id="ballot of nothing"),
        pytest.param(
            {"type": "workshop_choice", "pick": 1, "choices": [{"value": "a", "capacity": -1}]},
            "capacity cannot be negative",
            id="negative capacity",
        ),
        pytest.param(
            {"type": "workshop_choice", "pick": 1, "choices": [{"value": "a", "capacity": "ten"}]},
            "capacity of 'a' must be a whole number",
            id="capacity in words",
        ),
        pytest.param({"type": "faces_scale"}, "3 or 5 points", id="faces without points"),
        pytest.param({"type": "faces_scale", "points": 4}, "3 or 5 points", id="four faces"),
        pytest.param(
            {"type": "faces_scale", "points": 3, "choices": ["Sad", "Happy"]},
            "must use the values",
            id="faces relabelled with other values",
        ),
        pytest.param(
            {"type": "yes_no", "choices": [{"value": "yes"}, {"value": "no"}]},
            "must use the values",
            id="yes no without not sure",
        ),
        pytest.param({"type": "free_text", "max_length": 0}, "at least 1", id="no room"),
        pytest.param({"type": "free_text", "max_length": 1.5}, "whole number", id="half a letter"),
        pytest.param(
            {"type": "number", "minimum": 10, "maximum": 5}, "is above maximum", id="upside down"
        ),
        pytest.param({"type": "number", "minimum": "ten"}, "minimum must be", id="bound in words"),
        pytest.param({"type": "number", "maximum": True}, "maximum must be", id="bound a flag"),
        # A bound that is not a number would let every answer through.
        pytest.param({"type": "number", "minimum": math.nan}, "minimum", id="bound not a number"),
    ],
)
def test_a_definition_that_cannot_work_is_refused_at_load(definition, says):
    with pytest.raises(SurveyDefinitionError, match="question 1 \\('q'\\)") as caught:
        load_one(**definition)
    assert says in str(caught.value)


def test_an_age_band_may_use_its_own_bands():
    question = load_one(type="age_band", choices=["Primary", "Secondary", "College"])
    assert [c.value for c in question.kind.choices(question)] == ["primary", "secondary", "college"]


def test_a_yes_no_question_may_relabel_its_fixed_answers():
    question = load_one(
        type="yes_no",
        choices=[
            {"value": "yes", "label": "Yeah"},
            {"value": "no", "label": "Nope"},
            {"value": "not_sure", "label": "Dunno"},
        ],
    )
    assert question.choice("no").label_in() == "Nope"
    assert parse(question, "not_sure") == "not_sure"


@pytest.mark.parametrize(
    "typed, stored",
    [("1,000", 1000), ("1,000,000", 1000000), ("2,500.5", 2500.5), ("7,5", 7.5), ("1,25", 1.25)],
)
def test_a_comma_in_a_number_is_read_as_a_thousands_separator_or_a_decimal_comma(typed, stored):
    question = Question(id="q", type="number", text={"en": "How many?"})
    assert question.kind.parse(question, [typed], AnswerContext()) == stored
