"""The pipeline: stages in order, each declaring what it requires and what it assigns.

Article stages (cleaning, extraction) take an :class:`Article` and return it with
more attributes filled in. Corpus stages (wire-copy detection, resolution,
corroboration) work on all articles at once. :class:`Pipeline` checks at
construction time that every stage's requirements are assigned by an earlier
stage, spaCy-style, so a mis-ordered pipeline fails loudly rather than silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.config import Settings
from sitrep.corroborate import corroborate_event
from sitrep.errors import ConfigError
from sitrep.extract.stages import article_stages
from sitrep.ingest import Skipped, clean, mark_duplicates, read_paths
from sitrep.model import Article, Event
from sitrep.resolve import resolve_events
from sitrep.resolve.incremental import ResolveResult, rebuild_events, update_events
from sitrep.store import Store
from sitrep.store.bands import band_keys

__all__ = [
    "BASE_ATTRIBUTES",
    "IngestReport",
    "Pipeline",
    "Stage",
    "ingest_articles",
    "ingest_paths",
    "rebuild",
]

logger = logging.getLogger(__name__)

#: What a freshly read article already has.
BASE_ATTRIBUTES = frozenset({"text", "title", "outlet", "url", "published", "id", "content_hash"})


@dataclass(frozen=True, slots=True)
class Stage:
    """One article stage: a named function with declared inputs and outputs."""

    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


@dataclass(slots=True)
class Pipeline:
    """Runs the article stages in order, then resolves and corroborates events.

    Example:
        >>> pipe = Pipeline.default()                       # doctest: +SKIP
        >>> articles = [pipe.analyse(a) for a in articles]  # doctest: +SKIP
        >>> events = pipe.resolve(articles)                 # doctest: +SKIP
    """

    stages: list[Stage]
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        available = set(BASE_ATTRIBUTES)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                    hint="reorder the stages or add the stage that assigns it",
                )
            available.update(stage.assigns)

    @classmethod
    def default(cls, settings: Settings | None = None) -> Pipeline:
        """The standard pipeline: cleaning then every extractor, with the offline gazetteer."""
        settings = settings or Settings()
        stages = [Stage("clean", clean, requires=("text",), assigns=("clean_text",))]
        stages += [Stage(*spec) for spec in article_stages(settings)]
        return cls(stages=stages, settings=settings)

    @property
    def names(self) -> list[str]:
        """The stage names, in order."""
        return [s.name for s in self.stages]

    def analyse(self, article: Article) -> Article:
        """Run every article stage on one article and return the enriched article."""
        for stage in self.stages:
            article = stage.func(article)
        return article

    def analyse_all(
        self,
        articles: Iterable[Article],
        known: Sequence[Article] = (),
        on_article: Callable[[Article], None] | None = None,
    ) -> list[Article]:
        """Analyse many articles, then mark wire copies among them and the ``known`` ones."""
        done: list[Article] = []
        for article in articles:
            done.append(self.analyse(article))
            if on_article:
                on_article(done[-1])
        return mark_duplicates(done, known)

    def resolve(self, articles: Sequence[Article]) -> list[Event]:
        """Cluster the articles' event mentions into events and corroborate each one."""
        events = resolve_events(articles, self.settings)
        by_id = {a.id: a for a in articles}
        return [corroborate_event(e, by_id) for e in events]

    def run(self, articles: Iterable[Article]) -> tuple[list[Article], list[Event]]:
        """Analyse, resolve and corroborate: articles in, events out."""
        analysed = self.analyse_all(articles)
        return analysed, self.resolve(analysed)


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    events: int = 0
    resolution: ResolveResult = field(default_factory=ResolveResult)

    @property
    def skip_reasons(self) -> dict[str, int]:
        """How many inputs were skipped, per reason."""
        out: dict[str, int] = {}
        for s in self.skipped:
            key = s.reason.split(" (")[0]
            out[key] = out.get(key, 0) + 1
        return out


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    *,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> IngestReport:
    """Read ``paths``, analyse the articles not stored yet, store them, and re-resolve all events.

    Re-ingesting an article already stored (same id, or same text) is a no-op.
    Inputs that cannot be read are skipped and listed in the report.
    """
    report = IngestReport()
    fresh: list[Article] = []
    known_ids = store.article_ids()
    seen_hashes: set[str] = set()
    for item in read_paths(paths, max_chars=pipeline.settings.max_article_chars):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if (
            item.id in known_ids
            or item.content_hash in seen_hashes
            or store.has_content_hash(item.content_hash)
        ):
            report.already_stored.append(item.id)
            continue
        seen_hashes.add(item.content_hash)
        known_ids.add(item.id)
        fresh.append(item)
    if on_start:
        on_start(len(fresh))
    if fresh:
        analysed = []
        for article in fresh:
            analysed.append(pipeline.analyse(article))
            if on_article:
                on_article(analysed[-1])
        done = ingest_articles(analysed, store, pipeline)
        report.added = done.added
        report.already_stored += done.already_stored
        report.resolution = done.resolution
    report.events = store.count_events()
    logger.info(
        "ingest: %d added, %d already stored, %d skipped",
        len(report.added),
        len(report.already_stored),
        len(report.skipped),
    )
    return report


def ingest_articles(articles: Sequence[Article], store: Store, pipeline: Pipeline) -> IngestReport:
    """Store analysed articles and resolve them incrementally against the stored events.

    Wire copies are marked against the batch and the stored articles sharing a
    MinHash band with one of them (found by index, not by loading every article).
    Articles already stored are left alone; only the events they touch are rewritten.
    """
    report = IngestReport()
    bands = band_keys(articles)
    batch = {a.id for a in articles}
    similar = store.articles_sharing_bands(k for keys in bands.values() for k in keys) - batch
    known = list(store.light_articles(similar).values())
    marked = mark_duplicates(articles, known)
    result = store.add_articles(marked, bands=bands)
    report.added = list(result.added)
    report.already_stored = list(result.existing)
    added = set(result.added)
    report.resolution = update_events(store, [a for a in marked if a.id in added], pipeline.settings)
    report.events = store.count_events()
    return report


def rebuild(store: Store, pipeline: Pipeline) -> ResolveResult:
    """Re-resolve every stored article from scratch (user decisions applied, event ids kept)."""
    return rebuild_events(store, pipeline.settings)
