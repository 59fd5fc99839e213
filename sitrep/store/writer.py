"""A single writer thread for SQLite: every write of a :class:`~sitrep.store.Store` runs here.

SQLite allows one writer at a time. Rather than letting threads fight over the
write lock (and fail with ``database is locked``), every write is a job put on
a queue; one dedicated thread, holding one connection, runs the jobs in order,
each in its own ``BEGIN IMMEDIATE`` transaction. Callers block until their job
is done and get its result, or its exception re-raised. Reads do not go
through the writer: they use the engine's connection pool, and WAL mode lets
them run while the writer writes.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from sitrep.errors import StoreError

__all__ = ["WRITER_OPTION", "WriterThread"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Execution option set on the writer's connection (the ``begin`` hook then emits ``BEGIN IMMEDIATE``).
WRITER_OPTION = "sitrep_writer"

_Job = tuple[Callable[[Connection], Any], "Future[Any]"]


class WriterThread:
    """Runs write jobs, one at a time and each in one transaction, on one connection."""

    def __init__(self, engine: Engine, *, name: str = "sitrep-store-writer") -> None:
        """Start the thread and open its connection.

        Raises:
            StoreError: when the writer's connection cannot be opened.
        """
        self._engine = engine
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            raise StoreError(
                f"cannot open a write connection: {self._startup_error}",
                hint="check that the database file and its folder are writable",
            ) from self._startup_error

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called."""
        return self._closed

    def execute(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(connection)`` in one transaction on the writer thread and return its result.

        The transaction commits when ``fn`` returns and rolls back when it raises;
        the exception is re-raised here, in the calling thread.

        Raises:
            StoreError: when the writer has been closed.
        """
        if threading.current_thread() is self._thread:
            raise RuntimeError("a write job cannot submit another write job (it would deadlock)")
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed", hint="open it again with Store.open()")
            self._queue.put((fn, future))
        return future.result()

    def close(self, timeout: float | None = 30.0) -> None:
        """Finish the queued jobs, then stop the thread and close its connection. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            logger.warning("the store writer thread did not stop within %s s", timeout)

    def _run(self) -> None:
        try:
            connection = self._engine.connect().execution_options(**{WRITER_OPTION: True})
        except BaseException as exc:
            self._startup_error = exc
            self._ready.set()
            return
        self._ready.set()
        with connection:
            while True:
                job = self._queue.get()
                if job is None:
                    break
                fn, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    with connection.begin():
                        result = fn(connection)
                except BaseException as exc:
                    future.set_exception(exc)
                else:
                    future.set_result(result)
