"""The question of the day: ``setup`` and ``daily``, and what the scheduler asks of the core.

The scheduler (``bot.scheduler``) decides *when*; this module decides *what*:
which slots are due (a query plus ``bot.core.daily.slots``), which question a channel
gets next, and how a closed one is summed up. Answers to a daily question go
through the quiz engine's normal answer path (an instance of mode "daily").
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from datetime import datetime, timedelta
from typing import Any, Callable, Collection, Iterable, Mapping, Protocol, Sequence

from bot.core.daily import slots
from bot.core.messages import Choice, Daily, DailySummary, Learner, Question, Recap, Remind, Reply, Setup, Text, unknown_command
from bot.core.bank import BankQuestion
from bot.core.daily import recap, reminders
from bot.core.daily.slots import GRACE, Schedule, Slot

log = logging.getLogger(__name__)

SETUP_USAGE = "setup <channel> <HH:MM> [timezone] [weekdays] [topic] [recap <day> [HH:MM]]  or  setup <channel> off"


class ScheduleStore(recap.RecapStore, reminders.ReminderStore, Protocol):
    def save_schedule(self, target: str, platform: str, group: str, time: str, tz: str, weekdays: str,
                      topic: str | None, target_name: str, set_by: str, now: datetime, recap_day: int = 0,
                      recap_time: str | None = None) -> None: ...
    def delete_schedule(self, target: str) -> bool: ...
    def schedule_row(self, target: str) -> dict[str, Any] | None: ...
    def schedule_rows(self) -> list[dict[str, Any]]: ...
    def claim_slot(self, target: str, slot: str, due_at: datetime, now: datetime) -> bool: ...
    def is_claimed(self, target: str, slot: str) -> bool: ...
    def set_slot_question(self, target: str, slot: str, question_id: str, instance_id: str) -> None: ...
    def set_slot_posted(self, target: str, slot: str, ref: str | None, now: datetime) -> None: ...
    def open_daily_posts(self, target: str) -> list[dict[str, Any]]: ...
    def close_daily_post(self, target: str, slot: str, now: datetime) -> bool: ...
    def daily_history(self, target: str) -> list[str]: ...
    def group_timezone(self, group: str) -> str: ...
    def set_group_timezone(self, group: str, tz: str) -> None: ...
    def instance_results(self, instance_id: str) -> dict[str, Any]: ...


class DailyPractice(Protocol):
    """What the quiz engine (``bot.core.quiz.practice.Practice``) offers the daily question."""

    def daily_pool(self, topic: str | None = None) -> Sequence[tuple[str, str]] | Text: ...
    def question(self, question_id: str) -> BankQuestion | None: ...
    def open_daily(self, question_id: str, group: str, target: str, now: datetime,
                   closes_at: datetime | None) -> Question: ...
    def show_instance(self, instance_id: str, now: datetime) -> Question | None: ...
    def question_facts(self, question_id: str, instance_id: str | None = None
                       ) -> tuple[str, tuple[Choice, ...], str]: ...
    def heading(self, question: BankQuestion) -> tuple[str, ...]: ...
    def rounds_due(self, now: datetime) -> list[tuple[str, list[Reply]]]: ...
    @property
    def questions(self) -> Mapping[str, BankQuestion]: ...


class DailyQuestions:
    """``setup``/``daily`` commands and the daily post's life cycle."""

    def __init__(self, store: ScheduleStore, practice: DailyPractice,
                 on_change: Callable[[str], None] | None = None, grace: timedelta = GRACE):
        self.store = store
        self.practice = practice
        self.on_change = on_change
        self.grace = grace

    def handle(self, command: Setup | Daily | Remind, now: datetime) -> list[Reply]:
        match command:
            case Setup():
                return [self._setup(command, now)]
            case Daily():
                return [self._show(command.target, now)]
            case Remind():
                return [reminders.handle(self.store, command, now)]
        return [unknown_command()]

    # --- commands ------------------------------------------------------------

    def _setup(self, cmd: Setup, now: datetime) -> Text:
        if not cmd.is_admin:
            return Text("Only the group's admins can set up the daily question.", error=True)
        if not cmd.target:
            return Text(f"Which channel? Usage: {SETUP_USAGE}", error=True)
        if cmd.learner.direct:
            return Text("The daily question needs a shared channel of the group, not a direct message.", error=True)
        name = cmd.target_name or "this channel"
        if cmd.off:
            stopped = self.store.delete_schedule(cmd.target)
            self._changed(cmd.target)
            return Text(f"Daily question stopped in {name}." if stopped else f"{name} had no daily question.")
        schedule = self._validated(cmd, now)
        if isinstance(schedule, Text):
            return schedule
        self.store.save_schedule(
            schedule.target, schedule.platform, schedule.group, schedule.time, schedule.timezone,
            schedule.cron_days, schedule.topic, schedule.target_name, cmd.learner.user, now,
            schedule.recap_day, schedule.recap_time,
        )
        if cmd.timezone:  # leaderboards and streaks count days in the group's timezone too
            self.store.set_group_timezone(schedule.group, schedule.timezone)
        self._changed(cmd.target)
        return Text(describe(schedule, now))

    def _validated(self, cmd: Setup, now: datetime) -> Schedule | Text:
        time = slots.parse_time(cmd.time)
        if time is None:
            return Text(f"'{cmd.time[:20]}' is not a time: use 24-hour HH:MM, e.g. 09:00. "
                        f"Usage: {SETUP_USAGE}", error=True)
        tz = slots.parse_timezone(cmd.timezone) if cmd.timezone else self._group_zone(cmd.learner.group)
        if tz is None:
            return Text(f"'{(cmd.timezone or '')[:40]}' is not a timezone: use an IANA name such as "
                        "Europe/Berlin, America/New_York or UTC.", error=True)
        weekdays = slots.parse_weekdays(cmd.weekdays)
        if weekdays is None:
            return Text(f"'{(cmd.weekdays or '')[:30]}' is not a list of days: use e.g. mon-fri, "
                        "mon,wed,fri, weekdays or daily.", error=True)
        topic = " ".join((cmd.topic or "").split()) or None  # kept as typed; read at pick time like quiz
        if topic and isinstance(refused := self.practice.daily_pool(topic), Text):
            return refused  # quiz's own words for the same topic
        recap_days = slots.parse_weekdays(cmd.recap_day) if cmd.recap_day else (0,)
        if recap_days is None or len(recap_days) != 1:
            return Text(f"'{(cmd.recap_day or '')[:20]}' is not one day of the week for the recap: use e.g. mon "
                        "or fri.", error=True)
        recap_time = slots.parse_time(cmd.recap_time) if cmd.recap_time else None
        if cmd.recap_time and recap_time is None:
            return Text(f"'{cmd.recap_time[:20]}' is not a time for the recap: use 24-hour HH:MM.", error=True)
        return Schedule(cmd.target, cmd.learner.platform, cmd.learner.group, time, tz, weekdays, topic,
                        cmd.target_name, since=now, recap_day=recap_days[0], recap_time=recap_time)

    def _group_zone(self, group: str) -> str:
        return slots.parse_timezone(self.store.group_timezone(group)) or "UTC"

    def _show(self, target: str, now: datetime) -> Reply:
        for post in reversed(self.store.open_daily_posts(target)):
            question = self.practice.show_instance(post["instance_id"], now)
            if question is not None and (question.closes_at is None or now < question.closes_at):
                return question
        return Text("There is no open daily question here. The next one comes at the scheduled time"
                    " (admins: 'setup <channel> <HH:MM>').")

    def _changed(self, target: str) -> None:
        if self.on_change is not None:
            self.on_change(target)

    # --- what the scheduler asks -------------------------------------------------

    def schedules(self) -> list[Schedule]:
        return [to_schedule(row) for row in self.store.schedule_rows()]

    def schedule(self, target: str) -> Schedule | None:
        row = self.store.schedule_row(target)
        return to_schedule(row) if row else None

    def due(self, now: datetime, platforms: Collection[str] | None = None,
            target: str | None = None) -> list[Slot]:
        """Slots to post now: the latest of each schedule, within grace, not yet claimed."""
        found = []
        for schedule in ([self.schedule(target)] if target else self.schedules()):
            if schedule is None or (platforms is not None and schedule.platform not in platforms):
                continue
            slot = slots.due_slot(schedule, now, self.grace)
            if slot and not self.store.is_claimed(slot.target, slot.key):
                found.append(slot)
        return found

    def recaps_due(self, now: datetime, platforms: Collection[str] | None = None,
                   target: str | None = None) -> list[recap.RecapSlot]:
        """Weekly recaps to post now: one per channel with a daily question, not yet claimed."""
        found = []
        for schedule in ([self.schedule(target)] if target else self.schedules()):
            if schedule is None or (platforms is not None and schedule.platform not in platforms):
                continue
            slot = recap.due(schedule, now, self.grace)
            if slot and not self.store.is_claimed(slot.schedule.target, slot.key):
                found.append(slot)
        return found

    def claim_recap(self, slot: recap.RecapSlot, now: datetime) -> bool:
        return self.store.claim_slot(slot.schedule.target, slot.key, slot.at, now)

    def recap(self, slot: recap.RecapSlot) -> Recap:
        stems = {q.id: q.stem for q in self.practice.questions.values()}
        return recap.build(self.store, slot, stems)

    def rounds_due(self, now: datetime) -> list[tuple[str, list[Reply]]]:
        """Timed rounds to move on (the scheduler posts what they say)."""
        return self.practice.rounds_due(now)

    def reminders_due(self, now: datetime) -> list[reminders.Due]:
        return reminders.due(self.store, now)

    def claim_reminder(self, reminder: reminders.Due, now: datetime) -> bool:
        return reminders.claim(self.store, reminder, now)

    def claim(self, slot: Slot, now: datetime) -> bool:
        """Claim the slot in the database; only the winner may post it."""
        return self.store.claim_slot(slot.target, slot.key, slot.at, now)

    def open(self, slot: Slot, now: datetime) -> Question | None:
        """The channel's next question as a daily instance, open until the next slot."""
        question_id = pick_question(self.pool(slot.schedule.topic, slot.target),
                                    self.store.daily_history(slot.target), slot.target)
        if question_id is None:
            return None
        following = slots.next_slot(slot.schedule, max(now, slot.at))
        question = self.practice.open_daily(question_id, slot.schedule.group, slot.target, now,
                                            following.at if following else None)
        self.store.set_slot_question(slot.target, slot.key, question_id, question.instance)
        return question

    def pool(self, topic: str | None, target: str = "") -> Sequence[tuple[str, str]]:
        """(question id, topic) the daily draws from: what ``quiz <topic>`` would serve.

        Setup refused a topic without questions; if the notes or the bank changed
        since, the channel gets the whole bank rather than nothing, and a warning.
        """
        pool = self.practice.daily_pool(topic)
        if isinstance(pool, Text):
            log.warning("daily question for %s: no questions on its topic %r any more (%s); "
                        "drawing from the whole bank", target, topic, pool.text)
            pool = self.practice.daily_pool()
        return [] if isinstance(pool, Text) else pool

    def posted(self, slot: Slot, ref: str | None, now: datetime) -> None:
        self.store.set_slot_posted(slot.target, slot.key, ref, now)

    def close_previous(self, target: str, keep: str, now: datetime) -> list[tuple[str | None, DailySummary]]:
        """Close every open post of ``target`` but slot ``keep``: (its ref, its summary).

        A question gone from the bank since closes without a summary.
        """
        closed = []
        for post in self.store.open_daily_posts(target):
            if post["slot"] != keep and self.store.close_daily_post(target, post["slot"], now):
                if self.practice.question(post["question_id"]) is not None:
                    closed.append((post["ref"], self.summary(target, post["question_id"], post["instance_id"])))
        return closed

    def summary(self, target: str, question_id: str, instance_id: str) -> DailySummary:
        """The answer (lettered as the post showed it), the explanation and how the channel did."""
        stem, answer, explanation = self.practice.question_facts(question_id, instance_id)
        results = self.store.instance_results(instance_id)
        first = results.get("first_right")
        learner = Learner(first["platform"], first["group_id"], first["user"], first["name"]) if first else None
        right = tuple(Learner(r["platform"], r["group_id"], r["user"], r["name"]) for r in results.get("right", ()))
        question = self.practice.question(question_id)
        heading = self.practice.heading(question) if question is not None else ()
        return DailySummary(target, question_id, stem, answer, explanation,
                            results["answered"], results["correct"], learner, right, heading)


