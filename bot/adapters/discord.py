"""Discord adapter: the ``/dva`` slash command group, answer clicks, the daily poster.

Every interaction takes one path: ``to_command`` turns it into a core command,
the interaction is deferred at once (Discord wants an answer within 3 s), the
sync core answers, and ``send`` shows the replies (``render`` lives in
``discord_views``). Clicks carry what they need in their custom_id (the
question instance; the passage and offset of a More), so nothing is held in
memory between a reply and its clicks. Each interaction
counts as in flight on the ``InFlight`` tracker; once it is stopping, new ones
are told privately to try again.

The client is an ``AutoShardedClient`` because that is the discord.py client
that asks ``GET /gateway/bot`` where the gateway is: with ``DISCORD_API_URL``
pointed at a REST proxy or a local fake, the gateway comes from there too.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime
from typing import Any, Callable, Sequence

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters import refused
from bot.adapters.discord_commands import commands_for
from bot.adapters.discord_views import (
    BUTTON, EXAM, MORE, NO_MENTIONS, REPORT, SELECT, ChoiceButton, ChoiceSelect, ExamButton, MoreButton,
    ReportButton, render,
)
from bot.adapters.wording import SORRY, answers_so_far
from bot.config import Settings
from bot.core.messages import (
    Answer, Ask, Command, Daily, Exam, Explain, Feedback, Help, Learner, More, Quiz, Reply, Report, Review, Round,
    Setup, ShowLeaderboard, ShowStats, Text, TopicList, Topics,
)
from bot.group_commit import Core, GroupCommit, Parts
from bot.inflight import RESTARTING, InFlight

__all__ = ["build_client", "to_command", "render", "send", "DiscordPoster"]

log = logging.getLogger(__name__)

# replies only the asker sees (explain: no spoilers; an exam is the learner's own)
PRIVATE = (Answer, More, Explain, ShowStats, Review, Setup, Help, Exam, Report)
REFUSED = "Only members with the Manage Server permission can set up the daily question."
DM_SETUP = "Setup works in a server channel, not in a direct message."
TALLY = "So far"  # the field of a daily post that counts its answers
THINKING = "dva:thinking"  # interaction.extras key: who sees the 'thinking' placeholder still showing
CANNOT_POST = ("I can't post in {where}, so no daily question is scheduled there. Give me View Channel, "
               "Send Messages and Embed Links in {where} (channel settings › Permissions), then run /dva setup again.")
UNCONFIRMED = ("The daily question is set, but Discord refused the confirmation post in {where} just now "
               "({status}). If the first question doesn't appear, check my permissions there.")


class BadInput(ValueError):
    """The interaction can't become a command; the message says why."""


def build_client(
    tutor: Core, settings: Settings, clock: Callable[[], datetime],
    *, topics: Callable[[], Sequence[str]] | None = None, tracker: InFlight | None = None,
    transaction: Callable[[], AbstractContextManager[None]] | None = None,
    batch: Callable[[], AbstractContextManager[Parts]] | None = None,
) -> discord.Client:
    """A client answering ``/dva`` with ``tutor``; start it with ``client.start(token)``.

    ``tracker`` counts the interactions being answered (``serve`` waits for them
    at shutdown); by default a tracker of its own, which never stops.
    ``transaction`` and ``batch``: the store's, so answers arriving together commit together.
    """
    if settings.discord_api_url:
        Route.BASE = settings.discord_api_url.rstrip("/")
    return StudyClient(GroupCommit(tutor, transaction, batch), settings, clock, topics, tracker or InFlight())


