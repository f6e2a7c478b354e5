"""A process killed with SIGKILL during a burst of answers loses no answer it acknowledged.

``answer_burst.py`` records answers through the real core on a file database
and prints each one after the core returned its feedback. The test kills it
mid-burst, restarts it on the same file (a second burst), kills it again, and
then finds every acknowledged answer in the database.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import db
from db.store import Store

WORKER = Path(__file__).resolve().parent / "answer_burst.py"


async def burst_then_kill(path: Path, run: str, acks_before_kill: int) -> list[tuple[str, str]]:
    """Start a burst, SIGKILL it once it has acknowledged ``acks_before_kill`` answers; return every ack."""
    proc = await asyncio.create_subprocess_exec(sys.executable, str(WORKER), str(path), run,
                                                stdout=asyncio.subprocess.PIPE)
    acks: list[tuple[str, str]] = []
    try:
        assert (await asyncio.wait_for(proc.stdout.readline(), 30)).strip() == b"ready"
        while len(acks) < acks_before_kill:
            line = await asyncio.wait_for(proc.stdout.readline(), 30)
            assert line, "the burst ended early"
            acks.append(tuple(line.decode().split()[1:]))
        proc.send_signal(signal.SIGKILL)  # mid-transaction, most likely
        rest, _ = await proc.communicate()  # acks already in the pipe count too
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    acks += [tuple(line.split()[1:]) for line in rest.decode().splitlines() if line.startswith("ack ")]
    assert proc.returncode == -signal.SIGKILL
    return acks


async def test_every_acknowledged_answer_survives_a_sigkill_and_a_restart(tmp_path):
    path = tmp_path / "dva.db"
    acked = await burst_then_kill(path, "first", 300)
    acked += await burst_then_kill(path, "second", 300)  # the restart works on what the kill left
    store = Store(db.connect(path))
    missing = [(instance, user) for instance, user in acked
               if store.answer_of(instance, store.find_learner("test", "G1", user)) is None]
    assert len(acked) >= 600 and missing == []
