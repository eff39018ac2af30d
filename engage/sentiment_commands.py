"""``engage sentiment``: measure the sentiment model on labelled answers, or train one."""
from __future__ import annotations

import json
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from engage.analysis.sentiment import LABELS, SentimentModel, evaluate, load_model
from engage.labelled import BadRow, read_jsonl

_EXPECTED = '{"text": ..., "sentiment": "negative", "neutral" or "positive"}'


@click.group()
def sentiment() -> None:
    """Label free-text answers negative, neutral or positive."""


def _labelled(row: dict) -> tuple[str, str]:
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "sentiment" not in row:
        raise BadRow(f"expected {_EXPECTED}")
    if row["sentiment"] not in LABELS:
        raise BadRow(f"unknown sentiment {row['sentiment']!r} (expected {', '.join(LABELS)})")
    return row["text"], row["sentiment"]


def _rows(path: Path) -> list[tuple[str, str]]:
    """(text, label) from a JSON-lines file, or a message naming the line that is wrong."""
    rows = list(read_jsonl(path, _labelled, _EXPECTED))
    if not rows:
        raise click.ClickException(f"{path.name} holds no labelled answers: expected lines {_EXPECTED}")
    return rows


def _model(path: Path | None) -> SentimentModel:
    """The model in ``path``, else the one SENTIMENT_MODEL names, else the one shipped with Engage."""
    chosen = str(path) if path else current_app.config.get("SENTIMENT_MODEL")
    try:
        return load_model(chosen)
    except (OSError, ValueError) as error:
        raise click.ClickException(f"cannot read the sentiment model {chosen}: {error}") from None


@sentiment.command("eval")
@click.option("--test", "test_file", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=f"JSON lines: {_EXPECTED}.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A model from `engage sentiment train`; default: ENGAGE_SENTIMENT_MODEL, else Engage's own.")
@with_appcontext
def eval_command(test_file: Path, model_file: Path | None) -> None:
    """Print macro-F1, per-label precision, recall and F1, n and answers per second as one JSON object."""
    rows = _rows(test_file)
    click.echo(json.dumps(evaluate(rows, _model(model_file))))


@sentiment.command("train")
@click.option("--train", "train_files", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=f"JSON lines: {_EXPECTED}; at least 3 answers of each label in all. Repeat for more files.")
@click.option("--examples", "example_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="More answers in the same form that count --examples-weight times each "
                   "(a few hundred written for you among many thousands). Repeatable.")
@click.option("--examples-weight", default=3.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="How many times each answer of --examples counts.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Where to write the model (a .npz file).")
@click.option("-c", "--regularisation", "c", default=0.2, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="The linear models' C: smaller for a small or noisy set.")
@click.option("--source", help="Where the answers came from, kept in the model file (default: the files' names).")
def train_command(train_files: tuple[Path, ...], example_files: tuple[Path, ...], examples_weight: float,
                  out: Path, c: float, source: str | None) -> None:
    """Train a model on answers a partnership has labelled itself, and save it.

    The answers are read in order: the --train files, then the --examples files.
    Use it with ENGAGE_SENTIMENT_MODEL=OUT, or `engage sentiment eval --model OUT`.
    """
    rows = [row for path in train_files for row in _rows(path)]
    examples = [row for path in example_files for row in _rows(path)]
    weights = [1.0] * len(rows) + [examples_weight] * len(examples) if examples else None
    if not source:
        source = " + ".join([p.name for p in train_files] + [f"{p.name} (x{examples_weight:g})" for p in example_files])
    started = time.perf_counter()
    try:
        model = SentimentModel.train([t for t, _ in rows + examples], [s for _, s in rows + examples], c=c,
                                     source=source, weights=weights)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    seconds = time.perf_counter() - started
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    counts = ", ".join(f"{n:,} {label}" for label, n in model.info["answers"].items())
    weighted = f", {len(examples):,} of them counting {examples_weight:g} times" if examples else ""
    click.echo(
        f"Trained on {len(rows) + len(examples):,} answers ({counts}){weighted} in {seconds:.1f} s; "
        f"saved {out} ({out.stat().st_size / 1e6:.1f} MB). Use it with ENGAGE_SENTIMENT_MODEL={out}"
    )
