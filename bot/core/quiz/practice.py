"""The quiz engine: serve question instances, record answers, explain, review.

An *instance* is one showing of a question (to a learner in practice or
review, or to a channel as the daily question); buttons carry its id, so a
click works after a restart. Each instance shows the options in its own order
(``bot.core.quiz.shuffle``, a pure function of the instance id); the bank's letters
are what is stored. Every answer goes through ``answering.answer_all`` (answers arriving
together are graded and recorded together, one alone is a batch of one):
the first answer of a learner to an instance counts, a redelivered event is
recorded once, and points, counters and the review card change in one transaction.

Public surface for the daily question (``bot.core.daily.posts.DailyPractice``):

- ``daily_pool(topic)`` -> (question id, topic) of the questions the daily draws
  from: those ``quiz <topic>`` would serve (``candidates``), written ones when
  there are any; a ``Text`` saying why when there are none, as quiz says it;
- ``open_daily(question_id, group, target, now, closes_at)`` -> the ``Question``
  to post: an instance of mode "daily" (``new_instance`` underneath); answers
  come back as ``Answer`` commands through ``handle`` like any other, worth
  daily points, refused after ``closes_at``;
- ``show_instance(instance_id, now)`` -> that instance's ``Question`` again;
- ``question_facts(question_id, instance_id)`` -> (stem, right choices as that
  instance showed them, explanation);
- ``question(id)`` -> the ``BankQuestion``.
"""

from __future__ import annotations

import logging
import random
from difflib import get_close_matches
import secrets
from dataclasses import replace
from datetime import datetime
from typing import Any, Iterable, Protocol, Sequence

from bot.core import bank
from bot.core.quiz import answering, exam, review, rounds, rules, shuffle, standings
from bot.core.messages import (
    Answer, Choice, Exam, Explain, Explanation, Feedback, Learner, Question, Quiz, Reply, Report, Round,
    Review, ShowLeaderboard, ShowStats, Stats, Text, TopicAccuracy, unknown_command,
)
from bot.core.bank import BankQuestion
from bot.core.lookup import lexicon as lexicons

log = logging.getLogger(__name__)

RECENT = 50  # a learner is not served any of their last 50 questions while others remain
GENERATED_WEIGHT = 0.6  # written questions are served a little more often than generated ones
INSTANCE_CACHE = 10_000  # instance rows kept in memory (a burst of clicks reads one row)


class PracticeStore(answering.AnswerStore, standings.StandingsStore, exam.ExamStore, rounds.RoundStore, Protocol):
    def add_report(self, question_id: str, learner_id: int, reason: str, now: datetime) -> bool: ...
    def transaction(self) -> Any: ...
    def sync_questions(self, questions: Iterable[BankQuestion]) -> int: ...
    def learner_id(self, platform: str, group: str, user: str, name: str = "") -> int: ...
    def learner_ids(self, learners: Sequence[tuple[str, str, str, str]]) -> list[int]: ...
    def add_instance(self, instance_id: str, question_id: str, learner_id: int | None, group: str,
                     mode: str, target: str | None, created_at: datetime,
                     closes_at: datetime | None) -> None: ...
    def instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def recent_questions(self, learner_id: int, limit: int) -> list[str]: ...
    def open_daily(self, question_id: str, now: datetime) -> bool: ...
    def next_cards(self, learner_id: int, limit: int = 2) -> list[tuple[str, datetime]]: ...


class Notes(Protocol):
    """What the quiz needs of the lookup (``lookup.Library``): the passages, their topics."""

    @property
    def passages(self) -> Sequence[Any]: ...
    @property
    def lexicon(self) -> lexicons.Lexicon: ...  # the words the notes were read with: questions too

    def match_topic(self, text: str) -> tuple[str, ...]: ...
    def passage(self, passage_id: str) -> Any: ...
    def sections(self) -> Any: ...


