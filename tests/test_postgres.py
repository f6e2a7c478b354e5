"""The PostgreSQL store: chosen by DVA_DATABASE_URL, migrated once, the same schema, clear errors.

Against a real server the test process starts itself (``pg_server.py``); the
tests that need none (a URL nobody answers, a malformed one) always run.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

import db
import pg_server
from bot.config import Settings
from db.migrations import MIGRATIONS
from db.pg_migrations import AFTER_BASELINE, BASELINE_VERSION
from db.postgres import DatabaseUnreachable
from db.store import Store

ROOT = Path(__file__).resolve().parents[1]


def dva(*args: str, env: dict[str, str], stdin: str = "quit\n") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, env={**os.environ, **env}, timeout=120)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the probe closes: nothing listens there


# --- the whole flow ----------------------------------------------------------------------------


def test_dva_ingest_then_dva_chat_run_the_whole_flow_on_postgresql(postgres_url, tmp_path):
    env = {"DVA_DATABASE_URL": postgres_url, "DVA_DB": str(tmp_path / "never.db")}
    ingested = dva("ingest", env=env)
    assert ingested.returncode == 0, ingested.stderr
    assert "Notes: 1 file loaded" in ingested.stdout
    chat = dva("chat", env=env, stdin="ask rds proxy\nquiz rds\na\na b\nleaderboard all\nstats\nreview\nquit\n")
    assert chat.returncode == 0, chat.stderr
    out = chat.stdout
    assert "RDS › Amazon RDS Proxy" in out  # ask
    assert "Question · RDS" in out  # quiz
    assert "✅ Right!" in out or "❌ Wrong" in out  # the answer ('a', or 'a b' when it is a choose-two)
    assert "Leaderboard · all time" in out and ("1/1 right" in out or "0/1 right" in out)
    assert "Answered 1," in out  # stats
    assert "> Review · RDS" in out or "Nothing is due for review" in out  # review
    assert not (tmp_path / "never.db").exists()  # SQLite was never opened
    store = Store(db.connect(postgres_url))
    try:
        [row] = store.top_scores("local", "all", 10)
        assert row["answered"] == 1 and row["platform"] == "console"
    finally:
        store.close()


# --- migrations --------------------------------------------------------------------------------


def test_the_postgresql_history_has_every_sqlite_version_and_the_same_tables_and_columns(postgres_url):
    assert BASELINE_VERSION + len(AFTER_BASELINE) == len(MIGRATIONS)
    lite = sqlite3.connect(":memory:")
    db.migrate(lite)
    tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    on_sqlite = {t: {r[1] for r in lite.execute(f"PRAGMA table_info({t})")} for t in tables}
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT table_name, column_name FROM information_schema.columns"
                            " WHERE table_schema = 'public'").fetchall()
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
    on_postgres: dict[str, set[str]] = {}
    for table, column in rows:
        on_postgres.setdefault(table, set()).add(column)
    assert on_postgres == on_sqlite
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    named = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert named <= indexes  # every index SQLite's migrations create, by name


def test_processes_starting_together_on_an_empty_database_migrate_it_once():
    url = pg_server.empty_database()
    barrier, errors, opened = threading.Barrier(4), [], []

    def start() -> None:
        try:
            barrier.wait()
            opened.append(db.connect(url))
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(opened) == 4
    with psycopg.connect(url) as conn:
        applied = conn.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version").fetchall()
    assert [v for v, _ in applied] == list(range(1, len(MIGRATIONS) + 1))
    assert len({at for v, at in applied if v <= BASELINE_VERSION}) == 1  # the baseline: one run, one moment
    for database in opened:
        database.close()


def drop_connections(url: str) -> None:
    """What a server restart or a failover does to the store's connection."""
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      " WHERE datname = current_database() AND pid <> pg_backend_pid()")


def test_a_store_whose_connection_was_dropped_works_again_at_the_next_call(postgres_url):
    store = Store(db.connect(postgres_url))
    try:
        store.set_group_timezone("G1", "Europe/Berlin")
        drop_connections(postgres_url)
        with pytest.raises(DatabaseUnreachable, match="cannot use postgresql://postgres@127.0.0.1"):
            store.group_timezone("G1")  # the call that finds the connection gone fails (an OSError) ...
        assert store.group_timezone("G1") == "Europe/Berlin"  # ... and the next one reconnects
        with pytest.raises(psycopg.errors.UniqueViolation):  # other errors are the database's own
            store.conn.execute("INSERT INTO groups (id) VALUES (?)", ("G1",))
        with pytest.raises(DatabaseUnreachable):
            with store.transaction():
                store.set_group_timezone("G2", "Asia/Tokyo")
                drop_connections(postgres_url)
                store.set_group_timezone("G3", "Asia/Tokyo")
        with store.transaction():  # none of it was kept; the next transaction runs on a new connection
            assert (store.group_timezone("G2"), store.group_timezone("G3")) == ("UTC", "UTC")
            store.set_group_timezone("G2", "Asia/Tokyo")
        assert store.group_timezone("G2") == "Asia/Tokyo"
    finally:
        store.close()


# --- bad input ---------------------------------------------------------------------------------


def test_a_url_nobody_answers_is_one_line_without_the_password_and_a_non_zero_exit(tmp_path):
    port = closed_port()
    url = f"postgresql://dva:s3cr3t-pw@127.0.0.1:{port}/dva?password=other-s3cr3t"
    for args in (("ask", "rds", "proxy"), ("ingest",), ("chat",)):
        done = dva(*args, env={"DVA_DATABASE_URL": url, "DVA_DB": str(tmp_path / "never.db")})
        assert done.returncode == 1, args
        assert "Traceback" not in done.stderr + done.stdout
        assert "s3cr3t" not in done.stderr + done.stdout
        [line] = done.stderr.strip().splitlines()
        assert line.startswith(f"dva: cannot use postgresql://dva@127.0.0.1:{port}/dva: ")
        assert "connection refused" in line


def test_a_database_that_does_not_exist_is_named_in_one_line(postgres_url, tmp_path):
    url = postgres_url.rsplit("/", 1)[0] + "/no_such_database"
    done = dva("ask", "rds", env={"DVA_DATABASE_URL": url, "DVA_DB": str(tmp_path / "never.db")})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert 'database "no_such_database" does not exist' in line


def test_a_url_that_is_not_postgresql_is_refused_before_anything_opens_without_repeating_it():
    done = dva("ask", "rds", env={"DVA_DATABASE_URL": "mysql://dva:s3cr3t@db.example/dva"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "DVA_DATABASE_URL must be a PostgreSQL URL" in done.stderr and "s3cr3t" not in done.stderr


def test_the_database_url_is_kept_out_of_the_settings_repr_and_chosen_over_the_sqlite_file():
    settings = Settings.from_env({"DVA_DATABASE_URL": "postgresql://dva:s3cr3t@db.example/dva",
                                  "DVA_DB": "/data/dva.db"})
    assert "s3cr3t" not in repr(settings)
    assert settings.database_location == "postgresql://dva:s3cr3t@db.example/dva"
    assert Settings.from_env({"DVA_DB": "/data/dva.db"}).database_location == Path("/data/dva.db")
