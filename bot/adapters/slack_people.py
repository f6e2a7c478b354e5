"""Who is who on Slack: the names people see, from ``users.info``, kept a while.

A slash command's ``user_name`` (and a click's ``user.name``) is the legacy
username, which people neither chose for display nor see in Slack. The name
shown on leaderboards is the profile's display name, else the real name
(Slack's ``users.info``, scope ``users:read``). A name is kept for an hour per
person; a failed look-up falls back to the legacy name and is tried again after
a minute, so a Web API hiccup never holds up an answer. The clock is passed in.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messages import Learner

log = logging.getLogger(__name__)
KEEP = timedelta(hours=1)  # how long a looked-up name is trusted
RETRY = timedelta(minutes=1)  # how long a failed look-up is not repeated
MAX_KEPT = 10_000  # names kept at most; the whole cache is dropped when full


def display_name(info: dict[str, Any]) -> str:
    """The name Slack shows for a ``users.info`` user: display name, else real name ("" if none)."""
    profile: dict[str, Any] = info["profile"] if isinstance(info.get("profile"), dict) else {}
    for name in (profile.get("display_name"), profile.get("real_name"), info.get("real_name")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return ""


async def user_info(client: AsyncWebClient, user: str) -> dict[str, Any] | None:
    """``users.info`` for ``user``, or None (logged) when Slack or the network says no."""
    try:
        info = (await client.users_info(user=user)).get("user")
    except SlackApiError as err:
        log.warning("users.info failed for %s: %s", user, err.response.get("error"))
        return None
    except (aiohttp.ClientError, asyncio.TimeoutError) as err:
        log.warning("users.info failed for %s: %r", user, err)
        return None
    return info if isinstance(info, dict) else None


@dataclass
class People:
    """Display names by (workspace, user), looked up once an hour at most."""

    _names: dict[tuple[str, str], tuple[datetime, str]] = field(default_factory=dict)

    async def name(self, client: AsyncWebClient, learner: Learner, now: datetime) -> str:
        """``learner``'s display name; their legacy name when Slack has none to give."""
        key = (learner.group, learner.user)
        kept = self._names.get(key)
        if kept is None or now - kept[0] >= (KEEP if kept[1] else RETRY):
            info = await user_info(client, learner.user)
            if len(self._names) >= MAX_KEPT:
                self._names.clear()
            kept = self._names[key] = (now, display_name(info) if info else "")
        return kept[1] or learner.name
