"""On PostgreSQL, answers are recorded under their learner's lock, not the one write lock.

Several ``dva serve`` processes on one database record answers of different
learners at the same time; two transactions touching one learner still run one
after the other, and every other write transaction still takes the write lock
(``db.postgres``). A "process" here is its own connection, core and event loop,
as in ``test_exactly_once_on_both_stores.py``; threads make them race for real.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable

import psycopg
import pytest

import db
from bot.core.messages import Answer, Feedback, Learner, Question
from bot.core.quiz import review, rules
from bot.core.quiz.practice import Practice
from bot.group_commit import GroupCommit
from db.postgres import WRITE_LOCK
from db.store import Store
from quiz_kit import NOW, QUESTIONS, library, right


@dataclass
class Process:
    store: Store
    practice: Practice


def process(url: str) -> Process:
    store = Store(db.connect(url))
    return Process(store, Practice(store, library(), list(QUESTIONS)))


def in_thread(body: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """``body`` started in a thread of its own; its result (or error) lands in the list."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(body())
        except Exception as err:  # pragma: no cover - asserted by the caller
            out.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def until_one_waits(url: str, objsubid: int) -> None:
    """Return once a session waits for an advisory lock (1: the write lock's kind, 2: a learner's)."""
    deadline = time.monotonic() + 10
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            if conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                            " AND objsubid = %s", (objsubid,)).fetchone() != (0,):
                return
            time.sleep(0.01)
    raise AssertionError("no session waited for the lock")


def holding_the_write_lock(url: str) -> psycopg.Connection:
    """Another process's transaction that holds the write lock until it commits."""
    holder = psycopg.connect(url)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    return holder


def shown(admin: Process, learners: list[Learner], per_learner: int) -> list[tuple[Learner, Question]]:
    """Practice questions shown to each learner, learner after learner for each round."""
    return [(who, admin.practice.new_instance(QUESTIONS[(n + i) % len(QUESTIONS)].id, who, "G1", "practice",
                                              None, NOW, None))
            for n in range(per_learner) for i, who in enumerate(learners)]


def wrong_as_many(question: Question) -> tuple[str, ...]:
    """Wrong options, as many as the question asks for (one, or two for a choose-two)."""
    picked = [c.letter for c in question.choices if c.letter not in right(question)]
    return tuple(picked[:len(right(question))])


def click_in_bursts(url: str, clicks: list[Answer], together: int, start: threading.Barrier) -> list[Any]:
    """A process recording ``clicks`` in bursts through ``GroupCommit``, as ``dva serve`` does, from
    when every process is ready; a click whose transaction failed is clicked again (as its learner
    would) until it is acknowledged."""
    p = process(url)
    start.wait(30)
    core = GroupCommit(p.practice, p.store.transaction, p.store.batch)

    async def click(answer: Answer) -> Any:
        for _ in range(5):
            try:
                [reply] = await core.handled(answer, NOW)
                return reply
            except psycopg.errors.DeadlockDetected:
                continue
        raise AssertionError(f"{answer} was never acknowledged")

    async def run() -> list[Any]:
        replies = []
        for start in range(0, len(clicks), together):
            replies += await asyncio.gather(*(click(c) for c in clicks[start:start + together]))
        return replies

    try:
        return asyncio.run(run())
    finally:
        p.store.close()


