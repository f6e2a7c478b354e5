"""Slack requests -> core commands: who sent it, what they typed or clicked.

A slash command arrives as a flat form (``user_id``, ``team_id``, ``text``), a
click as a nested ``block_actions`` payload. A request that does not say who
sent it is no one's: it becomes a refusal, never a learner with an empty id.
``leaderboard ... private`` is Slack's own word for "show it to me alone"; it is
taken out before the shared grammar (``bot.core.grammar``) reads the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.adapters.slack_blocks import EXAM_FINISH, EXAM_FLAG, MORE, MORE_VALUE, PICK, REPORT, SUBMIT
from bot.core.grammar import parse
from bot.core.messages import Answer, Command, Exam, Learner, More, Report, Setup, Text

PLATFORM = "slack"
UNREADABLE = "That More button can't be read. Ask again (/dva ask ...) to see the answer."
NOBODY = "Slack did not say who sent this, so nothing was recorded. Please try again."
UNREADABLE_CLICK = "That button can't be read. Run the command again to get a fresh one."
PRIVATE = "private"  # `leaderboard week private`: shown to the asker alone
_CHANNEL_LINK = re.compile(r"^<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>$")


def learner_of(body: dict) -> Learner | None:
    """The person behind a slash command (flat form) or an interaction (nested);
    None when the request does not say who (and which workspace) it is."""
    user = body.get("user")
    if isinstance(user, dict):
        team = (body.get("team") or {}).get("id") or user.get("team_id")
        found = user.get("id"), user.get("name") or user.get("username") or ""
    else:
        team, found = body.get("team_id"), (body.get("user_id"), body.get("user_name", ""))
    user_id, name = found
    if not (isinstance(team, str) and team and isinstance(user_id, str) and user_id):
        return None
    return Learner(PLATFORM, team, user_id, name if isinstance(name, str) else "")


def channel_of(body: dict) -> str:
    return body.get("channel_id") or (body.get("channel") or {}).get("id") or ""


def to_command(body: dict) -> Command | Text:
    """A slash command or a button click -> a core command (or a Text saying why not).

    ``Setup.is_admin`` stays False here: deciding it needs the Web API
    (see ``slack.is_admin``); so does the display name (``slack_people``).
    """
    learner = learner_of(body)
    if learner is None:
        return Text(NOBODY, error=True)
    if body.get("type") == "block_actions":
        action = (body.get("actions") or [None])[0]
        if not isinstance(action, dict):
            return Text(UNREADABLE_CLICK, error=True)
        if action.get("action_id") == MORE:
            return _more(action, learner)
        if action.get("action_id") == REPORT:
            return Report(learner, str(action.get("value", ""))) if action.get("value") else Text(UNREADABLE, error=True)
        if action.get("action_id") in (EXAM_FLAG, EXAM_FINISH):
            value = str(action.get("value", ""))
            if not value.isdigit():
                return Text(UNREADABLE, error=True)
            flag = action.get("action_id") == EXAM_FLAG
            return Exam(learner, "flag" if flag else "finish", position=int(value) if flag else None)
        return _answer(body, learner)
    parsed = parse(without_private(body.get("text", "")), learner, target=f"slack:{channel_of(body)}")
    if isinstance(parsed, Setup):
        return _resolve_channel(parsed, body)
    return parsed


def _leaderboard_words(text: str) -> list[str] | None:
    """The words of a ``leaderboard`` (or ``lb``) command; None for any other command."""
    words = text.split()
    return words if words and words[0].lower() in ("leaderboard", "lb") else None


def without_private(text: str) -> str:
    """``leaderboard week private`` -> ``leaderboard week``: the core knows no audiences."""
    words = _leaderboard_words(text)
    return text if words is None else " ".join(w for w in words if w.lower() != PRIVATE)


def asks_private(body: dict) -> bool:
    words = _leaderboard_words(body.get("text", ""))
    return words is not None and PRIVATE in (w.lower() for w in words[1:])


def _answer(body: dict, learner: Learner) -> Answer | Text:
    action = body["actions"][0]
    if action.get("action_id") == SUBMIT:
        instance = action.get("value", "")
        state = ((body.get("state") or {}).get("values") or {}).get(action.get("block_id")) or {}
        picked = state.get(PICK, {}).get("selected_options") or []
        letters = tuple(sorted(option["value"] for option in picked))
        if not letters:
            return Text("Tick your answers first, then press Submit.", error=True)
    else:
        letter, _, instance = action.get("value", "").partition("|")
        letters = (letter,)
    event = f"{action.get('action_ts', '')}:{learner.user}:{instance}"
    return Answer(learner, instance, letters, event=event)


def _more(action: dict, learner: Learner) -> More | Text:
    """A More click: its value is ``start:passage_id``."""
    read = MORE_VALUE.fullmatch(action.get("value", ""))
    if read is None:
        return Text(UNREADABLE, error=True)
    return More(learner, read["passage"], int(read["start"]))


def _resolve_channel(setup: Setup, body: dict) -> Setup | Text:
    """``<#C123|name>`` (or ``#name`` / ``here`` for the channel typed in) -> target."""
    raw = setup.target
    link = _CHANNEL_LINK.match(raw)
    if link:
        channel, name = link.group(1), link.group(2) or link.group(1)
    elif raw.lower() in ("here", "this") or raw.lstrip("#") == body.get("channel_name"):
        channel, name = channel_of(body), body.get("channel_name") or channel_of(body)
    else:
        return Text(f"I can't tell which channel '{raw[:80]}' is. Type # and pick the channel from "
                    "Slack's list so it becomes a link, or run setup in that channel with 'here'.",
                    error=True)
    return replace(setup, target=f"slack:{channel}", target_name=f"#{name}")
