"""``dva serve``: Discord, Slack, the daily-question scheduler and ``/healthz`` on one loop.

One ``asyncio.run``; the core and SQLite are sync and fast and are called straight
from the handlers. SIGTERM or SIGINT: the ``InFlight`` tracker shared by both
adapters and the scheduler starts stopping (new requests are told to try again
in a minute, no new daily run starts), the handlers in flight get up to
DRAIN_SECONDS to finish, then Discord, Slack, the scheduler and the health
endpoint close, and the database last; exit 0. Log lines never carry the
configured secrets.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from bot.config import Settings
from bot.inflight import InFlight
from bot.scheduler import DailyScheduler

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger("bot.serve")
DRAIN_SECONDS = 10.0  # how long in-flight handlers get to finish at shutdown
READY_SECONDS = 60.0  # how long Discord gets to log in before the scheduler starts anyway
REDACTED = "[redacted]"


def now() -> datetime:
    return datetime.now(timezone.utc)


def missing_variables(settings: Settings) -> str | None:
    """Why no adapter can run, naming the variables; None when one can."""
    if settings.discord_enabled or settings.slack_enabled:
        return None
    if settings.slack_bot_token and not settings.slack_signing_secret:
        return "SLACK_SIGNING_SECRET is missing (SLACK_BOT_TOKEN is set)"
    if settings.slack_signing_secret and not settings.slack_bot_token:
        return "SLACK_BOT_TOKEN is missing (SLACK_SIGNING_SECRET is set)"
    return "set DISCORD_TOKEN for Discord, and/or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack"


def serve(settings: Settings) -> int:
    """Run until SIGTERM/SIGINT; non-zero when nothing is configured or an adapter fails."""
    missing = missing_variables(settings)
    if missing:
        print(f"dva serve: no chat platform configured: {missing}. "
              "Without tokens, 'dva chat' is the local console.", file=sys.stderr)
        return 2
    redact_logs(settings)
    return asyncio.run(run(settings))


# --- secrets never reach the logs ---------------------------------------------------


class RedactingFormatter(logging.Formatter):
    """Wraps a handler's formatter and blanks every secret in the finished line (tracebacks too)."""

    def __init__(self, inner: logging.Formatter | None, secrets: list[str]):
        super().__init__()
        self.inner = inner or logging.Formatter()
        self.secrets = sorted(secrets, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = self.inner.format(record)
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


def secrets_of(settings: Settings) -> list[str]:
    values = (settings.discord_token, settings.slack_bot_token, settings.slack_signing_secret,
              settings.slack_app_token)
    return [v for v in values if v and len(v) >= 4]


def redact_logs(settings: Settings, logger: logging.Logger | None = None) -> None:
    """Make every handler of ``logger`` (the root by default) redact the settings' secrets."""
    logger = logger or logging.getLogger()
    if not logger.handlers:
        logging.basicConfig(level=logging.WARNING)
    for handler in logger.handlers:
        if not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(handler.formatter, secrets_of(settings)))


# --- the health endpoint --------------------------------------------------------------


@dataclass
class Health:
    started: datetime
    adapters: list[str] = field(default_factory=list)
    jobs: Callable[[], dict[str, Any]] = dict
    stopping: bool = False

    def status(self, at: datetime) -> dict[str, Any]:
        return {"status": "stopping" if self.stopping else "ok", "adapters": self.adapters,
                "uptime_seconds": int((at - self.started).total_seconds()),
                "daily_jobs": sum(1 for job in self.jobs() if job.startswith("daily:") and job != "daily:sweep")}


async def start_health(health: Health, port: int, host: str = "0.0.0.0") -> tuple[int, Callable[[], Awaitable[None]]]:
    """``GET /healthz`` -> 200 and a small JSON (503 while stopping); returns (port, stop)."""

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response(health.status(now()), status=503 if health.stopping else 200,
                                 dumps=json.dumps)

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=DRAIN_SECONDS)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    return bound, runner.cleanup


# --- the one loop -------------------------------------------------------------------------


def _shown(settings: Settings) -> str:
    """Where the database is, never with a password: DVA_DB, or the URL's host and name."""
    if settings.database_url:
        from db.postgres import redact

        return redact(settings.database_url)
    return str(settings.db)


