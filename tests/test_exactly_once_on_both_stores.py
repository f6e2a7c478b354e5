"""Every exactly-once rule, with two processes on one database, on SQLite and on PostgreSQL.

Each test runs twice: on a SQLite file and on a PostgreSQL database of the
test process's own server (``pg_server.py``; skipped without the binaries).
A "process" is what test_scheduler.py builds: its own connection, core and
scheduler; a thread with its own event loop makes two of them race for real.
The rules: one daily post per channel per slot (and its close once), one
weekly recap, one reminder a day, the first answer counts, a redelivered
click is recorded once.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from typing import Callable

import pytest

import db
from bot.core.messages import Answer, Learner, Quiz, Recap, Remind
from bot.core.quiz import rules
from bot.core.quiz.practice import Practice
from db.store import Store
from quiz_kit import QUESTIONS, library, right, wrong
from test_scheduler import TARGET, RecordingPoster, answered_last_week, fire, process, set_up, utc


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path) -> str:
    """Where the processes of one test meet: a SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "dva.db")
    return request.getfixturevalue("postgres_url")


def race(count: int, body: Callable[[int], object]) -> list[object]:
    """Run ``body(n)`` in ``count`` threads released at the same instant; their results, in order."""
    barrier, results, errors = threading.Barrier(count), [None] * count, []

    def run(n: int) -> None:
        try:
            barrier.wait()
            results[n] = body(n)
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    return results


# --- the daily post -------------------------------------------------------------------------


async def test_a_restart_across_the_scheduled_time_posts_once(database):
    first = process(database, now=utc(2026, 11, 26, 8, 50))
    set_up(first, "09:00", "UTC")
    assert await first.scheduler.start() == []
    first.scheduler.stop()
    second = process(database, now=utc(2026, 11, 26, 9, 20))
    try:
        assert await second.scheduler.start() == [f"{TARGET} 2026-11-26 09:00"]
        assert await fire(second, utc(2026, 11, 26, 9, 21)) == []
    finally:
        second.scheduler.stop()
    third = process(database, now=utc(2026, 11, 26, 9, 40))
    assert await third.scheduler.start() == []
    third.scheduler.stop()
    assert len(first.poster.posts + second.poster.posts + third.poster.posts) == 1


async def test_two_schedulers_on_one_database_post_once(database):
    a, b = process(database, now=utc(2026, 11, 26, 8)), process(database, now=utc(2026, 11, 26, 8))
    set_up(a, "09:00", "UTC")
    at = utc(2026, 11, 26, 9)
    await asyncio.gather(fire(a, at), fire(b, at), a.scheduler.run_due(at), b.scheduler.run_due(at))
    assert len(a.poster.posts) + len(b.poster.posts) == 1


def test_two_processes_racing_post_each_channels_slot_once_and_close_it_once(database):
    admin = process(database, now=utc(2026, 11, 26, 8))
    targets = [f"discord:{n}" for n in range(20)]
    for target in targets:
        set_up(admin, "09:00", "UTC", target=target)

    def sweep_at(at):
        def body(n: int):
            p = process(database, now=at)  # built in its own thread: a connection of its own
            return p, asyncio.run(p.scheduler.run_due(at))
        return body

    posted = race(2, sweep_at(utc(2026, 11, 26, 9, 5)))
    assert sorted(k for _, keys in posted for k in keys) == sorted(f"{t} 2026-11-26 09:00" for t in targets)
    assert all(len(admin.store.daily_history(target)) == 1 for target in targets)
    # the next day, two processes race again: each channel's new post once, yesterday's closed once
    again = race(2, sweep_at(utc(2026, 11, 27, 9, 5)))
    assert all(len(admin.store.daily_history(target)) == 2 for target in targets)
    assert sorted(target for p, _ in again for target, _, _ in p.poster.edits) == sorted(targets)


