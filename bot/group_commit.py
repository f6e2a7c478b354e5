"""Answers arriving together are committed together: one transaction per turn of the event loop.

Why: committing is the biggest part of recording an answer, and when a daily
question lands, a channel's clicks arrive at once. With the store's ``batch``
the core gets them all at once (``handle_answers``), grades them together and
writes them with one statement per table, with no savepoint each (a savepoint
copies every page its answer changes). An answer that fails undoes only
itself: if one fails, all of it is undone and the answers run again in a
``transaction``, each on its own through ``handle`` in its own savepoint (the
core opens one), as they do without ``batch``. A
click's reply is sent only after the transaction holding it has committed, so
nothing acknowledged is ever lost (``tests/test_durability.py``). Every other
command is handled at once, as before.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Callable, Protocol, Sequence

from bot.core.messages import Answer, Command, Reply

log = logging.getLogger("bot")


class Core(Protocol):
    def handle(self, command: Command, now: datetime) -> list[Reply]: ...
    # the replies to answers arriving together, recorded together: each as ``handle`` would reply
    def handle_answers(self, answers: Sequence[tuple[Answer, datetime]]) -> list[list[Reply]]: ...


Waiting = tuple[Answer, datetime, "asyncio.Future[list[Reply]]"]  # an answer, its time, its click's reply


class Parts(Protocol):
    """What the store's ``batch`` yields (``db.base.Parts``)."""

    @property
    def failed(self) -> bool: ...  # one of its parts failed: all of it is undone when it ends


class GroupCommit:
    """The core, with answers of one loop turn committed in one transaction.

    ``transaction``: the store's (``Store.transaction``); without one (a test's
    core with no store) each answer commits on its own, through the same path.
    ``batch``: the store's (``Store.batch``), tried first (see the module's docstring).
    """

    def __init__(self, core: Core, transaction: Callable[[], AbstractContextManager[None]] | None = None,
                 batch: Callable[[], AbstractContextManager[Parts]] | None = None):
        self.core = core
        self._transaction = transaction or nullcontext
        self._batch = batch
        self._waiting: list[Waiting] = []
        self.commits = 0  # transactions committed, for the figures of ``bench/bench_quiz.py``

    def handle(self, command: Command, now: datetime) -> list[Reply]:
        """At once, not batched: what the adapters undo or look up on the side."""
        return self.core.handle(command, now)

    async def handled(self, command: Command, now: datetime) -> list[Reply]:
        """The replies to ``command``; an answer's only once it is committed."""
        if not isinstance(command, Answer):
            return self.core.handle(command, now)
        loop = asyncio.get_running_loop()
        done: asyncio.Future[list[Reply]] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._commit)  # after every callback already due in this turn
        self._waiting.append((command, now, done))
        return await done

    def _commit(self) -> None:
        # in one order everywhere (stable: a learner's own clicks keep theirs): the store takes a batch's
        # locks in one sorted statement, and when the answers run again one by one (an answer failed) they
        # lock their learners in this order too, so two processes never wait on each other in a circle
        batch, self._waiting = self._waiting, []
        batch.sort(key=lambda item: (item[0].learner.platform, item[0].learner.group, item[0].learner.user))
        try:
            replies = self._at_once(batch)
            if replies is None:  # no batch, or an answer failed in it and all was undone: a savepoint each
                with self._transaction():
                    replies = [self.core.handle(command, now) for command, now, _ in batch]
        except Exception as err:  # the commit failed: no one in the batch is told it counted
            log.exception("committing %d answers failed", len(batch))
            for _, _, done in batch:
                if not done.done():
                    done.set_exception(err)
            return
        self.commits += 1
        for (_, _, done), reply in zip(batch, replies):
            if not done.done():  # its asker may have gone (a cancelled request)
                done.set_result(reply)

    def _at_once(self, batch: list[Waiting]) -> list[list[Reply]] | None:
        """The replies of the whole batch in the store's ``batch``; None when one of its answers
        failed (the rest are not run, and the batch is rolled back) or there is no ``batch``."""
        if self._batch is None:
            return None
        with self._batch() as parts:
            replies = self.core.handle_answers([(command, now) for command, now, _ in batch])
            if parts.failed:
                return None
        return replies
