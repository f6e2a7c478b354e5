"""Grading and recording answers to question instances, a batch at a time.

The first answer of a learner to an instance counts; a redelivered event is
recorded once and gets the first reply again; points, counters and the review
card change together (the caller, ``Practice.handle_answers``, holds the
transaction).

Answers arriving together (one turn of the event loop, ``bot.group_commit``)
are graded in order and recorded together: the store reads what they need once
per kind (days, cards, scored today) and writes them once per table. One answer
is a batch of one. A learner's second click in a batch goes in the next *wave*,
graded once their first is recorded, as it would be one after the other.

Letters: a click carries *shown* letters (the instance's order, see
``bot.core.quiz.shuffle``); they are mapped to *bank* letters before grading, and
the database stores bank letters (``answers.chosen``), so history and stats do
not depend on the order shown. Replies map them back to shown letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Collection, Protocol, Sequence

from bot.core.quiz import review, rules, shuffle
from bot.core.messages import Answer, Feedback, Learner, Text
from bot.core.bank import BankQuestion


# An answer to record, as the store takes it: its row of ``answers`` (instance id, learner id, group,
# question id, topic, mode, chosen letters as the bank's, correct, points, local day, answered at, event)
NewAnswer = tuple[str, int, str, str, str, str, str, bool, int, str, datetime, "str | None"]


class AnswerStore(Protocol):
    def group_timezone(self, group: str) -> str: ...
    def days_of(self, learner_ids: Collection[int], since: str = "") -> dict[int, list[str]]: ...  # none: left out
    def answer_of(self, instance_id: str, learner_id: int) -> dict[str, Any] | None: ...
    def answer_by_event(self, event: str) -> dict[str, Any] | None: ...
    def scored_on_days(self, keys: Collection[tuple[int, str, str, str]]) -> set[tuple[int, str, str, str]]: ...
    def add_answers(self, answers: Sequence[NewAnswer]) -> list[bool]: ...  # False: refused, one counted before
    def bump_scores(self, bumps: Sequence[tuple[str, int, Sequence[str], int, bool]]) -> None: ...
    def cards_of(self, keys: Collection[tuple[int, str]]) -> dict[tuple[int, str], str]: ...  # JSON (``review``)
    def save_cards(self, cards: Sequence[tuple[int, str, str, datetime]]) -> None: ...
    def tally(self, instance_id: str) -> tuple[int, int]: ...  # (answered, right) so far


class Engine(Protocol):
    """What the answer path needs from the quiz engine (``Practice``)."""

    @property
    def store(self) -> AnswerStore: ...

    def instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def question(self, question_id: str) -> BankQuestion | None: ...
    def learner_ids(self, learners: Sequence[Learner]) -> list[int]: ...
    def heading(self, question: BankQuestion) -> tuple[str, ...]: ...


@dataclass(slots=True)
class Click:
    """One answer of a batch, graded: ``refusal`` set means nothing is recorded."""

    index: int  # its place in the batch
    command: Answer
    now: datetime
    instance: dict[str, Any]
    question: BankQuestion
    order: str | None  # what orders its options (``shuffle.seed``)
    learner_id: int
    grade: rules.Grade
    refusal: str | None
    chosen: str = ""  # its letters as the bank's
    # what a fresh answer earned (``_earned``), before the store says whether it is the first:
    today: date = date.min  # the local day it was given on
    streak: int = 0
    points: int = 0
    event: str | None = None  # its delivery, as stored


def answer(engine: Engine, command: Answer, now: datetime) -> Feedback | Text:
    """One answer: a batch of one (``answer_all``)."""
    return answer_all(engine, [(command, now)])[0]


def answer_all(engine: Engine, answers: Sequence[tuple[Answer, datetime]]) -> list[Feedback | Text]:
    """Grade each click against the order its instance showed; record each learner's first answer."""
    replies: list[Feedback | Text] = [_UNKNOWN] * len(answers)
    known: list[tuple[int, Answer, datetime, dict[str, Any], BankQuestion]] = []
    for index, (command, now) in enumerate(answers):
        instance = engine.instance(command.instance)
        question = engine.question(instance["question_id"]) if instance is not None else None
        if instance is None:
            continue  # its reply stays _UNKNOWN
        if question is None:
            replies[index] = _GONE
        else:
            known.append((index, command, now, instance, question))
    ids = engine.learner_ids([command.learner for _, command, _, _, _ in known])
    marks: dict[tuple[str, str | None, tuple[str, ...]], tuple[rules.Grade, str]] = {}  # a post's clicks share them
    clicks = [_graded(index, command, now, instance, question, learner_id, marks)
              for (index, command, now, instance, question), learner_id in zip(known, ids)]
    for wave in _waves(clicks):
        for click, reply in _answered(engine, wave):
            replies[click.index] = reply
    return replies


