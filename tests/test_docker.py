"""The Docker image, checked without a Docker engine: what the Dockerfile says, what it copies,
what the build context leaves out, and that its HEALTHCHECK command really reads ``/healthz``.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import os
import re
import shlex
import sys
from datetime import datetime, timezone
from pathlib import Path

from bot.serve import Health, start_health

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
IGNORE = ROOT / ".dockerignore"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def args(name: str) -> list[str]:
    return [rest for word, rest in instructions() if word == name]


def env() -> dict[str, str]:
    values: dict[str, str] = {}
    for rest in args("ENV"):
        for pair in shlex.split(rest):
            key, _, value = pair.partition("=")
            values[key] = value
    return values


def ignored(path: str) -> bool:
    patterns = [p.strip() for p in IGNORE.read_text(encoding="utf-8").splitlines()
                if p.strip() and not p.startswith("#")]
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path, p.removeprefix("**/"))
               or path.startswith(p.rstrip("/") + "/") for p in patterns)


def healthcheck_command() -> list[str]:
    [rest] = args("HEALTHCHECK")
    return json.loads(rest[rest.index("CMD") + 3:].strip())


# --- the Dockerfile ------------------------------------------------------------------


def test_the_base_image_is_a_slim_python_the_project_supports():
    [base] = args("FROM")
    assert re.fullmatch(r"python:3\.(1[1-9])-slim(-\w+)?", base), base


def test_the_bot_runs_as_a_non_root_user():
    users = args("USER")
    assert users and users[-1] not in ("root", "0", "0:0")


def test_the_database_lives_on_the_data_volume():
    assert any("/data" in v for v in args("VOLUME"))
    assert env()["DVA_DB"] == "/data/dva.db"


def test_the_content_variable_points_at_the_copied_notes():
    copies = {parts[-1].rstrip("/").removeprefix("./"): parts[:-1] for parts in map(str.split, args("COPY"))}
    [workdir] = args("WORKDIR")
    content = env()["DVA_CONTENT"]
    assert content.startswith(workdir)
    assert copies[content.removeprefix(workdir).strip("/")] == ["content"]
    assert list((ROOT / "content" / "notes").glob("*.md"))


def test_the_command_is_dva_serve_in_exec_form():
    [command] = args("CMD")
    assert json.loads(command) == ["dva", "serve"]


def test_the_healthcheck_uses_python_not_curl_and_reads_healthz():
    command = healthcheck_command()
    assert command[0] == "python" and "/healthz" in command[-1]
    assert "curl" not in " ".join(command) and "wget" not in " ".join(command)
    assert env()["DVA_HEALTH_PORT"] in " ".join(args("EXPOSE")).split()


def test_the_image_carries_no_secrets():
    for key in {*env(), *(a.split("=")[0] for a in args("ARG"))}:
        assert not re.search(r"TOKEN|SECRET|PASSWORD|KEY", key), key
    text = " ".join(rest for _, rest in instructions())  # the comments may show `docker run -e ...`
    assert not re.search(r"xox[abp]-|DISCORD_TOKEN|SLACK_BOT_TOKEN|SIGNING_SECRET", text)


def test_every_copied_file_exists_and_is_in_the_build_context():
    for rest in args("COPY"):
        for source in rest.split()[:-1]:
            if source.startswith("--"):
                continue
            assert (ROOT / source).exists(), source
            assert not ignored(source), f"{source} is excluded by .dockerignore"


def test_the_build_context_leaves_out_git_the_database_and_caches():
    for path in (".git", ".venv", "db/dva.db", "db/dva.db-wal", "tests/__pycache__", ".pytest_cache", ".env"):
        assert ignored(path), path
    assert not ignored("db/migrations.py") and not ignored("bot/serve.py")


# --- the healthcheck command, run for real ------------------------------------------------


async def _run(command: list[str], port: int) -> int:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, *command[1:], env={**os.environ, "DVA_HEALTH_PORT": str(port)},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    return await asyncio.wait_for(proc.wait(), 20)


async def test_the_healthcheck_command_passes_when_healthz_answers_and_fails_when_it_does_not():
    health = Health(started=datetime.now(timezone.utc), adapters=["discord"])
    port, stop = await start_health(health, 0, host="127.0.0.1")
    try:
        assert await _run(healthcheck_command(), port) == 0
        health.stopping = True
        assert await _run(healthcheck_command(), port) != 0  # 503 while stopping
    finally:
        await stop()
    assert await _run(healthcheck_command(), port) != 0  # nothing listening
