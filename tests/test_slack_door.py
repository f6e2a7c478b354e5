"""Slack's door: a signed body Slack would never send gets a plain 400, never a 500, and changes nothing.

Each broken click starts from a real click on a real question and breaks one
thing in it, so what is tested is the one broken thing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from urllib.parse import parse_qs, urlencode

import pytest

from bot.adapters import slack
from bot.adapters.slack_events import PLATFORM
from fakes.slack_api import TEAM, SlackRequests, sign
from slack_kit import (  # noqa: F401 (bot, fake: fixtures)
    NOW, SECRET, Bot, bot, button_for, fake, instance_of, labelled, quiz_until, recorded, right_letters,
    settings_for, texts,
)

BROKEN = {
    "a payload field that is not JSON": lambda p: "{'type': 'block_actions'",
    "a payload that is a JSON list": lambda p: json.dumps([p]),
    "a payload that is JSON null": lambda p: "null",
    "a block_actions with an empty actions list": lambda p: json.dumps(p | {"actions": []}),
    "a block_actions whose actions are not a list": lambda p: json.dumps(p | {"actions": "A"}),
    "a block_actions whose action is not an object": lambda p: json.dumps(p | {"actions": ["A"]}),
    "a payload whose user is a string": lambda p: json.dumps(p | {"user": "U0ANNA"}),
}


async def post(bot: Bot, body: str, content_type: str = "application/x-www-form-urlencoded",
               secret: str = SECRET) -> tuple[int, str]:
    """POST ``body`` signed as Slack signs it: the status and the text that came back."""
    headers = {"Content-Type": content_type, **sign(secret, body)}
    async with bot.session.post(bot.url, data=body.encode(), headers=headers) as response:
        return response.status, await response.text()


async def a_real_click(bot: Bot, study) -> dict:
    """The payload of a right answer to a fresh question, as Slack sends it."""
    question = await quiz_until(bot, "button")
    body = bot.requests.click(button_for(question, right_letters(study, question)[0]))
    return json.loads(parse_qs(body)["payload"][0])


@pytest.mark.parametrize("broken", list(BROKEN))
async def test_a_signed_but_malformed_click_gets_400_and_records_nothing(bot, study, broken):
    payload = await a_real_click(bot, study)
    answered = len(bot.fake.of("response_url"))
    status, text = await post(bot, urlencode({"payload": BROKEN[broken](payload)}))
    assert status == 400 and text.startswith("Bad request:")
    assert "Traceback" not in text and "Error" not in text
    assert recorded(study, instance_of(payload["actions"][0])) == []
    assert len(bot.fake.of("response_url")) == answered  # nobody is answered


async def test_a_malformed_click_with_a_bad_signature_gets_401(bot, study):
    status, _ = await post(bot, urlencode({"payload": "not json"}), secret="wrong")
    assert status == 401


async def test_a_signed_json_body_that_is_not_an_object_gets_400(bot):
    status, text = await post(bot, "[1, 2]", content_type="application/json")
    assert status == 400 and text == "Bad request: the body is not a JSON object."


async def test_a_click_that_does_not_say_who_clicked_is_refused_and_records_nothing(bot, study):
    payload = await a_real_click(bot, study)
    del payload["user"]
    status, text = await post(bot, urlencode({"payload": json.dumps(payload)}))
    assert status == 400 and "who clicked" in text
    assert recorded(study, instance_of(payload["actions"][0])) == []
    nobody = [study.store.find_learner(PLATFORM, team, user) for team, user in ((TEAM, ""), ("", ""))]
    assert nobody == [None, None]  # no learner with an empty id was made for the click


async def test_over_socket_mode_a_click_without_a_user_is_refused_privately_and_records_nothing(
        study, fake, tmp_path):
    settings = replace(settings_for(fake, tmp_path), slack_app_token="xapp-test")
    server = await slack.start(slack.build_app(study.tutor, settings, lambda: NOW), settings)
    daily = study.tutor.practice.open_daily("rds-proxy-pooling-benefit", "T0DVA", "slack:C0DAILY", NOW, None)
    button = {"type": "button", "action_id": "dva:answer:A", "value": f"A|{daily.instance}",
              "text": {"type": "plain_text", "text": "A"}}
    try:
        body = SlackRequests(fake).click(button, user=None)
        await fake.deliver("interactive", json.loads(parse_qs(body)["payload"][0]))
        [reply] = await fake.wait_for("response_url", 1)
    finally:
        await server.stop()
    assert reply.args["response_type"] == "ephemeral"
    assert "Slack did not say who sent this, so nothing was recorded" in texts(reply.args)
    assert recorded(study, daily.instance) == []


async def test_a_command_with_the_word_payload_in_its_text_is_answered(bot):
    [reply] = await bot.command("ask rds proxy payload")  # Bolt alone took it for a click: 404
    assert reply["response_type"] == "ephemeral" and "Amazon RDS Proxy" in texts(reply)
    assert labelled(reply, "Share in channel")["value"] == "rds proxy payload"
