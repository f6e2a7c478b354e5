"""A loopback fake of Discord's REST API and gateway, written from Discord's public docs.

It serves what a bot needs to log in, sync slash commands, connect to the
gateway and answer interactions, and records everything it receives (with
``time.monotonic()`` timestamps) so tests assert on what Discord would have got:

- REST under ``/api/v10``: ``GET /users/@me``, ``GET /oauth2/applications/@me``,
  ``GET /gateway/bot``, ``PUT /applications/{app}/commands`` and
  ``/applications/{app}/guilds/{guild}/commands``, ``POST
  /interactions/{id}/{token}/callback``, followups and ``@original`` under
  ``/webhooks/{app}/{token}``, ``POST``/``PATCH /channels/{id}/messages``, and
  ``POST /users/@me/channels`` (open a DM).
  A command sync for a guild in ``refused`` (``None`` = the global sync) gets
  403 Missing Access, as for a mistyped guild id or a guild the bot left. A
  message posted to a channel in ``forbidden`` gets 403 Missing Permissions, as
  when the bot lacks View Channel, Send Messages or Embed Links there.
- As Discord does, the first followup after a deferred (type 5) callback, while
  the 'thinking' message still shows, edits that message and keeps the
  deferral's flags: an ephemeral flag on that followup is ignored.
- The gateway websocket at ``/gateway``: HELLO, IDENTIFY -> READY then one
  GUILD_CREATE per guild of the shard it identified as (a guild is on shard
  ``(guild_id >> 22) % num_shards``; interactions go to that shard's
  connection), heartbeats acknowledged, ``zlib-stream`` (or
  ``zstd-stream``) transport compression as the client asks in the query string.
- ``interact(payload)`` dispatches INTERACTION_CREATE to the connected client;
  ``slash``, ``autocomplete``, ``click`` and ``choose`` build the payloads,
  taking option types from the commands the bot registered.

Interactions come back as ``Exchange`` records: the callback, the messages they
produced (current state, deleted ones removed) and when each arrived.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import zlib
from email.parser import BytesParser
from email.policy import HTTP
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from aiohttp import WSMsgType, web

DISCORD_EPOCH_MS = 1420070400000
EPHEMERAL, LOADING = 1 << 6, 1 << 7
MANAGE_GUILD = 1 << 5
MEMBER = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 31)  # view channel, send messages, embed links, use app commands
OPTION_SUBCOMMAND, OPTION_USER, OPTION_CHANNEL = 1, 6, 7


@dataclass
class Received:
    method: str
    path: str
    query: dict
    body: Any
    at: float


@dataclass
class Exchange:
    """One interaction as the fake saw it."""

    id: str
    token: str
    payload: dict
    sent_at: float
    acked_at: float | None = None
    callback: dict | None = None
    messages: list[dict] = field(default_factory=list)  # original first, then followups
    choices: list[dict] | None = None  # an autocomplete answer
    done_at: float | None = None  # when the last message stopped 'thinking'
    shard: int = 0  # the gateway shard it was dispatched on

    @property
    def visible(self) -> list[dict]:
        return [m for m in self.messages if not m.get("deleted")]

    @property
    def settled(self) -> bool:
        return all(not m["flags"] & LOADING for m in self.visible)


class FakeDiscord:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.app_id = self.snowflake()
        self.bot = self.user("dva-bot", bot=True)
        self.bot["id"] = self.app_id
        self.guild_id = self.snowflake()
        self.channel_id = self.snowflake()
        self.shard_count = 1  # what GET /gateway/bot recommends
        self.guild_ids = [self.guild_id]  # every guild the bot is in; each shard gets its own (shard_of)
        self.received: list[Received] = []
        self.frames: list[tuple[float, dict]] = []  # gateway frames received
        self.identified: list[dict] = []
        self.commands: dict[str | None, list[dict]] = {}  # guild id (None = global) -> synced
        self.refused: set[str | None] = set()  # guild ids (None = global) whose command sync gets 403
        self.forbidden: set[str] = set()  # channel ids where the bot may not post (403 Missing Permissions)
        self.exchanges: dict[str, Exchange] = {}
        self.messages: dict[str, dict] = {}  # channel messages by id
        self._sockets: list[_Socket] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(middlewares=[self._record])
        api = "/api/v10"
        app.router.add_get(api + "/users/@me", self._me)
        app.router.add_post(api + "/users/@me/channels", self._open_dm)
        app.router.add_get(api + "/oauth2/applications/@me", self._application)
        app.router.add_get(api + "/gateway/bot", self._gateway_bot)
        app.router.add_put(api + "/applications/{app}/commands", self._put_commands)
        app.router.add_put(api + "/applications/{app}/guilds/{guild}/commands", self._put_commands)
        app.router.add_post(api + "/interactions/{id}/{token}/callback", self._callback)
        app.router.add_post(api + "/webhooks/{app}/{token}", self._followup)
        app.router.add_patch(api + "/webhooks/{app}/{token}/messages/{message}", self._edit_webhook_message)
        app.router.add_delete(api + "/webhooks/{app}/{token}/messages/{message}", self._delete_webhook_message)
        app.router.add_post(api + "/channels/{channel}/messages", self._post_message)
        app.router.add_patch(api + "/channels/{channel}/messages/{message}", self._edit_message)
        app.router.add_get("/gateway", self._gateway)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.api_url

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    async def close(self) -> None:
        for socket in list(self._sockets):
            await socket.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- ids and payload pieces ---------------------------------------------------

    def snowflake(self) -> str:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return str((ms << 22) | (next(self._ids) & 0x3FFFFF))

    def user(self, name: str, *, bot: bool = False) -> dict:
        return {"id": self.snowflake(), "username": name, "global_name": name.title(), "discriminator": "0",
                "avatar": None, "bot": bot, "public_flags": 0}

    def member(self, user: dict, *, permissions: int) -> dict:
        return {"user": user, "roles": [], "joined_at": _now(), "deaf": False, "mute": False, "flags": 0,
                "pending": False, "nick": None, "avatar": None, "permissions": str(permissions)}

    def channel(self, channel_id: str | None = None, name: str = "study") -> dict:
        return {"id": channel_id or self.channel_id, "type": 0, "guild_id": self.guild_id, "name": name,
                "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None,
                "last_message_id": None, "rate_limit_per_user": 0, "permissions": str(MEMBER)}

    def dm_channel(self, user: dict) -> str:
        return str(int(user["id"]) + 1)

    def guild(self, guild_id: str | None = None) -> dict:
        guild_id = guild_id or self.guild_id
        everyone = {"id": guild_id, "name": "@everyone", "permissions": str(MEMBER), "position": 0,
                    "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        channel = {**self.channel(), "guild_id": guild_id}
        return {"id": guild_id, "name": "Study group", "icon": None, "owner_id": self.snowflake(),
                "roles": [everyone], "emojis": [], "stickers": [], "features": [], "channels": [channel],
                "threads": [], "members": [], "voice_states": [], "presences": [], "stage_instances": [],
                "guild_scheduled_events": [], "member_count": 2, "large": False, "unavailable": False,
                "joined_at": _now(), "verification_level": 0, "default_message_notifications": 0,
                "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0, "nsfw_level": 0,
                "preferred_locale": "en-US", "system_channel_id": None, "afk_timeout": 300}

    def message(self, channel_id: str, body: dict, *, flags: int = 0, kind: int = 0) -> dict:
        return {"id": self.snowflake(), "channel_id": channel_id, "author": self.bot, "content": body.get("content", ""),
                "timestamp": _now(), "edited_timestamp": None, "tts": False, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": _attachments(body.get("_files") or []),
                "_files": body.get("_files") or [], "embeds": body.get("embeds", []),
                "components": body.get("components", []), "pinned": False, "type": kind, "flags": flags,
                "application_id": self.app_id, "allowed_mentions": body.get("allowed_mentions")}

    # --- building interactions ----------------------------------------------------

    def slash(self, sub: str, user: dict, /, *, dm: bool = False, admin: bool = False, **options: Any) -> dict:
        """``/dva <sub> option:value ...``; option types come from the registered command."""
        spec = self._subcommand(sub)
        resolved: dict[str, dict] = {}
        values = []
        for name, value in options.items():
            kind = next(o["type"] for o in spec.get("options", []) if o["name"] == name)
            if kind == OPTION_USER:
                resolved.setdefault("users", {})[value["id"]] = value
                value = value["id"]
            elif kind == OPTION_CHANNEL:
                resolved.setdefault("channels", {})[value] = self.channel(value, "daily")
            values.append({"name": name, "type": kind, "value": value})
        data = {"id": self._command()["id"], "name": "dva", "type": 1, "resolved": resolved,
                "options": [{"name": sub, "type": OPTION_SUBCOMMAND, "options": values}]}
        return self._interaction(2, data, user, dm=dm, admin=admin)

    def autocomplete(self, sub: str, user: dict, option: str, typed: str) -> dict:
        payload = self.slash(sub, user, **{option: typed})
        payload["type"] = 4
        payload["data"]["options"][0]["options"][0]["focused"] = True
        return payload

    def click(self, message: dict, custom_id: str, user: dict, *, dm: bool = False) -> dict:
        data = {"custom_id": custom_id, "component_type": 2}
        return self._interaction(3, data, user, dm=dm, message=message)

    def choose(self, message: dict, custom_id: str, values: list[str], user: dict, *, dm: bool = False) -> dict:
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        return self._interaction(3, data, user, dm=dm, message=message)

    def _interaction(self, kind: int, data: dict, user: dict, *, dm: bool = False, admin: bool = False,
                     message: dict | None = None) -> dict:
        payload = {"id": self.snowflake(), "application_id": self.app_id, "type": kind, "data": data,
                   "token": f"token-{self.snowflake()}", "version": 1, "locale": "en-US", "entitlements": [],
                   "app_permissions": str(MEMBER), "attachment_size_limit": 8388608}
        if dm:
            channel = {"id": self.dm_channel(user), "type": 1, "recipients": [user]}
            payload.update(user=user, channel=channel, channel_id=channel["id"], context=1,
                           authorizing_integration_owners={"0": "0"})
        else:
            permissions = MEMBER | (MANAGE_GUILD if admin else 0)
            payload.update(guild_id=self.guild_id, channel=self.channel(), channel_id=self.channel_id, context=0,
                           member=self.member(user, permissions=permissions), guild_locale="en-US",
                           authorizing_integration_owners={"0": self.guild_id})
        if message is not None:
            payload["message"] = message
        return payload

    def add_guild(self, shard: int, count: int) -> str:
        """Put the bot in one more guild, whose id Discord's formula assigns to ``shard`` of ``count``:
        ``(guild_id >> 22) % count``."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        ms += (shard - ms) % count
        guild_id = str((ms << 22) | (next(self._ids) & 0x3FFFFF))
        self.guild_ids.append(guild_id)
        return guild_id

    @staticmethod
    def shard_of(guild_id: str, count: int) -> int:
        return (int(guild_id) >> 22) % count

    @staticmethod
    def in_guild(payload: dict, guild_id: str) -> dict:
        """The same interaction, typed in another guild the bot is in."""
        payload = json.loads(json.dumps(payload))
        payload.update(guild_id=guild_id, authorizing_integration_owners={"0": guild_id})
        payload["channel"]["guild_id"] = guild_id
        return payload

    def _command(self) -> dict:
        for commands in self.commands.values():
            for command in commands:
                if command["name"] == "dva":
                    return command
        raise AssertionError("the bot registered no /dva command")

    def _subcommand(self, sub: str) -> dict:
        return next(o for o in self._command()["options"] if o["name"] == sub)

    # --- driving the client ---------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        async with self._changed:
            return await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def connected(self, identifies: int = 1, timeout: float = 5.0) -> None:
        """Wait until the ``identifies``-th connection has been sent READY and its guilds."""
        await self.wait_for(lambda: len(self.identified) >= identifies and self._live(), timeout)

    async def interact(self, payload: dict) -> Exchange:
        exchange = Exchange(payload["id"], payload["token"], payload, time.monotonic())
        self.exchanges[exchange.token] = exchange
        shard = self.shard_of(payload["guild_id"], self._live_count()) if payload.get("guild_id") else 0
        socket = self._live(shard)
        assert socket is not None, f"no client is connected to the gateway for shard {shard}"
        exchange.shard = shard
        await socket.dispatch("INTERACTION_CREATE", payload)
        return exchange

    def _live(self, shard: int | None = None) -> _Socket | None:
        """The newest gateway connection that is ready and open (for ``shard``, when given)."""
        return next((s for s in reversed(self._sockets) if s.ready and not s.ws.closed
                     and (shard is None or s.shard[0] == shard)), None)

    def _live_count(self) -> int:
        live = self._live()
        return live.shard[1] if live is not None else 1

    async def answered(self, exchange: Exchange, replies: int = 1, timeout: float = 5.0) -> list[dict]:
        """The messages an interaction produced, once at least ``replies`` are final."""
        await self.wait_for(lambda: len(exchange.visible) >= replies and exchange.settled, timeout)
        return exchange.visible

    def button(self, message: dict, prefix: str) -> str:
        """The custom_id of the first component whose label starts with ``prefix``."""
        for row in message["components"]:
            for component in row["components"]:
                if str(component.get("label", "")).startswith(prefix):
                    return component["custom_id"]
        raise AssertionError(f"no button labelled {prefix!r} in {message['components']}")

    # --- REST ---------------------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler):  # noqa: ANN001, ANN202
        body = await _body(request)
        self.received.append(Received(request.method, request.path, dict(request.query), body, time.monotonic()))
        response = await handler(request)
        async with self._changed:
            self._changed.notify_all()
        return response

    async def _me(self, request: web.Request) -> web.Response:
        return _json(self.bot)

    async def _open_dm(self, request: web.Request) -> web.Response:
        """Create DM (``POST /users/@me/channels`` with ``recipient_id``): the DM channel object."""
        recipient = str((await _body(request) or {}).get("recipient_id", ""))
        user = {"id": recipient, "username": f"user{recipient}", "discriminator": "0", "avatar": None,
                "global_name": None}
        return _json({"id": self.dm_channel(user), "type": 1, "recipients": [user], "last_message_id": None})

    async def _application(self, request: web.Request) -> web.Response:
        owner = self.user("owner")
        return _json({"id": self.app_id, "name": "DVA", "description": "", "icon": None, "bot_public": True,
                      "bot_require_code_grant": False, "owner": owner, "verify_key": "00", "flags": 0,
                      "summary": "", "team": None, "interactions_endpoint_url": None})

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        return _json({"url": f"ws://127.0.0.1:{self.port}/gateway", "shards": self.shard_count, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})

    async def _put_commands(self, request: web.Request) -> web.Response:
        guild = request.match_info.get("guild")
        if guild in self.refused:
            return _json({"message": "Missing Access", "code": 50001}, status=403)
        synced = [c | {"id": self.snowflake(), "application_id": self.app_id, "version": self.snowflake(),
                       **({"guild_id": guild} if guild else {})} for c in await _body(request)]
        self.commands[guild] = synced
        return _json(synced)

    async def _callback(self, request: web.Request) -> web.Response:
        exchange = self._exchange(request.match_info["token"])
        body = await _body(request)
        exchange.acked_at, exchange.callback = time.monotonic(), body
        kind, data = body["type"], body.get("data") or {}
        message = None
        if kind == 8:
            exchange.choices = data.get("choices", [])
        elif kind in (4, 5):
            flags = (data.get("flags") or 0) | (LOADING if kind == 5 else 0)
            message = self.message(exchange.payload["channel_id"], data, flags=flags, kind=20)
            exchange.messages.append(message)
            if kind == 4:
                exchange.done_at = exchange.acked_at
        interaction = {"id": exchange.id, "type": exchange.payload["type"],
                       "response_message_loading": kind == 5,
                       "response_message_ephemeral": bool(message and message["flags"] & EPHEMERAL)}
        if message is not None:
            interaction["response_message_id"] = message["id"]
        return _json({"interaction": interaction, "resource": {"type": kind, **({"message": message} if message else {})}})

    async def _followup(self, request: web.Request) -> web.Response:
        exchange = self._exchange(request.match_info["token"])
        body = await _body(request)
        thinking = next((m for m in exchange.visible if m["flags"] & LOADING), None)
        if thinking is not None:  # it replaces the loading message and keeps the deferral's flags
            _apply(thinking, body)
            thinking["flags"] &= ~LOADING
            message = thinking
        else:
            message = self.message(exchange.payload["channel_id"], body, flags=body.get("flags") or 0)
            exchange.messages.append(message)
        exchange.done_at = time.monotonic()
        return _json(message)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        exchange = self._exchange(request.match_info["token"])
        message = self._webhook_message(exchange, request.match_info["message"])
        _apply(message, await _body(request))
        message["flags"] &= ~LOADING
        exchange.done_at = time.monotonic()
        return _json(message)

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        exchange = self._exchange(request.match_info["token"])
        self._webhook_message(exchange, request.match_info["message"])["deleted"] = True
        return web.Response(status=204)

    async def _post_message(self, request: web.Request) -> web.Response:
        if request.match_info["channel"] in self.forbidden:
            return _json({"message": "Missing Permissions", "code": 50013}, status=403)
        message = self.message(request.match_info["channel"], await _body(request))
        self.messages[message["id"]] = message
        return _json(message)

    async def _edit_message(self, request: web.Request) -> web.Response:
        message = self.messages.get(request.match_info["message"])
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        _apply(message, await _body(request))
        return _json(message)

    def _exchange(self, token: str) -> Exchange:
        if token not in self.exchanges:
            raise web.HTTPNotFound(text='{"message": "Unknown interaction", "code": 10062}',
                                   content_type="application/json")
        return self.exchanges[token]

    def _webhook_message(self, exchange: Exchange, message_id: str) -> dict:
        if message_id == "@original" and exchange.messages:
            return exchange.messages[0]
        for message in exchange.messages:
            if message["id"] == message_id:
                return message
        raise web.HTTPNotFound(text='{"message": "Unknown Message", "code": 10008}', content_type="application/json")

    # --- gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        socket = _Socket(ws, _compressor(request.query.get("compress")))
        self._sockets.append(socket)
        await socket.send({"op": 10, "d": {"heartbeat_interval": 41250}})
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT and frame.type is not WSMsgType.BINARY:
                    break
                await self._on_frame(socket, json.loads(frame.data))
        finally:
            self._sockets.remove(socket)
        return ws

    async def _on_frame(self, socket: _Socket, frame: dict) -> None:
        self.frames.append((time.monotonic(), frame))
        if frame["op"] == 1:
            await socket.send({"op": 11})
        elif frame["op"] == 2:
            self.identified.append(frame["d"])
            shard, count = frame["d"].get("shard") or [0, 1]
            socket.shard = (shard, count)
            mine = [g for g in self.guild_ids if self.shard_of(g, count) == shard]
            socket.guilds = mine
            await socket.dispatch("READY", {
                "v": 10, "user": self.bot, "guilds": [{"id": g, "unavailable": True} for g in mine],
                "session_id": f"session-{self.snowflake()}", "shard": [shard, count], "private_channels": [],
                "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway", "relationships": [],
                "application": {"id": self.app_id, "flags": 0}})
            for guild_id in mine:
                await socket.dispatch("GUILD_CREATE", self.guild(guild_id))
            socket.ready = True
            async with self._changed:
                self._changed.notify_all()


