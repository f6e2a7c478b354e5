"""When a daily question is due: schedules, slots, DST and the grace window.

Pure functions of a schedule and ``now`` (UTC-aware). A *slot* is one scheduled
showing: the target, the local date and the local "HH:MM". Its key is what the
database claims before anything is sent, so however many times a trigger fires
(twice in the autumn's repeated hour, once more after a restart, once in each of
two processes) a slot is posted at most once.

DST: a local time that does not exist (spring forward, 02:30 in Berlin) runs at
the next valid time (03:00); one that happens twice (autumn) runs at the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EVERY_DAY = tuple(range(7))
GRACE = timedelta(hours=1)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DAY_NAMES = {name: i for i, day in enumerate(DAYS) for name in (day, FULL_NAMES[i])}
_ALIASES = {"daily": "mon-sun", "everyday": "mon-sun", "weekdays": "mon-fri", "weekends": "sat-sun"}


@dataclass(frozen=True)
class Schedule:
    """The daily question of one target, as an admin set it."""

    target: str
    platform: str
    group: str
    time: str  # local "HH:MM"
    timezone: str  # IANA name
    weekdays: tuple[int, ...] = EVERY_DAY  # 0 = Monday
    topic: str | None = None
    target_name: str = ""
    since: datetime | None = None  # when it was set: earlier slots are never posted
    recap_day: int = 0  # the weekly recap's weekday (0 = Monday) ...
    recap_time: str | None = None  # ... and local time ("HH:MM"; None: the daily time)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def hour_minute(self) -> tuple[int, int]:
        hour, minute = self.time.split(":")
        return int(hour), int(minute)

    @property
    def cron_days(self) -> str:
        """The weekdays as a cron ``day_of_week`` list: "mon,wed,fri"."""
        return ",".join(DAYS[d] for d in self.weekdays)


@dataclass(frozen=True)
class Slot:
    """One showing of a schedule: ``key`` is claimed in the database before sending."""

    schedule: Schedule
    local_date: date
    at: datetime  # UTC instant it is due

    @property
    def key(self) -> str:
        return f"{self.local_date.isoformat()} {self.schedule.time}"

    @property
    def target(self) -> str:
        return self.schedule.target


# --- validation ----------------------------------------------------------------


def parse_time(text: str) -> str | None:
    """ "9:05" -> "09:05"; None when it is not a 24-hour time."""
    match = _TIME.match((text or "").strip())
    return f"{int(match[1]):02d}:{match[2]}" if match else None


def parse_timezone(name: str) -> str | None:
    """The IANA name when zoneinfo knows it, else None (no paths, no guessing)."""
    name = (name or "").strip()
    if not name or name.startswith(("/", ".")) or ".." in name or len(name) > 64:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def parse_weekdays(text: str | None) -> tuple[int, ...] | None:
    """ "mon-fri", "mon,wed,fri", "weekends", "fri-mon" -> weekday numbers; None if malformed."""
    if not text:
        return EVERY_DAY
    text = _ALIASES.get(text.strip().lower(), text.strip().lower())
    days: set[int] = set()
    for part in text.split(","):
        found = [_DAY_NAMES.get(end.strip()) for end in part.split("-")]
        ends = [day for day in found if day is not None]
        if len(found) > 2 or len(ends) < len(found):
            return None
        first, last = ends[0], ends[-1]
        days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
    return tuple(sorted(days))


def describe_weekdays(weekdays: tuple[int, ...]) -> str:
    if tuple(weekdays) == EVERY_DAY:
        return "every day"
    if tuple(weekdays) == (0, 1, 2, 3, 4):
        return "Monday to Friday"
    return ", ".join(DAYS[d].capitalize() for d in weekdays)


# --- when ------------------------------------------------------------------------


def occurrence(local_date: date, hhmm: str, zone: ZoneInfo) -> datetime:
    """The UTC instant of ``hhmm`` on ``local_date`` in ``zone``, DST-safe.

    Ambiguous (autumn): the first of the two. Nonexistent (spring): the first
    valid instant after it, i.e. the moment the clocks jump.
    """
    hour, minute = (int(x) for x in hhmm.split(":"))
    wall = datetime.combine(local_date, time(hour, minute))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # in a gap: fold=1 reads the wall time with the later offset, an instant before
    # the jump; step to the first minute whose local time is past the wall time
    probe = wall.replace(tzinfo=zone, fold=1).astimezone(timezone.utc).replace(second=0)
    while probe.astimezone(zone).replace(tzinfo=None) < wall:
        probe += timedelta(minutes=1)
    return probe


def slot_on(schedule: Schedule, local_date: date) -> Slot | None:
    if local_date.weekday() not in schedule.weekdays:
        return None
    return Slot(schedule, local_date, occurrence(local_date, schedule.time, schedule.zone))


def latest_slot(schedule: Schedule, now: datetime) -> Slot | None:
    """The most recent slot due at or before ``now`` (None if none in the past week)."""
    today = now.astimezone(schedule.zone).date()
    for back in range(8):
        slot = slot_on(schedule, today - timedelta(days=back))
        if slot and slot.at <= now:
            return slot
    return None


def next_slot(schedule: Schedule, after: datetime) -> Slot | None:
    """The first slot strictly after ``after``."""
    today = after.astimezone(schedule.zone).date()
    for ahead in range(9):
        slot = slot_on(schedule, today + timedelta(days=ahead))
        if slot and slot.at > after:
            return slot
    return None


def due_slot(schedule: Schedule, now: datetime, grace: timedelta = GRACE) -> Slot | None:
    """The slot to post now, if any: the latest one, still within ``grace``, set after ``since``.

    A slot missed by more than ``grace`` (the bot was down) is skipped: the
    next one is tomorrow's, so nothing is ever posted twice or late in a burst.
    """
    slot = latest_slot(schedule, now)
    if slot is None or now - slot.at > grace:
        return None
    if schedule.since is not None and slot.at < schedule.since:
        return None
    return slot
