"""The lookup on a shared PostgreSQL store answers as it does on SQLite.

Each process reads the lookup kept in the store for the notes it was built from
(built once, by the first process that sees the notes); the held-out cases of
the unseen notes get the same replies on both stores, and a second process on
the same PostgreSQL database reads the kept lookup instead of building it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from bot.app import open_lookup
from bot.config import Settings
from bot.core.lookup.search import Library

EVAL = Path(__file__).resolve().parent / "eval"
sys.path.insert(0, str(EVAL))

from unseen import cases_of, halves  # noqa: E402


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "notes").mkdir(parents=True)
    (folder / "questions").mkdir()
    for notes in (EVAL / "notes").glob("*.md"):
        shutil.copy(notes, folder / "notes" / notes.name)
    return folder


def test_held_out_questions_get_the_same_replies_on_postgresql_as_on_sqlite(content, tmp_path, postgres_url):
    on_sqlite = open_lookup(Settings(db=tmp_path / "dva.db", content=content))
    on_postgres = open_lookup(Settings(database_url=postgres_url, content=content))
    queries = [c["query"] for notes in (EVAL / "notes").glob("*.md") for c in halves(cases_of(notes))[1]]
    assert len(queries) >= 60
    for query in queries:
        assert on_postgres.library.ask(query) == on_sqlite.library.ask(query), query
    on_sqlite.store.db.close()
    on_postgres.store.db.close()


def test_a_second_process_on_the_same_postgresql_reads_the_kept_lookup_instead_of_building_it(
        content, postgres_url, monkeypatch):
    first = open_lookup(Settings(database_url=postgres_url, content=content))
    expected = first.library.ask("sqs visibility timeout")
    first.store.db.close()

    def must_not_build(self, *args, **kwargs):
        raise AssertionError("built again although another process kept it")

    monkeypatch.setattr(Library, "__init__", must_not_build)
    again = open_lookup(Settings(database_url=postgres_url, content=content), refresh=False)
    assert again.library.ask("sqs visibility timeout") == expected
    again.store.db.close()
