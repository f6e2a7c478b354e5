"""Discord end to end: the real discord.py client over sockets against a local fake Discord.

Each test starts the bot (login, command sync, gateway with zlib-stream),
injects interactions the way Discord's gateway delivers them, and asserts on
what the fake received: callbacks, followups, edits of the original response
and channel messages, with their timestamps. The core behind the bot is the
real one on the bundled notes and question bank, in a temporary SQLite file.
"""

from __future__ import annotations

import asyncio
import random
import re
import shutil
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.app import App, build
from bot.adapters.discord import DiscordPoster
from bot.adapters.discord_views import (
    BUTTON_LABEL, CONTENT, CUSTOM_ID, DESCRIPTION, EMBED, FIELDS, PER_ROW, TITLE, plain,
)
from bot.config import Settings
from bot.core.messages import (
    Answer, Choice, Learner, FoundPassage, Question, Setup, Stats, Text, TopicAccuracy,
)
from fakes.discord_api import EPHEMERAL, FakeDiscord
from fakes.discord_fixture import TOKEN, running_bot

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
NO_MENTIONS = {"parse": []}


def open_app(db_path: Path) -> App:
    """The real core on the bundled content, wired by the composition root; quiz picks seeded."""
    app = build(Settings(db=db_path), refresh=False)
    app.tutor.practice.rng = random.Random(4)
    return app


# --- harness -------------------------------------------------------------------------


@pytest.fixture
async def fake():
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.close()
    assert_within_limits(fake)


@pytest.fixture
def app(loaded_notes, tmp_path) -> App:
    """The real core on a copy of the database with the bundled notes (``conftest``)."""
    shutil.copy(loaded_notes, tmp_path / "t.db")
    return open_app(tmp_path / "t.db")


@pytest.fixture
async def bot(fake, app):
    async with running_bot(app.tutor, fake, lambda: NOW) as client:
        yield client


async def slash(fake: FakeDiscord, sub: str, user: dict, /, replies: int = 1, **options) -> list[dict]:
    exchange = await fake.interact(fake.slash(sub, user, **options))
    return await fake.answered(exchange, replies)


async def answer(fake: FakeDiscord, message: dict, letters: tuple[str, ...], user: dict, **kwargs) -> dict:
    """Click the button of the letter, or pick the letters in the menu of a choose-two question."""
    component = message["components"][0]["components"][0]
    if component["type"] == 3:
        payload = fake.choose(message, component["custom_id"], list(letters), user, **kwargs)
    else:
        payload = fake.click(message, fake.button(message, f"{letters[0]} ·"), user, **kwargs)
    exchange = await fake.interact(payload)
    [reply] = await fake.answered(exchange)
    return reply


def question_id(message: dict) -> str:
    return message["embeds"][0]["footer"]["text"].split(" · ")[0]


def shown_options(message: dict) -> dict[str, str]:
    """Letter -> option text, as the posted question lists them (each instance has its own order)."""
    return dict(re.findall(r"^\*\*([A-H])\.\*\* (.*)$", message["embeds"][0]["description"], re.MULTILINE))


def right_letters(app: App, message: dict) -> tuple[str, ...]:
    """The letters the right options were shown under in ``message``."""
    correct = {plain(text) for text in app.tutor.practice.questions[question_id(message)].correct}
    letters = tuple(letter for letter, text in shown_options(message).items() if text in correct)
    assert len(letters) == len(correct)
    return letters


def wrong_letters(app: App, message: dict) -> tuple[str, ...]:
    right = right_letters(app, message)
    return tuple(letter for letter in shown_options(message) if letter not in right)[: len(right)]


def daily_question(app: App, fake: FakeDiscord, pick: int = 1) -> Question:
    """A daily showing (anyone may answer) of the first bank question taking ``pick`` choices."""
    practice = app.tutor.practice
    qid = next(q.id for q in practice.questions.values() if q.pick == pick)
    return practice.new_instance(qid, None, fake.guild_id, "daily", f"discord:{fake.channel_id}", NOW,
                                 NOW + timedelta(hours=20))


def ephemeral(message: dict) -> bool:
    return bool(message["flags"] & EPHEMERAL)