def test_two_processes_answering_for_the_same_learners_count_each_first_answer_once_and_its_points_once(
        postgres_url):
    admin = process(postgres_url)
    learners = [Learner("test", "G1", f"u{i}", f"U {i}") for i in range(12)]
    questions = shown(admin, learners, per_learner=8)
    firsts = [Answer(who, q.instance, right(q), f"a{n}") for n, (who, q) in enumerate(questions)]
    # the other process: a wrong answer to each, and every third of the first's clicks redelivered to it
    seconds = [Answer(who, q.instance, wrong_as_many(q), f"b{n}") if n % 3 else firsts[n]
               for n, (who, q) in enumerate(questions)]
    barrier = threading.Barrier(2)
    threads = [in_thread(lambda clicks=clicks: click_in_bursts(postgres_url, clicks, 12, barrier))
               for clicks in (firsts, seconds)]
    for thread, _ in threads:
        thread.join(60)
    [[a], [b]] = [out for _, out in threads]
    assert isinstance(a, list) and isinstance(b, list), (a, b)
    for n, (who, question) in enumerate(questions):
        first, second = a[n], b[n]
        assert isinstance(first, Feedback) and isinstance(second, Feedback)
        stored = admin.store.answer_of(question.instance, admin.practice.learner_id(who))
        assert stored is not None and bool(stored["correct"]) == (first.counted if n % 3 else True)
        if n % 3:  # two clicks: the one recorded counted, the other is told what did
            assert sorted([first.counted, second.counted]) == [False, True]
            assert first.correct == second.correct == bool(stored["correct"])
        else:  # one click, delivered twice: recorded once, the same reply both times
            assert (first.counted, first.points) == (second.counted, second.points) == (True, stored["points"])
    for who in learners:  # each of its eight questions once, and the counters say so
        learner_id = admin.practice.learner_id(who)
        counted = [a[n] if a[n].counted else b[n] for n, (whose, _) in enumerate(questions) if whose == who]
        score = admin.store.score_of("G1", "all", learner_id)
        assert score is not None and (score["answered"], score["points"]) == (8, sum(r.points for r in counted))
        assert admin.store.conn.execute("SELECT count(*), sum(points) FROM answers WHERE learner_id = ?",
                                        (learner_id,)).fetchone() == (8, score["points"])


@pytest.mark.parametrize("mode", ["practice", "review", "daily"])
def test_an_answer_is_recorded_while_another_process_holds_the_write_lock(postgres_url, mode):
    p = process(postgres_url)
    ana = Learner("test", "G1", "ana", "Ana")
    daily = mode == "daily"
    question = p.practice.new_instance("rds-proxy", None if daily else ana, "G1", mode, "test:C1" if daily else None,
                                       NOW, NOW + timedelta(hours=1) if daily else None)
    holder = holding_the_write_lock(postgres_url)
    try:
        core = GroupCommit(p.practice, p.store.transaction, p.store.batch)  # as dva serve has it
        thread, out = in_thread(lambda: asyncio.run(core.handled(Answer(ana, question.instance, right(question)),
                                                                 NOW)))
        thread.join(10)
        assert not thread.is_alive(), "the answer waited for the write lock"
        [[reply]] = out
        assert isinstance(reply, Feedback) and reply.counted
        assert reply.points == (rules.DAILY_POINTS if daily else rules.PRACTICE_POINTS)
        assert reply.tally == ((1, 1) if daily else None)  # a daily answer reads the post's tally too
    finally:
        holder.close()


def test_a_burst_of_several_learners_answers_is_recorded_while_another_process_holds_the_write_lock(
        postgres_url):
    p = process(postgres_url)
    people = [Learner("test", "G1", f"u{i}", f"U {i}") for i in range(5)]
    daily = p.practice.new_instance("rds-proxy", None, "G1", "daily", "test:C1", NOW, NOW + timedelta(hours=1))
    practice = [p.practice.new_instance("ec2-sg", who, "G1", "practice", None, NOW, None) for who in people]
    holder = holding_the_write_lock(postgres_url)
    try:
        core = GroupCommit(p.practice, p.store.transaction, p.store.batch)

        async def clicks() -> list[Any]:
            return await asyncio.gather(*(core.handled(Answer(who, q.instance, right(q)), NOW)
                                          for who in people for q in (daily, practice[people.index(who)])))

        thread, out = in_thread(lambda: asyncio.run(clicks()))
        thread.join(10)
        assert not thread.is_alive(), "the burst waited for the write lock"
        [replies] = out
        assert all(isinstance(reply, Feedback) and reply.counted for [reply] in replies) and core.commits == 1
        assert [reply.tally for [reply] in replies[::2]] == [(n, n) for n in range(1, 6)]
        assert [reply.points for [reply] in replies[1::2]] == [rules.PRACTICE_POINTS] * 5
    finally:
        holder.close()


