"""PostgreSQL (psycopg 3): one connection per process, migrations applied at connect under a lock.

``PgConnection`` puts PostgreSQL behind the slice of ``sqlite3.Connection`` the
store uses (``db.base.Connection``), so the store's SQL is written once:

- ``?`` placeholders become ``%s``;
- ``BEGIN IMMEDIATE`` (SQLite: take the write lock first) becomes ``BEGIN``, and
  the transaction takes a transaction-scoped advisory lock before its first
  statement that needs one:

  - the statements of the answer path (``ANSWER_PATH``: recording answers, their
    counters, their review cards, and what they read first) take the locks of their
    learners only: answers of different learners are recorded at the same time,
    by every process on the database, while two transactions touching one
    learner's answers, counters or cards still run one after the other, so what
    the answer path reads of its learner (scored today, the streak's days, the
    card) cannot go stale before its write. Across learners the rules hold by
    the constraints themselves: an answer is ``UNIQUE(instance_id, learner_id)``
    and its delivery ``event`` is unique (a second inserter waits for the first
    to commit, then does nothing), counters are upserts;
  - any other statement takes the one write lock first: those transactions run
    one at a time across every process, as in SQLite, so a check read inside one
    cannot go stale before its write.

  Locks taken in a savepoint that is rolled back are released with it (and taken
  again if needed). Two transactions that each hold a learner the other waits
  for (the same two learners' answers in flight in two processes at once, in
  opposite orders) are a deadlock PostgreSQL ends within a second by failing
  one of them: none of it is kept and its clicks are told so, as for any failed
  commit.
- Single statements outside a transaction run in autocommit; the exactly-once
  claims among them are unique keys (``ON CONFLICT DO NOTHING``) and
  ``WHERE ... IS NULL`` updates, which PostgreSQL makes a second claimer wait
  for and then lose.

Migrations run under a session advisory lock, so processes starting together
migrate once: the second waits, then finds the versions recorded.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import pq
from psycopg.conninfo import conninfo_to_dict

from db.base import WHO
from db.pg_migrations import AFTER_BASELINE, BASELINE, BASELINE_VERSION

MIGRATION_LOCK = 0x6476_615F_6D69_67  # pg_advisory_lock keys: "dva_mig"
WRITE_LOCK = 0x6476_615F_7772_74  # "dva_wrt"
LEARNER_LOCKS = 0x6476_614C  # pg_advisory_xact_lock(int, int) keys: ("dvaL", learner id)
CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise (libpq's default waits for ever)
LOCK_TIMEOUT = "30s"  # as SQLite's busy_timeout: a writer waits this long for another, then fails
MIGRATION_WAIT = "5min"  # a process starting while another migrates waits this long for it


class DatabaseUnreachable(ConnectionError):
    """The PostgreSQL database cannot be used: ``filename`` is its URL without the password,
    ``strerror`` the reason in one line. An ``OSError``, as a SQLite file that cannot be opened."""

    def __str__(self) -> str:
        return f"cannot use {self.filename}: {self.strerror}"


def redact(url: str) -> str:
    """The URL without its password (in the user part or a ``password=`` parameter)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("password="))
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


