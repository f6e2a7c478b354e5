"""The local console (``dva chat``) and plain-text rendering of every reply.

``render`` turns any reply into plain text (the CLI prints ``dva ask`` with it
too). ``run`` is the chat loop: the same command grammar as Slack, plus
answering the last question shown by typing its letters (``b``, or ``a c`` for
a choose-two). No platform, no network: a way to use all of the bot locally.
"""

from __future__ import annotations

import getpass
import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, TextIO

from bot.adapters.wording import (
    accuracy, exam_hint, exam_report, exam_status, got_it_right, period_name, points_breakdown, recap_lines, reminder_text, relative,
    round_lines,
)
from bot.core.messages import (
    Answer, Choice, Daily, DailySummary, ExamReport, Recap, Reminder, Round, RoundResults, Explanation, Feedback, HelpText, Leaderboard, Learner,
    NothingFound,
    FoundPassage, Question, Reply, Setup, Standing, Stats, Text, TopicList,
)

LETTERS = re.compile(r"^[a-h](?:[\s,]*[a-h]){0,7}$", re.IGNORECASE)
QUIT = {"quit", "exit", "q", ":q", "bye"}
GREETING = ("DVA study bot: 'quiz' for a question, then type its letter ('b', or 'a c' for choose-two); "
            "'help' for everything; 'quit' to leave.")
NO_CHANNEL = ("The question of the day is posted in Discord and Slack channels by 'dva serve' (an admin "
              "types 'setup #channel 09:00' there). Here, 'quiz' gives you a question now and 'review' "
              "your due ones.")
ANSWER_HELP = ("b  |  a c", "answer the last question shown (two letters for 'Choose TWO')")


def render(reply: Reply) -> str:
    match reply:
        case FoundPassage():
            lines = [" › ".join(reply.heading), reply.text]
            if reply.related:
                lines.append("Related: " + "; ".join(reply.related))
            lines.append(f"(source: {reply.source})")
            if reply.more is not None:
                lines.append("(type 'more' for the rest)")
            return "\n".join(lines)
        case NothingFound():
            tail = f" It covers: {', '.join(reply.suggestions)}." if reply.suggestions else ""
            return f"Nothing in the notes about \"{reply.query}\".{tail}"
        case TopicList():
            return "\n".join(f"{t.name}: {t.passages} passages"
                             + (f", {t.questions} questions" if t.questions else "")
                             + (f" · {t.domain}" if t.domain else "") for t in reply.topics)
        case HelpText():
            width = max(len(usage) for usage, _ in reply.commands) + 2
            return "\n".join(f"{usage:<{width}}{what}" for usage, what in reply.commands)
        case Question():
            return _question(reply)
        case Feedback():
            return _feedback(reply)
        case Explanation():
            # no letters: an explanation stands apart from any one showing's order
            answer = "Answer: " + "; ".join(c.text for c in reply.answer)
            lines = [f"{reply.question_id}: {reply.stem.strip()}", answer, reply.explanation.strip()]
            if reply.heading:
                lines.append("Source: " + " › ".join(reply.heading))
            return "\n".join(lines)
        case Leaderboard():
            return _leaderboard(reply)
        case Stats():
            return _stats(reply)
        case DailySummary():
            lines = [f"Daily question closed: {reply.stem.strip()}", _key(reply.answer),
                     reply.explanation.strip(), f"{reply.correct} of {reply.answered} answered right."]
            if reply.right:
                lines.append(got_it_right(reply))
            if reply.heading:
                lines.append("Source: " + " › ".join(reply.heading))
            return "\n".join(lines)
        case ExamReport():
            return "\n".join(exam_report(reply))
        case Reminder():
            return reminder_text(reply)
        case RoundResults():
            return "\n".join(round_lines(reply))
        case Recap():
            return "\n".join([f"Week of {reply.week_of:%d %B %Y}", *recap_lines(reply)])
        case Text():
            return reply.text
    return repr(reply)


def _question(q: Question) -> str:
    if q.exam is not None:  # no topic, no id to explain: nothing that hints at the answer before the end
        lines = [exam_status(q.exam, datetime.now(timezone.utc)), q.stem.strip()]
        lines += [f"  {c.letter} · {c.text}" for c in q.choices]
        if q.pick > 1:
            lines.append(f"Choose {q.pick}: type {q.pick} letters, e.g. 'a c'.")
        if q.note:
            lines.append(q.note)
        lines.append(exam_hint(q.exam))
        return "\n".join(lines)
    kind = "Daily question" if q.daily else "Review" if q.review else "Question"
    lines = [f"{kind} · {' › '.join(q.heading) or q.topic}" + (" (generated from the notes)" if q.generated else "")]
    lines.append(q.stem.strip())
    lines += [f"  {c.letter} · {c.text}" for c in q.choices]
    if q.pick > 1:
        lines.append(f"Choose {q.pick}: type {q.pick} letters, e.g. 'a c'.")
    if q.note:
        lines.append(q.note)
    if q.closes_at:
        lines.append(f"Open until {q.closes_at:%Y-%m-%d %H:%M %Z}.")
    after = "once this daily question closes" if q.daily else "after answering"
    lines.append(f"(id: {q.question_id} · 'explain {q.question_id}' {after})")
    return "\n".join(lines)


