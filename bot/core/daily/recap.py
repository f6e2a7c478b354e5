"""The weekly recap: once a week, in each channel with a daily question, how the group did.

It goes out at the day and time the admin set (by default Monday at the
channel's daily time), in the group's timezone, about the seven days before:
the top five of those days, the
longest streaks among them, the group's weakest topic with the ``quiz`` command
to drill it, and the most-missed question. Exactly once per week per channel,
across restarts and processes: it is claimed like a daily slot ("recap
2026-11-23" in the same table, under the same unique key) before it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from bot.core.daily import slots
from bot.core.daily.slots import Schedule
from bot.core.messages import Learner, Recap, Standing, TopicAccuracy
from bot.core.quiz import practice_command, streaks

TOP = 5


class RecapStore(Protocol):
    def claim_slot(self, target: str, slot: str, due_at: datetime, now: datetime) -> bool: ...
    def is_claimed(self, target: str, slot: str) -> bool: ...
    def active_days(self, learner_id: int, since: str = "") -> list[str]: ...
    def group_week(self, group: str, first_day: str, last_day: str, top: int = 5) -> dict[str, Any]: ...


@dataclass(frozen=True)
class RecapSlot:
    schedule: Schedule
    day: date  # local date the recap goes out: it is about the seven days before
    at: datetime

    @property
    def key(self) -> str:
        return f"recap {self.day.isoformat()}"


def due(schedule: Schedule, now: datetime, grace: timedelta) -> RecapSlot | None:
    """This week's recap of ``schedule``'s channel when it is due now (within grace)."""
    weekly = replace(schedule, weekdays=(schedule.recap_day,), time=schedule.recap_time or schedule.time)
    slot = slots.due_slot(weekly, now, grace)
    return RecapSlot(schedule, slot.local_date, slot.at) if slot else None


def build(store: RecapStore, slot: RecapSlot, stem_of: dict[str, str]) -> Recap:
    """The recap of the seven days before ``slot.day`` for the schedule's group."""
    first, last = slot.day - timedelta(days=7), slot.day - timedelta(days=1)
    group = slot.schedule.group
    week = store.group_week(group, first.isoformat(), last.isoformat(), TOP)
    rows = week["learners"]
    top = tuple(Standing(n, _learner(r), r["points"], r["answered"], r["correct"]) for n, r in enumerate(rows, 1))
    running = []
    for r in rows:
        days = [date.fromisoformat(d) for d in store.active_days(r["learner_id"])]
        current, _ = streaks(days, last)
        if current:
            running.append((_learner(r), current))
    running.sort(key=lambda s: (-s[1], s[0].name or s[0].user))
    shaky = [(t, a, c or 0) for t, a, c in week["topics"] if (c or 0) < a]
    weakest = min(shaky, key=lambda t: (t[2] / t[1], -t[1], t[0]), default=None)
    missed = week["missed"]
    return Recap(
        target=slot.schedule.target, week_of=first, top=top, streaks=tuple(running[:3]),
        weakest=TopicAccuracy(weakest[0], weakest[1], weakest[2], practice_command(weakest[0])) if weakest else None,
        missed_question=missed[0] if missed else "", missed_stem=stem_of.get(missed[0], "") if missed else "",
        missed=(missed[1], missed[2]) if missed else (0, 0),
        answered=sum(a for _, a, _ in week["topics"]),
    )


def _learner(row: dict[str, Any]) -> Learner:
    return Learner(row["platform"], row["group_id"], row["user"], row["name"])

