"""The public API is small, explicit and importable."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.config import load_settings
from sitrep.errors import ConfigError
from sitrep.model import Article
from sitrep.pipeline import Pipeline, Stage


def test_all_names_resolve() -> None:
    assert sorted(sitrep.__all__) == sorted(set(sitrep.__all__))
    for name in sitrep.__all__:
        assert getattr(sitrep, name) is not None
    assert callable(sitrep.ingest_paths) and callable(sitrep.Pipeline.default)


def test_pipeline_rejects_a_stage_whose_input_nobody_assigns() -> None:
    def noop(a: Article) -> Article:
        return a

    with pytest.raises(ConfigError, match="requires places"):
        Pipeline(stages=[Stage("events", noop, requires=("places",), assigns=("events",))])


def test_settings_from_file_and_environment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "s.toml"
    cfg.write_text('[sitrep]\ncluster_km = 30\ndb = "a.db"\n', encoding="utf-8")
    s = load_settings(cfg, env={"SITREP_DB": "b.db"})
    assert s.cluster_km == 30.0 and s.db == "b.db"
    cfg.write_text("nonsense_key = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="known settings"):
        load_settings(cfg, env={})
    with pytest.raises(ConfigError, match="not a int"):
        load_settings(None, env={"SITREP_CLUSTER_DAYS": "soon"})
