"""Slack: one ``/dva`` slash command and Block Kit buttons, on Bolt's AsyncApp.

Every listener acks first, then asks the core and answers through the
request's ``response_url`` (so Slack always sees the ack well within its 3 s,
whatever the core or the Web API do). Buttons carry the question instance (a
More button: the passage and where its rest starts), so clicks work after a
restart; each click's ``action_ts`` goes into ``Answer.event`` so a
redelivered click is recorded once. Bolt verifies each request's signature and
timestamp (a bad one gets 401 before any listener). The work after the ack
counts as in flight on the ``InFlight`` tracker; once it is stopping, a new
request is acked and told privately to try again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Awaitable, Callable, Protocol, Sequence

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import refused
from bot.adapters.slack_blocks import (
    ANSWER, MORE, MORE_VALUE, PICK, SHARE, SUBMIT, actions, context, escape, message,
)
from bot.adapters.wording import SORRY
from bot.config import Settings
from bot.core.grammar import parse
from bot.core.messages import (
    Answer, Ask, Command, Learner, More, Passage, Reply, Setup, Text,
)
from bot.inflight import RESTARTING, InFlight

log = logging.getLogger(__name__)
PLATFORM = "slack"
PATH = "/slack/events"
BACKLOG = 1024  # a burst of commands must not overflow the listen queue (SYN retry = 1 s)
UNREADABLE = "That More button can't be read. Ask again (/dva ask ...) to see the answer."
NOT_ADMIN = ("Only workspace admins and owners (or people the bot's operator has listed) "
             "can set up the daily question. Ask one of them to run it.")
CANNOT_POST = ("I can't post in {where}, so no daily question is scheduled there. Invite me with "
               "/invite @{me} in {where} (or add me under the channel's Integrations), then run /dva setup again.")
ARCHIVED = "{where} is archived, so no daily question is scheduled there. Pick a channel that is in use."
UNCONFIRMED = ("The daily question is set, but posting the confirmation in {where} failed just now ({error}). "
               "If the first question doesn't appear, check that I'm in that channel.")
SHUT_OUT = ("not_in_channel", "channel_not_found", "is_archived")  # chat:write.public covers public channels only
_CHANNEL_LINK = re.compile(r"^<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>$")
Clock = Callable[[], datetime]
Respond = Callable[..., Awaitable[Any]]


class Core(Protocol):
    def handle(self, command: Command, now: datetime) -> list[Reply]: ...


# --- events -> commands ---------------------------------------------------------


def learner_of(body: dict) -> Learner:
    """The person behind a slash command (flat form) or an interaction (nested)."""
    user = body.get("user") or {}
    if isinstance(user, dict) and user:
        team = (body.get("team") or {}).get("id") or user.get("team_id", "")
        return Learner(PLATFORM, team, user["id"], user.get("name") or user.get("username") or "")
    return Learner(PLATFORM, body.get("team_id", ""), body.get("user_id", ""), body.get("user_name", ""))


def channel_of(body: dict) -> str:
    return body.get("channel_id") or (body.get("channel") or {}).get("id") or ""


def to_command(body: dict) -> Command | Text:
    """A slash command or a button click -> a core command (or a Text saying why not).

    ``Setup.is_admin`` stays False here: deciding it needs the Web API
    (see ``is_admin``).
    """
    learner = learner_of(body)
    if body.get("type") == "block_actions":
        if body["actions"][0].get("action_id") == MORE:
            return _more(body["actions"][0], learner)
        return _answer(body, learner)
    parsed = parse(body.get("text", ""), learner, target=f"slack:{channel_of(body)}")
    if isinstance(parsed, Setup):
        return _resolve_channel(parsed, body)
    return parsed


def _answer(body: dict, learner: Learner) -> Answer | Text:
    action = body["actions"][0]
    if action.get("action_id") == SUBMIT:
        instance = action.get("value", "")
        state = body.get("state", {}).get("values", {}).get(action.get("block_id"), {})
        picked = state.get(PICK, {}).get("selected_options") or []
        letters = tuple(sorted(option["value"] for option in picked))
        if not letters:
            return Text("Tick your answers first, then press Submit.", error=True)
    else:
        letter, _, instance = action.get("value", "").partition("|")
        letters = (letter,)
    event = f"{action.get('action_ts', '')}:{learner.user}:{instance}"
    return Answer(learner, instance, letters, event=event)


def _more(action: dict, learner: Learner) -> More | Text:
    """A More click: its value is ``start:passage_id``."""
    read = MORE_VALUE.fullmatch(action.get("value", ""))
    if read is None:
        return Text(UNREADABLE, error=True)
    return More(learner, read["passage"], int(read["start"]))


def _resolve_channel(setup: Setup, body: dict) -> Setup | Text:
    """``<#C123|name>`` (or ``#name`` / ``here`` for the channel typed in) -> target."""
    raw = setup.target
    link = _CHANNEL_LINK.match(raw)
    if link:
        channel, name = link.group(1), link.group(2) or link.group(1)
    elif raw.lower() in ("here", "this") or raw.lstrip("#") == body.get("channel_name"):
        channel, name = channel_of(body), body.get("channel_name") or channel_of(body)
    else:
        return Text(f"I can't tell which channel '{raw[:80]}' is. Type # and pick the channel from "
                    "Slack's list so it becomes a link, or run setup in that channel with 'here'.",
                    error=True)
    return replace(setup, target=f"slack:{channel}", target_name=f"#{name}")


