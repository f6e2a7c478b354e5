"""What is being handled right now, so shutdown can wait for exactly that.

Each adapter wraps the work of one request (and the scheduler one daily run)
in ``async with tracker.track():``. At shutdown ``serve`` sets ``stopping``
(handlers then turn new requests away with ``RESTARTING``), waits with
``wait_idle`` for the count to reach zero, and only then closes the
connections and the database. One loop, one thread: the check of
``stopping`` and the entry into ``track`` need no lock, as long as no
``await`` sits between them.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncIterator

RESTARTING = "The bot is restarting; try again in a minute."


class InFlight:
    """A counter of running handlers, an event set while it is zero, and a ``stopping`` flag."""

    def __init__(self) -> None:
        self.count = 0
        self.stopping = False
        self._idle = asyncio.Event()  # binds to a loop on first wait (3.10+): safe to build anywhere
        self._idle.set()

    @asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        """Count the enclosed work as in flight until it ends (or raises)."""
        self.count += 1
        self._idle.clear()
        try:
            yield
        finally:
            self.count -= 1
            if self.count == 0:
                self._idle.set()

    def stop(self) -> None:
        """From now on handlers refuse new work; what is running carries on."""
        self.stopping = True

    async def wait_idle(self, timeout: float | None = None) -> bool:
        """True once nothing is in flight; False if ``timeout`` seconds pass first."""
        if self._idle.is_set():
            return True  # also with a timeout of 0, which wait_for would treat as expired
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True
