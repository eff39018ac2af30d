"""``engage themes eval``: how well the tagger agrees with a partnership's own coding."""
from __future__ import annotations

import json
from pathlib import Path

import click

from engage.analysis.themes.evaluation import evaluate
from engage.labelled import read_jsonl

_EXPECTED = '{"text": "...", "themes": ["...", ...]}'
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _coded(row: dict) -> tuple[str, list[str]]:
    text, themes = row["text"], row["themes"]
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if not isinstance(themes, list) or not all(isinstance(t, str) and t for t in themes):
        raise TypeError("themes must be a list of theme names")
    return text, themes


@click.command("eval")
@click.option("--train", "train_file", required=True, type=_FILE,
              help=f"Coded answers to learn from, JSON lines: {_EXPECTED}.")
@click.option("--test", "test_file", required=True, type=_FILE,
              help="Coded answers to score the tagger on, in the same form.")
def eval_command(train_file: Path, test_file: Path) -> None:
    """Train on one file, tag the other, print macro-F1, micro-F1, per-theme figures and timings."""
    train = list(read_jsonl(train_file, _coded, _EXPECTED))
    test = list(read_jsonl(test_file, _coded, _EXPECTED))
    if not any(themes for _, themes in train):
        raise click.ClickException(f"{train_file.name} has no coded themes to learn from.")
    if not test:
        raise click.ClickException(f"{test_file.name} has no answers to score.")
    click.echo(json.dumps(evaluate(train, test)))