def assert_within_limits(fake: FakeDiscord) -> None:
    """Every message the bot sent fits Discord's limits and parses no mentions."""
    for request in fake.received:
        body = request.body
        if not isinstance(body, dict) or not ({"content", "embeds", "components"} & body.keys()):
            continue
        assert body.get("allowed_mentions") == NO_MENTIONS, request.path
        assert len(body.get("content") or "") <= CONTENT
        assert len(body.get("embeds") or []) <= 10
        for embed in body.get("embeds") or []:
            assert len(embed.get("title", "")) <= TITLE
            assert len(embed.get("description", "")) <= DESCRIPTION
            assert len(embed.get("fields", [])) <= FIELDS
            text = [embed.get("title", ""), embed.get("description", ""), embed.get("footer", {}).get("text", "")]
            text += [f["name"] + f["value"] for f in embed.get("fields", [])]
            assert sum(map(len, text)) <= EMBED
        for row in body.get("components") or []:
            assert len(row["components"]) <= PER_ROW
            for component in row["components"]:
                assert len(component["custom_id"]) <= CUSTOM_ID
                assert len(component.get("label", "")) <= BUTTON_LABEL


# --- commands -----------------------------------------------------------------------------


async def test_the_bot_registers_one_dva_command_with_every_option_described(fake, bot):
    [dva] = fake.commands[None]
    assert dva["name"] == "dva"
    subcommands = {o["name"]: o for o in dva["options"]}
    assert {"ask", "quiz", "explain", "topics", "leaderboard", "stats", "daily", "review", "setup"} <= set(subcommands)
    for sub in subcommands.values():
        assert sub["description"]
        for option in sub.get("options", []):
            assert option["description"], (sub["name"], option["name"])
    assert [c["value"] for c in subcommands["leaderboard"]["options"][0]["choices"]] == ["today", "week", "month", "all"]
    assert subcommands["quiz"]["options"][0]["autocomplete"] is True
    assert sorted(dva["contexts"]) == [0, 1]  # in servers and in DMs with the bot


async def test_the_client_finds_the_gateway_via_the_api_and_asks_no_privileged_intent(fake, bot):
    privileged = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content
    assert fake.identified[0]["intents"] & privileged == 0
    assert [r.path for r in fake.received][:4] == [  # the gateway's address comes from GET /gateway/bot
        "/api/v10/users/@me", "/api/v10/oauth2/applications/@me", f"/api/v10/applications/{fake.app_id}/commands",
        "/api/v10/gateway/bot"]
    [connect] = [r for r in fake.received if r.path == "/gateway"]
    assert connect.query["compress"] in ("zlib-stream", "zstd-stream")  # zstd when discord.py can decode it


async def test_ask_shows_the_heading_path_and_the_matching_text(fake, bot):
    alice = fake.user("alice")
    [reply] = await slash(fake, "ask", alice, query="rds proxy")
    embed = reply["embeds"][0]
    assert embed["title"] == "RDS › Amazon RDS Proxy"
    assert "pool" in embed["description"].lower()
    assert not ephemeral(reply)


async def test_ask_about_something_not_in_the_notes_says_so_to_the_asker_alone(fake, bot):
    exchange = await fake.interact(fake.slash("ask", fake.user("alice"), query="kubernetes helm charts"))
    [reply] = await fake.answered(exchange)
    assert reply["content"].startswith("Nothing in the notes about")
    assert ephemeral(reply)
    assert exchange.messages[0]["deleted"]  # nothing of it stays in the channel


async def test_topics_shows_how_many_questions_each_topic_has(fake, bot, app):
    [reply] = await slash(fake, "topics", fake.user("alice"))
    shown = dict(re.findall(r"^\*\*(.+)\*\* · \d+ passages?, (\d+) questions? · [A-Z][\w ]+$",
                            reply["embeds"][0]["description"], re.MULTILINE))
    on_topic = Counter(plain(q.topic) for q in app.tutor.practice.questions.values())  # what quiz <topic> draws from
    assert shown == {topic: str(n) for topic, n in on_topic.items()}
    assert len(shown) == 8 and "0" not in shown.values()  # the bundled bank covers all eight sections


async def test_topic_autocompletes_from_the_notes(fake, bot):
    exchange = await fake.interact(fake.autocomplete("quiz", fake.user("alice"), "topic", "rd"))
    await fake.wait_for(lambda: exchange.choices is not None)
    assert [c["value"] for c in exchange.choices] == ["RDS"]


async def test_a_quiz_question_has_one_button_per_choice_labelled_with_its_letter(fake, bot):
    [message] = await slash(fake, "quiz", fake.user("alice"), topic="RDS")
    *choices, controls = message["components"]
    labels = [c["label"] for row in choices for c in row["components"]]
    assert labels and all(label.startswith(f"{letter} · ") for letter, label in zip("ABCDE", labels))
    assert [c["label"] for c in controls["components"]] == ["Report"]
    assert message["embeds"][0]["title"].startswith("Question · RDS")


