"""A process recording bursts of answers through the core on a file database (for test_durability).

``python answer_burst.py DB RUN``: answers as fast as it can, in bursts of
``TOGETHER`` clicks arriving in one turn of the event loop, as ``dva serve``
gets them: through ``GroupCommit``, so a burst is one transaction. It prints
``ack <instance> <user>`` only when the core's feedback came back, i.e. after
the transaction holding the answer committed. The test SIGKILLs it mid-burst.
"""

from __future__ import annotations

import asyncio
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import db  # noqa: E402
from bot.core.messages import Answer, Feedback, Learner  # noqa: E402
from bot.core.quiz.practice import Practice  # noqa: E402
from bot.group_commit import GroupCommit  # noqa: E402
from db.store import Store  # noqa: E402
from quiz_kit import QUESTIONS, library  # noqa: E402

TOGETHER = 25
START = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


async def main(path: str, run: str, limit: int = 1_000_000) -> None:
    store = Store(db.connect(path))
    practice = Practice(store, library(), list(QUESTIONS), rng=random.Random(run))
    core = GroupCommit(practice, store.transaction, store.batch)
    print("ready", flush=True)

    async def click(n: int) -> None:
        who = Learner("test", "G1", f"{run}-u{n % 500}")
        now = START + timedelta(milliseconds=n)
        question = practice.new_instance(QUESTIONS[n % len(QUESTIONS)].id, who, "G1", "practice", None, now, None)
        correct = QUESTIONS[n % len(QUESTIONS)].correct
        letters = tuple(c.letter for c in question.choices if c.text in correct)  # as this instance shows them
        [reply] = await core.handled(Answer(who, question.instance, letters, event=f"{run}-e{n}"), now)
        if isinstance(reply, Feedback) and reply.counted:
            print(f"ack {question.instance} {who.user}", flush=True)

    for start in range(0, limit, TOGETHER):
        await asyncio.gather(*(click(n) for n in range(start, min(limit, start + TOGETHER))))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000))
