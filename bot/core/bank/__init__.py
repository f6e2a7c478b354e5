"""The question bank: written questions from TOML, generated ones from the notes, the gate.

What other packages may use: the ``BankQuestion`` record, loading and
validating the written bank, generating questions with the quality gate's
verdicts, the gate's ``score`` for the daily post, and the texts written
questions add to the passages they cite (``expansions``).
"""

from bot.core.bank import domains
from bot.core.bank.domains import Guide
from bot.core.bank.gate import GOOD, check, score
from bot.core.bank.generator import candidates, generate
from bot.core.bank.kept import KeptQuestions, kept
from bot.core.bank.questions import (
    CHOOSE_TWO,
    expansions,
    LETTERS,
    TRUE_FALSE,
    BankQuestion,
    load_bank,
    parse_bank,
    validate,
)

__all__ = ["CHOOSE_TWO", "GOOD", "Guide", "KeptQuestions", "domains", "kept", "LETTERS", "TRUE_FALSE", "BankQuestion", "candidates", "check",
           "expansions", "generate", "load_bank", "parse_bank", "score", "validate"]
