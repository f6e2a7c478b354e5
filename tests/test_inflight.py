"""Shutdown knows what is in flight: the tracker, and what a person sees while the bot stops.

The adapters are the real ones (Bolt's AsyncApp over HTTP, discord.py against
the local fake); ``serve`` sets the tracker stopping on SIGTERM, the tests do it
by hand.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import aiohttp
import pytest

from bot.adapters import slack
from bot.config import Settings
from bot.inflight import RESTARTING, InFlight
from fakes.discord_api import EPHEMERAL, FakeDiscord
from fakes.discord_fixture import running_bot
from fakes.slack_api import FakeSlack, SlackRequests, sign

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
SECRET = "test-signing-secret"


# --- the tracker ------------------------------------------------------------------------


async def test_the_tracker_is_idle_only_when_every_tracked_handler_has_ended():
    tracker = InFlight()
    assert await tracker.wait_idle(0)
    first, second = tracker.track(), tracker.track()
    await first.__aenter__()
    await second.__aenter__()
    assert tracker.count == 2 and not await tracker.wait_idle(0)
    await first.__aexit__(None, None, None)
    assert not await tracker.wait_idle(0)
    await second.__aexit__(None, None, None)
    assert tracker.count == 0 and await tracker.wait_idle(0)


async def test_a_handler_that_fails_still_leaves_the_tracker():
    tracker = InFlight()
    with pytest.raises(RuntimeError):
        async with tracker.track():
            raise RuntimeError("the core failed")
    assert tracker.count == 0 and await tracker.wait_idle(0)


async def test_waiting_for_idle_wakes_when_the_last_handler_ends():
    tracker, release = InFlight(), asyncio.Event()

    async def handler() -> None:
        async with tracker.track():
            await release.wait()

    task = asyncio.create_task(handler())
    await asyncio.sleep(0)  # let it enter
    tracker.stop()
    waiting = asyncio.create_task(tracker.wait_idle(5))
    await asyncio.sleep(0)
    assert tracker.stopping and not waiting.done()
    release.set()
    assert await waiting and task.done()


# --- what a person sees -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def _loopback_without_proxy(no_proxy):
    """Every test here talks to a local fake: no proxy in the way."""


async def test_a_command_arriving_while_stopping_is_told_to_try_again(study, tmp_path):
    fake = await FakeSlack().start()
    settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake.api_url,
                        slack_port=0)
    tracker = InFlight()
    app = slack.build_app(study.tutor, settings, lambda: NOW, process_before_response=True, tracker=tracker)
    server = await slack.start(app, settings, host="127.0.0.1")
    requests = SlackRequests(fake)
    url = f"http://127.0.0.1:{server.port}/slack/events"
    try:
        async with aiohttp.ClientSession() as session:

            async def command(text: str) -> int:
                body = requests.command(text)
                headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(SECRET, body)}
                async with session.post(url, data=body.encode(), headers=headers) as response:
                    return response.status

            assert await command("quiz") == 200
            [question] = fake.responses
            assert question.get("blocks")  # working normally
            tracker.stop()
            assert await command("quiz") == 200  # still acked
    finally:
        await server.stop()
        await fake.stop()
    refused = fake.responses[1:]
    assert [(r["text"], r["response_type"]) for r in refused] == [(RESTARTING, "ephemeral")]
    assert tracker.count == 0


async def test_a_discord_command_arriving_while_stopping_is_told_to_try_again_privately(study):
    fake = FakeDiscord()
    await fake.start()
    try:
        async with running_bot(study.tutor, fake, lambda: NOW) as client:
            user = fake.user("anna")
            client.tracker.stop()
            exchange = await fake.interact(fake.slash("quiz", user))
            [reply] = await fake.answered(exchange)
    finally:
        await fake.close()
    assert reply["content"] == RESTARTING and reply["flags"] & EPHEMERAL
    assert "embeds" not in reply or not reply["embeds"]  # no question was drawn