def _feedback(f: Feedback) -> str:
    mark = "✅" if f.correct else "❌"
    chosen = " ".join(f.chosen)
    if not f.counted:
        first = f"{mark} You already answered this with {chosen} ({'right' if f.correct else 'wrong'}); " \
                "only your first answer counts."
    elif f.correct:
        first = f"{mark} Right! {chosen}" + (f" · +{f.points} points{points_breakdown(f)}" if f.points
                                              else " · no points (already scored today)")
    else:
        picked = " and ".join(f"{c.letter} · {c.text}" for c in f.picked) or chosen
        first = f"{mark} Wrong: you picked {picked}."
    lines = [first, _key(f.answer), f.explanation.strip()]
    if f.heading:
        lines.append("Source: " + " › ".join(f.heading))
    if f.next_review:
        lines.append(f"Next review: {relative(f.next_review, datetime.now(timezone.utc))}")
    return "\n".join(lines)


def _key(answer: tuple[Choice, ...]) -> str:
    return "Answer: " + "; ".join(f"{c.letter} · {c.text}" for c in answer)


def _leaderboard(board: Leaderboard) -> str:
    title = f"Leaderboard · {period_name(board.period)} ({board.timezone})"
    if not board.rows:
        return f"{title}\nNo answers {period_name(board.period)} yet: type 'quiz' to get on the board."
    lines = [title] + [_standing(s) for s in board.rows]
    if board.asker:
        lines += ["  …", _standing(board.asker)]
    return "\n".join(lines)


def _standing(s: Standing) -> str:
    you = "  ← you" if s.is_asker else ""
    return f"{s.rank:>3}. {_name(s.learner):<20} {s.points:>6} pts  {s.correct}/{s.answered} right{you}"


def _stats(s: Stats) -> str:
    lines = [f"Stats for {_name(s.learner)}",
             f"Answered {s.answered}, right {s.correct} ({accuracy(s.correct, s.answered)}), {s.points} points",
             f"Streak: {s.streak} day{'s' if s.streak != 1 else ''} (best {s.best_streak})"]
    if s.reviews_due:
        lines.append(f"Reviews due: {s.reviews_due} (type 'review')")
    if s.domains:
        lines.append("By exam domain:")
        lines += [f"  {d.topic}: {d.correct}/{d.answered} right ({accuracy(d.correct, d.answered)})"
                  for d in s.domains]
    if s.topics:
        lines.append("By topic:")
        lines += [f"  {t.topic}: {t.correct}/{t.answered} right" for t in s.topics]
    if s.weakest:
        lines.append("Weakest topics:")
        lines += [f"  {t.topic} ({accuracy(t.correct, t.answered)}): type '{t.practice}'" for t in s.weakest]
    if not s.answered:
        lines.append("No answers yet: type 'quiz' to start.")
    return "\n".join(lines)


def _name(learner: Learner) -> str:
    return learner.name or learner.user


# --- the chat loop ----------------------------------------------------------------


def local_learner() -> Learner:
    try:
        user = getpass.getuser() or "me"
    except Exception:  # no login name (containers): any local user will do
        user = "me"
    return Learner("console", "local", user, user)


def run(tutor, stdin: TextIO, stdout: TextIO, now: Callable[[], datetime] | datetime,
        learner: Learner | None = None, pictures: Path | None = None) -> int:
    """Read commands until ``quit`` or end of input; returns the exit status (0).

    ``pictures``: a folder where ``stats`` writes its picture (a PNG), its path printed."""
    clock = now if callable(now) else (lambda: now)
    learner = learner or local_learner()
    last: Question | None = None
    shown: FoundPassage | None = None  # the last lookup answer, for 'more'
    print(GREETING, file=stdout)
    while True:
        stdout.write("> ")
        stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\n")
            return 0
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT:
            return 0
        if text.lower() == "more" and shown is not None and shown.more is not None:
            text = f"more {shown.passage_id} {shown.more}"
        for reply in _replies(tutor, text, learner, last, clock()):
            if isinstance(reply, Question):
                last = reply
            if isinstance(reply, FoundPassage):
                shown = reply
            out = render(reply)
            if isinstance(reply, Stats) and reply.answered and pictures is not None:
                out += f"\nPicture: {_picture(reply, pictures)}"
            if isinstance(reply, HelpText):
                width = max(len(usage) for usage, _ in reply.commands) + 2
                out += f"\n{ANSWER_HELP[0]:<{width}}{ANSWER_HELP[1]}\n{'quit':<{width}}leave"
            print(out, file=stdout)
        stdout.flush()


def _picture(stats: Stats, folder: Path) -> str:
    """Write the stats picture; its path, or why it could not be written (one line)."""
    from bot.adapters.pictures import stats_png  # matplotlib loads only when a picture is drawn

    name = re.sub(r"[^A-Za-z0-9_.-]", "_", stats.learner.user)[:40] or "me"
    path = folder / f"stats-{name}.png"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(stats_png(stats))
    except OSError as err:
        return f"not written ({err.strerror or err})"
    return str(path)


def _replies(tutor, text: str, learner: Learner, last: Question | None, now: datetime) -> list[Reply]:
    if LETTERS.match(text):
        if last is None:
            return [Text("No question to answer yet: type 'quiz' first.", error=True)]
        letters = tuple(ch.upper() for ch in text if ch.isalpha())
        return tutor.handle(Answer(learner, last.instance, letters), now)
    from bot.core.grammar import parse  # here: ``dva ask`` only renders, and the grammar knows every command

    command = parse(text, learner, target="console")
    if isinstance(command, Text):
        return [command]
    if isinstance(command, (Daily, Setup)):  # the console is nobody's channel: say what to do instead
        return [Text(NO_CHANNEL)]
    if isinstance(command, Round):  # one player: each question closes as soon as it is answered
        command = replace(command, solo=True)
    return tutor.handle(command, now)
