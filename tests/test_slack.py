"""Slack end to end: the real Bolt AsyncApp over HTTP, signed requests, a local fake Slack.

Each test starts the app on 127.0.0.1:0 with ``process_before_response=True``
(the work is done when the HTTP response comes back, so nothing waits on
time) and asserts on what the fake Web API and response_urls received.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from urllib.parse import parse_qs

import aiohttp
import pytest

from bot.adapters import slack
from bot.adapters.slack_blocks import BUTTON_LIMIT, MAX_BLOCKS, SECTION_LIMIT, VALUE_LIMIT
from bot.config import Settings
from bot.core.messages import (
    Answer, Ask, Choice, Feedback, HelpText, Leaderboard, Learner, NothingFound, Passage,
    Question, Quiz, Setup, ShowLeaderboard, Standing, Text,
)
from fakes.slack_api import FakeSlack, SlackRequests, sign

SECRET = "test-signing-secret"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
MENTIONS = re.compile(r"<[!@#]|@(here|channel|everyone)\b")


# --- a stand-in core (a fake collaborator, not a mock) ----------------------------


@dataclass
class StandInTutor:
    """Answers like the core would; records the commands that change things."""

    recorded: list = field(default_factory=list)
    first: dict = field(default_factory=dict)
    events: set = field(default_factory=set)

    def handle(self, command, now):
        match command:
            case Ask(query=query) if "nothing" in query:
                return [NothingFound(query, ("RDS", "EC2"))]
            case Ask(query=query):
                return [Passage(query, "rds/proxy", ("RDS", "Amazon RDS Proxy"), "RDS Proxy pools connections.",
                                "dva-notes.md:10-12")]
            case Quiz(topic=topic):
                pick = 2 if topic == "two" else 1
                choices = tuple(Choice(letter, f"Option {letter}") for letter in "ABCDE"[: 3 + pick])
                return [Question(f"i-{topic}", f"q-{topic}", "RDS", "Which one?", choices, pick=pick)]
            case Answer():
                return self._answer(command)
            case ShowLeaderboard():
                rows = (Standing(1, Learner("slack", "T", "U1", "<!channel> bob"), 30, 3, 3),
                        Standing(2, Learner("slack", "T", "U0ANNA", "anna"), 10, 2, 1, is_asker=True))
                return [Leaderboard(command.period, "UTC", rows)]
            case Setup():
                self.recorded.append(command)
                return [Text(f"Daily question set for {command.target_name} at {command.time}.")]
        return [HelpText((("help", "this list"),))]

    def _answer(self, command: Answer):
        key = (command.learner.user, command.instance)
        if key not in self.first and command.event not in self.events:
            self.first[key] = command
            self.recorded.append(command)
        self.events.add(command.event)
        first = self.first[key]
        right = ("A", "C") if command.instance == "i-two" else ("A",)
        return [Feedback("q", first.choices == right, first.choices,
                         tuple(Choice(x, f"Option {x}") for x in right), "Because.",
                         counted=first.event == command.event)]


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
def no_proxy(monkeypatch):
    """slack_sdk sends even 127.0.0.1 through HTTPS_PROXY when one is set."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def tutor():
    return StandInTutor()


async def running(tutor, fake, tmp_path, *, before_response=True):
    settings = settings_for(fake, tmp_path)
    app = slack.build_app(tutor, settings, lambda: NOW, process_before_response=before_response)
    return await slack.start(app, settings, host="127.0.0.1")


@pytest.fixture
async def bot(tutor, fake, tmp_path):
    server = await running(tutor, fake, tmp_path)
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


def assert_within_limits(message: dict) -> None:
    assert len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_LIMIT
        for element in block.get("elements", []):
            if element.get("type") == "button":
                assert len(element["text"]["text"]) <= BUTTON_LIMIT
                assert len(element["value"]) <= VALUE_LIMIT


# --- commands -------------------------------------------------------------------------


async def test_ask_answers_only_the_asker_with_a_share_button(bot):
    [reply] = await bot.command("ask rds proxy")
    assert reply["response_type"] == "ephemeral"
    assert "RDS › Amazon RDS Proxy" in texts(reply)
    [share] = elements(reply, "button")
    assert share["text"]["text"] == "Share in channel"


async def test_share_in_channel_posts_the_answer_for_everyone(bot):
    [reply] = await bot.command("ask rds proxy")
    [share] = elements(reply, "button")
    public, delete = await bot.click(share)
    assert public["response_type"] == "in_channel"
    assert "Amazon RDS Proxy" in texts(public) and "Shared by anna" in texts(public)
    assert delete["delete_original"] is True


