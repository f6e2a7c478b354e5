"""Slack: one ``/dva`` slash command and Block Kit buttons, on Bolt's AsyncApp.

Every listener acks first, then asks the core and answers through the
request's ``response_url`` (so Slack always sees the ack well within its 3 s,
whatever the core or the Web API do). Buttons carry the question instance (a
More button: the passage and where its rest starts), so clicks work after a
restart; each click's ``action_ts`` goes into ``Answer.event`` so a
redelivered click is recorded once. Bolt verifies each request's signature and
timestamp (a bad one gets 401 before any listener); a signed body Slack would
never send gets 400 at the door (``slack_door``). The work after the ack
counts as in flight on the ``InFlight`` tracker; once it is stopping, a new
request is acked and told privately to try again.

Replies are private (ephemeral) except a ``leaderboard``, which is posted in the
channel unless the text says ``private``. Names are display names from
``users.info`` (``slack_people``), looked up only for commands that record or
show who asked.
"""

from __future__ import annotations

import logging
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Awaitable, Callable, Protocol, Sequence, cast

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import refused, slack_door
from bot.adapters.slack_blocks import (
    ANSWER, EXAM_FINISH, EXAM_FLAG, MORE, PICK, REPORT, SHARE, SUBMIT, actions, context, escape, message,
)
from bot.adapters.slack_events import NOBODY, PLATFORM, PRIVATE, asks_private, learner_of, to_command
from bot.adapters.slack_people import People, user_info
from bot.adapters.wording import SORRY, answers_so_far, period_name
from bot.config import Settings
from bot.core.messages import (
    Answer, Ask, Command, Feedback, FoundPassage, HelpText, Leaderboard, Question, Quiz, Reply, Review, Round,
    Setup, ShowLeaderboard, ShowStats, Stats, Text,
)
from bot.group_commit import Core, GroupCommit, Parts
from bot.inflight import RESTARTING, InFlight

log = logging.getLogger(__name__)
PATH = "/slack/events"
TALLY = "dva-tally"  # the block of a daily post that counts its answers
BACKLOG = 1024  # a burst of commands must not overflow the listen queue (SYN retry = 1 s)
NOT_ADMIN = ("Only workspace admins and owners (or people the bot's operator has listed) "
             "can set up the daily question. Ask one of them to run it.")
CANNOT_POST = ("I can't post in {where}, so no daily question is scheduled there. Invite me with "
               "/invite @{me} in {where} (or add me under the channel's Integrations), then run /dva setup again.")
ARCHIVED = "{where} is archived, so no daily question is scheduled there. Pick a channel that is in use."
UNCONFIRMED = ("The daily question is set, but posting the confirmation in {where} failed just now ({error}). "
               "If the first question doesn't appear, check that I'm in that channel.")
SHUT_OUT = ("not_in_channel", "channel_not_found", "is_archived")  # chat:write.public covers public channels only
NAMED = (Quiz, Answer, Review, ShowStats, ShowLeaderboard)  # commands that record or show who asked
Clock = Callable[[], datetime]
Respond = Callable[..., Awaitable[Any]]


async def is_admin(client: AsyncWebClient, user: str, settings: Settings) -> bool:
    """Workspace admins and owners (a fresh users.info), or ids in ``SLACK_ADMIN_IDS``."""
    if user in settings.slack_admin_ids:
        return True
    info = await user_info(client, user) or {}
    return bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))


def for_everyone(board: Leaderboard) -> Leaderboard:
    """A leaderboard for the channel: nobody is "you", and the asker's own place (when
    outside the top) is not posted."""
    return replace(board, rows=tuple(replace(s, is_asker=False) for s in board.rows), asker=None)


def slack_help(reply: Reply) -> Reply:
    """The core's help, with Slack's own word: a leaderboard is posted unless ``private``."""
    if not isinstance(reply, HelpText):
        return reply
    return replace(reply, commands=tuple(
        (f"{usage} [{PRIVATE}]", f"{what}, posted in the channel ('{PRIVATE}': only you see it)")
        if usage.startswith("leaderboard") else (usage, what) for usage, what in reply.commands))