# --- pure helpers ------------------------------------------------------------------


def pick_question(pool: Iterable[tuple[str, str]], history: Sequence[str], seed: str) -> str | None:
    """The next question for a channel, from ``pool`` of (question id, topic).

    Never a repeat until every question of the pool has been posted (the least
    posted come first); among those, the topic posted least recently, so topics
    rotate. Ties break on a hash of ``seed`` (the target), so channels differ but
    a rerun picks the same.
    """
    pool = list(dict(pool).items())
    if not pool:
        return None
    topic_of = dict(pool)
    counts = Counter(history)
    fewest = min(counts[q] for q, _ in pool)
    fresh = [(q, t) for q, t in pool if counts[q] == fewest]
    last_seen = {topic_of[q]: i for i, q in enumerate(history) if q in topic_of}
    topic = min({t for _, t in fresh}, key=lambda t: (last_seen.get(t, -1), _hash(seed, t)))
    return min((q for q, t in fresh if t == topic), key=lambda q: _hash(seed, q))


def _hash(seed: str, value: str) -> str:
    return hashlib.sha1(f"{seed}\x1f{value}".encode()).hexdigest()


def to_schedule(row: dict[str, Any]) -> Schedule:
    return Schedule(
        target=row["target"], platform=row["platform"], group=row["group_id"], time=row["time"],
        timezone=row["timezone"], weekdays=slots.parse_weekdays(row["weekdays"]) or slots.EVERY_DAY,
        topic=row["topic"], target_name=row["target_name"], since=row["updated_at"],
        recap_day=row.get("recap_day") or 0, recap_time=row.get("recap_time"),
    )


def describe(schedule: Schedule, now: datetime) -> str:
    """ "Daily question set for #study: 09:00 Europe/Berlin, Monday to Friday. First one: ..." """
    where = schedule.target_name or "this channel"
    topic = f", topic {schedule.topic}" if schedule.topic else ""
    recap = f"{slots.FULL_NAMES[schedule.recap_day].title()}s at {schedule.recap_time or schedule.time}"
    text = (f"Daily question set for {where}: {schedule.time} {schedule.timezone}, "
            f"{slots.describe_weekdays(schedule.weekdays)}{topic}. Weekly recap: {recap}.")
    first = slots.next_slot(schedule, now)
    if first:
        local = first.at.astimezone(schedule.zone)
        text += f" First one: {local:%a %d %b %H:%M} ({schedule.timezone})."
    return text
