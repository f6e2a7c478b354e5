"""One command grammar for every text surface (Slack's ``/dva``, the console).

``parse("quiz ec2", learner)`` -> ``Quiz(learner, "ec2")``. Malformed input
becomes a ``Text`` with the usage, never an exception. The ``setup`` channel
is returned as the raw token: only the adapter knows what a channel looks like
(Slack sends ``<#C123|name>``), so it resolves ``Setup.target`` itself.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from bot.core.daily import SETUP_USAGE, parse_time, parse_timezone, parse_weekdays
from bot.core.messages import (
    Ask,
    Command,
    Daily,
    Exam,
    Explain,
    Help,
    Learner,
    More,
    Quiz,
    Remind,
    Report,
    Review,
    Round,
    Setup,
    ShowLeaderboard,
    ShowStats,
    Text,
    Topics,
)
from bot.core.quiz import PERIODS

_ZONE_SHAPE = re.compile(r"^[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+$")  # "Europe/Berlni": daily says unknown
MAX_TEXT = 2_000  # longer input is cut before it reaches the core


def parse(text: str, learner: Learner, target: str = "") -> Command | Text:
    """Text after ``/dva`` -> a command, or a ``Text`` explaining what went wrong.

    ``target`` is where the text was typed; ``daily`` uses it.
    """
    words = clean(text).split()
    if not words:
        return Help(learner)
    verb, args = words[0].lower(), words[1:]
    rest = " ".join(args)
    match verb:
        case "ask":
            return Ask(learner, rest) if rest else _usage("ask <query>", "e.g. 'ask rds proxy'")
        case "more":
            # the console and the platforms' "More" buttons carry the passage and offset
            if len(args) == 2 and args[1].isdigit():
                return More(learner, args[0], int(args[1]))
            return Text("Nothing to continue: 'more' shows the rest of the last long 'ask' answer.",
                        error=True)
        case "quiz":
            return Quiz(learner, rest or None)
        case "explain":
            if len(args) == 1:
                return Explain(learner, args[0])
            return _usage("explain <question id>", "the id is shown under each question")
        case "topics":
            return Topics(learner)
        case "leaderboard" | "lb":
            period = args[0].lower() if args else "week"
            if len(args) > 1 or period not in PERIODS:
                return _usage("leaderboard [today|week|month|all]", "")
            return ShowLeaderboard(learner, period)
        case "stats":
            return ShowStats(learner)
        case "daily":
            return Daily(learner, target)
        case "review":
            return Review(learner)
        case "help":
            return Help(learner)
        case "setup":
            return parse_setup(args, learner)
        case "exam":
            return parse_exam(args, learner)
        case "round":  # round [topic] [count] [seconds]s
            seconds = None
            if args and re.fullmatch(r"\d+s", args[-1].lower()):
                seconds, args = int(args[-1][:-1]), args[:-1]
            count = int(args[-1]) if args and args[-1].isdigit() else 5
            topic = " ".join(args[:-1] if args and args[-1].isdigit() else args) or None
            if not 1 <= count <= 20:
                return _usage("round [topic] [count] [seconds]s", "up to 20 questions, e.g. 'round rds 5 45s'")
            return Round(learner, target, topic, count, seconds=seconds)
        case "remind":
            if args and args[0].lower() == "off" and len(args) == 1:
                return Remind(learner, on=False)
            if args and args[0].lower() == "on" and len(args) <= 2:
                return Remind(learner, on=True, time=args[1] if len(args) == 2 else None)
            return _usage("remind on [HH:MM] | remind off", "e.g. 'remind on 08:00'")
        case "report":
            if args:
                return Report(learner, args[0], " ".join(args[1:]))
            return _usage("report <question id> [reason]", "the id is shown under each question")
    return Text(unknown(verb, args), error=True)


EXAM_USAGE = "exam [count] | exam goto N | exam flag N | exam flagged | exam finish | exam report"


def parse_exam(args: list[str], learner: Learner) -> Exam | Text:
    """``exam [count]``, ``exam goto N``, ``exam flag N``, ``exam flagged``, ``exam finish``, ``exam report``."""
    if not args:
        return Exam(learner)
    word, number = args[0].lower(), args[1] if len(args) > 1 else ""
    if word.isdigit() and len(args) == 1:
        return Exam(learner, "start", size=int(word))
    if word in ("goto", "go", "show", "flag") and number.isdigit() and len(args) == 2:
        return Exam(learner, "flag" if word == "flag" else "show", position=int(number))
    if word in ("flagged", "finish", "end", "submit", "report") and len(args) == 1:
        return Exam(learner, {"end": "finish", "submit": "finish"}.get(word, word))
    return _usage(EXAM_USAGE, "e.g. 'exam 20' for a 20-question exam")


VERBS = ("ask", "more", "quiz", "explain", "topics", "leaderboard", "stats", "daily", "review", "help", "setup",
         "exam", "report", "remind", "round")
QUESTION_WORDS = frozenset("what whats what's how why when where which who is are can does do should".split())


def unknown(verb: str, args: list[str]) -> str:
    """One line for a command we do not know, with what was probably meant."""
    close = get_close_matches(verb, VERBS, n=1, cutoff=0.7)
    if close:
        return f"Unknown command '{verb[:40]}'. Did you mean '{close[0]}'? Try 'help' for the list."
    if verb in QUESTION_WORDS or args:
        text = " ".join([verb, *args])[:80]
        return f"Unknown command '{verb[:40]}'. To look it up in the notes, type 'ask {text}'."
    return f"Unknown command '{verb[:40]}'. Try 'help' for the list."


def parse_setup(args: list[str], learner: Learner) -> Setup | Text:
    """``<channel> <HH:MM> [timezone] [weekdays] [topic...] [recap <day> [HH:MM]]`` or ``<channel> off``."""
    if len(args) < 2:
        return _usage(SETUP_USAGE, "e.g. 'setup #study 09:00 Europe/Berlin mon-fri'")
    channel, when, extra = args[0], args[1], args[2:]
    if when.lower() == "off":
        return Setup(learner, target=channel, off=True) if not extra else _usage(SETUP_USAGE, "")
    time = parse_time(when)
    if time is None:
        return _usage(SETUP_USAGE, f"'{when[:20]}' is not a time: use 24-hour HH:MM, e.g. 09:00")
    recap_day = recap_time = None
    lowered = [word.lower() for word in extra]
    if "recap" in lowered:  # "... recap fri 17:00": the weekly recap's day and time
        at = lowered.index("recap")
        extra, recap = extra[:at], extra[at + 1:]
        if not recap or len(recap) > 2:
            return _usage(SETUP_USAGE, "e.g. '... recap fri 17:00': the recap's weekday, then its time")
        recap_day, recap_time = recap[0].lower(), recap[1] if len(recap) == 2 else None
    timezone = weekdays = None
    if extra and (parse_timezone(extra[0]) or _ZONE_SHAPE.match(extra[0])):
        timezone, extra = extra[0], extra[1:]
    if extra and parse_weekdays(extra[0]) is not None:
        weekdays, extra = extra[0].lower(), extra[1:]
    return Setup(learner, target=channel, time=time, timezone=timezone,
                 weekdays=weekdays, topic=" ".join(extra) or None, recap_day=recap_day, recap_time=recap_time)


def clean(text: str) -> str:
    """Drop control and zero-width characters and cut very long input."""
    text = text[:MAX_TEXT]
    return "".join(ch for ch in text if ch.isprintable() or ch in " \t\n")


def _usage(usage: str, hint: str) -> Text:
    return Text(f"Usage: {usage}" + (f" — {hint}" if hint else ""), error=True)
