"""Generated questions kept in the store for the notes they came from.

Generating is the slow part of a start on big notes; the questions are kept
under a hash of the passages, the lexicon's files and this package's code, so
every later start (and every other process) reads them back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Protocol, Sequence

from bot.core.bank.generator import generate
from bot.core.bank.questions import BankQuestion
from bot.core.lookup import lexicon as lexicons
from bot.core.lookup import notes

class KeptQuestions(Protocol):
    """Where generated questions are kept between starts (``db``'s notes store)."""

    def generated_questions(self, key: str) -> list[dict] | None: ...
    def save_generated_questions(self, key: str, questions: list[dict], now: datetime) -> None: ...


def _from_record(row: dict) -> BankQuestion:
    return BankQuestion(
        id=str(row["id"]), topic=str(row["topic"]), kind=str(row["kind"]), stem=str(row["stem"]),
        options=tuple(row["options"]), answers=tuple(row["answers"]), explanation=str(row["explanation"]),
        passages=tuple(row["passages"]), generated=bool(row["generated"]), source=str(row["source"]),
        shape=str(row["shape"]), domain=str(row.get("domain", "")), background=bool(row.get("background", False)))


_SOURCE = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()


def kept(passages: Sequence[notes.Passage], lexicon: lexicons.Lexicon, lexicon_key: str, store: KeptQuestions,
         now: datetime) -> list[BankQuestion]:
    """``generate``, computed once for given notes: kept in the store under a hash of the
    passages, the lexicon's files (``lexicon_key``) and this package's code, so every later
    start (and every other process) reads them back instead of generating again."""
    digest = hashlib.sha256(f"{_SOURCE}|{lexicon_key}".encode())
    for p in passages:
        digest.update(f"\x00{p.id}\x00{' › '.join(p.heading)}\x00{p.document}\x00{p.text}".encode())
    key = digest.hexdigest()
    rows = store.generated_questions(key)
    if rows is not None:
        return [_from_record(row) for row in rows]
    made = generate(passages, lexicon)
    store.save_generated_questions(key, [asdict(q) for q in made], now)
    return made
