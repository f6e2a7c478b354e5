"""The mock exam: a timed, private run of questions drawn by domain weight, scored at the end.

An exam is stored when it starts (its questions, each an instance of mode
"exam"), so it resumes after a restart: ``exam`` shows where the learner was.
Answers are kept as picks and can be changed, questions flagged and revisited;
nothing says right or wrong until the exam finishes, by ``exam finish``, by
answering the last open question with none flagged, or by time running out
(then unanswered questions count as wrong). Finishing records every pick
through the quiz's one answer path, so exam answers feed ``stats`` and spaced
review; they earn no group points (``rules.points``), so a mock exam never
moves the leaderboard.
"""

from __future__ import annotations

import math
import random
import secrets
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Iterable, Mapping, Protocol

from bot.core.bank import BankQuestion, Guide
from bot.core.messages import (
    Answer, DomainResult, Exam, ExamItem, ExamProgress, ExamReport, Learner, Question, Reply, Text, TopicAccuracy,
)
from bot.core.quiz import rules, scoring, shuffle, standings

WEAKEST = 3  # topics the report names to practise
REPORTERS = 2  # different learners reporting a question hold it out of exams and daily posts
USAGE = "exam [count] | exam goto N | exam flag N | exam flagged | exam finish | exam report"


class ExamStore(Protocol):
    def transaction(self) -> Any: ...
    def create_exam(self, exam_id: str, learner_id: int, group: str, started_at: datetime,
                    ends_at: datetime, items: Iterable[tuple[str, str]]) -> bool: ...
    def running_exam(self, learner_id: int) -> dict[str, Any] | None: ...
    def exam(self, exam_id: str) -> dict[str, Any] | None: ...
    def exam_of_instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def last_exam(self, learner_id: int) -> dict[str, Any] | None: ...
    def exam_items(self, exam_id: str) -> list[dict[str, Any]]: ...
    def set_exam_choice(self, exam_id: str, position: int, chosen: str) -> None: ...
    def set_exam_flag(self, exam_id: str, position: int, flagged: bool) -> None: ...
    def finish_exam(self, exam_id: str, finished_at: datetime, timed_out: bool) -> bool: ...
    def held_questions(self, reporters: int) -> set[str]: ...


class QuizEngine(Protocol):
    """What an exam needs of the quiz engine (``practice.Practice``)."""

    @property
    def questions(self) -> Mapping[str, BankQuestion]: ...
    def learner_id(self, learner: Learner) -> int: ...
    def question(self, question_id: str) -> BankQuestion | None: ...
    def instance(self, instance_id: str) -> dict[str, Any] | None: ...
    def new_instance(self, question_id: str, learner: Learner | None, group: str, mode: str,
                     target: str | None, now: datetime, closes_at: datetime | None,
                     note: str = "") -> Question: ...
    def show_instance(self, instance_id: str, now: datetime) -> Question | None: ...
    def record(self, command: Answer, now: datetime) -> Reply: ...


