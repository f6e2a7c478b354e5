"""How a generated question is put together: its id, its options' order, its record.

Shared by every maker of generated questions (``generator``, ``tables``), so a
question's id and option order are made one way wherever it comes from: an id
hashes the passage, the shape and the fact, so it survives edits around it.
"""

from __future__ import annotations

import hashlib
from typing import Sequence

from bot.core.bank import questions as bank
from bot.core.bank.questions import BankQuestion


def single(p, shape: str, fact: str, stem: str, answer: str, distractors: Sequence[str],
           why: str) -> BankQuestion:
    """A one-answer question on passage ``p`` with three of ``distractors``."""
    qid = ident(p.id, shape, fact)
    options, answers = place(qid, [answer], list(distractors[:3]))
    return BankQuestion(id=qid, topic=p.section, kind="single", stem=stem, options=tuple(options),
                        answers=answers, explanation=why, passages=(p.id,), generated=True,
                        source="generated", shape=shape)


def ident(passage_id: str, shape: str, fact: str) -> str:
    return "g-" + digest(f"{passage_id}|{shape}|{fact.lower()}")[:10]


def place(qid: str, right: list[str], wrong: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Options in an order fixed by the id; the letters of the right ones."""
    options = sorted([*right, *wrong], key=lambda o: digest(qid + o))
    return options, tuple(sorted(bank.LETTERS[options.index(r)] for r in right))


def pick(seed: str, n: int, k: int) -> list[int]:
    """``k`` of ``range(n)``, the same ones for the same seed."""
    return sorted(range(n), key=lambda i: digest(f"{seed}|{i}"))[:k]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
