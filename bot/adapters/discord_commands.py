"""The ``/dva`` slash-command group: names, options and descriptions Discord shows.

Each subcommand only hands the interaction to the client's ``respond``, which
turns it into a core command (``discord.to_command``); what the options mean
lives there and in the core.
"""

from __future__ import annotations

from typing import Protocol

import discord
from discord import app_commands

from bot.adapters.discord_views import clip


class Responder(Protocol):
    """What the commands need of the client (``discord.StudyClient``)."""

    async def respond(self, interaction: discord.Interaction) -> None: ...

    def topic_names(self, interaction: discord.Interaction) -> list[str]: ...


def commands_for(client: Responder) -> app_commands.Group:
    """``/dva`` and its subcommands; each one only hands the interaction to ``respond``."""
    dva = app_commands.Group(
        name="dva", description="Study for AWS Developer Associate with the group's notes",
        allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=False),
        allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
    )
    respond = client.respond

    @dva.command(name="ask", description="Look something up in the notes")
    @app_commands.describe(query="What to look up in your notes, e.g. 'rds proxy' or 'how long are deleted snapshots kept'")
    async def ask(interaction: discord.Interaction, query: app_commands.Range[str, 1, 300]) -> None:
        await respond(interaction)

    @dva.command(name="quiz", description="A practice question, on a topic if you name one")
    @app_commands.describe(topic="A topic of the notes; leave empty for any")
    async def quiz(interaction: discord.Interaction, topic: app_commands.Range[str, 1, 100] | None = None) -> None:
        await respond(interaction)

    @quiz.autocomplete("topic")
    async def topic_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        names = [n for n in client.topic_names(interaction) if current.casefold() in n.casefold()]
        return [app_commands.Choice(name=clip(n, 100), value=n[:100]) for n in names[:25]]

    @dva.command(name="explain", description="The answer and explanation of a question")
    @app_commands.describe(question="The question id, shown under every question")
    async def explain(interaction: discord.Interaction, question: app_commands.Range[str, 1, 100]) -> None:
        await respond(interaction)

    @dva.command(name="topics", description="What the notes cover")
    async def topics(interaction: discord.Interaction) -> None:
        await respond(interaction)

    @dva.command(name="leaderboard", description="This server's standings")
    @app_commands.describe(period="Which days count (default: this week)",
                           private="Show it to you alone instead of the channel")
    @app_commands.choices(period=[app_commands.Choice(name=n, value=v) for n, v in (
        ("today", "today"), ("this week", "week"), ("this month", "month"), ("all time", "all"))])
    async def leaderboard(interaction: discord.Interaction, period: str | None = None,
                          private: bool | None = None) -> None:
        await respond(interaction)

    @dva.command(name="stats", description="Accuracy, streaks and weakest topics")
    @app_commands.describe(user="Whose stats (default: yours)")
    async def stats(interaction: discord.Interaction, user: discord.User | None = None) -> None:
        await respond(interaction)

    @dva.command(name="daily", description="This channel's open question of the day")
    async def daily(interaction: discord.Interaction) -> None:
        await respond(interaction)

    @dva.command(name="review", description="Your most overdue spaced-review question")
    async def review(interaction: discord.Interaction) -> None:
        await respond(interaction)

    @dva.command(name="exam", description="A private mock exam: 65 questions in 130 minutes, or fewer")
    @app_commands.describe(number="Questions in a new exam (default 65), or the question to go to or flag",
                           action="What to do (default: start, or resume your running exam)")
    @app_commands.choices(action=[app_commands.Choice(name=n, value=v) for n, v in (
        ("start or resume", "start"), ("go to question", "show"), ("flag question", "flag"),
        ("list flagged", "flagged"), ("finish and score", "finish"), ("last report", "report"))])
    async def exam(interaction: discord.Interaction, number: app_commands.Range[int, 1, 65] | None = None,
                   action: str | None = None) -> None:
        await respond(interaction)

    @dva.command(name="round", description="A timed round in this channel: everyone answers, fastest scores most")
    @app_commands.describe(topic="A topic of the notes; leave empty for any", count="How many questions (default 5)",
                           seconds="How long each question is open (default 30)")
    async def round_(interaction: discord.Interaction, topic: app_commands.Range[str, 1, 100] | None = None,
                     count: app_commands.Range[int, 1, 20] | None = None,
                     seconds: app_commands.Range[int, 10, 300] | None = None) -> None:
        await respond(interaction)

    round_.autocomplete("topic")(topic_choices)

    @dva.command(name="report", description="Tell the maintainers a question is wrong")
    @app_commands.describe(question="The question id, shown under every question", reason="What is wrong")
    async def report(interaction: discord.Interaction, question: app_commands.Range[str, 1, 100],
                     reason: app_commands.Range[str, 1, 300] | None = None) -> None:
        await respond(interaction)

    @dva.command(name="help", description="What the bot can do")
    async def help_(interaction: discord.Interaction) -> None:
        await respond(interaction)

    @dva.command(name="setup", description="Admins: post a daily question in a channel")
    @app_commands.describe(
        channel="Where to post the daily question", time="Local time to post it, HH:MM (or 'off' to stop)",
        timezone="IANA timezone, e.g. Europe/Berlin (default UTC)",
        weekdays="Which days, e.g. mon-fri or mon,wed,fri (default every day)",
        topic="Only questions on this topic (default any)",
        recap_day="The weekly recap's day, e.g. fri (default Monday)",
        recap_time="The weekly recap's local time, HH:MM (default the daily time)",
    )
    async def setup(
        interaction: discord.Interaction, channel: discord.TextChannel, time: app_commands.Range[str, 1, 5],
        timezone: app_commands.Range[str, 1, 64] | None = None, weekdays: app_commands.Range[str, 1, 40] | None = None,
        topic: app_commands.Range[str, 1, 100] | None = None, recap_day: app_commands.Range[str, 1, 9] | None = None,
        recap_time: app_commands.Range[str, 1, 5] | None = None,
    ) -> None:
        await respond(interaction)

    setup.autocomplete("topic")(topic_choices)
    return dva