async def is_admin(client: AsyncWebClient, user: str, settings: Settings) -> bool:
    """Workspace admins and owners (users.info), or ids in ``SLACK_ADMIN_IDS``."""
    if user in settings.slack_admin_ids:
        return True
    try:
        info = (await client.users_info(user=user)).get("user") or {}
    except SlackApiError as err:
        log.warning("users.info failed for %s: %s", user, err.response.get("error"))
        return False
    return bool(info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"))


# --- replies -> Slack ---------------------------------------------------------------


def render(replies: Reply | Sequence[Reply], share: str | None = None) -> dict[str, Any]:
    """A reply (or several, as one message) -> ``{"blocks", "text"}``; ``share`` adds a
    "Share in channel" button carrying the query, a passage that goes on a "More" button."""
    replies = list(replies) if isinstance(replies, (list, tuple)) else [replies]
    return message(replies, actions(replies, share))


async def send(respond: Respond, replies: Sequence[Reply], *, share: str | None = None,
               public: bool = False) -> None:
    """Through ``response_url``: visible to the requester alone unless ``public``."""
    await respond(**render(replies, share), response_type="in_channel" if public else "ephemeral",
                  replace_original=False)


# --- the app --------------------------------------------------------------------


@dataclass
class Listeners:
    """What Bolt calls: each one acks, asks the core, answers, and never raises."""

    core: Core
    settings: Settings
    clock: Clock
    tracker: InFlight = field(default_factory=InFlight)

    async def command(self, ack, body, respond, client, context) -> None:
        await ack()
        me = getattr(context.authorize_result, "user", None) or "dva"  # the bot user's name, from auth.test
        await self._guarded(respond, lambda: self._command(body, respond, client, me))

    async def _command(self, body: dict, respond: Respond, client: AsyncWebClient, me: str) -> None:
        command = to_command(body)
        if isinstance(command, Setup):
            if not await is_admin(client, command.learner.user, self.settings):
                await send(respond, [Text(NOT_ADMIN, error=True)])
                return
            command = replace(command, is_admin=True)
        replies = [command] if isinstance(command, Text) else self.core.handle(command, self.clock())
        if isinstance(command, Setup):
            replies = await self._confirmed(command, replies, client, me)
        shareable = isinstance(command, Ask) and any(isinstance(r, Passage) for r in replies)
        await send(respond, replies, share=command.query if shareable else None)

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

    async def click(self, ack, body, respond, request) -> None:
        """A choice, a choose-two Submit, or More: answered privately."""
        await ack()
        retry = request.headers.get("x-slack-retry-num", [None])[0]
        if retry:
            log.info("Slack redelivered an interaction (retry %s)", retry)
        await self._guarded(respond, lambda: self._reply(body, respond))

    async def _reply(self, body: dict, respond: Respond) -> None:
        command = to_command(body)  # carries the delivery's action_ts: a redelivery records once
        replies = [command] if isinstance(command, Text) else self.core.handle(command, self.clock())
        await send(respond, replies)

    async def share(self, ack, body, respond) -> None:
        """Post an ``ask`` answer for everyone: the button carries the query, not the text."""
        await ack()

        async def post() -> None:
            learner, query = learner_of(body), body["actions"][0].get("value", "")
            replies = self.core.handle(Ask(learner, query), self.clock())
            note = context(f"Shared by {escape(learner.name or learner.user)} · `/dva ask {escape(query)}`")
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
              *, process_before_response: bool = False, tracker: InFlight | None = None) -> AsyncApp:
    """The Bolt app; ``process_before_response=True`` finishes the work before the
    HTTP response (deterministic tests), False answers Slack at ``ack()``. ``tracker``
    counts the requests being answered (``serve`` waits for them at shutdown); by
    default one of its own, which never stops."""
    client = client or AsyncWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    app = AsyncApp(client=client, signing_secret=settings.slack_signing_secret,
                   process_before_response=process_before_response,
                   logger=logging.getLogger("bot.adapters.slack.bolt"))
    listeners = Listeners(core, settings, clock, tracker or InFlight())
    app.command(re.compile(r"^/dva"))(listeners.command)
    app.action(re.compile("^" + re.escape(ANSWER)))(listeners.click)
    app.action(SUBMIT)(listeners.click)
    app.action(MORE)(listeners.click)
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
    runner = web.AppRunner(app.web_app(path=PATH, port=settings.slack_port))
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
        return response["ts"]

    async def edit(self, target: str, ref: str, reply: Reply) -> None:
        await self.client.chat_update(channel=_channel(target), ts=ref, **message([reply]))


def _channel(target: str) -> str:
    platform, _, channel = target.partition(":")
    if platform != PLATFORM or not channel:
        raise ValueError(f"not a Slack target: {target!r}")
    return channel
