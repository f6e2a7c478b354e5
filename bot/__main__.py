"""Composition root: the one place that sees settings, database, core and adapters.

``build`` wires the platform-neutral core (enough for ``dva ask`` and the
console); ``serve`` adds the adapters and the scheduler on one asyncio loop.
Adapters are imported only inside ``serve`` so the CLI stays fast.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

import sqlite_utils

import db as database
from bot.config import Settings
from bot.core.daily import DailyQuestions
from bot.core.practice import Practice
from bot.core.expansion import expansions
from bot.core.questions import BankQuestion, load_bank
from bot.core.search import Library
from bot.core.tutor import Tutor
from bot.ingest import IngestReport, ingest
from db.store import Store

log = logging.getLogger("bot")


@dataclass
class App:
    settings: Settings
    db: sqlite_utils.Database
    store: Store
    library: Library
    tutor: Tutor
    report: IngestReport | None = None


def build(settings: Settings, *, refresh: bool = True, progress: bool = False) -> App:
    """Open the database, load new or changed notes, and wire the core.

    ``refresh=False`` skips the content check when the database already has
    notes (``dva ask`` on a warm database stays a few milliseconds).
    """
    db = database.connect(settings.db)
    store = Store(db)
    report = None
    if refresh or not store.has_passages():
        report = ingest(store, settings.content / "notes", progress=progress)
    library = Library(store.all_passages(), expansions(load_bank(settings.content / "questions")[0]))
    practice = Practice.build(store, library, settings.content / "questions")
    daily = DailyQuestions(store, practice)
    tutor = Tutor(library, practice, daily)
    return App(settings, db, store, library, tutor, report)


def main() -> None:
    from bot.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