_UNKNOWN = Text("That question is not one I know (it may be from before a reset). Type 'quiz' for a new one.",
                error=True)
_GONE = Text("That question is no longer in the question bank. Type 'quiz' for a new one.", error=True)


def _graded(index: int, command: Answer, now: datetime, instance: dict[str, Any], question: BankQuestion,
            learner_id: int, marks: dict[tuple[str, str | None, tuple[str, ...]], tuple[rules.Grade, str]]) -> Click:
    """The click graded against the order its instance showed; ``marks``: grades and the bank's
    letters of the choices, by question, order and choices."""
    closes_at = instance["closes_at"]
    refusal = None
    if closes_at is not None and now >= closes_at:
        refusal = ("That question has closed: answers are no longer counted. "
                   f"Type 'explain {instance['id']}' for the answer.")
    order = shuffle.seed(instance)
    mark = marks.get((question.id, order, command.choices))
    if mark is None:
        result = rules.grade(command.choices, shuffle.to_shown(question.answers, question, order),
                             len(question.options))
        mark = marks[(question.id, order, command.choices)] = \
            (result, "".join(shuffle.to_bank(result.chosen, question, order)))  # stored as bank letters
    if refusal is None and mark[0].error:
        refusal = mark[0].error + " Nothing was recorded; try again."
    return Click(index, command, now, instance, question, order, learner_id, mark[0], refusal, chosen=mark[1])


def _waves(clicks: list[Click]) -> list[list[Click]]:
    """The clicks in waves, in order, each learner at most once in a wave."""
    waves: list[list[Click]] = []
    seen: dict[int, int] = {}  # learner -> how many waves hold one of their clicks
    for click in clicks:
        wave = seen.get(click.learner_id, 0)
        seen[click.learner_id] = wave + 1
        if wave == len(waves):
            waves.append([])
        waves[wave].append(click)
    return waves


def _answered(engine: Engine, wave: list[Click]) -> list[tuple[Click, Feedback | Text]]:
    """Record a wave's fresh answers together; the unique keys decide which are new.

    (instance, learner) makes the first answer the one that counts, the delivery
    ``event`` makes a redelivery a no-op that gets the first reply again.
    """
    store = engine.store
    fresh = [click for click in wave if click.refusal is None]
    rows = _earned(store, fresh)
    tallies = {c.instance["id"]: store.tally(c.instance["id"]) for c in fresh if c.instance["mode"] == "daily"}
    cards = store.cards_of({(c.learner_id, c.question.id) for c in fresh})  # read before any write
    added = store.add_answers(rows)
    bumps, saved, replies = [], [], []
    shown = _Shown(engine)
    for click, new in zip(fresh, added):
        if not new:
            replies.append((click, _again(engine, click, click.event)))
            continue
        learner_id, question, instance, correct = click.learner_id, click.question, click.instance, click.grade.correct
        bumps.append((click.command.learner.group, learner_id, rules.period_keys(click.today), click.points, correct))
        card, due = review.rate(cards.get((learner_id, question.id)), correct, click.now, learner_id, question.id)
        saved.append((learner_id, question.id, card, due))
        tally = None
        if instance["mode"] == "daily":  # for the post's counts
            answered, right = tallies[instance["id"]]
            tally = tallies[instance["id"]] = (answered + 1, right + int(correct))
        bonus = min(click.points, rules.streak_bonus(click.streak)) if click.points and instance["mode"] != "round" \
            else 0
        replies.append((click, shown.feedback(question, click.order, click.chosen, correct, click.points, True, due,
                                              instance["mode"], bonus, tally)))
    store.bump_scores(bumps)
    store.save_cards(saved)
    for click in wave:
        if click.refusal is not None:  # a second click still shows the answer that counted
            first = store.answer_of(click.instance["id"], click.learner_id)
            replies.append((click, Text(click.refusal, error=True) if first is None else
                            feedback(engine, click.question, click.order, first, counted=False)))
    return replies