async def test_a_click_gets_private_feedback_and_a_second_click_says_the_first_counted(fake, bot, app):
    alice = fake.user("alice")
    [message] = await slash(fake, "quiz", alice, topic="RDS")
    right = right_letters(app, message)

    first = await answer(fake, message, right, alice)
    assert ephemeral(first)
    assert first["content"].startswith("✅")
    assert "Answer: **" + right[0] in first["content"]

    second = await answer(fake, message, wrong_letters(app, message), alice)
    assert ephemeral(second)
    assert second["content"].startswith("✅")  # the first answer, the one that counted
    assert "first answer is the one that counted" in second["content"]


async def test_a_wrong_click_starts_with_a_cross_then_the_right_answer_and_source(fake, bot, app):
    bob = fake.user("bob")
    [message] = await slash(fake, "quiz", bob, topic="RDS")
    reply = await answer(fake, message, wrong_letters(app, message), bob)
    lines = reply["content"].splitlines()
    assert lines[0].startswith("❌")
    assert "; the answer is **" in lines[0]
    assert lines[-2].startswith("Source: RDS") or lines[-1].startswith("Source: RDS")


async def test_a_wrong_click_says_which_option_was_picked_and_which_is_right(fake, bot, app):
    bob = fake.user("bob")
    [message] = await slash(fake, "quiz", bob, topic="RDS")
    options = shown_options(message)
    [picked], [right] = wrong_letters(app, message), right_letters(app, message)
    reply = await answer(fake, message, (picked,), bob)
    assert reply["content"].splitlines()[0] == (
        f"❌ You picked **{picked}** · {options[picked]}; the answer is **{right}** · {options[right]}.")


async def test_a_second_click_after_a_wrong_answer_names_the_first_pick_which_counted(fake, bot, app):
    bob = fake.user("bob")
    [message] = await slash(fake, "quiz", bob, topic="RDS")
    options = shown_options(message)
    [picked], [right] = wrong_letters(app, message), right_letters(app, message)
    await answer(fake, message, (picked,), bob)
    again = await answer(fake, message, (right,), bob)
    assert ephemeral(again)
    assert again["content"].splitlines()[0] == (
        f"❌ You first picked **{picked}** · {options[picked]}; the answer is **{right}** · {options[right]}. "
        "Your first answer is the one that counted.")


async def test_a_wrong_choose_two_answer_names_both_options_picked(fake, bot, app):
    alice = fake.user("alice")
    ref = await DiscordPoster(bot).post(f"discord:{fake.channel_id}", daily_question(app, fake, pick=2))
    message = fake.messages[ref]
    options = shown_options(message)
    picked, right = wrong_letters(app, message), right_letters(app, message)
    reply = await answer(fake, message, picked, alice)
    first = reply["content"].splitlines()[0]
    assert first == ("❌ You picked " + " and ".join(f"**{p}** · {options[p]}" for p in picked)
                     + "; the answer is " + " and ".join(f"**{r}** · {options[r]}" for r in right) + ".")


async def test_a_choose_two_question_is_a_select_menu_taking_exactly_two(fake, bot, app):
    alice = fake.user("alice")
    question = daily_question(app, fake, pick=2)
    ref = await DiscordPoster(bot).post(f"discord:{fake.channel_id}", question)
    message = fake.messages[ref]
    [menu] = message["components"][0]["components"]
    assert (menu["type"], menu["min_values"], menu["max_values"]) == (3, 2, 2)
    assert [o["value"] for o in menu["options"]][:2] == ["A", "B"]

    exchange = await fake.interact(fake.choose(message, menu["custom_id"], list(right_letters(app, message)), alice))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert reply["content"].startswith("✅")


async def test_the_leaderboard_ranks_the_group_by_points(fake, bot, app):
    alice, bob = fake.user("alice"), fake.user("bob")
    for user, letters in ((alice, right_letters), (bob, wrong_letters)):
        [message] = await slash(fake, "quiz", user, topic="RDS")
        await answer(fake, message, letters(app, message), user)
    [board] = await slash(fake, "leaderboard", bob, period="week")
    lines = board["embeds"][0]["description"].splitlines()
    assert board["embeds"][0]["title"] == "Leaderboard · this week" and not ephemeral(board)  # for the channel
    [alone] = await slash(fake, "leaderboard", bob, period="week", private=True)
    assert ephemeral(alone) and alone["embeds"][0]["title"] == "Leaderboard · this week"
    assert lines[0].startswith("1. Alice")
    assert any("Bob" in line for line in lines[1:])


# --- the rest of a long answer ---------------------------------------------------------------


async def more(fake: FakeDiscord, message: dict, user: dict, **kwargs) -> dict:
    """Click the More button under ``message``; what the clicker gets back."""
    exchange = await fake.interact(fake.click(message, fake.button(message, "More"), user, **kwargs))
    [reply] = await fake.answered(exchange)
    return reply