class Practice:
    """Quiz, answer, explain, review, leaderboard and stats over one question bank."""

    def __init__(self, store: PracticeStore, library: Notes, questions: Iterable[BankQuestion],
                 rng: random.Random | None = None, guide: bank.Guide = bank.domains.DEFAULT):
        self.store = store
        self.library = library
        self.guide = guide
        self.questions: dict[str, BankQuestion] = {q.id: q for q in guide.with_domains(questions)}
        self.rng = rng or random.Random()
        self.exams = exam.Exams(store, self, guide, self.rng)
        self.rounds = rounds.Rounds(store, self, self.rng)
        self._instances: dict[str, dict[str, Any]] = {}
        store.sync_questions(self.questions.values())

    @classmethod
    def build(cls, store: PracticeStore, library: Notes, written: Sequence[BankQuestion],
              rng: random.Random | None = None, guide: bank.Guide = bank.domains.DEFAULT,
              made: Sequence[BankQuestion] | None = None) -> "Practice":
        """The written questions plus generated ones (``made``, else generated now) for passages
        no written question cites."""
        covered = {pid for q in written for pid in q.passages}
        ids = {q.id for q in written}
        made = bank.generate(list(library.passages), library.lexicon) if made is None else made
        generated = [q for q in made if q.id not in ids and not covered.intersection(q.passages)]
        log.info("question bank: %d written, %d generated", len(written), len(generated))
        return cls(store, library, [*written, *generated], rng, guide)

    # --- commands ---------------------------------------------------------------

    def handle(self, command: Any, now: datetime) -> Sequence[Reply]:
        match command:
            case Quiz():
                return [self.quiz(command.learner, command.topic, now)]
            case Answer():
                return self.handle_answers([(command, now)])[0]
            case Round():
                return self.rounds.start(command, now)
            case Explain():
                return [self.explain(command.question, now, command.learner)]
            case ShowLeaderboard():
                if command.period not in rules.PERIODS:
                    return [Text("Usage: leaderboard [today|week|month|all]", error=True)]
                return [standings.leaderboard(self.store, command.learner, command.period, now)]
            case ShowStats():
                return [self.stats(command.subject or command.learner, now)]
            case Review():
                return [self.review(command.learner, now)]
            case Exam():
                with self.store.transaction():
                    return [self.exams.handle(command, now)]
            case Report():
                return [self.report(command.learner, command.question, command.reason, now)]
        return [unknown_command()]

    def quiz(self, learner: Learner, topic: str | None, now: datetime) -> Question | Text:
        """A practice question: not one seen recently, leaning toward weak topics."""
        candidates = self.candidates(topic) if topic else list(self.questions.values())
        if isinstance(candidates, Text):
            return candidates
        if not candidates:
            return Text("There are no questions yet: add notes or questions to the content folder.",
                        error=True)
        learner_id = self.learner_id(learner)
        recent = self.store.recent_questions(learner_id, RECENT)
        accuracy = {t: (a, c or 0) for t, a, c in self.store.topic_accuracy(learner_id)}
        question = choose(candidates, recent, accuracy, self.rng)
        answered, correct = accuracy.get(question.topic, (0, 0))
        note = ""
        if answered >= 3 and correct / answered < 0.6:
            note = f"Practice: a weak topic ({question.topic}, {round(100 * correct / answered)}% right so far)"
        return self.new_instance(question.id, learner, learner.group, "practice", None, now, None, note)

    def handle_answers(self, answers: Sequence[tuple[Answer, datetime]]) -> list[list[Reply]]:
        """What ``handle`` replies to each answer, in order: the answers to questions of practice,
        review and the daily graded and recorded together (``answering.answer_all``), each
        answer in an exam or a round on its own (``_answer_one``).

        Each is one transaction (a first-time learner's row included): one commit for them all
        (a part of the caller's ``batch``), and checks that cannot go stale before the write.
        """
        replies: list[list[Reply]] = []
        together: list[tuple[Answer, datetime]] = []
        for command, now in answers:
            instance = self.instance(command.instance)
            if instance is None or instance["mode"] not in ("exam", "round"):
                together.append((command, now))
                continue
            replies += self._answer_all(together)
            together = []
            replies.append(self._answer_one(command, instance["mode"], now))
        return replies + self._answer_all(together)

    def _answer_all(self, answers: list[tuple[Answer, datetime]]) -> list[list[Reply]]:
        if not answers:
            return []
        with self.store.transaction():
            return [[reply] for reply in answering.answer_all(self, answers)]

    def _answer_one(self, command: Answer, mode: str, now: datetime) -> list[Reply]:
        """An answer in an exam (kept, not graded, until the end) or a round (which a solo round's
        player moves on)."""
        exam_of = self.store.exam_of_instance(command.instance) if mode == "exam" else None
        with self.store.transaction():
            if exam_of is not None:
                return [self.exams.answer(command, exam_of, now)]
            replies: list[Reply] = [answering.answer(self, command, now)]
        if isinstance(replies[0], Feedback) and mode == "round":
            replies += self.rounds.after_answer(command.instance, now)  # a solo round moves on
        return replies

    def explain(self, ident: str, now: datetime, learner: Learner | None = None) -> Explanation | Text:
        """The answer and explanation of a question id (bank order) or of an instance id (its order)."""
        question, shown = self.question(ident), None
        if question is None and (instance := self.store.instance(ident)):
            question, shown = self.question(instance["question_id"]), shuffle.seed(instance)
        if question is None:
            close = get_close_matches(ident, list(self.questions), n=1, cutoff=0.75)
            hint = f" Did you mean '{close[0]}'?" if close else " The id is shown under each question."
            return Text(f"No question has the id \"{ident[:60]}\".{hint}", error=True)
        if self.store.open_daily(question.id, now):
            return Text("That is an open daily question: its explanation comes when it closes.", error=True)
        if self._in_running_exam(learner, question.id, shown_instance=ident if shown else None):
            return Text("That question is in your running exam: its explanation comes when the exam ends "
                        "('exam finish').", error=True)
        return Explanation(question.id, question.stem, shuffle.key(question, shown), question.explanation,
                           self.heading(question))

    def record(self, command: Answer, now: datetime) -> Reply:
        """Grade and record an answer on the one answer path (a finished exam's picks)."""
        return answering.answer(self, command, now)

    def stats(self, learner: Learner, now: datetime) -> Stats:
        """The learner's stats, with accuracy per exam domain (each topic counted in its domain)."""
        found = standings.stats(self.store, learner, now)
        of_topic = self.guide.of_topics(self.questions.values())
        tally: dict[str, list[int]] = {}
        for t in found.topics:
            key = of_topic.get(t.topic) or self.guide.domain_of(t.topic)
            tally.setdefault(key, [0, 0])
            tally[key][0] += t.answered
            tally[key][1] += t.correct
        domains = tuple(TopicAccuracy(d.name, tally[d.key][0], tally[d.key][1], "exam")
                        for d in self.guide.domains if d.key in tally)
        return replace(found, domains=domains)

    def report(self, learner: Learner, ident: str, reason: str, now: datetime) -> Text:
        """ "This question is wrong": kept with who and when for the maintainers; a question two
        people report is held out of daily posts and exams until a maintainer clears it."""
        question = self.question(ident)
        if question is None and (instance := self.store.instance(ident)):
            question = self.question(instance["question_id"])
        if question is None:
            return Text(f"No question has the id \"{ident[:60]}\". The id is shown under each question.",
                        error=True)
        with self.store.transaction():
            added = self.store.add_report(question.id, self.learner_id(learner), reason.strip()[:500], now)
        if not added:
            return Text(f"You have already reported {question.id}; the maintainers have it.")
        return Text(f"Thanks: {question.id} is reported{f' ({reason.strip()[:80]})' if reason.strip() else ''}. "
                    "The maintainers will check it; a question two people report is held out of daily "
                    "posts and exams until they do.")

    def _in_running_exam(self, learner: Learner | None, question_id: str, shown_instance: str | None) -> bool:
        if shown_instance is not None and self.exams.running(shown_instance):
            return True
        running = self.store.running_exam(self.learner_id(learner)) if learner is not None else None
        return running is not None and any(i["question_id"] == question_id
                                           for i in self.store.exam_items(running["id"]))

    def review(self, learner: Learner, now: datetime) -> Question | Text:
        """The most overdue review card as a question, or when the next one is due."""
        learner_id = self.learner_id(learner)
        cards = [(qid, due) for qid, due in self.store.next_cards(learner_id, 2) if qid in self.questions]
        if not cards:
            return Text("Nothing to review yet: every question you answer becomes a review card. "
                        "Try 'quiz'.")
        question_id, due = cards[0]
        if due > now:
            return Text(f"Nothing is due for review. The next review is due {review.when(due, now)} "
                        f"({due:%Y-%m-%d %H:%M} UTC).")
        more = self.store.cards_due(learner_id, now) - 1
        if more > 0:
            note = f"Review (due {review.when(due, now)}); {more} more due now"
        elif len(cards) > 1:
            note = f"Review (due {review.when(due, now)}); the next is due {review.when(cards[1][1], now)}"
        else:
            note = f"Review (due {review.when(due, now)}); no other reviews scheduled"
        return self.new_instance(question_id, learner, learner.group, "review", None, now, None, note)

    # --- for the daily question -------------------------------------------------------

    def new_instance(self, question_id: str, learner: Learner | None, group: str, mode: str,
                     target: str | None, now: datetime, closes_at: datetime | None,
                     note: str = "") -> Question:
        """Record a new showing of a question and return it ready to render."""
        question = self.questions.get(question_id)
        if question is None:
            raise KeyError(f"unknown question {question_id!r}")
        if mode not in rules.MODES:
            raise ValueError(f"unknown mode {mode!r}")
        learner_id = self.learner_id(learner) if learner else None
        instance = secrets.token_urlsafe(12)  # 16 URL-safe characters, 96 random bits
        self.store.add_instance(instance, question_id, learner_id, group, mode, target, now, closes_at)
        return self._question(question, instance, instance, mode, closes_at, note)

    def daily_pool(self, topic: str | None = None) -> list[tuple[str, str]] | Text:
        """(question id, topic) of what quiz would serve for ``topic`` (every question without one),
        only the written ones when there are any, else generated ones best first (``gate.score``);
        quiz's ``Text`` when there are none on ``topic``."""
        found = self.candidates(topic) if topic else list(self.questions.values())
        if isinstance(found, Text):
            return found
        held = self.exams.held()  # reported by two people: out until a maintainer clears it
        found = [q for q in found if q.id not in held and not q.background] or \
            [q for q in found if q.id not in held]
        written = [q for q in found if not q.generated]
        if written:
            return [(q.id, q.topic) for q in sorted(written, key=lambda q: q.id)]
        if not found:
            return []  # an empty bank: nothing to post, which the caller says
        # generated ones only passed the gate to be here; the daily draws from the most
        # exam-like shapes the topic has (scenarios, choose-two, statements before numbers)
        best = max(int(bank.score(q)) for q in found)
        return [(q.id, q.topic) for q in sorted(found, key=lambda q: q.id) if int(bank.score(q)) >= min(best, bank.GOOD)]

    def rounds_due(self, now: datetime) -> list[tuple[str, list[Reply]]]:
        """Rounds whose open question has closed: (channel, results and what comes next)."""
        return self.rounds.due(now)

    def open_daily(self, question_id: str, group: str, target: str, now: datetime,
                   closes_at: datetime | None) -> Question:
        return self.new_instance(question_id, None, group, "daily", target, now, closes_at)

    def show_instance(self, instance_id: str, now: datetime) -> Question | None:
        """An instance's question again (e.g. the open daily for ``daily``); None if unknown."""
        instance = self.store.instance(instance_id)
        question = self.question(instance["question_id"]) if instance is not None else None
        if instance is None or question is None:
            return None
        return self._question(question, instance_id, shuffle.seed(instance), instance["mode"],
                              instance["closes_at"], "")

    def question_facts(self, question_id: str, instance_id: str | None = None
                       ) -> tuple[str, tuple[Choice, ...], str]:
        """(stem, right choices, explanation) of a question, for the daily summary; the choices
        carry the letters ``instance_id`` showed them under (the bank's without one)."""
        question = self.questions[question_id]
        row = self.instance(instance_id) if instance_id else None
        return question.stem, shuffle.key(question, shuffle.seed(row) if row else None), question.explanation

    def question(self, question_id: str) -> BankQuestion | None:
        return self.questions.get(question_id)

    # --- helpers --------------------------------------------------------------------

    def instance(self, instance_id: str) -> dict[str, Any] | None:
        """An instance row; rows never change once written, so they are kept (a bounded few)."""
        row = self._instances.get(instance_id)
        if row is None:
            row = self.store.instance(instance_id)
            if row is not None:
                if len(self._instances) >= INSTANCE_CACHE:
                    self._instances.clear()
                self._instances[instance_id] = row
        return row

    def learner_id(self, learner: Learner) -> int:
        return self.learner_ids([learner])[0]

    def learner_ids(self, learners: Sequence[Learner]) -> list[int]:
        """Their row ids, those never seen created (``store.learner_ids``)."""
        return self.store.learner_ids([(who.platform, who.group, who.user, who.name) for who in learners])

    def candidates(self, topic: str) -> list[BankQuestion] | Text:
        """The questions on ``topic``: a section by name, else what the lookup's matcher finds."""
        section = self.section_named(topic)
        if section is not None:
            found = [q for q in self.questions.values() if q.topic == section]
        else:
            passages = self.library.match_topic(topic)
            if not passages:
                return Text(f"The notes have nothing on \"{topic[:60]}\" to quiz you on. "
                            f"Topics: {', '.join(self.topic_names())}.", error=True)
            found = self.questions_on(passages)
        return found or Text(f"There are no questions on \"{topic[:60]}\" yet; 'ask {topic[:60]}' "
                             "shows what the notes say.", error=True)

    def questions_on(self, passage_ids: Iterable[str]) -> list[BankQuestion]:
        """Questions on these passages: those citing them from their own section first,
        then any citing them, then any on their sections."""
        ids = set(passage_ids)
        sections = {p.section for pid in ids if (p := self.library.passage(pid)) is not None}
        citing = [q for q in self.questions.values() if ids.intersection(q.passages)]
        return ([q for q in citing if q.topic in sections] or citing
                or [q for q in self.questions.values() if q.topic in sections])

    def section_named(self, text: str) -> str | None:
        """The section whose name ``text`` is, ignoring case and punctuation ('elb asg')."""
        wanted = standings.practice_command(text)
        return next((s for s in self.topic_names() if standings.practice_command(s) == wanted), None)

    def topic_names(self) -> list[str]:
        return [getattr(s, "name", s) for s in self.library.sections()]

    def heading(self, question: BankQuestion) -> tuple[str, ...]:
        for pid in question.passages:
            passage = self.library.passage(pid)
            if passage is not None:
                return tuple(passage.heading)
        return (question.topic,)

    def _question(self, question: BankQuestion, instance: str, order: str | None, mode: str,
                  closes_at: datetime | None, note: str) -> Question:
        """``order``: what orders its options (``shuffle.seed`` of the instance row)."""
        return Question(instance=instance, question_id=question.id, topic=question.topic, stem=question.stem,
                        choices=shuffle.choices(question, order), pick=question.pick, heading=self.heading(question),
                        generated=question.generated, daily=mode == "daily", review=mode == "review",
                        closes_at=closes_at, note=note)


def choose(candidates: Sequence[BankQuestion], recent: Sequence[str],
           accuracy: dict[str, tuple[int, int]], rng: random.Random) -> BankQuestion:
    """Pick among questions not seen recently (else the least recently seen), weak topics weighted up."""
    seen = {qid: index for index, qid in reversed(list(enumerate(recent)))}
    pool = [q for q in candidates if q.id not in seen]
    if not pool:
        oldest = max(seen[q.id] for q in candidates)
        pool = [q for q in candidates if seen[q.id] == oldest]
    weights = [rules.topic_weight(*accuracy.get(q.topic, (0, 0))) * (GENERATED_WEIGHT if q.generated else 1.0)
               for q in pool]
    return rng.choices(pool, weights)[0]
