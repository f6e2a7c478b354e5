"""Grading and recording an answer to a question instance.

The first answer of a learner to an instance counts; a redelivered event is
recorded once and gets the first reply again; points, counters and the review
card change together (the caller, ``Practice.answer``, holds the transaction).

Letters: a click carries *shown* letters (the instance's order, see
``bot.core.quiz.shuffle``); they are mapped to *bank* letters before grading, and
the database stores bank letters (``answers.chosen``), so history and stats do
not depend on the order shown. Replies map them back to shown letters.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable, Protocol

from bot.core.quiz import review, rules, shuffle
from bot.core.messages import Answer, Feedback, Learner, Text
from bot.core.bank import BankQuestion


class AnswerStore(Protocol):
    def group_timezone(self, group: str) -> str: ...
    def active_days(self, learner_id: int, since: str = "") -> list[str]: ...
    def answer_of(self, instance_id: str, learner_id: int) -> dict[str, Any] | None: ...
    def answer_by_event(self, event: str) -> dict[str, Any] | None: ...
    def scored_on_day(self, learner_id: int, topic: str, question_id: str, day: str) -> bool: ...
    def add_answer(self, instance_id: str, learner_id: int, group: str, question_id: str, topic: str,
                   mode: str, chosen: str, correct: bool, points: int, day: str,
                   answered_at: datetime, event: str | None) -> bool: ...
    def bump_scores(self, group: str, learner_id: int, periods: Iterable[str], points: int,
                    correct: bool) -> None: ...
    def card(self, learner_id: int, question_id: str) -> dict[str, Any] | None: ...
    def save_card(self, learner_id: int, question_id: str, card: dict[str, Any], due: datetime) -> None: ...
    def tally(self, instance_id: str) -> tuple[int, int]: ...  # (answered, right) so far


class Engine(Protocol):
    """What the answer path needs from the quiz engine (``Practice``)."""

    @property
    def store(self) -> AnswerStore: ...

    def instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def question(self, question_id: str) -> BankQuestion | None: ...
    def learner_id(self, learner: Learner) -> int: ...
    def heading(self, question: BankQuestion) -> tuple[str, ...]: ...


def answer(engine: Engine, command: Answer, now: datetime) -> Feedback | Text:
    """Grade the click against the order its instance showed; record it if it is the first."""
    instance = engine.instance(command.instance)
    if instance is None:
        return Text("That question is not one I know (it may be from before a reset). "
                    "Type 'quiz' for a new one.", error=True)
    question = engine.question(instance["question_id"])
    if question is None:
        return Text("That question is no longer in the question bank. Type 'quiz' for a new one.",
                    error=True)
    learner_id = engine.learner_id(command.learner)
    closes_at = instance["closes_at"]
    refusal = None
    if closes_at is not None and now >= closes_at:
        refusal = ("That question has closed: answers are no longer counted. "
                   f"Type 'explain {instance['id']}' for the answer.")
    order = shuffle.seed(instance)
    shown_key = shuffle.to_shown(question.answers, question, order)
    result = rules.grade(command.choices, shown_key, len(question.options))
    if refusal is None and result.error:
        refusal = result.error + " Nothing was recorded; try again."
    if refusal is not None:  # a second click still shows the answer that counted
        first = engine.store.answer_of(command.instance, learner_id)
        if first is None:
            return Text(refusal, error=True)
        return feedback(engine, question, order, first, counted=False)
    return _record(engine, command, question, instance, order, learner_id, result, now)


def _record(engine: Engine, command: Answer, question: BankQuestion, instance: dict[str, Any],
            order: str | None, learner_id: int, result: rules.Grade, now: datetime) -> Feedback:
    """Insert the answer; only if it is new, add its points to the counters and rate its card.

    The unique keys decide what is new: (instance, learner) makes the first
    answer the one that counts, the delivery ``event`` makes a redelivery a
    no-op that gets the first reply again.
    """
    store = engine.store
    mode, group, instance_id = instance["mode"], command.learner.group, instance["id"]
    event = f"{command.learner.platform}:{command.event}" if command.event else None
    today = rules.local_day(now, store.group_timezone(group))
    scored = mode not in ("daily", "round") and store.scored_on_day(learner_id, question.topic, question.id,
                                                     today.isoformat())
    days = {date.fromisoformat(d) for d in store.active_days(learner_id, rules.bonus_since(today).isoformat())}
    streak = rules.streaks(days | {today}, today)[0]  # counted back to bonus_since: the bonus is the same
    quickness = 0.0
    if mode == "round" and instance["closes_at"] is not None:  # the faster, the more points
        span = (instance["closes_at"] - instance["created_at"]).total_seconds()
        quickness = (instance["closes_at"] - now).total_seconds() / span if span > 0 else 0.0
    points = rules.points(mode, result.correct, scored, streak, quickness)
    chosen = "".join(shuffle.to_bank(result.chosen, question, order))  # stored as bank letters
    if not store.add_answer(instance_id, learner_id, group, question.id, question.topic, mode,
                            chosen, result.correct, points, today.isoformat(), now, event):
        same = store.answer_by_event(event) if event else None
        if same is not None:
            return feedback(engine, question, order, same, counted=True)
        first = store.answer_of(instance_id, learner_id)
        if first is None:  # the store refused the answer yet holds none: it broke its own rule
            raise RuntimeError(f"answer to {instance_id} refused but not found")
        return feedback(engine, question, order, first, counted=False)
    store.bump_scores(group, learner_id, rules.period_keys(today), points, result.correct)
    card, due = review.rate(store.card(learner_id, question.id), result.correct, now, learner_id,
                            question.id)
    store.save_card(learner_id, question.id, card, due)
    row = {"chosen": chosen, "correct": result.correct, "points": points}
    bonus = min(points, rules.streak_bonus(streak)) if points and mode != "round" else 0
    return feedback(engine, question, order, row, counted=True, next_review=due, mode=mode, streak_bonus=bonus,
                    tally=store.tally(instance_id) if mode == "daily" else None)  # for the post's counts


def feedback(engine: Engine, question: BankQuestion, order: str | None, row: dict[str, Any],
             counted: bool, next_review: datetime | None = None, mode: str = "", streak_bonus: int = 0,
             tally: tuple[int, int] | None = None) -> Feedback:
    """The reply for a stored answer ``row`` (bank letters), in the letters the instance showed
    (``order``: ``shuffle.seed`` of its row); ``mode`` and on: a fresh answer's (``Feedback``)."""
    chosen = shuffle.to_shown(row["chosen"], question, order)
    picked = shuffle.picked(chosen, question, order)
    return Feedback(question_id=question.id, correct=bool(row["correct"]), chosen=chosen,
                    answer=shuffle.key(question, order), explanation=question.explanation,
                    heading=engine.heading(question), points=row["points"], counted=counted,
                    next_review=next_review, mode=mode, streak_bonus=streak_bonus, picked=picked, tally=tally)
