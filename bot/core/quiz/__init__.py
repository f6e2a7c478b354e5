"""The quiz: serving questions, answers, points, streaks, standings, spaced review.

What other packages may use: ``Practice`` (the quiz engine), ``Tutor`` (the
command dispatcher over lookup and quiz) and ``PERIODS`` (the leaderboard's
periods, which the command grammar parses).
"""

from bot.core.quiz.practice import Practice
from bot.core.quiz.rules import PERIODS, streaks
from bot.core.quiz.standings import practice_command
from bot.core.quiz.tutor import Tutor

__all__ = ["PERIODS", "Practice", "Tutor", "practice_command", "streaks"]
