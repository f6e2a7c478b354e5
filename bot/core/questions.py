"""The question bank: written questions (TOML) and questions generated from the notes.

Contract shared by the loader, the generator and the quiz engine. Written
questions live in ``content/questions/*.toml``; see ``content/questions/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class BankQuestion:
    id: str  # stable: history hangs on it
    topic: str  # a section of the notes, e.g. "RDS"
    kind: str  # "single" | "multi" | "truefalse"
    stem: str
    options: tuple[str, ...]
    answers: tuple[str, ...]  # letters, e.g. ("B",) or ("A", "D")
    explanation: str
    passages: tuple[str, ...]  # ids of the passages it comes from
    generated: bool = False
    source: str = ""  # "rds.toml:12" or "generated"

    @property
    def pick(self) -> int:
        return len(self.answers)
