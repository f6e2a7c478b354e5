"""When the daily question goes out, and nothing else.

APScheduler's ``AsyncIOScheduler`` on the one loop, with the in-memory job
store: durable time lives in our tables. One cron job per schedule
(``daily:<target>``, a ``CronTrigger`` in the schedule's timezone), rebuilt from
the ``schedules`` table at start and replaced live when ``setup`` changes one,
plus a static once-a-minute sweep (``daily:sweep``). Every job just runs
``run_due(now)``: "what is due" is a query, so the sweep also covers what a
cron trigger cannot (the minute clocks jump in spring, a schedule another
process wrote, a fire missed while the loop was busy).

Exactly once: each slot is claimed in the database before anything is sent.
Jobs are ``async def``: sync jobs would run in a thread pool, away from the
loop's one SQLite connection.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Callable, Mapping, Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.daily import GRACE, DailyQuestions, Schedule, Slot
from bot.core.messages import Reply
from bot.inflight import InFlight

log = logging.getLogger(__name__)
SWEEP = "daily:sweep"
ROUNDS = "rounds:tick"
ROUND_TICK = 1  # seconds between checks of the timed rounds


class Poster(Protocol):
    platform: str

    async def post(self, target: str, reply: Reply) -> str | None: ...
    async def edit(self, target: str, ref: str, reply: Reply) -> None: ...
    async def direct(self, user: str, reply: Reply) -> None: ...


def job_id(target: str) -> str:
    return f"daily:{target}"


def trigger_for(schedule: Schedule) -> CronTrigger:
    hour, minute = schedule.hour_minute
    return CronTrigger(hour=hour, minute=minute, day_of_week=schedule.cron_days, timezone=schedule.zone)


class DailyScheduler:
    """Posts each channel's daily question once per slot; closes the previous one."""

    def __init__(self, daily: DailyQuestions, posters: Mapping[str, Poster],
                 clock: Callable[[], datetime], grace: timedelta = GRACE, tracker: InFlight | None = None):
        self.daily = daily
        self.posters = dict(posters)
        self.clock = clock
        self.grace = grace
        # the daily jobs count as in flight; once stopping, none starts (what is missed is still
        # due after the restart: ``start`` posts it within grace)
        self.tracker = tracker or InFlight()
        self.aps: AsyncIOScheduler | None = None

    # --- lifecycle (needs the running loop) -------------------------------------

    async def start(self) -> list[str]:
        """Build the jobs from the table, start, and post what was missed within grace."""
        self.aps = AsyncIOScheduler(timezone=timezone.utc)
        for schedule in self.daily.schedules():
            if schedule.platform in self.posters:
                self._add(schedule)
        self.aps.add_job(self.sweep, CronTrigger(minute="*", timezone=timezone.utc), id=SWEEP,
                         replace_existing=True, coalesce=True, max_instances=1,
                         misfire_grace_time=int(self.grace.total_seconds()))
        # timed rounds close question by question: a light check every second (one query)
        self.aps.add_job(self.tick_rounds, IntervalTrigger(seconds=ROUND_TICK), id=ROUNDS,
                         replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=ROUND_TICK * 5)
        self.aps.start()
        return await self.run_due(self.clock())

    def stop(self) -> None:
        if self.aps is not None and self.aps.running:
            self.aps.shutdown(wait=False)

    def jobs(self) -> dict[str, datetime | None]:
        """Job id -> next fire time (for the health endpoint and tests)."""
        if self.aps is None:
            return {}
        return {job.id: getattr(job, "next_run_time", None) for job in self.aps.get_jobs()}

    def changed(self, target: str) -> None:
        """``setup`` changed ``target``: replace or remove its job (the ``on_change`` hook)."""
        if self.aps is None:
            return
        schedule = self.daily.schedule(target)
        if schedule is not None and schedule.platform in self.posters:
            self._add(schedule)
        elif self.aps.get_job(job_id(target)):
            self.aps.remove_job(job_id(target))  # stopped, or a platform another process serves

    def _add(self, schedule: Schedule) -> None:
        assert self.aps is not None
        self.aps.add_job(self.fire, trigger_for(schedule), args=[schedule.target], id=job_id(schedule.target),
                         name=f"daily question for {schedule.target}", replace_existing=True,
                         coalesce=True, max_instances=1, misfire_grace_time=int(self.grace.total_seconds()))

    # --- jobs ----------------------------------------------------------------

    async def tick_rounds(self) -> list[str]:
        return await self.run_rounds(self.clock())

    async def run_rounds(self, now: datetime) -> list[str]:
        """Post what each timed round says now: a question's results, the next question, the
        round's table; a round whose channel's platform is not here is left to its process."""
        posted = []
        async with self.tracker.track():
            if self.tracker.stopping:
                return []
            for target, replies in self.daily.rounds_due(now):
                poster = self.posters.get(target.partition(":")[0])
                if poster is None:
                    continue
                for reply in replies:
                    try:
                        await poster.post(target, reply)
                    except Exception:
                        log.exception("timed round in %s: a post failed", target)
                posted.append(target)
        return posted

    async def fire(self, target: str) -> list[str]:
        return await self.run_due(self.clock(), target=target)

    async def sweep(self) -> list[str]:
        return await self.run_due(self.clock())

    async def run_due(self, now: datetime, target: str | None = None) -> list[str]:
        """Post every due slot (of ``target``, or all); returns the slot keys this process posted."""
        async with self.tracker.track():
            if self.tracker.stopping:
                return []
            return await self._post_due(now, target)

    async def _post_due(self, now: datetime, target: str | None) -> list[str]:
        posted = []
        for reminder in (self.daily.reminders_due(now) if target is None else ()):  # the sweep sends them
            poster = self.posters.get(reminder.learner.platform)
            if poster is None:
                continue  # the console's learners have no direct messages
            try:
                if self.daily.claim_reminder(reminder, now):  # claimed first: at most one a day
                    await poster.direct(reminder.learner.user, reminder.reply)
                    posted.append(f"remind {reminder.learner.user} {reminder.day.isoformat()}")
            except Exception:
                log.exception("reminder to %s failed (not retried today: at most one a day)", reminder.learner.user)
        for weekly in self.daily.recaps_due(now, platforms=self.posters.keys(), target=target):
            try:
                if self.daily.claim_recap(weekly, now):  # claimed first: at most once per week
                    await self.posters[weekly.schedule.platform].post(weekly.schedule.target,
                                                                        self.daily.recap(weekly))
                    posted.append(f"{weekly.schedule.target} {weekly.key}")
            except Exception:
                log.exception("weekly recap for %s (%s) failed (not retried: at most once)",
                              weekly.schedule.target, weekly.key)
        for slot in self.daily.due(now, platforms=self.posters.keys(), target=target):
            try:
                if await self.post_slot(slot, now):
                    posted.append(f"{slot.target} {slot.key}")
            except Exception:  # one channel failing must not stop the others
                log.exception("daily question for %s at %s failed (not retried: at most once)",
                              slot.target, slot.key)
        return posted

    async def post_slot(self, slot: Slot, now: datetime) -> bool:
        if not self.daily.claim(slot, now):
            return False  # another fire, restart or process has it
        poster = self.posters[slot.schedule.platform]
        try:
            for ref, summary in self.daily.close_previous(slot.target, slot.key, now):
                await self._close(poster, slot.target, ref, summary)
        except Exception:  # yesterday's summary failing must not cost today's question
            log.exception("could not close the previous daily question in %s", slot.target)
        question = self.daily.open(slot, now)
        if question is None:
            log.warning("no question available for the daily post in %s", slot.target)
            return False
        ref = await poster.post(slot.target, question)
        self.daily.posted(slot, ref, now)
        log.info("posted the daily question %s in %s for %s", question.question_id, slot.target, slot.key)
        return True

    async def _close(self, poster: Poster, target: str, ref: str | None, summary: Reply) -> None:
        """Replace the old post with its summary; post the summary when it cannot be edited."""
        if ref:
            try:
                await poster.edit(target, ref, summary)
                return
            except Exception:
                log.warning("could not edit the closed daily post %s in %s; posting a summary", ref, target)
        await poster.post(target, summary)
