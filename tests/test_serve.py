"""``dva serve``: what it says without tokens, the health endpoint, a clean SIGTERM, no secrets in logs.

The end-to-end test runs the real ``dva serve`` as a subprocess against the
local fakes of Discord and Slack (``tests/fakes``), the way an operator runs it.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from bot.config import Settings
from bot.inflight import InFlight
from bot.serve import REDACTED, Health, Shutdown, redact_logs, serve, start_health
from db import connect
from fakes.discord_api import FakeDiscord
from fakes.slack_api import FakeSlack

DISCORD_TOKEN = "MTIz.discord-token-that-must-never-be-logged"
SLACK_TOKEN = "xoxb-slack-token-that-must-never-be-logged"
SLACK_SECRET = "slack-signing-secret-never-logged"
DVA = str(Path(sys.executable).with_name("dva"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bare_env(**extra: str) -> dict[str, str]:
    """The process environment without any of our variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DVA_", "DISCORD_", "SLACK_"))}
    return env | extra


# --- without tokens -------------------------------------------------------------------


def test_with_no_adapter_configured_it_names_the_missing_variables_and_exits_non_zero(capsys):
    assert serve(Settings()) != 0
    message = capsys.readouterr().err
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        assert name in message


def test_half_a_slack_configuration_says_which_half_is_missing(capsys):
    assert serve(Settings(slack_bot_token="xoxb-1")) != 0
    assert "SLACK_SIGNING_SECRET is missing" in capsys.readouterr().err