def buttons(message: dict) -> list[str]:
    return [c.get("label", "") for row in message.get("components") or [] for c in row["components"]]


async def test_a_long_answer_has_a_more_button_that_shows_the_clicker_the_rest_privately(fake, bot):
    [answer] = await slash(fake, "ask", fake.user("alice"), query="aurora high availability")
    heading = "RDS › Aurora High Availability and Read scaling"
    assert answer["embeds"][0]["title"] == heading
    assert buttons(answer) == ["More"]

    rest = await more(fake, answer, fake.user("bob"))  # anyone in the channel may read on
    assert ephemeral(rest)
    assert rest["embeds"][0]["title"] == heading
    first, then = answer["embeds"][0]["description"], rest["embeds"][0]["description"]
    assert then.lstrip("…").strip() and then.lstrip("…").strip() not in first
    assert buttons(rest) == []  # that was the end of the passage


async def test_each_part_of_a_very_long_answer_has_its_own_more_button_until_the_end(fake, bot):
    alice = fake.user("alice")
    [message] = await slash(fake, "ask", alice, query="rds proxy")
    parts = [message["embeds"][0]["description"]]
    while "More" in buttons(message) and len(parts) < 10:
        message = await more(fake, message, alice)
        assert ephemeral(message) and message["embeds"][0]["title"] == "RDS › Amazon RDS Proxy"
        parts.append(message["embeds"][0]["description"])
    assert len(parts) >= 3 and buttons(message) == []
    assert len(set(parts)) == len(parts)


async def test_a_more_button_from_before_a_restart_still_works(fake, app, tmp_path):
    alice = fake.user("alice")
    async with running_bot(app.tutor, fake, lambda: NOW):
        [answer] = await slash(fake, "ask", alice, query="aurora high availability")
    app.db.conn.close()
    app = open_app(tmp_path / "t.db")
    async with running_bot(app.tutor, fake, lambda: NOW):
        rest = await more(fake, answer, alice)
    assert ephemeral(rest) and rest["embeds"][0]["title"] == answer["embeds"][0]["title"]


async def test_a_more_button_for_a_passage_gone_from_the_notes_says_so_privately(fake, bot):
    alice = fake.user("alice")
    gone = "dva:more:40:rds/a-section-since-deleted"  # an old answer's button; its section was removed since
    old = fake.message(fake.channel_id, {"embeds": [{"title": "RDS › A section since deleted"}], "components": [
        {"type": 1, "components": [{"type": 2, "style": 2, "label": "More", "custom_id": gone}]}]})
    exchange = await fake.interact(fake.click(old, gone, alice))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert "no longer in the notes" in reply["content"]


# --- setup ---------------------------------------------------------------------------------


async def test_setup_by_a_member_with_manage_server_schedules_the_daily_question(fake, bot, app):
    exchange = await fake.interact(fake.slash("setup", fake.user("admin"), admin=True, channel=fake.channel_id,
                                              time="09:00", timezone="Europe/Berlin"))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert reply["content"].startswith("Daily question set for #daily")
    assert app.store.schedule_row(f"discord:{fake.channel_id}") is not None
    [confirmation] = fake.messages.values()  # and everyone in the channel sees it
    assert confirmation["channel_id"] == fake.channel_id and not confirmation["flags"] & EPHEMERAL
    assert confirmation["content"] == reply["content"]