async def test_unknown_subcommand_gets_help(bot):
    [reply] = await bot.command("dance")
    assert "Unknown command" in texts(reply) and "help" in texts(reply)
    [reply] = await bot.command("")
    assert "/dva help" in texts(reply)


async def test_leaderboard_shows_names_as_plain_text(bot):
    [reply] = await bot.command("leaderboard week")
    shown = texts(reply)
    assert "Leaderboard · this week" in shown and "*anna* (you)" in shown
    assert "&lt;!channel&gt; bob" in shown and not MENTIONS.search(shown)


async def test_mention_injection_in_a_query_is_rendered_inert(bot):
    [reply] = await bot.command("ask nothing <!everyone> <!channel> <!here> <@U0BOSS> "
                                "<!subteam^S0TEAM|@devs> @here @channel")
    shown = texts(reply)
    assert "&lt;!everyone&gt;" in shown and "&lt;@U0BOSS&gt;" in shown
    assert not MENTIONS.search(shown), shown


# --- answers ---------------------------------------------------------------------------


async def test_quiz_then_click_gives_private_feedback_and_a_second_click_keeps_the_first(bot, tutor):
    [question] = await bot.command("quiz rds")
    buttons = elements(question, "button")
    assert [b["text"]["text"] for b in buttons] == ["A · Option A", "B · Option B", "C · Option C",
                                                    "D · Option D"]
    [first] = await bot.click(buttons[1])
    assert first["response_type"] == "ephemeral"
    assert texts(first).startswith("❌") and "Option A" in texts(first) and "Because." in texts(first)
    [second] = await bot.click(buttons[0])
    assert texts(second).startswith("❌") and "first answer" in texts(second)
    assert [c.choices for c in tutor.recorded] == [("B",)]


async def test_choose_two_is_answered_with_checkboxes_and_submit(bot, tutor):
    [question] = await bot.command("quiz two")
    [boxes] = elements(question, "checkboxes")
    [submit] = elements(question, "button")
    assert len(boxes["options"]) == 5
    picked = [o for o in boxes["options"] if o["value"] in ("A", "C")]
    state = {"b1": {"dva:pick": {"type": "checkboxes", "selected_options": picked}}}
    await bot.click(boxes | {"block_id": "b1"}, state=state)  # ticking is not answering
    assert tutor.recorded == []
    [feedback] = await bot.click(submit | {"block_id": "b1"}, state=state)
    assert texts(feedback).startswith("✅")
    assert [c.choices for c in tutor.recorded] == [("A", "C")]


async def test_a_retried_click_is_recorded_once(bot, tutor):
    [question] = await bot.command("quiz rds")
    body = bot.requests.click(elements(question, "button")[0], action_ts="1700000200.000001")
    assert (await bot.post(body))[0] == 200
    assert (await bot.post(body, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}))[0] == 200
    assert len(tutor.recorded) == 1


async def test_a_click_after_a_restart_still_counts(tutor, fake, tmp_path):
    requests = SlackRequests(fake)
    first = await running(tutor, fake, tmp_path)
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, requests, session, f"http://127.0.0.1:{first.port}/slack/events")
        [question] = await bot.command("quiz rds")
        await first.stop()
        second = await running(tutor, fake, tmp_path)
        bot.url = f"http://127.0.0.1:{second.port}/slack/events"
        [feedback] = await bot.click(elements(question, "button")[0])
        await second.stop()
    assert texts(feedback).startswith("✅")


# --- setup ------------------------------------------------------------------------------


async def test_setup_by_a_workspace_admin_schedules_the_channel(bot, tutor):
    [reply] = await bot.command("setup <#C0DAILY|daily> 09:00 Europe/Berlin", user="U0ADMIN", name="ada")
    assert "#daily" in texts(reply)
    [setup] = tutor.recorded
    assert (setup.target, setup.time, setup.timezone, setup.is_admin) == ("slack:C0DAILY", "09:00",
                                                                          "Europe/Berlin", True)


async def test_setup_by_a_listed_user_is_allowed(bot, tutor):
    await bot.command("setup here 07:30", user="U0LISTED", name="lee")
    assert [s.target for s in tutor.recorded] == ["slack:C0STUDY"]


async def test_setup_by_anyone_else_is_refused_and_changes_nothing(bot, tutor):
    [reply] = await bot.command("setup <#C0DAILY|daily> 09:00", user="U0ANNA")
    assert "Only workspace admins and owners" in texts(reply)
    assert tutor.recorded == []


async def test_setup_with_an_unknown_channel_name_says_how_to_pick_one(bot, tutor):
    [reply] = await bot.command("setup #elsewhere 09:00", user="U0ADMIN")
    assert "can't tell which channel" in texts(reply) and tutor.recorded == []


