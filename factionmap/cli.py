"""The ``factionmap`` command: a thin layer over ``factionmap.service``.

Each command validates its arguments, loads the settings once (defaults < ``factionmap.json`` or ``--config`` <
``FACTIONMAP_*`` environment < flags), calls one library function and prints its result. Errors of factionmap
become a one-line message and exit status 1.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from factionmap import service
from factionmap.errors import FactionmapError, InvalidDate
from factionmap.ingest import count_inputs
from factionmap.records import IngestProblem
from factionmap.scale import POOL_MIN_DOCUMENTS, Scale
from factionmap.scale.lifeline import stop_on_sigterm
from factionmap.timeline import check_date
from factionmap.vocabulary import RELATION_TYPES

if TYPE_CHECKING:  # what only some commands use is imported in them, so that `factionmap --version` starts fast
    from factionmap.config import Settings
    from factionmap.store import Store

F = TypeVar("F", bound=Callable[..., Any])

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2015, 2015-08, 2015-08-24)"


def date_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Option callback: a partial date (``2015``, ``2015-08``, ``2015-08-24``; ``timeline.check_date``), returned
    zero-padded. A bad date is a usage error that names the valid forms.
    """
    try:
        return check_date(value, pad=True)
    except InvalidDate:
        raise click.BadParameter(f"{value!r} is not a date: use {DATE_FORMS}", ctx, param) from None


