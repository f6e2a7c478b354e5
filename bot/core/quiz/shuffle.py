"""The order a question instance shows its options in: a pure function of the instance id.

Why: a learner who meets a question again (a review, practice, a daily post)
should not be able to answer by remembering a letter's position. The order is
derived from the instance id alone (a SHA-256 of it seeds the shuffle; never
``hash()``, which changes per process), so a click after a restart maps the
letter it carries back to the right option with nothing stored.

Two kinds of letters, one convention:

- *bank letters* index ``BankQuestion.options`` as the file lists them; the
  answer key (``BankQuestion.answers``) and the answers stored in the database
  (``answers.chosen``) are bank letters, so history and stats do not depend on
  the order anyone saw;
- *shown letters* are what a learner sees for one instance: ``Question.choices``,
  the letters of a click, ``Feedback.chosen`` and ``Feedback.answer``, the daily
  summary's answer.

Without an instance (``explain <question id>``) the order is the bank's, and so
it is for instances created before shuffling existed (``shuffled`` 0 in their
row): a button posted then still means what it showed. True/false questions
keep True, False.
"""

from __future__ import annotations

import hashlib
import random
from functools import lru_cache
from typing import Any, Iterable, Mapping

from bot.core.messages import Choice
from bot.core.bank import LETTERS, BankQuestion


def seed(row: Mapping[str, Any]) -> str | None:
    """What orders an instance row's options: its id, or None (the bank's order) for an
    instance created before shuffling."""
    return row["id"] if row.get("shuffled", 1) else None


@lru_cache(maxsize=65_536)  # one answer reads its instance's order several times
def order(instance: str | None, count: int, kind: str = "single") -> tuple[int, ...]:
    """``order[i]`` is the bank index of the option shown at position ``i``."""
    positions = list(range(count))
    if instance and kind != "truefalse":
        number = int.from_bytes(hashlib.sha256(instance.encode()).digest()[:8], "big")
        random.Random(number).shuffle(positions)
    return tuple(positions)


def _order(question: BankQuestion, instance: str | None) -> tuple[int, ...]:
    return order(instance, len(question.options), question.kind)


def choices(question: BankQuestion, instance: str | None) -> tuple[Choice, ...]:
    """The options as shown for ``instance``, lettered A, B, C... in shown order."""
    return _lettered(question.options, _order(question, instance))


@lru_cache(maxsize=4096)  # every click on one daily post reads the same choices
def _lettered(options: tuple[str, ...], positions: tuple[int, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(LETTERS[shown], options[at]) for shown, at in enumerate(positions))


def to_bank(letters: Iterable[str], question: BankQuestion, instance: str | None) -> tuple[str, ...]:
    """Shown letters (valid ones) -> bank letters, sorted."""
    return _to_bank(tuple(letters), _order(question, instance))


def to_shown(letters: Iterable[str], question: BankQuestion, instance: str | None) -> tuple[str, ...]:
    """Bank letters -> the letters ``instance`` showed them under, sorted."""
    return _to_shown(tuple(letters), _order(question, instance))


def key(question: BankQuestion, instance: str | None) -> tuple[Choice, ...]:
    """The right options with the letters ``instance`` showed them under, in shown order."""
    return _key(question.options, question.answers, _order(question, instance))


def picked(letters: Iterable[str], question: BankQuestion, instance: str | None) -> tuple[Choice, ...]:
    """The options shown letters name, with their text, in shown order."""
    return _picked(question.options, tuple(letters), _order(question, instance))


# every click on one instance maps the same letters: each mapping is worked out once (an answer
# reads its instance's order five times, and a daily post's clicks all share one instance)
@lru_cache(maxsize=65_536)
def _to_bank(letters: tuple[str, ...], at: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(sorted(LETTERS[at[LETTERS.index(s)]] for s in letters))


@lru_cache(maxsize=65_536)
def _to_shown(letters: tuple[str, ...], at: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(sorted(LETTERS[at.index(LETTERS.index(b))] for b in letters))


@lru_cache(maxsize=4096)
def _key(options: tuple[str, ...], answers: tuple[str, ...], at: tuple[int, ...]) -> tuple[Choice, ...]:
    return _picked(options, _to_shown(answers, at), at)


@lru_cache(maxsize=4096)
def _picked(options: tuple[str, ...], shown: tuple[str, ...], at: tuple[int, ...]) -> tuple[Choice, ...]:
    return tuple(c for c in _lettered(options, at) if c.letter in shown)