def test_every_other_write_still_waits_for_the_write_lock(postgres_url):
    p = process(postgres_url)
    ana = Learner("test", "G1", "ana", "Ana")
    holder = holding_the_write_lock(postgres_url)
    try:
        thread, out = in_thread(lambda: p.practice.report(ana, "rds-proxy", "the key is wrong", NOW))
        until_one_waits(postgres_url, objsubid=1)
        assert thread.is_alive() and not out
    finally:
        holder.close()  # its transaction ends: the report goes through
    thread.join(10)
    [reply] = out
    assert "reported" in reply.text


def test_a_learners_second_answer_in_another_process_waits_for_the_first_and_sees_it(postgres_url):
    a, b = process(postgres_url), process(postgres_url)
    ana = Learner("test", "G1", "ana", "Ana")
    one, two = (a.practice.new_instance("rds-proxy", ana, "G1", "practice", None, NOW, None) for _ in range(2))
    with a.store.transaction():  # the first answer, not committed yet
        [first] = a.practice.handle(Answer(ana, one.instance, right(one)), NOW)
        thread, out = in_thread(lambda: b.practice.handle(Answer(ana, two.instance, right(two)), NOW))
        until_one_waits(postgres_url, objsubid=2)  # the second waits for ana's lock
        assert thread.is_alive() and not out
    thread.join(10)
    [[second]] = out
    assert first.points == rules.PRACTICE_POINTS
    assert second.counted and second.points == 0  # the question already scored today: it saw the first
    ana_id = a.practice.learner_id(ana)
    twice = review.rate(review.rate(None, True, NOW, ana_id, "rds-proxy")[0], True, NOW, ana_id, "rds-proxy")[0]
    assert a.store.card(ana_id, "rds-proxy") == twice  # the second review started from the first's card


def test_two_processes_holding_each_others_learner_lose_one_batch_whole_and_count_it_once_when_clicked_again(
        postgres_url):
    a, b = process(postgres_url), process(postgres_url)
    ana, bob = Learner("test", "G1", "ana", "Ana"), Learner("test", "G1", "bob", "Bob")
    qa, qb = (a.practice.new_instance("ec2-sg", who, "G1", "practice", None, NOW, None) for who in (ana, bob))
    both = threading.Barrier(2)

    def batch(p: Process, order: list[tuple[Learner, Question]]) -> list[Any]:
        with p.store.transaction():  # one loop turn's answers, as GroupCommit commits them
            replies = [p.practice.handle(Answer(order[0][0], order[0][1].instance, right(order[0][1])), NOW)]
            both.wait(10)
            replies.append(p.practice.handle(Answer(order[1][0], order[1][1].instance, right(order[1][1])), NOW))
        return replies

    threads = [in_thread(lambda: batch(a, [(ana, qa), (bob, qb)])),
               in_thread(lambda: batch(b, [(bob, qb), (ana, qa)]))]
    for thread, _ in threads:
        thread.join(30)
    results = [out[0] for _, out in threads]
    failed = [r for r in results if isinstance(r, Exception)]
    assert len(failed) == 1 and isinstance(failed[0], psycopg.errors.DeadlockDetected)
    [kept] = [r for r in results if not isinstance(r, Exception)]
    assert all(reply.counted for [reply] in kept)
    loser = b if isinstance(results[1], Exception) else a
    again = [loser.practice.handle(Answer(who, q.instance, right(q)), NOW) for who, q in ((ana, qa), (bob, qb))]
    assert [reply.counted for [reply] in again] == [False, False]  # the other process's answers count
    for who in (ana, bob):
        score = a.store.score_of("G1", "all", a.practice.learner_id(who))
        assert score is not None and (score["answered"], score["points"]) == (1, rules.PRACTICE_POINTS)