# The answer path's statements (``db.answers``, as ``bot.core.quiz.answering`` calls them), by how they
# begin: where the learners' ids are among their parameters, as (first, step) in the parameters of
# all their rows (one statement of many rows, or ``executemany``), or None for those that need no
# learner's lock (rows never changed once written, learners' own rows by their unique key, the
# group's timezone, an instance's tally). A statement not listed takes the write lock, as every
# statement did before this list: reworded SQL here falls back to that, and
# tests/test_postgres_answers.py fails (an answer then waits for the write lock).
ANSWER_PATH: dict[str, tuple[int, int] | None] = {
    "SELECT * FROM instances WHERE id = ?": None,
    'INSERT INTO learners (platform, group_id, "user", name) VALUES': None,
    'SELECT id FROM learners WHERE platform=? AND group_id=? AND "user"=?': None,
    'SELECT id, name FROM learners WHERE platform=? AND group_id=? AND "user"=?': None,
    "UPDATE learners SET name = ? WHERE id = ?": None,
    "SELECT timezone FROM groups WHERE id = ?": None,
    "SELECT learner_id, topic, question_id, day FROM answers WHERE": (0, 4),  # scored today
    "SELECT learner_id, substr(period, 2) FROM scores WHERE period >= ?": (1, 1),  # the streak's days
    "INSERT INTO answers (": (1, 12),
    "SELECT * FROM answers WHERE event = ?": None,
    "SELECT * FROM answers WHERE instance_id = ? AND learner_id = ?": (1, 2),
    "INSERT INTO scores (group_id, period, learner_id,": (2, 6),
    "SELECT learner_id, question_id, card FROM cards WHERE": (0, 2),
    "INSERT INTO cards (": (0, 4),
    "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE instance_id = ?": None,
    f"SELECT {WHO} FROM answers a JOIN learners l ON l.id = a.learner_id WHERE a.instance_id = ?": None,
}
_CONTROL = ("SAVEPOINT ", "RELEASE ", "ROLLBACK TO ")
_WRITE = (-1, 0)  # _lock_needed: the write lock
WRITE_HELD = -1  # in ``PgConnection._held``: the write lock (learners' locks are their keys, >= 0)


@lru_cache(maxsize=1024)
def _lock_needed(sql: str) -> tuple[int, int] | None:
    """Inside a writing transaction: where the learners whose locks ``sql`` needs are among its
    parameters (``ANSWER_PATH``), ``_WRITE`` for the write lock, None for no lock (an answer
    path read, a savepoint)."""
    if sql.startswith(_CONTROL):
        return None
    for start, learner in ANSWER_PATH.items():
        if sql.startswith(start):
            return learner
    return _WRITE


@lru_cache(maxsize=1024)
def _dialect(sql: str) -> str:
    """``?`` -> ``%s`` outside string literals; a literal ``%`` doubled."""
    parts = sql.replace("%", "%%").split("'")
    parts[::2] = [part.replace("?", "%s") for part in parts[::2]]  # even parts are outside quotes
    return "'".join(parts)


class PgConnection:
    """PostgreSQL behind ``db.base.Connection`` (see the module's docstring)."""

    def __init__(self, conn: psycopg.Connection[Any], url: str):
        self._conn = conn
        self._url = url
        self._closed = False  # by ``close``: then it stays closed, as a sqlite3 connection does
        self._writing = False  # in a transaction begun by ``BEGIN IMMEDIATE``
        self._held: set[int] = set()  # locks this transaction holds: learners' keys, and WRITE_HELD

    @property
    def in_transaction(self) -> bool:
        status = self._conn.info.transaction_status  # UNKNOWN: the connection is gone, and its transaction
        return status in (pq.TransactionStatus.ACTIVE, pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        with self._guarded(sql):
            if sql == "BEGIN IMMEDIATE":
                cursor = self._conn.execute("BEGIN")
                self._writing, self._held = True, set()
                return cursor
            if self._writing:
                self._lock(sql, parameters)
            if not parameters:
                return self._conn.execute(sql)  # type: ignore[arg-type]  # the store's own SQL text
            return self._conn.execute(_dialect(sql), tuple(parameters))  # type: ignore[arg-type]

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        with self._guarded(sql):
            rows = [tuple(p) for p in parameters]
            if self._writing:
                self._lock(sql, [value for row in rows for value in row])
            cursor = self._conn.cursor()
            cursor.executemany(_dialect(sql), rows)  # type: ignore[arg-type]
            return cursor

    def close(self) -> None:
        self._closed = True
        self._conn.close()

    def _lock(self, sql: str, parameters: Sequence[Any]) -> None:
        """Take the lock ``sql`` needs in this writing transaction, unless it is held (see the
        module's docstring); forget them all when it ends, and what a rolled-back savepoint
        released (taking one again that is still held costs a round trip, nothing more)."""
        if sql in ("COMMIT", "ROLLBACK") or sql.startswith("ROLLBACK TO ") or not self.in_transaction:
            self._writing = sql.startswith("ROLLBACK TO ")  # not in a transaction: it was cut off
            self._held = set()
            return
        needed = _lock_needed(sql)
        if needed is None:
            return
        if needed == _WRITE or not parameters:
            if WRITE_HELD not in self._held:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                self._held.add(WRITE_HELD)
            return
        first, step = needed
        keys = sorted({int(learner) % 2**31 for learner in parameters[first::step]} - self._held)
        if len(keys) == 1:
            self._conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LEARNER_LOCKS, keys[0]))
        elif keys:  # one statement, in ascending order (volatile functions run after ORDER BY)
            self._conn.execute("SELECT pg_advisory_xact_lock(%s, k) FROM unnest(%s::int4[]) AS k ORDER BY k",
                               (LEARNER_LOCKS, keys))
        self._held.update(keys)

    @contextmanager
    def _guarded(self, sql: str) -> Iterator[None]:
        """A connection the server dropped (a restart, a failover) is opened again before the
        next statement; the statement that found it gone fails, and its transaction with it.
        Losing the server raises ``DatabaseUnreachable`` (an ``OSError``, as for SQLite's file);
        other errors (a constraint, a lock timeout) are psycopg's own."""
        lost = lambda: self._conn.closed or self._conn.broken  # noqa: E731
        try:
            if lost() and not self._closed:
                if sql.startswith(("COMMIT", "RELEASE", "ROLLBACK")):
                    raise DatabaseUnreachable(0, "the connection was lost in a transaction: none of it was kept",
                                              redact(self._url))
                self._conn.close()
                self._conn = _open(self._url)
            yield
        except psycopg.OperationalError as err:
            if lost() or err.sqlstate is None:  # no SQLSTATE: the client lost the server
                raise DatabaseUnreachable(0, _one_line(err), redact(self._url)) from err
            raise


