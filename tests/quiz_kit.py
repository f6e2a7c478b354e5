"""A small world for the quiz engine's tests: notes, questions, a real store and library.

Shared by the quiz engine's test files (quiz, answers, leaderboard, stats,
review, console); every piece is real: SQLite in memory, the notes parser,
the lookup's Library, the engine.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta, timezone

import db
from bot.core.messages import Answer, Learner, Question
from bot.core.lookup.notes import parse
from bot.core.quiz.practice import Practice
from bot.core.bank.questions import BankQuestion
from bot.core.lookup.search import Library
from db.store import Store

NOTES = """\
# DVA

## RDS

1. Amazon RDS Proxy : a fully managed database proxy that pools and shares database connections
   - reduces open connections and timeouts for Lambda functions
   - IAM authentication, never publicly accessible
2. Read replicas : up to 15 read replicas, asynchronous replication, reads only
   - a replica can be promoted to its own database
3. Multi AZ : synchronous standby in another AZ for failover, one DNS name

## EC2

1. Instance store : high performance hardware disk, ephemeral storage lost when the instance stops
2. EBS volume : a network drive attached to one instance at a time, bound to one AZ
3. Security groups : firewalls around instances, only allow rules, stateful
"""

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)  # a Thursday


def q(qid: str, topic: str, answers: tuple[str, ...], passages: tuple[str, ...], kind: str = "single",
      options: tuple[str, ...] = ("first", "second", "third", "fourth"), generated: bool = False) -> BankQuestion:
    return BankQuestion(id=qid, topic=topic, kind=kind, stem=f"Stem of {qid}?", options=options,
                        answers=answers, explanation=f"Why {qid}: because.", passages=passages,
                        generated=generated, source="test")


QUESTIONS = (
    q("rds-proxy", "RDS", ("A",), ("rds/amazon-rds-proxy",)),
    q("rds-replicas", "RDS", ("A", "C"), ("rds/read-replicas",), kind="multi",
      options=("one", "two", "three", "four", "five")),
    q("rds-multi-az", "RDS", ("B",), ("rds/multi-az",)),
    q("ec2-store", "EC2", ("C",), ("ec2/instance-store",)),
    q("ec2-ebs", "EC2", ("A",), ("ec2/ebs-volume",), kind="truefalse", options=("True", "False")),
    q("ec2-sg", "EC2", ("D",), ("ec2/security-groups",)),
)


def library() -> Library:
    passages, _ = parse(NOTES, "notes.md")
    return Library(passages)


def world(questions=QUESTIONS, seed: int = 7) -> tuple[Store, Practice]:
    store = Store(db.connect(":memory:"))
    return store, Practice(store, library(), list(questions), rng=random.Random(seed))


def learner(user: str = "ana", group: str = "G1", name: str = "") -> Learner:
    return Learner("test", group, user, name or user.title())


def serve(practice: Practice, who: Learner, question_id: str, now: datetime = NOW, mode: str = "practice",
          closes_at: datetime | None = None) -> Question:
    """A specific question shown to ``who`` (the quiz picks at random; tests often need one)."""
    return practice.new_instance(question_id, who, who.group, mode, None, now, closes_at)


def answer(practice: Practice, who: Learner, question: Question, *letters: str, now: datetime = NOW,
           event: str | None = None):
    [reply] = practice.handle(Answer(who, question.instance, tuple(letters), event), now)
    return reply


def bank_question(question_id: str, questions=QUESTIONS) -> BankQuestion:
    return next(x for x in questions if x.id == question_id)


def right(question: Question, questions=QUESTIONS) -> tuple[str, ...]:
    """The letters the right options were SHOWN under: each instance orders its options its own way."""
    correct = bank_question(question.question_id, questions).correct
    return tuple(c.letter for c in question.choices if c.text in correct)


def wrong(question: Question, questions=QUESTIONS) -> str:
    """A letter shown for a wrong option."""
    correct = bank_question(question.question_id, questions).correct
    return next(c.letter for c in question.choices if c.text not in correct)


def answer_right(practice: Practice, who: Learner, question_id: str, now: datetime = NOW):
    """Serve ``question_id`` to ``who`` and click the right option(s), wherever they were shown."""
    question = serve(practice, who, question_id, now=now)
    return answer(practice, who, question, *right(question, list(practice.questions.values())), now=now)


def answer_wrong(practice: Practice, who: Learner, question_id: str, now: datetime = NOW):
    """Serve ``question_id`` to ``who`` and click a wrong option."""
    question = serve(practice, who, question_id, now=now)
    return answer(practice, who, question, wrong(question, list(practice.questions.values())), now=now)


def shown(question: Question, text: str) -> str:
    """The letter an option was shown under."""
    return next(c.letter for c in question.choices if c.text == text)


def days(n: float) -> timedelta:
    return timedelta(days=n)


class Typist:
    """Types ``lines`` into the console; a callable line reads what was printed so far first
    (options are shown in each question's own order, so answers are picked by their text)."""

    def __init__(self, lines, out: io.StringIO):
        self.lines, self.out = list(lines), out

    def readline(self) -> str:
        if not self.lines:
            return ""
        line = self.lines.pop(0)
        return (line(self.out.getvalue()) if callable(line) else line) + "\n"