class StudyClient(discord.AutoShardedClient):
    def __init__(self, tutor: GroupCommit, settings: Settings, clock, topics, tracker: InFlight) -> None:  # noqa: ANN001
        # Guilds is the one intent we need, and it is not privileged.
        # DISCORD_SHARD_IDS / DISCORD_SHARD_COUNT: this process runs its share of the gateway's shards
        shards: dict[str, Any] = {}
        if settings.discord_shard_count is not None:  # all of them here, unless DISCORD_SHARD_IDS says which
            shards = {"shard_count": settings.discord_shard_count,
                      **({"shard_ids": list(settings.discord_shard_ids)} if settings.discord_shard_ids else {})}
        super().__init__(intents=discord.Intents(guilds=True), allowed_mentions=NO_MENTIONS, **shards)
        self.tutor, self.settings, self.clock, self.topics = tutor, settings, clock, topics
        self.tracker = tracker
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(commands_for(self))
        self.tree.on_error = self.on_command_error
        self.tree.interaction_check = self.allowed

    async def launch_shards(self) -> None:
        """With a set shard count discord.py dials Discord's own gateway; behind DISCORD_API_URL (a
        REST proxy, a local fake) the gateway is the one its ``GET /gateway/bot`` names, as without."""
        if self.shard_count is not None and self.settings.discord_api_url != Settings.discord_api_url:
            _, url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        await super().launch_shards()

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ChoiceButton, ChoiceSelect, MoreButton, ExamButton, ReportButton)
        await sync_commands(self.tree, self.settings.discord_guild_ids)

    async def respond(self, interaction: discord.Interaction) -> None:
        """Answer one slash command or click, counted as in flight; refused once stopping."""
        async with self.tracker.track():
            if self.tracker.stopping:
                await _tell(interaction, RESTARTING)  # within Discord's 3 s: no core, no database
                return
            await self._answer(interaction)

    async def _answer(self, interaction: discord.Interaction) -> None:
        """Defer, ask the core, send the replies; a failure is told privately."""
        command = None
        try:
            command = to_command(interaction)
            private = isinstance(command, PRIVATE) or asks_private(interaction)
            await interaction.response.defer(ephemeral=private, thinking=True)
            interaction.extras[THINKING] = private
            replies = await self._confirmed(command, await self._replies(interaction, command))
            await send(interaction, replies, private=private)
            await _show_tally(interaction, replies)
        except BadInput as bad:
            await _tell(interaction, str(bad))
        except Exception:
            log.exception("discord interaction %s failed: command=%r guild=%s user=%s",
                          interaction.id, command, interaction.guild_id, interaction.user.id)
            await _tell(interaction, SORRY)

    async def _replies(self, interaction: discord.Interaction, command: Command) -> list[Reply]:
        if isinstance(command, Setup) and not interaction.permissions.manage_guild:
            return [Text(REFUSED, error=True)]  # checked here: the client's UI is only a hint
        return await self.tutor.handled(command, self.clock())

    async def _confirmed(self, command: Command, replies: list[Reply]) -> list[Reply]:
        """Announce a new schedule in its channel; when the bot can't post there, undo it and say why.

        Posting is the only sure test: the interaction carries the bot's
        permissions in the channel it was typed in, not in the target.
        """
        if not isinstance(command, Setup) or command.off or refused(replies):
            return replies
        where = command.target_name or "that channel"
        try:
            await DiscordPoster(self).post(command.target, replies[0])
        except (discord.Forbidden, discord.NotFound) as error:  # 50001 Missing Access, 50013, 10003 Unknown Channel
            log.warning("cannot post in %s (%s, code %s): undoing its daily question", command.target, error.status,
                        error.code)
            self.tutor.handle(replace(command, time="", off=True, is_admin=True), self.clock())
            return [Text(CANNOT_POST.format(where=where), error=True)]
        except discord.HTTPException as error:  # a hiccup, not a refusal: the schedule stays
            log.warning("confirmation post in %s failed (%s, code %s)", command.target, error.status, error.code)
            return [*replies, Text(UNCONFIRMED.format(where=where, status=error.status))]
        return replies

    async def allowed(self, interaction: discord.Interaction) -> bool:
        """Setup needs a server: refused in DMs before discord.py tries to resolve its channel."""
        if interaction.type is discord.InteractionType.autocomplete:
            return True  # typing a topic is not running setup; an autocomplete cannot be answered with text
        options = (interaction.data or {}).get("options") or [{}]
        if interaction.guild_id is None and options[0].get("name") == "setup":
            await _tell(interaction, DM_SETUP)
            return False
        return True

    def topic_names(self, interaction: discord.Interaction) -> list[str]:
        if self.tracker.stopping:
            return []  # no new reads of the database once stopping
        if self.topics is not None:
            return list(self.topics())
        replies = self.tutor.handle(Topics(learner_of(interaction)), self.clock())
        return [t.name for r in replies if isinstance(r, TopicList) for t in r.topics]

    async def on_command_error(self, interaction: discord.Interaction, error: Exception) -> None:
        log.error("discord command %r failed in guild %s for user %s: %s", getattr(interaction.command, "name", None),
                  interaction.guild_id, interaction.user.id, error, exc_info=error)
        stale = isinstance(error, (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch))
        async with self.tracker.track():
            await _tell(interaction, "This command changed; please try again in a minute." if stale else SORRY)


