"""Clicks arriving together are committed together, and each is told only what was committed.

``GroupCommit`` sits between the adapters and the core in ``dva serve``: the
answers of one turn of the event loop share one transaction; everything else is
handled at once. (Losing nothing acknowledged under SIGKILL: ``test_durability``.)
"""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

from bot.core.messages import Answer, Feedback, Quiz, Text
from bot.group_commit import GroupCommit
from quiz_kit import NOW, learner, right, serve, world, wrong


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
