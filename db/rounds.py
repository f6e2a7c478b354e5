"""SQL for timed rounds in a channel (a mixin of ``db.store.Store``).

A round and its questions are rows, so a restart resumes it (or closes it with
its results); one round runs per channel (a partial unique index); each step
(showing a question, closing it) is claimed with a ``WHERE`` on its state, so
two processes never post the same step twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from db.base import WHO, Connected, iso, parse_iso


class RoundStore(Connected):

    def create_round(self, round_id: str, target: str, group: str, seconds: int, topic: str | None,
                     solo: bool, questions: Iterable[str], now: datetime) -> bool:
        questions = list(questions)
        cursor = self.conn.execute(
            "INSERT INTO rounds (id, target, group_id, size, seconds, topic, solo, started_at)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (round_id, target, group, len(questions), seconds, topic, int(solo), iso(now)))
        if cursor.rowcount == 0:
            return False
        self.conn.executemany("INSERT INTO round_items (round_id, position, question_id) VALUES (?,?,?)",
                              [(round_id, n, q) for n, q in enumerate(questions, 1)])
        return True

    def running_round(self, target: str) -> dict[str, Any] | None:
        return self._round("target = ? AND finished_at IS NULL", (target,))

    def running_rounds(self) -> list[dict[str, Any]]:
        rows = self._rows("SELECT id FROM rounds WHERE finished_at IS NULL ORDER BY started_at")
        return [r for row in rows if (r := self._round("id = ?", (row["id"],))) is not None]

    def round_of_instance(self, instance_id: str) -> dict[str, Any] | None:
        return self._round("id = (SELECT round_id FROM round_items WHERE instance_id = ?)", (instance_id,))

    def round_items(self, round_id: str) -> list[dict[str, Any]]:
        rows = self._rows("SELECT position, question_id, instance_id, closed_at FROM round_items"
                          " WHERE round_id = ? ORDER BY position", (round_id,))
        for row in rows:
            row["closed_at"] = parse_iso(row["closed_at"])
        return rows

    def show_round_item(self, round_id: str, position: int, instance_id: str) -> bool:
        """Claim showing question ``position``; False when it was already shown."""
        return self.conn.execute(
            "UPDATE round_items SET instance_id = ? WHERE round_id = ? AND position = ? AND instance_id IS NULL",
            (instance_id, round_id, position)).rowcount == 1

    def close_round_item(self, round_id: str, position: int, now: datetime) -> bool:
        """Claim closing question ``position``; False when it was already closed."""
        return self.conn.execute(
            "UPDATE round_items SET closed_at = ? WHERE round_id = ? AND position = ? AND closed_at IS NULL",
            (iso(now), round_id, position)).rowcount == 1

    def finish_round(self, round_id: str, now: datetime) -> bool:
        return self.conn.execute("UPDATE rounds SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                                 (iso(now), round_id)).rowcount == 1

    def instance_answers(self, instance_id: str) -> list[dict[str, Any]]:
        """Everyone's answer to an instance, in order of answer, with who they are."""
        rows = self._rows(
            f"SELECT {WHO}, a.correct, a.points, a.answered_at FROM answers a"
            " JOIN learners l ON l.id = a.learner_id WHERE a.instance_id = ? ORDER BY a.answered_at, a.id",
            (instance_id,))
        for row in rows:
            row["correct"] = bool(row["correct"])
            row["answered_at"] = parse_iso(row["answered_at"])
        return rows

    def _round(self, where: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        row = self._row("SELECT id, target, group_id, size, seconds, topic, solo, started_at, finished_at"
                        f" FROM rounds WHERE {where}", params)
        if row is not None:
            row["solo"] = bool(row["solo"])
            row["started_at"], row["finished_at"] = parse_iso(row["started_at"]), parse_iso(row["finished_at"])
        return row
