"""How fast the Slack adapter acks, and how long until the answer is posted.

Run: ``python bench/bench_slack.py`` (a few seconds). The real Bolt AsyncApp in
HTTP mode on 127.0.0.1, the real core on a temp-file database with the bundled
notes and question bank, and the local fake of Slack from ``tests/fakes``
(auth.test, response_url). Requests are signed as Slack signs them.

1. Baseline: an unsigned POST to an aiohttp handler that answers 200 at once,
   same client, same loop: the cost of HTTP on this machine.
2. Ack latency (what Slack's 3-second limit measures) of bursts of N concurrent
   ``/dva`` commands (quiz, ask, leaderboard, stats, topics), as ``dva serve``
   runs them (``process_before_response=False``): p50, p99, max.
3. Until the reply is posted: from sending the burst to the last response_url
   post arriving at the fake.
4. Clicks: N concurrent answers to N questions (each a full graded, recorded
   answer), ack p50/p99/max.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot.app import build  # noqa: E402
from bot.adapters import slack  # noqa: E402
from bot.config import Settings  # noqa: E402
from fakes.slack_api import FakeSlack, SlackRequests, sign  # noqa: E402

SECRET = "bench-secret"
TEXTS = ["quiz rds", "ask rds proxy", "leaderboard week", "stats", "topics"]


def ms(values: list[float]) -> str:
    values = sorted(values)
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return (f"p50 {statistics.median(values) * 1000:6.1f} ms  p99 {p99 * 1000:6.1f} ms  "
            f"max {values[-1] * 1000:6.1f} ms")


async def timed_post(session: aiohttp.ClientSession, url: str, body: str, signed: bool = True) -> float:
    headers = {"Content-Type": "application/x-www-form-urlencoded", **(sign(SECRET, body) if signed else {})}
    started = time.perf_counter()
    async with session.post(url, data=body.encode(), headers=headers) as response:
        await response.read()
        assert response.status == 200, response.status
    return time.perf_counter() - started


async def baseline(session: aiohttp.ClientSession, n: int) -> list[float]:
    app = web.Application()
    app.router.add_post("/", lambda request: web.Response(text=""))
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, backlog=slack.BACKLOG).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/"
    try:
        return list(await asyncio.gather(*(timed_post(session, url, "x=1", signed=False) for _ in range(n))))
    finally:
        await runner.cleanup()


async def main(sizes: tuple[int, ...] = (50, 200)) -> None:
    fake = await FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        study = build(Settings(db=Path(folder) / "bench.db"))
        settings = Settings(db=Path(folder) / "bench.db", slack_bot_token="xoxb-bench",
                            slack_signing_secret=SECRET, slack_api_url=fake.api_url, slack_port=0)
        now = lambda: datetime.now(timezone.utc)  # noqa: E731
        server = await slack.start(slack.build_app(study.tutor, settings, now), settings, host="127.0.0.1")
        url = f"http://127.0.0.1:{server.port}/slack/events"
        requests = SlackRequests(fake)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            await timed_post(session, url, requests.command("help"))  # auth.test happens once, here
            await fake.wait_for("response_url", 1)
            for n in sizes:
                print(f"baseline  {n:4d} concurrent bare POSTs   {ms(await baseline(session, n))}")
                bodies = [requests.command(TEXTS[i % len(TEXTS)], user=f"U{n}{i:04d}") for i in range(n)]
                done = len(fake.of("response_url"))
                started = time.perf_counter()
                acks = await asyncio.gather(*(timed_post(session, url, body) for body in bodies))
                await fake.wait_for("response_url", done + n, timeout=60)
                posted = time.perf_counter() - started
                print(f"commands  {n:4d} concurrent, ack        {ms(acks)}")
                print(f"commands  {n:4d} concurrent, all replies posted after {posted * 1000:6.1f} ms")
                questions = [r for r in fake.responses[done:] if any(
                    e.get("action_id", "").startswith("dva:answer:")
                    for b in r["blocks"] if b["type"] == "actions" for e in b["elements"])]
                clicks = [requests.click(next(e for b in q["blocks"] if b["type"] == "actions"
                                              for e in b["elements"]), user=f"U{n}{i:04d}")
                          for i, q in enumerate(questions)]
                clicked = await asyncio.gather(*(timed_post(session, url, body) for body in clicks))
                print(f"clicks    {len(clicks):4d} concurrent, ack        {ms(clicked)}")
        await server.stop()
        study.db.close()
    await fake.stop()


if __name__ == "__main__":
    asyncio.run(main())
