"""Training the event-type classifier on a user's own labelled file, from Python and from `sitrep train`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import ConfigError
from sitrep.extract.type_classifier import TypeClassifier, load_classifier
from sitrep.extract.type_training import read_labelled, train_from_file

# An invented export in the shape of an ACLED one: the classifier must learn the user's convention that
# "seized" in these notes means a territorial gain by a non-state actor.
ROWS = [
    ("On 2 May, the Red Hand group seized Talo village.", "Non-state actor overtakes territory"),
    ("On 9 May, Red Hand fighters seized the Meru crossing.", "Non-state actor overtakes territory"),
    ("On 3 June, the Red Hand group seized two hamlets near Soko.", "Non-state actor overtakes territory"),
    ("On 4 May, police detained a Red Hand courier in Talo.", "Arrests"),
    ("On 8 June, police detained two Red Hand suppliers at the market.", "Arrests"),
    ("On 1 July, police detained the Red Hand spokesman at his home.", "Arrests"),
]


def _write_csv(
    path: Path, rows: list[tuple[str, str]], cols: tuple[str, str] = ("notes", "sub_event_type")
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_date", cols[0], cols[1]])
        for text, label in rows:
            w.writerow(["2021-01-01", text, label])
    return path


def test_reads_csv_tsv_and_jsonl_with_columns_found_automatically(tmp_path: Path) -> None:
    assert read_labelled(_write_csv(tmp_path / "a.csv", ROWS)) == ROWS
    tsv = tmp_path / "b.tsv"
    tsv.write_text("id\tEventSnippet\tlabel\n" + "".join(f"1\t{t}\t{y}\n" for t, y in ROWS), encoding="utf-8")
    assert read_labelled(tsv) == ROWS
    jl = tmp_path / "c.jsonl"
    jl.write_text(
        "".join(json.dumps({"text": t, "sub_event_type": y}) + "\n" for t, y in ROWS), encoding="utf-8"
    )
    assert read_labelled(jl) == ROWS


def test_explicit_columns_and_clear_errors(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "odd.csv", ROWS, cols=("summary", "kind"))
    with pytest.raises(ConfigError, match="which column"):
        read_labelled(path)
    assert read_labelled(path, text_column="summary", label_column="kind") == ROWS
    with pytest.raises(ConfigError, match="no column"):
        read_labelled(path, text_column="body", label_column="kind")
    bad = _write_csv(tmp_path / "bad.csv", [*ROWS, ("A storm hit the coast.", "Weather")])
    with pytest.raises(ConfigError, match="'Weather'"):
        read_labelled(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        read_labelled(tmp_path / "nothing.csv")


def test_trained_model_learns_the_users_labels(tmp_path: Path) -> None:
    report = train_from_file(
        _write_csv(tmp_path / "a.csv", ROWS), tmp_path / "m.npz", with_own_examples=False
    )
    assert report.rows == 6 and report.own_examples == 0
    clf = TypeClassifier.load(report.output)
    assert set(clf.classes) == {"Non-state actor overtakes territory", "Arrests"}
    probs = clf.predict_proba(["On 5 July, the Red Hand group seized Bora village."])[0]
    assert max(probs, key=lambda k: probs[k]) == "Non-state actor overtakes territory"


def test_sitrep_train_command_writes_a_model_the_settings_can_point_to(tmp_path: Path) -> None:
    data = _write_csv(tmp_path / "export.csv", ROWS)
    out = tmp_path / "types.npz"
    result = CliRunner().invoke(app, ["train", str(data), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 labelled texts" in result.output and out.is_file()
    clf = load_classifier(str(out))
    assert "Arrests" in clf.classes and "Armed clash" in clf.classes  # own examples were added
    bad = CliRunner().invoke(app, ["train", str(tmp_path / "missing.csv")])
    assert bad.exit_code != 0