async def sync_commands(tree: app_commands.CommandTree, guild_ids: Sequence[int]) -> None:
    """Guild sync is instant (for the listed guilds only); a global sync reaches DMs too.

    A refused sync (a mistyped guild id, a guild the bot left) is a warning, not
    a failed start: the other guilds, and Slack in the same process, carry on.
    """
    for guild_id in guild_ids or [None]:
        guild = None if guild_id is None else discord.Object(guild_id)
        where = "globally" if guild is None else f"to guild {guild_id}"
        try:
            if guild is not None:
                tree.copy_global_to(guild=guild)
            synced = await tree.sync(guild=guild)
        except discord.HTTPException as error:  # Forbidden (403 Missing Access) is one
            log.warning("Discord refused to sync /dva %s (%s %s): check DISCORD_GUILD_IDS and that the bot is in "
                        "that server with the applications.commands scope. Carrying on without it there.",
                        where, error.status, error.text)
            continue
        log.info("synced %d Discord commands %s", len(synced), where)


def learner_of(interaction: discord.Interaction, user: discord.abc.User | None = None) -> Learner:
    user = user or interaction.user
    group = str(interaction.guild_id) if interaction.guild_id else f"dm:{interaction.user.id}"
    return Learner("discord", group, str(user.id), user.display_name, direct=not interaction.guild_id)


def asks_private(interaction: discord.Interaction) -> bool:
    """``/dva leaderboard private:True``: the standings for the asker alone, not the channel."""
    if interaction.type is not discord.InteractionType.application_command or interaction.command is None:
        return False
    return interaction.command.name == "leaderboard" and bool(getattr(interaction.namespace, "private", False))


def to_command(interaction: discord.Interaction) -> Command:
    """The core command an interaction stands for; ``BadInput`` when it stands for none."""
    learner = learner_of(interaction)
    if interaction.type is discord.InteractionType.component:
        return _clicked(interaction, learner)
    ns = interaction.namespace
    name = interaction.command.name if interaction.command else ""
    match name:
        case "ask":
            return Ask(learner, ns.query)
        case "quiz":
            return Quiz(learner, ns.topic or None)
        case "explain":
            return Explain(learner, ns.question)
        case "topics":
            return Topics(learner)
        case "leaderboard":
            return ShowLeaderboard(learner, ns.period or "week")
        case "stats":
            return ShowStats(learner, learner_of(interaction, ns.user) if ns.user else None)
        case "daily":
            return Daily(learner, f"discord:{interaction.channel_id}")
        case "review":
            return Review(learner)
        case "help":
            return Help(learner)
        case "exam":
            action = ns.action or "start"  # a number alone: the size of a new exam
            if action in ("show", "flag") and ns.number is None:
                raise BadInput(f"/dva exam action:{action} needs a question number.")
            return Exam(learner, action, size=ns.number if action == "start" else None,
                        position=ns.number if action in ("show", "flag") else None)
        case "report":
            return Report(learner, ns.question, ns.reason or "")
        case "round":
            return Round(learner, f"discord:{interaction.channel_id}", ns.topic or None, ns.count or 5,
                         seconds=ns.seconds)
        case "setup":
            off = ns.time.strip().lower() == "off"
            return Setup(learner, f"discord:{ns.channel.id}", f"#{ns.channel.name}", "" if off else ns.time.strip(),
                         ns.timezone, ns.weekdays, ns.topic, off=off, is_admin=interaction.permissions.manage_guild,
                         recap_day=ns.recap_day, recap_time=ns.recap_time)
    raise BadInput(f"Unknown command {name!r}. Try /dva help.")


