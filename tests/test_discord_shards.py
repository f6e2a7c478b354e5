"""Discord's gateway split between processes: each ``dva serve`` takes its shards' guilds.

Two real ``dva serve`` processes, ``DISCORD_SHARD_IDS=0`` and ``=1`` of
``DISCORD_SHARD_COUNT=2``, connect to the local fake of Discord. Each identifies
as its shard, gets only the guilds Discord assigns it (``(guild_id >> 22) % 2``),
and answers the commands typed there; one database behind both.
"""

from __future__ import annotations

import asyncio
import json
import signal

from bot.config import Settings
from fakes.discord_api import FakeDiscord
from test_serve import DISCORD_TOKEN, DVA, _line, bare_env

import pytest


def test_shard_settings_are_both_or_neither_and_every_id_is_below_the_count():
    assert Settings.from_env({"DISCORD_SHARD_IDS": "0,1", "DISCORD_SHARD_COUNT": "4"}).discord_shard_ids == (0, 1)
    for bad in ({"DISCORD_SHARD_IDS": "0"}, {"DISCORD_SHARD_IDS": "4", "DISCORD_SHARD_COUNT": "4"},
                {"DISCORD_SHARD_COUNT": "0"}, {"DISCORD_SHARD_IDS": "one", "DISCORD_SHARD_COUNT": "2"}):
        with pytest.raises(ValueError, match="DISCORD_SHARD"):
            Settings.from_env(bad)


async def test_two_serve_processes_each_answer_the_guilds_of_their_own_shard(tmp_path):
    fake = FakeDiscord()
    await fake.start()
    fake.shard_count = 2
    first, second = fake.guild_id, fake.add_guild(shard=1 - fake.shard_of(fake.guild_id, 2), count=2)
    procs = []
    try:
        for shard in (0, 1):
            env = bare_env(DVA_DB=str(tmp_path / "dva.db"), DVA_HEALTH_PORT="0",
                           DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_URL=fake.api_url,
                           DISCORD_SHARD_IDS=str(shard), DISCORD_SHARD_COUNT="2")
            proc = await asyncio.create_subprocess_exec(DVA, "serve", env=env, stdout=asyncio.subprocess.PIPE,
                                                        stderr=asyncio.subprocess.DEVNULL)
            procs.append(proc)
            await _line(proc.stdout, "dva serve: running", timeout=60)
        await fake.connected(identifies=2, timeout=20)
        assert sorted(tuple(d["shard"]) for d in fake.identified) == [(0, 2), (1, 2)]

        learner = fake.user("ana")
        for guild in (first, second):
            exchange = await fake.interact(fake.in_guild(fake.slash("ask", learner, query="rds proxy"), guild))
            [reply] = await fake.answered(exchange, timeout=20)
            assert exchange.shard == fake.shard_of(guild, 2)  # only that shard's process got it ...
            assert "RDS Proxy" in json.dumps(reply)  # ... and it answered
        assert {fake.shard_of(first, 2), fake.shard_of(second, 2)} == {0, 1}
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                await asyncio.wait_for(proc.wait(), 20)
            except asyncio.TimeoutError:
                proc.kill()
                await proc.wait()
        await fake.close()
