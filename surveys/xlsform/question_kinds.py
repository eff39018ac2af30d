"""XLSForm's question types: which Engage type each becomes, and why the rest cannot.

Rows that a phone fills in by itself (start time, device id, phone number…)
ask the young person nothing, so they are left out with a note: Engage keeps
answers anonymous and records none of them. A type that would ask for
something Engage must not hold (a location, a date of birth, a photo) or that
the engine cannot run (a calculation, a repeat) is refused with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

METADATA = {
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "simid", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-geopoint", "background-audio",
    "imei", "instanceid", "uri:deviceid", "uri:username", "uri:email", "uri:phonenumber",
    "uri:subscriberid", "uri:simserial", "get start time", "get end time", "get today",
    "get device id", "get subscriber id", "get sim id", "get phone number",
    "set form title", "set form id",
}

_NO_PRIVATE = "answers in Engage are anonymous"
REFUSED = {
    "calculate": "calculations are not supported",
    "hidden": "hidden fields are not supported",
    "begin repeat": "repeats (asking the same questions again and again) are not supported",
    "end repeat": "repeats (asking the same questions again and again) are not supported",
    "begin loop": "loops (asking the same questions for each choice) are not supported",
    "end loop": "loops (asking the same questions for each choice) are not supported",
    "geopoint": f"Engage never asks for a location: {_NO_PRIVATE}",
    "geotrace": f"Engage never asks for a location: {_NO_PRIVATE}",
    "geoshape": f"Engage never asks for a location: {_NO_PRIVATE}",
    "gps": f"Engage never asks for a location: {_NO_PRIVATE}",
    "date": "Engage does not ask for dates (a date of birth could identify someone): use an age band",
    "time": "Engage does not ask for dates or times",
    "datetime": "Engage does not ask for dates or times",
    "phone number": f"Engage never asks for a phone number: {_NO_PRIVATE}",
    "image": "Engage does not take photos, recordings, files or barcodes",
    "photo": "Engage does not take photos, recordings, files or barcodes",
    "audio": "Engage does not take photos, recordings, files or barcodes",
    "video": "Engage does not take photos, recordings, files or barcodes",
    "file": "Engage does not take photos, recordings, files or barcodes",
    "barcode": "Engage does not take photos, recordings, files or barcodes",
    "acknowledge": "acknowledge (OK button) questions are not supported: use a note",
    "trigger": "acknowledge (OK button) questions are not supported: use a note",
    "select_one_external": "choices from an external file are not supported",
    "select_multiple_external": "choices from an external file are not supported",
    "select_one_from_file": "choices from a file are not supported",
    "select_multiple_from_file": "choices from a file are not supported",
    "osm": "map questions are not supported",
    "include": "including another form is not supported",
    "xml-external": "external data is not supported",
    "csv-external": "external data is not supported",
}

# XLSForm type -> the Engage types an ``engage::type`` column may choose for it.
# The first is the one used when the column is empty.
ENGAGE_TYPES = {
    "select_one": ("single_choice", "yes_no", "faces_scale", "scale_0_10", "age_band"),
    "select_multiple": ("multiple_choice", "ranked_ballot", "workshop_choice"),
    "rank": ("ranked_ballot",),
    "text": ("free_text",),
    "integer": ("number",),
    "decimal": ("number",),
    "range": ("number", "scale_0_10"),
    "note": ("info",),
}
GROUP_STARTS = {"begin group"}
GROUP_ENDS = {"end group"}
_ALIASES = {
    "begin_group": "begin group", "begin-group": "begin group",
    "end_group": "end group", "end-group": "end group",
    "begin_repeat": "begin repeat", "end_repeat": "end repeat",
    "string": "text", "int": "integer", "select1": "select_one",
}
_SELECT = re.compile(
    r"(select[_ ]one|select[_ ]multiple|select all that apply|rank)(?:\s+from)?\s+(\S+)"
    r"(?:\s+(or_other|or specify other))?",
    re.IGNORECASE,
)
_MULTIWORD = (
    "begin group", "end group", "begin repeat", "end repeat", "begin loop", "end loop",
    "phone number", "get start time", "get end time", "get today", "get device id",
    "get subscriber id", "get sim id", "get phone number", "set form title", "set form id",
)


@dataclass(frozen=True)
class RowType:
    base: str  # XLSForm's own name, e.g. select_one
    list_name: str | None = None
    or_other: bool = False


def row_type(written: str) -> RowType:
    """``select one from yes_no or specify other`` -> select_one, yes_no, or_other."""
    text = " ".join(written.split())
    match = _SELECT.fullmatch(text)
    if match:
        word = match.group(1).lower().replace(" ", "_")
        base = {"select_all_that_apply": "select_multiple"}.get(word, word)
        return RowType(base, match.group(2), bool(match.group(3)))
    lowered = text.lower()
    for multiword in _MULTIWORD:
        if lowered == multiword or lowered.startswith(multiword + " "):
            return RowType(multiword)
    first = lowered.split(" ")[0] if lowered else ""
    return RowType(_ALIASES.get(first, first))
