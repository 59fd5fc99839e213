"""The Store on a throwaway PostgreSQL server (skipped without server binaries or psycopg).

The server is started with ``initdb`` + ``pg_ctl`` from ``/usr/lib/postgresql/<version>/bin``
(or ``$SITREP_PG_BIN``), listening only on a unix socket in a temporary folder.
PostgreSQL refuses to run as root: under root the binaries are run as the
``postgres`` user through ``runuser`` (the folder is handed to that user),
and the test is skipped when that is not possible.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sitrep.store import Store, export_articles, export_events

pytestmark = pytest.mark.postgres


def _pg_bin() -> Path | None:
    candidates = [os.environ.get("SITREP_PG_BIN", "")]
    candidates += sorted(str(p) for p in Path("/usr/lib/postgresql").glob("*/bin"))[::-1]
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    pytest.importorskip("psycopg")
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found")
    prefix: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pg_user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        if runuser is None:
            pytest.skip("running as root and runuser is missing")
        prefix = [runuser, "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="sitrep-pg-", dir="/tmp"))  # short: unix socket paths are limited
    if prefix:
        os.chown(base, pg_user.pw_uid, pg_user.pw_gid)
    data, log = base / "data", base / "server.log"
    port = random.randint(20_000, 60_000)

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    try:
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "sitrep",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = f"-k {base} -p {port} -c listen_addresses='' -c fsync=off"
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL server: {exc}")
    try:
        yield f"postgresql+psycopg://sitrep@/postgres?host={base}&port={port}"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(base, ignore_errors=True)


def test_round_trip_on_postgres(postgres_url: str, tmp_path: Path, make_article, make_event) -> None:
    articles = [make_article("a1"), make_article("a2", outlet="Daily Lantern", extra=" More.")]
    events = [make_event("e1", article_ids=("a1", "a2")), make_event("e2", article_ids=("a2",), place=None)]
    exports = []
    for location in (postgres_url, str(tmp_path / "same.db")):
        with Store.open(location) as store:
            assert store.add_articles(articles).added == ["a1", "a2"]
            again = store.add_articles([make_article("a1-copy")])
            assert again.existing_as == {"a1-copy": "a1"}
            assert store.get_article("a1") == articles[0]
            store.replace_events([*events, make_event("stale")])
            store.replace_events(events)
            assert [e.id for e in store.events()] == ["e1", "e2"]
            assert store.get_event("e2") == events[1]
            assert store.events_for_article("a2") == ["e1", "e2"]
            outputs = []
            for export in (export_events, export_articles):
                for fmt in ("jsonl", "csv", "geojson"):
                    out = io.StringIO()
                    export(store, fmt, out)
                    outputs.append(out.getvalue())
            exports.append(outputs)
    with Store.open(postgres_url) as reopened:  # data persisted; schema is not created twice
        assert reopened.count_articles() == 2 and reopened.count_events() == 2
    assert exports[0] == exports[1]  # PostgreSQL and SQLite export the same bytes


def test_incremental_resolution_and_decisions_on_postgres(postgres_url: str) -> None:
    from sitrep.pipeline import Pipeline, ingest_paths, rebuild
    from sitrep.resolve.edits import merge_events, split_event

    files = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "examples" / "corpus").iterdir())
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:  # a database of its own: the round-trip test left events behind
        conn.execute(text("CREATE DATABASE incremental"))
    engine.dispose()
    pipeline = Pipeline.default()
    with Store.open(postgres_url.replace("/postgres?", "/incremental?")) as store:
        ingest_paths(files[::2], store, pipeline)
        ingest_paths(files[1::2], store, pipeline)
        multi = next(e for e in store.events() if len(e.article_ids) >= 3)
        article = sorted(multi.article_ids)[0]
        alone = split_event(store, multi.id, article)
        assert article not in store.get_event(multi.id).article_ids
        merge_events(store, alone.id, multi.id)
        rebuild(store, pipeline)
        merged = store.get_event(alone.id)
        assert merged.id == multi.id and article in merged.article_ids
        assert [d.kind for d in store.decisions()] == ["split", "merge"]
        assert store.event_history(multi.id)[-1].new == f"merged with {alone.id}"
