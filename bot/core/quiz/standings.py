"""Leaderboards and personal stats: read the counters, derive ranks and streaks.

The database keeps counters (points, answered, right) per learner and period,
bumped when an answer is recorded; ranks, streaks and accuracies are derived
here on every read, in the group's timezone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from bot.core.quiz import rules
from bot.core.messages import Leaderboard, Learner, Standing, Stats, TopicAccuracy

TOP = 10
WEAKEST = 3


class StandingsStore(Protocol):
    def group_timezone(self, group: str) -> str: ...
    def find_learner(self, platform: str, group: str, user: str) -> int | None: ...
    def top_scores(self, group: str, period: str, limit: int) -> list[dict[str, Any]]: ...
    def score_of(self, group: str, period: str, learner_id: int) -> dict[str, Any] | None: ...
    def count_above(self, group: str, period: str, points: int) -> int: ...
    def active_days(self, learner_id: int, since: str = "") -> list[str]: ...
    def topic_accuracy(self, learner_id: int) -> list[tuple[str, int, int]]: ...
    def cards_due(self, learner_id: int, now: datetime) -> int: ...


def leaderboard(store: StandingsStore, asker: Learner, period: str, now: datetime) -> Leaderboard:
    """The group's top ten for ``period`` (ties straddling tenth place included) and the asker's rank."""
    tz = store.group_timezone(asker.group)
    key = rules.period_key(period, now, tz)
    asker_id = store.find_learner(asker.platform, asker.group, asker.user)
    ranked = rules.rank(store.top_scores(asker.group, key, TOP), lambda row: row["points"])
    rows = tuple(_standing(rank, row, asker_id) for rank, row in ranked)
    own = None
    if asker_id is not None and not any(s.is_asker for s in rows):
        row = store.score_of(asker.group, key, asker_id)
        if row is not None:
            own = _standing(store.count_above(asker.group, key, row["points"]) + 1, row, asker_id)
    return Leaderboard(period=period, timezone=tz, rows=rows, asker=own)


def _standing(rank: int, row: dict[str, Any], asker_id: int | None) -> Standing:
    learner = Learner(row["platform"], row["group_id"], row["user"], row["name"])
    return Standing(rank=rank, learner=learner, points=row["points"], answered=row["answered"],
                    correct=row["correct"], is_asker=row["learner_id"] == asker_id)


def stats(store: StandingsStore, learner: Learner, now: datetime) -> Stats:
    """Answered, accuracy, points, streaks, per-topic accuracy and the weakest topics."""
    learner_id = store.find_learner(learner.platform, learner.group, learner.user)
    if learner_id is None:
        return Stats(learner, answered=0, correct=0, points=0, streak=0, best_streak=0)
    tz = store.group_timezone(learner.group)
    total = store.score_of(learner.group, "all", learner_id) or {"answered": 0, "correct": 0, "points": 0}
    days = [date.fromisoformat(day) for day in store.active_days(learner_id)]
    current, best = rules.streaks(days, rules.local_day(now, tz))
    topics = tuple(sorted(
        (TopicAccuracy(topic, answered, correct or 0, practice_command(topic))
         for topic, answered, correct in store.topic_accuracy(learner_id)),
        key=lambda t: t.topic.lower(),
    ))
    return Stats(learner=learner, answered=total["answered"], correct=total["correct"],
                 points=total["points"], streak=current, best_streak=best, topics=topics,
                 weakest=weakest(topics), reviews_due=store.cards_due(learner_id, now))


def weakest(topics: tuple[TopicAccuracy, ...], count: int = WEAKEST) -> tuple[TopicAccuracy, ...]:
    """The lowest-accuracy topics that still have a wrong answer; more answers break ties."""
    shaky = [t for t in topics if t.correct < t.answered]
    shaky.sort(key=lambda t: (t.correct / t.answered, -t.answered, t.topic))
    return tuple(shaky[:count])


def practice_command(topic: str) -> str:
    """'ELB + ASG' -> 'quiz elb asg': what to type to practise a topic."""
    words = "".join(ch if ch.isalnum() else " " for ch in topic.lower()).split()
    return "quiz " + " ".join(words)
