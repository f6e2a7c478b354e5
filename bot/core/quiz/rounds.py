"""Timed rounds: a channel plays ``count`` questions together, one after another.

Each question is open for ``seconds`` (30 by default) with the time left shown;
anyone answers once per question (the quiz's one answer path), and a right
answer earns ``rules.ROUND_POINTS`` plus up to ``rules.SPEED_BONUS`` for speed.
When a question closes, its results go to the channel and the next question
follows; after the last, the round's table. The round lives in the database, so
after a restart it resumes where it was, or, when its time has long passed,
closes cleanly with its results. In the console (``solo``) a question closes as
soon as its one player answers.
"""

from __future__ import annotations

import random
import secrets
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Iterable, Mapping, Protocol, Sequence

from bot.core.bank import BankQuestion
from bot.core.messages import Learner, Question, Reply, Round, RoundResults, RoundScore, Text
from bot.core.quiz import shuffle

SECONDS = 30
MIN_SECONDS, MAX_SECONDS = 10, 300
MAX_COUNT = 20
USAGE = "round [topic] [count] [seconds]s: up to 20 questions, 30 seconds each unless set (e.g. 'round rds 5 45s')"


class RoundStore(Protocol):
    def transaction(self) -> Any: ...
    def create_round(self, round_id: str, target: str, group: str, seconds: int, topic: str | None,
                     solo: bool, questions: Iterable[str], now: datetime) -> bool: ...
    def running_round(self, target: str) -> dict[str, Any] | None: ...
    def running_rounds(self) -> list[dict[str, Any]]: ...
    def round_of_instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def round_items(self, round_id: str) -> list[dict[str, Any]]: ...
    def show_round_item(self, round_id: str, position: int, instance_id: str) -> bool: ...
    def close_round_item(self, round_id: str, position: int, now: datetime) -> bool: ...
    def finish_round(self, round_id: str, now: datetime) -> bool: ...
    def instance_answers(self, instance_id: str) -> list[dict[str, Any]]: ...


class QuizEngine(Protocol):
    """What a round needs of the quiz engine (``practice.Practice``)."""

    @property
    def questions(self) -> Mapping[str, BankQuestion]: ...
    def candidates(self, topic: str) -> list[BankQuestion] | Text: ...
    def question(self, question_id: str) -> BankQuestion | None: ...
    def instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def new_instance(self, question_id: str, learner: Learner | None, group: str, mode: str,
                     target: str | None, now: datetime, closes_at: datetime | None,
                     note: str = "") -> Question: ...