class PgDatabase:
    """What ``db.connect`` returns for a PostgreSQL URL: the connection, and ``close``."""

    def __init__(self, conn: PgConnection, url: str):
        self.conn = conn
        self.url = redact(url)

    def close(self) -> None:
        self.conn.close()

    def __repr__(self) -> str:
        return f"PgDatabase({self.url!r})"


def connect(url: str) -> PgDatabase:
    """Open the database at ``url`` and migrate it; ``DatabaseUnreachable`` (an ``OSError``,
    one line, no password) when that cannot be done."""
    try:
        conn = _open(url)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
    except psycopg.Error as err:
        raise DatabaseUnreachable(0, _one_line(err), redact(url)) from err
    return PgDatabase(PgConnection(conn, url), url)


def _open(url: str) -> psycopg.Connection[Any]:
    options: dict[str, Any] = {"autocommit": True, "application_name": "dva"}
    if "connect_timeout" not in conninfo_to_dict(url):
        options["connect_timeout"] = CONNECT_TIMEOUT
    conn = psycopg.connect(url, **options)
    conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    return conn


def _one_line(err: psycopg.Error) -> str:
    lines = [" ".join(line.split()) for line in str(err).splitlines() if line.strip()]
    return re.sub(r"^connection failed: ", "", "; ".join(lines)) or type(err).__name__


def migrate(conn: psycopg.Connection[Any]) -> int:
    """Apply pending migrations (the baseline counts as one); returns how many ran."""
    conn.execute(f"SET lock_timeout = '{MIGRATION_WAIT}'")
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        steps = [(tuple(range(1, BASELINE_VERSION + 1)), BASELINE)]
        steps += [((version,), sql) for version, sql in enumerate(AFTER_BASELINE, start=BASELINE_VERSION + 1)]
        ran = 0
        for versions, sql in steps:
            if done.issuperset(versions):
                continue
            if done.intersection(versions):
                raise psycopg.DataError(f"schema_migrations holds part of versions {versions[0]}..{versions[-1]}")
            with conn.transaction():
                conn.execute(sql)  # type: ignore[arg-type]  # our own schema text
                applied = datetime.now(timezone.utc).isoformat()
                with conn.cursor() as cursor:
                    cursor.executemany("INSERT INTO schema_migrations VALUES (%s, %s)", [(v, applied) for v in versions])
            ran += 1
        return ran
    finally:
        if not conn.broken:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
            conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
