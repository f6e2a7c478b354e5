"""Spaced repetition with FSRS-6 (the ``fsrs`` package).

Every question a learner has answered is a card for that learner: a right
answer rates it Good, a wrong one Again. The card travels as the JSON text of
``fsrs.Card.to_dict()``: the database stores it as it is. Fuzzing is off: the
same answers give the same schedule (and tests can say exactly when a card
comes back).
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from typing import Any, cast

import fsrs

SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)


def card_id(learner_id: int, question_id: str) -> int:
    """A stable card id (fsrs only uses it to tie review logs to cards)."""
    return learner_id * 2**32 + _checksum(question_id)


@lru_cache(maxsize=4096)
def _checksum(question_id: str) -> int:
    return zlib.crc32(question_id.encode())


def rate(card: str | None, correct: bool, now: datetime, learner_id: int,
         question_id: str) -> tuple[str, datetime]:
    """The card after one answer at ``now`` (its JSON text), and when it is next due.

    ``card`` is None for a question the learner has never answered: a new card.
    """
    moment = now.astimezone(timezone.utc)  # fsrs wants an aware UTC datetime
    if not card:  # a first review is the same for every card but for its id and times: its text is made once
        first, delay = _first(correct)
        due = moment + delay
        return first % {"card_id": card_id(learner_id, question_id), "due": _iso(due),
                        "last_review": _iso(moment)}, due
    return _review(fsrs.Card.from_dict(cast(Any, json.loads(card))), correct, moment)


def _review(current: fsrs.Card, correct: bool, moment: datetime) -> tuple[str, datetime]:
    rating = fsrs.Rating.Good if correct else fsrs.Rating.Again
    moment = max(moment, current.last_review or moment)  # fsrs refuses to go back in time
    updated, _ = SCHEDULER.review_card(current, rating, moment)
    return json.dumps(updated.to_dict()), updated.due


# the same writer as ``db.base.iso`` (the core does not import the database layer): a burst's cards
# share their second, and ``isoformat`` would cost about 1 us more an answer, the answer rate's margin
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _iso(moment: datetime) -> str:
    """``moment.isoformat()`` of a UTC time (as fsrs writes a card's times), its date and time to
    the second made once for all the cards of that second."""
    since = moment - _EPOCH
    whole = _to_second(since.days * 86_400 + since.seconds)
    return f"{whole}.{moment.microsecond:06d}+00:00" if moment.microsecond else f"{whole}+00:00"


@lru_cache(maxsize=1024)
def _to_second(second: int) -> str:
    return datetime.fromtimestamp(second, timezone.utc).isoformat()[:19]


@lru_cache(maxsize=2)
def _first(correct: bool) -> tuple[str, timedelta]:
    """A new card after its first review, as JSON text whose id and times are %-slots named for
    their keys, and how long after the review the card is due."""
    at = datetime(2000, 1, 1, tzinfo=timezone.utc)
    text, due = _review(fsrs.Card(card_id=0, due=at), correct, at)
    slots = {key: f"@{key}@" for key in ("card_id", "due", "last_review")}
    text = json.dumps({**json.loads(text), **slots}).replace("%", "%%")
    text = text.replace('"@card_id@"', "%(card_id)d")
    for key in ("due", "last_review"):
        text = text.replace(f"@{key}@", f"%({key})s")  # inside the quotes: ISO times need no escaping
    return text, due - at


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
