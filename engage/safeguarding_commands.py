"""``engage safeguarding``: measure the disclosure check on labelled answers."""
from __future__ import annotations

import json
from pathlib import Path

import click

from engage.analysis.safeguarding import evaluate


@click.group()
def safeguarding() -> None:
    """The check that shows help when an answer may tell of harm."""


def _rows(path: Path):
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield row["text"], bool(int(row["disclosure"]))
            except (ValueError, KeyError, TypeError) as error:
                raise click.ClickException(
                    f"{path.name} line {number}: expected {{\"text\": ..., \"disclosure\": 0 or 1}} ({error})"
                ) from None


@safeguarding.command("eval")
@click.option("--test", "test_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSON lines: {"text": ..., "disclosure": 0 or 1}.')
def eval_command(test_file: Path) -> None:
    """Print recall, precision, false-positive rate, n and answers per second as one JSON object."""
    click.echo(json.dumps(evaluate(_rows(test_file))))
