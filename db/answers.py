"""SQL of the answer path (a mixin of ``db.store.Store``): learners, answers, counters, review cards.

Every method takes the answers of one turn of the event loop at once
(``bot.core.quiz.answering``): what it reads is read in one statement per kind,
what it writes is written in one statement per table (``db.base.slices`` of
rows), and one answer is a batch of one through the same statements.

Facts (answers, cards) and counters (``scores``, one row per learner and
period, bumped inside the answer's transaction). Exactly-once is a constraint:
an answer is ``UNIQUE(instance_id, learner_id)`` and its delivery ``event`` is
unique, inserted with ``ON CONFLICT DO NOTHING``. Times are stored as UTC ISO
8601 text of one fixed shape, so they compare as strings.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, Collection, Iterable, Sequence

from db.base import WHO, Connected, flat, iso, rows_of, slices

_ANSWER_COLUMNS = (
    "instance_id, learner_id, group_id, question_id, topic, mode, chosen, correct, points, day,"
    " answered_at, event"
)

# kept (``_kept``): the learners created in the open write transaction, a frozenset; they have no
# answers, days or cards, so none are read, until a writer below adds one of theirs
_NEW = "new learners"

_ADD_ANSWER = f"INSERT INTO answers ({_ANSWER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"



@lru_cache(maxsize=8)
def _bump_sql(rows: int) -> str:
    """Add to ``rows`` period counters, each row's (group, period, learner) once."""
    return (f"INSERT INTO scores (group_id, period, learner_id, points, answered, correct) VALUES {rows_of(6, rows)}"
            " ON CONFLICT(group_id, period, learner_id) DO UPDATE SET points = scores.points + excluded.points,"
            " answered = scores.answered + excluded.answered, correct = scores.correct + excluded.correct")



@lru_cache(maxsize=64)
def _any_of(condition: str, count: int) -> str:
    """``count`` times ``condition`` (one key's), joined by OR: each is an index lookup, in SQLite
    (a multi-index OR) as in PostgreSQL (a bitmap OR); one key is a plain lookup."""
    return " OR ".join([f"({condition})"] * count)


RIGHT_NAMED = 25  # who answered a daily right, in order: as many as a reveal names


