"""Callback data and message sizes stay inside Telegram's limits; old keyboards are recognisable."""
from __future__ import annotations

import pytest

from bots.telegram.keyboards import ContactChoice, Press, contact_keyboard, decode, encode, question_keyboard
from bots.telegram.texts import LIMIT, Words, fit
from engage.services.chat_view import ANSWERING, ChatView
from surveys import Choice, Question
from surveys.runner import Screen


def view_of(question: Question, **extra) -> ChatView:
    screen = Screen(question=question, number=2, total=5, can_go_back=True)
    return ChatView(stage=ANSWERING, screen=screen, screen_tag="a1b2c3d4", **extra)


def test_callback_data_round_trips_and_fits_in_64_bytes():
    data = encode("a1b2c3d4", "t", 199)
    assert decode(data) == Press("a1b2c3d4", "t", 199)
    assert len(data.encode()) <= 64


@pytest.mark.parametrize("data", [None, "", "garbage", "2:a1b2c3d4:c:1", "1:a1b2c3d4:c:x", "1:a:b"])
def test_callback_data_from_elsewhere_or_another_version_is_not_a_press(data):
    assert decode(data) is None


def test_choices_with_long_values_still_give_short_callback_data():
    long = "a-choice-value-that-is-much-longer-than-telegram-allows-in-callback-data"
    question = Question(id="q" * 64, type="multiple_choice", text={"en": "Pick"},
                        choices=tuple(Choice(f"{long}{i}", {"en": f"Choice {i}"}) for i in range(40)))
    keyboard = question_keyboard(view_of(question, picked=(f"{long}3",)), Words())
    datas = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    assert max(len(d.encode()) for d in datas) <= 64
    assert "✅ Choice 3" in [b.text for row in keyboard.inline_keyboard for b in row]


def test_a_full_workshop_is_marked_full():
    question = Question(id="w", type="workshop_choice", text={"en": "Pick"}, pick=1,
                        choices=(Choice("a", {"en": "Art"}, capacity=1), Choice("b", {"en": "Bikes"})))
    keyboard = question_keyboard(view_of(question, places_taken={"a": 1}), Words())
    assert [row[0].text for row in keyboard.inline_keyboard][:2] == ["Art (full)", "Bikes"]


def test_long_text_is_split_to_fit_one_message_each():
    parts = fit(("word " * 300 + "\n\n") * 10)
    assert len(parts) > 1 and all(0 < len(p) <= LIMIT for p in parts)


def test_a_language_without_a_catalogue_falls_back_to_english():
    assert Words("de")("Back") == "Back"  # no German catalogue ships
    assert Words("cy").survey({"en": "Hello", "cy": "Helo"}) == "Helo"


def test_the_contact_offers_buttons_decode_and_anything_else_like_them_is_not_ours():
    rows = contact_keyboard("a1b2c3d4", Words()).inline_keyboard
    assert [decode(b.callback_data) for row in rows for b in row] == [
        ContactChoice("a1b2c3d4", True), ContactChoice("a1b2c3d4", False)]
    assert decode("K:a1b2c3d4:maybe") is None and decode("K:a1b2c3d4") is None