def _compressor(kind: str | None) -> Callable[[bytes], bytes] | None:
    """Transport compression as the client asked: one stream for the whole connection.

    discord.py asks for zstd-stream when it can decompress it (the zstandard
    package, or Python 3.14's compression.zstd), else zlib-stream.
    """
    if kind == "zlib-stream":
        stream = zlib.compressobj()
        return lambda data: stream.compress(data) + stream.flush(zlib.Z_SYNC_FLUSH)
    if kind == "zstd-stream":
        try:
            import zstandard

            zstd = zstandard.ZstdCompressor().compressobj()
            return lambda data: zstd.compress(data) + zstd.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
        except ImportError:
            from compression.zstd import ZstdCompressor  # Python 3.14

            frame = ZstdCompressor()
            return lambda data: frame.compress(data, ZstdCompressor.FLUSH_BLOCK)
    if kind is None:
        return None
    raise ValueError(f"unknown gateway compression {kind!r}")


class _Socket:
    """One gateway connection."""

    def __init__(self, ws: web.WebSocketResponse, compressor: Any) -> None:
        self.ws, self.compressor, self.sequence, self.ready = ws, compressor, 0, False
        self.shard: tuple[int, int] = (0, 1)  # as the client identified: [shard_id, num_shards]
        self.guilds: list[str] = []

    async def dispatch(self, event: str, data: dict) -> None:
        self.sequence += 1
        await self.send({"op": 0, "t": event, "s": self.sequence, "d": data})

    async def send(self, payload: dict) -> None:
        text = json.dumps(payload)
        if self.compressor is None:
            await self.ws.send_str(text)
        else:
            await self.ws.send_bytes(self.compressor(text.encode()))


