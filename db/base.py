"""Plumbing every store mixin shares: the connection, transactions, rows, times."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator


def iso(moment: datetime | None) -> str | None:
    """UTC ISO 8601 text of one fixed shape, so stored times compare as strings."""
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def parse_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Connected:
    conn: sqlite3.Connection  # set by ``db.store.Store``

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it or none of it.

        ``BEGIN IMMEDIATE`` takes the write lock first, so what is read inside
        cannot change before the write, even with a second process. Inside an
        open transaction it is a savepoint: a failure undoes only its own part.
        """
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT nested")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK TO nested")
                self.conn.execute("RELEASE nested")
                raise
            self.conn.execute("RELEASE nested")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None
