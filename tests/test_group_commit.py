"""Clicks arriving together are committed together, and each is told only what was committed.

``GroupCommit`` sits between the adapters and the core in ``dva serve``: the
answers of one turn of the event loop share one transaction; everything else is
handled at once. (Losing nothing acknowledged under SIGKILL: ``test_durability``.)
"""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

import pytest

import db
from bot.core.messages import Answer, Feedback, Quiz, Text
from bot.core.quiz import review
from bot.core.quiz.practice import Practice
from bot.core.quiz.tutor import Tutor
from bot.group_commit import GroupCommit
from db.store import Store
from quiz_kit import NOW, QUESTIONS, learner, library, right, serve, world, wrong


def test_a_channels_clicks_in_one_turn_are_one_commit_and_each_gets_its_own_feedback():
    store, practice = world()
    core = GroupCommit(practice, store.transaction)
    people = [learner(f"u{i}") for i in range(20)]
    shown = [serve(practice, who, "rds-proxy") for who in people]

    async def clicks():
        return await asyncio.gather(*(
            core.handled(Answer(who, question.instance, right(question) if i % 2 else (wrong(question),)), NOW)
            for i, (who, question) in enumerate(zip(people, shown))))

    replies = asyncio.run(clicks())
    assert core.commits == 1
    assert [r.correct for [r] in replies] == [bool(i % 2) for i in range(20)]
    assert all(isinstance(r, Feedback) and r.counted for [r] in replies)
    for who, question in zip(people, shown):  # all of them are in the database
        assert store.answer_of(question.instance, store.find_learner("test", "G1", who.user)) is not None


def test_a_second_click_in_the_same_turn_is_refused_as_it_would_be_one_after_the_other():
    store, practice = world()
    core = GroupCommit(practice, store.transaction)
    ana = learner("ana")
    question = serve(practice, ana, "rds-proxy")

    async def twice():
        return await asyncio.gather(core.handled(Answer(ana, question.instance, right(question)), NOW),
                                    core.handled(Answer(ana, question.instance, (wrong(question),)), NOW))

    [[first], [second]] = asyncio.run(twice())
    assert first.counted and first.correct
    assert not second.counted and second.correct  # the first answer is the one that counts, and is shown


def test_a_learners_clicks_in_one_turn_are_graded_one_after_the_other_among_everyone_elses():
    store, practice = world()
    core = GroupCommit(practice, store.transaction, store.batch)
    ana, ben = learner("ana"), learner("ben")
    first, again = serve(practice, ana, "rds-proxy"), serve(practice, ana, "rds-proxy")  # one question twice
    bens = serve(practice, ben, "rds-proxy")

    async def clicks():
        return await asyncio.gather(core.handled(Answer(ana, first.instance, right(first), "e1"), NOW),
                                    core.handled(Answer(ben, bens.instance, right(bens), "e2"), NOW),
                                    core.handled(Answer(ana, again.instance, right(again), "e3"), NOW),
                                    core.handled(Answer(ana, first.instance, right(first), "e1"), NOW))

    [[one], [his], [two], [redelivered]] = asyncio.run(clicks())
    assert core.commits == 1 and one.counted and his.counted and two.counted
    assert (one.points, his.points, two.points) == (10, 10, 0)  # the same question scores once a day
    assert (redelivered.counted, redelivered.points) == (True, 10)  # the first reply again
    ana_id = store.find_learner("test", "G1", "ana")
    assert store.score_of("G1", "all", ana_id)["answered"] == 2
    twice = review.rate(review.rate(None, True, NOW, ana_id, "rds-proxy")[0], True, NOW, ana_id, "rds-proxy")[0]
    assert store.card(ana_id, "rds-proxy") == twice  # the second review started from the first's card


def test_when_the_commit_fails_no_click_is_told_it_counted_and_nothing_is_kept():
    store, practice = world()

    @contextmanager
    def failing_commit():
        with store.transaction():
            yield
            raise OSError("disk full")  # after the answers, before COMMIT: the transaction is undone

    core = GroupCommit(practice, failing_commit)
    ana, ben = learner("ana"), learner("ben")
    questions = [serve(practice, who, "rds-proxy") for who in (ana, ben)]

    async def clicks():
        return await asyncio.gather(*(core.handled(Answer(who, q.instance, right(q)), NOW)
                                      for who, q in zip((ana, ben), questions)), return_exceptions=True)

    assert all(isinstance(r, OSError) for r in asyncio.run(clicks()))
    assert all(store.answer_of(q.instance, store.find_learner("test", "G1", who.user)) is None
               for who, q in zip((ana, ben), questions))


