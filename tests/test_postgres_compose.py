"""docker-compose.yml: two bots on one PostgreSQL, checked without a Docker engine.

What it says (the official postgres:16 image on a named volume with a
healthcheck; two bots built from the Dockerfile, waiting for it, on ports of
their own), and that its example env file holds placeholders only yet configures
what it should when copied as it is.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.config import Settings

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
EXAMPLE = ROOT / "dva.env.example"


def services() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]


def example() -> dict[str, str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_postgres_16_keeps_its_data_on_a_named_volume_and_says_when_it_is_ready():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    postgres = compose["services"]["postgres"]
    assert postgres["image"] == "postgres:16"
    [volume] = postgres["volumes"]
    name, _, mount = volume.partition(":")
    assert name in compose["volumes"] and mount == "/var/lib/postgresql/data"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])


def test_two_bots_run_the_repositorys_image_once_the_database_is_healthy_each_on_its_own_ports():
    bots = {name: s for name, s in services().items() if name != "postgres"}
    assert len(bots) == 2
    for bot in bots.values():
        assert bot["build"] == "." and bot["env_file"] == "dva.env"
        assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert bot["environment"]["SLACK_PORT"] == "3000"  # Slack's HTTP mode, as the Dockerfile exposes it
    published = [port.split(":")[0] for bot in bots.values() for port in bot["ports"]]
    assert len(published) == len(set(published)) == 4


def test_the_example_env_file_holds_placeholders_and_points_the_bots_at_the_postgres_service():
    env = example()
    settings = Settings.from_env(env)
    assert settings.database_url is not None and "@postgres:5432/" in settings.database_url
    assert settings.slack_bot_token and settings.slack_signing_secret and not settings.slack_app_token  # HTTP mode
    password = env["POSTGRES_PASSWORD"]
    assert password == "change-me" and f":{password}@" in env["DVA_DATABASE_URL"]
    assert all(word in value for word, value in (("your", env["SLACK_BOT_TOKEN"]),
                                                  ("your", env["SLACK_SIGNING_SECRET"])))


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_the_env_file_with_the_secrets_is_not_in_the_repository():
    tracked = subprocess.run(["git", "ls-files", "dva.env"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout.strip() == ""