def _clicked(interaction: discord.Interaction, learner: Learner) -> Answer | More | Exam | Report:
    """A click on a choice, a More, Flag, Finish or Report button (or a pick in a choose-two menu)."""
    data = interaction.data or {}
    custom_id = str(data.get("custom_id", ""))
    if match := MORE.fullmatch(custom_id):
        return More(learner, match["passage"], int(match["start"]))
    if match := EXAM.fullmatch(custom_id):
        return Exam(learner, match["action"], position=int(match["position"]))
    if match := REPORT.fullmatch(custom_id):
        return Report(learner, match["question"])
    if match := BUTTON.fullmatch(custom_id):
        letters: tuple[str, ...] = (match["letter"],)
    elif match := SELECT.fullmatch(custom_id):
        letters = tuple(sorted(str(v) for v in data.get("values") or ()))
    if not match or not letters:
        raise BadInput("That button is not one of mine any more.")
    return Answer(learner, match["instance"], letters, event=str(interaction.id))


async def send(interaction: discord.Interaction, replies: Sequence[Reply], *, private: bool) -> None:
    """Replace the deferred 'thinking' message with the first reply; the rest follow.

    A private reply (an error) to a public command can't reuse the public
    placeholder: the placeholder is deleted and the reply sent ephemerally (a
    followup while it still shows would take its place and its visibility).
    """
    replies = list(replies) or [Text("Done.")]
    for i, reply in enumerate(replies):
        kwargs = render(reply)
        ephemeral = kwargs.pop("ephemeral") or private
        files = kwargs.pop("files", [])
        if i == 0 and ephemeral == private:
            await interaction.edit_original_response(**kwargs, attachments=files)
            interaction.extras.pop(THINKING, None)
            continue
        if i == 0:
            await interaction.delete_original_response()
            interaction.extras.pop(THINKING, None)
        await interaction.followup.send(ephemeral=ephemeral, files=files, **kwargs)


async def _show_tally(interaction: discord.Interaction, replies: Sequence[Reply]) -> None:
    """A daily question's post shows how many have answered and the share right, updated with
    each answer (never who picked what); a post that cannot be edited keeps its old count."""
    tally = next((r.tally for r in replies if isinstance(r, Feedback) and r.tally), None)
    message = interaction.message
    if tally is None or message is None or not message.embeds:
        return
    embed = message.embeds[0].copy()
    for i, field in enumerate(embed.fields):
        if field.name == TALLY:
            embed.remove_field(i)
            break
    embed.add_field(name=TALLY, value=answers_so_far(*tally), inline=False)
    try:
        await message.edit(embed=embed, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as error:
        log.warning("could not update the count on daily post %s (%s)", message.id, error.status)


async def _tell(interaction: discord.Interaction, text: str) -> None:
    """A private message to whoever triggered ``interaction``, however far it got.

    While a 'thinking' placeholder shows, the message goes the way of ``send``'s
    error replies: a public placeholder would make it public.
    """
    try:
        if THINKING in interaction.extras:
            await send(interaction, [Text(text, error=True)], private=interaction.extras[THINKING])
        elif interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException:
        log.exception("could not tell user %s about a failed interaction %s", interaction.user.id, interaction.id)


class DiscordPoster:
    """Posts scheduled replies (the daily question, its summary) to ``discord:<channel id>``."""

    platform = "discord"

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, target: str, reply: Reply) -> str:
        kwargs = render(reply)
        kwargs.pop("ephemeral")
        message = await self._channel(target).send(**kwargs)
        return str(message.id)

    async def direct(self, user: str, reply: Reply) -> None:
        """A direct message to ``user`` (a reminder): the bot's DM channel with them."""
        kwargs = render(reply)
        kwargs.pop("ephemeral")
        channel = await self.client.create_dm(discord.Object(id=int(user)))
        await channel.send(**kwargs)

    async def edit(self, target: str, ref: str, reply: Reply) -> None:
        kwargs: dict[str, Any] = {"content": None, "embed": None, "view": None} | render(reply)
        kwargs.pop("ephemeral")
        await self._channel(target).get_partial_message(int(ref)).edit(**kwargs)

    def _channel(self, target: str) -> discord.PartialMessageable:
        platform, _, channel_id = target.partition(":")
        if platform != self.platform or not channel_id.isdigit():
            raise ValueError(f"not a Discord target: {target!r}")
        return self.client.get_partial_messageable(int(channel_id))