async def test_setup_in_a_channel_the_bot_cannot_post_in_is_undone_and_explained(fake, bot, app, caplog):
    fake.forbidden.add(fake.channel_id)  # no Send Messages (or View Channel, or Embed Links) for the bot there
    exchange = await fake.interact(fake.slash("setup", fake.user("admin"), admin=True, channel=fake.channel_id,
                                              time="09:00", timezone="Europe/Berlin"))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert reply["content"].startswith("I can't post in #daily")
    assert "View Channel, Send Messages and Embed Links in #daily" in reply["content"]
    assert app.store.schedule_row(f"discord:{fake.channel_id}") is None
    assert fake.messages == {}
    assert any("50013" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    assert TOKEN not in caplog.text


async def test_setup_without_manage_server_is_refused_and_changes_nothing(fake, bot, app):
    exchange = await fake.interact(fake.slash("setup", fake.user("mallory"), admin=False, channel=fake.channel_id,
                                              time="09:00"))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert "Manage Server" in reply["content"]
    assert app.store.schedule_row(f"discord:{fake.channel_id}") is None


# --- safety, limits, timing ------------------------------------------------------------------


async def test_mentions_typed_into_a_query_ping_nobody(fake, bot):
    query = "@everyone <@&123456789012345678> <@234567890123456789> kubernetes"
    [reply] = await slash(fake, "ask", fake.user("mallory"), query=query)
    assert "@everyone" in reply["content"]  # echoed as text...
    assert reply["allowed_mentions"] == NO_MENTIONS  # ...but nothing is parsed into a ping
    sends = [r for r in fake.received if isinstance(r.body, dict) and "@everyone" in (r.body.get("content") or "")]
    assert sends and all(r.body["allowed_mentions"] == NO_MENTIONS for r in sends)


async def test_fifty_concurrent_interactions_are_each_answered_within_three_seconds(fake, bot):
    users = [fake.user(f"user{i}") for i in range(50)]
    payloads = [fake.slash(("ask", "quiz", "leaderboard")[i % 3], user, **({"query": "rds proxy"} if i % 3 == 0 else {}))
                for i, user in enumerate(users)]
    exchanges = await asyncio.gather(*(fake.interact(p) for p in payloads))
    await asyncio.gather(*(fake.answered(e, timeout=10) for e in exchanges))
    acks = [e.acked_at - e.sent_at for e in exchanges]
    answers = [e.done_at - e.sent_at for e in exchanges]
    print(f"50 concurrent: slowest ack {max(acks) * 1000:.0f} ms, slowest answer {max(answers) * 1000:.0f} ms")
    assert max(acks) < 3.0, f"slowest acknowledgement {max(acks):.3f}s"
    assert max(answers) < 3.0, f"slowest answer {max(answers):.3f}s"


async def test_a_button_from_before_a_restart_still_works(fake, app, tmp_path):
    alice = fake.user("alice")
    async with running_bot(app.tutor, fake, lambda: NOW):
        [message] = await slash(fake, "quiz", alice, topic="RDS")
    app.db.conn.close()
    app = open_app(tmp_path / "t.db")  # a new process: new client, new core, the same database
    async with running_bot(app.tutor, fake, lambda: NOW):
        reply = await answer(fake, message, right_letters(app, message), alice)
    assert reply["content"].startswith("✅")
    assert len(fake.identified) == 2


async def test_quiz_and_answers_work_in_a_direct_message(fake, bot, app):
    alice = fake.user("alice")
    exchange = await fake.interact(fake.slash("quiz", alice, dm=True))
    [message] = await fake.answered(exchange)
    assert message["channel_id"] == fake.dm_channel(alice)
    reply = await answer(fake, message, right_letters(app, message), alice, dm=True)
    assert reply["content"][0] in "✅❌"
    [stats] = await fake.answered(await fake.interact(fake.slash("stats", alice, dm=True)))
    assert {"name": "Answered", "value": "1", "inline": True} in stats["embeds"][0]["fields"]
    [found] = await fake.answered(await fake.interact(fake.slash("ask", alice, dm=True, query="rds proxy")))
    assert found["embeds"][0]["title"] == "RDS › Amazon RDS Proxy"


async def test_stats_of_another_member_shows_theirs(fake, bot):
    [stats] = await slash(fake, "stats", fake.user("alice"), user=fake.user("bob"))
    assert ephemeral(stats)
    assert stats["embeds"][0]["title"] == "Stats · Bob"


async def test_setup_in_a_direct_message_is_refused_plainly(fake, bot):
    exchange = await fake.interact(fake.slash("setup", fake.user("alice"), dm=True, channel=fake.channel_id,
                                              time="09:00"))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert "server" in reply["content"]


class Oversized:
    """A core that answers with everything too big for Discord (a fake collaborator)."""

    def handle(self, command, now):
        long = "word " * 3000
        choices = tuple(Choice(letter, long) for letter in "ABCDEFG")
        return [Text(long), FoundPassage("q", "p", ("H" * 300,), long, "S" * 3000, related=("R" * 900,) * 3),
                Question("i" * 40, "q-long", "T" * 300, long, choices),
                Stats(Learner("discord", "g", "u", "N"), 1, 1, 1, 1, 1,
                      weakest=tuple(TopicAccuracy(f"topic {i}", 2, 1, "quiz x") for i in range(40)))]


async def test_long_replies_are_cut_to_discords_limits(fake):
    async with running_bot(Oversized(), fake, lambda: NOW):
        exchange = await fake.interact(fake.slash("ask", fake.user("alice"), query="anything"))
        replies = await fake.answered(exchange, replies=4)
    text, passage, question, stats = replies
    assert len(text["content"]) == CONTENT and text["content"].endswith("…")
    assert len(passage["embeds"][0]["title"]) == TITLE
    assert passage["embeds"][0]["description"].endswith("…")  # shortened to keep the embed within 6,000
    assert len(question["embeds"][0]["description"]) == DESCRIPTION
    *rows, controls = question["components"]
    assert [len(r["components"]) for r in rows] == [5, 2] and len(controls["components"]) == 1
    assert all(len(c["label"]) == BUTTON_LABEL for r in rows for c in r["components"])
    assert len(stats["embeds"][0]["fields"]) <= FIELDS
    # assert_within_limits (fixture teardown) checks every request the fake received


# --- sync, errors and the daily poster --------------------------------------------------------


async def test_with_guild_ids_the_commands_sync_to_those_guilds_only(fake, app):
    async with running_bot(app.tutor, fake, lambda: NOW, guild_ids=(int(fake.guild_id),)):
        pass
    assert list(fake.commands) == [fake.guild_id]
    assert [c["name"] for c in fake.commands[fake.guild_id]] == ["dva"]


async def test_a_guild_refusing_the_command_sync_is_logged_and_the_bot_serves_the_other_guilds(fake, app, caplog):
    gone = fake.snowflake()  # a mistyped id, or a guild the bot has left
    fake.refused.add(gone)
    async with running_bot(app.tutor, fake, lambda: NOW, guild_ids=(int(gone), int(fake.guild_id))):
        [reply] = await slash(fake, "ask", fake.user("alice"), query="rds proxy")
    assert reply["embeds"][0]["title"] == "RDS › Amazon RDS Proxy"
    assert list(fake.commands) == [fake.guild_id]
    [warning] = [r for r in caplog.records if r.levelname == "WARNING" and gone in r.getMessage()]
    assert "403" in warning.getMessage()
    assert TOKEN not in caplog.text


async def test_a_refused_global_command_sync_does_not_stop_the_bot(fake, app, caplog):
    fake.refused.add(None)
    async with running_bot(app.tutor, fake, lambda: NOW) as client:  # it raises if the client stops
        assert not client.is_closed()
    assert len(fake.identified) == 1  # logged in and on the gateway
    assert fake.commands == {}
    assert any(r.levelname == "WARNING" and "global" in r.getMessage() for r in caplog.records)


class Broken:
    """A core that fails on every command (a fake collaborator)."""

    def handle(self, command, now):
        raise RuntimeError("the database is locked")


async def test_a_public_command_that_fails_tells_only_the_asker(fake):
    async with running_bot(Broken(), fake, lambda: NOW):
        exchange = await fake.interact(fake.slash("ask", fake.user("alice"), query="rds proxy"))
        [reply] = await fake.answered(exchange)
    assert exchange.callback["type"] == 5 and not exchange.callback.get("data")  # deferred publicly
    assert reply["content"].startswith("Sorry, something went wrong")
    assert ephemeral(reply)  # not the first followup, which would take the public deferral's place
    assert exchange.messages[0]["deleted"]  # the public 'thinking' placeholder is gone
    assert "database is locked" not in reply["content"]


async def test_a_private_command_that_fails_replaces_its_own_thinking_message(fake):
    async with running_bot(Broken(), fake, lambda: NOW):
        exchange = await fake.interact(fake.slash("help", fake.user("alice")))
        [reply] = await fake.answered(exchange)
    assert reply["content"].startswith("Sorry, something went wrong")
    assert ephemeral(reply)
    assert len(exchange.messages) == 1  # the private placeholder became the error


async def test_an_error_reply_to_a_public_command_is_shown_privately(fake, bot):
    exchange = await fake.interact(fake.slash("quiz", fake.user("alice"), topic="cloudformation"))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)
    assert exchange.messages[0]["deleted"]  # the public 'thinking' placeholder is gone


