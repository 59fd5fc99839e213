"""Read a user's labelled data and train an event-type model on it (``sitrep train``).

The input is a CSV, TSV or JSON-lines file with one text and one sub-event type per
row - an ACLED export, say, with its ``notes`` and ``sub_event_type`` columns.
Column names are found automatically among common ones or given explicitly. Labels
must be ACLED sub-event type names (``Armed clash``, ``Air/drone strike``, ...) or
one of sitrep's non-conflict labels; rows with an empty text are skipped.
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ConfigError
from sitrep.extract.type_classifier import NON_CONFLICT_TYPES, TypeClassifier, load_examples
from sitrep.taxonomy import SUB_EVENT_TYPES

__all__ = ["LABEL_COLUMNS", "TEXT_COLUMNS", "TrainingReport", "read_labelled", "train_from_file"]

logger = logging.getLogger(__name__)

#: Column names tried, in order, when none is given.
TEXT_COLUMNS = ("text", "notes", "snippet", "sentence", "EventSnippet", "description")
LABEL_COLUMNS = ("sub_event_type", "label", "SubType", "subtype", "type")


@dataclass(frozen=True, slots=True)
class TrainingReport:
    """What ``train_from_file`` did."""

    rows: int  # labelled rows read from the file
    own_examples: int  # sitrep's own examples added
    labels: dict[str, int]  # rows per label (file rows only)
    output: Path


def _pick(columns: list[str], wanted: str | None, candidates: tuple[str, ...], what: str, path: Path) -> str:
    if wanted:
        if wanted not in columns:
            raise ConfigError(
                f"{path} has no column {wanted!r}", hint=f"its columns are: {', '.join(columns)}"
            )
        return wanted
    lower = {c.lower(): c for c in columns}
    for c in candidates:
        if c.lower() in lower:
            return lower[c.lower()]
    raise ConfigError(
        f"cannot tell which column of {path} holds the {what}",
        hint=f"pass --{what}-column; its columns are: {', '.join(columns)}",
    )


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ConfigError(f"{path} does not exist", hint="pass a CSV, TSV or JSONL file of labelled texts")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{n} is not JSON: {exc}", hint="one JSON object per line") from exc
            rows.append({str(k): "" if v is None else str(v) for k, v in rec.items()})
        return rows
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            {k: v or "" for k, v in r.items() if k is not None}
            for r in csv.DictReader(fh, delimiter=delimiter)
        ]


def read_labelled(
    path: str | Path, text_column: str | None = None, label_column: str | None = None
) -> list[tuple[str, str]]:
    """(text, label) pairs from a CSV, TSV or JSONL file.

    Raises:
        ConfigError: when the file is missing, a column cannot be found, or a label is unknown.
    """
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise ConfigError(f"{path} holds no rows", hint="pass a file with a header and labelled rows")
    columns = list(rows[0])
    tcol = _pick(columns, text_column, TEXT_COLUMNS, "text", path)
    lcol = _pick(columns, label_column, LABEL_COLUMNS, "label", path)
    known = set(SUB_EVENT_TYPES) | set(NON_CONFLICT_TYPES)
    pairs = [(r.get(tcol, "").strip(), r.get(lcol, "").strip()) for r in rows]
    pairs = [(t, y) for t, y in pairs if t]
    unknown = Counter(y for _, y in pairs if y not in known)
    if unknown:
        shown = ", ".join(f"{y!r} ({n})" for y, n in unknown.most_common(5))
        raise ConfigError(
            f"{path}: labels that are not ACLED sub-event types: {shown}",
            hint="use ACLED sub-event type names, e.g. 'Armed clash' or 'Air/drone strike'",
        )
    return pairs


def train_from_file(
    path: str | Path,
    output: str | Path,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    embedder: str = "none",
    with_own_examples: bool = True,
) -> TrainingReport:
    """Train a type model on a labelled file (plus sitrep's own examples) and save it to ``output``."""
    pairs = read_labelled(path, text_column, label_column)
    own = load_examples() if with_own_examples else []
    texts = [t for t, _ in pairs] + [t for t, _ in own]
    labels = [y for _, y in pairs] + [y for _, y in own]
    logger.info("training on %d labelled texts (%d from %s)", len(texts), len(pairs), path)
    clf = TypeClassifier.train(texts, labels, embedder, trained_on=Path(path).name)
    out = clf.save(output)
    return TrainingReport(len(pairs), len(own), dict(Counter(y for _, y in pairs)), out)
