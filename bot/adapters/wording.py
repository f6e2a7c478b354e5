"""Plain-text wording shared by every renderer (console, Discord, Slack).

Platform-neutral on purpose: no markup and no platform library here, so each
adapter escapes and decorates these strings its own way, and a label or a
sentence changes in one place for all of them.
"""

from __future__ import annotations

import re
from datetime import datetime

#: what an adapter says when answering failed on our side (the core's Tutor says the same)
SORRY = "Sorry, something went wrong on our side. It has been logged; please try again."

#: leaderboard periods (``bot.core.quiz.rules.PERIODS``) as people say them
PERIODS = {"today": "today", "week": "this week", "month": "this month", "all": "all time"}

_WRAPPED = re.compile(r"(?<=\S)[ \t]*\n(?![\n\s•*\-]|\d+[.)] )")  # a line break inside a sentence


def period_name(period: str) -> str:
    """``"week"`` -> ``"this week"``; an unknown period is shown as given."""
    return PERIODS.get(period, period)


def prose(text: str) -> str:
    """Join hard-wrapped lines (question banks wrap at ~100 columns); keep lists and paragraphs."""
    return _WRAPPED.sub(" ", text.strip())


def count(n: int, noun: str) -> str:
    """``"1 question"``, ``"3 questions"``."""
    return f"{n} {noun}{'s' if n != 1 else ''}"


def accuracy(correct: int, answered: int, none: str = "-") -> str:
    """``"75%"`` of answers right, or ``none`` when there are no answers."""
    return f"{round(100 * correct / answered)}%" if answered else none


def relative(moment: datetime, now: datetime) -> str:
    """ "in 2 days", "in 3 hours", "now": what a person reads, not a UTC timestamp."""
    seconds = (moment - now).total_seconds()
    if seconds <= 60:
        return "now"
    for size, unit in ((86_400, "day"), (3_600, "hour"), (60, "minute")):
        if seconds >= size:
            n = round(seconds / size)
            return f"in {n} {unit}{'s' if n != 1 else ''}"
    return "now"


def points_breakdown(feedback) -> str:  # noqa: ANN001 (a messages.Feedback)
    """ " (10 practice + 4 streak bonus)": what the points were for; "" when there is no split."""
    if not feedback.streak_bonus or not feedback.mode:
        return ""
    base = feedback.points - feedback.streak_bonus
    return f" ({base} {feedback.mode} + {feedback.streak_bonus} streak bonus)"


def exam_status(progress, now: datetime) -> str:  # noqa: ANN001 (a messages.ExamProgress)
    """ "Exam · question 3 of 20 · 2 answered · ends in 25 minutes · flagged"."""
    left = relative(progress.ends_at, now)
    parts = [f"Exam · question {progress.position} of {progress.size}", f"{progress.answered} answered",
             "time is up" if left == "now" else f"ends {left}"]
    if progress.flagged:
        parts.append("flagged")
    return " · ".join(parts)


def exam_hint(progress) -> str:  # noqa: ANN001
    """What the learner can do on an exam question, in the console's words."""
    picked = f"Your pick so far: {' '.join(progress.chosen)}. " if progress.chosen else ""
    return (f"{picked}Answer with its letter(s); 'exam flag {progress.position}' to flag it, "
            "'exam goto N' to move, 'exam finish' to score the exam.")


def exam_report(report) -> list[str]:  # noqa: ANN001 (a messages.ExamReport)
    """The score report as lines of plain text: score and pass line, domains, what to practise."""
    verdict = "PASS" if report.passed else "below the pass line"
    lines = [f"Mock exam score: {report.score} / 1000 · pass line {report.pass_score} · {verdict}",
             f"{report.right} of {report.total} right" + (" (time ran out: unanswered count as wrong)"
                                                          if report.timed_out else "")]
    lines += [f"{d.domain}: " + (f"{'Meets competencies' if d.meets else 'Needs improvement'} ({d.right}/{d.total})"
                                 if d.total else "no questions on it in this exam") for d in report.domains]
    if report.weakest:
        lines.append("Practise next: " + "; ".join(f"{t.topic} ({t.correct}/{t.answered}) → '{t.practice}'"
                                                   for t in report.weakest))
    wrong = [i for i in report.items if not i.right]
    if wrong:
        lines.append("Review what you missed: " + ", ".join(
            f"{i.position}{'' if i.answered else ' (unanswered)'} 'explain {i.instance}'" for i in wrong[:10])
            + (f" and {len(wrong) - 10} more" if len(wrong) > 10 else ""))
    lines.append(report.scaling)
    return lines


