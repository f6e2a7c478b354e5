"""Running the real Discord adapter against ``FakeDiscord``: the one test file that
knows discord.py's private details (``discord.http.Route.BASE``, set by
``build_client`` from ``DISCORD_API_URL`` and restored here), so an upgrade of
discord.py breaks one place.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import datetime
from typing import AsyncIterator, Callable

import discord

from bot.adapters.discord import build_client
from bot.config import Settings
from fakes.discord_api import FakeDiscord

TOKEN = "fake-bot-token"


@asynccontextmanager
async def running_bot(tutor, fake: FakeDiscord, clock: Callable[[], datetime], *,  # noqa: ANN001
                      guild_ids: tuple[int, ...] = ()) -> AsyncIterator[discord.Client]:
    """A real discord.py client logged in to ``fake``, connected and with its commands synced."""
    settings = Settings(discord_token=TOKEN, discord_api_url=fake.api_url, discord_guild_ids=guild_ids)
    base = discord.http.Route.BASE
    client = build_client(tutor, settings, clock)
    task = asyncio.create_task(client.start(TOKEN))
    try:
        connected = asyncio.create_task(fake.connected(identifies=len(fake.identified) + 1))
        await asyncio.wait({task, connected}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            connected.cancel()
            task.result()  # login or command sync failed: show why
            raise RuntimeError("the Discord client stopped before connecting")
        await connected
        yield client
    finally:
        await _settle()
        await client.close()
        await asyncio.wait({task}, timeout=5)
        discord.http.Route.BASE = base


async def _settle() -> None:
    """Let the bot finish the interactions it is still handling before it is closed.

    The fake counts a reply when it receives it, a moment before discord.py has
    read the response; closing then would fail those sends ('Session is closed').
    discord.py names its command and component tasks; those are what we wait for.
    """
    names = ("CommandTree-invoker", "discord-ui-view-dispatch", "discord.py: interaction")
    pending = {t for t in asyncio.all_tasks() if t.get_name().startswith(names) and t is not asyncio.current_task()}
    if pending:
        await asyncio.wait(pending, timeout=5)
