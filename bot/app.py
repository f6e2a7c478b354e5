"""The one composition root: settings -> database -> store -> core.

``dva ask``, ``dva topics`` and ``dva chat`` call ``open_lookup`` or ``build``
here, and ``dva serve`` builds the same core before it adds the adapters and
the scheduler; nothing else constructs a store, a lookup or a quiz engine.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

import db as database
from bot.config import Settings
from bot.core.lookup import Library
from bot.core.lookup import lexicon as lexicons
from bot.core.lookup import notes
from bot.core.messages import Ask, More, Reply, TopicList, Topics
from bot.ingest import IngestReport, ingest
from db.store import Store

if TYPE_CHECKING:  # built in ``build`` only: ``dva ask`` never loads the bank or the quiz
    from bot.core.bank import BankQuestion, domains
    from bot.core.daily import DailyQuestions
    from bot.core.quiz import Tutor

log = logging.getLogger("bot")


@dataclass
class App:
    settings: Settings
    db: database.Database
    store: Store
    library: Library
    daily: DailyQuestions
    tutor: Tutor
    report: IngestReport | None = None


@dataclass
class Loaded:
    """What ``ask`` needs: the notes from the database, as a lookup."""

    store: Store
    library: Library
    report: IngestReport | None
    lexicon_key: str  # a hash of the lexicon files read: generated questions are kept under it
    settings: Settings
    _questions: list[BankQuestion] | None = None

    @property
    def questions(self) -> list[BankQuestion]:
        """The written bank, read when first wanted: a warm ``dva ask`` never parses it."""
        if self._questions is None:
            self._questions = written_questions(self.settings, self.store)
        return self._questions


def open_lookup(settings: Settings, *, refresh: bool = True, progress: bool = False) -> Loaded:
    """Open the database, load new or changed notes, and build the lookup.

    ``refresh=False`` (``dva ask``, ``dva topics``) loads notes only into a
    database that has none, so a warm lookup starts in milliseconds. Problems
    in content files go to the log with file and line.
    """
    store = Store(database.connect(settings.database_location))
    report = None
    folders = [f for f in settings.notes_folders if f.exists()] or [settings.content / "notes"]
    roots = {str(f.resolve()) for f in folders}
    if refresh or not store.has_passages() or not roots <= set(store.note_roots().values()):
        for folder in folders:  # the notes, then each pack's: one report of what was loaded
            loaded = ingest(store, folder, progress=progress)
            report = loaded if report is None else report.merged(loaded)
            for problem in loaded.problems:
                log.warning("notes: %s", problem)
    own = settings.content / "lexicon"
    own_files = [] if own.resolve() == lexicons.SHIPPED else lexicons.files_in(own)
    lexicon_key = _digest(p for p in [*lexicons.files_in(lexicons.SHIPPED), *own_files] if p.suffix == ".toml")
    # every folder ingested (``dva ingest PATH`` adds one) but a pack's turned off
    digests = store.note_digests()
    served = {root for root, _ in digests.values()} - {str(f.resolve()) for f in settings.packs_off}
    files = {path: sha for path, (root, sha) in digests.items() if root in served}
    # the bank's wording is part of the lookup: its files (and which file owns each id) are in the key
    bank_key = _digest(p for folder in settings.question_folders if folder.is_dir()
                       for p in sorted(folder.glob("*.toml")))
    key = Library.key_for(files, f"{bank_key}|{sorted(store.question_sources().items())}", lexicon_key)
    kept_index = store.lookup_index(key)
    library = Library.from_bytes(kept_index) if kept_index is not None else None
    questions = None
    if library is None:  # built once for these notes, then read back by every process
        from bot.core.bank import expansions

        # the shipped lexicon once (the bank's checks read it too), then the group's own files over it
        group, trouble = lexicons.load(own_files)
        for problem in trouble:
            log.warning("lexicon: %s", problem)
        questions = written_questions(settings, store)
        library = Library(passages_of(store, served), expansions(questions), lexicons.shipped().merged(group))
        store.save_lookup_index(key, library.to_bytes(), datetime.now(timezone.utc))
    return Loaded(store, library, report, lexicon_key, settings, questions)


def _digest(paths: Iterable[Path]) -> str:
    """What these files hold, in one hash: a kept lookup or kept questions are keyed by it."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path.name}\x00{len(data := path.read_bytes())}\x00".encode())
        digest.update(data)
    return digest.hexdigest()


