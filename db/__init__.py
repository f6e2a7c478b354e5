"""The database: SQLite (embedded, the default) or PostgreSQL (a ``postgresql://`` URL).

One connection per process, migrations applied at connect. ``db.postgres`` is
imported only for a URL, so a SQLite start never loads psycopg.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Union

from db.migrations import MIGRATIONS

if TYPE_CHECKING:
    from db.postgres import PgDatabase


class SqliteDatabase:
    """What ``db.connect`` returns for a file (or ``":memory:"``): the connection, and ``close``.

    The store's SQL runs on ``sqlite3`` itself. A wrapper library's import (sqlite-utils
    loads numpy when it is installed) cost a quarter of a warm ``dva ask``.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def close(self) -> None:
        self.conn.close()


Database = Union[SqliteDatabase, "PgDatabase"]  # either has ``conn`` and ``close()``

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def connect(path: str | Path) -> Database:
    """Open the database at ``path``: a SQLite file (created if needed), ``":memory:"`` for
    tests, or a ``postgresql://`` URL (see ``db.postgres``).

    SQLite: WAL lets a second process read while one writes; ``busy_timeout``
    makes two writers wait for each other instead of failing; foreign keys are on.
    Temporary files stay in memory: a statement that changes many rows journals the
    pages it touches so that it can be undone alone, and on disk that journal made
    a burst's period counters twice as slow (``bench/bench_quiz.py``).
    """
    if str(path).startswith(POSTGRES_SCHEMES):
        from db import postgres

        return postgres.connect(str(path))
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA temp_store=MEMORY")
    migrate(conn)
    return SqliteDatabase(conn)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations; returns how many ran."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    ran = 0
    for version, sql in enumerate(MIGRATIONS, start=1):
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-check under the write lock: another process may have migrated
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version=?", (version,)).fetchone():
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, datetime('now'))", (version,)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran += 1
    return ran


def _statements(sql: str) -> list[str]:
    parts, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            parts.append(buf.strip())
            buf = ""
    if buf.strip():
        parts.append(buf.strip())
    return [p for p in parts if p]