# --- replies -> Slack ---------------------------------------------------------------


def render(replies: Reply | Sequence[Reply], share: str | None = None) -> dict[str, Any]:
    """A reply (or several, as one message) -> ``{"blocks", "text"}``; ``share`` adds a
    "Share in channel" button carrying the query, a passage that goes on a "More" button."""
    shown: list[Reply] = list(replies) if isinstance(replies, (list, tuple)) else [cast(Reply, replies)]
    return message(shown, actions(shown, share))


async def send(respond: Respond, replies: Sequence[Reply], *, share: str | None = None,
               public: bool = False) -> None:
    """Through ``response_url``: visible to the requester alone unless ``public``."""
    await respond(**render(replies, share), response_type="in_channel" if public else "ephemeral",
                  replace_original=False)


# --- the app --------------------------------------------------------------------


@dataclass
class Listeners:
    """What Bolt calls: each one acks, asks the core, answers, and never raises."""

    core: GroupCommit
    settings: Settings
    clock: Clock
    tracker: InFlight = field(default_factory=InFlight)
    people: People = field(default_factory=People)

    async def command(self, ack, body, respond, client, context) -> None:
        await ack()
        me = getattr(context.authorize_result, "user", None) or "dva"  # the bot user's name, from auth.test
        await self._guarded(respond, lambda: self._command(body, respond, client, me))

    async def _command(self, body: dict, respond: Respond, client: AsyncWebClient, me: str) -> None:
        command = await self._named(to_command(body), client)
        if isinstance(command, Setup):
            if not await is_admin(client, command.learner.user, self.settings):
                await send(respond, [Text(NOT_ADMIN, error=True)])
                return
            command = replace(command, is_admin=True)
        replies: list[Reply] = [command] if isinstance(command, Text) else await self.core.handled(command, self.clock())
        if isinstance(command, Setup):
            replies = await self._confirmed(command, replies, client, me)
        if isinstance(command, ShowLeaderboard) and not asks_private(body):
            await self._post_leaderboard(respond, command, replies)
            return
        shared = command.query if isinstance(command, Ask) and any(isinstance(r, FoundPassage) for r in replies) else None
        started = isinstance(command, Round) and any(isinstance(r, Question) for r in replies)
        await send(respond, [slack_help(r) for r in replies], share=shared, public=started)  # a round is played in the open
        stats = next((r for r in replies if isinstance(r, Stats) and r.answered), None)
        if stats is not None and isinstance(command, ShowStats) and command.subject is None:
            await _send_picture(client, command.learner.user, stats)

    async def _named(self, command: Command | Text, client: AsyncWebClient) -> Command | Text:
        """``command`` with its learner's display name, when the command records or shows it."""
        if not isinstance(command, NAMED):
            return command
        name = await self.people.name(client, command.learner, self.clock())
        return replace(command, learner=replace(command.learner, name=name))

    async def _post_leaderboard(self, respond: Respond, command: ShowLeaderboard,
                                replies: Sequence[Reply]) -> None:
        """The board for the whole channel; the asker's own place, when not on it, to them alone.
        A refusal or an empty board stays private: nothing worth a channel message."""
        board = replies[0] if len(replies) == 1 else None
        if not isinstance(board, Leaderboard) or not board.rows:
            await send(respond, replies)
            return
        who = escape(command.learner.name or command.learner.user)
        note = context(f"Posted by {who} · `/dva leaderboard {board.period} {PRIVATE}` shows it to you alone")
        await respond(**message([for_everyone(board)], [note]), response_type="in_channel",
                      replace_original=False)
        if board.asker:
            own = board.asker
            await send(respond, [Text(f"Your place {period_name(board.period)}: {own.rank}, with "
                                      f"{own.points} pts ({own.correct}/{own.answered} right).")])

    async def _confirmed(self, command: Setup, replies: list[Reply], client: AsyncWebClient,
                         me: str) -> list[Reply]:
        """Announce a new schedule in its channel; when the bot can't post there, undo it and say why.

        Posting is the only sure test: a private channel the bot was not invited
        to answers ``not_in_channel`` (or ``channel_not_found``) whatever the scopes.
        """
        if command.off or refused(replies):
            return replies
        where = command.target_name or "that channel"
        try:
            await SlackPoster(client).post(command.target, replies[0])
        except SlackApiError as err:
            error = err.response.get("error")
            if error not in SHUT_OUT:  # a hiccup, not a refusal: the schedule stays
                log.warning("confirmation post in %s failed: %s", command.target, error)
                return [*replies, Text(UNCONFIRMED.format(where=where, error=error))]
            log.warning("cannot post in %s (%s): undoing its daily question", command.target, error)
            self.core.handle(replace(command, time="", off=True, is_admin=True), self.clock())
            text = ARCHIVED if error == "is_archived" else CANNOT_POST
            return [Text(text.format(where=where, me=me), error=True)]
        return replies

    async def click(self, ack, body, respond, request, client) -> None:
        """A choice, a choose-two Submit, or More: answered privately."""
        await ack()
        retry = request.headers.get("x-slack-retry-num", [None])[0]
        if retry:
            log.info("Slack redelivered an interaction (retry %s)", retry)
        await self._guarded(respond, lambda: self._reply(body, respond, client))

    async def _reply(self, body: dict, respond: Respond, client: AsyncWebClient) -> None:
        command = await self._named(to_command(body), client)  # with action_ts: a redelivery records once
        replies = [command] if isinstance(command, Text) else await self.core.handled(command, self.clock())
        await send(respond, replies)
        await _show_tally(client, body, replies)

    async def share(self, ack, body, respond, client) -> None:
        """Post an ``ask`` answer for everyone: the button carries the query, not the text."""
        await ack()

        async def post() -> None:
            learner, query = learner_of(body), body["actions"][0].get("value", "")
            if learner is None:
                await send(respond, [Text(NOBODY, error=True)])
                return
            replies = self.core.handle(Ask(learner, query), self.clock())
            name = await self.people.name(client, learner, self.clock())
            note = context(f"Shared by {escape(name or learner.user)} · `/dva ask {escape(query)}`")
            await respond(**message(replies, [*actions(replies), note]), response_type="in_channel",
                          replace_original=False)
            await respond(delete_original=True)

        await self._guarded(respond, post)

    async def _guarded(self, respond: Respond, work: Callable[[], Awaitable[None]]) -> None:
        """Run ``work`` as in flight (or, once stopping, say to try again); never raises."""
        async with self.tracker.track():
            try:
                if self.tracker.stopping:
                    await send(respond, [Text(RESTARTING, error=True)])
                    return
                await work()
            except Exception:
                log.exception("Slack request failed")
                try:
                    await send(respond, [Text(SORRY, error=True)])
                except Exception:
                    log.exception("could not tell the user")


