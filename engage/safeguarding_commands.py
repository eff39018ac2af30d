"""``engage safeguarding``: measure the disclosure check on labelled answers."""
from __future__ import annotations

import json
from pathlib import Path

import click

from engage.analysis.disclosure_model import DisclosureModel, training_set
from engage.analysis.safeguarding import evaluate, reading
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


@safeguarding.command("train")
@click.option("--goemotions", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="GoEmotions' training split by sentiment (JSON lines with text and sentiment).")
@click.option("--nhs", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="NHS Friends and Family Test training answers (JSON lines with text).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (.npz).")
def train_command(goemotions: Path, nhs: Path, out: Path) -> None:
    """Train the model that hears answers like the project's examples of children telling."""
    texts, labels = training_set(goemotions, nhs)
    model = DisclosureModel.train([reading(t) for t in texts], labels,
                                  source=f"project examples and children's words; {goemotions.name}; {nhs.name}")
    model.save(out)
    click.echo(json.dumps({"trained_on": len(labels), "disclosures": sum(labels), "out": str(out)}))
