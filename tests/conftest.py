"""Shared fixtures: no proxy for loopback, the real core on a temp database, a PostgreSQL server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pg_server
from bot.app import build
from bot.config import Settings


@pytest.fixture
def no_proxy(monkeypatch):
    """slack_sdk sends even 127.0.0.1 through HTTPS_PROXY when one is set."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def loaded_notes(tmp_path_factory) -> Path:
    """A database with the bundled notes ingested once per test process; tests use copies."""
    path = tmp_path_factory.mktemp("loaded") / "t.db"
    build(Settings(db=path)).db.close()
    return path


@pytest.fixture
def study(tmp_path, loaded_notes):
    """The real core (bundled notes and question bank) on a temporary database."""
    shutil.copy(loaded_notes, tmp_path / "t.db")
    study = build(Settings(db=tmp_path / "t.db"), refresh=False)
    yield study
    study.db.close()


@pytest.fixture(scope="session", autouse=True)
def _postgres_stops_at_the_end():
    """The test process's PostgreSQL server (started by the first test that needs one) stops with it."""
    yield
    pg_server.stop()


def pytest_terminal_summary(terminalreporter) -> None:
    """Skipped PostgreSQL tests are summed up in one line saying why (also without ``-rs``)."""
    reasons = [r.longrepr[2] for r in terminalreporter.stats.get("skipped", [])
               if isinstance(r.longrepr, tuple) and pg_server.SKIPPED in r.longrepr[2]]
    if reasons:
        terminalreporter.write_line(f"{len(reasons)} {reasons[0].removeprefix('Skipped: ')}", yellow=True)


@pytest.fixture
def postgres_url() -> str:
    """A new, migrated PostgreSQL database on this test process's own server (skips without one)."""
    return pg_server.fresh_database()