def written_questions(settings: Settings, store: Store) -> list[BankQuestion]:
    """The written bank, from every question folder; problems go to the log with file and line."""
    from bot.core.bank import load_bank

    questions, problems = [], []
    for folder in settings.question_folders:
        found, trouble = load_bank(folder, store.question_sources())
        questions += found
        problems += trouble
    for problem in problems:
        log.warning("question bank: %s", problem)
    return questions


def settle() -> None:
    """Call once the core is built, in a long-running process (``serve``, ``chat``).

    The lookup and the bank live as long as the process: frozen, they are left out
    of every later garbage collection, whose full passes over millions of such
    objects were the slowest lookups on big notes (tens of milliseconds each).
    A young-generation pass comes every 10,000 allocations, not 700: a burst of
    clicks keeps a thousand requests in flight, which the collector went over
    again and again (about 2 us of each answer in ``bench/bench_quiz.py``'s burst).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def passages_of(store: Store, roots: set[str] | None = None) -> list[notes.Passage]:
    """The passages of the notes (of the folders ``roots``, when given: a pack turned off is
    not looked up) as the core's ``Passage``."""
    home = store.note_roots() if roots is not None else {}
    return [notes.Passage(**vars(p)) for p in store.all_passages()
            if roots is None or home.get(p.file, "") in roots]


def build(settings: Settings, *, refresh: bool = True, progress: bool = False,
          on_schedule_change: Callable[[str], None] | None = None) -> App:
    """Wire the whole core on the lookup: quiz engine, daily question, tutor.

    ``on_schedule_change`` hears the target whose daily schedule ``setup`` changed
    (``dva serve`` passes its scheduler's)."""
    # here, not at the top: ``dva ask`` needs only the lookup and starts faster without the quiz
    from bot.core.bank import domains, kept
    from bot.core.daily import DailyQuestions
    from bot.core.quiz import Practice, Tutor

    lookup = open_lookup(settings, refresh=refresh, progress=progress)
    guide, trouble = domains.load()
    for problem in trouble:
        log.warning("exam guide: %s", problem)
    made = kept(lookup.library.passages, lookup.library.lexicon, lookup.lexicon_key, lookup.store,
                datetime.now(timezone.utc))  # generated once per notes: a restart reads them back
    practice = Practice.build(lookup.store, lookup.library, lookup.questions, guide=guide, made=made)
    daily = DailyQuestions(lookup.store, practice, on_change=on_schedule_change)
    tutor = Tutor(TopicsWithQuestions(lookup.library, practice.questions, guide), practice, daily)
    return App(settings, lookup.store.db, lookup.store, lookup.library, daily, tutor, lookup.report)


class TopicsWithQuestions:
    """The lookup, with how many questions each topic has filled into ``topics``.

    The lookup knows the notes and the quiz engine knows the questions; the
    composition root is where both are at hand. A topic's count is what
    ``quiz <topic>`` draws from: the questions whose topic is that section.
    """

    def __init__(self, library: Library, questions: Mapping[str, BankQuestion], guide: domains.Guide):
        self.library = library
        self.questions = questions  # the quiz engine's own, so a count is never stale
        self.guide = guide

    def handle(self, command: Ask | More | Topics, now: datetime) -> list[Reply]:
        return [self._counted(reply) for reply in self.library.handle(command, now)]

    def _counted(self, reply: Reply) -> Reply:
        if not isinstance(reply, TopicList):
            return reply
        counts = Counter(q.topic for q in self.questions.values())
        of_topic = self.guide.of_topics(self.questions.values())
        return replace(reply, topics=tuple(
            replace(t, questions=counts[t.name], domain=self.guide.named(of_topic.get(t.name) or
                                                                         self.guide.domain_of(t.name)))
            for t in reply.topics))
