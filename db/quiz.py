"""SQL for the quiz engine (a mixin of ``db.store.Store``): the bank, groups, instances, standings.

What an answer reads and writes (learners, answers, counters, review cards) is
``db.answers``. Times are stored as UTC ISO 8601 text of one fixed shape, so
they compare as strings.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable

from db.base import WHO, Connected, iso, parse_iso


class QuizStore(Connected):
    # --- questions ------------------------------------------------------------

    def question_sources(self) -> dict[str, str]:
        """Question id -> the file (and line) it was last loaded from: who owns each id."""
        return dict(self.conn.execute("SELECT id, source FROM questions WHERE generated = 0"))

    def sync_questions(self, questions: Iterable[Any]) -> int:
        """Upsert the bank (objects with BankQuestion's fields); the rest become inactive."""
        rows = [
            (q.id, q.topic, q.kind, q.stem, json.dumps(list(q.options)), json.dumps(list(q.answers)),
             q.explanation, json.dumps(list(q.passages)), int(q.generated), q.source)
            for q in questions
        ]
        with self.transaction():
            self.conn.execute("UPDATE questions SET active = 0")
            self.conn.executemany(
                "INSERT INTO questions (id, topic, kind, stem, options, answers, explanation, passages,"
                " generated, source, active) VALUES (?,?,?,?,?,?,?,?,?,?,1)"
                " ON CONFLICT(id) DO UPDATE SET topic=excluded.topic, kind=excluded.kind,"
                " stem=excluded.stem, options=excluded.options, answers=excluded.answers,"
                " explanation=excluded.explanation, passages=excluded.passages,"
                " generated=excluded.generated, source=excluded.source, active=1",
                rows,
            )
        return len(rows)

    # --- learners (created by ``db.answers``) and groups ------------------------------

    def find_learner(self, platform: str, group: str, user: str) -> int | None:
        row = self.conn.execute(
            'SELECT id FROM learners WHERE platform=? AND group_id=? AND "user"=?', (platform, group, user)
        ).fetchone()
        return row[0] if row else None

    def group_timezone(self, group: str) -> str:
        """The group's timezone name ("UTC" until one is set); read once per write transaction."""
        def read() -> str:
            row = self.conn.execute("SELECT timezone FROM groups WHERE id = ?", (group,)).fetchone()
            return row[0] if row else "UTC"
        return self._kept(("timezone", group), read)

    def set_group_timezone(self, group: str, tz: str) -> None:
        self.conn.execute(
            "INSERT INTO groups (id, timezone) VALUES (?, ?)"
            " ON CONFLICT(id) DO UPDATE SET timezone = excluded.timezone",
            (group, tz),
        )
        self._keep(("timezone", group), tz)

    # --- instances ----------------------------------------------------------------

    def add_instance(self, instance_id: str, question_id: str, learner_id: int | None, group: str,
                     mode: str, target: str | None, created_at: datetime,
                     closes_at: datetime | None) -> None:
        self.conn.execute(
            "INSERT INTO instances (id, question_id, learner_id, group_id, mode, target, created_at,"
            " closes_at) VALUES (?,?,?,?,?,?,?,?)",
            (instance_id, question_id, learner_id, group, mode, target, iso(created_at), iso(closes_at)),
        )

    def instance(self, instance_id: str) -> dict[str, Any] | None:
        row = self._row("SELECT * FROM instances WHERE id = ?", (instance_id,))
        if row:
            row["created_at"] = parse_iso(row["created_at"])
            row["closes_at"] = parse_iso(row["closes_at"])
        return row

    def recent_questions(self, learner_id: int, limit: int) -> list[str]:
        """Question ids served to this learner, newest first."""
        rows = self.conn.execute(
            "SELECT question_id FROM instances WHERE learner_id = ? ORDER BY created_at DESC LIMIT ?",
            (learner_id, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def open_daily(self, question_id: str, now: datetime) -> bool:
        """Whether a showing of this question to a channel (the daily question, a timed round)
        is still open somewhere: its answer is not given away before it closes."""
        return self.conn.execute(
            "SELECT 1 FROM instances WHERE question_id = ? AND mode IN ('daily', 'round')"
            " AND (closes_at IS NULL OR closes_at > ?) LIMIT 1",  # NULL: it never closes
            (question_id, iso(now)),
        ).fetchone() is not None

    # --- leaderboards and stats --------------------------------------------------------

    def top_scores(self, group: str, period: str, limit: int) -> list[dict[str, Any]]:
        """The period's top ``limit`` rows by points, plus any that tie with the last of them.

        Two top-N passes over the period's rows (one per learner); SQLite's
        window RANK() sorts them all and measured several times slower.
        """
        floor = self.conn.execute(
            "SELECT points FROM scores WHERE group_id = ? AND period = ?"
            " ORDER BY points DESC LIMIT 1 OFFSET ?",
            (group, period, limit - 1),
        ).fetchone()
        return self._rows(
            f"SELECT s.learner_id, s.points, s.answered, s.correct, {WHO}"
            " FROM scores s JOIN learners l ON l.id = s.learner_id"
            " WHERE s.group_id = ? AND s.period = ? AND s.points >= ?"
            ' ORDER BY s.points DESC, l.name, l."user"',
            (group, period, floor[0] if floor else -(2**62)),
        )

    def count_above(self, group: str, period: str, points: int) -> int:
        """How many learners have more points than ``points`` in the period (rank - 1)."""
        return self.conn.execute(
            "SELECT COUNT(*) FROM scores WHERE group_id = ? AND period = ? AND points > ?",
            (group, period, points),
        ).fetchone()[0]

    def score_of(self, group: str, period: str, learner_id: int) -> dict[str, Any] | None:
        return self._row(
            f"SELECT s.learner_id, s.points, s.answered, s.correct, {WHO}"
            " FROM scores s JOIN learners l ON l.id = s.learner_id"
            " WHERE s.group_id = ? AND s.period = ? AND s.learner_id = ?",
            (group, period, learner_id),
        )

    def topic_accuracy(self, learner_id: int) -> list[tuple[str, int, int]]:
        """(topic, answered, correct) for every topic the learner has answered."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT topic, COUNT(*), SUM(correct) FROM answers WHERE learner_id = ? GROUP BY topic",
            (learner_id,),
        ).fetchall()]

    # --- review cards --------------------------------------------------------------------

    def next_cards(self, learner_id: int, limit: int = 2) -> list[tuple[str, datetime]]:
        """The learner's cards due soonest first (the most overdue leads).

        Cards of questions gone from the bank are skipped, not deleted.
        """
        rows = self.conn.execute(
            "SELECT c.question_id, c.due FROM cards c JOIN questions q ON q.id = c.question_id"
            " WHERE c.learner_id = ? AND q.active = 1 ORDER BY c.due, c.question_id LIMIT ?",
            (learner_id, limit),
        ).fetchall()
        return [(r[0], due) for r in rows if (due := parse_iso(r[1])) is not None]

    def cards_due(self, learner_id: int, now: datetime) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM cards c JOIN questions q ON q.id = c.question_id"
            " WHERE c.learner_id = ? AND c.due <= ? AND q.active = 1",
            (learner_id, iso(now)),
        ).fetchone()[0]
