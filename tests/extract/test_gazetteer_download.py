"""The GeoNames downloader and dump reader, against local file:// URLs (no network)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.errors import GazetteerError
from sitrep.extract.gazetteer import build_gazetteer
from sitrep.extract.gazetteer_download import (
    download_geonames,
    load_geonames_dump,
    load_geonames_records,
    read_country_info,
)

# Two invented places in GeoNames' 19-column tab-separated format.
_ROWS = [
    [
        "9900001",
        "Qaryat Zaytun",
        "Qaryat Zaytun",
        "Zaytun Village,Zeitoun Hamlet",
        "35.10",
        "44.10",
        "P",
        "PPL",
        "IQ",
        "",
        "13",
        "",
        "",
        "",
        "1200",
        "",
        "300",
        "Asia/Baghdad",
        "2020-01-01",
    ],
    [
        "9900002",
        "Nowhere Springs",
        "Nowhere Springs",
        "",
        "31.50",
        "-100.40",
        "P",
        "PPL",
        "US",
        "",
        "TX",
        "",
        "",
        "",
        "800",
        "",
        "500",
        "America/Chicago",
        "2020-01-01",
    ],
]


@pytest.fixture()
def mirror(tmp_path: Path) -> Path:
    """A folder laid out like the GeoNames dump site."""
    site = tmp_path / "site"
    site.mkdir()
    with zipfile.ZipFile(site / "cities500.zip", "w") as zf:
        zf.writestr("cities500.txt", "".join("\t".join(r) + "\n" for r in _ROWS))
    (site / "admin1CodesASCII.txt").write_text(
        "IQ.13\tKirkuk\tKirkuk\t94789\nUS.TX\tTexas\tTexas\t4736286\n", encoding="utf-8"
    )
    (site / "countryInfo.txt").write_text(
        "# comment\n#ISO\tISO3\tISO-Numeric\tfips\tCountry\n"
        "IQ\tIRQ\t368\tIZ\tIraq\nUS\tUSA\t840\tUS\tUnited States\n",
        encoding="utf-8",
    )
    return site


def test_download_from_file_url(mirror: Path, tmp_path: Path) -> None:
    dest = tmp_path / "dumps"
    paths = download_geonames(dest, base_url=mirror.as_uri() + "/")
    assert [p.name for p in paths] == ["cities500.zip", "admin1CodesASCII.txt", "countryInfo.txt"]
    assert all(p.is_file() for p in paths)
    assert not list(dest.glob("*.part"))  # temp files renamed or removed
    places = load_geonames_dump(dest)
    village = next(p for p in places if p.name == "Qaryat Zaytun")
    assert (village.country, village.admin1, village.population) == ("IQ", "Kirkuk", 1200)
    assert village.latitude == pytest.approx(35.10)
    assert [r["Country"] for r in read_country_info(dest)] == ["Iraq", "United States"]


def test_corrupt_zip_is_rejected_and_not_left_behind(mirror: Path, tmp_path: Path) -> None:
    (mirror / "cities500.zip").write_text("<html>Service unavailable</html>", encoding="utf-8")
    dest = tmp_path / "dumps"
    with pytest.raises(GazetteerError, match="not a zip"):
        download_geonames(dest, base_url=mirror.as_uri(), files=("cities500.zip",))
    assert list(dest.iterdir()) == []


def test_missing_file_gives_a_fix_it_message(mirror: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError) as info:
        download_geonames(tmp_path / "d", base_url=mirror.as_uri(), files=("nothere.zip",))
    assert info.value.hint and "download" in info.value.hint


def test_opener_is_injectable(tmp_path: Path) -> None:
    import io

    calls: list[str] = []

    def fake_opener(url: str) -> io.BytesIO:
        calls.append(url)
        return io.BytesIO(b"IQ.13\tKirkuk\tKirkuk\t94789\n")

    download_geonames(
        tmp_path, base_url="https://example.invalid/dump", files=("admin1CodesASCII.txt",), opener=fake_opener
    )
    assert calls == ["https://example.invalid/dump/admin1CodesASCII.txt"]


def test_reader_without_dump_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no GeoNames cities dump"):
        load_geonames_records(tmp_path)


def test_gazetteer_dir_replaces_the_bundled_cities(mirror: Path, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path / "cache"), gazetteer_dir=str(mirror))
    gaz = build_gazetteer(settings)
    village = gaz.lookup("Zaytun Village")  # alternate name of a small place: not indexed
    assert village == []
    found = gaz.lookup("Qaryat Zaytun")
    assert found and found[0].admin1 == "Kirkuk" and found[0].gazetteer_id == "geonames:9900001"
    assert gaz.lookup("Nowhere Springs")[0].admin1 == "Texas"
    assert gaz.country("IQ") is not None  # countries and facilities still come from the bundle
    assert gaz.lookup("K-1 Air Base")[0].feature == "facility"
