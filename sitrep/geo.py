"""Geographic arithmetic."""

from __future__ import annotations

import math

__all__ = ["FINE_FEATURES", "PLACE_SPECIFICITY", "distance_km"]

_EARTH_KM = 6371.0088

#: How fine a gazetteer feature is: 0 for a facility, up to 4 for a country.
#: Features that locate an incident finely (a site, a town, a district).
FINE_FEATURES = ("facility", "point", "city", "admin2")
PLACE_SPECIFICITY = {
    "facility": 0,
    "point": 0,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 4,
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
