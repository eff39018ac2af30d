"""What went wrong (or was left out) in a spreadsheet, said where a person can find it."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from surveys.errors import SurveyDefinitionError

# More lines than this in one message are summed up: nobody reads 500 lines.
_SHOWN = 40


@dataclass(frozen=True)
class Finding:
    """One problem or note, tied to a sheet and a row as a spreadsheet shows them (1-based)."""

    sheet: str | None
    row: int | None
    message: str

    def __str__(self) -> str:
        where = [f"sheet '{self.sheet}'"] if self.sheet else []
        where += [f"row {self.row}"] if self.row is not None else []
        return f"{', '.join(where)}: {self.message}" if where else self.message


class XLSFormError(SurveyDefinitionError):
    """A spreadsheet Engage cannot turn into a survey, with every problem found in it.

    All problems are collected before this is raised, so that a person can fix
    the whole sheet at once instead of one row per try.
    """

    def __init__(self, problems: Iterable[Finding]):
        self.problems: tuple[Finding, ...] = tuple(problems)
        lines = [str(p) for p in self.problems[:_SHOWN]]
        if len(self.problems) > _SHOWN:
            lines.append(f"… and {len(self.problems) - _SHOWN} more problems")
        count = len(self.problems)
        heading = "this form cannot be imported" + (f" ({count} problems)" if count > 1 else "")
        super().__init__(heading + ":\n" + "\n".join(f"- {line}" for line in lines))

    @classmethod
    def one(cls, sheet: str | None, row: int | None, message: str) -> XLSFormError:
        return cls([Finding(sheet, row, message)])
