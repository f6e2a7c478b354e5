"""The service every adapter talks to: ``handle(command, now) -> replies``.

It routes each command to the part of the core that owns it and is the one
place where an unexpected error becomes a polite reply: the traceback goes to
the log with the command that caused it, never to a chat user.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol, Sequence

from bot.core.messages import (
    Answer, Ask, Command, Daily, Exam, Explain, Help, Remind, Report, Round, HelpText, More, Quiz, Reply, Review,
    Setup, ShowLeaderboard, ShowStats, Text, Topics, unknown_command,
)

log = logging.getLogger(__name__)

SORRY = Text("Sorry, something went wrong on our side. It has been logged; please try again.", error=True)

USAGE: tuple[tuple[str, str], ...] = (
    ("ask <query>", "look something up in the notes"),
    ("more", "the next part of the last long answer"),
    ("quiz [topic]", "a practice question, on a topic if you name one"),
    ("explain <question id>", "the answer and explanation of a question"),
    ("topics", "what the notes cover"),
    ("leaderboard [today|week|month|all]", "the group's standings"),
    ("stats", "your accuracy, streaks and weakest topics"),
    ("daily", "this channel's open question of the day"),
    ("review", "your most overdue spaced-review question"),
    ("round [topic] [count] [seconds]s", "a timed round in the channel: everyone answers, faster right answers "
                                         "earn more"),
    ("exam [count]", "a private mock exam: 65 questions in 130 minutes, or fewer in less time"),
    ("exam goto N | flag N | flagged | finish | report", "move around your running exam; its score report"),
    ("report <question id> [reason]", "tell the maintainers a question is wrong"),
    ("remind on [HH:MM] | remind off", "a direct message a day when reviews are due or your streak would break"),
    ("setup <channel> <HH:MM> [timezone] [weekdays] [topic] [recap <day> [HH:MM]]",
     "admins: post a daily question there (and the weekly recap, Monday at the daily time unless set)"),
    ("setup <channel> off", "admins: stop the daily question there"),
    ("help", "this list"),
)


class LookupCommands(Protocol):
    """The lookup's side (``lookup.Library``)."""

    def handle(self, command: Ask | More | Topics, now: datetime) -> Sequence[Reply]: ...


class QuizCommands(Protocol):
    """The quiz engine's side (``quiz.Practice``)."""

    def handle(
        self, command: Quiz | Answer | Explain | ShowLeaderboard | ShowStats | Review | Exam | Report | Round,
        now: datetime
    ) -> Sequence[Reply]: ...

    def handle_answers(self, answers: Sequence[tuple[Answer, datetime]]) -> list[list[Reply]]: ...


class DailyCommands(Protocol):
    """The daily question's side (``daily.DailyQuestions``)."""

    def handle(self, command: Daily | Setup | Remind, now: datetime) -> Sequence[Reply]: ...


class Tutor:
    """Routes commands; the parts are passed in (see ``bot.app``)."""

    def __init__(self, lookup: LookupCommands, practice: QuizCommands, schedule: DailyCommands | None = None):
        self.lookup = lookup
        self.practice = practice
        self.schedule = schedule

    def handle(self, command: Command, now: datetime) -> list[Reply]:
        try:
            return list(self._route(command, now))
        except Exception:
            log.exception("command failed: %r", command)
            return [SORRY]

    def handle_answers(self, answers: Sequence[tuple[Answer, datetime]]) -> list[list[Reply]]:
        """``handle`` of answers arriving together, recorded together (``Practice.handle_answers``);
        if that fails, each on its own, so only the one that fails is told so."""
        try:
            return self.practice.handle_answers(answers)
        except Exception:
            log.exception("answers failed together: %r", [command for command, _ in answers])
            return [self.handle(command, now) for command, now in answers]

    def _route(self, command: Command, now: datetime) -> Sequence[Reply]:
        match command:
            case Ask() | More() | Topics():
                return self.lookup.handle(command, now)
            case Quiz() | Answer() | Explain() | ShowLeaderboard() | ShowStats() | Review() | Exam() | Report() \
                    | Round():
                return self.practice.handle(command, now)
            case Daily() | Setup() | Remind():
                if self.schedule is None:
                    return [Text("The daily question is not available here.", error=True)]
                return self.schedule.handle(command, now)
            case Help():
                return [HelpText(USAGE)]
        return [unknown_command()]
