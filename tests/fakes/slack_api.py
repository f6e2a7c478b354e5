"""A loopback fake of Slack: the Web API, ``response_url``s, and signed requests.

``FakeSlack`` is an aiohttp server on 127.0.0.1:0 answering the Web API
methods the bot uses (auth.test, chat.postMessage, chat.postEphemeral,
chat.update, users.info, conversations.open, and the three steps of a file
upload: files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal)
in Slack's documented shapes, plus a
``/response/<n>`` endpoint per issued ``response_url``. It records every call.
``chat.postMessage`` to a channel in ``refusing`` gets Slack's error for it
(``not_in_channel`` for a private channel the bot was not invited to).

``SlackRequests`` builds what Slack sends the bot (slash commands,
block_actions) and signs it the way Slack does: ``v0=`` + hex HMAC-SHA256 of
``v0:{timestamp}:{body}`` with the signing secret. All of Slack's wire details
live here, so a change on their side breaks one file.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

TEAM = "T0DVA"
BOT_USER = "U0BOT"


@dataclass
class Call:
    method: str  # "chat.postMessage", or "response_url"
    args: dict[str, Any]
    url: str = ""


@dataclass
class FakeSlack:
    """Start with ``await fake.start()``; ``fake.api_url`` is the Web API base."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    refusing: dict[str, str] = field(default_factory=dict)  # channel -> the error chat.postMessage answers
    calls: list[Call] = field(default_factory=list)
    uploads: dict[str, dict[str, Any]] = field(default_factory=dict)  # file id -> filename, bytes, channel
    port: int = 0
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))
    _responses: itertools.count = field(default_factory=lambda: itertools.count(1))
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _envelopes: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/response/{next(self._responses)}"

    async def start(self) -> "FakeSlack":
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{n}", self._response)
        app.router.add_post("/upload/{file}", self._upload)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self._changed = asyncio.Condition()
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    # --- what tests read ---------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    @property
    def responses(self) -> list[dict[str, Any]]:
        """Bodies posted to response_urls, in order."""
        return [c.args for c in self.of("response_url")]

    async def wait_for(self, method: str, count: int, timeout: float = 5.0) -> list[Call]:
        """Until ``count`` calls of ``method`` arrived (an event, not a sleep)."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.of(method)) >= count), timeout)
        return self.of(method)

    # --- the Web API ---------------------------------------------------------------

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(await request.post())
        token = "xapp-" if method == "apps.connections.open" else "xoxb-"
        if not request.headers.get("Authorization", "").startswith("Bearer " + token):
            return web.json_response({"ok": False, "error": "not_authed"})
        await self._record(Call(method, args))
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        return web.json_response(handler(args), headers={"x-oauth-scopes": "commands,chat:write"})

    def _auth_test(self, args: dict) -> dict:
        return {"ok": True, "url": "https://dva.slack.com/", "team": "DVA", "user": "dva",
                "team_id": TEAM, "user_id": BOT_USER, "bot_id": "B0BOT", "is_enterprise_install": False}

    def _chat_postMessage(self, args: dict) -> dict:
        if args.get("channel") in self.refusing:
            return {"ok": False, "error": self.refusing[args["channel"]]}
        ts = f"1700000000.{next(self._ts):06d}"
        return {"ok": True, "channel": args.get("channel"), "ts": ts,
                "message": {"text": args.get("text"), "ts": ts, "bot_id": "B0BOT"}}

    def _chat_postEphemeral(self, args: dict) -> dict:
        return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}

    def _chat_update(self, args: dict) -> dict:
        return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts"), "text": args.get("text")}

    def _conversations_open(self, args: dict) -> dict:
        """The bot's DM with ``users`` (one user id): an IM channel id."""
        return {"ok": True, "channel": {"id": "D" + str(args.get("users", ""))[1:], "is_im": True}}

    def _files_getUploadURLExternal(self, args: dict) -> dict:
        """Step 1 of Slack's upload: a URL to POST the file's bytes to, and the file's id."""
        file_id = f"F{next(self._ts):08d}"
        self.uploads[file_id] = {"filename": args.get("filename"), "length": int(args.get("length", 0)), "data": b""}
        return {"ok": True, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}

    def _files_completeUploadExternal(self, args: dict) -> dict:
        """Step 3: share the uploaded files in ``channel_id``; an unknown or empty file fails."""
        files = json.loads(args.get("files", "[]")) if isinstance(args.get("files"), str) else args.get("files", [])
        for f in files:
            upload = self.uploads.get(f.get("id"))
            if upload is None or not upload["data"]:
                return {"ok": False, "error": "file_not_found"}
            upload |= {"channel": args.get("channel_id"), "title": f.get("title")}
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}

    async def _upload(self, request: web.Request) -> web.Response:
        """Step 2: the file's bytes, posted to the URL of step 1."""
        upload = self.uploads.get(request.match_info["file"])
        if upload is None:
            return web.Response(status=404)
        upload["data"] = await request.read()
        return web.Response(text="OK - " + str(len(upload["data"])))

    def _apps_connections_open(self, args: dict) -> dict:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"}

    def _users_info(self, args: dict) -> dict:
        """A user object as Slack's users.info documents it: the legacy ``name``, ``real_name``,
        admin flags, and a ``profile`` whose ``display_name`` (may be "") is what people see.
        ``users[id]`` overrides any field; its ``display_name`` and ``real_name`` go in the profile."""
        found = self.users.get(args.get("user", ""))
        if found is None:
            return {"ok": False, "error": "user_not_found"}
        found = dict(found)
        display, real = found.pop("display_name", ""), found.pop("real_name", "")
        profile = {"display_name": display, "display_name_normalized": display, "real_name": real,
                   "real_name_normalized": real, "team": TEAM, "avatar_hash": "g000000000000"}
        user = {"id": args["user"], "team_id": TEAM, "name": args["user"].lower(), "deleted": False,
                "real_name": real, "tz": "Europe/Berlin", "is_admin": False, "is_owner": False,
                "is_primary_owner": False, "is_restricted": False, "is_ultra_restricted": False,
                "is_bot": False, "is_app_user": False, "updated": 1700000000, "profile": profile}
        return {"ok": True, "user": user | found}

    # --- Socket Mode -------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """The WebSocket ``apps.connections.open`` hands out: envelopes out, acks in."""
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"}})
        await self._record(Call("socket_open", {}))
        self._sockets.append(ws)
        try:
            async for frame in ws:
                if frame.type.name == "TEXT":
                    await self._record(Call("socket_ack", json.loads(frame.data)))
        finally:
            self._sockets.remove(ws)
        return ws

    async def deliver(self, kind: str, payload: dict[str, Any]) -> str:
        """Send a Socket Mode envelope ("slash_commands", "interactive"); returns its id."""
        await self.wait_for("socket_open", 1)
        envelope = f"env-{next(self._envelopes)}"
        await self._sockets[-1].send_json({"envelope_id": envelope, "type": kind, "payload": payload,
                                           "accepts_response_payload": kind != "events_api",
                                           "retry_attempt": 0, "retry_reason": ""})
        return envelope

    async def _response(self, request: web.Request) -> web.Response:
        """A response_url: Slack answers a plain ``ok``."""
        body = await request.json()
        await self._record(Call("response_url", body, str(request.url)))
        return web.Response(text="ok")


