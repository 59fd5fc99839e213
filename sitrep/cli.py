"""The ``sitrep`` command line. Thin: it calls the pipeline and the store, and talks to people."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from sitrep.config import Settings, load_settings
from sitrep.errors import SitrepError
from sitrep.model import Event
from sitrep.pipeline import Pipeline, ingest_paths, rebuild
from sitrep.resolve.decisions import describe_decision
from sitrep.resolve.edits import merge_events, split_event
from sitrep.serve import REPORT_FORMATS, claims_grid, field_label, framing_line, render_report
from sitrep.store import Store, export_articles, export_events

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="sitrep: news articles in, a deduplicated, geocoded, corroborated event database out.",
)
console = Console()
if not console.is_terminal:  # piped or captured output: don't squeeze tables to 80 columns
    console = Console(width=160)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database: a SQLite file path or an SQLAlchemy URL [default: sitrep.db]."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="A TOML settings file (see README: Settings).")
]


def _settings(db: str | None, config: Path | None) -> Settings:
    return load_settings(config).with_overrides(db=db)


@contextmanager
def _store(settings: Settings, *, must_exist: bool = True) -> Iterator[Store]:
    if must_exist and "://" not in settings.db and not Path(settings.db).exists():
        raise SitrepError(
            f"no database at {settings.db}", hint="run 'sitrep ingest PATH --db FILE' first, or pass --db"
        )
    store = Store.open(settings.db)
    try:
        yield store
    finally:
        store.close()


def _fmt_count(low: int | None, high: int | None) -> str:
    if low is None:
        return "–"
    if low == high:
        return str(low)
    return f"{low}–{high}" if high is not None else f"≥{low}"


@app.callback()
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show the library's log messages.")
    ] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_path=False, show_time=False)],
    )


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders: .txt, .html, RSS/Atom feeds, .jsonl.")
    ],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Read articles, extract their incidents, and update the event database."""
    settings = _settings(db, config)
    with (
        _store(settings, must_exist=False) as store,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("reading", total=None)
        pipeline = Pipeline.default(settings)
        report = ingest_paths(
            paths,
            store,
            pipeline,
            on_start=lambda n: progress.update(task, total=n, description="extracting"),
            on_article=lambda a: progress.advance(task),
        )
    console.print(
        f"[bold]{len(report.added)}[/] ingested, {len(report.already_stored)} already stored, "
        f"{len(report.skipped)} skipped; {report.events} events in [cyan]{settings.db}[/]"
    )
    for s in report.skipped:
        where = f"{s.path}:{s.line}" if s.line else s.path
        err.print(f"  skipped {where}: {s.reason}", markup=False)


@app.command("events")
def events_cmd(
    db: DbOption = None,
    config: ConfigOption = None,
    limit: Annotated[int, typer.Option(help="Show at most this many events (0: all).")] = 0,
) -> None:
    """List the events as a table, newest first."""
    settings = _settings(db, config)
    with _store(settings) as store:
        events = store.events()
    table = Table(title=f"{len(events)} events in {settings.db}")
    table.add_column("id", no_wrap=True, min_width=13)
    table.add_column("date", no_wrap=True)
    for col in ("type", "place", "killed", "injured", "sources", "disputed"):
        table.add_column(col)
    for e in events[: limit or None]:
        table.add_row(
            e.id,
            f"{e.date.isoformat()} ({e.date_precision})" if e.date else "–",
            e.sub_event_type,
            _place_label(e),
            _fmt_count(e.killed_low, e.killed_high),
            _fmt_count(e.injured_low, e.injured_high),
            str(len(e.sources)),
            ", ".join(sorted({c.field for c in e.contradictions})) or "",
        )
    console.print(table)


def _place_label(e: Event) -> str:
    if e.place is None:
        return "–"
    parts = [e.place.name, e.place.admin1, e.place.country]
    return ", ".join(p for p in parts if p)


@app.command("show")
def show_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id (or a unique prefix of one).")],
    why: Annotated[bool, typer.Option("--why", help="Also list the evidence behind each merge.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show one event with each source's claims side by side."""
    settings = _settings(db, config)
    with _store(settings) as store:
        e = store.get_event(event_id)
    console.print(f"[bold]{e.id}[/]  {e.event_type} / {e.sub_event_type}")
    console.print(
        f"date {e.date or '–'} ({e.date_precision or 'unknown'}) · place {_place_label(e)}"
        + (f" ({e.place.latitude:.3f}, {e.place.longitude:.3f})" if e.place else "")
        + f" · killed {_fmt_count(e.killed_low, e.killed_high)}"
        + f" · injured {_fmt_count(e.injured_low, e.injured_high)}"
    )
    console.print(
        f"weapons: {', '.join(e.weapons) or '–'}   related: {', '.join(e.related_event_ids) or '–'}"
    )
    console.print(_claims_table(e))
    for c in e.contradictions:
        listed = "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in c.values)
        console.print(
            f"[red]disputed[/] {field_label(c.field)}: {escape(listed)} → "
            f"[bold]{escape(c.resolution or 'unresolved')}[/]: {escape(c.reason)}"
        )
    for f in e.framing:
        console.print(f"[bold]framing[/] {escape(f.source)}: {escape(framing_line(f))}")
    if why:
        console.print("[bold]why these articles are one event[/]")
        for r in e.merge_reasons or ["a single report: nothing was merged"]:
            console.print(f"  • {r}", markup=False)
    _show_history(settings, e, event_id, why)


def _show_history(settings: Settings, e: Event, asked: str, why: bool) -> None:
    """The history part of ``show``: aliases, user decisions (with --why) and field changes."""
    with _store(settings) as store:
        aliases = store.aliases_of(e.id)
        decisions = [d for d in store.decisions() if e.id in (d.event_id, d.other_id)] if why else []
    if asked != e.id and asked in aliases:
        console.print(f"[dim]{asked} was merged into {e.id}[/]")
    if aliases:
        console.print(f"merged ids: {', '.join(aliases)}", markup=False)
    if decisions:
        console.print("[bold]user decisions[/]")
        for d in decisions:
            console.print(f"  • {describe_decision(d)}", markup=False)
    if e.history:
        console.print("[bold]history[/]")
        for c in e.history:
            change = c.new if c.field == "event" else f"{c.field}: {c.old or '–'} → {c.new or '–'}"
            cause = f" ({c.reason}: {', '.join(c.article_ids)})" if c.article_ids else f" ({c.reason})"
            console.print(f"  {c.at:%Y-%m-%d %H:%M} {change}{cause}", markup=False)


@app.command("merge")
def merge_cmd(
    first: Annotated[str, typer.Argument(help="An event id (or a unique prefix of one).")],
    second: Annotated[str, typer.Argument(help="The event to merge with it.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Merge two events into one (the older id is kept); later runs respect the decision."""
    settings = _settings(db, config)
    with _store(settings) as store:
        merged = merge_events(store, first, second, settings)
    console.print(f"merged into [bold]{merged.id}[/] ({len(merged.article_ids)} articles)")


@app.command("split")
def split_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id (or a unique prefix of one).")],
    article_id: Annotated[str, typer.Argument(help="An article of that event.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Move an article out of an event into its own event; later runs never put it back."""
    settings = _settings(db, config)
    with _store(settings) as store:
        alone = split_event(store, event_id, article_id, settings)
    console.print(f"article {article_id} now reports [bold]{alone.id}[/]")


@app.command("rebuild")
def rebuild_cmd(db: DbOption = None, config: ConfigOption = None) -> None:
    """Re-resolve every stored article from scratch (user decisions kept, event ids kept where possible)."""
    settings = _settings(db, config)
    with _store(settings) as store:
        result = rebuild(store, Pipeline.default(settings))
        total = store.count_events()
    console.print(
        f"{total} events: {len(result.created)} new, {len(result.deleted)} merged away or gone "
        f"in [cyan]{settings.db}[/]"
    )


def _claims_table(e: Event) -> Table:
    """Rows are fields, columns are sources (value, hedged marker, credited origin), then agreement."""
    sources, rows = claims_grid(e)
    table = Table(title="claims by source", show_lines=True)
    table.add_column("field")
    for s in sources:
        table.add_column(escape(s))
    table.add_column("agreement (independent sources)")
    for row in rows:
        cells = [
            "\n".join(
                escape(c.value)
                + (" [dim](hedged)[/]" if c.hedged else "")
                + (f" [dim]via {escape(c.origin)}[/]" if c.origin else "")
                for c in cell
            )
            or "–"
            for cell in row.cells
        ]
        agreement = "\n".join(
            f"{escape(a.value)}: {a.independent_sources}"
            + (
                " [red]disputed[/]"
                if a.contradicted
                else " [green]confirmed[/]"
                if a.confirmed
                else " [dim]single[/]"
            )
            for a in row.agreement
        )
        table.add_row(field_label(row.field), *cells, agreement or "–")
    return table


@app.command("report")
def report_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id (or a unique prefix of one).")],
    fmt: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Write a shareable brief of one event: confirmed, disputed, single-source, each source's framing."""
    if fmt not in REPORT_FORMATS:
        raise SitrepError(f"unknown format {fmt!r}", hint="use --format md or --format html")
    settings = _settings(db, config)
    with _store(settings) as store:
        e = store.get_event(event_id)
        articles = {a.id: a for a in store.articles(e.article_ids)}
    text = render_report(e, fmt, articles)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {fmt} report of {e.id} to {output}", markup=False)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or geojson.")] = "jsonl",
    what: Annotated[str, typer.Option("--what", help="events or articles.")] = "events",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export events or articles (schema in README: Export schema)."""
    if fmt not in ("jsonl", "csv", "geojson"):
        raise SitrepError(f"unknown format {fmt!r}", hint="use --format jsonl, csv or geojson")
    if what not in ("events", "articles"):
        raise SitrepError(f"unknown --what {what!r}", hint="use --what events or --what articles")
    settings = _settings(db, config)
    exporter = export_events if what == "events" else export_articles
    with _store(settings) as store:
        if output is None:
            n = exporter(store, fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = exporter(store, fmt, fh)
    err.print(f"exported {n} {what}" + (f" to {output}" if output else ""))


@app.command("train")
def train_cmd(
    data: Annotated[
        Path, typer.Argument(help="CSV, TSV or JSONL of texts labelled with ACLED sub-event types.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the model file.")] = Path(
        "type_model.npz"
    ),
    text_column: Annotated[
        str | None, typer.Option("--text-column", help="Column holding the text [default: guessed].")
    ] = None,
    label_column: Annotated[
        str | None,
        typer.Option("--label-column", help="Column holding the sub-event type [default: guessed]."),
    ] = None,
    own_examples: Annotated[
        bool, typer.Option("--own-examples/--no-own-examples", help="Also train on sitrep's own examples.")
    ] = True,
    config: ConfigOption = None,
) -> None:
    """Train the event-type classifier on labelled data you hold the rights to (an ACLED export, say)."""
    from sitrep.extract.type_training import train_from_file

    settings = load_settings(config)
    report = train_from_file(
        data,
        output,
        text_column=text_column,
        label_column=label_column,
        embedder=settings.embedder,
        with_own_examples=own_examples,
    )
    console.print(
        f"trained on [bold]{report.rows}[/] labelled texts ({len(report.labels)} sub-event types)"
        + (f" plus {report.own_examples} own examples" if report.own_examples else "")
        + f"; model written to [cyan]{report.output}[/]"
    )
    console.print(f'use it with: type_model = "{report.output}" in the settings file, or SITREP_TYPE_MODEL')


def main() -> None:
    """Entry point of the ``sitrep`` console script: errors become one clear line and exit code 1."""
    try:
        app()
    except SitrepError as exc:
        err.print(f"[red]error:[/] {exc}", markup=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
