"""The HTTP door in front of Bolt: a body Slack would never send gets 400, not 500.

Bolt reads a request's body before it checks the signature, and a body it
cannot read raises inside Bolt, which aiohttp answers with 500: a ``payload``
field that is not JSON, JSON that is not an object, a ``block_actions`` with no
action. The door reads the body first. When it is malformed the answer is 401
if the signature is wrong and 400 (one short line, logged) if it is right;
nothing reaches a listener, so nothing is recorded and nobody is answered.
A ``block_actions`` that does not say who clicked is malformed too: an answer
must belong to someone.

The door also reads form bodies the way Slack means them: Bolt takes any form
body containing the word "payload" for an interaction, so ``/dva ask lambda
payload size`` reached no listener (404). The door hands Bolt the body it read.
This is the one place that knows those Bolt internals.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)
_OBJECTS = ("user", "team", "channel", "container", "state")  # each, when present, a JSON object


class Malformed(ValueError):
    """A request body no Slack request has; the message says what is wrong."""


def read(raw: str, content_type: str) -> dict[str, Any]:
    """The body as Slack means it: a JSON body, a form, or a form's ``payload`` interaction."""
    if content_type == "application/json" or raw.startswith("{"):  # Bolt's own test for JSON
        return _object(raw, "the body")
    form = dict(parse_qsl(raw, keep_blank_values=True))
    if "payload" not in form:
        return form
    body = _object(form["payload"], "the payload field")
    check_interaction(body)
    return body


def _object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        raise Malformed(f"{what} is not JSON") from None
    if not isinstance(value, dict):
        raise Malformed(f"{what} is not a JSON object")
    return value


def check_interaction(body: dict[str, Any]) -> None:
    """Raise ``Malformed`` unless ``body`` has the shape of an interaction payload."""
    if not isinstance(body.get("type"), str):
        raise Malformed("the payload has no type")
    for key in _OBJECTS:
        if body.get(key) is not None and not isinstance(body[key], dict):
            raise Malformed(f"the payload's {key} is not an object")
    if body["type"] != "block_actions":
        return
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions or not all(
            isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions):
        raise Malformed("a block_actions payload without an action")
    user = body.get("user") or {}
    if not isinstance(user.get("id"), str) or not user["id"]:
        raise Malformed("a block_actions payload that does not say who clicked")


def signed(verifier: SignatureVerifier, raw: str, headers: Any) -> bool:
    timestamp = headers.get("X-Slack-Request-Timestamp")
    try:
        return verifier.is_valid(raw, timestamp, headers.get("X-Slack-Signature"))
    except ValueError:  # a timestamp that is not a number
        return False


def web_app(app: AsyncApp, signing_secret: str, path: str) -> web.Application:
    """An aiohttp app serving ``app`` at ``path`` (POST) behind the door."""
    verifier = SignatureVerifier(signing_secret)

    async def handle(request: web.Request) -> web.Response:
        raw = await request.text()
        content_type = request.headers.get("Content-Type", "").split(";")[0]
        try:
            body = read(raw, content_type)
        except Malformed as problem:
            if not signed(verifier, raw, request.headers):
                return web.Response(status=401)
            log.warning("refused a signed Slack request: %s", problem)
            return web.Response(status=400, text=f"Bad request: {problem}.")
        request_for_bolt = AsyncBoltRequest(body=raw, query=request.query_string, headers=dict(request.headers))
        if request_for_bolt.body != body:  # Bolt misread it ("payload" in a slash command's text)
            request_for_bolt.body = body
            request_for_bolt.context = build_async_context(AsyncBoltContext({}), body)
        return await to_aiohttp_response(await app.async_dispatch(request_for_bolt))

    served = web.Application()
    served.router.add_post(path, handle)
    return served