async def test_the_daily_poster_posts_a_question_then_edits_it_into_the_summary(fake, bot, app):
    from bot.core.messages import DailySummary

    target = f"discord:{fake.channel_id}"
    question = daily_question(app, fake)
    poster = DiscordPoster(bot)
    ref = await poster.post(target, question)
    assert fake.messages[ref]["embeds"][0]["title"].startswith("Daily question")
    await poster.edit(target, ref, DailySummary(target, "dns-record-types", "Stem?", (Choice("A", "A record"),),
                                                "Because.", answered=3, correct=2, first_right=None))
    message = fake.messages[ref]
    assert message["embeds"][0]["title"] == "Daily question · answer"
    assert message["components"] == []  # no buttons on a closed question


async def test_explain_is_shown_only_to_the_asker_so_it_spoils_no_open_question(fake, bot, app):
    question_id = next(iter(app.tutor.practice.questions))
    exchange = await fake.interact(fake.slash("explain", fake.user("alice"), question=question_id))
    [reply] = await fake.answered(exchange)
    assert ephemeral(reply)


# --- the mock exam and reporting a question ----------------------------------------------


async def click(fake: FakeDiscord, message: dict, label: str, user: dict) -> dict:
    exchange = await fake.interact(fake.click(message, fake.button(message, label), user))
    [reply] = await fake.answered(exchange)
    return reply


