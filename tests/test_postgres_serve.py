"""Two real ``dva serve`` processes on one PostgreSQL database: the daily question goes out once.

Both run the Slack adapter (against the loopback fake in tests/fakes) and
the scheduler, and start with a channel's slot due. The fake holds back its
answer to the first daily post it receives: the message is in the channel,
but the process that sent it hears nothing, and is killed with SIGKILL right
there, mid-slot. The other process, and the killed one started again, must
not post that slot a second time: the slot was claimed in the database
before anything was sent.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from aiohttp import web

import db
from bot.app import build
from bot.config import Settings
from db.store import Store
from fakes.slack_api import TEAM, FakeSlack
from test_serve import bare_env, free_port

DVA = str(Path(sys.executable).with_name("dva"))
TOKENS = {"a": "xoxb-first-process-token", "b": "xoxb-second-process-token"}
CHANNEL = "C0DAILY"


class HoldingSlack(FakeSlack):
    """The fake, answering no ``chat.postMessage`` until ``release`` is set (the message is kept at once)."""

    def __init__(self) -> None:
        super().__init__()
        self.posted_by: list[str] = []  # the token of each channel post, in order of arrival
        self.release = asyncio.Event()

    async def _api(self, request: web.Request) -> web.Response:
        response = await super()._api(request)
        if request.match_info["method"] == "chat.postMessage":
            self.posted_by.append(request.headers.get("Authorization", "").removeprefix("Bearer "))
            await self.release.wait()
        return response


class Serve:
    """One ``dva serve`` process and what it printed."""

    def __init__(self, name: str, url: str, fake: FakeSlack, tmp: Path):
        self.name, self.url, self.fake, self.tmp = name, url, fake, tmp
        self.proc: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []
        self.reader: asyncio.Task | None = None
        self.slack_port = free_port()  # where Slack's HTTP requests for this process go

    async def start(self) -> Serve:
        env = bare_env(DVA_DATABASE_URL=self.url, DVA_DB=str(self.tmp / "never.db"), DVA_LOG="INFO",
                       DVA_HEALTH_PORT="0", SLACK_BOT_TOKEN=TOKENS[self.name],  # any free port: no race
                       SLACK_SIGNING_SECRET="signing-secret", SLACK_API_URL=self.fake.api_url,
                       SLACK_PORT=str(self.slack_port))
        self.proc = await asyncio.create_subprocess_exec(DVA, "serve", env=env, stdout=asyncio.subprocess.PIPE,
                                                         stderr=asyncio.subprocess.STDOUT)
        self.reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        while line := await self.proc.stdout.readline():
            self.lines.append(line.decode(errors="replace"))

    async def running(self) -> None:
        await until(lambda: any("dva serve: running" in line for line in self.lines), [self])

    async def stop(self, sig: int = signal.SIGTERM) -> int:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        return await asyncio.wait_for(self.proc.wait(), 30)


async def until(condition: Callable[[], object], watched: list[Serve], timeout: float = 60) -> None:
    """Wait for ``condition``; fail with what the processes printed if one exits or time runs out."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        exited = [s for s in watched if s.proc is not None and s.proc.returncode is not None]
        if exited or asyncio.get_running_loop().time() > deadline:
            raise AssertionError("".join(line for s in watched for line in s.lines))
        await asyncio.sleep(0.05)


async def test_two_serve_processes_post_a_slot_once_when_the_poster_is_killed_mid_slot(postgres_url, tmp_path):
    fake = await HoldingSlack().start()
    target = f"slack:{CHANNEL}"
    now = datetime.now(timezone.utc)
    slot_at = now.replace(second=0, microsecond=0)  # this minute: due at once, well within grace
    app = build(Settings(database_url=postgres_url, db=tmp_path / "never.db"))  # notes and bank loaded once
    app.store.save_schedule(target, "slack", TEAM, slot_at.strftime("%H:%M"), "UTC",
                            "mon,tue,wed,thu,fri,sat,sun", None, "#study", "boss", now - timedelta(hours=2),
                            recap_day=(slot_at.weekday() + 3) % 7)  # no weekly recap today
    app.db.close()
    started: list[Serve] = []
    try:
        started += [await Serve(name, postgres_url, fake, tmp_path).start() for name in ("a", "b")]
        await until(lambda: fake.posted_by, started)  # one process claimed the slot and posted
        poster = next(s for s in started if TOKENS[s.name] == fake.posted_by[0])
        other = next(s for s in started if s is not poster)
        await other.running()  # it started, found the slot claimed, and posted nothing
        assert await poster.stop(signal.SIGKILL) == -signal.SIGKILL  # killed before it heard back
        fake.release.set()
        again = await Serve(poster.name, postgres_url, fake, tmp_path).start()  # the killed one, restarted
        started.append(again)
        await again.running()
        assert fake.posted_by == [TOKENS[poster.name]]
        assert [call.args["channel"] for call in fake.of("chat.postMessage")] == [CHANNEL]
        store = Store(db.connect(postgres_url))
        try:
            assert store.is_claimed(target, slot_at.strftime("%Y-%m-%d %H:%M"))
            assert len(store.daily_history(target)) == 1
            # the killed poster never heard the message's id: tomorrow's close posts a summary, not an edit
            assert [post["ref"] for post in store.open_daily_posts(target)] == [None]
        finally:
            store.close()
        assert await other.stop() == 0 and await again.stop() == 0
    finally:
        for serve in started:
            if serve.proc is not None and serve.proc.returncode is None:
                serve.proc.kill()
                await serve.proc.wait()
        fake.release.set()
        await fake.stop()
    logs = "".join(line for serve in started for line in serve.lines)
    assert "Traceback" not in logs and "failed (not retried" not in logs, logs
    assert all(secret not in logs for secret in [*TOKENS.values(), "signing-secret"])

