"""What a Slack question and the titled replies look like: every option once and in full,
letter buttons, and a header where a reply has a title."""

from __future__ import annotations

from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters import slack
from bot.adapters.slack_blocks import BUTTON_LIMIT, escape
from bot.core.bank import load_bank
from slack_kit import (  # noqa: F401 (bot, fake: fixtures)
    NOW, answering, bot, button_for, elements, fake, quiz_until, right_letters, shown_options, texts,
)

def _with_a_long_option(kind: str) -> str:
    """A bank question of ``kind`` with an option longer than a button's label."""
    questions, _ = load_bank(Path(__file__).resolve().parents[1] / "content" / "questions")
    return next(q.id for q in sorted(questions, key=lambda q: q.id)
                if q.kind == kind and max(len(o) for o in q.options) > BUTTON_LIMIT)


LONG = _with_a_long_option("single")
LONG_CHOOSE_TWO = _with_a_long_option("multi")


async def daily(bot, study, question_id: str) -> dict:
    """``question_id`` posted in a channel as the question of the day: what everyone there sees."""
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    await poster.post("slack:C0DAILY", study.tutor.practice.open_daily(question_id, "T0DVA", "slack:C0DAILY",
                                                                       NOW, None))
    return bot.fake.of("chat.postMessage")[-1].args


@pytest.mark.parametrize("question_id", [LONG, LONG_CHOOSE_TWO])
async def test_each_option_is_shown_once_and_in_full(bot, study, question_id):
    question = await daily(bot, study, question_id)
    options = study.tutor.practice.question(question_id).options
    assert max(len(o) for o in options) > BUTTON_LIMIT
    shown = texts(question)
    for option in options:
        assert shown.count(escape(option)) == 1, option
    assert sorted(shown_options(question).values()) == sorted(escape(o) for o in options)
    assert "…" not in shown


async def test_answer_buttons_are_the_choice_letters(bot, study):
    question = await daily(bot, study, LONG)
    assert [b["text"]["text"] for b in answering(question)] == ["A", "B", "C", "D"]
    assert [b["value"].partition("|")[0] for b in answering(question)] == ["A", "B", "C", "D"]
    assert [b["text"]["text"] for b in elements(question, "button")][-1] == "Report"


async def test_choose_two_checkboxes_are_the_choice_letters(bot, study):
    question = await daily(bot, study, LONG_CHOOSE_TWO)
    [boxes] = elements(question, "checkboxes")
    assert [o["text"]["text"] for o in boxes["options"]] == ["A", "B", "C", "D", "E"]
    assert [b["text"]["text"] for b in answering(question)] == ["Submit 2 answers"]


async def test_a_letter_button_answers_with_the_option_on_that_line(bot, study):
    question = await quiz_until(bot, "button")
    right = right_letters(study, question)[0]
    [feedback] = await bot.click(button_for(question, right))
    assert texts(feedback).startswith("✅") and f"*{right}.* {shown_options(question)[right]}" in texts(feedback)


def header_of(message: dict) -> str | None:
    first = message["blocks"][0]
    return first["text"]["text"] if first["type"] == "header" else None


@pytest.mark.parametrize("command, title", [
    ("quiz rds", "Question · RDS"),
    ("leaderboard week private", "Leaderboard · this week"),
    ("stats", "Stats"),
    ("topics", "Topics in the notes"),
    ("help", "Study bot commands"),
])
async def test_a_reply_with_a_title_opens_with_a_header(bot, command, title):
    [reply] = await bot.command(command)
    assert header_of(reply) == title


async def test_the_question_of_the_day_is_titled_as_such(bot, study):
    topic = study.tutor.practice.question(LONG).topic
    assert header_of(await daily(bot, study, LONG)) == f"Question of the day · {topic}"


async def test_answers_and_lookups_have_no_header(bot, study):
    [answer] = await bot.command("ask rds proxy")
    assert header_of(answer) is None
    question = await quiz_until(bot, "button")
    [feedback] = await bot.click(elements(question, "button")[0])
    assert header_of(feedback) is None
