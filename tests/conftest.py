"""Shared fixtures: the seed articles, the example corpus, and databases built from them."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.pipeline import IngestReport, Pipeline, ingest_paths
from sitrep.store import Store, export_articles, export_events

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (loads the gazetteer once per test session)."""
    return Pipeline.default()


def build(tmp: Path, paths: list[Path], pipeline: Pipeline) -> tuple[Store, IngestReport]:
    """Ingest ``paths`` into a fresh SQLite database under ``tmp``."""
    store = Store.open(str(tmp / "test.db"))
    return store, ingest_paths([str(p) for p in paths], store, pipeline)


def exported(store: Store, what: str = "events") -> list[dict]:
    """The JSONL export of ``store`` as a list of dicts."""
    buf = io.StringIO()
    (export_events if what == "events" else export_articles)(store, "jsonl", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Store]:
    """A database holding the two seed articles (skipped when ../shared/seeds is absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    store, _ = build(tmp_path_factory.mktemp("seeds"), [SEEDS], pipeline)
    yield store
    store.close()


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Store]:
    """A database built from the bundled example corpus."""
    store, report = build(tmp_path_factory.mktemp("examples"), [EXAMPLES / "corpus"], pipeline)
    assert not report.skipped
    yield store
    store.close()