async def run(settings: Settings) -> int:
    from bot.app import build, settle

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        # the scheduler, once started, hears of every schedule change the core makes
        listeners: list[Callable[[str], None]] = []

        def changed(target: str) -> None:
            for hear in listeners:
                hear(target)

        app = build(settings, on_schedule_change=changed)
        settle()
    except OSError as err:  # an unreachable database, a folder it cannot write: one line, the trace in the log
        log.debug("dva serve could not start", exc_info=True)
        print(f"dva serve: cannot use {err.filename or _shown(settings)}: "
              f"{err.strerror or err}", file=sys.stderr)
        return 1
    except Exception:
        log.exception("dva serve could not open the database or load the content (database=%s, DVA_CONTENT=%s)",
                      _shown(settings), settings.content)
        return 1
    health = Health(started=now())
    shut = Shutdown(InFlight())
    posters: dict[str, Any] = {}
    try:
        if settings.discord_enabled:
            await _start_discord(app, settings, posters, shut)
            health.adapters.append("discord")
        if settings.slack_enabled:
            await _start_slack(app, settings, posters, shut)
            health.adapters.append("slack")
        scheduler = DailyScheduler(app.daily, posters, now, tracker=shut.tracker)
        shut.closers.append(_async(scheduler.stop))
        listeners.append(scheduler.changed)
        await scheduler.start()
        health.jobs = scheduler.jobs
        port, stop_health = await start_health(health, settings.health_port)
        shut.closers.append(stop_health)  # after the adapters: it says "stopping" (503) while handlers finish
        print(f"dva serve: running {', '.join(health.adapters)}; health on :{port}/healthz", flush=True)
        code = await _wait(stop, shut.watched)
    except Exception:
        log.exception("dva serve could not start")
        code = 1
    health.stopping = True
    shut.closers.append(_async(app.db.close))  # last: nothing is in flight, nothing left to call it
    await shut.run()
    print(f"dva serve: stopped (exit {code})", flush=True)
    return code


@dataclass
class Shutdown:
    """Stop in order: refuse new work, wait for the work in flight, then close everything.

    ``closers`` run in the order they were added (Discord, Slack, the scheduler,
    the health endpoint, the database), each only after the drain.
    """

    tracker: InFlight
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    watched: dict[asyncio.Task, str] = field(default_factory=dict)  # adapter tasks: their end is a failure
    drain_seconds: float = DRAIN_SECONDS

    async def run(self) -> None:
        self.tracker.stop()
        if self.tracker.count:
            log.info("waiting for %d handler(s) in flight", self.tracker.count)
        if not await self.tracker.wait_idle(self.drain_seconds):
            log.warning("%d handler(s) still running after %ss; closing anyway", self.tracker.count,
                        self.drain_seconds)
        for closer in self.closers:
            await _quietly(closer())


async def _wait(stop: asyncio.Event, watched: dict[asyncio.Task, str]) -> int:
    """Until a signal (0) or an adapter's task ends (1: it failed, e.g. a bad token)."""
    stopping = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait({stopping, *watched}, return_when=asyncio.FIRST_COMPLETED)
    if stopping in done:
        return 0
    stopping.cancel()
    for task in done:
        error = task.exception() if not task.cancelled() else None
        log.error("%s stopped: %s", watched[task], error or "ended")
    return 1


async def _start_discord(app: App, settings: Settings, posters: dict[str, Any], shut: Shutdown) -> None:
    from bot.adapters import discord as adapter

    client = adapter.build_client(app.tutor, settings, now, tracker=shut.tracker,
                                  transaction=app.store.transaction, batch=app.store.batch)
    task = asyncio.create_task(client.start(settings.discord_token or ""), name="discord")
    shut.watched[task] = "Discord"

    async def close() -> None:
        await client.close()
        await asyncio.wait({task}, timeout=DRAIN_SECONDS)

    shut.closers.append(close)
    posters["discord"] = adapter.DiscordPoster(client)
    # the scheduler may post a missed daily question at once: log in and connect first
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait({ready, task}, timeout=READY_SECONDS, return_when=asyncio.FIRST_COMPLETED)
    if ready not in done:
        ready.cancel()
        if task in done:
            task.result()  # a bad token or an unreachable API: raise it here
        log.warning("Discord is not ready after %ss; starting the rest anyway", READY_SECONDS)


async def _start_slack(app: App, settings: Settings, posters: dict[str, Any], shut: Shutdown) -> None:
    from bot.adapters import slack as adapter

    bolt = adapter.build_app(app.tutor, settings, now, tracker=shut.tracker,
                             transaction=app.store.transaction, batch=app.store.batch)
    running = await adapter.start(bolt, settings)
    posters["slack"] = adapter.SlackPoster(bolt.client)
    shut.closers.append(running.stop)


async def _quietly(work: Awaitable[None]) -> None:
    try:
        await work
    except Exception:
        log.exception("error while stopping")


def _async(close: Callable[[], object]) -> Callable[[], Awaitable[None]]:
    """A sync close (the scheduler's, the database's) as a closer."""

    async def closer() -> None:
        close()

    return closer
