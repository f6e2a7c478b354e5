"""Slack over HTTP behind a load balancer: any process may take any request.

Two real ``dva serve`` processes on one PostgreSQL database, Slack's HTTP mode
each on its own port, as behind a round-robin balancer: a quiz asked through
the first is answered through the second, and a redelivery of that click to
the first records nothing more. Nothing is kept in a process between requests.
"""

from __future__ import annotations

import asyncio
import json
from urllib.parse import parse_qs

import aiohttp

from db import connect
from db.store import Store
from fakes.slack_api import TEAM, FakeSlack, SlackRequests, sign
from slack_kit import answering, instance_of
from test_postgres_serve import Serve, until

SECRET = "signing-secret"  # what test_postgres_serve.Serve gives both processes


async def test_a_quiz_asked_through_one_process_is_answered_through_the_other_and_recorded_once(
        tmp_path, postgres_url, no_proxy):
    fake = await FakeSlack().start()
    requests = SlackRequests(fake)
    processes = [Serve(name, postgres_url, fake, tmp_path) for name in ("a", "b")]
    try:
        for serve in processes:
            await serve.start()
            await serve.running()
        ports = [serve.slack_port for serve in processes]

        async with aiohttp.ClientSession() as session:
            async def post(port: int, body: str) -> list[dict]:
                headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(SECRET, body)}
                async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body.encode(),
                                        headers=headers) as response:
                    assert response.status == 200
                form = parse_qs(body)
                url = form["response_url"][0] if "response_url" in form else \
                    json.loads(form["payload"][0])["response_url"]
                await until(lambda: [c for c in fake.of("response_url") if c.url == url], processes)
                return [c.args for c in fake.of("response_url") if c.url == url]

            for _ in range(20):  # a single-answer question: one click answers it (choose-two needs ticks first)
                [question] = await post(ports[0], requests.command("quiz"))
                button = answering(question)[0]
                if button["action_id"].startswith("dva:answer:"):
                    break
            click = requests.click(button)
            [feedback] = await post(ports[1], click)  # the other process: it knows the instance from the database
            again = await post(ports[0], click)  # Slack redelivers the same click to the first process
        assert feedback["text"].startswith(("✅", "❌"))  # graded, with its explanation
        assert again[-1]["text"][:1] == feedback["text"][:1]  # the redelivery gets the first answer's grade ...
        store = Store(connect(postgres_url))
        learner = store.find_learner("slack", TEAM, "U0ANNA")
        assert learner is not None and store.answer_of(instance_of(button), learner) is not None
        [row] = store.top_scores(TEAM, "all", 10)
        assert row["answered"] == 1  # ... and the answer is recorded once
        store.db.close()
    finally:
        for serve in processes:
            await serve.stop()
        await fake.stop()
