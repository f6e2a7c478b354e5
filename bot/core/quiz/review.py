"""Spaced repetition with FSRS-6 (the ``fsrs`` package).

Every question a learner has answered is a card for that learner: a right
answer rates it Good, a wrong one Again. The card travels as the plain dict of
``fsrs.Card.to_dict()`` so the database stores JSON and nothing here touches
it. Fuzzing is off: the same answers give the same schedule (and tests can say
exactly when a card comes back).
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta, timezone
from typing import Any, cast

import fsrs

SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)


def card_id(learner_id: int, question_id: str) -> int:
    """A stable card id (fsrs only uses it to tie review logs to cards)."""
    return learner_id * 2**32 + zlib.crc32(question_id.encode())


def rate(card: dict[str, Any] | None, correct: bool, now: datetime, learner_id: int,
         question_id: str) -> tuple[dict[str, Any], datetime]:
    """The card after one answer at ``now``, and when it is next due.

    ``card`` is None for a question the learner has never answered: a new card.
    """
    current = (fsrs.Card.from_dict(cast(Any, card)) if card
               else fsrs.Card(card_id=card_id(learner_id, question_id), due=now))
    rating = fsrs.Rating.Good if correct else fsrs.Rating.Again
    # fsrs wants an aware UTC datetime and refuses to go back in time
    moment = now.astimezone(timezone.utc)
    moment = max(moment, current.last_review or moment)
    updated, _ = SCHEDULER.review_card(current, rating, moment)
    return dict(updated.to_dict()), updated.due


def when(due: datetime, now: datetime) -> str:
    """'now', 'in 10 minutes', 'in 3 days', '2 hours ago': for notes beside a card."""
    delta = due - now
    future = delta >= timedelta(0)
    span = abs(delta)
    if span < timedelta(minutes=1):
        return "in under a minute" if delta > timedelta(0) else "now"
    for unit, size in (("day", timedelta(days=1)), ("hour", timedelta(hours=1)),
                       ("minute", timedelta(minutes=1))):
        if span >= size:
            count = int(span / size)
            words = f"{count} {unit}{'s' if count != 1 else ''}"
            return f"in {words}" if future else f"{words} ago"
    return "now"
