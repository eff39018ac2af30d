"""``engage safeguarding``: measure the disclosure check on labelled answers."""
from __future__ import annotations

import json
from pathlib import Path

import click

from engage.analysis.safeguarding import evaluate
from engage.labelled import read_jsonl


@click.group()
def safeguarding() -> None:
    """The check that shows help when an answer may tell of harm."""


def _labelled(row: dict) -> tuple[str, bool]:
    return row["text"], bool(int(row["disclosure"]))


@safeguarding.command("eval")
@click.option("--test", "test_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSON lines: {"text": ..., "disclosure": 0 or 1}.')
def eval_command(test_file: Path) -> None:
    """Print recall, precision, false-positive rate, n and answers per second as one JSON object."""
    click.echo(json.dumps(evaluate(read_jsonl(
        test_file, _labelled, '{"text": ..., "disclosure": 0 or 1}'))))
