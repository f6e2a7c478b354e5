"""A process recording a burst of answers through the core on a file database (for test_durability).

``python answer_burst.py DB RUN``: answers as fast as it can, printing
``ack <instance> <user>`` only after the core has returned the feedback, i.e.
after the answer's transaction committed. The test SIGKILLs it mid-burst.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import db  # noqa: E402
from bot.core.messages import Answer, Feedback, Learner  # noqa: E402
from bot.core.quiz.practice import Practice  # noqa: E402
from db.store import Store  # noqa: E402
from quiz_kit import QUESTIONS, library  # noqa: E402

START = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


def main(path: str, run: str, limit: int = 1_000_000) -> None:
    store = Store(db.connect(path))
    practice = Practice(store, library(), list(QUESTIONS), rng=random.Random(run))
    print("ready", flush=True)
    for n in range(limit):
        who = Learner("test", "G1", f"{run}-u{n % 500}")
        now = START + timedelta(milliseconds=n)
        question = practice.new_instance(QUESTIONS[n % len(QUESTIONS)].id, who, "G1", "practice", None, now, None)
        correct = QUESTIONS[n % len(QUESTIONS)].correct
        letters = tuple(c.letter for c in question.choices if c.text in correct)  # as this instance shows them
        [reply] = practice.handle(Answer(who, question.instance, letters, event=f"{run}-e{n}"), now)
        if isinstance(reply, Feedback) and reply.counted:
            print(f"ack {question.instance} {who.user}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
