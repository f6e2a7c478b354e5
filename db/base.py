"""Plumbing every store mixin shares: the connection, transactions, rows, times.

The mixins speak to one small connection port (``Connection``): the slice of
``sqlite3.Connection`` they use. SQLite's own connection is it; PostgreSQL
meets it through ``db.postgres.PgConnection``. So the SQL is written once, in
the dialect both accept (``tests/test_store_conformance.py`` runs it on both):

- ``?`` placeholders; ``ON CONFLICT ... DO UPDATE``/``DO NOTHING``, never
  ``INSERT OR REPLACE``/``OR IGNORE``; ``RETURNING``; ``"user"`` quoted (reserved
  in PostgreSQL), and in ``DO UPDATE SET`` the old value named with its table
  (``scores.points + excluded.points``);
- every selected column grouped, or of a grouped primary key (``GROUP BY l.id``);
  ``HAVING`` repeats the aggregate, not its alias;
- booleans stored as 0/1 integers, times as ISO text (both compare byte by byte:
  PostgreSQL's text columns are ``COLLATE "C"``), no SQL clock (``datetime('now')``):
  the time is a parameter;
- ``ORDER BY`` a nullable column says ``NULLS FIRST``/``LAST`` (the two differ);
  ``LIKE`` is case-sensitive in PostgreSQL only.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable, Iterator, Protocol, Sequence, TypeVar


T = TypeVar("T")

# a learner's identity, read from ``learners l`` ("user" is a reserved word in PostgreSQL)
WHO = 'l.platform, l.group_id, l."user", l.name'


def iso(moment: datetime | None) -> str | None:
    """UTC ISO 8601 text of one fixed shape, so stored times compare as strings:
    ``moment.isoformat(timespec="microseconds")`` in UTC, in half the time (``_to_second``)."""
    if moment is None:
        return None
    if moment.tzinfo is not timezone.utc:
        moment = moment.astimezone(timezone.utc)
    since = moment - EPOCH
    return f"{_to_second(since.days * 86_400 + since.seconds)}.{moment.microsecond:06d}+00:00"


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@lru_cache(maxsize=1024)
def _to_second(second: int) -> str:
    """A UTC time to the second (seconds since ``EPOCH``) as ISO text: made once for all the times
    written in that second (a burst of answers)."""
    return datetime.fromtimestamp(second, timezone.utc).isoformat()[:19]


def parse_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


MOST_ROWS = 256  # rows in one statement of many (``slices``): far below both databases' parameter limits


def slices(rows: Sequence[T]) -> list[Sequence[T]]:
    """``rows`` in slices of a few fixed sizes (powers of four, ``MOST_ROWS`` at most), for statements
    of many rows each: few statements, and few distinct ones to prepare (1,000 rows: 10 statements
    of 5 shapes)."""
    if len(rows) <= 1:
        return [rows] if rows else []
    parts, start = [], 0
    while start < len(rows):
        size = MOST_ROWS
        while size > len(rows) - start:
            size //= 4
        parts.append(rows[start:start + size])
        start += size
    return parts


@lru_cache(maxsize=64)
def rows_of(width: int, count: int) -> str:
    """``count`` rows of ``width`` placeholders: ``(?,?),(?,?)``; of width 1, a list: ``?,?``."""
    row = f"({','.join('?' * width)})" if width > 1 else "?"
    return ",".join([row] * count)


def flat(rows: Iterable[Sequence[Any]]) -> list[Any]:
    """The parameters of a statement of many rows, row after row."""
    return [value for row in rows for value in row]


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    @property
    def description(self) -> Any: ...  # one entry per column, its name first
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the store needs of a connection: ``sqlite3.Connection`` or ``db.postgres.PgConnection``."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...
    def close(self) -> None: ...


@dataclass
class Parts:
    """What ``Connected.batch`` yields: ``failed`` once one of its parts has failed."""

    failed: bool = False


class Connected:
    conn: Connection  # set by ``db.store.Store``
    # what this write transaction has read and keeps up to date as it writes (``_kept``); None outside one
    _memo: dict[Any, Any] | None = None
    _parts: Parts | None = None  # the open transaction is a ``batch``: its parts are not savepoints
    # what stays true once committed (a learner's id), kept across transactions (``_lasts``)
    _lasting: dict[Any, Any] | None = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it or none of it.

        ``BEGIN IMMEDIATE`` takes the write lock first, so what is read inside
        cannot change before the write, even with a second process (PostgreSQL:
        one advisory lock, see ``db.postgres``). Inside an open transaction it is
        a savepoint: a failure undoes only its own part, and what was kept
        (``_kept``) since it began. Inside a ``batch`` it is a part of it.
        """
        if not self.conn.in_transaction:
            with self._outermost(None):
                yield
            return
        if self._parts is not None:
            try:
                yield
            except BaseException:
                self._parts.failed = True  # the batch is undone when it ends
                raise
            return
        kept = None if self._memo is None else dict(self._memo)
        self.conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO nested")
            self.conn.execute("RELEASE nested")
            self._memo, self._lasting = kept, None
            raise
        self.conn.execute("RELEASE nested")

    @contextmanager
    def batch(self) -> Iterator[Parts]:
        """One write transaction of parts that may each fail on their own (the answers of one
        turn of the event loop, ``bot.group_commit``), with no savepoint per part.

        A part is a ``transaction`` opened inside it: when one fails, ``failed``
        is set, and when the batch ends all of it is rolled back, not committed.
        The caller then stops and runs the parts again in a ``transaction``,
        where each is a savepoint and a failure undoes only itself. Cheaper
        while nothing fails, which is almost always: a savepoint copies every
        page its part changes (in SQLite) or is two more round trips (PostgreSQL).
        Inside an open transaction it is a ``transaction`` (a savepoint).
        """
        parts = Parts()
        if self.conn.in_transaction:
            with self.transaction():
                yield parts
            return
        with self._outermost(parts):
            yield parts

    @contextmanager
    def _outermost(self, parts: Parts | None) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        self._memo, self._parts = {}, parts
        committed = False
        try:
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            if parts is not None and parts.failed:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute("COMMIT")
                committed = True
        finally:
            self._memo, self._parts = None, None
            if not committed:
                self._lasting = None  # what it added (a learner's row) may be gone

    def _kept(self, key: Hashable, read: Callable[[], T]) -> T:
        """``read()``, read once per write transaction (``transaction``) and kept for the rest of it.

        For what the answer path reads again and again in one batch: the writer
        that changes it updates (``_keep``) or forgets the kept value. Outside a
        transaction it is read every time.
        """
        if self._memo is None:
            return read()
        if key not in self._memo:
            self._memo[key] = read()
        return self._memo[key]

    def _held(self, key: Hashable) -> Any | None:
        """The kept value for ``key`` in this write transaction, if it was read (``_kept``)."""
        return None if self._memo is None else self._memo.get(key)

    def _keep(self, key: Hashable, value: Any | None) -> None:
        """Replace a kept value (None: forget it) after writing what it was read from.
        Values are immutable: a savepoint restores a shallow copy."""
        if self._memo is not None:
            if value is None:
                self._memo.pop(key, None)
            else:
                self._memo[key] = value

    def _lasts(self) -> dict[Any, Any]:
        """What stays true once committed, kept across transactions: forgotten whenever a write
        transaction or savepoint is rolled back (or fails to commit), as what it added may be gone."""
        if self._lasting is None:
            self._lasting = {}
        return self._lasting

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None
