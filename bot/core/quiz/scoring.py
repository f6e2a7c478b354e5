"""The mock exam's arithmetic: which questions it draws, and the score it reports.

AWS does not publish how it turns answers into the scaled score of 100–1000
(it equates forms of different difficulty), nor its 15 unscored questions. The
bot uses the simplest honest mapping and says so in every report:

    score = 100 + 900 × (right answers ÷ questions), rounded

so 720, the pass line, is about 69% right. Each domain is judged the same way on
its own questions: "Meets competencies" at 720 or more, else "Needs improvement",
the two words AWS's score report uses.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Sequence

from bot.core.bank import BankQuestion, Guide

SCALING = ("Scaled as 100 + 900 × share right (720 ≈ 69% right). AWS does not publish its own "
           "scaling, so read this as an estimate, not a prediction.")


def scaled(right: int, total: int) -> int:
    return 100 + round(900 * right / total) if total else 100


def quotas(guide: Guide, size: int, available: dict[str, int]) -> dict[str, int]:
    """How many questions each domain gets: by weight (largest remainder), then what a
    domain cannot fill goes to the others, heaviest first."""
    exact = {d.key: size * d.weight / 100 for d in guide.domains}
    counts = {k: int(v) for k, v in exact.items()}
    for key in sorted(exact, key=lambda k: (counts[k] - exact[k], -exact[k]))[:size - sum(counts.values())]:
        counts[key] += 1
    short = 0
    for key in counts:
        if counts[key] > available.get(key, 0):
            short += counts[key] - available.get(key, 0)
            counts[key] = available.get(key, 0)
    for d in sorted(guide.domains, key=lambda d: -d.weight):
        extra = min(short, available.get(d.key, 0) - counts[d.key])
        counts[d.key] += extra
        short -= extra
    return counts


def draw(questions: Sequence[BankQuestion], guide: Guide, size: int, rng: random.Random,
         held: set[str] = frozenset()) -> list[BankQuestion]:  # type: ignore[assignment]
    """``size`` questions by domain weight: written ones first, then generated ones (which
    passed the quality gate to be in the bank); never background or held-out questions.
    The order is shuffled, as the exam mixes its domains."""
    pools: dict[str, list[BankQuestion]] = defaultdict(list)
    for q in sorted(questions, key=lambda q: q.id):
        if not q.background and q.id not in held:
            pools[q.domain or guide.domain_of(q.topic)].append(q)
    for pool in pools.values():
        rng.shuffle(pool)
        pool.sort(key=lambda q: q.generated)  # stable: written first, each kind shuffled
    counts = quotas(guide, size, {k: len(v) for k, v in pools.items()})
    chosen = [q for key, n in counts.items() for q in pools[key][:n]]
    rng.shuffle(chosen)
    return chosen