async def test_the_weekly_recap_goes_out_once_whichever_process_sweeps(database):
    first = process(database, now=utc(2026, 11, 15, 8))
    set_up(first, "09:00", "UTC")
    answered_last_week(first, Learner("discord", "G1", "ana", "Ana"), range(16, 23), right=True)
    second = process(database, now=utc(2026, 11, 23, 9))
    monday = utc(2026, 11, 23, 9)
    await asyncio.gather(fire(first, monday), fire(second, monday))
    await second.scheduler.sweep()
    recaps = [r for p in (first, second) for _, r in p.poster.posts if isinstance(r, Recap)]
    assert len(recaps) == 1 and recaps[0].week_of.isoformat() == "2026-11-16"


# --- reminders --------------------------------------------------------------------------------


@dataclass
class DirectPoster(RecordingPoster):
    """A poster that also records direct messages (reminders)."""

    direct_messages: list[tuple[str, object]] = field(default_factory=list)

    async def direct(self, user: str, reply: object) -> None:
        self.direct_messages.append((user, reply))


def test_a_reminder_is_sent_once_a_day_when_two_processes_sweep_at_the_same_minute(database):
    ana = Learner("discord", "G1", "ana", "Ana")
    first = process(database, now=utc(2026, 11, 25, 12))
    [confirmed] = first.daily.handle(Remind(ana, on=True, time="18:00"), first.clock.now)
    assert "Reminders on" in confirmed.text
    [question] = first.daily.practice.handle(Quiz(ana, None), first.clock.now)  # a streak that ends tonight
    first.daily.practice.handle(Answer(ana, question.instance, right(question)), first.clock.now)

    def sweep(n: int) -> list[str]:
        poster = DirectPoster()
        p = process(database, now=utc(2026, 11, 26, 18, 5), posters={"discord": poster})
        asyncio.run(p.scheduler.sweep())
        return [user for user, _ in poster.direct_messages]

    sent = race(2, sweep) + race(2, sweep)  # and two more a minute later: still once
    assert sorted(user for users in sent for user in users) == ["ana"]


# --- answers -------------------------------------------------------------------------------


def answer_in_own_process(database: str, click: Answer):
    """``click`` handled by a new process of its own (built in the calling thread)."""
    practice = Practice(Store(db.connect(database)), library(), list(QUESTIONS))
    [reply] = practice.handle(click, utc(2026, 11, 26, 9, 1))
    return reply


def test_clicks_racing_in_two_processes_count_the_first_answer_once(database):
    [admin] = [Practice(Store(db.connect(database)), library(), list(QUESTIONS))]
    ana = Learner("test", "G1", "ana", "Ana")
    question = admin.new_instance("rds-proxy", ana, "G1", "practice", None, utc(2026, 11, 26, 9), None)
    clicks = [Answer(ana, question.instance, right(question)), Answer(ana, question.instance, (wrong(question),))]
    replies = race(2, lambda n: answer_in_own_process(database, clicks[n]))
    assert sorted(r.counted for r in replies) == [False, True]
    [counted] = [r for r in replies if r.counted]
    assert all(r.correct == counted.correct for r in replies)  # the second is told what counted
    ana_id = admin.store.find_learner("test", "G1", "ana")
    stored = admin.store.answer_of(question.instance, ana_id)
    assert stored is not None and bool(stored["correct"]) == counted.correct
    score = admin.store.score_of("G1", "all", ana_id)
    assert score is not None and (score["answered"], score["points"]) == (1, counted.points)


def test_a_click_redelivered_to_four_processes_at_once_is_recorded_once(database):
    admin = Practice(Store(db.connect(database)), library(), list(QUESTIONS))
    ana = Learner("test", "G1", "ana", "Ana")
    question = admin.new_instance("rds-replicas", ana, "G1", "practice", None, utc(2026, 11, 26, 9), None)
    click = Answer(ana, question.instance, right(question), "evt-1")
    replies = race(4, lambda n: answer_in_own_process(database, click))
    assert [(r.counted, r.points) for r in replies] == [(True, rules.PRACTICE_POINTS)] * 4  # the same reply
    ana_id = admin.store.find_learner("test", "G1", "ana")
    assert admin.store.answer_by_event("test:evt-1")["instance_id"] == question.instance
    score = admin.store.score_of("G1", "all", ana_id)
    assert score is not None and (score["answered"], score["points"]) == (1, rules.PRACTICE_POINTS)