def recap_lines(recap) -> list[str]:  # noqa: ANN001 (a messages.Recap)
    """The weekly recap as lines of plain text (names as people show them, never a mention)."""
    if not recap.answered:
        return ["Nobody answered a question last week. Start this one with the question of the day "
                "or 'quiz'."]
    lines = [f"{count(recap.answered, 'answer')} in the group last week."]
    if recap.top:
        lines.append("Top five: " + "; ".join(f"{s.rank}. {s.learner.name or s.learner.user} ({s.points} points, "
                                              f"{s.correct}/{s.answered} right)" for s in recap.top))
    if recap.streaks:
        lines.append("Longest streaks: " + "; ".join(f"{who.name or who.user} {count(days, 'day')}"
                                                     for who, days in recap.streaks))
    if recap.weakest is not None:
        w = recap.weakest
        lines.append(f"The group's weakest topic: {w.topic} ({accuracy(w.correct, w.answered)} right): "
                     f"drill it with '{w.practice}'.")
    if recap.missed_question:
        wrong, answered = recap.missed
        stem = prose(recap.missed_stem)
        lines.append(f"Most missed ({wrong} of {answered} wrong): {stem[:200]}{'…' if len(stem) > 200 else ''} "
                     f"('explain {recap.missed_question}')")
    return lines


def reminder_text(reminder) -> str:  # noqa: ANN001 (a messages.Reminder)
    """The day's reminder in one or two sentences."""
    parts = []
    if reminder.streak:
        parts.append(f"Your {count(reminder.streak, 'day')} streak ends tonight: one answer keeps it "
                     "('quiz' or the question of the day).")
    if reminder.reviews:
        parts.append(f"{count(reminder.reviews, 'review')} {'is' if reminder.reviews == 1 else 'are'} due: "
                     "'review' shows the most overdue.")
    return " ".join(parts) + " ('remind off' stops these.)"


def got_it_right(summary) -> str:  # noqa: ANN001 (a messages.DailySummary)
    """ "Got it right, in order: Ana, Bo and 3 more" ("" when nobody did); names, never mentions."""
    names = [who.name or who.user for who in summary.right]
    if not names:
        return ""
    more = summary.correct - len(names)
    return "Got it right, in order: " + ", ".join(names) + (f" and {more} more" if more > 0 else "")


def answers_so_far(answered: int, correct: int) -> str:
    """ "3 answered · 67% right": how a daily question is going, never who picked what."""
    return f"{count(answered, 'answer')} so far · {accuracy(correct, answered)} right" if answered else "No answers yet"


def round_lines(results) -> list[str]:  # noqa: ANN001 (a messages.RoundResults)
    """A round question's results, or the round's final table, as lines of plain text."""
    def name(score) -> str:  # noqa: ANN001
        return score.learner.name or score.learner.user

    if results.final:
        if not results.scores:
            return ["Round over: nobody scored this time."]
        return ["Round over. Final table:"] + [f"{n}. {name(s)}: {s.points} points ({s.right} right)"
                                               for n, s in enumerate(results.scores, 1)]
    answer = "; ".join(f"{c.letter} · {c.text}" for c in results.answer)
    lines = [f"Question {results.position} of {results.size}: the answer was {answer}.",
             f"{count(results.answered, 'answer')}, {len(results.scores)} right."]
    lines += [f"{name(s)} +{s.points}" for s in results.scores]
    return lines
