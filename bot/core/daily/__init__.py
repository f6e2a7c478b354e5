"""The question of the day: schedules (slots), what is due, which question a channel gets.

What other packages may use: ``DailyQuestions`` (the core's side of the daily
post), the slot arithmetic the scheduler needs, and the parsers of the
``setup`` command's values.
"""

from bot.core.daily.posts import SETUP_USAGE, DailyQuestions
from bot.core.daily.slots import GRACE, Schedule, Slot, due_slot, parse_time, parse_timezone, parse_weekdays

__all__ = ["GRACE", "SETUP_USAGE", "DailyQuestions", "Schedule", "Slot", "due_slot", "parse_time",
           "parse_timezone", "parse_weekdays"]
