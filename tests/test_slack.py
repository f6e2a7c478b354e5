"""Slack end to end: the real Bolt AsyncApp over HTTP, signed requests, a local fake Slack.

The harness (``tests/slack_kit.py``) builds the real core on a temporary SQLite
file (the bundled notes and question bank), starts the app on 127.0.0.1:0 with
``process_before_response=True`` (the work is done when the HTTP response
comes back, so nothing waits on time); tests assert on what the fake Web API
and response_urls received, and on what the database recorded.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import replace
from urllib.parse import parse_qs

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import build
from bot.adapters import slack
from bot.config import Settings
from bot.core.messages import Choice, FoundPassage, Question, Text
from fakes.slack_api import SlackRequests
from slack_kit import (  # noqa: F401 (bot, fake: fixtures)
    MAX_BLOCKS, MENTIONS, NOW, SECTION_LIMIT, Bot, answer_key, answering, assert_within_limits, bank_letter, bot,
    button_for, elements, fake, instance_of, labelled, passage_text, quiz_until, recorded,
    right_letters, running, settings_for, texts,
)


# --- commands -------------------------------------------------------------------------


async def test_ask_answers_only_the_asker_with_a_share_button(bot):
    [reply] = await bot.command("ask rds proxy")
    assert reply["response_type"] == "ephemeral"
    assert texts(reply).startswith("RDS › Amazon RDS Proxy") and "*RDS › Amazon RDS Proxy*" in texts(reply)
    assert labelled(reply, "Share in channel")


async def test_share_in_channel_posts_the_answer_for_everyone(bot):
    [reply] = await bot.command("ask rds proxy")
    public, delete = await bot.click(labelled(reply, "Share in channel"))
    assert public["response_type"] == "in_channel"
    assert "Amazon RDS Proxy" in texts(public) and "Shared by anna" in texts(public)
    assert labelled(public, "More")  # anyone in the channel may read on, privately
    assert delete["delete_original"] is True


# --- the rest of a long answer -------------------------------------------------------------


async def test_a_long_answer_has_a_more_button_beside_share_that_shows_the_rest_privately(bot):
    [answer] = await bot.command("ask aurora high availability")
    heading = "*RDS › Aurora High Availability and Read scaling*"
    assert heading in texts(answer)
    [row] = [b for b in answer["blocks"] if b["type"] == "actions"]
    assert [e["text"]["text"] for e in row["elements"]] == ["Share in channel", "More"]

    [rest] = await bot.click(labelled(answer, "More"), user="U0BOB", name="bob")
    assert rest["response_type"] == "ephemeral"
    assert heading in texts(rest)
    then = passage_text(rest).lstrip("…").strip()
    assert then and then not in passage_text(answer)
    assert elements(rest, "button") == []  # the end of the passage; nothing to share from the middle


async def test_each_part_of_a_very_long_answer_has_its_own_more_button_until_the_end(bot):
    [message] = await bot.command("ask rds proxy")
    parts = [passage_text(message)]
    while labelled(message, "More", missing=None) and len(parts) < 10:
        [message] = await bot.click(labelled(message, "More"))
        assert message["response_type"] == "ephemeral" and "*RDS › Amazon RDS Proxy*" in texts(message)
        parts.append(passage_text(message))
    assert len(parts) >= 3 and elements(message, "button") == []
    assert len(set(parts)) == len(parts)


@pytest.mark.parametrize("value", ["", "rds/amazon-rds-proxy", "next:rds/amazon-rds-proxy", "451"])
async def test_a_malformed_more_button_gets_one_clear_line(bot, value):
    forged = {"type": "button", "action_id": "dva:more", "value": value,
              "text": {"type": "plain_text", "text": "More"}}
    [reply] = await bot.click(forged)  # acked with 200, never a 5xx
    assert reply["response_type"] == "ephemeral"
    [line] = reply["blocks"]
    assert line["text"]["text"] == "⚠️ That More button can't be read. Ask again (/dva ask ...) to see the answer."
    assert "Traceback" not in texts(reply)


async def test_a_more_button_for_a_passage_gone_from_the_notes_says_so(bot):
    gone = {"type": "button", "action_id": "dva:more", "value": "40:rds/a-section-since-deleted",
            "text": {"type": "plain_text", "text": "More"}}
    [reply] = await bot.click(gone)
    assert reply["response_type"] == "ephemeral" and "no longer in the notes" in texts(reply)


async def test_unknown_subcommand_gets_help(bot):
    [reply] = await bot.command("dance")
    assert "Unknown command" in texts(reply) and "help" in texts(reply)
    [reply] = await bot.command("")
    assert "/dva quiz [topic]" in texts(reply)


async def test_leaderboard_shows_names_as_plain_text(bot, study):
    question = await quiz_until(bot, "button", user="U0BOB", name="<!channel> bob")
    right = right_letters(study, question)[0]
    await bot.click(button_for(question, right), user="U0BOB", name="<!channel> bob")
    [reply] = await bot.command("leaderboard week")
    shown = texts(reply)
    assert "Leaderboard · this week" in shown and "1. &lt;!channel&gt; bob: 10 pts (1/1 right)" in shown
    assert not MENTIONS.search(shown)


async def test_mention_injection_in_a_query_is_rendered_inert(bot):
    [reply] = await bot.command("ask <!everyone> <!channel> <!here> <@U0BOSS> "
                                "<!subteam^S0TEAM|@devs> @here @channel kubernetes")
    shown = texts(reply)
    assert "Nothing in the notes about" in shown
    assert "&lt;!everyone&gt;" in shown and "&lt;@U0BOSS&gt;" in shown
    assert not MENTIONS.search(shown), shown


# --- answers ---------------------------------------------------------------------------


async def test_quiz_then_click_gives_private_feedback_and_a_second_click_keeps_the_first(bot, study):
    question = await quiz_until(bot, "button")
    buttons = answering(question)
    assert [b["text"]["text"] for b in buttons] == list("ABCDE"[: len(buttons)])
    key = answer_key(study, instance_of(buttons[0]))
    good = right_letters(study, question)
    right, wrong = button_for(question, good[0]), next(b for b in buttons if b["value"][0] not in good)
    [first] = await bot.click(wrong)
    assert first["response_type"] == "ephemeral"
    shown = texts(first)
    assert shown.startswith("❌") and f"Right answer: *{good[0]}.*" in shown
    assert key.explanation.strip().splitlines()[0].replace("&", "&amp;") in shown
    [second] = await bot.click(right)
    assert texts(second).startswith("❌") and "your first answer is the one that counted" in texts(second)
    assert recorded(study, instance_of(wrong)) == [bank_letter(study, question, wrong["value"][0])]


async def test_choose_two_is_answered_with_checkboxes_and_submit(bot, study):
    question = await quiz_until(bot, "checkboxes")
    [boxes], [submit] = elements(question, "checkboxes"), answering(question)
    key = answer_key(study, submit["value"])
    picked = [o for o in boxes["options"] if o["value"] in right_letters(study, question)]
    state = {"b1": {"dva:pick": {"type": "checkboxes", "selected_options": picked}}}
    assert await bot.click(boxes | {"block_id": "b1"}, state=state) == []  # ticking is not answering
    [empty] = await bot.click(submit | {"block_id": "b1"})
    assert "Tick your answers first" in texts(empty) and recorded(study, submit["value"]) == []
    [feedback] = await bot.click(submit | {"block_id": "b1"}, state=state)
    assert texts(feedback).startswith("✅ Correct")
    assert recorded(study, submit["value"]) == ["".join(key.answers)]  # the bank's letters, whatever was shown


async def test_a_retried_click_is_recorded_once(bot, study):
    question = await quiz_until(bot, "button")
    button = elements(question, "button")[0]
    body = bot.requests.click(button, action_ts="1700000200.000001")
    assert (await bot.post(body))[0] == 200
    assert (await bot.post(body, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}))[0] == 200
    first, again = bot.answers_to(body)
    assert recorded(study, instance_of(button)) == [bank_letter(study, question, "A")]
    assert texts(first).splitlines()[0] == texts(again).splitlines()[0]


async def test_a_click_after_a_restart_still_counts(fake, tmp_path):
    requests = SlackRequests(fake)
    before = build(Settings(db=tmp_path / "t.db"))
    server = await running(before.tutor, fake, tmp_path)
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, requests, session, f"http://127.0.0.1:{server.port}/slack/events")
        question = await quiz_until(bot, "button")
        await server.stop()
        before.db.close()
        after = build(Settings(db=tmp_path / "t.db"))
        server = await running(after.tutor, fake, tmp_path)
        bot.url = f"http://127.0.0.1:{server.port}/slack/events"
        right = right_letters(after, question)[0]
        [feedback] = await bot.click(button_for(question, right))
        await server.stop()
    assert texts(feedback).startswith("✅")
    assert recorded(after, instance_of(button_for(question, right))) == [bank_letter(after, question, right)]
    after.db.close()


async def test_a_forged_or_unknown_button_gets_a_clear_message_and_records_nothing(bot, study):
    forged = {"type": "button", "action_id": "dva:answer:A", "value": "A|no-such-instance",
              "text": {"type": "plain_text", "text": "A"}}
    [reply] = await bot.click(forged)
    assert reply["response_type"] == "ephemeral" and "not one I know" in texts(reply)
    assert "Traceback" not in texts(reply) and recorded(study, "no-such-instance") == []


# --- setup ------------------------------------------------------------------------------


async def test_setup_by_a_workspace_admin_schedules_the_channel(bot, study):
    [reply] = await bot.command("setup <#C0DAILY|daily> 09:00 Europe/Berlin", user="U0ADMIN", name="ada")
    assert "#daily" in texts(reply) and "09:00" in texts(reply)
    row = study.store.schedule_row("slack:C0DAILY")
    assert (row["time"], row["timezone"], row["target_name"]) == ("09:00", "Europe/Berlin", "#daily")
    assert [c.args["user"] for c in bot.fake.of("users.info")] == ["U0ADMIN"]
    [confirmation] = bot.fake.of("chat.postMessage")  # and everyone in the channel sees it
    assert confirmation.args["channel"] == "C0DAILY" and texts(confirmation.args).startswith("Daily question set")


async def test_setup_in_a_channel_the_bot_cannot_post_in_is_undone_and_explained(bot, study, caplog):
    bot.fake.refusing["G0SECRET"] = "not_in_channel"  # private, and the bot was never invited
    [reply] = await bot.command("setup <#G0SECRET|secret> 09:00 Europe/Berlin", user="U0ADMIN", name="ada")
    assert reply["response_type"] == "ephemeral"
    assert texts(reply).startswith("I can't post in #secret")
    assert "/invite @dva in #secret" in texts(reply)
    assert study.store.schedule_row("slack:G0SECRET") is None
    assert [c.args["channel"] for c in bot.fake.of("chat.postMessage")] == ["G0SECRET"]  # tried once, no more
    assert "not_in_channel" in caplog.text and "xoxb-test" not in caplog.text


@pytest.mark.parametrize("channel", ["here", "#study"])
async def test_setup_by_a_listed_user_is_allowed_without_asking_slack(bot, study, channel):
    await bot.command(f"setup {channel} 07:30", user="U0LISTED", name="lee")
    assert study.store.schedule_row("slack:C0STUDY")["time"] == "07:30"
    assert bot.fake.of("users.info") == []


async def test_setup_by_anyone_else_is_refused_and_changes_nothing(bot, study):
    [reply] = await bot.command("setup <#C0DAILY|daily> 09:00", user="U0ANNA")
    assert "Only workspace admins and owners" in texts(reply)
    assert study.store.schedule_rows() == []


async def test_setup_with_an_unknown_channel_name_says_how_to_pick_one(bot, study):
    [reply] = await bot.command("setup #elsewhere 09:00", user="U0ADMIN")
    assert "can't tell which channel" in texts(reply) and study.store.schedule_rows() == []


# --- the door ------------------------------------------------------------------------------


async def test_a_bad_signature_gets_401_and_changes_nothing(bot, study):
    question = await quiz_until(bot, "button")
    calls = len(bot.fake.calls)
    button = elements(question, "button")[0]
    status, _ = await bot.post(bot.requests.click(button), secret="wrong")
    assert status == 401
    assert recorded(study, instance_of(button)) == [] and len(bot.fake.calls) == calls


async def test_a_stale_timestamp_gets_401(bot, study):
    body = bot.requests.command("setup here 09:00", user="U0ADMIN")
    status, _ = await bot.post(body, timestamp=int(time.time()) - 10 * 60)
    assert status == 401 and study.store.schedule_rows() == [] and bot.answers_to(body) == []


async def test_fifty_concurrent_commands_are_each_acked_within_3_seconds(study, fake, tmp_path):
    server = await running(study.tutor, fake, tmp_path, before_response=False)
    requests = SlackRequests(fake)
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, requests, session, f"http://127.0.0.1:{server.port}/slack/events")
        bodies = [requests.command(text, user=f"U{i:04d}") for i, text in enumerate(
            ["quiz rds", "ask rds proxy", "leaderboard", "stats", "topics"] * 10)]
        results = await asyncio.gather(*(bot.post(body) for body in bodies))
        await fake.wait_for("response_url", 50)
    await server.stop()
    assert [status for status, _ in results] == [200] * 50
    assert max(elapsed for _, elapsed in results) < 3.0
    assert {c.url for c in fake.of("response_url")} == {parse_qs(b)["response_url"][0] for b in bodies}


async def test_socket_mode_takes_commands_over_the_websocket_when_an_app_token_is_set(study, fake, tmp_path):
    settings = replace(settings_for(fake, tmp_path), slack_app_token="xapp-test")
    server = await slack.start(slack.build_app(study.tutor, settings, lambda: NOW), settings)
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
    rendered = slack.render([FoundPassage("q", "p", ("RDS",), long, "f.md:1")] * 20 + [question], share=long)
    assert_within_limits(rendered)
    assert len(rendered["blocks"]) == MAX_BLOCKS
    assert rendered["blocks"][-1]["elements"][0]["action_id"] == "dva:share"


def test_long_text_is_split_into_sections_without_breaking_entities():
    rendered = slack.render(Text("&" * 4_000))
    parts = [b["text"]["text"] for b in rendered["blocks"]]
    assert all(len(p) <= SECTION_LIMIT for p in parts)
    assert "".join(parts) == "&amp;" * 4_000


async def test_the_poster_posts_the_daily_question_and_everyone_can_answer_it(bot, study):
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    question = study.tutor.practice.open_daily("rds-proxy-pooling-benefit", "T0DVA", "slack:C0DAILY",
                                               NOW, None)
    ts = await poster.post("slack:C0DAILY", question)
    [posted] = bot.fake.of("chat.postMessage")
    assert posted.args["channel"] == "C0DAILY" and "Question of the day" in texts(posted.args)
    first = elements(posted.args, "button")[0]
    for user in ("U0ANNA", "U0BOB"):
        await bot.click(first, user=user, name=user.lower())
    assert recorded(study, instance_of(first), "U0ANNA", "U0BOB") == [bank_letter(study, posted.args, "A")] * 2
    await poster.edit("slack:C0DAILY", ts, Text("Closed."))
    [edited] = bot.fake.of("chat.update")
    assert (edited.args["ts"], texts(edited.args).splitlines()[0]) == (ts, "Closed.")


def test_the_manifest_declares_the_command_scopes_and_interactivity():
    from pathlib import Path

    manifest = (Path(__file__).resolve().parent.parent / "slack-manifest.yaml").read_text(encoding="utf-8")
    bot_scopes = manifest.split("    bot:\n")[1].split("settings:")[0]
    scopes = re.findall(r"^\s+- ([a-z:.]+)", bot_scopes, re.MULTILINE)
    assert scopes == ["commands", "chat:write", "chat:write.public", "users:read", "im:write", "files:write"]
    assert re.search(r"- command: /dva$", manifest, re.MULTILINE)
    assert re.search(r"interactivity:\n\s+is_enabled: true", manifest)
    urls = re.findall(r"(?:url|request_url): (\S+)", manifest)
    assert len(urls) == 2 and all(url.endswith(slack.PATH) for url in urls)


# --- the mock exam and reporting a question ----------------------------------------------


async def test_a_mock_exam_in_slack_is_private_gives_no_feedback_and_resumes_after_a_restart(fake, tmp_path):
    requests = SlackRequests(fake)
    before = build(Settings(db=tmp_path / "t.db"))
    server = await running(before.tutor, fake, tmp_path)
    async with aiohttp.ClientSession() as session:
        bot = Bot(fake, requests, session, f"http://127.0.0.1:{server.port}/slack/events")
        [first] = await bot.command("exam 3")
        assert first["response_type"] == "ephemeral" and "Exam · question 1 of 3" in texts(first)
        if elements(first, "checkboxes"):
            [boxes] = elements(first, "checkboxes")
            state = {"b1": {"dva:pick": {"type": "checkboxes", "selected_options": boxes["options"][:2]}}}
            [second] = await bot.click(answering(first)[0] | {"block_id": "b1"}, state=state)
        else:
            [second] = await bot.click(answering(first)[0])
        assert second["response_type"] == "ephemeral" and "Exam · question 2 of 3" in texts(second)
        assert "✅" not in texts(second) and "❌" not in texts(second)
        await server.stop()
        before.db.close()
        after = build(Settings(db=tmp_path / "t.db"))
        server = await running(after.tutor, fake, tmp_path)
        bot.url = f"http://127.0.0.1:{server.port}/slack/events"
        [resumed] = await bot.command("exam")
        assert "Resumed your running exam." in texts(resumed) and "Exam · question 2 of 3" in texts(resumed)
        [flagged] = await bot.click(labelled(resumed, "Flag for review"))
        assert "Question 2 flagged for review" in texts(flagged)
        [report] = await bot.click(labelled(resumed, "Finish exam"))
        await server.stop()
    assert report["response_type"] == "ephemeral" and "Mock exam: " in texts(report)
    assert "Security: " in texts(report) and "pass line 720" in texts(report)


async def test_the_report_button_in_slack_tells_the_maintainers_privately(bot, study):
    question = await quiz_until(bot, "button")
    [thanks] = await bot.click(labelled(question, "Report"))
    assert thanks["response_type"] == "ephemeral" and "is reported" in texts(thanks)
    assert len(study.store.reports()) == 1


async def test_the_weekly_recap_is_posted_in_the_channel_once_and_pings_nobody_in_slack(bot, study):
    from datetime import datetime, timedelta, timezone

    from bot.core.messages import Answer, Learner, Quiz, Setup
    from bot.scheduler import DailyScheduler

    admin = Learner("slack", "T0DVA", "U0ADMIN", "admin")
    study.tutor.handle(Setup(admin, "slack:C0DAILY", "#daily", "09:00", "UTC", is_admin=True),
                       datetime(2026, 11, 15, tzinfo=timezone.utc))
    loud = Learner("slack", "T0DVA", "U0LOUD", "<!channel>")
    for day in range(2):
        at = datetime(2026, 11, 18 + day, 12, tzinfo=timezone.utc)
        [question] = study.tutor.handle(Quiz(loud, "rds"), at)
        study.tutor.handle(Answer(loud, question.instance, ("A", "B")[:question.pick]), at)
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    for _ in range(2):
        await DailyScheduler(study.daily, {"slack": poster}, lambda: monday).run_due(monday + timedelta(seconds=5))
    recaps = [c.args for c in bot.fake.of("chat.postMessage") if "Week of 16 November 2026" in texts(c.args)]
    [recap] = recaps
    assert recap["channel"] == "C0DAILY" and "2 answers in the group last week" in texts(recap)
    assert not MENTIONS.search(texts(recap))


async def test_a_reminder_reaches_the_learner_in_a_direct_message_once_in_slack(bot, study):
    from datetime import datetime, timezone

    from bot.core.messages import Answer, Learner, Quiz
    from bot.scheduler import DailyScheduler

    [confirmed] = await bot.command("remind on 07:30")
    assert "Reminders on: at 07:30 UTC" in texts(confirmed) and confirmed["response_type"] == "ephemeral"
    anna = Learner("slack", "T0DVA", "U0ANNA", "anna")
    yesterday = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    [question] = study.tutor.handle(Quiz(anna, "rds"), yesterday)
    study.tutor.handle(Answer(anna, question.instance, ("A", "B")[:question.pick]), yesterday)
    morning = datetime(2026, 11, 26, 7, 30, tzinfo=timezone.utc)
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    for _ in range(2):
        await DailyScheduler(study.daily, {"slack": poster}, lambda: morning).sweep()
    [dm] = [c.args for c in bot.fake.of("chat.postMessage") if c.args["channel"] == "U0ANNA"]
    assert "streak ends tonight" in texts(dm)


async def test_the_daily_post_counts_its_answers_in_place_and_the_reveal_names_who_got_it_right(bot, study):
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    question = study.tutor.practice.open_daily("rds-proxy-pooling-benefit", "T0DVA", "slack:C0DAILY", NOW, None)
    ts = await poster.post("slack:C0DAILY", question)
    [posted] = bot.fake.of("chat.postMessage")
    message = posted.args | {"ts": ts}
    right = right_letters(study, posted.args)[0]
    wrong = next(b for b in answering(posted.args) if b["value"][0] != right)
    await bot.click(button_for(posted.args, right), user="U0ANNA", name="anna", message=message)
    await bot.click(wrong, user="U0BOB", name="bob", message=message)
    updates = [c.args for c in bot.fake.of("chat.update") if c.args["ts"] == ts]
    assert [u["blocks"][-1]["elements"][0]["text"] for u in updates] == [
        "1 answer so far · 100% right", "2 answers so far · 50% right"]
    assert "U0ANNA" not in str(updates) and "anna" not in str(updates)  # counts only, never who picked what
    summary = study.daily.summary("slack:C0DAILY", question.question_id, question.instance)
    await poster.edit("slack:C0DAILY", ts, summary)
    [*_, reveal] = bot.fake.of("chat.update")
    assert "Got it right, in order: anna" in texts(reveal.args) and "RDS" in texts(reveal.args)


async def test_a_timed_round_is_played_in_the_slack_channel_with_results_after_each_question(bot, study):
    from datetime import timedelta

    from bot.scheduler import DailyScheduler

    [started] = await bot.command("round 2")
    assert started["response_type"] == "in_channel" and "A round of 2 questions" in texts(started)
    right = right_letters(study, started)
    if elements(started, "checkboxes"):  # a choose-two question: tick the right two, then Submit
        [boxes] = elements(started, "checkboxes")
        picked = [o for o in boxes["options"] if o["value"] in right]
        state = {"b1": {"dva:pick": {"type": "checkboxes", "selected_options": picked}}}
        await bot.click(answering(started)[0] | {"block_id": "b1"}, state=state, user="U0ANNA", name="anna")
    else:
        await bot.click(button_for(started, right[0]), user="U0ANNA", name="anna")
    poster = slack.SlackPoster(AsyncWebClient(token="xoxb-test", base_url=bot.fake.api_url))
    scheduler = DailyScheduler(study.daily, {"slack": poster}, lambda: NOW)
    await scheduler.run_rounds(NOW + timedelta(seconds=31))
    results, second = [c.args for c in bot.fake.of("chat.postMessage")][-2:]
    assert "Round · question 1 of 2" in texts(results) and "1 answer, 1 right" in texts(results)
    assert "Round · question 2 of 2" in texts(second)
    await scheduler.run_rounds(NOW + timedelta(seconds=62))
    table = bot.fake.of("chat.postMessage")[-1].args
    assert "Round over" in texts(table) and "1. anna: 20 points (1 right)" in texts(table)
    assert not MENTIONS.search(texts(table))


async def test_stats_come_with_a_picture_in_the_learners_direct_messages(bot, study):
    question = await quiz_until(bot, "button")
    await bot.click(button_for(question, right_letters(study, question)[0]))
    [stats] = await bot.command("stats")
    assert "Stats" in texts(stats) and stats["response_type"] == "ephemeral"
    [picture] = bot.fake.uploads.values()
    assert picture["filename"] == "stats.png" and picture["channel"] == "D0ANNA"
    assert picture["data"].startswith(b"\x89PNG\r\n\x1a\n") and len(picture["data"]) == picture["length"]
