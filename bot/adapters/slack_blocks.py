"""Block Kit rendering of the core's replies, within Slack's limits.

Everything people typed or the notes contain goes through ``escape``: ``&``,
``<`` and ``>`` become entities (so ``<!everyone>`` or ``<@U1>`` in a query
shows as text and pings nobody), and ``@here``-style words get a zero-width
space. Text objects are ``verbatim`` so Slack auto-parses nothing either.
Buttons carry what a click needs (``LETTER|instance``; ``start:passage`` for
More), never server state.

A question lists its options once, in full, as lettered lines in its body; its
buttons (or checkboxes) are the letters alone, so no option is cut at Slack's
75-character label limit. A reply with a title opens with a header block.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable

from bot.adapters.wording import accuracy, exam_report, got_it_right, period_name, prose, recap_lines, reminder_text, round_lines
from bot.core.messages import (
    Choice, DailySummary, ExamReport, Explanation, Recap, Reminder, RoundResults, Feedback, HelpText, Leaderboard, NothingFound,
    FoundPassage, Question, Reply, Standing, Stats, Text, TopicList,
)

SECTION_LIMIT = 3_000  # characters of a section's text
HEADER_LIMIT = 150  # characters of a header block's text
MAX_BLOCKS = 50
BUTTON_LIMIT = 75  # characters of a button's or option's label
VALUE_LIMIT = 2_000  # characters of an action's value
FALLBACK_LIMIT = 3_000  # the notification text; Slack allows more, nobody reads it
ANSWER = "dva:answer:"  # + letter: one button per choice
EXAM_FLAG = "dva:exam:flag"  # value: the question's position in the exam
EXAM_FINISH = "dva:exam:finish"
REPORT = "dva:report"  # value: the question or instance id
PICK, SUBMIT, SHARE, MORE = "dva:pick", "dva:submit", "dva:share", "dva:more"
MORE_VALUE = re.compile(r"(?P<start>[0-9]+):(?P<passage>.+)")  # what a More button carries
Block = dict[str, Any]
_BROADCAST = re.compile(r"@(everyone|channel|here)\b", re.IGNORECASE)


def escape(text: str) -> str:
    """Plain text -> inert mrkdwn: no entity, link or mention survives."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u200b\\1", text)


def header(plain: str) -> Block:
    """A title in Slack's large bold type: plain text (never parsed for mentions), cut to fit."""
    return {"type": "header", "text": {"type": "plain_text", "text": label(plain, HEADER_LIMIT), "emoji": True}}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn, "verbatim": True}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn[:SECTION_LIMIT],
                                             "verbatim": True}]}


def sections(text: str, limit: int = SECTION_LIMIT) -> list[Block]:
    """Escaped ``text`` as sections of at most ``limit`` characters each."""
    return [section(chunk) for chunk in chunks(escape(text), limit)]


def chunks(escaped: str, limit: int) -> list[str]:
    """Cut at line ends where possible, never inside an ``&amp;`` entity."""
    out: list[str] = []
    rest = escaped.strip() or " "
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
            amp = rest.rfind("&", cut - 5, cut)
            cut = amp if amp > 0 and ";" not in rest[amp:cut] else cut
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    out.append(rest)
    return [chunk for chunk in out if chunk]