async def test_a_mock_exam_is_private_gives_no_feedback_and_resumes_after_a_restart(fake, app, tmp_path):
    alice = fake.user("alice")
    async with running_bot(app.tutor, fake, lambda: NOW):
        [first] = await slash(fake, "exam", alice, number=3)
        assert ephemeral(first) and first["embeds"][0]["title"] == "Exam · question 1 of 3"
        assert "Exam started: 3 questions, 6 minutes" in first["embeds"][0]["description"]
        second = await answer(fake, first, ("A", "B")[:2 if first["components"][0]["components"][0]["type"] == 3
                                                   else 1], alice)
        assert ephemeral(second) and second["embeds"][0]["title"] == "Exam · question 2 of 3"
        assert "✅" not in str(second) and "❌" not in str(second)
    app.db.conn.close()
    app = open_app(tmp_path / "t.db")  # a new process: the exam is in the database
    async with running_bot(app.tutor, fake, lambda: NOW + timedelta(minutes=1)):
        [resumed] = await slash(fake, "exam", alice)
        assert ephemeral(resumed) and resumed["embeds"][0]["title"] == "Exam · question 2 of 3"
        assert "Resumed your running exam." in resumed["embeds"][0]["description"]
        flagged = await click(fake, resumed, "Flag for review", alice)
        assert ephemeral(flagged) and "Question 2 flagged for review" in flagged["content"]
        report = await click(fake, resumed, "Finish exam", alice)
    assert ephemeral(report) and report["embeds"][0]["title"].startswith("Mock exam: ")
    description = report["embeds"][0]["description"]
    assert "Security: " in description and "Troubleshooting and Optimization: " in description


async def test_the_report_button_tells_the_maintainers_privately(fake, bot, app):
    alice, bob = fake.user("alice"), fake.user("bob")
    [question] = await slash(fake, "quiz", alice, topic="RDS")
    thanks = await click(fake, question, "Report", alice)
    assert ephemeral(thanks) and "is reported" in thanks["content"]
    qid = question_id(question)
    assert [r["question_id"] for r in app.store.reports()] == [qid]
    feedback = await answer(fake, question, right_letters(app, question), bob)
    again = await click(fake, feedback, "Report", bob)
    assert ephemeral(again) and "is reported" in again["content"]
    assert qid in app.tutor.practice.exams.held()


async def test_stats_come_with_a_picture_of_the_learners_progress(fake, bot, app):
    alice = fake.user("alice")
    [question] = await slash(fake, "quiz", alice, topic="RDS")
    await answer(fake, question, right_letters(app, question), alice)
    [stats] = await slash(fake, "stats", alice)
    [picture] = stats["_files"]
    assert picture["filename"] == "stats.png" and picture["data"].startswith(b"\x89PNG\r\n\x1a\n")
    assert stats["embeds"][0]["image"]["url"] == "attachment://stats.png" and ephemeral(stats)


async def test_the_weekly_recap_is_posted_in_the_channel_once_and_pings_nobody(fake, bot, app):
    from bot.core.messages import Quiz
    from bot.scheduler import DailyScheduler

    target = f"discord:{fake.channel_id}"
    admin = Learner("discord", fake.guild_id, "boss", "Boss")
    app.tutor.handle(Setup(admin, target, "#study", "09:00", "UTC", is_admin=True), NOW - timedelta(days=7))
    loud = Learner("discord", fake.guild_id, "u1", "@everyone")  # a display name that would ping if parsed
    for day in range(3):
        at = datetime(2026, 11, 17 + day, 12, tzinfo=timezone.utc)
        [question] = app.tutor.handle(Quiz(loud, "RDS"), at)
        app.tutor.handle(Answer(loud, question.instance, ("A", "B")[:question.pick]), at)
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
    for _ in range(2):  # a second process (or a restart) at the same minute posts nothing more
        scheduler = DailyScheduler(app.daily, {"discord": DiscordPoster(bot)}, lambda: monday)
        await scheduler.run_due(monday)
    recaps = [m for m in fake.messages.values() if m["embeds"] and m["embeds"][0]["title"].startswith("Week of")]
    [recap] = recaps
    assert recap["embeds"][0]["title"] == "Week of 16 November 2026"
    assert "3 answers in the group last week" in recap["embeds"][0]["description"]
    assert "@everyone" in recap["embeds"][0]["description"] and recap["allowed_mentions"] == NO_MENTIONS