class AnswersStore(Connected):
    # --- learners ---------------------------------------------------------------------

    def learner_id(self, platform: str, group: str, user: str, name: str = "") -> int:
        """The learner's row id, created on first sight; a new display name is kept (``learner_ids``)."""
        return self.learner_ids([(platform, group, user, name)])[0]

    def learner_ids(self, learners: Sequence[tuple[str, str, str, str]]) -> list[int]:
        """The row ids of (platform, group, user, name) learners, those never seen created in one
        statement; a new display name is kept, an empty one changes nothing.

        Known ids are kept (``_lasts``): an answer of a learner seen before
        reads nothing, unless the name it brings is new. A learner created in
        this write transaction has nothing else yet (``_new``): their days,
        cards and answers are not read until something of theirs is written.
        """
        lasts = self._lasts()
        keys = [("learner", platform, group, user) for platform, group, user, _ in learners]
        wanted: dict[tuple[str, str, str, str], str] = {}  # to find or create, with the name to keep (the last)
        for key, (_, _, _, name) in zip(keys, learners):
            known = lasts.get(key)
            if (known is None or (name and name != known[1])) and (name or key not in wanted):
                wanted[key] = name
        if wanted:
            self._learner_rows(wanted)
        return [lasts[key][0] for key in keys]

    def _learner_rows(self, wanted: dict[tuple[str, str, str, str], str]) -> None:
        """Create the ``wanted`` learners not in the table yet (in this transaction, so no other can
        have written anything of theirs), find the others, and keep every id (``_lasts``)."""
        made: dict[tuple[str, str, str, str], int] = {}
        for part in slices(list(wanted)):
            rows = self.conn.execute(
                f'INSERT INTO learners (platform, group_id, "user", name) VALUES {rows_of(4, len(part))}'
                ' ON CONFLICT(platform, group_id, "user") DO NOTHING RETURNING id, platform, group_id, "user"',
                [value for key in part for value in (key[1], key[2], key[3], wanted[key])])
            made.update((("learner", platform, group, user), learner) for learner, platform, group, user in rows)
        lasts = self._lasts()
        for key, name in wanted.items():
            learner = made.get(key)
            if learner is None:
                learner, was = self.conn.execute(
                    'SELECT id, name FROM learners WHERE platform=? AND group_id=? AND "user"=?', key[1:]).fetchone()
                if name and name != was:
                    self.conn.execute("UPDATE learners SET name = ? WHERE id = ?", (name, learner))
            known = lasts.get(key)
            lasts[key] = (learner, name or (known[1] if known else None))
        if made:
            self._keep(_NEW, self._new() | frozenset(made.values()))

    def _new(self) -> frozenset[int]:
        """The learners created in this write transaction who have nothing written yet."""
        return self._held(_NEW) or frozenset()

    def _written(self, learners: Iterable[int]) -> None:
        """Something of these learners was written: they are new no more (``_new``)."""
        new = self._new()
        if new:
            self._keep(_NEW, new.difference(learners) or None)

    # --- what an answer reads first ---------------------------------------------------------

    def answer_of(self, instance_id: str, learner_id: int) -> dict[str, Any] | None:
        return self._row(
            "SELECT * FROM answers WHERE instance_id = ? AND learner_id = ?", (instance_id, learner_id)
        )

    def answer_by_event(self, event: str) -> dict[str, Any] | None:
        return self._row("SELECT * FROM answers WHERE event = ?", (event,))

    def scored_on_days(self, keys: Collection[tuple[int, str, str, str]]) -> set[tuple[int, str, str, str]]:
        """Which (learner, topic, question, local day) already have a practice answer that scored."""
        new = self._new()
        asked = sorted({key for key in keys if key[0] not in new})
        found: set[tuple[int, str, str, str]] = set()
        for part in slices(asked):
            found.update((learner, topic, question, day) for learner, topic, question, day in self.conn.execute(
                "SELECT learner_id, topic, question_id, day FROM answers WHERE"
                f" ({_any_of('learner_id = ? AND topic = ? AND question_id = ? AND day = ?', len(part))})"
                " AND points > 0 AND mode != 'daily'", flat(part)))
        return found

    def active_days(self, learner_id: int, since: str = "") -> list[str]:
        """Local days (ISO dates) on which the learner answered anything; from ``since`` on, if given."""
        return self.days_of([learner_id], since).get(learner_id, [])

    def days_of(self, learner_ids: Collection[int], since: str = "") -> dict[int, list[str]]:
        """The learners' active days (``active_days``), read in one statement; those with none are left out."""
        days: dict[int, list[str]] = {}
        new = self._new()
        asked = sorted({learner for learner in learner_ids if learner not in new})
        for part in slices(asked):
            for learner, day in self.conn.execute(  # the day counters' own index (its WHERE repeated for SQLite)
                    "SELECT learner_id, substr(period, 2) FROM scores WHERE period >= ?"
                    f" AND learner_id IN ({rows_of(1, len(part))}) AND period > 'd' AND period < 'e'",
                    (f"d{since}", *part)):
                days.setdefault(learner, []).append(day)
        return days

    def cards_of(self, keys: Collection[tuple[int, str]]) -> dict[tuple[int, str], str]:
        """The review cards (their JSON text) of (learner, question) pairs that have one."""
        new = self._new()
        asked = sorted({key for key in keys if key[0] not in new})
        found: dict[tuple[int, str], str] = {}
        for part in slices(asked):
            for learner, question, card in self.conn.execute(
                    "SELECT learner_id, question_id, card FROM cards WHERE"
                    f" {_any_of('learner_id = ? AND question_id = ?', len(part))}", flat(part)):
                found[(learner, question)] = card
        return found

    def card(self, learner_id: int, question_id: str) -> str | None:
        return self.cards_of([(learner_id, question_id)]).get((learner_id, question_id))

    # --- what it writes -------------------------------------------------------------------

    def add_answers(self, answers: Sequence[Sequence[Any]]) -> list[bool]:
        """Record answers, each a row of ``answers`` (``_ANSWER_COLUMNS``, ``answered_at`` a
        datetime); for each, False when its learner (or its event) was already recorded.

        Almost always every one is new: one statement for them all, in a savepoint. Only when
        some were refused is that undone and each told apart (``_inserted``).
        """
        if not answers:
            return []
        if not self.conn.in_transaction:
            with self.transaction():
                return self.add_answers(answers)
        rows: list[tuple[Any, ...]] = [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), r[8], r[9], iso(r[10]),
                                        r[11]) for r in answers]
        if len(rows) == 1:  # its count says whether it is new
            done = [self.conn.execute(_ADD_ANSWER, rows[0]).rowcount == 1]
        else:
            self.conn.execute("SAVEPOINT new_answers")  # an error: the caller's transaction undoes it all
            everyone = self.conn.executemany(_ADD_ANSWER, rows).rowcount == len(rows)
            if not everyone:
                self.conn.execute("ROLLBACK TO new_answers")
            self.conn.execute("RELEASE new_answers")
            done = [True] * len(rows) if everyone else self._inserted(rows)
        self._written(row[1] for row, new in zip(rows, done) if new)
        counted: dict[str, tuple[int, int]] = {}
        for row, new in zip(rows, done):
            if new:
                answered, right = counted.get(row[0], (0, 0))
                counted[row[0]] = (answered + 1, right + row[7])
        for instance_id, (answered, right) in counted.items():
            kept = self._held(("tally", instance_id))
            if kept is not None:  # kept by ``tally``: count these in
                self._keep(("tally", instance_id), (kept[0] + answered, kept[1] + right))
        return done

    def _inserted(self, rows: list[tuple[Any, ...]]) -> list[bool]:
        """Insert answer rows, told by the database which are new (the first of a pair in ``rows``)."""
        added: set[tuple[str, int]] = set()
        for part in slices(rows):
            added.update((instance_id, learner_id) for instance_id, learner_id in self.conn.execute(
                f"INSERT INTO answers ({_ANSWER_COLUMNS}) VALUES {rows_of(12, len(part))}"
                " ON CONFLICT DO NOTHING RETURNING instance_id, learner_id", flat(part)))
        done = []
        for row in rows:
            done.append((row[0], row[1]) in added)
            added.discard((row[0], row[1]))  # the same pair again in ``rows``: refused
        return done

    def bump_scores(self, bumps: Sequence[tuple[str, int, Sequence[str], int, bool]]) -> None:
        """Add answers to their period counters: each (group, learner, periods, points, correct)
        is one answer added to each period's row.

        A counter's answers are summed first, so a statement of many rows names each
        counter once (PostgreSQL refuses to update one row twice in a statement).
        """
        self._written(learner_id for _, learner_id, periods, _, _ in bumps if periods)
        sums: dict[tuple[str, str, int], list[int]] = {}  # (group, period, learner) -> points, answered, correct
        for group, learner_id, periods, points, correct in bumps:
            for period in periods:
                total = sums.get((group, period, learner_id))
                if total is None:
                    sums[(group, period, learner_id)] = [points, 1, int(correct)]
                else:
                    total[0] += points
                    total[1] += 1
                    total[2] += int(correct)
        for part in slices([(*key, *total) for key, total in sums.items()]):
            self.conn.execute(_bump_sql(len(part)), flat(part))

    def save_cards(self, cards: Sequence[tuple[int, str, str, datetime]]) -> None:
        """Write (learner, question, card, due) review cards (the card: JSON text), replacing the ones
        they had."""
        self._written(learner_id for learner_id, _, _, _ in cards)
        if cards:
            self.conn.executemany(
                "INSERT INTO cards (learner_id, question_id, card, due) VALUES (?,?,?,?)"
                " ON CONFLICT(learner_id, question_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                [(learner_id, question_id, card, iso(due)) for learner_id, question_id, card, due in cards])

    # --- how an instance went ----------------------------------------------------------------

    def tally(self, instance_id: str) -> tuple[int, int]:
        """(answered, right) of an instance so far: what its post shows.

        Counted once per write transaction, then kept as ``add_answers`` adds
        to it, so a burst of answers in one transaction does not count them all
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
