"""SQL for mock exams and reported questions (a mixin of ``db.store.Store``).

An exam is a row and its items, written when it starts, so it survives a
restart: choices and flags are updated in place until it finishes. A learner
has at most one running exam (a partial unique index). Finishing is claimed
with ``finished_at IS NULL`` in the WHERE, so an exam is scored once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from db.base import WHO, Connected, iso, parse_iso


class ExamStore(Connected):

    # --- exams ---------------------------------------------------------------------

    def create_exam(self, exam_id: str, learner_id: int, group: str, started_at: datetime,
                    ends_at: datetime, items: Iterable[tuple[str, str]]) -> bool:
        """A new running exam with its (question id, instance id) items in order; False when
        the learner already has one running."""
        items = list(items)
        cursor = self.conn.execute(
            "INSERT INTO exams (id, learner_id, group_id, size, started_at, ends_at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            (exam_id, learner_id, group, len(items), iso(started_at), iso(ends_at)),
        )
        if cursor.rowcount == 0:
            return False
        self.conn.executemany(
            "INSERT INTO exam_items (exam_id, position, question_id, instance_id) VALUES (?,?,?,?)",
            [(exam_id, n, question_id, instance_id) for n, (question_id, instance_id) in enumerate(items, 1)],
        )
        return True

    def running_exam(self, learner_id: int) -> dict[str, Any] | None:
        return self._exam("learner_id = ? AND finished_at IS NULL", (learner_id,))

    def exam(self, exam_id: str) -> dict[str, Any] | None:
        return self._exam("id = ?", (exam_id,))

    def exam_of_instance(self, instance_id: str) -> dict[str, Any] | None:
        return self._exam("id = (SELECT exam_id FROM exam_items WHERE instance_id = ?)", (instance_id,))

    def last_exam(self, learner_id: int) -> dict[str, Any] | None:
        return self._exam("learner_id = ? ORDER BY started_at DESC LIMIT 1", (learner_id,))

    def exam_items(self, exam_id: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT position, question_id, instance_id, chosen, flagged FROM exam_items"
            " WHERE exam_id = ? ORDER BY position", (exam_id,))
        for row in rows:
            row["flagged"] = bool(row["flagged"])
        return rows

    def set_exam_choice(self, exam_id: str, position: int, chosen: str) -> None:
        self.conn.execute("UPDATE exam_items SET chosen = ? WHERE exam_id = ? AND position = ?",
                          (chosen, exam_id, position))

    def set_exam_flag(self, exam_id: str, position: int, flagged: bool) -> None:
        self.conn.execute("UPDATE exam_items SET flagged = ? WHERE exam_id = ? AND position = ?",
                          (int(flagged), exam_id, position))

    def finish_exam(self, exam_id: str, finished_at: datetime, timed_out: bool) -> bool:
        """Close a running exam; False when it was already finished (it is scored once)."""
        cursor = self.conn.execute(
            "UPDATE exams SET finished_at = ?, timed_out = ? WHERE id = ? AND finished_at IS NULL",
            (iso(finished_at), int(timed_out), exam_id),
        )
        return cursor.rowcount == 1

    def _exam(self, where: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        row = self._row(
            "SELECT id, learner_id, group_id, size, started_at, ends_at, finished_at, timed_out FROM exams"
            f" WHERE {where}", params)
        if row is not None:
            for name in ("started_at", "ends_at", "finished_at"):
                row[name] = parse_iso(row[name])
            row["timed_out"] = bool(row["timed_out"])
        return row

    # --- reported questions ---------------------------------------------------------------

    def add_report(self, question_id: str, learner_id: int, reason: str, now: datetime) -> bool:
        """Record a report; False when this learner already reports this question (uncleared)."""
        if self._row("SELECT 1 AS x FROM reports WHERE question_id = ? AND learner_id = ? AND cleared_at IS NULL",
                     (question_id, learner_id)):
            return False
        self.conn.execute(
            "INSERT INTO reports (question_id, learner_id, reason, reported_at) VALUES (?,?,?,?)",
            (question_id, learner_id, reason, iso(now)),
        )
        return True

    def reports(self) -> list[dict[str, Any]]:
        """Open reports, oldest first, with who made them."""
        rows = self._rows(
            f"SELECT r.question_id, r.reason, r.reported_at, {WHO}"
            " FROM reports r JOIN learners l ON l.id = r.learner_id WHERE r.cleared_at IS NULL ORDER BY r.id")
        for row in rows:
            row["reported_at"] = parse_iso(row["reported_at"])
        return rows

    def held_questions(self, reporters: int) -> set[str]:
        """Questions with open reports from at least ``reporters`` different learners."""
        rows = self.conn.execute(
            "SELECT question_id FROM reports WHERE cleared_at IS NULL GROUP BY question_id"
            " HAVING COUNT(DISTINCT learner_id) >= ?", (reporters,)).fetchall()
        return {r[0] for r in rows}

    def clear_reports(self, question_id: str, now: datetime) -> int:
        cursor = self.conn.execute(
            "UPDATE reports SET cleared_at = ? WHERE question_id = ? AND cleared_at IS NULL",
            (iso(now), question_id))
        return cursor.rowcount
