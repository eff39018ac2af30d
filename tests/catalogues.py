"""Small translation catalogues for tests, so they never depend on translations/ being finished."""
from __future__ import annotations

from pathlib import Path

from babel.messages import Catalog
from babel.messages.mofile import write_mo


def write_catalogue(root: Path, language: str, messages: dict[str, str]) -> Path:
    """``root/<language>/LC_MESSAGES/messages.mo`` holding ``messages``; returns ``root``."""
    catalogue = Catalog(locale=language)
    for english, translated in messages.items():
        catalogue.add(english, translated)
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "messages.mo", "wb") as out:
        write_mo(out, catalogue)
    return root