# --- the door ------------------------------------------------------------------------------


async def test_a_bad_signature_gets_401_and_changes_nothing(bot, tutor):
    [question] = await bot.command("quiz rds")
    calls = len(bot.fake.calls)
    status, _ = await bot.post(bot.requests.click(elements(question, "button")[0]), secret="wrong")
    assert status == 401
    assert tutor.recorded == [] and len(bot.fake.calls) == calls


async def test_a_stale_timestamp_gets_401(bot, tutor):
    body = bot.requests.command("setup here 09:00", user="U0ADMIN")
    status, _ = await bot.post(body, timestamp=int(time.time()) - 10 * 60)
    assert status == 401 and tutor.recorded == [] and bot.answers_to(body) == []


async def test_fifty_concurrent_commands_are_each_acked_within_3_seconds(tutor, fake, tmp_path):
    server = await running(tutor, fake, tmp_path, before_response=False)
    requests = SlackRequests(fake)
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, requests, session, f"http://127.0.0.1:{server.port}/slack/events")
        bodies = [requests.command(text) for text in ["quiz rds", "ask rds proxy", "leaderboard", "help",
                                                      "topics"] * 10]
        results = await asyncio.gather(*(bot.post(body) for body in bodies))
        await fake.wait_for("response_url", 50)
    await server.stop()
    assert [status for status, _ in results] == [200] * 50
    assert max(elapsed for _, elapsed in results) < 3.0


async def test_socket_mode_takes_commands_over_the_websocket_when_an_app_token_is_set(tutor, fake, tmp_path):
    settings = replace(settings_for(fake, tmp_path), slack_app_token="xapp-test")
    server = await slack.start(slack.build_app(tutor, settings, lambda: NOW), settings)
    try:
        fields = SlackRequests(fake).command_fields("ask rds proxy")
        envelope = await fake.deliver("slash_commands", fields)
        [reply] = await fake.wait_for("response_url", 1)
        acks = await fake.wait_for("socket_ack", 1)
    finally:
        await server.stop()
    assert server.port == 0 and acks[0].args["envelope_id"] == envelope
    assert reply.url == fields["response_url"] and "Amazon RDS Proxy" in texts(reply.args)


# --- rendering ------------------------------------------------------------------------------


def test_huge_replies_are_cut_to_slacks_limits():
    long = "word " * 4_000 + "& < >" * 500
    question = Question("i" * 100, "q", "RDS", long, tuple(Choice(c, "x" * 300) for c in "ABCD"))
    rendered = slack.render([Passage("q", "p", ("RDS",), long, "f.md:1")] * 20 + [question], share=long)
    assert_within_limits(rendered)
    assert len(rendered["blocks"]) == MAX_BLOCKS
    assert rendered["blocks"][-1]["elements"][0]["action_id"] == "dva:share"


def test_long_text_is_split_into_sections_without_breaking_entities():
    rendered = slack.render([Text("&" * 4_000)])
    parts = [b["text"]["text"] for b in rendered["blocks"]]
    assert all(len(p) <= SECTION_LIMIT for p in parts)
    assert "".join(parts) == "&amp;" * 4_000


async def test_the_poster_posts_and_edits_the_daily_question(fake):
    from slack_sdk.web.async_client import AsyncWebClient

    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=fake.api_url))
    question = Question("i-daily", "q", "RDS", "Which one?", (Choice("A", "a"), Choice("B", "b")), daily=True)
    ts = await poster.post("slack:C0DAILY", question)
    await poster.edit("slack:C0DAILY", ts, Text("Closed."))
    [posted], [edited] = fake.of("chat.postMessage"), fake.of("chat.update")
    assert posted.args["channel"] == "C0DAILY" and "Question of the day" in texts(posted.args)
    assert (edited.args["ts"], texts(edited.args).splitlines()[0]) == (ts, "Closed.")


def test_the_manifest_declares_the_command_scopes_and_interactivity():
    from pathlib import Path

    manifest = (Path(__file__).resolve().parent.parent / "slack-manifest.yaml").read_text(encoding="utf-8")
    bot_scopes = manifest.split("    bot:\n")[1].split("settings:")[0]
    scopes = re.findall(r"^\s+- ([a-z:.]+)", bot_scopes, re.MULTILINE)
    assert scopes == ["commands", "chat:write", "chat:write.public", "users:read"]
    assert re.search(r"- command: /dva$", manifest, re.MULTILINE)
    assert re.search(r"interactivity:\n\s+is_enabled: true", manifest)
    urls = re.findall(r"(?:url|request_url): (\S+)", manifest)
    assert len(urls) == 2 and all(url.endswith(slack.PATH) for url in urls)
