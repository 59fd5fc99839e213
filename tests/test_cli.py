"""The command line, driven as a user would, and its documentation."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "cli.db")
    result = runner.invoke(app, ["ingest", str(ROOT / "examples" / "corpus"), "--db", path])
    assert result.exit_code == 0, result.output
    assert "38 ingested" in result.output
    return path


def test_reingest_is_a_noop(db: str) -> None:
    before = runner.invoke(app, ["export", "--db", db]).stdout
    result = runner.invoke(app, ["ingest", str(ROOT / "examples" / "corpus"), "--db", db])
    assert result.exit_code == 0
    assert "0 ingested, 38 already stored" in result.output
    assert runner.invoke(app, ["export", "--db", db]).stdout == before


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(
        "Gunmen kill two in Dayton\n\n"
        "DAYTON, Ohio — Two men were shot dead on Main Street on Friday, police said.\n",
        encoding="utf-8",
    )
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00\xff")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output and "2 skipped" in result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output


def test_events_table_and_show(db: str) -> None:
    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0
    assert "Explosions" in table.output or "Attack" in table.output
    event_id = re.search(r"ev-[0-9a-f]{10}", table.output).group(0)  # type: ignore[union-attr]
    shown = runner.invoke(app, ["show", event_id[:8], "--why", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert event_id in shown.output and "claims by source" in shown.output


def test_show_unknown_event_says_how_to_fix(db: str) -> None:
    result = runner.invoke(app, ["show", "ev-nope", "--db", db])
    assert result.exit_code != 0
    assert "sitrep events" in str(result.exception)


@pytest.mark.parametrize("what", ["events", "articles"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_exports(db: str, tmp_path: Path, fmt: str, what: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--what", what, "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert len(rows) == (38 if what == "articles" else len(rows)) and rows
    elif fmt == "geojson":
        doc = json.loads(text)
        assert doc["type"] == "FeatureCollection" and doc["features"]
        lon, lat = doc["features"][0]["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    else:
        assert text.splitlines()[0].startswith("event_id" if what == "events" else "article_id")


def test_every_cli_option_is_documented() -> None:
    command = typer.main.get_command(app)
    assert hasattr(command, "commands")
    missing = []
    for name, sub in command.commands.items():
        if f"sitrep {name}" not in README:
            missing.append(name)
        for param in sub.params:
            missing += [opt for opt in param.opts if opt.startswith("-") and f"`{opt}" not in README]
    missing += [
        opt for p in command.params for opt in p.opts if opt.startswith("-") and f"`{opt}" not in README
    ]
    assert not missing, f"undocumented in README: {sorted(set(missing))}"


def test_every_setting_is_documented() -> None:
    from dataclasses import fields

    missing = [f.name for f in fields(Settings) if f"`{f.name}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_quick_start_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.search(r"^scripts/test\s*$", ci, re.MULTILINE)


def test_reading_a_missing_database_says_how_to_fix(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "nothing.db")])
    assert result.exit_code != 0
    assert "sitrep ingest" in str(result.exception)
    assert not (tmp_path / "nothing.db").exists()


def _balad_event_id(db: str) -> str:
    rows = [json.loads(line) for line in runner.invoke(app, ["export", "--db", db]).stdout.splitlines()]
    return next(
        r["event_id"] for r in rows if r["place"] and "Balad" in r["place"] and len(r["sources"]) >= 4
    )


def test_show_puts_sources_side_by_side_with_agreement(db: str) -> None:
    shown = runner.invoke(app, ["show", _balad_event_id(db), "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "agreement" in shown.output
    for outlet in ("Tigris Daily", "Gulf Ledger", "Euphrates Herald"):
        assert outlet in shown.output
    assert "disputed" in shown.output and "described location" in shown.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_writes_a_shareable_brief(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"brief.{fmt}"
    result = runner.invoke(app, ["report", _balad_event_id(db), "--format", fmt, "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for section in ("Map position", "Confirmed", "Disputed", "Resting on one source", "Sources"):
        assert section in text
    assert "Meridian Press" in text  # the wire agency both reprints carry
    assert ("<svg" in text) == (fmt == "html")


def test_report_refuses_an_unknown_format(db: str) -> None:
    result = runner.invoke(app, ["report", _balad_event_id(db), "--format", "pdf", "--db", db])
    assert result.exit_code != 0


def test_show_renders_each_sources_framing_when_present(db: str, tmp_path: Path) -> None:
    import shutil

    from sitrep.model import SourceFraming
    from sitrep.store import Store

    copy = str(tmp_path / "framed.db")
    shutil.copy(db, copy)
    store = Store.open(copy)
    events = store.events()
    target = next(e for e in events if e.id == _balad_event_id(db))
    target.framing = [SourceFraming("Gulf Ledger", (), ("[bold]slaughter[/bold]",), 3.5, 0.2, "charged")]
    store.replace_events(events)
    store.close()
    shown = runner.invoke(app, ["show", target.id, "--db", copy])
    assert shown.exit_code == 0, shown.output
    assert "framing Gulf Ledger" in shown.output and "[bold]slaughter[/bold]" in shown.output
    assert "3.5 per 1,000 words" in shown.output


def test_merge_split_rebuild_and_history_from_the_command_line(db: str, tmp_path: Path) -> None:
    path = str(tmp_path / "edits.db")
    shutil.copy(db, path)
    rows = [json.loads(line) for line in runner.invoke(app, ["export", "--db", path]).stdout.splitlines()]
    grown = next(r for r in rows if len(r["article_ids"]) >= 3)
    assert grown["history"][0]["field"] == "event" and grown["history"][0]["new"] == "created"
    shown = runner.invoke(app, ["show", grown["event_id"], "--db", path])
    assert "history" in shown.output and "created" in shown.output

    article = grown["article_ids"][-1]
    split = runner.invoke(app, ["split", grown["event_id"], article, "--db", path])
    assert split.exit_code == 0, split.output
    alone = re.search(r"ev-[0-9a-f]{10}\S*", split.output).group(0)  # type: ignore[union-attr]
    merged = runner.invoke(app, ["merge", grown["event_id"], alone, "--db", path])
    assert merged.exit_code == 0 and grown["event_id"] in merged.output
    rebuilt = runner.invoke(app, ["rebuild", "--db", path])
    assert rebuilt.exit_code == 0, rebuilt.output
    why = runner.invoke(app, ["show", alone, "--why", "--db", path])
    assert why.exit_code == 0, why.output
    assert f"{alone} was merged into {grown['event_id']}" in why.output
    assert "user decisions" in why.output and "split out of event" in why.output
    assert f"merged with {alone}" in why.output


def test_bad_split_says_how_to_fix(db: str) -> None:
    table = runner.invoke(app, ["events", "--db", db])
    event_id = re.search(r"ev-[0-9a-f]{10}", table.output).group(0)  # type: ignore[union-attr]
    result = runner.invoke(app, ["split", event_id, "no-such-article", "--db", db])
    assert result.exit_code != 0
    assert "does not report" in str(result.exception)
