"""The Slack end-to-end harness: the real Bolt app over HTTP, signed requests, a local fake Slack.

Shared by ``tests/test_slack*.py``. ``bot`` runs the real core on a temporary
SQLite file (the bundled notes and question bank) behind the real Bolt app on
127.0.0.1:0 with ``process_before_response=True`` (the work is done when the
HTTP response comes back, so nothing waits on time). Tests post what Slack
posts and assert on what the fake Web API and response_urls received, and on
what the store recorded (read through its port, as for any store). Use the fixtures with
``from slack_kit import bot, fake  # noqa: F401`` (pytest finds them by name).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import parse_qs

import aiohttp
import pytest

from bot.adapters import slack
from bot.adapters.slack_events import PLATFORM
from bot.adapters.slack_blocks import BUTTON_LIMIT, HEADER_LIMIT, MAX_BLOCKS, SECTION_LIMIT, VALUE_LIMIT, escape
from bot.config import Settings
from fakes.slack_api import TEAM, FakeSlack, SlackRequests, sign

SECRET = "test-signing-secret"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
MENTIONS = re.compile(r"<[!@#]|@(here|channel|everyone)\b")


# --- harness ---------------------------------------------------------------------------


@dataclass
class Bot:
    """The running app, and a client that talks to it the way Slack does."""

    fake: FakeSlack
    requests: SlackRequests
    session: aiohttp.ClientSession
    url: str

    async def post(self, body: str, headers: dict | None = None, secret: str = SECRET,
                   timestamp: int | None = None) -> tuple[int, float]:
        started = time.perf_counter()
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   **sign(secret, body, timestamp), **(headers or {})}
        async with self.session.post(self.url, data=body.encode(), headers=headers) as response:
            await response.read()
            return response.status, time.perf_counter() - started

    async def command(self, text: str, **who) -> list[dict]:
        """``/dva text`` -> what the bot posted to that command's response_url."""
        body = self.requests.command(text, **who)
        status, _ = await self.post(body)
        assert status == 200
        return self.answers_to(body)

    async def click(self, action: dict, **kwargs) -> list[dict]:
        body = self.requests.click(action, **kwargs)
        status, _ = await self.post(body)
        assert status == 200
        return self.answers_to(body)

    def answers_to(self, body: str) -> list[dict]:
        form = parse_qs(body)
        url = form["response_url"][0] if "response_url" in form else json.loads(form["payload"][0])["response_url"]
        return [call.args for call in self.fake.of("response_url") if call.url == url]


def settings_for(fake: FakeSlack, tmp_path) -> Settings:
    return Settings(db=tmp_path / "t.db", slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                    slack_api_url=fake.api_url, slack_port=0, slack_admin_ids=("U0LISTED",))


@pytest.fixture
async def fake():
    fake = await FakeSlack(users={"U0ADMIN": {"is_admin": True}, "U0ANNA": {}}).start()
    yield fake
    await fake.stop()
    for call in fake.calls:
        if "blocks" in call.args:
            assert_within_limits(call.args)


@pytest.fixture(autouse=True)
def _loopback_without_proxy(no_proxy):
    """Every test here talks to a local fake: no proxy in the way."""


async def running(tutor, fake, tmp_path, *, before_response=True):
    settings = settings_for(fake, tmp_path)
    app = slack.build_app(tutor, settings, lambda: NOW, process_before_response=before_response)
    return await slack.start(app, settings, host="127.0.0.1")


@pytest.fixture
async def bot(study, fake, tmp_path):
    server = await running(study.tutor, fake, tmp_path)
    async with aiohttp.ClientSession() as session:
        yield Bot(fake, SlackRequests(fake), session, f"http://127.0.0.1:{server.port}/slack/events")
    await server.stop()


def texts(message: dict) -> str:
    """Every piece of text a person would see in a message."""
    found = [message.get("text", "")]

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text"):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("blocks", []))
    return "\n".join(found)


def elements(message: dict, kind: str) -> list[dict]:
    return [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"] if e["type"] == kind]


def answering(message: dict) -> list[dict]:
    """The buttons that answer the question (not Report, Flag or Finish)."""
    return [b for b in elements(message, "button") if b["action_id"].startswith(("dva:answer:", "dva:submit"))]


def labelled(message: dict, label: str, missing: object = AssertionError) -> dict | None:
    """The button labelled ``label`` under ``message``."""
    found = [e for e in elements(message, "button") if e["text"]["text"] == label]
    if not found and missing is AssertionError:
        raise AssertionError(f"no {label!r} button in {message['blocks']}")
    return found[0] if found else None


def passage_text(message: dict) -> str:
    """The passage's own text: the sections after the heading."""
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    return "\n".join(sections[1:])


def assert_within_limits(message: dict) -> None:
    assert len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_LIMIT
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text" and len(block["text"]["text"]) <= HEADER_LIMIT
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= BUTTON_LIMIT
                assert len(element["value"]) <= VALUE_LIMIT
            for option in element.get("options", []):
                assert len(option["text"]["text"]) <= BUTTON_LIMIT


async def quiz_until(bot: Bot, kind: str, **who) -> dict:
    """``/dva quiz rds`` until the question is single-choice ("button") or choose-two ("checkboxes")."""
    for _ in range(40):
        [question] = await bot.command("quiz rds", **who)
        if bool(elements(question, "checkboxes")) == (kind == "checkboxes"):
            return question
    raise AssertionError(f"no {kind} question in 40 quizzes")


def answer_key(study, instance: str):
    """The bank's answer to the question an instance shows."""
    return study.tutor.practice.question(study.store.instance(instance)["question_id"])


def recorded(study, instance: str, *users: str) -> list[str]:
    """The bank letters each of ``users`` (default: anna, who clicks unless told) answered
    ``instance`` with, in that order; one who did not answer adds nothing.

    Read through the store's port; an answer to ``instance`` from anyone else fails the test,
    so ``recorded(study, instance) == []`` means nobody's answer to it was recorded.
    """
    store = study.store
    found = []
    for user in users or ("U0ANNA",):
        learner = store.find_learner(PLATFORM, TEAM, user)
        row = store.answer_of(instance, learner) if learner is not None else None
        if row is not None:
            found.append(row["chosen"])
    others = store.instance_results(instance)["answered"] - len(found)
    assert others == 0, f"{others} answer(s) to {instance} recorded for someone else"
    return found


def instance_of(button: dict) -> str:
    return button["value"].partition("|")[2]


def shown_options(message: dict) -> dict[str, str]:
    """Letter -> option text, as the posted question lists them (each instance has its own order)."""
    return dict(re.findall(r"^\*([A-H])\.\* (.*)$", texts(message), re.MULTILINE))


def question_of(study, message: dict):
    """The bank question a posted question message shows."""
    [first, *_] = elements(message, "button")
    return answer_key(study, first["value"] if elements(message, "checkboxes") else instance_of(first))


def right_letters(study, message: dict) -> tuple[str, ...]:
    """The letters the right options were shown under in ``message``."""
    correct = {escape(text) for text in question_of(study, message).correct}
    letters = tuple(letter for letter, text in shown_options(message).items() if text in correct)
    assert len(letters) == len(correct)
    return letters


def bank_letter(study, message: dict, letter: str) -> str:
    """The bank's letter of the option shown under ``letter``: what the database stores."""
    options = question_of(study, message).options
    return "ABCDE"[[escape(text) for text in options].index(shown_options(message)[letter])]


def button_for(message: dict, letter: str) -> dict:
    return next(b for b in elements(message, "button") if b["value"].startswith(letter + "|"))