async def _body(request: web.Request) -> Any:
    """The request's JSON (aiohttp keeps the bytes, so handlers read it again). A message with
    files comes as multipart/form-data (Discord's "Uploading Files"): the JSON is its
    ``payload_json`` part and each ``files[n]`` part a file, kept under ``_files``."""
    raw = await request.read() if request.body_exists else b""
    if raw and request.content_type == "multipart/form-data":
        head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
        form = BytesParser(policy=HTTP).parsebytes(head + raw)
        body: dict = {}
        files = []
        for part in form.iter_parts():
            data = part.get_payload(decode=True) or b""
            if part.get_param("name", header="content-disposition") == "payload_json":
                body.update(json.loads(data))
            else:
                files.append({"filename": part.get_filename(), "content_type": part.get_content_type(),
                              "data": data})
        return body | {"_files": files}
    return json.loads(raw) if raw and request.content_type == "application/json" else raw or None


def _apply(message: dict, body: dict) -> None:
    for key, empty in (("content", ""), ("embeds", []), ("components", []), ("allowed_mentions", None)):
        if key in body:
            message[key] = empty if body[key] is None else body[key]
    if body.get("_files"):
        message["attachments"] = _attachments(body["_files"])
        message["_files"] = body["_files"]
    message["edited_timestamp"] = _now()


def _attachments(files: list[dict]) -> list[dict]:
    return [{"id": str(1000 + n), "filename": f["filename"], "size": len(f["data"]), "content_type": f["content_type"],
             "url": f"https://cdn.example/{f['filename']}", "proxy_url": f"https://cdn.example/{f['filename']}"}
            for n, f in enumerate(files)]


def _json(data: Any, status: int = 200) -> web.Response:
    data = {k: v for k, v in data.items() if k != "_files"} if isinstance(data, dict) else data
    # discord.py decodes JSON only when the content type is exactly application/json.
    return web.Response(body=json.dumps(data).encode(), status=status, content_type="application/json")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()
