"""Slack names: people appear under the name Slack shows for them (users.info), looked up
once in a while, and no name ever pings anyone."""

from __future__ import annotations

from datetime import timedelta

import aiohttp

from bot.adapters import slack
from fakes.slack_api import SlackRequests
from slack_kit import (  # noqa: F401 (bot, fake: fixtures)
    MENTIONS, NOW, Bot, bot, button_for, fake, labelled, quiz_until, right_letters, settings_for, texts,
)


async def answer_right(bot: Bot, study, user: str, name: str) -> None:
    """``user`` (whose legacy username is ``name``) answers a fresh question right."""
    question = await quiz_until(bot, "button", user=user, name=name)
    await bot.click(button_for(question, right_letters(study, question)[0]), user=user, name=name)


async def test_the_leaderboard_shows_the_name_slack_shows_not_the_legacy_username(bot, study):
    bot.fake.users["U0ANNA"] = {"display_name": "Anna K."}
    bot.fake.users["U0BOB"] = {"display_name": "", "real_name": "Bob Builder"}  # no display name set
    await answer_right(bot, study, "U0ANNA", "anna.k.legacy")
    await answer_right(bot, study, "U0BOB", "bob.legacy")
    [board] = await bot.command("leaderboard")
    shown = texts(board)
    assert "1. Anna K.: 10 pts (1/1 right)" in shown and "1. Bob Builder: 10 pts (1/1 right)" in shown
    assert "legacy" not in shown


async def test_stats_and_a_shared_answer_use_the_display_name_too(bot, study):
    bot.fake.users["U0ANNA"] = {"display_name": "Anna K."}
    [stats] = await bot.command("stats", name="anna.k.legacy")
    assert "Anna K." in texts(stats) and "legacy" not in texts(stats)
    [answer] = await bot.command("ask rds proxy")
    public, _ = await bot.click(labelled(answer, "Share in channel"), name="anna.k.legacy")
    assert "Shared by Anna K." in texts(public)


async def test_a_name_is_asked_of_slack_once_however_often_someone_plays(bot, study):
    bot.fake.users["U0ANNA"] = {"display_name": "Anna K."}
    for _ in range(3):
        await answer_right(bot, study, "U0ANNA", "anna")
    await bot.command("stats")
    assert [c.args["user"] for c in bot.fake.of("users.info")] == ["U0ANNA"]


async def test_a_lookup_is_only_made_when_a_name_is_recorded_or_shown(bot):
    await bot.command("ask rds proxy")
    await bot.command("topics")
    await bot.command("help")
    assert bot.fake.of("users.info") == []


async def test_when_slack_cannot_say_the_legacy_username_is_shown(bot, study):
    await answer_right(bot, study, "U0ZED", "zed")  # users.info: user_not_found
    [board] = await bot.command("leaderboard")
    assert "1. zed: 10 pts" in texts(board)


async def test_a_changed_display_name_shows_after_an_hour(study, fake, tmp_path):
    now = [NOW]
    settings = settings_for(fake, tmp_path)
    server = await slack.start(slack.build_app(study.tutor, settings, lambda: now[0],
                                               process_before_response=True), settings, host="127.0.0.1")
    fake.users["U0ANNA"] = {"display_name": "Anna"}
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, SlackRequests(fake), session, f"http://127.0.0.1:{server.port}/slack/events")
        [before] = await bot.command("stats")
        fake.users["U0ANNA"] = {"display_name": "Anna the Great"}
        [soon] = await bot.command("stats")
        now[0] = NOW + timedelta(hours=1)
        [later] = await bot.command("stats")
    await server.stop()
    assert "Anna" in texts(before) and "Anna the Great" not in texts(soon)  # kept for the hour
    assert "Anna the Great" in texts(later)


async def test_a_display_name_that_looks_like_a_mention_pings_nobody(bot, study):
    bot.fake.users["U0ANNA"] = {"display_name": "<!channel> <@U0BOSS> @here Anna"}
    await answer_right(bot, study, "U0ANNA", "anna")
    [board] = await bot.command("leaderboard")
    [answer] = await bot.command("ask rds proxy")
    shared, _ = await bot.click(labelled(answer, "Share in channel"))
    for public in (board, shared):
        assert public["response_type"] == "in_channel"
        shown = texts(public)
        assert "&lt;!channel&gt; &lt;@U0BOSS&gt; @\u200bhere Anna" in shown
        assert not MENTIONS.search(shown), shown
