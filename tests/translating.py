"""Filling in a PO file as a translator would, for tests."""
from io import BytesIO

from babel.messages.pofile import read_po, write_po


def translate(po: bytes, fuzzy: frozenset[str] = frozenset(), **words: str) -> bytes:
    """Set ``words`` by unit key, with ``:`` written ``__`` (``question__feel__text``);
    keys in ``fuzzy`` are marked fuzzy, as a translator's unchecked guess."""
    catalog = read_po(BytesIO(po))
    for message in catalog:
        key = (message.context or "").replace(":", "__")
        if message.id and key in words:
            message.string = words[key]
            if key in fuzzy:
                message.flags.add("fuzzy")
    out = BytesIO()
    write_po(out, catalog)
    return out.getvalue()