async def _ack_only(ack) -> None:
    """Ticking a checkbox is not an answer yet; Submit is."""
    await ack()


def build_app(core: Core, settings: Settings, clock: Clock, client: AsyncWebClient | None = None,
              *, process_before_response: bool = False, tracker: InFlight | None = None,
              transaction: Callable[[], AbstractContextManager[None]] | None = None,
              batch: Callable[[], AbstractContextManager[Parts]] | None = None) -> AsyncApp:
    """The Bolt app; ``process_before_response=True`` finishes the work before the
    HTTP response (deterministic tests), False answers Slack at ``ack()``. ``tracker``
    counts the requests being answered (``serve`` waits for them at shutdown); by
    default one of its own, which never stops. ``transaction`` and ``batch``: the
    store's, so answers arriving together commit together."""
    client = client or AsyncWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    app = AsyncApp(client=client, signing_secret=settings.slack_signing_secret,
                   process_before_response=process_before_response,
                   logger=logging.getLogger("bot.adapters.slack.bolt"))
    listeners = Listeners(GroupCommit(core, transaction, batch), settings, clock, tracker or InFlight())
    app.command(re.compile(r"^/dva"))(listeners.command)
    app.action(re.compile("^" + re.escape(ANSWER)))(listeners.click)
    app.action(SUBMIT)(listeners.click)
    app.action(MORE)(listeners.click)
    for action_id in (EXAM_FLAG, EXAM_FINISH, REPORT):
        app.action(action_id)(listeners.click)
    app.action(PICK)(_ack_only)
    app.action(SHARE)(listeners.share)
    return app


