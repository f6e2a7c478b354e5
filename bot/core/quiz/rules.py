"""Pure rules of the game: grading, points, streaks, ranking, periods.

Every input is passed in (the clock and the group's timezone too), so each
rule is a one-line test. Points, as the README states them:

- a right answer in practice (``quiz`` or ``review``) scores 10 points, once per
  question per local day: answering the same question right again that day is
  recorded (accuracy, review) but scores 0, so practice cannot be farmed;
- a right answer to the daily question scores 30 points;
- a streak bonus of 2 points per day of the current streak beyond the first,
  at most 10, is added to every scoring answer (a 3-day streak: +4);
- a wrong answer scores 0 and never loses points.

A day of a streak is a local day (the group's timezone) with at least one
answer of any kind; the current streak is alive while its last day is today or
yesterday.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable, Sequence, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PRACTICE_POINTS = 10
DAILY_POINTS = 30
STREAK_BONUS_PER_DAY = 2
STREAK_BONUS_CAP = 10
PERIODS = ("today", "week", "month", "all")
MODES = ("practice", "review", "daily", "exam", "round")
ROUND_POINTS = 10  # a right answer in a timed round ...
SPEED_BONUS = 10  # ... plus up to this much for speed: all of it at once, none at the close

T = TypeVar("T")


# --- grading -----------------------------------------------------------------


@dataclass(frozen=True)
class Grade:
    """The outcome of checking a choice: ``error`` set means nothing is recorded."""

    correct: bool = False
    chosen: tuple[str, ...] = ()
    error: str = ""


def grade(choices: Iterable[str], answers: Sequence[str], option_count: int) -> Grade:
    """Check letters against the answer key; all-or-nothing for choose-two.

    Letters are normalised (case, order, repeats); a letter beyond the options
    or the wrong number of letters is an error, not a wrong answer.
    """
    return _graded(tuple(choices), tuple(answers), option_count)


@lru_cache(maxsize=4096)  # the clicks on one question are a handful of letter sets
def _graded(choices: tuple[str, ...], answers: tuple[str, ...], option_count: int) -> Grade:
    letters = tuple(sorted({c.strip().upper() for c in choices if c.strip()}))
    valid = tuple(chr(ord("A") + i) for i in range(option_count))
    bad = [c for c in letters if c not in valid]
    if bad:
        return Grade(error=f"'{bad[0][:3]}' is not a choice: pick from {', '.join(valid)}.")
    need = len(answers)
    if len(letters) != need:
        word = "one letter" if need == 1 else f"exactly {need} letters (Choose {_number(need)})"
        return Grade(error=f"This question needs {word}; you gave {len(letters)}.")
    return Grade(correct=letters == tuple(sorted(answers)), chosen=letters)


def _number(n: int) -> str:
    return {2: "TWO", 3: "THREE"}.get(n, str(n))


# --- points ------------------------------------------------------------------


def points(mode: str, correct: bool, scored_today: bool, streak: int, quickness: float = 0.0) -> int:
    """Points for one answer.

    ``scored_today``: this learner already scored this question in practice
    today (ignored for the daily question). ``streak``: the learner's current
    streak in days, counting today.
    """
    if not correct or mode == "exam":
        return 0  # a mock exam feeds stats and review, never the leaderboard
    if mode == "round":  # ``quickness``: the share of the question's time still left
        return ROUND_POINTS + round(SPEED_BONUS * min(max(quickness, 0.0), 1.0))
    if mode == "daily":
        base = DAILY_POINTS
    elif scored_today:
        return 0
    else:
        base = PRACTICE_POINTS
    return base + streak_bonus(streak)


def streak_bonus(streak: int) -> int:
    return min(max(streak - 1, 0) * STREAK_BONUS_PER_DAY, STREAK_BONUS_CAP)


@lru_cache(maxsize=64)
def bonus_since(today: date) -> date:
    """The first day that can change the streak bonus of an answer given ``today``: a streak
    reaching further back earns no more (so an answer reads a week of days, not the whole history)."""
    return today - timedelta(days=-(-STREAK_BONUS_CAP // STREAK_BONUS_PER_DAY))


# --- time: local days, streaks and periods --------------------------------------


@lru_cache(maxsize=256)
def zone(name: str | None) -> ZoneInfo:
    """A timezone by name; unknown or empty names fall back to UTC."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_day(now: datetime, tz: str) -> date:
    if now.tzinfo is None:  # a naive time is the machine's local time, as astimezone takes it
        return now.astimezone(zone(tz)).date()
    since = now - _EPOCH
    return _day_at(tz, since.days * 86_400 + since.seconds)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@lru_cache(maxsize=1024)
def _day_at(tz: str, second: int) -> date:
    """The local day of a UTC second (since ``_EPOCH``): the same for a burst's answers of that second."""
    return datetime.fromtimestamp(second, zone(tz)).date()


def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, best) runs of consecutive active days.

    The current run is alive while its last day is today or yesterday.
    """
    ordered = sorted(set(days))
    best = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    current = run if previous is not None and (today - previous).days <= 1 else 0
    return current, best


def period_key(period: str, now: datetime, tz: str) -> str:
    """The counter key of the period containing ``now``: 'd2026-11-26', 'w2026-11-23', 'm2026-11', 'all'."""
    return period_keys(local_day(now, tz))[PERIODS.index(period)]


@lru_cache(maxsize=64)
def period_keys(day: date) -> tuple[str, ...]:
    """Every counter an answer given on local ``day`` adds to (today, week, month, all)."""
    monday = day - timedelta(days=day.weekday())
    return (f"d{day.isoformat()}", f"w{monday.isoformat()}", f"m{day:%Y-%m}", "all")


# --- ranking -------------------------------------------------------------------


def rank(items: Sequence[T], points_of: Callable[[T], int], start: int = 1) -> list[tuple[int, T]]:
    """Competition ranking: equal points share a rank and the next rank skips (1, 2, 2, 4).

    ``items`` must be sorted by points, highest first; ``start`` is the first rank.
    """
    ranked: list[tuple[int, T]] = []
    for index, item in enumerate(items):
        if index and points_of(item) == points_of(items[index - 1]):
            ranked.append((ranked[-1][0], item))
        else:
            ranked.append((start + index, item))
    return ranked


# --- choosing a practice question -------------------------------------------------


def topic_weight(answered: int, correct: int) -> float:
    """How strongly to lean toward a topic: weak topics weigh up to 3, unseen ones 1.5."""
    if answered == 0:
        return 1.5
    accuracy = correct / answered
    return 1.0 + 2.0 * (1.0 - accuracy)
