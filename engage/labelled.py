"""Read labelled answers from JSON lines, with messages that say which line is wrong."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import click


class BadRow(ValueError):
    """A row that is JSON but not what was expected; its text is the whole message."""


def read_jsonl(path: Path, parse: Callable[[dict], object], expected: str) -> Iterator:
    """Yield ``parse(row)`` for each non-blank line; a bad line stops with its number."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                row = json.loads(line)
            except ValueError as error:
                raise click.ClickException(f"{where}: not JSON ({error})") from None
            try:
                yield parse(row)
            except BadRow as error:
                raise click.ClickException(f"{where}: {error}") from None
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise click.ClickException(f"{where}: expected {expected} ({error})") from None
