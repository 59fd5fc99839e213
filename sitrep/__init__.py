"""sitrep: turn news articles into a deduplicated, geocoded, corroborated event database.

The public Python API::

    from sitrep import Pipeline, Store, load_settings, ingest_paths

    settings = load_settings()
    with Store.open("events.db") as store:
        report = ingest_paths(["examples/corpus"], store, Pipeline.default(settings))
        for event in store.events():
            print(event.id, event.sub_event_type, event.place_name, event.killed)
"""

from sitrep.config import Settings, load_settings
from sitrep.errors import SitrepError
from sitrep.model import (
    ActorMention,
    Article,
    Claim,
    Contradiction,
    Event,
    EventMention,
    Place,
    PlaceMention,
    Source,
    Span,
)

_LAZY = {
    "IngestReport": "sitrep.pipeline",
    "Pipeline": "sitrep.pipeline",
    "ingest_paths": "sitrep.pipeline",
    "Store": "sitrep.store",
}


def __getattr__(name: str) -> object:
    """Import the heavier parts of the API (pipeline, store) on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "ActorMention",
    "Article",
    "Claim",
    "Contradiction",
    "Event",
    "EventMention",
    "IngestReport",
    "Pipeline",
    "Place",
    "PlaceMention",
    "Settings",
    "SitrepError",
    "Source",
    "Span",
    "Store",
    "__version__",
    "ingest_paths",
    "load_settings",
]
