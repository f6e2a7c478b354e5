"""Settings come from the environment, with clear errors, and never show secrets."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from bot.config import DEFAULT_CONTENT, Settings

README = Path(__file__).resolve().parent.parent / "README.md"
ENV_NAMES = {
    "db": "DVA_DB", "content": "DVA_CONTENT", "discord_token": "DISCORD_TOKEN",
    "discord_api_url": "DISCORD_API_URL", "discord_guild_ids": "DISCORD_GUILD_IDS",
    "slack_bot_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_app_token": "SLACK_APP_TOKEN", "slack_port": "SLACK_PORT", "slack_api_url": "SLACK_API_URL",
    "slack_admin_ids": "SLACK_ADMIN_IDS", "health_port": "DVA_HEALTH_PORT", "log_level": "DVA_LOG",
    "packs": "DVA_PACKS", "database_url": "DVA_DATABASE_URL",
    "discord_shard_ids": "DISCORD_SHARD_IDS", "discord_shard_count": "DISCORD_SHARD_COUNT",
}


def test_an_empty_environment_gives_the_console_defaults():
    settings = Settings.from_env({})
    assert settings.content == DEFAULT_CONTENT
    assert not settings.discord_enabled and not settings.slack_enabled
    assert settings.slack_port == 3000


def test_tokens_switch_the_adapters_on():
    settings = Settings.from_env({"DISCORD_TOKEN": "x", "SLACK_BOT_TOKEN": "y", "SLACK_SIGNING_SECRET": "z"})
    assert settings.discord_enabled and settings.slack_enabled


def test_slack_needs_both_token_and_signing_secret():
    assert not Settings.from_env({"SLACK_BOT_TOKEN": "y"}).slack_enabled


def test_lists_and_urls_are_normalised():
    settings = Settings.from_env({"DISCORD_GUILD_IDS": "1, 2,,3", "SLACK_API_URL": "http://127.0.0.1:9/api",
                                  "SLACK_ADMIN_IDS": "U1,U2"})
    assert settings.discord_guild_ids == (1, 2, 3)
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.slack_admin_ids == ("U1", "U2")


@pytest.mark.parametrize("name", ["SLACK_PORT", "DVA_HEALTH_PORT", "DISCORD_GUILD_IDS", "DVA_LOG"])
def test_a_malformed_number_names_the_variable(name):
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: "abc"})


def test_secrets_never_appear_in_the_settings_repr():
    settings = Settings.from_env({"DISCORD_TOKEN": "disc-secret", "SLACK_BOT_TOKEN": "xoxb-secret",
                                  "SLACK_SIGNING_SECRET": "sign-secret", "SLACK_APP_TOKEN": "xapp-secret"})
    text = repr(settings)
    assert not re.search("disc-secret|xoxb-secret|sign-secret|xapp-secret", text)


def test_every_setting_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    assert set(ENV_NAMES) == {f.name for f in fields(Settings)}, "a new setting needs its variable here"
    missing = [var for var in ENV_NAMES.values() if f"`{var}`" not in readme]
    assert not missing, f"README's configuration table lacks {missing}"


def test_the_log_level_is_read_case_insensitively():
    assert Settings.from_env({"DVA_LOG": "info"}).log_level == "INFO"