class Rounds:
    def __init__(self, store: RoundStore, practice: QuizEngine, rng: random.Random, seconds: int = SECONDS):
        self.store = store
        self.practice = practice
        self.rng = rng
        self.seconds = seconds

    def start(self, command: Round, now: datetime) -> list[Reply]:
        if not command.target:
            return [Text("A round is played in a channel.", error=True)]
        seconds = command.seconds or self.seconds
        if not 1 <= command.count <= MAX_COUNT or not MIN_SECONDS <= seconds <= MAX_SECONDS:
            return [Text(f"Usage: {USAGE}", error=True)]
        running = self.store.running_round(command.target)
        if running is not None:
            return [Text("A round is already running here: answer its question, or wait for its results.",
                         error=True)]
        pool = self.practice.candidates(command.topic) if command.topic else list(self.practice.questions.values())
        if isinstance(pool, Text):
            return [pool]
        if not pool:
            return [Text("There are no questions yet: add notes or questions to the content folder.", error=True)]
        written = [q for q in pool if not q.generated] or pool
        chosen = self.rng.sample(sorted(written, key=lambda q: q.id), min(command.count, len(written)))
        round_id = secrets.token_urlsafe(9)
        with self.store.transaction():
            if not self.store.create_round(round_id, command.target, command.learner.group, seconds,
                                           command.topic, command.solo, [q.id for q in chosen], now):
                return [Text("A round is already running here.", error=True)]
            running = self.store.running_round(command.target)
            first = self._show(running, 1, now) if running is not None else None
        open_for = "until you answer" if command.solo else f"{seconds} seconds"
        intro = Text(f"A round of {len(chosen)} question{'s' if len(chosen) != 1 else ''}: each is open {open_for}; "
                     f"everyone answers once, and faster right answers earn more.")
        return [intro, first] if first is not None else [intro]

    def due(self, now: datetime) -> list[tuple[str, list[Reply]]]:
        """Every running round whose open question has closed: (its channel, what to post now)."""
        out = []
        for running in self.store.running_rounds():
            replies = self.advance(running, now)
            if replies:
                out.append((running["target"], replies))
        return out

    def after_answer(self, instance_id: str, now: datetime) -> list[Reply]:
        """A solo round moves on as soon as its one player answers."""
        running = self.store.round_of_instance(instance_id)
        if running is None or not running["solo"] or running["finished_at"] is not None:
            return []
        return self.advance(running, now, force=True)

    def advance(self, running: dict[str, Any], now: datetime, force: bool = False) -> list[Reply]:
        """Close the open question when its time is up (or ``force``): its results, then the next
        question or the round's table."""
        items = self.store.round_items(running["id"])
        shown = [i for i in items if i["instance_id"] and i["closed_at"] is None]
        if not shown:
            return []
        item = shown[0]
        instance = self.practice.instance(item["instance_id"])
        closes = instance["closes_at"] if instance else now
        if not force and closes is not None and now < closes:
            return []
        with self.store.transaction():
            if not self.store.close_round_item(running["id"], item["position"], now):
                return []  # another process closed it
            replies: list[Reply] = [self._results(running, item)]
            if item["position"] < len(items):
                question = self._show(running, item["position"] + 1, now)
                if question is not None:
                    replies.append(question)
            elif self.store.finish_round(running["id"], now):
                replies.append(self._table(running, items))
        return replies

    # --- steps -----------------------------------------------------------------------

    def _show(self, running: dict[str, Any], position: int, now: datetime) -> Question | None:
        item = self.store.round_items(running["id"])[position - 1]
        closes = None if running["solo"] else now + timedelta(seconds=running["seconds"])
        question = self.practice.new_instance(item["question_id"], None, running["group_id"], "round",
                                              running["target"], now, closes,
                                              f"Round · question {position} of {running['size']}")
        if not self.store.show_round_item(running["id"], position, question.instance):
            return None
        return replace(question, heading=())

    def _results(self, running: dict[str, Any], item: dict[str, Any]) -> RoundResults:
        question = self.practice.question(item["question_id"])
        instance = self.practice.instance(item["instance_id"]) or {}
        answer = shuffle.key(question, shuffle.seed(instance)) if question else ()
        answers = self.store.instance_answers(item["instance_id"])
        scores = tuple(RoundScore(_learner(a), a["points"], int(a["correct"])) for a in answers if a["correct"])
        return RoundResults(running["target"], item["position"], running["size"], answer, len(answers),
                            tuple(sorted(scores, key=lambda s: -s.points)))

    def _table(self, running: dict[str, Any], items: Sequence[dict[str, Any]]) -> RoundResults:
        points: dict[Learner, list[int]] = defaultdict(lambda: [0, 0])
        for item in items:
            if item["instance_id"]:
                for a in self.store.instance_answers(item["instance_id"]):
                    tally = points[_learner(a)]
                    tally[0] += a["points"]
                    tally[1] += int(a["correct"])
        scores = sorted((RoundScore(who, p, r) for who, (p, r) in points.items()),
                        key=lambda s: (-s.points, -s.right, s.learner.name or s.learner.user))
        return RoundResults(running["target"], running["size"], running["size"], (), 0, tuple(scores), final=True)


def _learner(row: dict[str, Any]) -> Learner:
    return Learner(row["platform"], row["group_id"], row["user"], row["name"])
