"""Adapters: translate platform events into core commands and core replies into platform output."""

from __future__ import annotations

from typing import Sequence

from bot.core.messages import Reply, Text


def refused(replies: Sequence[Reply]) -> bool:
    """The core said no (or said nothing): there is no new schedule to announce."""
    return not replies or not isinstance(replies[0], Text) or any(isinstance(r, Text) and r.error for r in replies)
