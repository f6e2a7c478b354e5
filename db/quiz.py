"""SQL for the quiz engine (a mixin of ``db.store.Store``).

Facts (instances, answers, cards) and counters (``scores``, one row per learner
and period, bumped inside the answer's transaction). Exactly-once is a
constraint: an answer is ``UNIQUE(instance_id, learner_id)`` and its delivery
``event`` is unique, inserted with ``ON CONFLICT DO NOTHING``. Times are stored
as UTC ISO 8601 text of one fixed shape, so they compare as strings.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import Any, Iterable

from db.base import WHO, Connected, iso, parse_iso

_ANSWER_COLUMNS = (
    "instance_id, learner_id, group_id, question_id, topic, mode, chosen, correct, points, day,"
    " answered_at, event"
)


# what a learner created in the open write transaction has none of, until a writer below adds one
_NOTHING_YET = ("no days", "no cards", "no answers")

_to_json = json.JSONEncoder(check_circular=False).encode  # a card: a flat dict of plain values


@lru_cache(maxsize=8)
def _bump_sql(rows: int) -> str:
    """Add one answer to ``rows`` period counters of one learner (``bump_scores``)."""
    values = ",".join("(?,?,?,?,1,?)" for _ in range(rows))
    return (f"INSERT INTO scores (group_id, period, learner_id, points, answered, correct) VALUES {values}"
            " ON CONFLICT(group_id, period, learner_id) DO UPDATE SET points = scores.points + excluded.points,"
            " answered = scores.answered + 1, correct = scores.correct + excluded.correct")


RIGHT_NAMED = 25  # who answered a daily right, in order: as many as a reveal names


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

    # --- learners and groups ----------------------------------------------------

    def learner_id(self, platform: str, group: str, user: str, name: str = "") -> int:
        """The learner's row id, created on first sight; a new display name is kept.

        Known ids are kept (``_lasts``): an answer of a learner seen before
        reads nothing, unless the name it brings is new. A learner created in
        this write transaction has nothing else yet (``_NOTHING_YET``): their
        days, cards and answers are not read until they write some.
        """
        known = self._lasts().get(("learner", platform, group, user))
        if known is not None and (not name or name == known[1]):
            return known[0]
        learner = self._learner_row(platform, group, user, name)
        self._lasts()[("learner", platform, group, user)] = (learner, name or (known[1] if known else None))
        return learner

    def _learner_row(self, platform: str, group: str, user: str, name: str) -> int:
        row = self.conn.execute(
            'INSERT INTO learners (platform, group_id, "user", name) VALUES (?,?,?,?)'
            ' ON CONFLICT(platform, group_id, "user") DO NOTHING RETURNING id',
            (platform, group, user, name),
        ).fetchone()
        if row:  # new: in this transaction, so no other can have written anything of theirs
            for nothing in _NOTHING_YET:
                self._keep((nothing, row[0]), True)
            return row[0]
        learner, was = self.conn.execute(
            'SELECT id, name FROM learners WHERE platform=? AND group_id=? AND "user"=?', (platform, group, user)
        ).fetchone()
        if name and name != was:
            self.conn.execute("UPDATE learners SET name = ? WHERE id = ?", (name, learner))
        return learner

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

    # --- answers -------------------------------------------------------------------

    def answer_of(self, instance_id: str, learner_id: int) -> dict[str, Any] | None:
        return self._row(
            "SELECT * FROM answers WHERE instance_id = ? AND learner_id = ?", (instance_id, learner_id)
        )

    def answer_by_event(self, event: str) -> dict[str, Any] | None:
        return self._row("SELECT * FROM answers WHERE event = ?", (event,))

    def scored_on_day(self, learner_id: int, topic: str, question_id: str, day: str) -> bool:
        """Whether a practice answer to this question already scored on this local day."""
        if self._held(("no answers", learner_id)):
            return False
        return self.conn.execute(
            "SELECT 1 FROM answers WHERE learner_id = ? AND topic = ? AND question_id = ? AND day = ?"
            " AND points > 0 AND mode != 'daily' LIMIT 1",
            (learner_id, topic, question_id, day),
        ).fetchone() is not None

    def add_answer(self, instance_id: str, learner_id: int, group: str, question_id: str, topic: str,
                   mode: str, chosen: str, correct: bool, points: int, day: str,
                   answered_at: datetime, event: str | None) -> bool:
        """Record an answer; False when this learner (or this event) was already recorded."""
        cursor = self.conn.execute(
            f"INSERT INTO answers ({_ANSWER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            (instance_id, learner_id, group, question_id, topic, mode, chosen, int(correct), points,
             day, iso(answered_at), event),
        )
        if cursor.rowcount != 1:
            return False
        self._keep(("no answers", learner_id), None)
        kept = self._held(("tally", instance_id))
        if kept is not None:  # kept by ``tally``: count this one in
            self._keep(("tally", instance_id), (kept[0] + 1, kept[1] + int(correct)))
        return True

    def bump_scores(self, group: str, learner_id: int, periods: Iterable[str], points: int,
                    correct: bool) -> None:
        """Add one answer to each period's counter row, in one statement."""
        periods = tuple(periods)
        if not periods:
            return
        self._keep(("no days", learner_id), None)
        params: list[Any] = []
        for period in periods:
            params += (group, period, learner_id, points, int(correct))
        self.conn.execute(_bump_sql(len(periods)), params)

    def active_days(self, learner_id: int, since: str = "") -> list[str]:
        """Local days (ISO dates) on which the learner answered anything; from ``since`` on, if given."""
        if self._held(("no days", learner_id)):
            return []
        rows = self.conn.execute(  # the day counters' own index (its WHERE is repeated for SQLite to use it)
            "SELECT substr(period, 2) FROM scores WHERE learner_id = ? AND period > 'd' AND period < 'e'"
            " AND period >= ?",
            (learner_id, f"d{since}"),
        ).fetchall()
        return [r[0] for r in rows]

    def tally(self, instance_id: str) -> tuple[int, int]:
        """(answered, right) of an instance so far: what its post shows.

        Counted once per write transaction, then kept as ``add_answer`` adds to
        it, so a burst of answers in one transaction does not count them all
        again for each one (on PostgreSQL, answers other processes commit
        meanwhile show from its next transaction on).
        """
        return self._kept(("tally", instance_id), lambda: self._count(instance_id))

    def _count(self, instance_id: str) -> tuple[int, int]:
        answered, right = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE instance_id = ?",
            (instance_id,),
        ).fetchone()
        return int(answered), int(right)

    def instance_results(self, instance_id: str) -> dict[str, Any]:
        """How an instance went: answered, correct, and who was first to answer it right."""
        totals = self._count(instance_id)
        right = self._rows(
            f"SELECT {WHO} FROM answers a JOIN learners l"
            " ON l.id = a.learner_id WHERE a.instance_id = ? AND a.correct = 1"
            " ORDER BY a.answered_at, a.id LIMIT ?",
            (instance_id, RIGHT_NAMED),
        )
        return {"answered": totals[0], "correct": totals[1], "first_right": right[0] if right else None,
                "right": right}

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

    def card(self, learner_id: int, question_id: str) -> dict[str, Any] | None:
        if self._held(("no cards", learner_id)):
            return None
        row = self.conn.execute(
            "SELECT card FROM cards WHERE learner_id = ? AND question_id = ?", (learner_id, question_id)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def save_card(self, learner_id: int, question_id: str, card: dict[str, Any], due: datetime) -> None:
        self._keep(("no cards", learner_id), None)
        self.conn.execute(
            "INSERT INTO cards (learner_id, question_id, card, due) VALUES (?,?,?,?)"
            " ON CONFLICT(learner_id, question_id) DO UPDATE SET card = excluded.card, due = excluded.due",
            (learner_id, question_id, _to_json(card), iso(due)),
        )

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
