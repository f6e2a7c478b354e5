"""Slack leaderboard: typed in a channel it is posted for everyone there; `private` keeps it to
the asker. Questions, picks and feedback stay private."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import slack
from slack_kit import (  # noqa: F401 (bot, fake: fixtures)
    NOW, Bot, bot, button_for, elements, fake, quiz_until, right_letters, texts,
)


async def answer_right(bot: Bot, study, user: str = "U0ANNA", name: str = "anna") -> None:
    question = await quiz_until(bot, "button", user=user, name=name)
    await bot.click(button_for(question, right_letters(study, question)[0]), user=user, name=name)


async def test_a_leaderboard_typed_in_a_channel_is_posted_for_everyone_there(bot, study):
    bot.fake.users["U0ANNA"] = {"display_name": "Anna K."}
    await answer_right(bot, study)
    [board] = await bot.command("leaderboard week")
    assert board["response_type"] == "in_channel"
    shown = texts(board)
    assert "1. Anna K.: 10 pts (1/1 right)" in shown and "(you)" not in shown
    assert "Posted by Anna K. · `/dva leaderboard week private` shows it to you alone" in shown


async def test_a_private_leaderboard_is_shown_to_the_asker_alone(bot, study):
    await answer_right(bot, study)
    for text in ("leaderboard week private", "leaderboard private", "lb private month"):
        [board] = await bot.command(text)
        assert board["response_type"] == "ephemeral", text
        assert "*anna* (you)" in texts(board) and "Posted by" not in texts(board)
    [month] = await bot.command("lb private month")
    assert "Leaderboard · this month" in texts(month)


async def test_the_askers_place_below_the_top_is_told_to_them_alone(bot, study):
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    await poster.post("slack:C0DAILY", study.tutor.practice.open_daily(
        "rds-proxy-pooling-benefit", "T0DVA", "slack:C0DAILY", NOW, None))
    posted = bot.fake.of("chat.postMessage")[-1].args
    right = right_letters(study, posted)[0]
    wrong = next(b for b in elements(posted, "button") if b["value"][0] != right)
    for n in range(11):
        await bot.click(button_for(posted, right), user=f"U{n:04d}", name=f"player{n}")
    await bot.click(wrong)  # anna: 0 points, 12th
    public, own = await bot.command("leaderboard")
    assert public["response_type"] == "in_channel"
    assert "1. player0: 30 pts" in texts(public) and "anna:" not in texts(public) and "…" not in texts(public)
    assert own["response_type"] == "ephemeral"
    assert texts(own).startswith("Your place this week: 12, with 0 pts (0/1 right).")


async def test_an_empty_leaderboard_is_not_posted_in_the_channel(bot):
    [board] = await bot.command("leaderboard")
    assert board["response_type"] == "ephemeral" and "No answers this week yet" in texts(board)


async def test_questions_picks_and_feedback_stay_private(bot, study):
    question = await quiz_until(bot, "button")
    assert question["response_type"] == "ephemeral"
    [feedback] = await bot.click(button_for(question, right_letters(study, question)[0]))
    assert feedback["response_type"] == "ephemeral"
    pair = await quiz_until(bot, "checkboxes")
    [boxes] = elements(pair, "checkboxes")
    assert await bot.click(boxes | {"block_id": "b1"}) == []  # ticking a box posts nothing anywhere
    [stats] = await bot.command("stats")
    assert stats["response_type"] == "ephemeral"
    assert {r["response_type"] for r in bot.fake.responses} == {"ephemeral"}


async def test_help_says_a_leaderboard_is_posted_unless_private(bot):
    [reply] = await bot.command("help")
    assert ("`/dva leaderboard [today|week|month|all] [private]`  the group's standings, posted in the "
            "channel ('private': only you see it)") in texts(reply)