async def test_the_dva_command_exits_non_zero_without_tokens(tmp_path):
    proc = await asyncio.create_subprocess_exec(
        DVA, "serve", env=bare_env(DVA_DB=str(tmp_path / "dva.db")),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode != 0
    assert b"DISCORD_TOKEN" in err and b"SLACK_BOT_TOKEN" in err


async def test_an_unreachable_database_is_one_line_without_its_password_and_exit_1(tmp_path):
    refused = f"postgresql://dva:pw-never-shown@127.0.0.1:{free_port()}/dva"  # nothing listens there
    proc = await asyncio.create_subprocess_exec(
        DVA, "serve", env=bare_env(DVA_DATABASE_URL=refused, SLACK_BOT_TOKEN=SLACK_TOKEN,
                                   SLACK_SIGNING_SECRET=SLACK_SECRET, SLACK_PORT=str(free_port())),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 1
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dva serve: cannot use postgresql://dva@127.0.0.1:")
    assert b"pw-never-shown" not in out + err and b"Traceback" not in err


# --- pieces ----------------------------------------------------------------------------


async def test_the_health_endpoint_answers_200_with_a_small_json_status():
    health = Health(started=__import__("datetime").datetime.now(__import__("datetime").timezone.utc),
                    adapters=["slack"], jobs=lambda: {"daily:sweep": None, "daily:slack:C1": None})
    port, stop = await start_health(health, 0, host="127.0.0.1")
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 200
                body = await response.json()
            assert body["status"] == "ok" and body["adapters"] == ["slack"] and body["daily_jobs"] == 1
            health.stopping = True
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 503  # a load balancer stops sending work
    finally:
        await stop()


def test_log_lines_never_carry_the_configured_secrets():
    settings = Settings(discord_token=DISCORD_TOKEN, slack_bot_token=SLACK_TOKEN,
                        slack_signing_secret=SLACK_SECRET)
    out = io.StringIO()
    logger = logging.getLogger("test.redaction")
    handler = logging.StreamHandler(out)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        redact_logs(settings, logger)
        logger.error("connecting with %s and %s", DISCORD_TOKEN, SLACK_TOKEN)
        try:
            raise RuntimeError(f"401 for Authorization: Bearer {SLACK_TOKEN}")
        except RuntimeError:
            logger.exception("request failed (secret %s)", SLACK_SECRET)
    finally:
        logger.removeHandler(handler)
    text = out.getvalue()
    assert REDACTED in text and "401 for Authorization" in text
    for secret in (DISCORD_TOKEN, SLACK_TOKEN, SLACK_SECRET):
        assert secret not in text


async def _let_others_run(turns: int = 10) -> None:
    """A few turns of the loop (no time passes): enough for a waiting task to reach its next await."""
    for _ in range(turns):
        await asyncio.sleep(0)


async def test_shutdown_waits_for_an_answer_in_flight_before_closing_the_database():
    tracker, database = InFlight(), connect(":memory:")
    events: list[str] = []
    reply_sent = asyncio.Event()

    async def slow_answer() -> None:  # a handler holding an answer when SIGTERM arrives
        async with tracker.track():
            await reply_sent.wait()
            database.conn.execute("CREATE TABLE answers_seen (answer TEXT)")  # raises if the database is closed
            events.append("answer recorded")

    async def close_discord() -> None:
        events.append("discord closed")

    async def close_database() -> None:
        database.close()
        events.append("database closed")

    answer = asyncio.create_task(slow_answer())
    await _let_others_run()
    shutdown = asyncio.create_task(Shutdown(tracker, closers=[close_discord, close_database]).run())
    await _let_others_run()
    assert tracker.stopping and tracker.count == 1 and events == []  # nothing closed under the answer
    reply_sent.set()
    await shutdown
    assert answer.done() and answer.exception() is None
    assert events == ["answer recorded", "discord closed", "database closed"]


async def test_shutdown_closes_everything_when_the_drain_time_runs_out():
    tracker, closed = InFlight(), []

    async def close() -> None:
        closed.append("database")

    async with tracker.track():  # a handler that would never finish
        await Shutdown(tracker, closers=[close], drain_seconds=0).run()
        assert closed == ["database"] and tracker.count == 1


# --- the real thing ---------------------------------------------------------------------


async def _line(stream: asyncio.StreamReader, needle: str, timeout: float = 30) -> str:
    async def read() -> str:
        while line := (await stream.readline()).decode():
            if needle in line:
                return line
        raise AssertionError(f"stream ended before {needle!r}")

    return await asyncio.wait_for(read(), timeout)


async def test_dva_serve_runs_discord_slack_scheduler_and_health_then_stops_cleanly_on_sigterm(tmp_path):
    discord_fake, slack_fake = FakeDiscord(), FakeSlack()
    await discord_fake.start()
    await slack_fake.start()
    health_port, slack_port = free_port(), free_port()
    env = bare_env(
        DVA_DB=str(tmp_path / "dva.db"), DVA_LOG="DEBUG", DVA_HEALTH_PORT=str(health_port),
        DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_URL=discord_fake.api_url,
        SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SLACK_SECRET, SLACK_API_URL=slack_fake.api_url,
        SLACK_PORT=str(slack_port),
    )
    proc = await asyncio.create_subprocess_exec(DVA, "serve", env=env, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    stderr = asyncio.create_task(proc.stderr.read())
    try:
        ready = await _line(proc.stdout, "dva serve: running")
        assert "discord" in ready and "slack" in ready and f":{health_port}/healthz" in ready
        await discord_fake.connected()
        admin = discord_fake.user("boss")
        exchange = await discord_fake.interact(discord_fake.slash("setup", admin, admin=True,
                                                                  channel=discord_fake.channel()["id"],
                                                                  time="09:00", timezone="Europe/Berlin"))
        [reply] = await discord_fake.answered(exchange)
        assert "Daily question set" in json.dumps(reply)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{health_port}/healthz") as response:
                assert response.status == 200
                status = await response.json()
        assert status["status"] == "ok" and status["adapters"] == ["discord", "slack"]
        assert status["daily_jobs"] == 1  # the setup reached the running scheduler
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 20) == 0
        assert "stopped (exit 0)" in (await proc.stdout.read()).decode()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await discord_fake.close()
        await slack_fake.stop()
    logs = (await stderr).decode()
    assert "DEBUG" in logs or "INFO" in logs  # it did log
    for secret in (DISCORD_TOKEN, SLACK_TOKEN, SLACK_SECRET):
        assert secret not in logs


async def test_when_discord_cannot_log_in_dva_serve_exits_non_zero_without_leaking_the_token(tmp_path):
    env = bare_env(DVA_DB=str(tmp_path / "dva.db"), DVA_HEALTH_PORT="0",
                   DISCORD_TOKEN=DISCORD_TOKEN, DISCORD_API_URL=f"http://127.0.0.1:{free_port()}")
    proc = await asyncio.create_subprocess_exec(DVA, "serve", env=env, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 1
    assert b"stopped (exit 1)" in out and b"could not start" in err
    assert DISCORD_TOKEN.encode() not in out + err
