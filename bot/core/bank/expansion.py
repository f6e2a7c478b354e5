"""What the question bank adds to the passage it comes from (doc2query style).

A written question says in exam words what a passage is about: "virtual
drives attached to the virtual machines" for EBS, "pool and share connections"
for RDS Proxy. Its stem and its correct option(s) become extra text of the
first passage it cites (where the answer is; a second one is context, such as
the security group an EFS question mentions), indexed at a lower weight than
the notes themselves, so a learner who words a query the way exams do still
reaches the passage.

The distractors and the explanation are left out: they name the wrong
answers ("A read replica only scales reads") and would pull the passage
towards them. True/false options carry no words; the statement is kept
even when it is false, since it is still about the cited passage.
"""

from __future__ import annotations

from typing import Iterable

from bot.core.bank.questions import CHOOSE_TWO, TRUE_FALSE, BankQuestion


def expansions(questions: Iterable[BankQuestion]) -> dict[str, list[str]]:
    """Passage id -> the texts written questions add to it, in bank order."""
    out: dict[str, list[str]] = {}
    for q in questions:
        if q.generated or not q.passages:  # made from the notes: nothing they do not say
            continue
        text = " ".join([q.stem.replace(CHOOSE_TWO, " "),
                         *(o for o in q.correct if o not in TRUE_FALSE)])
        out.setdefault(q.passages[0], []).append(text)
    return out