# --- what Slack sends the bot --------------------------------------------------


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature headers for ``body``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class SlackRequests:
    """Builds slash-command and block_actions bodies as Slack form-encodes them."""

    fake: FakeSlack
    channel: str = "C0STUDY"
    channel_name: str = "study"
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def command(self, text: str, user: str = "U0ANNA", name: str = "anna") -> str:
        return urlencode(self.command_fields(text, user, name))

    def command_fields(self, text: str, user: str = "U0ANNA", name: str = "anna") -> dict[str, str]:
        n = next(self._ids)
        return {
            "token": "verification-token-unused", "team_id": TEAM, "team_domain": "dva",
            "channel_id": self.channel, "channel_name": self.channel_name, "user_id": user,
            "user_name": name, "command": "/dva", "text": text, "api_app_id": "A0DVA",
            "is_enterprise_install": "false", "response_url": self.fake.response_url(),
            "trigger_id": f"{n}.1.abc{n}",
        }

    def click(self, action: dict[str, Any], user: str | None = "U0ANNA", name: str = "anna",
              state: dict | None = None, action_ts: str | None = None, message: dict | None = None) -> str:
        """A block_actions payload for ``action`` (an element of the message's blocks);
        ``user=None`` leaves out who clicked (Slack always says). ``message``: the channel
        message clicked in (``channel``, ``ts``, ``blocks``, ``text``), which Slack sends
        whole with the click; without it the click is in an ephemeral reply."""
        n = next(self._ids)
        pressed = {"type": action["type"], "action_id": action["action_id"],
                   "block_id": action.get("block_id", "b1"),
                   "action_ts": action_ts or f"1700000100.{n:06d}"}
        if action["type"] == "button":
            pressed |= {"value": action["value"], "text": action["text"]}
        payload = {
            "type": "block_actions", "api_app_id": "A0DVA", "token": "verification-token-unused",
            "team": {"id": TEAM, "domain": "dva"},
            "container": {"type": "message", "message_ts": "1700000000.000001",
                          "channel_id": self.channel, "is_ephemeral": True},
            "channel": {"id": self.channel, "name": self.channel_name},
            "trigger_id": f"{n}.1.def{n}", "response_url": self.fake.response_url(),
            "state": {"values": state or {}}, "actions": [pressed],
        }
        if message is not None:
            payload["container"] = {"type": "message", "message_ts": message["ts"],
                                    "channel_id": message["channel"], "is_ephemeral": False}
            payload["message"] = {"type": "message", "ts": message["ts"], "text": message.get("text", ""),
                                  "blocks": message["blocks"], "bot_id": "B0DVA"}
        if user is not None:
            payload["user"] = {"id": user, "username": name, "name": name, "team_id": TEAM}
        return urlencode({"payload": json.dumps(payload)})
