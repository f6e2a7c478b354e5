"""One grammar on every text surface: what people type becomes a command or a clear usage message."""

from __future__ import annotations

import pytest

from bot.core.grammar import parse
from bot.core.messages import (
    Ask, Daily, Explain, Help, Learner, Quiz, Review, Setup, ShowLeaderboard, ShowStats, Text, Topics,
)

ME = Learner("console", "local", "me")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ask rds proxy", Ask(ME, "rds proxy")),
        ("ASK   multi  az", Ask(ME, "multi az")),
        ("quiz", Quiz(ME, None)),
        ("quiz ec2", Quiz(ME, "ec2")),
        ("explain rds-proxy-pooling", Explain(ME, "rds-proxy-pooling")),
        ("topics", Topics(ME)),
        ("leaderboard", ShowLeaderboard(ME, "week")),
        ("leaderboard month", ShowLeaderboard(ME, "month")),
        ("stats", ShowStats(ME)),
        ("daily", Daily(ME, "here")),
        ("review", Review(ME)),
        ("help", Help(ME)),
        ("", Help(ME)),
    ],
)
def test_each_command_is_understood(typed, expected):
    assert parse(typed, ME, target="here") == expected


def test_setup_reads_channel_time_timezone_weekdays_and_topic():
    assert parse("setup #study 9:05 Europe/Berlin mon-fri rds proxy", ME) == Setup(
        ME, target="#study", time="09:05", timezone="Europe/Berlin", weekdays="mon-fri", topic="rds proxy"
    )


def test_setup_off_stops_the_daily_question():
    assert parse("setup <#C1|study> off", ME) == Setup(ME, target="<#C1|study>", off=True)


@pytest.mark.parametrize(
    "typed, hint",
    [
        ("ask", "Usage: ask <query>"),
        ("explain", "Usage: explain"),
        ("leaderboard yesterday", "Usage: leaderboard"),
        ("setup #study", "Usage: setup"),
        ("setup #study 25:00", "is not a time"),
        ("fly me to the moon", "Unknown command 'fly'"),
    ],
)
def test_malformed_commands_get_a_usage_message(typed, hint):
    reply = parse(typed, ME)
    assert isinstance(reply, Text) and reply.error
    assert hint in reply.text


def test_control_and_zero_width_characters_are_dropped():
    assert parse("ask \u200brds\x07 proxy\u0000", ME) == Ask(ME, "rds proxy")


def test_very_long_input_is_cut_not_rejected():
    reply = parse("ask " + "x" * 10_000, ME)
    assert isinstance(reply, Ask) and len(reply.query) < 2_100


@pytest.mark.parametrize(
    "typed, timezone, weekdays",
    [
        ("setup #s 09:00 monday", None, "monday"),
        ("setup #s 09:00 everyday", None, "everyday"),
        ("setup #s 09:00 Japan weekends", "Japan", "weekends"),
        ("setup #s 09:00 UTC", "UTC", None),
        ("setup #s 09:00 Europe/Berlni", "Europe/Berlni", None),  # the daily question names it unknown
    ],
)
def test_setup_reads_every_weekday_and_timezone_the_schedule_understands(typed, timezone, weekdays):
    setup = parse(typed, ME)
    assert isinstance(setup, Setup) and setup.topic is None
    assert (setup.timezone, setup.weekdays) == (timezone, weekdays)
