"""The one composition root: settings -> database -> store -> core.

``dva ask``, ``dva topics`` and ``dva chat`` call ``open_lookup`` or ``build``
here, and ``dva serve`` builds the same core before it adds the adapters and
the scheduler; nothing else constructs a store, a lookup or a quiz engine.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable, Mapping

import sqlite_utils

import db as database
from bot.config import Settings
from bot.core.bank import BankQuestion, domains, expansions, load_bank
from bot.core.daily import DailyQuestions
from bot.core.lookup import Library
from bot.core.lookup import lexicon as lexicons
from bot.core.lookup import notes
from bot.core.messages import Ask, More, Reply, TopicList, Topics
from bot.core.quiz import Practice, Tutor
from bot.ingest import IngestReport, ingest
from db.store import Store

log = logging.getLogger("bot")


@dataclass
class App:
    settings: Settings
    db: sqlite_utils.Database
    store: Store
    library: Library
    daily: DailyQuestions
    tutor: Tutor
    report: IngestReport | None = None


@dataclass
class Loaded:
    """What ``ask`` needs: the notes from the database and the bank's wording."""

    store: Store
    library: Library
    questions: list[BankQuestion]
    report: IngestReport | None


def open_lookup(settings: Settings, *, refresh: bool = True, progress: bool = False) -> Loaded:
    """Open the database, load new or changed notes, and build the lookup.

    ``refresh=False`` (``dva ask``, ``dva topics``) loads notes only into a
    database that has none, so a warm lookup starts in milliseconds. Problems
    in content files go to the log with file and line.
    """
    store = Store(database.connect(settings.db))
    report = None
    if refresh or not store.has_passages():
        report = ingest(store, settings.content / "notes", progress=progress)
        for problem in report.problems:
            log.warning("notes: %s", problem)
    # the shipped lexicon once (the bank's checks read it too), then the group's own files over it
    own = settings.content / "lexicon"
    group, trouble = lexicons.load([] if own.resolve() == lexicons.SHIPPED else lexicons.files_in(own))
    lexicon = lexicons.shipped().merged(group)
    for problem in trouble:
        log.warning("lexicon: %s", problem)
    questions, problems = load_bank(settings.content / "questions", store.question_sources())
    for problem in problems:
        log.warning("question bank: %s", problem)
    return Loaded(store, Library(passages_of(store), expansions(questions), lexicon), questions, report)


def passages_of(store: Store) -> list[notes.Passage]:
    """The notes' passages as the store holds them, as the core's ``Passage``."""
    return [notes.Passage(**vars(p)) for p in store.all_passages()]


def build(settings: Settings, *, refresh: bool = True, progress: bool = False,
          on_schedule_change: Callable[[str], None] | None = None) -> App:
    """Wire the whole core on the lookup: quiz engine, daily question, tutor.

    ``on_schedule_change`` hears the target whose daily schedule ``setup`` changed
    (``dva serve`` passes its scheduler's)."""
    lookup = open_lookup(settings, refresh=refresh, progress=progress)
    guide, trouble = domains.load()
    for problem in trouble:
        log.warning("exam guide: %s", problem)
    practice = Practice.build(lookup.store, lookup.library, lookup.questions, guide=guide)
    daily = DailyQuestions(lookup.store, practice, on_change=on_schedule_change)
    tutor = Tutor(TopicsWithQuestions(lookup.library, practice.questions), practice, daily)
    return App(settings, lookup.store.db, lookup.store, lookup.library, daily, tutor, lookup.report)


class TopicsWithQuestions:
    """The lookup, with how many questions each topic has filled into ``topics``.

    The lookup knows the notes and the quiz engine knows the questions; the
    composition root is where both are at hand. A topic's count is what
    ``quiz <topic>`` draws from: the questions whose topic is that section.
    """

    def __init__(self, library: Library, questions: Mapping[str, BankQuestion]):
        self.library = library
        self.questions = questions  # the quiz engine's own, so a count is never stale

    def handle(self, command: Ask | More | Topics, now: datetime) -> list[Reply]:
        return [self._counted(reply) for reply in self.library.handle(command, now)]

    def _counted(self, reply: Reply) -> Reply:
        if not isinstance(reply, TopicList):
            return reply
        counts = Counter(q.topic for q in self.questions.values())
        return replace(reply, topics=tuple(replace(t, questions=counts[t.name]) for t in reply.topics))
