"""The article stages of extraction, in order, with what each requires and assigns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sitrep.config import Settings
from sitrep.corroborate.framing import frame_article
from sitrep.extract.actors import find_actors
from sitrep.extract.dates import find_dates
from sitrep.extract.events import assemble_events
from sitrep.extract.gazetteer import load_gazetteer
from sitrep.extract.origins import find_origins
from sitrep.extract.places import find_places
from sitrep.extract.quotes import find_quotes
from sitrep.extract.type_classifier import load_classifier
from sitrep.model import Article

__all__ = ["StageSpec", "article_stages"]

#: (name, function, requires, assigns)
StageSpec = tuple[str, Callable[[Article], Article], tuple[str, ...], tuple[str, ...]]


def article_stages(settings: Settings) -> list[StageSpec]:
    """The extraction stages of the default pipeline, bound to the offline gazetteer and type classifier."""
    gaz = load_gazetteer(settings)
    classifier = load_classifier(settings.type_model, settings.embedder, settings.cache_dir)

    def places(a: Article) -> Article:
        return replace(a, places=find_places(a, gaz))

    def dates(a: Article) -> Article:
        return replace(a, dates=find_dates(a))

    def actors(a: Article) -> Article:
        return replace(a, actors=find_actors(a))

    def quotes(a: Article) -> Article:
        return replace(a, quotes=find_quotes(a))

    def origins(a: Article) -> Article:
        return replace(a, origins=find_origins(a))

    def events(a: Article) -> Article:
        return assemble_events(a, gaz, classifier)

    return [
        ("places", places, ("clean_text",), ("places",)),
        ("dates", dates, ("clean_text", "published"), ("dates",)),
        ("actors", actors, ("clean_text",), ("actors",)),
        ("quotes", quotes, ("clean_text",), ("quotes",)),
        ("origins", origins, ("clean_text",), ("origins",)),
        ("events", events, ("places", "dates", "actors"), ("events",)),
        ("framing", frame_article, ("clean_text", "quotes"), ("framing", "biased_sentences")),
    ]