def _earned(store: AnswerStore, fresh: list[Click]) -> list[NewAnswer]:
    """The local day, streak and points of fresh answers (set on each), from what their learners did
    before (read once for the wave: active days first, for all of its learners, then scored today);
    their rows to record."""
    zones: dict[str, str] = {}
    named: dict[date, tuple[str, str]] = {}  # a day as text, and its bonus_since as text
    for click in fresh:
        group = click.command.learner.group
        zone = zones.get(group)
        if zone is None:
            zone = zones[group] = store.group_timezone(group)
        click.today = rules.local_day(click.now, zone)
        if click.today not in named:
            named[click.today] = (click.today.isoformat(), rules.bonus_since(click.today).isoformat())
    active = store.days_of({click.learner_id for click in fresh}, min((s for _, s in named.values()), default=""))
    before = store.scored_on_days({(c.learner_id, c.question.topic, c.question.id, named[c.today][0])
                                   for c in fresh if c.instance["mode"] not in _NO_DAY_LIMIT})
    rows: list[NewAnswer] = []
    for click in fresh:
        question, mode, command, correct = click.question, click.instance["mode"], click.command, click.grade.correct
        today, (day, since) = click.today, named[click.today]
        went = active.get(click.learner_id)  # counted back to bonus_since: the bonus is the same
        click.streak = rules.streaks({date.fromisoformat(d) for d in went if d >= since} | {today}, today)[0] \
            if went else 1
        scored = mode not in _NO_DAY_LIMIT and (click.learner_id, question.topic, question.id, day) in before
        click.points = rules.points(mode, correct, scored, click.streak, _quickness(click) if mode == "round" else 0.0)
        click.event = f"{command.learner.platform}:{command.event}" if command.event else None
        rows.append((click.instance["id"], click.learner_id, command.learner.group, question.id, question.topic, mode,
                     click.chosen, correct, click.points, day, click.now, click.event))
    return rows


_NO_DAY_LIMIT = ("daily", "round")  # modes whose points are not limited to once a question a day


def _quickness(click: Click) -> float:
    """In a timed round, the share of the question's time still left: the faster, the more points."""
    instance = click.instance
    if instance["closes_at"] is None:
        return 0.0
    span = (instance["closes_at"] - instance["created_at"]).total_seconds()
    return (instance["closes_at"] - click.now).total_seconds() / span if span > 0 else 0.0


def _again(engine: Engine, click: Click, event: str | None) -> Feedback:
    """The reply to an answer the store refused: the same one again for a redelivered event,
    else the learner's first answer, which is the one that counted."""
    store = engine.store
    same = store.answer_by_event(event) if event else None
    if same is not None:
        return feedback(engine, click.question, click.order, same, counted=True)
    first = store.answer_of(click.instance["id"], click.learner_id)
    if first is None:  # the store refused the answer yet holds none: it broke its own rule
        raise RuntimeError(f"answer to {click.instance['id']} refused but not found")
    return feedback(engine, click.question, click.order, first, counted=False)


def feedback(engine: Engine, question: BankQuestion, order: str | None, row: dict[str, Any],
             counted: bool) -> Feedback:
    """The reply for a stored answer ``row`` (bank letters), in the letters the instance showed
    (``order``: ``shuffle.seed`` of its row)."""
    return _Shown(engine).feedback(question, order, row["chosen"], bool(row["correct"]), row["points"], counted)


class _Shown:
    """Replies to answers, each worked out once per question, order and choice: the clicks on one
    daily post share them."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.parts: dict[tuple[str, str | None, str], tuple[Any, ...]] = {}

    def feedback(self, question: BankQuestion, order: str | None, chosen: str, correct: bool, points: int,
                 counted: bool, next_review: datetime | None = None, mode: str = "", streak_bonus: int = 0,
                 tally: tuple[int, int] | None = None) -> Feedback:
        """``chosen``: bank letters; ``mode`` and on: a fresh answer's (``Feedback``)."""
        parts = self.parts.get((question.id, order, chosen))
        if parts is None:
            shown = shuffle.to_shown(chosen, question, order)
            parts = self.parts[(question.id, order, chosen)] = (
                shown, shuffle.picked(shown, question, order), shuffle.key(question, order),
                self.engine.heading(question))
        shown, picked, key, heading = parts
        return Feedback(question_id=question.id, correct=correct, chosen=shown, answer=key,
                        explanation=question.explanation, heading=heading, points=points, counted=counted,
                        next_review=next_review, mode=mode, streak_bonus=streak_bonus, picked=picked, tally=tally)
