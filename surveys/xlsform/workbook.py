"""Read the sheets of an .xlsx, .xls, .csv or .md XLSForm as rows of text.

Only the sheets XLSForm defines are read, and only so much: a form is a few
hundred rows, so a large or deeply packed file is refused before it can tie up
a worker. Row numbers are the ones a person sees in a spreadsheet program (for
a .csv or .md form: the line of the file).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from surveys.xlsform.errors import XLSFormError

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024  # an .xlsx is a zip: refuse a zip bomb
MAX_ROWS = 2000
MAX_COLUMNS = 300
XLSFORM_SHEETS = ("survey", "choices", "settings", "external_choices", "entities", "osm")
FORMATS = (".xlsx", ".xls", ".csv", ".md")
_RULE = re.compile(r"[|:\-\s]+")  # a markdown table's |---|---| line


@dataclass(frozen=True)
class RawSheet:
    name: str  # as written in the file
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number, cells), rows with content only


@dataclass
class RawWorkbook:
    sheets: dict[str, RawSheet] = field(default_factory=dict)  # by lower-case name
    other_sheets: list[str] = field(default_factory=list)


def load_workbook(data: bytes, filename: str) -> RawWorkbook:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FORMATS:
        raise XLSFormError.one(
            None, None, f"'{filename}' is not an XLSForm: use an .xlsx, .xls, .csv or .md file"
        )
    if len(data) > MAX_BYTES:
        raise XLSFormError.one(
            None, None, f"the file is {len(data) // 1024:,} KB: a form must be under {MAX_BYTES // 2**20} MB"
        )
    reader = {".xlsx": _xlsx, ".xls": _xls, ".csv": _csv, ".md": _markdown}[suffix]
    return reader(data)


def cell_text(value: Any) -> str:
    """A cell as the text a person sees: 1 not 1.0, TRUE for a ticked box."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _trimmed(cells: Iterable[Any]) -> tuple[str, ...]:
    texts = [cell_text(c) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _collect(name: str, rows: Iterator[tuple[int, Iterable[Any]]]) -> RawSheet:
    kept: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in rows:
        texts = _trimmed(cells)
        if not texts:
            continue
        if len(kept) >= MAX_ROWS:
            raise XLSFormError.one(name, number, f"the sheet has more than {MAX_ROWS:,} rows")
        kept.append((number, texts))
    return RawSheet(name, tuple(kept))


def _add(book: RawWorkbook, name: str, rows: Iterator[tuple[int, Iterable[Any]]]) -> None:
    key = name.strip().lower()
    if key in XLSFORM_SHEETS and key not in book.sheets:
        book.sheets[key] = _collect(name.strip(), rows)
    else:
        book.other_sheets.append(name)


def _xlsx(data: bytes) -> RawWorkbook:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as packed:
            if sum(info.file_size for info in packed.infolist()) > MAX_UNPACKED_BYTES:
                raise XLSFormError.one(None, None, "the file unpacks to far more than a form needs")
    except XLSFormError:
        raise
    except Exception:  # a damaged zip raises many kinds of error
        raise XLSFormError.one(None, None, "the file is not a readable .xlsx workbook") from None
    with warnings.catch_warnings():  # openpyxl warns about Excel features it skips
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of error on a damaged file
            raise XLSFormError.one(None, None, "the file is not a readable .xlsx workbook") from None
        book = RawWorkbook()
        try:
            for sheet in workbook.worksheets:
                rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
                _add(book, sheet.title, enumerate(rows, start=1))
        except XLSFormError:
            raise
        except Exception:
            raise XLSFormError.one(None, None, "the file is not a readable .xlsx workbook") from None
        finally:
            workbook.close()
    return book


def _xls(data: bytes) -> RawWorkbook:
    import xlrd

    try:
        workbook = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except Exception:  # xlrd raises its own and standard errors on a damaged file
        raise XLSFormError.one(None, None, "the file is not a readable .xls workbook") from None
    book = RawWorkbook()
    try:
        for index, name in enumerate(workbook.sheet_names()):
            sheet = workbook.sheet_by_index(index)
            rows = (
                (r + 1, (_xls_value(sheet.cell(r, c)) for c in range(min(sheet.ncols, MAX_COLUMNS))))
                for r in range(sheet.nrows)
            )
            _add(book, name, rows)
    except XLSFormError:
        raise
    except Exception:  # a sheet is only parsed here, and may be damaged
        raise XLSFormError.one(None, None, "the file is not a readable .xls workbook") from None
    finally:
        workbook.release_resources()
    return book


def _xls_value(cell: Any) -> Any:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return None
    return cell.value


def _text(data: bytes, kind: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise XLSFormError.one(None, None, f"the {kind} file is not UTF-8 text: save it as UTF-8") from None


def _csv(data: bytes) -> RawWorkbook:
    lines = csv.reader(io.StringIO(_text(data, "CSV"), newline=""))
    try:
        return _flat_sheets((lines.line_num, row) for row in lines)
    except csv.Error as error:
        raise XLSFormError.one(None, lines.line_num, f"the CSV cannot be read here: {error}") from None


def _markdown(data: bytes) -> RawWorkbook:
    """pyxform's markdown layout: ``| sheet |`` then ``| | type | name |`` rows."""
    rows = (
        (number, line.strip().strip("|").split("|"))
        for number, line in enumerate(_text(data, "markdown").splitlines(), start=1)
        if line.strip().startswith("|") and not _RULE.fullmatch(line.strip())
    )
    return _flat_sheets(rows)


def _flat_sheets(rows: Iterable[tuple[int, list[str]]]) -> RawWorkbook:
    """One table holding every sheet: a first cell names a sheet, the rows under it
    leave the first cell empty and hold that sheet's cells."""
    grouped: dict[str, tuple[str, list[tuple[int, list[str]]]]] = {}
    current: list[tuple[int, list[str]]] | None = None
    for number, cells in rows:
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if cells[0]:
            name = cells[0]
            current = grouped.setdefault(name.lower(), (name, []))[1]
        elif current is None:
            raise XLSFormError.one(
                None, number, "the first row must name a sheet, such as 'survey', in its first cell"
            )
        else:
            current.append((number, cells[1 : MAX_COLUMNS + 1]))
    book = RawWorkbook()
    for name, sheet_rows in grouped.values():
        _add(book, name, iter(sheet_rows))
    return book
