"""Small numbers stay hidden, even from someone who does the arithmetic.

Two readers try to recover hidden counts from a published table (shown
counts, labels, total):

- one reads the labels as the rule documents them ("fewer than N" is 1..N-1,
  "hidden" is N up to below the smallest count shown) and uses the total:
  every value 1..N-1 must still fit each "fewer than N" cell;
- one knows the rule itself and re-runs it on every table they can think of,
  keeping those published exactly the same way: every hidden small count must
  keep at least two possible values (thresholds 4-6 at random; at 10, four
  choices at random with no small sum of small cells given away either, and
  three choices exhaustively, where all nine values remain). A "hidden" count
  of N or more may sometimes be pinned: it is not a small number.

A threshold of 3 is not tested: there "fewer than 3" is 1 or 2, and a reader
who knows the rule can sometimes tell which.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage.analysis.suppression import (
    Cell,
    count_cell,
    percent,
    protect,
    secondary_suppression,
    total_tells_nothing,
)

# ------------------------------------------------------------------ the attacker


def view(table) -> tuple:
    """Everything a reader of the screen sees."""
    return tuple(c.display for c in table.cells), table.total.display


def possible_totals(table, threshold: int) -> range:
    if not table.total.suppressed:
        return range(table.total.count, table.total.count + 1)
    return range(1, threshold)  # "fewer than N" people behind it


def candidates(table, threshold: int) -> Iterator[tuple[int, ...]]:
    """Every table of counts the reader cannot tell apart from this one."""
    published = view(table)
    for total in possible_totals(table, threshold):
        fixed = [c.count for c in table.cells]
        left = total - sum(c for c in fixed if c is not None)
        if left < 0:
            continue
        open_at = [i for i, c in enumerate(fixed) if c is None]
        caps = [threshold - 1 if table.cells[i].display.startswith("fewer") else left for i in open_at]
        for values in _fill(left, caps):
            counts = list(fixed)
            for i, value in zip(open_at, values):
                counts[i] = value
            if view(protect(counts, threshold)) == published:
                yield tuple(counts)


def _fill(left: int, caps: list[int]) -> Iterator[tuple[int, ...]]:
    """Non-negative values under their caps that add up to ``left``."""
    if not caps:
        if left == 0:
            yield ()
        return
    if len(caps) == 1:
        if left <= caps[0]:
            yield (left,)
        return
    for first in range(min(left, caps[0]) + 1):
        for rest in _fill(left - first, caps[1:]):
            yield (first, *rest)


def possible_values(table, threshold: int) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for counts in candidates(table, threshold):
        for i, value in enumerate(counts):
            found[i].add(value)
    return found


# With 2, "fewer than 2" could only mean 1: the smallest threshold that hides anything is 3.
thresholds = st.integers(min_value=4, max_value=6)


@st.composite
def tables(draw):
    threshold = draw(thresholds)
    counts = draw(st.lists(st.integers(0, 3 * threshold), min_size=1, max_size=4))
    return threshold, counts


# ------------------------------------------------------------------ properties


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_count_from_1_to_n_minus_1_is_ever_shown(case):
    threshold, counts = case
    table = protect(counts, threshold)
    for cell in (*table.cells, table.total):
        assert cell.suppressed or cell.count == 0 or cell.count >= threshold
        assert cell.suppressed == (cell.count is None)


@settings(max_examples=300, deadline=None)
@given(tables())
def test_a_hidden_count_cannot_be_worked_out_from_the_total_and_the_shown_counts(case):
    threshold, counts = case
    table = protect(counts, threshold)
    values = possible_values(table, threshold)
    assert tuple(counts) in set(candidates(table, threshold))
    for i, cell in enumerate(table.cells):
        if cell.suppressed and counts[i] < threshold:  # a "hidden" one may be pinned: it is N or more
            assert len(values[i]) >= 2, f"{counts}: cell {i} can only be {values[i]}"


@settings(max_examples=300, deadline=None)
@given(tables())
def test_the_total_says_nothing_more_about_a_small_count_than_fewer_than_n(case):
    """Read as the labels say (without re-running the rule): every 1..N-1 still fits."""
    threshold, counts = case
    table = protect(counts, threshold)
    if table.withheld:
        return
    still_shown = [c.count for c in table.cells if not c.suppressed and c.count]
    left = table.total.count - sum(c.count for c in table.cells if not c.suppressed)
    ceiling = min(still_shown) - 1 if still_shown else left
    open_at = [i for i, c in enumerate(table.cells) if c.suppressed]
    boxes = [
        range(1, threshold) if table.cells[i].display.startswith("fewer") else range(threshold, ceiling + 1)
        for i in open_at
    ]
    seen: dict[int, set[int]] = defaultdict(set)
    for values in product(*boxes):
        if sum(values) == left:
            for i, value in zip(open_at, values):
                seen[i].add(value)
    for i in open_at:
        if table.cells[i].display.startswith("fewer"):
            assert set(range(1, threshold)) <= seen[i], f"{counts}: cell {i} is {seen[i]}"


def test_at_a_threshold_of_10_every_small_count_in_three_choices_keeps_all_nine_values():
    """Exhaustive, for a reader who re-runs the rule on every table they can think of."""
    for counts in product(range(0, 16, 3), range(0, 16), range(1, 10, 2)):
        table = protect(counts, 10)
        values = possible_values(table, 10)
        for i, cell in enumerate(table.cells):
            if cell.suppressed and 0 < counts[i] < 10:
                assert len(values[i]) >= 9, f"{counts}: cell {i} can only be {values[i]}"


@settings(max_examples=300, deadline=None)
@given(tables())
def test_hidden_counts_are_all_below_every_shown_count_that_is_not_zero(case):
    """What lets a ballot list hidden items after the shown ones without giving their place away."""
    threshold, counts = case
    table = protect(counts, threshold)
    if table.withheld:
        return
    hidden_values = [c for c, cell in zip(counts, table.cells) if cell.suppressed]
    shown_values = [cell.count for cell in table.cells if not cell.suppressed and cell.count]
    if hidden_values and shown_values:
        assert max(hidden_values) < min(shown_values)


@st.composite
def four_choices_at_10(draw):
    count = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 25))
    return draw(st.lists(count, min_size=4, max_size=4))


@settings(max_examples=60, deadline=None)
@given(four_choices_at_10())
def test_at_a_threshold_of_10_a_reader_who_reruns_the_rule_learns_no_small_count_or_small_sum(counts):
    table = protect(counts, 10)
    found = list(candidates(table, 10))
    small = [i for i, cell in enumerate(table.cells) if cell.display == "fewer than 10"]
    for i in small:
        assert len({c[i] for c in found}) >= 2, f"{counts}: cell {i}"
    if len(small) >= 2:  # nor how many chose one of the small ones, together
        sums = {sum(c[i] for i in small) for c in found}
        assert len(sums) >= 2 or min(sums) >= 10, f"{counts}: the small cells add up to {sums}"


@st.composite
def two_questions(draw):
    """The same young people, each answering two questions."""
    threshold = draw(thresholds)
    first, second = draw(st.integers(2, 3)), draw(st.integers(2, 3))
    people = draw(
        st.lists(st.tuples(st.integers(0, first - 1), st.integers(0, second - 1)), max_size=3 * threshold)
    )
    a = [sum(1 for x, _ in people if x == k) for k in range(first)]
    b = [sum(1 for _, y in people if y == k) for k in range(second)]
    return threshold, a, b


@settings(max_examples=200, deadline=None)
@given(two_questions())
def test_two_tables_of_the_same_people_together_still_hide_every_small_count(case):
    threshold, a, b = case
    table_a, table_b = protect(a, threshold), protect(b, threshold)
    totals_b = {sum(counts) for counts in candidates(table_b, threshold)}
    seen: dict[int, set[int]] = defaultdict(set)
    for counts in candidates(table_a, threshold):
        if sum(counts) in totals_b:  # a pair of tables both screens could have come from
            for i, value in enumerate(counts):
                seen[i].add(value)
    for i, cell in enumerate(table_a.cells):
        if cell.suppressed and a[i] < threshold:
            assert len(seen[i]) >= 2, f"{a} beside {b}: cell {i} can only be {seen[i]}"


# ------------------------------------------------------------------ examples


def test_counts_from_1_to_9_read_fewer_than_10_and_0_and_10_are_shown():
    assert count_cell(0, 10) == Cell(0, False, "0")
    assert count_cell(1, 10) == Cell(None, True, "fewer than 10")
    assert count_cell(9, 10).display == "fewer than 10"
    assert count_cell(10, 10) == Cell(10, False, "10")


def test_the_threshold_comes_from_the_caller():
    assert count_cell(4, 5).display == "fewer than 5"
    assert count_cell(5, 5).display == "5"


def test_a_table_with_no_small_counts_is_shown_whole():
    table = protect([12, 0, 30], 10)
    assert [c.display for c in table.cells] == ["12", "0", "30"]
    assert table.total.display == "42" and not table.withheld


def test_one_small_count_beside_a_known_total_takes_a_larger_one_with_it():
    table = protect([3, 40, 55], 10)
    assert [c.display for c in table.cells] == ["fewer than 10", "hidden", "55"]
    assert table.total.count == 98  # 98 - 55 = 43 could be 1 + 42 ... 9 + 34


def test_equal_counts_are_hidden_together_so_the_order_of_choices_tells_nothing():
    assert secondary_suppression([1, 30, 30, 60], 10) == {0, 1, 2}


def test_two_nines_with_their_total_would_each_be_nine_so_more_is_hidden():
    assert not total_tells_nothing([9, 9, 50], {0, 1}, 10)
    table = protect([9, 9, 50], 10)
    assert all(c.suppressed for c in table.cells)


def test_small_counts_that_hide_each_other_need_nothing_more():
    table = protect([30, 6, 4, 40], 10)
    assert [c.display for c in table.cells] == ["30", "fewer than 10", "fewer than 10", "40"]


def test_a_table_that_cannot_be_made_safe_is_withheld_but_its_total_is_shown():
    table = protect([12, 3], 10)
    assert table.withheld
    assert [c.display for c in table.cells] == ["hidden", "hidden"]
    assert table.total.display == "15"


def test_with_fewer_than_n_people_every_cell_is_hidden_even_zero():
    table = protect([5, 0, 0], 10)
    assert table.withheld
    assert [c.display for c in table.cells] == ["fewer than 10"] * 3
    assert table.total.display == "fewer than 10"


def test_a_question_with_several_picks_uses_the_number_of_people_as_its_base():
    table = protect([4, 4, 4], 10, base=4)  # four people each picked all three
    assert table.withheld and table.total.suppressed
    assert all(c.display == "fewer than 10" for c in table.cells)


def test_nobody_yet_shows_zeros():
    table = protect([0, 0], 10)
    assert [c.display for c in table.cells] == ["0", "0"] and table.total.display == "0"


def test_percentages_only_for_a_shown_count_on_a_shown_base():
    assert percent(Cell(25, False, "25"), Cell(100, False, "100")) == 25
    assert percent(Cell(None, True, "fewer than 10"), Cell(100, False, "100")) is None
    assert percent(Cell(0, False, "0"), Cell(None, True, "fewer than 10")) is None
    assert percent(Cell(0, False, "0"), Cell(0, False, "0")) is None


def test_a_negative_count_is_a_bug_not_a_number_to_hide():
    with pytest.raises(ValueError):
        protect([3, -1], 10)
