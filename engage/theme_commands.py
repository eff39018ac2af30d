"""``engage themes``: re-tag answers, retrain the tagger, export and import the taxonomy.

``themes_cli`` is the group; other theme commands attach to it
(``themes_cli.add_command(...)``, e.g. ``engage themes eval`` from ``engage.theme_eval``).
"""
from __future__ import annotations

from pathlib import Path

import click
import yaml
from flask.cli import with_appcontext

from engage import jobs
from engage.analysis.themes.taxonomy import Taxonomy, TaxonomyError
from engage.services import theme_tagging, themes

_YAML_HEADER = "# Engage theme taxonomy, version {number}. Edit, then: engage themes taxonomy --import FILE\n"


@click.group("themes")
def themes_cli() -> None:
    """Theme tagging of young people's free-text answers."""


def _queue_it(queue: bool) -> bool:
    if queue and not jobs.configured():
        raise click.ClickException("--queue needs a job queue: set REDIS_URL (and run `engage jobs worker`).")
    return queue or jobs.configured()


def _enqueue(func_path: str, *args, timeout: int = jobs.DEFAULT_TIMEOUT) -> str:
    try:
        return jobs.enqueue(func_path, *args, timeout=timeout)
    except jobs.JobQueueUnavailable as error:
        raise click.ClickException(str(error)) from None


@themes_cli.command("retag")
@click.option("--queue", is_flag=True, help="Leave it to the job worker (the default when REDIS_URL is set).")
@click.option("--batch", default=theme_tagging.BATCH, show_default=True, type=click.IntRange(1, 10_000),
              help="Answers per transaction.")
@with_appcontext
def retag_command(queue: bool, batch: int) -> None:
    """Tag every free-text answer again with the current tagger."""
    if _queue_it(queue):
        job = _enqueue(themes.RETAG_JOB, timeout=jobs.LONG_TIMEOUT)
        click.echo(f"Re-tagging queued as job {job}; `engage jobs worker` runs it.")
        return
    with click.progressbar(length=1, label="Tagging free-text answers", show_pos=True) as bar:
        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        tagged = theme_tagging.retag(progress=progress, batch=batch)
    version, _ = themes.current_taxonomy()
    click.echo(f"Tagged {tagged} answers against taxonomy version {version.number}.")


@themes_cli.command("retrain")
@click.option("--queue", is_flag=True, help="Leave it to the job worker (the default when REDIS_URL is set).")
@with_appcontext
def retrain_command(queue: bool) -> None:
    """Train the tagger again, learning from every reviewed answer."""
    if _queue_it(queue):
        job = _enqueue(themes.RETRAIN_JOB, None)
        click.echo(f"Retraining queued as job {job}; `engage jobs worker` runs it.")
        return
    model = themes.retrain()
    click.echo(f"Trained tagger {model.id} on {model.trained_on} examples. "
               "Run `engage themes retag` for answers to get its tags.")


@themes_cli.command("taxonomy")
@click.option("--export", "export_to", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the taxonomy to this YAML file.")
@click.option("--import", "import_from", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Save this YAML file as a new taxonomy version.")
@click.option("--version", "number", type=int, help="With --export: an earlier version (default: the current).")
@click.option("--note", default="", help="With --import: what changed, kept with the version.")
@with_appcontext
def taxonomy_command(export_to: Path | None, import_from: Path | None, number: int | None, note: str) -> None:
    """Show the taxonomy's versions, or export or import it as YAML."""
    if export_to and import_from:
        raise click.UsageError("Use --export or --import, not both.")
    if import_from:
        _import(import_from, note)
    elif export_to:
        _export(export_to, number)
    else:
        for version in themes.taxonomy_versions():
            taxonomy = themes.taxonomy_of(version)
            click.echo(f"{version.number:>4}  {version.created_at:%Y-%m-%d %H:%M}  "
                       f"{len(taxonomy.themes)} themes  {version.note}")


def _export(path: Path, number: int | None) -> None:
    try:
        version, taxonomy = themes.taxonomy_version(number) if number else themes.current_taxonomy()
    except themes.TaxonomyVersionNotFound:
        raise click.ClickException(f"There is no taxonomy version {number}.") from None
    text = yaml.safe_dump(taxonomy.to_dict(), sort_keys=False, allow_unicode=True, width=100)
    path.write_text(_YAML_HEADER.format(number=version.number) + text, encoding="utf-8")
    click.echo(f"Wrote taxonomy version {version.number} ({len(taxonomy.themes)} themes) to {path}.")


def _import(path: Path, note: str) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise click.ClickException(f"{path.name} is not a text file (UTF-8).") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise click.ClickException(f"{path.name} is not valid YAML{line}: {getattr(error, 'problem', error)}") from None
    try:
        version = themes.save_taxonomy(Taxonomy.from_dict(data), note=note or f"Imported from {path.name}.")
    except TaxonomyError as error:
        problems = "\n".join(f"  - {problem}" for problem in error.problems)
        raise click.ClickException(f"{path.name} cannot be used as it is:\n{problems}") from None
    click.echo(f"Saved taxonomy version {version.number} and trained its tagger. "
               "Run `engage themes retag` for answers to get the new themes.")