def test_other_commands_are_answered_at_once_not_held_for_a_commit():
    store, practice = world()
    core = GroupCommit(practice, store.transaction)
    [reply] = asyncio.run(core.handled(Quiz(learner("ana"), "rds"), NOW))
    assert not isinstance(reply, Text) and core.commits == 0


def test_a_daily_posts_tally_counts_every_answer_of_a_burst():
    store, practice = world()
    core = GroupCommit(practice, store.transaction, store.batch)
    daily = practice.open_daily("rds-proxy", "G1", "test:channel", NOW, None)
    people = [learner(f"u{i}") for i in range(6)]

    async def clicks(who_all):
        return await asyncio.gather(*(
            core.handled(Answer(who, daily.instance, right(daily) if i % 3 else (wrong(daily),)), NOW)
            for i, who in enumerate(who_all)))

    replies = asyncio.run(clicks(people[:5]))
    assert [r.tally for [r] in replies] == [(1, 0), (2, 1), (3, 2), (4, 2), (5, 3)]
    [[late]] = asyncio.run(clicks([people[5]]))  # the next turn counts on from what was committed
    assert late.tally == (6, 3) and core.commits == 2


class FailingCards(Store):
    """A store whose review-card write fails for one learner: that answer breaks halfway through."""

    def __init__(self, database, failing: str):
        super().__init__(database)
        self.failing = failing

    def save_cards(self, cards):
        if any(learner_id == self.find_learner("test", "G1", self.failing) for learner_id, *_ in cards):
            raise OSError("the card could not be written")
        super().save_cards(cards)


@pytest.mark.parametrize("at_once", [True, False], ids=["batch", "savepoints"])
def test_an_answer_that_fails_in_a_batch_undoes_only_itself(at_once):
    store = FailingCards(db.connect(":memory:"), failing="ben")
    practice = Practice(store, library(), list(QUESTIONS))
    core = GroupCommit(Tutor(lookup=None, practice=practice), store.transaction, store.batch if at_once else None)
    daily = practice.open_daily("rds-proxy", "G1", "test:channel", NOW, None)
    people = [learner("ana"), learner("ben"), learner("cy")]

    async def clicks():
        return await asyncio.gather(*(core.handled(Answer(who, daily.instance, right(daily)), NOW) for who in people))

    [[ana], [ben], [cy]] = asyncio.run(clicks())
    assert isinstance(ben, Text) and ben.error and core.commits == 1
    assert ana.counted and cy.counted and (ana.tally, cy.tally) == ((1, 1), (2, 2))  # ben's answer is not counted
    assert store.answer_of(daily.instance, store.find_learner("test", "G1", "ben")) is None
    assert store.score_of("G1", "all", store.find_learner("test", "G1", "ben")) is None  # nor are his points
    assert store.tally(daily.instance) == (2, 2)
    assert [store.score_of("G1", "all", store.find_learner("test", "G1", who))["points"] for who in ("ana", "cy")] \
        == [ana.points, cy.points]


def test_a_learner_first_seen_in_a_commit_that_failed_answers_as_themselves_afterwards():
    store, practice = world()
    failures = [OSError("disk full")]

    @contextmanager
    def failing_once():
        with store.transaction():
            yield
            if failures:
                raise failures.pop()

    core = GroupCommit(practice, failing_once)
    ana, ben = learner("ana"), learner("ben")
    daily = practice.open_daily("rds-proxy", "G1", "test:channel", NOW, None)

    async def click(who):
        return await core.handled(Answer(who, daily.instance, right(daily)), NOW)

    with pytest.raises(OSError):
        asyncio.run(click(ana))
    [for_ben] = asyncio.run(click(ben))  # a new learner's row, where ana's rolled-back one was
    [for_ana] = asyncio.run(click(ana))
    assert for_ben.counted and for_ana.counted  # ana's answer is her own, not ben's
    assert [store.answer_of(daily.instance, store.find_learner("test", "G1", who.user)) is not None
            for who in (ana, ben)] == [True, True]