class Exams:
    """Mock exams over the quiz engine's questions."""

    def __init__(self, store: ExamStore, practice: QuizEngine, guide: Guide, rng: random.Random):
        self.store = store
        self.practice = practice
        self.guide = guide
        self.rng = rng

    def handle(self, command: Exam, now: datetime) -> Reply:
        learner_id = self.practice.learner_id(command.learner)
        running = self.store.running_exam(learner_id)
        if running is not None and now >= running["ends_at"]:
            return self._finish(command.learner, running, now, timed_out=True)
        match command.action:
            case "start":
                if running is not None:
                    return self._show(running, None, now, "Resumed your running exam. ")
                return self._start(command.learner, learner_id, command.size, now)
            case "report":
                last = self.store.last_exam(learner_id)
                if last is None or last["finished_at"] is None:
                    return Text("No finished exam yet: type 'exam' to start one.", error=True)
                return self._report(last)
        if running is None:
            return Text("You have no exam running: type 'exam' (65 questions, 130 minutes) or "
                        "'exam 20' for a shorter one.", error=True)
        match command.action:
            case "show":
                return self._show(running, command.position, now)
            case "flag":
                return self._flag(running, command.position, now)
            case "flagged":
                flagged = [i["position"] for i in self.store.exam_items(running["id"]) if i["flagged"]]
                if not flagged:
                    return Text("No question is flagged. 'exam flag N' flags question N.")
                return Text(f"Flagged: {', '.join(map(str, flagged))}. 'exam goto N' shows one.")
            case "finish":
                return self._finish(command.learner, running, now, timed_out=False)
        return Text(f"Usage: {USAGE}", error=True)

    def answer(self, command: Answer, exam: dict[str, Any], now: datetime) -> Reply:
        """A pick on an exam question: kept (changeable until the end), then the next open question."""
        if exam["finished_at"] is not None:
            return Text(f"That exam has finished: 'explain {command.instance}' shows this question's answer.",
                        error=True)
        if exam["learner_id"] != self.practice.learner_id(command.learner):
            return Text("That question belongs to someone else's exam.", error=True)
        if now >= exam["ends_at"]:
            return self._finish(command.learner, exam, now, timed_out=True)
        items = self.store.exam_items(exam["id"])
        item = next(i for i in items if i["instance_id"] == command.instance)
        question = self.practice.question(item["question_id"])
        if question is None:
            return Text("That question is no longer in the bank; 'exam goto N' shows another.", error=True)
        grade = rules.grade(command.choices, question.answers, len(question.options))
        if grade.error:
            return Text(grade.error + " Nothing was kept; try again.", error=True)
        self.store.set_exam_choice(exam["id"], item["position"], "".join(grade.chosen))
        item["chosen"] = "".join(grade.chosen)
        following = [i for i in items[item["position"]:] + items[:item["position"]] if not i["chosen"]]
        if following:
            return self._show(exam, following[0]["position"], now, f"Kept {', '.join(grade.chosen)}. ")
        flagged = [i["position"] for i in items if i["flagged"]]
        if flagged:
            return Text(f"Kept {', '.join(grade.chosen)}. Every question is answered; flagged for review: "
                        f"{', '.join(map(str, flagged))}. 'exam goto N' to revisit, 'exam finish' to score it.")
        return self._finish(command.learner, exam, now, timed_out=False)

    def running(self, instance_id: str) -> bool:
        """Whether ``instance_id`` is a question of an exam still running (no feedback yet)."""
        exam = self.store.exam_of_instance(instance_id)
        return exam is not None and exam["finished_at"] is None

    def held(self) -> set[str]:
        return self.store.held_questions(REPORTERS)

    # --- steps --------------------------------------------------------------------------

    def _start(self, learner: Learner, learner_id: int, size: int | None, now: datetime) -> Reply:
        size = self.guide.questions if size is None else size
        if not 1 <= size <= self.guide.questions:
            return Text(f"An exam has 1 to {self.guide.questions} questions: 'exam' or e.g. 'exam 20'.",
                        error=True)
        drawn = scoring.draw(list(self.practice.questions.values()), self.guide, size, self.rng, self.held())
        if not drawn:
            return Text("There are no exam questions yet: add notes or questions to the content folder.",
                        error=True)
        minutes = math.ceil(self.guide.minutes * len(drawn) / self.guide.questions)
        exam_id = secrets.token_urlsafe(12)
        with self.store.transaction():
            items = [(q.id, self.practice.new_instance(q.id, learner, learner.group, "exam", None, now,
                                                       None).instance) for q in drawn]
            if not self.store.create_exam(exam_id, learner_id, learner.group, now,
                                          now + timedelta(minutes=minutes), items):
                raise RuntimeError("a second exam for one learner")  # the transaction undoes the instances
        exam = self.store.running_exam(learner_id)
        assert exam is not None
        short = "" if len(drawn) == size else f" (only {len(drawn)} questions are available)"
        return self._show(exam, 1, now, f"Exam started: {len(drawn)} questions, {minutes} minutes{short}. "
                                        "No feedback until the end. ")

    def _show(self, exam: dict[str, Any], position: int | None, now: datetime, note: str = "") -> Reply:
        items = self.store.exam_items(exam["id"])
        if position is None:
            position = next((i["position"] for i in items if not i["chosen"]), None)
            if position is None:
                return Text(f"{note}All {len(items)} questions are answered: 'exam goto N' to revisit, "
                            "'exam finish' to score it.")
        if not 1 <= position <= len(items):
            return Text(f"This exam has questions 1 to {len(items)}.", error=True)
        item = items[position - 1]
        shown = self.practice.show_instance(item["instance_id"], now)
        if shown is None:
            return Text("That question is no longer in the bank; 'exam goto N' shows another.", error=True)
        progress = ExamProgress(position, len(items), sum(bool(i["chosen"]) for i in items), item["flagged"],
                                exam["ends_at"], tuple(item["chosen"] or ""))
        return replace(shown, exam=progress, note=note.strip(), heading=())  # no heading: no hint

    def _flag(self, exam: dict[str, Any], position: int | None, now: datetime) -> Reply:
        items = self.store.exam_items(exam["id"])
        if position is None or not 1 <= position <= len(items):
            return Text(f"Which question? 'exam flag N', N from 1 to {len(items)}.", error=True)
        flagged = not items[position - 1]["flagged"]
        self.store.set_exam_flag(exam["id"], position, flagged)
        return Text(f"Question {position} {'flagged for review' if flagged else 'no longer flagged'}.")

    def _finish(self, learner: Learner, exam: dict[str, Any], now: datetime, timed_out: bool) -> Reply:
        with self.store.transaction():
            if self.store.finish_exam(exam["id"], now, timed_out):
                for item in self.store.exam_items(exam["id"]):
                    if item["chosen"] and self.practice.question(item["question_id"]) is not None:
                        self.practice.record(Answer(learner, item["instance_id"], tuple(item["chosen"])), now)
        return self._report(self.store.exam(exam["id"]) or exam)

    def _report(self, exam: dict[str, Any]) -> ExamReport:
        items, by_domain, by_topic = [], defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
        for item in self.store.exam_items(exam["id"]):
            question = self.practice.question(item["question_id"])
            if question is None:
                continue
            order = shuffle.seed(self.practice.instance(item["instance_id"]) or {})
            key = shuffle.to_shown(question.answers, question, order)
            right = bool(item["chosen"]) and tuple(sorted(item["chosen"])) == tuple(sorted(key))
            items.append(ExamItem(item["position"], item["instance_id"], question.topic, right, bool(item["chosen"])))
            for tally in (by_domain[question.domain or self.guide.domain_of(question.topic)], by_topic[question.topic]):
                tally[0] += right
                tally[1] += 1
        right = sum(i.right for i in items)
        domains = tuple(DomainResult(d.name, *by_domain[d.key],
                                     meets=scoring.scaled(*by_domain[d.key]) >= self.guide.pass_score)
                        for d in self.guide.domains)  # all four, as AWS's report lists them
        weak = sorted(((t, r, n) for t, (r, n) in by_topic.items() if r < n), key=lambda x: (x[1] / x[2], -x[2], x[0]))
        weakest = tuple(TopicAccuracy(t, n, r, standings.practice_command(t)) for t, r, n in weak[:WEAKEST])
        return ExamReport(scoring.scaled(right, len(items)), self.guide.pass_score, right, len(items), domains,
                          weakest, tuple(items), exam["timed_out"], scoring.SCALING)