def config_option(f: F) -> F:
    """``--config FILE``: a JSON settings file (default: ./factionmap.json when present)."""
    return click.option("--config", "config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="JSON settings file (default: ./factionmap.json if it exists).")(f)


def db_option(f: F) -> F:
    """``--db PATH``: the store (default from the settings: factionmap.db)."""
    return click.option("--db", metavar="PATH|URL",
                        help="SQLite file or database URL of the store [default: factionmap.db, or FACTIONMAP_DB, "
                        "or 'db' in the config file].")(f)


def scale_options(f: F) -> F:
    """``--workers N``, ``--dask ADDRESS`` and ``--dask-scheduler-file FILE``: where extraction runs."""
    f = click.option("--dask-scheduler-file", "scheduler_file", metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Extract on the Dask cluster this scheduler file names (pip install 'factionmap[dask]').")(f)
    f = click.option("--dask", "dask", metavar="ADDRESS",
                     help="Extract on the Dask cluster at this scheduler address, e.g. tcp://10.0.0.5:8786.")(f)
    return click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                        help=f"Processes extracting in parallel [default: all cores for {POOL_MIN_DOCUMENTS} "
                        "documents or more, one process for fewer].")(f)


def _scale(workers: int | None, dask: str | None, scheduler_file: str | None) -> Scale:
    """The ``Scale`` the options ask for; Dask options exclude each other and ``--workers``."""
    if dask and scheduler_file:
        raise click.UsageError("Give --dask or --dask-scheduler-file, not both.")
    target = dask or scheduler_file
    if target and workers is not None:
        raise click.UsageError("--workers sets local processes; a Dask cluster has its own workers: drop one.")
    if target:
        return Scale(dask=target)
    return Scale(workers=workers) if workers is not None else Scale.automatic()


def _settings(config: Path | None, **flags: Any) -> Settings:
    """Load the settings once, with the command's flags on top."""
    from factionmap.config import load_settings

    return load_settings(config, **flags)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn factionmap's errors into a one-line message and exit status 1."""
    try:
        yield
    except FactionmapError as e:
        raise click.ClickException(str(e)) from e


@contextmanager
def _store(settings: Settings, read_only: bool = False) -> Iterator[Store]:
    """The store of the settings; a reading command opens an existing one read-only and never creates one."""
    from factionmap.store import open_store

    with open_store(settings.db, read_only=read_only) as store:
        yield store


@contextmanager
def _progress(paths: tuple[str, ...], label: str) -> Iterator[service.Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing (and no counting of inputs) in a pipe."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=count_inputs(paths))
        yield lambda _source: bar.advance(task)


def _report_problems(problems: tuple[IngestProblem, ...]) -> None:
    for problem in problems:
        click.echo(f"skipped {problem.source}: {problem.reason}", err=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def ingest_summary(report: service.RunReport, db: str) -> str:
    """The line ``ingest`` ends with: what was stored, what was already there, what was bad."""
    bad = f"; {_plural(len(report.problems), 'bad input')} skipped" if report.problems else ""
    if report.documents == 0:
        if report.skipped_known:
            return f"Nothing new: {_plural(report.skipped_known, 'document')} already in {db}{bad}."
        return f"Nothing stored: no documents read{bad}."
    known = f"; {report.skipped_known} already in the store" if report.skipped_known else ""
    return (f"Stored {_plural(report.documents, 'new document')} in {db} "
            f"({_plural(report.relations, 'relation')}, {_plural(report.events, 'event')}){known}{bad}.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factionmap", prog_name="factionmap")
def cli() -> None:
    """Read news and analysis about armed groups; keep a sourced, time-aware map of them."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--published", metavar="DATE", callback=date_callback,
              help=f"Publication date of inputs that give none: {DATE_FORMS}.")
@scale_options
@config_option
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, workers: int | None, dask: str | None,
           scheduler_file: str | None, config: Path | None) -> None:
    """Read, extract and store articles: .txt, .html/.htm, .jsonl files or folders of them.

    Documents already in the store are skipped. Extraction runs on all cores for a large batch, in this process
    for a small one (or on a Dask cluster); this process alone writes the store. Every bad input is named on stderr with the reason; the exit status is 1 if any was
    skipped.
    """
    scale = _scale(workers, dask, scheduler_file)
    with _errors():
        settings = _settings(config, db=db)
        with _store(settings) as store, _progress(paths, "ingesting") as progress:
            report = service.ingest(paths, store, settings, published, progress, scale=scale)
    _report_problems(report.problems)
    click.echo(ingest_summary(report, settings.db))
    if not report.ok:
        raise click.exceptions.Exit(1)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8") as out:
            yield out
    except OSError as e:
        raise click.FileError(path, e.strerror) from e


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one extraction record (shared/eval/FORMAT.md) a line.")
@click.option("--output", "-o", metavar="FILE", default="-", show_default=True, help="Output file; - for stdout.")
@click.option("--published", metavar="DATE", callback=date_callback,
              help=f"Publication date of inputs that give none: {DATE_FORMS}.")
@scale_options
@config_option
def extract(paths: tuple[str, ...], fmt: str, output: str, published: str | None, workers: int | None,
            dask: str | None, scheduler_file: str | None, config: Path | None) -> None:
    """Extract articles without storing them: one record per document, in input order.

    The records are the same byte for byte whatever the number of workers. Bad inputs are named on stderr and
    skipped; the exit status is 1 if any was.
    """
    scale = _scale(workers, dask, scheduler_file)
    with _errors():
        settings = _settings(config)
        with _output(output) as out, _progress(paths, "extracting") as progress:
            report = service.extract_to_jsonl(paths, out, settings, published, progress, scale=scale)
    _report_problems(report.problems)
    where = "stdout" if output == "-" else output
    click.echo(f"Extracted {_plural(report.documents, 'document')} to {where} "
               f"({_plural(report.relations, 'relation')}, {_plural(report.events, 'event')}).", err=True)
    if not report.ok:
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("name")
@db_option
@config_option
def actor(name: str, db: str | None, config: Path | None) -> None:
    """Show an actor's profile: names, lineage, leaders, relations over time, events, places, evidence."""
    with _errors():
        settings = _settings(config, db=db)
        with _store(settings, read_only=True) as store:
            profile = service.actor_profile(store, name)
    click.echo(service.format_profile(profile))


@cli.command()
@click.option("--as-of", metavar="DATE", callback=date_callback, help="Only relations in force on this date.")
@click.option("--format", "fmt", type=click.Choice(service.GRAPH_FORMATS), default="json", show_default=True,
              help="node-link JSON (networkx) or GraphML.")
@click.option("--type", "types", multiple=True, type=click.Choice(RELATION_TYPES), metavar="TYPE",
              help=f"Only relations of this type (repeatable): {', '.join(RELATION_TYPES)}.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only relations stated by at least this many independent sources.")
@click.option("--output", "-o", metavar="FILE", default="-", show_default=True, help="Output file; - for stdout.")
@db_option
@config_option
def graph(as_of: str | None, fmt: str, types: tuple[str, ...], min_sources: int, output: str,
          db: str | None, config: Path | None) -> None:
    """Export the map as a graph: actors and places as nodes, relations as edges."""
    with _errors():
        settings = _settings(config, db=db)
        with _store(settings, read_only=True) as store:
            text = service.graph(store, as_of=as_of, fmt=fmt, types=types, min_sources=min_sources)
    with _output(output) as out:
        out.write(text)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list each missed gold relation and each wrong extracted relation, by document.")
@click.option("--calibration", "calibrated", is_flag=True,
              help="Also print the precision of the extracted relations by confidence band.")
@config_option
def evaluate(gold: str, show_errors: bool, calibrated: bool, config: Path | None) -> None:
    """Extract the texts of a gold file and print precision, recall and F1 per type (shared/eval/FORMAT.md)."""
    with _errors():
        report = service.evaluate(gold, _settings(config))
    _report_problems(report.problems)
    click.echo(service.format_eval(report, errors=show_errors, calibrated=calibrated))


@cli.command()
@db_option
@config_option
def stats(db: str | None, config: Path | None) -> None:
    """Count what the store holds: documents, actors, places, relations, evidence, events.

    Like every reading command (actor, graph, export, serve), it opens an existing store and never creates one.
    """
    with _errors():
        settings = _settings(config, db=db)
        with _store(settings, read_only=True) as store:
            counts = store.stats()
    click.echo(f"{settings.db}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))


@cli.command(name="export")
@click.argument("fmt", metavar="FORMAT")
@click.option("--as-of", metavar="DATE", callback=date_callback,
              help="Only what was in force on DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--actor", "actors", multiple=True, metavar="NAME",
              help="Only this actor's relations and events (repeatable).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write; default: standard output.")
@db_option
@config_option
def export_command(fmt: str, as_of: str | None, actors: tuple[str, ...], output: str | None, db: str | None,
                   config: Path | None) -> None:
    """Write the store as FORMAT: stix, graphml, gexf, acled, mmp or jsonl (see docs/exports.md)."""
    from factionmap.export import export as export_store

    with _errors():
        settings = _settings(config, db=db)
        with _store(settings, read_only=True) as store:
            report = export_store(store, fmt, output or sys.stdout.buffer, as_of=as_of, actors=actors)
    click.echo(report.summary(), err=True)


@cli.command(name="import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@config_option
def import_command(path: str, db: str | None, config: Path | None) -> None:
    """Load extraction records (JSON Lines, FORMAT.md) into the store; importing twice adds nothing."""
    from factionmap.export import import_records

    with _errors():
        settings = _settings(config, db=db)
        with _store(settings) as store:
            report = import_records(store, path)
    for problem in report.problems:
        click.echo(f"skipped {problem.source}: {problem.reason}", err=True)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 exposes the app to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@db_option
@config_option
def serve(host: str, port: int, db: str | None, config: Path | None) -> None:
    """Serve the web app over the store, read-only (http://127.0.0.1:8000 by default).

    Only requests addressed to localhost, 127.0.0.1, ::1, the bound address or a name in the allowed_hosts setting
    are answered (against DNS rebinding).
    """
    from factionmap.web import serve as serve_web

    with _errors():
        serve_web(_settings(config, db=db), host=host, port=port)


def main() -> None:
    """Console-script entry point: a SIGTERM stops the command as Ctrl-C does (workers stopped, nothing half
    stored)."""
    stop_on_sigterm()
    cli(prog_name="factionmap")
