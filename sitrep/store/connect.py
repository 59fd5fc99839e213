"""Opening databases: locations (path or URL), SQLite file checks and connection settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sitrep.errors import StoreError
from sitrep.store.writer import WRITER_OPTION

__all__ = ["check_sqlite_file", "configure_sqlite", "resolve_location", "store_error"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_location(url_or_path: str) -> tuple[URL, Path | None]:
    """The SQLAlchemy URL of a location (file path or URL), and the SQLite file it names (if any).

    Raises:
        StoreError: for an invalid URL or an in-memory SQLite database.
    """
    if "://" in url_or_path:
        try:
            url = make_url(url_or_path)
        except ArgumentError as exc:
            raise StoreError(
                f"{url_or_path!r} is not a valid database URL",
                hint="use a file path or a URL such as postgresql+psycopg://user@host/dbname",
            ) from exc
        if url.get_backend_name() != "sqlite":
            return url, None
        database = url.database or ""
        if database in ("", ":memory:") or url.query.get("mode") == "memory":
            raise StoreError(
                "in-memory SQLite databases are not supported (the writer thread needs its own connection)",
                hint="give a file path, e.g. a file in a temporary folder",
            )
        return url, Path(database)
    if url_or_path in ("", ":memory:"):
        raise StoreError("in-memory SQLite databases are not supported", hint="give a file path")
    path = Path(url_or_path).expanduser()
    return URL.create("sqlite+pysqlite", database=str(path)), path


def check_sqlite_file(path: Path) -> None:
    """Fail unless ``path`` is absent, empty or an SQLite file; create its folder when absent.

    Raises:
        StoreError: when ``path`` is a folder or a file of another kind.
    """
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a sitrep database", hint="give the path of a database file"
        )
    if path.exists():
        try:
            with path.open("rb") as fh:
                header = fh.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc}", hint="check the file's permissions") from exc
        if header and header != _SQLITE_MAGIC:
            raise StoreError(
                f"{path} is not a sitrep database (not an SQLite file)",
                hint="give the path of a sitrep database, or a new path to create one",
            )
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {path.parent}: {exc}", hint="check permissions") from exc


def configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout and real transactions (``BEGIN`` emitted by us)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver must not BEGIN on its own
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA busy_timeout = 10000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITER_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def store_error(url: str, action: str, exc: SQLAlchemyError) -> StoreError:
    """A :class:`StoreError` explaining a database error."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    if "file is not a database" in detail:
        return StoreError(
            f"{url} is not a sitrep database ({detail})", hint="give the path of a sitrep database"
        )
    return StoreError(f"cannot {action} {url}: {detail}", hint="check the database is reachable and writable")