async def test_a_reminder_is_sent_once_as_a_direct_message_when_a_streak_would_break(fake, bot, app):
    from bot.core.messages import Quiz, Remind
    from bot.scheduler import DailyScheduler

    alice = fake.user("alice")
    me = Learner("discord", fake.guild_id, alice["id"], "alice")
    [confirmed] = app.tutor.handle(Remind(me, on=True, time="18:00"), NOW)
    assert "Reminders on: at 18:00 UTC" in confirmed.text
    yesterday = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    [question] = app.tutor.handle(Quiz(me, "RDS"), yesterday)
    app.tutor.handle(Answer(me, question.instance, ("A", "B")[:question.pick]), yesterday)
    evening = datetime(2026, 11, 26, 18, 5, tzinfo=timezone.utc)
    for _ in range(2):  # a restart at the same minute sends nothing more
        await DailyScheduler(app.daily, {"discord": DiscordPoster(bot)}, lambda: evening).sweep()
    sent = [m for m in fake.messages.values() if m["channel_id"] == fake.dm_channel(alice)]
    [reminder] = sent
    assert "streak ends tonight" in reminder["content"] and "'remind off'" in reminder["content"]


async def test_the_daily_post_counts_its_answers_in_place_and_the_reveal_names_who_got_it_right(fake, bot, app):
    alice, bob = fake.user("alice"), fake.user("bob")
    question = daily_question(app, fake)
    ref = await DiscordPoster(bot).post(f"discord:{fake.channel_id}", question)
    message = fake.messages[ref]
    await answer(fake, message, right_letters(app, message), alice)
    await answer(fake, message, wrong_letters(app, message), bob)
    await fake.wait_for(lambda: "2 answers" in str(fake.messages[ref]["embeds"]))  # edited after the reply
    fields = fake.messages[ref]["embeds"][0]["fields"]
    assert [(f["name"], f["value"]) for f in fields if f["name"] == "So far"] == [
        ("So far", "2 answers so far · 50% right")]
    assert "alice" not in str(fake.messages[ref]["embeds"])  # counts only, never who picked what
    summary = app.daily.summary(f"discord:{fake.channel_id}", question.question_id, question.instance)
    await DiscordPoster(bot).edit(f"discord:{fake.channel_id}", ref, summary)
    revealed = fake.messages[ref]["embeds"][0]
    assert "Got it right, in order: Alice" in revealed["description"]  # the display name
    assert revealed["footer"]["text"].startswith("Source: ")


async def test_a_timed_round_is_played_in_the_channel_with_results_after_each_question(fake, bot, app):
    from bot.scheduler import DailyScheduler

    alice, bob = fake.user("alice"), fake.user("bob")
    [intro, first] = await slash(fake, "round", alice, replies=2, count=3)
    assert not ephemeral(intro) and "A round of 3 questions: each is open 30 seconds" in intro["content"]
    assert not ephemeral(first) and "Round · question 1 of 3" in first["embeds"][0]["footer"]["text"]
    await answer(fake, first, right_letters(app, first), alice)
    await answer(fake, first, wrong_letters(app, first), bob)
    scheduler = DailyScheduler(app.daily, {"discord": DiscordPoster(bot)}, lambda: NOW)
    assert await scheduler.run_rounds(NOW + timedelta(seconds=10)) == []  # still open
    await scheduler.run_rounds(NOW + timedelta(seconds=31))
    posted = [m for m in fake.messages.values() if m["embeds"]]
    results, second = posted[-2:]
    assert results["embeds"][0]["title"] == "Round · question 1 of 3"
    assert "2 answers, 1 right" in results["embeds"][0]["description"] and "Alice +20" in results["embeds"][0]["description"]
    assert "Round · question 2 of 3" in second["embeds"][0]["footer"]["text"]
    await answer(fake, second, right_letters(app, second), bob)  # the question shows its own order
    await scheduler.run_rounds(NOW + timedelta(seconds=62))
    third = [m for m in fake.messages.values() if m["embeds"]][-1]
    assert "Round · question 3 of 3" in third["embeds"][0]["footer"]["text"]
    await scheduler.run_rounds(NOW + timedelta(seconds=93))
    table = [m for m in fake.messages.values() if m["embeds"]][-1]
    assert table["embeds"][0]["title"] == "Round over"
    assert "1. Alice: 20 points (1 right)" in table["embeds"][0]["description"]
    assert "2. Bob: " in table["embeds"][0]["description"]
    assert table["allowed_mentions"] == NO_MENTIONS
