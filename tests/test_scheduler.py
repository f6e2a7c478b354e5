"""The daily post: a fake clock drives the real scheduler's jobs; posters are recording fakes.

No sleeps: each test sets the clock and calls the job that would run at that
moment (``fire`` for a schedule's cron job, ``sweep`` for the minute job,
``start`` for a process starting). ``run_until`` runs the once-a-minute sweep
at every minute of a stretch of days, as a running bot does, and reports what
was posted at which minute: the tests check what goes out when, not
APScheduler's triggers or jobs.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import db
from bot.core.daily.posts import DailyQuestions
from bot.core.messages import Daily, DailySummary, Learner, Question, Reply, Setup
from bot.core.quiz.practice import Practice
from bot.scheduler import ROUNDS, SWEEP, DailyScheduler, job_id
from db.store import Store
from quiz_kit import QUESTIONS, library

UTC = timezone.utc
TARGET = "discord:500"
ADMIN = Learner("discord", "G1", "boss", "Boss")


@dataclass
class RecordingPoster:
    """A poster that records what it was asked to send; ``fail_edit`` makes edits fail."""

    platform: str = "discord"
    posts: list[tuple[str, Reply]] = field(default_factory=list)
    edits: list[tuple[str, str, Reply]] = field(default_factory=list)
    fail_edit: bool = False

    async def post(self, target: str, reply: Reply) -> str:
        self.posts.append((target, reply))
        return f"m{len(self.posts)}"

    async def edit(self, target: str, ref: str, reply: Reply) -> None:
        if self.fail_edit:
            raise RuntimeError("message deleted")
        self.edits.append((target, ref, reply))

    def questions(self) -> list[Question]:
        return [r for _, r in self.posts if isinstance(r, Question)]


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Process:
    """One bot process: its own connection, core and scheduler, on a shared database file or not."""

    daily: DailyQuestions
    scheduler: DailyScheduler
    poster: RecordingPoster
    clock: Clock
    store: Store


def process(path: str | Path = ":memory:", now: datetime | None = None, posters=None,
            questions=QUESTIONS) -> Process:
    store = Store(db.connect(path))
    practice = Practice(store, library(), list(questions), rng=random.Random(1))
    daily = DailyQuestions(store, practice)
    poster = RecordingPoster()
    clock = Clock(now or datetime(2026, 1, 1, tzinfo=UTC))
    scheduler = DailyScheduler(daily, posters if posters is not None else {"discord": poster}, clock)
    daily.on_change = scheduler.changed
    return Process(daily, scheduler, poster, clock, store)


def set_up(p: Process, time: str, tz: str, target: str = TARGET, who: Learner = ADMIN, **extra) -> None:
    [reply] = p.daily.handle(Setup(who, target, "#study", time, tz, is_admin=True, **extra), p.clock.now)
    assert not reply.error, reply


async def fire(p: Process, at: datetime, target: str = TARGET) -> list[str]:
    p.clock.now = at.astimezone(UTC)
    return await p.scheduler.fire(target)


async def run_until(p: Process, until: datetime, recaps: bool = False) -> list[tuple[datetime, str]]:
    """Run the minute sweep at every whole minute after the clock's time, up to ``until``:
    (the minute in UTC, "<target> <slot>") for each daily post that went out (and each
    Monday's recap with ``recaps``). Steps in UTC, so the autumn's repeated hour is lived
    through twice, as a running bot lives it."""
    posted = []
    at = p.clock.now.astimezone(UTC).replace(second=0, microsecond=0)
    while (at := at + timedelta(minutes=1)) <= until:
        p.clock.now = at
        posted += [(at, key) for key in await p.scheduler.sweep() if recaps or " recap " not in key]
    return posted


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- day after day ------------------------------------------------------------------


async def test_one_post_a_day_across_the_day_boundary_in_the_channels_timezone():
    p = process(now=utc(2026, 11, 25, 12))
    set_up(p, "00:15", "Asia/Tokyo")  # 00:15 in Tokyo is 15:15 UTC the day before
    posted = await run_until(p, until=utc(2026, 11, 28, 12))
    assert posted == [(utc(2026, 11, 25, 15, 15), f"{TARGET} 2026-11-26 00:15"),
                      (utc(2026, 11, 26, 15, 15), f"{TARGET} 2026-11-27 00:15"),
                      (utc(2026, 11, 27, 15, 15), f"{TARGET} 2026-11-28 00:15")]
    questions = p.poster.questions()
    assert len(questions) == 3 and all(q.daily for q in questions)
    assert len({q.question_id for q in questions}) == 3  # no repeat
    assert [row["slot"] for row in p.store.open_daily_posts(TARGET)] == ["2026-11-28 00:15"]
    # each new post closed the previous one: its message was edited into the summary
    assert [(ref, type(r)) for _, ref, r in p.poster.edits] == [("m1", DailySummary), ("m2", DailySummary)]
    assert p.poster.edits[0][2].question_id == questions[0].question_id


async def test_the_question_stays_open_until_the_next_post():
    p = process(now=utc(2026, 11, 25, 12))
    set_up(p, "09:00", "UTC")
    await fire(p, utc(2026, 11, 26, 9))
    [question] = p.poster.questions()
    assert question.closes_at == utc(2026, 11, 27, 9)


async def test_weekdays_only_post_on_those_days():
    p = process(now=utc(2026, 11, 23, 0))  # a Monday
    set_up(p, "09:00", "UTC", weekdays="mon,wed")
    posted = await run_until(p, until=utc(2026, 11, 30, 23))
    assert [(at.strftime("%a %H:%M"), key) for at, key in posted] == [
        ("Mon 09:00", f"{TARGET} 2026-11-23 09:00"), ("Wed 09:00", f"{TARGET} 2026-11-25 09:00"),
        ("Mon 09:00", f"{TARGET} 2026-11-30 09:00")]
    assert len(p.poster.questions()) == 3


# --- DST (Europe/Berlin) ---------------------------------------------------------------


async def test_spring_forward_a_time_that_does_not_exist_is_posted_once_when_the_clocks_jump():
    p = process(now=utc(2026, 3, 27, 12))
    set_up(p, "02:30", "Europe/Berlin")  # on 29 March 2026 the clocks jump from 02:00 to 03:00
    assert await run_until(p, utc(2026, 3, 29, 1, 0)) == [
        (utc(2026, 3, 28, 1, 30), f"{TARGET} 2026-03-28 02:30"),  # 02:30 CET
        (utc(2026, 3, 29, 1, 0), f"{TARGET} 2026-03-29 02:30"),  # 03:00 CEST, the first minute after the jump
    ]
    assert await fire(p, utc(2026, 3, 29, 1, 30)) == []  # a cron fire at 03:30 CEST finds it posted
    assert await run_until(p, utc(2026, 3, 31, 12)) == [
        (utc(2026, 3, 30, 0, 30), f"{TARGET} 2026-03-30 02:30"),  # 02:30 CEST from now on
        (utc(2026, 3, 31, 0, 30), f"{TARGET} 2026-03-31 02:30"),
    ]
    questions = p.poster.questions()
    assert len(questions) == 4 and [t for t, r in p.poster.posts if isinstance(r, Question)] == [TARGET] * 4
    [shown] = p.daily.handle(Daily(Learner("discord", "G1", "late"), TARGET), p.clock.now)
    assert getattr(shown, "instance", None) == questions[-1].instance  # the 31st's question is the open one


async def test_autumn_back_a_time_that_happens_twice_is_posted_once_at_the_first():
    p = process(now=utc(2026, 10, 23, 12))
    set_up(p, "02:30", "Europe/Berlin")  # on 25 October 2026 02:00-03:00 happens twice
    assert await run_until(p, utc(2026, 10, 25, 1, 29)) == [
        (utc(2026, 10, 24, 0, 30), f"{TARGET} 2026-10-24 02:30"),  # 02:30 CEST
        (utc(2026, 10, 25, 0, 30), f"{TARGET} 2026-10-25 02:30"),  # the first 02:30 (CEST)
    ]
    assert await fire(p, utc(2026, 10, 25, 1, 30)) == []  # the second 02:30 (CET): a cron fire posts nothing
    assert await run_until(p, utc(2026, 10, 26, 12)) == [
        (utc(2026, 10, 26, 1, 30), f"{TARGET} 2026-10-26 02:30"),  # 02:30 CET
    ]
    assert len(p.poster.questions()) == 3  # 24, 25, 26: once each


async def test_a_fixed_local_time_moves_in_utc_with_summer_time():
    p = process(now=utc(2026, 3, 27, 12))
    set_up(p, "09:00", "Europe/Berlin")
    posted = await run_until(p, until=utc(2026, 3, 30, 12))
    assert posted == [(utc(2026, 3, 28, 8), f"{TARGET} 2026-03-28 09:00"),
                      (utc(2026, 3, 29, 7), f"{TARGET} 2026-03-29 09:00"),
                      (utc(2026, 3, 30, 7), f"{TARGET} 2026-03-30 09:00")]
    assert len(p.poster.questions()) == 3


# --- restarts ------------------------------------------------------------------------------


async def test_a_restart_across_the_scheduled_time_posts_once_on_start(tmp_path):
    path = tmp_path / "dva.db"
    first = process(path, now=utc(2026, 11, 26, 8, 50))
    set_up(first, "09:00", "UTC")
    assert await first.scheduler.start() == []  # 08:50: nothing due yet
    first.scheduler.stop()  # the process goes down at 08:55 ...
    second = process(path, now=utc(2026, 11, 26, 9, 20))  # ... and is back at 09:20
    try:
        assert await second.scheduler.start() == [f"{TARGET} 2026-11-26 09:00"]
        assert set(second.scheduler.jobs()) == {SWEEP, ROUNDS, job_id(TARGET)}  # rebuilt from the table
        assert await fire(second, utc(2026, 11, 26, 9, 21)) == []  # a late (coalesced) fire: nothing
    finally:
        second.scheduler.stop()
    third = process(path, now=utc(2026, 11, 26, 9, 40))  # and another restart within the hour
    assert await third.scheduler.start() == []
    third.scheduler.stop()
    assert len(first.poster.posts + second.poster.posts + third.poster.posts) == 1


async def test_a_restart_after_the_grace_window_skips_that_day_and_posts_the_next(tmp_path):
    path = tmp_path / "dva.db"
    first = process(path, now=utc(2026, 11, 25, 12))
    set_up(first, "09:00", "UTC")
    second = process(path, now=utc(2026, 11, 26, 10, 1))  # down from before 09:00 until 10:01
    assert await second.scheduler.start() == []
    second.scheduler.stop()
    assert second.poster.posts == []
    assert await fire(second, utc(2026, 11, 27, 9)) == [f"{TARGET} 2026-11-27 09:00"]
    assert await second.scheduler.run_due(utc(2026, 11, 27, 9, 30)) == []


# --- two processes on one database ----------------------------------------------------------


async def test_two_schedulers_sharing_one_database_post_once(tmp_path):
    path = tmp_path / "dva.db"
    a = process(path, now=utc(2026, 11, 26, 8))
    b = process(path, now=utc(2026, 11, 26, 8))
    set_up(a, "09:00", "UTC")
    at = utc(2026, 11, 26, 9)
    await asyncio.gather(fire(a, at), fire(b, at), a.scheduler.run_due(at), b.scheduler.run_due(at))
    assert len(a.poster.posts) + len(b.poster.posts) == 1


def test_two_processes_racing_on_one_database_file_post_each_slot_once(tmp_path):
    """Each thread is a process: its own connection and loop; all start at the same instant."""
    path = tmp_path / "dva.db"
    admin = process(path, now=utc(2026, 11, 26, 8))
    targets = [f"discord:{n}" for n in range(20)]
    for target in targets:
        set_up(admin, "09:00", "UTC", target=target)
    barrier, counts, errors = threading.Barrier(2), [], []

    def run() -> None:
        try:
            p = process(path, now=utc(2026, 11, 26, 9, 5))
            barrier.wait()
            asyncio.run(p.scheduler.run_due(p.clock.now))
            counts.append(len(p.poster.posts))
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert not errors
    assert sum(counts) == len(targets)
    # each channel holds exactly one daily post, whichever process made it
    assert all(len(admin.store.daily_history(target)) == 1 for target in targets)


# --- live changes, other platforms, failures --------------------------------------------------


async def test_setup_while_the_bot_runs_moves_the_channels_next_post_and_off_cancels_it():
    """``jobs()`` is what the health endpoint reports: each channel's next post. Its date is
    APScheduler's (from the real time); the time of day is the schedule's, whatever the date."""
    p = process(now=utc(2026, 11, 26, 8))
    await p.scheduler.start()
    try:
        assert job_id(TARGET) not in p.scheduler.jobs()
        set_up(p, "18:45", "America/New_York")
        next_post = p.scheduler.jobs()[job_id(TARGET)]
        assert next_post.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "18:45"
        set_up(p, "07:00", "UTC")
        assert p.scheduler.jobs()[job_id(TARGET)].astimezone(UTC).strftime("%H:%M") == "07:00"
        assert await fire(p, utc(2026, 11, 26, 23, 45)) == []  # 18:45 in New York: the old time is gone
        assert await fire(p, utc(2026, 11, 27, 7)) == [f"{TARGET} 2026-11-27 07:00"]
        set_up(p, "", None, off=True)
        assert job_id(TARGET) not in p.scheduler.jobs()
        assert await run_until(p, utc(2026, 11, 29, 8)) == []  # no post on the days after
        assert [t for t, _ in p.poster.posts] == [TARGET]
    finally:
        p.scheduler.stop()


async def test_a_channel_of_a_platform_this_process_does_not_run_is_left_for_one_that_does(tmp_path):
    path = tmp_path / "dva.db"
    discord_only = process(path, now=utc(2026, 11, 26, 8))
    set_up(discord_only, "09:00", "UTC", target="slack:C1", who=Learner("slack", "T1", "boss"))
    assert await discord_only.scheduler.run_due(utc(2026, 11, 26, 9)) == []
    slack = RecordingPoster(platform="slack")
    both = process(path, posters={"slack": slack})
    assert await both.scheduler.run_due(utc(2026, 11, 26, 9, 1)) == ["slack:C1 2026-11-26 09:00"]
    assert slack.posts[0][0] == "slack:C1"


async def test_when_the_old_post_cannot_be_edited_its_summary_is_posted():
    p = process(now=utc(2026, 11, 25, 12))
    set_up(p, "09:00", "UTC")
    await fire(p, utc(2026, 11, 26, 9))
    p.poster.fail_edit = True
    await fire(p, utc(2026, 11, 27, 9))
    kinds = [type(r).__name__ for _, r in p.poster.posts]
    assert kinds == ["Question", "DailySummary", "Question"]


async def test_a_failing_channel_does_not_stop_the_others_and_is_not_posted_twice():
    class Flaky(RecordingPoster):
        async def post(self, target: str, reply: Reply) -> str:
            if target == "discord:bad":
                raise RuntimeError("missing access")
            return await super().post(target, reply)

    flaky = Flaky()
    p = process(now=utc(2026, 11, 26, 8), posters={"discord": flaky})
    set_up(p, "09:00", "UTC", target="discord:bad")
    set_up(p, "09:00", "UTC", target="discord:good")
    assert await p.scheduler.run_due(utc(2026, 11, 26, 9)) == ["discord:good 2026-11-26 09:00"]
    assert await p.scheduler.run_due(utc(2026, 11, 26, 9, 1)) == []  # at most once, even after a failure
    assert [t for t, _ in flaky.posts] == ["discord:good"]


async def test_through_the_real_slack_adapter_the_post_has_buttons_and_closes_into_its_summary():
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.adapters.slack import SlackPoster
    from fakes.slack_api import FakeSlack

    fake = await FakeSlack().start()
    try:
        poster = SlackPoster(AsyncWebClient(token="xoxb-test", base_url=fake.api_url))
        p = process(now=utc(2026, 11, 25, 12), posters={"slack": poster})
        set_up(p, "09:00", "UTC", target="slack:C0DAILY", who=Learner("slack", "T0DVA", "boss"))
        await fire(p, utc(2026, 11, 26, 9), target="slack:C0DAILY")
        [posted] = fake.of("chat.postMessage")
        assert posted.args["channel"] == "C0DAILY"
        buttons = [e for b in posted.args["blocks"] for e in b.get("elements", []) if e.get("type") == "button"]
        assert buttons  # one per choice
        await fire(p, utc(2026, 11, 27, 9), target="slack:C0DAILY")
        [edited] = fake.of("chat.update")
        assert edited.args["ts"] == "1700000000.000001"  # the first post's ts, as the fake issued it
        assert "0 answered · nobody answered" in json.dumps(edited.args["blocks"], ensure_ascii=False)  # its summary
        assert len(fake.of("chat.postMessage")) == 2
    finally:
        await fake.stop()


async def test_when_yesterdays_summary_cannot_be_sent_todays_question_still_goes_out():
    class Broken(RecordingPoster):
        async def post(self, target: str, reply: Reply) -> str:
            if isinstance(reply, DailySummary):
                raise RuntimeError("rate limited")
            return await super().post(target, reply)

    broken = Broken(fail_edit=True)
    p = process(now=utc(2026, 11, 25, 12), posters={"discord": broken})
    set_up(p, "09:00", "UTC")
    await fire(p, utc(2026, 11, 26, 9))
    assert await fire(p, utc(2026, 11, 27, 9)) == [f"{TARGET} 2026-11-27 09:00"]
    assert len(broken.questions()) == 2


async def test_a_question_removed_from_the_bank_closes_without_a_summary(tmp_path):
    path = tmp_path / "dva.db"
    before = process(path, now=utc(2026, 11, 25, 12))
    set_up(before, "09:00", "UTC")
    await fire(before, utc(2026, 11, 26, 9))
    [posted] = before.poster.questions()
    after = process(path, questions=[x for x in QUESTIONS if x.id != posted.question_id])  # the bank changed
    assert await fire(after, utc(2026, 11, 27, 9)) == [f"{TARGET} 2026-11-27 09:00"]
    assert after.poster.edits == [] and len(after.poster.questions()) == 1
    assert after.poster.questions()[0].question_id != posted.question_id


# --- the weekly recap -------------------------------------------------------------------------


def answered_last_week(p: Process, who: Learner, days: range, right: bool) -> None:
    """``who`` answers a practice question each day of November 16-22 2026 listed in ``days``."""
    from bot.core.messages import Answer, Quiz

    for day in days:
        at = utc(2026, 11, day, 12)
        [question] = p.daily.practice.handle(Quiz(who, None), at)
        key = p.daily.practice.question(question.question_id).answers
        letters = tuple(c.letter for c in question.choices if c.text in
                        {p.daily.practice.question(question.question_id).options["ABCDE".index(k)] for k in key})
        wrong = tuple(c.letter for c in question.choices if c.letter not in letters)[:len(letters)]
        p.daily.practice.handle(Answer(who, question.instance, letters if right else wrong), at)


async def test_the_weekly_recap_goes_out_once_on_monday_at_the_daily_time_across_a_restart(tmp_path):
    from bot.core.messages import Recap

    path = tmp_path / "dva.db"
    first = process(path, now=utc(2026, 11, 15, 8))
    set_up(first, "09:00", "UTC")
    ana, bo = Learner("discord", "G1", "ana", "Ana"), Learner("discord", "G1", "bo", "Bo")
    answered_last_week(first, ana, range(16, 23), right=True)  # every day of the week: a 7-day streak
    answered_last_week(first, bo, range(20, 23), right=False)
    await fire(first, utc(2026, 11, 23, 9))  # Monday: the daily question and the recap of 16-22 Nov
    [recap] = [r for _, r in first.poster.posts if isinstance(r, Recap)]
    assert recap.week_of.isoformat() == "2026-11-16" and recap.answered == 10
    assert [(s.learner.user, s.points) for s in recap.top][0][0] == "ana"
    assert recap.streaks[0][0].user == "ana" and recap.streaks[0][1] == 7
    assert recap.weakest is not None and recap.weakest.practice.startswith("quiz ")
    assert recap.missed_question and recap.missed[0] >= 1
    again = process(path, now=utc(2026, 11, 23, 9, 1))  # a restart, or a second process, that same Monday
    await again.scheduler.sweep()
    await fire(again, utc(2026, 11, 23, 9, 30))
    assert not [r for _, r in again.poster.posts if isinstance(r, Recap)]
    await fire(again, utc(2026, 11, 24, 9))  # Tuesday: a daily question, no recap
    assert not [r for _, r in again.poster.posts if isinstance(r, Recap)]


async def test_the_admin_sets_the_recaps_day_and_time_and_it_goes_out_then():
    from bot.core.grammar import parse
    from bot.core.messages import Recap

    p = process(now=utc(2026, 11, 15, 8))
    command = parse("setup #study 09:00 UTC recap fri 17:00", ADMIN)
    [reply] = p.daily.handle(replace(command, target=TARGET, is_admin=True), p.clock.now)
    assert "Weekly recap: Fridays at 17:00." in reply.text
    await fire(p, utc(2026, 11, 23, 9))  # Monday: the daily question only
    assert not [r for _, r in p.poster.posts if isinstance(r, Recap)]
    await run_until(p, utc(2026, 11, 27, 17, 2), recaps=True)  # Friday 17:00: the recap
    [recap] = [r for _, r in p.poster.posts if isinstance(r, Recap)]
    assert recap.week_of.isoformat() == "2026-11-20"  # the seven days before that Friday
    [bad] = p.daily.handle(replace(parse("setup #study 09:00 recap someday", ADMIN), target=TARGET,
                                   is_admin=True), p.clock.now)
    assert bad.error and "not one day of the week" in bad.text