# --- running -------------------------------------------------------------------------


@dataclass
class Running:
    """A started app: ``port`` in HTTP mode (0 in Socket Mode), and how to stop it."""

    port: int
    stop: Callable[[], Awaitable[None]]


async def start(app: AsyncApp, settings: Settings, host: str = "0.0.0.0") -> Running:
    """Socket Mode when ``SLACK_APP_TOKEN`` is set, else HTTP at ``/slack/events``."""
    if settings.slack_app_token:
        from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

        handler = AsyncSocketModeHandler(app, settings.slack_app_token)
        await handler.connect_async()
        log.info("Slack: connected in Socket Mode")
        return Running(0, handler.close_async)
    runner = web.AppRunner(slack_door.web_app(app, settings.slack_signing_secret or "", PATH))
    await runner.setup()
    site = web.TCPSite(runner, host, settings.slack_port, backlog=BACKLOG)
    await site.start()
    port = runner.addresses[0][1] if runner.addresses else settings.slack_port
    log.info("Slack: listening on %s:%s%s", host, port, PATH)
    return Running(port, runner.cleanup)


class SlackPoster:
    """Posts and edits the scheduler's messages (the daily question) in a channel."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient):
        self.client = client

    async def post(self, target: str, reply: Reply) -> str:
        """Post ``reply`` in ``target`` ("slack:C123"); returns the message ts."""
        response = await self.client.chat_postMessage(channel=_channel(target), **message([reply]))
        return str(response["ts"])

    async def edit(self, target: str, ref: str, reply: Reply) -> None:
        await self.client.chat_update(channel=_channel(target), ts=ref, **message([reply]))

    async def direct(self, user: str, reply: Reply) -> None:
        """A direct message to ``user`` (a reminder): posting to a user id lands in the app's DM."""
        await self.client.chat_postMessage(channel=user, **message([reply]))


async def _send_picture(client: AsyncWebClient, user: str, stats: Stats) -> None:
    """The stats picture, in the learner's direct messages with the app (a reply to a slash
    command cannot carry a file); a failed upload leaves the text stats, and is logged."""
    from bot.adapters.pictures import stats_png  # matplotlib loads only when a picture is drawn

    try:
        opened = await client.conversations_open(users=user)
        channel = (opened.get("channel") or {}).get("id")
        if channel:
            await client.files_upload_v2(channel=channel, file=stats_png(stats), filename="stats.png",
                                         title="Your DVA study progress")
    except SlackApiError as error:
        log.warning("could not send the stats picture to %s: %s (needs the im:write and files:write scopes)",
                    user, error.response.get("error"))


async def _show_tally(client: AsyncWebClient, body: dict, replies: Sequence[Reply]) -> None:
    """A daily question's post shows how many have answered and the share right, updated with
    each answer (never who picked what); a post that cannot be updated keeps its old count."""
    tally = next((r.tally for r in replies if isinstance(r, Feedback) and r.tally), None)
    posted, where = body.get("message") or {}, body.get("container") or {}
    if tally is None or not posted.get("blocks") or not where.get("channel_id") or not where.get("message_ts"):
        return
    blocks = [b for b in posted["blocks"] if b.get("block_id") != TALLY]
    blocks.append(context(escape(answers_so_far(*tally))) | {"block_id": TALLY})
    try:
        await client.chat_update(channel=where["channel_id"], ts=where["message_ts"], blocks=blocks,
                                 text=posted.get("text", ""))
    except SlackApiError as error:
        log.warning("could not update the count on daily post %s: %s", where.get("message_ts"), error.response.get("error"))


def _channel(target: str) -> str:
    platform, _, channel = target.partition(":")
    if platform != PLATFORM or not channel:
        raise ValueError(f"not a Slack target: {target!r}")
    return channel
