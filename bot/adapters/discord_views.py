"""How replies look on Discord: embeds, answer and More buttons, and Discord's size limits.

``render(reply)`` turns one core reply into keyword arguments for a send
(``content``/``embed``/``view``/``ephemeral``/``allowed_mentions``). Buttons
are ``DynamicItem``s whose custom_id carries what the click needs (the question
instance and the letter; the passage and where its rest starts), so a click on
a message posted before a restart still works: no view is kept in memory. Every text is clipped to Discord's limits here, and
mentions are never parsed, so text typed by people can't ping anyone.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import datetime

import discord
from discord.utils import escape_markdown

from bot.adapters.wording import accuracy, count, exam_report, period_name, got_it_right, prose as _prose, recap_lines, reminder_text, round_lines
from bot.core.messages import (
    Choice, DailySummary, ExamReport, Explanation, Feedback, HelpText, Recap, Reminder, RoundResults, Leaderboard, NothingFound, FoundPassage,
    Question, Reply, Stats, Text, TopicList,
)

log = logging.getLogger(__name__)

# Discord's documented limits.
CONTENT = 2000
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
EMBED = 6000  # all the text of one embed together
BUTTON_LABEL = 80
OPTION_LABEL = 100
CUSTOM_ID = 100
PER_ROW = 5
CONTROLS = 4  # the last row: Flag, Finish, Report, under the choices
STATS_PICTURE = "stats.png"
COMPONENTS = 25

# The custom_ids of the buttons and menus: each DynamicItem's template, and what to_command reads.
BUTTON = re.compile(r"dva:a:(?P<instance>.+):(?P<letter>[A-Z])")
SELECT = re.compile(r"dva:s:(?P<instance>.+)")
MORE = re.compile(r"dva:more:(?P<start>[0-9]+):(?P<passage>.+)")
EXAM = re.compile(r"dva:x:(?P<action>flag|finish):(?P<position>[0-9]+)")
REPORT = re.compile(r"dva:r:(?P<question>.+)")
NO_MENTIONS = discord.AllowedMentions.none()
COLOUR = discord.Colour.blurple()


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str) -> str:
    """Text from people or the notes, shown literally (an ``ec2_user`` is not italics)."""
    return escape_markdown(text)


def prose(text: str) -> str:
    """Bank text shown literally, hard-wrapped lines joined (lists and paragraphs kept)."""
    return plain(_prose(text))


def when(moment: datetime, style: discord.utils.TimestampStyle = "R") -> str:
    return discord.utils.format_dt(moment, style)


def answer_id(instance: str, letter: str) -> str:
    return f"dva:a:{instance}:{letter}"


def select_id(instance: str) -> str:
    return f"dva:s:{instance}"


def more_id(passage_id: str, start: int) -> str:
    return f"dva:more:{start}:{passage_id}"


def exam_id(action: str, position: int) -> str:
    return f"dva:x:{action}:{position}"


def report_id(question: str) -> str:
    return f"dva:r:{question}"


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button], template=BUTTON):
    """One choice of a question; the click is answered by the client's ``respond``."""

    def __init__(self, instance: str, letter: str, label: str = "") -> None:
        super().__init__(discord.ui.Button(
            label=clip(label or letter, BUTTON_LABEL), style=discord.ButtonStyle.secondary,
            custom_id=answer_id(instance, letter),
        ))

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):  # noqa: ANN001, ANN206
        return cls(match["instance"], match["letter"], getattr(item, "label", "") or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.respond(interaction)  # type: ignore[attr-defined]


class ChoiceSelect(discord.ui.DynamicItem[discord.ui.Select], template=SELECT):
    """A choose-TWO question: a select menu taking exactly ``pick`` letters."""

    def __init__(self, instance: str, choices: tuple[Choice, ...] = (), pick: int = 2) -> None:
        options = [discord.SelectOption(label=clip(f"{c.letter} · {c.text}", OPTION_LABEL), value=c.letter)
                   for c in choices[:COMPONENTS]] or [discord.SelectOption(label="?", value="?")]
        pick = max(1, min(pick, len(options)))
        super().__init__(discord.ui.Select(
            custom_id=select_id(instance), options=options, min_values=pick, max_values=pick,
            placeholder=f"Choose {pick}",
        ))

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):  # noqa: ANN001, ANN206
        return cls(match["instance"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.respond(interaction)  # type: ignore[attr-defined]


class MoreButton(discord.ui.DynamicItem[discord.ui.Button], template=MORE):
    """The rest of a long lookup answer, from ``start``; shown to the clicker alone."""

    def __init__(self, passage_id: str, start: int) -> None:
        super().__init__(discord.ui.Button(
            label="More", style=discord.ButtonStyle.secondary, custom_id=more_id(passage_id, start),
        ))

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):  # noqa: ANN001, ANN206
        return cls(match["passage"], int(match["start"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.respond(interaction)  # type: ignore[attr-defined]


class ExamButton(discord.ui.DynamicItem[discord.ui.Button], template=EXAM):
    """Flag (or unflag) an exam question for later, or finish the exam."""

    def __init__(self, action: str, position: int, flagged: bool = False) -> None:
        label = "Finish exam" if action == "finish" else "Unflag" if flagged else "Flag for review"
        style = discord.ButtonStyle.primary if action == "finish" else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=exam_id(action, position),
                                           row=CONTROLS))

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):  # noqa: ANN001, ANN206
        return cls(match["action"], int(match["position"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.respond(interaction)  # type: ignore[attr-defined]


class ReportButton(discord.ui.DynamicItem[discord.ui.Button], template=REPORT):
    """ "This question is wrong": tells the maintainers, privately."""

    def __init__(self, question: str) -> None:
        super().__init__(discord.ui.Button(label="Report", style=discord.ButtonStyle.danger,
                                           custom_id=report_id(question), row=CONTROLS))

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):  # noqa: ANN001, ANN206
        return cls(match["question"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.respond(interaction)  # type: ignore[attr-defined]


def render(reply: Reply) -> dict:
    """Keyword arguments for a send of ``reply``; ``ephemeral`` says it is private."""
    kwargs: dict = {"ephemeral": False, "allowed_mentions": NO_MENTIONS}
    match reply:
        case Text():
            kwargs.update(content=clip(reply.text, CONTENT), ephemeral=reply.error)
        case NothingFound():  # only the asker sees a miss; a found answer is posted for the channel
            kwargs.update(content=clip(_nothing(reply), CONTENT), ephemeral=True)
        case FoundPassage():
            kwargs["embed"] = _passage(reply)
            view = _more(reply)
            if view is not None:
                kwargs["view"] = view
        case Question():
            kwargs["embed"] = _question(reply)
            view = _buttons(reply)
            if view is not None:
                kwargs["view"] = view
        case Feedback():
            kwargs.update(content=clip(_feedback(reply), CONTENT), ephemeral=True)
            if len(report_id(reply.question_id)) <= CUSTOM_ID:
                view = discord.ui.View(timeout=None)
                view.add_item(ReportButton(reply.question_id))
                kwargs["view"] = view
        case RoundResults():
            title = "Round over" if reply.final else f"Round · question {reply.position} of {reply.size}"
            kwargs["embed"] = _embed(title, plain("\n".join(round_lines(reply))))
        case Reminder():
            kwargs["content"] = clip(reminder_text(reply), CONTENT)
        case Recap():
            kwargs["embed"] = _embed(f"Week of {reply.week_of:%d %B %Y}", plain("\n".join(recap_lines(reply))))
        case ExamReport():
            title = f"Mock exam: {reply.score} / 1000 · {'PASS' if reply.passed else 'below the pass line'}"
            kwargs.update(embed=_embed(title, plain("\n".join(exam_report(reply)[1:]))), ephemeral=True)
        case Explanation():
            kwargs["embed"] = _embed(f"Question {plain(reply.question_id)}", _explanation(reply), reply.heading)
        case TopicList():
            lines = [f"**{plain(t.name)}** · {count(t.passages, 'passage')}, {count(t.questions, 'question')}"
                     + (f" · {plain(t.domain)}" if t.domain else "") for t in reply.topics]
            kwargs["embed"] = _embed("Topics in the notes", "\n".join(lines) or "The notes are empty.")
        case Leaderboard():
            kwargs["embed"] = _leaderboard(reply)
        case Stats():
            kwargs["embed"] = _stats(reply)
            if reply.answered:  # a picture of the progress, attached and shown in the embed
                from bot.adapters.pictures import stats_png  # matplotlib loads only when a picture is drawn

                kwargs["files"] = [discord.File(io.BytesIO(stats_png(reply)), filename=STATS_PICTURE)]
                kwargs["embed"].set_image(url=f"attachment://{STATS_PICTURE}")
        case HelpText():
            lines = [f"`/dva {usage}` · {what}" for usage, what in reply.commands]
            kwargs["embed"] = _embed("DVA study bot", "\n".join(lines))
        case DailySummary():
            kwargs["embed"] = _summary(reply)
        case _:
            kwargs["content"] = clip(str(reply), CONTENT)
    if "embed" in kwargs:
        _fit(kwargs["embed"])
    return kwargs


def _fit(embed: discord.Embed) -> None:
    """Shorten the description when the embed's text passes Discord's total."""
    excess = len(embed) - EMBED
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(1, len(embed.description) - excess))


def _embed(title: str, description: str, heading: tuple[str, ...] = ()) -> discord.Embed:
    embed = discord.Embed(title=clip(title, TITLE), description=clip(description, DESCRIPTION), colour=COLOUR)
    if heading:
        embed.set_footer(text=clip("Source: " + " › ".join(heading), FOOTER))
    return embed


def _nothing(reply: NothingFound) -> str:
    text = f"Nothing in the notes about \"{plain(reply.query)}\"."
    if reply.suggestions:
        text += " They cover: " + ", ".join(map(plain, reply.suggestions)) + "."
    return text


def _passage(reply: FoundPassage) -> discord.Embed:
    embed = _embed(plain(" › ".join(reply.heading)) or "Notes", plain(reply.text))
    if reply.open_question:
        embed.add_field(name="Open question", value="The notes mark this as not settled yet (??).", inline=False)
    if reply.related:
        embed.add_field(name="Related", value=clip(plain("\n".join(reply.related)), FIELD_VALUE), inline=False)
    embed.set_footer(text=clip(reply.source, FOOTER))
    return embed


def _more(reply: FoundPassage) -> discord.ui.View | None:
    """A More button when the passage goes on (and its id fits a custom_id)."""
    if reply.more is None:
        return None
    if len(more_id(reply.passage_id, reply.more)) > CUSTOM_ID:
        log.warning("passage id %r is too long for a Discord custom_id; no More button", reply.passage_id)
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(MoreButton(reply.passage_id, reply.more))
    return view


def _question(reply: Question) -> discord.Embed:
    if reply.exam is not None:  # no topic, id or source: nothing that hints before the end
        lines = [prose(reply.stem), ""] + [f"**{c.letter}.** {plain(c.text)}" for c in reply.choices]
        if reply.pick > 1:
            lines += ["", f"*Choose {reply.pick}.*"]
        if reply.exam.chosen:
            lines += ["", f"Your pick so far: {', '.join(reply.exam.chosen)}"]
        if reply.note:
            lines += ["", plain(reply.note)]
        progress = reply.exam
        embed = _embed(f"Exam · question {progress.position} of {progress.size}", "\n".join(lines))
        embed.set_footer(text=clip(f"{progress.answered} answered" + (" · flagged" if progress.flagged else "")
                                   + " · picks can change until you finish", FOOTER))
        embed.add_field(name="Time", value=f"ends {when(progress.ends_at)}")
        return embed
    kind = "Daily question" if reply.daily else "Review" if reply.review else "Question"
    lines = [prose(reply.stem), ""] + [f"**{c.letter}.** {plain(c.text)}" for c in reply.choices]
    if reply.pick > 1:
        lines += ["", f"*Choose {reply.pick}.*"]
    if reply.closes_at is not None:
        lines += ["", f"Closes {when(reply.closes_at)}."]
    embed = _embed(f"{kind} · {plain(reply.topic)}" if reply.topic else kind, "\n".join(lines))
    footer = " · ".join(part for part in (reply.question_id, reply.note) if part)
    if reply.heading:
        footer += " · " + " › ".join(reply.heading)
    embed.set_footer(text=clip(footer, FOOTER))
    return embed


def _buttons(reply: Question) -> discord.ui.View | None:
    """One button per choice (5 to a row), or a select menu for choose-two."""
    if len(answer_id(reply.instance, "A")) > CUSTOM_ID:
        log.error("question instance %r is too long for a Discord custom_id; no buttons", reply.instance)
        return None
    view = discord.ui.View(timeout=None)
    if reply.pick > 1:
        view.add_item(ChoiceSelect(reply.instance, reply.choices, reply.pick))
    else:
        for choice in reply.choices[:CONTROLS * PER_ROW]:  # 5 to a row, above the controls' row
            view.add_item(ChoiceButton(reply.instance, choice.letter, f"{choice.letter} · {choice.text}"))
    if reply.exam is not None:
        view.add_item(ExamButton("flag", reply.exam.position, reply.exam.flagged))
        view.add_item(ExamButton("finish", reply.exam.position))
    view.add_item(ReportButton(reply.instance))
    return view


def _answer(choices: tuple[Choice, ...]) -> str:
    return "; ".join(f"**{c.letter}** · {plain(c.text)}" for c in choices)


def _options(choices: tuple[Choice, ...]) -> str:
    """``**B** · text and **D** · text``: options named in a sentence."""
    return " and ".join(f"**{c.letter}** · {plain(c.text)}" if c.text else f"**{c.letter}**" for c in choices)


def _feedback(reply: Feedback) -> str:
    if reply.correct:
        lines = ["✅ Right!"]
        if not reply.counted:
            lines[0] += f" You had already answered ({', '.join(reply.chosen)}): your first answer is the one that counted."
        elif reply.points:
            lines[0] += f" +{reply.points} points."
        lines.append("Answer: " + _answer(reply.answer))
    else:
        picked = reply.picked or tuple(Choice(letter, "") for letter in reply.chosen)
        lines = [f"❌ You {'picked' if reply.counted else 'first picked'} {_options(picked)}; "
                 f"the answer is {_options(reply.answer)}."]
        if not reply.counted:
            lines[0] += " Your first answer is the one that counted."
    if reply.explanation:
        lines.append(prose(reply.explanation))
    if reply.heading:
        lines.append("Source: " + plain(" › ".join(reply.heading)))
    if reply.next_review is not None:
        lines.append(f"Next review {when(reply.next_review)}.")
    return "\n".join(lines)


def _explanation(reply: Explanation) -> str:
    # no letters: an explanation stands apart from any one showing's order
    answer = "Answer: " + "; ".join(plain(c.text) for c in reply.answer)
    parts = (prose(reply.stem), answer, prose(reply.explanation))
    return "\n\n".join(part for part in parts if part)


def _leaderboard(reply: Leaderboard) -> discord.Embed:
    def row(s) -> str:  # noqa: ANN001
        line = f"{s.rank}. {plain(s.learner.name or s.learner.user)} · {s.points} pts ({s.correct}/{s.answered})"
        return f"**{line}**" if s.is_asker else line

    lines = [row(s) for s in reply.rows] or ["No answers yet. Try `/dva quiz`."]
    if reply.asker is not None:
        lines += ["…", row(reply.asker)]
    embed = _embed(f"Leaderboard · {period_name(reply.period)}", "\n".join(lines))
    embed.set_footer(text=clip(f"Days in {reply.timezone}", FOOTER))
    return embed


def _stats(reply: Stats) -> discord.Embed:
    share = accuracy(reply.correct, reply.answered)
    lines = [f"{plain(t.topic)}: {t.correct}/{t.answered}" for t in reply.topics]
    embed = _embed(f"Stats · {plain(reply.learner.name or reply.learner.user)}", "\n".join(lines) or "No answers yet.")
    for name, value in (("Answered", reply.answered), ("Correct", f"{reply.correct} ({share})"),
                        ("Points", reply.points), ("Streak", reply.streak), ("Best streak", reply.best_streak),
                        ("Reviews due", reply.reviews_due)):
        embed.add_field(name=name, value=str(value))
    if reply.domains:
        by_domain = "\n".join(f"{plain(d.topic)}: {d.correct}/{d.answered} ({accuracy(d.correct, d.answered)})"
                              for d in reply.domains)
        embed.add_field(name="By exam domain", value=clip(by_domain, FIELD_VALUE), inline=False)
    if reply.weakest:
        weakest = "\n".join(f"{plain(t.topic)} ({t.correct}/{t.answered}): `/dva {t.practice}`" for t in reply.weakest)
        embed.add_field(name="Practise next", value=clip(weakest, FIELD_VALUE), inline=False)
    return embed


def _summary(reply: DailySummary) -> discord.Embed:
    lines = [prose(reply.stem), "", "Answer: " + _answer(reply.answer), prose(reply.explanation), "",
             f"{reply.correct} of {reply.answered} answered right."]
    if reply.right:
        lines.append(plain(got_it_right(reply)))
    return _embed("Daily question · answer", "\n".join(lines), reply.heading)
