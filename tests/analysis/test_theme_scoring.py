"""Agreement between people's coding and the tagger, as a partnership reads it."""
import pytest

from engage.analysis.themes.scoring import agreement


def test_figures_per_theme_and_overall_match_a_hand_count():
    truth = [["a"], ["a", "b"], ["b"], []]
    got = [["a"], ["a"], ["a", "b"], []]
    result = agreement(truth, got, ["a", "b"])
    # a: tp 2, fp 1, fn 0 -> p 2/3, r 1, f1 0.8 ; b: tp 1, fp 0, fn 1 -> p 1, r .5, f1 2/3
    assert result["per_theme"]["a"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "support": 2}
    assert result["per_theme"]["b"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert result["macro_f1"] == pytest.approx((0.8 + 0.6667) / 2, abs=1e-4)
    assert result["micro_f1"] == pytest.approx(0.75)  # tp 3, fp 1, fn 1
    assert result["exact_match"] == 0.5


def test_a_theme_nobody_used_counts_as_zero_so_unused_themes_cannot_flatter():
    result = agreement([["a"]], [["a"]], ["a", "never"])
    assert result["macro_f1"] == 0.5


def test_themes_outside_the_list_are_ignored():
    assert agreement([["a", "x"]], [["a", "y"]], ["a"])["macro_f1"] == 1.0


def test_lists_of_different_lengths_are_refused():
    with pytest.raises(ValueError):
        agreement([["a"]], [], ["a"])
