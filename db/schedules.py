"""SQL for the daily question (a mixin of ``db.store.Store``).

``schedules`` is what admins set; ``daily_posts`` is one row per slot. A slot
is claimed by inserting its row before anything is sent: ``UNIQUE(target,
slot)`` with ``ON CONFLICT DO NOTHING`` lets exactly one claimer win, whether
the other is a second fire of the same trigger, a restarted process or another
process on the same database (SQLite here, PostgreSQL the same way). Closing
the previous post is claimed the same way (``closed_at IS NULL`` in the WHERE).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from db.base import WHO, Connected, iso, parse_iso

_SCHEDULE_COLUMNS = ("target, platform, group_id, target_name, time, timezone, weekdays, topic, set_by, updated_at,"
                     " recap_day, recap_time")


class ScheduleStore(Connected):

    # --- schedules -------------------------------------------------------------

    def save_schedule(self, target: str, platform: str, group: str, time: str, tz: str,
                      weekdays: str, topic: str | None, target_name: str, set_by: str,
                      now: datetime, recap_day: int = 0, recap_time: str | None = None) -> None:
        """Create or replace the schedule of ``target`` (with its weekly recap's day and time)."""
        self.conn.execute(
            f"INSERT INTO schedules ({_SCHEDULE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(target) DO UPDATE SET platform=excluded.platform, group_id=excluded.group_id,"
            " target_name=excluded.target_name, time=excluded.time, timezone=excluded.timezone,"
            " weekdays=excluded.weekdays, topic=excluded.topic, set_by=excluded.set_by,"
            " updated_at=excluded.updated_at, recap_day=excluded.recap_day, recap_time=excluded.recap_time",
            (target, platform, group, target_name, time, tz, weekdays, topic, set_by, iso(now), recap_day,
             recap_time),
        )

    def delete_schedule(self, target: str) -> bool:
        return self.conn.execute("DELETE FROM schedules WHERE target = ?", (target,)).rowcount == 1

    def schedule_row(self, target: str) -> dict[str, Any] | None:
        rows = self._schedule_rows("WHERE target = ?", (target,))
        return rows[0] if rows else None

    def schedule_rows(self) -> list[dict[str, Any]]:
        return self._schedule_rows("ORDER BY target", ())

    def _schedule_rows(self, where: str, params: tuple) -> list[dict[str, Any]]:
        cursor = self.conn.execute(f"SELECT {_SCHEDULE_COLUMNS} FROM schedules {where}", params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        for row in rows:
            row["updated_at"] = parse_iso(row["updated_at"])
        return rows

    # --- daily posts -------------------------------------------------------------

    def claim_slot(self, target: str, slot: str, due_at: datetime, now: datetime) -> bool:
        """Claim one slot before sending; False when someone already has it."""
        cursor = self.conn.execute(
            "INSERT INTO daily_posts (target, slot, due_at, claimed_at) VALUES (?,?,?,?)"
            " ON CONFLICT(target, slot) DO NOTHING",
            (target, slot, iso(due_at), iso(now)),
        )
        return cursor.rowcount == 1

    def is_claimed(self, target: str, slot: str) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM daily_posts WHERE target = ? AND slot = ?", (target, slot)
        ).fetchone() is not None

    def set_slot_question(self, target: str, slot: str, question_id: str, instance_id: str) -> None:
        self.conn.execute(
            "UPDATE daily_posts SET question_id = ?, instance_id = ? WHERE target = ? AND slot = ?",
            (question_id, instance_id, target, slot),
        )

    def set_slot_posted(self, target: str, slot: str, ref: str | None, now: datetime) -> None:
        self.conn.execute(
            "UPDATE daily_posts SET ref = ?, posted_at = ? WHERE target = ? AND slot = ?",
            (ref, iso(now), target, slot),
        )

    def open_daily_posts(self, target: str) -> list[dict[str, Any]]:
        """Posts of ``target`` with a question that are not closed yet, oldest first."""
        cursor = self.conn.execute(
            "SELECT target, slot, question_id, instance_id, ref, posted_at FROM daily_posts"
            " WHERE target = ? AND instance_id IS NOT NULL AND closed_at IS NULL ORDER BY id",
            (target,),
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def close_daily_post(self, target: str, slot: str, now: datetime) -> bool:
        """Mark a post closed; True for the one caller that closed it."""
        cursor = self.conn.execute(
            "UPDATE daily_posts SET closed_at = ? WHERE target = ? AND slot = ? AND closed_at IS NULL",
            (iso(now), target, slot),
        )
        return cursor.rowcount == 1

    def daily_history(self, target: str) -> list[str]:
        """Question ids posted in ``target``, oldest first."""
        rows = self.conn.execute(
            "SELECT question_id FROM daily_posts WHERE target = ? AND question_id IS NOT NULL ORDER BY id",
            (target,),
        ).fetchall()
        return [r[0] for r in rows]

    # --- the weekly recap -----------------------------------------------------------------

    def group_week(self, group: str, first_day: str, last_day: str, top: int = 5) -> dict[str, Any]:
        """A group's answers over local days ``first_day``..``last_day`` (ISO dates): per topic
        (topic, answered, correct), the most-missed question (id, wrong, answered), and the
        ``top`` learners by points over those days."""
        topics = [tuple(r) for r in self.conn.execute(
            "SELECT topic, COUNT(*), SUM(correct) FROM answers WHERE group_id = ? AND day BETWEEN ? AND ?"
            " GROUP BY topic ORDER BY topic", (group, first_day, last_day)).fetchall()]
        missed = self.conn.execute(
            "SELECT question_id, SUM(1 - correct) AS wrong, COUNT(*) FROM answers"
            " WHERE group_id = ? AND day BETWEEN ? AND ? GROUP BY question_id"
            " HAVING SUM(1 - correct) > 0 ORDER BY wrong DESC, COUNT(*) DESC, question_id LIMIT 1",
            (group, first_day, last_day)).fetchone()
        learners = self._rows(
            f"SELECT l.id AS learner_id, {WHO}, SUM(a.points) AS points,"
            " COUNT(*) AS answered, SUM(a.correct) AS correct FROM answers a JOIN learners l ON l.id = a.learner_id"
            " WHERE a.group_id = ? AND a.day BETWEEN ? AND ? GROUP BY l.id"
            " ORDER BY points DESC, correct DESC, l.name LIMIT ?", (group, first_day, last_day, top))
        return {"topics": topics, "missed": tuple(missed) if missed else None, "learners": learners}

    # --- reminders -----------------------------------------------------------------------

    def set_reminder(self, learner_id: int, time: str | None, now: datetime) -> bool:
        """Turn a learner's daily reminder on at ``time`` (local HH:MM) or off (None); False when
        turning off one that was not on."""
        if time is None:
            return self.conn.execute("DELETE FROM reminders WHERE learner_id = ?", (learner_id,)).rowcount == 1
        self.conn.execute(
            "INSERT INTO reminders (learner_id, time, set_at) VALUES (?,?,?)"
            " ON CONFLICT(learner_id) DO UPDATE SET time = excluded.time, set_at = excluded.set_at",
            (learner_id, time, iso(now)))
        return True

    def reminder_rows(self) -> list[dict[str, Any]]:
        """Every reminder that is on, with who it is for and the group's timezone."""
        return self._rows(
            f"SELECT r.learner_id, r.time, {WHO},"
            " COALESCE(g.timezone, 'UTC') AS timezone FROM reminders r JOIN learners l ON l.id = r.learner_id"
            " LEFT JOIN groups g ON g.id = l.group_id ORDER BY r.learner_id")

    def claim_reminder(self, learner_id: int, day: str, now: datetime) -> bool:
        """Claim the day's reminder before sending it; False when it was already sent."""
        return self.conn.execute(
            "INSERT INTO reminders_sent (learner_id, day, sent_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            (learner_id, day, iso(now))).rowcount == 1