def label(text: str, limit: int = BUTTON_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    element = {"type": "button", "text": {"type": "plain_text", "text": label(text), "emoji": True},
               "action_id": action_id, "value": value[:VALUE_LIMIT]}
    return element | ({"style": style} if style else {})


def more_button(reply: FoundPassage) -> Block | None:
    """A More button for a passage that goes on, carrying where; None when it ends here (or won't fit)."""
    value = f"{reply.more}:{reply.passage_id}"
    return None if reply.more is None or len(value) > VALUE_LIMIT else button("More", MORE, value)


def actions(replies: Iterable[Reply], share: str | None = None) -> list[Block]:
    """The buttons under a message, as one actions block (or none): "Share in channel"
    carrying ``share`` (the query), and "More" for the first passage that goes on."""
    elements = [button("Share in channel", SHARE, share)] if share is not None else []
    more = next((b for r in replies if isinstance(r, FoundPassage) and (b := more_button(r))), None)
    elements += [more] if more else []
    return [{"type": "actions", "elements": elements}] if elements else []


def heading(path: Iterable[str]) -> str:
    return " › ".join(escape(part) for part in path)


def choice_line(choice: Choice) -> str:
    return f"*{escape(choice.letter)}.* {escape(choice.text)}"


def when(moment: datetime) -> str:
    """A time every reader sees in their own timezone (Slack's date token)."""
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


# --- one reply -> blocks ------------------------------------------------------


def blocks_for(reply: Reply) -> list[Block]:
    match reply:
        case Text():
            return sections(("⚠️ " if reply.error else "") + reply.text)
        case FoundPassage():
            return _passage(reply)
        case NothingFound():
            found = [section(f"Nothing in the notes about “{escape(reply.query)}”.")]
            if reply.suggestions:
                found.append(context("They cover: " + ", ".join(escape(s) for s in reply.suggestions)))
            return found
        case Question():
            return _question(reply)
        case Feedback():
            return _feedback(reply)
        case Explanation():
            return [section(f"*{escape(prose(reply.stem))}*"), *_answer(reply.answer, reply.explanation, letters=False),
                    context(f"{heading(reply.heading)} · question {escape(reply.question_id)}")]
        case TopicList():
            lines = [f"• *{escape(t.name)}*: {t.passages} passages" + (f", {t.questions} questions"
                     if t.questions else "") + (f" · {escape(t.domain)}" if t.domain else "")
                     for t in reply.topics] or ["The notes are empty."]
            return [header("Topics in the notes"), *_lines(lines),
                    context("Practise one: `/dva quiz &lt;topic&gt;`")]
        case Leaderboard():
            return _leaderboard(reply)
        case Stats():
            return _stats(reply)
        case HelpText():
            lines = [f"`/dva {escape(usage)}`  {escape(what)}" for usage, what in reply.commands]
            return [header("Study bot commands"), *_lines(lines)]
        case DailySummary():
            return _summary(reply)
        case RoundResults():
            title = "Round over" if reply.final else f"Round · question {reply.position} of {reply.size}"
            return [header(title), *_lines([escape(line) for line in round_lines(reply)])]
        case Reminder():
            return sections(reminder_text(reply))
        case Recap():
            return [header(f"Week of {reply.week_of:%d %B %Y}"), *_lines([escape(line) for line in recap_lines(reply)])]
        case ExamReport():
            first, *rest = exam_report(reply)
            return [header(f"Mock exam: {reply.score} / 1000"), section(escape(first)),
                    *_lines([escape(line) for line in rest])]
    return sections(str(reply))


def _lines(lines: list[str]) -> list[Block]:
    """Already-escaped lines packed into as few sections as the limit allows."""
    return [section(chunk) for chunk in chunks("\n".join(lines), SECTION_LIMIT)]


def _passage(reply: FoundPassage) -> list[Block]:
    out = [section(f"*{heading(reply.heading)}*"), *sections(reply.text)]
    notes = [f"Source: {escape(reply.source)}"]
    if reply.related:
        notes.append("Related: " + "; ".join(escape(r) for r in reply.related))
    if reply.open_question:
        notes.append("The notes mark this as an open question (??)")
    return out + [context(" · ".join(notes))]


def _question(q: Question) -> list[Block]:
    """Title, stem, every option once as a lettered line, then one button (or checkbox) per letter."""
    kind = "Question of the day" if q.daily else "Review" if q.review else "Question"
    title = f"Exam · question {q.exam.position} of {q.exam.size}" if q.exam else \
        f"{kind} · {q.topic}" if q.topic else kind
    body = [header(title), *sections(prose(q.stem)), *_lines([choice_line(c) for c in q.choices])]
    if q.pick == 1:
        elements = [button(c.letter, ANSWER + c.letter, f"{c.letter}|{q.instance}") for c in q.choices[:25]]
    else:
        options = [{"text": {"type": "plain_text", "text": c.letter}, "value": c.letter} for c in q.choices[:10]]
        elements = [{"type": "checkboxes", "action_id": PICK, "options": options},
                    button(f"Submit {q.pick} answers", SUBMIT, q.instance, "primary")]
    if q.exam is not None:  # no topic or id: nothing that hints before the end
        elements += [button("Unflag" if q.exam.flagged else "Flag for review", EXAM_FLAG, str(q.exam.position)),
                     button("Finish exam", EXAM_FINISH, str(q.exam.position), "primary")]
        notes = [f"Choose {q.pick}" if q.pick > 1 else "", escape(q.note),
                 f"Your pick so far: {', '.join(q.exam.chosen)}" if q.exam.chosen else "",
                 f"{q.exam.answered} answered", "flagged" if q.exam.flagged else "", f"ends {when(q.exam.ends_at)}"]
    else:
        notes = [f"Choose {q.pick}" if q.pick > 1 else "", escape(q.note),
                 f"Open until {when(q.closes_at)}" if q.closes_at else "",
                 f"`/dva explain {escape(q.question_id)}` after answering"]
    elements.append(button("Report", REPORT, q.instance, "danger"))
    return body + [{"type": "actions", "elements": elements},
                   context(" · ".join(n for n in notes if n))]


def _answer(answer: tuple[Choice, ...], explanation: str, letters: bool = True) -> list[Block]:
    """The right answer(s); ``letters=False`` for an explanation, which no showing's order fits."""
    word = "Right answer" if len(answer) == 1 else "Right answers"
    shown = (choice_line(c) if letters else escape(c.text) for c in answer)
    return [section(f"{word}: " + "; ".join(shown)),
            *(sections(prose(explanation)) if explanation else [])]


def _feedback(f: Feedback) -> list[Block]:
    mark = "✅" if f.correct else "❌"
    chosen = ", ".join(escape(c) for c in f.chosen)
    if not f.counted:
        first = f"{mark} You had already answered ({chosen}): your first answer is the one that counted"
        first += ", and it was right." if f.correct else ", and it was not right."
    elif f.correct:
        first = f"{mark} Correct" + (f": +{f.points} points." if f.points else ".")
    else:
        first = f"{mark} Not quite: you chose {chosen}."
    notes = [heading(f.heading), f"question {escape(f.question_id)}"]
    if f.next_review:
        notes.append(f"next review {when(f.next_review)}")
    return [section(first), *_answer(f.answer, f.explanation), context(" · ".join(n for n in notes if n)),
            {"type": "actions", "elements": [button("Report", REPORT, f.question_id, "danger")]}]


def _standing(s: Standing) -> str:
    name = escape(s.learner.name or s.learner.user)
    who = f"*{name}* (you)" if s.is_asker else name
    return f"{s.rank}. {who}: {s.points} pts ({s.correct}/{s.answered} right)"


def _leaderboard(board: Leaderboard) -> list[Block]:
    period = escape(period_name(board.period))
    lines = [_standing(s) for s in board.rows] or [f"No answers {period} yet: try `/dva quiz`."]
    if board.asker:
        lines += ["…", _standing(board.asker)]
    return [header(f"Leaderboard · {period_name(board.period)}"), *_lines(lines),
            context(f"Days counted in {escape(board.timezone)}")]


def _stats(s: Stats) -> list[Block]:
    share = accuracy(s.correct, s.answered, none="no answers yet")
    lines = [f"Answered {s.answered}, right {s.correct} ({share}), {s.points} points",
             f"Streak: {_days(s.streak)} (best {_days(s.best_streak)})",
             f"Reviews due: {s.reviews_due}"]
    lines += [f"By exam domain: {escape(d.topic)} {d.correct}/{d.answered}" for d in s.domains]
    lines += [f"• {escape(t.topic)}: {t.correct}/{t.answered}" for t in s.topics]
    if s.weakest:
        lines.append("Weakest: " + ", ".join(
            f"{escape(t.topic)} (`/dva {escape(t.practice)}`)" for t in s.weakest))
    return [header("Stats"), context(escape(s.learner.name or s.learner.user)), *_lines(lines)]


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _summary(d: DailySummary) -> list[Block]:
    share = f"{accuracy(d.correct, d.answered)} right" if d.answered else "nobody answered"
    right = [section(escape(got_it_right(d)))] if d.right else []
    source = f"{heading(d.heading)} · " if d.heading else ""
    return [header("Question of the day: the answer"), *sections(prose(d.stem)),
            *_answer(d.answer, d.explanation), *right,
            context(f"{d.answered} answered · {share} · {source}question {escape(d.question_id)}")]


# --- many replies -> one message ----------------------------------------------


def fallback(reply: Reply, blocks: list[Block]) -> str:
    """The notification text (escaped): what shows where blocks cannot."""
    match reply:
        case Text():
            return escape(reply.text)
        case FoundPassage():
            return escape(" › ".join(reply.heading) + ": " + reply.text)
        case Question() | Explanation() | DailySummary():
            return escape(prose(reply.stem))
        case Feedback():
            return escape(("✅ Correct. " if reply.correct else "❌ Not quite. ") + prose(reply.explanation))
    first = next((b for b in blocks if b["type"] in ("header", "section")), None)
    if first is None:
        return ""
    text = first["text"]["text"]  # a header's is plain text, a section's already escaped
    return escape(text) if first["type"] == "header" else text.replace("*", "")


def message(replies: Iterable[Reply], extra: Iterable[Block] = ()) -> dict[str, Any]:
    """Replies -> ``{"blocks", "text"}`` for one message of at most 50 blocks."""
    blocks: list[Block] = []
    notices: list[str] = []
    for reply in replies:
        if blocks:
            blocks.append({"type": "divider"})
        these = blocks_for(reply)
        notices.append(fallback(reply, these))
        blocks.extend(these)
    extra = list(extra)
    room = MAX_BLOCKS - len(extra)
    if len(blocks) > room:
        blocks = blocks[: room - 1] + [context("… cut to fit one Slack message.")]
    text = "\n".join(notices) or " "
    return {"blocks": blocks + extra, "text": label(text, FALLBACK_LIMIT)}
