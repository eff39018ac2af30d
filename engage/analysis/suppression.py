"""Small-number suppression: the one rule every count on a shared screen goes through.

The rule, for a threshold N (config ``SUPPRESSION_THRESHOLD``, 10 by default):

1. **Primary.** A count from 1 to N-1 is hidden and reads "fewer than N".
   0 is shown: it puts no one in a small group.
2. **Small base.** When fewer than N people (but some) stand behind a table,
   every cell is hidden, 0 included, and so is the total: with six care
   leavers in a room, "0 chose X" says what all six think.
3. **Secondary.** Every table's total is taken as known, even when it is not
   printed (it may equal the number taking part, or a bar of another table).
   Hidden cells are topped up with the smallest shown counts (equal counts
   together) until the total says nothing more about any small count than
   its label does: a reader who knows the shown cells, the total, that
   "fewer than N" means 1..N-1 and "hidden" means N or more but below the
   smallest count still shown, can still fit every value 1..N-1 into each
   "fewer than N" cell. Checking one sum over bounded unknowns is exact.
4. **Withheld.** If no set of cells does that, or nothing but zeros would be
   left to show, every cell reads "hidden" and only the total (N or more)
   is shown. (Withholding both cases alike keeps "this table could not be
   made safe" from singling out the rare tables where it happens.)

A reader who also re-runs the rule on every table they can imagine learns a
little from where it stopped; the tests check that each small count still
keeps two or more possible values (at N = 10, sampled and exhaustive runs
found at least 8 of the 9, and never a small sum of small cells).

Separate tables of the same people (split by two questions, or sent / still
answering) share nothing but their totals, and each table is protected as if
its total were known exactly, so side by side they narrow nothing further.
Cross-tabulations are not offered on shared screens. A percentage is only
given for a shown count on a shown base.

Not covered here: two snapshots of a live screen a few seconds apart differ
by whoever just answered; a room can see who pressed send.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

HIDDEN = "hidden"


@dataclass(frozen=True)
class Cell:
    """One count as it may be shown: ``count`` is None whenever it is hidden."""

    count: int | None
    suppressed: bool
    display: str

    def to_dict(self) -> dict:
        return {"count": self.count, "suppressed": self.suppressed, "display": self.display}


def shown(count: int) -> Cell:
    return Cell(count, False, str(count))


def fewer_than(threshold: int) -> Cell:
    return Cell(None, True, f"fewer than {threshold}")


def threshold_of(cell: Cell) -> int | None:
    """The N of a "fewer than N" cell (so a page can say it in its own words), else None."""
    prefix = "fewer than "
    if cell.suppressed and cell.display.startswith(prefix):
        return int(cell.display[len(prefix):])
    return None


def hidden() -> Cell:
    """A count hidden so that a smaller one cannot be worked out; it may be large."""
    return Cell(None, True, HIDDEN)


def count_cell(count: int, threshold: int) -> Cell:
    """A count standing on its own, with no table around it."""
    _check(count)
    return shown(count) if count == 0 or count >= threshold else fewer_than(threshold)


def percent(cell: Cell, base: Cell) -> int | None:
    """Whole-number share of a shown count in a shown base; None for anything hidden."""
    if cell.suppressed or base.suppressed or not base.count:
        return None
    return round(100 * cell.count / base.count)


@dataclass(frozen=True)
class Table:
    cells: tuple[Cell, ...]
    total: Cell
    withheld: bool = False  # nothing in the table could be shown safely


def protect(counts: Sequence[int], threshold: int, base: int | None = None) -> Table:
    """The cells of one table as they may be shown.

    ``base`` is the number of people behind the table when that is not the
    sum of its cells (a question where each person may pick several).
    """
    for count in counts:
        _check(count)
    total = sum(counts)
    people = total if base is None else base
    if threshold <= 1 or not any(0 < c < threshold for c in counts):
        if 0 < people < threshold:  # no cell in 1..N-1 can still mean a small base
            return _withheld(counts, total, threshold, small_base=True)
        return Table(tuple(shown(c) for c in counts), count_cell(total, threshold))
    if 0 < people < threshold:
        return _withheld(counts, total, threshold, small_base=True)
    hidden_at = secondary_suppression(counts, threshold)
    if hidden_at is None or all(i in hidden_at for i, c in enumerate(counts) if c):
        # Nothing would be shown anyway; one look for every such table keeps
        # "this one could not be made safe" from singling a table out.
        return _withheld(counts, total, threshold, small_base=False)
    cells = tuple(
        shown(c) if i not in hidden_at else fewer_than(threshold) if c < threshold else hidden()
        for i, c in enumerate(counts)
    )
    return Table(cells, count_cell(total, threshold))


def secondary_suppression(counts: Sequence[int], threshold: int) -> frozenset[int] | None:
    """Positions to hide (rule 3), or None when the whole table must be withheld."""
    hide = {i for i, c in enumerate(counts) if 0 < c < threshold}
    larger = sorted((c, i) for i, c in enumerate(counts) if c >= threshold)
    groups = [[i for _, i in group] for _, group in groupby(larger, key=lambda pair: pair[0])]
    while not total_tells_nothing(counts, hide, threshold):
        if not groups:
            return None
        hide.update(groups.pop(0))
    return frozenset(hide)


def total_tells_nothing(counts: Sequence[int], hide: set[int] | frozenset[int], threshold: int) -> bool:
    """Can every value 1..N-1 still fit each hidden small cell, given the total?

    One sum over bounded unknowns: each unknown's feasible values form the
    interval [sum - what the others can hold at most, sum - what they hold
    at least], clipped to its own bounds, and every integer in it is reachable.
    """
    if len(hide) < 2:
        return False
    still_shown = [c for i, c in enumerate(counts) if i not in hide and c > 0]
    left = sum(counts[i] for i in hide)
    # Hidden large cells were the smallest, so each is below every count still shown.
    ceiling = min(still_shown) - 1 if still_shown else left
    bounds = {
        i: (1, threshold - 1) if counts[i] < threshold else (threshold, ceiling) for i in hide
    }
    low_sum = sum(low for low, _ in bounds.values())
    high_sum = sum(high for _, high in bounds.values())
    for i in hide:
        if counts[i] >= threshold:
            continue
        low, high = bounds[i]
        if max(low, left - (high_sum - high)) > 1 or min(high, left - (low_sum - low)) < threshold - 1:
            return False
    return True


def _withheld(counts: Sequence[int], total: int, threshold: int, small_base: bool) -> Table:
    if small_base:
        # Every cell is under N here (0 too), so "fewer than N" is true of each.
        cells = tuple(fewer_than(threshold) for _ in counts)
        return Table(cells, fewer_than(threshold) if total < threshold else hidden(), withheld=True)
    return Table(tuple(hidden() for _ in counts), count_cell(total, threshold), withheld=True)


def _check(count: int) -> None:
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
