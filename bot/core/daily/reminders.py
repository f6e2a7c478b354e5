"""Reminders: one direct message a day at most, to a learner who asked for it.

``remind on [HH:MM]`` (default 18:00, in the group's timezone) and ``remind off``.
At that time the learner gets a message only when there is a reason: spaced-
review cards are due, or their streak would break tonight (they answered
yesterday but not yet today). Each day's reminder is claimed in the database
before it is sent, so a restart or a second process never sends it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.core.daily import slots
from bot.core.messages import Learner, Remind, Reminder, Text
from bot.core.quiz import streaks

DEFAULT_TIME = "18:00"
GRACE = timedelta(hours=1)  # a reminder missed by longer (the bot was down) waits for tomorrow


class ReminderStore(Protocol):
    def learner_id(self, platform: str, group: str, user: str, name: str = "") -> int: ...
    def group_timezone(self, group: str) -> str: ...
    def set_reminder(self, learner_id: int, time: str | None, now: datetime) -> bool: ...
    def reminder_rows(self) -> list[dict[str, Any]]: ...
    def claim_reminder(self, learner_id: int, day: str, now: datetime) -> bool: ...
    def cards_due(self, learner_id: int, now: datetime) -> int: ...
    def active_days(self, learner_id: int, since: str = "") -> list[str]: ...


@dataclass(frozen=True)
class Due:
    """A reminder to send now: to whom, for which local day, saying what."""

    learner_id: int
    learner: Learner
    day: date
    reply: Reminder


def handle(store: ReminderStore, command: Remind, now: datetime) -> Text:
    learner = command.learner
    learner_id = store.learner_id(learner.platform, learner.group, learner.user, learner.name)
    if not command.on:
        was = store.set_reminder(learner_id, None, now)
        return Text("Reminders are off." if was else "Reminders were not on.")
    at = slots.parse_time(command.time or DEFAULT_TIME)
    if at is None:
        return Text(f"'{(command.time or '')[:20]}' is not a time: use 24-hour HH:MM, e.g. 'remind on 08:00'.",
                    error=True)
    store.set_reminder(learner_id, at, now)
    zone = store.group_timezone(learner.group)
    return Text(f"Reminders on: at {at} {zone}, at most one message a day, only when reviews are due or "
                "your streak would break. 'remind off' stops them.")


def due(store: ReminderStore, now: datetime) -> list[Due]:
    """The reminders to send now: their time has come today (within grace), not yet claimed,
    and there is a reason to write."""
    found = []
    for row in store.reminder_rows():
        zone = ZoneInfo(row["timezone"])
        today = now.astimezone(zone).date()
        hour, minute = map(int, row["time"].split(":"))
        at = datetime.combine(today, time(hour, minute), zone)
        if not at <= now < at + GRACE:
            continue
        learner = Learner(row["platform"], row["group_id"], row["user"], row["name"])
        reviews = store.cards_due(row["learner_id"], now)
        days = {date.fromisoformat(d) for d in store.active_days(row["learner_id"])}
        current, _ = streaks(days, today)
        at_risk = today not in days and (today - timedelta(days=1)) in days
        if reviews or at_risk:
            found.append(Due(row["learner_id"], learner, today, Reminder(learner, reviews, current if at_risk else 0)))
    return found


def claim(store: ReminderStore, reminder: Due, now: datetime) -> bool:
    return store.claim_reminder(reminder.learner_id, reminder.day.isoformat(), now)
